"""The factx_money component (factx.money.component): MONEY spans on doc.ents with their amount, currency and value."""

from decimal import Decimal

import pytest
import spacy

import factx.money.component  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("id")
    nlp.add_pipe("factx_money")
    return nlp


def money_ents(doc):
    return [
        (e.text, e._.amount, e._.amount_max, e._.currency, e._.value, e._.unit, e._.qualifier)
        for e in doc.ents
        if e.label_ == "MONEY"
    ]


def test_component_sets_span_attributes(nlp):
    doc = nlp("Kontrak senilai sekitar Rp 1,5 triliun diteken, harga solar Rp 5.150 per liter.")
    assert money_ents(doc) == [
        ("Rp 1,5 triliun", Decimal("1500000000000"), None, "IDR", "1500000000000 IDR", None, "sekitar"),
        ("Rp 5.150", Decimal("5150"), None, "IDR", "5150 IDR", "liter", None),
    ]


def test_component_range(nlp):
    doc = nlp("Biayanya Rp 4-5 juta.")
    assert money_ents(doc) == [
        ("Rp 4-5 juta", Decimal("4000000"), Decimal("5000000"), "IDR", "4000000-5000000 IDR", None, None)
    ]


@pytest.mark.parametrize(
    "text,span",
    [
        ("Kupon 20Rp.", "20Rp"),
        ("Tiket HK$10 saja.", "HK$10"),
        ("Kopi 10$/gelas.", "10$"),
        ("Ada IDR33000.", "IDR33000"),
    ],
)
def test_component_glued_tokens(nlp, text, span):
    doc = nlp(text)
    [ent] = doc.ents
    assert ent.text == span
    assert text[ent.start_char : ent.end_char] == ent.text


def test_component_keeps_other_entities(nlp):
    doc = nlp("Bank Indonesia mencatat Rp 10 triliun.")
    doc.ents = []
    from spacy.tokens import Span

    bi = Span(doc, 0, 2, label="ORG")
    doc.ents = [bi]
    doc = nlp.get_pipe("factx_money")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Bank Indonesia", "ORG"), ("Rp 10 triliun", "MONEY")]


def test_component_no_money(nlp):
    doc = nlp("Sebanyak 347 proyek diteken sejak 2015, naik 5 persen.")
    assert money_ents(doc) == []


def test_sample_article_money():
    """Through factx.load(): the sample's two amounts and nothing else."""
    from pathlib import Path

    import factx

    text = (Path(__file__).resolve().parent.parent / "samples" / "chongqing-singapura.txt").read_text(encoding="utf-8")
    doc = factx.load()(text)
    found = [(e.text, e._.amount, e._.currency) for e in doc.ents if e.label_ == "MONEY"]
    assert found == [("$26 miliar", Decimal("26000000000"), "USD"), ("$10,8 juta", Decimal("10800000"), "USD")]
    for e in doc.ents:
        if e.label_ == "MONEY":
            assert text[e.start_char : e.end_char] == e.text


def test_component_split_keeps_a_parse(nlp):
    from spacy.tokens import Doc

    words, spaces = ["Kopi", "10$/gelas", "enak", "."], [True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=[2, 2, 2, 2], deps=["nsubj", "obj", "ROOT", "punct"])
    doc = nlp.get_pipe("factx_money")(doc)
    assert [(t.text, t.head.text, t.dep_) for t in doc] == [
        ("Kopi", "enak", "nsubj"),
        ("10$", "enak", "obj"),
        ("/gelas", "10$", "dep"),
        ("enak", "enak", "ROOT"),
        (".", "enak", "punct"),
    ]
    assert [(e.text, e._.value, e._.unit) for e in doc.ents] == [("10$", "10 USD", "gelas")]
