"""Builds the spaCy pipeline factx runs: the trained model from ``models/`` plus factx's rule components."""

from __future__ import annotations

import importlib
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, use_ops
from threadpoolctl import threadpool_info, threadpool_limits

from . import extensions  # noqa: F401  (registers the ._ attributes)
from .tokenizer import TOKENIZER_CONFIG

__all__ = ["MODEL_NAME", "COMPONENTS", "load", "model_path", "register_components", "numpy_gemm", "limit_blas_threads"]

MODEL_NAME = "id_factx_news"
# factx's own components, in the order they run after the trained ones. Each module registers its factory.
COMPONENTS = {
    "factx_money": "factx.money.component",
    "factx_dates": "factx.dates.component",
    "factx_orgs": "factx.orgs.component",
    "factx_events": "factx.events.component",
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
        with numpy_gemm():
            nlp = spacy.load(path, exclude=list(exclude))
    else:
        nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    for name in COMPONENTS:
        if name not in nlp.pipe_names and name not in exclude:
            nlp.add_pipe(name)
    return nlp


def numpy_gemm() -> AbstractContextManager:
    """Context in which new thinc models do their matrix products with numpy (its BLAS, OpenBLAS in numpy's wheels)
    rather than thinc's default, blis: the trained pipeline runs 7% faster so on the bench machine's CPU (7.3 s
    against 7.8 s over the bench corpus with one BLAS thread; 8.6 s with thinc's defaults: ``benchmarks/blas.py``),
    with the same entities. Other ops (a GPU chosen with ``spacy.prefer_gpu``) are kept."""
    ops = get_current_ops()
    if type(ops) is NumpyOps and ops.use_blis:
        return use_ops("numpy", use_blis=False)
    return nullcontext()


def limit_blas_threads() -> None:
    """One BLAS thread in this process from now on, for worker processes (``--jobs``, Dask) whose BLAS was started
    with more: two workers with OpenBLAS' default threads on a 2-core machine take 2.4 times as long (see
    :mod:`factx._blas_threads`). Setting the variables before numpy loads is better still: a pool limited at run
    time runs the pipeline 10% slower than one started with one thread (8.0 s against 7.3 s, ``benchmarks/blas.py``)."""
    if any(pool["num_threads"] > 1 for pool in threadpool_info() if pool["user_api"] == "blas"):
        threadpool_limits(limits=1, user_api="blas")
