"""Nothing lost (issue 11): each probe of the issue, run as a real flow into a real DuckDB file."""

from __future__ import annotations

import shutil

import pytest

import transforms.extract
from flows.etl import etl
from tests.conftest import SEED_ARTICLE
from transforms.documents import article_id_for
from warehouse.query import run_query

pytestmark = pytest.mark.usefixtures("prefect_server")

LONG_PARAGRAPH = ("Police in Paris arrested two men on Monday after a protest outside the ministry, "
                  "a spokesman said. The talks would go on, the minister told reporters. ")
FAILING_TEXT = "The Zzyzx council met on Tuesday.\n\nMembers of the Zzyzx council agreed on a budget."


@pytest.fixture
def failing_events_extractor(monkeypatch):
    """An extractor that raises on one article, as a bug would."""
    real = transforms.extract.extract_events

    def events_or_bug(index, *args, **kwargs):
        if "Zzyzx" in index.text:
            raise RuntimeError("an extractor bug\nwith a second line")
        return real(index, *args, **kwargs)

    monkeypatch.setattr(transforms.extract, "extract_events", events_or_bug)


def test_a_long_article_and_a_failing_one_leave_the_rest_of_the_batch_loaded(tmp_path, nlp, monkeypatch,
                                                                             failing_events_extractor):
    # spaCy refuses texts over nlp.max_length (E088: 1,000,000 characters by default); lowered
    # here so that the over-long article stays quick to parse.
    monkeypatch.setattr(nlp, "max_length", 30_000)
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "seed.txt")
    long_text = "Protest in Paris\n\n" + LONG_PARAGRAPH * 450  # one line of about 75,000 characters
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    (folder / "failing.txt").write_text(FAILING_TEXT, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"

    summary = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)

    assert summary.status == "completed", summary.failed_checks  # offsets checked in raw_text
    assert (summary.counts.n_articles_new, summary.counts.n_quarantined) == (2, 1)
    (error,) = run_query(warehouse, "SELECT error_kind, article_id, message, source_uri FROM ingest_errors").rows
    assert error[:2] == ("extract", article_id_for(FAILING_TEXT))
    assert error[2] == "cannot extract from the article: RuntimeError: an extractor bug"
    assert error[3].endswith("failing.txt")
    long_id = article_id_for(long_text)
    n_paris, n_wrong = run_query(warehouse, """
        SELECT count(*), count(*) FILTER (WHERE substr(a.raw_text, m."start" + 1, m."end" - m."start") <> m.text)
        FROM entity_mentions AS m JOIN articles AS a USING (article_id)
        WHERE m.article_id = $1 AND m.text = 'Paris'""", [long_id]).rows[0]
    assert n_paris >= 400 and n_wrong == 0  # every piece parsed, offsets into the whole raw_text
    assert run_query(warehouse, "SELECT count(*) FROM articles WHERE article_id = $1",
                     [article_id_for(FAILING_TEXT)]).rows == [(0,)]

    again = etl(inputs=[str(folder)], warehouse=str(warehouse), export=False)
    assert (again.counts.n_articles_existing, again.counts.n_quarantined) == (2, 1)
    assert run_query(warehouse, "SELECT count(*) FROM ingest_errors").rows == [(2,)]
