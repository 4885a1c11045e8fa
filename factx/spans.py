"""Helpers shared by the rule components: putting spans on ``doc.ents``."""

from __future__ import annotations

from typing import Iterable
from weakref import WeakKeyDictionary

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = [
    "merge_ents", "merge_ents_into", "doc_text", "char_span", "entity_labels", "token_strings", "TokenStrings",
    "token_table", "forget_tokens", "sentence_bounds", "TEXT_KEY"
]

I = 1  # Token.ent_iob of a token inside an entity, after its first


def merge_ents(doc: Doc, spans: Iterable[Span]) -> bool:
    """Add ``spans`` to ``doc.ents``; on overlap the new spans win over the entities already there, which are dropped
    whole. Returns whether anything was added.

    Overlaps among the new spans themselves are resolved longest first (``spacy.util.filter_spans``). Only the tokens
    that change are written (``Doc.set_ents`` with the rest unmodified): reading and rewriting every entity would
    build a Span, and Tokens for its offsets, per entity on every call.
    """
    new = filter_spans(list(spans))
    if not new:
        return False
    _write_ents(doc, new)
    return True


def merge_ents_into(doc: Doc, ents: list[Span], spans: Iterable[Span]) -> list[Span]:
    """:func:`merge_ents` on a doc whose entities are ``ents`` (as ``doc.ents`` gives them); returns its entities
    after the merge, as ``doc.ents`` would give them, without reading them again (which builds every span anew)."""
    new = filter_spans(list(spans))
    if not new:
        return ents
    covered = _write_ents(doc, new)
    kept = [ent for ent in ents if covered.find(1, ent.start, ent.end) < 0]
    return sorted(kept + new, key=lambda span: span.start)


def _write_ents(doc: Doc, new: list[Span]) -> bytearray:
    """Put the non-overlapping spans ``new`` on the doc's entities, dropping whole every entity they overlap; returns
    which tokens they cover."""
    n = len(doc)
    iob = doc.to_array(ENT_IOB).tolist()
    covered = bytearray(n)
    for span in new:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    dropped = bytearray(n)  # tokens of an old entity that a new span overlaps, outside every new span
    for span in new:
        start, end = span.start, span.end
        while start > 0 and iob[start] == I:  # the old entity at the left edge began earlier
            start -= 1
        while end < n and iob[end] == I:  # the old entity at the right edge goes on
            end += 1
        for i in range(start, end):
            if not covered[i]:
                dropped[i] = 1
    outside = []
    i = dropped.find(1)
    while i >= 0:
        j = dropped.find(0, i)
        j = n if j < 0 else j
        outside.append(Span(doc, i, j))
        i = dropped.find(1, j)
    doc.set_ents(new, outside=outside, default="unmodified")
    return covered


TEXT_KEY = "factx.text"  # Doc.user_data key of the text, set by factx's tokenizer


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once per doc: ``Doc.text`` joins every token's text anew at each call. The text never
    changes when tokens are split or merged, so it is kept in ``doc.user_data`` (factx's tokenizer puts it there)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span for the characters ``start:end``, expanded to token boundaries, or None if it is empty."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


def entity_labels(doc: Doc, outside: str | None = None) -> list[str | None]:
    """The entity label of each token, ``outside`` for tokens in no entity (read from the ENT_TYPE column)."""
    labels: list[str | None] = [outside] * len(doc)
    if len(doc):
        strings = doc.vocab.strings
        types = doc.to_array(ENT_TYPE)  # 0 outside entities
        for k in types.nonzero()[0].tolist():
            labels[k] = strings[types[k]]
    return labels


IOB_STRINGS = ("", "I", "O", "B")  # Token.ent_iob_ by the ENT_IOB code


def token_strings(doc: Doc, attr: int = ORTH) -> list[str]:
    """``[t.text for t in doc]`` (``attr=ORTH``) or ``[t.lower_ for t in doc]`` (``attr=LOWER``), without creating
    a Token object per token."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array(attr).tolist()]


class TokenStrings:
    """The texts and lower-case texts of a Doc's tokens, and its sentences (see :func:`token_table`)."""

    __slots__ = ("text", "lower", "n", "_sentences", "_sentence_chars")

    def __init__(self, doc: Doc):
        self.text = token_strings(doc, ORTH)
        self.lower = [text.lower() for text in self.text]  # spaCy's LOWER is str.lower of the text, read faster
        self.n = len(doc)
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_chars: list[int] | None = None

    def sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token indexes of the sentences as ``doc.sents`` gives them (a sentence starts at token 0 and
        at every later token whose SENT_START is 1), or the whole doc as one where no sentence starts are set."""
        if self._sentences is None:
            n = self.n
            if not n:
                self._sentences = []
            elif doc.has_annotation("SENT_START"):
                starts = [0] + [i for i in (doc.to_array(SENT_START) == 1).nonzero()[0].tolist() if i > 0]
                self._sentences = list(zip(starts, starts[1:] + [n]))
            else:
                self._sentences = [(0, n)]
        return self._sentences

    def sentence_chars(self, doc: Doc) -> list[int]:
        """The character offset where each sentence starts (``[0]`` for a doc with no sentences)."""
        if self._sentence_chars is None:
            bounds = self.sentences(doc)
            if bounds:
                idx = doc.to_array(IDX)
                self._sentence_chars = [int(idx[start]) for start, _ in bounds]
            else:
                self._sentence_chars = [0]
        return self._sentence_chars


_TABLES: WeakKeyDictionary = WeakKeyDictionary()


def token_table(doc: Doc) -> TokenStrings:
    """The token texts of ``doc``, read once and shared by the rule components that run after the last one that
    splits tokens (factx_money calls :func:`forget_tokens` when it does). Held by a weak reference to the Doc, so
    nothing is kept once the Doc is gone; read again if the number of tokens changed."""
    table = _TABLES.get(doc)
    if table is None or table.n != len(doc):
        table = _TABLES[doc] = TokenStrings(doc)
    return table


def forget_tokens(doc: Doc) -> None:
    """Drop the token texts kept for ``doc`` (after its tokens were split or merged)."""
    _TABLES.pop(doc, None)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indexes of the sentences of ``doc`` (see :meth:`TokenStrings.sentences`), read once."""
    return token_table(doc).sentences(doc)
