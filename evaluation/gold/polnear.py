"""Read the PolNeAR attribution corpus (BRAT standoff .ann files) into GoldArticle records."""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from evaluation.gold.quotes import GoldArticle, GoldQuote, Span

SPLITS = ("train", "dev", "test")

# A record line starts with an id (T12, E3, A1, R2, #1, ...) and a tab. Any other line is the
# continuation of the previous record: BRAT copies the span text verbatim, newlines included.
_RECORD_START = re.compile(r"^(?:[TEARNM]\d+|#\d*)\t")
_ROLE_SUFFIX = re.compile(r"\d+$")  # Content2 is a second content span of the same attribution
_DATE_IN_ID = re.compile(r"^[a-z-]+_(\d{4}-\d{2}-\d{2})_")

Fragments = tuple[Span, ...]


def _records(annotations: str) -> list[str]:
    """Split .ann text into records, re-joining span text that was broken across lines."""
    records: list[str] = []
    for line in annotations.split("\n"):
        if _RECORD_START.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    return [record for record in records if record.strip()]


def _fragments(offsets: str) -> Fragments:
    """Parse "12 20" or the discontinuous "12 20;25 31" into (start, end) fragments."""
    spans = []
    for fragment in offsets.split(";"):
        start, end = fragment.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def _text_bounds(records: Iterable[str]) -> dict[str, Fragments]:
    """Map each text-bound annotation id (T...) to its fragments; its type is not needed."""
    bounds: dict[str, Fragments] = {}
    for record in records:
        if record.startswith("T"):
            tid, type_and_offsets = record.split("\t")[:2]
            _, offsets = type_and_offsets.split(" ", 1)
            bounds[tid] = _fragments(offsets)
    return bounds


def _event_arguments(records: Iterable[str]) -> list[list[tuple[str, str]]]:
    """For each attribution event (E...), its (role, T id) arguments after the trigger."""
    events = []
    for record in records:
        if record.startswith("E"):
            fields = record.split("\t")
            arguments = fields[1].split() if len(fields) > 1 else []
            events.append([_role_and_id(argument) for argument in arguments[1:]])
    return events


def _role_and_id(argument: str) -> tuple[str, str]:
    """Split an event argument such as "Content2:T38" into ("Content2", "T38")."""
    role, _, tid = argument.partition(":")
    return role, tid


def _merge(fragments: Iterable[Span]) -> Fragments:
    """Sort and de-duplicate fragments so a span's pieces come in reading order."""
    return tuple(sorted(set(fragments)))


def _quote(arguments: list[tuple[str, str]], bounds: dict[str, Fragments]) -> GoldQuote | None:
    """Build one GoldQuote from an event's role arguments, or None without a cue or content.

    Roles are read from the event rather than from the T line's type, and numbered roles
    (Content2) are folded into their base role.
    """
    roles: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
    for role, tid in arguments:
        base = _ROLE_SUFFIX.sub("", role)
        if base in roles and tid in bounds:
            roles[base].extend(bounds[tid])
    if not roles["Cue"] or not roles["Content"]:
        return None
    return GoldQuote(
        content=_merge(roles["Content"]), speaker=_merge(roles["Source"]), cue=_merge(roles["Cue"])
    )


def _check_inside(doc_id: str, text: str, quotes: Iterable[GoldQuote]) -> None:
    """Fail loudly if an annotation does not fit the text (wrong file or wrong decoding)."""
    for quote in quotes:
        for start, end in quote.content + quote.speaker + quote.cue:
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{doc_id}: span ({start}, {end}) is outside the text")


def parse_polnear_document(doc_id: str, text: str, annotations: str) -> GoldArticle:
    """One PolNeAR article: its text and .ann text in, a GoldArticle out.

    Keeps the attributions (E lines) that have both a cue and a content span, since the
    extractor is scored on those; the source may be missing (speaker=()). Offsets are
    character offsets into `text` exactly as stored (a leading BOM counts as a character).
    The publication date is taken from the doc id when it follows PolNeAR's naming.
    """
    records = _records(annotations)
    bounds = _text_bounds(records)
    quotes = [quote for args in _event_arguments(records) if (quote := _quote(args, bounds))]
    quotes.sort(key=lambda quote: (quote.content[0], quote.cue[0]))
    _check_inside(doc_id, text, quotes)
    date = _DATE_IN_ID.match(doc_id)
    return GoldArticle(doc_id, text, tuple(quotes), published_at=date.group(1) if date else None)


def _split_dir(root: Path, split: str) -> Path:
    """Find <root>/<split> (or <root>/data/<split> in a repository clone) holding text/ and attributions/."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    for candidate in (root / split, root / "data" / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise FileNotFoundError(
        f"PolNeAR {split!r} split not found under {root}: expected {root}/{split}/text/*.txt and "
        f"{root}/{split}/attributions/*.ann (the data/ folder of github.com/networkdynamics/PolNeAR)"
    )


def _annotation_path(attributions_dir: Path, doc_id: str) -> Path:
    """The article's <doc_id>_<annotator>.ann file.

    A few articles were annotated by several annotators (for agreement checks); take the
    first annotator id in sorted order so that runs are repeatable.
    """
    pattern = f"{glob.escape(doc_id)}_*.ann"
    candidates = sorted(p for p in attributions_dir.glob(pattern) if p.stem.rsplit("_", 1)[0] == doc_id)
    if not candidates:
        raise FileNotFoundError(f"no annotation file for {doc_id} in {attributions_dir}")
    return candidates[0]


def _read_text(path: Path) -> str:
    """Decode UTF-8 without newline translation, so offsets line up with the file."""
    return path.read_bytes().decode("utf-8")


def iter_polnear(root: Path, split: str) -> Iterator[GoldArticle]:
    """Yield the articles of one PolNeAR split ("train", "dev" or "test"), sorted by doc id.

    `root` is the corpus's data/ folder (holding train/, dev/, test/ and metadata.tsv); the
    repository root is accepted too. One GoldArticle per article text, even where several
    annotators annotated it.
    """
    split_dir = _split_dir(Path(root), split)
    attributions_dir = split_dir / "attributions"
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        doc_id = text_path.stem
        annotations = _read_text(_annotation_path(attributions_dir, doc_id))
        yield parse_polnear_document(doc_id, _read_text(text_path), annotations)
