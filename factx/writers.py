"""Every output format in one place, streaming: one :class:`Writer` takes results document by document."""

from __future__ import annotations

import csv
import json
from enum import Enum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import records as rec
from .engine import Result

__all__ = [
    "Format", "EXTENSIONS", "Writer", "JsonlWriter", "JsonWriter", "CsvWriter", "TableWriter", "WRITERS",
    "make_writer", "safe_cell"
]

LIST_SEPARATOR = "; "
# Text cells starting with one of these are prefixed with "'" so spreadsheets do not run them as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REF_SOURCES = {
    "option": "--ref-date",
    "field": "the document's date field",
    "dateline": "the dateline",
    "latest-date": "the latest full date in the text",
}


class Format(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    json = "json"
    sqlite = "sqlite"


EXTENSIONS = {".csv": Format.csv, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl, ".json": Format.json,
              ".txt": Format.table, ".sqlite": Format.sqlite, ".sqlite3": Format.sqlite, ".db": Format.sqlite}
# Formats written to a file by path (-o FILE), never to stdout.
FILE_ONLY = frozenset({Format.sqlite})


def safe_cell(value: Any, column: str) -> Any:
    """A CSV cell: None -> "", lists joined, text made inert for spreadsheets (numeric columns untouched)."""
    if value is None:
        return ""
    if column in rec.NUMERIC_COLUMNS:
        return value
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(money_text(v) if isinstance(v, dict) else str(v) for v in value)
    value = str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def money_text(money: dict[str, Any]) -> str:
    amount = money.get("amount")
    return f"{money['text']} = {amount} {money.get('currency') or ''}".strip()


def ref_note(result: Result) -> str:
    if result.ref_date is None:
        return "reference date: none (relative dates left unresolved)"
    source = REF_SOURCES.get(result.ref_date_source or "", result.ref_date_source or "unknown")
    return f"reference date: {result.ref_date.isoformat()} (from {source})"


class Writer:
    def __init__(self, stream: TextIO, events: bool = False):
        self.stream = stream
        self.events = events
        self.count = 0

    def records(self, result: Result) -> list[rec.Mention | rec.Event]:
        return result.events if self.events else result.mentions

    def open(self) -> None:
        pass

    def write(self, result: Result) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class JsonlWriter(Writer):
    def write(self, result: Result) -> None:
        for record in self.records(result):
            self.stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            self.count += 1


class JsonWriter(Writer):
    def open(self) -> None:
        self.stream.write("[")

    def write(self, result: Result) -> None:
        for record in self.records(result):
            self.stream.write(("," if self.count else "") + "\n  " + json.dumps(record.to_dict(), ensure_ascii=False))
            self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        super().close()


class CsvWriter(Writer):
    def open(self) -> None:
        self.columns = rec.EVENT_FIELDS if self.events else rec.MENTION_COLUMNS
        self.csv = csv.writer(self.stream, lineterminator="\r\n")
        self.csv.writerow(self.columns)

    def write(self, result: Result) -> None:
        for record in self.records(result):
            row = record.to_dict()
            self.csv.writerow([safe_cell(row.get(column), column) for column in self.columns])
            self.count += 1


class TableWriter(Writer):
    """One Rich table of mentions per document (and, with events, an Events table after it)."""

    def open(self) -> None:
        self.console = Console(file=self.stream, width=None if self.stream.isatty() else 100, highlight=False)

    def write(self, result: Result) -> None:
        self.console.print(Text(result.document.id, style="bold"), soft_wrap=True)
        table = Table()
        table.add_column("type", no_wrap=True)
        table.add_column("text", overflow="fold", max_width=40)
        table.add_column("value", overflow="fold", max_width=36)
        table.add_column("sent.", justify="right", no_wrap=True)
        for mention in sorted(result.mentions, key=lambda m: (m.start, m.end)):
            table.add_row(mention.type, mention.text, display_value(mention), str(mention.sentence))
            self.count += 1
        self.console.print(table)
        self.console.print(Text(ref_note(result), style="dim"), soft_wrap=True)
        if self.events:
            self.console.print(events_table(result.events))
            self.count += len(result.events)


def display_value(mention: rec.Mention) -> str:
    if mention.type == "DATE" and mention.value and mention.year_source == "inferred":
        return f"{mention.value} (year inferred)"
    if mention.type != "MONEY" or mention.amount is None:
        return mention.value or ""
    amount = f"{rec.number(mention.amount):,}"
    if mention.amount_max is not None:
        amount += f" – {rec.number(mention.amount_max):,}"
    out = f"{amount} {mention.currency or '?'}"
    if mention.unit:
        out += f" per {mention.unit}"
    return out


def events_table(events: list[rec.Event]) -> Table:
    table = Table(title="Events", title_justify="left")
    for name, width in (("date", 10), ("type", 13), ("who", 28), ("what", 20), ("where", 18), ("amount", 20)):
        table.add_column(name, overflow="fold", max_width=width)
    for event in events:
        who = LIST_SEPARATOR.join(event.orgs + event.people)
        money = LIST_SEPARATOR.join(f"{m['amount']:,} {m['currency']}" if m["amount"] is not None else m["text"]
                                    for m in event.money)
        date = event.date or ""
        if date and event.date_year_source == "inferred":
            date += " (year inferred)"
        table.add_row(date, event.event_type, who, event.trigger, LIST_SEPARATOR.join(event.places),
                      money)
    return table


WRITERS = {Format.table: TableWriter, Format.csv: CsvWriter, Format.jsonl: JsonlWriter, Format.json: JsonWriter}


def make_writer(fmt: Format, stream: TextIO, events: bool = False) -> Writer:
    if fmt is Format.sqlite:  # the database writer builds on this module
        from .corpus.sqlite import SqliteWriter

        return SqliteWriter(stream, events=events)
    return WRITERS[fmt](stream, events=events)
