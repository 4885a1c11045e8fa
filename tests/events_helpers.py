"""Shared by the factx_events tests: a blank Indonesian pipeline, Docs with hand-set entities, frame summaries.

A case gives a text and the entities the other components would put on it (in order of appearance), so the
event rules are tested on their own.
"""

from __future__ import annotations

from decimal import Decimal

import spacy

from factx import extensions  # noqa: F401  (registers span._.value, ._.amount, ._.currency, doc._.events)
from factx.tokenizer import TOKENIZER_CONFIG

IDR = "IDR"


def blank_pipeline():
    """factx's tokenizer and a sentencizer, nothing else: the entities come from the test cases."""
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(nlp, text, ents):
    """``ents``: (text, label, value) in order of appearance; MONEY value is (amount, currency)."""
    doc = nlp(text)
    spans, pos = [], 0
    for surface, label, value in ents:
        start = text.index(surface, pos)
        pos = start + len(surface)
        span = doc.char_span(start, pos, label=label, alignment_mode="expand")
        if label == "MONEY":
            span._.amount, span._.currency = Decimal(value[0]), value[1]
        else:
            span._.value = value
        spans.append(span)
    doc.ents = spans
    return doc


def summary(frame):
    return {
        "type": frame.event_type,
        "trigger": frame.trigger.text,
        "date": frame.date,
        "orgs": frame.orgs,
        "people": frame.people,
        "places": frame.places,
        "money": [(int(m._.amount), m._.currency) for m in frame.money],
    }


def frame(type, trigger, date=None, orgs=(), people=(), places=(), money=()):
    return {"type": type, "trigger": trigger, "date": date, "orgs": list(orgs), "people": list(people),
            "places": list(places), "money": list(money)}
