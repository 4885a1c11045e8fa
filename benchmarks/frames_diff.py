"""Which event frames changed between two runs: frames keyed by document, trigger offset and trigger, then counts
of frames added, removed, and changed in date, span or other fields, with examples.

    python benchmarks/frames_diff.py /work/baseline/bench-events.jsonl /tmp/after/bench-events.jsonl [--show 20]

A frame's trigger offset is not a record field; the key is (doc, sentence, trigger, n-th frame with that trigger
in the sentence), which is stable when frames are only added or removed elsewhere in the sentence.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def read(path: Path) -> dict[tuple, dict]:
    out: dict[tuple, dict] = {}
    seen: Counter = Counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                base = (row["doc"], row["sentence"], row["trigger"])
                seen[base] += 1
                out[base + (seen[base],)] = row
    return out


def diff(before: dict[tuple, dict], after: dict[tuple, dict]) -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for key in sorted(set(before) | set(after), key=str):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            kind = "added" if old is None else "removed"
            row = new or old
            line = f'{row["doc"]} {row["event_type"]} {row["trigger"]!r} date={row["date"]} | {row["text"][:140]}'
        else:
            changed = sorted(k for k in old if old[k] != new.get(k) and k not in ("start", "end", "text"))
            if old["text"] != new["text"]:
                changed.append("span")
            if not changed:
                counts["same"] += 1
                continue
            kind = "changed: " + ", ".join(changed)
            line = (f'{new["doc"]} {new["trigger"]!r} date {old["date"]} -> {new["date"]} | '
                    f'{old["text"][:90]!r} -> {new["text"][:90]!r}')
        counts[kind] += 1
        examples.setdefault(kind, []).append(line)
    return counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=10, help="examples per kind of change")
    args = parser.parse_args()
    counts, examples = diff(read(args.before), read(args.after))
    print(json.dumps(dict(counts.most_common()), indent=2))
    for kind, lines in examples.items():
        print(f"== {kind} ({len(lines)})")
        print("\n".join(lines[: args.show]))


if __name__ == "__main__":
    main()
