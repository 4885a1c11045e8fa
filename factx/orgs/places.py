"""A place name alone ("Singapura", "Chongqing") is LOC, not ORG: from ``factx/lang/places.txt`` and from the
texts the model itself labelled LOC in the same document."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..spans import doc_text
from .names import index_names, mentions
from .words import LOC, ORG, Tokens, normal, org_forms, place_names

__all__ = ["capitals", "places_to_loc", "listed_place_index", "listed_places"]


def places_to_loc(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG entities that are exactly a place name (the list, or a text the model labelled LOC elsewhere in the
    document), and PER entities that are exactly a listed place, relabelled LOC."""
    listed = place_names()
    chars = doc_text(doc)
    labelled = [(ent, ent.label_) for ent in ents if ent.label_ in {ORG, LOC, "PER"}]
    texts = [normal(chars[ent.start_char : ent.end_char]) for ent, _ in labelled]
    locs = {text for (_, label), text in zip(labelled, texts) if label == LOC}
    return [
        Span(doc, ent.start, ent.end, label=LOC)
        for (ent, label), text in zip(labelled, texts)
        if (label == ORG and (text in listed or text in locs)) or (label == "PER" and text in listed)
    ]


@lru_cache(maxsize=1)
def listed_place_index() -> dict[str, list[list[str]]]:
    """The listed places by first word, less short upper-case ones ("AS" is also a person's initials)."""
    return index_names(name for name in place_names() if not (name.isupper() and len(name) <= 3))


def listed_places(doc: Doc, toks: Tokens | None = None) -> list[Span]:
    """LOC for a listed country or city name the model left unlabelled ("diadakan di Chongqing"). ``toks`` must
    hold the doc's entities."""
    toks = toks if toks is not None else Tokens(doc)
    etype = toks.etype
    return [Span(doc, start, end, label=LOC) for start, end in mentions(listed_place_index(), toks)
            if not any(etype[start:end])]


def capitals(doc: Doc, ents: list[Span]) -> list[Span]:
    """A LOC "Kota X" right after "ibu" is the capital of X: the LOC is X ("Ibu Kota RIS" -> "RIS"), or the whole
    "Ibu Kota X" where that is the place's own name (``capital_names``: "Ibu Kota Nusantara")."""
    names = org_forms()["capital_names"]
    out = []
    for ent in ents:
        if ent.label_ != LOC or ent.start == 0 or doc[ent.start].text != "Kota" or doc[ent.start - 1].lower_ != "ibu":
            continue
        if doc[ent.start + 1 : ent.end].text in names:
            out.append(Span(doc, ent.start - 1, ent.end, label=LOC))
        elif ent.end - ent.start >= 2:
            out.append(Span(doc, ent.start + 1, ent.end, label=LOC))
    return out
