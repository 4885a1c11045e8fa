"""ORG precision, recall and value accuracy of the whole pipeline on the hand-written news set benchmarks/orgs_news/.

    python benchmarks/orgs_news.py [--set benchmarks/orgs_news] [--model DIR] [--errors]

Each article ``NN-slug.txt`` has its annotation ``NN-slug.json``: ``{"ref_date": "YYYY-MM-DD", "orgs": [{"start",
"end", "text", "value"}], "not_orgs": [notes]}`` (guideline: benchmarks/orgs_news/README.md). Every annotation is
checked first (``text[start:end] == text``); a bad one stops the run with the file named.

The articles go through ``factx.load()`` and ``factx.extract(..., types="org")`` with the article's fixed reference
date. A predicted ORG is right when its (start, end) equals a gold span exactly (precision and recall count these);
value accuracy is, of those matched spans, the share whose predicted value equals the gold value. DATE and MONEY
records (a second pass, ``types="date,money"``) are counted per article for reference; they are not scored.
``--errors`` lists, per article, the false positives (FP), the false negatives (FN) and the matched spans with a
wrong value (VAL).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import factx

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE / "orgs_news"


@dataclass
class Article:
    name: str
    text: str
    ref_date: dt.date
    gold: dict[tuple[int, int], str]  # (start, end) -> canonical value


@dataclass
class Score:
    name: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_right: int = 0
    dates: int = 0
    money: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("gold", "predicted", "matched", "value_right", "dates", "money"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value(self) -> float:
        return self.value_right / self.matched if self.matched else 0.0


def read_article(path: Path) -> Article:
    """The article of ``path`` (the .txt) with its annotation; raises ValueError naming the file on a bad one."""
    text = path.read_text(encoding="utf-8")
    spec_path = path.with_suffix(".json")
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    gold = {}
    for i, org in enumerate(spec["orgs"]):
        start, end, value = org["start"], org["end"], org["value"]
        if text[start:end] != org["text"]:
            raise ValueError(f"{spec_path}: orgs[{i}] {org['text']!r} != text[{start}:{end}] {text[start:end]!r}")
        if not value.strip():
            raise ValueError(f"{spec_path}: orgs[{i}] {org['text']!r} has an empty value")
        if (start, end) in gold:
            raise ValueError(f"{spec_path}: orgs[{i}] {org['text']!r} annotated twice")
        gold[start, end] = value
    return Article(path.stem, text, dt.date.fromisoformat(spec["ref_date"]), gold)


def read_set(folder: Path) -> list[Article]:
    articles = [read_article(path) for path in sorted(folder.glob("*.txt")) if path.name != "README.txt"]
    if not articles:
        raise ValueError(f"{folder}: no articles")
    return articles


def score(article: Article, nlp) -> Score:
    document = factx.Document(article.name, article.text, article.ref_date)
    predicted = {(m.start, m.end): m for m in factx.extract([document], nlp, types="org")}
    out = Score(article.name, gold=len(article.gold), predicted=len(predicted))
    for m in factx.extract([document], nlp, types="date,money"):
        out.dates += m.type == "DATE"
        out.money += m.type == "MONEY"
    spans = sorted(set(predicted) | set(article.gold))
    for start, end in spans:
        text = article.text[start:end].replace("\n", " ")
        gold, guess = article.gold.get((start, end)), predicted.get((start, end))
        if gold is not None and guess is not None:
            out.matched += 1
            if guess.value == gold:
                out.value_right += 1
            else:
                out.errors.append(f"  VAL {start:>5} {text!r}: {guess.value!r}, gold {gold!r}")
        elif guess is not None:
            out.errors.append(f"  FP  {start:>5} {text!r} (value {guess.value!r})")
        else:
            out.errors.append(f"  FN  {start:>5} {text!r} (gold {gold!r})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="folder of NN-slug.txt + NN-slug.json")
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: factx's own)")
    parser.add_argument("--errors", action="store_true", help="list false positives, false negatives, wrong values")
    args = parser.parse_args(argv)
    try:
        articles = read_set(args.set)
    except (ValueError, KeyError, json.JSONDecodeError, OSError) as error:
        print(f"orgs_news: {error}", file=sys.stderr)
        return 1
    nlp = factx.load(args.model) if args.model else factx.load()
    total = Score("all")
    print(f"{'article':<36} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} {'F1':>5} {'value':>5} {'DATE':>4} {'MONEY':>5}")
    for article in articles:
        result = score(article, nlp)
        total.add(result)
        print(
            f"{result.name:<36} {result.gold:>4} {result.predicted:>4} {result.precision:>5.2f} {result.recall:>5.2f}"
            f" {result.f1:>5.2f} {result.value:>5.2f} {result.dates:>4} {result.money:>5}"
        )
        if args.errors and result.errors:
            print("\n".join(result.errors))
    print(
        f"{'ALL (' + str(len(articles)) + ' articles)':<36} {total.gold:>4} {total.predicted:>4} {total.precision:>5.2f}"
        f" {total.recall:>5.2f} {total.f1:>5.2f} {total.value:>5.2f} {total.dates:>4} {total.money:>5}"
    )
    print(
        f"ORG precision {total.precision:.3f} ({total.matched}/{total.predicted}), recall {total.recall:.3f}"
        f" ({total.matched}/{total.gold}), value {total.value:.3f} ({total.value_right}/{total.matched})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
