"""One file to its documents: size check, format by name (or by content), then the format's reader.

Every failure becomes an IngestError naming the file and saying, in one line, what is wrong;
`read_paths` turns a batch into documents and errors so that one bad file never stops the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cosignatory.errors import IngestError
from cosignatory.ingest.files import format_of, iter_files
from cosignatory.ingest.text import decode
from cosignatory.model import Document

DEFAULT_MAX_BYTES = 50_000_000  # per file; for JSON Lines, per record
_HTML_START = (b"<!doctype html", b"<html", b"<?xml")


def read_documents(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Yield the documents of one file: one, or one per record of a JSON Lines file.

    Raises IngestError (after yielding a JSON Lines file's good records) if the file is
    unreadable, too large, empty, binary, or not valid in its format.
    """
    source = str(path)
    fmt = format_of(path)
    if fmt == "jsonl":
        from cosignatory.ingest.jsonl import read_jsonl

        try:
            yield from read_jsonl(path, max_bytes)
        except OSError as exc:
            raise IngestError(source, f"cannot read ({exc.strerror or exc})") from exc
        return
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise IngestError(source, "empty file" if not data else "empty file (only whitespace)")
    if data.startswith(b"%PDF-"):
        fmt = "pdf"
    elif fmt is None:
        fmt = _sniff(data)
    yield _document(source, data, fmt)


def read_paths(
    paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Every document under `paths`, with each failure yielded as an IngestError in its place."""
    try:
        for path in iter_files(paths):
            try:
                yield from read_documents(path, max_bytes=max_bytes)
            except IngestError as error:
                yield error
    except IngestError as error:  # a path that does not exist
        yield error


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # decided before reading a byte
            raise IngestError(source, _too_large(size, max_bytes))
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)  # a file that grew, or a device, stops here
    except IsADirectoryError as exc:
        raise IngestError(source, "is a folder, not a file") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise IngestError(source, _too_large(max_bytes, max_bytes, at_least=True))
    return data


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"file is {more}{size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit; "
        "split it or pass --max-size"
    )


def _sniff(data: bytes) -> str:
    """The format of a file whose name does not tell it."""
    head = data[:512].lstrip().lower()
    if head.startswith(_HTML_START) and b"<html" in data[:4096].lower():
        return "html"
    return "text"


def _document(source: str, data: bytes, fmt: str) -> Document:
    if fmt == "pdf":
        from cosignatory.ingest.pdf import extract_pdf

        pdf = extract_pdf(data, source)
        return Document(source, pdf.text, "pdf", title=pdf.title, published=pdf.published)
    if fmt == "html":
        from cosignatory.ingest.html import declared_charset, extract_page

        page = extract_page(decode(data, source, declared_charset(data)))
        if not page.text.strip():
            raise IngestError(source, "HTML page without any text")
        return Document(source, page.text, "html", page.title, page.url, page.published)
    text = decode(data, source)
    if not text.strip():
        raise IngestError(source, "empty file (no text after decoding)")
    return Document(source, text, fmt, title=_markdown_title(text) if fmt == "markdown" else None)


def _markdown_title(text: str) -> str | None:
    """The text of a Markdown file's first line when it is a `# Heading`."""
    first = text.lstrip("\n").split("\n", 1)[0]
    return first[2:].strip() or None if first.startswith("# ") else None
