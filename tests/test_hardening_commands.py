"""Issue 17 on the commands that came with the house (``orgs``, ``report``, ``-o facts.sqlite``): the shared helpers
of factx.cli and factx.cli_run give them the same safe output (umask / kept mode, no temporary file left), the same
warning naming the file and line of a document that fails (exit 1, the rest goes on) and ``--stdin-format``; a long
document read piece by piece is one row of the SQLite ``documents`` table."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest
from typer.testing import CliRunner

import factx.pieces
import factx.readers
from factx.cli import app

from .conftest import read_jsonl

GOOD = "Pada 15 Desember 2025, PT Pertamina meneken kontrak senilai Rp 1,5 triliun dengan Bank Mandiri di Jakarta."


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [{"id": "a", "text": GOOD}, {"id": "b", "text": "BOOM " + GOOD}, {"id": "c", "text": GOOD}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_orgs_warns_about_a_failing_document_and_goes_on(boom_nlp, corpus, tmp_path, jobs):
    target = tmp_path / "orgs.jsonl"
    result = CliRunner().invoke(app, ["orgs", str(corpus), "-o", str(target), "--jobs", jobs])
    assert result.exit_code == 1
    assert f"warning: {corpus}:2 (document {corpus}:b): RuntimeError: boom in a component; document skipped" in (
        result.stderr)
    assert "Traceback" not in result.stderr
    rows = read_jsonl(target.read_text(encoding="utf-8"))
    pertamina = next(row for row in rows if "Pertamina" in row["name"])
    assert pertamina["documents"] == 2  # a and c; b was skipped
    assert "factx: 3 documents" in result.stderr and "1 skipped input" in result.stderr


def test_report_warns_about_a_failing_document_and_writes_the_page(boom_nlp, corpus, tmp_path):
    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(corpus), "-o", str(target)])
    assert result.exit_code == 1
    assert f"warning: {corpus}:2 (document {corpus}:b): RuntimeError: boom in a component" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("command,name", [("orgs", "orgs.csv"), ("report", "report.html"),
                                          ("extract", "facts.sqlite")])
def test_every_command_writes_with_the_umask_and_keeps_an_existing_mode(cli_nlp, tmp_path, command, name):
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    target = tmp_path / name
    old = os.umask(0o022)
    try:
        first = CliRunner().invoke(app, [command, str(source), "-o", str(target), "-q"])
        assert first.exit_code == 0, first.output
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        os.umask(0o077)
        again = CliRunner().invoke(app, [command, str(source), "-o", str(target), "-q"])
    finally:
        os.umask(old)
    assert again.exit_code == 0, again.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", name])  # no temporary file left


def test_orgs_reads_jsonl_from_stdin(cli_nlp):
    data = json.dumps({"id": "x", "text": GOOD}) + "\n"
    result = CliRunner().invoke(app, ["orgs", "-", "-f", "jsonl", "--stdin-format", "jsonl", "-q"], input=data)
    assert result.exit_code == 0, result.output
    assert any("Pertamina" in row["name"] for row in read_jsonl(result.stdout))


def test_a_long_document_is_one_row_of_the_sqlite_documents_table(cli_nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(factx.pieces, "PIECE_CHARS", 2000)
    monkeypatch.setattr(factx.readers, "LARGE_FILE_BYTES", 4096)
    text = (GOOD + " ") * 60  # about 7,000 characters: four pieces
    source = tmp_path / "panjang.txt"
    source.write_text(text, encoding="utf-8")
    database = tmp_path / "facts.sqlite"
    result = CliRunner().invoke(app, ["extract", str(source), "-o", str(database), "-q"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as db:
        documents = db.execute("SELECT doc, mentions FROM documents").fetchall()
        rows = db.execute("SELECT doc, type, text, start, \"end\", value FROM mentions").fetchall()
        linked = db.execute("SELECT COUNT(DISTINCT document_id) FROM mentions").fetchone()[0]
    assert documents == [(str(source), len(rows))] and linked == 1
    assert sum(row[1] == "MONEY" for row in rows) == 60
    assert all(doc == str(source) and text[start:end] == mention for doc, _, mention, start, end, _ in rows)
