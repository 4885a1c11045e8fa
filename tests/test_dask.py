"""--dask: a real LocalCluster with two worker processes gives the same records as a local run."""

from __future__ import annotations

import itertools
import json
import time

import pytest
from typer.testing import CliRunner

import factx
from factx.cli import app

from .test_parallel import corpus, ruler_pipeline

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
factx_dask = pytest.importorskip("factx.dask")


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    """A pipeline directory the worker processes load by path: factx's components plus an entity ruler."""
    path = tmp_path_factory.mktemp("dask") / "model"
    ruler_pipeline(factx.load()).to_disk(path)
    return path


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_same_results_as_a_local_run(client, model):
    local = list(factx.results(corpus(), factx.load(model), events=True))
    found = list(factx_dask.results_distributed(corpus(), client, model=model, events=True, chunk_docs=9))
    assert found == local
    assert {"ORG", "PER", "LOC"} <= {m.type for r in found for m in r.mentions}
    # Each worker loaded the pipeline once, through the plugin, and both took partitions.
    name = factx_dask.FactxPlugin(model).name
    state = client.run(lambda dask_worker: (dask_worker.plugins[name].nlp is not None,
                                            dask_worker.plugins[name].partitions))
    assert [loaded for loaded, _ in state.values()] == [True, True]
    assert all(partitions > 0 for _, partitions in state.values())


def test_the_api_runs_on_dask(client, model):
    local = list(factx.results(corpus(), factx.load(model), events=True))
    assert list(factx.results(corpus(), dask=client, model=model, events=True)) == local
    texts = [d.text for d in corpus(30)]
    assert list(factx.extract(texts, dask=client, model=model, types="org")) == list(
        factx.extract(texts, factx.load(model), types="org")
    )


def test_records_types_and_stopping_early(client, model):
    texts = [d.text for d in corpus()]
    local = list(factx.extract(texts, factx.load(model), types="per,loc"))
    assert list(factx_dask.extract_distributed(texts, client, model=model, types="per,loc", chunk_docs=16)) == local

    def endless():
        for i in itertools.count():
            yield f"Budi Santoso ke Padang hari ke-{i}."

    stream = factx_dask.results_distributed(endless(), client, model=model, chunk_docs=4, window=2)
    first = list(itertools.islice(stream, 6))
    stream.close()
    assert [r.document.id for r in first] == [str(i) for i in range(6)]
    assert {"Budi Santoso", "Padang"} <= {m.text for m in first[5].mentions}
    # The partitions still in flight are dropped from the cluster.
    deadline = time.monotonic() + 10
    while client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0


def test_cli_dask_writes_what_a_local_run_writes(client, model, tmp_path):
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in corpus()), encoding="utf-8")
    address = client.scheduler.address
    runs = {}
    for name, extra in (("local", []), ("dask", ["--dask", address])):
        result = CliRunner().invoke(app, ["extract", str(source), "-f", "jsonl", "-q", "--model", str(model), *extra])
        assert result.exit_code == 0, result.output
        runs[name] = result.stdout
    assert runs["dask"] == runs["local"]
    assert len(runs["local"].splitlines()) > 100


def test_cli_dask_with_jobs_is_a_usage_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Budi Santoso di Jakarta.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--dask", "tcp://127.0.0.1:1", "--jobs", "2"])
    assert result.exit_code == 2
    assert "--jobs and --dask" in result.stderr


def test_cli_dask_unreachable_scheduler_is_a_clean_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Budi Santoso di Jakarta.", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["extract", str(source), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the scheduler" in result.stderr
