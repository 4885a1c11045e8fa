"""factx.spans: merging rule spans into doc.ents, and the text kept by factx's tokenizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from factx.spans import TEXT_KEY, doc_text, merge_ents
from factx.tokenizer import TOKENIZER_CONFIG

WORDS = "PT Bank Mandiri ( Persero ) Tbk membuka kantor di Jakarta Selatan pada Senin pagi".split()


def ents(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


# (entities before, spans added, entities after): the new spans win, an old entity they overlap goes whole
CASES = [
    ([], [], []),
    ([], [(0, 3, "ORG")], [(0, 3, "ORG")]),
    ([(1, 3, "ORG")], [(0, 7, "ORG")], [(0, 7, "ORG")]),  # widened over the legal form
    ([(0, 7, "ORG")], [(1, 3, "ORG")], [(1, 3, "ORG")]),  # the old one is dropped whole, not cut
    ([(10, 12, "LOC")], [(11, 12, "LOC")], [(11, 12, "LOC")]),
    ([(10, 12, "LOC"), (13, 15, "DATE")], [(11, 14, "ORG")], [(11, 14, "ORG")]),  # overlaps both
    ([(10, 12, "LOC"), (13, 15, "DATE")], [(12, 14, "ORG")], [(10, 12, "LOC"), (12, 14, "ORG")]),  # touches one
    ([(0, 3, "ORG"), (10, 12, "LOC")], [(13, 15, "DATE")], [(0, 3, "ORG"), (10, 12, "LOC"), (13, 15, "DATE")]),
    ([(0, 12, "ORG")], [(1, 3, "PER"), (10, 12, "LOC")], [(1, 3, "PER"), (10, 12, "LOC")]),
    ([(0, 3, "ORG")], [(0, 3, "LOC")], [(0, 3, "LOC")]),  # same tokens, new label
    ([], [(0, 3, "ORG"), (1, 7, "ORG")], [(1, 7, "ORG")]),  # among the new ones the longest wins
    ([(2, 3, "ORG"), (4, 5, "ORG")], [(0, 7, "ORG")], [(0, 7, "ORG")]),
    ([(13, 15, "DATE")], [(14, 15, "DATE")], [(14, 15, "DATE")]),  # at the end of the doc
]


@pytest.mark.parametrize("before,added,after", CASES)
def test_merge_ents(before, added, after):
    doc = spacy.blank("id").make_doc(" ".join(WORDS))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in before]
    changed = merge_ents(doc, [Span(doc, s, e, label=label) for s, e, label in added])
    assert changed == bool(added)
    assert ents(doc) == after
    # the token annotation is consistent: every entity token is B or I, everything else O
    inside = {i for s, e, _ in after for i in range(s, e)}
    for token in doc:
        assert token.ent_iob_ == ("B" if any(token.i == s for s, _, _ in after) else "I" if token.i in inside else "O")


def test_merge_ents_keeps_kb_id_of_untouched_entities():
    doc = spacy.blank("id").make_doc(" ".join(WORDS))
    doc.ents = [Span(doc, 0, 3, label="ORG", kb_id="Q1"), Span(doc, 10, 12, label="LOC")]
    merge_ents(doc, [Span(doc, 11, 12, label="LOC")])
    assert [(e.start, e.end, e.kb_id_) for e in doc.ents] == [(0, 3, "Q1"), (11, 12, "")]


@pytest.mark.parametrize("text", ["", " ", "Jakarta, Senin (15/3/2025) -- PT A Tbk.\n\n  naik 5%  ", "a\tb\r\nc  "])
def test_tokenizer_keeps_text(text):
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    doc = nlp.make_doc(text)
    assert doc.user_data[TEXT_KEY] == text == doc.text
    assert [d.user_data[TEXT_KEY] for d in nlp.pipe([text, text + "x"])] == [text, text + "x"]


def test_doc_text_without_factx_tokenizer():
    doc = spacy.blank("en").make_doc("Any  text, any tokenizer.")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "Any  text, any tokenizer."
    with doc.retokenize() as retokenizer:  # the text does not change when tokens are merged
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text


def test_token_table_is_shared_and_read_again_after_a_split():
    from factx.spans import forget_tokens, token_table

    doc = spacy.blank("id").make_doc("Harga naik 10$/gelas di Jakarta")
    table = token_table(doc)
    assert table is token_table(doc)  # read once
    assert table.text == [t.text for t in doc] and table.lower == [t.lower_ for t in doc]
    with doc.retokenize() as retokenizer:
        retokenizer.split(doc[2], ["10$", "/gelas"], heads=[doc[2], doc[2]])
    assert token_table(doc).text == [t.text for t in doc]  # the token count changed: read again
    forget_tokens(doc)
    assert token_table(doc) is not table


def test_money_split_leaves_fresh_token_texts(nlp):
    doc = nlp("Kopi dijual 10$/gelas oleh PT Kopi Kita di Jakarta pada Senin.")
    from factx.spans import token_table

    assert token_table(doc).text == [t.text for t in doc]


@pytest.mark.parametrize("text", [
    "Satu kalimat saja",
    "PT A naik. PT B turun! Apa kabar? Ya.",
    "Judul Berita\n\nJakarta, Senin (4/2/2015) - Harga naik 5%. Bank Indonesia menahan suku bunga.\n",
    ".",
])
def test_sentence_bounds_are_doc_sents(nlp, text):
    from factx.spans import sentence_bounds, token_table

    doc = nlp(text)
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    assert token_table(doc).sentence_chars(doc) == [s.start_char for s in doc.sents]


def test_sentence_bounds_without_sentences():
    from factx.spans import sentence_bounds, token_table

    doc = spacy.blank("id").make_doc("Tanpa pemisah kalimat. Sama sekali.")
    assert sentence_bounds(doc) == [(0, len(doc))]
    empty = spacy.blank("id").make_doc("")
    assert sentence_bounds(empty) == [] and token_table(empty).sentence_chars(empty) == [0]


@pytest.mark.parametrize("before,added,after", CASES)
def test_merge_ents_into_returns_what_doc_ents_gives(before, added, after):
    from factx.spans import merge_ents_into

    doc = spacy.blank("id").make_doc(" ".join(WORDS))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in before]
    merged = merge_ents_into(doc, list(doc.ents), [Span(doc, s, e, label=label) for s, e, label in added])
    assert [(e.start, e.end, e.label_) for e in merged] == ents(doc) == after
