"""Where factx spends its time: cProfile over ``factx.results`` on a news corpus (prints figures; not a test).

    .venv/bin/python benchmarks/hotspots.py                   # ../shared/bench/news.jsonl, first 200 documents
    .venv/bin/python benchmarks/hotspots.py --docs 0 --top 40  # the whole corpus, 40 rows

Prints the functions of factx's own code (factx/) that take the most time, by own time and by cumulative time,
then the heaviest functions anywhere (spaCy, regex, dateparser, ...), so that a hot spot is found at its depth.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
from pathlib import Path

from common import read_texts
from throughput import DATA


def rows(stats: pstats.Stats, key: int, only: str | None, top: int) -> list[tuple]:
    """(seconds, calls, where) of the ``top`` functions by ``key`` (2 own time, 3 cumulative) in files under ``only``."""
    out = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        if only is not None and only not in file:
            continue
        where = f"{Path(file).name}:{line}({name})" if only is None else f"{file.split(only, 1)[1]}:{line}({name})"
        out.append(((own, cumulative)[key - 2], calls, where))
    return sorted(out, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model")
    parser.add_argument("--docs", type=int, default=200, help="Documents to profile (0 = all).")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--save", type=Path, help="Also write the raw profile here (for snakeviz and the like).")
    args = parser.parse_args()

    import factx

    texts = read_texts(args.data)
    texts = texts[: args.docs] if args.docs else texts
    nlp = factx.load(args.model)
    list(factx.results(texts[:5], nlp, events=True))
    profile = cProfile.Profile()
    profile.enable()
    for _ in factx.results(texts, nlp, events=True):
        pass
    profile.disable()
    if args.save:
        profile.dump_stats(args.save)
    stats = pstats.Stats(profile)
    print(f"{len(texts)} documents, {stats.total_tt:.2f} s under the profiler; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    package = os.sep + "factx" + os.sep
    for title, key, only in (
        ("factx's code by own time", 2, package),
        ("factx's code by cumulative time", 3, package),
        ("everything by own time", 2, None),
    ):
        print(f"\n{title}:")
        for seconds, calls, where in rows(stats, key, only, args.top):
            print(f"  {seconds:8.3f} s {calls:>10,} calls  {where}")


if __name__ == "__main__":
    main()
