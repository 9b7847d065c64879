"""JSON Lines of articles to documents, streamed one line at a time (plain or gzip).

Each line is one object with `text` or `html` (text wins when both are given; html goes
through the HTML path) and optional `url`, `title`, `published`. A bad line does not stop the
file: every good record is yielded first, then one IngestError names the bad lines and why.
Blank lines are skipped. Memory stays bounded by the largest record, which is capped.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cosignatory.errors import IngestError
from cosignatory.ingest.html import extract_page
from cosignatory.ingest.text import clean
from cosignatory.model import Document

_SHOWN = 5  # bad lines named in the error; the rest are counted
_CHUNK = 1 << 20


def read_jsonl(path: Path, max_record_bytes: int) -> Iterator[Document]:
    """Yield one Document per good line, sourced `path#L<line>`; then raise for bad lines."""
    source = str(path)
    bad: list[str] = []
    number = 0
    try:
        with _open(path) as stream:
            for number, line in enumerate(_lines(stream, max_record_bytes), start=1):
                if line is None:
                    bad.append(f"line {number}: record over {max_record_bytes:,} bytes")
                    continue
                if not line.strip():
                    continue
                try:
                    yield _record(line, f"{source}#L{number}")
                except ValueError as exc:
                    bad.append(f"line {number}: {exc}")
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        bad.append(f"corrupt gzip after line {number} ({exc})")
    if bad:
        shown = "; ".join(bad[:_SHOWN])
        more = f"; and {len(bad) - _SHOWN} more" if len(bad) > _SHOWN else ""
        raise IngestError(source, f"skipped bad JSON Lines: {shown}{more}")


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The file's lines, None for one longer than `limit` (read past, never held whole)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _record(line: bytes, source: str) -> Document:
    """One line as a Document; ValueError (a short reason) if it is not a usable record."""
    try:
        record: Any = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8") from exc
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")
        raise ValueError(f"invalid JSON ({reason} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise ValueError(f"a JSON {type(record).__name__}, not an object")
    text, html = record.get("text"), record.get("html")
    title, url = _string(record.get("title")), _string(record.get("url"))
    published = _string(record.get("published"))
    if isinstance(text, str) and text.strip():
        text = clean(text)
    elif isinstance(html, str) and html.strip():
        page = extract_page(html)
        text = page.text
        title, url, published = title or page.title, url or page.url, published or page.published
    else:
        raise ValueError("empty text" if isinstance(text or html, str) else "no 'text' or 'html'")
    if not text.strip():
        raise ValueError("no text in its html")
    return Document(
        source=source, text=text, format="jsonl", title=title, url=url, published=published
    )


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
