"""``-o facts.sqlite``: the records of ``factx extract`` in an SQLite database (stdlib :mod:`sqlite3`).

Tables (see the README's "A database of the records"):

- ``documents``: one row per document (``doc`` as in the records, its reference date and where it came from);
- ``mentions``: one row per mention record, the record contract's fields as columns, ``document_id`` -> documents;
- ``events``: one row per event frame (``--events``), with child tables ``event_orgs``, ``event_people``,
  ``event_places`` (``event_id``, ``position``, ``name``) and ``event_money`` (``event_id``, ``position``, ``text``,
  ``amount``, ``currency``).

Rows are written in one transaction per batch of documents; the indexes (doc, type, value, date, names) are built
once at the end, which is faster than keeping them up to date row by row. The CLI writes into a temporary file that
it renames at the end, so an interrupted run leaves no half-written database; the rollback journal is kept in
memory, so no ``-journal`` file is left beside it either.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import TYPE_CHECKING, TextIO

from .. import records as rec

if TYPE_CHECKING:
    from ..api import Result

__all__ = ["INDEXES", "SCHEMA", "SCHEMA_VERSION", "SqliteWriter"]

SCHEMA_VERSION = 2  # 2: mentions.year_source, events.date_year_source (issue 14)
# Documents per transaction.
BATCH_DOCUMENTS = 200
SQLITE_INT_MAX = 2**63 - 1

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    ref_date TEXT,
    ref_date_source TEXT,
    mentions INTEGER NOT NULL,
    events INTEGER NOT NULL
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    doc TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value TEXT,
    sentence INTEGER NOT NULL,
    amount NUMERIC,
    amount_max NUMERIC,
    currency TEXT,
    unit TEXT,
    qualifier TEXT,
    year_source TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    doc TEXT NOT NULL,
    event_type TEXT NOT NULL,
    trigger TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date TEXT,
    date_year_source TEXT,
    sentence INTEGER NOT NULL
);
CREATE TABLE event_orgs (event_id INTEGER NOT NULL REFERENCES events(id), position INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE event_people (event_id INTEGER NOT NULL REFERENCES events(id), position INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE event_places (event_id INTEGER NOT NULL REFERENCES events(id), position INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE event_money (
    event_id INTEGER NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    amount NUMERIC,
    currency TEXT
);
"""

INDEXES = """
CREATE INDEX documents_doc ON documents(doc);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_type_value ON mentions(type, value);
CREATE INDEX mentions_value ON mentions(value);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_date ON events(date);
CREATE INDEX event_orgs_event ON event_orgs(event_id);
CREATE INDEX event_orgs_name ON event_orgs(name);
CREATE INDEX event_people_event ON event_people(event_id);
CREATE INDEX event_people_name ON event_people(name);
CREATE INDEX event_places_event ON event_places(event_id);
CREATE INDEX event_places_name ON event_places(name);
CREATE INDEX event_money_event ON event_money(event_id);
CREATE INDEX event_money_currency ON event_money(currency);
"""

CHILD_TABLES = {"orgs": "event_orgs", "people": "event_people", "places": "event_places"}


def sql_number(value: Decimal | int | float | None) -> int | float | None:
    """An amount as SQLite stores it: an integer when whole and in range, else a real."""
    if isinstance(value, Decimal):
        value = rec.number(value)
    if isinstance(value, int) and abs(value) > SQLITE_INT_MAX:
        return float(value)
    return value


class SqliteWriter:
    """Writes every document's mentions (and, with ``events``, its event frames) into a new database; the same
    interface as the writers of :mod:`factx.writers` (``open``, ``write(result)``, ``close``, ``count``).

    ``stream`` is the (empty) file the CLI opened for the output; the database is created at its path.
    """

    def __init__(self, stream: TextIO, events: bool = False, batch: int = BATCH_DOCUMENTS):
        self.events = events
        self.count = 0
        self.path = stream.name
        self.batch = batch
        self.pending = 0
        self.document: int | None = None

    def open(self) -> None:
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=MEMORY")
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self.db.executescript(SCHEMA)
        self.db.execute("BEGIN")

    def write(self, result: Result) -> None:
        """One document's records; a long document may come in parts (``result.part`` > 0 after its first), whose
        rows go to the same ``documents`` row."""
        db = self.db
        ref_date = result.ref_date and result.ref_date.isoformat()
        if result.part and self.document is not None:
            document = self.document
            db.execute(
                "UPDATE documents SET mentions = mentions + ?, events = events + ?, ref_date = COALESCE(ref_date, ?),"
                " ref_date_source = COALESCE(ref_date_source, ?) WHERE id = ?",
                (len(result.mentions), len(result.events), ref_date, result.ref_date_source, document),
            )
        else:
            document = db.execute(
                "INSERT INTO documents (doc, ref_date, ref_date_source, mentions, events) VALUES (?, ?, ?, ?, ?)",
                (result.document.id, ref_date, result.ref_date_source, len(result.mentions), len(result.events)),
            ).lastrowid
        self.document = document
        db.executemany(
            "INSERT INTO mentions (document_id, doc, type, text, start, \"end\", value, sentence, amount, amount_max,"
            " currency, unit, qualifier, year_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(document, m.doc, m.type, m.text, m.start, m.end, m.value, m.sentence, sql_number(m.amount),
              sql_number(m.amount_max), m.currency, m.unit, m.qualifier, m.year_source) for m in result.mentions],
        )
        self.count += len(result.mentions)
        if self.events:
            for event in result.events:
                self._write_event(document, event)
            self.count += len(result.events)
        self.pending += 1
        if self.pending >= self.batch:
            db.execute("COMMIT")
            db.execute("BEGIN")
            self.pending = 0

    def _write_event(self, document: int, event: rec.Event) -> None:
        db = self.db
        event_id = db.execute(
            "INSERT INTO events (document_id, doc, event_type, trigger, text, start, \"end\", date, date_year_source,"
            " sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document, event.doc, event.event_type, event.trigger, event.text, event.start, event.end, event.date,
             event.date_year_source, event.sentence),
        ).lastrowid
        for field, table in CHILD_TABLES.items():
            names = getattr(event, field)
            if names:
                db.executemany(f"INSERT INTO {table} (event_id, position, name) VALUES (?, ?, ?)",
                               [(event_id, i, name) for i, name in enumerate(names)])
        if event.money:
            db.executemany(
                "INSERT INTO event_money (event_id, position, text, amount, currency) VALUES (?, ?, ?, ?, ?)",
                [(event_id, i, m["text"], sql_number(m.get("amount")), m.get("currency"))
                 for i, m in enumerate(event.money)],
            )

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.executescript(INDEXES)
        self.db.execute("ANALYZE")
        self.db.close()

