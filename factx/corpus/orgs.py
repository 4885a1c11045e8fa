"""Organisations across a corpus: one row per organisation, however many documents and spellings it has.

Streaming: :meth:`OrgIndex.add` takes one :class:`factx.Result` at a time and keeps only counters per distinct
name (never per document), so memory grows with the organisations, not the documents.

How names are merged:

1. Within a document, factx already gives every ORG mention the document's canonical name as its ``value`` (the
   full name where the document defines an acronym: "Otoritas Jasa Keuangan (OJK)" ... "OJK").
2. Across documents, names that differ only in case, punctuation, spacing or a company legal form are one
   organisation (:func:`factx.corpus.names.name_key`: "PT Pertamina (Persero)" = "PERTAMINA" = "Pertamina").
3. A short form that a document defines ("OJK" for "Otoritas Jasa Keuangan") also links the bare "OJK" of other
   documents, which do not define it, to that name, but only when no document defines it otherwise. When documents
   define it as different names (or a document and the gazetteer disagree), the bare mentions stay a row of their
   own, whose ``conflict`` lists the candidates, and :attr:`OrgIndex.conflicts` reports them: never merged.
4. A gazetteer (canonical name, kind, aliases) names and types organisations: its aliases count as definitions
   of their canonical name under the same rule as 3.

Document counts stay exact when a merged short form and its full name occur in the same document: the documents
holding both are counted while streaming, for every pair of names in a document where one's letters stand in order
in the other's ("OJK" in "Otoritas Jasa Keuangan") or the gazetteer makes one an alias of the other.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..records import Mention
from .names import kind_of, legal_forms, letters_within, name_key

if TYPE_CHECKING:
    from ..api import Result

__all__ = ["ORG_FIELDS", "Conflict", "Gazetteer", "OrgIndex", "Organisation", "load_gazetteer"]

ORG_FIELDS = ("name", "kind", "legal_forms", "aliases", "mentions", "documents", "first_date", "last_date",
              "conflict")


def normal(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Gazetteer:
    """Known organisations: canonical name and kind per key, and alias key -> canonical keys (two or more for an
    alias that two rows share, such as PBB: a conflict, never a merge)."""

    names: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> "Gazetteer":
        """Rows with ``canonical``, ``kind`` and ``aliases`` (a list, or a "|"-separated string)."""
        out = cls()
        for row in rows:
            key = name_key(row["canonical"])
            out.names[key] = row["canonical"]
            if row.get("kind"):
                out.kinds[key] = row["kind"]
            aliases = row.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [a for a in aliases.split("|") if a.strip()]
            for alias in aliases:
                if name_key(alias) != key:
                    out.aliases.setdefault(name_key(alias), set()).add(key)
        return out


@dataclass
class _Stats:
    names: Counter = field(default_factory=Counter)  # the documents' canonical names (values) -> mentions
    texts: Counter = field(default_factory=Counter)  # the mentions as written -> mentions
    forms: Counter = field(default_factory=Counter)  # legal forms -> mentions
    mentions: int = 0
    documents: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    def see_date(self, first: dt.date | None, last: dt.date | None) -> None:
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last

    def absorbed(self, other: "_Stats | None") -> "_Stats":
        if other is not None:
            self.absorb(other, 0)
        return self

    def absorb(self, other: "_Stats", shared_documents: int) -> None:
        self.names.update(other.names)
        self.texts.update(other.texts)
        self.forms.update(other.forms)
        self.mentions += other.mentions
        self.documents += other.documents - shared_documents
        self.see_date(other.first, other.last)


@dataclass
class Organisation:
    """One row of ``factx orgs``."""

    name: str
    kind: str | None
    legal_forms: list[str]
    aliases: list[str]
    mentions: int
    documents: int
    first_date: str | None
    last_date: str | None
    conflict: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ORG_FIELDS}


@dataclass
class Conflict:
    """A short form defined as different organisations: its bare mentions are not merged into any of them."""

    alias: str
    names: list[tuple[str, int]]  # (candidate, documents defining it; 0 for the gazetteer's)
    mentions: int
    documents: int

    def __str__(self) -> str:
        defined = ", ".join(f"{name!r} ({n} document{'s' * (n != 1)})" if n else f"{name!r} (gazetteer)"
                            for name, n in self.names)
        return (f"{self.alias!r} is defined as {defined}; its {self.mentions} bare mention"
                f"{'s' * (self.mentions != 1)} in {self.documents} document{'s' * (self.documents != 1)} "
                f"{'are' if self.mentions != 1 else 'is'} not merged")


class OrgIndex:
    """Streams results in and organisations out; see the module docstring for the merging rules."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or Gazetteer()
        self.stats: dict[str, _Stats] = defaultdict(_Stats)
        self.definitions: dict[str, Counter] = defaultdict(Counter)  # alias key -> full-name key -> documents
        self.bare: set[str] = set()  # keys seen as written without a definition in their document
        self.shared: Counter = Counter()  # (short key, long key) -> documents holding both
        self.documents = 0
        self.conflicts: list[Conflict] = []
        self.row_names: dict[str, str] = {}  # name key -> the name of its row, set by organisations()

    def add(self, result: Result) -> None:
        self.add_mentions(result.mentions, result.ref_date)

    def add_mentions(self, mentions: Iterable[Mention], ref_date: dt.date | None = None) -> None:
        """The ORG mentions of one document."""
        self.documents += 1
        here: dict[str, _Stats] = defaultdict(_Stats)
        defined: set[tuple[str, str]] = set()
        for mention in mentions:
            if mention.type != "ORG":
                continue
            text = normal(mention.text)
            value = normal(mention.value or mention.text)
            key = name_key(value)
            entry = here[key]
            entry.mentions += 1
            entry.names[value] += 1
            entry.texts[text] += 1
            entry.forms.update(legal_forms(text))
            alias = name_key(text)
            if alias != key:
                defined.add((alias, key))
            else:
                self.bare.add(key)
        for alias, key in defined:
            self.definitions[alias][key] += 1
        for key, entry in here.items():
            entry.documents = 1
            entry.see_date(ref_date, ref_date)
            self.stats[key].absorb(entry, 0)
        if len(here) > 1:
            self._count_shared(list(here))

    def _count_shared(self, keys: list[str]) -> None:
        aliases = self.gazetteer.aliases
        for short in keys:
            for long in keys:
                if short != long and (long in aliases.get(short, ()) or letters_within(short, long)):
                    self.shared[short, long] += 1

    def row_name(self, name: str) -> str:
        """The row an organisation's name was counted in (after :meth:`organisations`), else the name itself."""
        return self.row_names.get(name_key(normal(name)), normal(name))

    def _targets(self, key: str) -> dict[str, int]:
        """The organisations a bare short form could be: full-name key -> documents defining it (0: gazetteer)."""
        out = {target: n for target, n in self.definitions.get(key, {}).items() if target != key}
        for known in self.gazetteer.aliases.get(key, ()):
            if known != key:
                out.setdefault(known, 0)
        return out

    def organisations(self) -> list[Organisation]:
        """Every organisation, most documents first (then most mentions, then by name). Fills :attr:`conflicts`."""
        stats = {key: entry for key, entry in self.stats.items()}
        # names chosen before merging: a short form merged into a full name never becomes the name
        display = {key: self._display(key, entry) for key, entry in stats.items()}
        merged_into: dict[str, str] = {}
        conflicts: dict[str, list[str]] = {}
        self.conflicts = []
        for key in sorted(self.bare & set(stats)):
            targets = self._targets(key)
            if len(targets) == 1:
                (target,) = targets
                if target in stats or target in self.gazetteer.names:
                    merged_into[key] = target
            elif len(targets) > 1:
                entry = stats[key]
                names = sorted(((self._display(t, stats.get(t)), n) for t, n in targets.items()),
                               key=lambda item: (-item[1], item[0]))
                conflicts[key] = [name for name, _ in names]
                self.conflicts.append(Conflict(self._display(key, entry), names, entry.mentions, entry.documents))
        resolved: dict[str, str] = {}
        for key, target in merged_into.items():
            seen = {key}
            while target in merged_into and target not in seen:  # a chain of short forms
                seen.add(target)
                target = merged_into[target]
            if target == key:
                continue
            resolved[key] = target
            entry = stats.pop(key)
            into = stats[target] = _Stats().absorbed(stats.get(target))  # a copy: self.stats stays as counted
            into.absorb(entry, self.shared.get((key, target), 0) + self.shared.get((target, key), 0))
        rows = [self._row(display.get(key) or self._display(key, entry), entry, conflicts.get(key, []), key)
                for key, entry in stats.items()]
        self.row_names = {key: row.name for key, row in zip(stats, rows)}
        for key, target in resolved.items():
            if target in self.row_names:
                self.row_names[key] = self.row_names[target]
        rows.sort(key=lambda row: (-row.documents, -row.mentions, row.name.casefold()))
        return rows

    def _display(self, key: str, entry: _Stats | None) -> str:
        if key in self.gazetteer.names:
            return self.gazetteer.names[key]
        if entry is None or not entry.names:
            return key
        return min(entry.names.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0]

    def _row(self, name: str, entry: _Stats, conflict: list[str], key: str) -> Organisation:
        spellings = entry.names + entry.texts
        aliases = [alias for alias, _ in sorted(spellings.items(), key=lambda item: (-item[1], item[0]))
                   if alias != name]
        kind = self.gazetteer.kinds.get(key) or kind_of(name)
        if kind is None and not conflict:
            kind = next((k for k in map(kind_of, aliases) if k), None)
        return Organisation(
            name=name,
            kind=kind,
            legal_forms=list(dict.fromkeys([form for form, _ in entry.forms.most_common()] + legal_forms(name))),
            aliases=aliases,
            mentions=entry.mentions,
            documents=entry.documents,
            first_date=entry.first and entry.first.isoformat(),
            last_date=entry.last and entry.last.isoformat(),
            conflict=conflict,
        )


GAZETTEER_FILE = "organisations.tsv"


def load_gazetteer() -> Gazetteer:
    """The curated gazetteer ``factx/lang/organisations.tsv`` (canonical, kind, aliases "|"-separated, source)."""
    import csv
    from importlib import resources

    path = resources.files("factx.lang").joinpath(GAZETTEER_FILE)
    if not path.is_file():
        return Gazetteer()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return Gazetteer.from_rows(rows)
