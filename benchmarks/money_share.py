"""How much of factx's pipeline time goes to the factx_money component, and what it finds.

    .venv/bin/python benchmarks/money_share.py [--data ../shared/bench/news.jsonl] [--repeat 3] [--show 40]

Times ``nlp.pipe`` over the corpus with every component and again with factx_money disabled (best of
``--repeat`` runs each), prints both and the share, then prints a sample of the MONEY mentions found, with
context, to check by eye for false positives and misses.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import factx

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "bench" / "news.jsonl"


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def best_time(nlp, texts: list[str], repeat: int, disable: tuple[str, ...] = ()) -> float:
    best = float("inf")
    with nlp.select_pipes(disable=list(disable)):
        for _ in range(repeat):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts):
                pass
            best = min(best, time.perf_counter() - start)
    return best


def money_share(path: Path, repeat: int = 3) -> dict:
    """Pipeline seconds with and without factx_money over the texts of ``path``, and the component's share."""
    nlp = factx.load()
    texts = read_texts(path)
    best_time(nlp, texts[:20], 1)  # warm up (regex compilation, lazy tables)
    full = best_time(nlp, texts, repeat)
    without = best_time(nlp, texts, repeat, disable=("factx_money",))
    return {
        "docs": len(texts),
        "pipes": nlp.pipe_names,
        "seconds_full": round(full, 3),
        "seconds_without_money": round(without, 3),
        "money_share": round((full - without) / full, 4),
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
