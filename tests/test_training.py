"""Corpus conversion for training: label map, IOB repair, NERP re-casing, headline augmentation, DocBin output.

Uses a tiny data folder written here (own sentences), laid out like ../shared/data.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from factx.corpora import Sentence, map_tag, read_iob, repair_iob

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

import convert  # noqa: E402


@pytest.mark.parametrize(
    "tag,mapped",
    [
        ("B-ORGANIZATION", "B-ORG"), ("I-ORGANISATION", "I-ORG"), ("B-IND", "B-ORG"), ("B-PERSON", "B-PER"),
        ("I-PPL", "I-PER"), ("B-LOCATION", "B-LOC"), ("B-PLACE", "B-LOC"), ("I-PLC", "I-LOC"),
        ("B-EVT", "B-EVENT"), ("B-TIME", "O"), ("I-QUANTITY", "O"), ("B-FNB", "O"), ("O", "O"), ("", "O"),
        ("X-PERSON", "O"),
    ],
)
def test_label_map(tag, mapped):
    assert map_tag(tag) == mapped


@pytest.mark.parametrize(
    "tags,fixed",
    [
        (["O", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
        (["B-ORG", "I-LOC"], ["B-ORG", "B-LOC"]),
        (["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "O"]),
    ],
)
def test_repair_iob(tags, fixed):
    assert repair_iob(tags) == fixed


CASED_TRAIN = """Rina\tB-PERSON
bertemu\tO
direksi\tO
PT\tB-ORGANIZATION
Kereta\tI-ORGANIZATION
Api\tI-ORGANIZATION
di\tO
Semarang\tB-LOCATION
.\tO

Menurut\tO
Rina\tB-PERSON
,\tO
Semarang\tB-LOCATION
siap\tO
sejak\tO
Senin\tB-TIME
.\tO
"""
NERP_TRAIN = """festival\tB-EVT
lampion\tI-EVT
semarang\tI-EVT
dibuka\tO
rina\tB-PPL
.\tO

pt\tB-IND
kereta\tI-IND
api\tI-IND
menambah\tO
gerbong\tO
.\tO
"""


@pytest.fixture
def data(tmp_path):
    for corpus in convert.CASED:
        folder = tmp_path / "ner" / corpus
        folder.mkdir(parents=True)
        (folder / "train.tsv").write_text(CASED_TRAIN, encoding="utf-8")
        (folder / "dev.tsv").write_text(CASED_TRAIN, encoding="utf-8")
    (tmp_path / "ner" / "nerp").mkdir()
    (tmp_path / "ner" / "nerp" / "train.tsv").write_text(NERP_TRAIN, encoding="utf-8")
    (tmp_path / "ner" / "nerp" / "dev.tsv").write_text(NERP_TRAIN, encoding="utf-8")
    return tmp_path


def test_truecase(data):
    table = convert.casing_table(read_iob(data / "ner" / "nerui" / "train.tsv"), None)
    sentences = list(read_iob(data / "ner" / "nerp" / "train.tsv"))
    # Known words take their cased form (entity words their capitalised one); unknown entity words Title Case.
    assert convert.truecase(sentences[0], table).words == ["Festival", "Lampion", "Semarang", "dibuka", "Rina", "."]
    assert convert.truecase(sentences[1], table).words == ["PT", "Kereta", "Api", "menambah", "gerbong", "."]


def test_truecase_keeps_rare_capitals_outside_entities_lower():
    table = convert.casing_table([Sentence(["di", "Tengah", "kota"], ["O"] * 3)], None)
    assert convert.truecase(Sentence(["pusat", "tengah", "kota"], ["O"] * 3), table).words == ["Pusat", "tengah", "kota"]


def test_titlecase():
    sentence = Sentence(["Rina", "bertemu", "direksi", "di", "Semarang", "."], ["B-PER", "O", "O", "O", "B-LOC", "O"])
    assert convert.titlecase(sentence).words == ["Rina", "Bertemu", "Direksi", "di", "Semarang", "."]
    assert convert.titlecase(sentence).tags == sentence.tags


def labels(path: Path) -> Counter:
    nlp = spacy.blank("id")
    return Counter(ent.label_ for doc in DocBin().from_disk(path).get_docs(nlp.vocab) for ent in doc.ents)


@pytest.mark.parametrize(
    "mode,expected",
    [
        (convert.NerpMode.none, {"PER": 6, "ORG": 3, "LOC": 6}),
        (convert.NerpMode.events, {"PER": 7, "ORG": 3, "LOC": 6, "EVENT": 1}),
        (convert.NerpMode.all, {"PER": 7, "ORG": 4, "LOC": 6, "EVENT": 1}),
    ],
)
def test_convert(data, tmp_path, mode, expected):
    out = tmp_path / "corpus"
    summary = convert.convert(data, out, mode, 0.0, seed=1)
    assert labels(out / "train.spacy") == expected
    assert labels(out / "dev.spacy") == {"PER": 6, "ORG": 3, "LOC": 6}
    assert summary["train"]["nerui"] == 2


def test_convert_titlecase_adds_copies(data, tmp_path):
    summary = convert.convert(data, tmp_path / "corpus", convert.NerpMode.none, 1.0, seed=1)
    assert summary["train"]["titlecase"] == 6
    assert labels(tmp_path / "corpus" / "train.spacy")["PER"] == 12


def test_converters_table(data):
    assert set(convert.CONVERTERS) == {"iob", "conllu"}
    sentences = list(convert.CONVERTERS["iob"](data / "ner" / "nerui" / "train.tsv"))
    assert sentences[1].tags == ["O", "B-PER", "O", "B-LOC", "O", "O", "O", "O"]  # TIME dropped


MODEL = ROOT / "models" / "id_factx_news"


@pytest.fixture(scope="module")
def shipped_meta():
    if not (MODEL / "meta.json").is_file():
        pytest.skip("no model shipped")
    import json

    return json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))


def test_shipped_model_records_how_it_was_made(shipped_meta):
    info = shipped_meta["factx_training"]
    assert info["command"].startswith("python training/train.py")
    assert info["data"] and isinstance(info["seed"], int)
    assert set(shipped_meta["labels"]["ner"]) == {"ORG", "PER", "LOC", "EVENT"}
    for corpus in ("nerui", "nerugm", "nergrit"):
        scores = info["dev"][corpus]
        assert set(scores["labels"]) == {"ORG", "PER", "LOC"}
        assert 0.5 < scores["core"]["f"] <= 1.0


def test_shipped_model_size():
    if not MODEL.is_dir():
        pytest.skip("no model shipped")
    size = sum(path.stat().st_size for path in MODEL.rglob("*") if path.is_file())
    assert size < 60_000_000
