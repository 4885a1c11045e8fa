"""The engine: documents in, :class:`Result` objects out, in this process: short documents in ``nlp.pipe``
batches, a long one piece by piece (:mod:`factx.pieces`), an error in one document caught by :mod:`factx.guard`.

It sits below :mod:`factx.api` (which chooses between it, :mod:`factx.parallel` and :mod:`factx.dask`) and imports
neither of them: the worker processes and Dask workers run :func:`local_results` themselves.
"""

from __future__ import annotations

import datetime as dt
import itertools
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

from . import records as rec
from . import pieces
from .guard import Failure, run_batch
from .readers import Document

__all__ = [
    "BATCH_SIZE", "FactxWarning", "Input", "Result", "as_document", "local_results", "parse_types", "split_text",
    "whole",
]

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


def as_document(item: Input, index: int) -> Document:
    """``item`` as a :class:`Document`; a string or Doc gets its place in the input as its id."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Doc):
        return Document(str(index), item.text)
    if isinstance(item, str):
        return Document(str(index), item)
    raise TypeError(f"cannot extract from {type(item).__name__}; give str, Doc or factx.Document")


def local_results(
    inputs: Iterable[Input],
    nlp: Language,
    *,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    parts: bool = False,
) -> Iterator[Result]:
    """Run ``nlp`` over ``inputs`` in this process and yield one :class:`Result` per document, in input order.

    ``ref_date`` (when given) overrides every document's own reference date. A document longer than
    :data:`factx.pieces.PIECE_CHARS` (or ``nlp.max_length``) is run one piece after another; offsets and sentence
    numbers still refer to the whole text. With ``parts`` each piece's Result is yielded as soon as it is done
    (``complete`` on the document's last), so that the records of a huge document never sit in memory together;
    without, they are merged into one Result (:func:`whole`). A document that raises gives a Result with ``error``
    set and no records (a piece of a long one: that piece's records), and the run goes on.
    :func:`factx.results` chooses between this, worker processes and Dask.
    """
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
    numbered = ((item, as_document(item, index)) for index, item in enumerate(inputs))
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


class FactxWarning(UserWarning):
    """A document factx could not process (it was skipped)."""
