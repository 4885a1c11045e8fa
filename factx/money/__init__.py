"""MONEY: monetary amounts in Indonesian text.

:mod:`~factx.money.patterns` builds the currency forms and regexes from ``factx/lang/currencies.json`` and
``money.json``; :mod:`~factx.money.parse` finds and reads amounts (pure functions, text in, :class:`Money` out);
:mod:`~factx.money.component` is the ``factx_money`` spaCy component that puts them on ``doc.ents``.
"""

from .parse import Money, MoneyMatch, find_money, format_amount, parse_money

__all__ = ["Money", "MoneyMatch", "find_money", "format_amount", "parse_money"]
