"""factx_events, named events: EVENT mentions found by head words, put on ``doc.ents``.

A head word from ``lang/event_heads.tsv`` ("Pertemuan", "KTT", "Kejuaraan", "HUT", ...) followed by capitalised
words, numbers, "ke-80" and hyphen joins ("China-Singapura"), or a capitalised run closed by a tail word
("Asian Games"). The span stops before a DATE/MONEY/DURATION entity and is dropped when an entity the model
labelled ORG/PER/LOC starts at or before its head ("Kongres Amerika Serikat" stays an ORG); entities inside it
give way, so "China-Singapura" inside a meeting's name is not a LOC. The rule needs capitals: on lowercased
text only the model's EVENT labels remain.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..spans import entity_labels, merge_ents_into, token_strings
from .lexicon import Lexicon, Words, lexicon

__all__ = ["add_named_events", "named_events"]

BLOCKING_LABELS = {"DATE", "MONEY", "DURATION"}
NAME_LABELS = {"ORG", "PER", "LOC"}
CAPITALISED = re.compile(r"^[A-Z0-9][\w.&'-]*$")
ROMAN = re.compile(r"^[IVX]+$")


def named_events(doc: Doc, words: Words | None = None) -> list[Span]:
    """EVENT spans found by the head-word rule, already cleared against the entities on ``doc``."""
    lex = lexicon()
    label_at = entity_labels(doc)
    spans = []
    i = 0  # the next token not inside a span found
    texts = words.text if words is not None else token_strings(doc)
    n = len(texts)
    pair_firsts, openers = _event_openers()
    for k in [k for k, text in enumerate(texts) if text in openers]:  # the only tokens a named event can start at
        if k < i:
            continue
        i = k
        text = texts[i]
        span = None
        pair = f"{text} {texts[i + 1]}" if i + 1 < n and text in pair_firsts else ""
        if pair in lex.heads and label_at[i] is None and label_at[i + 1] is None:
            span = _head_event(doc, i, label_at, lex, width=2)
        elif text in lex.heads and label_at[i] is None:
            span = _head_event(doc, i, label_at, lex)
        elif text in lex.tails and label_at[i] is None:
            span = _tail_event(doc, i, label_at)
        if span is not None:
            spans.append(span)
            i = span.end
    return spans


@lru_cache(maxsize=1)
def _event_openers() -> tuple[frozenset[str], frozenset[str]]:
    """The texts a token must have for "<text> <next text>" to be a head (each head cut before one of its spaces),
    and every text at which :func:`named_events` can find an event (those, heads and tails)."""
    lex = lexicon()
    pair_firsts = frozenset(head[:j] for head in lex.heads for j, char in enumerate(head) if char == " ")
    return pair_firsts, pair_firsts | frozenset(lex.heads) | frozenset(lex.tails)


def _continues(doc: Doc, j: int, label_at: list[str | None]) -> bool:
    token = doc[j]
    if label_at[j] in BLOCKING_LABELS or token.is_sent_start:
        return False
    return bool(CAPITALISED.match(token.text)) or bool(ROMAN.match(token.text))


def _head_event(doc: Doc, i: int, label_at: list[str | None], lex: Lexicon, width: int = 1) -> Span | None:
    end = i + width
    n = len(doc)
    while end < n:
        token = doc[end]
        if _continues(doc, end, label_at):
            end += 1
        elif token.text == "-" and end + 1 < n and not token.whitespace_ and not doc[end - 1].whitespace_ \
                and _continues(doc, end + 1, label_at):
            end += 2
        elif token.lower_ == "ke" and end + 2 < n and doc[end + 1].text == "-" and doc[end + 2].like_num:
            end += 3
        elif token.lower_ in {"dan", "untuk", "tentang", "antar", "se"} and end + 1 < n \
                and _continues(doc, end + 1, label_at) and doc[end + 1].text not in lex.heads:
            end += 2
        else:
            break
    head = doc[i : i + width].text
    if end == i + width and not lex.heads[head][1]:
        return None
    return Span(doc, i, end, label="EVENT")


def _tail_event(doc: Doc, i: int, label_at: list[str | None]) -> Span | None:
    start = i
    while start > 0 and not doc[start].is_sent_start and _continues(doc, start - 1, label_at) \
            and label_at[start - 1] not in NAME_LABELS:
        start -= 1
    if start == i:
        return None
    return Span(doc, start, i + 1, label="EVENT")


def add_named_events(doc: Doc, words: Words | None = None) -> list[Span]:
    """Put rule-found named events on ``doc.ents`` (see the module docstring for what gives way to what); returns the
    entities of the doc."""
    ents = list(doc.ents)
    found = named_events(doc, words)
    if not found:
        return ents
    kept = []
    for span in found:
        clash = False
        for ent in ents:
            if ent.end <= span.start or ent.start >= span.end:
                continue
            if ent.label_ == "EVENT" and ent.start <= span.start and ent.end >= span.end:
                clash = True  # the model's EVENT already covers it
            elif ent.label_ in NAME_LABELS and ent.start <= span.start:
                clash = True  # an entity starting at or before the head keeps its place
            elif ent.end > span.end:
                span = Span(doc, span.start, ent.end, label="EVENT")
        if not clash:
            kept.append(span)
    return merge_ents_into(doc, ents, kept)

