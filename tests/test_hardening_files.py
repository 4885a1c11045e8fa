"""Issue 17, items 3-6: output files others can read, inputs no longer dropped, SIGTERM, write errors, the terminal
table, the progress bar, spreadsheets and pandas. Through the CLI (CliRunner, or a subprocess for signals)."""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import factx.safe_output
from factx import cli
from factx.cli import app
from factx.readers import Reader
from factx.writers import Format

from .conftest import ROOT, check_mention, read_jsonl

TEXT = "Pada 15 Desember 2025, PT Pertamina meneken kontrak senilai Rp 1,5 triliun di Jakarta.\n"


def run(runner, *args, input=None):
    return runner.invoke(app, ["extract", *map(str, args)], input=input)


def texts(records):
    return {(r["type"], r["text"]) for r in records}


# --- item 3: file modes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_file_gets_the_umask_mode(runner, cli_nlp, tmp_path, umask, mode):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    old = os.umask(umask)
    try:
        result = run(runner, source, "-o", target, "-q")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert ("MONEY", "Rp 1,5 triliun") in texts(read_jsonl(target.read_text(encoding="utf-8")))


def test_an_existing_output_file_keeps_its_mode(runner, cli_nlp, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    old = os.umask(0o077)
    try:
        result = run(runner, source, "-o", target, "-q")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert "old" not in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- item 4: inputs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf16_and_utf32_text_files_are_read_by_their_bom(runner, cli_nlp, tmp_path, codec, bom):
    path = tmp_path / "berita.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    result = run(runner, path, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert "binary" not in result.stderr and "warning" not in result.stderr
    records = read_jsonl(result.stdout)
    assert ("MONEY", "Rp 1,5 triliun") in texts(records)
    for record in records:
        check_mention(record, TEXT)
        assert record["doc"] == str(path)


def test_utf16_jsonl_is_read_line_by_line(runner, cli_nlp, tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT}), json.dumps({"id": "b", "text": "Rp 5 juta pada 2020."})]
    path.write_bytes(codecs.BOM_UTF16_LE + "\n".join(lines).encode("utf-16-le"))
    result = run(runner, path, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    assert {r["doc"] for r in records} == {f"{path}:a", f"{path}:b"}
    assert ("MONEY", "Rp 5 juta") in texts(records)


def test_a_symlinked_subfolder_is_followed_once_despite_a_loop(runner, cli_nlp, tmp_path):
    real = tmp_path / "arsip"
    real.mkdir()
    (real / "berita.txt").write_text(TEXT, encoding="utf-8")
    (real / "loop").symlink_to(tmp_path)  # a loop back to the top
    top = tmp_path / "corpus"
    top.mkdir()
    (top / "lain.txt").write_text("Rp 5 juta pada 2020.", encoding="utf-8")
    (top / "tautan").symlink_to(real)
    result = run(runner, top, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    assert {r["doc"] for r in records} == {str(top / "lain.txt"), str(top / "tautan" / "berita.txt")}
    keys = [(r["doc"], r["type"], r["start"]) for r in records]
    assert len(keys) == len(set(keys))  # the file behind the loop was read once
    assert "factx: 2 documents" in result.stderr


@pytest.mark.parametrize("extra", [[], ["--glob", "*.md"]])
def test_a_folder_matching_nothing_warns_and_exits_1(runner, cli_nlp, tmp_path, extra):
    folder = tmp_path / "kosong"
    folder.mkdir()
    (folder / "catatan.doc").write_text(TEXT, encoding="utf-8")
    result = run(runner, folder, "-f", "jsonl", *extra)
    assert result.exit_code == 1
    assert f"warning: {folder}: no files matching" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("options", [[], ["--stdin-format", "jsonl"]])
def test_jsonl_on_stdin_is_read_as_jsonl(runner, cli_nlp, options):
    first = json.dumps({"id": "x1", "text": TEXT, "date": "2025-12-16"})
    data = first + "\n" + json.dumps({"id": "x2", "text": "Rp 5 juta."})
    result = run(runner, "-", "-f", "jsonl", *options, input=data)
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    assert {r["doc"] for r in records} == {"-:x1", "-:x2"}
    for record in (r for r in records if r["doc"] == "-:x1"):
        check_mention(record, TEXT)


def test_stdin_text_that_starts_like_json_stays_text(runner, cli_nlp):
    data = "{catatan redaksi} " + TEXT
    auto = run(runner, "-", "-f", "jsonl", input=data)
    assert auto.exit_code == 0
    assert {r["doc"] for r in read_jsonl(auto.stdout)} == {"-"}
    forced = run(runner, "-", "-f", "jsonl", "--stdin-format", "text", input=json.dumps({"text": TEXT}))
    assert {r["doc"] for r in read_jsonl(forced.stdout)} == {"-"}


def test_malformed_jsonl_on_stdin_names_the_line(runner, cli_nlp):
    data = json.dumps({"text": TEXT}) + "\n{rusak\n"
    result = run(runner, "-", "-f", "jsonl", "--stdin-format", "jsonl", input=data)
    assert result.exit_code == 1
    assert "warning: -:2: malformed JSON" in result.stderr
    assert {r["doc"] for r in read_jsonl(result.stdout)} == {"-:1"}


# --- item 5: SIGTERM, write errors, the table, the progress bar ---------------------------------------------------


def test_sigterm_removes_the_temporary_file_and_exits_143(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for index in range(3000):
            out.write(json.dumps({"id": index, "text": TEXT}) + "\n")
    target = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-m", "factx", "extract", str(corpus), "-o", str(target), "-q"],
                             stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    deadline = time.time() + 120
    while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.time() < deadline and child.poll() is None:
        time.sleep(0.2)
    assert list(tmp_path.glob(".out.jsonl.*.tmp")), "the run should be writing its temporary file"
    time.sleep(1)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 143
    assert f"factx: terminated (SIGTERM); {target} not written" in err
    assert "Traceback" not in err
    assert list(tmp_path.glob(".out.jsonl.*")) == [] and not target.exists()


def test_a_write_error_names_the_target_not_the_temporary_file(runner, cli_nlp, tmp_path, monkeypatch):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("kept\n", encoding="utf-8")

    class Full(io.StringIO):
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    real = os.fdopen
    monkeypatch.setattr(factx.safe_output.os, "fdopen", lambda fd, *a, **k: (os.close(fd), Full())[1])
    result = run(runner, source, "-o", target, "-q")
    monkeypatch.setattr(factx.safe_output.os, "fdopen", real)
    assert result.exit_code == 1
    assert f"factx: cannot write {target}: No space left on device" in result.stderr
    assert ".tmp" not in result.stderr and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.jsonl"]


def test_control_characters_reach_no_terminal_table_but_stay_in_jsonl(runner, cli_nlp, tmp_path):
    text = ("Pada 15 Desember 2025, PT \x1b[31mPertamina\x1b]0;judul\x07 meneken kontrak Rp 1,5 triliun"
            " [bold]x[/bold].\n")
    source = tmp_path / "kotor\x1b[2J.txt"
    source.write_text(text, encoding="utf-8")
    table = run(runner, source, "-f", "table", "-q")
    assert table.exit_code == 0, table.output
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout
    assert "Rp 1,5 triliun" in table.stdout and "kotor[2J.txt" in table.stdout
    as_jsonl = read_jsonl(run(runner, source, "-f", "jsonl", "-q").stdout)
    for record in as_jsonl:
        check_mention(record, text)  # the raw text, escape codes and all, at its offsets


def test_table_cells_are_shown_not_read_as_markup():
    from rich.console import Console

    from factx.writers import terminal_text

    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(terminal_text("[bold]PT Maju[/bold]\tJaya\x1b[0m\n"))
    assert console.file.getvalue() == "[bold]PT Maju[/bold] Jaya[0m \n"  # ESC and markup gone, line end a space


def test_the_progress_total_is_known_for_files(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    assert Reader().count([str(tmp_path)]) == 5
    assert Reader().count([str(tmp_path / "a.txt"), str(tmp_path / "c.jsonl")]) == 4
    assert Reader().count([str(tmp_path), "-"]) is None  # stdin: unknown


def test_no_progress_bar_while_tables_go_to_the_terminal(monkeypatch):
    from rich.console import Console

    monkeypatch.setattr(cli, "stderr", Console(file=io.StringIO(), force_terminal=True))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert not cli.show_progress(False, Format.table, None)
    assert cli.show_progress(False, Format.jsonl, None)
    assert cli.show_progress(False, Format.table, Path("out.txt"))
    assert not cli.show_progress(True, Format.jsonl, None)


# --- item 6: spreadsheets and pandas ------------------------------------------------------------------------------


def test_csv_to_a_file_starts_with_a_bom_for_excel(runner, cli_nlp, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Kontrak Rp 1,5 triliun di Bogor—Ciawi, kata Pak Hadi Purnomo.", encoding="utf-8")
    with_bom, without = tmp_path / "excel.csv", tmp_path / "plain.csv"
    assert run(runner, source, "-o", with_bom, "-q").exit_code == 0
    assert run(runner, source, "-o", without, "--no-bom", "-q").exit_code == 0
    assert with_bom.read_bytes().startswith(codecs.BOM_UTF8 + b"doc,type")
    assert without.read_bytes().startswith(b"doc,type")
    assert with_bom.read_bytes()[3:] == without.read_bytes()
    stdout = run(runner, source, "-f", "csv", "-q")
    assert stdout.stdout.startswith("doc,type")
    assert run(runner, source, "-f", "csv", "--bom", "-q").stdout.startswith("\ufeffdoc,type")


def test_amounts_past_int64_are_json_floats_that_pandas_reads(runner, cli_nlp, tmp_path):
    pandas = pytest.importorskip("pandas")
    source = tmp_path / "a.txt"
    source.write_text("Utangnya Rp 10000000000000000 triliun, cicilannya Rp 5 juta pada 2015.", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = run(runner, source, "-o", target)
    assert result.exit_code == 0, result.output
    records = read_jsonl(target.read_text(encoding="utf-8"))
    huge = next(r for r in records if r["text"] == "Rp 10000000000000000 triliun")
    assert huge["amount"] == 1e28 and isinstance(huge["amount"], float)
    assert huge["value"] == "10000000000000000000000000000 IDR"
    small = next(r for r in records if r["text"] == "Rp 5 juta")
    assert small["amount"] == 5_000_000 and isinstance(small["amount"], int)
    frame = pandas.read_json(target, lines=True, dtype={"value": str, "date": str})  # the README's recipe
    assert sorted(frame["amount"].dropna()) == [5e6, 1e28]
    assert "2015" in list(frame["value"])  # a string, not 2015-01-01
