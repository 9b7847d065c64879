"""Coalitions over time: a sender's letters in date order and how their signers change.

Owns grouping letters by collective sender (names folded, a leading "the" dropped),
the joined/left/stayed sets between consecutive letters, retention (the share of one
letter's signers who sign the next) and the core (members present in most letters).
Members are resolved entities: a person, or an organization that signed without one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cosignatory.analyze.data import Corpus, LetterInfo
from cosignatory.normalize import fold_text


@dataclass(frozen=True)
class Step:
    """One letter of a coalition, compared with the previous one."""

    letter: LetterInfo
    members: tuple[str, ...]  # in signing order
    joined: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    stayed: tuple[str, ...] = ()

    @property
    def retention(self) -> float | None:
        """Share of the previous letter's members who signed this one (None for the first)."""
        previous = len(self.stayed) + len(self.left)
        return round(len(self.stayed) / previous, 4) if previous else None


@dataclass
class Coalition:
    """A sender's letters in date order."""

    sender: str
    steps: list[Step] = field(default_factory=list)

    def presence(self) -> Counter[str]:
        """member -> number of this coalition's letters they signed."""
        return Counter(m for step in self.steps for m in step.members)

    def core(self, share: float = 0.5) -> list[str]:
        """Members present in at least `share` of the letters (and in two or more), by presence."""
        needed = max(2, share * len(self.steps))
        counts = self.presence()
        order = {m: i for i, m in enumerate(m for s in self.steps for m in s.members)}
        ranked = sorted(
            (m for m, n in counts.items() if n >= needed), key=lambda m: (-counts[m], order[m])
        )
        return ranked


def sender_key(name: str) -> str:
    words = fold_text(name).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def coalitions(
    corpus: Corpus, sender: str | None = None, *, min_letters: int = 2
) -> list[Coalition]:
    """Coalitions with at least `min_letters` letters, or the one whose sender contains `sender`."""
    groups: dict[str, tuple[str, list[LetterInfo]]] = {}
    for letter in corpus.letters:  # already in date order
        for name in letter.senders:
            key = sender_key(name)
            groups.setdefault(key, (name, []))[1].append(letter)
    wanted = sender_key(sender) if sender else None
    members = _members(corpus)
    out = []
    for key, (name, letters) in groups.items():
        if wanted is not None and wanted not in key:
            continue
        if wanted is None and len(letters) < min_letters:
            continue
        out.append(Coalition(name, _steps(letters, members)))
    return sorted(out, key=lambda c: (-len(c.steps), sender_key(c.sender)))


def _members(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    out: dict[str, dict[str, None]] = {}
    for signing in corpus.signings:
        if signing.member_id:
            out.setdefault(signing.letter_id, {})[signing.member_id] = None
    return {letter: tuple(members) for letter, members in out.items()}


def _steps(letters: list[LetterInfo], members: dict[str, tuple[str, ...]]) -> list[Step]:
    steps: list[Step] = []
    previous: tuple[str, ...] | None = None
    for letter in letters:
        current = members.get(letter.id, ())
        if previous is None:
            steps.append(Step(letter, current))
        else:
            now, before = set(current), set(previous)
            steps.append(
                Step(
                    letter,
                    current,
                    joined=tuple(m for m in current if m not in before),
                    left=tuple(m for m in previous if m not in now),
                    stayed=tuple(m for m in current if m in before),
                )
            )
        previous = current
    return steps
