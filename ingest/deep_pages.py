"""The text of a page nested too deep for lxml, read with the standard library's tokenizer.

libxml2, under lxml and so under trafilatura, stops building the tree at 256 levels of nesting:
a page of 100,000 nested <div>s came out with no main text, and a page of 6,600 paragraphs each
in a deeper <div> kept only its first 843 quotes. Such a page is read here instead, tag by tag
with no tree, keeping the text outside scripts, styles, navigation, headers, footers and forms,
one paragraph per block element. A quick scan of its tags tells such a page from the others."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

LXML_MAX_DEPTH = 256  # libxml2's default limit on nesting (XML_PARSE_HUGE lifts it)
# Text inside these is not the article's: code, navigation, page furniture.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
                     "form", "button", "select", "svg"})
# Tags after which text starts a new paragraph.
BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "section", "article", "blockquote", "main", "pre", "dd", "dt", "figcaption", "hr"})
# Tags with no end tag, or whose end tag pages often leave out: no level of nesting.
UNNESTED = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                      "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd"})


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")


def deeper_than_lxml(html: str) -> bool:
    """Whether the page's elements nest deeper than libxml2 reads, by a scan of its tags (an
    estimate: tags inside scripts and comments count too; read_deep_page measures exactly)."""
    depth = 0
    for closing, name, self_closing in _TAG.findall(html):
        if self_closing or name.lower() in UNNESTED:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > LXML_MAX_DEPTH:
            return True
    return False


@dataclass
class DeepPage:
    """What the tokenizer read: the deepest nesting, the <title>, and the text in paragraphs."""

    max_depth: int = 0
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = DeepPage()
        self.depth = 0
        self.skipping: list[str] = []  # open skipped elements
        self.in_title = False
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in UNNESTED:
            self.depth += 1
            self.page.max_depth = max(self.page.max_depth, self.depth)
        if tag in SKIPPED:
            self.skipping.append(tag)
        self.in_title = tag == "title"
        if tag in BLOCKS:
            self.end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag not in UNNESTED:
            self.depth = max(0, self.depth - 1)
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        self.in_title = False
        if tag in BLOCKS:
            self.end_paragraph()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        elif not self.skipping:
            self.current.append(data)

    def end_paragraph(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.page.paragraphs.append(text)
        self.current = []


def read_deep_page(html: str) -> DeepPage:
    """The page's nesting depth, title and paragraphs, whatever its depth."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.end_paragraph()
    reader.page.title = " ".join(reader.page.title.split())
    return reader.page
