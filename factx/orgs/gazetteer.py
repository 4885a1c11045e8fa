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

from .words import ORG, Tokens, normal, org_forms, place_names, starts_with_words

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

    def spans(self, doc: Doc, toks: Tokens | None = None) -> list[Span]:
        """The longest non-overlapping alias matches in ``doc``, as ORG spans (less common words, see
        :meth:`common_word`). Matches are rejected before the longest are chosen, so that a shorter alias inside a
        rejected one stays ("Ciptadana Sekuritas" inside "Ciptadana Sekuritas Asia Melati ...", where the place
        "Asia" seems to go on into a longer name). ``toks``: the doc's :class:`Tokens`, entities read."""
        if not len(doc) or not self.canonical:
            return []
        toks = toks if toks is not None else Tokens(doc)
        found = [(start, end) for _, start, end in self.matcher(doc) if not self.common_word(toks, start, end)
                 and not in_company_name(toks, start, end) and not place_goes_on(toks, start, end)]
        return [Span(doc, start, end, label=ORG) for start, end in longest(found)]

    @staticmethod
    def common_word(toks: Tokens, start: int, end: int) -> bool:
        """A one-word Title-Case alias that opens a sentence and is written in lower case elsewhere in the document
        ("Antara lain ...", where "antara" is a word): not taken as the name."""
        text = toks.text[start]
        if end - start != 1 or not toks.sent_start[start] or text.isupper():
            return False
        return text.lower() in toks.words


def longest(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spacy.util.filter_spans`` on token ranges: the longest that do not overlap (the first of equally long
    ones), in text order."""
    taken: set[int] = set()
    kept = []
    for start, end in sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if start not in taken and end - 1 not in taken:
            kept.append((start, end))
            taken.update(range(start, end))
    return sorted(kept)


def in_company_name(toks: Tokens, start: int, end: int) -> bool:
    """A one-word Title-Case alias inside a longer name that starts with a legal prefix or an institution word
    ("Mandiri" of "CV Karya Mandiri Utama" or of "Bank Syariah Mandiri"): not the known organisation."""
    texts = toks.text
    if end - start != 1 or texts[start].isupper():
        return False
    forms = org_forms()
    k = start - 1
    while k >= max(0, start - 5) and texts[k][:1].isupper():
        if texts[k] in forms["prefixes"] or starts_with_words(texts, k, forms["heads"]):
            return True
        k -= 1
    return False


def place_goes_on(toks: Tokens, start: int, end: int) -> bool:
    """An alias ending in a place name that the text continues with another capitalised word ("DPRD Lampung" of
    "DPRD Lampung Tengah", a regency's council): a longer name than the one known."""
    texts = toks.text
    if end >= toks.n or texts[end - 1] not in place_names() or toks.sent_start[end]:
        return False
    following = texts[end]
    return following[:1].isupper() and following.isalpha() and toks.etype[end] != "PER"
