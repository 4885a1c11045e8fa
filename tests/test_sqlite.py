"""`factx extract -o facts.sqlite`: the database's tables, child rows and indexes, atomic writes, bad options."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factx.cli import app
from factx.corpus import sqlite as factx_sqlite

from .conftest import read_jsonl

TEXT = (
    "Jakarta, Rabu (26/11/2025) - PT Pertamina (Persero) menandatangani kontrak senilai Rp 1,5 triliun dengan Bank "
    "Mandiri. Otoritas Jasa Keuangan (OJK) menyetujui rencana itu kemarin, dan OJK akan meninjaunya lagi pada Maret "
    "tahun depan.\n"
)
OTHER = "Pada 3 Januari 2024, Bank Indonesia mengumumkan investasi $26 miliar di Surabaya.\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def query(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_mentions_match_the_jsonl_records(runner, cli_nlp, corpus, tmp_path):
    database = tmp_path / "facts.sqlite"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"])
    assert result.exit_code == 0, result.output
    expected = read_jsonl(runner.invoke(app, ["extract", str(corpus), "--format", "jsonl", "-q"]).stdout)
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        rows = [dict(row) for row in db.execute("SELECT * FROM mentions ORDER BY id")]
    assert len(rows) == len(expected)
    for row, record in zip(rows, expected):
        assert {k: row[k] for k in record} == record
        if record["type"] != "MONEY":
            assert row["amount"] is None and row["currency"] is None
        if record["type"] != "DATE":
            assert row["year_source"] is None
    assert query(database, "SELECT doc, ref_date, ref_date_source, mentions, events FROM documents ORDER BY id") == [
        (str(corpus / "a.txt"), "2025-11-26", "dateline", sum(r["doc"].endswith("a.txt") for r in expected), 0),
        (str(corpus / "b.txt"), "2024-01-03", "latest-date", sum(r["doc"].endswith("b.txt") for r in expected), 0),
    ]
    assert query(database, "SELECT count(*) FROM events") == [(0,)], "frames only with --events"


def test_the_readme_query_works_with_the_sqlite3_shell(runner, cli_nlp, corpus, tmp_path):
    database = tmp_path / "facts.sqlite"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"]).exit_code == 0
    orgs = dict(query(database, "select value, count(*) from mentions where type='ORG' group by 1"))
    assert orgs["Otoritas Jasa Keuangan"] == 3  # the definition and the two bare OJKs
    assert orgs["Bank Indonesia"] == 1


def test_events_and_their_child_rows(runner, cli_nlp, corpus, tmp_path):
    database = tmp_path / "facts.db"
    result = runner.invoke(app, ["extract", str(corpus), "--events", "-o", str(database), "-q"])
    assert result.exit_code == 0, result.output
    frames = read_jsonl(runner.invoke(app, ["extract", str(corpus), "--events", "--format", "jsonl", "-q"]).stdout)
    assert frames
    with sqlite3.connect(database) as db:
        events = db.execute("SELECT id, doc, event_type, trigger, text, start, \"end\", date, date_year_source,"
                            " sentence FROM events ORDER BY id").fetchall()
        assert len(events) == len(frames)
        for (event_id, *row), frame in zip(events, frames):
            assert row == [frame[k] for k in ("doc", "event_type", "trigger", "text", "start", "end", "date",
                                              "date_year_source", "sentence")]
            for field, table in (("orgs", "event_orgs"), ("people", "event_people"), ("places", "event_places")):
                names = [n for (n,) in db.execute(f"SELECT name FROM {table} WHERE event_id=? ORDER BY position",
                                                  (event_id,))]
                assert names == frame[field]
            money = db.execute("SELECT text, amount, currency FROM event_money WHERE event_id=? ORDER BY position",
                               (event_id,)).fetchall()
            assert [dict(zip(("text", "amount", "currency"), m)) for m in money] == frame["money"]
        # the mentions are there too
        assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    signing = query(database, "SELECT e.event_type, o.name FROM events e JOIN event_orgs o ON o.event_id = e.id"
                              " WHERE e.trigger = 'menandatangani' ORDER BY o.position")
    assert signing == [("AGREEMENT", "PT Pertamina (Persero)"), ("AGREEMENT", "PT Bank Mandiri (Persero) Tbk")]
    amounts = query(database, "SELECT amount, currency FROM event_money ORDER BY amount")
    assert (1500000000000, "IDR") in amounts and (26000000000, "USD") in amounts


def test_indexes_on_doc_type_and_value(runner, cli_nlp, corpus, tmp_path):
    database = tmp_path / "facts.sqlite"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"]).exit_code == 0
    indexed = set()
    with sqlite3.connect(database) as db:
        for (index, table) in db.execute("SELECT name, tbl_name FROM sqlite_master WHERE type='index'"):
            first = db.execute(f"PRAGMA index_info('{index}')").fetchone()
            indexed.add((table, first[2]))
        plan = " ".join(str(r) for r in db.execute(
            "EXPLAIN QUERY PLAN SELECT value, count(*) FROM mentions WHERE type='ORG' GROUP BY 1"))
    assert {("mentions", "doc"), ("mentions", "type"), ("mentions", "value"), ("events", "doc"),
            ("events", "event_type"), ("event_orgs", "name")} <= indexed
    assert "USING COVERING INDEX mentions_type_value" in plan
    assert query(database, "PRAGMA user_version") == [(factx_sqlite.SCHEMA_VERSION,)]


def test_an_existing_database_is_replaced_whole(runner, cli_nlp, corpus, tmp_path):
    database = tmp_path / "facts.sqlite"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(corpus / "b.txt"), "-o", str(database), "-q"]).exit_code == 0
    assert query(database, "SELECT doc FROM documents") == [(str(corpus / "b.txt"),)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "facts.sqlite"]


def test_one_transaction_per_batch(cli_nlp, tmp_path, monkeypatch):
    """Each batch of documents is committed: another connection sees the rows while the run goes on."""
    import factx

    path = tmp_path / "partial.sqlite"
    with path.open("w") as stream:
        writer = factx_sqlite.SqliteWriter(stream, batch=2)
        writer.open()
        seen = []
        for result in factx.results([TEXT, OTHER, TEXT], cli_nlp):
            writer.write(result)
            seen.append(query(path, "SELECT count(*) FROM documents")[0][0])
        writer.close()
    assert seen == [0, 2, 2]
    assert query(path, "SELECT count(*) FROM documents") == [(3,)]


def test_an_interrupted_run_leaves_no_file(runner, cli_nlp, corpus, tmp_path, monkeypatch):
    database = tmp_path / "facts.sqlite"
    original = factx_sqlite.SqliteWriter.write
    calls = []

    def interrupt(self, result):
        calls.append(result)
        if len(calls) == 2:
            raise KeyboardInterrupt
        original(self, result)

    monkeypatch.setattr(factx_sqlite.SqliteWriter, "write", interrupt)
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"])
    assert result.exit_code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"], "no database, no temporary file, no journal"


def test_sqlite_needs_a_file(runner, cli_nlp, corpus):
    result = runner.invoke(app, ["extract", str(corpus), "--format", "sqlite"])
    assert result.exit_code == 2
    assert "--format sqlite writes a file: give -o FILE" in result.output


def test_a_bad_input_is_skipped_and_the_rest_written(runner, cli_nlp, corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"id": 1, "text": "Bank Mandiri rugi."}\n{not json\n', encoding="utf-8")
    database = tmp_path / "facts.sqlite"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(database), "-q"])
    assert result.exit_code == 1
    assert "broken.jsonl:2" in result.output
    assert len(query(database, "SELECT * FROM documents")) == 3
