"""Which ORG records changed between two runs of ``same_records.py``, by kind of change.

    python benchmarks/same_records.py --out /tmp/before        # on the old code
    python benchmarks/same_records.py --out /tmp/after         # on the new code
    python benchmarks/orgs_changes.py /tmp/before /tmp/after [--file bench-mentions.jsonl] [--show 5]

Kinds: an ORG added where no ORG was (and what the old run had there), an ORG removed (and what the new run has
there), an ORG whose span changed, an ORG whose value changed on the same span. Prints the count of each with
``--show`` examples, and the number of ORG records whose whole text is a listed place (``factx/lang/places.txt``),
which must stay 0.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from factx.orgs.words import place_names


def read(path: Path) -> dict[str, list[dict]]:
    """Records of a JSONL file by document id."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            by_doc[record["doc"]].append(record)
    return by_doc


def overlapping(record: dict, records: list[dict]) -> list[dict]:
    return [r for r in records if r["start"] < record["end"] and record["start"] < r["end"]]


def changes(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(set(before) | set(after)):
        old = [r for r in before.get(doc, []) if r["type"] in {"ORG", "PER", "LOC", "EVENT"}]
        new = [r for r in after.get(doc, []) if r["type"] in {"ORG", "PER", "LOC", "EVENT"}]
        old_orgs = [r for r in old if r["type"] == "ORG"]
        new_orgs = [r for r in new if r["type"] == "ORG"]
        for r in new_orgs:
            same = [o for o in overlapping(r, old_orgs)]
            if not same:
                was = ", ".join(f"{o['type']} {o['text']!r}" for o in overlapping(r, old)) or "nothing"
                kinds[f"ORG added (was {was.split()[0] if was != 'nothing' else 'nothing'})"].append(
                    f"{doc}: {r['text']!r} -> {r['value']!r} (was {was})")
            elif not any((o["start"], o["end"]) == (r["start"], r["end"]) for o in same):
                kinds["ORG span changed"].append(
                    f"{doc}: {' + '.join(repr(o['text']) for o in same)} -> {r['text']!r}")
            else:
                o = next(o for o in same if (o["start"], o["end"]) == (r["start"], r["end"]))
                if o["value"] != r["value"]:
                    kinds["ORG value changed"].append(f"{doc}: {r['text']!r}: {o['value']!r} -> {r['value']!r}")
        for o in old_orgs:
            if not overlapping(o, new_orgs):
                now = ", ".join(f"{r['type']} {r['text']!r}" for r in overlapping(o, new)) or "nothing"
                kinds[f"ORG removed (now {now.split()[0] if now != 'nothing' else 'nothing'})"].append(
                    f"{doc}: {o['text']!r} (now {now})")
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--file", default="bench-mentions.jsonl")
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    before, after = read(args.before / args.file), read(args.after / args.file)
    for kind, rows in sorted(changes(before, after).items(), key=lambda item: -len(item[1])):
        print(f"{len(rows):5d}  {kind}")
        for row in rows[: args.show]:
            print(f"         {row}")
    places = place_names()
    orgs = [r for rs in after.values() for r in rs if r["type"] == "ORG"]
    print(f"ORG records: {sum(r['type'] == 'ORG' for rs in before.values() for r in rs)} before, {len(orgs)} after; "
          f"whose whole text is a listed place: {sum(' '.join(r['text'].split()) in places for r in orgs)}")


if __name__ == "__main__":
    main()
