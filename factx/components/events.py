"""factx_events: named EVENT mentions and event frames (who did what, when, where, for how much).

Named events
    A head word from ``lang/event_heads.tsv`` ("Pertemuan", "KTT", "Kejuaraan", "HUT", ...) followed by capitalised
    words, numbers, "ke-80" and hyphen joins ("China-Singapura"), or a capitalised run closed by a tail word
    ("Asian Games"). The span stops before a DATE/MONEY/DURATION entity and is dropped when an entity the model
    labelled ORG/PER/LOC starts at or before its head ("Kongres Amerika Serikat" stays an ORG); entities inside it
    give way, so "China-Singapura" inside a meeting's name is not a LOC. The rule needs capitals: on lowercased
    text only the model's EVENT labels remain.

Clauses
    A sentence (``doc.sents``, cut again at line breaks so headlines stand alone) is cut into segments at the
    punctuation and conjunctions of ``lang/event_grammar.json``, at relative "yang", and at "untuk/agar/dengan/...
    + verb" (never inside an entity). A segment's predicate is its first typed trigger, else its first other verb
    (me-/ber-/di-/ter- forms and a few bare verbs), unless negated ("tidak", "belum", ...); a nominal trigger
    ("kunjungan", "ekspor") counts only at the start of its segment, not as a modifier ("standar sertifikasi").
    Segments without a
    frame of their own join a clause: those before the sentence's first frame join the first frame (the subject
    and fronted dates: "Pada Maret 2024, A, B dan C bergandengan tangan"), later ones join the frame before them,
    unless a clause conjunction opens them ("..., sedangkan pada Jumat, menurut X, cadangan turun"): then they
    join the frame that follows.
    A phrase giving a value (", dengan nilai ... yang diekspor ... mencapai $10,8 juta") holds no frame up to the
    next punctuation. A relative clause without a date of its own folds into the clause right before it when that
    one is a frame; otherwise it is a frame of its own when it has a date or an amount ("347 proyek yang
    ditandatangani, senilai $26 miliar"), as an OTHER predicate would: a relative clause is background, not news.
    Adjuncts are no frames: purpose/manner phrases ("untuk mengekspor", "dengan mengandalkan X"), running on to the
    next comma, and a fronted passive participle ("Difasilitasi oleh X, A dan B ..."); they lend the clause their
    dates, amounts and places, and a purpose phrase its organisations and people too ("berencana untuk membeli PT
    Y"), but a manner phrase or a participle does not (instruments and facilitators are not participants).

Frames
    Type: the trigger's root in ``lang/event_triggers.json``; light verbs (melakukan, diadakan, memperoleh, ...)
    take the type of the nominal or named EVENT they govern; else OTHER. A typed frame is kept when its clause has
    a date, an amount, an organisation or a person; an OTHER frame (or a FIGURE, the "weak_types") only when it
    has a date or an amount.
    Arguments come from the entities in the clause: ``date`` is the value of the DATE nearest before the trigger,
    else the first after it, preferring dates after a preposition ("pada", "sejak", ...) to bare ones ("APBN
    2007", a dateline "Kamis") and leaving out points of comparison ("dibanding 2006", "periode sama tahun lalu",
    "dari ... pada 2006 menjadi ..."); else, for a coordinated predicate that opens its clause ("..., dan melakukan
    verifikasi") or after a temporal phrase ("Selama kunjungannya ... pada Mei 2024, ia bertemu ..."), the date
    of the frame before it in the sentence; else None (never from another sentence).
    ``orgs`` are canonical ORG names (``span._.value``), the subject first: the "oleh" agent of a passive, else
    the ones before the trigger. A coordinated predicate without a subject shares the previous frame's subject.
    A subject that is an anaphor ("perusahaan", "perusahaan itu", "ia") right before the trigger takes the ORG of
    the nearest of the three previous sentences that names any, when that sentence names exactly one (and, for
    "ia/dia", no person).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, IS_TITLE, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import lang
from ..records import Frame
from ..spans import doc_text, entity_labels, merge_ents_into, sentence_bounds, token_strings, token_table

OTHER = "OTHER"
BLOCKING_LABELS = {"DATE", "MONEY", "DURATION"}
NAME_LABELS = {"ORG", "PER", "LOC"}
# Inflectional particles and derivational suffixes, stripped in this order (each optional).
PARTICLES = ("nya", "lah", "kah", "pun")
SUFFIXES = ("kan", "an", "i")
# meN-/peN- prefixes with the initial consonant they may have dropped ("menandatangani" <- tandatangan).
NASAL = {"meny": "s", "meng": "k", "mem": "p", "men": "t", "menge": "", "me": ""}
VERBAL_PREFIX = re.compile(r"^(?:me[mn]?|meng|meny|ber|be|di|ter)[a-z]{3,}$")
CAPITALISED = re.compile(r"^[A-Z0-9][\w.&'-]*$")
ROMAN = re.compile(r"^[IVX]+$")


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

    def cuts(self, lex: "Lexicon") -> list[int]:
        """Where a segment may be cut (see :func:`segments`): punctuation, conjunctions, relative pronouns and the
        words that open an adjunct, in order."""
        if self._cuts is None:
            words = lex.conjunctions | lex.relative | lex.irrealis | lex.manner | {"dalam"}
            self._cuts = [k for k, (text, word) in enumerate(zip(self.text, self.lower))
                          if word in words or text in lex.punct]
        return self._cuts


# --- named events ---------------------------------------------------------------------------------------------

def named_events(doc: Doc, words: Words | None = None) -> list[Span]:
    """EVENT spans found by the head-word rule, already cleared against the entities on ``doc``."""
    lex = lexicon()
    label_at = _labels(doc)
    spans = []
    i = 0  # the next token not inside a span found
    texts = words.text if words is not None else token_strings(doc)
    n = len(texts)
    pair_firsts, openers = _event_openers()
    for k in [k for k, text in enumerate(texts) if text in openers]:  # the only tokens a named event can start at
        if k < i:
            continue
        i = k
        text = texts[i]
        span = None
        pair = f"{text} {texts[i + 1]}" if i + 1 < n and text in pair_firsts else ""
        if pair in lex.heads and label_at[i] is None and label_at[i + 1] is None:
            span = _head_event(doc, i, label_at, lex, width=2)
        elif text in lex.heads and label_at[i] is None:
            span = _head_event(doc, i, label_at, lex)
        elif text in lex.tails and label_at[i] is None:
            span = _tail_event(doc, i, label_at)
        if span is not None:
            spans.append(span)
            i = span.end
    return spans


@lru_cache(maxsize=1)
def _event_openers() -> tuple[frozenset[str], frozenset[str]]:
    """The texts a token must have for "<text> <next text>" to be a head (each head cut before one of its spaces),
    and every text at which :func:`named_events` can find an event (those, heads and tails)."""
    lex = lexicon()
    pair_firsts = frozenset(head[:j] for head in lex.heads for j, char in enumerate(head) if char == " ")
    return pair_firsts, pair_firsts | frozenset(lex.heads) | frozenset(lex.tails)


def _labels(doc: Doc) -> list[str | None]:
    """The entity label of each token (None outside entities)."""
    return entity_labels(doc)


def _continues(doc: Doc, j: int, label_at: list[str | None]) -> bool:
    token = doc[j]
    if label_at[j] in BLOCKING_LABELS or token.is_sent_start:
        return False
    return bool(CAPITALISED.match(token.text)) or bool(ROMAN.match(token.text))


def _head_event(doc: Doc, i: int, label_at: list[str | None], lex: Lexicon, width: int = 1) -> Span | None:
    end = i + width
    n = len(doc)
    while end < n:
        token = doc[end]
        if _continues(doc, end, label_at):
            end += 1
        elif token.text == "-" and end + 1 < n and not token.whitespace_ and not doc[end - 1].whitespace_ \
                and _continues(doc, end + 1, label_at):
            end += 2
        elif token.lower_ == "ke" and end + 2 < n and doc[end + 1].text == "-" and doc[end + 2].like_num:
            end += 3
        elif token.lower_ in {"dan", "untuk", "tentang", "antar", "se"} and end + 1 < n \
                and _continues(doc, end + 1, label_at) and doc[end + 1].text not in lex.heads:
            end += 2
        else:
            break
    head = doc[i : i + width].text
    if end == i + width and not lex.heads[head][1]:
        return None
    return Span(doc, i, end, label="EVENT")


def _tail_event(doc: Doc, i: int, label_at: list[str | None]) -> Span | None:
    start = i
    while start > 0 and not doc[start].is_sent_start and _continues(doc, start - 1, label_at) \
            and label_at[start - 1] not in NAME_LABELS:
        start -= 1
    if start == i:
        return None
    return Span(doc, start, i + 1, label="EVENT")


def add_named_events(doc: Doc, words: Words | None = None) -> list[Span]:
    """Put rule-found named events on ``doc.ents`` (see the module docstring for what gives way to what); returns the
    entities of the doc."""
    ents = list(doc.ents)
    found = named_events(doc, words)
    if not found:
        return ents
    kept = []
    for span in found:
        clash = False
        for ent in ents:
            if ent.end <= span.start or ent.start >= span.end:
                continue
            if ent.label_ == "EVENT" and ent.start <= span.start and ent.end >= span.end:
                clash = True  # the model's EVENT already covers it
            elif ent.label_ in NAME_LABELS and ent.start <= span.start:
                clash = True  # an entity starting at or before the head keeps its place
            elif ent.end > span.end:
                span = Span(doc, span.start, ent.end, label="EVENT")
        if not clash:
            kept.append(span)
    return merge_ents_into(doc, ents, kept)


# --- clauses --------------------------------------------------------------------------------------------------

@dataclass
class Segment:
    start: int
    end: int
    opener: str = ""
    adjunct: bool = False
    outsiders: bool = False  # an adjunct whose organisations and people are not participants
    relative: bool = False
    trigger: Span | None = None
    kind: str | None = None
    passive: bool = False
    verb: int = -1  # where the predicate starts: the light verb of "melakukan verifikasi", else the trigger


@dataclass
class Clause:
    """A predicate's segment with the segments attached to it (``segments`` in text order)."""

    head: Segment
    segments: list[Segment] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end


def units(doc: Doc, words: Words | None = None) -> list[tuple[int, int]]:
    """Sentences, cut again at line breaks (headlines and paragraphs never share a clause)."""
    out = []
    words = words or Words(doc)
    is_space, texts = words.is_space, words.text
    for sent_start, sent_end in sentence_bounds(doc):
        start = sent_start
        for k in range(sent_start, sent_end):
            if is_space[k] and "\n" in texts[k]:
                if k > start:
                    out.append((start, k))
                start = k + 1
        if sent_end > start:
            out.append((start, sent_end))
    return out


def _verb_follows(words: Words, k: int, end: int, lex: Lexicon) -> bool:
    """Whether a verb follows position ``k`` (skipping adverbs) before ``end``."""
    for j in range(k, min(end, k + 3)):
        word = words.lower[j]
        if word in lex.adverbs:
            continue
        reading = read_word(word)
        return reading is not None and reading.verbal
    return False


def segments(doc: Doc, start: int, end: int, label_at: list[str | None], lex: Lexicon,
             words: Words | None = None) -> list[Segment]:
    """The unit ``start:end`` cut into segments at punctuation, conjunctions, relative pronouns and adjunct openers
    outside entities; only the places :meth:`Words.cuts` lists are looked at, the other tokens never cut."""
    out = []
    current = Segment(start, start)
    words = words or Words(doc)
    texts, lowers, cuts = words.text, words.lower, words.cuts(lex)
    k = start  # the next token not yet in a segment
    for c in cuts[bisect_left(cuts, start):bisect_left(cuts, end)]:
        if c < k or label_at[c] is not None:
            continue
        word = lowers[c]
        cut = None
        if texts[c] in lex.punct:
            cut = Segment(c + 1, c + 1, texts[c])
        elif word in lex.conjunctions or word in lex.relative:
            cut = Segment(c, c + 1, word, relative=word in lex.relative)
        elif (word in lex.irrealis or word in lex.manner) and _verb_follows(words, c + 1, end, lex):
            cut = Segment(c, c + 1, word, adjunct=True, outsiders=word in lex.manner)
        elif word == "dalam" and c + 2 < end and lowers[c + 1] == "rangka" and _verb_follows(words, c + 2, end, lex):
            cut = Segment(c, c + 2, "dalam rangka", adjunct=True)
        if cut is not None:
            current.end = max(current.end, c)  # the tokens k..c-1 belong to the current segment
            if current.end > current.start:
                out.append(current)
            current = cut
            k = cut.end
    current.end = max(current.end, end)
    if current.end > current.start:
        out.append(current)
    return out


def predicate_candidates(words: Words, label_at: list[str | None], lex: Lexicon) -> list[int]:
    """The tokens :func:`find_predicate` can stop at, in order: words outside entities that read as a predicate or
    start a two-word trigger. The others it would pass over."""
    firsts = {first for first, _ in lex.pairs}
    return [k for k, (word, alpha, label) in enumerate(zip(words.lower, words.is_alpha, label_at))
            if alpha and label is None and (word in firsts or read_word(word) is not None)]


def find_predicate(doc: Doc, seg: Segment, label_at: list[str | None], lex: Lexicon,
                   words: Words | None = None, candidates: list[int] | None = None) -> None:
    """Set the segment's trigger and type: the first typed predicate, else the first other verb. ``candidates``:
    :func:`predicate_candidates` of the doc, when already known."""
    first_other = None
    words = words or Words(doc)
    lowers, is_title, sent_start = words.lower, words.is_title, words.sent_start
    if candidates is None:
        candidates = predicate_candidates(words, label_at, lex)
    for k in candidates[bisect_left(candidates, seg.start):bisect_left(candidates, seg.end)]:
        word = lowers[k]
        if is_title[k] and k != seg.start and not sent_start[k]:
            continue
        if k + 1 < seg.end and (word, lowers[k + 1]) in lex.pairs:
            if not _negated(lowers, seg, k, lex):
                _set(doc, seg, k, k + 2, lex.pairs[(word, lowers[k + 1])], passive=False)
                return
        reading = read_word(word)
        if reading is None:
            continue
        if _negated(lowers, seg, k, lex):
            if reading.verbal:
                return  # "belum menandatangani kontrak": the clause is negated, its object is no event either
            continue
        if reading.light:
            kind, nominal = _governed(doc, seg, k, reading, label_at, lex, words)
            if reading.default and (kind is None or kind == OTHER):
                kind, nominal = reading.default, None
            if kind and kind != OTHER:
                if reading.light == "do" and nominal is not None:
                    _set(doc, seg, nominal, nominal + 1, kind, reading.passive)
                else:
                    _set(doc, seg, k, k + 1, kind, reading.passive)
                seg.verb = min(k, seg.trigger.start)
                return
            if first_other is None:
                # "melakukan penghentian", "mengalami penurunan": the nominalisation is the trigger
                first_other = (nominal if reading.light == "do" and nominal is not None else k, reading.passive)
        elif reading.kind != OTHER:
            if reading.verbal or _segment_initial(words, seg, k, lex):
                _set(doc, seg, k, k + 1, reading.kind, reading.passive)
                return
        elif first_other is None:
            first_other = (k, reading.passive)
    if first_other is not None:
        _set(doc, seg, first_other[0], first_other[0] + 1, OTHER, first_other[1])


def _temporal_nominal(lowers: list[str], seg: Segment, lex: Lexicon) -> bool:
    """'Selama kunjungannya ..., ': a nominal trigger right after a temporal preposition."""
    k = seg.trigger.start
    reading = read_word(lowers[k])
    return reading is not None and not reading.verbal and k > seg.start and lowers[k - 1] in lex.temporal


def _segment_initial(words: Words, seg: Segment, k: int, lex: Lexicon) -> bool:
    """Whether position ``k`` opens its segment (after its conjunction, adverbs and temporal prepositions)."""
    lowers, is_punct = words.lower, words.is_punct
    j = seg.start + (len(seg.opener.split()) if seg.opener and seg.opener not in lex.punct else 0)
    while j < k and (lowers[j] in lex.adverbs or lowers[j] in lex.temporal or is_punct[j]):
        j += 1
    return j == k


def _set(doc: Doc, seg: Segment, start: int, end: int, kind: str, passive: bool) -> None:
    seg.trigger = doc[start:end]
    seg.kind = kind
    seg.passive = passive
    seg.verb = start


def _negated(lowers: list[str], seg: Segment, k: int, lex: Lexicon) -> bool:
    j = k - 1
    while j >= seg.start and lowers[j] in lex.adverbs:
        j -= 1
    return j >= seg.start and lowers[j] in lex.negation


def _governed(doc: Doc, seg: Segment, k: int, reading: Reading, label_at: list[str | None],
              lex: Lexicon, words: Words) -> tuple[str | None, int | None]:
    """The type a light verb takes from the nominal or named EVENT it governs, and that nominal's position."""
    if reading.passive or reading.light == "hold":
        order = list(range(k - 1, seg.start - 1, -1)) + list(range(k + 1, seg.end))
    else:
        order = list(range(k + 1, seg.end))
    for j in order:
        if label_at[j] == "EVENT":
            kind = lex.heads.get(words.text[j], (None,))[0] or _tail_kind(doc, j, lex)
            if kind:
                return kind, None
            continue
        if label_at[j] is not None or not words.is_alpha[j]:
            continue
        other = read_word(words.lower[j])
        if other is not None and other.kind and other.kind != OTHER and not other.light:
            return other.kind, j
        if other is not None and other.verbal:
            break
    if reading.light == "do" and not reading.passive and k + 1 < seg.end and label_at[k + 1] is None \
            and _nominalisation(words.lower[k + 1]):
        return OTHER, k + 1
    return None, None


@lru_cache(maxsize=65536)
def _nominalisation(word: str) -> bool:
    """pe-an / per-an / ke-an derivations ("penghentian", "penurunan", "kenaikan")."""
    return word.isalpha() and any(c.affixed and not c.verbal and c.suffix == "an" for c in root_candidates(word))


def _tail_kind(doc: Doc, j: int, lex: Lexicon) -> str | None:
    ent = next((e for e in doc.ents if e.start <= j < e.end), None)
    if ent is None:
        return None
    return lex.tails.get(ent[-1].text) or lex.heads.get(ent[:2].text, lex.heads.get(ent[0].text, (None,)))[0]


def _fronted_participle(doc: Doc, segs: list[Segment], index: int) -> bool:
    """'Difasilitasi oleh X, A dan B ...': a di- verb opening a comma phrase before any frame of the sentence."""
    seg = segs[index]
    if seg.trigger is None or not seg.passive or seg.trigger.start != seg.start:
        return False
    if any(s.trigger is not None and not s.adjunct for s in segs[:index]):
        return False
    nxt = segs[index + 1] if index + 1 < len(segs) else None
    return nxt is not None and nxt.opener == "," and any(s.trigger is not None for s in segs[index + 1:])


def _extend_adjuncts(segs: list[Segment], lex: Lexicon) -> None:
    """'dengan mengandalkan A dan “B”, C ...': an adjunct runs on to the next comma (or other hard mark)."""
    for previous, seg in zip(segs, segs[1:]):
        if previous.adjunct and seg.opener not in lex.hard_punct:
            seg.adjunct, seg.outsiders, seg.trigger = True, previous.outsiders, None


def _clear_value_phrases(lowers: list[str], segs: list[Segment], lex: Lexicon) -> None:
    """'..., dengan nilai ekspor yang diharapkan mencapai $10 juta': no frames up to the next punctuation."""
    inside = False
    firsts = {v[0] for v in lex.value_phrases if v}
    for seg in segs:
        if seg.opener in lex.punct:
            inside = False
        k = seg.start + (len(seg.opener.split()) if seg.opener and seg.opener not in lex.punct else 0)
        if (seg.opener in lex.punct or seg.opener == "") and k < seg.end and lowers[k] in firsts:
            words = tuple(lowers[k:min(seg.end, k + 4)])
            if any(words[: len(v)] == v for v in lex.value_phrases):
                inside = True
        if inside:
            seg.trigger = None


def build_clauses(segs: list[Segment], heads: list[Segment], lex: Lexicon) -> list[Clause]:
    """Attach every segment to a head: before the first head to the first, else to the head before it, except
    that a clause conjunction ("sedangkan pada Jumat, ...") carries what follows it to the next head."""
    if not heads:
        return []
    clauses = {id(h): Clause(h) for h in heads}
    current = clauses[id(heads[0])]
    last_head = max(segs.index(h) for h in heads)
    pending: list[Segment] = []
    for index, seg in enumerate(segs):
        if id(seg) in clauses:
            current = clauses[id(seg)]
            current.segments.extend(pending)
            pending = []
            current.segments.append(seg)
        elif pending or (index < last_head and current.segments and seg.opener in lex.conjunctions
                         and seg.opener not in lex.backward):
            pending.append(seg)
        else:
            current.segments.append(seg)
    return [clauses[id(h)] for h in heads]


# --- frames ---------------------------------------------------------------------------------------------------

@dataclass
class Draft:
    clause: Clause
    date: str | None = None
    has_date: bool = False
    date_ent: Span | None = None
    money: list[Span] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


class EntIndex:
    """The entities of a Doc, read once (``doc.ents`` builds new spans on every access), with their texts and
    values (``span._.value``) read at most once each."""

    def __init__(self, doc: Doc, ents: list[Span] | None = None):
        self.ents = tuple(doc.ents if ents is None else ents)
        self.starts = [e.start for e in self.ents]
        self.chars = doc_text(doc)
        self._values: dict[int, object] = {}

    def __call__(self, start: int, end: int) -> tuple[Span, ...]:
        """Entities that start in tokens ``start:end`` (one cut by a sentence break counts where it starts)."""
        return self.ents[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def text(self, ent: Span) -> str:
        return self.chars[ent.start_char : ent.end_char]

    def value(self, ent: Span):
        if ent.start not in self._values:  # entities never overlap: the start names one
            self._values[ent.start] = ent._.value
        return self._values[ent.start]

    def name(self, ent: Span) -> str:
        """The entity's value when it is a non-empty string (an ORG's canonical name), else its text."""
        value = self.value(ent)
        return value if isinstance(value, str) and value else self.text(ent)


def _add(items: list[str], name: str) -> None:
    if name not in items:
        items.append(name)


def draft(doc: Doc, clause: Clause, lex: Lexicon, ents_in: EntIndex, words: Words | None = None) -> Draft:
    trigger = clause.head.trigger
    lowers = (words or Words(doc)).lower
    out = Draft(clause)
    dates_before, dates_after = [], []
    agents, before, after = [], [], []
    for seg in clause.segments:
        for ent in ents_in(seg.start, seg.end):
            label = ent.label_
            if label == "DATE":
                out.has_date = True
                if not _baseline(doc, ent, clause, lex, lowers):
                    (dates_before if ent.end <= trigger.start else dates_after).append(ent)
            elif label == "MONEY":
                out.money.append(ent)
            elif label == "LOC":
                _add(out.places, ents_in.text(ent))
            elif label in ("ORG", "PER") and not seg.outsiders:
                by_agent = clause.head.passive and ent.start > 0 and lowers[ent.start - 1] == "oleh"
                target = agents if by_agent else before if ent.end <= trigger.start else after
                target.append(ent)
    adverbial = [e for e in dates_before + dates_after
                 if e.start > 0 and lowers[e.start - 1] in lex.date_prepositions]
    if adverbial:  # "pada Maret 2024" over a bare "APBN 2007" or a dateline
        dates_before = [e for e in dates_before if e in adverbial]
        dates_after = [e for e in dates_after if e in adverbial]
    chosen = dates_before[-1] if dates_before else dates_after[0] if dates_after else None
    if chosen is not None:
        out.date = ents_in.value(chosen)
        out.date_ent = chosen
    for ent in agents + before + after:
        if ent.label_ == "ORG":
            _add(out.orgs, ents_in.name(ent))
        else:
            _add(out.people, ents_in.name(ent))
    for ent in agents + before:
        if ent.label_ == "ORG":
            _add(out.subject, ents_in.name(ent))
    return out


def _baseline(doc: Doc, ent: Span, clause: Clause, lex: Lexicon, lowers: list[str] | None = None) -> bool:
    """A DATE that is a point of comparison ('dibanding 2006', 'dari ... pada 2006 menjadi ...')."""
    lowers = lowers if lowers is not None else token_strings(doc, LOWER)
    before = lowers[max(clause.start, ent.start - 5):ent.start]
    for i, word in enumerate(before):
        if word in lex.baseline and (word != "sama" or "periode" in before[max(0, i - 3):i]):
            return True
    if "dari" in lowers[max(clause.start, ent.start - 6):ent.start]:
        return "menjadi" in lowers[ent.end:clause.end]
    return False


def _opens_clause(lowers: list[str], seg: Segment, lex: Lexicon) -> bool:
    """Whether the segment starts with its predicate (after its conjunction and adverbs): no subject of its own."""
    k = seg.start
    if seg.opener and seg.opener not in lex.punct:
        k += len(seg.opener.split())
    while k < seg.verb and lowers[k] in lex.adverbs:
        k += 1
    return k == seg.verb


def _coordinated(lowers: list[str], seg: Segment, lex: Lexicon) -> bool:
    """'..., dan melakukan verifikasi': a predicate after a conjunction or comma with no subject of its own."""
    return (seg.opener in lex.conjunctions or seg.opener == ",") and _opens_clause(lowers, seg, lex)


def _anaphor(lowers: list[str], seg: Segment, lex: Lexicon) -> str | None:
    """'perusahaan (itu)' / 'ia' as the whole subject right before the trigger: which anaphor it is, or None."""
    k = seg.verb - 1
    while k >= seg.start and lowers[k] in lex.adverbs - lex.determiners:
        k -= 1
    if k >= seg.start and lowers[k] in lex.determiners:
        k -= 1
    if k < seg.start:
        return None
    word = lowers[k]
    if word not in lex.anaphor_nouns and word not in lex.anaphor_pronouns:
        return None
    first = seg.start + (len(seg.opener.split()) if seg.opener and seg.opener not in lex.punct else 0)
    return word if k == first else None


def _antecedent(ents_in: EntIndex, unit_index: int, all_units: list[tuple[int, int]], pronoun: bool) -> str | None:
    for start, end in reversed(all_units[max(0, unit_index - 3):unit_index]):
        ents = ents_in(start, end)
        orgs = []
        for ent in ents:
            if ent.label_ == "ORG":
                _add(orgs, ents_in.name(ent))
        if not orgs:
            continue
        if len(orgs) == 1 and not (pronoun and any(e.label_ == "PER" for e in ents)):
            return orgs[0]
        return None
    return None


def frames_in_unit(doc: Doc, unit_index: int, all_units: list[tuple[int, int]], label_at: list[str | None],
                   lex: Lexicon, ents_in: EntIndex, words: Words | None = None,
                   candidates: list[int] | None = None) -> list[Frame]:
    start, end = all_units[unit_index]
    words = words or Words(doc)
    if candidates is not None and bisect_left(candidates, start) == bisect_left(candidates, end):
        return []  # no word of the unit can be a predicate: no segment gets a trigger, so no frame
    lowers = words.lower
    segs = segments(doc, start, end, label_at, lex, words)
    for seg in segs:
        if not seg.adjunct:
            find_predicate(doc, seg, label_at, lex, words, candidates)
    for index, seg in enumerate(segs):
        if _fronted_participle(doc, segs, index):
            seg.adjunct = seg.outsiders = True
    _extend_adjuncts(segs, lex)
    _clear_value_phrases(words.lower, segs, lex)
    heads = [s for s in segs if s.trigger is not None and not s.adjunct]
    # Pass 1: which predicates make frames, each with its clause among all predicates of the sentence.
    kept = []
    drafts = []
    previous: Draft | None = None
    for clause in build_clauses(segs, heads, lex):
        head = clause.head
        d = draft(doc, clause, lex, ents_in, words)
        drafts.append(d)
        anaphor = _anaphor(lowers, head, lex) if not d.subject else None
        resolved = _antecedent(ents_in, unit_index, all_units, anaphor in lex.anaphor_pronouns) if anaphor else None
        shared = previous is not None and previous.clause.head in kept and _coordinated(lowers, head, lex) \
            and bool(previous.subject or previous.has_date)
        if head.kind in lex.weak or head.relative:
            keep = d.has_date or bool(d.money)
        else:
            keep = d.has_date or bool(d.money or d.orgs or d.people or resolved) or shared
        folds = head.relative and previous is not None and previous.clause.head in kept and d.date_ent is None
        if keep and not folds:
            kept.append(head)
        previous = d
    # Pass 2: clauses among the kept predicates only; arguments, inherited subject and date.
    frames: list[Frame] = []
    last: Draft | None = None
    # every predicate kept (kept is a subset of heads): the clauses are those of pass 1, and so are their drafts
    second = drafts if len(kept) == len(heads) else [draft(doc, c, lex, ents_in, words)
                                                    for c in build_clauses(segs, kept, lex)]
    for d in second:
        clause = d.clause
        head = clause.head
        coordinated = last is not None and _coordinated(lowers, head, lex)
        if not d.subject:
            anaphor = _anaphor(lowers, head, lex)
            resolved = _antecedent(ents_in, unit_index, all_units, anaphor in lex.anaphor_pronouns) if anaphor else None
            if resolved:
                d.subject = [resolved]
            elif coordinated:
                d.subject = list(last.subject)
            d.orgs = d.subject + [o for o in d.orgs if o not in d.subject]
        lends = last is not None and _temporal_nominal(lowers, last.clause.head, lex)
        if d.date_ent is None and (coordinated or lends) and last.date_ent is not None:
            d.date, d.date_ent, d.has_date = last.date, last.date_ent, True
        span = _trim(doc, clause.start, clause.end, words)
        frames.append(Frame(event_type=head.kind, trigger=head.trigger, span=span, date=d.date, orgs=d.orgs,
                            people=d.people, places=d.places, money=d.money))
        last = d
    return frames


def _trim(doc: Doc, start: int, end: int, words: Words) -> Span:
    is_punct, is_space, texts = words.is_punct, words.is_space, words.text
    while start < end - 1 and (is_punct[start] or is_space[start]):
        start += 1
    while end > start + 1 and (is_punct[end - 1] or is_space[end - 1]) and texts[end - 1] != ")":
        end -= 1
    return doc[start:end]


def event_frames(doc: Doc, words: Words | None = None, ents: list[Span] | None = None) -> list[Frame]:
    """Event frames of ``doc``, in text order (see the module docstring for the rules); ``ents``: the doc's
    entities when already read."""
    lex = lexicon()
    label_at = _labels(doc)
    ents_in = EntIndex(doc, ents)
    words = words or Words(doc)
    all_units = units(doc, words)
    candidates = predicate_candidates(words, label_at, lex)
    frames = []
    for index in range(len(all_units)):
        frames.extend(frames_in_unit(doc, index, all_units, label_at, lex, ents_in, words, candidates))
    return frames


class EventsComponent:
    """Adds rule-found named EVENT entities and sets ``doc._.events`` to the event frames."""

    def __init__(self, named_events: bool = True, frames: bool = True):
        self.named_events = named_events
        self.frames = frames

    def __call__(self, doc: Doc, frames: bool | None = None) -> Doc:
        """``frames`` (from ``nlp.pipe(..., component_cfg={"factx_events": {"frames": False}})``) overrides the
        component's setting for this call: :func:`factx.results` asks for frames only when they are wanted (frames
        change no entity, so the mentions are the same either way; without them ``doc._.events`` stays None)."""
        words = Words(doc)  # the tokens stay as they are here (only the entities change)
        ents = add_named_events(doc, words) if self.named_events else None
        if self.frames if frames is None else frames:
            doc._.events = event_frames(doc, words, ents)
        return doc


@Language.factory("factx_events", default_config={"named_events": True, "frames": True})
def make_events(nlp: Language, name: str, named_events: bool, frames: bool) -> EventsComponent:
    return EventsComponent(named_events=named_events, frames=frames)
