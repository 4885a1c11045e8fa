"""How much of factx's pipeline time goes to the factx_dates component, and what it finds.

    .venv/bin/python benchmarks/dates_share.py [--data ../shared/bench/news.jsonl] [--model DIR] [--repeat 3]
                                               [--show 60]

Times ``nlp.pipe`` over the corpus with every component and again with factx_dates disabled (best of ``--repeat``
runs each, wall clock), then the CPU seconds of each component called one document at a time, and the share of
factx_dates in those (the figure to quote: on a busy machine the wall-clock difference is mostly noise). Then
prints a sample of the DATE/DURATION mentions found, with context and value, to check by eye for false positives
and misses. ``--model`` picks the spaCy pipeline (default: the shipped
one, else a blank one with the rule components only).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import factx
from common import BENCH, best_time, component_seconds, read_texts

NAME = "factx_dates"
DEFAULT_DATA = BENCH


def dates_share(path: Path, model: Path | None = None, repeat: int = 3) -> dict:
    """Pipeline seconds with and without factx_dates over the texts of ``path``, and the component's share."""
    nlp = factx.load(model)
    texts = read_texts(path)
    best_time(nlp, texts[:20], 1)  # warm up (regex compilation, word tables)
    full = best_time(nlp, texts, repeat)
    without = best_time(nlp, texts, repeat, disable=(NAME,))
    per_component = component_seconds(nlp, texts)
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    total = sum(per_component.values())
    return {
        "docs": len(texts),
        "tokens": tokens,
        "pipes": nlp.pipe_names,
        "seconds_full": round(full, 3),
        "seconds_without_dates": round(without, 3),
        "share_from_difference": round((full - without) / full, 4),
        "cpu_seconds_per_component": {name: round(sec, 3) for name, sec in per_component.items()},
        "dates_ms_per_1k_tokens": round(per_component[NAME] * 1e6 / tokens, 3),
        "dates_share": round(per_component[NAME] / total, 4),
    }


def dates_sample(path: Path, show: int, seed: int = 0) -> tuple[dict, list[str]]:
    """Counts of DATE/DURATION mentions (and how many have no value) and ``show`` of them with context."""
    nlp = factx.load()
    counts = {"DATE": 0, "DURATION": 0, "no_value": 0}
    rows = []
    with nlp.select_pipes(enable=["sentencizer", "factx_money", NAME]):
        for doc in nlp.pipe(read_texts(path)):
            for ent in doc.ents:
                if ent.label_ in ("DATE", "DURATION"):
                    counts[ent.label_] += 1
                    counts["no_value"] += ent._.value is None
                    left = doc.text[max(0, ent.start_char - 40) : ent.start_char].replace("\n", " ")
                    right = doc.text[ent.end_char : ent.end_char + 30].replace("\n", " ")
                    rows.append(f"{ent.label_:8} {str(ent._.value):>24} | {left:>40}[{ent.text}]{right}")
    random.Random(seed).shuffle(rows)
    return counts, rows[:show]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", type=int, default=60, help="mentions to print (0: none)")
    args = parser.parse_args()
    print(json.dumps(dates_share(args.data, args.model, args.repeat), indent=2))
    if args.show:
        counts, rows = dates_sample(args.data, args.show)
        print(json.dumps(counts))
        print("\n".join(rows))


if __name__ == "__main__":
    main()
