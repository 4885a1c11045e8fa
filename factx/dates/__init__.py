"""Indonesian date and duration expressions: find them in text and normalise them to ISO 8601.

:func:`find` is the finder: regular expressions built from the word tables in ``factx/lang/dates.json`` (months
with their abbreviations and old spellings, weekdays, relative words, parts of periods, duration units). Each hit
is an :class:`Expr` that knows how to resolve itself once the reference date and the year in context are known.
:func:`resolve` walks the hits of one text in order and gives each its value; :func:`infer_ref_date` picks a
reference date from the text itself (a dateline, else the latest full date). :func:`normalize` runs the three.

Values follow the text's precision: "2023", "2024-03", "2025-12-15", "2025-12-15T10:00"; weeks "2025-W51";
periods and ranges "start/end" ("2025-01/2025-03" for kuartal I 2025, "1990/1999" for 1990-an, "2001/2100" for
abad ke-21); durations "P10Y", "P18M", "PT3H". Parts ("awal", "akhir", ...) and hedges ("sekitar") keep the value
of the whole period and are reported as the qualifier. A bare month ("pada November") or day ("tanggal 20") takes
its year or month from the nearest explicit one before it (sentence, then document), then the reference date.
With none of these, a date whose weekday fits exactly one year next to the years the document writes takes that
year, and any other keeps an unknown year (TIMEX3): "Jumat (26/8)" -> "XXXX-08-26", "Oktober" -> "XXXX-10",
"tanggal 20" -> "XXXX-XX-20". A relative day or month ("31 Agustus mendatang", "Minggu lalu (9/2)", "Oktober
tahun depan", "tanggal 20 mendatang") counts from the reference date only: the next one on or after it, the last
one before it; without one it keeps an unknown year ("XXXX-08-31") unless its weekday pins one. Each DATE says where its year comes from (``Found.year_source``: "text",
"context", "inferred", "reference", or None). Years of law citations and names ("Nomor 12 Tahun 2005",
"UUD 1945", "Golden League 2005") give no year to other dates (``Found.in_name``).
What cannot be resolved has value None: a relative expression with no reference date, a vague duration
("beberapa tahun"), a time relative to another one ("tahun sebelumnya"), a holiday of a lunar calendar.

The modules, in the order data flows through them (each imports only those before it):

- ``values.py``: :class:`Expr`, :class:`Found`, the word tables, ISO days/months/weeks/ranges, :func:`duration_value`
- ``validity.py``: :func:`~factx.dates.validity.is_valid`, the strict check of a DATE or DURATION value
- ``grammar.py``: the named sub-patterns of the rules ({MONTH}, {WD}, {NUM}, ...), qualifiers
- ``resolver.py``: the year of a relative form, :func:`infer_ref_date`, :func:`resolve`
- ``names.py``: :func:`~factx.dates.names.mark_names`, the years that belong to a law citation or a name
- ``absolute.py``, ``relative.py``: the handlers of the rules (calendar forms; relative forms, clock times, durations)
- ``rules.py``: ``RULES``, one regular expression per form with its handler
- ``scan.py``: the speed layer (gates and windows), the only reader of Python's private ``re`` parser
- ``finder.py``: :func:`find` and :func:`normalize`
- ``component.py``: the spaCy component ``factx_dates`` (imported by :mod:`factx.pipeline`, not here, so that
  ``import factx.dates`` needs no spaCy)
"""

from .finder import find, normalize
from .resolver import infer_ref_date, resolve
from .values import YEAR_SOURCES, Expr, Found, duration_value

__all__ = ["Expr", "Found", "YEAR_SOURCES", "find", "resolve", "infer_ref_date", "normalize", "duration_value"]
