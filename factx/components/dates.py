"""factx_dates component (placeholder until its issue lands: adds nothing)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("factx_dates")
def factx_dates(doc: Doc) -> Doc:
    return doc
