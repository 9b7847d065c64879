"""Dates as printed in English, German, French and Russian, and the year to give them.

`find_dates` returns every date expression with its span and what it fixes (year,
month, day; the year may be missing). `infer_year` supplies a missing year only from
what the document supports: its publication date, or the latest date it mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    (
        "january jan januar janvier января январь янв",
        "february feb februar février fevrier февраля февраль фев",
        "march mar märz maerz mars марта март",
        "april apr avril апреля апрель апр",
        "may mai мая май",
        "june jun juni juin июня июнь",
        "july jul juli juillet июля июль",
        "august aug août aout августа август авг",
        "september sep sept septembre сентября сентябрь",
        "october oct oktober octobre октября октябрь окт",
        "november nov novembre ноября ноябрь",
        "december dec dezember décembre decembre декабря декабрь дек",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _month

# Every pattern opens with a character class, so the regex engine skips ahead to where a
# date may start instead of trying each position; "(?<!\w\w)" after the first character is a
# word boundary before it. A month-first pattern takes any word as its month and the code
# keeps only month names: a long alternation of month names at every position is slow.
_FIRST = "".join(sorted({m[0] for m in MONTHS} | {m[0].upper() for m in MONTHS}))
_M = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WORD_M = rf"(?P<month>[{_FIRST}](?<!\w\w)[^\W\d_]{{2,9}})\.?"
_D = r"(?P<day>\d(?<!\w\w)\d?)(?:st|nd|rd|th|er|\.)?"
_D_AFTER = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    re.compile(
        r"(?P<year>[12](?<!\w\w)(?:(?<=1)9|(?<=2)0)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"
    ),
    re.compile(r"(?P<day>\d(?<!\w\w)\d?)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y}(?:\s*г\.?)?)?(?![\w-])", re.IGNORECASE),
    re.compile(rf"{_WORD_M}\s+{_D_AFTER}(?:,?\s+{_Y})?(?![\w-])", re.IGNORECASE),
    re.compile(rf"{_WORD_M}\s+{_Y}\b", re.IGNORECASE),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None

    def iso(self, year: int | None = None) -> str | None:
        y = self.year or year
        if y is None:
            return None
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        return f"{y:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self, year: int | None = None) -> date | None:
        y = self.year or year
        if y is None:
            return None
        try:
            return date(y, self.month, self.day or 1)
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in text[start:end], leftmost-longest, in order."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            month_s = m.group("month").casefold().rstrip(".")
            month = int(month_s) if month_s.isdigit() else MONTHS.get(month_s, 0)
            day = int(m.group("day")) if "day" in m.groupdict() and m.group("day") else None
            year = int(m.group("year")) if m.groupdict().get("year") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            if day is None and year is None:
                continue
            stop = m.end()
            if stop == m.end("month") + 1 and len(month_s) > 4:
                stop -= 1  # a full month name takes no dot: that one ends the sentence
            found.append(DateMention(m.start(), stop, year, month, day))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def infer_year(
    mention: DateMention, published: str | None, context: list[DateMention]
) -> int | None:
    """The year of a date printed without one.

    With a publication date: the latest year that does not put the date after it.
    Otherwise: the first year that does not put the date before the latest full date the
    document mentions (a letter answers what came before it).
    """
    if mention.year is not None:
        return mention.year
    if published:
        m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", published)
        if m:
            pub = date(int(m[1]), int(m[2]), int(m[3]))
            y = pub.year
            d = mention.as_date(y)
            if d is not None and d > pub:
                y -= 1
            return y
    known = [d for c in context if c.year is not None and (d := c.as_date()) is not None]
    if not known:
        return None
    latest = max(known)
    y = latest.year
    d = mention.as_date(y)
    if d is not None and d < latest:
        y += 1
    return y


_META_DATE = re.compile(
    r"\s*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|datum|stand"
    r"|veröffentlicht(?:\s+am)?|publié(?:\s+le)?|mis à jour(?:\s+le)?|опубликовано|дата)\b\s*:?\s*",
    re.I,
)
_BYLINE = re.compile(r"(?:by|von|par|автор)\s+\S", re.I)
_DATELINE = re.compile(r"\s*[^\W\d_][\w .'’()/-]{1,40},\s*(?:le\s+)?")


def metadata_date(text: str) -> str | None:
    """The publication date printed at the top of a page, as ISO.

    " date 2026-02-09", "*Published 2 December 2025*", "Veröffentlicht am 3. Juni 2025", or
    a dateline ("WASHINGTON, 15 January 2025 —"). Only complete dates count: this date is
    the anchor that years missing elsewhere are inferred from.
    """
    pos = 0
    for _ in range(8):
        end = text.find("\n", pos, 600)
        end = min(len(text), 600) if end < 0 else end
        line = text[pos:end]
        lead = len(line) - len(line.lstrip(" \t*_#>"))
        m = _META_DATE.match(line, lead) or _DATELINE.match(line, lead)
        if m is None and _BYLINE.match(line, lead):  # "By Jane Roe | 9 October 2023"
            full = [d for d in find_dates(text, pos, end) if d.year and d.day]
            if full:
                return full[0].iso()
        if m:
            found = find_dates(text, pos + m.end(), end)
            if found and found[0].start == pos + m.end() and found[0].year and found[0].day:
                return found[0].iso()
        if end >= min(len(text), 600):
            break
        pos = end + 1
    return None
