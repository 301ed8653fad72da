"""HTML pages to articles: charset, main text, metadata, and the same extractions as plain text."""

from __future__ import annotations

from datetime import datetime

import pytest

from extract.batch import extract_batch
from ingest.html import decode_page, page_document, pages_to_documents
from ingest.records import Document, InputMetadata, InputRejected, RawPage, article_id_for
from tests.conftest import SEED_ARTICLE
from tests.pages.templates import CLUTTER_WORDS, Story, news_page

FIRE = Story(
    "Fire destroys warehouse in east London",
    [
        "LONDON (Reuters) - A fire destroyed a warehouse in east London on Monday and injured three "
        "firefighters, police said, in the city's largest blaze this year.",
        "\"It was huge, the flames were higher than the flats next door,\" said Amir Khan, who lives on the "
        "street. The London Fire Brigade said 80 firefighters fought the blaze for six hours.",
        "The cause of the fire is not yet known. Police said they were not treating it as suspicious, and "
        "that the three injured firefighters had been taken to hospital with minor burns.",
    ],
    author="Jane Smith",
    published="2026-11-23",
    site="The Daily Courier",
    url="https://courier.example/uk/fire.html",
)


def test_a_news_page_gives_its_story_and_metadata_without_the_clutter(layout_rules):
    document = page_document(RawPage("page.html", news_page(FIRE).encode(), target_uri="https://courier.example/x"))
    text = document.raw_text
    assert text.startswith("Fire destroys warehouse in east London\n\nBy Jane Smith\n\nLONDON (Reuters) - ")
    assert all(paragraph in text for paragraph in FIRE.paragraphs)
    assert not any(word in text for word in CLUTTER_WORDS)  # banner, navigation, related, comments, footer
    meta = document.metadata
    assert (meta.title, meta.source, meta.url) == (FIRE.title, "The Daily Courier", FIRE.url)  # canonical URL
    assert (meta.published_at, meta.published_at_source, meta.input_format) == (datetime(2026, 11, 23), "page", "html")
    assert document.article_id == article_id_for(text)


def test_the_page_text_is_laid_out_like_a_plain_text_article(nlp, extraction_rules):
    document = page_document(RawPage("page.html", news_page(FIRE).encode()))
    article = extract_batch([document], nlp, extraction_rules).articles[0]
    assert (article.title, article.byline, article.dateline, article.agency) == (
        FIRE.title, "Jane Smith", "London", "Reuters")
    assert article.publisher == "The Daily Courier" and article.published_at_source == "page"


def test_quotes_and_events_of_a_page_equal_those_of_its_plain_text(nlp, extraction_rules):
    """The seed article inside a news page: the same quotes and events as the seed's text."""
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    lines = [line for line in seed_text.splitlines() if line.strip()]
    page = page_document(RawPage("seed.html", news_page(Story(lines[0], lines[1:], site="The Straits Times")).encode()))
    plain = Document(article_id_for(seed_text), "seed.txt", seed_text, InputMetadata())
    from_page, from_text = (extract_batch([d], nlp, extraction_rules, default_published_at=datetime(2015, 3, 21))
                            for d in (page, plain))

    def quotes(batch):
        return [(q.kind, q.content, q.speaker_text, q.cue) for q in batch.quotes]

    def events(batch):
        return [(e.event_class, e.country_iso3, e.place_name, e.event_date, e.fatalities, e.trigger_text)
                for e in batch.events]

    assert len(from_text.quotes) >= 15 and len(from_text.events) >= 5
    assert quotes(from_page) == quotes(from_text)
    assert events(from_page) == events(from_text)
    raw = page.raw_text
    assert all(raw[q.content_start:q.content_end] == q.content for q in from_page.quotes)  # offsets point into the page's raw_text


def test_the_http_charset_beats_the_meta_tag_which_beats_detection():
    text = "Café in Zürich: «Grüße» – naïve résumé"
    latin = f'<html><head><meta charset="windows-1252"></head><body><p>{text}</p></body></html>'
    assert text in decode_page(latin.encode("cp1252"), http_charset=None)  # the meta tag
    assert text in decode_page(latin.encode("cp1252"), http_charset="cp1252")  # the header
    utf8 = latin.encode("utf-8")  # the meta tag lies; the header is right
    assert text in decode_page(utf8, http_charset="utf-8")
    no_charset = f"<html><body><p>{text} {text} {text}</p></body></html>".encode("utf-8")
    assert text in decode_page(no_charset, http_charset=None)  # detected
    assert text in decode_page(no_charset, http_charset="x-no-such-charset")  # unknown: detection decides


def test_an_undecodable_page_and_a_page_without_main_text_are_quarantined():
    garbage = bytes(range(128, 256)) * 12
    empty = b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    good = news_page(FIRE).encode()
    results, seconds = pages_to_documents([RawPage("garbage.html", garbage, http_charset="x-unknown"),
                                           RawPage("empty.html", empty), RawPage("good.html", good)])
    assert [getattr(r, "error_kind", "document") for r in results] == ["undecodable", "no_main_text", "document"]
    assert "unknown charset 'x-unknown'" in results[0].message and seconds >= 0
    with pytest.raises(InputRejected):
        decode_page(garbage, http_charset=None)


def test_a_page_date_in_the_future_is_dropped_not_trusted():
    story = Story(FIRE.title, FIRE.paragraphs, published="2999-01-01")
    assert page_document(RawPage("p.html", news_page(story).encode())).metadata.published_at is None


def test_a_page_nested_deeper_than_lxml_reads_keeps_its_paragraphs():
    """A page of 100,000 nested <div>s had been quarantined as no_main_text: libxml2 stops at 256
    levels, so trafilatura saw none of its five paragraphs. The page's own text is read instead;
    a shallow page with only navigation still has no main text."""
    paragraphs = [f"Paragraph {n}: the council in Springfield voted on Tuesday to approve the new school budget, "
                  "its chair said." for n in range(5)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    deep = (f"<html><head><title>Budget vote</title><script>var x = '<p>code</p>';</script></head><body>"
            f"<nav><a href='/'>Home</a></nav>{'<div>' * 100_000}{body}{'</div>' * 100_000}</body></html>")
    document = page_document(RawPage("deep.html", deep.encode()))
    assert document.raw_text.startswith("Budget vote\n\n")
    assert all(p in document.raw_text for p in paragraphs)
    assert "Home" not in document.raw_text and "code" not in document.raw_text
    shallow_menu = f"<html><body>{'<div>' * 10}<nav><a href='/'>Home</a> <a href='/n'>News</a></nav></body></html>"
    with pytest.raises(InputRejected, match="no main text"):
        page_document(RawPage("menu.html", shallow_menu.encode()))


def test_paragraphs_nested_past_lxml_s_depth_are_all_kept():
    """A page of 6,600 paragraphs, each in a deeper <div>, had kept its first 843 quotes only:
    trafilatura sees the first 256 levels."""
    paragraphs = [f'"Plan {n} goes ahead," the mayor of Springfield said on Tuesday.' for n in range(400)]
    page = ("<html><head><title>Plans</title></head><body>"
            + "".join(f"<div><p>{p}</p>" for p in paragraphs) + "</div>" * 400 + "</body></html>")
    document = page_document(RawPage("deep.html", page.encode()))
    assert all(p in document.raw_text for p in paragraphs)
