"""Parse one entry of a signature list into name, role and organization, with spans.

An entry is a piece of one line (or of a few stacked lines) of a signature block. Its
parts are told apart by separators outside quotes (dashes, commas, parentheses) and by
the shape of each part: a person's name (see `names`), a role (a role title, possibly
"of the Board"), an organization (the rest, cleaned of quotes and "of the"). Entries
that run together on one line are split where a second "Name – Role" begins; an entry of
stacked lines takes one field a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosignatory.extract import tagger
from cosignatory.extract.lexicon import (
    CONNECTIVES,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    PLACEHOLDERS,
    ROLE_BODIES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    place_names,
    place_words,
)
from cosignatory.extract.names import (
    WORD,
    is_degree,
    is_name_token,
    is_title,
    looks_like_person,
    name_length,
)
from cosignatory.model import Signatory, Span

OPEN_QUOTES = '“„«‹"‘‚「'
CLOSE_QUOTES = '”“»›"’‘」'
ALL_QUOTES = '"“”„‟«»‹›‘’‚`´「」'
_ANY_QUOTE = re.compile("[" + re.escape(ALL_QUOTES) + "]")
_MARKER = re.compile(r"(?:\s|\d{1,4}[.)]|\(\d{1,4}\)|[-*•·▪►–—+>#]|\*\*?|__?)+")
_DASH = re.compile(r"\s+[–—−-]+\s+|\s*[–—]\s*|(?<=[^\W\d_])-(?![ \t]*\n[ \t]*[a-zß-ÿа-яё])\s+")
# A word hyphenated at a line end: "Environ-" / "mental" is "Environmental".
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-zß-ÿа-яё])")
_TRAIL = ' \t.,;:"“”„«»‹›‘’*_|'
_LEAD = " \t,;:*_|/"


@dataclass(frozen=True)
class Piece:
    """A [start, end) range of the document text."""

    start: int
    end: int


def _quoted(text: str, start: int, end: int) -> list[bool]:
    """Per character of text[start:end]: is it inside a pair of quotes?"""
    inside = [False] * (end - start)
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_QUOTES and not (ch in "‘’" and i > start and text[i - 1].isalnum()):
            j = i + 1
            while j < end and not (
                text[j] in CLOSE_QUOTES
                and not (text[j] in "’'" and j + 1 < end and text[j + 1].isalpha())
            ):
                j += 1
            if j < end:
                for k in range(i + 1, j):
                    inside[k - start] = True
                i = j + 1
                continue
        i += 1
    return inside


_ABBREVIATION = re.compile(
    r"(?:\b[^\W\d_]\.){2,}$|\b(?:inc|ltd|co|corp|bros|assn|univ|e\.v|jr|sr)\.$", re.IGNORECASE
)


def _trim(text: str, p: Piece, lead: str = _LEAD, trail: str = _TRAIL) -> Piece:
    s, e = p.start, p.end
    while s < e and text[s] in lead:
        s += 1
    while e > s and (text[e - 1] in trail or text[e - 1].isspace()):
        if text[e - 1] == "." and _ABBREVIATION.search(text, max(s, e - 12), e):
            break  # "e.V.", "Inc.", "U.S."
        # keep a closing quote that closes a quote opened inside the piece
        if text[e - 1] in ALL_QUOTES and any(c in OPEN_QUOTES for c in text[s : e - 1]):
            opened = sum(1 for c in text[s : e - 1] if c in ALL_QUOTES)
            if opened % 2 == 1:
                break
        e -= 1
    return Piece(s, e)


def _tokens(text: str, p: Piece) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, p.start, p.end)]


def _words(text: str, p: Piece) -> list[str]:
    return [t for _, _, t in _tokens(text, p)]


def _separators(text: str, p: Piece, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Matches of pattern strictly inside p, outside quotes and parentheses."""
    found = [
        (m.start(), m.end())
        for m in pattern.finditer(text, p.start, p.end)
        if p.start < m.start() and m.end() < p.end
    ]
    if not found:
        return found
    mask = _quoted(text, p.start, p.end) if _ANY_QUOTE.search(text, p.start, p.end) else None
    paren: list[int] | None = None
    if text.find("(", p.start, p.end) >= 0:
        depth = 0
        paren = [0] * (p.end - p.start)
        for i in range(p.start, p.end):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth = max(0, depth - 1)
            paren[i - p.start] = depth
    if mask is None and paren is None:
        return found
    return [
        (a, b)
        for a, b in found
        if not (mask and mask[a - p.start]) and not (paren and paren[a - p.start])
    ]


def _split(text: str, p: Piece, pattern: re.Pattern[str]) -> list[Piece]:
    parts, s = [], p.start
    for a, b in _separators(text, p, pattern):
        parts.append(Piece(s, a))
        s = b
    parts.append(Piece(s, p.end))
    return [q for q in (_trim(text, x) for x in parts) if q.end > q.start]


_COMMA = re.compile(r"[,;]\s*|\s+\|\s+|\t+")
_CELL = re.compile(r"\s+\|\s+|\t+")


def unwrap(value: str) -> str:
    """Undo hyphenation at line ends ("Environ-\nmental" → "Environmental"), also where
    pypdfium2 already joined the lines and left U+FFFE for the hyphen."""
    value = value.replace("\ufffe", "")
    return _HYPHENATED.sub("", value) if "\n" in value else value


def clean(value: str) -> str:
    """Collapse spaces; drop quote marks that are not apostrophes; undo line-end hyphens."""
    value = unwrap(value)
    if _ANY_QUOTE.search(value):
        value = _ANY_QUOTE.sub(lambda m: _unquote(value, m.start()), value)
    return _tidy(value)


def _unquote(value: str, i: int) -> str:
    """What the quote mark at value[i] becomes: kept as an apostrophe inside a word, a space
    between two words it glues, else nothing."""
    if not 0 < i < len(value) - 1:
        return ""
    before, after = value[i - 1], value[i + 1]
    if value[i] in "'’" and before.isalpha() and after.isalpha():
        return value[i]
    return " " if before.isalnum() and after.isalnum() else ""


def _tidy(value: str) -> str:
    value = " ".join(value.split()).strip(" ,;:*_")
    while value.endswith(".") and not _ABBREVIATION.search(value):
        value = value[:-1].rstrip(" ,;:*_")
    return value


def _strip_connective(text: str, p: Piece) -> Piece:
    low = text[p.start : p.end].casefold()
    for word in (
        "of the ",
        "of ",
        "from the ",
        "from ",
        "at the ",
        "the ",
        "die ",
        "der ",
        "la ",
        "le ",
        "les ",
        "l'",
        "l’",
    ):
        if low.startswith(word):
            return _trim(text, Piece(p.start + len(word), p.end))
    if low.startswith("the") and len(low) > 3 and low[3] in OPEN_QUOTES:
        return Piece(p.start + 3, p.end)
    return p


def _role_end(text: str, p: Piece) -> int | None:
    """End of the role title that opens p ("Retired Major General"), or None."""
    end = None
    for _, e, tok in _tokens(text, p):
        low = tok.casefold().rstrip(".")
        if low in ROLE_HEADS:
            end = e
        elif low in ROLE_MODIFIERS or (end is None and low in ("vice", "co")):
            continue
        else:
            break
    return end


def _after_connective(text: str, pos: int, end: int) -> int | None:
    """Position after a connective word ("of the", "de la") at pos, or None."""
    rest = text[pos:end].lstrip()
    skip = end - pos - len(rest)
    low = rest.casefold()
    for c in CONNECTIVES:
        if low.startswith(c) and (
            len(low) == len(c) or not low[len(c)].isalnum() or c.endswith(("'", "’"))
        ):
            return pos + skip + len(c)
    return None


def _lowercase(text: str, p: Piece) -> bool:
    """Only lower-case words (a role's own complement), and at least one word."""
    words = _words(text, p)
    return bool(words) and all(w[0].islower() for w in words) and not _is_orgish(text, p)


def _is_orgish(text: str, p: Piece) -> bool:
    seg = text[p.start : p.end]
    if any(q in seg for q in '“”„«»"'):
        return True
    return any(w.casefold() in ORG_WORDS for w in _words(text, p))


def _is_subject(text: str, p: Piece, *, org_words: bool = False) -> bool:
    """A role's field ("History", "Political Science"): a few words, none of them joining
    others ("Development of Culture" is the start of an organization's name). `org_words`:
    words organizations use may occur ("Public Finance"), when the next part is the
    organization."""
    words = _words(text, p)
    orgish = _ANY_QUOTE.search(text, p.start, p.end) if org_words else _is_orgish(text, p)
    return len(words) <= 3 and not orgish and not any(w.casefold() in FUNCTION_WORDS for w in words)


_JOB_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ive", "eur", "euse", "rice", "in")


def _is_rolish(text: str, p: Piece) -> bool:
    """A job title without a known role word: "Software Engineer", "Historian"."""
    words = _words(text, p)
    if not words or _is_orgish(text, p) or _is_place(text, p):
        return False
    if all(w[0].islower() for w in words):
        return True  # organizations are capitalized: "maître de conférences", "avocat"
    if len(words) > 4:
        return False
    if any(w.casefold() in ROLE_HEADS for w in words):
        return True
    return words[-1].casefold().endswith(_JOB_SUFFIXES)


def _is_place(text: str, p: Piece) -> bool:
    words = _words(text, p)
    if not words:
        return False
    return all(w.casefold() in place_words() for w in words) or (
        len(words) <= 4 and " ".join(words).casefold() in place_names()
    )


_PLACEHOLDER_LETTERS = max(sum(map(str.isalnum, x)) for x in PLACEHOLDERS)


def _is_placeholder(text: str, p: Piece) -> bool:
    raw = text[p.start : p.end]
    if len(raw) > 2 * _PLACEHOLDER_LETTERS and sum(map(str.isalnum, raw)) > _PLACEHOLDER_LETTERS:
        return False  # cleaning keeps every letter: too many for any placeholder
    return clean(raw).casefold() in PLACEHOLDERS


def parse_affiliation(text: str, p: Piece) -> tuple[Piece | None, Piece | None]:
    """Split "Role of the Org", "Role, Org", "Org, Role", "Org" into (role, organization)."""
    p = _trim(text, p)
    if p.end <= p.start or _is_placeholder(text, p):
        return None, None
    low = text[p.start : p.end].casefold()
    for cue in ("on behalf of the ", "on behalf of ", "representing ", "im namen ", "au nom de "):
        if low.startswith(cue):
            return None, _org(text, Piece(p.start + len(cue), p.end))
    parts = _split(text, p, _COMMA)
    while len(parts) > 1 and (_is_place(text, parts[-1]) or _is_placeholder(text, parts[-1])):
        parts.pop()
    role: Piece | None = None
    org: Piece | None = None
    i = 0
    while i < len(parts):
        part = parts[i]
        r_end = _role_end(text, part)
        last = i == len(parts) - 1
        if org is not None and role is None and last and (r_end or _role_like(text, part)):
            role = part  # "Org, Role": "University of Warsaw, Professor of Law"
            break
        if r_end is None or org is not None:
            if org is None and not _is_placeholder(text, part):
                if role is None and _is_rolish(text, part) and (i + 1 < len(parts) or i == 0):
                    role = part  # "Job, Institution"
                else:
                    org = Piece(part.start, parts[-1].end) if role is not None else part
                    if role is not None:
                        break
            elif org is not None and r_end is None and not _is_rolish(text, part):
                org = Piece(org.start, part.end)  # "Institut für X, Universität Y"
            i += 1
            continue
        role_start = role.start if role is not None else part.start
        pos = r_end
        direct = text[pos : part.end].lstrip().casefold()
        for body in ROLE_BODIES:
            if direct.startswith(body) and (
                len(direct) == len(body) or not direct[len(body)].isalnum()
            ):
                pos = part.end - len(direct) + len(body)
                break
        conn = _after_connective(text, pos, part.end)
        if i + 1 < len(parts) and _lowercase(text, Piece(pos, part.end)):
            role = Piece(
                role_start, part.end
            )  # "professeur associé, X", "directrice de recherche, X"
            i += 1
            continue
        if conn is None:
            rest = _trim(text, Piece(pos, part.end))
            role = Piece(role_start, pos)
            if i + 1 == len(parts) and _lowercase(text, rest):
                role = Piece(role_start, part.end)  # "Poet and translator", "Professor emeritus"
                break
            if _ON_WORD.match(text, pos, part.end):  # "Senior Adviser on Central Asia"
                role = Piece(role_start, part.end)
                i += 1
                continue
            if rest.end > rest.start:
                org = Piece(rest.start, parts[-1].end)
                break
            i += 1
            continue
        # "Member of the Board of X": the body belongs to the role.
        body_low = text[conn : part.end].lstrip().casefold()
        for body in ROLE_BODIES:
            if body_low.startswith(body) and (
                len(body_low) == len(body) or not body_low[len(body)].isalnum()
            ):
                pos = (
                    conn
                    + (len(text[conn : part.end]) - len(text[conn : part.end].lstrip()))
                    + len(body)
                )
                conn = _after_connective(text, pos, part.end)
                break
        portfolio = (
            None
            if conn is None or pos != r_end
            else _portfolio_end(text, Piece(role_start, r_end), conn, part.end)
        )
        if portfolio is not None:  # "Minister of Finance (of Chile)"
            pos, conn = portfolio, _after_connective(text, portfolio, part.end)
        if conn is not None and _is_country(text, Piece(conn, part.end)):
            conn = None  # "President of Chile": a country is no organization
            pos = part.end
        if conn is None:
            role = Piece(role_start, pos)
            rest = _trim(text, Piece(pos, part.end))
            if rest.end > rest.start:
                org = Piece(rest.start, parts[-1].end)
                break
            i += 1
            continue
        x = Piece(conn, part.end)
        at = _AT.search(text, conn, part.end)
        if pos == r_end and at is not None and _is_subject(text, Piece(conn, at.start())):
            role = Piece(role_start, at.start())  # "Lecturer in Law at the University of Y"
            org = Piece(at.end(), parts[-1].end)
            break
        if (
            pos == r_end
            and i + 1 < len(parts)
            and _is_subject(text, x, org_words=True)
            and _is_orgish(text, parts[i + 1])
        ):
            role = Piece(role_start, part.end)  # "Professor of History, University of Y"
            i += 1
            continue
        role = Piece(role_start, pos)
        org = Piece(conn, parts[-1].end)
        break
    return (_trim(text, role) if role else None), (_org(text, org) if org else None)


# Government posts whose "of …" names a portfolio, not an organization: "Minister of Finance",
# "Secretary of State". A minister's portfolio may be any; a secretary's is one of these.
_MINISTERS = frozenset(["minister", "ministers", "ministre", "ministro", "ministra"])
_PORTFOLIOS = frozenset(
    ["state", "interior", "treasury", "defense", "defence", "health", "education", "justice",
     "labor", "labour", "agriculture", "energy", "commerce", "transportation", "homeland"]
)  # fmt: skip
_NEXT_OF = re.compile(r"\s+of\s+")
_ON_WORD = re.compile(r"\s+on\s+(?!behalf\b)")


def _portfolio_end(text: str, role: Piece, conn: int, end: int) -> int | None:
    """End of the portfolio after a minister's or a secretary's title ("Finance" in "Minister
    of Finance of Chile", "Foreign Affairs and Trade", "State"): up to the next "of", a few
    capitalized words with no organization's word. None after other titles."""
    head = _words(text, role)[-1:]
    stop = _NEXT_OF.search(text, conn, end)
    field = _trim(text, Piece(conn, stop.start() if stop else end))
    words = [w for w in _words(text, field) if w.casefold() != "the"]
    if not head or not words or len(words) > 5 or not words[0][0].isupper():
        return None
    if head[0].casefold() in _MINISTERS or (
        head[0].casefold() == "secretary" and words[0].casefold() in _PORTFOLIOS
    ):
        return None if _is_orgish(text, field) else field.end
    return None


def _is_country(text: str, p: Piece) -> bool:
    """ "Chile", "the Republic of Moldova", "the United States": a country, which a post is
    of ("President of Chile") and which is no organization."""
    words = [w.casefold() for w in _words(text, p)]
    named = [w for w in words if w not in ("of", "the", "and")]
    return bool(named) and (
        all(w in place_words() for w in named) or _is_place(text, _strip_connective(text, p))
    )


def _whole_role(text: str, s: Signatory) -> bool:
    """Did the rules read a role with no organization that the tagger, trained on roles in
    organizations, splits: a government post ("former Minister of Finance of Chile",
    "President of Estonia") or a role and its subject ("Senior Adviser on Central Asia")?"""
    r = s.role_span
    if s.organization is not None or r is None:
        return False
    on = _ON_WORD.search(text, r.start, r.end)
    if on is not None and _role_end(text, Piece(r.start, on.start())) is not None:
        return True
    of = _NEXT_OF.search(text, r.start, r.end)
    if of is None:
        return False
    head = Piece(r.start, of.start())
    after = Piece(of.end(), r.end)
    return _portfolio_end(text, head, of.end(), r.end) is not None or _is_country(text, after)


def is_locality(text: str, p: Piece) -> bool:
    """A country, or one or two capitalized words that name no organization: a city after
    an organization's name ("Hazara Council of Great Britain (London)"), not an acronym
    ("(FORUM-ASIA)")."""
    if _is_place(text, p):
        return True
    words = _words(text, p)
    return (
        1 <= len(words) <= 2
        and all(w[0].isupper() and not w.isupper() and w.isalpha() for w in words)
        and not _is_orgish(text, p)
    )


def _org(text: str, p: Piece) -> Piece | None:
    p = _strip_connective(text, _trim(text, p))
    opened = text.rfind("(", p.start, p.end)
    if opened > p.start and text.find(")", opened, p.end - 1) < 0:  # "Kyoto University (Japan)"
        close = p.end - 1 if text[p.end - 1] == ")" else p.end
        if is_locality(text, Piece(opened + 1, close)):
            p = _trim(text, Piece(p.start, opened))
    if p.end <= p.start or _is_placeholder(text, p):
        return None
    return p


def _name_piece(text: str, p: Piece) -> Piece | None:
    """The name in p without titles and degrees."""
    toks = _tokens(text, p)
    while toks and is_title(toks[0][2]):
        toks = toks[1:]
    while toks and (is_degree(toks[-1][2]) or is_title(toks[-1][2])):
        toks = toks[:-1]
    if not toks:
        return None
    return Piece(toks[0][0], toks[-1][1])


def _person(text: str, p: Piece) -> Piece | None:
    """p as a person's name (titles dropped), if it is one."""
    np_ = _name_piece(text, p)
    if np_ is None:
        return None
    words = _words(text, np_)
    if looks_like_person(words):
        return np_
    return None


def _leading_person(text: str, p: Piece, *, bounded: bool) -> Piece | None:
    toks = _tokens(text, p)
    while toks and is_title(toks[0][2]):
        toks = toks[1:]
    n = name_length([t for _, _, t in toks], bounded=bounded)
    if n < 2:
        return None
    return Piece(toks[0][0], toks[n - 1][1])


def _span(p: Piece | None) -> Span | None:
    return Span(p.start, p.end) if p else None


def _signatory(
    text: str,
    entry: Piece,
    name: Piece | None,
    role: Piece | None,
    org: Piece | None,
) -> Signatory | None:
    if name is None and org is None:
        return None
    return Signatory(
        name=clean(text[name.start : name.end]) if name else None,
        role=" ".join(unwrap(text[role.start : role.end]).split()).strip(" ,;:") if role else None,
        organization=clean(text[org.start : org.end]) if org else None,
        span=Span(entry.start, entry.end),
        name_span=_span(name),
        role_span=_span(role),
        organization_span=_span(org),
    )


def strip_marker(text: str, p: Piece) -> Piece:
    """Drop list numbers, bullets and markdown emphasis around an entry."""
    m = _MARKER.match(text, p.start, p.end)
    s = m.end() if m else p.start
    return _trim(text, Piece(s, p.end))


def split_run_together(text: str, p: Piece) -> list[Piece]:
    """Split "A – Role of X B – Role of Y" where a second entry starts mid-line."""
    cuts = []
    for a, b in _separators(text, p, _DASH)[1:]:
        if _role_end(text, Piece(b, p.end)) is None:
            continue
        toks = _tokens(text, Piece(p.start, a))
        n = 0
        while n < min(3, len(toks)) and is_name_token(toks[-1 - n][2]):
            n += 1
        if n >= 2 and toks[-n][0] > p.start:
            cuts.append(toks[-n][0])
    pieces, s = [], p.start
    for c in cuts:
        pieces.append(_trim(text, Piece(s, c)))
        s = c
    pieces.append(_trim(text, Piece(s, p.end)))
    return [q for q in pieces if q.end > q.start]


def parse_entry(
    text: str, p: Piece, *, organizations: bool = False, method: str = "combined"
) -> list[Signatory]:
    """Every signatory in one entry (usually one; two when entries ran together).

    `method`: "rules", "tagger" or "combined" (the rules where a separator fixes the
    parts, the tagger where none does).
    """
    p = strip_marker(text, p)
    if not organizations and text.find("\n", p.start, p.end) >= 0:
        stacked = _stacked(text, p)
        if stacked is not None:
            return [stacked]
    out = []
    for piece in split_run_together(text, p):
        piece = _trim(text, piece)
        if piece.end <= piece.start:
            continue
        if organizations:
            cells = [c for c in _split(text, piece, _CELL) if not _is_place(text, c)] or [piece]
            s: Signatory | None = _signatory(text, piece, None, None, _org(text, cells[0]))
        elif method == "tagger":
            s = _from_reading(text, piece, tagger.read(text, piece.start, piece.end))
        else:
            s, how = _parse_one(text, piece)
            if method == "combined":
                s = _combine(text, piece, s, how)
        if s is not None:
            out.append(s)
    return out


def _stacked(text: str, p: Piece) -> Signatory | None:
    """An entry printed on stacked lines: the name, then the role and the organization, or
    only one of them ("Jane Roe" / "Director" / "Open Sky Union"). A line is a field: the
    role line is the whole role ("Head of Programmes"), a place line is left out."""
    lines: list[Piece] = []
    pos = p.start
    while pos < p.end:
        stop = text.find("\n", pos, p.end)
        stop = p.end if stop < 0 else stop
        line = strip_marker(text, Piece(pos, stop))
        if line.end > line.start:
            lines.append(line)
        pos = stop + 1
    name = _person(text, lines[0]) if lines else None
    if name is None:
        return None
    rest = [x for x in lines[1:] if not _is_place(text, x) and not _is_placeholder(text, x)]
    role: Piece | None = None
    org: Piece | None = None
    if len(rest) == 1:
        role, org = parse_affiliation(text, rest[0])
    elif len(rest) > 1:
        first_is_role = _role_end(text, rest[0]) is not None or _is_rolish(text, rest[0])
        # the organization's line, and the next ones while they read as one ("Department
        # of X" / "University of Y"); an address or a city line ends it
        first = 1 if first_is_role else 0
        last = first
        while last + 1 < len(rest) and _is_orgish(text, rest[last + 1]):
            last += 1
        role = rest[0] if first_is_role else None
        org = _org(text, Piece(rest[first].start, rest[last].end)) if first < len(rest) else None
    return _signatory(text, p, name, role, org)


# Rule paths where no separator fixed the parts: the tagger decides there.
_WEAK = frozenset(["glued", "none", "org"])


def _parse_one(text: str, p: Piece) -> tuple[Signatory | None, str]:
    """The entry by the rules, and which rule parsed it."""
    dashes = _separators(text, p, _DASH)
    if dashes:
        a, b = dashes[0]
        left, right = _trim(text, Piece(p.start, a)), _trim(text, Piece(b, p.end))
        name = _person(text, left)
        if name is not None:
            role, org = parse_affiliation(text, right)
            return _signatory(text, p, name, role, org), "dash"
        right_parts = _split(text, right, _COMMA)
        rname = _person(text, right_parts[0]) if right_parts else None
        if rname is not None:  # "Org – Name, Role"
            role = (
                _trim(text, Piece(right_parts[1].start, right.end))
                if len(right_parts) > 1
                else None
            )
            return _signatory(text, p, rname, role, _org(text, left)), "org-dash"
    paren = text.find("(", p.start, p.end)
    if paren > p.start:
        close = text.find(")", paren, p.end)
        left = _trim(text, Piece(p.start, paren))
        name = _person(text, left)
        if name is not None:
            role, org = parse_affiliation(text, Piece(paren + 1, close if close > 0 else p.end))
            return _signatory(text, p, name, role, org), "paren"
    parts = _split(text, p, _COMMA)
    if len(parts) > 1:
        name = _person(text, parts[0])
        if name is not None:
            rest = [q for q in parts[1:] if not all(is_degree(w) for w in _words(text, q))]
            if not rest:
                return _signatory(text, p, name, None, None), "comma"
            role, org = parse_affiliation(text, Piece(rest[0].start, p.end))
            return _signatory(text, p, name, role, org), "comma"
    name = _person(text, p)
    if name is not None:
        return _signatory(text, p, name, None, None), "name"
    of = _OF_AFTER.search(text, p.start, p.end)
    if of is not None:
        name = _person(text, Piece(p.start, of.start()))
        after = Piece(of.end(), p.end)
        # "de", "von" also join names ("Maria de Souza"): then the rest must read as an org
        particle = of.group().split()[0].casefold() in NAME_PARTICLES
        if (
            name is not None
            and _bare(text, name.start, of.start())
            and (not particle or _is_orgish(text, after))
        ):  # "Jane Roe of the Open Sky Union", "Anna Schulz vom Verein X"
            return _signatory(text, p, name, None, _org(text, after)), "of"
    lead = _leading_person(text, p, bounded=False)
    if lead is not None:
        role, org = parse_affiliation(text, _trim(text, Piece(lead.end, p.end)))
        if role or org:
            return _signatory(text, p, lead, role, org), "glued"
    if _is_orgish(text, p) and not _is_placeholder(text, p):
        return _signatory(text, p, None, None, _org(text, p)), "org"
    return None, "none"


def _bare(text: str, start: int, end: int) -> bool:
    """Only words and spaces in text[start:end]: no separator, no mark."""
    return _MARK.search(text, start, end) is None


_MARK = re.compile(r"[^\w\s.'’-]")
_AT = re.compile(r"\s+(?:at|an der|à)\s+")
_OF_AFTER = re.compile(r"\s+(?:of|from|von|vom|de|du|des|из)\s+")
JUDGE_RATIO = 1e-3


def _combine(text: str, p: Piece, s: Signatory | None, how: str) -> Signatory | None:
    """The rules' reading, unless no separator fixed it or the tagger finds it far less
    likely than its own (by `JUDGE_RATIO`): then the tagger's, if its name looks like one."""
    proposed = None
    if s is not None and how not in _WEAK:
        spans = (("NAME", s.name_span), ("ROLE", s.role_span), ("ORG", s.organization_span))
        proposed = {k: (v.start, v.end) for k, v in spans if v is not None}
    if proposed is not None and _HYPHENATED.search(text, p.start, p.end):
        return s  # the tagger never saw a word broken across lines: the separators decide
    if s is not None and proposed is not None and (_org_then_role(text, s) or _whole_role(text, s)):
        return s  # "Name, Org, Role", "Name, Minister of X": readings the tagger was not taught
    reading = tagger.read(text, p.start, p.end, proposed)
    if proposed is not None and reading.ratio >= JUDGE_RATIO:
        return s
    if proposed is not None and _CELL.search(text, p.start, p.end):
        # table cells are hard boundaries, and the tagger sees no tabs: a part of its
        # reading that runs across two cells is wrong
        found = tagger.parts(reading.tokens, reading.labels)
        if any(_CELL.search(text, a, b) for a, b in found.values()):
            return s
    return _plausible(text, _from_reading(text, p, reading)) or s


def _org_then_role(text: str, s: Signatory) -> bool:
    """The rules read "Name, Org, Role": a role's words in the last part, and a person's name
    or an organization's word before ("Jane Doe, Amnesty International, Researcher")."""
    o, r = s.organization_span, s.role_span
    if s.name_span is None or o is None or r is None or o.end > r.start:
        return False
    named = looks_like_person(_words(text, Piece(s.name_span.start, s.name_span.end)))
    role = Piece(r.start, r.end)
    return (named or _is_orgish(text, Piece(o.start, o.end))) and (
        _role_end(text, role) is not None or _role_like(text, role)
    )


def _role_like(text: str, p: Piece) -> bool:
    """A job title, or a phrase ending in a role's head word ("Program Director")."""
    words = _words(text, p)
    return _is_rolish(text, p) or (
        bool(words) and len(words) <= 4 and words[-1].casefold() in ROLE_HEADS
    )


def harmonize(text: str, sigs: list[Signatory]) -> list[Signatory]:
    """In a list whose entries give an organization and no role, a lone capitalized word that
    reads as a role only by its ending ("Jane Roe (Ifremer)") is the entry's organization."""
    plain = sum(1 for x in sigs if x.organization and not x.role)
    if plain < 3 or plain < 2 / 3 * len(sigs):
        return sigs
    out = []
    for x in sigs:
        r = x.role_span
        if r is not None and x.organization is None and x.role and len(x.role.split()) == 1:
            word = Piece(r.start, r.end)
            if x.role[0].isupper() and _role_end(text, word) is None:
                x = Signatory(x.name, None, x.role, x.span, x.name_span, None, r)
        out.append(x)
    return out


def _plausible(text: str, s: Signatory | None) -> Signatory | None:
    """s, if the name the tagger found has the shape of a person's name and its role that of
    a role."""
    if s is None:
        return s
    if s.role_span is not None:
        words = _words(text, Piece(s.role_span.start, s.role_span.end))
        if not (
            any(w.casefold() in ROLE_HEADS for w in words)
            or all(w[0].islower() for w in words)
            or (bool(words) and words[-1].casefold().endswith(_JOB_SUFFIXES))
        ):
            return None  # "the Witwatersrand": no role word, no job's ending
    if s.name_span is None:
        return s
    return s if looks_like_person(_words(text, Piece(s.name_span.start, s.name_span.end))) else None


def _from_reading(text: str, p: Piece, reading: tagger.Reading) -> Signatory | None:
    found = tagger.parts(reading.tokens, reading.labels)
    name = _name_piece(text, Piece(*found["NAME"])) if "NAME" in found else None
    role = _trim(text, Piece(*found["ROLE"])) if "ROLE" in found else None
    org = _org(text, Piece(*found["ORG"])) if "ORG" in found else None
    return _signatory(text, p, name, role, org)
