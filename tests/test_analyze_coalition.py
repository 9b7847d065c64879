from __future__ import annotations

from pathlib import Path

from analysis_support import letter, letter_of, store_with

from cosignatory.analyze import coalitions, load_corpus, timeline
from cosignatory.store import Store
from cosignatory.store.entities import resolve_store

BOTH_LETTERS = [
    "Ahmad Abbasbayli",
    "Alimammad Nuriyev",
    "Amir Aliyev",
    "Aqil Jamal",
    "Ayaz Mirzayev",
    "Dilgam Ahmad",
    "Fariz Khalilli",
    "Fikret Yusifov",
    "Fuad Mammadov",
    "Hafiz Safikhanov",
    "Irada Rzazada",
    "Jeyran Hasanova",
    "Keramet Ismayılov",
    "Khalid Kazimov",
    "Konul Behbudova",
    "Mubariz Asgarov",
    "Novella Jafarova",
    "Ramil Iskandarli",
    "Rey Gasimov",
    "Saadat Bananyarli",
    "Saltanat Gojamanli",
    "Sevinc Alizade",
    "Shahla Naghiyeva",
    "Tunzala Abdullalimova",
    "Umud Rahimoghlu",
    "Vugar Gadirov",
    "Zaur Ibrahimli",
    "Zaur Mammadov",
]
JOINED_IN_FEBRUARY = [
    "Oghuz Mammadov",
    "Khatira Valiyeva",
    "Rizvan Nabiyev",
    "Tanzila Rustamkhanli",
    "Khatai Alasgarov",
    "Haji Abdulla",
    "Shalala Hasanova",
    "Zarifa Guliyeva",
    "Mahluga Rahimova",
    "Vusala Huseynova",
    "Ilgar Huseynli",
    "Varis Yolchiyev",
    "Samad Vakilov",
    "Jasarat Huseynzade",
    "Elshad Eyvazov",
    "Farida Mirishova",
    "Lala Sardarli",
]


def test_december_and_february_letters_form_one_coalition_with_who_joined_and_left(
    corpus_store: Store,
) -> None:
    corpus = load_corpus(corpus_store, with_texts=False)
    [coalition] = coalitions(corpus)
    assert coalition.sender == "The Representatives of Azerbaijani Civil Society"
    december, february = coalition.steps
    assert december.letter.id == letter_of(corpus_store, "000_82e5b8a0caa968aa.txt")
    assert february.letter.id == letter_of(corpus_store, "001_88bdff56141247d5.txt")
    assert (len(december.members), len(february.members)) == (30, 45)
    assert sorted(corpus.label(m) for m in february.stayed) == BOTH_LETTERS
    assert [corpus.label(m) for m in february.joined] == JOINED_IN_FEBRUARY
    assert [corpus.label(m) for m in february.left] == ["Vladimir Timoshenko", "Gamar Baghirova"]
    assert (december.retention, february.retention) == (None, 0.9333)
    assert sorted(corpus.label(m) for m in coalition.core()) == BOTH_LETTERS


def test_sender_option_picks_a_coalition_even_with_one_letter(corpus_store: Store) -> None:
    corpus = load_corpus(corpus_store, with_texts=False)
    [forum] = coalitions(corpus, "national ngo forum")
    assert forum.sender == "Azerbaijan National NGO Forum"
    assert [s.letter.date for s in forum.steps] == ["2025-12-23"]
    assert coalitions(corpus, "no such sender") == []


def test_coalition_steps_follow_dates_not_storage_order(tmp_path: Path) -> None:
    texts = ["March: Ann Lee, Bob Ray", "January: Ann Lee, Cy Dunn", "February: Ann Lee, Bob Ray"]
    dates = ["2024-03-01", "2024-01-10", "2024-02-05"]
    people = [["Ann Lee", "Bob Ray"], ["Ann Lee", "Cy Dunn"], ["Ann Lee", "Bob Ray"]]
    docs = [
        (t, [letter(t, [(n, None) for n in ns], date=d, sender="The Friends")])
        for t, d, ns in zip(texts, dates, people, strict=True)
    ]
    with store_with(tmp_path / "t.db", docs) as store:
        corpus = load_corpus(store, with_texts=False)
    [friends] = coalitions(corpus, "friends")
    assert [s.letter.date for s in friends.steps] == ["2024-01-10", "2024-02-05", "2024-03-01"]
    steps = friends.steps
    assert [corpus.label(m) for m in steps[1].joined] == ["Bob Ray"]
    assert [corpus.label(m) for m in steps[1].left] == ["Cy Dunn"]
    assert [s.retention for s in steps] == [None, 0.5, 1.0]
    assert [corpus.label(m) for m in friends.core()] == ["Ann Lee", "Bob Ray"]
    rows = timeline(corpus)
    assert [(r["date"], r["senders"], r["signatories"]) for r in rows] == [
        ("2024-01-10", "The Friends", 2),
        ("2024-02-05", "The Friends", 2),
        ("2024-03-01", "The Friends", 2),
    ]


def test_timeline_lists_corpus_letters_dated_first(corpus_store: Store) -> None:
    rows = timeline(load_corpus(corpus_store, with_texts=False))
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and rows[-1]["date"] is None
    by_letter = {r["letter_id"]: r for r in rows}
    december = by_letter[letter_of(corpus_store, "000_82e5b8a0caa968aa.txt")]
    february = by_letter[letter_of(corpus_store, "001_88bdff56141247d5.txt")]
    assert (december["signatories"], december["addressees"]) == (30, "Donald J. Trump")
    assert (february["signatories"], february["addressees"]) == (45, "JD Vance")


def test_resolved_entities_replace_the_name_keys_when_the_store_has_them(
    corpus_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "resolved.db"
    with Store.open(corpus_db, create=False) as source, Store.open(copy) as target:
        source.conn.backup(target.conn)
    with Store.open(copy, create=False) as store:
        resolve_store(store)
        assigned = dict(
            store.conn.execute(
                "SELECT mention_id, entity_id FROM mention_entities WHERE kind = 'person'"
            )
        )
        corpus = load_corpus(store, with_texts=False)
    assert all(s.person_id == assigned.get(s.id) for s in corpus.signings if s.name)
    [coalition] = coalitions(corpus)
    february = coalition.steps[1]
    assert sorted(corpus.label(m) for m in february.stayed) == BOTH_LETTERS
    assert [corpus.label(m) for m in february.left] == ["Vladimir Timoshenko", "Gamar Baghirova"]
