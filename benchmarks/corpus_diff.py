"""Which corpus entities a new pipeline gets wrong that an old one got right, by kind of change.

    python benchmarks/corpus_diff.py dump ../shared/data/ner/nerui/dev.tsv /tmp/new.jsonl
    PYTHONPATH=/tmp/pre-orgs python benchmarks/corpus_diff.py dump ../shared/data/ner/nerui/dev.tsv /tmp/old.jsonl
    python benchmarks/corpus_diff.py diff ../shared/data/ner/nerui/dev.tsv /tmp/old.jsonl /tmp/new.jsonl

``dump`` runs the pipeline with the rules (the one ``factx evaluate --rules`` scores) on the corpus's text and writes
one JSON line per document: its PER/ORG/LOC spans as token offsets. ``diff`` reads the gold from the corpus with
``factx.corpora.read_docs`` and prints the PER/ORG/LOC F of both runs, then every gold span the old run found and the
new one lost and every false span the new run added, grouped by kind: a label change, a span cut or widened, a span
dropped, a span added where the old run had nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

CORE = ("PER", "ORG", "LOC")


def gold_docs(path: Path):
    import spacy

    from factx.corpora import read_docs

    vocab = spacy.blank("id").vocab
    return [doc for doc in read_docs(path, vocab) if doc.has_annotation("ENT_IOB")]


def dump(path: Path, out: Path) -> None:
    from factx.pipeline import load

    nlp = load()
    golds = gold_docs(path)
    with out.open("w", encoding="utf-8") as lines:
        for gold, pred in zip(golds, nlp.pipe((nlp.make_doc(doc.text) for doc in golds), batch_size=64)):
            spans = [
                [e.start_char, e.end_char, e.label_] for e in pred.ents if e.label_ in CORE
            ]
            lines.write(json.dumps(spans) + "\n")


def read_run(path: Path) -> list[set[tuple[int, int, str]]]:
    with path.open(encoding="utf-8") as lines:
        return [{tuple(span) for span in json.loads(line)} for line in lines]


def f1(golds: list[set], preds: list[set]) -> tuple[float, float, float]:
    tp = sum(len(g & p) for g, p in zip(golds, preds))
    n_pred = sum(len(p) for p in preds)
    n_gold = sum(len(g) for g in golds)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap(span, spans):
    return [s for s in spans if s[0] < span[1] and span[0] < s[1]]


def kind(span, others) -> str:
    """How ``span`` (gold or pred) relates to the spans of the other side that overlap it."""
    near = overlap(span, others)
    if not near:
        return "none"
    for s in near:
        if (s[0], s[1]) == (span[0], span[1]):
            return f"label {span[2]}->{s[2]}" if s[2] != span[2] else "same"
    return "span"


def diff(path: Path, old_path: Path, new_path: Path, show: int) -> None:
    golds_docs = gold_docs(path)
    texts = [doc.text for doc in golds_docs]
    golds = [{(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in CORE} for doc in golds_docs]
    old, new = read_run(old_path), read_run(new_path)
    print("old P %.4f R %.4f F %.4f" % f1(golds, old))
    print("new P %.4f R %.4f F %.4f" % f1(golds, new))
    groups: dict[str, list[str]] = defaultdict(list)
    for i, (gold, o, n) in enumerate(zip(golds, old, new)):
        text = texts[i]
        for g in sorted(gold & o - n):  # lost: a gold span the old run found
            near = overlap(g, n)
            got = "; ".join(f"{text[s[0]:s[1]]!r} {s[2]}" for s in near) or "-"
            groups[f"lost {g[2]} ({kind(g, n)})"].append(f"{text[g[0]:g[1]]!r} -> {got}")
        for p in sorted(n - gold - o):  # added: a false span the old run did not make
            near = overlap(p, o)
            had = "; ".join(f"{text[s[0]:s[1]]!r} {s[2]}" for s in near) or "-"
            gold_near = "; ".join(f"{text[s[0]:s[1]]!r} {s[2]}" for s in overlap(p, gold)) or "-"
            groups[f"added false {p[2]} (was {kind(p, o)})"].append(
                f"{text[p[0]:p[1]]!r}  old: {had}  gold: {gold_near}"
            )
        for g in sorted(gold & n - o):  # won: a gold span only the new run finds
            groups[f"won {g[2]}"].append(repr(text[g[0]:g[1]]))
    for name, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {name}: {len(items)}")
        for item, count in Counter(items).most_common(show):
            print(f"  {count:3d}  {item}")


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "dump":
        dump(Path(argv[1]), Path(argv[2]))
    elif len(argv) >= 4 and argv[0] == "diff":
        diff(Path(argv[1]), Path(argv[2]), Path(argv[3]), int(argv[4]) if len(argv) > 4 else 40)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
