"""Score a pipeline's entities against annotated data: precision, recall and F1 per label and overall.

``evaluate(path)`` reads IOB TSV, CoNLL-U (entities in MISC ``NE=``) or a spaCy ``.spacy`` DocBin (a folder: every
such file in it), runs the shipped model (or ``model``) on the raw text and scores exact entity spans with spaCy's
``Scorer``. Only the labels the data annotates are scored, so a corpus without EVENT is not penalised for EVENTs.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from .corpora import CORE_LABELS, SUFFIXES, read_docs
from .pipeline import load as load_pipeline
from .pipeline import model_path, register_components

__all__ = ["evaluate", "data_files", "load_model", "score", "prf"]


def data_files(data: Path) -> list[Path]:
    """``data`` itself, or the annotated files in the folder ``data`` (by suffix)."""
    data = Path(data)
    if data.is_dir():
        files = sorted(p for p in data.iterdir() if p.suffix.lower() in SUFFIXES)
        if not files:
            raise ValueError(f"no annotated files ({', '.join(sorted(SUFFIXES))}) in {data}")
        return files
    if not data.is_file():
        raise FileNotFoundError(f"no such file or folder: {data}")
    return [data]


def load_model(model: Path | None, rules: bool) -> tuple[Language, str]:
    """The pipeline to score: the trained model alone, or with factx's rule components (``rules``)."""
    if rules:
        nlp = load_pipeline(model)
        path = model or model_path()
        return nlp, (shown(path) if path else "blank id") + " + rules"
    path = Path(model) if model is not None else model_path()
    if path is None:
        raise FileNotFoundError("no model shipped in models/ and none given")
    register_components()
    return spacy.load(path), shown(path)


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else as it is."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def prf(scores: dict, key: str = "ents") -> dict:
    return {
        "p": round(scores[f"{key}_p"] or 0.0, 4),
        "r": round(scores[f"{key}_r"] or 0.0, 4),
        "f": round(scores[f"{key}_f"] or 0.0, 4),
    }


def score(examples: list[Example], labels: set[str]) -> dict:
    """Exact-span P/R/F over entities whose label is in ``labels`` (spaCy's Scorer.score_spans)."""

    def getter(doc: Doc, attr: str):
        return [ent for ent in doc.ents if ent.label_ in labels]

    return Scorer.score_spans(
        examples, "ents", getter=getter, has_annotation=lambda doc: doc.has_annotation("ENT_IOB")
    )


def evaluate(data: Path, model: Path | None = None, *, rules: bool = False, batch_size: int = 64) -> dict:
    """Score ``model`` (default: the shipped one) on ``data``; return figures as a dict.

    Keys: ``data``, ``model``, ``docs``, ``words``, ``seconds``, ``words_per_second``, ``labels`` (label ->
    ``{"p", "r", "f", "support"}``), ``overall`` (every scored label) and ``core`` (PER/ORG/LOC only).
    """
    files = data_files(Path(data))
    nlp, name = load_model(model, rules)
    references: list[Doc] = []
    for path in files:
        references.extend(doc for doc in read_docs(path, nlp.vocab) if doc.has_annotation("ENT_IOB"))
    if not references:
        raise ValueError(f"{data}: no entity annotation to score against")
    support = Counter(ent.label_ for doc in references for ent in doc.ents)
    labels = set(support)
    start = time.perf_counter()
    predicted = list(nlp.pipe((nlp.make_doc(doc.text) for doc in references), batch_size=batch_size))
    seconds = time.perf_counter() - start
    examples = [Example(pred, ref) for pred, ref in zip(predicted, references)]
    scores = score(examples, labels)
    per_type = scores.get("ents_per_type") or {}
    words = sum(len(doc) for doc in references)
    result = {
        "data": str(data),
        "model": name,
        "docs": len(references),
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds) if seconds else None,
        "labels": {
            label: {
                "p": round(per_type.get(label, {}).get("p", 0.0), 4),
                "r": round(per_type.get(label, {}).get("r", 0.0), 4),
                "f": round(per_type.get(label, {}).get("f", 0.0), 4),
                "support": support[label],
            }
            for label in sorted(labels)
        },
        "overall": prf(scores),
    }
    core = labels & set(CORE_LABELS)
    result["core"] = prf(score(examples, core)) if core else None
    return result
