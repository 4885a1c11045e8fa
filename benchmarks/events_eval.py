"""Accuracy checks for factx_events on the shared dev data.

    .venv/bin/python benchmarks/events_eval.py [--data ../shared/data] [--model DIR]

1. Named events on IndoNLU NERP dev (``ner/nerp/dev.tsv``, EVT spans, exact match): the pipeline (its model's
   EVENT labels, if it has any, plus the head-word rule) on the text as given, which is lowercased, and on an
   "oracle-cased" copy where the words of every gold entity (any label) are capitalised: an upper bound for the
   rule on properly cased news, since the rule needs capitals; "_year_apart" also counts a name found without
   the year NERP puts inside it ("Pemilu 2014": factx keeps "2014" a DATE). Also how many gold EVT names start
   with a head word (or end with a tail word) of ``lang/event_heads.tsv``: the ceiling of the rule's recall.
2. Predicate detection on UD_Indonesian-GSD dev: how well "the word reads as a verb" (``read_word(...).verbal``)
   matches UPOS VERB, token by token. The not-a-predicate list was checked against UD tags, so this is optimistic.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc

import factx
from factx import corpora
from factx.events.lexicon import lexicon, read_word

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"


def read_iob(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, tags) for each sentence, with the corpus' own labels (NERP's EVT)."""
    return [(sentence.words, sentence.tags) for sentence in corpora.read_iob(path, mapping=str.strip)]


def spans(tags: list[str], label: str | None = None) -> set[tuple[int, int]]:
    out, start, current = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == current):
            if label is None or current == label:
                out.add((start, i))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, current = i, tag[2:]
    return out


def oracle_case(words: list[str], tags: list[str]) -> list[str]:
    inside = {i for start, end in spans(tags) for i in range(start, end)}
    return [w[:1].upper() + w[1:] if i in inside and w[:1].isalpha() else w for i, w in enumerate(words)]


def score(gold: int, predicted: int, correct: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return {"gold": gold, "predicted": predicted, "correct": correct, "p": round(p, 3), "r": round(r, 3),
            "f": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def named_events(data: Path, model: Path | None) -> dict:
    nlp = factx.load(model)
    sentences = read_iob(data / "ner" / "nerp" / "dev.tsv")
    lex = lexicon()
    out = {}
    for name, cased in (("as_given", False), ("oracle_cased", True)):
        gold_n = pred_n = correct = lenient = 0
        for words, tags in sentences:
            text_words = oracle_case(words, tags) if cased else words
            doc = nlp(Doc(nlp.vocab, words=text_words))
            gold = spans(tags, "EVT")
            predicted = {(e.start, e.end) for e in doc.ents if e.label_ == "EVENT"}
            gold_n, pred_n, correct = gold_n + len(gold), pred_n + len(predicted), correct + len(gold & predicted)
            lenient += sum(1 for s in gold if s in predicted or _without_year(words, s) in predicted)
        out[name] = score(gold_n, pred_n, correct)
        out[name + "_year_apart"] = score(gold_n, pred_n, lenient)
    names = [[w[:1].upper() + w[1:] for w in words[s:e]] for words, tags in sentences for s, e in spans(tags, "EVT")]
    headed = sum(1 for n in names if n[0] in lex.heads or n[0].upper() in lex.heads or n[-1] in lex.tails)
    out["gold_names_with_head_or_tail"] = f"{headed}/{len(names)}"
    return out


def _without_year(words: list[str], span: tuple[int, int]) -> tuple[int, int]:
    """NERP puts the year inside the name ("Pemilu 2014"); factx keeps it a DATE of its own."""
    start, end = span
    if end - start > 1 and words[end - 1].isdigit() and len(words[end - 1]) == 4:
        return start, end - 1
    return span


def read_conllu(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        rows.append((cols[1], cols[3]))
    return rows


def verbs(data: Path) -> dict:
    rows = read_conllu(data / "ud" / "id_gsd-ud-dev.conllu")
    gold_n = pred_n = correct = 0
    for form, upos in rows:
        gold = upos == "VERB"
        reading = read_word(form.lower()) if form.islower() else None
        predicted = reading is not None and reading.verbal
        gold_n, pred_n, correct = gold_n + gold, pred_n + predicted, correct + (gold and predicted)
    return score(gold_n, pred_n, correct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()
    report = {"nerp_dev_named_events": named_events(args.data, args.model), "ud_gsd_dev_verbs": verbs(args.data)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
