"""How the flow's reader hands work to the workers: HTML pages in groups, WARC ranges one by
one, at most a few units in flight, and what comes back in the order it was read."""

from pathlib import Path

from flows.batching import pages_converted
from ingest.records import Document, InputMetadata, RawPage, SkippedRecord, WarcRange


class Done:
    """A unit's result computed at once, as a future's result() would give it."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def document(name: str) -> Document:
    return Document(name, name, f"text of {name}", InputMetadata())


def converter(log: list, in_flight_seen: list):
    """A submit that turns each page into a Document and each range into two, noting what it was given."""
    pending = []

    def submit(unit):
        log.append(unit)
        pending.append(unit)
        in_flight_seen.append(len(pending))
        if isinstance(unit, WarcRange):
            items = [document(f"{unit.start}-a"), SkippedRecord(f"{unit.start}-b", "request")]
        else:
            items = [document(page.source_uri) for page in unit]
        return Done((items, {"html": 1.0}))

    return submit, pending


def test_pages_and_ranges_come_back_in_the_order_they_were_read():
    archive = Path("crawl.warc.gz")
    read = [RawPage("p1", b"x"), RawPage("p2", b"x"), WarcRange(archive, 0, 10), document("t1"),
            RawPage("p3", b"x"), WarcRange(archive, 10, 20)]
    log, seen, heard = [], [], []
    submit, pending = converter(log, seen)

    def on_converted(unit, items, seconds):
        pending.remove(unit)
        heard.append((unit, len(items), seconds))

    out = list(pages_converted(read, submit, pages_per_task=64, in_flight=2, on_converted=on_converted))
    assert [getattr(item, "source_uri") for item in out] == ["p1", "p2", "0-a", "0-b", "t1", "p3", "10-a", "10-b"]
    # the open group of pages went before the range read after it; each range is its own unit
    assert log == [[read[0], read[1]], read[2], [read[4]], read[5]]
    assert [(n, seconds) for _, n, seconds in heard] == [(2, {"html": 1.0}), (2, {"html": 1.0}), (1, {"html": 1.0}),
                                                     (2, {"html": 1.0})]
    assert max(seen) == 3  # in_flight 2: one more is submitted, then the oldest is waited for


def test_pages_go_in_groups_of_the_size_asked():
    pages = [RawPage(f"p{k}", b"x") for k in range(5)]
    log, seen = [], []
    submit, pending = converter(log, seen)
    out = list(pages_converted(pages, submit, pages_per_task=2, in_flight=8,
                               on_converted=lambda unit, items, seconds: pending.remove(unit)))
    assert [len(unit) for unit in log] == [2, 2, 1]
    assert [item.source_uri for item in out] == [f"p{k}" for k in range(5)]
