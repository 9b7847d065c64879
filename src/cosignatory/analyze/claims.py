"""Claims letters make: figures and what they count, named instruments, dated events.

Owns reading a letter's text for three kinds of claim, each with its document span:
quantities ("nearly a million Azerbaijanis", "1/5 of the territories" = 0.2, "more than
2,700 landmines") with the qualifier turned into a range of values, the noun phrase they
count and a topic (displaced, killed, ...) cued by the words around them; references to
instruments (UN Security Council resolutions 822, 853; "the Washington Joint Declaration
of August 8, 2025"); and events with a full or month date. Conflicts are one topic and
counted noun given figures whose ranges do not meet in two letters. English patterns;
rules, not a model: what they miss is missed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cosignatory.analyze.data import Corpus, LetterInfo

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_MONTH})\s+(?P<y3>\d{{4}}))\b"
)
DAY_MONTH = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b"
)
YEAR_EVENT = re.compile(r"\b(?i:in|since|from|until|by|of)\s+(?P<y>1[89]\d\d|20\d\d)\b(?![-/]\d)")

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
# qualifier -> (low, high) factors of the printed value
QUALIFIERS = {
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "some": (0.9, 1.1),
    "over": (1.0, float("inf")),
    "more than": (1.0, float("inf")),
    "at least": (1.0, float("inf")),
    "in excess of": (1.0, float("inf")),
    "upwards of": (1.0, float("inf")),
    "as many as": (0.9, 1.0),
    "up to": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0),
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_NUM_WORD = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
QUANTITY = re.compile(
    rf"(?<![\w/.,])(?:(?P<qual>{_QUAL})\s+)?(?:"
    r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)"
    r"|(?P<frac>\d+/\d+|(?:one|a)[\s-](?:half|third|quarter|fifth|tenth)|two[\s-]thirds"
    r"|three[\s-]quarters)(?![\w/])"
    r"|(?P<vague>(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|hundreds|thousands|millions))\s+of"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_NUM_WORD})"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion))?(?![\w/%])"
    r")",
    re.IGNORECASE,
)
RESOLUTIONS = re.compile(
    r"(?P<body>(?:UN\s+|U\.N\.\s+|United Nations\s+)?(?:Security Council|General Assembly)\s+)?"
    r"[Rr]esolutions?\s+(?:No\.?\s*)?(?P<nums>\d{2,5}(?:\s*\(\d{4}\))?"
    r"(?:\s*(?:,|and|&)\s*(?:No\.?\s*)?\d{2,5}(?:\s*\(\d{4}\))?)*)"
)
_INSTRUMENT_NOUN = (
    r"(?:Declarations?|Statements?|Agreements?|Accords?|Treaty|Treaties|Conventions?|Charter"
    r"|Communiqu[ée]|Memorandum|Protocol|Arrangements|Act|Resolution)"
)
INSTRUMENT = re.compile(
    rf"(?P<name>(?:(?:[A-Z][\w'’-]*|of|the|on|and|for)\s+){{0,6}}?"
    rf"(?:(?:[A-Z][\w'’-]*|[Jj]oint)\s+){_INSTRUMENT_NOUN.lower()}s?\b"
    rf"|(?:(?:[A-Z][\w'’-]*|[Jj]oint)\s+)+{_INSTRUMENT_NOUN}\b"
    rf"|(?:[Jj]oint\s+)?{_INSTRUMENT_NOUN.lower()}\b)"
)
TOPICS: dict[str, tuple[str, ...]] = {
    "displaced": (
        "displac",
        "expelled",
        "expulsion",
        "uproot",
        "refugee",
        "idp",
        "deport",
        "ethnic cleansing",
        "forced out",
        "driven out",
        "fled",
    ),
    "killed": (
        "killed",
        "kill",
        "dead",
        "death",
        "died",
        "murder",
        "massacre",
        "perish",
        "lives",
        "casualt",
    ),
    "wounded": ("wounded", "injur"),
    "missing": ("missing",),
    "landmines": ("landmine", "mines", "unexploded"),
    "detained": ("detain", "prisoner", "hostage", "arrest", "jail", "captiv"),
    "territory": ("territor", "occupied", "occupation"),
    "destroyed": ("destr", "ruin", "looted", "razed", "emptied", "demolish"),
}
_STOP = set(
    [
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "by",
        "with",
        "who",
        "which",
        "that",
        "of",
        "as",
        "into",
        "during",
        "since",
        "than",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "their",
        "its",
        "our",
        "whose",
        "while",
        "when",
        "where",
        "including",
    ]
)
_PLURAL_HEADS = {"people", "children", "women", "men", "persons", "personnel", "staff", "police"}
_DURATION = {
    "year": 1.0,
    "decade": 10.0,
    "month": 1 / 12,
    "week": 7 / 365,
    "day": 1 / 365,
    "century": 100.0,
}
# what may stand between an instrument and its date: "of", "signed on", "in Washington on"
_DATE_LINK = re.compile(r"\s*(?:,?\s*(?:of|dated|on|signed|adopted|issued|in|at|[A-Z]\w*)\s*)*")
_LEAD = re.compile(r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?")
_NP_WORD = re.compile(r"([\w'’-]+)(\s*)")
_CLAUSE = re.compile(r"[,;:()]|\s(?:and|but|while|which|who)\s")
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


@dataclass(frozen=True)
class Claim:
    """One claim in one letter, with its span in the document text."""

    letter_id: str
    kind: str  # quantity | instrument | event
    text: str  # as printed
    start: int
    end: int
    value: float | None = None  # quantities: the printed figure (shares as 0.2, durations in years)
    low: float | None = None  # the range the qualifier allows
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None  # share | years | None (a count)
    counts: str | None = None  # the noun phrase counted
    topic: str | None = None
    name: str | None = None  # instruments
    date: str | None = None  # instruments and events: ISO, partial allowed
    vague: bool = False  # "hundreds of": no single figure

    @property
    def key(self) -> tuple[str, str] | None:
        """What a quantity measures, for comparing letters: (topic, counted head noun)."""
        if self.kind != "quantity" or self.topic is None or self.counts is None or self.vague:
            return None
        return (self.topic, _lemma(self.counts.split()[-1]))


@dataclass(frozen=True)
class Conflict:
    """One quantity given figures that cannot all be true in different letters."""

    topic: str
    counts: str
    claims: tuple[Claim, ...]


def letter_claims(
    letter: LetterInfo, text: str, masks: Sequence[tuple[int, int]] = ()
) -> list[Claim]:
    """Every claim in a letter's `text` (its own span of the document), signatures masked."""
    base = letter.start
    taken: list[tuple[int, int]] = [(s - base, e - base) for s, e in masks]
    claims: list[Claim] = []
    dates = [(m.start(), m.end(), _iso(m)) for m in DATE.finditer(text)]
    for claim in _instruments(letter.id, text, dates, taken):
        claims.append(_shift(claim, base))
    for claim in _events(letter.id, text, dates, taken):
        claims.append(_shift(claim, base))
    taken.extend((m.start(), m.end()) for m in DAY_MONTH.finditer(text))
    for claim in _quantities(letter.id, text, taken):
        claims.append(_shift(claim, base))
    return sorted(claims, key=lambda c: (c.start, c.kind))


def corpus_claims(corpus: Corpus) -> list[Claim]:
    """Claims of every letter in date order; a letter's signature entries are not read."""
    masks: dict[str, list[tuple[int, int]]] = {}
    for s in corpus.signings:
        if s.start is not None and s.end is not None:
            masks.setdefault(s.letter_id, []).append((s.start, s.end))
    out: list[Claim] = []
    for letter in corpus.letters:
        out.extend(letter_claims(letter, corpus.text_of(letter), masks.get(letter.id, ())))
    return out


def conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    """Quantities of one key whose ranges are disjoint in at least two different letters."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.key is not None:
            groups.setdefault(claim.key, []).append(claim)
    out = []
    for (topic, head), group in sorted(groups.items()):
        if any(_disjoint(a, b) for a in group for b in group if a.letter_id < b.letter_id):
            ordered = tuple(sorted(group, key=lambda c: (c.value or 0, c.letter_id, c.start)))
            out.append(Conflict(topic, head, ordered))
    return out


def _disjoint(a: Claim, b: Claim) -> bool:
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return a.high < b.low * 0.98 or b.high < a.low * 0.98


def _shift(claim: Claim, base: int) -> Claim:
    from dataclasses import replace

    return replace(claim, start=claim.start + base, end=claim.end + base)


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _iso(match: re.Match[str]) -> str:
    g = match.groupdict()
    year = g["y1"] or g["y2"] or g["y3"]
    month = MONTHS[(g["m1"] or g["m2"] or g["m3"]).lower()]
    day = g["d1"] or g["d2"]
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


def _instruments(
    letter_id: str, text: str, dates: list[tuple[int, int, str]], taken: list[tuple[int, int]]
) -> Iterable[Claim]:
    for match in RESOLUTIONS.finditer(text):
        if not _free(match.start(), match.end(), taken):
            continue
        body = " ".join(match.group("body").split()) if match.group("body") else ""
        if body and not body.startswith(("UN", "U.N.", "United")):
            body = "UN " + body
        for number in re.findall(r"\d{2,5}(?!\))", re.sub(r"\(\d{4}\)", "", match.group("nums"))):
            name = f"{body} resolution {number}".strip()
            yield Claim(
                letter_id,
                "instrument",
                match.group(),
                match.start(),
                match.end(),
                name=name[0].upper() + name[1:],
            )
        taken.append((match.start(), match.end()))
    for match in INSTRUMENT.finditer(text):
        start, end = match.start(), match.end()
        if not _free(start, end, taken):
            continue
        name = re.sub(r"^(?:the|a|an|of|on|and|for)\s+", "", match.group("name"), flags=re.I)
        proper = any(w[0].isupper() for w in name.split()[:-1]) or name[0].isupper()
        date, date_end = _near_date(text, start, end, dates)
        if not proper and date is None:
            continue
        span_start, span_end = min(start, date_end[0]), max(end, date_end[1])
        taken.append((span_start, span_end))
        yield Claim(
            letter_id,
            "instrument",
            text[span_start:span_end],
            span_start,
            span_end,
            name=name.strip(),
            date=date,
        )


def _near_date(
    text: str, start: int, end: int, dates: list[tuple[int, int, str]]
) -> tuple[str | None, tuple[int, int]]:
    """A date just before the noun ("a March 2025 statement") or in its clause after it."""
    for d_start, d_end, iso in dates:
        if d_end <= start and not text[d_end:start].strip():
            return iso, (d_start, d_end)
        if 0 <= d_start - end <= 60 and _DATE_LINK.fullmatch(text[end:d_start]):
            return iso, (d_start, d_end)
    return None, (start, end)


def _events(
    letter_id: str, text: str, dates: list[tuple[int, int, str]], taken: list[tuple[int, int]]
) -> Iterable[Claim]:
    spans = [(m.start(), m.end(), m.group("y")) for m in YEAR_EVENT.finditer(text)]
    for start, end, iso in [*dates, *spans]:
        if not _free(start, end, taken):
            continue
        sentence = _sentence(text, start)
        taken.append((start, end))
        yield Claim(
            letter_id,
            "event",
            " ".join(text[sentence[0] : sentence[1]].split()),
            sentence[0],
            sentence[1],
            date=iso,
        )


def _sentence(text: str, at: int) -> tuple[int, int]:
    for match in SENTENCE.finditer(text):
        if match.start() <= at < match.end():
            lead = len(match.group()) - len(match.group().lstrip())
            return match.start() + lead, match.end()
    return at, at


def _quantities(letter_id: str, text: str, taken: list[tuple[int, int]]) -> Iterable[Claim]:
    for match in QUANTITY.finditer(text):
        start, end = match.start(), match.end()
        if not _free(start, end, taken) or _is_list_number(text, match):
            continue
        parsed = _value(match)
        if parsed is None:
            continue
        value, unit, vague = parsed
        phrase, phrase_end = _noun_phrase(text, end)
        if unit is None and phrase:
            factor = _DURATION.get(_lemma(phrase.split()[-1]))
            if factor is not None:
                value, unit = value * factor, "years"
        if unit is None and not phrase:
            continue
        qualifier = match.group("qual").lower() if match.group("qual") else None
        low, high = QUALIFIERS.get(qualifier or "", (1.0, 1.0))
        sentence = _sentence(text, start)
        yield Claim(
            letter_id,
            "quantity",
            text[start:phrase_end],
            start,
            phrase_end,
            value=value,
            low=round(value * low, 6),
            high=round(value * high, 6) if high != float("inf") else high,
            qualifier=qualifier,
            unit=unit,
            counts=phrase or None,
            vague=vague,
            topic=_topic(text, sentence, start, phrase_end, clause_only=unit == "years"),
        )


def _is_list_number(text: str, match: re.Match[str]) -> bool:
    """A year, an ordinal or a list item number is not a figure."""
    num = match.group("num")
    if num is None:
        return False
    if re.fullmatch(r"1[89]\d\d|20\d\d", num) and not match.group("scale"):
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip() and text[match.end() : match.end() + 1] in (
        ".",
        ")",
    )


def _value(match: re.Match[str]) -> tuple[float, str | None, bool] | None:
    if match.group("pct"):
        return float(match.group("pct")) / 100, "share", False
    if match.group("frac"):
        frac = match.group("frac").lower().replace("-", " ")
        if "/" in frac:
            top, bottom = frac.split("/")
            return (int(top) / int(bottom), "share", False) if int(bottom) else None
        count, part = frac.split()
        base = _FRACTIONS[part.rstrip("s")]
        return (
            base * (_WORD_NUMBERS.get(count, 1) if count not in ("a", "one") else 1),
            "share",
            False,
        )
    if match.group("vague"):
        words = match.group("vague").lower().split()
        value = 1.0
        for word in words:
            value *= _VAGUE.get(word, 1)
        return value, None, True
    num = match.group("num").lower()
    scale = _SCALES.get((match.group("scale") or "").lower(), 1)
    if num in ("a", "an") and scale == 1:
        return None
    if num == "one" and scale == 1:
        return None  # "one of the ...", "no one": an idiom far more often than a figure
    value = float(_WORD_NUMBERS[num]) if num in _WORD_NUMBERS else float(num.replace(",", ""))
    return value * scale, None, False


def _noun_phrase(text: str, at: int) -> tuple[str, int]:
    """The words a figure counts: up to five, to a stop word, punctuation or a plural."""
    rest = _LEAD.match(text, at)
    pos = rest.end() if rest else at
    words: list[str] = []
    end = at
    while len(words) < 5:
        match = _NP_WORD.match(text, pos)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower()
        if lower in _STOP or not word[0].isalpha():
            break
        words.append(word)
        end = match.start(1) + len(word)
        pos = match.end()
        if lower in _PLURAL_HEADS or (
            lower.endswith("s")
            and not lower.endswith(("'s", "’s"))
            and len(lower) > 3
            and not lower.endswith("ss")
        ):
            break
        if "\n" in match.group(2) or not match.group(2):
            break
    return " ".join(words), end


def _lemma(word: str) -> str:
    word = word.lower().rstrip("'’")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in _PLURAL_HEADS:
        return {
            "people": "person",
            "persons": "person",
            "children": "child",
            "women": "woman",
            "men": "man",
        }.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _topic(
    text: str, sentence: tuple[int, int], start: int, end: int, *, clause_only: bool = False
) -> str | None:
    """The topic cued in the figure's clause, else the nearest cue in its sentence."""
    lo, hi = sentence
    for boundary in _CLAUSE.finditer(text, sentence[0], sentence[1]):
        if boundary.end() <= start:
            lo = boundary.end()
        elif boundary.start() >= end:
            hi = boundary.start()
            break
    return _nearest_cue(text, (lo, hi), start, end) or (
        None if clause_only else _nearest_cue(text, sentence, start, end)
    )


def _nearest_cue(text: str, within: tuple[int, int], start: int, end: int) -> str | None:
    lowered = text[within[0] : within[1]].lower()
    best: tuple[int, str] | None = None
    for topic, cues in TOPICS.items():
        for cue in cues:
            for found in re.finditer(re.escape(cue), lowered):
                at = within[0] + found.start()
                distance = 0 if start <= at < end else min(abs(at - start), abs(at - end))
                if best is None or distance < best[0]:
                    best = (distance, topic)
    return best[1] if best else None
