"""Extraction: a document's text → the letters in it, every fact with its span.

Reproduced letters come from `segment` (heading, salutation, closing, signature block)
and `signatures` (entries); reported letters from `reports`. A report that introduces a
reproduced letter ("… has issued an open letter to X. The letter reads:") is merged into
it. Pure: no I/O. Documents without any letter cue are rejected before any parsing.
"""

from __future__ import annotations

import re
from dataclasses import replace

# The module, not its names: `segment` imports the lexicon of this package, so either may be
# imported first.
from cosignatory import segment
from cosignatory.extract.addressees import parse_addressees
from cosignatory.extract.dates import DateMention, find_dates, infer_year, metadata_date
from cosignatory.extract.lexicon import any_of, place_names
from cosignatory.extract.reports import Reported, find_reports, signed_list
from cosignatory.extract.signatures import Piece, clean, harmonize, is_locality, parse_entry
from cosignatory.model import Addressee, Document, Letter, Sender, Signatory, Span

__all__ = ["EXTRACTOR_VERSION", "extract"]

EXTRACTOR_VERSION = "0.7.0"


_CUES = any_of(
    (
        *("letter", "appeal", "petition", r"dear\b", "sincerely", "signator", "signed"),
        *("undersigned", r"brief\b", "aufruf", "unterzeichn", "lettre", "appel", "signataire"),
        *("письм", "обращени", "подписа", "уважаем", "sehr geehrte", "regards"),
    )
)
_COLLECTIVE = re.compile(
    r"^(?:the|we|on behalf of)\b|\b(?:representatives|members|signatories|friends|citizens|"
    r"undersigned|coalition|community|diaspora|vertreter|représentants|представители)\b",
    re.IGNORECASE,
)


def extract(document: Document) -> list[Letter]:
    """Every letter reproduced in or reported by the document, in text order."""
    text = document.text
    if not _CUES.search(text):
        return []
    lines = segment.split_lines(text)
    regions = segment.find_regions(text, lines)
    published = document.published or metadata_date(text)
    context = _LazyDates(text)
    outside: list[tuple[int, int]] = []
    pos = 0
    for region in regions:
        outside.append((pos, region.start))
        pos = region.end
    outside.append((pos, len(text)))
    reports = find_reports(text, outside)
    letters: list[tuple[int, Letter]] = []
    used: set[int] = set()
    prev_end = 0
    for region in regions:
        intro = [
            i for i, r in enumerate(reports) if i not in used and prev_end <= r.start < region.start
        ]
        letter = _reproduced(text, region, lines, published, context)
        for i in intro:
            if _compatible(letter, reports[i]):
                letter = _merge(letter, reports[i], published, context, _shown(region))
                used.add(i)
                break
        letters.append((region.start, letter))
        prev_end = region.end
    for i, r in enumerate(reports):
        if i not in used:
            letters.append((r.start, _reported(r, published, context)))
    return [letter for _, letter in sorted(letters, key=lambda x: x[0])]


class _LazyDates:
    """Every date in the text, found only when a year has to be inferred."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._dates: list[DateMention] | None = None

    def get(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = find_dates(self.text)
        return self._dates


def _iso(d: DateMention | None, published: str | None, context: _LazyDates) -> str | None:
    if d is None:
        return None
    if d.year is not None:
        return d.iso()
    return d.iso(infer_year(d, published, context.get()))


def _reproduced(
    text: str,
    region: segment.Region,
    lines: list[segment.Line],
    published: str | None,
    context: _LazyDates,
) -> Letter:
    block = region.block or segment.Block()
    signatories, senders = _signatories(text, block)
    addressees: list[Addressee] = []
    if region.heading is not None:
        addressees = parse_addressees(text, region.heading.start, region.heading.end)
    if region.salutation is not None and (
        not addressees or (len(addressees) == 1 and addressees[0].name is None)
    ):
        greeted = parse_addressees(text, region.salutation.start, region.salutation.end)
        if not addressees:
            addressees = greeted
        elif len(greeted) == 1 and greeted[0].name and addressees[0].role:
            # "To the Minister of X" / "Dear Minister Roe": the salutation names the addressee
            # the heading describes
            addressees = [Addressee(greeted[0].name, addressees[0].role, addressees[0].span)]
    date = _dateline(text, region, lines)
    return Letter(
        reproduced=True,
        date=_iso(date, published, context),
        date_span=Span(date.start, date.end) if date else None,
        addressees=tuple(addressees),
        senders=tuple(senders),
        signatories=tuple(signatories),
        span=Span(region.start, region.end),
    )


def _dateline(text: str, region: segment.Region, lines: list[segment.Line]) -> DateMention | None:
    """A date on a line of its own near the top or the foot of the letter."""
    top = region.salutation.start if region.salutation else region.start
    candidates = [
        line
        for line in lines
        if (region.start - 200 <= line.start < top and line.start >= region.start - 200)
        or (
            region.block is not None
            and region.closing is not None
            and region.closing.start - 200 <= line.start < region.closing.start
        )
    ]
    for line in reversed(candidates):
        if re.match(
            r"(?:published|posted|updated|veröffentlicht|publié)", text[line.start : line.end], re.I
        ):
            continue
        words = text[line.start : line.end].split()
        if len(words) > 8:
            continue
        found = find_dates(text, line.start, line.end)
        if found:
            return found[0]
    if region.block is not None:  # a place and date under the signatures: "Baku, 12.05.2024"
        after = [x for x in lines if region.block.end < x.start <= region.block.end + 120]
        for line in after[:2]:
            m = _PLACE_DATE.match(text, line.start, line.end)
            found = find_dates(text, m.end(), line.end) if m else []
            if found and _DATE_TAIL.fullmatch(text, found[0].end, line.end):
                return found[0]
    return None


_DATE_TAIL = re.compile(r"\s*(?:года|г\.|г)?\s*[.,;]?\s*")
_PLACE_DATE = re.compile(r"(?:[^\W\d_][\w .'’-]{1,40},\s*(?:(?:den|le|am)\s+)?)?(?=\d|[^\W\d_])")


def _signatories(text: str, block: segment.Block) -> tuple[list[Signatory], list[Sender]]:
    if block.inline:  # "First signatories: Jane Roe (X), …": a list run into a paragraph
        listed = [x for s, e, _ in block.entries for x in signed_list(text, s, e)]
        return harmonize(text, listed), []
    parsed: list[tuple[tuple[int, int, bool], list[Signatory]]] = [
        (e, _grouped(text, block, e[0], parse_entry(text, Piece(e[0], e[1]), organizations=e[2])))
        for e in block.entries
    ]
    senders: list[Sender] = []
    if parsed:
        (s, e, org_mode), first = parsed[0]
        line = text[s:e].strip()
        rest = _unsplit_org_list(text, [x for _, sigs in parsed[1:] for x in sigs])
        people_after = any(x.name for x in rest)
        org_only = bool(first) and all(x.name is None for x in first)
        # A lone organization line heading a list of people is the collective sender.
        heads_people = org_only and len(rest) >= 2 and all(x.name for x in rest)
        if (
            not org_mode
            and (not first or org_only)
            and (_COLLECTIVE.search(line) or heads_people)
            and (people_after or len(parsed) == 1)
        ):
            name = re.sub(r"^(?:on behalf of)\s+", "", line, flags=re.I).strip(" ,.:")
            senders.append(
                Sender(name, Span(e - len(name) - (len(text[s:e]) - len(text[s:e].rstrip())), e))
            )
            parsed = parsed[1:]
    out: list[Signatory] = []
    for _, sigs in parsed:
        out.extend(sigs)
    out = harmonize(text, _unsplit_org_list(text, out))
    persons = sum(1 for x in out if x.name)
    if not senders and len(out) == 1 and out[0].name is None and out[0].organization:
        senders.append(Sender(out[0].organization, out[0].organization_span))
        return [], senders
    if persons and persons >= 0.5 * len(out):
        while out and out[-1].name is None and not any(m for (_, _, m), _ in parsed[-1:]):
            out.pop()
    if len(out) >= 3 and block.end >= len(text.rstrip()) - 2:
        last = out[-1]
        full = sum(1 for x in out[:-1] if x.role or x.organization)
        if not (last.role or last.organization) and full >= 0.7 * (len(out) - 1):
            out.pop()  # the page was cut off inside the last entry
    return out, senders


def _grouped(text: str, block: segment.Block, start: int, sigs: list[Signatory]) -> list[Signatory]:
    """The entry's people with the organization heading their group, where they give none."""
    group = block.groups.get(start)
    if group is None:
        return sigs
    org, span = clean(text[group[0] : group[1]]), Span(*group)
    return [
        replace(x, organization=org, organization_span=span) if x.organization is None else x
        for x in sigs
    ]


def _unsplit_org_list(text: str, out: list[Signatory]) -> list[Signatory]:
    """In a list of organizations, an entry split into "Name Org" with no separator is an org.

    The evidence is the list's, not the entry's: "Ganja Water Resources Bureau" opens with two
    words that could be a name, "Rauf Zeyni National NGO Forum" too. A list is one of
    organizations when fewer than half of its entries show a person's shape (a name alone, or
    a name set off by a separator); then no entry in it is split.
    """

    def glued(x: Signatory) -> bool:
        n, o = x.name_span, x.organization_span
        between = text[n.end : o.start] if n and o else "x"
        if between.strip() == "(" and o and is_locality(text, Piece(o.start, o.end)):
            return x.role is None  # "Stiftelsen Hazara Sverige (Malmö)"
        return (
            x.role is None and not between.strip() and "\n" not in between and "\t" not in between
        )

    def dashed(x: Signatory) -> bool:  # "Free Rohingya Coalition – UK Chapter"
        n, o = x.name_span, x.organization_span
        between = text[n.end : o.start] if n and o and n.end <= o.start else "\n"
        dash = re.search(r"\s[–—−-]\s", between)
        return x.role is None and dash is not None and not re.search(r"[\n\t,;(]", between)

    if len(out) < 3:
        return out
    people = sum(1 for x in out if x.name and not glued(x))
    orgs = sum(1 for x in out if x.name is None or glued(x))
    # "Progressive Voice – Myanmar": a country after the dash names an organization's branch
    branches = sum(
        1 for x in out if dashed(x) and (x.organization or "").casefold() in place_names()
    )
    # most entries are organizations alone, or half are and branches make up the rest
    split_dashed = orgs > len(out) / 2 or (orgs >= len(out) / 2 and orgs + branches > len(out) / 2)
    if people >= len(out) / 2 and not split_dashed:
        return out
    fixed = []
    for x in out:
        n, o = x.name_span, x.organization_span
        if n and o and (glued(x) or (split_dashed and dashed(x))):
            end = n.end if "(" in text[n.end : o.start] else o.end  # a locality is left out
            org = clean(text[n.start : end])
            x = Signatory(None, None, org, x.span, None, None, Span(n.start, end))
        fixed.append(x)
    return fixed


def _compatible(letter: Letter, report: Reported) -> bool:
    if not letter.addressees or not report.addressees:
        return True
    for a in letter.addressees:
        for b in report.addressees:
            for x, y in ((a.name, b.name), (a.role, b.role), (a.role, b.role)):
                if x and y and (_key(x) <= _key(y) or _key(y) <= _key(x)):
                    return True
            if a.name and b.name and _key(a.name).split()[-1:] == _key(b.name).split()[-1:]:
                return True
    return False


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold().replace("u.s.", "us")))


def _shown(region: segment.Region) -> bool:
    """Does the region give a letter's text, not only its list of signatories?"""
    return any(x is not None for x in (region.salutation, region.closing, region.intro))


def _merge(
    letter: Letter,
    report: Reported,
    published: str | None,
    context: _LazyDates,
    reproduced: bool = True,
) -> Letter:
    """The reproduced letter with what the report introducing it adds; `reproduced` False
    when the region holds only the signatories' list of the letter the report tells of."""
    addressees = letter.addressees
    if report.addressees and not any(a.name for a in addressees):
        addressees = tuple(report.addressees)
    elif len(addressees) == len(report.addressees) == 1 and _fuller(
        report.addressees[0].name, addressees[0].name
    ):
        addressees = tuple(report.addressees)  # "Dear Minister Joly" / "… to X, Mélanie Joly"
    senders = letter.senders or ((report.sender,) if report.sender else ())
    date, date_span = letter.date, letter.date_span
    if date is None and report.date is not None:
        date = _iso(report.date, published, context)
        date_span = Span(report.date.start, report.date.end)
    elif date is None and report.today and published:
        date = published[:10]  # "the following letter was sent today"
    return Letter(
        reproduced=reproduced,
        date=date,
        date_span=date_span,
        addressees=addressees,
        senders=senders,
        signatories=letter.signatories,
        span=letter.span,
    )


def _fuller(name: str | None, short: str | None) -> bool:
    """Is `name` a longer form of `short` ("Mélanie Joly" of "Joly")?"""
    if not name or not short:
        return False
    words, tail = _key(name).split(), _key(short).split()
    return len(words) > len(tail) and words[-len(tail) :] == tail


def _reported(r: Reported, published: str | None, context: _LazyDates) -> Letter:
    date = _iso(r.date, published, context)
    if date is None and r.today and published:
        date = published[:10]  # "X today sent a letter": the day the text came out
    return Letter(
        reproduced=False,
        date=date,
        date_span=Span(r.date.start, r.date.end) if r.date else None,
        addressees=tuple(r.addressees),
        senders=(r.sender,) if r.sender else (),
        signatories=tuple(r.signatories),
        span=Span(r.start, r.end),
    )
