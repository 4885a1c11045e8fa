"""factx_events, clauses: a sentence cut into segments, each segment's predicate, and segments joined into clauses.

A sentence (``doc.sents``, cut again at line breaks so headlines stand alone) is cut into segments at the
punctuation and conjunctions of ``lang/event_grammar.json``, at relative "yang", at "untuk/agar/dengan/...
+ verb" (never inside an entity; "untuk kemudian" opens a clause, not a purpose adjunct) and right after a verb
of saying ("X mengatakan | laba naik ...": what was said is a segment of its own). A segment's predicate is its
first typed trigger, else its first verb of saying (STATEMENT), else its first other verb (me-/ber-/di-/ter-
forms and a few bare verbs), unless negated ("tidak", "belum", ...; a negating verb such as "gagal" is then the
predicate itself, an OTHER); a nominal trigger ("kunjungan", "ekspor") counts only at the start of its segment,
not as a modifier ("standar sertifikasi") nor at the start of what was said.

Segments without a frame of their own join a clause: those before the sentence's first frame join the first frame
(the subject and fronted dates: "Pada Maret 2024, A, B dan C bergandengan tangan"), later ones join the frame
before them, unless a clause conjunction opens them ("..., sedangkan pada Jumat, menurut X, cadangan turun"):
then they join the frame that follows.

A phrase giving a value (", dengan nilai ... yang diekspor ... mencapai $10,8 juta") holds no frame up to the
next punctuation. A relative clause ("yang ...") is a segment of its own; :mod:`factx.events.frames` decides
whether it folds into the clause before it.
Adjuncts are no frames: purpose/manner phrases ("untuk mengekspor", "dengan mengandalkan X"), running on to the
next comma, and a fronted passive participle ("Difasilitasi oleh X, A dan B ..."); they lend the clause their
dates, amounts and places, and a purpose phrase its organisations and people too ("berencana untuk membeli PT
Y"), but a manner phrase or a participle does not (instruments and facilitators are not participants).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..spans import sentence_bounds
from .lexicon import OTHER, STATEMENT, Lexicon, Reading, Words, read_word, root_candidates

__all__ = [
    "Clause", "Segment", "build_clauses", "clear_value_phrases", "extend_adjuncts", "find_predicate",
    "fronted_participle", "predicate_candidates", "segments", "temporal_nominal", "units",
]


@dataclass
class Segment:
    start: int
    end: int
    opener: str = ""
    adjunct: bool = False
    outsiders: bool = False  # an adjunct whose organisations and people are not participants
    relative: bool = False
    said: bool = False  # what follows a verb of saying ("X mengatakan | kehadiran BMI diharapkan ...")
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
        elif word in lex.statement_verbs:
            cut = Segment(c + 1, c + 1, "", said=True)  # "X mengatakan laba naik ...": what was said, apart
            c += 1
        elif word in lex.conjunctions or word in lex.relative:
            cut = Segment(c, c + 1, word, relative=word in lex.relative)
        elif word in lex.irrealis and c + 1 < end and lowers[c + 1] in lex.sequence_adverbs:
            cut = Segment(c, c + 1, word)  # "keluar untuk kemudian ditemukan tewas": a clause, not a purpose
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
    """Set the segment's trigger and type: the first typed predicate, else the first verb of saying (a STATEMENT:
    "kata X usai bertemu Presiden" is a MEETING), else the first other verb. ``candidates``:
    :func:`predicate_candidates` of the doc, when already known."""
    first_other = statement = None
    words = words or Words(doc)
    lowers, is_title, sent_start = words.lower, words.is_title, words.sent_start
    if candidates is None:
        candidates = predicate_candidates(words, label_at, lex)
    for k in candidates[bisect_left(candidates, seg.start):bisect_left(candidates, seg.end)]:
        word = lowers[k]
        if is_title[k] and k != seg.start and not sent_start[k]:
            continue
        if k + 1 < seg.end and (word, lowers[k + 1]) in lex.pairs:
            if _negator(lowers, seg, k, lex) < 0:
                _set(doc, seg, k, k + 2, lex.pairs[(word, lowers[k + 1])], passive=False)
                return
        reading = read_word(word)
        if reading is None:
            continue
        negator = _negator(lowers, seg, k, lex)
        if negator >= 0:
            if reading.verbal:
                if statement is not None:
                    _set(doc, seg, statement[0], statement[0] + 1, STATEMENT, statement[1])
                elif first_other is None and lowers[negator] in lex.negating_verbs:
                    _set(doc, seg, negator, negator + 1, OTHER, False)  # "PSG gagal memenangi ...": failing happened
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
            if not (reading.verbal or not seg.said and _segment_initial(words, seg, k, lex)):
                continue
            if reading.kind != STATEMENT:
                _set(doc, seg, k, k + 1, reading.kind, reading.passive)
                return
            if statement is None:
                statement = (k, reading.passive)
        elif first_other is None:
            first_other = (k, reading.passive)
    if statement is not None:
        _set(doc, seg, statement[0], statement[0] + 1, STATEMENT, statement[1])
    elif first_other is not None:
        _set(doc, seg, first_other[0], first_other[0] + 1, OTHER, first_other[1])


def temporal_nominal(lowers: list[str], seg: Segment, lex: Lexicon) -> bool:
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


def _negator(lowers: list[str], seg: Segment, k: int, lex: Lexicon) -> int:
    """Where the word that negates position ``k`` is ("tidak", "belum", "gagal", adverbs between), else -1."""
    j = k - 1
    while j >= seg.start and lowers[j] in lex.adverbs:
        j -= 1
    return j if j >= seg.start and lowers[j] in lex.negation else -1


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


def fronted_participle(doc: Doc, segs: list[Segment], index: int) -> bool:
    """'Difasilitasi oleh X, A dan B ...': a di- verb opening a comma phrase before any frame of the sentence."""
    seg = segs[index]
    if seg.trigger is None or not seg.passive or seg.trigger.start != seg.start:
        return False
    if any(s.trigger is not None and not s.adjunct for s in segs[:index]):
        return False
    nxt = segs[index + 1] if index + 1 < len(segs) else None
    return nxt is not None and nxt.opener == "," and any(s.trigger is not None for s in segs[index + 1:])


def extend_adjuncts(segs: list[Segment], lex: Lexicon, texts: list[str] | None = None) -> None:
    """'dengan mengandalkan A dan “B”, C ...': an adjunct runs on to the next comma (or other hard mark, also one
    that opened an empty segment: '..., untuk mempelajari kasus itu, " kata Luhut'; ``texts``: the doc's tokens)."""
    for previous, seg in zip(segs, segs[1:]):
        hard = seg.opener in lex.hard_punct or texts is not None and any(
            texts[j] in lex.hard_punct for j in range(previous.end, seg.start))
        if previous.adjunct and not hard:
            seg.adjunct, seg.outsiders, seg.trigger = True, previous.outsiders, None


def clear_value_phrases(lowers: list[str], segs: list[Segment], lex: Lexicon) -> None:
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


def _verbal_head(seg: Segment) -> bool:
    """Whether the segment's predicate is a verb (or a light verb with its nominal), not a nominal trigger."""
    reading = read_word(seg.trigger[0].lower_)
    return seg.verb < seg.trigger.start or (reading is not None and reading.verbal)


def _next_predicate_relative(segs: list[Segment], index: int) -> bool:
    """Whether the next predicate after ``segs[index]`` (a frame or not) is a relative clause."""
    return next((s.relative for s in segs[index + 1:] if s.trigger is not None and not s.adjunct), False)


def build_clauses(segs: list[Segment], heads: list[Segment], lex: Lexicon,
                  dated: set[int] | frozenset[int] = frozenset(),
                  forward: set[int] | frozenset[int] = frozenset()) -> list[Clause]:
    """Attach every segment to a head: before the first head to the first, else to the head before it, except
    that a clause conjunction ("sedangkan pada Jumat, ...") carries what follows it to the next head, and that a
    date set off by a comma after a relative clause ("menghantam sektor Golan yang dikuasai Israel, Minggu
    (24/8), ...": ``dated``, ids of such segments) goes to the main predicate before that relative clause when
    that one is a verb ("Laporan keuangan ... yang dipublikasikan di Jakarta, Kamis": the relative's date), and
    that a conjunction with only a date ("..., dan pada 1973, Witt pindah ...": ``forward``, ids of such segments)
    goes to the next head, unless that one is a STATEMENT ("..., karena ... pada 1997, kata X"), and so does the
    start of what was said after a verb of saying that is a head ("PT Timah, Selasa, menyatakan | dalam tiga bulan
    per Maret 2007, meraih laba ..."; not to a relative clause: "mengakui | materi yang diajukan oleh Chongqing")."""
    if not heads:
        return []
    clauses = {id(h): Clause(h) for h in heads}
    current = clauses[id(heads[0])]
    main = None  # the clause of the last head that is no relative clause
    last_head = max(segs.index(h) for h in heads)
    pending: list[Segment] = []
    for index, seg in enumerate(segs):
        if id(seg) in clauses:
            if pending and seg.kind == STATEMENT and current.segments:
                current.segments.extend(pending)  # "..., karena ... pada 1997, kata X": not what the saying holds
                pending = []
            current = clauses[id(seg)]
            current.segments.extend(pending)
            pending = []
            current.segments.append(seg)
            if not seg.relative:
                main = current
        elif pending or (index < last_head and current.segments and (
                seg.said and id(segs[index - 1]) in clauses and not _next_predicate_relative(segs, index)
                or seg.opener in lex.conjunctions and (seg.opener not in lex.backward or id(seg) in forward))):
            pending.append(seg)
        elif id(seg) in dated and current.head.relative and main is not None and _verbal_head(main.head):
            main.segments.append(seg)
        else:
            current.segments.append(seg)
    return [clauses[id(h)] for h in heads]
