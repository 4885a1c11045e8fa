"""Recall of the MONEY finder on the monetary QUANTITY spans of NER UGM (read from ../shared/data, not copied).

    .venv/bin/python benchmarks/money_recall.py [--data ../shared/data] [--show]

NER UGM tags amounts as QUANTITY; those whose text names a currency (a generic list below, written apart from
factx's own table) are the gold set. A gold span counts as found when a MONEY match of :func:`find_money` on its
sentence overlaps it. Prints found/total, and with ``--show`` every span with the value found (or MISS), so the
amounts can be checked by eye.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from factx.corpora import read_iob
from factx.money.parse import find_money

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
CURRENCY_HINT = re.compile(r"(?i)\brp|rupiah|dol+ar|\$|\byen\b|\beuro|ringgit|yuan|\busd|\bidr")


def sentences(path: Path):
    """(tokens, tags) for each sentence, with NER UGM's own labels (QUANTITY is one factx's label map drops)."""
    for sentence in read_iob(path, mapping=str.strip):
        yield sentence.words, sentence.tags


def gold_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence joined with spaces and the character spans of its QUANTITY entities."""
    text, spans, start, offsets = "", [], None, []
    for token in tokens:
        offsets.append(len(text) + (1 if text else 0))
        text += (" " if text else "") + token
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and tag != "I-QUANTITY":
            spans.append((offsets[start], offsets[i - 1] + len(tokens[i - 1])))
            start = None
        if tag == "B-QUANTITY":
            start = i
    return text, spans


def money_recall(data: Path) -> tuple[int, int, list[str]]:
    found = total = 0
    rows = []
    for split in ("train", "dev"):
        for tokens, tags in sentences(data / "ner" / "nerugm" / f"{split}.tsv"):
            text, spans = gold_spans(tokens, tags)
            matches = None
            for start, end in spans:
                if not CURRENCY_HINT.search(text[start:end]):
                    continue
                matches = matches if matches is not None else find_money(text)
                hit = [m for m in matches if m.start < end and start < m.end]
                total += 1
                found += bool(hit)
                value = "; ".join(f"{m.text} = {m.money.value}" for m in hit) or "MISS"
                rows.append(f"{text[start:end]:>40} | {value}")
    return found, total, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print every gold span with what was found")
    args = parser.parse_args()
    found, total, rows = money_recall(args.data)
    print(f"NER UGM monetary QUANTITY spans found: {found}/{total} = {found / total:.3f}")
    if args.show:
        print("\n".join(rows))


if __name__ == "__main__":
    main()
