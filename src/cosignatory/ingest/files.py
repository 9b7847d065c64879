"""Which files to read: walking paths and folders, and telling a file's format by its name.

Owns the order of a batch (sorted, so every run reads the same files in the same order) and
the suffixes ingest knows. Reads no file contents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from cosignatory.errors import IngestError

FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
}


def format_of(path: Path) -> str | None:
    """The format a file's name announces (text, markdown, html, pdf, jsonl), or None."""
    name = path.name.lower()
    for suffix, fmt in FORMATS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return fmt
    return None


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the files to read: given files as they are, folders walked for known formats.

    Folders are walked recursively in sorted order, skipping hidden files and folders. A path
    that does not exist raises IngestError naming it.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            raise IngestError(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and format_of(path) is not None:
                yield path
