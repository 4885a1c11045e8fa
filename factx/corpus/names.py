"""Organisation names compared across documents: a comparison key, the legal forms written in a name, its kind.

Pure functions over ``factx/lang/org_forms.json`` (legal forms) and ``factx/lang/org_kinds.json`` (kinds).

- :func:`name_key`: case, punctuation and spacing do not count, nor the company legal forms ("PT", "Tbk",
  "(Persero)", "Co., Ltd." ...): "PT Pertamina (Persero)", "PT. PERTAMINA" and "Pertamina" share the key
  "pertamina". Institution words stay ("Yayasan Pertamina" is another organisation).
- :func:`legal_forms`: the legal forms written in a name ("PT", "(Persero)", "Tbk").
- :func:`kind_of`: the kinds of ``factx/lang/organisations.tsv`` (ministry, agency, local_government, party,
  exchange, soe, bank, university, international, other, company) from the name's words and legal forms; a name
  with a legal form and no other kind is a company; None where the data says nothing.
- :func:`letters_within`: whether an alias's letters stand in order in a name ("OJK" in "Otoritas Jasa Keuangan").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import load_json

__all__ = ["kind_of", "legal_forms", "letters_within", "name_key", "name_words"]

WORD = re.compile(r"[^\W_]+(?:['&][^\W_]+)*")  # a hyphen separates words: "Bangsa-Bangsa" = "Bangsa Bangsa"


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, case-folded, without punctuation: "PT. Bank X (Persero)" -> (pt, bank, x, persero)."""
    return tuple(WORD.findall(name.casefold()))


@lru_cache(maxsize=1)
def _forms() -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], str], ...]]:
    forms = load_json("org_forms.json")
    kinds = load_json("org_kinds.json")
    prefixes = frozenset(w for p in kinds["strip_prefixes"] for w in name_words(p))
    weak = set(forms["weak_suffixes"])
    suffixes: dict[tuple[str, ...], str] = {}
    for written in sorted((s for s in forms["suffixes"] if s not in weak), key=len):
        suffixes.setdefault(name_words(written), written)  # shown as its shortest spelling: "Tbk", "Co. Ltd"
    # longest first, so that "(Persero) Tbk" is one form, not "Tbk" alone
    return prefixes, tuple(sorted(suffixes.items(), key=lambda item: -len(item[0])))


def _split(words: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    """(the name's words without legal forms, the legal forms found), never leaving no word."""
    prefixes, suffixes = _forms()
    found = []
    while len(words) > 1 and words[0] in prefixes:
        found.append(words[0].upper())
        words = words[1:]
    stripped = True
    while stripped:
        stripped = False
        for form, shown in suffixes:
            if len(words) > len(form) and words[-len(form):] == form:
                found.append(shown)
                words = words[: -len(form)]
                stripped = True
                break
    return words, found


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key under which variants of one organisation's name are counted together."""
    words = name_words(name)
    if not words:
        return name.strip().casefold()
    return " ".join(_split(words)[0])


def legal_forms(name: str) -> list[str]:
    """The legal forms written in ``name``, outermost first: "PT Semen Indonesia (Persero) Tbk" -> [PT, (Persero) Tbk]."""
    return _split(name_words(name))[1]


@lru_cache(maxsize=1)
def _kinds() -> list[dict]:
    out = []
    for entry in load_json("org_kinds.json")["kinds"]:
        out.append({
            "kind": entry["kind"],
            "names": {" ".join(name_words(n)) for n in entry["names"]},
            "heads": [name_words(h) for h in entry["heads"]],
            "stems": [s.casefold() for s in entry["stems"]],
            "tails": {t.casefold() for t in entry["tails"]},
            "forms": set(entry.get("forms", [])),
        })
    return out


@lru_cache(maxsize=65536)
def kind_of(name: str) -> str | None:
    """The kind of organisation ``name`` names, or None."""
    words, forms = _split(name_words(name))
    if not words:
        return None
    joined = " ".join(words)
    for entry in _kinds():
        if joined in entry["names"]:
            return entry["kind"]
    for entry in _kinds():
        if entry["forms"] & set(forms):
            return entry["kind"]
    for entry in _kinds():
        if any(words[: len(head)] == head for head in entry["heads"]):
            return entry["kind"]
        if len(words) > 1 and any(words[0].startswith(stem) and words[0] != stem for stem in entry["stems"]):
            return entry["kind"]
        if len(words) == 1 and any(words[0].startswith(stem) and len(words[0]) > len(stem) for stem in entry["stems"]):
            return entry["kind"]
        if len(words) > 1 and words[-1] in entry["tails"]:
            return entry["kind"]
    return "company" if forms else None


def letters_within(alias: str, name: str) -> bool:
    """True when the letters of ``alias`` appear in order in ``name`` and ``alias`` is the shorter: "OJK" /
    "Otoritas Jasa Keuangan", "Kemenkeu" / "Kementerian Keuangan", "Polri" / "Kepolisian Negara Republik Indonesia"."""
    short = "".join(name_words(alias))
    long = iter("".join(name_words(name)))
    return 0 < len(short) < len("".join(name_words(name))) and all(char in long for char in short)
