"""Generate a realistic synthetic news corpus with ground truth, as JSON Lines shards.

Most documents are news articles without any letter (with page noise: related headlines,
"download our app", comment prompts). About a tenth carry an open letter: reproduced in full
(heading, salutation, body, closing, a signature block in one of several layouts) or only
reported in prose ("The letter was signed by X of the Y, ..."), in English, German, French or
Russian. The same letter is often reprinted by several outlets, in another layout.

Signatories come from a fixed population: people with Azerbaijani, Russian, Turkish and
Armenian names printed in several romanizations (ə→a/e, x→kh/h, ş→sh/s, c→j/dzh, -oğlu→-oglu/
-ogly, -zadə→-zada/-zade, Cyrillic in Russian letters), who move between organizations over
the years; organizations printed with their quotes, legal form and translation variants.

The truth must be sound: what tells two entities apart is theirs, not the generator's. So
every organization has a name of its own, drawn without replacement from a quoted word and a
purpose, a purpose and a city, "Azerbaijan" + qualifier + field, or a quoted word and
"International" + field; its legal form (Public Union; Society, Association, Union, which are
one word translated; Fund/Foundation) never tells two apart. Russian and Armenian names are
first name × surname with Zipf-like frequencies (a few common, most rare), like the
Azerbaijani ones; namesakes remain, as in any population of 30,000. Version 1 drew 4,000
organizations from ~1,150 printed names (often the same name for several ids) and gave
Russians and Armenians 8 and 30 full names (~375 and ~50 people per name). The B-cubed F1 a
perfect name-key resolver reaches on the truth (`pipeline_bench.name_key_cap`, seed 7),
version 1 → 2: organizations 0.506 → 1.000 and people 0.846 → 0.920 at 10,000 documents;
organizations 0.465 → 1.000 and people 0.766 → 0.845 at 100,000.

Writes `shard-NNNNN.jsonl.gz` (records `text` or `html`, `url`, `title`, `published`) and
`truth.jsonl.gz` (per letter-bearing document: url and letters with every signatory's true
person and organization id). Deterministic for a seed; shards are generated in parallel.

    python benchmarks/generate_corpus.py --docs 100000 --out /tmp/corpus100k
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

VERSION = 2  # of the population and its truth: a corpus of another version is stale

# --- population vocabularies (Azerbaijani orthography; romanized per mention) -------------
MALE = [
    "Rəşad",
    "Elşən",
    "Fuad",
    "Ramil",
    "Umud",
    "Mübariz",
    "Ayaz",
    "Dilqəm",
    "Fariz",
    "Aqil",
    "Vüqar",
    "Xalid",
    "Əhməd",
    "Kəramət",
    "Fikrət",
    "İlqar",
    "Saməd",
    "Cəsarət",
    "Elşad",
    "Varis",
    "Tural",
    "Orxan",
    "Cavid",
    "Ceyhun",
    "Fəxri",
    "Qasım",
    "Nicat",
    "Şahin",
    "Səbuhi",
    "Rauf",
    "Həsən",
    "Hüseyn",
    "Elçin",
    "Emin",
    "Əli",
    "Namiq",
    "Mirzə",
    "Anar",
    "Zaur",
    "Rövşən",
    "Azər",
    "Xəyal",
    "Niyazi",
    "Sərvər",
    "İsmayıl",
    "Cəlal",
    "Ruslan",
    "Vahid",
    "Tofiq",
    "Yaşar",
    "Zahid",
    "Polad",
    "Şamil",
    "Əkbər",
    "Babək",
    "Elxan",
    "Qurban",
]
FEMALE = [
    "Könül",
    "Şəhla",
    "Qəmər",
    "Sevinc",
    "Tünzalə",
    "Ceyran",
    "İradə",
    "Şəlalə",
    "Zərifə",
    "Məhluqə",
    "Vüsalə",
    "Lalə",
    "Fəridə",
    "Novella",
    "Səadət",
    "Səltənət",
    "Gülnarə",
    "Xədicə",
    "Ülviyyə",
    "Aynur",
    "Nərmin",
    "Ləman",
    "Günay",
    "Səbinə",
    "Aidə",
    "Elnarə",
    "Nigar",
    "Arzu",
    "Mehriban",
    "Sevda",
    "Təranə",
    "Röya",
    "Nailə",
    "Şəbnəm",
    "Gülşən",
    "Leyla",
    "Aytən",
    "Xatirə",
    "Yeganə",
    "Zəhra",
]
STEMS = [
    "Məmməd",
    "Əli",
    "Həsən",
    "Hüseyn",
    "Quli",
    "Cəfər",
    "İsgəndər",
    "Rəhim",
    "Nağı",
    "Bağır",
    "Qədir",
    "Kazım",
    "Abbasbəy",
    "Mirzə",
    "Əsgər",
    "Behbud",
    "Xəlil",
    "Yusif",
    "Eyvaz",
    "Vəkil",
    "Sərdar",
    "Yolçu",
    "Abdullalim",
    "Qocaman",
    "Bənəniyar",
    "Rza",
    "Həsənbəy",
    "Səfər",
    "Nəsib",
    "İbrahim",
    "Əhmədbəy",
    "Qurban",
    "Şükür",
    "Məhərrəm",
    "Bayram",
    "Zeynal",
    "Musa",
    "Həmid",
    "Kərim",
    "Salam",
    "Novruz",
    "Tağı",
    "Ağa",
    "Sadıq",
    "Vəli",
    "Əmir",
    "Cabbar",
    "Qaffar",
    "Mehdi",
    "Rəsul",
    "Nəbi",
    "Fərhad",
    "İsmayıl",
    "Talıb",
    "Hacı",
]
# Russian and Armenian names (Azerbaijani orthography, as the press there prints them),
# most frequent first: a person's name is drawn with Zipf-like weights (`_ZIPF`), so a few
# names are common and most are rare, as with any population of a few thousand.
RUSSIAN_MALE = [
    "Aleksandr",
    "Sergey",
    "Vladimir",
    "Dmitri",
    "Andrey",
    "Aleksey",
    "Mixail",
    "Nikolay",
    "Yevgeni",
    "İqor",
    "Yuri",
    "Oleq",
    "Viktor",
    "Pavel",
    "Anatoli",
    "Boris",
    "Konstantin",
    "Maksim",
    "İvan",
    "Roman",
    "Vyaçeslav",
    "Artyom",
    "Denis",
    "Valeri",
    "Vadim",
    "Leonid",
    "Qennadi",
    "Stanislav",
    "Arkadi",
    "Vitali",
]
RUSSIAN_FEMALE = [
    "Yelena",
    "Tatyana",
    "Olqa",
    "Natalya",
    "İrina",
    "Svetlana",
    "Marina",
    "Anna",
    "Larisa",
    "Lyudmila",
    "Qalina",
    "Valentina",
    "Nadejda",
    "Yekaterina",
    "Mariya",
    "Oksana",
    "Vera",
    "Lyubov",
    "Nina",
    "Alla",
    "Tamara",
    "Anastasiya",
    "Yuliya",
    "Viktoriya",
    "Zoya",
]
RUSSIAN_SURNAMES = [
    "Smirnov",
    "İvanov",
    "Kuznetsov",
    "Sokolov",
    "Popov",
    "Lebedev",
    "Kozlov",
    "Novikov",
    "Morozov",
    "Petrov",
    "Volkov",
    "Solovyov",
    "Vasilyev",
    "Zaytsev",
    "Pavlov",
    "Semyonov",
    "Qolubev",
    "Vinoqradov",
    "Boqdanov",
    "Vorobyov",
    "Fyodorov",
    "Mixaylov",
    "Belyayev",
    "Tarasov",
    "Belov",
    "Komarov",
    "Orlov",
    "Kiselyov",
    "Makarov",
    "Andreyev",
    "Kovalyov",
    "İlyin",
    "Qusev",
    "Titov",
    "Kuzmin",
    "Kudryavtsev",
    "Baranov",
    "Kulikov",
    "Alekseyev",
    "Stepanov",
    "Yakovlev",
    "Sorokin",
    "Serqeyev",
    "Romanov",
    "Zaxarov",
    "Borisov",
    "Korolyov",
    "Qerasimov",
    "Ponomaryov",
    "Qriqoryev",
    "Lazarev",
    "Medvedev",
    "Yerşov",
    "Nikitin",
    "Sobolev",
    "Ryabov",
    "Polyakov",
    "Tsvetkov",
    "Danilov",
    "Jukov",
    "Frolov",
    "Juravlyov",
    "Nikolayev",
    "Krılov",
    "Maksimov",
    "Sidorov",
    "Osipov",
    "Belousov",
    "Fedotov",
    "Dorofeyev",
    "Yeqorov",
    "Matveyev",
    "Bobrov",
    "Dmitriyev",
    "Kalinin",
    "Anisimov",
    "Petuxov",
    "Antonov",
    "Timofeyev",
    "Nikiforov",
    "Veselov",
    "Filippov",
    "Markov",
    "Bolşakov",
    "Suxanov",
    "Mironov",
    "Şiryayev",
    "Aleksandrov",
    "Konovalov",
    "Şestakov",
    "Kazakov",
    "Yefimov",
    "Denisov",
    "Qromov",
    "Fomin",
    "Davıdov",
    "Melnikov",
    "Şçerbakov",
    "Blinov",
    "Kolesnikov",
    "Timoşenko",
    "Kovalenko",
    "Bondarenko",
    "Şevçenko",
    "Kravçenko",
    "Moroz",
    "Dobrovolski",
    "Zalesski",
    "Savitski",
    "Lisitsın",
    "Karpov",
    "Jdanov",
]
ARMENIAN_MALE = [
    "Armen",
    "Gevorq",
    "Aram",
    "Arsen",
    "Artur",
    "Tiqran",
    "Vardan",
    "Hayk",
    "Karen",
    "Davit",
    "Suren",
    "Aşot",
    "Levon",
    "Ruben",
    "Sarkis",
    "Hovhannes",
    "Ara",
    "Samvel",
    "Edqar",
    "Narek",
]
ARMENIAN_FEMALE = [
    "Ani",
    "Lilit",
    "Anahit",
    "Armine",
    "Qayane",
    "Mariam",
    "Nune",
    "Siranuş",
    "Karine",
    "Astqik",
    "Lusine",
    "Hasmik",
    "Susanna",
    "Tatevik",
    "Zaruhi",
    "Marine",
]
ARMENIAN_SURNAMES = [
    "Petrosyan",
    "Hakobyan",
    "Sargsyan",
    "Grigoryan",
    "Hovhannisyan",
    "Vardanyan",
    "Harutyunyan",
    "Karapetyan",
    "Xaçatryan",
    "Qasparyan",
    "Avetisyan",
    "Mkrtçyan",
    "Martirosyan",
    "Qalstyan",
    "Manukyan",
    "Simonyan",
    "Arakelyan",
    "Nazaryan",
    "Qazaryan",
    "Avaqyan",
    "Babayan",
    "Davtyan",
    "Movsisyan",
    "Stepanyan",
    "Aslanyan",
    "Poqosyan",
    "Mnatsakanyan",
    "Arzumanyan",
    "Abrahamyan",
    "Baqdasaryan",
    "Hambardzumyan",
    "Sahakyan",
    "Kirakosyan",
    "Tadevosyan",
    "Zakaryan",
    "Ohanyan",
    "Melkonyan",
    "Yeqiazaryan",
    "Ayvazyan",
    "Mikaelyan",
    "Asatryan",
    "Danielyan",
    "İsraelyan",
    "Matevosyan",
    "Muradyan",
    "Minasyan",
    "Sukiasyan",
    "Tumanyan",
    "Ter-Petrosyan",
    "Şahinyan",
]
# Organization names: each organization has a name of its own (drawn without replacement),
# from a quoted word and a purpose, a purpose and a city, "Azerbaijan" + qualifier + field,
# or a quoted word and "International" + field.
QUOTED = [
    "Simurq",
    "Miras",
    "Prioritet",
    "Qələbə",
    "Ortaq",
    "Dəyərlər",
    "Obyektiv",
    "İz",
    "Çapar",
    "Ulduz",
    "Gənclik",
    "Dirçəliş",
    "Ümid",
    "Sülh",
    "Körpü",
    "Vətən",
    "Ay",
    "Ulu",
    "Yurd",
    "Məşəl",
    "Səhər",
    "Bulaq",
    "İnam",
    "Qartal",
    "Dalğa",
    "Yaşıl",
    "Ada",
    "Zirvə",
    "Həyat",
    "Nur",
    "Xəzər",
    "Araz",
    "Kür",
    "Çinar",
    "Günəş",
    "Bahar",
    "İşıq",
    "Dan",
    "Ocaq",
    "Bənövşə",
    "Səma",
    "Dağ",
    "Çiçək",
    "Qaya",
    "Həmrəylik",
    "Birlik",
    "Dostluq",
    "Azadlıq",
    "Ədalət",
    "İrəli",
    "Yüksəliş",
    "İnkişaf",
    "Tərəqqi",
    "Gələcək",
    "Sabah",
    "Bəşər",
    "İnsan",
    "Elm",
    "Bilik",
    "Kitab",
    "Qələm",
    "Söz",
    "Səs",
    "Nəfəs",
    "Ürək",
    "Ailə",
    "Nəsil",
    "Şahdağ",
    "Savalan",
    "Qobustan",
    "Cıdır",
    "Xarıbülbül",
    "Turac",
    "Durna",
    "Tərlan",
    "Bülbül",
    "Maral",
    "Qaranquş",
    "Göyərçin",
    "Qızılgül",
    "Nərgiz",
    "Yasəmən",
    "Palıd",
    "Sərv",
    "Zeytun",
    "Nar",
    "Dəniz",
    "Göl",
    "Buta",
    "Kəhrəba",
    "Mirvari",
    "Almaz",
    "Yaqut",
    "Zümrüd",
    "Firuzə",
    "Mərcan",
    "Xalı",
    "Kəlağayı",
    "Saz",
    "Tar",
    "Kaman",
    "Muğam",
    "Aşıq",
    "Dastan",
    "Nağıl",
    "Bayatı",
    "Çıraq",
    "Dialoq",
    "Konsensus",
    "Alternativ",
    "Perspektiv",
    "Təşəbbüs",
    "Vətəndaş",
    "Qanun",
    "Hüquq",
    "Haqq",
    "Vicdan",
    "Şərəf",
    "Ləyaqət",
    "Etimad",
    "Sədaqət",
    "Mərhəmət",
    "Xeyriyyə",
    "Dayaq",
    "Örnək",
    "Addım",
    "Cığır",
    "Yol",
    "Körfəz",
    "Sahil",
    "Meşə",
    "Çəmən",
    "Zəfər",
    "Şəfəq",
    "Üfüq",
    "Şimşək",
    "Mavi",
    "Gümüş",
    "Ayna",
    "Pəncərə",
    "Açar",
    "Mayak",
    "Kompas",
    "Pillə",
    "Halqa",
    "Meydan",
    "Tribuna",
    "Platforma",
    "Oyanış",
    "Axtarış",
    "Kəşf",
    "Yaddaş",
    "Əmanət",
    "Ənənə",
    "Töhfə",
    "Bərəkət",
    "Toxum",
    "Bulud",
    "Külək",
    "Səyyah",
    "Karvan",
    "Əlincə",
    "Murov",
    "Kəpəz",
    "Göygöl",
    "Qoşqar",
    "Babadağ",
]
PURPOSES = (
    "Social Economic Research Center",
    "Support to Families of Martyrs",
    "Cultural Relations",
    "Protection of Human Rights and Legality",
    "Center for the Promotion of Human Rights",
    "Youth Organization for Return and Revival",
    "Regional Human Rights and Media Center",
    "Center for Development of Society",
    "Support to Information and Social Initiatives",
    "Independent Journalists",
    "Modern Development and Family",
    "Reformist Women and Innovations",
    "Social Strategic Studies and Analytical Research",
    "Economic and Social Development",
    "Promotion of National Values",
    "Development of Culture, Science and Education",
    "Support to Mothers of Martyrs",
    "Study of National Heritage",
    "Legal Education of Youth",
    "Environmental Protection",
    "Rights of Refugees and Internally Displaced Persons",
    "Support to Disabled Children",
    "Civic Education",
    "Media Literacy and Free Expression",
    "Protection of Children's Rights",
    "Support to Rural Women",
    "Public Health Initiatives",
    "Democracy and Good Governance",
    "Consumer Rights Protection",
    "Transparency and Anti-Corruption",
    "Support to Small Business",
    "Intercultural Dialogue",
    "Protection of Historical Monuments",
    "Water Resources and Ecology",
    "Support to Veterans and War Invalids",
    "Volunteer Support",
    "Gender Equality",
    "Digital Rights",
    "Legal Aid to Citizens",
    "Mine Action and Demining",
    "Support to the Great Return",
    "Tolerance and Multiculturalism",
    "Protection of Labour Rights",
    "Agrarian Reforms",
    "Tourism Development",
    "Support to Orphans",
    "Care for the Elderly",
)
FIELDS = (
    "Literary",
    "Press",
    "Women's Rights",
    "Lawyers",
    "Historians",
    "Veterans",
    "Writers",
    "Journalists",
    "Teachers",
    "Doctors",
    *[
        "Economists",
        "Engineers",
        "Architects",
        "Artists",
        "Composers",
        "Translators",
        "Librarians",
        "Ecologists",
        "Pharmacists",
        "Nurses",
        "Farmers",
        "Photographers",
        "Filmmakers",
        "Students",
        "Scientists",
        "Sociologists",
        "Psychologists",
        "Orientalists",
        "Ethnographers",
        "Mathematicians",
        "Chemists",
        "Physicists",
        "Agronomists",
        "Veterinarians",
        "Musicians",
        "Actors",
        "Designers",
        "Bloggers",
        "Publishers",
        "Entrepreneurs",
        "Accountants",
        "Mediators",
        "Geographers",
        "Philosophers",
        "Archaeologists",
        "Folklorists",
        "Poets",
        "Surgeons",
        "Dentists",
        "Geologists",
        "Programmers",
        "Statisticians",
        "Linguists",
        "Painters",
        "Sculptors",
    ],
    "Political Scientists",
)
QUALIFIERS = (  # of a field in "Azerbaijan {qualifier} {field}"; "" for none
    "",
    "Young",
    "Women",
    "Independent",
    "Free",
    "Democratic",
    "Progressive",
    "Rural",
    "Retired",
    "Karabakh",
    "Regional",
    "Professional",
    "National",
    "Modern",
    "United",
    "New",
)
CITIES = (
    "Baku",
    "Ganja",
    "Sumgait",
    "Shaki",
    "Lankaran",
    "Nakhchivan",
    "Shusha",
    "Quba",
    *[
        "Mingachevir",
        "Shirvan",
        "Yevlakh",
        "Khachmaz",
        "Gabala",
        "Ismayilli",
        "Agdam",
        "Barda",
        "Tovuz",
        "Gazakh",
        "Zagatala",
        "Balakan",
        "Astara",
        "Masalli",
        "Jalilabad",
        "Salyan",
        "Sabirabad",
        "Imishli",
        "Agjabadi",
        "Goychay",
        "Kurdamir",
        "Shamakhi",
        "Lachin",
        "Kalbajar",
        "Fuzuli",
        "Zangilan",
        "Gubadli",
        "Jabrayil",
        "Khankendi",
        "Goranboy",
        "Tartar",
        "Naftalan",
        "Siyazan",
        "Khizi",
        "Absheron",
        "Shabran",
        "Agstafa",
        "Samukh",
        "Oguz",
        "Lerik",
    ],
)
ROLES_M = ("Chairman", "Director", "President", "Head", "Executive Director")
ROLES_F = ("Chairwoman", "Director", "President", "Head", "Executive Director")
ROLES_ANY = ("Member of the Board", "Deputy Chairman", "Coordinator", "Expert")

# --- romanization schemes of Azerbaijani letters ------------------------------------------
_BASE = {
    "ə": "a",
    "x": "kh",
    "q": "g",
    "ş": "sh",
    "ç": "ch",
    "ğ": "gh",
    "ı": "i",
    "ü": "u",
    "ö": "o",
    "c": "j",
    "i̇": "i",
    "İ": "I",
}
SCHEMES: dict[str, dict[str, str]] = {
    "en": _BASE,
    "en2": {**_BASE, "ə": "e", "x": "h", "ğ": "g"},
    "az": {},  # printed in Azerbaijani orthography
    "ascii": {**_BASE, "ə": "e", "x": "x", "q": "q", "ş": "s", "ç": "c", "ğ": "g", "c": "c"},
    "ru": {**_BASE, "c": "dzh", "ğ": "g", "ı": "y", "ü": "yu", "ö": "yo"},
    "de": {**_BASE, "ş": "sch", "ç": "tsch", "c": "dsch", "x": "ch", "ə": "ä", "ü": "ü", "ö": "ö"},
    "fr": {**_BASE, "ş": "ch", "ç": "tch", "c": "dj", "u": "ou", "ü": "u"},
}
SUFFIXES = {
    "en": {"oğlu": "oglu", "zadə": "zada", "lı": "li"},
    "en2": {"oğlu": "oghlu", "zadə": "zade", "lı": "ly"},
    "ru": {"oğlu": "ogly", "zadə": "zade", "lı": "ly"},
}
CYRILLIC = dict(
    zip(
        "abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ",
        [
            "а",
            "б",
            "дж",
            "ч",
            "д",
            "е",
            "а",
            "ф",
            "г",
            "г",
            "г",
            "х",
            "ы",
            "и",
            "ж",
            "к",
            "г",
            "л",
            "м",
            "н",
            "о",
            "ё",
            "п",
            "р",
            "с",
            "ш",
            "т",
            "у",
            "ю",
            "в",
            "й",
            "з",
            "А",
            "Б",
            "Дж",
            "Ч",
            "Д",
            "Е",
            "А",
            "Ф",
            "Г",
            "Г",
            "Г",
            "Х",
            "Ы",
            "И",
            "Ж",
            "К",
            "Г",
            "Л",
            "М",
            "Н",
            "О",
            "Ё",
            "П",
            "Р",
            "С",
            "Ш",
            "Т",
            "У",
            "Ю",
            "В",
            "Й",
            "З",
        ],
        strict=True,
    )
)
QUOTES = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("“", "“"))


def romanize(name: str, scheme: str) -> str:
    """`name` (Azerbaijani orthography) as printed under `scheme`."""
    if scheme == "cyr":
        return "".join(CYRILLIC.get(ch, ch) for ch in name)
    for suffix, variant in SUFFIXES.get(scheme, {}).items():
        if name.endswith(suffix):
            name = name[: -len(suffix)] + variant
    table = SCHEMES[scheme]
    out = "".join(
        table.get(ch, table.get(ch.lower(), ch).capitalize() if ch.isupper() else ch) for ch in name
    )
    return out[:1].upper() + out[1:]


@dataclass(frozen=True)
class Org:
    id: str
    quoted: str | None  # the quoted part, if any ("Simurg")
    body: str  # the rest ("Azerbaijan Cultural Association")
    legal: str  # "Public Union", "Society", "Fund", ...

    def printed(self, rng: random.Random, scheme: str) -> tuple[str, str]:
        """(as printed with quotes, as the truth records it: without quote marks)."""
        legal = self.legal
        if legal == "Fund" and rng.random() < 0.3:
            legal = "Foundation"
        if self.quoted is None:
            name = f"{self.body} {legal}".strip()
            return name, name
        quoted = romanize(self.quoted, "en" if scheme in ("az", "cyr") else scheme)
        left, right = rng.choice(QUOTES)
        if rng.random() < 0.25:
            printed = f"{legal} {left}{quoted}{right} {self.body}".replace("  ", " ").strip()
        else:
            printed = f"{left}{quoted}{right} {self.body} {legal}".replace("  ", " ").strip()
        return printed, printed.replace(left, "").replace(right, "")


@dataclass(frozen=True)
class Membership:
    org: Org
    role: str
    start: int  # year
    end: int


@dataclass(frozen=True)
class Person:
    id: str
    first: str
    last: str
    gender: str
    usual: str  # the romanization this person's name is usually printed in
    memberships: tuple[Membership, ...]

    def at(self, year: int) -> Membership:
        for membership in self.memberships:
            if membership.start <= year <= membership.end:
                return membership
        return self.memberships[-1]

    def printed(self, rng: random.Random, language: str) -> str:
        if language == "ru" and rng.random() < 0.8:
            scheme = "cyr"
        elif language in ("de", "fr") and rng.random() < 0.5:
            scheme = language
        else:
            scheme = self.usual if rng.random() < 0.75 else rng.choice(("en", "en2", "az", "ascii"))
        name = f"{romanize(self.first, scheme)} {romanize(self.last, scheme)}"
        if rng.random() < 0.03:  # a doubled or single letter, as printed
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i] + name[i:] if name[i].isalpha() else name
        return name


@dataclass(frozen=True)
class Population:
    people: tuple[Person, ...]
    coalitions: tuple[tuple[int, ...], ...]  # indexes into people


def build_population(seed: int, people: int = 30_000, orgs: int = 4_000) -> Population:
    """The same people, organizations and coalitions for every shard of one seed."""
    rng = random.Random(seed)
    organizations = _make_orgs(rng, orgs)
    persons = [_make_person(rng, i, organizations) for i in range(people)]
    coalitions = tuple(
        tuple(sorted(rng.sample(range(people), rng.randint(20, 160)))) for _ in range(people // 60)
    )
    return Population(tuple(persons), coalitions)


def _make_orgs(rng: random.Random, n: int) -> list[Org]:
    """`n` organizations, each with a name no other bears: the legal form (Society, Union,
    Association are one word translated) does not tell two organizations apart."""
    orgs: list[Org] = []
    seen: set[tuple[str | None, str]] = set()
    while len(orgs) < n:
        org = _make_org(rng, len(orgs))
        if (org.quoted, org.body) not in seen:
            seen.add((org.quoted, org.body))
            orgs.append(org)
    return orgs


def _make_org(rng: random.Random, i: int) -> Org:
    kind = rng.random()
    if kind < 0.45:
        return Org(f"O{i}", rng.choice(QUOTED), rng.choice(PURPOSES), "Public Union")
    if kind < 0.7:
        return Org(f"O{i}", None, rng.choice(PURPOSES) + f" {rng.choice(CITIES)}", "Public Union")
    if kind < 0.85:
        legal = rng.choice(("Society", "Association", "Union"))
        body = " ".join(("Azerbaijan", rng.choice(QUALIFIERS), rng.choice(FIELDS)))
        return Org(f"O{i}", None, body.replace("  ", " "), legal)
    return Org(f"O{i}", rng.choice(QUOTED), f"International {rng.choice(FIELDS)}", "Fund")


@cache
def _zipf(n: int) -> list[float]:
    """Cumulative weights of `n` names, most frequent first (weight of rank r ∝ r^-0.5)."""
    return list(accumulate(r**-0.5 for r in range(1, n + 1)))


def _common(rng: random.Random, names: list[str]) -> str:
    """One of `names`, the first ones more often (a few common names, most rare)."""
    return rng.choices(names, cum_weights=_zipf(len(names)))[0]


def _russian_feminine(surname: str) -> str:
    """Petrov → Petrova, Zalesski → Zalesskaya; Timoşenko, Moroz as they are."""
    if surname.endswith(("ov", "ev", "in", "ın")):
        return surname + "a"
    return surname[:-1] + "aya" if surname.endswith("ski") else surname  # -enko, Moroz


def _make_person(rng: random.Random, i: int, orgs: list[Org]) -> Person:
    kind = rng.random()
    gender = "m" if rng.random() < 0.6 else "f"
    if kind < 0.85:
        first = rng.choice(MALE if gender == "m" else FEMALE)
        stem = rng.choice(STEMS)
        suffix = rng.choice(("ov", "ov", "li", "zadə", "oğlu", "lı"))
        if suffix == "oğlu" and gender == "f":
            suffix = "qızı" if rng.random() < 0.2 else "ov"
        if suffix == "ov":
            suffix = ("yev" if stem[-1] in "aeəiıoöuü" else "ov") + ("a" if gender == "f" else "")
        last = stem + suffix
    elif kind < 0.95:
        first = _common(rng, RUSSIAN_MALE if gender == "m" else RUSSIAN_FEMALE)
        last = _common(rng, RUSSIAN_SURNAMES)
        last = last if gender == "m" else _russian_feminine(last)
    else:
        first = _common(rng, ARMENIAN_MALE if gender == "m" else ARMENIAN_FEMALE)
        last = _common(rng, ARMENIAN_SURNAMES)
    usual = rng.choices(("en", "en2", "az", "ascii"), (70, 15, 10, 5))[0]
    moves = rng.choices((1, 2, 3), (60, 30, 10))[0]
    cuts = sorted(rng.sample(range(2014, 2025), moves - 1))
    years = [2010, *cuts, 2026]
    roles = ROLES_M if gender == "m" else ROLES_F
    memberships = tuple(
        Membership(
            rng.choice(orgs),
            rng.choice(roles) if rng.random() < 0.8 else rng.choice(ROLES_ANY),
            years[k] + (k > 0),
            years[k + 1],
        )
        for k in range(moves)
    )
    return Person(f"P{i}", first, last, gender, usual, memberships)


# --- article text ------------------------------------------------------------------------
SUBJECTS = (
    "The ministry",
    "Officials",
    "The central bank",
    "Local residents",
    "Analysts",
    "The parliament",
    "Investors",
    "The city council",
    "Experts",
    "The government",
)
VERBS = (
    "announced",
    "reported",
    "discussed",
    "criticized",
    "welcomed",
    "postponed",
    "approved",
    "reviewed",
    "questioned",
    "highlighted",
)
OBJECTS = (
    "a new infrastructure plan",
    "the budget for next year",
    "rising food prices",
    "the regional trade agreement",
    "a reform of the pension system",
    "the election results",
    "new rules for energy exports",
    "the construction of a railway",
    "the tourism season",
    "water supply problems",
    "a digital services law",
    "the annual inflation figures",
)
NOISE = (
    "You can download our application from Play Store and the App Store.",
    "What is your opinion on this topic?",
    "Leave the first comment",
    "Subscribe to our newsletter",
    "Share on Facebook",
    "Most read",
    "Related news",
    "Advertisement",
    "Follow us on Telegram",
)
ADDRESSEES = (
    ("To the President of the United States of America, {n}", "Dear Mr. President,", "Joe Miller"),
    ("To the Secretary-General of the United Nations, {n}", "Dear Secretary-General,", "Ana Silva"),
    ("To the President of the European Commission, {n}", "Dear Madam President,", "Eva Berg"),
    ("To the Prime Minister of the United Kingdom, {n}", "Dear Prime Minister,", "Tom Hale"),
)
BODY = (
    "We write to you to express our deep concern about recent developments in the region.",
    "We, the undersigned representatives of civil society, call on you to act without delay.",
    "Peace and stability in the South Caucasus depend on respect for international law.",
    "Nearly a million people were displaced and hundreds of settlements destroyed.",
    "We respectfully ask you to look beyond the rhetoric and to assess the facts.",
    "The legal proceedings are conducted openly and under the scrutiny of judicial panels.",
    "We urge you to support dialogue, reconciliation and the return of displaced families.",
    "Misinformation campaigns seek to undermine the peace process that you have championed.",
    "More than 2,700 landmines were planted in residential areas and farmland.",
    "We stand ready to contribute to a future of cooperation and mutual respect.",
)
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
LANG = {  # heading, salutation, closing, signatories label
    "en": ("Open letter", "Sincerely,", "Signed:"),
    "de": ("Offener Brief", "Mit freundlichen Grüßen", "Unterzeichnet von:"),
    "fr": ("Lettre ouverte", "Veuillez agréer nos salutations distinguées.", "Signataires :"),
    "ru": ("Открытое письмо", "С уважением,", "Подписали:"),
}
OF = {"en": "of the", "de": "des", "fr": "de", "ru": ""}


@dataclass
class Campaign:
    """One letter, reprinted by one or more outlets."""

    key: str
    date: tuple[int, int, int]
    language: str
    addressee: tuple[str, str, str]
    body: list[str]
    signers: list[Person]
    prints: int


def _date_text(date: tuple[int, int, int], language: str) -> str:
    year, month, day = date
    name = MONTHS[language].split()[month - 1]
    return f"{day}. {name} {year}" if language == "de" else f"{day} {name} {year}"


def _signature_line(
    rng: random.Random, layout: str, person: Person, year: int, language: str, number: int
) -> tuple[str, dict[str, Any]]:
    membership = person.at(year)
    name = person.printed(rng, language)
    org_printed, org_truth = membership.org.printed(rng, "en")
    role: str | None = membership.role
    of = OF[language]
    if layout == "dash":
        dash = rng.choice(("–", "-", "—"))
        line = f"{name} {dash} {role} {of} {org_printed}".replace("  ", " ")
    elif layout == "comma":
        line = f"{name}, {role}, {org_printed}"
    elif layout == "paren":
        line, role = f"{name} ({org_printed})", None
    elif layout == "numbered":
        line = f"{number}. {name} - {role} {of} {org_printed}".replace("  ", " ")
    elif layout == "bullet":
        line = f"- **{name}**, *{role}, {org_printed}*"
    else:  # org first
        line = f"{org_printed} – {name}, {role}"
    truth = {
        "name": name,
        "role": role,
        "organization": org_truth,
        "person": person.id,
        "org": membership.org.id,
    }
    return line, truth


def _article_paragraphs(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on "
            f"{rng.choice(('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'))}, "
            f"citing {rng.randint(2, 98)} percent growth in {rng.choice(CITIES)}."
            for _ in range(rng.randint(2, 5))
        ]
        out.append(" ".join(sentences))
    return out


def _letter_document(
    rng: random.Random, campaign: Campaign, printing: int
) -> tuple[str, dict[str, Any]]:
    year = campaign.date[0]
    language = campaign.language
    n = len(campaign.signers)
    intro = (
        f"A group of {n} civil society representatives has issued an open letter to "
        f"{campaign.addressee[2]}."
    )
    reported = (printing > 0 or n <= 4) and rng.random() < 0.5
    paragraphs = _article_paragraphs(rng, rng.randint(1, 2))
    signatories: list[dict[str, Any]] = []
    if reported:
        parts = []
        for person in campaign.signers[:6]:
            membership = person.at(year)
            org_printed, org_truth = membership.org.printed(rng, "en")
            name = person.printed(rng, "en")
            parts.append(f"{name} of the {org_printed}")
            signatories.append(
                {
                    "name": name,
                    "role": None,
                    "organization": org_truth,
                    "person": person.id,
                    "org": membership.org.id,
                }
            )
        listing = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
        body = [
            f"On {_date_text(campaign.date, 'en')}, civil society organizations sent an open "
            f"letter to {campaign.addressee[2]} calling for dialogue.",
            f"The letter was signed by {listing}.",
        ]
        text_parts = [intro, *paragraphs, *body]
    else:
        heading, closing, label = LANG[language]
        layout = rng.choice(("dash", "comma", "paren", "numbered", "bullet", "orgfirst"))
        lines = []
        for k, person in enumerate(campaign.signers, start=1):
            line, truth = _signature_line(rng, layout, person, year, language, k)
            lines.append(line)
            signatories.append(truth)
        to_line, salutation, who = campaign.addressee
        separator = "\n\n" if rng.random() < 0.5 else "\n"
        text_parts = [
            intro,
            *paragraphs,
            rng.choice(("The letter reads:", "The full text of the letter:", "The appeal reads:")),
            f"{heading}\n\nBaku, {_date_text(campaign.date, language)}",
            to_line.format(n=who),
            salutation,
            *campaign.body,
            closing if rng.random() < 0.5 else f"{closing}\n{label}",
            separator.join(lines),
        ]
    text_parts += _noise(rng)
    truth = {
        "letter": campaign.key,
        "reproduced": not reported,
        "date": "{:04d}-{:02d}-{:02d}".format(*campaign.date),
        "signatories": signatories,
    }
    return "\n\n".join(text_parts), truth


def _noise(rng: random.Random) -> list[str]:
    headlines = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        for _ in range(rng.randint(0, 4))
    ]
    return headlines + rng.sample(NOISE, rng.randint(0, 3))


def _new_campaign(rng: random.Random, population: Population, key: str) -> Campaign:
    coalition = rng.choice(population.coalitions)
    size = rng.choices(((3, 15), (15, 45), (45, 150)), (60, 30, 10))[0]
    k = min(len(coalition), rng.randint(*size))
    signers = [population.people[i] for i in rng.sample(coalition, k)]
    date = (rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
    language = rng.choices(("en", "de", "fr", "ru"), (70, 10, 10, 10))[0]
    body = rng.sample(BODY, rng.randint(3, 6))
    prints = rng.choices((1, 2, 3), (60, 30, 10))[0]
    return Campaign(key, date, language, rng.choice(ADDRESSEES), body, signers, prints)


def _html(title: str, text: str) -> str:
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© News Agency</footer></body></html>"
    )


def generate_shard(
    population: Population,
    seed: int,
    shard: int,
    docs: int,
    letter_share: float,
    html_share: float,
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """The shard's records and, for letter-bearing ones, their truth (deterministic)."""
    rng = random.Random(zlib.crc32(f"{seed}/{shard}".encode()))
    pending: list[tuple[Campaign, int]] = []
    for i in range(docs):
        url = f"https://news{rng.randint(1, 40)}.example/{shard}/{i}"
        published = (rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
        truth = None
        if rng.random() < letter_share:
            if pending and rng.random() < 0.4:
                campaign, printing = pending.pop(rng.randrange(len(pending)))
            else:
                campaign, printing = _new_campaign(rng, population, f"{shard}-{i}"), 0
            if printing + 1 < campaign.prints:
                pending.append((campaign, printing + 1))
            text, truth = _letter_document(rng, campaign, printing)
            title = f"Open letter to {campaign.addressee[2]} ({shard}-{i})"
            published = campaign.date
        else:
            title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} ({i})"
            text = "\n\n".join([*_article_paragraphs(rng, rng.randint(3, 9)), *_noise(rng)])
        record: dict[str, Any] = {
            "url": url,
            "title": title,
            "published": "{:04d}-{:02d}-{:02d}".format(*published),
        }
        if rng.random() < html_share:
            record["html"] = _html(title, text)
        else:
            record["text"] = text
        if truth is not None:
            truth["url"] = url
        yield record, truth


def write_shard(args: tuple[int, int, int, Path, float, float]) -> tuple[int, int]:
    """Write one shard and its truth part; returns (documents, letter documents)."""
    seed, shard, docs, out, letter_share, html_share = args
    population = _population(seed)
    letters = 0
    with (
        gzip.open(
            out / f"shard-{shard:05d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1
        ) as f,
        gzip.open(out / f".truth-{shard:05d}.jsonl.gz", "wt", encoding="utf-8") as t,
    ):
        for record, truth in generate_shard(
            population, seed, shard, docs, letter_share, html_share
        ):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
            if truth is not None:
                letters += 1
                t.write(json.dumps(truth, ensure_ascii=False) + "\n")
    return docs, letters


_POPULATIONS: dict[int, Population] = {}


def _population(seed: int) -> Population:
    if seed not in _POPULATIONS:
        _POPULATIONS[seed] = build_population(seed)
    return _POPULATIONS[seed]


def generate(
    out: Path,
    docs: int,
    *,
    shard_size: int = 10_000,
    seed: int = 7,
    workers: int = 2,
    letter_share: float = 0.1,
    html_share: float = 0.05,
) -> tuple[int, int]:
    """Write `docs` documents as shards under `out`, plus `truth.jsonl.gz`."""
    out.mkdir(parents=True, exist_ok=True)
    jobs = [
        (seed, shard, min(shard_size, docs - shard * shard_size), out, letter_share, html_share)
        for shard in range((docs + shard_size - 1) // shard_size)
    ]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(write_shard, jobs))
    else:
        results = [write_shard(job) for job in jobs]
    with open(out / "truth.jsonl.gz", "wb") as truth:  # gzip members concatenate
        for shard in range(len(jobs)):
            part = out / f".truth-{shard:05d}.jsonl.gz"
            truth.write(part.read_bytes())
            part.unlink()
    return sum(r[0] for r in results), sum(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--shard-size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--letter-share", type=float, default=0.1)
    parser.add_argument("--html-share", type=float, default=0.05)
    a = parser.parse_args()
    started = time.perf_counter()
    docs, letters = generate(
        a.out,
        a.docs,
        shard_size=a.shard_size,
        seed=a.seed,
        workers=a.workers,
        letter_share=a.letter_share,
        html_share=a.html_share,
    )
    elapsed = time.perf_counter() - started
    size = sum(p.stat().st_size for p in a.out.glob("shard-*.jsonl.gz"))
    print(
        f"{docs:,} documents ({letters:,} with a letter) in {elapsed:.1f} s "
        f"({docs / elapsed:,.0f} docs/s), {size / 1e6:.1f} MB compressed, under {a.out}"
    )


if __name__ == "__main__":
    main()
