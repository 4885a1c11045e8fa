"""One BLAS thread per process for the command line; imported first by :mod:`factx.cli`, before numpy loads.

The trained pipeline's matrix products run on numpy's BLAS (OpenBLAS in numpy's wheels, see
:func:`factx.pipeline.numpy_gemm`). factx uses more cores by running more processes (``--jobs``), and a BLAS thread
pool in each process only competes with them: on the 2-core bench machine two such processes side by side took
17.7 s each over the bench corpus with OpenBLAS' default threads, 7.3 s with one thread (one process alone: 7.3 s
either way; ``benchmarks/blas.py``). OpenBLAS reads these variables once, when it loads, so they are set here,
before anything imports numpy; a value the user set is kept. ``import factx`` leaves them alone (a library does
not change its caller's BLAS): start Python with ``OPENBLAS_NUM_THREADS=1`` for the same speed. Worker processes
are limited at run time (:func:`factx.pipeline.limit_blas_threads`).
"""

import os

VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

for _name in VARIABLES:
    os.environ.setdefault(_name, "1")
