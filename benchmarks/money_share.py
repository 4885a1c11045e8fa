"""How much of factx's pipeline time goes to the factx_money component, and what it finds.

    .venv/bin/python benchmarks/money_share.py [--data ../shared/bench/news.jsonl] [--repeat 3] [--show 40]

Times the tokenizer and every component of ``factx.load()`` over the corpus (best of ``--repeat`` passes), prints
the seconds and factx_money's share, then prints a sample of the MONEY mentions found, with context, to check by
eye for false positives and misses.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import factx
from common import BENCH, component_seconds, read_texts

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = BENCH


def money_share(path: Path, repeat: int = 3) -> dict:
    """Per-component seconds over the texts of ``path`` and factx_money's share of the whole pipeline."""
    nlp = factx.load()
    texts = read_texts(path)
    component_seconds(nlp, texts[:20], 1, clock=time.perf_counter)  # warm up (regex compilation, lazy tables)
    times = component_seconds(nlp, texts, repeat, clock=time.perf_counter)
    total = sum(times.values())
    return {
        "docs": len(texts),
        "seconds": {name: round(value, 3) for name, value in times.items()},
        "seconds_total": round(total, 3),
        "money_share": round(times["factx_money"] / total, 4),
        "money_added_to_rest": round(times["factx_money"] / (total - times["factx_money"]), 4),
    }


def money_sample(path: Path, show: int, seed: int = 0) -> tuple[int, list[str]]:
    """How many MONEY mentions the corpus gives, and ``show`` of them (random, fixed seed) with context."""
    nlp = factx.load()
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in ("factx_money", "sentencizer")]):
        rows = []
        for doc in nlp.pipe(read_texts(path)):
            for ent in doc.ents:
                if ent.label_ == "MONEY":
                    left = doc.text[max(0, ent.start_char - 40) : ent.start_char].replace("\n", " ")
                    right = doc.text[ent.end_char : ent.end_char + 30].replace("\n", " ")
                    extra = "".join(f" {k}={v}" for k, v in (("unit", ent._.unit), ("q", ent._.qualifier)) if v)
                    rows.append(f"{ent._.value:>32} | {left:>40}[{ent.text}]{right}{extra}")
    random.Random(seed).shuffle(rows)
    return len(rows), rows[:show]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", type=int, default=40, help="MONEY mentions to print (0: none)")
    args = parser.parse_args()
    print(json.dumps(money_share(args.data, args.repeat), indent=2))
    if args.show:
        total, rows = money_sample(args.data, args.show)
        print(f"\n{total} MONEY mentions; a sample of {len(rows)}:")
        print("\n".join(rows))


if __name__ == "__main__":
    main()
