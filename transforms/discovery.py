"""Input discovery: the paths a user gave, expanded into files to read, and a quarantine row
for every path that cannot be read (a missing path, a broken link, a link that loops back, a
directory that cannot be listed, something that is not a regular file). Nothing is skipped
without a row, except hidden entries (names starting with a dot) inside a directory."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from transforms.documents import IngestError, InputFile, input_kind


def discover_inputs(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[IngestError]]:
    """Expand the paths a user gave into input files, in a stable order.

    A directory is walked recursively (symlinked directories followed, each real directory
    once) for .txt, .jsonl, .html/.htm and .warc/.warc.gz files; any other file found in it is
    reported. A file named explicitly is read by its suffix, and as plain text when the suffix
    names no format wirehouse reads.
    """
    files: list[InputFile] = []
    errors: list[IngestError] = []
    visited: set[Path] = set()
    for given in paths:
        path = Path(given)
        problem = _unreachable(path)
        if problem is not None:
            errors.append(problem)
        elif path.is_dir():
            for found in _walk(path, visited):
                if isinstance(found, IngestError):
                    errors.append(found)
                else:
                    files.append(found)
        elif path.is_file():
            files.append(InputFile(path, input_kind(path) or "txt"))
        else:
            errors.append(IngestError(str(path), "unsupported_format", f"not a regular file: {path}"))
    return files, errors


def _unreachable(path: Path) -> IngestError | None:
    """Why `path` cannot be followed (missing, a broken link, a link loop), or None."""
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return IngestError(str(path), "symlink_loop", f"the link loops back on itself: {path}")
        if path.is_symlink():
            return IngestError(str(path), "broken_link", f"the link points to nothing: {path} -> {os.readlink(path)}")
        if error.errno == errno.ENOENT:
            return IngestError(str(path), "not_found", f"no such file or directory: {path}")
        return IngestError(str(path), "unreadable", f"cannot read {path}: {error.strerror or error}")
    return None


def _walk(directory: Path, visited: set[Path]) -> Iterator[InputFile | IngestError]:
    """Files under `directory`, depth first in name order; each real directory walked once, so a
    link back to a directory already walked is reported as a loop, not followed forever."""
    real = directory.resolve()
    if real in visited:
        yield IngestError(str(directory), "symlink_loop", f"leads back to {real}, which is already being read")
        return
    visited.add(real)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield IngestError(str(directory), "unreadable", f"cannot list the directory: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        problem = _unreachable(path)
        if problem is not None:
            yield problem
        elif path.is_dir():
            yield from _walk(path, visited)
        elif not path.is_file():
            yield IngestError(str(path), "unsupported_format", f"not a regular file: {entry.name}")
        elif input_kind(path) is not None:
            yield InputFile(path, input_kind(path))
        else:
            yield IngestError(str(path), "unsupported_format",
                              f"not a .txt, .jsonl, .html, .htm, .warc or .warc.gz file: {entry.name}")
