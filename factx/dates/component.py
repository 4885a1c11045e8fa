"""factx_dates: marks DATE and DURATION spans with their ISO 8601 values (``span._.value``).

The finder and the normaliser are :mod:`factx.dates`; this component maps its hits onto tokens. It never
marks what the money component already took ("$26", "Rp 5.000"). When ``doc._.ref_date`` is None it infers one
from the text (a dateline, else the latest full date) and records it with ``doc._.ref_date_source``. On each DATE
span it sets ``span._.year_source`` (where the value's year comes from: "text", "context", "inferred",
"reference", or None) and ``span._.date_in_name`` (the year belongs to a law citation or a name, and gave no year
to the dates after it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..spans import char_span, doc_text, merge_ents, token_table
from .finder import normalize

# Entities the trained NER put on the doc that a date inside them must not break up ("Asian Games 2018").
KEEP_WHOLE = frozenset({"EVENT"})
# Entities of the trained NER whose years belong to them ("Brussels Golden League 2005"): see factx.dates.names.
NAMES = frozenset({"ORG", "EVENT"})

__all__ = ["factx_dates", "KEEP_WHOLE", "NAMES"]


@Language.component("factx_dates")
def factx_dates(doc: Doc) -> Doc:
    text = doc_text(doc)
    ents = doc.ents
    blocked = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ == "MONEY"]
    whole = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ in KEEP_WHOLE]
    names = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ in NAMES]
    starts = token_table(doc).sentence_chars(doc)
    found, ref, source = normalize(text, doc._.ref_date, starts, blocked, names)
    if doc._.ref_date is None and ref is not None:
        doc._.ref_date, doc._.ref_date_source = ref, source
    spans = []
    for hit in found:
        if any(s <= hit.start and hit.end <= e and (s, e) != (hit.start, hit.end) for s, e in whole):
            continue
        span = char_span(doc, hit.start, hit.end, hit.label)
        if span is None:
            continue
        span._.value = hit.value
        span._.qualifier = hit.qualifier
        span._.year_source = hit.year_source
        span._.date_in_name = hit.in_name
        spans.append(span)
    merge_ents(doc, spans)
    return doc
