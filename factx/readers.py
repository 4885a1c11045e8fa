"""Inputs: text files, JSONL corpora, folders and stdin, read as a stream of :class:`Document`.

Problems never stop the stream: each one is handed to ``on_problem`` (the CLI prints it) and the reader goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

__all__ = ["Document", "Problem", "Reader", "decode", "is_binary", "parse_date"]

SNIFF_BYTES = 8192
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass
class Document:
    id: str
    text: str
    ref_date: dt.date | None = None
    ref_date_source: str | None = None


@dataclass
class Problem:
    """Something wrong with an input. ``skipped`` is True when input was left out (not just warned about)."""

    where: str
    message: str
    skipped: bool = True
    missing: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


ProblemHandler = Callable[[Problem], None]


def _ignore(problem: Problem) -> None:
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (a BOM is dropped), else cp1252, else latin-1. Returns (text, encoding)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def is_binary(data: bytes) -> bool:
    """True for data that is not text: a NUL byte in its first 8 KiB."""
    return b"\x00" in data[:SNIFF_BYTES]


def parse_date(value: object) -> dt.date | None:
    """A reference date from a JSONL field: ``YYYY-MM-DD`` or an ISO datetime; None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass
class Reader:
    """Turns PATH arguments into Documents. ``glob`` picks files inside folders (several patterns: comma-separated)."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    glob: str = "*.txt,*.jsonl"
    on_problem: ProblemHandler = _ignore

    def read(self, paths: Iterable[str]) -> Iterator[Document]:
        for arg in paths:
            if arg == "-":
                yield from self._read_stream(sys.stdin.buffer, "-")
                continue
            path = Path(arg)
            if path.is_dir():
                for file in self._walk(path):
                    yield from self._read_file(file, str(file))
            elif path.exists() or path.is_symlink():
                yield from self._read_file(path, arg)
            else:
                self.on_problem(Problem(arg, "no such file or folder", missing=True))

    def _walk(self, folder: Path) -> Iterator[Path]:
        patterns = [p.strip() for p in self.glob.split(",") if p.strip()]
        found = {file for pattern in patterns for file in folder.rglob(pattern)}
        yield from sorted(f for f in found if f.is_file() or f.is_symlink())

    def _read_file(self, path: Path, name: str) -> Iterator[Document]:
        try:
            with path.open("rb") as handle:
                yield from self._read_stream(handle, name, jsonl=path.suffix.lower() == ".jsonl")
        except OSError as error:
            self.on_problem(Problem(name, f"cannot read: {error.strerror or error}"))

    def _read_stream(self, handle, name: str, jsonl: bool = False) -> Iterator[Document]:
        if jsonl:
            yield from self._read_jsonl(handle, name)
            return
        data = handle.read()
        if is_binary(data):
            self.on_problem(Problem(name, "binary file, skipped"))
            return
        text, encoding = decode(data)
        if encoding != "utf-8":
            self.on_problem(Problem(name, f"not valid UTF-8; decoded as {encoding}", skipped=False))
        yield Document(name, text)

    def _read_jsonl(self, handle, name: str) -> Iterator[Document]:
        for number, raw in enumerate(handle, start=1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            if b"\x00" in raw:
                self.on_problem(Problem(where, "binary data, line skipped"))
                continue
            line, encoding = decode(raw)
            if encoding != "utf-8":
                self.on_problem(Problem(where, f"not valid UTF-8; decoded as {encoding}", skipped=False))
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                self.on_problem(Problem(where, f"malformed JSON ({error.msg}), line skipped"))
                continue
            if not isinstance(record, dict):
                self.on_problem(Problem(where, "not a JSON object, line skipped"))
                continue
            text = record.get(self.text_field)
            if not isinstance(text, str):
                self.on_problem(Problem(where, f'no string field "{self.text_field}", line skipped'))
                continue
            doc_id = record.get(self.id_field)
            doc_id = str(number) if doc_id is None else str(doc_id)
            ref_date = parse_date(record.get(self.date_field))
            if record.get(self.date_field) not in (None, "") and ref_date is None:
                self.on_problem(
                    Problem(where, f'unreadable date "{record.get(self.date_field)}" ignored', skipped=False)
                )
            yield Document(f"{name}:{doc_id}", text, ref_date, "field" if ref_date else None)
