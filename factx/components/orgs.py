"""factx_orgs: finishes the model's organisations.

- Legal forms stay inside the name: an ORG is extended over a leading "PT"/"CV" and a trailing "Tbk", "(Persero)",
  "Co., Ltd." ...; a capitalised run ending in such a suffix is an ORG even where the model split or missed it.
- A place name alone ("Singapura", "Chongqing") is LOC, not ORG: from ``factx/lang/places.txt`` and from the texts
  the model itself labelled LOC in the same document.
- Acronym definitions tie both forms: in "Otoritas Pangan Singapura (SFA)" the acronym becomes an ORG whose value is
  the full name, and so does every bare "SFA" in the document, tagged ORG even where the model missed it.
- Names the model missed or mislabelled, from the way news writes them (not in all-capitalised headline sentences):
  a capitalised run that starts with an institution word ("Kementerian Perdagangan dan Industri Singapura", "Bea
  Cukai Chongqing") or ends with a company word ("Qingling Motors"), a name after a cue noun ("perusahaan Motorway"),
  and the other members of a coordinated list that holds an ORG ("Qingling Motors, Chongqing Nuoxin, dan ...").
  A run that starts with a place word ("Zona Pelabuhan Bebas ...", "Kabupaten Bogor") is LOC. A name found by these
  rules is ORG wherever else it stands alone in the document, and so is the short form of a name written in full
  ("Qingling" after "Qingling Motors").
- Every ORG gets ``span._.value``: the canonical (full) name where the document defines one, else its own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable

from spacy.attrs import ENT_IOB, IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401  (registers span._.value)
from ..lang import load_json, read_lines
from ..spans import (
    IOB_STRINGS, doc_text, entity_labels, merge_ents_into, sentence_bounds, token_strings, token_table,
)

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
    # the first token of each legal form as the tokenizer splits it ("Co" of "Co., Ltd.", "(" of "(Persero)"), and ","
    openers = {re.match(r"\(|[^\s.,()]+", suffix).group() for suffix in data["suffixes"]} | {","}
    return {
        "suffix_re": suffix_regex(data["suffixes"]),
        "strong_suffix_re": suffix_regex([s for s in data["suffixes"] if s not in weak]),
        "suffix_openers": openers,
        "prefixes": set(data["prefixes"]),
        "heads": tuple(tuple(k.split()) for k in data["heads"]),
        "weak_heads": tuple(tuple(k.split()) for k in data["weak_heads"]),
        "tails": {k for k in data["tails"]},
        "cues": tuple(tuple(k.split()) for k in data["cues"]),
        "place_heads": tuple(tuple(k.split()) for k in data["place_heads"]),
    }


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    return frozenset(read_lines("places.txt"))


def normal(text: str) -> str:
    return " ".join(text.split())


NOT_NAMES = {"No", "Nomor", "Tel", "Telp", "Hal", "Jl"}


def is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.text not in NOT_NAMES


def is_name_text(text: str) -> bool:
    """:func:`is_name_word` on a token's text (no Token object needed)."""
    return text[:1].isupper() and text not in NOT_NAMES


class Tokens:
    """Per-token attributes of a Doc read once (``doc[i]`` builds a new Token object on every access): texts, lower
    case, :func:`is_name_text`, character offsets (``idx``, ``ends``) and the doc's text (``chars``). The entity
    attributes (``iob``, ``etype``) are those of the moment of :meth:`read_ents`: call it again after ``doc.ents``
    changes. ``sent_start`` is true where ``token.is_sent_start`` is."""

    __slots__ = ("text", "lower", "names", "idx", "ends", "chars", "iob", "etype", "sent_start", "n", "_positions")

    def __init__(self, doc: Doc, texts: list[str] | None = None, lowers: list[str] | None = None, ents: bool = True):
        table = token_table(doc) if texts is None or lowers is None else None
        self.text = texts if texts is not None else table.text
        self.lower = lowers if lowers is not None else table.lower
        self.names = [text[:1].isupper() and text not in NOT_NAMES for text in self.text]
        self.n = n = len(doc)
        if n:
            rows = doc.to_array([IDX, LENGTH, SENT_START])
            self.idx = rows[:, 0].tolist()
            self.ends = (rows[:, 0] + rows[:, 1]).tolist()
            self.sent_start = (rows[:, 2] == 1).tolist()
        else:
            self.idx, self.ends, self.sent_start = [], [], []
        self.chars = doc_text(doc)
        self._positions: dict[str, list[int]] | None = None
        self.iob: list[str] = []
        self.etype: list[str] = []
        if ents:
            self.read_ents(doc)

    def read_ents(self, doc: Doc) -> "Tokens":
        if self.n:
            self.iob = [IOB_STRINGS[code] for code in doc.to_array(ENT_IOB).tolist()]
            self.etype = entity_labels(doc, "")
        return self

    @property
    def positions(self) -> dict[str, list[int]]:
        """The indexes of each token text, in order."""
        if self._positions is None:
            self._positions = {}
            for i, text in enumerate(self.text):
                self._positions.setdefault(text, []).append(i)
        return self._positions


def starts_with_words(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """:func:`starts_with` on a precomputed list of token texts (or lower-case texts)."""
    if i >= len(words):
        return 0
    for phrase in phrase_index(phrases).get(words[i], ()):
        n = len(phrase)
        if i + n <= len(words) and tuple(words[i:i + n]) == phrase:
            return n
    return 0


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
        if start > 0 and texts[start - 1] in prefixes:
            start -= 1
        elif start > 1 and texts[start - 1] == "." and texts[start - 2] + "." in prefixes:
            start -= 2
        end = suffix_end(doc, ent.end, forms["suffix_re"], toks)
        if (start, end) != (ent.start, ent.end):
            new.append(Span(doc, start, end, label=ORG))
    # "Chongqing Dejia Meat Technology Development Co., Ltd.": a capitalised run directly followed by a legal form
    openers = forms["suffix_openers"]
    for ti, text in enumerate(texts):
        if text not in openers and ("." not in text or text.split(".")[0] not in openers):
            continue
        if ti == 0 or not names[ti - 1]:
            continue
        end = suffix_end(doc, ti, forms["strong_suffix_re"], toks)
        if end == ti:
            continue
        start = ti
        while start > 0 and (names[start - 1] or texts[start - 1] in {"&", "-"}):
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
    match = suffix_re.match(toks.chars[offset : ends[min(end + 15, n) - 1]][:40])
    if not match:
        return end
    return max(bisect_right(ends, offset + match.end(), end), end)


@lru_cache(maxsize=None)
def by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` grouped by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return index


_PHRASE_INDEXES: dict[int, tuple[tuple, dict]] = {}


def phrase_index(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """:func:`by_first_word` looked up by the identity of ``phrases`` (the lru_cache hashes the whole tuple of
    phrases on every call)."""
    entry = _PHRASE_INDEXES.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        entry = _PHRASE_INDEXES[id(phrases)] = (phrases, by_first_word(phrases))
    return entry[1]


def starts_with(doc: Doc, i: int, phrases: tuple[tuple[str, ...], ...], lower: bool = False) -> int:
    """Length of the longest phrase in ``phrases`` that starts at token ``i`` (0 if none)."""
    if i >= len(doc):
        return 0
    first = doc[i]
    for phrase in phrase_index(phrases).get(first.lower_ if lower else first.text, ()):
        n = len(phrase)
        if i + n <= len(doc) and all(
            (doc[i + k].lower_ if lower else doc[i + k].text) == phrase[k] for k in range(1, n)
        ):
            return n
    return 0


def name_run_end(doc: Doc, start: int, stop_at_heads: bool = True, toks: Tokens | None = None) -> int:
    """End of the capitalised name that starts at ``start``: name words, and a joiner ("dan", "&") between two of
    them unless a new institution starts after it ("Kementerian Keuangan dan Bank Indonesia" is two)."""
    heads = org_forms()["heads"]
    if toks is None:
        toks = Tokens(doc)
    texts, lowers, names, iobs, etypes, sent_starts, n = (
        toks.text, toks.lower, toks.names, toks.iob, toks.etype, toks.sent_start, toks.n)
    end = start
    joined = None  # where the one joiner allowed in a name stands
    while end < n:
        if end > start and (sent_starts[end] or (iobs[end] == "B" and etypes[end] in {"PER", ORG})):
            break  # a new sentence, or the model's next person or organisation ("Partai Golkar Akbar Tandjung")
        if joined is not None and end - joined > 3:
            break  # at most three words after "dan": "Kamar Dagang dan Industri Tionghoa Singapura"
        if names[end]:
            end += 1
        elif (lowers[end] in NAME_JOINERS and joined is None and end > start and end + 1 < n
              and names[end + 1] and not (stop_at_heads and starts_with_words(texts, end + 1, heads))):
            joined = end
            end += 1
        else:
            break
    while end > start and lowers[end - 1] in NAME_JOINERS:
        end -= 1
    return end


def is_headline(sent: Span) -> bool:
    """A Title-Case line with no closing punctuation ("Perusahaan dari Kedua Belah Pihak Jelajahi Peluang"): the
    name rules do not apply to it."""
    return is_headline_text([t.text for t in sent])


def is_headline_text(texts: list[str]) -> bool:
    """:func:`is_headline` on the token texts of the sentence."""
    last = [t for t in texts if not t.isspace()]
    if not last or last[-1] in {".", "!", "?", '"', "”", ":"}:
        return False
    words = [t for t in texts if t.isalpha() and len(t) > 3]
    return len(words) >= 2 and sum(t[:1].isupper() for t in words) >= 0.8 * len(words)


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence (the whole doc where no sentence starts are set)."""
    return sentence_bounds(doc)


def name_rules(doc: Doc, ents: list[Span], toks: Tokens | None = None,
               headlines: set[tuple[int, int]] | None = None) -> tuple[list[Span], list[Span]]:
    """(ORG spans, LOC spans) from institution/company/place words and cue nouns."""
    forms = org_forms()
    org_at = {i for e in ents if e.label_ == ORG for i in range(e.start + 1, e.end)}
    orgs: list[Span] = []
    locs: list[Span] = []
    toks = Tokens(doc) if toks is None else toks.read_ents(doc)
    texts, lowers, names, iobs, etypes = toks.text, toks.lower, toks.names, toks.iob, toks.etype
    cue_words = phrase_index(forms["cues"])  # a cue phrase can start only at one of its first words
    for sent_start, sent_end in sentences(doc):
        if (sent_start, sent_end) in headlines if headlines is not None else is_headline(doc[sent_start:sent_end]):
            continue
        i = sent_start
        while i < sent_end:
            text = texts[i]
            if not names[i] or i in org_at:
                cue = starts_with_words(lowers, i, forms["cues"]) if lowers[i] in cue_words else 0
                if cue and text[:1].islower() and i + cue < sent_end and names[i + cue]:
                    end = min(name_run_end(doc, i + cue, toks=toks), sent_end)
                    name = Span(doc, i + cue, end, label=ORG)
                    if normal(name.text) not in place_names():
                        orgs.append(name)
                    i = end
                    continue
                i += 1
                continue
            end = min(name_run_end(doc, i, toks=toks), sent_end)
            if end - i >= 2:
                # entities inside the run other than the model's own ORG that starts it
                inside = {etypes[t] for t in range(i, end) if etypes[t] and not (
                    etypes[t] == ORG and etypes[i] == ORG and iobs[i] == "B"
                    and all(iobs[k] == "I" for k in range(i + 1, t + 1)))}
                weak = starts_with_words(texts, i, forms["weak_heads"])
                if starts_with_words(texts, i, forms["heads"]) and not (inside & {"PER"} or (weak and inside)):
                    orgs.append(Span(doc, i, end, label=ORG))
                    i = end
                    continue
                if starts_with_words(texts, i, forms["place_heads"]) and not any(
                    etypes[k] == LOC for k in range(i, end)
                ):
                    locs.append(Span(doc, i, end, label=LOC))
                    i = end
                    continue
                if texts[end - 1] in forms["tails"]:
                    start = trim_run(doc, i, end - 1, ents, forms["prefixes"], toks)
                    if end - start >= 2:
                        orgs.append(Span(doc, start, end, label=ORG))
                        i = end
                        continue
            i += 1  # an institution word may start later in this run ("Delegasi Kementerian ...")
    inside_org = [(e.start, e.end) for e in ents if e.label_ == ORG]
    orgs = [span for span in orgs if not any(s <= span.start and span.end <= e for s, e in inside_org)]
    return orgs, locs


LIST_SEPARATORS = {",", "dan", "serta"}


def list_members(doc: Doc, ents: list[Span], toks: Tokens | None = None,
                 headlines: set[tuple[int, int]] | None = None) -> list[Span]:
    """ORG for the unlabelled or partly labelled members of a coordinated list ("A, B, dan C") holding an ORG."""
    cues = org_forms()["cues"]
    label_of = {(e.start, e.end): e.label_ for e in ents}
    found: list[Span] = []
    toks = toks if toks is not None else Tokens(doc)
    lowers, names = toks.lower, toks.names
    for sent_start, sent_end in sentences(doc):
        if (sent_start, sent_end) in headlines if headlines is not None else is_headline(doc[sent_start:sent_end]):
            continue
        members: list[tuple[int, int]] = []
        conjunction = False  # a list ends in "dan"/"serta": "A, B, dan C"; "DPR, Kamis" is no list
        i = sent_start
        while i < sent_end:
            if names[i]:
                end = i
                while end < sent_end and names[end]:
                    end += 1
                members.append((i, end))
                j = end
                while j < sent_end and lowers[j] in LIST_SEPARATORS:
                    j += 1
                if any(lowers[k] in {"dan", "serta"} for k in range(end, j)):
                    conjunction = True
                j += starts_with_words(lowers, j, cues) if j > end else 0
                if j > end and j < sent_end and names[j]:
                    i = j
                    continue
                found.extend(coordinated(doc, members, label_of) if conjunction else [])
                members, conjunction = [], False
                i = max(j, end)
                continue
            i += 1
        found.extend(coordinated(doc, members, label_of) if conjunction else [])
    return found


def coordinated(doc: Doc, members: list[tuple[int, int]], label_of: dict) -> list[Span]:
    if len(members) < 2 or not any(label_of.get(m) == ORG for m in members):
        return []
    spans = []
    for start, end in members:
        label = label_of.get((start, end))
        if label is None and normal(doc[start:end].text) not in place_names():
            if not any(doc[k].ent_type_ in {"PER", ORG} for k in range(start, end)):
                spans.append(Span(doc, start, end, label=ORG))
    return spans


def stands_alone(doc: Doc, start: int, end: int) -> bool:
    """No entity in ``start:end``, or one entity that is exactly ``start:end``."""
    types = [doc[k].ent_iob_ for k in range(start, end)]
    if all(iob in {"", "O"} for iob in types):
        return True
    return types[0] == "B" and all(iob == "I" for iob in types[1:]) and (end == len(doc) or doc[end].ent_iob_ != "I")


def index_names(names: Iterable[str]) -> dict[str, list[list[str]]]:
    index: dict[str, list[list[str]]] = {}
    for name in names:
        words = name.split()
        index.setdefault(words[0], []).append(words)
    return index


def propagate(doc: Doc, names: set[str] | dict[str, list[list[str]]], toks: Tokens | None = None) -> list[Span]:
    """ORG for every other mention of ``names`` that stands alone (no entity, or an entity of just that text).
    ``names`` may be given already indexed by :func:`index_names`."""
    if not names:
        return []
    by_first = names if isinstance(names, dict) else index_names(names)
    found = []
    toks = toks if toks is not None else Tokens(doc, ents=False)
    texts, positions = toks.text, toks.positions
    n = len(texts)
    starts = sorted(i for first in by_first.keys() & positions.keys() for i in positions[first])
    for i in starts:
        for words in by_first[texts[i]]:
            end = i + len(words)
            if end > n or texts[i:end] != words:
                continue
            if end < n and is_name_text(texts[end]):
                continue  # part of a longer name
            if stands_alone(doc, i, end):
                found.append(Span(doc, i, end, label=ORG))
    return found


def places_to_loc(doc: Doc, ents: list[Span]) -> list[Span]:
    """ORG entities that are exactly a place name (the list, or a text the model labelled LOC elsewhere in the
    document), and PER entities that are exactly a listed place, relabelled LOC."""
    listed = place_names()
    chars = doc_text(doc)
    texts = [normal(chars[ent.start_char : ent.end_char]) for ent in ents]
    known = listed | {text for ent, text in zip(ents, texts) if ent.label_ == LOC}
    return [
        Span(doc, ent.start, ent.end, label=LOC)
        for ent, text in zip(ents, texts)
        if (ent.label_ == ORG and text in known) or (ent.label_ == "PER" and text in listed)
    ]


@lru_cache(maxsize=1)
def listed_place_index() -> dict[str, list[list[str]]]:
    """The listed places by first word, less short upper-case ones ("AS" is also a person's initials)."""
    return index_names(name for name in place_names() if not (name.isupper() and len(name) <= 3))


def listed_places(doc: Doc, toks: Tokens | None = None) -> list[Span]:
    """LOC for a listed country or city name the model left unlabelled ("diadakan di Chongqing")."""
    found = []
    for span in propagate(doc, listed_place_index(), toks):
        if not any(doc[k].ent_type_ for k in range(span.start, span.end)):
            found.append(Span(doc, span.start, span.end, label=LOC))
    return found


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


def acronyms(doc: Doc, ents: list[Span], texts: list[str] | None = None) -> tuple[dict[str, str], list[Span]]:
    """Definitions ``{"SFA": "Otoritas Pangan Singapura"}`` and the spans they add (long forms, acronyms)."""
    definitions: dict[str, str] = {}
    new: list[Span] = []
    ents_by_end = {ent.end: ent for ent in ents}
    ents_by_start = {ent.start: ent for ent in ents}
    texts = texts if texts is not None else token_strings(doc)
    for ti in range(len(texts) - 2):
        if texts[ti] != "(" or texts[ti + 2] != ")" or not ACRONYM.match(texts[ti + 1]):
            continue
        token = doc[ti]
        acronym = doc[ti + 1]
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
        for ti, text in enumerate(texts):
            if text in definitions and ti not in taken:
                current = next((e for e in ents if e.start <= ti < e.end), None)
                if current is None or (current.label_ != ORG and len(current) == 1):
                    new.append(Span(doc, ti, ti + 1, label=ORG))
    return definitions, new


def short_forms(doc: Doc, ents: Iterable[Span] | None = None, toks: Tokens | None = None) -> set[str]:
    """Short forms of ORG names the document writes in full: the name without its legal form or company word
    ("Qingling" for "Qingling Motors", "Pertamina" for "PT Pertamina (Persero)"). They are tagged ORG where they
    stand alone; their value stays their own text (only an acronym definition makes a canonical name)."""
    forms = org_forms()
    shorts: set[str] = set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != ORG or len(ent) < 2:
            continue
        start, end = ent.start, ent.end
        if doc[start].text in forms["prefixes"]:
            start += 1
        end = next((k for k in range(start + 1, end) if suffix_end(doc, k, forms["suffix_re"], toks) == ent.end),
                   end)
        while end > start + 1 and doc[end - 1].text in forms["tails"]:
            end -= 1
        if (start, end) == (ent.start, ent.end) or end <= start:
            continue
        short = normal(doc[start:end].text)
        if len(short) >= 3 and short not in place_names() and any(is_name_word(t) for t in doc[start:end]):
            shorts.add(short)
    return shorts


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
