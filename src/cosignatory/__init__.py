"""cosignatory: who signed what, with whom, to whom, and when.

Open letters, appeals and petitions found in documents become citable data:
letters with their dates, addressees and senders; signatories with name, role
and organization; every fact with the span of the source text it came from.
"""

from cosignatory.errors import CosignatoryError, IngestError, NotFoundError, StoreError
from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "CosignatoryError",
    "Document",
    "IngestError",
    "Letter",
    "NotFoundError",
    "Sender",
    "Signatory",
    "Span",
    "StoreError",
    "__version__",
]
