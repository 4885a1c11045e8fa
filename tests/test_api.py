"""factx.api: the one place that chooses where the work runs (this process, --jobs workers, Dask)."""

from __future__ import annotations

import pytest

import factx
import factx.api
import factx.engine
import factx.parallel

TEXTS = ["Harga naik menjadi Rp 5.000 pada Maret 2024.", "Kontrak senilai Rp 1,5 triliun diteken."]


def test_the_package_names_are_the_api():
    assert (factx.load, factx.results, factx.extract, factx.Result) == (
        factx.api.load, factx.api.results, factx.api.extract, factx.engine.Result,
    )


def test_the_pipeline_loads_on_the_first_result(nlp, monkeypatch):
    loaded = []
    monkeypatch.setattr(factx.api, "load", lambda model=None: loaded.append(model) or nlp)
    stream = factx.results(TEXTS, model="some/dir")
    assert loaded == []
    assert [r.document.id for r in stream] == ["0", "1"]
    assert loaded == ["some/dir"]


@pytest.mark.parametrize("options", [{}, {"memory_zones": True}, {"jobs": 2}])
def test_every_local_route_gives_the_same_results(nlp, options):
    assert list(factx.results(TEXTS, nlp, **options)) == list(factx.engine.local_results(TEXTS, nlp))


def test_the_route_chosen(nlp, monkeypatch):
    routes = []
    monkeypatch.setattr(factx.parallel, "zoned_results", lambda *a, **k: routes.append("zones") or iter(()))
    monkeypatch.setattr(factx.parallel, "parallel_results", lambda *a, **k: routes.append(("jobs", k)) or iter(()))
    list(factx.results(TEXTS, nlp, memory_zones=True))
    list(factx.results(TEXTS, nlp, jobs=3, model="m", events=True))
    assert routes[0] == "zones"
    assert routes[1] == ("jobs", dict(jobs=3, model="m", types=None, ref_date=None, events=True, batch_size=8))


@pytest.mark.parametrize("options", [{"jobs": 2}, {"nlp": "a pipeline"}])
def test_dask_takes_no_local_pipeline_or_jobs(options):
    with pytest.raises(ValueError, match="dask runs on the cluster's workers"):
        factx.results(TEXTS, dask="tcp://127.0.0.1:9", **options)


def test_extract_passes_the_options(nlp):
    money = list(factx.extract(TEXTS, nlp, types="money", memory_zones=True))
    assert [m.text for m in money] == ["Rp 5.000", "Rp 1,5 triliun"]
