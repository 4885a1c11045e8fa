"""factx_orgs component (placeholder until its issue lands: adds nothing)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("factx_orgs")
def factx_orgs(doc: Doc) -> Doc:
    return doc
