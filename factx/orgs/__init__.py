"""Organisations: the ``factx_orgs`` component finishes the model's ORG entities and gives each its canonical name.

    words.py      word lists (legal forms, institution words, places) and token helpers shared by the others
    legal.py      legal forms inside a company's name ("PT ... (Persero) Tbk"), short forms
    names.py      names by rule (institution, company and cue words, lists) and their other mentions
    places.py     a country or city alone is LOC
    acronyms.py   "Long Form (ACR)" definitions, typed by their long form (ORG, LOC, or a term)
    gazetteer.py  the curated gazetteer (lang/organisations.tsv) as a PhraseMatcher
    reconcile.py  the model's ORGs against the gazetteer: titles, units, "dan", the gazetteer's kind wins
    cleanup.py    what is not an ORG: bylines, datelines, terms and indices, initials, lone first names
    repairs.py    the model's other slips: number words, open brackets, a region run into a name, titles, airlines
    entities.py   the doc's entities while the steps run, written to the doc once
    component.py  the spaCy component, running the steps in order
"""

from __future__ import annotations

from .acronyms import acronyms
from .component import OrgsComponent, finish, make_orgs
from .gazetteer import Gazetteer, read_gazetteer
from .legal import legal_forms, short_forms
from .names import list_members, name_rules, propagate
from .places import listed_places, places_to_loc

__all__ = [
    "make_orgs", "OrgsComponent", "finish", "Gazetteer", "read_gazetteer", "acronyms", "legal_forms", "short_forms", "name_rules", "list_members", "propagate",
    "places_to_loc", "listed_places",
]
