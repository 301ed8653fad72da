"""What tells a re-run whether an input file changed: its state on disk (size and modification
time, as make and rsync judge it), and which of a run's inputs came from which file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ingest.records import InputFile, PlannedItem, WarcRange


@dataclass(frozen=True)
class FileState:
    """An input file as found on disk before it is read."""

    path: str  # absolute, links resolved: the key a later run looks it up by
    kind: str  # txt | jsonl | html | warc
    size_bytes: int
    modified_ns: int


def file_state(input_file: InputFile) -> FileState | None:
    """The file's state now, or None when it cannot be looked at (the reader will say why)."""
    try:
        stat = input_file.path.stat()
        resolved = input_file.path.resolve()
    except (OSError, RuntimeError):
        return None
    return FileState(str(resolved), input_file.kind, stat.st_size, stat.st_mtime_ns)


def counted_per_file(files: Iterable[InputFile], read: Callable[[list[InputFile]], Iterable[PlannedItem]],
                     tally: dict[InputFile, int]) -> Iterator[PlannedItem]:
    """The items `read([file])` yields for each file in turn, adding to tally[file] how many
    each file held. A WARC range counts none here: its reader counts the records it holds."""
    for input_file in files:
        tally[input_file] = 0
        for item in read([input_file]):
            tally[input_file] += not isinstance(item, WarcRange)
            yield item


def files_with_errors(files: Iterable[InputFile], error_uris: Iterable[str]) -> set[InputFile]:
    """The files some quarantined input came from. An input's source_uri is its file's path as
    given, followed for JSONL lines and WARC records by '#' and where in the file it is."""
    by_path = {str(input_file.path): input_file for input_file in files}
    found = set()
    for uri in error_uris:
        candidates = [uri] + [uri[:at] for at, character in enumerate(uri) if character == "#"]
        found.update(by_path[candidate] for candidate in candidates if candidate in by_path)
    return found
