"""How much of factx's pipeline time goes to the organisations gazetteer, and to the factx_orgs component.

    python benchmarks/orgs_share.py [--data ../shared/bench/news.jsonl] [--repeat 3]

Times the tokenizer and every component of ``factx.load()`` one document at a time (CPU seconds, best of
``--repeat`` passes; see ``common.component_seconds``), and within factx_orgs the gazetteer's own work: the
PhraseMatcher over ``factx/lang/organisations.tsv`` (``Gazetteer.spans``) and the reconciliation of its matches with
the model's entities (``reconcile.gazetteer_spans``). Prints the seconds and the gazetteer's share of the whole
pipeline (the issue's bound: under 5%), and the time to build the matcher when the pipeline loads.
"""

from __future__ import annotations

import argparse
import json
import time
from functools import partial
from pathlib import Path

import factx
import factx.orgs.component as orgs_component
from common import BENCH, component_seconds, read_texts
from factx.orgs.gazetteer import Gazetteer, read_gazetteer


class Timed:
    """A callable that adds the CPU seconds of each call of ``function`` to ``seconds``."""

    def __init__(self, function):
        self.function = function
        self.seconds = 0.0

    def __call__(self, *args, **kwargs):
        start = time.process_time()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.process_time() - start


def orgs_share(path: Path, repeat: int = 3) -> dict:
    nlp = factx.load()
    texts = read_texts(path)
    component = nlp.get_pipe("factx_orgs")
    start = time.process_time()
    Gazetteer(nlp, read_gazetteer())
    build = time.process_time() - start
    component_seconds(nlp, texts[:20], 1)  # warm up
    best_matcher = best_reconcile = float("inf")
    best_times: dict[str, float] = {}
    for _ in range(repeat):
        matcher = Timed(Gazetteer.spans)
        reconcile = Timed(orgs_component.gazetteer_spans)
        component.gazetteer.spans = partial(matcher, component.gazetteer)
        orgs_component.gazetteer_spans = reconcile
        try:
            times = component_seconds(nlp, texts, 1)
        finally:
            del component.gazetteer.spans
            orgs_component.gazetteer_spans = reconcile.function
        if sum(times.values()) < sum(best_times.values() or [float("inf")]):
            best_times = times
            best_matcher, best_reconcile = matcher.seconds, reconcile.seconds
    total = sum(best_times.values())
    gazetteer = best_matcher + best_reconcile
    return {
        "docs": len(texts),
        "aliases": len(component.gazetteer),
        "cpu_seconds_per_component": {name: round(sec, 3) for name, sec in best_times.items()},
        "cpu_seconds_total": round(total, 3),
        "gazetteer_seconds": {"matcher": round(best_matcher, 3), "reconcile": round(best_reconcile, 3)},
        "gazetteer_share": round(gazetteer / total, 4),
        "orgs_share": round(best_times["factx_orgs"] / total, 4),
        "gazetteer_build_seconds": round(build, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(orgs_share(args.data, args.repeat), indent=2))


if __name__ == "__main__":
    main()
