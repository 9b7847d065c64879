"""Find the regions of reproduced letters in a document's text.

A region is found by its shape, not by its words alone: a salutation ("Dear …") opens
it, a heading ("To the …") may precede it, a closing ("Sincerely,", "With respect,") or
a list heading ("Signatories", "Unterzeichnet von") is followed by a signature block, a
run of short, list-like lines. A run of "Name – affiliation" lines with no cue at all
is a signature block too. An entry may span stacked lines ("Name" / "Role" / "Org"), told
by blank lines between entries or by a bare name on every second or third line. Prose ends
a block. Pure: text in, line ranges out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from cosignatory.extract.addressees import is_roleish, name_shaped
from cosignatory.extract.dates import find_dates
from cosignatory.extract.lexicon import (
    CLOSINGS,
    INTRO_PATTERN,
    NAME_PARTICLES,
    ORG_HEADINGS,
    PERSON_HEADINGS,
    POSTSCRIPTS,
    ROLE_HEADS,
    SALUTATIONS,
    SIGNATORY_HEADINGS,
)
from cosignatory.extract.names import WORD, looks_like_person, name_length

_STRIP = " \t\"“”„«»‹›'‘’*_#>|:-–—•·"
_SEPARATOR_AFTER_NAME = re.compile(r"\s*(?:[,(]|[–—−-]|\s-|$)")
_MARKER = re.compile(r"\s*(?:\d{1,4}[.)]|\(\d{1,4}\)|[-*•·▪►+])\s+")
_CONNECTIVE_LOWER = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "de",
        "la",
        "du",
        "des",
        "der",
        "die",
        "das",
        "und",
        "et",
        "le",
        "les",
        "и",
        "в",
        "при",
        "für",
        "von",
        "zu",
        "a",
        "an",
        "d'",
        "l'",
        "y",
        "e",
        "da",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "van",
    ]
)
_HEADING_TO = re.compile(
    r"(?:to|an|à|au|aux|a|к|господину|госпоже|президенту|генеральному|председателю|министру"
    r"|премьер-министру|главе|директору|послу|канцлеру|open letter to|offener brief an"
    r"|lettre ouverte (?:à|au|aux)|открытое письмо)(?=[\s:,]|$)",
    re.IGNORECASE,
)

# A title that names its addressee after a letter noun: "Joint letter of 40 NGOs to the …".
_TITLE_TO = re.compile(
    r"\b(?:letter|appeal|petition|statement|brief|aufruf|lettre|appel|письмо|обращение)\b"
    r"[^.!?:;]{0,80}?\s(?:to|an|à|au|aux|к)\s+"
    r"(?=(?:(?:the|die|den|dem|la|le|les)\s+)?(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ]))",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[^\W\d_A-ZА-ЯЁ]{2}[.!?:;](?:\s|$)")

_ORG_PLURALS = frozenset(
    [
        "organizations",
        "organisations",
        "organisationen",
        "organismes",
        "associations",
        "ngos",
        "groups",
        "unions",
        "организации",
        "организаций",
        "signatory organizations",
    ]
)


@dataclass(frozen=True)
class Line:
    """One non-blank line: [start, end) of its stripped text; `gap` blank lines before it."""

    start: int
    end: int
    index: int
    gap: int


@dataclass
class Block:
    """A signature block: its entries (line groups) and the sender line if any."""

    entries: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, org-only
    sender: Line | None = None
    end: int = 0
    inline: bool = False  # one entry holding a whole list run into a paragraph
    # entry start -> the organization heading its group ("Human Rights House Foundation:")
    groups: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Region:
    """A reproduced letter: where it is and where its parts are."""

    start: int
    end: int
    heading: Line | None = None
    salutation: Line | None = None
    closing: Line | None = None
    intro: Line | None = None
    block: Block | None = None
    datelines: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their stripped spans."""
    out: list[Line] = []
    gap = 0
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            gap += 1
            continue
        out.append(Line(s, e, len(out), gap))
        gap = 0
    return out


def _cue(text: str, line: Line) -> str:
    return text[line.start : line.end].strip(_STRIP).casefold()


def _starts(cue: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if cue.startswith(w) and (len(cue) == len(w) or not cue[len(w)].isalnum()):
            return True
    return False


def is_salutation(text: str, line: Line) -> bool:
    cue = _cue(text, line)
    raw = text[line.start : line.end].rstrip(' "”')
    short = len(cue.split()) <= 12
    greeting = cue.startswith(SALUTATIONS)
    return short and greeting and (raw.endswith((",", ":", "!")) or len(cue) < 60)


def is_closing(text: str, line: Line) -> bool:
    cue = _cue(text, line)
    words = cue.split()
    if not words or len(words) > 12 or is_salutation(text, line):
        return False
    if _starts(cue, CLOSINGS):
        return not text[line.start : line.end].rstrip().endswith(("?",)) and len(words) <= 10
    return (
        text[line.start : line.end].rstrip().endswith(",")
        and len(words) <= 10
        and not any(c.isdigit() for c in cue)
    )


def list_heading(text: str, line: Line) -> str | None:
    """'org', 'person' or 'any' when the line heads a signature list."""
    cue = _cue(text, line)
    if (
        len(cue) > 80
        and "|" not in cue
        and not cue.endswith(")")
        and not _starts(cue, _SIGNED)
        and len(cue.split()) > 5
    ):
        return None  # a sentence, not a heading
    cue = _PARENTHESIS.sub("", cue).strip(" :")
    if cue in ORG_HEADINGS or (
        len(cue.split()) <= 5 and cue.split()[-1:] and cue.split()[-1] in _ORG_PLURALS
    ):
        return "org"
    if cue in PERSON_HEADINGS:
        return "person"
    if cue in SIGNATORY_HEADINGS or _starts(cue, _SIGNED):
        return "any"
    cells = [c.strip(" *_") for c in re.split(r"\t+|\|", cue)]
    if len(cells) > 1 and all(c in _TABLE_HEADERS for c in cells):  # a table's header row
        return "any" if any(c in _PERSON_COLUMNS for c in cells) else "org"
    return None


_POSTSCRIPT = re.compile(
    "(?:" + "|".join(re.escape(w) for w in POSTSCRIPTS) + r")(?!\w)", re.IGNORECASE
)
_SIGNED = ("signed by", "unterzeichnet von", "signé par")
_PARENTHESIS = re.compile(r"\s*\(.*\)$")
_PERSON_COLUMNS = frozenset(["name", "full name", "signatory", "nom", "имя", "фио"])
_TABLE_HEADERS = _PERSON_COLUMNS | frozenset(
    ["#", "no.", "no", "organization", "organisation", "organisationen", "organisation name",
     "organization name", "country", "city", "position", "role", "title", "affiliation",
     "institution", "land", "pays", "organisme", "fonction", "организация", "страна",
     "должность"]
)  # fmt: skip


def is_prose(text: str, line: Line) -> bool:
    """Running text rather than a list entry."""
    body = text[line.start : line.end]
    words = WORD.findall(body)
    if len(words) > 45:
        return True
    lower = [w for w in words if w[0].islower() and w.casefold() not in _CONNECTIVE_LOWER]
    lower = [w for w in lower if w.casefold() not in ROLE_HEADS]
    if starts_with_person(text, line) and len(lower) < 8:
        return False
    if body.rstrip(' "”»').endswith(("?", "!")):
        return True
    return len(lower) >= 2 and len(lower) >= 0.3 * len(words)


def starts_with_person(text: str, line: Line) -> bool:
    """A name followed by a separator: "Jane Roe – …", "Dr. Jane Roe, …", "Jane Roe (…)"."""
    m = _MARKER.match(text, line.start, line.end)
    s = m.end() if m else line.start
    body = text[s : line.end].lstrip("*_ ")
    # a name is at most five words, after any titles: the first words are enough
    words = [m.group() for m in islice(WORD.finditer(body[:120]), 16)]
    while words and words[0].casefold().rstrip(".") in (
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "herr",
        "frau",
    ):
        body = body[body.index(words[0]) + len(words[0]) :].lstrip(". ")
        words = words[1:]
    n = name_length(words, bounded=True)
    if n < 2:
        return False
    end = 0
    for w in words[:n]:
        end = body.index(w, end) + len(w)
    rest = body[end:].lstrip("*_")
    return bool(_SEPARATOR_AFTER_NAME.match(rest))


def _numbered(text: str, line: Line) -> bool:
    return bool(_MARKER.match(text, line.start, line.end))


def _entry_like(text: str, line: Line) -> bool:
    return not is_prose(text, line) and len(text[line.start : line.end]) <= 400


def find_block(text: str, lines: list[Line], first: int, mode: str = "any") -> Block | None:
    """The signature block starting at lines[first], or None when there is none."""
    block = Block()
    raw: list[tuple[Line, str]] = []
    section = 0  # where in raw the entries under the last list heading begin
    organization: tuple[int, int] | None = None  # the group's organization heading
    i = first
    while i < len(lines):
        line = lines[i]
        heading = list_heading(text, line)
        # a group's heading after a blank line goes on a list of groups, not any list
        grouping = not raw or organization is not None
        group = _group_heading(text, lines, i) if heading is None and grouping else None
        if heading is not None or group is not None:
            mode = heading or mode
            section = len(raw)
            organization = group
            i += 1
            continue
        if raw and (is_salutation(text, line) or INTRO_PATTERN.search(text[line.start : line.end])):
            break
        if line.gap and _closed_list(text, [x for x, _ in raw[section:]]):
            break
        if (
            not _entry_like(text, line)
            or _POSTSCRIPT.match(text, line.start, line.end)
            or (raw and _place_and_date(text, line))
        ):
            break
        raw.append((line, mode))
        if organization is not None:
            block.groups[line.start] = organization
        i += 1
    if not raw:
        return None
    # Stacked entries: "Name" / "Role" / "Organization" lines, blank lines between entries.
    groups: list[list[tuple[Line, str]]] = []
    for item in raw:
        if not groups or item[0].gap > 0:
            groups.append([])
        groups[-1].append(item)
    stacked = len(groups) >= 2 and sum(
        1 for g in groups if len(g) > 1 and _bare_name(text, g[0][0])
    ) >= 0.6 * len(groups)
    if not stacked and len(groups) == 1 and _one_stacked(text, [line for line, _ in raw]):
        stacked = True  # "Sincerely," / "Name" / "Title" / "Organization" / "City"
    if not stacked:
        period = _period(text, [line for line, _ in raw])
        if period > 1:
            groups = [raw[j : j + period] for j in range(0, len(raw), period)]
            stacked = True
    if stacked:
        for g in groups:
            block.entries.append((g[0][0].start, g[-1][0].end, g[0][1] == "org"))
    else:
        wraps = _wrapped(text, [line for line, _ in raw])
        for k, (line, m) in enumerate(raw):
            if wraps[k] and block.entries:
                s, _, org = block.entries[-1]
                block.entries[-1] = (s, line.end, org)
            else:
                block.entries.append((line.start, line.end, m == "org"))
    block.end = raw[-1][0].end
    return block


def _group_heading(text: str, lines: list[Line], i: int) -> tuple[int, int] | None:
    """The organization of a group of signatories, on a line of its own over them: "Human
    Rights House Foundation:" / "Jane Roe, Executive Director" / … ; its span without the
    colon."""
    line = lines[i]
    if text[line.end - 1] != ":" or i + 1 >= len(lines) or lines[i + 1].gap:
        return None
    if _POSTSCRIPT.match(text, line.start, line.end):
        return None  # "CC:" over the people a copy goes to
    name = Line(line.start, line.end - 1, line.index, line.gap)
    words = WORD.findall(text, name.start, name.end)
    below = lines[i + 1]
    if (
        not 1 <= len(words) <= 10
        or not words[0][0].isupper()
        or is_prose(text, name)
        or starts_with_person(text, name)
        or _bare_name(text, name)
        or not _person_first(text, below)
    ):
        return None
    return name.start, name.end


_FIRST_SEPARATOR = re.compile(r"\s*[,(–—]|\s-\s")


def _person_first(text: str, line: Line) -> bool:
    """Does the line open with a person's name alone before its first separator ("Berend van
    Oostrum, Senior Policy Officer")?"""
    m = _MARKER.match(text, line.start, line.end)
    head = _FIRST_SEPARATOR.split(text[m.end() if m else line.start : line.end], maxsplit=1)[0]
    return looks_like_person(WORD.findall(head))


def _closed_list(text: str, lines: list[Line]) -> bool:
    """Do the lines make a list that a blank line ends: three or more one-line entries with
    no blank line between them (page furniture may follow: "Share this:", "Most read"), and
    not one entry stacked on several lines?"""
    return (
        len(lines) >= 3
        and not any(line.gap for line in lines[1:])
        and not _one_stacked(text, lines)
    )


def _wrapped(text: str, lines: list[Line]) -> list[bool]:
    """Which lines continue the entry above them, as in a PDF set in a narrow column.

    A line continues the one above when it follows it directly and either the word above was
    hyphenated at the line end ("Environ-" / "mental Law"), or the list is numbered and the
    line carries no number but is indented under the entry ("1. Name, Role, Kwame Nkrumah" /
    "   University of Science").
    """
    numbered = [_numbered(text, line) for line in lines]
    in_numbered_list = len(lines) > 1 and numbered[0] and sum(numbered) >= 2
    out = [False] * len(lines)
    for k in range(1, len(lines)):
        line, above = lines[k], lines[k - 1]
        if line.gap or numbered[k]:
            continue
        if _HYPHEN_END.search(text, above.start, above.end) and text[line.start].islower():
            out[k] = True
        elif in_numbered_list:
            indent = line.start - (text.rfind("\n", 0, line.start) + 1)
            top = lines[k - 1 if not out[k - 1] else _first(out, k - 1)]
            top_indent = top.start - (text.rfind("\n", 0, top.start) + 1)
            out[k] = indent > top_indent
    return out


def _first(wraps: list[bool], k: int) -> int:
    while k > 0 and wraps[k]:
        k -= 1
    return k


_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _period(text: str, lines: list[Line]) -> int:
    """k (2 or 3) when the lines are stacked entries without blank lines between them: a
    bare name on every k-th line and only there ("Name" / "Role" / "Organization"); the
    last entry may be cut short. 0 otherwise."""
    names = [_bare_name(text, line) for line in lines]
    for k in (2, 3):
        if len(lines) < 2 * k - 1 or any(names[j] != (j % k == 0) for j in range(len(lines))):
            continue
        if not any(starts_with_person(text, line) for j, line in enumerate(lines) if j % k):
            return k
    return 0


def _place_and_date(text: str, line: Line) -> bool:
    """A short line that ends in a date ("Baku, 12.05.2024", "Paris, le 4 mai 2024")."""
    if line.end - line.start > 60 or not text[line.end - 1].isdigit():
        return False
    found = find_dates(text, line.start, line.end)
    return bool(found) and found[-1].end == line.end


def _one_stacked(text: str, lines: list[Line]) -> bool:
    """One signatory on 2–5 stacked lines: a bare name, then lines that are no names."""
    return (
        2 <= len(lines) <= 5
        and _bare_name(text, lines[0])
        and not any(_bare_name(text, line) or starts_with_person(text, line) for line in lines[1:])
    )


def _bare_name(text: str, line: Line) -> bool:
    words = WORD.findall(text[line.start : line.end])
    return 2 <= len(words) <= 5 and name_length(words, bounded=True) == len(words)


def find_regions(text: str, lines: list[Line] | None = None) -> list[Region]:
    """Every reproduced letter in the text, in order."""
    lines = split_lines(text) if lines is None else lines
    regions: list[Region] = []
    person_like: dict[int, bool] = {}  # line index -> judged once
    i = 0
    floor = 0  # first line index not yet inside a region
    while i < len(lines):
        line = lines[i]
        trigger = None
        mode = "any"
        inline = inline_list(text, lines, i, floor)
        glued = _glued_entry(text, line) if inline is None else None
        if inline is not None:
            trigger = i
        elif glued is not None:
            trigger, mode = i + 1, glued[1]
        elif is_closing(text, line) and i > floor:
            trigger = i + 1
        else:
            heading = list_heading(text, line)
            if heading is not None:
                trigger, mode = i + 1, heading
            elif _run_of_people(text, lines, i, person_like):
                trigger = i
        if trigger is None or trigger >= len(lines):
            i += 1
            continue
        block = inline or find_block(text, lines, trigger, mode)
        if block is None or not block.entries:
            i += 1
            continue
        if glued is not None:  # "Signed by: Jane Roe, X" / "John Doe, Y": the first entry
            block.entries.insert(0, (glued[0], line.end, mode == "org"))
        listed = trigger == i or not is_closing(text, line)
        region = _open_region(text, lines, floor, i, listed=listed)
        region.closing = line if trigger == i + 1 and mode == "any" else None
        region.block = block
        region.end = block.end
        regions.append(region)
        while i < len(lines) and lines[i].start < block.end:
            i += 1
        floor = i
    return regions


_INLINE_CUE = re.compile(
    "(?:"
    + "|".join(re.escape(h) for h in sorted(SIGNATORY_HEADINGS, key=len, reverse=True))
    + r")(?P<verb>\s*:|\s+(?:include|includes|included))\s+(?=[^\W\d_])",
    re.IGNORECASE,
)


def _glued_entry(text: str, line: Line) -> tuple[int, str] | None:
    """Where the first entry starts on a heading line that carries it ("Signed by: Jane
    Roe"), and the heading's mode."""
    m = _INLINE_CUE.match(text, line.start, line.end)
    if m is None or ":" not in m.group("verb") or not text[m.end()].isupper():
        return None
    return m.end(), _cue_mode(text, line, m)


def _cue_mode(text: str, line: Line, m: re.Match[str]) -> str:
    return list_heading(text, Line(line.start, m.start("verb"), line.index, line.gap)) or "any"


def inline_list(text: str, lines: list[Line], i: int, floor: int = 0) -> Block | None:
    """A paragraph at lines[i] that opens with a signatories' heading and runs the list on
    ("First signatories: Jane Roe (Open Sky Union), … and John Doe (Blue Water Trust).",
    "Signed by: Jane Roe, Director, X; John Doe, …"): one entry, the list after the heading.

    "Signatories include …" (no colon) is a letter's list only under a salutation since
    `floor`; elsewhere it is a report's sentence. The paragraph is one line, or lines wrapped
    at a width that end in a full stop; lines under a heading's first entry ("Signed by: Jane
    Roe, X" / "John Doe, Y") are a list of lines, not this."""
    line = lines[i]
    m = _INLINE_CUE.match(text, line.start, line.end)
    if m is None or not text[m.end()].isupper():
        return None  # "Signatories: see below"
    if ":" not in m.group("verb") and not any(is_salutation(text, x) for x in lines[floor:i]):
        return None
    j = i + 1
    while j < len(lines) and lines[j].gap == 0:
        j += 1
    paragraph = lines[i:j]
    wrapped = text[paragraph[-1].end - 1] == "." and all(
        x.end - x.start >= 50 for x in paragraph[:-1]
    )
    if len(paragraph) > 1 and not wrapped:
        return None
    end = paragraph[-1].end
    return Block(entries=[(m.end(), end, _cue_mode(text, line, m) == "org")], end=end, inline=True)


def _run_of_people(
    text: str, lines: list[Line], i: int, memo: dict[int, bool], need: int = 3
) -> bool:
    """Do `need` lines from lines[i] on each open with a person or a list number?"""
    if i + need > len(lines):
        return False
    for j in range(i, i + need):
        judged = memo.get(j)
        if judged is None:
            line = lines[j]
            judged = memo[j] = (
                starts_with_person(text, line) or _numbered(text, line)
            ) and not is_prose(text, line)
        if not judged:
            return False
    return True


def _heading(text: str, lines: list[Line], j: int, sal: int) -> Line | None:
    """The addressee part of line j above the salutation at line `sal`, if it names one.

    "To the President, …" as a whole; "Joint letter of 40 NGOs to the Council of the EU"
    from "the Council"; a bare title ("Open letter", "Открытое письмо") names nobody. A short
    line of names under it belongs to it ("Президенту Республики Казахстан" / "К.-Ж. Токаеву").
    """
    line = lines[j]
    cue = text[line.start : line.end].lstrip(_STRIP)
    if len(cue.split()) > 25 or cue.rstrip().endswith("."):
        return None
    start = line.start
    m = _HEADING_TO.match(cue)
    if m is not None:
        rest = cue[m.end() :]
        if not re.search(r"\w", rest):
            return None  # a bare title
    else:
        t = _TITLE_TO.search(cue)
        if t is None or len(cue.split()) > 16 or _SENTENCE_END.search(cue):
            return None  # a sentence of the article, not the letter's title
        start = line.end - len(cue) + t.end()
    end = line.end
    nxt = j + 1
    if nxt < sal and lines[nxt].gap == 0:
        below = text[lines[nxt].start : lines[nxt].end]
        words = below.split()
        if (
            1 <= len(words) <= 4
            and all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)
            and not _HEADING_TO.match(below)
            and not find_dates(text, lines[nxt].start, lines[nxt].end)
        ):
            end = lines[nxt].end
    return Line(start, end, line.index, line.gap)


def _address_block(text: str, lines: list[Line], floor: int, sal: int) -> Line | None:
    """The name and role lines of an address block just above the salutation: "Mr. Volker
    Türk" / "United Nations High Commissioner for Human Rights" / "Palais des Nations" / …;
    the address lines under them are left out."""
    k = sal - 1
    while k > floor and lines[k].gap == 0 and sal - k < 7:
        k -= 1
    if not 2 <= sal - k < 7:
        return None
    first, second = lines[k], lines[k + 1]
    role = text[second.start : second.end]
    if not name_shaped(text[first.start : first.end], least=2) or len(role.split()) > 12:
        return None
    return Line(first.start, second.end, k, first.gap) if is_roleish(role) else None


def _open_region(
    text: str, lines: list[Line], floor: int, upto: int, *, listed: bool = False
) -> Region:
    """Find salutation, heading and intro before line `upto` (not before `floor`).

    `listed`: the block under line `upto` is a list with no closing above it; with no
    salutation or intro either, the region is the list alone ("The full list of signatories:"
    under an article), and the text above it is no letter's."""
    sal = None
    for j in range(upto - 1, floor - 1, -1):
        if is_salutation(text, lines[j]):
            sal = j
            break
    start_idx = sal if sal is not None else floor
    heading: Line | None = None
    if sal is not None:
        heading = _address_block(text, lines, floor, sal)
        start_idx = heading.index if heading is not None else start_idx
        for j in range(sal - 1, max(floor, sal - 4) - 1, -1) if heading is None else ():
            heading = _heading(text, lines, j, sal)
            if heading is not None:
                start_idx = j
                break
    intro = None
    for j in range(start_idx - 1, max(floor, start_idx - 3) - 1, -1):
        if INTRO_PATTERN.search(text[lines[j].start : lines[j].end]):
            intro = j
            break
    if sal is None and intro is not None:
        start_idx = intro + 1
    elif sal is None and listed:
        start_idx = upto
    start_line = lines[min(start_idx, len(lines) - 1)]
    start = start_line.start
    while start < start_line.end and text[start] in "\"“„«'":
        start += 1
    return Region(
        start=start,
        end=start,
        heading=heading,
        salutation=lines[sal] if sal is not None else None,
        intro=lines[intro] if intro is not None else None,
    )
