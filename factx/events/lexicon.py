"""The words of factx_events: its data files read once, and what a word (or a Doc's tokens) can be.

``lexicon()`` reads ``lang/event_triggers.json`` (the taxonomy: trigger roots and words per type, light verbs),
``lang/event_grammar.json`` (what cuts a clause, negation, anaphors, comparison markers, ...) and
``lang/event_heads.tsv`` (the head and tail words of named events). ``read_word`` tells how a lowercase word can
head a clause: it strips the particle, suffix and (up to two) prefixes of Indonesian morphology
(``root_candidates``: "menandatangani" <- tandatangan) and looks the root up. ``Words`` holds the per-token
attributes of a Doc, read once for the other modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_TITLE, SENT_START
from spacy.tokens import Doc

from .. import lang
from ..spans import token_table

__all__ = ["OTHER", "STATEMENT", "Lexicon", "Reading", "Root", "Words", "lexicon", "read_word", "root_candidates"]

OTHER = "OTHER"
STATEMENT = "STATEMENT"  # verbs of saying: a verbal one ends its segment (what follows is what was said)
# Inflectional particles and derivational suffixes, stripped in this order (each optional).
PARTICLES = ("nya", "lah", "kah", "pun")
SUFFIXES = ("kan", "an", "i")
# meN-/peN- prefixes with the initial consonant they may have dropped ("menandatangani" <- tandatangan).
NASAL = {"meny": "s", "meng": "k", "mem": "p", "men": "t", "menge": "", "me": ""}
VERBAL_PREFIX = re.compile(r"^(?:me[mn]?|meng|meny|ber|be|di|ter)[a-z]{3,}$")


@dataclass(frozen=True)
class Root:
    """One reading of a word: its root, whether a prefix was removed, and whether that prefix was verbal."""

    root: str
    affixed: bool
    verbal: bool
    suffix: str


@lru_cache(maxsize=65536)
def root_candidates(word: str) -> tuple[Root, ...]:
    """Every reading of a lowercase word as prefix(es) + root + suffix (+ particle); the word itself first.

    pe(N)-, per- and ke- need the suffix -an (pertemuan, kunjungan is root+an, kecelakaan); pe- without -an is an
    agent noun (penyelenggara) and is not read as a derivation.
    """
    out = [Root(word, False, False, "")]
    stems = {word: ""}
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            stems.setdefault(word[: -len(particle)], "")
    for stem in list(stems):
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                stems.setdefault(stem[: -len(suffix)], suffix)
    for stem, suffix in stems.items():
        if stem != word:
            out.append(Root(stem, False, False, suffix))
        for root, verbal, nominal in _unprefix(stem):
            if nominal and suffix != "an":
                continue
            out.append(Root(root, True, verbal, suffix))
    return tuple(out)


def _unprefix(stem: str) -> list[tuple[str, bool, bool]]:
    """(root, verbal prefix?, confix that needs -an?) for the prefixes of ``stem``, two layers deep."""
    out = []
    for root, verbal, nominal in _one_prefix(stem):
        out.append((root, verbal, nominal))
        for inner, _, _ in _one_prefix(root):
            if root.startswith(("per", "ber", "ke")):
                out.append((inner, verbal, nominal))
    return out


def _one_prefix(stem: str) -> list[tuple[str, bool, bool]]:
    out = []
    for prefix, verbal, nominal in (("di", True, False), ("ter", True, False), ("ber", True, False),
                                    ("be", True, False), ("per", False, True), ("ke", False, True)):
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
            out.append((stem[len(prefix):], verbal, nominal))
    for head, verbal, nominal in (("me", True, False), ("pe", False, True)):
        if not stem.startswith(head):
            continue
        for nasal, dropped in NASAL.items():
            prefix = head + nasal[2:]
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                rest = stem[len(prefix):]
                out.append((rest, verbal, nominal))
                if dropped:
                    out.append((dropped + rest, verbal, nominal))
    return out


@dataclass
class Lexicon:
    """The data files of this component, read once."""

    types: frozenset[str]
    weak: frozenset[str]
    roots: dict[str, str]
    verb_roots: dict[str, str]
    bare: frozenset[str]
    words: dict[str, str]
    pairs: dict[tuple[str, str], str]
    light: dict[str, str]
    light_defaults: dict[str, str]
    punct: frozenset[str]
    hard_punct: frozenset[str]
    temporal: frozenset[str]
    conjunctions: frozenset[str]
    backward: frozenset[str]
    relative: frozenset[str]
    irrealis: frozenset[str]
    manner: frozenset[str]
    negation: frozenset[str]
    adverbs: frozenset[str]
    anaphor_nouns: frozenset[str]
    anaphor_pronouns: frozenset[str]
    determiners: frozenset[str]
    not_roots: frozenset[str]
    not_words: frozenset[str]
    bare_verbs: frozenset[str]
    baseline: frozenset[str]
    date_prepositions: frozenset[str]
    citation: frozenset[str]
    dateline_dashes: frozenset[str]
    date_trailers: frozenset[str]
    speech: frozenset[str]
    negating_verbs: frozenset[str]
    sequence_adverbs: frozenset[str]
    coordinators: frozenset[str]
    fronting: frozenset[str]
    statement_verbs: frozenset[str]
    value_phrases: tuple[tuple[str, ...], ...]
    heads: dict[str, tuple[str, bool]]
    tails: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    triggers = lang.load_json("event_triggers.json")
    grammar = lang.load_json("event_grammar.json")
    roots = {root: kind for kind, items in triggers["roots"].items() for root in items}
    verb_roots = {root: kind for kind, items in triggers["verb_roots"].items() for root in items}
    words, pairs = {}, {}
    for kind, items in triggers["words"].items():
        for item in items:
            parts = item.split()
            if len(parts) == 2:
                pairs[(parts[0], parts[1])] = kind
            else:
                words[item] = kind
    light = {root: kind for kind, items in triggers["light"].items() for root in items}
    heads, tails = {}, {}
    for line in lang.read_lines("event_heads.tsv"):
        word, kind, position, alone = line.split("\t")
        if position == "tail":
            tails[word] = kind
        else:
            heads[word] = (kind, alone == "yes")
    multi = [m for m in grammar["manner"] if " " in m]
    return Lexicon(
        types=frozenset(triggers["types"]),
        weak=frozenset(triggers["weak_types"]) | {OTHER},
        roots=roots,
        verb_roots=verb_roots,
        bare=frozenset(triggers["bare"]),
        words=words,
        pairs=pairs,
        light=light,
        light_defaults=triggers["light_defaults"],
        punct=frozenset(grammar["boundary_punct"]),
        hard_punct=frozenset(grammar["hard_punct"]),
        temporal=frozenset(grammar["temporal_prepositions"]),
        conjunctions=frozenset(grammar["conjunctions"]),
        backward=frozenset(grammar["backward_conjunctions"]),
        relative=frozenset(grammar["relative"]),
        irrealis=frozenset(grammar["irrealis"]),
        manner=frozenset(m for m in grammar["manner"] if m not in multi) | {m.split()[0] for m in multi},
        negation=frozenset(grammar["negation"]),
        adverbs=frozenset(grammar["adverbs"]),
        anaphor_nouns=frozenset(grammar["anaphor_nouns"]),
        anaphor_pronouns=frozenset(grammar["anaphor_pronouns"]),
        determiners=frozenset(grammar["determiners"]),
        not_roots=frozenset(grammar["not_predicate_roots"]),
        not_words=frozenset(grammar["not_predicate_words"]),
        bare_verbs=frozenset(grammar["bare_verbs"]),
        baseline=frozenset(grammar["baseline_markers"]),
        date_prepositions=frozenset(grammar["date_prepositions"]),
        citation=frozenset(grammar["citation_words"]),
        dateline_dashes=frozenset(grammar["dateline_dashes"]),
        date_trailers=frozenset(grammar["date_trailers"]),
        speech=frozenset(grammar["speech_words"]),
        negating_verbs=frozenset(grammar["negating_verbs"]),
        sequence_adverbs=frozenset(grammar["sequence_adverbs"]),
        coordinators=frozenset(grammar["coordinators"]),
        fronting=frozenset(grammar["fronting_conjunctions"]),
        statement_verbs=frozenset(w for w, kind in words.items() if kind == STATEMENT and VERBAL_PREFIX.match(w)),
        value_phrases=tuple(tuple(v.split()) for v in grammar["value_phrases"]),
        heads=heads,
        tails=tails,
    )


# --- what a word can be ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reading:
    """A word read as a predicate: its type (None for a light verb), light-verb class, and verb or noun."""

    kind: str | None
    light: str | None
    verbal: bool
    passive: bool
    default: str | None = None  # a light verb's type when what it governs has none


@lru_cache(maxsize=65536)
def read_word(word: str) -> Reading | None:
    """How the lowercase ``word`` can head a clause, or None when it is no predicate."""
    lex = lexicon()
    if word in lex.not_words or not word.isalpha():
        return None
    passive = word.startswith("di")
    if word in lex.words:
        return Reading(lex.words[word], None, bool(VERBAL_PREFIX.match(word)), passive)
    candidates = root_candidates(word)
    for cand in candidates:
        if cand.affixed and cand.verbal and cand.root in lex.light:
            return Reading(None, lex.light[cand.root], True, passive, lex.light_defaults.get(cand.root))
    for cand in candidates:
        kind = lex.roots.get(cand.root)
        if kind is None and (cand.verbal or not cand.affixed and cand.root in lex.bare and not cand.suffix):
            kind = lex.verb_roots.get(cand.root)
        if kind and (cand.affixed or cand.root in lex.bare or cand.suffix == "an"):
            return Reading(kind, None, cand.verbal or (not cand.affixed and cand.root in lex.bare_verbs), passive)
    if word in lex.bare_verbs:
        return Reading(OTHER, None, True, False)
    if any(cand.affixed and cand.root in lex.not_roots for cand in candidates):
        return None
    if VERBAL_PREFIX.match(word) and len(word) >= 6:
        return Reading(OTHER, None, True, passive)
    return None


class Words:
    """Per-token attributes of a Doc read once (``doc[i]`` builds a new Token object on every access)."""

    __slots__ = ("text", "lower", "is_alpha", "is_title", "is_space", "is_punct", "sent_start", "_cuts")

    def __init__(self, doc: Doc):
        table = token_table(doc)
        self.text = table.text
        self.lower = table.lower
        if len(doc):
            flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_SPACE, IS_PUNCT, SENT_START]) == 1  # one column per attribute
            # sent_start: true where token.is_sent_start is (SENT_START is 1, -1 or 0 for unknown)
            self.is_alpha, self.is_title, self.is_space, self.is_punct, self.sent_start = flags.T.tolist()
        else:
            self.is_alpha, self.is_title, self.is_space, self.is_punct, self.sent_start = [], [], [], [], []
        self._cuts: list[int] | None = None

    def cuts(self, lex: Lexicon) -> list[int]:
        """Where a segment may be cut (see :func:`factx.events.clauses.segments`): punctuation, conjunctions,
        relative pronouns, the words that open an adjunct and verbs of saying (cut after them), in order."""
        if self._cuts is None:
            words = lex.conjunctions | lex.relative | lex.irrealis | lex.manner | lex.statement_verbs | {"dalam"}
            self._cuts = [k for k, (text, word) in enumerate(zip(self.text, self.lower))
                          if word in words or text in lex.punct]
        return self._cuts

