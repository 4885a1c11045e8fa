"""Which DATE records changed between two runs of ``same_records.py``, counted by kind of change.

    python benchmarks/same_records.py --out /tmp/before               # on the old code
    python benchmarks/same_records.py --out /tmp/after                # on the new code
    python benchmarks/dates_changes.py /tmp/before /tmp/after [--show N]

Mentions are matched by (doc, type, start, end); the ``year_source`` field, new in issue 14, is left out of the
comparison of values and counted on its own. Event frames are matched by (doc, start, end, trigger) and compared
on their ``date``. ``--show N`` prints up to N examples of each kind.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

UNKNOWN = re.compile(r"XXXX")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def kind(old: str | None, new: str | None) -> str:
    """A name for a change of value."""
    if old is None:
        return "null -> unknown year (XXXX)" if new and UNKNOWN.search(new) else "null -> value"
    if new is None:
        return "value -> null"
    if UNKNOWN.search(new):
        return "year -> unknown year (XXXX)"
    return "year -> another year" if old[:4] != new[:4] else "value -> another value, same year"


def mentions(before: Path, after: Path, show: int) -> None:
    old = {(r["doc"], r["type"], r["start"], r["end"]): r for r in read(before)}
    new = {(r["doc"], r["type"], r["start"], r["end"]): r for r in read(after)}
    changes: dict[str, list] = defaultdict(list)
    for key in old.keys() - new.keys():
        changes[f"mention lost ({key[1]})"].append((old[key]["text"], old[key]["value"], None))
    for key in new.keys() - old.keys():
        changes[f"mention new ({key[1]})"].append((new[key]["text"], None, new[key]["value"]))
    sources: Counter = Counter()
    for key in old.keys() & new.keys():
        a, b = old[key], new[key]
        if b["type"] == "DATE":
            sources[b.get("year_source")] += 1
        if a["value"] != b["value"]:
            label = kind(a["value"], b["value"])
            if b["type"] == "DATE":
                label += f" [year_source {b.get('year_source')}]"
            changes[label].append((b["text"], a["value"], b["value"], b["doc"]))
    print(f"{after.name}: {len(new)} records ({len(old)} before)")
    print("  DATE year_source: " + ", ".join(f"{k}={v}" for k, v in sorted(sources.items(), key=str)))
    for label, items in sorted(changes.items()):
        print(f"  {len(items):5d}  {label}")
        for item in items[:show]:
            print(f"           {item}")


def events(before: Path, after: Path, show: int) -> None:
    def key(r: dict) -> tuple:
        return (r["doc"], r["start"], r["end"], r["trigger"])

    old = {key(r): r for r in read(before)}
    new = {key(r): r for r in read(after)}
    changes: dict[str, list] = defaultdict(list)
    for k in old.keys() & new.keys():
        if old[k]["date"] != new[k]["date"]:
            changes["frame date: " + kind(old[k]["date"], new[k]["date"])].append(
                (new[k]["trigger"], old[k]["date"], new[k]["date"], k[0]))
    changes["frame lost"] = [(old[k]["trigger"], old[k]["date"], None, k[0]) for k in old.keys() - new.keys()]
    changes["frame new"] = [(new[k]["trigger"], None, new[k]["date"], k[0]) for k in new.keys() - old.keys()]
    print(f"{after.name}: {len(new)} frames ({len(old)} before)")
    for label, items in sorted(changes.items()):
        if items:
            print(f"  {len(items):5d}  {label}")
            for item in items[:show]:
                print(f"           {item}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=0, help="examples to print for each kind of change")
    args = parser.parse_args()
    for name in ("bench-mentions.jsonl", "sample-mentions.jsonl"):
        mentions(args.before / name, args.after / name, args.show)
    for name in ("bench-events.jsonl", "sample-events.jsonl"):
        events(args.before / name, args.after / name, args.show)


if __name__ == "__main__":
    main()
