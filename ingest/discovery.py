"""Input discovery: the paths a user gave, expanded into files to read, and a quarantine row
for every path that cannot be read (a missing path, a broken link, a link that loops back, a
directory that cannot be listed, something that is not a regular file, a link that leads out of
the inputs). Nothing is skipped without a row, except hidden entries (names starting with a dot)
inside a directory."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ingest.records import IngestError, InputFile, input_kind


def discover_inputs(paths: Iterable[str | Path],
                    follow_links: bool = False) -> tuple[list[InputFile], list[IngestError]]:
    """Expand the paths a user gave into input files, in a stable order.

    A directory is walked recursively (each real directory once) for .txt, .jsonl, .html/.htm and
    .warc/.warc.gz files; any other file found in it is reported. A symbolic link inside it is
    followed when its target stays under one of the given paths; one leading elsewhere (a link to
    /etc/passwd dropped into an inbox) is reported as `link_outside_inputs` and not read, unless
    `follow_links`. A file named explicitly is read by its suffix, and as plain text when the
    suffix names no format wirehouse reads.
    """
    given_paths = [Path(given) for given in paths]
    walk = _Walk(roots=tuple(_real(path) for path in given_paths), follow_links=follow_links)
    files: list[InputFile] = []
    errors: list[IngestError] = []
    for path in given_paths:
        problem = _unreachable(path)
        if problem is not None:
            errors.append(problem)
        elif path.is_dir():
            for found in walk.directory(path):
                if isinstance(found, IngestError):
                    errors.append(found)
                else:
                    files.append(found)
        elif path.is_file():
            files.append(InputFile(path, input_kind(path) or "txt"))
        else:
            errors.append(IngestError(str(path), "unsupported_format", f"not a regular file: {path}"))
    return files, errors


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: reported when the path is read
        return path.absolute()


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


@dataclass
class _Walk:
    """One discovery's walk: the input roots links may lead into, and the real directories read."""

    roots: tuple[Path, ...]
    follow_links: bool
    visited: set[Path] = field(default_factory=set)

    def directory(self, directory: Path) -> Iterator[InputFile | IngestError]:
        """Files under `directory`, depth first in name order; each real directory walked once, so
        a link back to a directory already walked is reported as a loop, not followed forever."""
        real = directory.resolve()
        if real in self.visited:
            yield IngestError(str(directory), "symlink_loop", f"leads back to {real}, which is already being read")
            return
        self.visited.add(real)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield IngestError(str(directory), "unreadable", f"cannot list the directory: {error.strerror or error}")
            return
        for entry in entries:
            if not entry.name.startswith("."):
                yield from self.entry(Path(entry.path), entry.name)

    def entry(self, path: Path, name: str) -> Iterator[InputFile | IngestError]:
        problem = _unreachable(path) or self.leads_out(path)
        if problem is not None:
            yield problem
        elif path.is_dir():
            yield from self.directory(path)
        elif not path.is_file():
            yield IngestError(str(path), "unsupported_format", f"not a regular file: {name}")
        elif input_kind(path) is not None:
            yield InputFile(path, input_kind(path))
        else:
            yield IngestError(str(path), "unsupported_format",
                              f"not a .txt, .jsonl, .html, .htm, .warc or .warc.gz file: {name}")

    def leads_out(self, path: Path) -> IngestError | None:
        """A link whose target is under none of the input roots, unless links are followed."""
        if self.follow_links or not path.is_symlink():
            return None
        target = path.resolve()
        if any(target == root or target.is_relative_to(root) for root in self.roots):
            return None
        return IngestError(str(path), "link_outside_inputs",
                           f"the link leads out of the inputs ({path} -> {target}); not read without --follow-links")
