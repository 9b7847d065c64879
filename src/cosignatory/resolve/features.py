"""Comparison features for two person profiles: small functions, each one `Feature`.

A feature's weight is a log2 Bayes factor (how much likelier the observation is for
the same person than for two people), from the priors in `scoring.Weights`. Features
look only at what they are given; they never read the store.
"""

from __future__ import annotations

import math

from rapidfuzz.distance import OSA, Indel, JaroWinkler, Levenshtein

from cosignatory.normalize import skeleton
from cosignatory.resolve.names import PersonName
from cosignatory.resolve.records import Feature
from cosignatory.resolve.scoring import COMMON_FIRST, COMMON_STEMS, Weights

_PATRONYMIC = frozenset({"oglu", "gizi"})


def _one_slip(x: str, y: str) -> bool:
    """A letter dropped or two neighbours swapped (Khalid/Khali, Abbasov/Abbasvo); a letter
    replaced is a different name (Hamid ≠ Halid)."""
    if abs(len(x) - len(y)) == 1:
        return Indel.distance(x, y) == 1
    # A swap is one OSA edit but two Levenshtein ones; a replaced letter is one of each.
    return (
        len(x) == len(y)
        and OSA.distance(x, y, score_cutoff=1) == 1
        and Levenshtein.distance(x, y, score_cutoff=2) == 2
    )


def _variant(x: str, y: str, sim: float, w: Weights) -> bool:
    """Spelling variants: only vowels differ, or long keys nearly equal (Hamid ≠ Halid)."""
    sx = skeleton(x)
    if sx == skeleton(y) and len(sx) >= 2:
        return True
    if min(len(x), len(y)) >= w.typo_min_length and _one_slip(x, y):
        return True
    return sim >= w.jw_threshold and min(len(x), len(y)) >= w.jw_min_length


def misprinted(a: PersonName, b: PersonName, w: Weights) -> bool:
    """One name misprinted as the other: the letters run together (first name + surname
    keys) are equal but for one letter dropped or two neighbours swapped, or only a space
    lost or moved ("Imanov"/"Imaov", "Nigar Nabiyeva"/"NigarN abiyeva", "Mammadova"/
    "Mammadvoa"). Never when the surnames mark different genders, nor for a dropped final
    "a", which marks one (Kamal/Kamala, Jafarov/Jafarova); a replaced letter is another
    name (Nadirov ≠ Gadirov)."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    x, y = a.first + a.surname.key, b.first + b.surname.key
    if x == y:
        return True
    if len(x) < len(y):
        a, b, x, y = b, a, y, x
    if len(y) < w.misprint_min_length:
        return False
    if len(x) == len(y):  # a swap is one OSA edit but two Levenshtein ones
        return OSA.distance(x, y, score_cutoff=1) == 1 and Levenshtein.distance(x, y) == 2
    if len(x) != len(y) + 1 or Indel.distance(x, y, score_cutoff=1) != 1:
        return False
    finals = {len(a.first) - 1, len(x) - 1}
    return any(x[:k] + x[k + 1 :] == y and not (k in finals and x[k] == "a") for k in range(len(x)))


def misprint(a: PersonName, b: PersonName, w: Weights) -> Feature:
    """The names are one misprint apart (`misprinted`)."""
    detail = f"{a.key} ~ {b.key} (a letter dropped or swapped, or a space moved)"
    return Feature("misprint", w.misprint, detail)


def compatible(a: PersonName, b: PersonName, w: Weights) -> bool:
    """False when the names alone rule out one person (a veto: first name, suffix, gender),
    unless one is a misprint of the other."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    stem = surname_stem(a, b, w)
    if first_name(a, b, w).weight > w.veto and not (
        stem.weight > 0 and surname_suffix(a, b, w).weight <= w.veto
    ):
        return True
    return misprinted(a, b, w)


def first_name(a: PersonName, b: PersonName, w: Weights) -> Feature:
    """Exact, variant, initial-compatible, absent or different first names."""
    x, y = a.first, b.first
    if not x or not y:
        return Feature("first_name", 0.0, "absent")
    if x == y:
        common = x in COMMON_FIRST
        weight = w.first_exact_common if common else w.first_exact
        return Feature("first_name", weight, f"{x} = {y}" + (" (common)" if common else ""))
    if len(x) == 1 or len(y) == 1:
        if a.initial == b.initial:
            return Feature("first_name", w.first_initial, f"initial {x[0]}")
        return Feature("first_name", w.first_differ, f"{x} ≠ {y}")
    if x + "a" == y or y + "a" == x:  # a final -a makes a woman's name: Kamal ≠ Kamala
        return Feature("first_name", w.first_differ, f"{x} ≠ {y} (a man's and a woman's name)")
    sim = JaroWinkler.similarity(x, y)
    if _variant(x, y, sim, w):
        return Feature("first_name", w.first_variant, f"{x} ~ {y} (jw {sim:.2f})")
    return Feature("first_name", w.first_differ, f"{x} ≠ {y} (jw {sim:.2f})")


def surname_stem(a: PersonName, b: PersonName, w: Weights) -> Feature:
    """The surname's stem, compared without its suffix."""
    x, y = a.surname.stem, b.surname.stem
    if x == y:
        common = x in COMMON_STEMS
        weight = w.stem_exact_common if common else w.stem_exact
        return Feature("surname_stem", weight, f"{x} = {y}" + (" (common)" if common else ""))
    sim = JaroWinkler.similarity(x, y)
    if _variant(x, y, sim, w):
        return Feature("surname_stem", w.stem_variant, f"{x} ~ {y} (jw {sim:.2f})")
    if _PATRONYMIC & {a.surname.suffix, b.surname.suffix}:
        # Umud Rahimoghlu / Umud Mirzayev: a patronymic-derived form may alias a family name.
        return Feature("surname_stem", w.stem_differ, f"{x} ≠ {y} (jw {sim:.2f})")
    return Feature("surname_stem", w.stem_differ_family, f"{x} ≠ {y} (jw {sim:.2f})")


def surname_suffix(a: PersonName, b: PersonName, w: Weights) -> Feature:
    """The suffix class and the gender it marks: Jafarov ≠ Jafarova, Iskandarov ≠ Iskandarli."""
    sa, sb = a.surname, b.surname
    if sa.gender and sb.gender and sa.gender != sb.gender:
        return Feature(
            "surname_suffix", w.gender_differ, f"-{sa.suffix}/{sa.gender} vs /{sb.gender}"
        )
    if sa.suffix == sb.suffix:
        return Feature("surname_suffix", 0.0, f"-{sa.suffix}" if sa.suffix else "none")
    if not sa.suffix or not sb.suffix:
        return Feature("surname_suffix", w.suffix_dropped, f"-{sa.suffix or sb.suffix} dropped")
    return Feature("surname_suffix", w.suffix_differ, f"-{sa.suffix} ≠ -{sb.suffix}")


def organization(a: str | None, b: str | None, w: Weights) -> Feature:
    """Resolved organizations of the two profiles (entity ids)."""
    if not a or not b:
        return Feature("organization", 0.0, "absent")
    if a == b:
        return Feature("organization", w.org_same, "same organization")
    return Feature("organization", w.org_differ, "different organizations")


def name_frequency(others: int, shared: int, w: Weights) -> Feature:
    """The matching name is also borne in `others` organizations the two do not hold: any of
    those bearers could be the one printed. With co-signers in common (`shared`), only a
    bearer in the same circle could, so each doubling of the others then costs only the
    prior odds (`frequency_cosigned`, 1 bit) instead of `frequency_each`."""
    each = w.frequency_cosigned if shared else w.frequency_each
    weight = -each * math.log2(1 + others)
    return Feature("name_frequency", weight, f"name also in {others} other organizations")


def cosigners(shared: int, w: Weights) -> Feature:
    """Co-signers (by name key) the two profiles have in common across their letters."""
    weight = min(shared * w.cosigner_each, w.cosigner_max)
    return Feature("cosigners", weight, f"{shared} shared")


def years(a: tuple[int, int] | None, b: tuple[int, int] | None, w: Weights) -> Feature:
    """Distance in years between the letter date ranges of the two profiles."""
    if a is None or b is None:
        return Feature("years", 0.0, "absent")
    gap = max(a[0] - b[1], b[0] - a[1], 0)
    if gap >= w.years_far:
        return Feature("years", w.years_far_weight, f"{gap} years apart")
    return Feature("years", 0.0, f"{gap} years apart")
