"""The engine: documents in, :class:`Result` objects out, streaming through ``nlp.pipe`` in this process.

It sits below :mod:`factx.api` (which chooses between it, :mod:`factx.parallel` and :mod:`factx.dask`) and imports
neither of them: the worker processes and Dask workers run :func:`local_results` themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

from . import records as rec
from .readers import Document

__all__ = ["BATCH_SIZE", "Input", "Result", "as_document", "local_results", "parse_types", "split_text"]

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
    """Cut ``text`` into (offset, piece) pieces of at most ``limit`` characters, at paragraph, line, sentence or
    word breaks where there is one, so that the pieces joined give the text back exactly."""
    if len(text) <= limit:
        return [(0, text)]
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (r"\n\s*\n", r"\n", r"(?<=[.!?])\s+", r"\s+"):
            ends = [m.end() for m in re.finditer(pattern, window)]
            ends = [e for e in ends if e < limit]
            if ends and ends[-1] > limit // 2:
                cut = ends[-1]
                break
        if not cut:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


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
) -> Iterator[Result]:
    """Run ``nlp`` over ``inputs`` in this process and yield one :class:`Result` per document, in input order.

    ``ref_date`` (when given) overrides every document's own reference date. Texts longer than
    ``nlp.max_length`` are processed in pieces; offsets and sentence numbers still refer to the whole text.
    :func:`factx.results` chooses between this, worker processes and Dask.
    """
    wanted = parse_types(types)

    def pieces() -> Iterator[tuple[Doc, tuple[int, int, Document]]]:
        for index, item in enumerate(inputs):
            document = as_document(item, index)
            when, source = (ref_date, "option") if ref_date else (document.ref_date, document.ref_date_source)
            if isinstance(item, Doc) and len(item.text) <= nlp.max_length:
                parts = [(0, item)]
            else:
                parts = [(offset, nlp.make_doc(piece)) for offset, piece in split_text(document.text, nlp.max_length)]
            for offset, doc in parts:
                doc._.ref_date, doc._.ref_date_source = when, (source if when else None)
                yield doc, (index, offset, document)

    current: Result | None = None
    current_index = -1
    sentence_base = 0
    # Event frames only when asked for (the mentions are the same without them).
    config = {"factx_events": {"frames": events}} if "factx_events" in nlp.pipe_names else {}
    for doc, (index, offset, document) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, component_cfg=config
    ):
        if index != current_index:
            if current is not None:
                yield current
            current = Result(document)
            current_index = index
            sentence_base = 0
        sentences = rec.SentenceIndex(doc, first=sentence_base)
        sentence_base += len(sentences)
        found = rec.mentions(doc, document.id, offset, sentences)
        current.mentions.extend(m for m in found if wanted is None or m.type in wanted)
        if events:
            current.events.extend(rec.events(doc, document.id, offset, sentences))
        if current.ref_date is None:
            current.ref_date, current.ref_date_source = doc._.ref_date, doc._.ref_date_source
    if current is not None:
        yield current
