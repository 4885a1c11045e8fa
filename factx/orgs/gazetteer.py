"""The gazetteer of Indonesian organisations (``factx/lang/organisations.tsv``): canonical names, kinds and aliases,
found in a Doc by one spaCy ``PhraseMatcher`` (case-sensitive, on the token texts).

The file: comment lines (``# ...``, sources and licences), then a TSV header ``canonical<TAB>kind<TAB>aliases
<TAB>source`` and one organisation a row, its aliases separated by ``|``. The canonical name is an alias too. An
alias that is also a place name (``places.txt``) is left out: a country is never an organisation.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .words import ORG, normal, org_forms, place_names, starts_with

__all__ = ["GAZETTEER_FILE", "Entry", "read_gazetteer", "Gazetteer"]

GAZETTEER_FILE = "organisations.tsv"
KINDS = {"ministry", "agency", "party", "soe", "bank", "exchange", "company", "university", "local_government",
         "international", "other"}


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    aliases: tuple[str, ...]


def _rows(text: str, name: str) -> list[Entry]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    entries = []
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:3]] != ["canonical", "kind", "aliases"]:
        raise ValueError(f"{name}: the first row after the comments must be the header canonical, kind, aliases")
    for number, row in enumerate(reader, start=2):
        if len(row) < 3 or not row[0].strip():
            raise ValueError(f"{name}: row {number} has fewer than three fields")
        canonical, kind = normal(row[0]), row[1].strip()
        if kind not in KINDS:
            raise ValueError(f"{name}: row {number}: unknown kind {kind!r}")
        aliases = tuple(dict.fromkeys([canonical] + [normal(a) for a in row[2].split("|") if a.strip()]))
        entries.append(Entry(canonical, kind, aliases))
    return entries


@lru_cache(maxsize=None)
def read_gazetteer(path: str | None = None) -> tuple[Entry, ...]:
    """The entries of the gazetteer file ``path`` (default: the shipped ``factx/lang/organisations.tsv``)."""
    if path is None:
        source = resources.files("factx.lang").joinpath(GAZETTEER_FILE)
        return tuple(_rows(source.read_text(encoding="utf-8"), GAZETTEER_FILE))
    return tuple(_rows(Path(path).read_text(encoding="utf-8"), str(path)))


class Gazetteer:
    """The gazetteer's aliases as a ``PhraseMatcher`` over ``nlp``'s vocabulary; ``canonical`` and ``kind`` by
    alias (whitespace normalised)."""

    def __init__(self, nlp: Language, entries: tuple[Entry, ...]):
        places = place_names()
        self.canonical: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        claims: dict[str, set[str]] = {}
        for entry in entries:
            for alias in entry.aliases:
                claims.setdefault(alias, set()).add(entry.canonical)
        for entry in entries:
            for alias in entry.aliases:
                # a place is never an organisation; an alias two organisations share names neither
                if alias in places or len(claims[alias]) > 1:
                    continue
                self.canonical[alias] = entry.canonical
                self.kind[alias] = entry.kind
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tokenizer = nlp.tokenizer
        patterns = [tokenizer(alias) for alias in self.canonical]
        self.matcher.add(ORG, patterns)

    def __len__(self) -> int:
        return len(self.canonical)

    def lookup(self, text: str) -> str | None:
        """The canonical name of ``text`` (an alias), or None."""
        return self.canonical.get(normal(text))

    def spans(self, doc: Doc) -> list[Span]:
        """The longest non-overlapping alias matches in ``doc``, as ORG spans (less common words, see
        :meth:`common_word`)."""
        if not len(doc) or not self.canonical:
            return []
        spans = filter_spans(self.matcher(doc, as_spans=True))
        return [span for span in spans if not self.common_word(doc, span) and not in_company_name(doc, span)
                and not place_goes_on(doc, span)]

    @staticmethod
    def common_word(doc: Doc, span: Span) -> bool:
        """A one-word Title-Case alias that opens a sentence and is written in lower case elsewhere in the document
        ("Antara lain ...", where "antara" is a word): not taken as the name."""
        if len(span) != 1 or not span[0].is_sent_start or span.text.isupper():
            return False
        lower = span.text.lower()
        return any(token.text == lower for token in doc)


def in_company_name(doc: Doc, span: Span) -> bool:
    """A one-word Title-Case alias inside a longer name that starts with a legal prefix or an institution word
    ("Mandiri" of "CV Karya Mandiri Utama" or of "Bank Syariah Mandiri"): not the known organisation."""
    if len(span) != 1 or span.text.isupper():
        return False
    forms = org_forms()
    k = span.start - 1
    while k >= max(0, span.start - 5) and doc[k].text[:1].isupper():
        if doc[k].text in forms["prefixes"] or starts_with(doc, k, forms["heads"]):
            return True
        k -= 1
    return False


def place_goes_on(doc: Doc, span: Span) -> bool:
    """An alias ending in a place name that the text continues with another capitalised word ("DPRD Lampung" of
    "DPRD Lampung Tengah", a regency's council): a longer name than the one known."""
    end = span.end
    if end >= len(doc) or span[-1].text not in place_names() or doc[end].is_sent_start:
        return False
    following = doc[end]
    return following.text[:1].isupper() and following.text.isalpha() and following.ent_type_ != "PER"
