"""Acronym definitions tie both forms: in "Otoritas Pangan Singapura (SFA)" the acronym becomes an ORG whose
value is the full name, and so does every bare "SFA" in the document, tagged ORG even where the model missed it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..spans import token_strings
from .words import NAME_JOINERS, ORG, LOC, is_name_word, normal, org_forms

__all__ = ["ACRONYM", "long_form_before", "acronyms"]


ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&]{1,11}$")


def long_form_before(doc: Doc, paren: int, ents_by_end: dict[int, Span]) -> Span | None:
    """The organisation name ending right before the "(" at token ``paren``: the model's ORG, or a longer capitalised
    run naming an institution (from its first head word, "Kamar Dagang ... Singapura"; or ending in a tail word,
    "Qingling Motors")."""
    ent = ents_by_end.get(paren)
    ent = ent if ent is not None and ent.label_ == ORG else None
    start = paren
    while start > 0 and (
        is_name_word(doc[start - 1])
        or (doc[start - 1].lower_ in NAME_JOINERS and start > 1 and is_name_word(doc[start - 2]))
    ):
        start -= 1
    words = [t.text for t in doc[start:paren]]
    forms = org_forms()
    run = None
    for i in range(len(words)):
        if any(tuple(words[i:i + len(head)]) == head for head in forms["heads"]):
            run = Span(doc, start + i, paren, label=ORG)
            break
    if run is None and len(words) >= 2 and words[-1] in forms["tails"]:
        run = Span(doc, start, paren, label=ORG)
    if run is not None and (ent is None or run.start < ent.start):
        return run
    return ent


def acronyms(doc: Doc, ents: list[Span], texts: list[str] | None = None) -> tuple[dict[str, str], list[Span]]:
    """Definitions ``{"SFA": "Otoritas Pangan Singapura"}`` and the spans they add (long forms, acronyms)."""
    definitions: dict[str, str] = {}
    new: list[Span] = []
    ents_by_end = {ent.end: ent for ent in ents}
    ents_by_start = {ent.start: ent for ent in ents}
    texts = texts if texts is not None else token_strings(doc)
    for ti in range(len(texts) - 2):
        if texts[ti] != "(" or texts[ti + 2] != ")" or not ACRONYM.match(texts[ti + 1]):
            continue
        token = doc[ti]
        acronym = doc[ti + 1]
        inner = ents_by_start.get(acronym.i)
        owner = next((e for e in ents if e.start < token.i < e.end and e.label_ == ORG), None)
        if owner is not None and owner.end >= token.i + 2:
            # the model took "Name (ACR)" as one entity: split it
            long_form = Span(doc, owner.start, token.i, label=ORG)
        else:
            long_form = long_form_before(doc, token.i, ents_by_end)
        if long_form is None or (inner is not None and inner.label_ not in {ORG, LOC, "PER"}):
            continue
        definitions.setdefault(acronym.text, normal(long_form.text))
        new.append(long_form)
        new.append(Span(doc, acronym.i, acronym.i + 1, label=ORG))
    # "ACR (Full Name)": the parenthesised ORG defines the acronym before it
    for ent in ents:
        if ent.label_ != ORG or ent.start < 2 or ent.end >= len(doc):
            continue
        if doc[ent.start - 1].text == "(" and doc[ent.end].text == ")" and ACRONYM.match(doc[ent.start - 2].text):
            acronym = doc[ent.start - 2]
            definitions.setdefault(acronym.text, normal(ent.text))
            new.append(Span(doc, acronym.i, acronym.i + 1, label=ORG))
    if definitions:
        taken = {i for span in new for i in range(span.start, span.end)}
        for ti, text in enumerate(texts):
            if text in definitions and ti not in taken:
                current = next((e for e in ents if e.start <= ti < e.end), None)
                if current is None or (current.label_ != ORG and len(current) == 1):
                    new.append(Span(doc, ti, ti + 1, label=ORG))
    return definitions, new
