"""How much of factx's pipeline time goes to event frames, and how many frames the news corpus gives.

    .venv/bin/python benchmarks/events_share.py [--data ../shared/bench/news.jsonl] [--model DIR] [--repeat 3]
                                                [--show 30]

Times ``nlp.pipe`` over the corpus without factx_events, then factx_events on the Docs it made (named events and
frames apart; best of ``--repeat`` runs each); prints the times and the shares of the whole, then counts over
the corpus: frames per sentence and per document, by type, with a date, with an amount, the share of DATE
mentions (with a value) that are the date of a frame whose clause holds them, and a random sample of frames
(fixed seed) to check by eye for flooding. ``--model`` picks the spaCy pipeline
(default: the shipped one, else a blank one with the rule components only).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import factx
from common import BENCH, best_time, read_texts
from factx.events import EventsComponent

NAME = "factx_events"
DEFAULT_DATA = BENCH


def events_share(path: Path, model: Path | None = None, repeat: int = 3) -> dict:
    """Seconds of the pipeline without factx_events, and of factx_events itself (named events, then frames) run
    on the Docs that pipeline made (best of ``repeat``); the shares are of the whole pipeline's time.

    The component is timed directly because the difference of two full runs is smaller than their noise on a
    shared machine.
    """
    nlp = factx.load(model)
    texts = read_texts(path)
    best_time(nlp, texts[:20], 1)  # warm up (word tables, root caches)
    without = best_time(nlp, texts, repeat, disable=(NAME,))
    with nlp.select_pipes(disable=[NAME]):
        docs = list(nlp.pipe(texts))
    named = min(_component_time(EventsComponent(frames=False), docs) for _ in range(repeat))
    frames = min(_component_time(EventsComponent(named_events=False), docs) for _ in range(repeat))
    total = without + named + frames
    return {
        "docs": len(texts),
        "tokens": sum(len(doc) for doc in docs),
        "pipes": nlp.pipe_names,
        "seconds_without_events": round(without, 3),
        "seconds_named_events": round(named, 3),
        "seconds_frames": round(frames, 3),
        "frames_share": round(frames / total, 4),
        "events_share": round((named + frames) / total, 4),
    }


def _component_time(component: EventsComponent, docs: list) -> float:
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    return time.perf_counter() - start


def frame_counts(path: Path, model: Path | None = None, show: int = 30, seed: int = 0) -> tuple[dict, list[str]]:
    """Frames per sentence/document, by type, with date/amount/organisation, and ``show`` frames to read."""
    nlp = factx.load(model)
    counts: Counter = Counter()
    types: Counter = Counter()
    rows = []
    for doc in nlp.pipe(read_texts(path)):
        counts["docs"] += 1
        counts["sentences"] += sum(1 for _ in doc.sents)
        counts["named_events"] += sum(1 for e in doc.ents if e.label_ == "EVENT")
        counts["dates"] += sum(1 for e in doc.ents if e.label_ == "DATE")
        frames = doc._.events or []
        for date in (e for e in doc.ents if e.label_ == "DATE" and e._.value):
            counts["dated"] += 1  # a DATE with a value: is it some frame's date (the frame's clause holds it)?
            counts["dated_attached"] += any(f.date == date._.value and f.span.start <= date.start < f.span.end
                                            for f in frames)
        for frame in frames:
            counts["frames"] += 1
            types[frame.event_type] += 1
            counts["with_date"] += frame.date is not None
            counts["with_money"] += bool(frame.money)
            counts["with_org"] += bool(frame.orgs)
            money = ", ".join(m.text for m in frame.money)
            rows.append(f"{frame.event_type:13} {frame.trigger.text:18} date={frame.date} orgs={frame.orgs} "
                        f"money=[{money}] | {frame.span.text[:110]}")
    out = dict(counts)
    out["frames_per_sentence"] = round(counts["frames"] / max(counts["sentences"], 1), 3)
    out["frames_per_doc"] = round(counts["frames"] / max(counts["docs"], 1), 2)
    out["dates_attached_share"] = round(counts["dated_attached"] / max(counts["dated"], 1), 3)
    out["types"] = dict(types.most_common())
    random.Random(seed).shuffle(rows)
    return out, rows[:show]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", type=int, default=30, help="frames to print (0: none)")
    args = parser.parse_args()
    print(json.dumps(events_share(args.data, args.model, args.repeat), indent=2))
    counts, rows = frame_counts(args.data, args.model, args.show)
    print(json.dumps(counts, indent=2))
    if rows:
        print("\n".join(rows))


if __name__ == "__main__":
    main()
