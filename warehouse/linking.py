"""Incremental linking after a run's loads: incidents of events, statements of quotes.

Both keep every pair the linker accepted (event_links, quote_links) and a group per item
(incident_events, quote_statements). The items to link are those the run loaded (their rows
carry its run_id) and any a killed run left without a group. Only the connected components of
the link graph those items touch, before and after their links changed, are regrouped:
complete-link grouping runs per component, so regrouping those gives what regrouping the whole
warehouse would, and the groups depend only on what the warehouse holds, never on the order
batches or runs loaded it in. The summaries (incidents, statements) of regrouped groups are then
rewritten. One transaction: all or nothing.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from link import LINKER_VERSION
from link.groups import complete_link_groups, shared_memberships
from link.incidents import (
    DAY_SLACK,
    REPORT_LAG_DAYS,
    IncidentRules,
    Link,
    LinkKey,
    best_links,
    date_window,
    links_among,
)
from link.statements import (
    MAX_QUOTES_PER_SPEAKER,
    PARAPHRASE,
    PERSON,
    QuoteKey,
    may_repeat,
    quote_links_among,
    spoken_words,
)
from warehouse.connection import open_warehouse
from warehouse.sql_files import sql_text
from warehouse.transaction import transaction

LINKS_SCHEMA = pa.schema([("item_a", pa.string()), ("item_b", pa.string()), ("score", pa.float64()),
                          ("reason", pa.string()), ("linker_version", pa.string()), ("run_id", pa.string())])
MEMBERS_SCHEMA = pa.schema([("item_id", pa.string()), ("group_id", pa.string()), ("link_score", pa.float64()),
                            ("link_reason", pa.string()), ("linked_to", pa.string()),
                            ("linker_version", pa.string()), ("run_id", pa.string()), ("primary_group", pa.bool_())])
# Given the connection (staged_link_items registered), the ids to group and the links found.
FindLinks = Callable[[duckdb.DuckDBPyConnection], tuple[list[str], dict[tuple[str, str], Link]]]
# A run's items are linked this many at a time: a cold run of 100,000 articles has 335,000
# quotes; linked at once they took the process 1.02 GB above its baseline, in chunks of 100,000
# 0.89 GB (45 s instead of 32: each chunk reads its speakers' grouped quotes again). Smaller
# chunks cost more time and saved little (25,000: 0.91 GB, 76 s).
LINK_CHUNK = 100_000


@dataclass(frozen=True)
class LinkCounts:
    n_items: int  # events or quotes the run loaded (or left without a group)
    n_links: int  # pairs found for them
    n_regrouped: int  # items whose group was recomputed
    seconds: float


def link_run(path: Path, run_id: str, rules: IncidentRules) -> dict[str, LinkCounts]:
    """Link what run_id loaded: events into incidents, quotes into statements."""
    with open_warehouse(path) as connection:
        with transaction(connection):
            counts = {"incidents": _relink(connection, "incidents", lambda c: _incident_links(c, rules), run_id),
                      # a quote can carry two remarks, each a statement; an event is one incident
                      "statements": _relink(connection, "statements", _statement_links, run_id, shared=True)}
    return counts


def _incident_links(connection: duckdb.DuckDBPyConnection,
                    rules: IncidentRules) -> tuple[list[str], dict[tuple[str, str], Link]]:
    new = [_link_key(row) for row in connection.execute(sql_text("linking/incidents/select_staged_keys.sql")).fetchall()]
    windows = [(key.country_iso3, *window) for key in new
               if key.country_iso3 and (window := date_window(key)) is not None]
    connection.register("staged_link_windows", pa.table(
        {"country_iso3": pa.array([w[0] for w in windows], pa.string()),
         "window_start": pa.array([w[1] for w in windows], pa.date32()),
         "window_end": pa.array([w[2] for w in windows], pa.date32())}))
    others = [_link_key(row) for row in connection.execute(
        sql_text("linking/incidents/select_candidate_keys.sql"), [DAY_SLACK, REPORT_LAG_DAYS]).fetchall()] if new else []
    return [key.event_id for key in new], links_among(new, others, rules)


def _link_key(row: tuple) -> LinkKey:
    *fields, actors = row
    return LinkKey(*fields, frozenset(actors))


def _statement_links(connection: duckdb.DuckDBPyConnection) -> tuple[list[str], dict[tuple[str, str], Link]]:
    connection.execute(sql_text("linking/statements/create_quote_speakers.sql"))
    staged = connection.execute(sql_text("linking/statements/select_staged_keys.sql")).fetchall()
    new = [key for row in staged if (key := _quote_key(row)) is not None]
    speakers = sorted({key.speaker for key in new})
    connection.register("staged_speakers", pa.table({"speaker": pa.array(speakers, pa.string())}))
    others = [key for row in connection.execute(sql_text("linking/statements/select_candidate_keys.sql"),
                                                [PARAPHRASE, PERSON]).fetchall()
              if (key := _quote_key(row)) is not None] if new else []
    return [row[0] for row in staged], quote_links_among(new, others)


def _quote_key(row: tuple) -> QuoteKey | None:
    """The quote as the statement linker compares it, or None when it takes no part: a paraphrase
    of no person, or a quote past its speaker's first MAX_QUOTES_PER_SPEAKER in its article."""
    quote_id, article_id, source_id, name, kind, quote_kind, content, spoken, rank_in_article = row
    if not may_repeat(quote_kind, kind, content) or rank_in_article > MAX_QUOTES_PER_SPEAKER:
        return None
    return QuoteKey(quote_id, article_id, source_id, spoken if spoken is not None else spoken_words(content, quote_kind))


def _relink(connection: duckdb.DuckDBPyConnection, kind: str, find_links: FindLinks, run_id: str,
            shared: bool = False) -> LinkCounts:
    """Link the run's items a chunk at a time, then rewrite the summaries of the groups it touched.
    With shared, an item linked to every member of another group is also a member of it."""
    started = time.perf_counter()
    folder = f"linking/{kind}"
    staged = sorted(_ids(connection, f"{folder}/select_staged_ids.sql", [run_id]))
    n_links = n_regrouped = 0
    for first in range(0, max(len(staged), 1), LINK_CHUNK):
        # every item not staged has its group; those of later chunks are no candidates yet
        _register_ids(connection, "staged_link_later", staged[first + LINK_CHUNK:])
        found, regrouped = _relink_chunk(connection, folder, find_links, staged[first:first + LINK_CHUNK], run_id, shared)
        n_links, n_regrouped = n_links + found, n_regrouped + regrouped
    connection.execute(sql_text(f"{folder}/delete_groups.sql"), [run_id])
    connection.execute(sql_text(f"{folder}/insert_groups.sql"), [LINKER_VERSION, run_id])
    return LinkCounts(len(staged), n_links, n_regrouped, time.perf_counter() - started)


def _relink_chunk(connection: duckdb.DuckDBPyConnection, folder: str, find_links: FindLinks, staged: list[str],
                  run_id: str, shared: bool) -> tuple[int, int]:
    """Drop the links of these items and of gone ones, find their new links against the items
    already grouped, and regroup every component the old or the new links made them part of.
    Returns the links found and the items regrouped."""
    _register_ids(connection, "staged_link_items", staged)
    previous = _ids(connection, f"{folder}/select_previous.sql")  # grouped before: gone, or loaded again
    before: set[str] = set()
    if previous:
        before, _ = _component(connection, folder, previous)
        _register_ids(connection, "staged_link_seeds", sorted(previous))
        connection.execute(sql_text(f"{folder}/delete_links.sql"))
    new_ids, found = find_links(connection)
    if found:
        connection.register("staged_links", _links_table(found, run_id))
        connection.execute(sql_text(f"{folder}/insert_links.sql"))
    # the old components' items but those gone or loaded again, and the loaded items that qualify
    # (asserted events, quotes with a source); gone items left the graph with their links
    start = (before - set(previous)) | set(new_ids)
    members, links = _component(connection, folder, start) if found or before else (start, {})
    scores = {pair: link.score for pair, link in links.items()}
    groups = complete_link_groups(members, scores)
    also = shared_memberships(groups, scores) if shared else {}
    _register_ids(connection, "staged_link_frontier", sorted(before | members | set(previous)))
    connection.execute(sql_text(f"{folder}/delete_members.sql"))
    connection.register("staged_members", _members_table(groups, also, links, run_id))
    connection.execute(sql_text(f"{folder}/insert_members.sql"))
    return len(found), len(members)


def _ids(connection: duckdb.DuckDBPyConnection, name: str, parameters: list | None = None) -> list[str]:
    return [row[0] for row in connection.execute(sql_text(name), parameters or []).fetchall()]


def _component(connection: duckdb.DuckDBPyConnection, folder: str,
               start: Iterable[str]) -> tuple[set[str], dict[tuple[str, str], Link]]:
    """The items reachable from start over stored links, and those links."""
    members, frontier = set(start), set(start)
    links: dict[tuple[str, str], Link] = {}
    while frontier:
        _register_ids(connection, "staged_link_frontier", sorted(frontier))
        rows = connection.execute(sql_text(f"{folder}/select_neighbours.sql")).fetchall()
        links.update({(a, b): Link(score, _reasons(reason)) for a, b, score, reason in rows})
        frontier = {item for a, b, _, _ in rows for item in (a, b)} - members
        members |= frontier
    return members, links


@functools.lru_cache(maxsize=64)
def _reasons(stored: str) -> tuple[str, ...]:
    """A link's reasons as stored ("same place+same day"): a handful of distinct values."""
    return tuple(stored.split("+"))


def _register_ids(connection: duckdb.DuckDBPyConnection, name: str, ids: list[str]) -> None:
    connection.register(name, pa.table({"item_id": pa.array(ids, pa.string())}))


def _links_table(found: Mapping[tuple[str, str], Link], run_id: str) -> pa.Table:
    pairs = sorted(found)
    return pa.table({"item_a": [a for a, _ in pairs], "item_b": [b for _, b in pairs],
                     "score": [found[p].score for p in pairs], "reason": [found[p].reason for p in pairs],
                     "linker_version": [LINKER_VERSION] * len(pairs), "run_id": [run_id] * len(pairs)},
                    schema=LINKS_SCHEMA)


def _members_table(groups: Mapping[str, str], also: Mapping[str, list[str]], links: Mapping[tuple[str, str], Link],
                   run_id: str) -> pa.Table:
    """One row per regrouped item and group it belongs to: its own group (primary_group) and each
    group it also belongs to, with its strongest link to another member of that group."""
    rows = sorted([(item, group, True) for item, group in groups.items()]
                  + [(item, group, False) for group, shared in also.items() for item in shared])
    members: dict[str, set[str]] = {}
    for item, group, _ in rows:
        members.setdefault(group, set()).add(item)
    linked: dict[str, list[tuple[str, Link]]] = {}
    for (a, b), link in links.items():
        linked.setdefault(a, []).append((b, link))
        linked.setdefault(b, []).append((a, link))
    best = [best_links({(item, other): link for other, link in linked.get(item, ()) if other in members[group]}).get(item)
            for item, group, _ in rows]
    return pa.table({
        "item_id": [r[0] for r in rows], "group_id": [r[1] for r in rows],
        "link_score": [b[0].score if b else None for b in best],
        "link_reason": [b[0].reason if b else None for b in best],
        "linked_to": [b[1] if b else None for b in best],
        "linker_version": [LINKER_VERSION] * len(rows), "run_id": [run_id] * len(rows),
        "primary_group": [r[2] for r in rows],
    }, schema=MEMBERS_SCHEMA)
