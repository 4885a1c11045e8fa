"""The speed layer of the date finder: gates (rules that cannot match a text are not scanned over it) and windows
(a rule is scanned only around the words it needs). Neither changes what :func:`factx.dates.find` returns;
``find(text, gates=False, windows=False)`` scans every rule over the whole text, to compare.

This is the one module of factx that reads Python's private regular-expression parser (``re._parser``, called
``sre_parse`` on Python 3.10) to measure each windowed rule (:func:`_measure`). That parser is not a public
interface: should it change, :func:`_windows` leaves the rule unwindowed (the same records, found slower), and
tests/test_dates_scan.py, which measures every windowed rule with :func:`_measure` itself, fails with the error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

try:  # the parser of the re module, to measure rules (_windows)
    from re import _parser as _sre
except ImportError:  # Python 3.10
    import sre_parse as _sre

from ..numbers import number_words
from .absolute import (_anniversary, _bare_month, _century, _dateline, _day_of_month, _decade, _full_date,
                       _holiday, _month_rel, _month_year, _numeric, _week_of_month, _year_rule)
from .relative import (_ago, _anaphoric, _clock, _duration, _part_alone, _quarter_rel, _relative_day,
                       _relative_period, _weekday)
from .rules import RULES, _rules
from .values import Expr, _t

__all__: list[str] = []  # the speed layer has no public names; factx.dates.finder uses it


# --- gates: rules that cannot match a text are not scanned over it -------------------------------------------------

# Scanning a rule costs about as much whether it matches or not, and most rules need a word that most texts lack: a
# holiday, "abad", "tanggal", a month name. find() collects the words of the lower-cased text once (its runs of the
# letters a-z, so "10.00wib" gives "wib" and "jum'at" gives "jum" and "at") and skips a rule whose gate is closed.
# A gate is safe (it never closes for a text the rule matches in) because each of its entries names words that
# every match of the rule holds, outside any optional group, with no letter a-z right before or after them in the
# rule: the rule puts \s, a digit, punctuation, the text's ends or a look-around such as (?<![\w]) or (?![\w])
# there, so each run of letters of the word is a whole run of letters of the text. The words come from the word
# tables the rule is built from ({MONTH} from "months" and "month_abbreviations", ...; "relative_days" and
# "period_parts" are the tables the handlers of those rules look their words up in, so every word their rules
# match is in them) or are the rule's own literal words. tests/test_dates_scan.py checks each gate against
# matches of its rule; find(text, gates=False) scans every rule, to compare.
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Gate:
    """What a text must hold for a rule to match in it: for each entry of ``needs``, one of its phrases (every run of
    letters of the phrase a word of the text); and each character of ``chars``."""

    needs: tuple[tuple[str, ...], ...] = ()
    chars: str = ""

    def compiled(self) -> tuple[tuple[tuple[frozenset, tuple[frozenset, ...]], ...], str]:
        """``needs`` as (one-word phrases, the words of each longer phrase) per entry, as _open reads them."""
        needs = []
        for phrases in self.needs:
            runs = [frozenset(_LETTERS.findall(phrase.lower())) for phrase in phrases]
            if any(not words for words in runs):  # a phrase with no letters: nothing to test on the words
                continue
            needs.append((frozenset(w for words in runs if len(words) == 1 for w in words),
                          tuple(words for words in runs if len(words) > 1)))
        return tuple(needs), self.chars


@lru_cache(maxsize=None)
def _gate_table() -> dict[Callable[[str, re.Match], Optional[Expr]], _Gate]:
    """The gate of each gated rule, by handler. The rules left out need only digits or words nearly every text has
    (_year_rule, _numeric, _relative_period's "tahun", _duration's units), or a word that may run on into the next
    one (_quarter: "kuartalII", "Q3")."""
    t = _t()
    months = tuple(t["months"])
    any_month = months + tuple(t["month_abbreviations"])
    return {
        _full_date: _Gate(needs=(any_month,)),  # \s+{MONTH}
        _month_year: _Gate(needs=(any_month,)),  # (?<![\w]) or \s+, then {MONTH}
        _month_rel: _Gate(needs=(months,)),  # {MONTH_FULL}
        _bare_month: _Gate(needs=(months,)),  # {MONTH_FULL}
        _decade: _Gate(needs=(("an",),)),  # digits, \s or "-", then an(?![\w])
        _dateline: _Gate(chars="(/)"),  # \( d / m ... \)
        _weekday: _Gate(needs=(tuple(t["weekdays"]),)),  # {WD}
        _relative_day: _Gate(needs=(tuple(t["relative_days"]),)),  # (?P<w>hari\s+ini|...)(?![\w])
        _part_alone: _Gate(needs=(tuple(t["parts"]),)),  # {PART}\s+
        _ago: _Gate(needs=(("lalu", "silam", "lagi"),)),  # \s+(yang\s+)?(lalu|silam) or \s+lagi, then (?![\w])
        _century: _Gate(needs=(("abad",),)),  # abad\s+
        _holiday: _Gate(needs=(tuple(t["holidays"]),)),  # {HOLIDAY}
        _anniversary: _Gate(needs=(("hut", "hari ulang tahun", "dirgahayu"), tuple(t["anniversaries"]))),  # ...{ANNIV}
        _anaphoric: _Gate(needs=(tuple(t["anaphoric"]),)),  # \s+{ANAPHORIC}
        _day_of_month: _Gate(needs=(("tanggal", "tgl"),)),  # (tanggal|tgl\.?)\s+
        _quarter_rel: _Gate(needs=(tuple(t["period_parts"]),)),  # (?P<q>kuartal|...)\s+
        _week_of_month: _Gate(needs=(("minggu", "pekan"), months)),  # (minggu|pekan)\s+ ... {MONTH_FULL}
        _clock: _Gate(needs=(("pukul", "pkl", "jam") + tuple(t["time_zones"]),)),  # (pukul|pkl\.?|jam)\s+ or {TZ}
    }


@lru_cache(maxsize=None)
def _gates() -> list[Optional[tuple]]:
    """The compiled gate of each rule of RULES, in order (None: always scanned)."""
    table = _gate_table()
    return [table[handler].compiled() if handler in table else None for _, handler in RULES]


def _open(gate: Optional[tuple], words: frozenset, lower: str) -> bool:
    """Whether a text with these ``words`` (and lower-cased text) may hold a match of the rule with ``gate``."""
    if gate is None:
        return True
    needs, chars = gate
    for single, longer in needs:
        if single.isdisjoint(words) and not any(phrase <= words for phrase in longer):
            return False
    return all(c in lower for c in chars)


# --- windows: rules scanned only around the words they need -------------------------------------------------------

# Most texts open the gates of the month, year and weekday rules, and a rule scanned over a whole text costs about
# as much as when it finds nothing. Each rule of _anchor_table has an anchor: a named group that every match holds
# outside any optional part and that starts where the text holds a word of a short list (a month name, a weekday,
# ...; the words of the text, as the gates read them, tell which of them to look for with str.find) or a run of
# four digits (one finditer per text). find() scans such a rule only from the starts a match around an anchor can
# have. That gives exactly the matches of the whole-text scan, because:
# - Apart from \s, each element of these rules matches one character and every other repeat is bounded, so an
#   attempt at p consumes or looks ahead at no more than N characters that are not whitespace, N being _width of
#   the rule (lookaheads counted as if consumed): it reads nothing past the (N+1)-th non-space character from p.
#   And a match starts at most B non-space characters before its anchor (B: _lead, the width of what precedes it).
# - So every match starts in a window [S, L] from after the (B+1)-th non-space character before an anchor to the
#   anchor; pattern.search(text, pos, E), which sees the text before pos as a whole-text scan does (lookbehinds)
#   but ends the text at E, gives at each start up to L the whole-text match when E is past the (N+1)-th
#   non-space character from L.
# - A whole-text scan takes the leftmost match from where the last one ended; no match starts between windows, so
#   searching the windows in order, each from the end of the last match found, gives the same matches.
# A rule with an unbounded part besides \s ({NUM} in _ago and _duration) has no such window (they have windows
# counted in words, _RunWindow below), nor one with a word that may run on into the next (_quarter).
# tests/test_dates_scan.py checks the anchors and windows against every start where the rules match in its texts;
# find(text, windows=False) scans whole texts, to compare.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # finds the start of every run of four or more digits


@dataclass(frozen=True)
class _Anchor:
    """Where a rule's anchor group can start: at one of ``words``, each of whose runs of letters is a word of the
    text (as for a gate), or at the start of a run of digits (``digits``)."""

    words: tuple[str, ...] = ()
    digits: bool = False

    def starts(self, lower: str, words: frozenset) -> list[int]:
        """The places in the lower-cased text where the anchor may start, in order."""
        if self.digits:
            return [m.start() for m in _FOUR_DIGITS.finditer(lower)]
        out = []
        for word, runs in _runs(self.words):
            if runs <= words:
                at = lower.find(word)
                while at >= 0:
                    out.append(at)
                    at = lower.find(word, at + 1)
        return sorted(set(out))


@lru_cache(maxsize=None)
def _runs(words: tuple[str, ...]) -> tuple[tuple[str, frozenset], ...]:
    return tuple((word, frozenset(_LETTERS.findall(word))) for word in words)


@lru_cache(maxsize=None)
def _anchor_table() -> dict[Callable[[str, re.Match], Optional[Expr]], tuple[_Anchor, tuple[str, ...]]]:
    """The anchor of each windowed rule, by handler: where it starts and the group(s) that hold it. Each group is
    preceded in its rule by \\s or a lookbehind that rules out a letter (a digit, for digits) and followed by \\s, a
    dot or a lookahead that rules out a letter, so its words are whole words of the text."""
    t = _t()
    months = _Anchor(words=tuple(t["months"]))
    any_month = _Anchor(words=tuple(t["months"]) + tuple(t["month_abbreviations"]))
    digits = _Anchor(digits=True)
    return {
        _full_date: (any_month, ("m",)),  # \s+(?P<m>{MONTH})
        _month_year: (any_month, ("m1",)),  # (?P<m1>{MONTH})
        _month_rel: (months, ("m",)),  # (?P<m>{MONTH_FULL})
        _bare_month: (months, ("m1",)),  # (?P<m1>{MONTH_FULL})
        _year_rule: (digits, ("y",)),  # (?P<y>\d{4}) after \s or (?<![\w...])
        _numeric: (digits, ("y", "Y")),  # (?P=s)(?P<y>\d{4}) or (?<![\w...])(?P<Y>\d{4})
        _weekday: (_Anchor(words=tuple(t["weekdays"])), ("wd",)),  # (?P<wd>{WD})
        _relative_period: (_Anchor(words=("tahun", "bulan", "pekan", "minggu", "hari")), ("u",)),
        _part_alone: (_Anchor(words=tuple(t["parts"])), ("part",)),  # (?P<part>{PART})\s+
        _relative_day: (_Anchor(words=("hari", "kemarin", "besok", "esok", "lusa", "tadi")), ("w",)),  # hari\s+ini|...
        _holiday: (_Anchor(words=tuple(t["holidays"])), ("h",)),  # (?P<h>{HOLIDAY})
        _quarter_rel: (_Anchor(words=tuple(t["period_parts"])), ("q",)),  # (?P<q>kuartal|...)\s+
    }


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))
_SPACE = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def _width(items: list, groups: dict) -> float:
    """The most characters other than whitespace that matching the parsed ``items`` consumes or looks ahead at
    (``inf`` when unbounded): one per element, none for \\s and its repeats, a lookbehind none (it reads backwards).
    ``groups`` collects the width of each group, for its back-references."""
    total = 0.0
    for op, av in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.AT):
            width = 1.0
        elif op is _sre.IN:
            width = 0.0 if av == _SPACE else 1.0
        elif op is _sre.SUBPATTERN:
            width = _width(av[-1], groups)
            groups[av[0]] = width
        elif op is _sre.BRANCH:
            width = max(_width(branch, groups) for branch in av[1])
        elif op in _REPEATS:
            inner = _width(av[2], groups)
            width = 0.0 if inner == 0 else (float("inf") if av[1] is _sre.MAXREPEAT else av[1] * inner)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            width = _width(av[1], groups) if av[0] == 1 else 0.0
        elif op is _sre.GROUPREF:
            width = groups.get(av, float("inf"))
        else:
            width = float("inf")  # anything else: no window
        total += width
    return total


def _lead(items: list, anchors: frozenset, groups: dict) -> Optional[float]:
    """The most non-space characters matched before the first of the groups ``anchors`` (by number) when every
    match of ``items`` holds one outside optional parts, else None."""
    before = 0.0
    for op, av in items:
        if op is _sre.SUBPATTERN and av[0] in anchors:
            return before
        inner = None
        if op is _sre.SUBPATTERN:
            inner = _lead(av[-1], anchors, groups)
        elif op is _sre.BRANCH:
            leads = [_lead(branch, anchors, groups) for branch in av[1]]
            inner = None if None in leads else max(leads)
        elif op in _REPEATS and av[0] >= 1:
            inner = _lead(av[2], anchors, groups)
        if inner is not None:
            return before + inner
        before += _width([(op, av)], groups)
    return None


def _measure(pattern: re.Pattern, names: tuple[str, ...]) -> tuple[Optional[float], float]:
    """B and N (see above) of a rule whose anchor is the groups ``names``, read from the rule's parse tree."""
    tree = list(_sre.parse(pattern.pattern, pattern.flags))
    return _lead(tree, frozenset(pattern.groupindex[name] for name in names), {}), _width(tree, {})


@lru_cache(maxsize=None)
def _windows() -> list[Optional[tuple[_Anchor, int, int]]]:
    """For each rule of RULES, in order: its anchor, B and N (see above), or None (scanned whole)."""
    table = _anchor_table()
    out = []
    for pattern, handler in _rules():
        if handler not in table:
            out.append(None)
            continue
        anchor, names = table[handler]
        try:
            lead, reach = _measure(pattern, names)
        except Exception:  # the re module's parser is not a public interface: if it changes, scan whole texts
            lead, reach = None, float("inf")
        bounded = lead is not None and reach != float("inf")  # else (a rule edited so) scanned whole; a test fails
        out.append((anchor, int(lead), int(reach)) if bounded else None)
    return out


@lru_cache(maxsize=None)
def _non_space(n: int) -> re.Pattern:
    """``n`` characters other than whitespace, with any whitespace before each."""
    return re.compile(rf"(?:\s*\S){{{n}}}")


def _spans(starts: list[int], lower: str, backwards: str, lead: int, reach: int) -> list[tuple[int, int, int]]:
    """The windows (S, L, E) of a rule with these anchor ``starts``: matches may start in S..L; search up to E.
    ``backwards`` is ``lower`` reversed, to count non-space characters back from an anchor."""
    back, ahead = _non_space(lead + 1), _non_space(reach + 1)
    n = len(lower)
    out: list[list[int]] = []
    for at in starts:
        m = back.match(backwards, n - at)  # the (lead+1)-th non-space character before ``at`` is lower[n - m.end()]
        first = n - m.end() + 1 if m else 0
        m = ahead.match(lower, at)
        _add_window(out, first, at, m.end() if m else n)
    return [tuple(span) for span in out]


def _add_window(out: list[list[int]], first: int, at: int, end: int) -> None:
    """Append the window (``first``, ``at``, ``end``) of the next anchor to ``out``, or widen the last window when the
    two overlap or touch: one search covers both."""
    if out and first <= out[-1][2]:
        out[-1][1:] = [at, max(end, out[-1][2])]
    else:
        out.append([first, at, end])


def _scan_windows(pattern: re.Pattern, text: str, spans: list[tuple[int, int, int]]) -> list[re.Match]:
    """``list(pattern.finditer(text))`` when every match starts in one of ``spans`` (S, L, E) and an attempt at any
    start up to L reads nothing at or past E."""
    out = []
    pos = 0
    for first, last, end in spans:
        pos = max(pos, first)
        while pos <= last:
            m = pattern.search(text, pos, end)
            if m is None or m.start() > last:
                break
            out.append(m)
            pos = m.end()
    return out


# _ago and _duration have no such bound: {NUM} ("dua ratus lima puluh", "1.000.000") runs on before their unit, and
# _duration's second part ("tiga tahun lima bulan") after it. Their windows are counted in words (runs of non-space
# characters) instead. Every match holds a first duration word (a unit after {NUM} or {VAGUE}, an "se-" unit, a
# "ber-" form), its anchor, which has no letter, digit or underscore before it. Before the anchor a match holds only
# {NUM} or {VAGUE} and whitespace, and {NUM} and {VAGUE} stop at the end of a word: every word of the match before
# its anchor's word is a whole number word, vague word or run of digits (a "lead word"), except its first word,
# which may carry a character before the match ("(3 tahun"). So a match starts no earlier than the first word, going
# back from the anchor, that is not a lead word. After the anchor's word an _ago match reads at most two more words
# ("yang lalu") and the character after them; a _duration match a run of lead words, one more word and the
# character after it. tests/test_dates_scan.py checks these windows as it checks the others.
_NON_SPACE = re.compile(r"\S*")
_NEXT_WORD = re.compile(r"\s+(\S+)")  # on the text, the next word; on the reversed text, the previous one
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=None)
def _lead_words() -> frozenset[str]:
    """The words {NUM} and {VAGUE} are made of (lower case)."""
    words = set()
    for phrase in [*number_words(), *_t()["vague_durations"]]:
        words.update(phrase.lower().split())
    return frozenset(words)


def _is_lead(word: str, lead: frozenset[str]) -> bool:
    return word in lead or _DIGITS.fullmatch(word) is not None


@dataclass(frozen=True)
class _RunWindow:
    """The windows of a rule whose matches start a run of lead words before their anchor (see above): ``anchor``
    tells where anchors may start; ``after`` is the number of words a match reads after its anchor's word, or None
    for a run of lead words and one more word."""

    anchor: _Anchor
    after: Optional[int]

    def spans(self, lower: str, backwards: str, starts: list[int]) -> list[tuple[int, int, int]]:
        """The windows (S, L, E) of the rule in the lower-cased text, given the ``starts`` of its anchor there;
        ``backwards`` is the text reversed."""
        lead = _lead_words()
        n = len(lower)
        out: list[list[int]] = []
        for at in starts:
            pos = n - _NON_SPACE.match(backwards, n - at).end()  # the start of the anchor's word
            while True:  # back over lead words; the window starts at the first other word (or the text's start)
                word = _NEXT_WORD.match(backwards, n - pos)
                if word is None:
                    first = 0
                    break
                pos = n - word.end()
                if not _is_lead(word.group(1)[::-1], lead):
                    first = pos
                    break
            end = _NON_SPACE.match(lower, at).end()  # the end of the anchor's word
            for _ in range(self.after if self.after is not None else n):
                word = _NEXT_WORD.match(lower, end)
                if word is None:
                    break
                end = word.end()
                if self.after is None and not _is_lead(word.group(1), lead):
                    break
            _add_window(out, first, at, min(end + 1, n))
        return [tuple(span) for span in out]


@lru_cache(maxsize=None)
def _run_windows() -> dict[Callable[[str, re.Match], Optional[Expr]], _RunWindow]:
    t = _t()
    # units after {NUM} or {VAGUE}, "se-" units, and _duration's "ber-" forms (all in "vague_durations")
    anchor = _Anchor(words=(*t["duration_units"], *t["se_units"], *t["vague_durations"]))
    return {_ago: _RunWindow(anchor, 2), _duration: _RunWindow(anchor, None)}
