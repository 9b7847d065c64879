"""Page latency of the web UI on a generated store (default 10,000 letters), over real HTTP.

Builds a store of synthetic letters (each with a heading, a body that sometimes reuses a
stock paragraph, and 5-25 signatories drawn from a pool of people and organizations,
with every span set), resolves it, starts `cosignatory serve`'s app in a separate
process, waits for the analyses it computes at start-up (their time is printed), and
times each page with httpx: p50 and p95 over `--requests` requests, after one untimed
request that fills the page's cache entry if it has one (its time is shown as "first").
Static CSS is timed too, as the floor of the framework. Target: p95 < 200 ms.

    .venv/bin/python benchmarks/web_bench.py [--letters 10000] [--requests 40] [--db FILE]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span
from cosignatory.store import Store, save_extraction
from cosignatory.store.entities import resolve_store

FIRST = [
    "Ilham",
    "Leyla",
    "Samir",
    "Nigar",
    "Rauf",
    "Aysel",
    "Farid",
    "Gunel",
    "Elchin",
    "Sevda",
    "Tural",
    "Lala",
    "Murad",
    "Aygun",
    "Vugar",
    "Narmin",
    "Kamran",
    "Shahla",
    "Orkhan",
    "Ulviyya",
]
LAST = [
    "Quliyev",
    "Hasanov",
    "Aliyev",
    "Mammadov",
    "Zeynalov",
    "Huseynov",
    "Ismayilov",
    "Rzayev",
    "Abbasov",
    "Jafarov",
    "Karimov",
    "Safarov",
    "Nasirov",
    "Guliyev",
    "Bagirov",
    "Valiyev",
]
ORG_A = ["Simurg", "Green Steppe", "Caspian", "Free Word", "Karabakh", "Silk Road", "Baku", "Ganja"]
ORG_B = [
    "Cultural Union",
    "Foundation",
    "Civic Forum",
    "Public Union",
    "Society",
    "Institute",
    "Women's Association",
    "Youth Network",
    "Research Centre",
    "Law Centre",
]
ROLES = ["Chairman", "Director", "Professor", "Editor", "Head", "President", None]
STOCK = (
    "We call on the international community to condemn the forced displacement of nearly "
    "one million people and the destruction of hundreds of cultural monuments. "
)
WORDS = [
    "water",
    "rights",
    "freedom",
    "press",
    "region",
    "village",
    "court",
    "election",
    "minister",
    "council",
    "law",
    "report",
    "arrest",
    "children",
    "school",
    "hospital",
    "peace",
    "border",
    "rights",
    "appeal",
    "justice",
]


def make_letter(
    i: int, rng: random.Random, people: list[str], orgs: list[str]
) -> tuple[Document, Letter]:
    date = f"{2015 + i % 11}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    addressee = rng.choice(
        [
            "the Secretary-General",
            "the President",
            "the Council of Europe",
            "the European Parliament",
            "the OSCE Minsk Group",
        ]
    )
    sender = rng.choice(orgs)
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 200))) + ". "
    if rng.random() < 0.2:
        body += STOCK
    text = f"To {addressee}\n{date}\n\n{body}\n\nSigned:\n"
    signatories = []
    for _ in range(rng.randint(5, 25)):
        name, role, org = rng.choice(people), rng.choice(ROLES), rng.choice(orgs)
        start = len(text)
        entry = ", ".join(x for x in (name, role, org) if x)
        text += entry + "\n"
        role_at = start + len(name) + 2
        org_at = start + len(entry) - len(org)
        signatories.append(
            Signatory(
                name,
                role,
                org,
                span=Span(start, start + len(entry)),
                name_span=Span(start, start + len(name)),
                role_span=Span(role_at, role_at + len(role)) if role else None,
                organization_span=Span(org_at, org_at + len(org)),
            )
        )
    text += f"\n{sender}\n"
    doc = Document(f"generated/{i:05d}.txt", text, "text", title=f"Appeal {i}: {rng.choice(WORDS)}")
    at = text.rindex(sender)
    letter = Letter(
        True,
        date,
        Span(len(addressee) + 4, len(addressee) + 4 + len(date)),
        (Addressee(addressee, span=Span(3, 3 + len(addressee))),),
        (Sender(sender, span=Span(at, at + len(sender))),),
        tuple(signatories),
        Span(0, len(text)),
        doc.title,
    )
    return doc, letter


def build_store(path: Path, letters: int) -> None:
    rng = random.Random(7)
    people = sorted(
        {f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.choice(['', '', 'a'])}" for _ in range(3000)}
    )
    orgs = sorted({f"{rng.choice(ORG_A)} {rng.choice(ORG_B)}" for _ in range(400)})
    with Store.open(path) as store:
        for i in range(letters):
            doc, letter = make_letter(i, rng, people, orgs)
            save_extraction(store, doc, [letter], "bench")
        resolve_store(store)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--db", type=Path, default=Path("/tmp/cosignatory-web-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build_store(args.db, args.letters)
        print(
            f"built {args.db} with {args.letters} letters in {time.perf_counter() - started:.1f} s"
        )
    port = free_port()
    code = (
        "import sys, uvicorn; from cosignatory.web.app import create_app; "
        f"uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code, str(args.db)])
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(200):
                try:
                    client.get("/static/app.css")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            run(client, args.requests)
    finally:
        server.terminate()
        server.wait(10)


def run(client: httpx.Client, n: int) -> None:
    # The server computes its corpus-wide analyses in a background thread at start-up;
    # timing pages while it runs would measure that thread's hold on the interpreter.
    started = time.perf_counter()
    for path in ("/api/network", "/reuse", "/claims", "/api/people", "/api/organizations"):
        client.get(path).raise_for_status()
    print(
        f"start-up analyses (network, reuse, claims, lists): {time.perf_counter() - started:.1f} s"
    )
    letters = client.get("/api/letters", params={"sort": "signatories"}).json()["letters"]
    people = client.get("/api/people").json()["rows"]
    orgs = client.get("/api/organizations").json()["rows"]
    rng = random.Random(1)
    pages: dict[str, list[str]] = {
        "static /static/app.css": ["/static/app.css"],
        "/": ["/"],
        "/letters": ["/letters", "/letters?page=7"],
        "/letters?signatory=<surname>": [
            f"/letters?signatory={p['name'].split()[-1]}" for p in people[:20]
        ],
        "/letters?signatory=<full name>": [f"/letters?signatory={p['name']}" for p in people[:20]],
        "/letters?sort=signatories&order=desc": ["/letters?sort=signatories&order=desc"],
        "/letters/{id}": [f"/letters/{rng.choice(letters)['id']}" for _ in range(n)],
        "/people": ["/people", "/people?page=3"],
        "/people/{id}": [f"/people/{rng.choice(people)['id']}" for _ in range(n)],
        "/organizations": ["/organizations"],
        "/organizations/{id}": [f"/organizations/{rng.choice(orgs)['id']}" for _ in range(n)],
        "/network": ["/network"],
        "/network?from=2020&to=2021": ["/network?from=2020&to=2021"],
        "/reuse": ["/reuse"],
        "/claims": ["/claims"],
        "/search?q=…": [f"/search?q={w}" for w in WORDS[:10]] + ['/search?q="cultural monuments"'],
        "/api/letters": ["/api/letters?from=2018&to=2019"],
        "/api/search?q=…": ["/api/search?q=children"],
    }
    print(f"{'page':42} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  n={n}")
    for name, urls in pages.items():
        started = time.perf_counter()
        first = client.get(urls[0])
        first.raise_for_status()
        first_ms = (time.perf_counter() - started) * 1000
        times = []
        for i in range(n):
            started = time.perf_counter()
            client.get(urls[i % len(urls)]).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(
            f"{name:42} {first_ms:9.1f} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}"
        )


if __name__ == "__main__":
    main()
