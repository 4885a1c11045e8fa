"""The doc's entities while factx_orgs runs: a list (what ``doc.ents`` would give) and the entity columns of the
tokens, changed step by step and written to the doc once, at the end. Reading ``doc.ents`` builds every Span anew
and ``Doc.set_ents`` walks every token, which the component's twenty steps would do twenty times."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .words import entity_columns

__all__ = ["Entities"]


class Entities:
    """``ents``: the entities, in text order; ``iob`` and ``etype``: each token's ``ent_iob_`` ("B", "I", "O") and
    ``ent_type_`` ("" outside the entities). A change makes new lists: those handed out before stay as they were."""

    __slots__ = ("doc", "ents", "iob", "etype", "touched")

    def __init__(self, doc: Doc, ents: list[Span]):
        self.doc = doc
        self.ents = ents
        self.iob, self.etype = entity_columns(ents, len(doc))
        self.touched = bytearray(len(doc))  # the tokens that were in an entity at some point
        mark(self.touched, ents)

    def merge(self, spans: Iterable[Span]) -> None:
        """Add ``spans`` as :func:`factx.spans.merge_ents` would: the new spans win (longest first among
        themselves), and the entities they overlap are dropped whole."""
        new = filter_spans(list(spans))
        if not new:
            return
        covered = bytearray(len(self.touched))
        mark(covered, new)
        kept, gone = [], []
        for ent in self.ents:
            (kept if covered.find(1, ent.start, ent.end) < 0 else gone).append(ent)
        if len(gone) == len(new) and {(e.start, e.end, e.label_) for e in gone} == {
                (s.start, s.end, s.label_) for s in new}:
            return  # each new span is an entity already
        mark(self.touched, new)
        iob, etype = self.iob.copy(), self.etype.copy()
        for ent in gone:
            iob[ent.start : ent.end] = ["O"] * (ent.end - ent.start)
            etype[ent.start : ent.end] = [""] * (ent.end - ent.start)
        for span in new:
            start, end = span.start, span.end
            iob[start] = "B"
            iob[start + 1 : end] = ["I"] * (end - start - 1)
            etype[start:end] = [span.label_] * (end - start)
        self.ents = sorted(kept + new, key=lambda span: span.start)
        self.iob, self.etype = iob, etype

    def drop(self, spans: list[Span]) -> None:
        """Remove the entities ``spans``."""
        gone = {(span.start, span.end) for span in spans}
        if not gone:
            return
        iob, etype = self.iob.copy(), self.etype.copy()
        for start, end in gone:
            iob[start:end] = ["O"] * (end - start)
            etype[start:end] = [""] * (end - start)
        self.ents = [ent for ent in self.ents if (ent.start, ent.end) not in gone]
        self.iob, self.etype = iob, etype

    def write(self) -> None:
        """Put the entities on the doc: what writing every change would have left. The tokens that were in an entity
        at some point and are in none now are outside every entity; the others are left as they were."""
        outside = bytearray(self.touched)
        for ent in self.ents:
            outside[ent.start : ent.end] = bytes(ent.end - ent.start)
        spans = []
        i = outside.find(1)
        while i >= 0:
            j = outside.find(0, i)
            j = len(outside) if j < 0 else j
            spans.append(Span(self.doc, i, j))
            i = outside.find(1, j)
        self.doc.set_ents(self.ents, outside=spans, default="unmodified")


def mark(tokens: bytearray, spans: list[Span]) -> None:
    for span in spans:
        tokens[span.start : span.end] = b"\x01" * (span.end - span.start)
