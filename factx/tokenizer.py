"""factx's tokenizer: spaCy's Indonesian rules without the ~15,600 hyphenated-word exceptions.

spaCy's ``id`` tokenizer keeps reduplications such as "anak-anak" whole through one special case per word; adding
them costs about 1.5 s at every start. The cased NER corpora factx trains on (NER UI, NER UGM, NERGrit) split every
hyphen ("anak - anak"), so dropping those exceptions also makes run-time tokens match the training tokens.
Registered as ``factx.Tokenizer.v1`` (also through the ``spacy_tokenizers`` entry point, so ``spacy.load`` finds it
wherever factx is installed).
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .spans import TEXT_KEY

__all__ = ["TextTokenizer", "create_tokenizer", "TOKENIZER_CONFIG"]


def exceptions(defaults) -> dict:
    """The language's tokenizer exceptions less the hyphenated words."""
    return {text: tokens for text, tokens in defaults.tokenizer_exceptions.items() if "-" not in text}


class TextTokenizer(Tokenizer):
    """spaCy's Tokenizer that also keeps the text it was given in ``doc.user_data`` (see factx.spans.doc_text), so
    that the rule components, which search the text, need not rebuild it from the tokens."""

    def __call__(self, text: str):
        doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text
        return doc


@registry.tokenizers("factx.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes = compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None
        suffixes = compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None
        infixes = compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None
        return TextTokenizer(
            nlp.vocab,
            rules=exceptions(defaults),
            prefix_search=prefixes,
            suffix_search=suffixes,
            infix_finditer=infixes,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make


TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "factx.Tokenizer.v1"}}}
