"""Which event frames changed between two runs: frames keyed by document, trigger offset and trigger, then counts
of frames added, removed, and changed in date, span or other fields, with examples.

    python benchmarks/frames_diff.py /work/baseline/bench-events.jsonl /tmp/after/bench-events.jsonl [--show 20]
        [--sample 40 --seed 2026]

``--sample N`` prints N added frames drawn at random (``--seed``), each with its sentence of the bench corpus, to
check by hand.

A frame's trigger offset is not a record field; the key is (doc, sentence, trigger, n-th frame with that trigger
in the sentence), which is stable when frames are only added or removed elsewhere in the sentence.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from common import BENCH


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


def sample_added(before: dict[tuple, dict], after: dict[tuple, dict], n: int, seed: int) -> list[str]:
    """``n`` frames of ``after`` not in ``before``, drawn with ``seed``, each with the sentence around its clause."""
    with BENCH.open(encoding="utf-8") as lines:
        texts = {row["id"]: row["text"] for row in map(json.loads, lines) if row}
    added = [after[key] for key in after if key not in before]
    out = []
    for i, row in enumerate(random.Random(seed).sample(added, min(n, len(added)))):
        text = texts.get(row["doc"], "")
        start = text.rfind(".", 0, row["start"]) + 1
        end = text.find(".", row["end"])
        out.append(f'#{i} {row["doc"]} {row["event_type"]} {row["trigger"]!r} date={row["date"]} orgs={row["orgs"]} '
                   f'people={row["people"]}\n   CLAUSE: {row["text"]}\n   SENTENCE: '
                   f'{text[start:len(text) if end < 0 else end + 1].strip()}')
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=10, help="examples per kind of change")
    parser.add_argument("--sample", type=int, default=0, help="added frames to draw at random, with their sentence")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    before, after = read(args.before), read(args.after)
    if args.sample:
        print("\n".join(sample_added(before, after, args.sample, args.seed)))
        return
    counts, examples = diff(before, after)
    print(json.dumps(dict(counts.most_common()), indent=2))
    for kind, lines in examples.items():
        print(f"== {kind} ({len(lines)})")
        print("\n".join(lines[: args.show]))


if __name__ == "__main__":
    main()
