"""News pages written for wirehouse's tests: a story inside the clutter real news sites wrap
it in (navigation, a cookie banner, share buttons, related links, comments, a footer), and
WARC archives of such pages written record by record."""

from __future__ import annotations

import gzip
import html
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CLUTTER_WORDS = ("Subscribe", "Cookie", "Related", "Comments", "Newsletter", "Copyright")


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: Sequence[str]
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    site: str = "The Daily Courier"
    url: str = "https://courier.example/world/2026/story.html"


def mega_menu(links: int) -> str:
    """The site-wide menu and link lists that make a real news page 50-150 KB of HTML."""
    sections = ("World", "Politics", "Business", "Markets", "Tech", "Science", "Health", "Sport", "Culture", "Travel")
    items = "".join(f'<li class="menu-item"><a class="menu-link" href="/{sections[i % 10].lower()}/topic-{i}" '
                    f'data-track="nav-{i}">{sections[i % 10]} topic {i}</a></li>' for i in range(links))
    return f'<div class="mega-menu" aria-hidden="true"><ul class="menu">{items}</ul></div>'


def tracking_script(kilobytes: int) -> str:
    """Inline configuration and analytics code, as pages carry it."""
    chunk = '{"slot": "ad-%d", "sizes": [[300, 250], [728, 90]], "targeting": {"section": "world"}},'
    entries = "".join(chunk % i for i in range(kilobytes * 1024 // len(chunk)))
    return f"<script>window.adConfig = [{entries}];</script>"


def news_page(story: Story, charset: str = "utf-8", meta_charset: bool = True, menu_links: int = 5,
              script_kilobytes: int = 0) -> str:
    """A whole page: the story in an <article> between a site's usual furniture; `menu_links`
    and `script_kilobytes` make it as heavy as a real news site's page."""
    escape = html.escape
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in story.paragraphs)
    author = (f'<meta name="author" content="{escape(story.author)}">' if story.author else "")
    date = (f'<meta property="article:published_time" content="{story.published}T08:30:00Z">'
            if story.published else "")
    byline = f'<p class="byline">By <a href="/authors/x" rel="author">{escape(story.author)}</a></p>' \
        if story.author else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head>
  {f'<meta charset="{charset}">' if meta_charset else ''}
  <title>{escape(story.title)} | {escape(story.site)}</title>
  <meta property="og:site_name" content="{escape(story.site)}">
  <meta property="og:title" content="{escape(story.title)}">
  <link rel="canonical" href="{escape(story.url)}">
  {author}
  {date}
  <script>window.dataLayer = [{{"page": "article"}}];</script>
  {tracking_script(script_kilobytes) if script_kilobytes else ''}
  <style>.cookie {{ position: fixed; }}</style>
</head><body>
  <div class="cookie" id="cookie-banner">We use cookies to improve your experience. By continuing to
    browse you accept our cookie policy. <button>Accept all cookies</button></div>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/subscribe">Subscribe to our newsletter</a></li></ul>{mega_menu(menu_links)}</nav></header>
  <main>
    <article>
      <h1>{escape(story.title)}</h1>
      {byline}
      <div class="share">Share on Facebook | Share on X | Email this story</div>
{body}
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      <li><a href="/a">Markets rally as central bank holds rates steady for a third month</a></li>
      <li><a href="/b">Ten recipes for a quick weeknight dinner the whole family will enjoy</a></li>
      <li><a href="/c">Opinion: why the city needs a new stadium before the next election</a></li></ul></aside>
    <section class="comments" id="comments"><h2>Comments</h2>
      <div class="comment"><p>Reader123 wrote: This is the worst coverage I have read all year, honestly.</p></div>
      <div class="comment"><p>JaneQ wrote: Thanks for reporting this, please keep us updated on it.</p></div>
    </section>
  </main>
  <footer><p>Copyright 2026 {escape(story.site)}. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | <a href="/contact">Contact us</a></p>
  </footer>
</body></html>
"""


@dataclass(frozen=True)
class Record:
    """One WARC record to write: a response (a page, or any payload) or another record type."""

    target_uri: str
    payload: bytes = b""
    record_type: str = "response"
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    content_encoding: str | None = None  # gzip | deflate | br: the payload is encoded here
    chunked: bool = False


def http_body(record: Record) -> tuple[bytes, list[tuple[str, str]]]:
    """The HTTP body and headers of a response record, encoded and chunked as asked."""
    body, headers = record.payload, [("Content-Type", record.content_type)]
    if record.content_encoding == "gzip":
        body = gzip.compress(body)
    elif record.content_encoding == "deflate":
        import zlib

        body = zlib.compress(body)
    elif record.content_encoding == "br":
        import brotli

        body = brotli.compress(body)
    if record.content_encoding:
        headers.append(("Content-Encoding", record.content_encoding))
    if record.chunked:
        half = len(body) // 2
        parts = [body[:half], body[half:]]
        body = b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in parts if p) + b"0\r\n\r\n"
        headers.append(("Transfer-Encoding", "chunked"))
    return body, headers


def warc_bytes(records: Sequence[Record], gzipped: bool = True) -> bytes:
    """A WARC archive of the records (one gzip member each when gzipped, as CC-NEWS)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped, warc_version="WARC/1.1")
    for record in records:
        if record.record_type == "response":
            body, headers = http_body(record)
            http_headers = StatusAndHeaders(record.status, headers, protocol="HTTP/1.1")
            warc = writer.create_warc_record(record.target_uri, "response", payload=io.BytesIO(body),
                                             length=len(body), http_headers=http_headers)
        else:
            warc = writer.create_warc_record(record.target_uri, record.record_type, payload=io.BytesIO(record.payload),
                                             length=len(record.payload),
                                             warc_content_type="application/warc-fields")
        warc.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, record.target_uri + record.record_type)}>")
        warc.rec_headers.replace_header("WARC-Date", "2026-11-30T12:00:00Z")
        writer.write_record(warc)
    return out.getvalue()
