"""How the trained pipeline's matrix products are best run: blis or numpy's BLAS, how many BLAS threads, one process
or two side by side (as ``--jobs 2`` runs them). Prints figures; not a test.

    .venv/bin/python benchmarks/blas.py            # ../shared/bench/news.jsonl, 2 rounds

Each setting runs in fresh processes: the spaCy pipeline alone (factx's pipeline without factx's own components)
over the corpus, one pass after a warm-up, timed in wall seconds, with a hash of the entities found (the settings
must all find the same ones). Settings:
- gemm ``blis``: thinc's default ops; ``numpy``: what :func:`factx.pipeline.load` uses (``NumpyOps(use_blis=False)``);
- threads ``default``: OpenBLAS' own choice (one per core); ``env 1``: ``OPENBLAS_NUM_THREADS=1`` before numpy
  loads (what the command line sets, :mod:`factx._blas_threads`); ``limit 1``: one thread set at run time
  (:func:`factx.pipeline.limit_blas_threads`, what worker processes do when their BLAS was started with more);
- processes ``1`` or ``2`` at once (the time of the slower one is given).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from common import BENCH

HERE = Path(__file__).resolve().parent
CHILD = """
import contextlib, hashlib, sys, time
sys.path.insert(0, {here!r})
from common import read_texts
gemm, threads, path = sys.argv[1:4]
import factx.pipeline
if gemm == "blis":
    factx.pipeline.numpy_gemm = contextlib.nullcontext
if threads == "limit 1":
    factx.pipeline.limit_blas_threads()
nlp = factx.pipeline.load(exclude=tuple(factx.pipeline.COMPONENTS))
texts = read_texts(__import__("pathlib").Path(path))
for _ in nlp.pipe(texts[:20]):
    pass
digest = hashlib.sha256()
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=8):
    digest.update(repr([(e.start, e.end, e.label_) for e in doc.ents]).encode())
print(time.perf_counter() - start, digest.hexdigest()[:12])
"""


def run(gemm: str, threads: str, processes: int, data: Path) -> tuple[float, set[str]]:
    """Seconds of the slowest of ``processes`` children run side by side, and the entity hashes they printed."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    if threads == "env 1":
        env["OPENBLAS_NUM_THREADS"] = "1"
    command = [sys.executable, "-c", CHILD.format(here=str(HERE)), gemm, threads, str(data)]
    children = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                for _ in range(processes)]
    outputs = [child.communicate()[0].split() for child in children]
    if any(child.returncode for child in children):
        raise RuntimeError(f"{gemm} / {threads}: a child process failed")
    return max(float(seconds) for seconds, _ in outputs), {digest for _, digest in outputs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"{args.data.name}; {os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    settings = [(gemm, threads, processes) for processes in (1, 2) for gemm in ("blis", "numpy")
                for threads in ("default", "env 1", "limit 1")]
    times: dict[tuple, list[float]] = {setting: [] for setting in settings}
    digests: set[str] = set()
    for _ in range(args.rounds):  # interleaved rounds: a slower spell of the machine hits every setting
        for setting in settings:
            seconds, found = run(*setting, args.data)
            times[setting].append(seconds)
            digests |= found
    for (gemm, threads, processes), seconds in times.items():
        print(f"  gemm {gemm:5}  threads {threads:7}  {processes} process{'es' if processes > 1 else '  '}  "
              f"{min(seconds):6.2f} s (rounds: {', '.join(f'{s:.2f}' for s in seconds)})")
    print(f"entities: {'the same in every run' if len(digests) == 1 else 'DIFFERENT: ' + ', '.join(sorted(digests))}")


if __name__ == "__main__":
    main()
