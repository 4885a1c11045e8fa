"""Temporary: the money component moved to :mod:`factx.money.component` (issue 13). Only
``tests/test_dates_component.py`` (another helper's) still imports it from here; delete this file then."""

from ..money.component import factx_money

__all__ = ["factx_money"]
