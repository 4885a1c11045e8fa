"""Helpers shared by the rule components: putting spans on ``doc.ents``."""

from __future__ import annotations

from typing import Iterable

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span


def merge_ents(doc: Doc, spans: Iterable[Span]) -> None:
    """Add ``spans`` to ``doc.ents``; on overlap the new spans win over the entities already there.

    Overlaps among the new spans themselves are resolved longest first (``spacy.util.filter_spans``).
    """
    from spacy.util import filter_spans

    new = filter_spans(list(spans))
    if not new:
        return
    taken = set()
    for span in new:
        taken.update(range(span.start, span.end))
    kept = [ent for ent in doc.ents if not any(i in taken for i in range(ent.start, ent.end))]
    doc.ents = sorted(kept + new, key=lambda s: s.start)


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span for the characters ``start:end``, expanded to token boundaries, or None if it is empty."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


IOB_STRINGS = ("", "I", "O", "B")  # Token.ent_iob_ by the ENT_IOB code


def token_strings(doc: Doc, attr: int = ORTH) -> list[str]:
    """``[t.text for t in doc]`` (``attr=ORTH``) or ``[t.lower_ for t in doc]`` (``attr=LOWER``), without creating
    a Token object per token."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()]
