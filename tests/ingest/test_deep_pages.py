"""The tokenizer that reads pages too deep for lxml: depth, title, paragraphs, what it leaves out."""

from ingest.deep_pages import LXML_MAX_DEPTH, deeper_than_lxml, read_deep_page


def test_depth_counts_nesting_but_not_void_or_unclosed_paragraph_tags():
    assert read_deep_page("<div><section><span>x</span></section></div>").max_depth == 3
    unclosed = "<body>" + "<p>line<br>" * 1000 + "</body>"
    assert read_deep_page(unclosed).max_depth == 1 < LXML_MAX_DEPTH


def test_paragraphs_come_from_blocks_and_furniture_is_left_out():
    page = read_deep_page("<html><head><title> A  title </title><style>p{}</style></head><body>"
                          "<header>Site name</header><nav>Home | News</nav><div>First <b>bold</b> text."
                          "<p>Second &amp; last.</p></div><script>alert(1)</script><form>Search</form>"
                          "<footer>(c) 2026</footer></body></html>")
    assert page.title == "A title"
    assert page.paragraphs == ["First bold text.", "Second & last."]


def test_the_tag_scan_tells_a_page_deeper_than_lxml_reads():
    assert deeper_than_lxml("<div>" * 300 + "x" + "</div>" * 300)
    assert not deeper_than_lxml(("<div><p>a<br>b<img src=x></p></div>" * 5000))  # long, not deep
    assert not deeper_than_lxml("<ul>" + "<li>item" * 1000 + "</ul>")  # unclosed items do not nest
