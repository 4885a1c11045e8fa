"""``factx report --data-dir DIR``: everything in full, as CSV files beside the capped tables of the page.

Streamed as the documents pass (``frames.csv``, ``money.csv``, ``unresolved_dates.csv``), then the aggregates at the
end (``organisations.csv``, ``timeline.csv``, ``money_by_org_year.csv``, ``money_by_year.csv``). The CSV follows
the records' safety rule (see :mod:`factx.corpus.tables`).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from .aggregate import CorpusStats, sentence_around
from .orgs import ORG_FIELDS
from .tables import csv_cell

if TYPE_CHECKING:
    from ..api import Result

__all__ = ["DataDir", "FILES"]

FILES = {
    "frames.csv": ("doc", "date", "event_type", "trigger", "orgs", "people", "places", "money", "text", "start",
                   "end", "sentence"),
    "money.csv": ("doc", "text", "amount", "amount_max", "currency", "unit", "qualifier", "start", "end",
                  "sentence_text"),
    "unresolved_dates.csv": ("doc", "text", "start", "end", "sentence_text"),
    "organisations.csv": ORG_FIELDS,
    "timeline.csv": ("period", "event_type", "frames"),
    "money_by_org_year.csv": ("organisation", "currency", "year", "total", "frames"),
    "money_by_year.csv": ("currency", "year", "total", "amounts"),
}
STREAMED = ("frames.csv", "money.csv", "unresolved_dates.csv")


class DataDir:
    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.handles = {name: (folder / name).open("w", encoding="utf-8", newline="") for name in STREAMED}
        self.writers = {name: csv.writer(handle, lineterminator="\r\n") for name, handle in self.handles.items()}
        for name in STREAMED:
            self.writers[name].writerow(FILES[name])

    def _row(self, name: str, row: dict) -> None:
        self.writers[name].writerow([csv_cell(row.get(column)) for column in FILES[name]])

    def add(self, result: Result) -> None:
        text = result.document.text
        for event in result.events:
            row = event.to_dict()
            row["money"] = [f"{m['text']} = {m['amount']} {m.get('currency') or ''}".strip() for m in event.money]
            self._row("frames.csv", row)
        for mention in result.mentions:
            if mention.type == "MONEY" or (mention.type == "DATE" and mention.value is None):
                row = mention.to_dict()
                row["sentence_text"] = sentence_around(text, mention.start, mention.end)
                self._row("money.csv" if mention.type == "MONEY" else "unresolved_dates.csv", row)

    def finish(self, stats: CorpusStats) -> None:
        """The aggregate files; call after :meth:`CorpusStats.organisations` has run (the report does)."""
        self.close()
        self._write("organisations.csv", (row.to_dict() for row in stats.organisations()))
        self._write("timeline.csv", ({"period": p, "event_type": t, "frames": n} for p, t, n in stats.timeline()))
        self._write("money_by_org_year.csv", (
            {"organisation": r.name, "currency": r.currency, "year": r.year, "total": r.total, "frames": r.frames}
            for r in sorted(stats.money_rows(), key=lambda r: (r.currency, r.name.casefold(), r.year or ""))))
        self._write("money_by_year.csv", (
            {"currency": currency, "year": year, "total": total, "amounts": n}
            for (currency, year), (total, n) in sorted(stats.money_years.items(), key=lambda i: (i[0][0], i[0][1] or ""))))

    def _write(self, name: str, rows) -> None:
        with (self.folder / name).open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\r\n")
            out.writerow(FILES[name])
            for row in rows:
                out.writerow([csv_cell(row.get(column)) for column in FILES[name]])

    def close(self) -> None:
        for handle in self.handles.values():
            if not handle.closed:
                handle.close()
