"""One BLAS thread per process for the command line; imported first by :mod:`factx.cli`, before numpy loads.

The trained pipeline's matrix products run on numpy's BLAS (OpenBLAS in numpy's wheels, see
:func:`factx.pipeline.numpy_gemm`). factx uses more cores by running more processes (``--jobs``), and a BLAS thread
pool in each process only competes with them: on the 2-core bench machine two such processes took 17 s each over
the bench corpus instead of 7 s. Even alone, one process runs the pipeline 8% faster with one BLAS thread than with
two. OpenBLAS reads these variables once, when it loads, so they are set here; a value the user set is kept.
Library users who import numpy first can set them themselves; worker processes are limited at run time
(:func:`factx.pipeline.limit_blas_threads`).
"""

import os

VARIABLES = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

for _name in VARIABLES:
    os.environ.setdefault(_name, "1")
