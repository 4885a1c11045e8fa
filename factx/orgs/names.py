"""Names the model missed or mislabelled, from the way news writes them (never in Title-Case headlines): a
capitalised run that starts with an institution word or ends with a company word, a name after a cue noun, the
other members of a list holding an ORG; a run that starts with a place word is LOC. :func:`propagate` tags every
other mention of a found name that stands alone."""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Doc, Span

from .legal import trim_run
from .words import (
    LOC, NAME_JOINERS, ORG, Tokens, entity_columns, indexes, is_headline, is_name_text, normal, org_forms,
    phrase_index, place_names, province_names, sentences, starts_with_words,
)

__all__ = [
    "LIST_SEPARATORS", "name_run_end", "name_rules", "list_members", "coordinated", "stands_alone", "index_names",
    "propagate", "mentions", "local_government", "remember_government", "council", "bare_governments", "company_end",
]


# entities a capitalised name runs into but not over: "Dewan Keamanan PBB [Sabtu]"
STOPS = {"PER", ORG, "DATE", "DURATION", "MONEY"}


def name_run_end(doc: Doc, start: int, stop_at_heads: bool = True, toks: Tokens | None = None) -> int:
    """End of the capitalised name that starts at ``start``: name words, and a joiner ("dan", "&") between two of
    them unless a new institution or place starts after it ("Kementerian Keuangan dan Bank Indonesia" is two)."""
    forms = org_forms()
    heads, places = forms["heads"], forms["place_heads"]
    if toks is None:
        toks = Tokens(doc)
    texts, lowers, names, iobs, etypes, sent_starts, n = (
        toks.text, toks.lower, toks.names, toks.iob, toks.etype, toks.sent_start, toks.n)
    end = start
    joined = None  # where the one joiner allowed in a name stands
    # "Pemkab [Agam]": the place after a local government's head, even where the model took it for a person
    government = start + starts_with_words(texts, start, forms["government_heads"])
    while end < n:
        if end > start and (sent_starts[end] or (iobs[end] == "B" and etypes[end] in STOPS
                                                 and not (end == government and etypes[end] == "PER"))):
            break  # a new sentence, the model's next person or organisation ("Partai Golkar Akbar Tandjung"), a date
        if joined is not None and end - joined > 3:
            break  # at most three words after "dan": "Kamar Dagang dan Industri Tionghoa Singapura"
        if names[end]:
            end += 1
        elif (lowers[end] in NAME_JOINERS and joined is None and end > start and end + 1 < n
              and names[end + 1] and not (stop_at_heads and (starts_with_words(texts, end + 1, heads)
                                                             or starts_with_words(texts, end + 1, places)))):
            joined = end
            end += 1
        else:
            break
    while end > start and lowers[end - 1] in NAME_JOINERS:
        end -= 1
    if end + 1 < n and end > start and texts[end] in forms["regions"] and names[end + 1]:
        end += 1  # "... Provinsi Kepulauan Bangka Belitung": the region closes the name
        while end < n and names[end] and not sent_starts[end] and not (iobs[end] == "B" and etypes[end] == "PER"):
            end += 1
    return end


def name_rules(doc: Doc, ents: list[Span], toks: Tokens | None = None,
               headlines: set[tuple[int, int]] | None = None) -> tuple[list[Span], list[Span]]:
    """(ORG spans, LOC spans) from institution/company/place words and cue nouns. ``toks`` must hold the
    entities ``ents``."""
    forms = org_forms()
    org_at = {i for e in ents if e.label_ == ORG for i in range(e.start + 1, e.end)}
    orgs: list[Span] = []
    locs: list[Span] = []
    toks = toks if toks is not None else Tokens(doc)
    texts, lowers, names, iobs, etypes, n = toks.text, toks.lower, toks.names, toks.iob, toks.etype, toks.n
    cue_words = phrase_index(forms["cues"])  # a cue phrase can start only at one of its first words
    regions = forms["regions"]
    active = [name or lower in cue_words for name, lower in zip(names, lowers)]  # where a rule may start
    for sent_start, sent_end in sentences(doc):
        if (sent_start, sent_end) in headlines if headlines is not None else is_headline(doc[sent_start:sent_end]):
            continue
        i = sent_start
        while i < sent_end:
            if not active[i]:
                try:
                    i = active.index(True, i + 1, sent_end)
                except ValueError:
                    break
            text = texts[i]
            if not names[i] or i in org_at:
                if lowers[i] not in cue_words:
                    i += 1
                    continue
                cue = starts_with_words(lowers, i, forms["cues"])
                if cue and text[:1].islower() and i + cue < sent_end and names[i + cue]:
                    end = min(name_run_end(doc, i + cue, toks=toks), sent_end)
                    name = Span(doc, i + cue, end, label=ORG)
                    if normal(name.text) not in place_names():
                        orgs.append(name)
                    i = end
                    continue
                i += 1
                continue
            if i + 1 >= n or not (names[i + 1] or lowers[i + 1] in NAME_JOINERS or texts[i + 1] in regions):
                i += 1  # a name of one word (see name_run_end): no run
                continue
            end = min(name_run_end(doc, i, toks=toks), sent_end)
            if end - i >= 2:
                if iobs[i] == "I" and (etypes[i] == "EVENT" or (etypes[i] == LOC and in_place(texts, iobs, i))):
                    i += 1  # inside a place or an event: "Serikat" of "Amerika Serikat", "Rapat Dewan Gubernur BI"
                    continue
                if all(starts_with_words(texts, k, forms["heads"]) for k in range(i, end)):
                    i += 1  # head words alone name nothing: "Kantor Pusat"
                    continue
                if starts_with_words(texts, i, forms["heads"]) and not foreign_entities(toks, i, end, forms):
                    if unit_before_parent(toks, i, end, sent_end, forms):
                        i = end  # "Badan Anggaran DPR": a unit before its parent, which is the ORG
                        continue
                    orgs.append(Span(doc, i, end, label=ORG))
                    i = end
                    continue
                if starts_with_words(texts, i, forms["place_heads"]) and not any(
                    etypes[k] == LOC for k in range(i, end)
                ):
                    locs.append(Span(doc, i, end, label=LOC))
                    i = end
                    continue
                tail_end = company_end(texts, i, end, forms)
                if tail_end:
                    start = trim_run(doc, i, tail_end - 1, ents, forms["prefixes"], toks)
                    if tail_end - start >= 2:
                        orgs.append(Span(doc, start, tail_end, label=ORG))
                        i = tail_end
                        continue
            i += 1  # an institution word may start later in this run ("Delegasi Kementerian ...")
    inside_org = [(e.start, e.end) for e in ents if e.label_ == ORG]
    orgs = [span for span in orgs if not any(s <= span.start and span.end <= e for s, e in inside_org)]
    return orgs, locs


def foreign_entities(toks: Tokens, i: int, end: int, forms: dict) -> bool:
    """Whether the run ``i:end`` that starts with an institution word holds entities that keep it from being an
    ORG: a person (unless it is a local government's: "Pemkab Agam"), or any entity after a weak head word. The
    model's own ORG that starts the run, and the region of a regional body, do not count."""
    texts, iobs, etypes = toks.text, toks.iob, toks.etype
    inside = {etypes[t] for t in range(i, end) if etypes[t] and not (
        etypes[t] == ORG and etypes[i] == ORG and iobs[i] == "B"
        and all(iobs[k] == "I" for k in range(i + 1, t + 1))) and not (
        etypes[t] == LOC and region_of(texts, iobs, etypes, t, i))}
    weak = starts_with_words(texts, i, forms["weak_heads"])
    person = "PER" in inside and not starts_with_words(texts, i, forms["government_heads"])
    return bool(person or (weak and inside))


def unit_before_parent(toks: Tokens, start: int, end: int, sent_end: int, forms: dict) -> bool:
    """Whether the institution-word run ``start:end`` is a unit written right before its parent organisation ("Badan
    Anggaran" + "DPR", "Komisi Keuangan dan Perbankan" + "DPR"): it starts with a unit word (``subunit_heads``) and
    the next token begins an ORG. A run that is an entity already keeps it, and so does a name followed by its own
    acronym ("Direktorat Jenderal Pajak DJP"); a name followed by an acronym of another language ("Bank Pembangunan
    Asia ADB") starts with no unit word."""
    if not (end < sent_end and toks.iob[end] == "B" and toks.etype[end] == ORG):
        return False
    if any(toks.etype[k] for k in range(start, end)) or not starts_with_words(toks.text, start, forms["subunit_heads"]):
        return False
    after = end + 1
    while after < sent_end and toks.iob[after] == "I":
        after += 1
    initials = "".join(toks.text[k][0] for k in range(start, end) if toks.text[k][:1].isupper())
    return "".join(toks.text[end:after]) != initials


def in_place(texts: list[str], iobs: list[str], i: int) -> bool:
    """Whether token ``i``, inside an entity, is inside a listed place's name ("Serikat" of "Amerika Serikat")."""
    start = i
    while start > 0 and iobs[start] == "I":
        start -= 1
    end = i + 1
    while end < len(iobs) and iobs[end] == "I":
        end += 1
    return " ".join(texts[start:end]) in place_names()


def region_of(texts: list[str], iobs: list[str], etypes: list[str], t: int, start: int) -> bool:
    """Whether the place at token ``t`` is the region of the body named from ``start``: it follows "Provinsi",
    "Kabupaten" or "Kota" ("Dinas ... Provinsi [Kepulauan Bangka Belitung]")."""
    k = t
    while k > start and iobs[k] == "I":
        k -= 1
    forms = org_forms()
    # "Kantor Wali Kota [Jayapura]": "Kota" is part of a title there, and the place is the office's, not a region's
    return k > start and texts[k - 1] in forms["regions"] and not (
        k > start + 1 and starts_with_words(texts, k - 2, forms["titles"]) == 2)


def company_end(texts: list[str], start: int, end: int, forms: dict) -> int:
    """Where a company's name in the capitalised run ``start:end`` ends: after its last company word ("Samuel
    Capital"), and a country-like word after it ("Mirae Asset Sekuritas Indonesia"); the rest of the run is
    someone's name ("... Indonesia Nafan Aji"). 0 if the run holds no company word after its first."""
    for k in range(end - 1, start, -1):
        if texts[k] in forms["tails"]:
            k += 1
            while k < end and texts[k] in forms["tail_places"]:
                k += 1
            return k
    return 0


LIST_SEPARATORS = {",", "dan", "serta"}
CONJUNCTIONS = {"dan", "serta"}


def list_members(doc: Doc, ents: list[Span], toks: Tokens | None = None,
                 headlines: set[tuple[int, int]] | None = None, etype: list[str] | None = None) -> list[Span]:
    """ORG for the unlabelled or partly labelled members of a coordinated list ("A, B, dan C") holding an ORG.
    ``etype``: the entity label of each token, as ``ents`` give them (``toks`` may hold those of an earlier step)."""
    cues = org_forms()["cues"]
    toks = toks if toks is not None else Tokens(doc)
    lowers, names = toks.lower, toks.names
    lists: list[list[tuple[int, int]]] = []  # the token ranges of the members of each list
    conjunctions = indexes(lowers, CONJUNCTIONS)
    for sent_start, sent_end in sentences(doc):
        k = bisect_left(conjunctions, sent_start)
        if k == len(conjunctions) or conjunctions[k] >= sent_end:
            continue  # no "dan" or "serta": no list
        if (sent_start, sent_end) in headlines if headlines is not None else is_headline(doc[sent_start:sent_end]):
            continue
        members: list[tuple[int, int]] = []
        conjunction = False  # a list ends in "dan"/"serta": "A, B, dan C"; "DPR, Kamis" is no list
        i = sent_start
        while i < sent_end:
            if names[i]:
                end = i
                while end < sent_end and (names[end] or end > i and _inner_hyphen(toks, end, sent_end)):
                    end += 1
                members.append((i, end))
                j = end
                while j < sent_end and lowers[j] in LIST_SEPARATORS:
                    j += 1
                if j > end:
                    if not CONJUNCTIONS.isdisjoint(lowers[end:j]):
                        conjunction = True
                    j += starts_with_words(lowers, j, cues)
                    if j < sent_end and names[j]:
                        i = j
                        continue
                if conjunction:
                    lists.append(members)
                members, conjunction = [], False
                i = max(j, end)
                continue
            try:
                i = names.index(True, i + 1, sent_end)  # the next name word
            except ValueError:
                break
        if conjunction:
            lists.append(members)
    if not lists:
        return []
    label_of = {(e.start, e.end): e.label_ for e in ents}
    etype = etype if etype is not None else entity_columns(ents, toks.n)[1]
    return [span for members in lists for span in coordinated(doc, members, label_of, toks, etype)]


def _inner_hyphen(toks: Tokens, k: int, sent_end: int) -> bool:
    """Token ``k`` is a hyphen written inside a name, between two name words ("Coca-Cola", "K-Mart")."""
    return (toks.lower[k] == "-" and k + 1 < sent_end and toks.names[k + 1]
            and toks.ends[k - 1] == toks.idx[k] and toks.ends[k] == toks.idx[k + 1])


def coordinated(doc: Doc, members: list[tuple[int, int]], label_of: dict, toks: Tokens, etype: list[str]
                ) -> list[Span]:
    """ORG for the ``members`` of a list (token ranges) that are in no entity, when one of them is an ORG
    (``label_of``: the label of each entity by its range; ``etype``: the entity label of each token)."""
    if len(members) < 2 or not any(label_of.get(m) == ORG for m in members):
        return []
    spans = []
    heads = org_forms()["heads"]
    texts, chars, idx, ends = toks.text, toks.chars, toks.idx, toks.ends
    for start, end in members:
        label = label_of.get((start, end))
        if label is None and normal(chars[idx[start] : ends[end - 1]]) not in place_names():
            if all(starts_with_words(texts, k, heads) for k in range(start, end)):
                continue  # "Pemerintah dan DPR": a head word alone names nothing
            if not any(etype[k] in {"PER", ORG} for k in range(start, end)):
                spans.append(Span(doc, start, end, label=ORG))
    return spans


def stands_alone(iob: list[str], start: int, end: int) -> bool:
    """No entity in ``start:end``, or one entity that is exactly ``start:end`` (``iob``: the tokens' ``ent_iob_``)."""
    types = iob[start:end]
    if all(code in {"", "O"} for code in types):
        return True
    return types[0] == "B" and all(code == "I" for code in types[1:]) and (end == len(iob) or iob[end] != "I")


def index_names(names: Iterable[str]) -> dict[str, list[list[str]]]:
    index: dict[str, list[list[str]]] = {}
    for name in names:
        words = name.split()
        index.setdefault(words[0], []).append(words)
    return index


def propagate(doc: Doc, names: set[str] | dict[str, list[list[str]]], toks: Tokens | None = None) -> list[Span]:
    """ORG for every other mention of ``names`` that stands alone (no entity, or an entity of just that text), less
    those that are an ORG already. ``names`` may be given already indexed by :func:`index_names`; ``toks`` must hold
    the doc's entities."""
    toks = toks if toks is not None else Tokens(doc)
    iob, etype = toks.iob, toks.etype
    # a mention that begins an entity is that entity (it stands alone); one that is an ORG overlaps no other mention
    return [Span(doc, start, end, label=ORG) for start, end in mentions(names, toks)
            if not (iob[start] == "B" and etype[start] == ORG)]


def mentions(names: set[str] | dict[str, list[list[str]]], toks: Tokens) -> list[tuple[int, int]]:
    """The token ranges of :func:`propagate`."""
    if not names:
        return []
    by_first = names if isinstance(names, dict) else index_names(names)
    firsts = by_first.keys() & toks.words
    if not firsts:
        return []
    texts, iob = toks.text, toks.iob
    n = len(texts)
    found = []
    for i in indexes(texts, firsts):
        for words in by_first[texts[i]]:
            end = i + len(words)
            if end > n or texts[i:end] != words:
                continue
            if end < n and is_name_text(texts[end]):
                continue  # part of a longer name
            if stands_alone(iob, i, end):
                found.append((i, end))
    return found


def local_government(text: str, last: dict[str, str]) -> str | None:
    """The full name of a local government written short ("Pemprov DKI Jakarta" -> "Pemerintah Provinsi DKI
    Jakarta"); a bare "Pemprov" is the last one of its kind in ``last`` (see :func:`remember_government`), else
    "Pemerintah Provinsi". None for any other name."""
    shorts = org_forms()["local_governments"]
    words = text.split()
    if not words or words[0] not in shorts:
        return None
    if len(words) == 1:
        return last.get(words[0], shorts[words[0]])
    return " ".join([shorts[words[0]]] + words[1:])


def council(text: str, chars: str) -> str | None:
    """The full name of a regional council ("DPRD Jawa Barat" -> "Dewan Perwakilan Rakyat Daerah Provinsi Jawa
    Barat"), its level from the province list or from the document's text ``chars`` ("Kabupaten Agam", "Pemkab
    Agam", "Bupati Agam"); None for any other name or where the level is unknown."""
    forms = org_forms()
    words = text.split()
    for short, long in forms["councils"].items():
        if words[:1] == [short]:
            region = words[1:]
        elif text.startswith(long + " "):
            region = text[len(long) + 1 :].split()
        else:
            continue
        if not region:
            return None
        if region[0] in forms["regions"]:
            return " ".join([long] + region)
        name = " ".join(region)
        if name in province_names():
            return f"{long} Provinsi {name}"
        for level, cues in (("Kabupaten", ("Kabupaten", "Pemkab", "Bupati")), ("Kota", ("Kota", "Pemkot", "Wali Kota"))):
            if any(f"{cue} {name}" in chars for cue in cues):
                return f"{long} {level} {name}"
        return None
    return None


def remember_government(value: str, last: dict[str, str]) -> None:
    """Keep ``value`` in ``last`` when it is a local government's full name ("Pemerintah Provinsi Jawa Barat")."""
    forms = org_forms()
    if not value.startswith(forms["government_prefixes"]):
        return
    for short, long in forms["local_governments"].items():
        if value.startswith(long + " "):
            last[short] = value


def bare_governments(doc: Doc, toks: Tokens) -> list[Span]:
    """ORG for a bare "Pemprov"/"Pemkot"/"Pemda" (in no ORG, no name after it): it refers back to a local
    government named in the document, or to local government in general (its value: :func:`local_government`)."""
    shorts = org_forms()["local_governments"]
    texts, names, etypes = toks.text, toks.names, toks.etype
    n = len(texts)
    return [
        Span(doc, i, i + 1, label=ORG)
        for i in indexes(texts, shorts.keys() & toks.words)
        if etypes[i] != ORG and not (i + 1 < n and names[i + 1])
    ]
