"""Entities the model gets wrong in ways that no name rule undoes: a number word taken for a name ("Enam petenis
..."), a legal form or a letter alone, a reduplicated plural ("partai - partai"), a name that runs into an open
bracket ("Susilo Bambang Yudhoyono ( SBY" before ")"), a region that runs on into its head's name ("Gubernur
Jawa Tengah Budi Santoso" as one LOC), an airline ("Air India"), a bare regional command ("Polda"), a person's
name cut after an initial or before "Jr.", an official's short title before a name ("Menkeu"), a youth team
("Persib U - 18": the club), two places joined by a dash, two companies joined by "dan", degrees after a name."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..numbers import number_words
from .words import LOC, ORG, PER, Tokens, indexes, org_forms, place_names, starts_with_words

__all__ = [
    "not_names", "open_brackets", "region_then_person", "airlines", "bare_commands", "name_ends", "youth_teams",
    "routes", "person_titles", "joined_companies", "name_tails",
]

CORE = (PER, ORG, LOC)


def not_names(ents: list[Span], toks: Tokens, known: set[str]) -> list[Span]:
    """The PER, ORG and LOC entities that name nothing: a PER or ORG of number words only ("Enam", "Dua Puluh";
    a LOC such as "Lima" stays), a legal form alone ("PT"), one letter ("K", "A."), a reduplicated plural
    ("Partai - partai"). ``known``: names the gazetteer or the document defines, which stay."""
    numbers = number_words()
    prefixes = org_forms()["bare_legal_forms"]
    lower, text = toks.lower, toks.text
    out = []
    for ent in ents:
        if ent.label_ not in CORE:
            continue
        start, end = ent.start, ent.end
        words = text[start:end]
        name = " ".join(words)
        if name in known:
            continue
        if ent.label_ != LOC and all(lower[k] in numbers for k in range(start, end)):
            out.append(ent)
        elif ent.label_ == ORG and (name in prefixes or len(name.replace(".", "").replace(" ", "")) == 1):
            out.append(ent)
        elif len(words) == 3 and words[1] == "-" and lower[start] == lower[start + 2] and words[2].islower():
            out.append(ent)
    return out


def open_brackets(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """A PER or LOC that runs into a bracket it does not close, right before the ")" ("Susilo Bambang Yudhoyono (
    SBY" + ")"): the name and the short form in the brackets, two entities of its label (as an ORG's definition
    is: :mod:`.acronyms`)."""
    text = toks.text
    out = []
    for ent in ents:
        if ent.label_ not in (PER, LOC) or ent.end >= len(text) or text[ent.end] != ")":
            continue
        words = text[ent.start : ent.end]
        if "(" not in words or ")" in words:
            continue
        k = ent.start + words.index("(")
        if ent.start < k and k + 1 < ent.end:
            out += [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
    return out


def region_then_person(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """A LOC after a regional head's title that runs on past the region into a name ("Gubernur [Jawa Tengah Budi
    Santoso]", "Bupati [Kutai Timur Ahmad Yani]"): the region (a listed place, or a word and a compass word,
    ``compass_words``) is the LOC and the name after it a PER. The title may be inside the LOC too."""
    forms = org_forms()
    titles, compass = forms["regional_titles"], forms["compass_words"]
    places = place_names()
    text = toks.text
    out = []
    for ent in ents:
        if ent.label_ != LOC or ent.end - ent.start < 2:
            continue
        start = ent.start
        title = starts_with_words(text, start, titles)
        if title:
            start += title
        elif not any(starts_with_words(text, k, titles) == ent.start - k
                     for k in range(max(0, ent.start - 3), ent.start)):
            continue
        words = text[start : ent.end]
        place = next((m for m in range(len(words) - 1, 0, -1) if " ".join(words[:m]) in places), 0)
        if not place and len(words) >= 3 and starts_with_words(words, 1, compass):
            place = 1
        if not place:
            continue
        place += starts_with_words(words, place, compass)
        rest = words[place:]
        if (not rest or " ".join(rest) in places or starts_with_words(rest, 0, compass)
                or not all(w[:1].isupper() and w.isalpha() for w in rest)):
            continue
        out += [Span(doc, start, start + place, label=LOC), Span(doc, start + place, ent.end, label=PER)]
    return out


def airlines(doc: Doc, toks: Tokens) -> list[Span]:
    """ORG for "Air" + a listed country or city inside a sentence ("pesawat Air Senegal"): an airline
    (``airline_word``), whatever the model made of the place."""
    word = org_forms()["airline_word"]
    if word not in toks.words:
        return []
    places = place_names()
    text, etype, sent_start = toks.text, toks.etype, toks.sent_start
    out = []
    for i in indexes(text, {word}):
        if sent_start[i] or etype[i] == ORG:
            continue
        m = next((m for m in (3, 2, 1) if " ".join(text[i + 1 : i + 1 + m]) in places and i + m < len(text)), 0)
        if m and not (i + 1 + m < len(text) and text[i + 1 + m][:1].isupper()):
            out.append(Span(doc, i, i + 1 + m, label=ORG))
    return out


def bare_commands(doc: Doc, toks: Tokens) -> list[Span]:
    """ORG for a bare "Polda", "Polres", "Kodam" ... (``bare_orgs``; in no entity, no name after it): the regional
    command the article is about."""
    words = org_forms()["bare_orgs"] & toks.words
    if not words:
        return []
    text, names, etype = toks.text, toks.names, toks.etype
    n = len(text)
    return [Span(doc, i, i + 1, label=ORG) for i in indexes(text, words)
            if not etype[i] and not (i + 1 < n and names[i + 1])]


def name_ends(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """A PER cut after an initial ("Stephen R ." + "Covey") runs on through the name words after it; a PER before a
    generational suffix ("..., Jr .", ``name_suffixes``) takes it in, with its full stop."""
    suffixes = org_forms()["name_suffixes"]
    text = toks.text
    n = len(text)
    out = []
    for ent in ents:
        if ent.label_ != PER:
            continue
        end = ent.end
        if end - ent.start >= 2 and text[end - 1] == "." and len(text[end - 2]) == 1 and text[end - 2].isupper():
            k = end
            while k < n and k < end + 3 and text[k][:1].isupper() and text[k].isalpha():
                k += 1
            end = k
        k = end + 1 if end < n and text[end] == "," else end
        if k < n and text[k] in suffixes:
            end = k + 1
        if end < n and text[end - 1] in suffixes and text[end] == ".":
            end += 1
        if end != ent.end:
            out.append(Span(doc, ent.start, end, label=PER))
    return out


def youth_teams(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """An ORG ending in a youth team's age group ("Persib U - 18", "Persib U-18"): the club (``team_age``)."""
    mark = org_forms()["team_age"]
    text = toks.text
    out = []
    for ent in ents:
        if ent.label_ != ORG or ent.end - ent.start < 2:
            continue
        words = text[ent.start : ent.end]
        for k in range(1, len(words)):
            rest = "".join(words[k:])
            if rest.startswith(mark + "-") and rest[len(mark) + 1 :].isdigit():
                out.append(Span(doc, ent.start, ent.start + k, label=ORG))
                break
    return out


def routes(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """A LOC of two places joined by a dash ("Ambon - Kendari", a route or a pair), the whole not a listed place and
    each side a listed place or a LOC of its own elsewhere in the document ("Guinea - Bissau" stays): the two."""
    text = toks.text
    listed = place_names()
    places = listed | {" ".join(text[e.start : e.end]) for e in ents if e.label_ == LOC}
    out = []
    for ent in ents:
        words = text[ent.start : ent.end]
        if ent.label_ != LOC or words.count("-") != 1 or " ".join(words) in listed:
            continue
        k = words.index("-")
        left, right = " ".join(words[:k]), " ".join(words[k + 1 :])
        if left and right and left[:1].isupper() and right[:1].isupper() and left in places and right in places:
            out += [Span(doc, ent.start, ent.start + k, label=LOC), Span(doc, ent.start + k + 1, ent.end, label=LOC)]
    return out


def person_titles(doc: Doc, ents: list[Span], toks: Tokens) -> tuple[list[Span], list[Span]]:
    """(new, dropped): a PER that starts with an official's short title ("Menkeu Sri Mulyani", ``person_titles``) is
    the name after it (one with a Title-Case word: "Menhut CGI" stays); a LOC or ORG that is only such a title
    ("Kabareskrim") is dropped (a PER "Menkeu" stays: the official, a participant of what he does)."""
    titles = org_forms()["person_titles"]
    text = toks.text
    new, dropped = [], []
    for ent in ents:
        if ent.label_ not in CORE:
            continue
        n = starts_with_words(text, ent.start, titles)
        if not n:
            continue
        if ent.start + n >= ent.end:
            if ent.label_ != PER:  # alone, a PER title stands for the official ("kata Menkeu"): it stays
                dropped.append(ent)
        elif ent.label_ == PER and any(w[:1].isupper() and not w.isupper() for w in text[ent.start + n : ent.end]):
            new.append(Span(doc, ent.start + n, ent.end, label=PER))
    return new, dropped


def joined_companies(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """An ORG of two names that each end in a company word (``tails``), joined by "dan" or "&" ("Singapore Exchange
    dan Hong Kong Exchange", "Mandiri Sekuritas dan Samuel Sekuritas"): the two."""
    tails = org_forms()["tails"]
    text, lower = toks.text, toks.lower
    out = []
    for ent in ents:
        if ent.label_ != ORG or text[ent.end - 1] not in tails:
            continue
        k = next((k for k in range(ent.start + 2, ent.end - 2) if lower[k] in ("dan", "&")), 0)
        if k and text[k - 1] in tails:
            out += [Span(doc, ent.start, k, label=ORG), Span(doc, k + 1, ent.end, label=ORG)]
    return out


def name_tails(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """A PER that ends in academic degrees ("Budi Santoso SE", ``degrees``; a ',' or '.' between them too) is the
    name before them; an entity never ends in a question or exclamation mark ("museum X ? ?")."""
    degrees = org_forms()["degrees"]
    text = toks.text
    out = []
    for ent in ents:
        if ent.label_ not in CORE:
            continue
        end = ent.end
        while end > ent.start + 1 and text[end - 1] in ("?", "!"):
            end -= 1
        if ent.label_ == PER:
            cut = end
            while cut > ent.start + 1:
                if text[cut - 1] in degrees:
                    cut -= 1
                elif text[cut - 1] in (",", ".") and cut - 2 > ent.start and text[cut - 2] in degrees:
                    cut -= 2
                else:
                    break
            if cut != end:
                end = cut - 1 if text[cut - 1] == "," else cut
        if end != ent.end:
            out.append(Span(doc, ent.start, end, label=ent.label_))
    return out
