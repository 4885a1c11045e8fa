"""The parser route for frame dates (issue 14), measured: would a dependency parser trained on the UD treebanks of
../shared/data/ud attach the "when" dates of ``events_dates.jsonl`` to their predicates, and what would it cost?

    # train (not shipped; about 10 minutes on 2 cores):
    cat ../shared/data/ud/id_csui-ud-train.conllu ../shared/data/ud/id_gsd-ud-dev.conllu > /tmp/p/train.conllu
    cat ../shared/data/ud/id_csui-ud-test.conllu ../shared/data/ud/id_gsd-ud-test.conllu > /tmp/p/dev.conllu
    python -m spacy convert /tmp/p/train.conllu /tmp/p -c conllu -n 1   # and the same for dev.conllu
    python -m spacy init config -l id -p parser -o efficiency /tmp/p/config.cfg
    python -m spacy train /tmp/p/config.cfg --paths.train /tmp/p/train.spacy --paths.dev /tmp/p/dev.spacy \\
        --training.max_steps 1600 --training.eval_frequency 400 --output /tmp/p/out
    # measure:
    python benchmarks/events_dates_parser.py /tmp/p/out/model-best [--show]

For each item the sentence is parsed alone; the date phrase's head is its token whose syntactic head lies outside
the date's characters. The item counts as attached when that head's head, or its head's head ("tanggal 2
Agustus", "bulan Maret 1960"), is the predicate; the labels of the attached ones are printed (obl, obl:tmod, ...). Also prints the parser's seconds over ../shared/bench/news.jsonl,
to compare with the pipeline's (``benchmarks/events_share.py``).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import spacy
from common import BENCH, DATA, read_texts
from events_dates import ITEMS, read_items, read_sentence_texts


def attach(nlp, items: list[dict]) -> tuple[Counter, list[str]]:
    counts: Counter = Counter()
    lines = []
    texts: dict[str, dict[str, str]] = {}
    for item in items:
        if item["file"] not in texts:
            texts[item["file"]] = read_sentence_texts(DATA / item["file"])
        text = texts[item["file"]][item["sent"]]
        doc = nlp(text)
        start, end = item["date_char"], item["date_char"] + len(item["date"])
        inside = [t for t in doc if t.idx < end and t.idx + len(t) > start]
        pred = next((t for t in doc if t.idx <= item["pred_char"] < t.idx + len(t)), None)
        heads = [t for t in inside if t.head not in inside or t.head == t]
        head = heads[0] if heads else None
        counts["items"] += 1
        # the date's head governed by the predicate, directly or through one word ("tanggal 2 Agustus", "bulan
        # Maret 1960": the parser heads the phrase on "tanggal"/"bulan")
        ok = head is not None and pred is not None and head != pred and pred in (head.head, head.head.head)
        counts["attached"] += ok
        if ok:
            counts["label " + head.dep_] += 1
        else:
            got = f"{head.text}-{head.dep_}->{head.head.text}" if head is not None else "-"
            lines.append(f'{item["file"]}#{item["sent"]} {item["predicate"]!r} <- {item["date"]!r}: {got}')
    return counts, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--items", type=Path, default=ITEMS)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    counts, lines = attach(nlp, read_items(args.items))
    n = max(counts["items"], 1)
    print(dict(counts.most_common()))
    print(f'parser attaches the date to its predicate: {counts["attached"] / n:.1%} ({counts["items"]} items)')
    if args.show:
        print("\n".join(lines))
    texts = read_texts(BENCH)
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    print(f"parser (tok2vec + parser) over {BENCH.name}: {time.perf_counter() - start:.1f} s for {len(texts)} documents "
          f"(compare the pipeline's seconds in benchmarks/events_share.py)")


if __name__ == "__main__":
    main()
