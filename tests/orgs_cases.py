"""Shared by the tests/test_orgs_*.py files: run ``factx_orgs`` on a blank pipeline's Doc with entities set by hand,
so the rules are tested alone."""

from __future__ import annotations

import pytest
import spacy

import factx.orgs  # noqa: F401  (registers factx_orgs)
from factx.tokenizer import TOKENIZER_CONFIG


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    nlp.add_pipe("factx_orgs")
    return nlp


def run(blank, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """Set ``ents`` (each the first occurrence of its text, or the n-th with "text#n") and run the component."""
    doc = blank(text)
    spans = []
    for target, label in ents:
        target, _, nth = target.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(target, start + 1)
        span = doc.char_span(start, start + len(target), label=label)
        assert span is not None, target
        spans.append(span)
    doc.ents = spans
    doc = blank.get_pipe("factx_orgs")(doc)
    return [(ent.text, ent.label_, ent._.value) for ent in doc.ents]
