"""How much the organisation gazetteer could add to a trained model, per dev set (prints figures).

    .venv/bin/python training/gazetteer_reach.py [--model DIR] [--data ../shared/data]

For each cased corpus's dev set: the gold ORG mentions, those the model misses (no predicted ORG with exactly that
span), how many of the missed ones the gazetteer lists (what a gazetteer feature or rule could at best recover),
and the model's false ORG mentions that the gazetteer lists (what it would tend to confirm). Names are compared
lower-cased with single spaces.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factx.corpora import read_iob  # noqa: E402
from factx.pipeline import model_path  # noqa: E402

from convert import spans  # noqa: E402  (IOB tags to entity spans)

CORPORA = ("nerui", "nerugm", "nergrit")


def normal(words: list[str]) -> str:
    return " ".join(" ".join(words).lower().split())


def reach(model: Path, data: Path) -> list[dict]:
    gazetteer_file = data / "gazetteer" / "dbpedia-id-organization.txt"
    gazetteer = {" ".join(line.lower().split()) for line in gazetteer_file.read_text(encoding="utf-8").splitlines()}
    nlp = spacy.load(model)
    rows = []
    for corpus in CORPORA:
        sentences = list(read_iob(data / "ner" / corpus / "dev.tsv"))
        docs = nlp.pipe(Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences)
        row = dict(corpus=corpus, gold=0, missed=0, missed_listed=0, false=0, false_listed=0)
        for sentence, doc in zip(sentences, docs):
            gold = {span for span in spans(sentence.tags or []) if span[2] == "ORG"}
            predicted = {(e.start, e.end, e.label_) for e in doc.ents if e.label_ == "ORG"}
            row["gold"] += len(gold)
            for start, end, _ in gold - predicted:
                row["missed"] += 1
                row["missed_listed"] += normal(sentence.words[start:end]) in gazetteer
            for start, end, _ in predicted - gold:
                row["false"] += 1
                row["false_listed"] += normal(sentence.words[start:end]) in gazetteer
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="A spaCy pipeline (default: the shipped one).")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    for row in reach(args.model or model_path(), args.data):
        print(f"{row['corpus']:8s} gold ORG {row['gold']:4d}; missed {row['missed']:3d}, of which in the gazetteer "
              f"{row['missed_listed']:3d}; false ORG {row['false']:3d}, of which in the gazetteer {row['false_listed']:3d}")


if __name__ == "__main__":
    main()
