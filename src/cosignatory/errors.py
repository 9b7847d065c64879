"""The one exception root of cosignatory and its few subclasses.

Library code raises these; the CLI and the web turn them into a message and an
exit code or an HTTP status. Nothing here prints.
"""

from __future__ import annotations


class CosignatoryError(Exception):
    """Root of every error cosignatory raises on purpose."""


class IngestError(CosignatoryError):
    """A source file could not be read as a document (names the file and why)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(CosignatoryError):
    """The store is missing, locked, corrupt or of an unknown schema."""


class NotFoundError(CosignatoryError):
    """A letter, person, organization or mention id that the store does not hold."""


class ReviewError(CosignatoryError):
    """A judgement or correction that cannot be applied (unknown ids, contradictions)."""
