"""Builds the spaCy pipeline factx runs: the trained model from ``models/`` plus factx's rule components."""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers the ._ attributes)
from .tokenizer import TOKENIZER_CONFIG

MODEL_NAME = "id_factx_news"
# factx's own components, in the order they run after the trained ones. Each module registers its factory.
COMPONENTS = {
    "factx_money": "factx.components.money",
    "factx_dates": "factx.components.dates",
    "factx_orgs": "factx.components.orgs",
    "factx_events": "factx.components.events",
}


def model_path() -> Path | None:
    """The shipped model directory: ``models/<name>`` of a checkout, or ``factx/models/<name>`` in a wheel."""
    here = Path(__file__).resolve().parent
    for root in (here.parent / "models", here / "models"):
        candidate = root / MODEL_NAME
        if (candidate / "config.cfg").is_file():
            return candidate
    return None


def register_components() -> None:
    """Import the component modules so their factories are known to spaCy."""
    for module in COMPONENTS.values():
        importlib.import_module(module)


def load(model: str | Path | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Return the spaCy ``Language`` factx uses.

    ``model`` is a spaCy pipeline directory (default: the shipped one). With no model shipped or given, a blank
    Indonesian pipeline carries the rule components only (no ORG/PER/LOC). ``exclude`` drops components by name.
    """
    register_components()
    path = Path(model) if model is not None else model_path()
    if path is not None:
        nlp = spacy.load(path, exclude=list(exclude))
    else:
        nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    for name in COMPONENTS:
        if name not in nlp.pipe_names and name not in exclude:
            nlp.add_pipe(name)
    return nlp
