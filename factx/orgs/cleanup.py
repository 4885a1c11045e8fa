"""What is not an organisation, though the model or an acronym may say so: bylines and boilerplate ("Reporter: ... |
Editor: ...", "Baca juga: ..."), news outlets cited as the source ("JAKARTA, KOMPAS.com -", "dikutip dari Reuters"),
terms and indices (IHSG, KPR, AUM, currency codes; ``org_forms.json``: ``not_org_terms``, ``not_org_heads``),
initials after a person's name, and a person's first name on its own."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..spans import doc_text
from .words import ORG, PER, Tokens, normal, org_forms, starts_with_words

__all__ = ["attribution_zones", "not_organisations", "first_names", "is_term", "is_unit"]

DOMAIN = re.compile(r"\w\.(?:com|co\.id|id|net|org|co)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _zone_res() -> tuple[re.Pattern, re.Pattern]:
    forms = org_forms()
    labels = sorted((" ".join(words) for words in forms["boilerplate"]), key=len, reverse=True)
    line = re.compile(r"^[ \t]*(?:" + "|".join(re.escape(label) for label in labels) + r")[ \t]*:.*$", re.MULTILINE)
    # "JAKARTA, KOMPAS.com -", "JAKARTA (ANTARA) -", "KONTAN.CO.ID - JAKARTA."
    dateline = re.compile(
        r"^[ \t]*(?:[A-Z][A-Za-z .]{1,40}(?:,[ \t]*|[ \t]*\()[^\n()]{2,40}?\)?[ \t]*[-\u2013\u2014]"
        r"|[A-Za-z]+\.[A-Za-z.]+[ \t]*[-\u2013\u2014])",
        re.MULTILINE,
    )
    return line, dateline


def attribution_zones(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of byline and boilerplate lines and of datelines naming the outlet."""
    text = doc_text(doc)
    line, dateline = _zone_res()
    return [m.span() for m in line.finditer(text)] + [m.span() for m in dateline.finditer(text)]


def is_term(text: str) -> bool:
    """A term, index, programme or currency, never an organisation: the listed acronyms and currency codes, and names
    starting with a word of ``not_org_heads`` ("Indeks Harga Saham Gabungan")."""
    forms = org_forms()
    text = normal(text)
    if text in forms["not_org_terms"]:
        return True
    return bool(starts_with_words(text.split(), 0, forms["not_org_heads"]))


ROMAN = re.compile(r"^[IVXL]+$")


def is_unit(text: str) -> bool:
    """A numbered unit of a legislature ("Komisi XI", "Komisi II", "Komisi VI dan XI", "Komisi I, II, dan III"):
    not an organisation of its own."""
    words = text.replace(",", " ").split()
    numbers = [w for w in words[1:] if w not in ("dan", "serta")]
    return (len(words) >= 2 and words[0] in org_forms()["unit_heads"] and bool(numbers)
            and all(ROMAN.match(w) for w in numbers) and words[-1] not in ("dan", "serta"))


def not_organisations(doc: Doc, ents: list[Span], toks: Tokens, known: set[str]) -> list[Span]:
    """The ORG entities that are attribution, boilerplate, terms or initials. ``known`` are the names the gazetteer
    or the document defines: they stay (a term list never overrules them)."""
    forms = org_forms()
    zones = attribution_zones(doc)
    chars, lowers = toks.chars, toks.lower
    drop = []
    previous = None
    for ent in ents:
        if ent.label_ == ORG:
            start, start_char, end_char = ent.start, ent.start_char, ent.end_char
            text = normal(chars[start_char:end_char])
            words = text.split()
            if (any(zone_start <= start_char and end_char <= zone_end for zone_start, zone_end in zones)
                    # cited: "dikutip dari Reuters"
                    or any(starts_with_words(lowers, k, forms["attribution"]) == start - k
                           for k in range(max(0, start - 3), start))
                    or DOMAIN.search(text)
                    # initials after a person's name
                    or (ent.end - start == 1 and text.isupper() and len(text) <= 3 and previous is not None
                        and previous.label_ == PER and previous.end == start and text not in known)
                    or (text not in known and is_term(text))
                    or is_unit(text)
                    # a head word alone: "Kementerian"
                    or (text not in known and starts_with_words(words, 0, forms["heads"]) == len(words))):
                drop.append(ent)
        previous = ent
    return drop


def first_names(doc: Doc, ents: list[Span], toks: Tokens, known: set[str]) -> list[Span]:
    """One-word Title-Case ORG entities that are the first word of a person's name in the same document ("Budi"
    after "Budi Santoso"), relabelled PER. (A last name may be a company's: "Disney" after "Roy Disney".)"""
    words = set()
    texts = toks.text
    for ent in ents:
        if ent.label_ == PER and len(ent) >= 2:
            words.add(texts[ent.start])
    if not words:
        return []
    return [
        Span(doc, ent.start, ent.end, label=PER)
        for ent in ents
        if ent.label_ == ORG and len(ent) == 1 and texts[ent.start] in words and not texts[ent.start].isupper()
        and texts[ent.start] not in known
    ]
