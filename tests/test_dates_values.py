"""Table-driven tests for the values of dates and durations (factx.dates.values): ISO days, months, years, ranges,
weeks, clock times, days of a month and durations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factx.dates import duration_value
from factx.dates.values import _clock_text, _day, _days_in, _mask_year, _month, _range, _shift_months, _week, _year


@pytest.mark.parametrize(
    "parts,iso",
    [([(10, "tahun")], "P10Y"), ([(18, "bulan")], "P18M"), ([(3, "jam")], "PT3H"),
     ([(1, "tahun"), (2, "hari"), (3, "jam")], "P1Y2DT3H"), ([(2, "dekade")], "P20Y"), ([], None)],
)
def test_duration_value(parts, iso):
    assert duration_value([(Decimal(n), unit) for n, unit in parts]) == iso


@pytest.mark.parametrize(
    "value,iso",
    [
        (_day(2024, 2, 29), "2024-02-29"), (_day(2025, 2, 29), None), (_day(2025, 13, 1), None),
        (_month(2025, 3), "2025-03"), (_month(2025, 0), None), (_month(10000, 1), None),
        (_year(987), "0987"), (_year(0), None),
        (_range("2025-01", "2025-03"), "2025-01/2025-03"), (_range("2025-01", None), None),
        (_week(dt.date(2025, 3, 12)), "2025-W11"), (_week(dt.date(2021, 1, 1)), "2020-W53"),
        (_shift_months(dt.date(2025, 1, 31), -1), (2024, 12)), (_shift_months(dt.date(2025, 11, 1), 14), (2027, 1)),
        (_clock_text((10, 0, None, None), "2025-12-15"), "2025-12-15T10:00"),
        (_clock_text((9, 30, 11, 5), None), "T09:30/T11:05"),
        (_days_in("2024-02", (29, None)), "2024-02-29"), (_days_in("2023-06", (1, 5)), "2023-06-01/2023-06-05"),
        (_days_in("2025-02", (30, None)), None),
        # unknown years (TIMEX3 "XXXX"): masked from the placeholder year, days of an unknown month
        (_mask_year("2000-08-26"), "XXXX-08-26"), (_mask_year("1999-12-24/2000-01-03"), "XXXX-12-24/XXXX-01-03"),
        (_mask_year("2000-09-25T21:00"), "XXXX-09-25T21:00"), (_mask_year("2000-09/2000"), "XXXX-09/XXXX"),
        (_mask_year("2000"), None), (_mask_year(None), None),
        (_days_in("XXXX-02", (29, None)), "XXXX-02-29"), (_days_in("XXXX-06", (1, 5)), "XXXX-06-01/XXXX-06-05"),
        (_days_in("XXXX-04", (31, None)), None), (_days_in(None, (20, None)), "XXXX-XX-20"),
        (_days_in(None, (3, 7)), "XXXX-XX-03/XXXX-XX-07"),
    ],
)
def test_iso_helpers(value, iso):
    assert value == iso
