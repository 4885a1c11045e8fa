"""Custom attributes factx puts on spaCy objects.

Span (on entities in ``doc.ents``):
    ``span._.value``       normalised value as a string (ISO date, ISO duration, canonical ORG name, amount) or None
    ``span._.amount``      MONEY: Decimal amount (low end of a range)
    ``span._.amount_max``  MONEY: Decimal high end of a range, else None
    ``span._.currency``    MONEY: ISO 4217 code
    ``span._.unit``        MONEY: per-unit ("liter", "dolar AS") when the amount is a price, else None
    ``span._.qualifier``   MONEY/DATE: hedge words kept as context ("sekitar", "lebih dari", ...), else None
    ``span._.year_source`` DATE: where the value's year comes from: "text" (written in the mention), "context" (an
                           explicit year before it in the document), "inferred" (its weekday fits one year next
                           to the years the document mentions), "reference" (the reference date); None when the
                           value has no year ("XXXX-08-26") or there is no value
    ``span._.date_in_name`` DATE: True for a year that belongs to a name (a law citation "Nomor 12 Tahun 2005",
                           "UUD 1945", "Golden League 2005"): it gives no year to other dates; else False/None

Doc:
    ``doc._.ref_date``         datetime.date used to resolve relative expressions, or None
    ``doc._.ref_date_source``  where it came from: "option", "field", "dateline", "latest-date", or None
    ``doc._.events``           list of :class:`factx.records.Frame` found by the events component, or None
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["SPAN_ATTRS", "DOC_ATTRS", "register"]

SPAN_ATTRS = ("value", "amount", "amount_max", "currency", "unit", "qualifier", "year_source", "date_in_name")
DOC_ATTRS = ("ref_date", "ref_date_source", "events")


def register() -> None:
    """Register every extension once; safe to call again."""
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
