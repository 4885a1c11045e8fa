"""Temporary: the number words moved to :mod:`factx.numbers` (issue 13). Only ``factx/normalize/dates.py`` still
imports them from here (``from .numbers import ...``); delete this file when the dates move to ``factx/dates/``."""

from ..numbers import DIGITS_RE, magnitude_words, number_words, parse_digits, parse_number, unit_words

__all__ = ["parse_number", "parse_digits", "number_words", "magnitude_words", "unit_words", "DIGITS_RE"]
