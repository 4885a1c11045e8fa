"""Several worker processes on one machine: documents in, :class:`~factx.engine.Result` objects out, in input order.

Each worker holds one copy of the pipeline for its whole life (no per-document reloads). Where the ``fork`` start
method is used (Linux), the workers inherit the caller's already loaded pipeline; elsewhere it is pickled to each
worker once. Documents travel to the workers in chunks and plain :class:`Result` objects (records, not spaCy
Docs) travel back, so custom extension values (``Decimal`` amounts, event frames) never have to be serialised.

Work in flight is bounded: at most ``window`` chunks are read ahead of the one being yielded, and a consumer that
stops early stops the workers.

Memory stays flat whatever the corpus size: spaCy keeps every new word it meets (strings and lexemes) for the life
of a pipeline, so a long run would grow with the corpus' vocabulary. After a warm-up outside any zone (the first
``ZONE_DOCS`` documents: their frequent words stay, cached by the tokenizer), each further block of documents runs
in a spaCy memory zone that frees what the block added (see :class:`Zones` and :func:`zoned_results`).
"""

from __future__ import annotations

import ctypes
import datetime as dt
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .engine import BATCH_SIZE, Input, Result, as_document, local_results, parse_types
from .pipeline import limit_blas_threads
from .readers import Document

__all__ = [
    "CHUNK_CHARS", "CHUNK_DOCS", "WINDOW_PER_JOB", "ZONE_DOCS", "Zones", "as_documents", "chunks", "cpu_count",
    "in_order", "keep_heap", "parallel_results", "resolve_jobs", "without_text", "zoned_results",
]

# Chunks are cut at whichever limit comes first: many small documents or a few long ones per trip. Small enough
# that the last chunks of a run keep every worker busy (~16 news articles), large enough that sending them costs
# nothing next to processing them.
CHUNK_DOCS = 64
CHUNK_CHARS = 50_000
# Chunks in flight per worker: one being processed, one queued so a worker never waits for the reader.
WINDOW_PER_JOB = 2
# Documents run outside any memory zone first (the warm-up), then the size of a memory zone's block.
ZONE_DOCS = 2_000
# Free memory a worker keeps at the top of its heap instead of handing it back to the system (glibc's
# M_TRIM_THRESHOLD; see keep_heap).
WORKER_TRIM_BYTES = 128 * 2**20
M_TRIM_THRESHOLD = -1  # mallopt's parameter number, from glibc's malloc.h

# The pipeline and options of *this* worker process, set once by the pool's initializer (the usual
# multiprocessing idiom; the parent process never reads or writes it).
_worker: dict = {}


def cpu_count() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """``--jobs``: 0 means every core; a negative number is an error."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or more, not {jobs}")
    return jobs or cpu_count()


def chunks(documents: Iterable[Document], docs: int = CHUNK_DOCS, chars: int = CHUNK_CHARS) -> Iterator[list[Document]]:
    """Group a stream of documents into lists of at most ``docs`` documents and about ``chars`` characters."""
    chunk: list[Document] = []
    size = 0
    for document in documents:
        chunk.append(document)
        size += document.length  # a FileDocument is not read to be measured
        if len(chunk) >= docs or size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def as_documents(inputs: Iterable[Input]) -> Iterator[Document]:
    """Inputs as :class:`Document` objects numbered by their place in the whole stream (a Doc travels as its text)."""
    for index, item in enumerate(inputs):
        yield as_document(item, index)


class Zones:
    """Counts the documents run through ``nlp`` and gives the context for the next ones: nothing during the
    warm-up, then a spaCy memory zone, which frees the strings and lexemes they add when it closes.

    Only records may outlive a zone (they hold plain Python values); a Doc made inside one must not.
    """

    def __init__(self, nlp: Language, warm: int | None = None):
        self.nlp = nlp
        self.warm = ZONE_DOCS if warm is None else warm
        self.done = 0

    def __call__(self, count: int):
        context = self.nlp.memory_zone() if self.done >= self.warm else nullcontext()
        self.done += count
        return context


def zoned_results(inputs: Iterable[Input], nlp: Language, *, block: int | None = None, **options) -> Iterator[Result]:
    """:func:`factx.engine.local_results` in flat memory: the first ``block`` documents (default ``ZONE_DOCS``) as a
    warm-up, then each block of ``block`` documents in its own memory zone. Docs among ``inputs`` are processed from
    their text."""
    block = block or ZONE_DOCS
    documents = as_documents(inputs)
    zones = Zones(nlp, block)
    for first in documents:
        with zones(block):
            yield from local_results(itertools.chain([first], itertools.islice(documents, block - 1)), nlp, **options)


def keep_heap(trim_bytes: int = WORKER_TRIM_BYTES) -> bool:
    """Let this process keep up to ``trim_bytes`` of free memory at the top of its heap (glibc ``mallopt``); returns
    whether it could (False where the C library is not glibc).

    A forked worker otherwise hands the memory of each ``nlp.pipe`` batch (the model's activations) back to the
    system when the batch is done and faults it in again for the next one: over the bench corpus, two workers took
    380,000 page faults and 0.7 s of system time, against 45,000 and 0.1 s with this, at the same peak RSS
    (``factx extract --jobs 2``: 5.5 -> 5.3 s). One process running the pipeline itself does not show it (50,000).
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_TRIM_THRESHOLD, trim_bytes))


def _start_worker(nlp: Language | None, model: str | None, options: dict) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_blas_threads()
    keep_heap()
    if nlp is None:
        from .pipeline import load

        nlp = load(model)
    _worker["nlp"] = nlp
    _worker["zones"] = Zones(nlp)
    _worker["options"] = options


def _run_chunk(documents: list[Document]) -> list[Result]:
    with _worker["zones"](len(documents)):
        return without_text(local_results(documents, _worker["nlp"], **_worker["options"]))


def without_text(found: Iterable[Result]) -> list[Result]:
    """Results ready to travel back from a worker: the parent still holds the documents, so their texts stay."""
    out = list(found)
    for result in out:
        result.document = None
    return out


def in_order(
    inputs: Iterable[Input],
    submit: Callable[[list[Document]], Callable[[], list[Result]]],
    window: int,
    chunk_docs: int = CHUNK_DOCS,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    """Cut ``inputs`` into chunks, hand each to ``submit`` (which starts the work and returns a function that waits
    for its results), keep at most ``window`` chunks in flight, and yield the results in input order with their
    documents put back."""
    if window < 1:
        raise ValueError(f"window must be 1 or more, not {window}")
    pending: deque = deque()

    def oldest() -> list[Result]:
        chunk, wait = pending.popleft()
        found = wait()
        for document, result in zip(chunk, found):
            result.document = document
        return found

    for chunk in chunks(as_documents(inputs), chunk_docs, chunk_chars):
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            yield from oldest()
    while pending:
        yield from oldest()


def parallel_results(
    inputs: Iterable[Input],
    nlp: Language | None = None,
    *,
    jobs: int = 0,
    model: str | os.PathLike | None = None,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    chunk_docs: int = CHUNK_DOCS,
    chunk_chars: int = CHUNK_CHARS,
    window: int | None = None,
    start_method: str | None = None,
) -> Iterator[Result]:
    """Like :func:`factx.results`, on ``jobs`` worker processes (0 = every core); yields in input order.

    Workers use ``nlp`` when given (inherited under ``fork``, pickled once per worker otherwise), else each one
    loads ``model`` (default: the shipped pipeline) itself. At most ``window`` chunks (default: two per worker)
    are in flight. Stopping the iteration early (or an error in a worker) cancels the chunks not yet started and
    stops the workers once their current chunk is done; a worker that dies raises ``BrokenProcessPool``.
    """
    jobs = resolve_jobs(jobs)
    if start_method is None and sys.platform.startswith("linux"):
        start_method = "fork"  # the workers share the parent's loaded pipeline (copy-on-write), no reload
    options = dict(types=parse_types(types), ref_date=ref_date, events=events, batch_size=batch_size)
    # An executor, not a multiprocessing.Pool: when a worker dies (killed for memory, say) the pending results
    # raise BrokenProcessPool instead of waiting for ever.
    executor = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_start_worker,
        initargs=(nlp, None if model is None else str(model), options),
    )
    try:
        yield from in_order(
            inputs,
            lambda chunk: executor.submit(_run_chunk, chunk).result,
            window or WINDOW_PER_JOB * jobs,
            chunk_docs,
            chunk_chars,
        )
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
