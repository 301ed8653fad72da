"""A page's metadata read once from its tree: <meta> tags, JSON-LD over them, the byline and
<title> where those are silent, htmldate on the markup, the site name or else the URL's host."""

import trafilatura
from trafilatura.utils import load_html

from ingest.html import DATE_PARAMS
from ingest.page_metadata import page_metadata
from tests.pages.templates import Story, news_page

STORY = Story("Port strike ends after nine days", ["Dock workers returned to work on Friday after a deal on pay."],
              author="Maria Lopez", published="2026-10-02", site="Harbour Times", url="https://harbour.example/strike")


def metadata_of(html: str, url: str | None = None):
    return page_metadata(load_html(html), url, DATE_PARAMS)


def test_meta_tags_give_title_author_date_and_site():
    found = metadata_of(news_page(STORY), STORY.url)
    assert (found.author, found.date, found.site_name) == ("Maria Lopez", "2026-10-02", "Harbour Times")
    assert found.title.startswith("Port strike ends after nine days")


def test_json_ld_speaks_over_the_meta_tags_and_a_one_word_author_names_nobody():
    page = """<html><head><title>Strike over | Harbour Times</title><meta name="author" content="admin">
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Port strike ends", "datePublished": "2026-10-02T08:00:00Z",
    "author": {"@type": "Person", "name": "Maria Lopez"}}</script></head>
    <body><article><p>Dock workers returned to work on Friday after a deal on pay was agreed.</p></article></body></html>"""
    found = metadata_of(page, "https://www.harbour.example/strike")
    assert found.author == "Maria Lopez" and found.date == "2026-10-02"
    assert found.site_name == "harbour.example"  # no site name anywhere: the URL's host


def test_a_page_without_metadata_gives_none_rather_than_a_guess_from_the_text():
    page = ("<html><body><article><p>Dock workers returned to work on Friday, 31 December 2021, after a deal "
            "on pay.</p></article></body></html>")
    found = metadata_of(page)
    assert (found.author, found.date, found.site_name, found.url) == (None, None, None, None)


def test_the_same_fields_as_trafilaturas_own_metadata_step():
    html = news_page(STORY, menu_links=40)
    ours = metadata_of(html, STORY.url)
    theirs = trafilatura.bare_extraction(html, url=STORY.url, with_metadata=True, date_extraction_params=DATE_PARAMS)
    assert (ours.title, ours.author, ours.date, ours.site_name, ours.url) == (
        theirs.title, theirs.author, theirs.date, theirs.sitename, theirs.url)
