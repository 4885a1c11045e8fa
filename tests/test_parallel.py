"""--jobs: worker processes give the same results as one process, in input order, streaming."""

from __future__ import annotations

import itertools
import json
import os
from concurrent.futures.process import BrokenProcessPool
from decimal import Decimal

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import factx
from factx.cli import app
import factx.parallel
from factx.parallel import chunks, parallel_results, resolve_jobs, zoned_results

# Our own sentences (no corpus text in the repository), varied by number so that every document differs.
TEMPLATES = (
    "Bank Indonesia menaikkan suku bunga acuan menjadi {n} persen pada {d} Maret 2024, kata Budi Santoso di Jakarta.",
    "PT Pertamina meneken kontrak senilai Rp {n} miliar dengan Garuda Indonesia.\n\nKontrak itu berlaku {d} tahun.",
    "Gempa berkekuatan {n} magnitudo mengguncang Padang pada Senin, {d} Januari 2023. Warga mengungsi.",
    "Tidak ada angka di sini, hanya kalimat biasa tentang cuaca yang cerah.",
)
PATTERNS = [
    {"label": "ORG", "pattern": "Bank Indonesia"},
    {"label": "ORG", "pattern": "PT Pertamina"},
    {"label": "ORG", "pattern": "Garuda Indonesia"},
    {"label": "PER", "pattern": "Budi Santoso"},
    {"label": "LOC", "pattern": "Jakarta"},
    {"label": "LOC", "pattern": "Padang"},
]


@Language.component("test_parallel_values")
def values(doc):
    """Puts extension values (a Decimal among them) on ORG entities, to check they survive the trip back."""
    for ent in doc.ents:
        if ent.label_ == "ORG":
            ent._.value = ent.text.upper()
            ent._.amount = Decimal(len(ent.text)) / 8
    return doc


@Language.component("test_parallel_boom")
def boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("boom in a worker")
    return doc


@Language.component("test_parallel_die")
def die(doc):
    if "DIE" in doc.text:
        os._exit(3)  # as a worker killed for lack of memory
    return doc


def corpus(count: int = 120) -> list[factx.Document]:
    docs = [
        factx.Document(f"doc-{i}", TEMPLATES[i % len(TEMPLATES)].format(n=i + 1, d=i % 28 + 1)) for i in range(count)
    ]
    # One text longer than nlp.max_length (see ruler_nlp), which results() cuts into pieces.
    docs.insert(7, factx.Document("long", " ".join(TEMPLATES[:3]).format(n=9, d=9) * 12))
    return docs


def ruler_pipeline(nlp: Language) -> Language:
    """factx's pipeline plus an entity ruler, so that ORG/PER/LOC mentions exist without a trained model."""
    ruler = nlp.add_pipe("entity_ruler", before="factx_money")
    ruler.add_patterns(PATTERNS)
    return nlp


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = ruler_pipeline(factx.load())
    nlp.add_pipe("test_parallel_values", after="entity_ruler")
    nlp.max_length = 1000
    return nlp


@pytest.fixture(scope="module")
def expected(ruler_nlp):
    return list(factx.results(corpus(), ruler_nlp, events=True))


def test_same_results_as_one_process(ruler_nlp, expected):
    found = list(parallel_results(corpus(), ruler_nlp, jobs=2, events=True, chunk_docs=7))
    assert found == expected
    assert [r.document.id for r in found] == [d.id for d in corpus()]
    mentions = [m for r in found for m in r.mentions]
    assert {"ORG", "PER", "LOC"} <= {m.type for m in mentions}
    assert any(isinstance(m.amount, Decimal) for m in mentions)
    assert max(m.end for m in found[7].mentions) > ruler_nlp.max_length  # the long one, in pieces


def test_jobs_option_of_the_library(ruler_nlp):
    texts = [d.text for d in corpus()]
    records = list(factx.extract(texts, ruler_nlp, types="org,loc", jobs=2))
    assert records == list(factx.extract(texts, ruler_nlp, types="org,loc"))
    assert {m.type for m in records} == {"ORG", "LOC"}
    ids = [int(m.doc) for m in records]  # str inputs are numbered by their place in the whole stream
    assert ids == sorted(ids) and ids[-1] > 100


def test_memory_zones_give_the_same_results(ruler_nlp, expected):
    assert list(zoned_results(corpus(), ruler_nlp, block=7, events=True)) == expected
    assert list(factx.results(corpus(), ruler_nlp, events=True, memory_zones=True)) == expected
    texts = [d.text for d in corpus()]
    assert list(factx.extract(texts, ruler_nlp, memory_zones=True)) == list(factx.extract(texts, ruler_nlp))


def test_memory_zones_free_the_words_each_block_adds(ruler_nlp):
    texts = [f"Budi Santoso membeli saham Zqx{i}vv di Jakarta." for i in range(40)]
    found = list(zoned_results(texts, ruler_nlp, block=10))
    assert [r.document.id for r in found] == [str(i) for i in range(40)]
    assert all({"Budi Santoso", "Jakarta"} <= {m.text for m in r.mentions} for r in found)
    strings = ruler_nlp.vocab.strings
    assert all(f"Zqx{i}vv" in strings for i in range(10))  # the warm-up's words stay
    assert not any(f"Zqx{i}vv" in strings for i in range(10, 40))


def test_workers_use_memory_zones_after_their_warm_up(ruler_nlp, expected, monkeypatch):
    monkeypatch.setattr(factx.parallel, "ZONE_DOCS", 10)
    assert list(parallel_results(corpus(), ruler_nlp, jobs=2, events=True, chunk_docs=5)) == expected


def test_streams_with_bounded_work_in_flight(ruler_nlp):
    read = 0

    def endless():
        nonlocal read
        for i in itertools.count():
            read += 1
            yield f"Budi Santoso ke Jakarta hari ke-{i}."

    stream = parallel_results(endless(), ruler_nlp, jobs=2, chunk_docs=5, window=3)
    first = list(itertools.islice(stream, 12))
    stream.close()
    assert [r.document.id for r in first] == [str(i) for i in range(12)]
    assert {"Budi Santoso", "Jakarta"} <= {m.text for m in first[3].mentions}
    # 12 results need 3 chunks of 5; with at most 3 chunks in flight, no more than 2 further chunks were read.
    assert read <= (3 + 2) * 5


def test_error_in_a_worker_skips_that_document_only(ruler_nlp):
    nlp = ruler_pipeline(factx.load())
    nlp.add_pipe("test_parallel_boom")
    texts = ["Budi Santoso di Padang."] * 20 + ["BOOM"] + ["Budi Santoso di Padang."] * 20
    found = list(parallel_results(texts, nlp, jobs=2, chunk_docs=4))
    assert [r.document.id for r in found] == [str(i) for i in range(41)]
    assert found[20].error == "ValueError: boom in a worker" and found[20].mentions == []
    assert all(r.error is None and r.mentions for r in found[:20] + found[21:])


def test_a_worker_that_dies_is_an_error_not_a_hang():
    nlp = ruler_pipeline(factx.load())
    nlp.add_pipe("test_parallel_die")
    texts = ["Budi Santoso di Padang."] * 10 + ["DIE"] + ["Budi Santoso di Padang."] * 10
    with pytest.raises(BrokenProcessPool):
        list(parallel_results(texts, nlp, jobs=2, chunk_docs=3))


def test_unknown_type_fails_before_any_work(ruler_nlp):
    with pytest.raises(ValueError, match="unknown type"):
        parallel_results([], ruler_nlp, jobs=2, types="nope").__next__()


@pytest.mark.parametrize("jobs, expected", [(1, 1), (3, 3)])
def test_resolve_jobs(jobs, expected):
    assert resolve_jobs(jobs) == expected


def test_resolve_jobs_zero_is_every_core_and_negative_fails():
    assert resolve_jobs(0) >= 1
    with pytest.raises(ValueError):
        resolve_jobs(-1)


def test_chunks_cut_at_documents_or_characters():
    docs = [factx.Document(str(i), "x" * size) for i, size in enumerate([10, 10, 10, 50, 10, 10])]
    assert [[d.id for d in c] for c in chunks(docs, docs=2, chars=1000)] == [["0", "1"], ["2", "3"], ["4", "5"]]
    assert [[d.id for d in c] for c in chunks(docs, docs=100, chars=25)] == [["0", "1", "2"], ["3"], ["4", "5"]]
    assert list(chunks([], docs=2, chars=10)) == []


def test_cli_jobs_2_writes_what_jobs_1_writes(ruler_nlp, tmp_path):
    model = tmp_path / "model"
    ruler_pipeline(factx.load()).to_disk(model)
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in corpus()), encoding="utf-8")
    runs = {}
    for jobs in ("1", "2"):
        result = CliRunner().invoke(app, ["extract", str(source), "-f", "jsonl", "-q", "--model", str(model),
                                          "--jobs", jobs])
        assert result.exit_code == 0, result.output
        runs[jobs] = result.stdout
    assert runs["2"] == runs["1"]
    lines = [json.loads(line) for line in runs["1"].splitlines()]
    assert {"ORG", "PER", "LOC"} <= {line["type"] for line in lines}
    assert lines[0]["doc"] == f"{source}:doc-0"


def test_keep_heap_on_glibc():
    import platform

    kept = factx.parallel.keep_heap()
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert kept
    assert factx.parallel.keep_heap(factx.parallel.WORKER_TRIM_BYTES) == kept


def test_a_worker_starts_with_one_blas_thread_and_a_kept_heap(ruler_nlp, monkeypatch):
    calls = []
    monkeypatch.setattr(factx.parallel.signal, "signal", lambda *args: calls.append("signal"))
    monkeypatch.setattr(factx.parallel, "limit_blas_threads", lambda: calls.append("blas"))
    monkeypatch.setattr(factx.parallel, "keep_heap", lambda: calls.append("heap"))
    monkeypatch.setattr(factx.parallel, "_worker", {})
    factx.parallel._start_worker(ruler_nlp, None, {"events": True})
    assert calls == ["signal", "blas", "heap"]
    assert factx.parallel._worker["nlp"] is ruler_nlp
