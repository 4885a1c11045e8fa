"""factx_money: marks monetary amounts as MONEY entities with their normalised amount and currency.

The amounts are found by :func:`factx.money.parse.find_money` on ``doc.text``. Where a match starts or ends
inside a token (a tokenizer that keeps "10$/gelas" or "HK$10" whole) the token is split there, so every MONEY
span covers exactly the matched characters. Each span carries ``span._.amount``, ``amount_max``, ``currency``,
``unit``, ``qualifier`` and ``value`` ("26000000000 USD", a range "4000000-5000000 IDR"); MONEY spans win over
overlapping entities already on the doc.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the ._ attributes)
from .parse import find_money
from ..spans import char_span, doc_text, forget_tokens, merge_ents

__all__ = ["LABEL", "factx_money", "split_tokens"]

LABEL = "MONEY"


@Language.component("factx_money")
def factx_money(doc: Doc) -> Doc:
    matches = find_money(doc_text(doc))
    if not matches:
        return doc
    split_tokens(doc, [(m.start, m.end) for m in matches])
    spans = []
    for match in matches:
        span = char_span(doc, match.start, match.end, LABEL)
        if span is None:
            continue
        money = match.money
        span._.amount = money.amount
        span._.amount_max = money.amount_max
        span._.currency = money.currency
        span._.unit = money.unit
        span._.qualifier = money.qualifier
        span._.value = money.value
        spans.append(span)
    merge_ents(doc, spans)
    return doc


def split_tokens(doc: Doc, ranges: list[tuple[int, int]]) -> None:
    """Split the tokens of ``doc`` where a (start, end) character range begins or ends inside one."""
    cuts: dict[int, set[int]] = {}
    for start, end in ranges:
        if doc.char_span(start, end) is not None:
            continue  # aligned already (the common case)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token, offset in ((span[0], start), (span[-1], end)):
            if token.idx < offset < token.idx + len(token.text):
                cuts.setdefault(token.i, set()).add(offset - token.idx)
    if not cuts:
        return
    parsed = doc.has_annotation("DEP")
    with doc.retokenize() as retokenizer:
        for i, inside in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(inside), len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            # The first piece keeps the token's head and relation; the others attach to it.
            first = token.head if token.head.i != token.i else (token, 0)
            rest = len(orths) - 1
            attrs = {"DEP": [token.dep_] + ["dep"] * rest} if parsed else {}
            retokenizer.split(token, orths, heads=[first] + [(token, 0)] * rest, attrs=attrs)
    forget_tokens(doc)
