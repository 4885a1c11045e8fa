"""The rule gates and windows of :func:`factx.dates.find`: same output with and without them, and the time
they save.

    taskset -c 0 .venv/bin/python benchmarks/dates_gates.py [--data ../shared/bench/news.jsonl] [--repeat 3]

For every text of the corpus compares ``find(text)`` with ``find(text, gates=False, windows=False)`` (every rule
scanned over the whole text): each expression's offsets, label, kind, flags, qualifier, time, days and its value
against no reference date and against a fixed one. Prints the texts that differ (there must be none), how many texts
each gated rule was skipped in, the share of the text each windowed rule is searched over (where its gate is open),
and the CPU seconds of ``find`` over the corpus three ways (best of ``--repeat``, the three timed in turn in each
round): plain, with gates only, with gates and windows. Exits 1 when any text differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from common import BENCH, read_texts

from factx.dates import Expr, find, scan
from factx.dates.finder import ASCII_LOWER
from factx.dates.rules import RULES

REF = dt.date(2025, 3, 12)


def _value(expr: Expr, ref, year):
    try:
        return expr.resolve(ref, year)
    except (OverflowError, ValueError) as error:
        return type(error).__name__


def signature(exprs: list[Expr]) -> list[tuple]:
    """What ``find`` says about each expression, as plain values."""
    return [(e.start, e.end, e.label, e.kind, e.anchor, e.full, e.dateline, e.needs_year, e.qualifier, e.time,
             e.days, _value(e, None, None), _value(e, REF, None), _value(e, REF, 2010)) for e in exprs]


WAYS = {"plain": {"gates": False, "windows": False}, "gates": {"windows": False}, "gates_and_windows": {}}


def cpu_seconds(texts: list[str], repeat: int) -> dict[str, float]:
    """Best CPU seconds of ``find`` over ``texts`` for each of WAYS, timed in turn in each round (same load)."""
    best = {way: float("inf") for way in WAYS}
    for _ in range(repeat):
        for way, options in WAYS.items():
            start = time.process_time()
            for text in texts:
                find(text, **options)
            best[way] = min(best[way], time.process_time() - start)
    return best


def skipped(texts: list[str]) -> dict[str, int]:
    """For each gated rule, in how many texts its gate is closed."""
    counts: dict[str, int] = {}
    for text in texts:
        lower = text.translate(ASCII_LOWER)
        words = frozenset(scan._LETTERS.findall(lower))
        for (_, handler), gate in zip(RULES, scan._gates()):
            if gate is not None:
                counts[handler.__name__] = counts.get(handler.__name__, 0) + (not scan._open(gate, words, lower))
    return counts


def searched(texts: list[str]) -> dict[str, float]:
    """For each windowed rule, the share of the characters of the texts its gate opens for that its windows cover."""
    runs = scan._run_windows()
    covered = {handler.__name__: [0, 0] for (_, handler), window in zip(RULES, scan._windows())
               if window or handler in runs}
    for text in texts:
        lower = text.translate(ASCII_LOWER)
        words = frozenset(scan._LETTERS.findall(lower))
        for (_, handler), gate, window in zip(RULES, scan._gates(), scan._windows()):
            if (window is None and handler not in runs) or not scan._open(gate, words, lower):
                continue
            if window is None:  # a rule with windows counted in words
                run = runs[handler]
                spans = run.spans(lower, lower[::-1], run.anchor.starts(lower, words))
            else:
                anchor, lead, reach = window
                spans = scan._spans(anchor.starts(lower, words), lower, lower[::-1], lead, reach)
            covered[handler.__name__][0] += sum(end - first for first, _, end in spans)
            covered[handler.__name__][1] += len(lower)
    return {name: round(inside / max(total, 1), 3) for name, (inside, total) in covered.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = read_texts(args.data)
    differ = [i for i, text in enumerate(texts)
              if signature(find(text)) != signature(find(text, gates=False, windows=False))]
    for i in differ:
        print(f"text {i} differs", file=sys.stderr)
    seconds = cpu_seconds(texts, args.repeat)
    print(json.dumps({
        "texts": len(texts),
        "identical": len(texts) - len(differ),
        "expressions": sum(len(find(text)) for text in texts),
        "texts_skipped_per_rule": skipped(texts),
        "share_searched_per_windowed_rule": searched(texts),
        **{f"cpu_seconds_{way}": round(value, 3) for way, value in seconds.items()},
    }, indent=2))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
