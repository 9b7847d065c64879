"""Addressees: who a letter is written to, as name and role, with spans.

From a heading ("To the President of the United States of America, Donald J. Trump"),
a salutation ("Dear Mr. Vice President") or a report ("an open letter to US President
Donald Trump"). "the Presidents of the USA, Russia and France" is three addressees.
"""

from __future__ import annotations

import re

from cosignatory.extract.lexicon import FUNCTION_WORDS, NAME_PARTICLES, ROLE_HEADS, place_words
from cosignatory.extract.names import WORD, is_initial, is_name_token
from cosignatory.model import Addressee, Span

# Role words of addressees beyond those of signatories.
_ADDRESSEE_ROLES = ROLE_HEADS | frozenset(
    [
        "king",
        "queen",
        "prime",
        "premier",
        "chancellor",
        "commissioner",
        "secretary-general",
        "governor",
        "emir",
        "sultan",
        "pope",
        "patriarch",
        "speaker",
        "presidents",
        "ministers",
        "leaders",
        "heads",
        "members",
        "governments",
        "bundeskanzler",
        "bundeskanzlerin",
        "bundespräsident",
        "ministre",
        "président",
        "premier-ministre",
        "президент",
        "министр",
        "премьер-министр",
        "президенту",
        "министру",
        "премьер-министру",
        "генеральному",
        "секретарю",
        "председателю",
        "главе",
        "директору",
        "послу",
        "канцлеру",
        "комиссару",
        "генеральный",
        "секретарь",
    ]
)
_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*){0,2}"
_PAIR = re.compile(rf"^(?P<head>\w+s)\s+(?P<a>{_NAME})\s+(?:and|und|et|и|&)\s+(?P<b>{_NAME})$")
_PLURAL = re.compile(r"^(?P<head>(?:\w+\s)?\w+?)s\s+of\s+(?:the\s+)?(?P<list>.+)$", re.I)
_LEAD = re.compile(
    r"^(?:господин|госпожа|open letter to|offener brief an|lettre ouverte (?:à|au|aux)|to|den|dem"
    r"|die|le|la|an|à|au|aux|dear|the|h\.e\.|his excellency|her excellency|mr\.?|mrs\.?|ms\.?"
    r"|honou?rable|hon\."
    r"|madam|madame|monsieur|herr|frau|sehr geehrter?|cher|chère|уважаемый|уважаемая"
    r"|открытое письмо)(?:\s*:\s*|\s+)",
    re.I,
)
_INITIAL_FIX = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")


_HONORIFIC = re.compile(
    r"^(?:(?:herrn?|frau|monsieur|madame|mme|mlle|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame"
    r"|h\.\s?e|his excellency|her excellency|the honou?rable|honou?rable|hon"
    r"|господину|госпоже|господин|госпожа|г-ну|г-же)"
    r"\.?\s+)+",
    re.IGNORECASE,
)


def fix_name(name: str) -> str:
    """ "Donald J.Trump" → "Donald J. Trump"; "Herrn Friedrich Merz" → "Friedrich Merz"."""
    name = " ".join(name.split())
    bare = _HONORIFIC.sub("", name)
    return _INITIAL_FIX.sub(r"\1. ", bare if bare else name)


def _strip_lead(text: str, start: int, end: int) -> int:
    while True:
        m = _LEAD.match(text[start:end])
        if not m:
            return start
        start += m.end()


def parse_addressees(text: str, start: int, end: int) -> list[Addressee]:
    """Addressees printed in text[start:end] (a heading, a salutation or a phrase)."""
    while end > start and text[end - 1] in " \t,.:;!\"”'’":
        end -= 1
    start = _strip_lead(text, start, end)
    while start < end and text[start] in ' \t"“':
        start += 1
    if end <= start:
        return []
    phrase = text[start:end]
    stacked = _stacked(phrase)
    if stacked is not None:
        name, role = stacked
        return [Addressee(fix_name(name), " ".join(role.split()), Span(start, end))]
    pair = _PAIR.match(phrase)
    if pair and pair.group("head").casefold() in _ADDRESSEE_ROLES:
        head = pair.group("head")[:-1]  # "Presidents Macron and Scholz": two Presidents
        return [
            Addressee(
                fix_name(pair.group(k)), head, Span(start + pair.start(k), start + pair.end(k))
            )
            for k in ("a", "b")
        ]
    m = _PLURAL.match(phrase)
    if m and m.group("head").split()[-1].casefold() + "s" in _ADDRESSEE_ROLES | {"presidents"}:
        head = m.group("head")
        lst_start = start + m.start("list")
        parts = [
            p
            for p in re.finditer(
                r"[^,]+?(?=,|\s+and\s+|\s+und\s+|\s+et\s+|$)", phrase[m.start("list") :]
            )
        ]
        out = []
        for p in parts:
            item = p.group().strip()
            item = re.sub(r"^(?:and|und|et)\s+", "", item)
            if item:
                s = lst_start + p.start() + p.group().find(item)
                out.append(
                    Addressee(
                        None,
                        f"{head} of {item}".replace(" of the the ", " of the "),
                        Span(s, s + len(item)),
                    )
                )
        if len(out) > 1:
            return out
    comma = phrase.rfind(",")
    if comma > 0:
        left, right = phrase[:comma].strip(), phrase[comma + 1 :].strip()
        if is_roleish(left) and not is_roleish(right) and right[:1].isupper():
            return [Addressee(fix_name(right), left, Span(start, end))]
    comma = phrase.find(",")
    if comma > 0:  # "Robert Fico, Prime Minister of the Slovak Republic"
        left, right = phrase[:comma].strip(), phrase[comma + 1 :].strip()
        if name_shaped(left, least=2) and is_roleish(right) and "," not in right:
            return [Addressee(fix_name(left), " ".join(right.split()), Span(start, end))]
    words = list(WORD.finditer(phrase))
    if not words:
        return []
    if not is_roleish(phrase):
        if all(w.group()[0].islower() for w in words):
            return []
        return [Addressee(fix_name(phrase), None, Span(start, end))]
    # role words first, then the name: "US President Donald Trump"
    cut = None
    for k in range(len(words) - 1, -1, -1):
        tok = words[k].group()
        low = tok.casefold().rstrip(".")
        if tok[0].isupper() and not _role_word(low) and low not in FUNCTION_WORDS:
            cut = words[k]
            continue
        if cut is not None and low in NAME_PARTICLES:
            j = k - 1
            while j >= 0 and words[j].group().casefold() in NAME_PARTICLES:
                j -= 1
            before = words[j].group() if j >= 0 else ""
            if before[:1].isupper() and not _role_word(before.casefold()):
                continue  # "Ursula von der Leyen"
        break
    if cut is not None:
        name_words = [w for w in words if w.start() >= cut.start()]
        # the name must hold a capitalized word after the last role/place word
        first_name = name_words[0].group()
        while name_words and name_words[0].group().casefold() in place_words():
            name_words = name_words[1:]
        name_words = _name_tail(name_words)
        if name_words and not _dative_name(phrase[: name_words[0].start()], name_words):
            name_words = []  # "Генеральному прокурору Республики Казахстан": no one named
        if name_words and (len(name_words) >= 2 or not is_initial(first_name)):
            ns = name_words[0].start()
            role = phrase[:ns].strip(" ,")
            before = role.split()[-1].casefold() if role else ""
            joined = any(w in _JOINING for w in role.casefold().split())
            enough = len(name_words) >= 2 or not joined
            if role and is_roleish(role) and enough and before not in _JOINING:
                role = " ".join(role.split())
                return [Addressee(fix_name(phrase[ns:]), role, Span(start, end))]
    return [Addressee(None, phrase.strip(), Span(start, end))]


def _stacked(phrase: str) -> tuple[str, str] | None:
    """(name, role) of an addressee printed on two lines, a name and a role in either order:
    "Mr. Volker Türk" / "United Nations High Commissioner for Human Rights", or
    "Президенту Кыргызской Республики" / "С. Н. Жапарову"."""
    rows = [x.strip() for x in phrase.split("\n") if x.strip()]
    if len(rows) != 2:
        return None
    top, bottom = rows
    if name_shaped(top, least=2) and is_roleish(bottom):
        return top, bottom
    if is_roleish(top) and name_shaped(bottom, least=1):
        return bottom, top
    return None


_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")


def name_shaped(value: str, *, least: int) -> bool:
    """Only a person's name, honorifics aside: `least` to five words, each a name's word or an
    initial ("С. Н. Жапарову", "К.-Ж. Токаеву"), and no role word."""
    words = WORD.findall(fix_name(value))
    return (
        least <= len(words) <= 5
        and not is_roleish(value)
        and any(not _INITIALS.match(w) for w in words)
        and all(_INITIALS.match(w) or is_name_token(w) for w in words)
    )


_JOINING = FUNCTION_WORDS | {"der", "de", "des", "la", "du", "und", "für", "et", "и"}
_PATRONYMIC = re.compile(r"(?:вич|вна|ич|вне|вичу|вны|ичу)$")


def _name_tail(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The person's name at the end of a capitalized run that may include an organization
    ("Секретарю Организации Объединённых Наций Антониу Гутерришу"): at most three words,
    and two for a Cyrillic run unless the middle one is a patronymic."""
    if len(words) > 3:
        keep = 3 if is_initial(words[-2].group()) else 2
        k = len(words)
        while k > 0 and keep:  # particles come along: "Ursula von der Leyen"
            k -= 1
            if words[k].group().casefold() not in NAME_PARTICLES:
                keep -= 1
        words = words[k:]
    cyrillic = len(words) == 3 and re.match(r"[А-ЯЁ]", words[0].group())
    if cyrillic and not _PATRONYMIC.search(words[1].group()):
        words = words[-2:]
    return words


_DATIVE_ROLE = re.compile(r"[а-яё]+(?:у|ю)\s*$", re.IGNORECASE)
_DATIVE_NAME = re.compile(r"(?:у|ю|е|ой|ей|ому)$")


def _dative_name(before: str, words: list[re.Match[str]]) -> bool:
    """After a Russian role in the dative ("Президенту"), a person's name is in the dative
    too ("К.-Ж. Токаеву", "Марии Захаровой"); a country in the genitive ("Республики
    Казахстан") is no name. True for anything else."""
    last = words[-1].group()
    if not re.match(r"[А-ЯЁ]", last) or not _DATIVE_ROLE.search(before) or "\n" in before:
        return True  # a name on a line of its own under the role is a name in any case
    return bool(_DATIVE_NAME.search(last)) or any(
        is_initial(w.group()) or w.group() in NAME_PARTICLES for w in words[:-1]
    )


def is_roleish(phrase: str) -> bool:
    return any(_role_word(w.casefold().rstrip(".")) for w in WORD.findall(phrase))


_COMPOUND_ROLES = ("minister", "ministerin", "kanzler", "kanzlerin", "präsident", "präsidentin")


def _role_word(low: str) -> bool:
    """A role word, German compounds included ("Bildungsministerin", "Bundespräsident")."""
    return low in _ADDRESSEE_ROLES or low.endswith(_COMPOUND_ROLES)
