"""factx_money component (placeholder until its issue lands: adds nothing)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("factx_money")
def factx_money(doc: Doc) -> Doc:
    return doc
