"""Run factx on a Dask cluster (``pip install 'factx[dask]'``).

The input is cut into partitions (lists of documents) that are sent to the cluster's workers as they are read;
each worker loads the pipeline once, through a :class:`FactxPlugin` registered on the cluster, and sends back
plain :class:`~factx.engine.Result` objects, which are yielded in input order. Only a bounded number of
partitions is in flight at a time, so the client's memory stays flat whatever the corpus size.

>>> from factx.dask import extract_distributed
>>> for record in extract_distributed(documents, "tcp://scheduler:8786"):  # doctest: +SKIP
...     print(record.to_dict())

Every worker needs factx (and the model, when ``model`` names a directory: the path is read on the worker).
Workers should run one thread each (``--nthreads 1``): spaCy holds the GIL, so more threads only add contention.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Iterable, Iterator

from distributed import Client, WorkerPlugin, get_worker

from . import records as rec
from .engine import BATCH_SIZE, Input, Result, local_results, parse_types
from .parallel import CHUNK_CHARS, CHUNK_DOCS, WINDOW_PER_JOB, Zones, in_order, without_text
from .readers import Document

__all__ = ["FactxPlugin", "extract_distributed", "results_distributed", "run_partition"]


class FactxPlugin(WorkerPlugin):
    """Loads the factx pipeline once when a worker starts (or joins later) and keeps it for the worker's life."""

    def __init__(self, model: str | os.PathLike | None = None):
        self.model = None if model is None else str(model)
        # One plugin per model: registering the same name again replaces it instead of loading twice.
        self.name = f"factx:{self.model or 'shipped'}"
        self.nlp = self.zones = None
        self.partitions = 0  # partitions this worker has run

    def setup(self, worker) -> None:
        from .pipeline import limit_blas_threads, load

        limit_blas_threads()
        self.nlp = load(self.model)
        self.zones = Zones(self.nlp)

    def teardown(self, worker) -> None:
        self.nlp = self.zones = None


def run_partition(plugin_name: str, documents: list[Document], options: dict) -> list[Result]:
    """The task run on a worker: one partition of documents through the worker's pipeline."""
    plugin = get_worker().plugins[plugin_name]
    plugin.partitions += 1
    with plugin.zones(len(documents)):
        return without_text(local_results(documents, plugin.nlp, **options))


def results_distributed(
    inputs: Iterable[Input],
    client: Client | str,
    *,
    model: str | os.PathLike | None = None,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | None = None,
    events: bool = False,
    batch_size: int = BATCH_SIZE,
    chunk_docs: int = CHUNK_DOCS,
    chunk_chars: int = CHUNK_CHARS,
    window: int | None = None,
) -> Iterator[Result]:
    """Like :func:`factx.results`, on the Dask cluster of ``client`` (a ``Client`` or a scheduler address).

    Connects (an ``OSError`` when the scheduler cannot be reached) and registers the plugin at once, then returns
    the stream. ``model`` is a pipeline directory as the workers see it (default: the shipped one). Partitions hold
    at most ``chunk_docs`` documents or about ``chunk_chars`` characters; at most ``window`` partitions (default:
    two per worker thread) are in flight; stopping early drops the rest. A client made from an address is closed
    when the stream ends.
    """
    options = dict(types=parse_types(types), ref_date=ref_date, events=events, batch_size=batch_size)
    own_client = not isinstance(client, Client)
    if own_client:
        client = Client(client)
    try:
        plugin = FactxPlugin(model)
        client.register_plugin(plugin)
        if window is None:
            window = WINDOW_PER_JOB * max(sum(client.nthreads().values()), 1)
    except BaseException:
        if own_client:
            client.close()
        raise

    def submit(chunk: list[Document]):
        return client.submit(run_partition, plugin.name, chunk, options, pure=False).result

    def stream() -> Iterator[Result]:
        try:
            yield from in_order(inputs, submit, window, chunk_docs, chunk_chars)
        finally:
            if own_client:
                client.close()

    return stream()


def extract_distributed(
    inputs: Iterable[Input],
    client: Client | str,
    *,
    events: bool = False,
    **options,
) -> Iterator[rec.Mention | rec.Event]:
    """Like :func:`factx.extract`, on a Dask cluster: the records of ``inputs``, document by document.

    ``options`` are those of :func:`results_distributed` (``model``, ``types``, ``ref_date``, ...).
    """
    for result in results_distributed(inputs, client, events=events, **options):
        yield from (result.events if events else result.mentions)
