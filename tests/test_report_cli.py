"""`factx report` through the CliRunner: the page and --data-dir files, --top/--frames caps, bad inputs and options."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factx.cli import app

TEXTS = [
    "Jakarta, Rabu (26/11/2025) - PT Pertamina (Persero) menandatangani kontrak senilai Rp 1,5 triliun dengan Bank "
    "Mandiri. Otoritas Jasa Keuangan (OJK) menyetujui rencana itu kemarin.",
    "Pada 3 September 2025, Bank Indonesia mengumumkan investasi $26 miliar di Surabaya. Menurut OJK, laporan PT "
    "Pertamina terlambat.",
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    return path


def test_report_writes_the_page_and_the_data_dir(runner, cli_nlp, corpus, tmp_path):
    page, data = tmp_path / "report.html", tmp_path / "data"
    result = runner.invoke(app, ["report", str(corpus), "-o", str(page), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<b>2</b> documents" in html and "Otoritas Jasa Keuangan" in html
    assert "factx: 2 documents," in result.stderr and "KB page, 0 skipped inputs" in result.stderr
    frames = list(csv.DictReader(io.StringIO((data / "frames.csv").read_text(encoding="utf-8"))))
    extracted = [json.loads(line) for line in runner.invoke(
        app, ["extract", str(corpus), "--events", "-f", "jsonl", "-q"]).stdout.splitlines()]
    assert [(f["doc"], f["event_type"], f["date"]) for f in frames] == [
        (e["doc"], e["event_type"], e["date"] or "") for e in extracted]
    money = list(csv.DictReader(io.StringIO((data / "money.csv").read_text(encoding="utf-8"))))
    assert {(m["amount"], m["currency"]) for m in money} == {("1500000000000", "IDR"), ("26000000000", "USD")}
    assert money[0]["sentence_text"].startswith("Jakarta, Rabu (26/11/2025) - PT Pertamina")
    orgs = list(csv.DictReader(io.StringIO((data / "organisations.csv").read_text(encoding="utf-8"))))
    assert orgs[0]["name"] == "Otoritas Jasa Keuangan" and orgs[0]["documents"] == "2"


def test_top_and_frames_cap_the_page(runner, cli_nlp, corpus, tmp_path):
    page = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(corpus), "-o", str(page), "--top", "1", "--frames", "1", "-q"]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<tr>", html.index('id="orgs-table"'), html.index("</table>", html.index('id="orgs-table"'))) == 2
    frames = html[html.index('id="frames"'):]
    assert frames[: frames.index("</table>")].count("<tr>") == 2  # the header and one frame
    assert "The first 1 of" in html


def test_report_bad_inputs_go_on(runner, cli_nlp, corpus, tmp_path):
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(corpus), str(tmp_path / "nowhere"), "-o", str(page)])
    assert result.exit_code == 1
    assert "news.jsonl:3" in result.stderr and "nowhere: no such file or folder" in result.stderr
    assert "<b>2</b> documents" in page.read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path / "nowhere"), "-o", str(page)])
    assert result.exit_code == 2


def test_an_interrupted_report_leaves_no_page(runner, cli_nlp, corpus, tmp_path, monkeypatch):
    from factx.corpus import aggregate

    def interrupt(self, result):
        raise KeyboardInterrupt

    monkeypatch.setattr(aggregate.CorpusStats, "add", interrupt)
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(corpus), "-o", str(page)])
    assert result.exit_code == 130
    assert not page.exists() and not list(tmp_path.glob(".report.html.*"))


@pytest.mark.parametrize("args, message", [
    ([], "Missing option '--output'"),
    (["-o", "r.html", "--top", "0"], "Invalid value for '--top'"),
    (["-o", "r.html", "--ref-date", "kemarin"], "--ref-date must be YYYY-MM-DD"),
    (["-o", "r.html", "--jobs", "2", "--dask", "tcp://x:1"], "--jobs and --dask do not go together"),
])
def test_report_bad_options(runner, cli_nlp, corpus, args, message):
    result = runner.invoke(app, ["report", str(corpus), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_data_dir_must_be_a_folder(runner, cli_nlp, corpus, tmp_path):
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["report", str(corpus), "-o", str(tmp_path / "r.html"), "--data-dir",
                                 str(tmp_path / "file")])
    assert result.exit_code == 2 and "not a folder" in result.output
