"""Entity resolution: the same person or organization across letters, spellings and years.

`resolve(records, judgements)` is the whole pure API; the store integration lives in
`cosignatory.store.entities`. Its steps (`units`, `org_pass`, `people_pass`) and the
resolution of one connected component (`components`) are what a distributed engine runs.
"""

from cosignatory.resolve.records import (
    Entity,
    Evidence,
    Feature,
    Judgement,
    MentionRecord,
    Resolution,
)
from cosignatory.resolve.resolver import resolve

__all__ = [
    "Entity",
    "Evidence",
    "Feature",
    "Judgement",
    "MentionRecord",
    "Resolution",
    "resolve",
]
