"""Issue 17, item 1: one large document in bounded memory. Its pieces go through the pipeline one after another,
never batched together; their records stream out as each piece is done; a large file is read lazily. (The memory
figures themselves come from ``benchmarks/memory.py --long``, not from a test.)"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import factx
import factx.engine
import factx.guard
import factx.readers
from factx.cli import app
from factx.pieces import iter_pieces, split_text
from factx.readers import FileDocument, Reader

from .conftest import check_mention, read_jsonl

PARAGRAPH = (
    "Pada 15 Desember 2025, PT Pertamina meneken kontrak senilai Rp 1,5 triliun dengan Bank Indonesia di Jakarta. "
    "Kemarin harga naik menjadi Rp 9.355 per liter, kata Sri Mulyani.\n\n"
)


@pytest.mark.parametrize("limit", [7, 50, 333])
@pytest.mark.parametrize("block", [1, 13, 10_000])
def test_pieces_from_blocks_are_those_of_the_whole_text(limit, block):
    text = (PARAGRAPH * 5) + "tanpa-spasi" * 40 + PARAGRAPH.replace("\n", " ")
    blocks = [text[i : i + block] for i in range(0, len(text), block)]
    pieces = list(iter_pieces(blocks, limit))
    assert pieces == split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_pieces_read_the_blocks_only_as_far_as_needed():
    read = []

    def blocks():
        for i in range(1000):
            read.append(i)
            yield PARAGRAPH

    stream = iter_pieces(blocks(), 1000)
    next(stream)
    assert len(read) <= 1000 // len(PARAGRAPH) + 2


@pytest.fixture
def small_pieces(nlp, monkeypatch):
    """Pieces of 2,000 characters and 'large' files from 4 KiB, so that a long document is cheap to test."""
    monkeypatch.setattr(factx.pieces, "PIECE_CHARS", 2000)
    monkeypatch.setattr(factx.readers, "LARGE_FILE_BYTES", 4096)
    return nlp


def test_a_long_document_goes_piece_by_piece_and_streams(small_pieces, monkeypatch, tmp_path):
    nlp = small_pieces
    text = PARAGRAPH * 60  # ~13,000 characters: seven pieces
    path = tmp_path / "panjang.txt"
    path.write_text(text, encoding="utf-8")
    [document] = list(Reader().read([str(path)]))
    assert isinstance(document, FileDocument) and document.length == len(text)

    batches = []
    run_batch = factx.guard.run_batch

    def spy(nlp, docs, remake, config):
        batches.append([len(doc.text) for doc in docs])
        return run_batch(nlp, docs, remake, config)

    monkeypatch.setattr(factx.engine, "run_batch", spy)
    short = factx.Document("pendek", PARAGRAPH)
    stream = factx.results([short, document, short], nlp, parts=True)
    first, second = next(stream), next(stream)
    assert first.document is short and first.complete
    assert second.document is document and not second.complete and second.part == 0
    assert len(batches) == 2  # the second piece has not been run yet: records stream out as pieces finish
    rest = list(stream)
    parts = [second] + rest[:-1]
    assert rest[-1].document is short
    assert [r.part for r in parts] == list(range(len(parts))) and len(parts) == len(split_text(text, 2000))
    assert [r.complete for r in parts] == [False] * (len(parts) - 1) + [True]
    assert [r.done for r in parts] == [o + len(p) for o, p in split_text(text, 2000)]
    assert all(len(batch) == 1 and batch[0] <= 2000 for batch in batches[1:-1])  # one piece at a time

    records = [m.to_dict() for r in parts for m in r.mentions]
    for record in records:
        check_mention(record, text)
    assert sum(r["type"] == "MONEY" for r in records) == 2 * 60
    # The same records as one Result for the whole document (parts=False), and sentence numbers run on.
    [whole] = list(factx.results([document], nlp))
    assert [m.to_dict() for m in whole.mentions] == records and whole.complete
    sentences = [r["sentence"] for r in records]
    assert sentences == sorted(sentences) and max(sentences) >= 2 * 60 - 1


def test_cli_on_a_long_file_writes_every_piece(small_pieces, cli_nlp, tmp_path):
    text = PARAGRAPH * 30
    path = tmp_path / "panjang.txt"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    records = read_jsonl(target.read_text(encoding="utf-8"))
    for record in records:
        check_mention(record, text)
        assert record["doc"] == str(path)
    assert sum(r["type"] == "MONEY" for r in records) == 2 * 30
    assert "factx: 1 document," in result.stderr  # the pieces count as one document


def test_table_view_of_a_long_document_marks_its_parts(small_pieces, cli_nlp, tmp_path):
    path = tmp_path / "panjang.txt"
    path.write_text(PARAGRAPH * 12, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "-f", "table", "-q"])
    assert result.exit_code == 0
    assert f"{path} (part 1, to character" in result.stdout
    assert result.stdout.count("reference date:") == 1  # once, after the last part


def test_a_long_jsonl_text_is_cut_too(small_pieces, cli_nlp, tmp_path):
    text = PARAGRAPH * 20
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "satu", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "-f", "jsonl", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    records = read_jsonl(result.stdout)
    for record in records:
        check_mention(record, text)
    assert sum(r["type"] == "MONEY" for r in records) == 2 * 20


def test_progress_counts_documents_and_the_characters_of_a_long_one(small_pieces, cli_nlp, tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from factx import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "stderr", Console(file=screen, force_terminal=True, width=120, highlight=False))
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (folder / "b.txt").write_text(PARAGRAPH, encoding="utf-8")
    (folder / "c-panjang.txt").write_text(PARAGRAPH * 30, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(folder), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    shown = screen.getvalue()
    assert "documents" in shown and "/3" in shown  # the total is known: three files
    assert "characters" in shown and f"/{len(PARAGRAPH) * 30}" in shown
    assert "factx: 3 documents" in shown
    assert sum(r["type"] == "MONEY" for r in read_jsonl(result.stdout)) == 2 * 32
