"""Acronym definitions tie both forms: in "Otoritas Pangan Singapura (SFA)" the acronym becomes an ORG whose
value is the full name, and so does every bare "SFA" in the document, tagged ORG even where the model missed it.

The acronym takes the long form's type: a place ("Amerika Serikat (AS)") gives a LOC acronym; an index, programme
or term ("Indeks Harga Saham Gabungan (IHSG)", "Kerja Sama Pemerintah dan Badan Usaha (KPBU)") gives no entity at
all, and no fragment of its long form is an ORG. An acronym is an ORG only when its long form is one: the
gazetteer knows it, it has an organisation's form (an institution word, a legal form, a company word), or the model
called exactly that text ORG. The long form is the whole name: its initials where they spell the acronym, else the
name from its institution word, or the model's entity (which may run past a parenthesis: "... (Persero) Tbk
(BBRI)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..spans import token_strings
from .cleanup import is_term
from .gazetteer import Gazetteer
from .words import (
    LOC, NAME_JOINERS, ORG, indexes, is_name_text, normal, org_forms, place_names, starts_with_words,
)

__all__ = ["ACRONYM", "Definition", "long_form_before", "acronyms", "initials_start"]


ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&]{1,11}$")
SHORT_NAME = re.compile(r"^[A-Z][a-z]{3,14}$")  # a bracketed short name: "(Danantara)", "(Bulog)"
TERM = None  # Definition.label of an index, programme or term


@dataclass(frozen=True)
class Definition:
    label: str | None  # ORG, LOC, or TERM
    value: str  # the long form, or the gazetteer's canonical name
    long_form: tuple[int, int] | None  # token range of the long form, where the document writes it


def initials_start(words: list[str], acronym: str) -> int | None:
    """The first index from which the initials of ``words`` (less lower-case joiners) spell ``acronym``."""
    wanted = acronym.upper()
    for i in range(len(words)):
        letters = "".join(w[0] for w in words[i:] if w[:1].isupper() or w[:1].isdigit())
        if letters.upper() == wanted:
            return i
    return None


def crosses_place(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` is inside a listed place name written in ``words`` ("Serikat" of "Amerika
    Serikat")."""
    places = place_names()
    return any(" ".join(words[j:k]) in places for j in range(0, i + 1) for k in range(i + 1, len(words) + 1))


def long_form_before(doc: Doc, paren: int, acronym: str, ents_by_end: dict[int, Span], texts: list[str]) -> Span | None:
    """The name ending right before the "(" at token ``paren`` (its label unset): the capitalised run before it
    from where its initials spell ``acronym``, else from its first institution (or term) word, or ending in a
    company word; else the model's entity ending there."""
    ent = ents_by_end.get(paren)
    start = paren
    while start > 0 and (
        is_name_text(texts[start - 1])
        or (texts[start - 1].lower() in NAME_JOINERS and start > 1 and is_name_text(texts[start - 2]))
    ):
        start -= 1
    words = texts[start:paren]
    forms = org_forms()
    run = None
    first = initials_start(words, acronym) if len(words) >= 2 else None
    if first is not None:
        run = Span(doc, start + first, paren)
    else:
        for i in range(len(words)):
            if starts_with_words(words, i, forms["not_org_heads"]):
                run = Span(doc, start + i, paren)
                break
            if starts_with_words(words, i, forms["heads"]) and not crosses_place(words, i):
                run = Span(doc, start + i, paren)
                break
        if run is None and len(words) >= 2 and words[-1] in forms["tails"]:
            run = Span(doc, start, paren)
    chosen = run if run is not None and (ent is None or run.start < ent.start or ent.label_ != ORG) else ent
    if chosen is None:
        return None
    start = chosen.start
    while start < paren - 1 and starts_with_words(texts, start, forms["titles"]):
        start += starts_with_words(texts, start, forms["titles"])  # "Ekonom Institute for ... (Indef)"
    return chosen if start == chosen.start or start >= paren else Span(doc, start, paren)


def label_of(text: str, acronym: str, ent: Span | None, gazetteer: Gazetteer | None) -> str | None | bool:
    """The type a long form gives its acronym: ORG, LOC, TERM, or False (no definition)."""
    forms = org_forms()
    words = text.split()
    if gazetteer is not None and gazetteer.lookup(text):
        return ORG
    if text in place_names() or (ent is not None and ent.label_ == LOC) or starts_with_words(
            words, 0, forms["place_heads"]):
        return LOC
    if is_term(text) or is_term(acronym):
        return TERM
    if (starts_with_words(words, 0, forms["heads"]) or words[0] in forms["prefixes"] or words[-1] in forms["tails"]
            or forms["suffix_re"].search(" " + words[-1])):
        return ORG
    if ent is not None and ent.label_ == ORG:
        return ORG
    return False


def acronyms(doc: Doc, ents: list[Span], texts: list[str] | None = None, gazetteer: Gazetteer | None = None
             ) -> tuple[dict[str, Definition], list[Span], list[tuple[int, int]]]:
    """Definitions ``{"SFA": Definition(ORG, "Otoritas Pangan Singapura", ...)}``, the spans they add (long forms
    and acronyms, labelled), and the token ranges where no ORG may stand (terms and their long forms)."""
    definitions: dict[str, Definition] = {}
    new: list[Span] = []
    banned: list[tuple[int, int]] = []
    ents_by_end = {ent.end: ent for ent in ents}
    ents_by_start = {ent.start: ent for ent in ents}
    texts = texts if texts is not None else token_strings(doc)
    brackets = indexes(texts, {"("})
    for ti in brackets:
        if ti + 2 >= len(texts) or texts[ti + 2] != ")":
            continue
        acronym = texts[ti + 1]
        if not ACRONYM.match(acronym) and not (SHORT_NAME.match(acronym) and acronym not in place_names()):
            continue
        if org_forms()["suffix_re"].match("".join(texts[ti : ti + 3])):
            continue  # "(Persero)" is a legal form
        inner = ents_by_start.get(ti + 1)
        if inner is not None and inner.label_ not in {ORG, LOC, "PER"}:
            continue
        owner = next((e for e in ents if e.start < ti < e.end), None)
        if owner is not None and owner.end >= ti + 2:
            # the model took "Name (ACR)" as one entity: split it
            long_form: Span | None = Span(doc, owner.start, ti, label=owner.label_)
            ent = long_form
        else:
            long_form = long_form_before(doc, ti, acronym, ents_by_end, texts)
            ent = ents_by_end.get(ti)
            ent = ent if ent is not None and long_form is not None and ent.start == long_form.start else None
        if long_form is None or not len(long_form):
            continue
        text = normal(long_form.text)
        if not ACRONYM.match(acronym) and not (gazetteer is not None and gazetteer.lookup(acronym)):
            # a bracketed short name defines only an organisation's known or institution-word long form
            if label_of(text, acronym, None, gazetteer) is not ORG:
                continue
        label = label_of(text, acronym, ent, gazetteer)
        known = gazetteer.lookup(acronym) if gazetteer is not None else None
        earlier = definitions.get(texts[long_form.start - 2]) if long_form.start >= 3 else None
        chained = False
        if (earlier is not None and earlier.label == ORG and texts[long_form.start - 1] == ")"
                and earlier.long_form is not None and earlier.long_form[1] == long_form.start - 3
                and not starts_with_words(texts, long_form.start, org_forms()["heads"])
                and not (gazetteer is not None and gazetteer.lookup(text))):
            label = ORG  # the name goes on after the bracket of an organisation's acronym
            chained = True
        if label is False and known is None:
            continue
        if known is not None and label in (False, LOC):
            # the gazetteer knows the acronym but not this long form: the acronym alone is its ORG
            definitions.setdefault(acronym, Definition(ORG, known, None))
            new.append(Span(doc, ti + 1, ti + 2, label=ORG))
            continue
        if label == LOC and initials_start(text.split(), acronym) != 0:
            continue  # a place's acronym spells its name ("Nusa Tenggara Barat (NTB)"); "JAKARTA (ANTARA)" is none
        if label is TERM:
            definitions.setdefault(acronym, Definition(TERM, text, (long_form.start, ti)))
            banned.extend([(long_form.start, ti), (ti + 1, ti + 2)])
            continue
        value = (gazetteer.lookup(text) if gazetteer is not None else None) or known or text
        start = long_form.start
        if chained:
            # "Badan Pengelola Investasi (BPI) Daya Anagata Nusantara (Danantara)": the name runs past a bracket
            start = earlier.long_form[0]
            value = known or normal(earlier.value + " " + text)
            new = [span for span in new if not (start <= span.start and span.end <= ti)]
        definitions.setdefault(acronym, Definition(label, value if label == ORG else text, (start, ti)))
        new.append(Span(doc, start, ti, label=label))
        new.append(Span(doc, ti + 1, ti + 2, label=label))
    # "PT Bank Pembangunan Daerah Sumatera Barat (Bank Nagari)": a short name of two or three words in brackets
    for ti in brackets:
        ent = ents_by_end.get(ti)
        if ent is None or ent.label_ != ORG:
            continue
        k = ti + 1
        while k < len(texts) and k - ti <= 3 and texts[k][:1].isupper() and texts[k].isalpha():
            k += 1
        short = " ".join(texts[ti + 1 : k])
        if k - ti - 1 < 2 or k >= len(texts) or texts[k] != ")" or short in place_names() or short in definitions:
            continue
        long_text = normal(ent.text)
        if label_of(long_text, short, ent, gazetteer) is not ORG:
            continue
        value = (gazetteer.lookup(long_text) or gazetteer.lookup(short) if gazetteer is not None else None) or long_text
        definitions[short] = Definition(ORG, value, (ent.start, ti))
        new.append(Span(doc, ti + 1, k, label=ORG))
    # "ACR (Full Name)": the parenthesised ORG defines the acronym before it
    for ent in ents:
        if ent.label_ != ORG or ent.start < 2 or ent.end >= len(doc):
            continue
        if texts[ent.start - 1] == "(" and texts[ent.end] == ")" and ACRONYM.match(texts[ent.start - 2]):
            acronym, text = texts[ent.start - 2], normal(ent.text)
            before = ents_by_end.get(ent.start - 1)
            if is_term(text) or is_term(acronym) or acronym.title() in place_names() or (
                    before is not None and before.label_ == LOC):
                continue  # "JAKARTA (ANTARA)": a dateline, no definition
            value = (gazetteer.lookup(text) if gazetteer is not None else None) or text
            definitions.setdefault(acronym, Definition(ORG, value, (ent.start, ent.end)))
            new.append(Span(doc, ent.start - 2, ent.start - 1, label=ORG))
    if definitions:
        taken = {i for span in new for i in range(span.start, span.end)}
        for ti in indexes(texts, set(definitions).intersection(texts)):
            definition = definitions[texts[ti]]
            if ti in taken:
                continue
            current = next((e for e in ents if e.start <= ti < e.end), None)
            if definition.label is TERM:
                banned.append((ti, ti + 1))
            elif definition.label == LOC and ti > 0 and any(e.end == ti and e.label_ == "PER" for e in ents):
                continue  # "Budi AS": initials after a name, not the place
            elif current is None or (current.label_ != definition.label and len(current) == 1):
                new.append(Span(doc, ti, ti + 1, label=definition.label))
    return definitions, new, banned
