"""factx_events component (placeholder until its issue lands: adds nothing)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("factx_events")
def factx_events(doc: Doc) -> Doc:
    return doc
