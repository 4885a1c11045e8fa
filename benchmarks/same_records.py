"""Are the records the same as before? Writes the records of the bench corpus (mentions, and event frames) and of
the sample article as JSONL files to a folder, and with ``--against DIR`` compares them with an earlier run.

    python benchmarks/same_records.py --out /tmp/before            # on the old code
    python benchmarks/same_records.py --out /tmp/after --against /tmp/before

Prints one line per file (``same`` or the first differing line) and exits 1 when any file differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common import BENCH, SHARED

import factx

SAMPLE = SHARED / "samples" / "chongqing-singapura.txt"


def documents() -> list:
    with BENCH.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [factx.Document(row["id"], row["text"]) for row in rows]


def write(path: Path, records) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for this run's JSONL files")
    parser.add_argument("--against", type=Path, help="folder of an earlier run to compare with")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = factx.load()
    docs = documents()
    sample = factx.Document(SAMPLE.name, SAMPLE.read_text(encoding="utf-8"))
    write(args.out / "bench-mentions.jsonl", factx.extract(docs, nlp))
    write(args.out / "bench-events.jsonl", factx.extract(docs, nlp, events=True))
    write(args.out / "sample-mentions.jsonl", factx.extract([sample], nlp))
    write(args.out / "sample-events.jsonl", factx.extract([sample], nlp, events=True))
    if args.against is None:
        return 0
    differ = False
    for path in sorted(args.out.glob("*.jsonl")):
        new = path.read_text(encoding="utf-8").splitlines()
        old = (args.against / path.name).read_text(encoding="utf-8").splitlines()
        first = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), None)
        if first is None and len(old) == len(new):
            print(f"{path.name}: same ({len(new)} records)")
            continue
        differ = True
        first = min(len(old), len(new)) if first is None else first
        print(f"{path.name}: differs at record {first + 1} ({len(old)} before, {len(new)} now)")
        print(f"  before: {old[first] if first < len(old) else '(none)'}")
        print(f"  now:    {new[first] if first < len(new) else '(none)'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
