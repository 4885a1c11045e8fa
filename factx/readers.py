"""Inputs: text files, JSONL corpora, folders and stdin, read as a stream of :class:`Document`.

Problems never stop the stream: each one is handed to ``on_problem`` (the CLI prints it) and the reader goes on.
Text is UTF-8 (a BOM dropped), or UTF-16/UTF-32 when it starts with their BOM, else cp1252, else latin-1. A text
file over :data:`LARGE_FILE_BYTES` is not read into memory: it becomes a :class:`FileDocument` whose text is
streamed in blocks (see :mod:`factx.pieces`). Folders are walked following symbolic links, each real folder once.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
import json
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator

__all__ = ["Document", "FileDocument", "Problem", "Reader", "StdinFormat", "decode", "is_binary", "parse_date",
           "sniff_bom"]

SNIFF_BYTES = 8192
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text files larger than this are streamed (FileDocument) instead of read whole; blocks are read this size.
LARGE_FILE_BYTES = 16 * 2**20
BLOCK_BYTES = 256 * 2**10


class StdinFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


@dataclass
class Document:
    id: str
    text: str
    ref_date: dt.date | None = None
    ref_date_source: str | None = None
    # Where the document came from, for messages: "FILE" or "FILE:LINE" (a JSONL line); None when not read by factx.
    where: str | None = None

    @property
    def length(self) -> int:
        """The text's length in characters."""
        return len(self.text)

    def blocks(self) -> Iterator[str]:
        """The text in one or more blocks that joined give it back (a :class:`FileDocument` reads them lazily)."""
        yield self.text


class FileDocument(Document):
    """A large text file, read lazily: :meth:`blocks` streams its decoded text, ``length`` was counted when the
    file was checked. ``text`` reads the whole file (for code that needs it as one string)."""

    def __init__(self, id: str, path: Path, encoding: str, length: int):
        self.path, self.encoding, self._length = Path(path), encoding, length
        super().__init__(id, "", where=id)

    @property  # type: ignore[override]
    def text(self) -> str:
        return "".join(self.blocks())

    @text.setter
    def text(self, value: str) -> None:  # the dataclass __init__ sets it; the file is the text
        pass

    @property
    def length(self) -> int:
        return self._length

    def blocks(self) -> Iterator[str]:
        with self.path.open("rb") as handle:
            yield from decoded_blocks(handle, self.encoding)

    def __repr__(self) -> str:
        return (f"FileDocument(id={self.id!r}, path={str(self.path)!r}, encoding={self.encoding!r}, "
                f"length={self.length})")


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


def sniff_bom(data: bytes) -> str | None:
    """The codec named by the byte-order mark ``data`` starts with ("utf-8-sig", "utf-16", "utf-32"), or None."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decoded_blocks(handle, encoding: str) -> Iterator[str]:
    """The text of a binary stream decoded block by block (a BOM the codec knows is dropped)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    while block := handle.read(BLOCK_BYTES):
        if text := decoder.decode(block):
            yield text
    if text := decoder.decode(b"", final=True):
        yield text


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes by their BOM (UTF-8, UTF-16, UTF-32), else as UTF-8, else cp1252, else latin-1. Returns
    (text, encoding); a UTF-16/32 text that does not decode raises UnicodeDecodeError."""
    bom = sniff_bom(data)
    if bom == "utf-16" or bom == "utf-32":
        return data.decode(bom), bom
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
    """Turns PATH arguments into Documents. ``glob`` picks files inside folders (several patterns: comma-separated).
    ``stdin_format`` says how ``-`` is read: ``auto`` takes it as JSONL when its first line is a JSON object."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    glob: str = "*.txt,*.jsonl"
    on_problem: ProblemHandler = _ignore
    stdin_format: StdinFormat = StdinFormat.auto

    def read(self, paths: Iterable[str]) -> Iterator[Document]:
        for arg in paths:
            if arg == "-":
                yield from self._read_stdin(sys.stdin.buffer)
                continue
            path = Path(arg)
            if path.is_dir():
                files = self.files(path)
                if not files:
                    self.on_problem(Problem(arg, f"no files matching {self.glob} in this folder"))
                for file in files:
                    yield from self._read_file(file, str(file))
            elif path.exists() or path.is_symlink():
                yield from self._read_file(path, arg)
            else:
                self.on_problem(Problem(arg, "no such file or folder", missing=True))

    def count(self, paths: Iterable[str]) -> int | None:
        """How many documents ``paths`` hold (a text file is one, a JSONL file one per non-blank line), without
        decoding them; None when stdin is among them. Lines that turn out unreadable are counted too."""
        total = 0
        for arg in paths:
            if arg == "-":
                return None
            path = Path(arg)
            for file in self.files(path) if path.is_dir() else [path]:
                if file.suffix.lower() != ".jsonl":
                    total += file.is_file()
                    continue
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
        return total

    def files(self, folder: Path) -> list[Path]:
        """The files under ``folder`` matching ``glob``, sorted; symbolic links to folders are followed, and a
        folder reached again (a link loop) is not walked twice."""
        patterns = [p.strip() for p in self.glob.split(",") if p.strip()]
        found = []
        seen: set[tuple[int, int]] = set()
        for root, dirs, names in os.walk(folder, followlinks=True):
            try:
                info = os.stat(root)
            except OSError:
                dirs[:] = []
                continue
            if (info.st_dev, info.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((info.st_dev, info.st_ino))
            base = Path(root)
            for name in names:
                relative = PurePath(os.path.relpath(base / name, folder))
                if any(relative.match(pattern) for pattern in patterns):
                    file = base / name
                    if file.is_file() or file.is_symlink():
                        found.append(file)
        return sorted(found)

    def _read_file(self, path: Path, name: str) -> Iterator[Document]:
        try:
            with path.open("rb") as handle:
                if path.suffix.lower() == ".jsonl":
                    yield from self._read_jsonl(handle, name)
                elif path.stat().st_size > LARGE_FILE_BYTES:
                    document = self._large(handle, path, name)
                    if document is not None:
                        yield document
                else:
                    yield from self._read_text(handle.read(), name)
        except OSError as error:
            self.on_problem(Problem(name, f"cannot read: {error.strerror or error}"))

    def _read_stdin(self, handle) -> Iterator[Document]:
        if self.stdin_format is StdinFormat.text:
            yield from self._read_text(handle.read(), "-")
            return
        first = handle.readline()
        if self.stdin_format is StdinFormat.jsonl or looks_like_jsonl(first):
            yield from self._read_jsonl(itertools.chain([first], handle), "-")
        else:
            yield from self._read_text(first + handle.read(), "-")

    def _large(self, handle, path: Path, name: str) -> Document | None:
        """A large text file checked in one streaming pass (binary? which encoding? how many characters?)."""
        head = handle.read(SNIFF_BYTES)
        encoding = sniff_bom(head)
        if encoding is None and is_binary(head):
            self.on_problem(Problem(name, "binary file, skipped"))
            return None
        for candidate in [encoding] if encoding else ["utf-8", *FALLBACK_ENCODINGS]:
            handle.seek(0)
            try:
                length = sum(len(block) for block in decoded_blocks(handle, candidate))
            except UnicodeDecodeError as error:
                if encoding:
                    self.on_problem(Problem(name, f"not valid {encoding.upper()} ({error.reason}), skipped"))
                    return None
                continue
            if candidate in FALLBACK_ENCODINGS:
                self.on_problem(Problem(name, f"not valid UTF-8; decoded as {candidate}", skipped=False))
            return FileDocument(name, path, candidate, length)
        raise AssertionError("latin-1 decodes any bytes")

    def _read_text(self, data: bytes, name: str) -> Iterator[Document]:
        if sniff_bom(data) is None and is_binary(data):
            self.on_problem(Problem(name, "binary file, skipped"))
            return
        try:
            text, encoding = decode(data)
        except UnicodeDecodeError as error:
            self.on_problem(Problem(name, f"not valid {error.encoding.upper()} ({error.reason}), skipped"))
            return
        if encoding in FALLBACK_ENCODINGS:
            self.on_problem(Problem(name, f"not valid UTF-8; decoded as {encoding}", skipped=False))
        yield Document(name, text, where=name)

    def _lines(self, handle, name: str) -> Iterator[tuple[int, str | None, str | None]]:
        """(line number, text, encoding) of each line of a JSONL stream; text None for a line of binary data. A
        UTF-16/32 stream (by its BOM) is decoded as a whole, a UTF-8 one line by line (a bad line falls back)."""
        lines = iter(handle)
        first = next(lines, b"")
        bom = sniff_bom(first)
        if bom in ("utf-16", "utf-32"):
            stream = io.TextIOWrapper(io.BufferedReader(_Chain(itertools.chain([first], lines))), encoding=bom)
            try:
                for number, line in enumerate(stream, start=1):
                    yield number, line, bom
            except UnicodeDecodeError as error:
                self.on_problem(Problem(name, f"not valid {bom.upper()} ({error.reason}), rest of file skipped"))
            return
        for number, raw in enumerate(itertools.chain([first], lines), start=1):
            if not raw.strip():
                continue
            if b"\x00" in raw:
                yield number, None, None
                continue
            line, encoding = decode(raw)
            yield number, line, encoding

    def _read_jsonl(self, handle, name: str) -> Iterator[Document]:
        for number, line, encoding in self._lines(handle, name):
            where = f"{name}:{number}"
            if line is None:
                self.on_problem(Problem(where, "binary data, line skipped"))
                continue
            if not line.strip():
                continue
            if encoding in FALLBACK_ENCODINGS:
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
            yield Document(f"{name}:{doc_id}", text, ref_date, "field" if ref_date else None, where=where)


def looks_like_jsonl(line: bytes) -> bool:
    """True for a first line that is a JSON object (how ``--stdin-format auto`` recognises JSONL on stdin)."""
    text = line.lstrip(codecs.BOM_UTF8).strip()
    if not text.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


class _Chain(io.RawIOBase):
    """A raw binary stream over an iterator of byte strings (the lines already read, then the rest)."""

    def __init__(self, parts: Iterator[bytes]):
        self.parts, self.rest = parts, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.rest:
            self.rest = next(self.parts, b"")
            if not self.rest:
                return 0
        size = min(len(buffer), len(self.rest))
        buffer[:size], self.rest = self.rest[:size], self.rest[size:]
        return size
