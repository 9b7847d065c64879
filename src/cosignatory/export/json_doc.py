"""One JSON document with every table: `{"letters": [...], "signatories": [...], ...}`.

Owns writing it item by item, so memory stays flat however many letters there are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from cosignatory.export.records import Row


def write_json(tables: dict[str, Iterator[Row]], out: TextIO) -> None:
    """Write the tables as one JSON object of arrays."""
    out.write("{")
    for t, (name, rows) in enumerate(tables.items()):
        out.write(("," if t else "") + f"\n  {json.dumps(name)}: [")
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n    " + json.dumps(row, ensure_ascii=False))
        out.write("\n  ]")
    out.write("\n}\n")
