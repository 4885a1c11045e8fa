#!/bin/sh
# Sequential experiment queue (not part of the rebuild): pops "NAME ARGS..." lines from training/output/sw-queue.txt
# (the 27 Nov 2026 sweep: mkdir -p training/output && cp training/sweep-runs.txt training/output/sw-queue.txt),
# trains each pinned to core 1 with one thread (--no-ship), then benchmarks its model-best.
cd "$(dirname "$0")/.." || exit 1
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
Q=training/output/sw-queue.txt
while [ -s "$Q" ]; do
  line=$(head -n 1 "$Q"); sed -i 1d "$Q"
  set -- $line; name=$1; shift
  echo "$(date +%T) start $name $*" >> training/output/sw-progress.txt
  taskset -c 1 .venv/bin/python training/train.py --data ../shared/data --run "sw-$name" --no-ship "$@" > "training/output/sw-$name.log" 2>&1
  echo "$(date +%T) trained $name rc=$?" >> training/output/sw-progress.txt
  taskset -c 1 .venv/bin/python training/bench.py "training/output/sw-$name/model-best" > "training/output/sw-$name.bench" 2>&1
  echo "$(date +%T) bench $name $(cat training/output/sw-$name.bench)" >> training/output/sw-progress.txt
done
