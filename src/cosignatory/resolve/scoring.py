"""The scoring model: Fellegi–Sunter weights with documented priors, and their sum.

Each weight is a log2 Bayes factor, log2(m/u): m the chance of the observation for two
mentions of one person, u for two different people. The priors below are set by hand
from the frequencies of names in Azerbaijani and post-Soviet civil-society letters, not
learned, so every score is explainable: it is the sum of the features that made it.

A pair with total ≥ `Weights.threshold` is linked; a veto feature (weight ≤ `veto`)
keeps a pair apart whatever the rest says. The generic, EM-estimated counterpart for
records with arbitrary fields is `cosignatory.resolve.fellegi_sunter`.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosignatory.normalize import name_key, split_surname


@dataclass(frozen=True)
class Weights:
    """Priors of the person model (log2 Bayes factors)."""

    # First name: an exact rare first name is ~1 in 64 among random pairs of people.
    first_exact: float = 6.0
    first_exact_common: float = 3.0  # one of the ~40 most frequent first names
    first_variant: float = 3.0  # Jaro–Winkler ≥ jw_threshold on folded keys
    first_initial: float = 1.0
    first_differ: float = -20.0  # veto: different first names are different people
    # Surname stem (without suffix): exact rare stem ~1 in 256.
    stem_exact: float = 8.0
    stem_exact_common: float = 4.0  # Mammad-, Ali-, Hasan-, Huseyn-, ...
    stem_variant: float = 5.0
    stem_differ: float = -10.0  # -oglu/-gizi form: context can still link a patronymic alias
    stem_differ_family: float = -20.0  # veto: two family surnames (Najafova, Sultanova)
    # Suffix: gender and class are kept apart from the stem.
    gender_differ: float = -30.0  # veto: Jafarov ≠ Jafarova
    suffix_differ: float = -30.0  # veto: Iskandarov ≠ Iskandarli
    suffix_dropped: float = -3.0  # Ahmad vs Ahmadov: happens, needs support
    # A name misprinted (`features.misprinted`), believed in one organization only. Within an
    # organization two people one misprint apart are rare (1 same-organization pair of
    # different people in ~8,400 at 300k generated mentions), a misprint in 4% of names.
    misprint: float = 6.0
    misprint_min_length: int = 8  # letters of first name + surname
    # Context.
    org_same: float = 5.0
    org_differ: float = -5.0  # people move, so not a veto
    cosigner_each: float = 4.0  # per co-signing cluster the two have in common
    cosigner_max: float = 16.0
    frequency_each: float = 4.0  # per doubling of the other organizations sharing the name
    # ... when the two have co-signers in common: one bit per doubling, the prior odds among
    # the bearers (at 300k generated mentions, 4 bits here cost 0.02 of B-cubed recall).
    frequency_cosigned: float = 1.0
    years_far: int = 6
    years_far_weight: float = -1.0
    same_letter: float = -100.0  # nobody signs one letter twice
    threshold: float = 7.0
    veto: float = -20.0
    jw_threshold: float = 0.94
    jw_min_length: int = 6
    typo_min_length: int = 4  # one dropped or swapped letter is a variant from this length


DEFAULT_WEIGHTS = Weights()

# Very frequent first names and surnames in the region, as printed: an exact match on
# one of these says less. Kept as keys (see cosignatory.normalize) of the printed forms.
_COMMON_FIRST = (
    "Fuad Elnur Ramil Rashad Anar Elchin Vugar Farid Orkhan Tural Kamran Ilgar Elshan Rauf "
    "Samir Aydin Ali Mahammad Mammad Hasan Huseyn Rasul Jamil Ilham Namig Ramin Anvar Zaur "
    "Nigar Leyla Aysel Gunel Sevinj Konul Aygun Sabina Gulnar Arzu Ulviyya Shahla Naila "
    "Irada Lala Aida Sona Tamila Vusala Jamila Ilaha Aleksandr Sergey Andrey Dmitriy Ivan "
    "Olga Elena Natalia Tatiana Irina Armen Aram Anna Maria David"
)
_COMMON_SURNAMES = (
    "Mammadov Aliyev Hasanov Huseynov Guliyev Ismayilov Abbasov Babayev Ibrahimov Karimov "
    "Rzayev Gasimov Valiyev Suleymanov Musayev Mustafayev Jafarov Ahmadov Najafov Asgarov "
    "Askerov Orujov Bagirov Gadirov Agayev Aliyarov Imanov Rahimov Sadigov Hajiyev Nabiyev "
    "Ivanov Smirnov Kuznetsov Popov Petrov Sokolov Grigoryan Petrosyan Harutyunyan Sargsyan"
)
COMMON_FIRST = frozenset(name_key(n) for n in _COMMON_FIRST.split())
COMMON_STEMS = frozenset(split_surname(name_key(n)).stem for n in _COMMON_SURNAMES.split())
