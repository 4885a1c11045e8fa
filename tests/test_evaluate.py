"""factx.evaluate and `factx evaluate`: exact-span P/R/F against annotated files, in every input format.

The pipeline scored here is a tiny rule-based one saved to disk (an entity ruler with known mistakes), so the
expected figures can be worked out by hand.
"""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from factx.cli import app
from factx.corpora import read_docs
from factx.evaluate import evaluate

# Gold: Budi PER, Jakarta LOC, Bank Mandiri ORG (sentence 1); Sari PER, Bandung LOC (sentence 2).
IOB = """Budi\tB-PERSON
pindah\tO
ke\tO
Jakarta\tB-LOCATION
dan\tO
bekerja\tO
di\tO
Bank\tB-ORGANIZATION
Mandiri\tI-ORGANIZATION
.\tO

Sari\tB-PPL
tinggal\tO
di\tO
Bandung\tB-PLC
sejak\tO
Senin\tB-TIME
.\tO
"""
# The same sentences as CoNLL-U with the entities in MISC.
CONLLU = """# text = Budi pindah ke Jakarta dan bekerja di Bank Mandiri.
1\tBudi\t_\tPROPN\t_\t_\t_\t_\t_\tNE=B-PER
2\tpindah\t_\tVERB\t_\t_\t_\t_\t_\tNE=O
3\tke\t_\tADP\t_\t_\t_\t_\t_\tNE=O
4\tJakarta\t_\tPROPN\t_\t_\t_\t_\t_\tNE=B-LOC
5\tdan\t_\tCCONJ\t_\t_\t_\t_\t_\tNE=O
6\tbekerja\t_\tVERB\t_\t_\t_\t_\t_\tNE=O
7\tdi\t_\tADP\t_\t_\t_\t_\t_\tNE=O
8\tBank\t_\tPROPN\t_\t_\t_\t_\t_\tNE=B-ORG
9\tMandiri\t_\tPROPN\t_\t_\t_\t_\t_\tNE=I-ORG|SpaceAfter=No
10\t.\t_\tPUNCT\t_\t_\t_\t_\t_\tNE=O

# text = Sari tinggal di Bandung sejak Senin.
1\tSari\t_\tPROPN\t_\t_\t_\t_\t_\tNE=B-PER
2\ttinggal\t_\tVERB\t_\t_\t_\t_\t_\tNE=O
3\tdi\t_\tADP\t_\t_\t_\t_\t_\tNE=O
4\tBandung\t_\tPROPN\t_\t_\t_\t_\t_\tNE=B-LOC
5\tsejak\t_\tADP\t_\t_\t_\t_\t_\tNE=O
6\tSenin\t_\tPROPN\t_\t_\t_\t_\t_\tNE=O|SpaceAfter=No
7\t.\t_\tPUNCT\t_\t_\t_\t_\t_\tNE=O

"""
# The ruler finds Budi, Sari (PER, right), Bank Mandiri (ORG, right), calls Jakarta ORG (wrong), misses Bandung,
# and tags "Senin" as EVENT, a label the data does not annotate (so it is not scored).
PATTERNS = [
    {"label": "PER", "pattern": "Budi"},
    {"label": "PER", "pattern": "Sari"},
    {"label": "ORG", "pattern": "Bank Mandiri"},
    {"label": "ORG", "pattern": "Jakarta"},
    {"label": "EVENT", "pattern": "Senin"},
]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    path = tmp_path_factory.mktemp("model") / "ruler"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    (folder / "dev.tsv").write_text(IOB, encoding="utf-8")
    (folder / "dev.conllu").write_text(CONLLU, encoding="utf-8")
    nlp = spacy.blank("id")
    docbin = DocBin(docs=read_docs(folder / "dev.tsv", nlp.vocab))
    docbin.to_disk(folder / "dev.spacy")
    return folder


EXPECTED_LABELS = {
    "LOC": {"p": 0.0, "r": 0.0, "f": 0.0, "support": 2},
    "ORG": {"p": 0.5, "r": 1.0, "f": 0.6667, "support": 1},
    "PER": {"p": 1.0, "r": 1.0, "f": 1.0, "support": 2},
}
# tp = Budi, Sari, Bank Mandiri; fp = Jakarta/ORG; fn = Jakarta/LOC, Bandung.
EXPECTED_OVERALL = {"p": 0.75, "r": 0.6, "f": 0.6667}


@pytest.mark.parametrize("name", ["dev.tsv", "dev.conllu", "dev.spacy"])
def test_scores_each_format(model, data, name):
    scores = evaluate(data / name, model)
    assert scores["labels"] == EXPECTED_LABELS
    assert scores["overall"] == EXPECTED_OVERALL
    assert scores["core"] == EXPECTED_OVERALL
    assert scores["words"] == 17


def test_folder_scores_every_file(model, data):
    scores = evaluate(data, model)
    assert {label: row["support"] for label, row in scores["labels"].items()} == {"LOC": 6, "ORG": 3, "PER": 6}
    assert scores["overall"] == EXPECTED_OVERALL


def test_perfect_model_scores_one(tmp_path, data):
    nlp = spacy.blank("id")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PER", "pattern": "Budi"}, {"label": "PER", "pattern": "Sari"},
         {"label": "LOC", "pattern": "Jakarta"}, {"label": "LOC", "pattern": "Bandung"},
         {"label": "ORG", "pattern": "Bank Mandiri"}]
    )
    nlp.to_disk(tmp_path / "perfect")
    assert evaluate(data / "dev.tsv", tmp_path / "perfect")["overall"] == {"p": 1.0, "r": 1.0, "f": 1.0}


@pytest.mark.parametrize(
    "name,content,error",
    [
        ("dev.txt", "Budi\tB-PER\n", "cannot tell the format"),
        ("plain.conllu", "1\tBudi\t_\tPROPN\t_\t_\t_\t_\t_\t_\n\n", "no entity annotation"),
        ("broken.tsv", "Budi\n", "expected 'token<TAB>tag'"),
    ],
)
def test_bad_data(model, tmp_path, name, content, error):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        evaluate(tmp_path / name, model)


def test_missing_data(model, tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path / "nothing.tsv", model)


runner = CliRunner()


def test_cli_json(model, data):
    result = runner.invoke(app, ["evaluate", str(data / "dev.tsv"), "--model", str(model), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["labels"] == EXPECTED_LABELS and scores["overall"] == EXPECTED_OVERALL


def test_cli_table(model, data):
    result = runner.invoke(app, ["evaluate", str(data / "dev.tsv"), "--model", str(model)])
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
            for line in result.stdout.splitlines() if line.count("│") == 6}
    assert rows["ORG"] == ["0.500", "1.000", "0.667", "1"]
    assert rows["LOC"] == ["0.000", "0.000", "0.000", "2"]
    assert rows["overall"] == ["0.750", "0.600", "0.667", ""]


@pytest.mark.parametrize(
    "args,message",
    [
        (["evaluate", "nowhere.tsv"], "no such file"),
        (["evaluate", "x.tsv", "--model", "not-a-model"], "not a spaCy pipeline directory"),
    ],
)
def test_cli_errors(tmp_path, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
