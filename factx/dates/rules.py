"""The date rules: one regular expression per form, in order of precedence, each with its handler
(:mod:`factx.dates.absolute`, :mod:`factx.dates.relative`); and the scan of one rule over a whole text.

A new date form is a row of ``RULES`` and a handler; its gate and window, if it has them, are in
:mod:`factx.dates.scan`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from .absolute import (_anniversary, _bare_month, _century, _dateline, _day_of_month, _decade, _full_date,
                       _holiday, _month_rel, _month_year, _numeric, _quarter, _week_of_month, _year_rule)
from .grammar import _compile
from .relative import (_ago, _anaphoric, _clock, _duration, _part_alone, _quarter_rel, _relative_day,
                       _relative_period, _weekday)
from .values import Expr

__all__ = ["RULES"]


RULES: list[tuple[str, Callable[[str, re.Match], Optional[Expr]]]] = [
    (r"""(?<![\w.,/])
        (?:(?P<wd>{WD})(?:\s+{DAYPART})?(?:\s*,\s*|\s+)(?:(?:tanggal|tgl\.?)\s+)?|(?:tanggal|tgl\.?)\s+)?
        (?P<d1>\d{{1,2}})(?:\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?P<d2>\d{{1,2}}))?
        \s+(?P<m>{MONTH})
        (?:\s*,?\s*(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}|\s+(?P<rel>{REL_M}))?""", _full_date),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+(?:bulan\s+)?)?(?:bulan\s+)?
        (?P<m1>{MONTH})(?:\s*(?:-|–|—|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?P<m2>{MONTH}))?
        \s*[,']?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}""", _month_year),
    (r"(?<![\w])(?:(?P<part>{PART})\s+)?(?:bulan\s+)?(?P<m>{MONTH_FULL})\s+(?P<rel>{REL_M})", _month_rel),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?:(?P<bulan>bulan)\s+)?(?P<m1>{MONTH_FULL})
        (?:\s*(?:-|–|—|s/d|hingga|sampai(?:\s+dengan)?)\s*(?P<m2>{MONTH_FULL}))?""", _bare_month),
    (r"""(?<![\w$€£¥.,/-])(?:(?P<part>{PART})\s+(?:tahun\s+)?|(?P<tahun>tahun|thn\.?)\s+(?:anggaran\s+)?)?
        (?P<y>\d{{4}})(?:\s*(?:-|–|—|/)\s*(?P<y2>\d{{4}}|\d{{2}}))?(?:\s+(?P<sfx>(?:yang\s+)?(?:lalu|silam)))?
        (?![\w%]|[.,:/]\d|\s*%|\s*-\s*an(?![\w])|\s*-\s*\d)""", _year_rule),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?:(?P<pre>tahun|era|dekade|dasawarsa|periode)\s+)?
        (?P<y>\d{{2,4}})\s*-?\s*an(?![\w])""", _decade),
    (r"""(?<![\w])(?:(?P<wd>{WD})(?:\s*[-–]\s*{WD})?
        (?:\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|ini|depan)|lalu|kemarin|depan|mendatang|ini|nanti)(?![\w]))?
        (?:\s+{DAYPART})?\s*,?\s*)?
        \(\s*(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s*/\s*(?P<m>\d{{1,2}})
        (?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)(?:\s+{DAYPART})?
        (?:\s+(?P<rel2>(?:yang\s+)?lalu|kemarin|mendatang|nanti|ini|yang\s+akan\s+datang)(?![\w]))?""", _dateline),
    (r"""(?<![\w/.,-])(?:(?P<d>\d{{1,2}})(?P<s>[/.-])(?P<m>\d{{1,2}})(?P=s)(?P<y>\d{{4}})
        |(?P<Y>\d{{4}})-(?P<M>\d{{2}})-(?P<D>\d{{2}}))(?![\w/]|[.,-]\d)""", _numeric),
    (r"""(?<![\w])(?:(?P<hari>hari)\s+)?(?P<wd>{WD})(?:\s+(?P<dp>{DAYPART}))?
        (?:\s+(?P<rel>(?:pekan|minggu)\s+(?:lalu|ini|depan)|lalu|kemarin|depan|mendatang|ini|nanti)(?![\w]))?""",
     _weekday),
    (r"""(?<![\w])(?P<w>hari\s+ini|kemarin\s+lusa|besok\s+lusa|kemarin|besok|esok\s+hari|esok|lusa|tadi)(?![\w])
        (?:\s+(?P<dp>{DAYPART}))?""", _relative_day),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?P<u>tahun|bulan|pekan|minggu|hari)\s+
        (?P<rel>ini|lalu|kemarin|depan|mendatang|yang\s+lalu|yang\s+akan\s+datang)(?![\w])""", _relative_period),
    (r"""(?<![\w])(?P<part>{PART})\s+(?P<u>tahun|bulan|pekan|minggu)(?![\w-])""", _part_alone),
    (r"""(?<![\w.,])(?:(?P<n>{VAGUE}|{NUM})\s+(?P<u>{UNITS})|(?P<se>{SE}))
        \s+(?:(?:yang\s+)?(?P<past>lalu|silam)|(?P<fut>lagi))(?![\w])""", _ago),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?
        (?:(?P<q>{QUARTER})\s*(?:ke-?\s*)?(?P<n>{ORD}|terakhir(?![\w]))|(?P<qk>q|k)(?P<nk>[1-4]))
        (?:\s*[,/-]?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d){YSFX}
        |\s+(?P<rel>tahun\s+(?:ini|lalu|kemarin|depan)|ini|lalu|depan)(?![\w]))?""", _quarter),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?abad\s+(?:ke-?\s*)?(?P<n>\d{{1,2}}|[ivxl]+)(?![\w])""", _century),
    (r"""(?<![\w])(?P<h>{HOLIDAY})(?:\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d)
        |\s+(?P<rel>{REL_M}))?""", _holiday),
    (r"""(?<![\w])(?:hut|hari\s+ulang\s+tahun|dirgahayu)\s+(?:ke-?\s*(?P<n>\d{{1,3}})\s+)?(?P<who>{ANNIV})
        (?:\s+ke-?\s*(?P<n2>\d{{1,3}}))?(?![\w-])""", _anniversary),
    (r"""(?<![\w])(?:hari|pekan|minggu|bulan|kuartal|kwartal|triwulan|semester|tahun)\s+{ANAPHORIC}""", _anaphoric),
    (r"""(?<![\w])(?:tanggal|tgl\.?)\s+(?P<d1>\d{{1,2}})(?:\s*(?:-|–|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*
        (?:(?:tanggal|tgl\.?)\s+)?(?P<d2>\d{{1,2}}))?(?![\w]|[.,/-]\d)
        (?:\s+(?P<rel>(?:yang\s+)?lalu|kemarin|mendatang|nanti|ini|yang\s+akan\s+datang)(?![\w]))?""", _day_of_month),
    (r"""(?<![\w])(?:(?P<part>{PART})\s+)?(?P<q>kuartal|kwartal|triwulan|caturwulan|semester)\s+
        (?P<rel>ini|lalu|kemarin|depan)(?![\w])""", _quarter_rel),
    (r"""(?<![\w])(?:minggu|pekan)\s+(?:ke-?\s*)?(?:{ORD}|terakhir|ke\s+(?:dua|tiga|empat))\s+(?:bulan\s+)?
        (?P<m>{MONTH_FULL})(?:\s*,?\s*(?:tahun\s+)?(?P<y>\d{{4}})(?![\w%]|[.,:]\d))?""", _week_of_month),
    (r"""(?<![\w.,])(?:(?P<pk>pukul|pkl\.?|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?
        |(?P<h0>\d{{1,2}})[.:](?P<mi0>\d{{2}})(?=\s*{TZ}))
        (?:\s*(?:-|–|s/d|s\.d\.?|hingga|sampai(?:\s+dengan)?)\s*(?:(?:pukul|jam)\s+)?(?P<h2>\d{{1,2}})
        (?:[.:](?P<mi2>\d{{2}}))?)?(?![\w]|[.,]\d)(?:\s*(?P<tz>{TZ}))?(?:\s+(?P<dp>{DAYPART}))?""", _clock),
    (r"""(?<![\w.,])(?:(?P<bare>berbulan-bulan|bertahun-tahun|berhari-hari|berjam-jam|berminggu-minggu|
        berpekan-pekan|berabad-abad|berdekade-dekade)(?![\w-])
        |(?:(?P<n>{VAGUE}|{NUM})\s+(?P<u>{UNITS})|(?P<se>{SE}))
        (?:\s+(?:(?P<n2>{NUM})\s+(?P<u2>{UNITS})|(?P<se2>{SE})))?)""", _duration),
]


@lru_cache(maxsize=None)
def _rules() -> list[tuple[re.Pattern, Callable[[str, re.Match], Optional[Expr]]]]:
    return [(_compile(pattern), handler) for pattern, handler in RULES]


# Every rule opens with a one-character negative lookbehind, "(?<![\w.,])": tried at every position of the text it
# costs as much as the rest of the rule. The same rule with that character consumed instead, "[^\w.,]", lets the
# regex engine skip ahead to the characters that can precede a match; _scan reads its matches back as the rule's.
_LEAD = re.compile(r"\(\?<!\[((?:[^\]\\]|\\.)+)\]\)")


@lru_cache(maxsize=None)
def _scanners() -> list[tuple[re.Pattern, Optional[re.Pattern], Callable[[str, re.Match], Optional[Expr]]]]:
    out = []
    for pattern, handler in _rules():
        lead = _LEAD.match(pattern.pattern)
        fast = None
        if lead and not lead.group(1).startswith("^"):
            fast = re.compile("[^" + lead.group(1) + "]" + pattern.pattern[lead.end():], pattern.flags)
        out.append((pattern, fast, handler))
    return out


class _Shifted:
    """A match of a rule's fast form read as the rule's own: group 0 starts after the consumed character."""

    __slots__ = ("_m",)

    def __init__(self, m: re.Match):
        self._m = m

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return (self._m.start() + 1, self._m.end()) if group == 0 else self._m.span(group)

    def start(self, group: int | str = 0) -> int:
        return self._m.start() + 1 if group == 0 else self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)


def _scan(pattern: re.Pattern, fast: Optional[re.Pattern], text: str) -> list:
    """``list(pattern.finditer(text))``, found with ``fast`` (see _scanners) when there is one."""
    if fast is None:
        return list(pattern.finditer(text))
    out: list = []
    first = pattern.match(text, 0)  # the only place with no character before it
    if first is not None:
        if first.end() == first.start():
            return list(pattern.finditer(text))
        out.append(first)
    pos = first.end() if first is not None else 0
    while True:
        # the character before the next match may be the last one of the previous match
        m = fast.search(text, pos - 1 if pos else 0)
        if m is None:
            return out
        if m.end() == m.start() + 1:  # an empty match: finditer's own rules for those apply
            return list(pattern.finditer(text))
        out.append(_Shifted(m))
        pos = m.end()
