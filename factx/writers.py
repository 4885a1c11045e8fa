"""Every output format in one place, streaming: one :class:`Writer` takes results document by document."""

from __future__ import annotations

import csv
import json
import re
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
# JSON integers pandas.read_json (and any reader that keeps numbers as 64-bit integers) can hold; a larger amount
# is written as a JSON float (1e+28), which keeps its first 17 digits (no amount in news has more).
JSON_INT_MAX = 2**63 - 1
# Control characters (C0 but tab and line ends, DEL, C1; ESC starts the terminal's escape codes): the table view
# drops them, so text from the input cannot move the cursor, recolour or retitle the terminal. Tab and line ends
# become spaces there. Every other format writes the text as it is.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SPACES = re.compile(r"[\t\n\r]")
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


def json_safe(row: dict[str, Any]) -> dict[str, Any]:
    """A record's dict with amounts beyond 64-bit integers as floats (see :data:`JSON_INT_MAX`)."""
    for key in ("amount", "amount_max"):
        value = row.get(key)
        if isinstance(value, int) and abs(value) > JSON_INT_MAX:
            row[key] = float(value)
    if isinstance(row.get("money"), list):
        row["money"] = [json_safe(dict(money)) for money in row["money"]]
    return row


def dumps(record: rec.Mention | rec.Event) -> str:
    return json.dumps(json_safe(record.to_dict()), ensure_ascii=False)


def terminal_text(value: Any) -> Text:
    """A table cell: control characters dropped, tab and line ends as spaces, no Rich markup read in it."""
    return Text(CONTROL.sub("", SPACES.sub(" ", str(value))))


class JsonlWriter(Writer):
    def write(self, result: Result) -> None:
        for record in self.records(result):
            self.stream.write(dumps(record) + "\n")
            self.count += 1


class JsonWriter(Writer):
    def open(self) -> None:
        self.stream.write("[")

    def write(self, result: Result) -> None:
        for record in self.records(result):
            self.stream.write(("," if self.count else "") + "\n  " + dumps(record))
            self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "]\n")
        super().close()


class CsvWriter(Writer):
    """CSV for spreadsheets: formula-like cells made inert; with ``bom`` a UTF-8 byte-order mark first, which Excel
    needs to read the file as UTF-8 (the CLI writes it for ``-o FILE.csv``, see the README's Output section)."""

    def __init__(self, stream: TextIO, events: bool = False, bom: bool = False):
        super().__init__(stream, events)
        self.bom = bom

    def open(self) -> None:
        if self.bom:
            self.stream.write("\ufeff")
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
        heading = terminal_text(result.document.id)
        heading.stylize("bold")
        if result.part or not result.complete:
            heading.append(f" (part {result.part + 1}, to character {result.done:,})", style="dim")
        self.console.print(heading, soft_wrap=True)
        table = Table()
        table.add_column("type", no_wrap=True)
        table.add_column("text", overflow="fold", max_width=40)
        table.add_column("value", overflow="fold", max_width=36)
        table.add_column("sent.", justify="right", no_wrap=True)
        for mention in sorted(result.mentions, key=lambda m: (m.start, m.end)):
            table.add_row(mention.type, terminal_text(mention.text), terminal_text(display_value(mention)),
                          str(mention.sentence))
            self.count += 1
        self.console.print(table)
        if result.complete:
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
        cells = (date, event.event_type, who, event.trigger, LIST_SEPARATOR.join(event.places), money)
        table.add_row(*(terminal_text(cell) for cell in cells))
    return table


WRITERS = {Format.table: TableWriter, Format.csv: CsvWriter, Format.jsonl: JsonlWriter, Format.json: JsonWriter}


def make_writer(fmt: Format, stream: TextIO, events: bool = False, bom: bool = False) -> Writer:
    """The writer of ``fmt``; ``bom`` (CSV only) starts the file with a UTF-8 byte-order mark."""
    if fmt is Format.sqlite:  # the database writer builds on this module
        from .corpus.sqlite import SqliteWriter

        return SqliteWriter(stream, events=events)
    if fmt is Format.csv:
        return CsvWriter(stream, events=events, bom=bom)
    return WRITERS[fmt](stream, events=events)
