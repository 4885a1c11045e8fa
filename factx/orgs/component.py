"""factx_orgs: finishes the model's organisations.

The steps, in order, each in its own module: the gazetteer's names reconciled with the model's entities (titles,
units, "dan", a person's name cut off; the gazetteer's kind wins: :mod:`.gazetteer`, :mod:`.reconcile`), legal
forms (:mod:`.legal`), names by rule and propagation, local governments (:mod:`.names`), places
(:mod:`.places`), the model's other slips (:mod:`.repairs`), acronym definitions typed by their long form
(:mod:`.acronyms`), what is not an organisation (:mod:`.cleanup`); then every ORG gets ``span._.value``: the
document's definition, the gazetteer's canonical name, a local government's or council's full name, else its own
text.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (registers span._.value)
from ..spans import token_strings
from .acronyms import acronyms
from .cleanup import first_names, not_organisations
from .entities import Entities
from .gazetteer import Gazetteer, read_gazetteer
from .legal import core_name, legal_forms, short_forms
from .names import (
    bare_governments, council, list_members, local_government, name_rules, propagate, remember_government,
)
from .places import capitals, listed_places, places_to_loc
from .repairs import (
    airlines, bare_commands, joined_companies, name_ends, name_tails, not_names, open_brackets, person_titles,
    region_then_person, routes, youth_teams,
)
from .reconcile import edges, gazetteer_spans, split_joined, trim_titles
from .words import ORG, Tokens, is_headline_text, normal, place_names, sentences

__all__ = ["make_orgs", "OrgsComponent", "finish", "trim_spaces", "values"]


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


@Language.factory("factx_orgs", default_config={"gazetteer": None})
def make_orgs(nlp: Language, name: str, gazetteer: str | None) -> "OrgsComponent":
    """The ``factx_orgs`` component; ``gazetteer`` is a TSV file of organisations (default: the shipped
    ``factx/lang/organisations.tsv``)."""
    return OrgsComponent(nlp, gazetteer)


class OrgsComponent:
    """Finish ORG entities: the gazetteer, legal forms, names by rule, places, acronym definitions, what is not an
    organisation, and ``span._.value``."""

    def __init__(self, nlp: Language, gazetteer: str | None = None):
        self.gazetteer = Gazetteer(nlp, read_gazetteer(gazetteer))

    def __call__(self, doc: Doc) -> Doc:
        return finish(doc, self.gazetteer)


def finish(doc: Doc, gazetteer: Gazetteer) -> Doc:
    """The steps of the component on ``doc``, in order."""
    # the tokens never change here (only the entities): their texts and the headline sentences are read once. The
    # entities are kept in ``state`` (and ``ents``, its list) and written to the doc once, at the end; ``toks`` has
    # their columns as they were when ``current()`` was last called
    toks = Tokens(doc, ents=False)
    texts = toks.text
    state = Entities(doc, trim_spaces(doc, texts))
    ents = state.ents
    headlines = {(start, end) for start, end in sentences(doc) if is_headline_text(texts[start:end])}
    before = {(e.start, e.end, e.label_) for e in ents}

    def merge(spans: Iterable[Span]) -> None:
        nonlocal ents
        state.merge(spans)
        ents = state.ents

    def drop(spans: list[Span]) -> None:
        nonlocal ents
        state.drop(spans)
        ents = state.ents

    def current() -> Tokens:
        toks.iob, toks.etype = state.iob, state.etype
        return toks

    matches = gazetteer.spans(doc, current())
    merge(split_joined(doc, ents, toks, {m.start for m in matches}))
    merge(trim_titles(doc, ents, toks))
    merge(gazetteer_spans(doc, ents, matches, toks, gazetteer.kind))
    merge(edges(doc, ents, current(), {(m.start, m.end) for m in matches}))
    merge(legal_forms(doc, ents, toks))
    orgs, locs = name_rules(doc, ents, current(), headlines)
    merge(locs)
    merge(orgs)
    merge(list_members(doc, ents, toks, headlines, state.etype))
    # a name rule may have run on past a gazetteer name
    merge(gazetteer_spans(doc, ents, matches, toks, gazetteer.kind))
    merge(trim_titles(doc, ents, toks))
    merge(places_to_loc(doc, ents))
    merge(capitals(doc, ents))
    merge(listed_places(doc, current()))
    merge(region_then_person(doc, ents, toks))
    merge(open_brackets(doc, ents, toks))
    merge(airlines(doc, current()))
    merge(name_ends(doc, ents, toks))
    merge(youth_teams(doc, ents, toks))
    merge(routes(doc, ents, toks))
    merge(joined_companies(doc, ents, toks))
    merge(name_tails(doc, ents, toks))
    titled, titles = person_titles(doc, ents, toks)
    drop(titles)
    merge(titled)
    definitions, spans, banned = acronyms(doc, ents, texts, gazetteer)
    merge(spans)
    drop([e for e in ents if e.label_ == ORG and any(s <= e.start and e.end <= t for s, t in banned)])
    chars = toks.chars
    merge(propagate(doc, {short for short, d in definitions.items() if " " in short and d.label == ORG}, current()))
    found = {normal(chars[e.start_char : e.end_char]) for e in ents
             if e.label_ == ORG and (e.start, e.end, e.label_) not in before}
    merge(propagate(doc, found - place_names(), current()))
    shorts = short_forms(doc, ents, toks) - place_names()
    merge(propagate(doc, shorts, current()))
    known = {text for text, d in definitions.items() if d.label == ORG}
    known |= {normal(chars[e.start_char : e.end_char]) for e in ents
              if e.label_ == ORG and gazetteer.lookup(chars[e.start_char : e.end_char])}
    drop(not_organisations(doc, ents, current(), known))
    drop(not_names(ents, toks, known))
    merge(first_names(doc, ents, toks, known))
    merge(bare_governments(doc, current()))
    merge(bare_commands(doc, current()))
    state.write()
    values(doc, ents, definitions, gazetteer, toks)
    return doc


def values(doc: Doc, ents: list[Span], definitions: dict, gazetteer: Gazetteer, toks: Tokens) -> None:
    """``span._.value`` of every ORG: the acronym's definition, the gazetteer's canonical name (of the text, or of
    the text without its legal form), a local government's full name, else the text."""
    chars = toks.chars
    last_government: dict[str, str] = {}
    long_forms = {d.long_form: d.value for d in definitions.values() if d.label == ORG and d.long_form}
    for ent in ents:
        if ent.label_ != ORG:
            continue
        text = normal(chars[ent.start_char : ent.end_char])
        definition = definitions.get(text)
        if definition is not None and definition.label == ORG:
            ent._.value = definition.value
            continue
        if (ent.start, ent.end) in long_forms and "(" in text:  # a long form that runs past a bracket
            ent._.value = long_forms[ent.start, ent.end]
            continue
        value = (gazetteer.lookup(text) or gazetteer.lookup(core_name(doc, ent, toks))
                 or local_government(text, last_government) or council(text, chars) or text)
        ent._.value = value
        remember_government(value, last_government)


