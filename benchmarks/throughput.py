"""Throughput of factx on a news corpus: prints figures (it is not a test).

    .venv/bin/python benchmarks/throughput.py                # ../shared/bench/news.jsonl
    .venv/bin/python benchmarks/throughput.py --repeat 4     # the corpus 4 times over for the CLI runs

In one run, on the same texts:
- the floor: spaCy's bare ``id`` tokenizer (``spacy.blank("id")``);
- the spaCy pipeline alone: factx's pipeline without factx's own components (the trained model, if shipped), loaded
  and run as the command line runs it (numpy's matrix products, one BLAS thread: see factx._blas_threads);
- factx end-to-end through the library (``factx.results``): every type of mention (what the command line gives by
  default), and every type with event frames (``events=True``; frames are only made when asked for); with each
  component's share (frames included);
- factx end-to-end through the CLI (``python -m factx extract ... -f jsonl``, output to /dev/null), ``--jobs 1`` and
  ``--jobs 2``, with start-up measured apart (an empty input) and the peak RSS of the largest process;
- dateparser's ``search_dates(text, languages=["id"])``, a dates-only peer, on every document (``--subset N``: on the
  first N only, its words/s extrapolated: quicker, but the first 50 documents read 3% faster than the whole corpus).

The speeds that are compared (spaCy alone against the library, dateparser and the CLI runs against each other) are
measured ``--rounds`` times, interleaved (spaCy alone, library, spaCy alone, library, ...), and the ratios are
given for each round and as the median over the rounds: one run's time varies by several percent on a shared
machine. "words" are whitespace-separated words. Timings on a busy machine are not final: the load average is
printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import factx._blas_threads  # noqa: F401  (first: BLAS threads as the command line sets them, before numpy loads)
from common import BENCH, read_texts
from factx.engine import BATCH_SIZE

HERE = Path(__file__).resolve().parent
DATA = BENCH
# Runs a command with stdout to /dev/null and prints the peak RSS (KiB) of its largest process (on Linux the
# children's ru_maxrss covers every waited-for descendant, so pool workers count too), its wall time and the CPU
# time of all its processes.
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, time.perf_counter() - t, usage.ru_utime + usage.ru_stime, rc)\n"
)


def load_average() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    out = function(*args)
    return time.perf_counter() - started, out


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:>10,.0f} words/s"


def run_measured(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds of all its processes) of ``command``, run in a fresh process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    rss, seconds, cpu, rc = out.stdout.split()
    if rc != "0":
        raise RuntimeError(f"{' '.join(command)} exited {rc}")
    return float(seconds), int(rss) / 1024, float(cpu)


def component_times(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipe component over ``texts``, component by component."""
    from factx import records as rec

    times = {}
    times["tokenizer"], docs = timed(lambda: [nlp.make_doc(text) for text in texts])
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            times[name], docs = timed(lambda: list(proc.pipe(docs, batch_size=batch_size)))
        else:
            times[name], docs = timed(lambda: [proc(doc) for doc in docs])
    times["records"], _ = timed(lambda: [(rec.mentions(doc, "x"), rec.events(doc, "x")) for doc in docs])
    return times


def cli_runs(data: Path, words: int, docs: int, model: str | None, jobs_list: list[int], rounds: int,
             dateparser_rate: float) -> None:
    base = [sys.executable, "-m", "factx", "extract", "-f", "jsonl", "-q"] + (["--model", model] if model else [])
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        start_up, start_rss, start_cpu = run_measured(base + [str(empty)])
        print(f"  start-up (empty input)        {start_up:7.2f} s   peak RSS {start_rss:6.0f} MB")
        walls: dict[int, list[float]] = {jobs: [] for jobs in jobs_list}
        cpus: dict[int, list[float]] = {jobs: [] for jobs in jobs_list}
        for round_ in range(1, rounds + 1):
            for jobs in jobs_list:  # interleaved: --jobs 1, --jobs 2, --jobs 1, ...
                wall, rss, cpu = run_measured(base + ["--jobs", str(jobs), str(data)])
                walls[jobs].append(wall)
                cpus[jobs].append(cpu)
                print(
                    f"  round {round_} --jobs {jobs}  {wall:7.2f} s {rate(words, wall)} {docs / wall:8.1f} docs/s   "
                    f"peak RSS {rss:6.0f} MB   without start-up: {rate(words, wall - start_up)}; CPU {cpu:.1f} s   "
                    f"{words / wall / dateparser_rate:.2f}x dateparser   ({load_average()})"
                )
        for jobs in jobs_list:
            wall = statistics.median(walls[jobs])
            print(f"  --jobs {jobs}, median of {rounds}: {wall:7.2f} s {rate(words, wall)} = "
                  f"{words / wall / dateparser_rate:.2f}x dateparser (rounds: "
                  f"{', '.join(f'{words / w / dateparser_rate:.2f}x' for w in walls[jobs])})")
        if 1 in walls:
            for jobs in jobs_list:
                if jobs != 1:
                    speedups = [w1 / w for w1, w in zip(walls[1], walls[jobs])]
                    cpu_1, cpu = statistics.median(cpus[1]), statistics.median(cpus[jobs])
                    # What the runs would take with `jobs` idle cores: the CPU work shared out evenly.
                    print(
                        f"  --jobs {jobs} / --jobs 1: {statistics.median(speedups):.2f}x wall, median of {rounds} "
                        f"({', '.join(f'{x:.2f}x' for x in speedups)}); on {jobs} idle cores at most "
                        f"{jobs * (cpu_1 - start_cpu) / (cpu - start_cpu):.2f}x (CPU {cpu_1:.1f} s vs {cpu:.1f} s)"
                    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="JSONL corpus with a text field.")
    parser.add_argument("--model", help="A spaCy pipeline directory (default: factx's shipped one).")
    parser.add_argument("--subset", type=int, default=0,
                        help="Time dateparser on the first N documents only (0: all of them, the default).")
    parser.add_argument("--repeat", type=int, default=1, help="Corpus copies for the CLI runs.")
    parser.add_argument("--jobs", default="1,2", help="--jobs values for the CLI runs.")
    parser.add_argument("--rounds", type=int, default=3, help="Interleaved repeats of the compared timings.")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--no-cli", action="store_true", help="Library figures only.")
    args = parser.parse_args()

    import spacy

    import factx
    from factx.pipeline import COMPONENTS

    texts = read_texts(args.data)
    words = sum(len(text.split()) for text in texts)
    print(f"corpus {args.data}: {len(texts)} documents, {words:,} words; python {sys.version.split()[0]}, "
          f"spaCy {spacy.__version__}, {os.cpu_count()} cores, {load_average()}")

    floor = spacy.blank("id").tokenizer
    list(floor.pipe(texts[:20]))
    seconds, _ = timed(lambda: list(floor.pipe(texts)))
    print(f"floor: spaCy blank('id') tokenizer     {seconds:7.2f} s {rate(words, seconds)}")

    nlp = factx.load(args.model, exclude=tuple(COMPONENTS))
    list(nlp.pipe(texts[:20]))
    load_seconds, full = timed(factx.load, args.model)
    list(factx.results(texts[:20], full, events=True))
    # Each run streams and keeps only counts, as a real run would: a run that kept the previous run's 502 Docs
    # alive (700 MB) ran up to 10% slower.
    alone, library, framed = [], [], []
    for round_ in range(1, args.rounds + 1):  # interleaved, so that a slower spell of the machine hits all three
        seconds, _ = timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size)))
        alone.append(seconds)
        seconds, mentions = timed(
            lambda: sum(len(r.mentions) for r in factx.results(texts, full, batch_size=args.batch_size))
        )
        library.append(seconds)
        seconds, events = timed(
            lambda: sum(len(r.events) for r in factx.results(texts, full, events=True, batch_size=args.batch_size))
        )
        framed.append(seconds)
        print(
            f"round {round_}: spaCy pipeline alone {nlp.pipe_names} {alone[-1]:7.2f} s {rate(words, alone[-1])}; "
            f"factx library, all types {library[-1]:7.2f} s {rate(words, library[-1])} "
            f"{len(texts) / library[-1]:6.1f} docs/s = {library[-1] / alone[-1]:.2f}x the spaCy pipeline alone's time; "
            f"with event frames {framed[-1]:7.2f} s = {framed[-1] / alone[-1]:.2f}x ({load_average()})"
        )
    print(
        f"median of {args.rounds} rounds: spaCy pipeline alone {rate(words, statistics.median(alone))}, factx library "
        f"{rate(words, statistics.median(library))} ({mentions:,} mentions of every type; load {load_seconds:.2f} s): "
        f"library / spaCy alone {statistics.median(b / a for a, b in zip(alone, library)):.2f}x; with event frames "
        f"({events:,}) {rate(words, statistics.median(framed))}, "
        f"{statistics.median(b / a for a, b in zip(alone, framed)):.2f}x"
    )
    times = component_times(full, texts, args.batch_size)
    total = sum(times.values())
    print("  share of time: " + ", ".join(f"{name} {t / total:.0%} ({t:.2f} s)" for name, t in times.items()))
    print(f"  peak RSS of this process so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    from dateparser.search import search_dates

    subset = texts[: args.subset] if args.subset else texts
    subset_words = sum(len(text.split()) for text in subset)
    search_dates(subset[0][:200], languages=["id"])  # its first call loads its data
    runs = [timed(lambda: [search_dates(text, languages=["id"]) for text in subset])[0] for _ in range(args.rounds)]
    seconds = statistics.median(runs)
    dateparser_rate = subset_words / seconds
    print(
        f"dateparser.search_dates (dates only)  {seconds:7.2f} s {rate(subset_words, seconds)} "
        f"on the first {len(subset)} documents ({subset_words:,} words), median of {args.rounds}; extrapolated: "
        f"{words / subset_words * seconds:.0f} s for the corpus; ({load_average()})"
    )

    if args.no_cli:
        return
    jobs_list = [int(j) for j in args.jobs.split(",")]
    data = args.data
    with tempfile.TemporaryDirectory() as folder:
        if args.repeat > 1:
            data = Path(folder) / "repeated.jsonl"
            lines = args.data.read_text(encoding="utf-8")
            data.write_text(lines * args.repeat, encoding="utf-8")
        print(f"factx CLI on {data.name} ({args.repeat}x the corpus):")
        cli_runs(data, words * args.repeat, len(texts) * args.repeat, args.model, jobs_list, args.rounds,
                 dateparser_rate)


if __name__ == "__main__":
    main()
