"""Does ``factx report`` stream in bounded memory, and how large is its page? Prints figures (it is not a test).

    python benchmarks/report_memory.py                  # the sample, the bench corpus, 10,000 and 100,000 docs
    python benchmarks/report_memory.py --docs 20000 --jobs 2

Runs ``python -m factx report PATH -o page.html --data-dir DIR -q`` in a fresh process for each input and prints
its wall time, peak RSS (of the largest process) and the size of the page: on the sample article, on the bench
corpus (../shared/bench/news.jsonl), and on a tenth and all of ``--docs`` generated documents
(benchmarks/memory.py's generator: news-like sentences with random people, amounts and dates). Memory bounded by
organisations and months, not documents, means the two generated peaks are about the same. ``--extract`` also
runs ``factx extract --events -f jsonl`` on each input, the same reading and pipeline without the aggregation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import BENCH
from memory import write_jsonl
from throughput import load_average, run_measured

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "chongqing-singapura.txt"


def measure(label: str, path: Path, count: int, jobs: str, folder: Path, extract: bool) -> None:
    page = folder / f"{path.stem}.html"
    data = folder / f"{path.stem}-data"
    command = [sys.executable, "-m", "factx", "report", str(path), "-o", str(page), "--data-dir", str(data), "-q",
               "--jobs", jobs]
    seconds, rss, _ = run_measured(command)
    csv_kb = sum(p.stat().st_size for p in data.iterdir()) / 1024
    print(f"{label:<28} {count:>8,} docs: report peak RSS {rss:6.0f} MB, {seconds:7.1f} s, "
          f"{count / seconds:6.1f} docs/s; page {page.stat().st_size / 1024:7.1f} KB, CSV files {csv_kb:9,.0f} KB "
          f"({load_average()})")
    if extract:
        seconds, rss, _ = run_measured([sys.executable, "-m", "factx", "extract", str(path), "--events", "-f",
                                        "jsonl", "-q", "--jobs", jobs, "-o", str(folder / "frames.jsonl")])
        print(f"{'':<28} {'':>8}       extract --events peak RSS {rss:6.0f} MB, {seconds:7.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--extract", action="store_true", help="Also run extract --events on each input.")
    parser.add_argument("--skip-generated", action="store_true", help="Only the sample and the bench corpus.")
    args = parser.parse_args()
    print(load_average())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        measure("sample", SAMPLE, 1, args.jobs, folder, args.extract)
        if BENCH.exists():
            measure("bench corpus (news.jsonl)", BENCH, sum(1 for _ in BENCH.open(encoding="utf-8")), args.jobs,
                    folder, args.extract)
        if args.skip_generated:
            return
        for count in (args.docs // 10, args.docs):
            path = folder / f"generated-{count}.jsonl"
            write_jsonl(path, count)
            measure("generated", path, count, args.jobs, folder, args.extract)
            path.unlink()


if __name__ == "__main__":
    main()
