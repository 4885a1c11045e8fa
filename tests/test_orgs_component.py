"""factx.orgs.component: the component as a whole: entity edges and values.

Each case gives the component a Doc whose entities are set by hand (as a model might have left them) and checks the
entities after ``factx_orgs``; see :mod:`tests.orgs_cases`."""

from __future__ import annotations

import json

import pytest

from .conftest import SAMPLE, SHARED
from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (  # entities do not end in a line break
        "Jembatan Merah\nWarga Surabaya berkumpul di sana.",
        [("Jembatan Merah\n", "LOC"), ("Surabaya", "LOC")],
        [("Jembatan Merah", "LOC", None), ("Surabaya", "LOC", None)],
    ),
    (  # no definition: the value is the text, whitespace normalised
        "Menurut Komisi\nPemilihan Umum hasilnya sah.",
        [("Komisi\nPemilihan Umum", "ORG")],
        [("Komisi\nPemilihan Umum", "ORG", "Komisi Pemilihan Umum")],
    ),
]


@pytest.mark.parametrize("text,ents,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_rules(blank, text, ents, expected):
    assert run(blank, text, ents) == expected


SPEC = SHARED / "samples" / "chongqing-singapura.expected.json"


@pytest.fixture(scope="module")
def sample_orgs(nlp):
    if "ner" not in nlp.pipe_names:
        pytest.skip("no NER model shipped")
    return nlp(SAMPLE.read_text(encoding="utf-8"))


def test_sample_organisations(sample_orgs):
    if not SPEC.is_file():
        pytest.skip(f"{SPEC} not present")
    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    orgs = {ent.text for ent in sample_orgs.ents if ent.label_ == "ORG"}
    assert set(spec["orgs"]) <= orgs
    assert not orgs & set(spec["not_orgs"])


def test_sample_acronym_values(sample_orgs):
    values = {ent.text: ent._.value for ent in sample_orgs.ents if ent.label_ == "ORG"}
    assert values["SFA"] == "Otoritas Pangan Singapura"
    assert values["SCCCI"] == "Kamar Dagang dan Industri Tionghoa Singapura"
    assert all(value for value in values.values())
