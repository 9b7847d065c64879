"""Validate FtM JSON lines with whichever followthemoney is installed (3.x or 4.x).

Usage: python ftm_validate.py FILE.ftm.json  ->  prints {"version", "entities", "errors"}
as JSON; exit status 1 if any entity is invalid. Runs standalone (no cosignatory import)
so the tests can run it under the 3.x line Aleph 4 pins, in its own venv.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

import followthemoney
from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry

ID = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
STRICT_TYPES = {"entity", "date", "topic", "url", "country", "language"}


def problems(entity: dict, ids: set[str]) -> list[str]:
    out = []
    eid = entity.get("id") or ""
    if not ID.match(eid) or not registry.entity.validate(eid):
        out.append(f"bad id {eid!r}")
    schema = model.get(entity.get("schema") or "")
    if schema is None or schema.abstract:
        return [*out, f"bad schema {entity.get('schema')!r}"]
    props = entity.get("properties", {})
    for name in schema.required:
        if not props.get(name):
            out.append(f"{eid}: missing required {name}")
    try:
        if schema.validate(entity):
            out.append(f"{eid}: schema.validate failed")
    except InvalidData as exc:
        out.append(f"{eid}: {exc}")
    for name, values in props.items():
        prop = schema.properties.get(name)
        if prop is None:
            out.append(f"{eid}: unknown property {schema.name}:{name}")
            continue
        for value in values:
            if prop.type.name in STRICT_TYPES and prop.type.clean(value) != value:
                out.append(f"{eid}: {name}={value!r} is not a clean {prop.type.name}")
            if prop.type.name == "entity" and value not in ids:
                out.append(f"{eid}: {name} points to missing entity {value!r}")
    proxy = model.get_proxy(entity, cleaned=False)
    if proxy.id != eid:
        out.append(f"{eid}: proxy id differs")
    return out


def main(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        entities = [json.loads(line) for line in handle if line.strip()]
    ids = {e.get("id") for e in entities}
    errors = [p for e in entities for p in problems(e, ids)]
    if len(ids) != len(entities):
        errors.append("duplicate ids")
    report = {
        "version": followthemoney.__version__,
        "entities": dict(Counter(e["schema"] for e in entities)),
        "errors": errors[:50],
    }
    print(json.dumps(report, sort_keys=True))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
