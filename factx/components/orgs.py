"""factx_orgs: finishes the model's organisations.

- Legal forms stay inside the name: an ORG is extended over a leading "PT"/"CV" and a trailing "Tbk", "(Persero)",
  "Co., Ltd." ...; a capitalised run ending in such a suffix is an ORG even where the model split or missed it.
- A place name alone ("Singapura", "Chongqing") is LOC, not ORG: from ``factx/lang/places.txt`` and from the texts
  the model itself labelled LOC in the same document.
- Acronym definitions tie both forms: in "Otoritas Pangan Singapura (SFA)" the acronym becomes an ORG whose value is
  the full name, and so does every bare "SFA" in the document, tagged ORG even where the model missed it.
- Every ORG gets ``span._.value``: the canonical (full) name where the document defines one, else its own text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401  (registers span._.value)
from ..lang import load_json, read_lines
from ..spans import merge_ents

ORG = "ORG"
LOC = "LOC"
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&]{1,11}$")
# Words that may sit inside a capitalised organisation name without being capitalised.
NAME_JOINERS = {"dan", "&", "untuk", "of", "and", "the", "for", "-"}


@lru_cache(maxsize=1)
def org_forms() -> dict:
    """Legal forms and institution words from ``org_forms.json``, with the suffix regexes compiled."""
    data = load_json("org_forms.json")

    def suffix_regex(suffixes: list[str]) -> re.Pattern:
        ordered = sorted(suffixes, key=len, reverse=True)
        return re.compile(r"\A(?:\s*,?\s*(?:" + "|".join(re.escape(s) for s in ordered) + r")(?!\w))+")

    weak = set(data["weak_suffixes"])
    return {
        "suffix_re": suffix_regex(data["suffixes"]),
        "strong_suffix_re": suffix_regex([s for s in data["suffixes"] if s not in weak]),
        "prefixes": set(data["prefixes"]),
        "heads": tuple(tuple(k.split()) for k in data["heads"]),
        "tails": {k for k in data["tails"]},
    }


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    return frozenset(read_lines("places.txt"))


def normal(text: str) -> str:
    return " ".join(text.split())


def is_name_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper()


def legal_forms(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG spans widened over legal forms, plus capitalised runs that end in a (strong) legal form."""
    forms = org_forms()
    prefixes = forms["prefixes"]
    new: list[Span] = []
    for ent in ents:
        if ent.label_ != ORG:
            continue
        start = ent.start
        if start > 0 and doc[start - 1].text in prefixes:
            start -= 1
        elif start > 1 and doc[start - 1].text == "." and doc[start - 2].text + "." in prefixes:
            start -= 2
        end = suffix_end(doc, ent.end, forms["suffix_re"])
        if (start, end) != (ent.start, ent.end):
            new.append(Span(doc, start, end, label=ORG))
    # "Chongqing Dejia Meat Technology Development Co., Ltd.": a capitalised run directly followed by a legal form
    for token in doc[1:]:
        if not is_name_word(doc[token.i - 1]):
            continue
        end = suffix_end(doc, token.i, forms["strong_suffix_re"])
        if end == token.i:
            continue
        start = token.i
        while start > 0 and (is_name_word(doc[start - 1]) or doc[start - 1].text in {"&", "-"}):
            start -= 1
        if start > 0 and doc[start - 1].text in prefixes:
            start -= 1
        start = trim_run(doc, start, token.i, ents, prefixes)
        if start < token.i:
            new.append(Span(doc, start, end, label=ORG))
    return new


def trim_run(doc: Doc, start: int, end: int, ents: list[Span], prefixes: set[str]) -> int:
    """Where the company name in the capitalised run ``start:end`` begins: at its last legal prefix ("Saham PT
    Pertamina"), else, when the run opens a sentence with a word outside any entity ("Saham Apple Inc."), at the
    first entity inside the run."""
    for i in range(end - 1, start - 1, -1):
        if doc[i].text in prefixes or (doc[i].text == "." and i > start and doc[i - 1].text + "." in prefixes):
            return i if doc[i].text in prefixes else i - 1
    if doc[start].is_sent_start and not any(e.start <= start < e.end for e in ents):
        inside = [e.start for e in ents if start < e.start < end]
        if inside:
            start = min(inside)
    while start < end and doc[start].text in {"&", "-"}:
        start += 1
    return start


def suffix_end(doc: Doc, end: int, suffix_re: re.Pattern) -> int:
    """The token index after the legal form that starts at token ``end`` (``end`` itself if there is none)."""
    if end >= len(doc) or end == 0:
        return end
    offset = doc[end - 1].idx + len(doc[end - 1])
    match = suffix_re.match(doc.text[offset:offset + 40])
    if not match:
        return end
    span = doc.char_span(offset, offset + match.end(), alignment_mode="contract")
    if span is None or span.end <= end:
        return end
    return span.end


def places_to_loc(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG entities that are exactly a place name, relabelled LOC."""
    known = place_names() | {normal(ent.text) for ent in ents if ent.label_ == LOC}
    return [Span(doc, ent.start, ent.end, label=LOC) for ent in ents if ent.label_ == ORG and normal(ent.text) in known]


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


def acronyms(doc: Doc, ents: list[Span]) -> tuple[dict[str, str], list[Span]]:
    """Definitions ``{"SFA": "Otoritas Pangan Singapura"}`` and the spans they add (long forms, acronyms)."""
    definitions: dict[str, str] = {}
    new: list[Span] = []
    ents_by_end = {ent.end: ent for ent in ents}
    ents_by_start = {ent.start: ent for ent in ents}
    for token in doc[:-2]:
        if token.text != "(" or doc[token.i + 2].text != ")" or not ACRONYM.match(doc[token.i + 1].text):
            continue
        acronym = doc[token.i + 1]
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
        for token in doc:
            if token.text in definitions and token.i not in taken:
                current = next((e for e in ents if e.start <= token.i < e.end), None)
                if current is None or (current.label_ != ORG and len(current) == 1):
                    new.append(Span(doc, token.i, token.i + 1, label=ORG))
    return definitions, new


@Language.component("factx_orgs")
def factx_orgs(doc: Doc) -> Doc:
    """Finish ORG entities: legal forms, places, acronym definitions, and ``span._.value``."""
    merge_ents(doc, legal_forms(doc, list(doc.ents)))
    merge_ents(doc, places_to_loc(doc, list(doc.ents)))
    definitions, spans = acronyms(doc, list(doc.ents))
    merge_ents(doc, spans)
    for ent in doc.ents:
        if ent.label_ == ORG:
            text = normal(ent.text)
            ent._.value = definitions.get(text, text)
    return doc
