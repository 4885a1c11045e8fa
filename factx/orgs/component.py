"""factx_orgs: finishes the model's organisations.

The steps, each in its own module: legal forms (:mod:`.legal`), names by rule and propagation (:mod:`.names`),
places (:mod:`.places`), acronym definitions (:mod:`.acronyms`); then every ORG gets ``span._.value``: the canonical
(full) name where the document defines one, else its own text.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (registers span._.value)
from ..spans import merge_ents_into, token_strings
from .acronyms import acronyms
from .legal import legal_forms, short_forms
from .names import list_members, name_rules, propagate
from .places import listed_places, places_to_loc
from .words import ORG, Tokens, is_headline_text, normal, place_names, sentences

__all__ = ["factx_orgs", "trim_spaces"]


def trim_spaces(doc: Doc, texts: list[str] | None = None) -> list[Span]:
    """Entities never start or end with a whitespace token (a line break after a heading). Returns the entities."""
    texts = texts if texts is not None else token_strings(doc)
    ents = list(doc.ents)
    trimmed = []
    changed = False
    for ent in ents:
        start, end = ent.start, ent.end
        while start < end and texts[start].isspace():
            start += 1
        while end > start and texts[end - 1].isspace():
            end -= 1
        if (start, end) != (ent.start, ent.end):
            changed = True
            if start == end:
                continue
            span = Span(doc, start, end, label=ent.label_)
            for attr in ("value", "amount", "amount_max", "currency", "unit", "qualifier"):
                setattr(span._, attr, getattr(ent._, attr))
            trimmed.append(span)
        else:
            trimmed.append(ent)
    if changed:
        doc.ents = trimmed
        return list(doc.ents)
    return ents


@Language.component("factx_orgs")
def factx_orgs(doc: Doc) -> Doc:
    """Finish ORG entities: legal forms, names by rule, places, acronym definitions, and ``span._.value``."""
    # the tokens never change here (only the entities): their texts and the headline sentences are read once, and
    # the entities again only after a step changed them
    toks = Tokens(doc, ents=False)
    texts = toks.text
    ents = trim_spaces(doc, texts)
    headlines = {(start, end) for start, end in sentences(doc) if is_headline_text(texts[start:end])}
    before = {(e.start, e.end, e.label_) for e in ents}

    def merge(spans: Iterable[Span]) -> None:
        nonlocal ents
        ents = merge_ents_into(doc, ents, spans)

    merge(legal_forms(doc, ents, toks))
    orgs, locs = name_rules(doc, ents, toks, headlines)
    merge(locs)
    merge(orgs)
    merge(list_members(doc, ents, toks, headlines))
    merge(places_to_loc(doc, ents))
    merge(listed_places(doc, toks))
    definitions, spans = acronyms(doc, ents, texts)
    merge(spans)
    chars = toks.chars
    found = {normal(chars[e.start_char : e.end_char]) for e in ents
             if e.label_ == ORG and (e.start, e.end, e.label_) not in before}
    merge(propagate(doc, found - place_names(), toks))
    shorts = short_forms(doc, ents, toks) - place_names()
    merge(propagate(doc, shorts, toks))
    for ent in ents:
        if ent.label_ == ORG:
            text = normal(chars[ent.start_char : ent.end_char])
            ent._.value = definitions.get(text, text)
    return doc
