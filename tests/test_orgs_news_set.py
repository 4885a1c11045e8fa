"""The hand-annotated ORG news set (benchmarks/orgs_news/) is well-formed; the model is not run here.

Every article has its annotation, every span's offsets give its text exactly, values are non-empty, spans do not
overlap, and each article is 150-400 words with a reference date (README.md there holds the guideline).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "orgs_news"
ARTICLES = sorted(SET.glob("*.txt"))


def test_the_set_is_large_enough():
    assert len(ARTICLES) >= 16
    assert sorted(SET.glob("*.json")) == [path.with_suffix(".json") for path in ARTICLES]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_annotation_is_well_formed(path):
    text = path.read_text(encoding="utf-8")
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(spec) <= {"ref_date", "orgs", "not_orgs"}
    assert dt.date.fromisoformat(spec["ref_date"]).year in (2019, 2025)
    assert 150 <= len(text.split()) <= 400
    assert spec["orgs"], "an article without organisations tests nothing"
    previous_end = 0
    for org in spec["orgs"]:
        assert set(org) == {"start", "end", "text", "value"}
        assert text[org["start"] : org["end"]] == org["text"]
        assert org["text"] == org["text"].strip() and org["text"]
        assert org["value"].strip() and org["value"] == " ".join(org["value"].split())
        assert org["start"] >= previous_end, f"{org['text']!r} overlaps the span before it or is out of order"
        previous_end = org["end"]
    assert all(isinstance(note, str) and note for note in spec.get("not_orgs", []))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_every_mention_of_an_annotated_name_is_annotated(path):
    """Exhaustiveness: a name annotated once is annotated wherever it stands as a whole word (a missed repeat
    would count a right prediction as a false positive)."""
    text = path.read_text(encoding="utf-8")
    spec = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    spans = [(org["start"], org["end"]) for org in spec["orgs"]]
    for name in {org["text"] for org in spec["orgs"]}:
        for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            inside = any(s <= match.start() and match.end() <= e for s, e in spans)
            assert inside, f"{name!r} at {match.start()} is not inside an annotated span"


def test_a_name_has_one_value_across_the_set():
    """The same written name gets the same canonical value in every article; only a bare back-reference
    ("Pemkab" for the regency named before it) may differ."""
    back_references = {"Pemprov", "Pemkot", "Pemkab"}
    values: dict[str, set[str]] = {}
    for path in ARTICLES:
        for org in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["orgs"]:
            values.setdefault(org["text"], set()).add(org["value"])
    clashes = {text: found for text, found in values.items() if len(found) > 1 and text not in back_references}
    assert not clashes
