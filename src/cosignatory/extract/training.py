"""Training data for the entry tagger, generated from vocabularies in many layouts.

Like probablepeople, the tagger learns from entries the project writes itself: person
names of many origins (generic vocabularies, not the names of any corpus), organizations
from templates, roles, in the layouts signature lists use (dashes, commas, parentheses,
no separator at all, Markdown emphasis, bullets, numbers, titles and degrees,
placeholders, every style of quotes) in English, German, French and Russian. Every
vocabulary has a held-out slice and three layouts are held out, so `held_out()` measures
the tagger on names, organizations and layouts it never saw.

`python -m cosignatory.extract.training` writes the model `entries.crfsuite` beside this
module (fixed seed: the same file every time for the same lexicons). The shipped model was
trained at commit c009b4f; the lexicons have grown since, and a model retrained with them
measured worse on held-out entries (0.895 against 0.904 combined) and on the red-team set,
so it was not shipped. Retrain, then re-measure with `benchmarks/entry_tagger_eval.py` and
`tests/test_extract_redteam.py`, before shipping a new model.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cosignatory.extract.tagger import MODEL, features, tokenize

SEED = 20250101
TRAIN_SIZE = 9000

# Given names and surnames, romanized, by origin (generic, common names).
GIVEN = {
    "az": "Anar Elchin Farhad Gunel Elnara Jala Kamal Sona Mahir Nargiz Orkhan Parvin Ruslan "
    "Ulker Tahmina Ulvi Vusal Yusif Zeynab Aytan Babak Cavid Emin Fidan Gulnar Hikmat Ismat "
    "Kenan Leyli Mehriban Nurlan Rahim Sevil Togrul Zumrud Arzu Bahruz Elmira Nijat",
    "tr": "Ahmet Ayse Burak Cem Deniz Elif Emre Fatma Gokhan Hakan Irem Kerem Merve Murat "
    "Ozlem Selin Serkan Tuba Volkan Yasemin Zeynep Baris Cansu Dilek Ercan Hulya Onur Pinar",
    "ru": "Aleksandr Alexei Anastasia Andrei Boris Dmitri Ekaterina Inés Galina Igor Irina "
    "Maxim Mikhail Natalia Nikolai Oksana Pavel Sergei Svetlana Tatiana Yuri Vera Viktor Olga",
    "hy": "Aram Anush Armen Arpi Davit Gayane Hovhannes Karen Lilit Mher Narine Sargis Seda "
    "Tigran Vardan Astghik Garik Hasmik Levon Shushan",
    "ka": "Giorgi Nino Levan Tamar Davit Eka Irakli Ketevan Lasha Mariam Nika Salome Zurab "
    "Tamuna Gela Maia Otar Tornike",
    "ar": "Adnan Amina Bilal Fatima Hassan Ibrahim Jamila Karim Layla Mahmoud Mariam Mustafa "
    "Nour Walid Dalia Salma Tariq Yasmin Youssef Zainab Khaled Hana Fadi Huda",
    "en": "Alice Andrew Benjamin Catherine Charlotte Daniel Eleanor Emily George Hannah "
    "Harriet James Jessica Joseph Laura Lucy Matthew Michael Oliver Rachel Robert Sarah "
    "Simon Sophie William Rebecca Gregory Emma Patrick Helen",
    "de": "Andreas Birgit Rainer Claudia Dieter Franziska Gerhard Heike Jürgen Karin "
    "Lukas Manfred Monika Sabine Stefan Ulrike Wolfgang Matthias Ines Tobias Annika Jörg",
    "fr": "Amélie Antoine Béatrice Camille Céline Étienne François Hélène Julien Laurent "
    "Mathilde Nicolas Océane Philippe Sébastien Sylvie Thierry Valérie Yves Margaux",
    "es": "Alejandro Carmen Diego Inés Fernando Isabel Javier Lucía Manuel Pilar Rafael "
    "Sofía Miguel Teresa Alberto Marta Pablo Rocío",
    "zh": "Bo Fang Jing Min Lei Yan Hui Jun Xiu Ying Hao Lin Mei Qiang Tao Xin",
    "ru_cyr": "Александр Алексей Анна Борис Валентина Виктор Галина Дмитрий Екатерина Елена "
    "Игорь Ирина Максим Михаил Наталья Николай Павел Сергей Светлана Татьяна Юрий Вера",
}
SURNAMES = {
    "az": "Abbasov Babayeva Huseynzadeh Hajiyeva Ismayilzada Karimli Aslanli Nasirova "
    "Orujov Pashayeva Qasimov Rustamova Seyidov Talibova Veliyev Zeynalova Akhundov Bayramli "
    "Jabbarov Alakbarli Isgandarov Mehdiyeva Novruzov Safarli Tagiyev Yusifli Agayeva Ganiyev",
    "tr": "Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Ozturk Arslan Dogan Kilic Aslan Cetin "
    "Kurt Koc Ozdemir Polat Erdem Korkmaz Tekin",
    "ru": "Ivanov Smirnova Kuznetsov Popova Sokolov Lebedeva Kozlov Novikova Morozov Volkova "
    "Solovyov Vasilieva Zaitsev Pavlova Semenov Golubeva Vinogradov Bogdanova Orlov Frolova",
    "hy": "Petrosyan Hakobyan Harutyunyan Sargsyan Grigoryan Hovhannisyan Karapetyan "
    "Khachatryan Gevorgyan Avetisyan Mkrtchyan Poghosyan Vardanian Ghazaryan",
    "ka": "Beridze Kapanadze Gelashvili Maisuradze Giorgadze Lomidze Tsiklauri Bolkvadze "
    "Kvaratskhelia Nozadze Chikovani Abashidze Mchedlishvili Japaridze",
    "ar": "Sarraf Bitar Mansour Nasser Saleh Hamdan Aziz Darwish Shaheen Ghanem Karam Najjar "
    "Qureshi Rahman Sabbagh Tamimi Yassin Zaher al-Amin al-Masri",
    "en": "Anderson Bennett Carter Davies Edwards Fletcher Graham Harrison Hughes Jenkins "
    "Lawrence Mitchell Morgan Parker Phillips Richardson Robinson Shaw Turner Walker "
    "Wright Young Cooper Foster Hayes",
    "de": "Bauer Fischer Hartmann Hoffmann Krüger Lehmann Meyer Neumann Richter Schäfer "
    "Schmitt Schröder Wagner Wolf Zimmermann Braun Hofmann Lange Vogt Frank",
    "fr": "Bernard Blanc Chevalier Durand Fontaine Garnier Girard Lefèvre Leroy Marchand "
    "Mercier Moreau Perrin Renaud Rousseau Roussel Vincent Fournier Morel Lemoine",
    "es": "García Fernández González Hernández López Martínez Navarro Pérez Ramírez Romero "
    "Ruiz Sánchez Torres Vázquez Castillo Ortega Molina Delgado",
    "zh": "Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Sun Ma Zhu Hu Guo Deng Lin",
    "ru_cyr": "Иванов Белова Кузнецов Попова Соколов Лебедева Козлов Новикова Морозов "
    "Волкова Соловьёв Васильева Зайцев Павлова Семёнов Голубева Орлов Фролова",
}
PARTICLE_SURNAMES = [
    "van der Berg",
    "de Vries",
    "van Dijk",
    "de la Cruz",
    "del Río",
    "von Arnim",
    "di Stefano",
    "da Silva",
    "ter Horst",
    "de Jong",
]

ROLES = {
    "en": [
        "Chair",
        "Co-Chair",
        "President",
        "Vice-President",
        "Executive Director",
        "Director",
        "Head",
        "Founder",
        "Co-Founder",
        "Secretary General",
        "General Secretary",
        "Coordinator",
        "Programme Manager",
        "Member of the Board",
        "Chairman of the Board",
        "Member of the Executive Committee",
        "Senior Fellow",
        "Research Fellow",
        "Senior Researcher",
        "Lecturer",
        "Senior Lecturer",
        "Associate Professor",
        "Assistant Professor",
        "Professor Emeritus",
        "Professor",
        "Editor-in-Chief",
        "Editor",
        "Journalist",
        "Lawyer",
        "Human Rights Defender",
        "Spokesperson",
        "Board Member",
        "Treasurer",
        "Program Officer",
        "Policy Analyst",
        "Retired Colonel",
        "Deputy Director",
        "Managing Director",
        "Trustee",
        "Project Coordinator",
    ],
    "de": [
        "Vorsitzende",
        "Vorsitzender",
        "Geschäftsführerin",
        "Geschäftsführer",
        "Direktorin",
        "Leiter",
        "Sprecherin",
        "Präsident",
        "Professorin",
        "Vorstandsmitglied",
        "stellvertretende Vorsitzende",
        "wissenschaftliche Mitarbeiterin",
        "Referent",
        "Journalistin",
    ],
    "fr": [
        "président",
        "présidente",
        "directrice",
        "directeur",
        "secrétaire générale",
        "chargée de recherche",
        "directeur de recherche",
        "maître de conférences",
        "professeur émérite",
        "professeure",
        "fondatrice",
        "avocat",
        "membre du bureau",
        "coordinatrice",
    ],
    "ru": [
        "председатель",
        "директор",
        "руководитель",
        "президент",
        "член правления",
        "научный сотрудник",
        "старший научный сотрудник",
        "профессор",
        "доцент",
        "журналист",
        "основатель",
        "координатор",
    ],
}
SUBJECTS = [
    "History",
    "Law",
    "Sociology",
    "Economics",
    "Linguistics",
    "Political Science",
    "Anthropology",
    "Physics",
    "Philosophy",
    "International Relations",
    "Medicine",
    "Chemistry",
]

ORG_HEADS = {
    "en": "Association Society Foundation Institute Center Centre Council Committee Network "
    "Alliance Union Forum League Coalition Federation Initiative Campaign Fund Club Movement "
    "Trust Observatory Watch Academy Group Project Bureau Chamber Platform Collective",
    "de": "Verein Stiftung Verband Netzwerk Institut Zentrum Gesellschaft Bündnis Initiative "
    "Forum Akademie",
    "fr": "Association Fondation Fédération Ligue Collectif Réseau Observatoire Institut "
    "Comité Centre",
    "ru": "Фонд Общество Союз Центр Институт Ассоциация Движение Клуб Сеть",
}
ADJECTIVES = [
    "National",
    "International",
    "Regional",
    "Independent",
    "Free",
    "Democratic",
    "Youth",
    "Civic",
    "Public",
    "Global",
    "European",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Modern",
    "Young",
    "Legal",
    "Green",
    "United",
    "Open",
    "New",
    "Caucasian",
    "Mediterranean",
    "Alpine",
    "Coastal",
    "Rural",
    "Urban",
    "Academic",
    "Women's",
    "Veterans'",
]
TOPICS = [
    "Human Rights",
    "Press Freedom",
    "Legal Aid",
    "Civic Education",
    "Rural Development",
    "Cultural Heritage",
    "Refugee Support",
    "Environmental Protection",
    "Media Literacy",
    "Peace Studies",
    "Labor Rights",
    "Child Welfare",
    "Public Health",
    "Good Governance",
    "Democratic Reforms",
    "Water Resources",
    "Mine Action",
    "Gender Equality",
    "Minority Rights",
    "Investigative Journalism",
    "Policy Research",
    "Social Justice",
    "Science and Education",
    "Strategic Studies",
    "Conflict Resolution",
    "Disability Rights",
    "Fair Elections",
    "Clean Air",
    "Open Data",
    "Digital Rights",
]
PLACES = [
    "Tbilisi",
    "Yerevan",
    "Ankara",
    "Berlin",
    "Lyon",
    "Kazan",
    "Kharkiv",
    "Almaty",
    "Tabriz",
    "Izmir",
    "Porto",
    "Geneva",
    "Munich",
    "Toulouse",
    "Samara",
    "Odessa",
    "Pontic",
    "Anatolian",
    "Balkan",
    "Baltic",
    "Ganja",
    "Sumgait",
    "Batumi",
    "Gyumri",
    "Tashkent",
    "Bishkek",
    "Vilnius",
    "Riga",
    "Krakow",
    "Bologna",
    "Leipzig",
    "Bordeaux",
    "Seville",
    "Utrecht",
    "Aarhus",
    "Tartu",
    "Kutaisi",
    "Sheki",
    "Lankaran",
    "Quba",
    "Shamakhi",
    "Nakhchivan",
    "Trabzon",
    "Erzurum",
    "Mardin",
]
QUOTED = [
    "Dayaq",
    "Umid",
    "Inam",
    "Ishiq",
    "Horizon",
    "Bridge",
    "Dialogue",
    "Renaissance",
    "Progress",
    "Harmony",
    "Zenith",
    "Vektor",
    "Alternative",
    "Solidarity",
    "Compass",
    "Lighthouse",
    "Pathway",
    "Bereket",
    "Yurd",
    "Ocaq",
    "Veten",
    "Sabah",
    "Ayna",
    "Istiqlal",
    "Tomorrow",
    "Beacon",
    "Meridian",
    "Nadezhda",
    "Rassvet",
    "Mayak",
    "Svoboda",
    "Zarya",
    "Genesis",
]
COUNTRIES = [
    "Azerbaijan",
    "Georgia",
    "Armenia",
    "Turkey",
    "Germany",
    "France",
    "Spain",
    "Canada",
    "Sweden",
    "Ukraine",
]
CITIES_DE = ["Berlin", "Hamburg", "Köln", "Leipzig", "Bonn", "Freiburg", "Dresden", "Mainz"]
CITIES_FR = ["Lyon", "Paris", "Toulouse", "Bordeaux", "Lille", "Rennes", "Nantes", "Strasbourg"]
TOPICS_DE = [
    "Menschenrechte",
    "Pressefreiheit",
    "Demokratie",
    "Kultur und Bildung",
    "Frieden",
    "Umweltschutz",
]
TOPICS_FR = [
    "droits humains",
    "liberté de la presse",
    "paix",
    "solidarité internationale",
    "éducation populaire",
    "mémoire",
]
TOPICS_RU = [
    "защиты прав человека",
    "свободы слова",
    "развития гражданского общества",
    "правовой помощи",
    "исторической памяти",
    "независимой журналистики",
]
QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("“", "“")]
DASHES = [" – ", " - ", " — ", "- ", " –", " -- "]
PLACEHOLDER_TEXTS = ["Individual", "None", "independent", "in a personal capacity", "N/A"]
TITLE_TEXTS = ["Dr.", "Prof.", "Mr.", "Ms.", "Mrs.", "Prof. Dr.", "Dr", "Rev."]
DEGREE_TEXTS = ["PhD", "Ph.D.", "MD", "MA", "MSc", "LL.M.", "DPhil", "MBA"]

Segment = tuple[str, str | None]  # text, label (None: separator text)
T = TypeVar("T")


@dataclass(frozen=True)
class Example:
    """One generated entry: its text, the label of every token, and its expected parts."""

    text: str
    labels: tuple[str, ...]
    name: str | None
    role: str | None
    org: str | None
    layout: str = ""


def _split(words: str, held: bool) -> list[str]:
    items = words.split()
    return [w for i, w in enumerate(items) if (i % 5 == 0) == held]


@dataclass
class Vocabulary:
    """The training or the held-out slice of every vocabulary."""

    held: bool

    def __post_init__(self) -> None:
        h = self.held
        self.given = {k: _split(v, h) for k, v in GIVEN.items()}
        self.surnames = {k: _split(v, h) for k, v in SURNAMES.items()}
        self.quoted = [w for i, w in enumerate(QUOTED) if (i % 5 == 0) == h]
        self.places = [w for i, w in enumerate(PLACES) if (i % 5 == 0) == h]
        self.topics = [w for i, w in enumerate(TOPICS) if (i % 5 == 0) == h]
        self.adjectives = [w for i, w in enumerate(ADJECTIVES) if (i % 4 == 0) == h]


class Generator:
    """Deterministic entries from one vocabulary slice and a seed."""

    def __init__(self, vocab: Vocabulary, seed: int) -> None:
        self.v = vocab
        self.r = random.Random(seed)

    def pick(self, items: Sequence[T]) -> T:
        return items[self.r.randrange(len(items))]

    def person(self, lang: str) -> str:
        r = self.r
        if lang == "ru" and r.random() < 0.7:
            origin = "ru_cyr"
        else:
            origin = self.pick([k for k in self.v.given if k != "ru_cyr"])
        given = self.pick(self.v.given[origin])
        surname = self.pick(self.v.surnames.get(origin) or self.v.surnames["en"])
        x = r.random()
        if origin != "ru_cyr" and x < 0.06:
            surname = self.pick(PARTICLE_SURNAMES)
        elif origin != "ru_cyr" and x < 0.12:
            given += " " + self.pick("ABCDEFGHJKLMNPRST") + "."
        elif x < 0.17:
            surname += "-" + self.pick(self.v.surnames[origin])
        elif origin == "es" and x < 0.4:
            surname += " " + self.pick(self.v.surnames["es"])
        elif origin == "zh" and x < 0.5:
            return surname + " " + given
        return given + " " + surname

    def quote(self, word: str) -> str:
        a, b = self.pick(QUOTE_PAIRS)
        return a + word + b

    def org(self, lang: str) -> str:
        r, v = self.r, self.v
        if lang == "de":
            head = self.pick(ORG_HEADS["de"].split())
            return self.pick(
                [
                    f"{head} für {self.pick(TOPICS_DE)}",
                    f"{self.pick(v.places)}er {head}",
                    f"{self.pick(v.quoted)}-{head}",
                    f"Universität {self.pick(CITIES_DE)}",
                    f"{self.pick(v.quoted)} e.V.",
                    f"{head} {self.pick(v.places)}",
                ]
            )
        if lang == "fr":
            head = self.pick(ORG_HEADS["fr"].split())
            return self.pick(
                [
                    f"{head} pour la {self.pick(TOPICS_FR)}",
                    f"{head} {self.pick(v.places)}-{self.pick(v.places)}",
                    f"Université de {self.pick(CITIES_FR)}",
                    f"{head} des {self.pick(TOPICS_FR)}",
                    "".join(self.pick("ABCDEFGHLMNPRSTU") for _ in range(r.randint(3, 5))),
                ]
            )
        if lang == "ru":
            head = self.pick(ORG_HEADS["ru"].split())
            return self.pick(
                [
                    f"{head} {self.pick(TOPICS_RU)}",
                    f"{head} «{self.pick(['Надежда', 'Рассвет', 'Маяк', 'Открытый мир'])}»",
                    f"Институт {self.pick(['истории', 'философии', 'права', 'экономики'])} РАН",
                    f"{self.pick(['Московский', 'Казанский', 'Бакинский'])} университет",
                ]
            )
        head = self.pick(ORG_HEADS["en"].split())
        topic, place, adj = self.pick(v.topics), self.pick(v.places), self.pick(v.adjectives)
        name = self.pick(
            [
                f"{adj} {topic} {head}",
                f"{head} for {topic}",
                f"{place} {topic} {head}",
                f"{head} for {topic} in {place}",
                f"{self.quote(self.pick(v.quoted))} {topic} {head}",
                f"{self.quote(self.pick(v.quoted))} Public Union",
                f"{self.quote(f'{head} for {topic}')} Public Union",
                f"Public Union {self.quote(f'For {topic}')}",
                f"{place} {head}",
                f"{self.pick(COUNTRIES)} {topic} {head}",
                f"University of {place}",
                f"{place} State University",
                f"{adj} {head} of {place}",
                f"{self.person('en')} {topic} {head}",
                f"{self.quote(self.pick(v.quoted))} {head}",
                "".join(self.pick("ABCDEFGHIJKLMNOPRSTUVW") for _ in range(r.randint(2, 5))),
                f"{topic} {head} {place}",
                f"{adj} {head}",
                f"{head} for {self.pick(v.topics)}, {self.pick(v.topics)} and {topic}",
                f"Veterans of {self.pick(['War', 'Labor', 'Peace'])}, {topic}, and "
                f"{self.pick(v.topics)} of {place}",
                f"{self.quote(f'{self.pick(v.quoted)} - {head} for {topic}')} Public Union",
            ]
        )
        return name

    def role(self, lang: str) -> str:
        r = self.r
        role = self.pick(ROLES[lang])
        if (
            lang == "en"
            and role in ("Professor", "Associate Professor", "Lecturer")
            and r.random() < 0.5
        ):
            role += (" in " if role == "Lecturer" else " of ") + self.pick(SUBJECTS)
        elif lang == "en" and r.random() < 0.05:
            role = "Retired Major General, " + role
        return role


def _connective(lang: str, org: str, rng: random.Random) -> str:
    if lang == "de":
        return rng.choice(["der ", "des ", "bei "])
    if lang == "fr":
        return rng.choice(["de la ", "du ", "de l'", "à ", "de "]) if org[:1].isupper() else "de "
    if lang == "ru":
        return ""
    if org[:1] in '“"«„‘':
        return rng.choice(["of the", "of the "])
    return rng.choice(["of the ", "of ", "at the ", "at "])


Layout = Callable[[Generator, str], list[Segment]]


def _n(g: Generator, lang: str) -> Segment:
    return g.person(lang), "NAME"


def _dash_role_of(g: Generator, lang: str) -> list[Segment]:
    org = g.org(lang)
    return [_n(g, lang), (g.pick(DASHES), "SEP"), (g.role(lang), "ROLE"),
            (" ", None), (_connective(lang, org, g.r), "CONN"), (org, "ORG")]  # fmt: skip


def _dash_role_bare(g: Generator, lang: str) -> list[Segment]:
    """ "Name – Chairman Caspian Lawyers Union": the role runs into the organization."""
    return [_n(g, lang), (g.pick(DASHES), "SEP"), (g.role(lang), "ROLE"), (" ", None),
            (g.org(lang), "ORG")]  # fmt: skip


def _dash_role_org_comma(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang), (g.pick(DASHES), "SEP"), (g.role(lang), "ROLE"), (", ", "SEP"),
            (g.org(lang), "ORG")]  # fmt: skip


def _comma(g: Generator, lang: str) -> list[Segment]:
    sep = g.pick([", ", ", ", ", ", ", ", "; ", " · ", " • ", " ~ ", "\t"])
    out = [_n(g, lang), (sep, "SEP"), (g.role(lang), "ROLE"), (sep, "SEP"), (g.org(lang), "ORG")]
    if g.r.random() < 0.2:
        out += [(", ", "SEP"), (g.pick(COUNTRIES), "SEP")]
    return out


def _paren(g: Generator, lang: str) -> list[Segment]:
    if g.r.random() < 0.3:
        return [_n(g, lang), (" (", "SEP"), (g.role(lang), "ROLE"), (", ", "SEP"),
                (g.org(lang), "ORG"), (")", "SEP")]  # fmt: skip
    return [_n(g, lang), (" (", "SEP"), (g.org(lang), "ORG"), (")", "SEP")]


def _org_dash_name(g: Generator, lang: str) -> list[Segment]:
    out = [(g.org(lang), "ORG"), (g.pick(DASHES), "SEP"), _n(g, lang)]
    if g.r.random() < 0.7:
        out += [(", ", "SEP"), (g.role(lang), "ROLE")]
    return out


def _glued(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang), (" ", None), (g.org(lang), "ORG")]


def _markdown(g: Generator, lang: str) -> list[Segment]:
    role, org, country = g.role(lang), g.org(lang), g.pick(COUNTRIES)
    return [("**", "SEP"), _n(g, lang), ("**, *", "SEP"), (role, "ROLE"), (", ", "SEP"),
            (org, "ORG"), (", ", "SEP"), (country, "SEP"), ("*", "SEP")]  # fmt: skip


def _bullet_paren(g: Generator, lang: str) -> list[Segment]:
    return [(g.pick(["- ", "* ", "• "]), "MARK"), _n(g, lang), (" (", "SEP"),
            (g.org(lang), "ORG"), (")", "SEP")]  # fmt: skip


def _behalf(g: Generator, lang: str) -> list[Segment]:
    cue = {"de": "im Namen von ", "fr": "au nom de ", "ru": "от имени "}.get(lang, "on behalf of ")
    return [_n(g, lang), (", ", "SEP"), (cue, "CONN"), (g.org(lang), "ORG")]


def _titled(g: Generator, lang: str) -> list[Segment]:
    out: list[Segment] = [(g.pick(TITLE_TEXTS), "TITLE"), (" ", None), _n(g, lang)]
    if g.r.random() < 0.5:
        out += [(", ", "SEP"), (g.pick(DEGREE_TEXTS), "DEG")]
    return [*out, (", ", "SEP"), (g.role(lang), "ROLE"), (", ", "SEP"), (g.org(lang), "ORG")]


def _placeholder(g: Generator, lang: str) -> list[Segment]:
    ph = g.pick(PLACEHOLDER_TEXTS)
    if g.r.random() < 0.5:
        return [_n(g, lang), (", ", "SEP"), (ph, "PH")]
    return [_n(g, lang), (" (", "SEP"), (ph, "PH"), (")", "SEP")]


def _org_only(g: Generator, lang: str) -> list[Segment]:
    return [(g.org(lang), "ORG")]


def _name_only(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang)]


def _name_role(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang), (g.pick([", ", " – "]), "SEP"), (g.role(lang), "ROLE")]


def _name_dash_org(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang), (g.pick(DASHES), "SEP"), (g.org(lang), "ORG")]


# Held-out layouts: never seen in training.
def _table_row(g: Generator, lang: str) -> list[Segment]:
    return [("| ", "SEP"), _n(g, lang), (" | ", "SEP"), (g.role(lang), "ROLE"), (" | ", "SEP"),
            (g.org(lang), "ORG"), (" |", "SEP")]  # fmt: skip


def _slash(g: Generator, lang: str) -> list[Segment]:
    return [_n(g, lang), (" / ", "SEP"), (g.role(lang), "ROLE"), (", ", "SEP"),
            (g.org(lang), "ORG")]  # fmt: skip


def _org_colon(g: Generator, lang: str) -> list[Segment]:
    return [(g.org(lang), "ORG"), (": ", "SEP"), _n(g, lang), (" (", "SEP"),
            (g.role(lang), "ROLE"), (")", "SEP")]  # fmt: skip


TRAIN_LAYOUTS: list[tuple[Layout, float]] = [
    (_dash_role_of, 5.0),
    (_dash_role_org_comma, 1.0),
    (_dash_role_bare, 0.7),
    (_comma, 4.0),
    (_paren, 2.0),
    (_org_dash_name, 1.0),
    (_glued, 2.0),
    (_markdown, 1.0),
    (_bullet_paren, 1.0),
    (_behalf, 0.7),
    (_titled, 1.0),
    (_placeholder, 0.7),
    (_org_only, 2.0),
    (_name_only, 0.7),
    (_name_role, 0.7),
    (_name_dash_org, 1.0),
]
HELD_LAYOUTS: list[tuple[Layout, float]] = [(_table_row, 1.0), (_slash, 1.0), (_org_colon, 1.0)]
LANGUAGES = [("en", 6.0), ("de", 1.0), ("fr", 1.0), ("ru", 1.0)]


def _numbered(g: Generator, segments: list[Segment]) -> list[Segment]:
    x = g.r.random()
    if x < 0.15:
        return [(f"{g.r.randint(1, 300)}. ", "MARK"), *segments]
    if x < 0.2:
        return [(f"{g.r.randint(1, 40)}) ", "MARK"), *segments]
    return segments


def example(segments: list[Segment], layout: str = "") -> Example:
    """Assemble segments into an entry and label its tokens by segment."""
    text, bounds = "", []
    for seg, label in segments:
        bounds.append((len(text), len(text) + len(seg), label))
        text += seg
    tokens = tokenize(text)
    labels = []
    for t in tokens:
        label = next((lab for a, b, lab in bounds if a <= t.start < b), None)
        labels.append(label or "SEP")

    def part(kind: str) -> str | None:
        found = [seg for seg, label in segments if label == kind]
        return found[0] if found else None

    return Example(text, tuple(labels), part("NAME"), part("ROLE"), part("ORG"), layout)


def generate(n: int, *, held: bool = False, seed: int = SEED) -> list[Example]:
    """n entries: training ones, or held-out ones (unseen vocabulary slice and layouts)."""
    g = Generator(Vocabulary(held), seed + (7 if held else 0))
    layouts = TRAIN_LAYOUTS
    if held:
        layouts = [*TRAIN_LAYOUTS, *[(f, w * 8.0) for f, w in HELD_LAYOUTS]]
    funcs, weights = zip(*layouts, strict=True)
    langs, lweights = zip(*LANGUAGES, strict=True)
    out = []
    for _ in range(n):
        layout = g.r.choices(funcs, weights)[0]
        lang = g.r.choices(langs, lweights)[0]
        out.append(example(_numbered(g, layout(g, lang)), layout.__name__))
    return out


def train(path: Path, n: int = TRAIN_SIZE, seed: int = SEED) -> None:
    """Train the entry tagger on n generated entries and write the model to path."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in generate(n, seed=seed):
        trainer.append(features(ex.text, tokenize(ex.text)), list(ex.labels))
    trainer.set_params(
        {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
    )
    trainer.train(str(path))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else Path(__file__).with_name(MODEL)
    train(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
