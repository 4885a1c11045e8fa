"""The word lists and token helpers the organisation rules share: legal forms and institution words
(``factx/lang/org_forms.json``), place names (``factx/lang/places.txt``), name words, phrase look-ups, headlines,
and :class:`Tokens`, the per-token attributes of a Doc read once."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.attrs import ENT_IOB, IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span, Token

from ..lang import load_json, read_lines
from ..spans import IOB_STRINGS, doc_text, entity_labels, sentence_bounds, token_table

__all__ = [
    "ORG", "LOC", "PER", "NAME_JOINERS", "NOT_NAMES", "Tokens", "indexes", "entity_columns", "org_forms", "place_names",
    "province_names", "normal", "is_name_word", "is_name_text", "starts_with_words", "Phrases", "phrase_index",
    "by_first_word", "sentences", "is_headline", "is_headline_text",
]


ORG = "ORG"
LOC = "LOC"
PER = "PER"
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
        "heads": Phrases(tuple(k.split()) for k in data["heads"]),
        "weak_heads": Phrases(tuple(k.split()) for k in data["weak_heads"]),
        "tails": {k for k in data["tails"]},
        "cues": Phrases(tuple(k.split()) for k in data["cues"]),
        "place_heads": Phrases(tuple(k.split()) for k in data["place_heads"]),
        "tail_places": set(data["tail_places"]),
        "titles": Phrases(tuple(k.split()) for k in data["titles"]),
        "not_org_heads": Phrases(tuple(k.split()) for k in data["not_org_heads"]),
        "not_org_terms": set(data["not_org_terms"]) | set(load_json("currencies.json")["codes"]),
        "local_governments": dict(data["local_governments"]),
        "government_prefixes": tuple(long + " " for long in data["local_governments"].values()),
        "boilerplate": Phrases(tuple(k.split()) for k in data["boilerplate"]),
        "attribution": Phrases(tuple(k.split()) for k in data["attribution"]),
        "government_heads": Phrases(tuple(k.split()) for k in data["government_heads"]),
        "regions": set(data["regions"]),
        "unit_heads": set(data["unit_heads"]),
        "subunit_heads": Phrases(tuple(k.split()) for k in data["subunit_heads"]),
        "undotted_suffixes": tuple(data["undotted_suffixes"]),
        "councils": dict(data["councils"]),
        "capital_names": frozenset(data["capital_names"]),
        "bare_orgs": frozenset(data["bare_orgs"]),
        "regional_titles": Phrases(tuple(k.split()) for k in data["regional_titles"]),
        "compass_words": Phrases(tuple(k.split()) for k in data["compass_words"]),
        "airline_word": data["airline_word"],
        "name_suffixes": frozenset(data["name_suffixes"]),
        "team_age": data["team_age"],
        "bare_legal_forms": frozenset(data["bare_legal_forms"]),
        "person_titles": Phrases(tuple(k.split()) for k in data["person_titles"]),
        "degrees": frozenset(data["degrees"]),
    }


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    return frozenset(read_lines("places.txt"))


@lru_cache(maxsize=1)
def province_names() -> frozenset[str]:
    """The provinces of Indonesia: the "# Provinces of Indonesia" section of ``places.txt``."""
    names, inside = [], False
    for line in resources.files("factx.lang").joinpath("places.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = line.strip() == "# Provinces of Indonesia"
        elif inside and line.strip():
            names.append(line.strip())
    return frozenset(names)


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
    attributes (``iob``, ``etype``) are those of the moment of :meth:`read_ents`: call it again after the entities
    change (or set them from :class:`factx.orgs.entities.Entities`). ``sent_start`` is true where
    ``token.is_sent_start`` is."""

    __slots__ = ("text", "lower", "names", "idx", "ends", "chars", "iob", "etype", "sent_start", "n", "_words")

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
        self._words: set[str] | None = None
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
    def words(self) -> set[str]:
        """The token texts, as a set."""
        if self._words is None:
            self._words = set(self.text)
        return self._words


def indexes(words: list[str], wanted: set[str] | frozenset[str]) -> list[int]:
    """The indexes of the items of ``words`` that are in ``wanted``, in order. A few wanted words are found by
    ``list.index``, which scans in C; many by one pass."""
    if len(wanted) > 4:
        return [i for i, word in enumerate(words) if word in wanted]
    found: list[int] = []
    for word in wanted:
        i = -1
        try:
            while True:
                i = words.index(word, i + 1)
                found.append(i)
        except ValueError:
            pass
    return sorted(found) if len(wanted) > 1 else found


def entity_columns(ents: list[Span], n: int) -> tuple[list[str], list[str]]:
    """The ``ent_iob_`` ("B", "I", "O" outside them) and ``ent_type_`` of each of the ``n`` tokens of a doc whose
    entities are ``ents``."""
    iob, etype = ["O"] * n, [""] * n
    for ent in ents:
        start, end = ent.start, ent.end
        iob[start] = "B"
        iob[start + 1 : end] = ["I"] * (end - start - 1)
        etype[start:end] = [ent.label_] * (end - start)
    return iob, etype


def starts_with_words(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase in ``phrases`` that starts at ``words[i]`` (0 if none); ``words``: the token
    texts (or lower-case texts) of a doc. ``phrases`` is best a :class:`Phrases`, which knows its first words."""
    if i >= len(words):
        return 0
    try:
        candidates = phrases.first.get(words[i], ())
    except AttributeError:  # a plain tuple of phrases
        candidates = phrase_index(phrases).get(words[i], ())
    for phrase in candidates:
        n = len(phrase)
        if i + n <= len(words) and tuple(words[i:i + n]) == phrase:
            return n
    return 0


class Phrases(tuple):
    """A tuple of phrases (each a tuple of words) with ``first``, the phrases by their first word (longest first):
    :func:`starts_with_words` looks a word up there without hashing the whole tuple."""

    def __new__(cls, phrases):
        self = super().__new__(cls, phrases)
        self.first = by_first_word(tuple(self))
        return self


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
    if isinstance(phrases, Phrases):
        return phrases.first
    entry = _PHRASE_INDEXES.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        entry = _PHRASE_INDEXES[id(phrases)] = (phrases, by_first_word(phrases))
    return entry[1]


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence (the whole doc where no sentence starts are set)."""
    return sentence_bounds(doc)


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
