"""factx_events, frames: who did what, when, where, for how much, one frame per kept clause.

Type: the trigger's root in ``lang/event_triggers.json``; light verbs (melakukan, diadakan, memperoleh, ...)
take the type of the nominal or named EVENT they govern; else OTHER. A typed frame is kept when its clause has
a date, an amount, an organisation or a person; an OTHER frame (or a FIGURE, the "weak_types") only when it
has a date or an amount. A relative clause without a date of its own folds into the clause right before it
when that one is a frame; otherwise it is a frame of its own when it has a date or an amount ("347 proyek yang
ditandatangani, senilai $26 miliar"), as an OTHER predicate would: a relative clause is background, not news.
Arguments come from the entities in the clause: ``date`` (and ``Frame.date_span``, its mention) is the DATE
:func:`factx.events.when.choose` picks, points of comparison left out ("dibanding 2006", "periode sama tahun
lalu", "dari ... pada 2006 menjadi ..."), a DATE restated after a comma counting as the second one ("hari ini,
Minggu (13/3)"). A frame with no date, or only a report day or a name's year, takes the better date of the frame
before it in the sentence when it is a coordinated predicate that opens its clause ("..., dan melakukan
verifikasi"), follows a temporal phrase ("Selama kunjungannya ... pada Mei 2024, ia bertemu ..."), or starts right
after the comma that closes a date set off after that frame's trigger (the Kompas "berunjuk rasa, Jumat (26/8),
menolak ..."; such a predicate is kept even without a date or participant of its own), or after the comma that
closes a clause opened by a ``fronting_conjunctions`` word when the date comes before it ("Pada 24 April 2012,
setelah menggantikan Drogba, Torres mencetak gol"); else its own, or None (never from another sentence).
A STATEMENT (a verb of saying) has no date from what was said (:func:`factx.events.when.what_was_said`); one
without a date or an amount makes no clause at all (the sentence is read as if its verb were no predicate), and
the frame right before or after a dated one (relative clauses between left out) that has no DATE in its clause
takes the statement's day ("Harga cabai melonjak, kata X, Senin (7/7)": the report day, as before verbs of saying
made frames) and is kept for it.
``orgs`` are canonical ORG names (``span._.value``), the subject first: the "oleh" agent of a passive, else
the ones before the trigger. A coordinated predicate without a subject shares the previous frame's subject.
A subject that is an anaphor ("perusahaan", "perusahaan itu", "ia") right before the trigger takes the ORG of
the nearest of the three previous sentences that names any, when that sentence names exactly one (and, for
"ia/dia", no person).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from ..records import Frame
from ..spans import doc_text, entity_labels, token_strings
from .clauses import (
    Clause,
    Segment,
    build_clauses,
    clear_value_phrases,
    extend_adjuncts,
    find_predicate,
    fronted_participle,
    predicate_candidates,
    segments,
    temporal_nominal,
    units,
)
from .lexicon import STATEMENT, Lexicon, Words, lexicon
from .when import (
    ADVERBIAL,
    NONE,
    REPORT,
    choose,
    conjoined_date_segments,
    date_only_segments,
    rank,
    reported,
    set_off,
    what_was_said,
    year_only,
)

__all__ = ["Draft", "EntIndex", "draft", "event_frames", "frames_in_unit"]


@dataclass
class Draft:
    clause: Clause
    date: str | None = None
    has_date: bool = False
    date_ent: Span | None = None
    date_rank: int = NONE  # factx.events.when: how good date_ent is
    set_off_after: bool = False  # date_ent is a Kompas date after the trigger: "berunjuk rasa, Jumat (26/8), ..."
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


def draft(doc: Doc, clause: Clause, lex: Lexicon, ents_in: EntIndex, words: Words | None = None,
          label_at: list[str | None] | None = None) -> Draft:
    trigger = clause.head.trigger
    words = words or Words(doc)
    lowers = words.lower
    label_at = label_at if label_at is not None else entity_labels(doc)
    in_name_ext = Span.has_extension("date_in_name")
    out = Draft(clause)
    dates = []
    agents, before, after = [], [], []
    saying = clause.head.kind == STATEMENT
    for seg in clause.segments:
        for ent in ents_in(seg.start, seg.end):
            label = ent.label_
            if saying and label in ("DATE", "MONEY") and what_was_said(clause, seg, ent, lex, words):
                continue  # "X menyebutkan, pada Maret 2007, harga beras turun": what was said, not when
            if label == "DATE":
                out.has_date = True
                if not _baseline(doc, ent, clause, lex, lowers):
                    dates.append((ent, rank(ent, words, label_at, lex, in_name_ext)))
            elif label == "MONEY":
                out.money.append(ent)
            elif label == "LOC":
                _add(out.places, ents_in.text(ent))
            elif label in ("ORG", "PER") and not seg.outsiders:
                by_agent = clause.head.passive and ent.start > 0 and lowers[ent.start - 1] == "oleh"
                target = agents if by_agent else before if ent.end <= trigger.start else after
                target.append(ent)
    dates.sort(key=lambda pair: pair[0].start)  # a date segment moved after a relative clause (build_clauses)
    chosen, out.date_rank = choose(_appositions(dates, words), trigger.start)
    if chosen is not None:
        out.date = ents_in.value(chosen)
        out.date_ent = chosen
        out.set_off_after = out.date_rank == ADVERBIAL and chosen.start > trigger.start and set_off(chosen, words)
    for ent in agents + before + after:
        if ent.label_ == "ORG":
            _add(out.orgs, ents_in.name(ent))
        else:
            _add(out.people, ents_in.name(ent))
    for ent in agents + before:
        if ent.label_ == "ORG":
            _add(out.subject, ents_in.name(ent))
    return out


def _kompas(last: Draft, head: Segment, words: Words) -> bool:
    """'berunjuk rasa, Jumat (26/8), menolak ...': the previous frame's date is set off after its trigger and the
    segment of ``head`` starts right after the comma that closes it (not with a conjunction: "..., Kamis, setelah
    lima hari melakukan ...")."""
    end = last.date_ent.end if last.set_off_after else -1
    return end > 0 and end < len(words.text) and words.text[end] == "," and head.start == end + 1 \
        and head.opener == ","


def _dates_next(last: Draft, head: Segment, words: Words, lex: Lexicon) -> bool:
    """Whether the date of the frame before dates ``head`` too: :func:`_kompas` or :func:`_fronted`."""
    return _kompas(last, head, words) or _fronted(last, head, lex)


def _fronted(last: Draft, head: Segment, lex: Lexicon) -> bool:
    """'Pada 24 April 2012, setelah masuk sebagai pengganti, Torres mencetak gol': the previous frame's date comes
    before the conjunction that opens its clause (``fronting_conjunctions``), and ``head`` follows a comma."""
    opener = last.clause.head.opener
    return last.date_ent is not None and opener in lex.fronting and last.date_ent.end <= last.clause.head.start \
        and head.opener == "," and not head.relative


def _appositions(dates: list[tuple[Span, int]], words: Words) -> list[tuple[Span, int]]:
    """'hari ini, Minggu (13/3)': a DATE restated right after a comma by another; the second stands for both,
    with the better rank of the two (years excepted: 'pada 2003, 2004 dan 2005' is a list)."""
    out = []
    for ent, r in dates:
        if out and out[-1][0].end + 1 == ent.start and words.text[out[-1][0].end] == "," \
                and not year_only(out[-1][0], words) and not year_only(ent, words):
            r = min(r, out.pop()[1])
        out.append((ent, r))
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
    """'..., dan melakukan verifikasi': a predicate after a conjunction or comma with no subject of its own (not
    the inverted '..., kata X', whose subject follows it)."""
    inverted = seg.kind == STATEMENT and lowers[seg.trigger.start] not in lex.statement_verbs
    return (seg.opener in lex.conjunctions or seg.opener == ",") and _opens_clause(lowers, seg, lex) and not inverted


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
        if fronted_participle(doc, segs, index):
            seg.adjunct = seg.outsiders = True
    extend_adjuncts(segs, lex, words.text)
    clear_value_phrases(words.lower, segs, lex)
    heads = [s for s in segs if s.trigger is not None and not s.adjunct]
    dated = date_only_segments(segs, label_at, words, lex, ents_in)
    forward = conjoined_date_segments(segs, label_at, words, lex)
    # Pass 1: which predicates make frames, each with its clause among all predicates of the sentence.
    kept = []
    drafts = [draft(doc, c, lex, ents_in, words, label_at) for c in build_clauses(segs, heads, lex, dated, forward)]
    silent = [d.clause.head for i, d in enumerate(drafts) if d.clause.head.kind == STATEMENT
              and not (d.has_date or d.money or i and _dates_next(drafts[i - 1], d.clause.head, words, lex))]
    if silent:  # no frame, so no clause: "Dua orang tewas, kata X kepada Reuters" is as if "kata" were no predicate
        heads = [h for h in heads if h not in silent]
        drafts = [draft(doc, c, lex, ents_in, words, label_at)
                  for c in build_clauses(segs, heads, lex, dated, forward)]
    previous: Draft | None = None
    for d in drafts:
        head = d.clause.head
        told = _statement(drafts, d) is not None  # "Harga cabai melonjak, kata X, Senin (7/7)": the day it was said
        anaphor = _anaphor(lowers, head, lex) if not d.subject else None
        resolved = _antecedent(ents_in, unit_index, all_units, anaphor in lex.anaphor_pronouns) if anaphor else None
        shared = previous is not None and previous.clause.head in kept and _coordinated(lowers, head, lex) \
            and bool(previous.subject or previous.has_date)
        # "berunjuk rasa, Jumat (26/8), menolak ...": the next predicate takes the Kompas date in pass 2
        kompas = previous is not None and previous.clause.head in kept and d.date_rank >= REPORT \
            and _dates_next(previous, head, words, lex) and not head.relative
        if head.kind in lex.weak or head.relative:
            keep = d.has_date or bool(d.money) or kompas or told
        else:
            keep = d.has_date or bool(d.money or d.orgs or d.people or resolved) or shared or kompas or told
        folds = head.relative and previous is not None and previous.clause.head in kept and d.date_ent is None
        if keep and not folds:
            kept.append(head)
        previous = d
    # Pass 2: clauses among the kept predicates only; arguments, inherited subject and date.
    frames: list[Frame] = []
    last: Draft | None = None
    # every predicate kept (kept is a subset of heads): the clauses are those of pass 1, and so are their drafts
    second = drafts if len(kept) == len(heads) else [draft(doc, c, lex, ents_in, words, label_at)
                                                    for c in build_clauses(segs, kept, lex, dated, forward)]
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
        lends = last is not None and temporal_nominal(lowers, last.clause.head, lex)
        # "berunjuk rasa, Jumat (26/8), menolak ...": a Kompas date also dates the next predicate
        lends = lends or last is not None and _dates_next(last, head, words, lex)
        if (coordinated or lends) and last.date_ent is not None \
                and (d.date_ent is None or REPORT <= d.date_rank and last.date_rank < d.date_rank):
            d.date, d.date_ent, d.has_date, d.date_rank = last.date, last.date_ent, True, last.date_rank
        said = _statement(second, d)
        if said is not None:
            d.date, d.date_ent, d.has_date, d.date_rank = said.date, said.date_ent, True, said.date_rank
        span = _trim(doc, clause.start, clause.end, words)
        frames.append(Frame(event_type=head.kind, trigger=head.trigger, span=span, date=d.date, orgs=d.orgs,
                            people=d.people, places=d.places, money=d.money, date_span=d.date_ent))
        last = d
    return frames


def _statement(drafts: list[Draft], d: Draft) -> Draft | None:
    """The dated STATEMENT frame right after ``d`` in its sentence, else right before it (relative clauses between
    left out), when ``d`` is no statement or relative clause and has no DATE in its clause: what was said takes
    the day it was said (the report day, as it did before verbs of saying made frames)."""
    head = d.clause.head
    if d.has_date or head.kind == STATEMENT or head.relative or d not in drafts:
        return None
    said = []
    for step in (1, -1):  # the next frame that is no relative clause, after and before
        j = drafts.index(d) + step
        while 0 <= j < len(drafts) and drafts[j].clause.head.relative:
            j += step
        if 0 <= j < len(drafts) and drafts[j].clause.head.kind == STATEMENT and drafts[j].date_ent is not None:
            said.append(drafts[j])
    return said[0] if said else None


def _trim(doc: Doc, start: int, end: int, words: Words) -> Span:
    is_punct, is_space, texts = words.is_punct, words.is_space, words.text
    while start < end - 1 and (is_punct[start] or is_space[start]):
        start += 1
    while end > start + 1 and (is_punct[end - 1] or is_space[end - 1]) and texts[end - 1] != ")":
        end -= 1
    return doc[start:end]


def event_frames(doc: Doc, words: Words | None = None, ents: list[Span] | None = None) -> list[Frame]:
    """Event frames of ``doc``, in text order (the rules: this module's docstring and
    :mod:`factx.events.clauses`); ``ents``: the doc's entities when already read."""
    lex = lexicon()
    label_at = entity_labels(doc)
    ents_in = EntIndex(doc, ents)
    words = words or Words(doc)
    all_units = units(doc, words)
    candidates = predicate_candidates(words, label_at, lex)
    frames = []
    for index in range(len(all_units)):
        frames.extend(frames_in_unit(doc, index, all_units, label_at, lex, ents_in, words, candidates))
    return frames
