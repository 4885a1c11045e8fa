"""Legal forms stay inside a company's name: an ORG is widened over a leading "PT"/"CV" and a trailing "Tbk",
"(Persero)", "Co., Ltd." ...; a capitalised run ending in a (strong) legal form is an ORG even where the model split
or missed it; and the name without its legal form or company word is the short form ("Pertamina")."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable

from spacy.tokens import Doc, Span

from .words import ORG, Tokens, indexes, normal, org_forms, place_names

__all__ = ["legal_forms", "trim_run", "suffix_end", "short_forms", "core_bounds", "core_name"]


def is_gap(text: str) -> bool:
    """A whitespace token within a line (an extra space), which a name may hold."""
    return text.isspace() and "\n" not in text


def legal_forms(doc: Doc, ents: list[Span], toks: Tokens | None = None) -> list[Span]:
    """ORG spans widened over legal forms, plus capitalised runs that end in a (strong) legal form."""
    forms = org_forms()
    prefixes = forms["prefixes"]
    toks = toks if toks is not None else Tokens(doc)
    texts, names = toks.text, toks.names
    new: list[Span] = []
    for ent in ents:
        if ent.label_ != ORG:
            continue
        start = ent.start
        if start > 1 and is_gap(texts[start - 1]) and texts[start - 2] in prefixes:
            start -= 2  # "PT  Garuda Indonesia": a double space after the prefix
        elif start > 0 and texts[start - 1] in prefixes:
            start -= 1
        elif start > 1 and texts[start - 1] == "." and texts[start - 2] + "." in prefixes:
            start -= 2
        end = suffix_end(doc, ent.end, forms["suffix_re"], toks)
        if (start, end) != (ent.start, ent.end):
            new.append(Span(doc, start, end, label=ORG))
    # "Chongqing Dejia Meat Technology Development Co., Ltd.": a capitalised run directly followed by a legal form
    openers = forms["suffix_openers"]
    words = openers & toks.words
    words.update(word for word in toks.words if "." in word and word.split(".")[0] in openers)  # "Tbk."
    for ti in indexes(texts, words):
        if ti == 0 or not names[ti - 1]:
            continue
        end = suffix_end(doc, ti, forms["strong_suffix_re"], toks)
        if end == ti:
            continue
        start = ti
        while start > 0 and (names[start - 1] or texts[start - 1] in {"&", "-"}
                             or (start > 1 and is_gap(texts[start - 1]) and names[start - 2])):
            start -= 1
        if start > 0 and texts[start - 1] in prefixes:
            start -= 1
        start = trim_run(doc, start, ti, ents, prefixes, toks)
        if start < ti:
            new.append(Span(doc, start, end, label=ORG))
    return new


def trim_run(doc: Doc, start: int, end: int, ents: list[Span], prefixes: set[str], toks: Tokens | None = None) -> int:
    """Where the company name in the capitalised run ``start:end`` begins: at its last legal prefix ("Saham PT
    Pertamina"), else, when the run opens a sentence with a word outside any entity ("Saham Apple Inc."), at the
    first entity inside the run."""
    toks = toks if toks is not None else Tokens(doc)
    texts = toks.text
    for i in range(end - 1, start - 1, -1):
        if texts[i] in prefixes or (texts[i] == "." and i > start and texts[i - 1] + "." in prefixes):
            return i if texts[i] in prefixes else i - 1
    if toks.sent_start[start] and not any(e.start <= start < e.end for e in ents):
        inside = [e.start for e in ents if start < e.start < end]
        if inside:
            start = min(inside)
    while start < end and texts[start] in {"&", "-"}:
        start += 1
    return start


def suffix_end(doc: Doc, end: int, suffix_re: re.Pattern, toks: Tokens | None = None) -> int:
    """The token index after the legal form that starts at token ``end`` (``end`` itself if there is none): the
    legal form is matched on the text of the next 15 tokens and ends after the last token wholly inside the match."""
    n = len(doc)
    if end >= n or end == 0:
        return end
    toks = toks if toks is not None else Tokens(doc)
    ends = toks.ends
    offset = ends[end - 1]
    chars = toks.chars
    match = suffix_re.match(chars[offset : ends[min(end + 15, n) - 1]][:40])
    if not match:
        return end
    stop = offset + match.end()
    if (chars[stop - 1] == "." and chars[offset : stop - 1].endswith(org_forms()["undotted_suffixes"])
            and sentence_stop(chars, stop)):
        shorter = suffix_re.match(chars[offset : stop - 1])
        if shorter and offset + shorter.end() == stop - 1:
            stop -= 1  # "... PT Timah Tbk." : the full stop ends the sentence, not the legal form
    return max(bisect_right(ends, stop, end), end)


def sentence_stop(chars: str, stop: int) -> bool:
    """Whether the "." before ``stop`` ends a sentence: the text ends, or a line break or a capital follows."""
    rest = chars[stop : stop + 40].lstrip(" \t")
    return not rest or rest[0] in "\n\r" or rest[0].isupper() or rest[0] in "\"'“”("


def short_forms(doc: Doc, ents: Iterable[Span] | None = None, toks: Tokens | None = None) -> set[str]:
    """Short forms of ORG names the document writes in full: the name without its legal form or company word
    ("Qingling" for "Qingling Motors", "Pertamina" for "PT Pertamina (Persero)"). They are tagged ORG where they
    stand alone; their value stays their own text (only an acronym definition makes a canonical name)."""
    forms = org_forms()
    toks = toks if toks is not None else Tokens(doc, ents=False)
    texts, names = toks.text, toks.names
    shorts: set[str] = set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != ORG or len(ent) < 2:
            continue
        start, end = core_bounds(doc, ent, toks)
        while end > start + 1 and texts[end - 1] in forms["tails"]:
            end -= 1
        if (start, end) == (ent.start, ent.end) or end <= start:
            continue
        short = normal(toks.chars[toks.idx[start] : toks.ends[end - 1]])
        if len(short) >= 3 and short not in place_names() and any(names[start:end]):
            shorts.add(short)
    return shorts


def core_bounds(doc: Doc, ent: Span, toks: Tokens | None = None) -> tuple[int, int]:
    """The token range of ``ent`` without its legal prefix ("PT") and legal form ("(Persero) Tbk")."""
    forms = org_forms()
    toks = toks if toks is not None else Tokens(doc, ents=False)
    texts = toks.text
    start, end = ent.start, ent.end
    if texts[start] in forms["prefixes"]:
        start += 1
        while start < end - 1 and texts[start].isspace():
            start += 1
    end = next((k for k in range(start + 1, end) if suffix_end(doc, k, forms["suffix_re"], toks) == ent.end), end)
    return start, end


def core_name(doc: Doc, ent: Span, toks: Tokens | None = None) -> str:
    """The text of ``ent`` without its legal forms, whitespace normalised ("Garuda Indonesia" of "PT  Garuda
    Indonesia (Persero) Tbk")."""
    toks = toks if toks is not None else Tokens(doc, ents=False)
    start, end = core_bounds(doc, ent, toks)
    return normal(toks.chars[toks.idx[start] : toks.ends[end - 1]]) if end > start else ""
