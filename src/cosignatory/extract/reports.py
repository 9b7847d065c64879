"""Letters that a text reports on: who sent them, to whom, and when.

Sentences that name a letter ("an open letter", "the appeal", "their letter") or tell
of one ("NGOs have called on X to …") are mentions. Each mention carries what its clause
states: sender ("by X", "X's appeal", the subject of "have sent an open letter"),
addressee ("to X", "urges X to"), date ("sent on 25 December"), signatories ("signed by X
of the Y and Z", "unterzeichnet von", "signée par", "подписали"). An indefinite mention
opens a new letter unless it fits the last one; a definite one ("the letter") joins the
most recent letter it does not contradict; "an earlier letter" is always new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cosignatory.extract.addressees import parse_addressees
from cosignatory.extract.dates import DateMention, find_dates
from cosignatory.extract.lexicon import ORG_WORDS, any_of
from cosignatory.extract.names import WORD, is_title, looks_like_person
from cosignatory.extract.signatures import Piece, parse_entry
from cosignatory.model import Addressee, Sender, Signatory, Span

_NOUNS = (
    *(r"open\s+letter", r"joint\s+letter", "letter", "appeal", "petition", r"offene[nr]?\s+brief"),
    *("aufruf", r"lettre\s+ouverte", "appel", r"открытое\s+письмо", "обращение"),
)
_NOUN = "(?:" + "|".join(_NOUNS) + ")"
_MENTION = re.compile(
    r"(?:(?P<det>\b(?:an?|the|their|its|his|her|that|this|these|another|earlier|previous"
    r"|second|new|ein(?:en)?|der|den|une?|la|le)\b)\s+)?"
    r"(?:(?P<poss>(?-i:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*))[’']s\s+)?(?:(?P<mod>\w+)\s+)?"
    rf"(?P<noun>\b{_NOUN}\b)",
    re.IGNORECASE,
)
_SEND_VERB = (
    r"(?:issued|sent|addressed|written|wrote|signed|published|released|penned|launched"
    r"|delivered|submitted)"
)
_SUBJECT_SEND = re.compile(
    rf"(?P<subj>[^.;:()]{{3,160}}?)\s+(?:(?:has|have|had)\s+(?:also\s+)?|(?P<today>today)\s+"
    r"|(?P<when>on\s+\d{1,2}\s+[A-Za-z]{3,9}|on\s+[A-Za-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?)\s+)"
    rf"{_SEND_VERB}\s+"
    rf"(?:an?\s+)?(?:\w+\s+)?{_NOUN}",
    re.IGNORECASE,
)
_CALLED_ON = re.compile(
    r"\s(?:(?:has|have|had)\s+)?(?P<verb>called\s+on|calls?\s+on|urged|urges?|appealed\s+to|appeals?\s+to)"
    r"\s+(?P<obj>[^,;]+?)\s+to\s+[a-z]"
)
# "X haben einen offenen Brief an Y geschickt", "X ont adressé une lettre ouverte à Y",
# "X направили открытое письмо Y": subject, then the addressee.
_SUBJ = r"(?P<subj>[^.;:()]{3,160}?)"
_FOREIGN_SEND = [  # (a word the sentence must hold, the pattern)
    (
        "Brief",
        re.compile(
            _SUBJ + r"\s+(?:haben|hat)\s+(?:auch\s+)?(?:einen|ein)\s+(?:offenen\s+|gemeinsamen\s+)?"
            r"Brief\s+an\s+(?P<obj>[^,;.]+?)\s+(?:geschickt|gerichtet|geschrieben|verfasst"
            r"|gesandt|übergeben)\b"
        ),
    ),
    (
        "lettre",
        re.compile(
            _SUBJ + r"\s+(?:ont|a)\s+(?:adressé|envoyé|écrit|publié|remis)\s+une\s+lettre\s+"
            r"(?:ouverte\s+)?(?P<obj>(?:à|au|aux)\s+[^,;.]+?)"
            r"(?=\s+(?:pour|afin|le|en|dans)\b|[,;.]|$)"
        ),
    ),
    (
        "письмо",
        re.compile(
            _SUBJ + r"\s+(?:направили|отправили|написали|опубликовали|адресовали)\s+открытое\s+"
            r"письмо\s+(?P<obj>[^,;.]+?)(?=\s+(?:с|о|об|в|по)\s|[,;.]|$)"
        ),
    ),
]
# "X have written to Y demanding …": a letter, though the sentence does not name it.
_WRITTEN_TO = re.compile(
    r"\s(?:has|have|had)\s+(?:also\s+|jointly\s+)?(?:written|wrote)\s+to\s+(?P<obj>[^,;]+?)"
    r"(?=\s+(?:demanding|calling|urging|asking|to|about|over|regarding|in|on|with|after|and)\b"
    r"|[,;.]|$)"
)
_PRESENT = re.compile(r"calls?\s+on|urges?|appeals?\s+to")
_LIST_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)*(?:,?\s+and\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)?"
)
_SIGNED_BY = re.compile(
    r"\s+(?:was|is|has been|were|had been)\s+(?:\w+\s+)?(?:signed|co-signed|endorsed)\s+by\s+"
)
_AND = r"(?:and|und|et|и)"
_LIST_SPLIT = re.compile(rf",\s+(?:{_AND}\s+)?|\s+{_AND}\s+|;\s+")
_SEMICOLON_SPLIT = re.compile(rf";\s+(?:{_AND}\s+)?")
# What opens a list after its verb and is not part of it: "the following organizations:",
# "12 groups, including".
_LIST_LEAD = re.compile(
    r"(?:the\s+following|these|\S+)?\s*(?:\w+\s+)?(?:(?P<orgs>organi[sz]ations|groups|ngos"
    r"|associations|organisationen|organismes|организаци\w*)|individuals|people|persons|scholars"
    r"|academics|experts|scientists|activists|signatories)\b\s*(?:,?\s*(?:including|among\s+them|such\s+as"
    r"|darunter|dont|в\s+том\s+числе)\s+|:\s*)",
    re.IGNORECASE,
)
# A sentence that lists signatories of the letter the text is about, without naming it:
# "Signatories include X, …", "Among the signatories are …", "Zu den Unterzeichnern gehören …".
_SIGNER_CUE = any_of(("signator", "signers", "signed", "unterzeichne", "подписа"))
_INCLUDE = re.compile(
    r"\b(?:(?:its|their|other|notable|prominent|the\s+letter[’']s)\s+)?(?:co-?)?(?:signatories"
    r"|signers)\s+(?:also\s+)?(?:include[sd]?|are|were)\s+"
    r"|\bamong\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:(?:co-?)?signatories|signers|those\s+who\s+signed"
    r"(?:\s+(?:it|the\s+\w+))?)\s+(?:are|were|is|was|include[sd]?)\s+"
    r"|\bthose\s+who\s+signed(?:\s+(?:it|the\s+\w+))?\s+(?:include[sd]?|are|were)\s+"
    r"|\bzu\s+den\s+(?:erst)?unterzeichne(?:r|rn|rinnen|nden)\s+(?:gehör|zähl)\w*\s+"
    r"|\bparmi\s+les\s+(?:premiers\s+)?signataires(?:\s+(?:figurent|on\s+trouve|se\s+trouvent"
    r"|sont))?\s*:?\s+"
    r"|\bсреди\s+(?:подписавших|подписантов)(?:\s+письмо)?\s*[—–-]?\s*",
    re.IGNORECASE,
)
# A list of signatories after its verb, in sentences that name a letter: "(the letter) was
# signed by", "unterzeichnet von", "von … unterzeichnet", "signée par", "(письмо) подписали".
_SIGNERS = re.compile(
    r"\b(?:(?:co-)?signed\s+by|endorsed\s+by|(?:unterzeichnet|unterschrieben)\s+von"
    r"|sign(?:é|ée|és|ées)\s+par|подписал[аи]?|подписан[оа]?)\s+"
    r"|\bvon\s+(?=[^.;]+?\s+(?:unterzeichnet|unterschrieben)\b)"
)
_SIGNERS_END = re.compile(r"\s+(?:unterzeichnet|unterschrieben)\b")
_LETTER_WORD = any_of((*_NOUNS, "письм", r"brief\b", "lettre"))
_RELEVANT = any_of(
    (
        *_NOUNS,
        "письм",
        r"brief\b",
        "lettre",
        *(r"calls?\s+on", r"called\s+on", r"urge[sd]?\b", r"appeal(?:s|ed)?\s+to"),
        *(
            r"written\s+to",
            r"wrote\s+to",
            "signator",
            "signers",
            "signed",
            "unterzeichne",
            "подписа",
        ),
    )
)

_URGES = re.compile(
    r"\b(?:urges|urged|calls\s+on|called\s+on|asks|asked)\s+(?P<obj>[^,;]+?)\s+to\s+[a-z]"
)
_SAID = re.compile(
    r"(?:In|With)\s+[^,]{0,80}?" + _NOUN + r"[^,]{0,80},\s+(?P<subj>(?:the|they)\b[^,]{0,60}?)\s+"
    r"(?:said|wrote|argued|stated|accused|urged|asked|called|noted|warned|stressed)\b",
    re.IGNORECASE,
)
_NEW_MARK = ("earlier", "another", "previous", "second", "new", "separate", "other", "following")
_DEFINITE = ("the", "their", "its", "his", "her", "that", "this", "these", "der", "den", "la", "le")
_ADDR_AFTER = re.compile(
    r"\s+(?:(?:was\s+|were\s+)?sent\s+(?:today\s+)?|dated\s+|(?:sent\s+)?on\s+[^,]{3,25}?\s+)?(?:to|an|à)\s+(?P<obj>(?:the\s+)?[A-Z][^,;]*?)(?=\s+(?:by|calling|urging|asking|demanding|on|in|over|about|regarding|which|that|who|to|followed|and\s+[a-z])\b|[,;:]|(?<![A-Z])\.(?=\s|$)|$)"
)
_APPOSITION = re.compile(
    r",\s+(?P<name>[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){1,4}?)(?=,|\.(?:\s|$)|\s+on\b|$)"
)
_BY_AFTER = re.compile(
    r"\bby\s+(?:the\s+)?(?:[\w.]+-based\s+)?(?P<obj>[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|of|for|the|and|de|du|des|für))*)"
)
_SENTENCE = re.compile(
    r"[^\n]+?(?:(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bU\.S)(?<!\bProf)(?<!\bMrs)(?<!\bRev)(?<!\bGen)[.!?](?=\s+[A-Z“\"«(]|\s*$)|$)",
    re.M,
)
_QUOTED = re.compile(r"[“«„\"][^”»“\"\n]{3,300}[”»“\"]")


@dataclass
class Reported:
    """A letter known from what the text says about it."""

    sender: Sender | None = None
    addressees: list[Addressee] = field(default_factory=list)
    date: DateMention | None = None
    signatories: list[Signatory] = field(default_factory=list)
    today: bool = False  # sent "today": on the day the text was published
    start: int = 0
    end: int = 0
    last: int = 0  # position of the latest mention, for recency


@dataclass
class _Mention:
    pos: int
    end: int
    definite: bool
    new: bool
    sender: Sender | None
    addressees: list[Addressee]
    date: DateMention | None
    signatories: list[Signatory] = field(default_factory=list)
    today: bool = False


def _clean_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    seg = text[start:end]
    if seg.rstrip().endswith(","):  # "X, among them Y, have signed": the apposition goes
        opened = text.rfind(",", start, start + len(seg.rstrip()) - 1)
        if opened > start:
            end = opened
            seg = text[start:end]
    cut = max(seg.rfind(c) for c in (")", ",", " - ", " – ", " — ", "—"))
    if cut >= 0:
        start += cut + 1
        while start < end and text[start] in " -–—":
            start += 1
    m = re.match(r"\s*(?:date\s+\d{4}-\d\d-\d\d\s*)?", text[start:end])
    if m:
        start += m.end()
    while start < end and text[start].isspace():
        start += 1
    words = text[start:end].split()
    if not words or len(words) > 12:
        return None
    return start, end


def _sender(text: str, start: int, end: int) -> Sender | None:
    span = _clean_subject(text, start, end)
    if span is None:
        return None
    s, e = span
    value = " ".join(text[s:e].split())
    if value.casefold() in ("it", "they", "we", "he", "she") or not value:
        return None
    return Sender(value, Span(s, e))


def _mentions_in(text: str, s: int, e: int, masked: str) -> list[_Mention]:
    sentence = text[s:e]
    out: list[_Mention] = []
    lettered = re.search(_NOUN, masked[s:e], re.IGNORECASE) is not None
    for c in _CALLED_ON.finditer(masked, s, e):
        if _PRESENT.fullmatch(c.group("verb")) and not lettered:
            continue  # present tense ("X urge Y to …") is a letter only where one is named
        caller = _sender(text, s, c.start())
        if caller is None or caller.name.split()[0].casefold() in ("the", "they", "it"):
            continue
        called = parse_addressees(text, c.start("obj"), c.end("obj"))
        out.append(_Mention(c.start(), c.end(), False, False, caller, called, None))
    written = "written to" in sentence or "wrote to" in sentence  # the pattern is slow
    for w in _WRITTEN_TO.finditer(masked, s, e) if written else ():
        writer = _sender(text, s, w.start())
        if writer is None or writer.name.split()[0].casefold() in ("the", "they", "it", "i", "he"):
            continue
        called = parse_addressees(text, w.start("obj"), w.end("obj"))
        out.append(_Mention(w.start(), w.end(), False, False, writer, called, None))
    for cue, pattern in _FOREIGN_SEND:
        if cue not in sentence:
            continue  # the pattern is slow: run it only where its noun is
        for f in pattern.finditer(masked, s, e):
            author = _sender(text, f.start("subj"), f.end("subj"))
            called = parse_addressees(text, f.start("obj"), f.end("obj"))
            if author is not None:
                out.append(_Mention(f.start(), f.end(), False, False, author, called, None))
    matches = list(_MENTION.finditer(masked, s, e))
    for k, m in enumerate(matches):
        bound = matches[k + 1].start() if k + 1 < len(matches) else e
        det = (m.group("det") or "").casefold()
        mod = (m.group("mod") or "").casefold()
        definite = det in _DEFINITE or bool(m.group("poss"))
        new = det in _NEW_MARK or mod in _NEW_MARK
        if not det and not m.group("poss"):
            continue
        if m.group("noun")[0].isupper() and m.start("noun") > s + 2:
            continue  # a title ("Urgent Appeal"), not a mention
        sender: Sender | None = None
        if m.group("poss"):
            p0 = m.start("poss")
            sender = Sender(m.group("poss"), Span(p0, m.end("poss")))
        after = m.end()
        signed = _SIGNED_BY.match(text, after, e)
        if signed:
            out.append(
                _Mention(
                    m.start(),
                    m.end(),
                    True,
                    False,
                    None,
                    [],
                    None,
                    signed_list(text, signed.end(), e),
                )
            )
            continue
        by = _BY_AFTER.search(text, after, bound)
        if by and not re.search(r"[,;]", text[after : by.start()]) and sender is None:
            name = by.group("obj").rstrip(" .")
            for tail in (" and", " of", " the", " for"):
                if name.endswith(tail):
                    name = name[: -len(tail)]
            sender = Sender(name, Span(by.start("obj"), by.start("obj") + len(name)))
        subj = _SUBJECT_SEND.match(masked, s, m.end())
        if subj and sender is None and subj.end() >= m.end() - 1:
            sender = _sender(text, subj.start("subj"), subj.end("subj"))
        said = _SAID.match(text, s, e)
        if said and sender is None and said.start("subj") > m.end():
            sender = _sender(text, said.start("subj"), said.end("subj"))
        addrs: list[Addressee] = []
        to = _ADDR_AFTER.match(text, after, bound)
        if to:
            obj_end = to.end("obj")
            if re.match(r"(?:the\s+)?\w+s\s+of\b", to.group("obj")):
                more = _LIST_TAIL.match(text, obj_end, bound)
                obj_end = more.end() if more else obj_end
            named = _APPOSITION.match(text, obj_end, bound)
            if named and looks_like_person(named.group("name").split()):
                obj_end = named.end("name")  # "to the President of X, Jane Roe, on …"
            addrs = parse_addressees(text, to.start("obj"), obj_end)
        else:
            urges = _URGES.search(text, after, min(e, after + 40))
            if urges:
                addrs = parse_addressees(text, urges.start("obj"), urges.end("obj"))
        date = None
        window = text[after : min(e, after + 60)]
        dm = re.match(
            r",?\s+(?:sent\s+|issued\s+|published\s+|released\s+|dated\s+)?(?:on\s+|of\s+)?", window
        )
        if dm and dm.group().strip(" ,"):
            found = find_dates(text, after + dm.end(), min(e, after + dm.end() + 25))
            if found and found[0].start == after + dm.end():
                date = found[0]
        if date is None:
            lead = re.match(r"\s*(?:On|Am|Le)\s+", sentence)
            if lead:
                found = find_dates(text, s + lead.end(), e)
                if found and found[0].start == s + lead.end() and re.search(_SEND_VERB, sentence):
                    date = found[0]
        if date is None and subj and subj.group("when"):  # "X on 20 June sent a letter"
            found = find_dates(text, subj.start("when"), subj.end("when"))
            date = found[0] if found else None
        if date is None and subj and not definite:
            on = re.search(r"\bon\s+", text[after:bound])
            if on:
                found = find_dates(text, after + on.end(), min(bound, after + on.end() + 25))
                if found and found[0].start == after + on.end():
                    date = found[0]
        mention = _Mention(m.start(), m.end(), definite and not new, new, sender, addrs, date)
        today = (subj and subj.group("today")) or (to and " today " in to.group())
        mention.today = bool(today and date is None)  # "the following letter was sent today"
        out.append(mention)
    if not any(m.signatories for m in out):
        out += _signers(text, s, e, masked)
    if not any(m.signatories for m in out) and _SIGNER_CUE.search(masked, s, e):
        inc = _INCLUDE.search(masked, s, e)
        listed = signed_list(text, inc.end(), e) if inc else []
        if inc and listed:
            out.append(_Mention(inc.start(), e, True, False, None, [], None, listed))
    return sorted(out, key=lambda x: x.pos)


def _signers(text: str, s: int, e: int, masked: str) -> list[_Mention]:
    """The signatories a sentence lists for the letter it names, in any of the languages."""
    noun = _LETTER_WORD.search(masked, s, e)
    verb = _SIGNERS.search(masked, noun.end(), e) if noun else None
    if verb is None:
        return []
    end = e
    if verb.group().startswith("von"):
        tail = _SIGNERS_END.search(text, verb.end(), e)
        end = tail.start() if tail else e
    found = signed_list(text, verb.end(), end)
    return [_Mention(verb.start(), end, True, False, None, [], None, found)] if found else []


def signed_list(text: str, start: int, end: int) -> list[Signatory]:
    """ "X of the Y, Z of the W and V" after "signed by" (or "unterzeichnet von", …).

    Commas and "and" also occur inside organization names ("Rights of Refugees and Displaced
    Persons"), so the list is cut at all of them and then mended: a piece that does not open
    with a person's name continues the one before it. So does a bare name after "and" when
    most pieces are "Name of Org" and people follow it or the list's own "and" came before: a
    list has one "and", before its last item, so this one joins two words of an
    organization's name ("Studies and Analytical Research, …").
    """
    while end > start and text[end - 1] in " .\n":
        end -= 1
    lead = _LIST_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
        if lead.group("orgs"):
            return _organizations(text, start, end)
    if text.find(";", start, end) >= 0:  # "X, role of Y; Z, role of W; and V, …"
        return [
            x
            for a, b in _cut(text, start, end, _SEMICOLON_SPLIT)
            for x in parse_entry(text, Piece(a, b))
            if x.name
        ]
    pieces: list[tuple[int, int]] = []
    joined_by_and: list[bool] = []
    pos = start
    for m in [*_outside_parentheses(text, start, _LIST_SPLIT.finditer(text, start, end)), None]:
        pieces.append((pos, m.start() if m else end))
        joined_by_and.append(m is not None and m.group().strip() in ("and", "und", "et", "и"))
        pos = m.end() if m else end
    grouped = len(pieces)  # first piece after a group of people is named
    for i, (a, b) in enumerate(pieces):  # "and the academics John Smith and Mary Major"
        group = _GROUP_LEAD.match(text, a, b)
        if group is not None:
            pieces[i] = (group.end(), b)
            grouped = min(grouped, i)
    kinds = [_list_item(text, a, b) for a, b in pieces]
    for i in range(grouped, len(pieces)):  # after "the academics", short capitalized names
        words = text[pieces[i][0] : pieces[i][1]].split()
        if kinds[i] == "other" and 2 <= len(words) <= 4 and all(w[0].isupper() for w in words):
            kinds[i] = "name"
    people = [i for i, k in enumerate(kinds) if k != "other"]
    if not people:
        return _organizations(text, start, end)
    leading: list[Signatory] = []
    if (
        people[0] > 0
        and not any(  # "Human Rights Watch, Amnesty International, and the …"
            s.name for a, b in pieces[: people[0]] for s in parse_entry(text, Piece(a, b))
        )
    ):
        leading = _organizations(text, pieces[0][0], pieces[people[0] - 1][1], last_and=False)
        if leading:
            shift = people[0]
            pieces, kinds, joined_by_and = pieces[shift:], kinds[shift:], joined_by_and[shift:]
            people = [i - shift for i in people]
            grouped = max(0, grouped - shift)
    affiliated = kinds.count("affiliated") >= 2 / 3 * len(people)
    entries: list[tuple[int, int]] = []
    conjoined = False  # the list's own "and" has been seen
    for i, ((a, b), kind) in enumerate(zip(pieces, kinds, strict=True)):
        after_and = i > 0 and joined_by_and[i - 1]
        tail = kind == "name" and affiliated and after_and
        if entries and (kind == "other" or (tail and (people[-1] > i or conjoined))):
            entries[-1] = (entries[-1][0], b)
        else:
            entries.append((a, b))
            conjoined = conjoined or after_and
    out: list[Signatory] = leading
    named = {pieces[i] for i in range(grouped, len(pieces)) if kinds[i] == "name"}
    for a, b in entries:
        found = [s for s in parse_entry(text, Piece(a, b)) if s.name]
        if not found and (a, b) in named:  # a name the group lead vouches for: "Mary Major"
            found = [Signatory(" ".join(text[a:b].split()), None, None, Span(a, b), Span(a, b))]
        out.extend(found)
    return out


# People named after their group in a list: "the academics John Smith and Mary Major".
_GROUP_LEAD = re.compile(
    r"(?:the\s+)?(?:academics|scholars|researchers|professors|experts|scientists|activists"
    r"|journalists|lawyers|writers|artists|authors|individuals|economists|historians|former"
    r"\s+\w+s)\s+(?=[A-ZÀ-ÖØ-Þ])"
)


def _outside_parentheses(
    text: str, start: int, found: Iterable[re.Match[str]]
) -> list[re.Match[str]]:
    """The matches (from `start` on) that no parenthesis encloses: "Jane Roe (Open Sky Union,
    Oslo), …" is cut after the ")" only."""
    out, depth, pos = [], 0, start
    for m in found:
        chunk = text[pos : m.start()]
        depth = max(0, depth + chunk.count("(") - chunk.count(")"))
        pos = m.start()
        if depth == 0:
            out.append(m)
    return out


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for m in [*_outside_parentheses(text, start, pattern.finditer(text, start, end)), None]:
        pieces.append((pos, m.start() if m else end))
        pos = m.end() if m else end
    return [(a, b) for a, b in pieces if text[a:b].strip()]


_LAST_AND = re.compile(rf"\s+{_AND}\s+")


def _organizations(text: str, start: int, end: int, *, last_and: bool = True) -> list[Signatory]:
    """A list that names no person: organizations, cut at commas, and at the list's one "and"
    before its last item ("A, B and C"); an "and" elsewhere is part of a name ("Center for
    Justice and Accountability"). Each item must be capitalized, as names are. `last_and`:
    False when these are only the list's first items (its "and" comes later)."""
    pieces = _cut(text, start, end, re.compile(r"[,;]\s+"))
    if not pieces:
        return []
    a, b = pieces[-1]
    first = re.match(rf"{_AND}\s+", text[a:b])
    if first:  # "A, B, and C"
        pieces[-1] = (a + first.end(), b)
    elif last_and and (len(pieces) > 1 or _LAST_AND.search(text, a, b)):
        ands = list(_LAST_AND.finditer(text, a, b))
        if ands:
            pieces[-1:] = [(a, ands[-1].start()), (ands[-1].end(), b)]
    out: list[Signatory] = []
    for a, b in pieces:
        words = text[a:b].split()
        if not words or not words[0][:1].isupper() or len(words) > 12:
            return []  # prose, not a list of names
        out.extend(parse_entry(text, Piece(a, b), organizations=True))
    return out


_OF = re.compile(r"\s+(?:of|from|at|von|der|des|de|du|из)\s+|\s*[(–—]|\s+-\s+")


def _list_item(text: str, start: int, end: int) -> str:
    """ "name" (a person's name alone), "affiliated" (a name, then "of …", "(…)" or a dash)
    or "other" (no name first: the rest of the previous item)."""
    words = WORD.findall(text, start, end)
    if looks_like_person([w for w in words if not is_title(w)]):
        return "name"
    m = _OF.search(text, start, end)
    if m and looks_like_person(
        [w for w in WORD.findall(text, start, m.start()) if not is_title(w)]
    ):
        return "affiliated"
    return "other"


def _words(s: str) -> set[str]:
    return {w.casefold().rstrip("s") for w in re.findall(r"[^\W\d_]+", s) if len(w) > 2}


def _same_party(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _anaphoric(sender: Sender) -> bool:
    words = sender.name.split()
    return len(words) <= 3 and words[0].casefold() in ("the", "they", "their")


def _sender_fits(letter: Reported, sender: Sender | None) -> bool:
    if sender is None or letter.sender is None:
        return True
    if _anaphoric(sender):
        head = sender.name.split()[-1].casefold()
        plural = head.endswith("s")
        known = letter.sender.name
        if head.rstrip("s") in known.casefold():
            return True
        return (
            plural
            and known.split()[-1].casefold().endswith("s")
            and not any(w[0].isupper() for w in known.split()[-1:])
        ) or (plural and known.split()[-1].islower())
    return _same_party(sender.name, letter.sender.name)


def _addressees_fit(letter: Reported, addrs: list[Addressee]) -> bool:
    if not addrs or not letter.addressees:
        return True
    for a in addrs:
        for b in letter.addressees:
            if a.name and b.name and _same_party(a.name, b.name):
                return True
            if a.role and b.role and _same_party(a.role, b.role):
                return True
            if not a.name and a.role and b.role and _same_party(a.role, b.role):
                return True
    return False


def _fits(letter: Reported, m: _Mention) -> bool:
    if (
        m.date is not None
        and letter.date is not None
        and (m.date.month, m.date.day) != (letter.date.month, letter.date.day)
    ):
        return False
    return _sender_fits(letter, m.sender) and _addressees_fit(letter, m.addressees)


def _absorb(letter: Reported, m: _Mention) -> None:
    if (
        m.sender is not None
        and (letter.sender is None or _anaphoric(letter.sender))
        and not _anaphoric(m.sender)
    ):
        letter.sender = m.sender
    if m.addressees and not letter.addressees:
        letter.addressees = list(m.addressees)
    elif m.addressees:
        for a in m.addressees:
            if a.name and not any(b.name for b in letter.addressees):
                letter.addressees = [
                    Addressee(
                        a.name,
                        a.role or next((b.role for b in letter.addressees if b.role), None),
                        a.span,
                    )
                ]
    if m.date is not None and letter.date is None:
        letter.date = m.date
    letter.today = letter.today or m.today
    letter.signatories.extend(m.signatories)
    letter.end = max(letter.end, m.end)
    letter.last = m.pos


def _expand(text: str, name: str) -> str:
    """The fullest form of an organization's name printed in the text ("X Institute for Y")."""
    if not any(w.casefold() in ORG_WORDS for w in name.split()):
        return name
    best = name
    pattern = re.escape(name) + r"(?:\s+(?:for|of|on|the|and|[A-Z][\w'’\-]*))*"
    for m in re.finditer(pattern, text):
        full = re.sub(r"(?:\s+(?:for|of|on|the|and))+$", "", m.group())
        if len(full) > len(best):
            best = full
    return best


def find_reports(text: str, ranges: list[tuple[int, int]]) -> list[Reported]:
    """Letters reported in text[a:b] for each (a, b) in ranges."""
    masked = _QUOTED.sub(lambda q: " " * len(q.group()), text)
    letters: list[Reported] = []
    for a, b in ranges:
        for sm in _SENTENCE.finditer(text, a, b):
            s, e = sm.start(), sm.end()
            while s < e and text[s].isspace():
                s += 1
            if not _RELEVANT.search(masked, s, e):
                continue
            for m in _mentions_in(text, s, e, masked):
                ordered = sorted(letters, key=lambda x: x.last, reverse=True)
                target = None
                if not m.new:
                    target = next((x for x in ordered if _fits(x, m)), None)
                if target is None:
                    if m.definite or not (m.sender or m.addressees or m.date):
                        continue
                    target = Reported(start=m.pos, end=m.end, last=m.pos)
                    letters.append(target)
                _absorb(target, m)
    for x in letters:
        x.addressees = [
            Addressee(_expand(text, a.name), a.role, a.span) if a.name and not a.role else a
            for a in x.addressees
        ]
        if x.sender is not None and not _anaphoric(x.sender):
            x.sender = Sender(_expand(text, x.sender.name), x.sender.span)
    return [x for x in letters if x.sender or x.addressees]
