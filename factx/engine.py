"""The engine: documents in, records out, streaming through ``nlp.pipe``."""

from __future__ import annotations

import datetime as dt
import itertools
import warnings
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

from . import records as rec
from . import pieces
from .guard import Failure, run_batch
from .readers import Document

Input = Union[str, Doc, Document]
TYPE_NAMES = {name.lower(): name for name in rec.MENTION_TYPES}
# Documents per nlp.pipe batch. The trained tok2vec + NER keep a batch's activations in memory: 32 news articles of
# ~500 words took a process to 430 MB, 8 to 220 MB, at the same speed (benchmarks/throughput.py).
BATCH_SIZE = 8


@dataclass
class Result:
    """Everything factx found in one document."""

    document: Document
    mentions: list[rec.Mention] = field(default_factory=list)
    events: list[rec.Event] = field(default_factory=list)
    ref_date: dt.date | None = None
    ref_date_source: str | None = None
    # A long document comes as several Results, one per piece as it is done: ``part`` counts them, ``complete``
    # is True on the last one only, ``done`` is the characters processed so far. ``error`` says why this document
    # (or piece) gave no records (it was skipped; the run went on).
    part: int = 0
    complete: bool = True
    done: int = 0
    error: str | None = None


def parse_types(spec: str | Iterable[str] | None) -> frozenset[str] | None:
    """``"date,money"`` -> {"DATE", "MONEY"}; None keeps every type. Raises ValueError on an unknown name."""
    if spec is None:
        return None
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    out = set()
    for name in (n.strip().lower() for n in names):
        if not name:
            continue
        if name not in TYPE_NAMES:
            raise ValueError(f"unknown type {name!r}; choose from {', '.join(TYPE_NAMES)}")
        out.add(TYPE_NAMES[name])
    return frozenset(out)


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into (offset, piece) pieces of at most ``limit`` characters (see
    :func:`factx.pieces.iter_pieces`)."""
    return pieces.split_text(text, limit)


def _as_document(item: Input, index: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Doc):
        return Document(str(index), item.text)
    if isinstance(item, str):
        return Document(str(index), item)
    raise TypeError(f"cannot extract from {type(item).__name__}; give str, Doc or factx.Document")


def results(
    inputs: Iterable[Input],
    nlp: Language | None = None,
    *,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    jobs: int = 1,
    memory_zones: bool = False,
    parts: bool = False,
) -> Iterator[Result]:
    """Run the pipeline over ``inputs`` and yield one :class:`Result` per document, in input order.

    ``ref_date`` (when given) overrides every document's own reference date. Texts longer than
    ``nlp.max_length`` are processed in pieces; offsets and sentence numbers still refer to the whole text.
    ``jobs`` > 1 runs that many worker processes (0 = every core), see :func:`factx.parallel.parallel_results`.
    ``memory_zones`` keeps memory flat over any number of documents (always so with ``jobs`` > 1): spaCy memory
    zones free the words each block adds, see :func:`factx.parallel.zoned_results`; Docs are then run from their text.
    A document longer than :data:`factx.pieces.PIECE_CHARS` is run one piece after another; with ``parts`` (one
    process only) each piece's Result is yielded as soon as it is done (``complete`` on the document's last), so
    that the records of a huge document never sit in memory together. A document that raises gives a Result with
    ``error`` set and no records (a piece of a long one: that piece's records), and the run goes on.
    """
    options = dict(types=types, ref_date=ref_date, events=events, batch_size=batch_size)
    if jobs != 1:
        from .parallel import parallel_results

        yield from parallel_results(inputs, nlp, jobs=jobs, **options)
        return
    if nlp is None:
        from .pipeline import load

        nlp = load()
    if memory_zones:
        from .parallel import zoned_results

        yield from zoned_results(inputs, nlp, parts=parts, **options)
        return
    found = _local_results(inputs, nlp, parse_types(types), ref_date, events, batch_size)
    yield from (found if parts else whole(found))


def whole(found: Iterable[Result]) -> Iterator[Result]:
    """The Results of the pieces of each long document merged into one Result for the document."""
    current: Result | None = None
    for result in found:
        if current is None:
            current = result
        else:
            current.mentions.extend(result.mentions)
            current.events.extend(result.events)
            current.error = "; ".join(e for e in (current.error, result.error) if e) or None
            current.done, current.complete = result.done, result.complete
        if current.complete:
            current.part = 0
            yield current
            current = None


def _local_results(
    inputs: Iterable[Input], nlp: Language, wanted, ref_date: dt.date | None, events: bool, batch_size: int
) -> Iterator[Result]:
    """The single-process loop: short documents in ``nlp.pipe`` batches, a long one piece by piece, each piece
    released before the next and its Result yielded as soon as it is done."""
    # Event frames only when asked for (the mentions are the same without them).
    config = {"factx_events": {"frames": events}} if "factx_events" in nlp.pipe_names else {}
    limit = min(nlp.max_length, pieces.PIECE_CHARS)
    run = _Run(nlp, wanted, ref_date, events, config)
    numbered = ((item, _as_document(item, index)) for index, item in enumerate(inputs))
    for long, group in itertools.groupby(numbered, key=lambda pair: pair[1].length > limit):
        if long:
            for _, document in group:
                yield from run.long(document, limit)
        else:
            while batch := list(itertools.islice(group, batch_size)):
                yield from run.batch(batch)


class _Run:
    def __init__(self, nlp: Language, wanted, ref_date: dt.date | None, events: bool, config: dict):
        self.nlp, self.wanted, self.ref_date, self.events, self.config = nlp, wanted, ref_date, events, config

    def reference(self, document: Document) -> tuple[dt.date | None, str | None]:
        if self.ref_date:
            return self.ref_date, "option"
        return document.ref_date, (document.ref_date_source if document.ref_date else None)

    def make(self, text: str, when: dt.date | None, source: str | None) -> Doc:
        doc = self.nlp.make_doc(text)
        doc._.ref_date, doc._.ref_date_source = when, source
        return doc

    def batch(self, batch: list[tuple[Input, Document]]) -> Iterator[Result]:
        """Short documents, one Doc each, as one ``nlp.pipe`` batch."""
        docs = []
        for item, document in batch:
            when, source = self.reference(document)
            if isinstance(item, Doc):
                item._.ref_date, item._.ref_date_source = when, source
                docs.append(item)
            else:
                docs.append(self.make(document.text, when, source))
        remake = lambda i: self.make(batch[i][1].text, *self.reference(batch[i][1]))  # noqa: E731
        for (_, document), outcome in zip(batch, run_batch(self.nlp, docs, remake, self.config)):
            result = Result(document, done=document.length)
            self.fill(result, outcome, 0, 0)
            yield result

    def long(self, document: Document, limit: int) -> Iterator[Result]:
        """A long document piece by piece; one Result per piece, ``complete`` on the last."""
        when, source = self.reference(document)
        sentence_base = 0
        stream = pieces.iter_pieces(document.blocks(), limit)
        following = next(stream, None)
        part = 0
        while following is not None:
            offset, piece = following
            following = next(stream, None)
            result = Result(document, part=part, complete=following is None, done=offset + len(piece))
            # After the first piece (whose words stay, as a warm-up), each piece runs in a spaCy memory zone that
            # forgets the words it added, unless the caller already runs one (zones do not nest): a huge document
            # keeps meeting new words (numbers, names), which spaCy would otherwise keep for the pipeline's life.
            zone = self.nlp.memory_zone() if part and not self.nlp.vocab.in_memory_zone else nullcontext()
            with zone:
                doc = self.make(piece, when, source)
                [outcome] = run_batch(self.nlp, [doc], lambda i: self.make(piece, when, source), self.config)
                sentence_base = self.fill(result, outcome, offset, sentence_base)
            if result.error:
                result.error = f"characters {offset}-{result.done}: {result.error}"
            if when is None and result.ref_date is not None:
                # The first piece that finds a reference date gives it to the rest of the document.
                when, source = result.ref_date, result.ref_date_source
            del doc, outcome
            yield result
            part += 1

    def fill(self, result: Result, outcome, offset: int, sentence_base: int) -> int:
        """Put the records of one processed Doc on ``result``; returns the sentence number after its last."""
        document = result.document
        if isinstance(outcome, Failure):
            result.error = str(outcome)
            return sentence_base
        try:
            sentences = rec.SentenceIndex(outcome, first=sentence_base)
            found = rec.mentions(outcome, document.id, offset, sentences)
            result.mentions = [m for m in found if self.wanted is None or m.type in self.wanted]
            if self.events:
                result.events = rec.events(outcome, document.id, offset, sentences)
        except Exception as error:  # noqa: BLE001  (a record that cannot be built skips its document, not the run)
            result.mentions, result.events = [], []
            result.error = str(Failure(error))
            return sentence_base
        result.ref_date, result.ref_date_source = outcome._.ref_date, outcome._.ref_date_source
        return sentence_base + len(sentences)


def extract(
    inputs: Iterable[Input],
    nlp: Language | None = None,
    *,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    jobs: int = 1,
    memory_zones: bool = False,
) -> Iterator[rec.Mention | rec.Event]:
    """Yield the records found in ``inputs`` (strings, Docs or :class:`factx.Document`), document by document (a long
    document's piece by piece, as they are done).

    Mention records by default; event records with ``events=True``. See :func:`results` for the options. A document
    that raises is skipped with a :class:`FactxWarning` naming it (``warnings`` module), and the rest goes on.
    """
    for result in results(
        inputs, nlp, types=types, ref_date=ref_date, events=events, batch_size=batch_size, jobs=jobs,
        memory_zones=memory_zones, parts=jobs == 1,
    ):
        if result.error:
            warnings.warn(f"{result.document.id}: {result.error}; document skipped", FactxWarning, stacklevel=2)
        yield from (result.events if events else result.mentions)


class FactxWarning(UserWarning):
    """A document factx could not process (it was skipped)."""
