"""Document shards: which files a run reads, and one shard to its documents.

JSON Lines (plain or gzip) and single documents go through the project's own readers
(`cosignatory.ingest`), so a shard yields exactly the documents the single-machine path
reads from it. WARC files (through warcio) yield one HTML document per response record;
Parquet rows (read by Spark itself) become documents here. Pure Python: no Spark, no store.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from cosignatory.errors import IngestError
from cosignatory.ingest import iter_files, read_documents
from cosignatory.model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
PARQUET_SUFFIX = ".parquet"


def list_inputs(inputs: Iterable[str]) -> list[Path]:
    """The files to read, in the order the single-machine path reads them.

    Each input is a file, a folder (walked as `iter_files` walks it, plus its WARC and
    Parquet files) or a glob pattern (matches sorted). Only paths are listed: nothing is read.
    """
    out: list[Path] = []
    for pattern in inputs:
        if glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise IngestError(pattern, "no file matches this pattern")
            paths = [Path(m) for m in matches]
        else:
            paths = [Path(pattern)]
        for path in paths:
            out.extend(iter_files([path]))
            if path.is_dir():
                out.extend(
                    p
                    for p in sorted(path.rglob("*"))
                    if _name(p).endswith((*WARC_SUFFIXES, PARQUET_SUFFIX))
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
    return out


def _name(path: Path) -> str:
    return path.name.lower()


def is_parquet(path: Path) -> bool:
    return _name(path).endswith(PARQUET_SUFFIX)


def read_shard(path: Path) -> Iterator[Document]:
    """The documents of one shard; raises IngestError (after the good ones) if it is damaged."""
    if _name(path).endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    else:
        yield from read_documents(path)


def read_warc(path: Path) -> Iterator[Document]:
    """One document per HTML response record of a WARC file, sourced `path@offset`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from cosignatory.ingest.html import declared_charset, extract_page
    from cosignatory.ingest.text import decode

    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or not record.http_headers:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                source = f"{path}@{records.get_record_offset()}"
                data = record.content_stream().read()
                try:
                    page = extract_page(decode(data, source, declared_charset(data)))
                except IngestError:
                    continue
                if page.text.strip():
                    url = page.url or record.rec_headers.get_header("WARC-Target-URI")
                    yield Document(source, page.text, "html", page.title, url, page.published)
    except (ArchiveLoadFailed, OSError, EOFError) as exc:
        raise IngestError(str(path), f"not a readable WARC file ({exc})") from exc


def record_document(record: Mapping[str, Any], source: str) -> Document | None:
    """A Parquet row (`text` or `html`, `url`, `title`, `published`) as a Document, as the
    JSON Lines reader makes one; None for a row without any text."""
    from cosignatory.ingest.html import extract_page
    from cosignatory.ingest.text import clean

    def string(key: str) -> str | None:
        value = record.get(key)
        return value.strip() or None if isinstance(value, str) else None

    text, html = string("text"), string("html")
    title, url, published = string("title"), string("url"), string("published")
    if text:
        text = clean(text)
    elif html:
        page = extract_page(html)
        text = page.text
        title, url, published = title or page.title, url or page.url, published or page.published
    if not text or not text.strip():
        return None
    return Document(source, text, "parquet", title=title, url=url, published=published)
