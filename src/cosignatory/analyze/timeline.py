"""The timeline: letters by date with their senders, addressees and number of signers.

Owns the rows of `cosignatory timeline` and the per-month counts the report charts.
Undated letters come last; a letter without its own date is placed by its document's
publication date and says so (`dated_by`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from cosignatory.analyze.data import Corpus


def timeline(corpus: Corpus) -> list[dict[str, Any]]:
    """One row per letter, in date order."""
    signers = Counter(s.letter_id for s in corpus.signings)
    return [
        {
            "date": letter.when,
            "dated_by": "letter" if letter.date else ("document" if letter.when else None),
            "letter_id": letter.id,
            "senders": "; ".join(letter.senders),
            "addressees": "; ".join(letter.addressees),
            "signatories": signers[letter.id],
            "reproduced": letter.reproduced,
            "source": letter.source,
        }
        for letter in corpus.letters
    ]


def by_month(corpus: Corpus) -> list[tuple[str, int]]:
    """(YYYY-MM, letters) for every month that has a dated letter, in order."""
    months = Counter(letter.when[:7] for letter in corpus.letters if letter.when)
    return sorted(months.items())
