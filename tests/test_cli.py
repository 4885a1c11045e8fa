"""The `factx extract` command through Typer's CliRunner: every format, every option, every bad input."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factx.cli import app

from .conftest import check_mention, read_jsonl

TEXT = (
    "Pada 15 Desember 2025, PT Pertamina (Persero) menandatangani kontrak senilai Rp 1,5 triliun di Jakarta.\n"
    "Kemarin, Menteri Keuangan Sri Mulyani mengumumkan investasi $26 miliar.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(runner, *args, input=None):
    return runner.invoke(app, ["extract", *map(str, args)], input=input)


def test_jsonl_records_satisfy_the_contract(runner, cli_nlp, article):
    result = run(runner, article, "--format", "jsonl", "--quiet")
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    assert records, "the article has dates and amounts"
    for record in records:
        check_mention(record, TEXT)
        assert record["doc"] == str(article)
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)


def test_json_is_an_array_of_the_jsonl_records(runner, cli_nlp, article):
    as_json = json.loads(run(runner, article, "--format", "json", "-q").stdout)
    as_jsonl = read_jsonl(run(runner, article, "--format", "jsonl", "-q").stdout)
    assert as_json == as_jsonl


def test_csv_has_the_contract_columns(runner, cli_nlp, article):
    result = run(runner, article, "--format", "csv", "-q")
    assert result.exit_code == 0
    assert b"\r\n" in result.stdout_bytes  # RFC 4180 line ends (CliRunner.stdout folds them)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = read_jsonl(run(runner, article, "--format", "jsonl", "-q").stdout)
    assert list(rows[0]) == ["doc", "type", "text", "start", "end", "value", "sentence",
                             "amount", "amount_max", "currency", "unit", "qualifier", "year_source"]
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected):
        assert row["text"] == record["text"]
        assert int(row["start"]) == record["start"]
        if record["type"] == "MONEY":
            assert float(row["amount"]) == record["amount"]
        assert row["year_source"] == (record.get("year_source") or "")


def test_csv_is_the_default_when_stdout_is_not_a_terminal(runner, cli_nlp, article):
    assert run(runner, article, "-q").stdout.startswith("doc,type,text,start,end")


def test_table_shows_one_table_per_document(runner, cli_nlp, article, tmp_path):
    other = tmp_path / "kedua.txt"
    other.write_text("Pada Maret 2024 harga naik menjadi Rp 5.480 per liter.", encoding="utf-8")
    result = run(runner, article, other, "--format", "table", "-q")
    assert result.exit_code == 0
    assert str(article) in result.stdout and str(other) in result.stdout
    assert "reference date" in result.stdout
    assert all(len(line) <= 100 for line in result.stdout.splitlines())


def test_events_switch_to_event_records(runner, cli_nlp, article):
    result = run(runner, article, "--events", "--format", "jsonl", "-q")
    assert result.exit_code == 0
    for record in read_jsonl(result.stdout):
        assert list(record) == ["doc", "event_type", "trigger", "text", "start", "end", "date", "date_year_source",
                                "orgs", "people", "places", "money", "sentence"]
        assert record["date_year_source"] in (None, "text", "context", "inferred", "reference")
        assert TEXT[record["start"] : record["end"]] == record["text"]


def test_events_csv_joins_lists(runner, cli_nlp, article):
    result = run(runner, article, "--events", "--format", "csv", "-q")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0]
    assert header == "doc,event_type,trigger,text,start,end,date,date_year_source,orgs,people,places,money,sentence"


@pytest.mark.parametrize("name,fmt", [("out.csv", "csv"), ("out.jsonl", "jsonl"), ("out.json", "json")])
def test_output_file_takes_format_from_extension(runner, cli_nlp, article, tmp_path, name, fmt):
    target = tmp_path / name
    result = run(runner, article, "-o", target, "-q")
    assert result.exit_code == 0
    assert result.stdout == ""
    content = target.read_text(encoding="utf-8")
    if fmt == "csv":
        assert content.startswith("\ufeffdoc,type")  # -o FILE.csv starts with a BOM for Excel
    elif fmt == "json":
        assert isinstance(json.loads(content), list)
    else:
        assert all(json.loads(line) for line in content.splitlines())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_output_with_unknown_extension_needs_format(runner, cli_nlp, article, tmp_path):
    result = run(runner, article, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 2
    assert "--format" in result.stderr
    assert run(runner, article, "-o", tmp_path / "out.xlsx", "--format", "csv", "-q").exit_code == 0


def test_output_to_a_folder_is_an_error(runner, cli_nlp, article, tmp_path):
    result = run(runner, article, "-o", tmp_path, "--format", "csv")
    assert result.exit_code == 2
    assert "is a folder" in result.stderr
    assert "Traceback" not in result.output


def test_output_into_missing_folder_is_an_error(runner, cli_nlp, article, tmp_path):
    result = run(runner, article, "-o", tmp_path / "nope" / "out.csv")
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_types_keep_only_some_types(runner, cli_nlp, article):
    records = read_jsonl(run(runner, article, "--types", "money", "--format", "jsonl", "-q").stdout)
    assert records and {r["type"] for r in records} == {"MONEY"}


def test_unknown_type_is_a_usage_error(runner, cli_nlp, article):
    result = run(runner, article, "--types", "money,weather")
    assert result.exit_code == 2
    assert "weather" in result.stderr


def test_bad_ref_date_is_a_usage_error(runner, cli_nlp, article):
    result = run(runner, article, "--ref-date", "27/11/2026")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_ref_date_resolves_relative_dates(runner, cli_nlp, article):
    records = read_jsonl(run(runner, article, "--ref-date", "2026-01-10", "--types", "date", "-f", "jsonl").stdout)
    assert {"text": "Kemarin", "value": "2026-01-09"} in [{k: r[k] for k in ("text", "value")} for r in records]


YEARLESS = (
    "Ribuan perajin tahu berunjuk rasa, Jumat (26/8), menolak Peraturan Menteri Perdagangan Nomor 12 Tahun 2005.\n"
    "Sedangkan tanggal 2 Agustus pesawat itu tergelincir. Tarif baru berlaku per 1 Oktober.\n"
)


@pytest.fixture
def yearless(tmp_path):
    path = tmp_path / "tanpa-tahun.txt"
    path.write_text(YEARLESS, encoding="utf-8")
    return path


def dates_of(records: list[dict]) -> list[tuple]:
    return [(r["text"], r["value"], r["year_source"]) for r in records if r["type"] == "DATE"]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_yearless_dates_get_an_unknown_year(runner, cli_nlp, yearless, fmt):
    result = run(runner, yearless, "--format", fmt, "--types", "date", "-q")
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout) if fmt == "jsonl" else json.loads(result.stdout)
    for record in records:
        check_mention(record, YEARLESS)
    assert dates_of(records) == [
        ("Jumat (26/8)", "XXXX-08-26", None), ("Tahun 2005", "2005", "text"),
        ("tanggal 2 Agustus", "XXXX-08-02", None), ("1 Oktober", "XXXX-10-01", None),
    ]


def test_yearless_dates_take_the_reference_year_and_say_so(runner, cli_nlp, yearless):
    records = read_jsonl(run(runner, yearless, "--ref-date", "2011-09-01", "-f", "jsonl", "-q").stdout)
    assert dates_of(records) == [
        ("Jumat (26/8)", "2011-08-26", "reference"), ("Tahun 2005", "2005", "text"),
        ("tanggal 2 Agustus", "2011-08-02", "reference"), ("1 Oktober", "2011-10-01", "reference"),
    ]


def test_year_source_column_in_csv(runner, cli_nlp, yearless):
    result = run(runner, yearless, "--format", "csv", "--types", "date", "-q")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["text"], r["value"], r["year_source"]) for r in rows] == [
        ("Jumat (26/8)", "XXXX-08-26", ""), ("Tahun 2005", "2005", "text"),
        ("tanggal 2 Agustus", "XXXX-08-02", ""), ("1 Oktober", "XXXX-10-01", ""),
    ]
    assert all(r["amount"] == "" for r in rows)


def test_inferred_year_in_every_format(runner, cli_nlp, tmp_path):
    path = tmp_path / "rekor.txt"
    path.write_text("Rekor itu dipecahkan Jumat (26/8). Rekor lama bertahan sejak 2004.", encoding="utf-8")
    records = read_jsonl(run(runner, path, "-f", "jsonl", "-t", "date", "-q").stdout)
    assert dates_of(records) == [("Jumat (26/8)", "2005-08-26", "inferred"), ("2004", "2004", "text")]
    rows = list(csv.DictReader(io.StringIO(run(runner, path, "-f", "csv", "-t", "date", "-q").stdout)))
    assert rows[0]["year_source"] == "inferred"
    table = run(runner, path, "-f", "table", "-q").stdout
    assert "2005-08-26 (year inferred)" in table
    assert "2004 (year" not in table


def test_event_frames_carry_the_year_source_of_their_date(runner, cli_nlp, tmp_path):
    path = tmp_path / "rekor.txt"
    path.write_text("Pada 2004 rekor lama dibuat. Isinbayeva memecahkan rekor dunia, Jumat (26/8), di Brussels.\n"
                    "Sedangkan tanggal 2 Agustus pesawat itu tergelincir di Jakarta.", encoding="utf-8")
    records = read_jsonl(run(runner, path, "--events", "-f", "jsonl", "-q").stdout)
    dated = {r["trigger"]: (r["date"], r["date_year_source"]) for r in records}
    # the year next to 2004 in which 26 August is a Friday
    assert dated["memecahkan"] == ("2005-08-26", "context")
    assert dated["tergelincir"] == ("2004-08-02", "context")
    assert dated["dibuat"] == ("2004", "text")
    rows = list(csv.DictReader(io.StringIO(run(runner, path, "--events", "-f", "csv", "-q").stdout)))
    assert "date_year_source" in rows[0]


def test_types_without_date_keep_the_year_source_column(runner, cli_nlp, yearless):
    result = run(runner, yearless, "--format", "csv", "--types", "org", "-q")
    assert result.stdout.splitlines()[0].endswith(",qualifier,year_source")
    assert all(r["type"] == "ORG" for r in csv.DictReader(io.StringIO(result.stdout)))


def test_summary_line_on_stderr(runner, cli_nlp, article):
    result = run(runner, article, "--format", "csv")
    assert "1 document" in result.stderr and "records" in result.stderr and "0 skipped" in result.stderr
    assert "quiet" not in result.stderr
    assert run(runner, article, "--format", "csv", "--quiet").stderr == ""


def test_stdin(runner, cli_nlp):
    result = run(runner, "-", "-f", "jsonl", "-q", input=TEXT)
    assert result.exit_code == 0
    records = read_jsonl(result.stdout)
    assert records and {r["doc"] for r in records} == {"-"}


def test_jsonl_corpus_uses_fields(runner, cli_nlp, tmp_path):
    corpus = tmp_path / "korpus.jsonl"
    lines = [
        {"kode": "a1", "isi": "Kemarin harga cabai naik.", "tgl": "2024-05-02"},
        {"kode": "a2", "isi": "Besok ada rapat.", "tgl": "2024-05-02T08:00:00"},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = run(runner, corpus, "--text-field", "isi", "--id-field", "kode", "--date-field", "tgl",
                 "-f", "jsonl", "-q", "--types", "date")
    assert result.exit_code == 0
    records = read_jsonl(result.stdout)
    assert [(r["doc"], r["text"], r["value"]) for r in records] == [
        (f"{corpus}:a1", "Kemarin", "2024-05-01"),
        (f"{corpus}:a2", "Besok", "2024-05-03"),
    ]


def test_folder_is_read_recursively_with_glob(runner, cli_nlp, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "satu.txt").write_text("Harga Rp 5.000.", encoding="utf-8")
    (tmp_path / "dua.md").write_text("Harga Rp 7.000.", encoding="utf-8")
    (tmp_path / "tiga.jsonl").write_text(json.dumps({"id": "x", "text": "Harga Rp 9.000."}) + "\n")
    records = read_jsonl(run(runner, tmp_path, "-f", "jsonl", "-q", "--types", "money").stdout)
    assert sorted(r["doc"] for r in records) == sorted([str(tmp_path / "a" / "satu.txt"), f"{tmp_path / 'tiga.jsonl'}:x"])
    records = read_jsonl(run(runner, tmp_path, "--glob", "*.md", "-f", "jsonl", "-q", "--types", "money").stdout)
    assert [r["doc"] for r in records] == [str(tmp_path / "dua.md")]


# --- bad input ---------------------------------------------------------------------------------------------


def test_missing_path_alone_exits_2(runner, cli_nlp, tmp_path):
    result = run(runner, tmp_path / "hilang.txt", "-f", "csv")
    assert result.exit_code == 2
    assert "hilang.txt" in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_among_others_still_processes_them(runner, cli_nlp, article, tmp_path):
    result = run(runner, tmp_path / "hilang.txt", article, "-f", "jsonl")
    assert result.exit_code == 1
    assert "hilang.txt" in result.stderr
    assert read_jsonl(result.stdout)


def test_binary_file_in_a_batch_is_skipped(runner, cli_nlp, article, tmp_path):
    binary = tmp_path / "gambar.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run(runner, tmp_path, "-f", "jsonl")
    assert result.exit_code == 1
    assert "gambar.txt" in result.stderr and "binary" in result.stderr
    assert {r["doc"] for r in read_jsonl(result.stdout)} == {str(article)}
    assert "1 skipped input" in result.stderr


def test_unreadable_file_in_a_batch_is_skipped(runner, cli_nlp, article, tmp_path):
    (tmp_path / "rusak.txt").symlink_to(tmp_path / "tidak-ada")
    result = run(runner, tmp_path, "-f", "jsonl")
    assert result.exit_code == 1
    assert "rusak.txt" in result.stderr
    assert {r["doc"] for r in read_jsonl(result.stdout)} == {str(article)}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_with_a_warning(runner, cli_nlp, tmp_path, encoding):
    text = "Café “Nusantara” meraih omzet Rp 2 miliar pada Maret 2024."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "lama.txt"
    path.write_bytes(text.encode(encoding))
    result = run(runner, path, "-f", "jsonl")
    assert result.exit_code == 0
    assert "lama.txt" in result.stderr and "UTF-8" in result.stderr
    records = read_jsonl(result.stdout)
    assert records
    for record in records:
        check_mention(record, text)


def test_utf8_bom_is_dropped_and_offsets_follow_the_text(runner, cli_nlp, tmp_path):
    text = "Harga naik menjadi Rp 5.000 pada Maret 2024."
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run(runner, path, "-f", "jsonl")
    assert result.exit_code == 0 and "warning" not in result.stderr
    for record in read_jsonl(result.stdout):
        check_mention(record, text)


def test_malformed_jsonl_line_is_skipped_with_file_and_line(runner, cli_nlp, tmp_path):
    corpus = tmp_path / "korpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "1", "text": "Harga Rp 5.000."}) + "\n"
        + '{"id": "2", "text": "tanpa penutup\n'
        + "[1, 2]\n"
        + json.dumps({"id": "4", "isi": "tidak ada teks"}) + "\n"
        + json.dumps({"id": "5", "text": "Harga Rp 7.000."}) + "\n",
        encoding="utf-8",
    )
    result = run(runner, corpus, "-f", "jsonl", "--types", "money")
    assert result.exit_code == 1
    for line in (2, 3, 4):
        assert f"korpus.jsonl:{line}" in result.stderr
    assert [r["doc"] for r in read_jsonl(result.stdout)] == [f"{corpus}:1", f"{corpus}:5"]


def test_empty_input_gives_no_records_and_exit_0(runner, cli_nlp, tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_text("", encoding="utf-8")
    result = run(runner, empty, "-f", "jsonl")
    assert result.exit_code == 0 and result.stdout == ""
    result = run(runner, "-", "-f", "json", "-q", input="")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_document_longer_than_max_length_is_processed_in_pieces(runner, cli_nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_nlp, "max_length", 300)
    sentence = "Pada Maret 2024 PT Maju Jaya membayar Rp 5.000.000 kepada pemasok. "
    text = sentence * 30
    path = tmp_path / "panjang.txt"
    path.write_text(text, encoding="utf-8")
    result = run(runner, path, "-f", "jsonl", "-q", "--types", "money,date")
    assert result.exit_code == 0
    records = read_jsonl(result.stdout)
    assert len([r for r in records if r["type"] == "MONEY"]) == 30
    assert len([r for r in records if r["type"] == "DATE"]) == 30
    for record in records:
        check_mention(record, text)
    assert max(r["sentence"] for r in records) == 29


def test_csv_cells_that_look_like_formulas_are_made_inert(runner, cli_nlp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_text("Harga Rp 5.000.", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run(runner, "=HYPERLINK(1).txt", "-f", "csv", "-q").stdout)))
    assert [row["doc"] for row in rows] == ["'=HYPERLINK(1).txt"]
    assert rows[0]["start"] == "6"  # numeric columns untouched
    result = run(runner, "-", "-f", "csv", "-q", input="Harga Rp 5.000.")
    assert list(csv.DictReader(io.StringIO(result.stdout)))[0]["doc"] == "'-"


# --- real processes: pipes and signals --------------------------------------------------------------------


def factx_command() -> list[str]:
    return [sys.executable, "-m", "factx"]


def test_python_dash_m_and_broken_pipe(tmp_path):
    path = tmp_path / "banyak.txt"
    path.write_text("Harga naik menjadi Rp 5.000 pada Maret 2024.\n" * 2000, encoding="utf-8")
    shell = f"{' '.join(factx_command())} extract {path} -f jsonl | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def wait_until_idle(process, quiet=1.0, limit=90.0):
    """Wait until ``process`` has used no CPU for ``quiet`` seconds (Linux /proc; else a fixed wait): a fixed sleep
    is too short on a loaded machine, where the pipeline takes longer to load."""
    stat = Path(f"/proc/{process.pid}/stat")
    if not stat.exists():
        time.sleep(6)
        return
    def cpu() -> tuple[int, str]:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), fields[0]  # utime + stime, and the state ("S": asleep)
    deadline, (last, _), since = time.monotonic() + limit, cpu(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now, state = cpu()
        if now != last or state != "S":  # a process that waits for a core ("R") is not idle, only held up
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def test_ctrl_c_exits_130_without_traceback():
    # The child gets SIGINT's default action back: a shell without job control starts background commands with
    # SIGINT ignored (`(.ci/run &)`), the child would inherit that, and Python leaves an ignored SIGINT ignored.
    process = subprocess.Popen(
        factx_command() + ["extract", "-", "-f", "jsonl"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    process.stdin.write("Harga Rp 5.000.\n")
    process.stdin.flush()
    wait_until_idle(process)  # it has loaded the pipeline and waits on stdin
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert "interrupted" in err


@pytest.mark.parametrize("argv,code", [(["--help"], 0), (["extract", "/no/such/file", "-q"], 2)])
def test_main_freezes_the_heap_and_keeps_the_exit_code(monkeypatch, argv, code):
    # the console script ends through SystemExit; before it, main() takes every object out of the cycle
    # collector's last walk at exit (gc.freeze), and the exit code stays the command's
    import factx.cli as cli

    frozen = []
    monkeypatch.setattr(cli.gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["factx", *argv])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == code
    assert frozen == [True]
