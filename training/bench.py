"""Throughput of a trained pipeline alone on ../shared/bench/news.jsonl (one process, nlp.pipe).

    python training/bench.py [MODEL] [--bench ../shared/bench/news.jsonl]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy
import typer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bench(model: Path, texts: list[str], batch_size: int = 64) -> dict:
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in Path(model).rglob("*") if p.is_file())
    return {"model": str(model), "docs": len(texts), "words": words, "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds), "size_mb": round(size / 1e6, 1)}


def main(
    model: Path = typer.Argument(ROOT / "models" / "id_factx_news"),
    bench_file: Path = typer.Option(Path("../shared/bench/news.jsonl"), "--bench"),
) -> None:
    with open(bench_file, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    typer.echo(json.dumps(bench(model, texts)))


if __name__ == "__main__":
    typer.run(main)
