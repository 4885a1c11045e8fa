"""The doc's entities while factx_orgs runs: a list (what ``doc.ents`` would give) and the entity columns of the
tokens, changed step by step and written to the doc once, at the end. Reading ``doc.ents`` builds every Span anew
and ``Doc.set_ents`` walks every token, which the component's twenty steps would do twenty times."""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .words import entity_columns

__all__ = ["Entities"]


class Entities:
    """``ents``: the entities, in text order (``starts``: theirs); ``iob`` and ``etype``: each token's
    ``ent_iob_`` ("B", "I", "O") and ``ent_type_`` ("" outside the entities). A change makes new lists: those handed
    out before stay as they were."""

    __slots__ = ("doc", "ents", "starts", "iob", "etype", "touched", "original", "written")

    def __init__(self, doc: Doc, ents: list[Span]):
        """``ents``: the doc's entities, as ``doc.ents`` gives them."""
        self.doc = doc
        self.ents = ents
        self.original = ents  # the entities the doc holds already (kept alive, so that their ids stay theirs)
        self.written = {id(ent) for ent in ents}
        self.starts = [ent.start for ent in ents]
        self.iob, self.etype = entity_columns(ents, len(doc))
        self.touched = bytearray(map(bool, self.etype))  # the tokens that were in an entity at some point

    def merge(self, spans: Iterable[Span]) -> None:
        """Add ``spans`` as :func:`factx.spans.merge_ents` would: the new spans win (longest first among
        themselves), and the entities they overlap are dropped whole."""
        new = filter_spans(list(spans))
        if not new:
            return
        ents, starts = self.ents, self.starts
        gone = set()  # indexes of the entities the new spans overlap
        for span in new:
            k = bisect_left(starts, span.end) - 1  # the last entity that starts before the span ends
            while k >= 0 and ents[k].end > span.start:  # (the entities do not overlap: their ends rise too)
                gone.add(k)
                k -= 1
        if len(gone) == len(new) and {(ents[k].start, ents[k].end, ents[k].label_) for k in gone} == {
                (span.start, span.end, span.label_) for span in new}:
            return  # each new span is an entity already
        mark(self.touched, new)
        iob, etype = self.iob.copy(), self.etype.copy()
        for k in gone:
            start, end = starts[k], ents[k].end
            iob[start:end] = ["O"] * (end - start)
            etype[start:end] = [""] * (end - start)
        for span in new:
            start, end = span.start, span.end
            iob[start] = "B"
            iob[start + 1 : end] = ["I"] * (end - start - 1)
            etype[start:end] = [span.label_] * (end - start)
        kept = [ent for k, ent in enumerate(ents) if k not in gone] if gone else ents.copy()
        kept_starts = [start for k, start in enumerate(starts) if k not in gone] if gone else starts.copy()
        for span in new:
            k = bisect_left(kept_starts, span.start)
            kept.insert(k, span)
            kept_starts.insert(k, span.start)
        self.ents, self.starts, self.iob, self.etype = kept, kept_starts, iob, etype

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
        self.starts = [ent.start for ent in self.ents]
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
        # the doc's own entities that are left were never overlapped: their tokens are as they were
        self.doc.set_ents([ent for ent in self.ents if id(ent) not in self.written], outside=spans,
                          default="unmodified")


def mark(tokens: bytearray, spans: list[Span]) -> None:
    for span in spans:
        tokens[span.start : span.end] = b"\x01" * (span.end - span.start)
