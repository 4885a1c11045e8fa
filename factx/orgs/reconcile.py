"""The model's organisations reconciled with the gazetteer and the organisation-form words.

- A gazetteer name is an ORG wherever it stands, whatever the model called it (PER, LOC, EVENT): the gazetteer's
  kind wins. A model ORG that holds gazetteer names and other words is cut to them: titles and units before the
  name ("Ekonom Universitas Gadjah Mada", "Komisioner Pengawasan Perbankan OJK" -> OJK), two names joined by "dan"
  ("Bank Indonesia dan OJK"), a person's name after it. Legal forms around the name stay.
- A model ORG that starts with a title ("Analis Mirae Asset Sekuritas") is cut to the name after the title when that
  name starts with an institution word or a legal prefix, or ends with a company word.
- A model ORG holding "dan" or "," before a new institution ("Kementerian Keuangan dan Bank Nusantara") is two.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from .legal import suffix_end
from .words import NAME_JOINERS, ORG, Tokens, org_forms, place_names, starts_with_words

__all__ = ["gazetteer_spans", "trim_titles", "split_joined", "edges", "person_after", "separate", "name_goes_on"]

PER = "PER"
SEPARATORS = {"dan", "serta", ",", "&", "/"}
# kinds of organisation whose known name may begin a longer one (subsidiaries, units): "Pertamina Hulu Energi"
EXTENDED_KINDS = {"company", "soe", "bank"}


def gazetteer_spans(doc: Doc, ents: list[Span], matches: list[Span], toks: Tokens, kinds: dict[str, str]
                    ) -> list[Span]:
    """The spans to merge so that every gazetteer match is an ORG of its own (see the module's docstring).
    ``matches``: the gazetteer's ORG spans, in text order; ``kinds`` gives its kind by alias text."""
    if not matches:
        return []
    forms = org_forms()
    texts = toks.text
    out: list[Span] = []
    used: set[int] = set()
    starts = [m.start for m in matches]  # in text order, not overlapping
    for ent in ents:
        k = bisect_left(starts, ent.start)
        inside = []
        while k < len(matches) and matches[k].start < ent.end:
            if matches[k].end <= ent.end:
                inside.append(matches[k])
            k += 1
        if not inside or (len(inside) == 1 and (inside[0].start, inside[0].end) == (ent.start, ent.end)):
            continue
        used.update(id(m) for m in inside)
        if ent.label_ != ORG:
            if ent.label_ == "EVENT":
                continue  # an event whose name holds an organisation's ("Rapat Dewan Gubernur BI") stays
            out.extend(inside)  # "Gedung Kementerian Sekretariat Negara"
            continue
        first, last = inside[0], inside[-1]
        if texts[ent.start] in forms["prefixes"] and first.start > ent.start + 1:
            continue  # "CV Karya Mandiri Utama": a company's name holding a known word
        left_legal = all(texts[k] in forms["prefixes"] or texts[k].isspace() for k in range(ent.start, first.start))
        right_legal = suffix_end(doc, last.end, forms["suffix_re"], toks) >= ent.end
        if len(inside) == 1 and left_legal and right_legal:
            continue  # "PT Bank Mandiri (Persero) Tbk" around "Bank Mandiri": the model's span is the name
        if len(inside) > 1 and not all(separate(a, b, toks) for a, b in zip(inside, inside[1:])):
            continue  # "Bank Syariah Mandiri": known words inside one longer name
        if len(inside) == 1 and left_legal and not person_after(ent, last, ents, texts) and (
                kinds.get(" ".join(last.text.split())) in EXTENDED_KINDS or name_goes_on(ent, last, toks)
                or (len(last) == 1 and last.text.isupper())):
            # a longer name that begins with a known one: a company's ("Pertamina Hulu Energi"), a foreign
            # counterpart's ("Kementerian Perdagangan dan Industri Singapura", "Bea Cukai Chongqing"), or one
            # that begins with a known acronym ("LPI Al Azhaar")
            continue
        out.extend(inside)
    out.extend(m for m in matches if id(m) not in used)
    return out


def separate(a: Span, b: Span, toks: Tokens) -> bool:
    """Whether the known names ``a`` and ``b`` inside one model ORG are two: a joiner stands between them ("Bank
    Indonesia dan OJK"), or ``b`` is an acronym right after ``a`` ("Bank Indonesia BI")."""
    between = range(a.end, b.start)
    if any(toks.lower[k] in SEPARATORS for k in between):
        return True
    return not between and len(b) == 1 and b.text.isupper()


def name_goes_on(ent: Span, last: Span, toks: Tokens) -> bool:
    """Whether the words of ``ent`` after the known name ``last`` continue that name: a joiner follows it ("...
    dan Industri Singapura"), or they hold a place ("Bea Cukai Chongqing", "Departemen Sosial RI")."""
    rest = range(last.end, ent.end)
    if not rest:
        return False
    places = place_names()
    tail_places = org_forms()["tail_places"]
    return (toks.lower[last.end] in NAME_JOINERS or any(toks.etype[k] == "LOC" for k in rest)
            or any(toks.text[k] in places or toks.text[k] in tail_places for k in rest))


def person_after(ent: Span, last: Span, ents: list[Span], texts: list[str]) -> bool:
    """Whether the words of ``ent`` after the gazetteer name ``last`` are a person's: the model's next entity is a
    person, or those words are part of a person's name elsewhere in the document."""
    following = next((e for e in ents if e.start == ent.end), None)
    if following is not None and following.label_ == PER:
        return True
    rest = set(texts[last.end : ent.end])
    return any(e.label_ == PER and rest & set(texts[e.start : e.end]) for e in ents)


def trim_titles(doc: Doc, ents: list[Span], toks: Tokens) -> list[Span]:
    """Model ORGs that start with a title, cut to the organisation after it (one that starts with an institution
    word, a legal prefix or an acronym, or ends with a company word: "Komisioner BP Tapera")."""
    forms = org_forms()
    texts, names = toks.text, toks.names
    out = []
    for ent in ents:
        if ent.label_ != ORG:
            continue
        start = ent.start
        while start < ent.end:
            n = starts_with_words(texts, start, forms["titles"])
            if not n:
                break
            start += n
        if start == ent.start or start >= ent.end or not names[start]:
            continue
        if (starts_with_words(texts, start, forms["heads"]) or texts[start] in forms["prefixes"]
                or texts[ent.end - 1] in forms["tails"] or (texts[start].isupper() and len(texts[start]) >= 2)):
            out.append(Span(doc, start, ent.end, label=ORG))
    return out


def split_joined(doc: Doc, ents: list[Span], toks: Tokens, match_starts: set[int]) -> list[Span]:
    """Model ORGs that join two organisations with "dan"/","/"&", as two ORGs: the part after the joiner starts
    with an institution word, a legal prefix or a gazetteer name, and so does the part before."""
    forms = org_forms()
    texts, lowers = toks.text, toks.lower
    out = []

    def starts_org(i: int) -> bool:
        return bool(i in match_starts or starts_with_words(texts, i, forms["heads"]) or texts[i] in forms["prefixes"])

    for ent in ents:
        if ent.label_ != ORG or len(ent) < 3 or not starts_org(ent.start):
            continue
        cuts = [k for k in range(ent.start + 1, ent.end - 1) if lowers[k] in SEPARATORS and starts_org(k + 1)]
        bounds = list(zip([ent.start] + [k + 1 for k in cuts], cuts + [ent.end]))
        if not cuts or any(a not in match_starts and all(starts_with_words(texts, k, forms["heads"])
                                                          for k in range(a, b)) for a, b in bounds):
            continue  # "Pemerintah dan DPR": a head word alone names nothing
        start = ent.start
        for k in cuts:
            out.append(Span(doc, start, k, label=ORG))
            start = k + 1
        out.append(Span(doc, start, ent.end, label=ORG))
    return out


def edges(doc: Doc, ents: list[Span], toks: Tokens, known: set[tuple[int, int]]) -> list[Span]:
    """Model ORGs with their edges mended: a trailing joiner dropped ("PT Sumber Alam Konstruksi dan"); a company
    ("PT Karya" + "Logam Bangka") or an institution ("PT Bank Pembangunan Daerah" + "Sumatera Barat") the model
    split before a person or place joined again; the region after a regional body taken in ("Dinas ... Provinsi
    Kepulauan Bangka Belitung"). ``known`` are the gazetteer's spans, which are whole already."""
    forms = org_forms()
    texts, lowers, names = toks.text, toks.lower, toks.names
    n = len(texts)
    by_start = {ent.start: ent for ent in ents}
    out = []
    for ent in ents:
        if ent.label_ != ORG or (ent.start, ent.end) in known:
            continue
        start, end = ent.start, ent.end
        while end > start + 1 and lowers[end - 1] in SEPARATORS:
            end -= 1
        following = by_start.get(end)
        prefixed = texts[start] in forms["prefixes"]
        headed = starts_with_words(texts, start + prefixed, forms["heads"])
        if following is not None and end == ent.end and (
                (prefixed and following.label_ in {PER, "LOC"} and not texts[end - 1].isupper())
                or (headed and following.label_ == "LOC" and not texts[end - 1].isupper())):
            end = following.end
        elif end == ent.end and end + 1 < n and texts[end] in forms["regions"] and names[end + 1]:
            end += 1
            while end < n and names[end] and not toks.sent_start[end] and toks.etype[end] != PER:
                end += 1
        elif prefixed and end == ent.end:
            # "PT Sultra Nikel" + "Perkasa": a company's name goes on over capitalised words in no entity
            while end < n and names[end] and not toks.etype[end] and not toks.sent_start[end]:
                end += 1
        if (start, end) != (ent.start, ent.end):
            out.append(Span(doc, start, end, label=ORG))
    return out
