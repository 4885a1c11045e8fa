from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner
from spacy.language import Language

import factx
import factx.api
from factx.dates import YEAR_SOURCES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "chongqing-singapura.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full factx pipeline, loaded once for the whole test session."""
    return factx.load()


@pytest.fixture
def runner():
    """Typer's test runner for the CLI tests (stdout and stderr apart)."""
    return CliRunner()


@pytest.fixture
def cli_nlp(nlp, monkeypatch):
    """Make the CLI reuse the session pipeline instead of loading it on every invocation."""
    monkeypatch.setattr(factx.api, "load", lambda model=None, **kw: nlp)
    return nlp


@Language.component("test_boom")
def boom(doc):
    """A component that fails on any document holding "BOOM" (for the tests of a document that raises)."""
    if "BOOM" in doc.text:
        raise RuntimeError("boom in a component")
    return doc


@pytest.fixture
def boom_nlp(cli_nlp):
    """The session pipeline, with a last component that raises on documents holding "BOOM"."""
    cli_nlp.add_pipe("test_boom", last=True)
    yield cli_nlp
    cli_nlp.remove_pipe("test_boom")


def check_mention(record: dict, source: str) -> None:
    """Every mention record satisfies the record contract."""
    assert list(record)[:7] == ["doc", "type", "text", "start", "end", "value", "sentence"]
    assert record["type"] in {"DATE", "DURATION", "MONEY", "ORG", "PER", "LOC", "EVENT"}
    assert source[record["start"] : record["end"]] == record["text"]
    assert isinstance(record["sentence"], int) and record["sentence"] >= 0
    assert record["value"] is None or isinstance(record["value"], str)
    if record["type"] == "MONEY":
        assert isinstance(record["amount"], (int, float))
        assert record["amount_max"] is None or record["amount_max"] >= record["amount"]
        assert isinstance(record["currency"], str) and len(record["currency"]) == 3
    else:
        assert "amount" not in record
    if record["type"] == "DATE":
        assert record["year_source"] is None or record["year_source"] in YEAR_SOURCES
        assert (record["year_source"] is None) == (record["value"] is None or not record["value"][:4].isdigit())
    else:
        assert "year_source" not in record


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
