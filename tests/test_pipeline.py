"""How factx loads and runs the pipeline: numpy matrix products, one BLAS thread per process, frames on demand."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from thinc.api import NumpyOps, get_current_ops, use_ops

import factx
from factx.pipeline import numpy_gemm

BLAS_THREADS = (
    "import sys\n"
    "{before}\n"
    "from threadpoolctl import threadpool_info\n"
    "print(sorted({{pool['num_threads'] for pool in threadpool_info() if pool['user_api'] == 'blas'}}))\n"
)


def blas_threads(before: str, **env: str) -> list[int]:
    """The BLAS thread counts of a fresh Python process after it runs ``before``."""
    environ = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    environ.update(env)
    out = subprocess.run([sys.executable, "-c", BLAS_THREADS.format(before=before)], env=environ,
                         capture_output=True, text=True, check=True)
    return eval(out.stdout)


def test_models_use_numpy_matrix_products(nlp):
    for name in ("tok2vec", "ner"):
        ops = nlp.get_pipe(name).model.ops
        assert type(ops) is NumpyOps and not ops.use_blis


def test_numpy_gemm_only_replaces_the_default_cpu_ops():
    assert type(get_current_ops()) is NumpyOps and get_current_ops().use_blis
    with numpy_gemm():
        assert not get_current_ops().use_blis
    assert get_current_ops().use_blis
    with use_ops("numpy", use_blis=False):
        chosen = get_current_ops()
        with numpy_gemm():
            assert get_current_ops() is chosen  # anything but the default (a GPU's ops too) is kept


def test_importing_factx_loads_no_numpy():
    out = subprocess.run([sys.executable, "-c", "import sys, factx; print('numpy' in sys.modules, factx.__version__)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", factx.__version__]


def test_lazy_names():
    assert factx.load is factx.pipeline.load
    assert {"load", "extract", "results", "Document"} <= set(dir(factx))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        factx.nothing  # noqa: B018


def test_command_line_runs_one_blas_thread():
    assert blas_threads("import factx.cli\nimport numpy") == [1]


# OpenBLAS never starts more threads than there are cores.
needs_two_cores = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: OpenBLAS starts one thread anyway")


@needs_two_cores
def test_command_line_keeps_the_users_blas_threads():
    assert blas_threads("import factx.cli\nimport numpy", OPENBLAS_NUM_THREADS="2") == [2]


@needs_two_cores
def test_workers_limit_blas_threads_at_run_time():
    assert blas_threads("import numpy", OPENBLAS_NUM_THREADS="2") == [2]
    limited = "import numpy\nfrom factx.pipeline import limit_blas_threads\nlimit_blas_threads()"
    assert blas_threads(limited, OPENBLAS_NUM_THREADS="2") == [1]


TEXT = ("Pada 12 Maret 2025, PT Pertamina menandatangani kontrak senilai Rp 3 triliun dengan Bank Mandiri di Jakarta. "
        "Kementerian Keuangan mengumumkan hasilnya kemarin.")


def test_frames_only_when_asked(nlp):
    default = nlp(TEXT)
    without = next(nlp.pipe([TEXT], component_cfg={"factx_events": {"frames": False}}))
    assert default._.events and without._.events is None
    assert [(e.start, e.end, e.label_) for e in without.ents] == [(e.start, e.end, e.label_) for e in default.ents]


def test_results_make_frames_only_with_events(nlp):
    plain, = factx.results([TEXT], nlp)
    framed, = factx.results([TEXT], nlp, events=True)
    assert plain.events == [] and framed.events
    assert plain.mentions == framed.mentions
