"""What the benchmark scripts share: where the shared material is, reading the corpus, and timing a pipeline."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BENCH = SHARED / "bench" / "news.jsonl"
DATA = SHARED / "data"


def read_texts(path: Path) -> list[str]:
    """The ``text`` of every line of a JSONL corpus."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def best_time(nlp, texts: list[str], repeat: int, disable: tuple[str, ...] = ()) -> float:
    """Best wall-clock seconds of ``repeat`` runs of ``nlp.pipe`` over ``texts`` with ``disable`` switched off."""
    best = float("inf")
    with nlp.select_pipes(disable=list(disable)):
        for _ in range(repeat):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts):
                pass
            best = min(best, time.perf_counter() - start)
    return best


def component_seconds(
    nlp, texts: list[str], repeat: int = 1, clock: Callable[[], float] = time.process_time
) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each component, calling them one document at a time (best of
    ``repeat`` passes). All components are timed in the same passes, so load from other processes on a shared
    machine affects them alike, which a with/without difference of two whole runs does not."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
        for text in texts:
            start = clock()
            doc = nlp.make_doc(text)
            spent["tokenizer"] += clock() - start
            for name, component in nlp.pipeline:
                start = clock()
                doc = component(doc)
                spent[name] += clock() - start
        best = spent if not best else {name: min(best[name], spent[name]) for name in spent}
    return best
