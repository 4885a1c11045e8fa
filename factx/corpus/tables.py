"""Rows of the corpus commands (``factx orgs``) in the formats of ``factx extract``: table, csv, jsonl, json.

The CSV follows the same safety rule as the records' (lists joined with "; ", text cells that a spreadsheet would
run as a formula prefixed with "'"); numeric columns are left alone.
"""

from __future__ import annotations

import csv
import json
from typing import Any, Iterable, Sequence, TextIO

from rich.console import Console
from rich.table import Table

from ..writers import LIST_SEPARATOR, FORMULA_STARTS, Format

__all__ = ["ROW_FORMATS", "write_rows"]

ROW_FORMATS = (Format.table, Format.csv, Format.jsonl, Format.json)


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(map(str, value))
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def table_cell(value: Any, limit: int = 6) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        shown = LIST_SEPARATOR.join(map(str, value[:limit]))
        return shown + (f" (+{len(value) - limit})" if len(value) > limit else "")
    return f"{value:,}" if isinstance(value, int) else str(value)


def write_rows(fmt: Format, stream: TextIO, fields: Sequence[str], rows: Iterable[dict[str, Any]],
               title: str | None = None, numeric: Sequence[str] = ()) -> int:
    """Write ``rows`` (dicts with ``fields``) to ``stream`` in ``fmt``; returns the number of rows."""
    count = 0
    if fmt is Format.jsonl:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    elif fmt is Format.json:
        stream.write("[")
        for row in rows:
            stream.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            count += 1
        stream.write("\n]\n" if count else "]\n")
    elif fmt is Format.csv:
        out = csv.writer(stream, lineterminator="\r\n")
        out.writerow(fields)
        for row in rows:
            out.writerow([csv_cell(row.get(name)) for name in fields])
            count += 1
    elif fmt is Format.table:
        table = Table(title=title, title_justify="left")
        for name in fields:
            table.add_column(name.replace("_", " "), overflow="fold", justify="right" if name in numeric else "left")
        for row in rows:
            table.add_row(*(table_cell(row.get(name)) for name in fields))
            count += 1
        Console(file=stream, width=None if stream.isatty() else 120, highlight=False).print(table)
    else:
        raise ValueError(f"rows cannot be written as {fmt.value}")
    stream.flush()
    return count
