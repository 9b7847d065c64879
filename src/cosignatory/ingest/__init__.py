"""Ingest: files and folders to `Document`s (text, Markdown, HTML, PDF, JSON Lines).

The first stage of the pipeline. It decides what the citable text of each document is, so
extraction spans index into exactly what these functions return. It never touches the store.
"""

from cosignatory.ingest.files import iter_files
from cosignatory.ingest.read import DEFAULT_MAX_BYTES, read_documents, read_paths

__all__ = ["DEFAULT_MAX_BYTES", "iter_files", "read_documents", "read_paths"]
