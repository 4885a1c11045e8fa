"""factx's public API: :func:`load` a pipeline, get :func:`results` (one per document) or :func:`extract` records.

This is the one place that chooses where the work runs: in this process (:mod:`factx.engine`), on worker processes
(``jobs``, :mod:`factx.parallel`) or on a Dask cluster (``dask``, :mod:`factx.dask`). Those modules sit below it
and never import it.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from spacy.language import Language

from . import records as rec
from .engine import BATCH_SIZE, FactxWarning, Input, Result, local_results
from .pipeline import load

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["load", "results", "extract", "Result", "FactxWarning"]


def results(
    inputs: Iterable[Input],
    nlp: Language | None = None,
    *,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    jobs: int = 1,
    memory_zones: bool = False,
    dask: Client | str | None = None,
    model: str | os.PathLike | None = None,
    parts: bool = False,
) -> Iterator[Result]:
    """Run the pipeline over ``inputs`` (strings, Docs or :class:`factx.Document`) and yield one :class:`Result` per
    document, in input order.

    ``nlp`` is the pipeline to use (default: ``load(model)``). ``ref_date`` (when given) overrides every document's
    own reference date. A document longer than :data:`factx.pieces.PIECE_CHARS` is processed one piece after
    another; offsets and sentence numbers still refer to the whole text. With ``parts`` (in this process only) each
    piece's Result is yielded as soon as it is done (``Result.complete`` on the document's last), so that the
    records of a huge document never sit in memory together. A document that raises gives a Result with ``error``
    set and no records (a piece of a long one: that piece's records), and the run goes on.

    Where it runs: ``jobs`` > 1 runs that many worker processes (0 = every core), see
    :func:`factx.parallel.parallel_results`; ``dask`` (a ``distributed.Client`` or a scheduler address) runs on that
    Dask cluster, whose workers load ``model`` themselves (see :func:`factx.dask.results_distributed`; it connects at
    once and raises ``OSError`` when the scheduler cannot be reached, ``ImportError`` without Dask).
    ``memory_zones`` keeps memory flat over any number of documents (always so with ``jobs`` > 1 or ``dask``): spaCy
    memory zones free the words each block adds, see :func:`factx.parallel.zoned_results`; Docs are then run from
    their text.
    """
    options: dict[str, Any] = dict(types=types, ref_date=ref_date, events=events, batch_size=batch_size)
    if dask is not None:
        if nlp is not None or jobs != 1:
            raise ValueError("dask runs on the cluster's workers: give model, not nlp or jobs")
        from .dask import results_distributed

        return results_distributed(inputs, dask, model=model, **options)
    if jobs != 1:
        from .parallel import parallel_results

        return parallel_results(inputs, nlp, jobs=jobs, model=model, **options)
    return _here(inputs, nlp, model, memory_zones, dict(options, parts=parts))


def _here(
    inputs: Iterable[Input], nlp: Language | None, model: str | os.PathLike | None, memory_zones: bool, options: dict
) -> Iterator[Result]:
    """The run in this process (a generator, so that the pipeline loads when the first result is asked for)."""
    if nlp is None:
        nlp = load(model)
    if memory_zones:
        from .parallel import zoned_results

        yield from zoned_results(inputs, nlp, **options)
    else:
        yield from local_results(inputs, nlp, **options)


def extract(
    inputs: Iterable[Input],
    nlp: Language | None = None,
    *,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    jobs: int = 1,
    memory_zones: bool = False,
    dask: Client | str | None = None,
    model: str | os.PathLike | None = None,
) -> Iterator[rec.Mention | rec.Event]:
    """Yield the records found in ``inputs`` (strings, Docs or :class:`factx.Document`), document by document.

    Mention records by default; event records with ``events=True``. See :func:`results` for the options. A long
    document's records come piece by piece, as they are done. A document that raises is skipped with a
    :class:`FactxWarning` naming it (``warnings`` module), and the rest goes on.
    """
    for result in results(
        inputs, nlp, types=types, ref_date=ref_date, events=events, batch_size=batch_size, jobs=jobs,
        memory_zones=memory_zones, dask=dask, model=model, parts=jobs == 1 and dask is None,
    ):
        if result.error:
            warnings.warn(f"{result.document.id}: {result.error}; document skipped", FactxWarning, stacklevel=2)
        yield from (result.events if events else result.mentions)
