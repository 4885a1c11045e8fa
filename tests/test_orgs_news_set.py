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


def _benchmark():
    """benchmarks/orgs_news.py as a module (importing it loads no model)."""
    import importlib.util
    import sys

    if "orgs_news_benchmark" not in sys.modules:
        spec = importlib.util.spec_from_file_location("orgs_news_benchmark", SET.parent / "orgs_news.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules["orgs_news_benchmark"]


def test_the_benchmark_reads_the_set():
    articles = _benchmark().read_set(SET)
    assert [article.name for article in articles] == [path.stem for path in ARTICLES]
    assert all(article.gold for article in articles)


@pytest.mark.parametrize(
    "org, complaint",
    [
        ({"start": 0, "end": 2, "text": "Bank Indonesia", "value": "Bank Indonesia"}, "!= text[0:2] 'BI'"),
        ({"start": 3, "end": 5, "text": "BI", "value": "Bank Indonesia"}, "!= text[3:5] 'me'"),
        ({"start": 0, "end": 2, "text": "BI", "value": " "}, "empty value"),
    ],
)
def test_the_benchmark_stops_on_a_bad_annotation(tmp_path, capsys, org, complaint):
    (tmp_path / "01-x.txt").write_text("BI menahan suku bunga.", encoding="utf-8")
    (tmp_path / "01-x.json").write_text(json.dumps({"ref_date": "2025-01-01", "orgs": [org]}), encoding="utf-8")
    benchmark = _benchmark()
    with pytest.raises(ValueError, match=re.escape(complaint)):
        benchmark.read_set(tmp_path)
    assert benchmark.main(["--set", str(tmp_path)]) == 1
    assert "01-x.json" in capsys.readouterr().err
