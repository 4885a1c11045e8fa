"""factx_events, when: how good a DATE of a clause is as its frame's date, and which one the frame takes.

Each DATE of a clause (points of comparison left out before, see :mod:`factx.events.frames`) gets a rank, the
lower the better:

- ``ADVERBIAL`` (0): right after a date preposition ("pada Maret 2024", "sejak Agustus 2006"), or set off by
  commas in the Kompas way ("Ribuan perajin berunjuk rasa, Jumat (26/8), menolak ..."; "..., di Jakarta, Selasa
  (22/3/2016).": a comma before it, a comma or the end after it), a bare year excepted;
- ``BARE`` (1): any other ("Jumat (8/7/2011) pagi dan sore, ...", "tayang Rabu (30/3/2016) malam");
- ``REPORT`` (2): the day of the report, not of the event: a dateline, among the first words of a sentence and
  followed by a dash ("Caracas, Rabu - ..."), or a date set off by commas next to a word of saying
  (``speech_words``: "... di Jakarta, Jumat, mengatakan, ...", or back in the sentence with no other verb in
  between: "..., kata Anas kepada wartawan di Gedung DPR, Jakarta, Rabu (18/8).");
- ``IN_NAME`` (3): a year that is part of a name or a law citation: ``span._.date_in_name`` when the dates
  component sets it, else a year ("2005", "Tahun 2005") right after an ORG or EVENT, after a capitalised word
  that does not open the sentence ("Golden League 2005", "UUD 1945", "APBN 2007"), or "Tahun YYYY" right after a
  number that follows a citation word ("Nomor 12 Tahun 2005", "UU No. 31 Tahun 2004"; ``citation_words`` in
  ``lang/event_grammar.json``).

:func:`choose` takes the best rank, and within it the DATE nearest before the trigger, else the first after it.
A frame whose date is a report day or a name's year (or which has none) inherits a better date from the frame
before it when :mod:`factx.events.frames` says it may.

Segments that are only a date go where their date belongs: :func:`date_only_segments` (", Minggu (24/8),"
after a relative clause: to the main predicate before it) and :func:`conjoined_date_segments` ("..., dan pada
1973, Witt pindah ...": to the predicate after it); :func:`factx.events.clauses.build_clauses` uses both.
:func:`what_was_said`: a DATE or amount of a STATEMENT's clause that belongs to what was said, not to the saying.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Sequence

from spacy.tokens import Span

from .clauses import Clause, Segment
from .lexicon import Lexicon, Reading, Words, read_word

__all__ = ["ADVERBIAL", "BARE", "IN_NAME", "NONE", "REPORT", "choose", "conjoined_date_segments", "date_only_segments",
           "in_name", "is_dateline", "rank", "reported", "set_off", "what_was_said", "year_only"]

ADVERBIAL, BARE, REPORT, IN_NAME, NONE = 0, 1, 2, 3, 4
SUBJECT_WORDS = 5  # "..., Selasa, Menteri Keuangan Sri Mulyani mengatakan, ...": words of a subject before it
SAYING_REACH = 30  # how far back a word of saying is looked for before a set-off date
YEAR = re.compile(r"^[12]\d{3}$")
NUMBER = re.compile(r"^[0-9][0-9./-]*$")
NO_READING = Reading(None, None, False, False)
DATELINE_WORDS = 8  # a dateline starts within this many tokens of its sentence


def year_only(ent: Span, words: Words) -> bool:
    """'2005' or 'Tahun 2005': a DATE that is a year and nothing else."""
    lowers = words.lower
    if ent.end - ent.start == 1:
        return bool(YEAR.match(lowers[ent.start]))
    return ent.end - ent.start == 2 and lowers[ent.start] == "tahun" and bool(YEAR.match(lowers[ent.start + 1]))


def _opens_unit(words: Words, k: int) -> bool:
    """Whether token ``k`` opens a sentence or a line."""
    return k == 0 or words.sent_start[k] or (words.is_space[k - 1] and "\n" in words.text[k - 1])


def in_name(ent: Span, words: Words, label_at: list[str | None], lex: Lexicon, in_name_ext: bool = False) -> bool:
    """Whether the DATE ``ent`` is a year inside a name or a law citation (see the module docstring);
    ``in_name_ext``: whether ``span._.date_in_name`` exists and is to be read first."""
    if in_name_ext and ent._.date_in_name:
        return True
    if not year_only(ent, words):
        return False
    p = ent.start - 1
    if p < 0 or _opens_unit(words, ent.start):
        return False
    if label_at[p] in ("ORG", "EVENT"):
        return True
    texts, lowers = words.text, words.lower
    if words.is_alpha[p] and (words.is_title[p] or texts[p].isupper()) and not _opens_unit(words, p) \
            and lowers[p] not in lex.date_prepositions:
        return True
    if lowers[ent.start] == "tahun" and NUMBER.match(texts[p]):
        return any(lowers[j] in lex.citation for j in range(max(0, p - 4), p))
    return False


def is_dateline(ent: Span, words: Words, lex: Lexicon) -> bool:
    """'Caracas, Rabu - ...': a DATE among the first words of its sentence, at its start or after a comma, and
    followed by a dash."""
    if ent.end >= len(words.text) or words.text[ent.end] not in lex.dateline_dashes:
        return False
    k = ent.start
    if not _opens_unit(words, k) and words.text[k - 1] != ",":
        return False
    for j in range(k, max(-1, k - DATELINE_WORDS - 1), -1):
        if _opens_unit(words, j):
            return True
    return False


def set_off(ent: Span, words: Words) -> bool:
    """'..., Jumat (26/8), ...' / '..., Selasa (22/3/2016).': a comma before, a comma or the end after (years
    excepted: '..., 2005, ...' is rather a list)."""
    texts = words.text
    if ent.start == 0 or texts[ent.start - 1] != ",":
        return False
    closed = ent.end >= len(texts) or words.is_space[ent.end] or (words.is_punct[ent.end] and texts[ent.end] != "(")
    return closed and not year_only(ent, words)


def reported(ent: Span, words: Words, lex: Lexicon) -> bool:
    """A set-off DATE next to a word of saying: after its comma and at most a subject ("Jumat, mengatakan, ...",
    "Selasa, Miranda mengatakan, ..."), or back in the
    same sentence with no other verb in between but a relative one ("..., kata Burhanuddin usai pidato, di Gedung
    DPR, Jakarta, Kamis.", "..., kata X dalam siaran pers yang diterima ANTARA, Jumat.")."""
    texts, lowers = words.text, words.lower
    if ent.end + 1 < len(texts) and texts[ent.end] == ",":
        for j in range(ent.end + 1, min(len(texts), ent.end + 1 + SUBJECT_WORDS)):
            if lowers[j] in lex.speech:
                return True
            if texts[j] in lex.punct or _opens_unit(words, j) or (read_word(lowers[j]) or NO_READING).verbal:
                break
    for j in range(ent.start - 2, max(-1, ent.start - 2 - SAYING_REACH), -1):
        word = lowers[j]
        if word in lex.speech:
            return True
        if texts[j] in lex.hard_punct and texts[j] != "," or _opens_unit(words, j):
            break
        if words.is_alpha[j] and not words.is_title[j] and not (j > 0 and lowers[j - 1] in lex.relative):
            reading = read_word(word)  # a verb stops the search, unless a relative one ("yang diterima ANTARA")
            if reading is not None and reading.verbal:
                break
    return False


def rank(ent: Span, words: Words, label_at: list[str | None], lex: Lexicon, in_name_ext: bool = False) -> int:
    """The rank of the DATE ``ent`` as a frame's date (lower is better; the module docstring)."""
    if in_name(ent, words, label_at, lex, in_name_ext):
        return IN_NAME
    if is_dateline(ent, words, lex):
        return REPORT
    if set_off(ent, words):
        return REPORT if reported(ent, words, lex) else ADVERBIAL
    if ent.start > 0 and words.lower[ent.start - 1] in lex.date_prepositions:
        return ADVERBIAL
    return BARE


def choose(dates: list[tuple[Span, int]], trigger_start: int) -> tuple[Span | None, int]:
    """The frame's date among ``(DATE, rank)`` pairs in text order: the best rank, then the nearest before the
    trigger, else the first after it. ``(None, NONE)`` when there are none."""
    if not dates:
        return None, NONE
    best = min(r for _, r in dates)
    ents = [e for e, r in dates if r == best]
    before = [e for e in ents if e.end <= trigger_start]
    return (before[-1] if before else ents[0]), best


def date_only_segments(segs: list[Segment], label_at: list[str | None], words: Words, lex: Lexicon,
                       ents_in: Callable[[int, int], Sequence[Span]]) -> set[int]:
    """Ids of the segments that are a DATE set off by a comma and nothing else but ``date_trailers`` (", Minggu
    (24/8),", ", Kamis (7/4/2016) dini hari WIB."), not a report day ("..., kata X di Jakarta, Rabu")."""
    out = set()
    for seg in segs:
        if seg.opener != "," or seg.trigger is not None:
            continue
        inside = [k for k in range(seg.start, seg.end) if not (words.is_punct[k] or words.is_space[k])]
        if inside and label_at[inside[0]] == "DATE" \
                and all(label_at[k] == "DATE" or words.lower[k] in lex.date_trailers for k in inside) \
                and not any(e.label_ == "DATE" and reported(e, words, lex) for e in ents_in(seg.start, seg.end)):
            out.add(id(seg))
    return out


def conjoined_date_segments(segs: list[Segment], label_at: list[str | None], words: Words, lex: Lexicon) -> set[int]:
    """Ids of the segments that are a coordinator ("dan") and a date and nothing else, before a comma and a
    predicate ("..., dan pada 1973, Witt pindah ke Eropa"): the date of the predicate that follows."""
    out = set()
    for seg, nxt in zip(segs, segs[1:]):
        if seg.trigger is not None or seg.opener not in lex.coordinators or nxt.opener != "," or nxt.trigger is None:
            continue
        inside = [k for k in range(seg.start + 1, seg.end) if not (words.is_punct[k] or words.is_space[k])]
        if any(label_at[k] == "DATE" for k in inside) and all(
                label_at[k] == "DATE" or words.lower[k] in lex.date_prepositions or words.lower[k] in lex.date_trailers
                for k in inside):
            out.add(id(seg))
    return out


def what_was_said(clause: Clause, seg: Segment, ent: Span, lex: Lexicon, words: Words) -> bool:
    """Whether a DATE or amount of a STATEMENT's clause is part of what was said, not of the saying: before an
    inverted "kata X" ("Tertinggi sejak krisis 1998, kata -nya") or after its segment but for a day set off there
    (", kata dia, pada April 2006 X ..." is said, "kata X di Jakarta, Senin." is not), or after an active verb of
    saying that ends its segment ("Ia menyatakan, program itu efektif pada 2009"), but for a DATE right after the
    verb ("mengatakan Senin, bahwa ...", "mengatakan pada Senin"), a report day set off after it ("mengatakan,
    Sabtu, ...") or a day set off at the end ("menyatakan partainya tak akan sakit hati, Selasa (7/10/2014)."); or
    in the subject of a passive one ("Penetapan APBN tahun 2008 diungkapkan Menkeu ..."; "Disebutkan, ..." and
    "dinyatakan bahwa ..." have no subject nor agent and are read as active ones)."""
    head = clause.head
    lowers = words.lower
    if lowers[head.trigger.start] not in lex.statement_verbs:  # "..., kata dia, pada April 2006 X dan Y ..."
        return seg.end <= head.start or seg.start >= head.end and (ent.label_ == "MONEY" or not set_off(ent, words))
    texts, k = words.text, head.end + (head.end < len(lowers) and lowers[head.end] in ("-nya", "nya"))
    impersonal = k < len(texts) and (texts[k] == "," or lowers[k] == "bahwa")  # "Disebutkan, ...", "dinyatakan bahwa"
    if head.passive and not impersonal:  # "Penetapan APBN tahun 2008 diungkapkan Menkeu di Jakarta, Rabu."
        return seg is head and ent.start < head.trigger.start  # its subject was said, its agent and day are not
    if ent.start < head.end:
        return False
    if ent.label_ == "MONEY":
        return True
    if ent.start == head.end or ent.start == head.end + 1 and lowers[head.end] == "pada":
        return False
    return not (set_off(ent, words) and (reported(ent, words, lex) or seg is clause.segments[-1]))
