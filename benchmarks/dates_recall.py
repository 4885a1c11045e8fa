"""Recall of the date finder against the TIME spans hand-annotated in NER UGM (IndoLEM), read from ../shared.

    .venv/bin/python benchmarks/dates_recall.py [--data ../shared/data] [--split train dev] [--show 20]

For each sentence the tokens are joined with single spaces, :func:`factx.dates.find` runs on that text
and each gold TIME span counts as found when a DATE/DURATION expression overlaps it ("exact" when the boundaries
agree too; NER UGM leaves out words we keep, such as "tahun" in "tahun 2007"). Precision is printed but is not a
score: NER UGM marks only some time expressions (rarely durations, "kemarin", or "2014" in "Pemilu 2014"), so many
correct hits count against it. The missed spans are printed to read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factx.dates import find

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(token, IOB tag) sentences of a token<TAB>tag file with blank lines between sentences."""
    out, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                out.append(current)
            current = []
            continue
        token, tag = line.split("\t")[:2]
        current.append((token, tag))
    if current:
        out.append(current)
    return out


def gold_spans(sentence: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text and the character spans of its TIME entities."""
    text, spans, current = "", [], None
    for token, tag in sentence:
        start = len(text) + (1 if text else 0)
        text = f"{text} {token}" if text else token
        if tag == "B-TIME" or (tag == "I-TIME" and current is None):
            if current:
                spans.append(tuple(current))
            current = [start, len(text)]
        elif tag == "I-TIME":
            current[1] = len(text)
        elif current:
            spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return text, spans


def recall(paths: list[Path]) -> tuple[dict, list[str]]:
    gold = found = exact = predicted = overlapping = 0
    missed = []
    for path in paths:
        for sentence in sentences(path):
            text, spans = gold_spans(sentence)
            hits = [(e.start, e.end) for e in find(text)]
            predicted += len(hits)
            overlapping += sum(any(s < he and hs < e for s, e in spans) for hs, he in hits)
            for start, end in spans:
                gold += 1
                exact += (start, end) in hits
                if any(hs < end and start < he for hs, he in hits):
                    found += 1
                else:
                    missed.append(f"{text[max(0, start - 40):start]}[{text[start:end]}]{text[end:end + 25]}")
    figures = {
        "gold_time_spans": gold,
        "found": found,
        "recall": round(found / gold, 4) if gold else None,
        "exact_boundaries": round(exact / gold, 4) if gold else None,
        "predicted": predicted,
        "precision_against_partial_annotation": round(overlapping / predicted, 4) if predicted else None,
    }
    return figures, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", nargs="+", default=["train", "dev"])
    parser.add_argument("--show", type=int, default=20, help="missed spans to print")
    args = parser.parse_args()
    paths = [args.data / "ner" / "nerugm" / f"{split}.tsv" for split in args.split]
    figures, missed = recall(paths)
    print(json.dumps(figures, indent=2))
    print("\n".join(missed[: args.show]))


if __name__ == "__main__":
    main()
