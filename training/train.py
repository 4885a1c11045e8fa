"""Rebuild factx's shipped NER pipeline from a data folder, in one command (run from the repository root):

    .venv/bin/python training/train.py --data ../shared/data

Steps: convert the corpora (training/convert.py) into training/corpus/<run>/, train with training/config.cfg into
training/output/<run>/, score model-best on every corpus's dev set (factx.evaluate), then copy model-best into
models/id_factx_news/ and record the command, data, seed, settings and per-corpus dev P/R/F in its meta.json.
``--no-ship`` trains and scores without touching models/ (for experiments).
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import typer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factx.evaluate import evaluate  # noqa: E402
from factx.pipeline import MODEL_NAME  # noqa: E402

from convert import CASED, NerpMode, convert  # noqa: E402

DEV_CORPORA = (*CASED, "nerp")


def dev_scores(model: Path, data: Path, corpus: Path) -> dict:
    """factx.evaluate on each corpus's dev.tsv (NERP as published, lowercased), and on NERP's dev set re-cased
    by convert.truecase (``corpus``/dev-nerp-recased.spacy) when the conversion wrote it."""
    scores = {}
    for name in DEV_CORPORA:
        path = data / "ner" / name / "dev.tsv"
        if path.is_file():
            result = evaluate(path, model)
            scores[name] = {key: result[key] for key in ("labels", "overall", "core", "words")}
    recased = corpus / "dev-nerp-recased.spacy"
    if recased.is_file():
        result = evaluate(recased, model)
        scores["nerp-recased"] = {key: result[key] for key in ("labels", "overall", "core", "words")}
    return scores


def write_meta(model: Path, info: dict) -> None:
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="factx_news",
        version="0.1.0",
        description="factx Indonesian news NER (ORG, PER, LOC, EVENT): hash-embedding CNN tok2vec + NER, trained "
        "on NER UI, NER UGM, NERGrit and NERP (see factx_training)",
        author="factx",
        license="Apache-2.0 (NERGrit, NERP); NER UI / NER UGM as published by IndoLEM",
    )
    meta["factx_training"] = info
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(
    data: Path = typer.Option(Path("../shared/data"), help="Data folder with ner/<corpus>/{train,dev}.tsv"),
    run: str = typer.Option("final", help="Name of this run (folders training/corpus/<run>, training/output/<run>)"),
    nerp: NerpMode = typer.Option(NerpMode.events, help="How to use the lowercased NERP corpus"),
    titlecase: float = typer.Option(0.1, help="Fraction of cased sentences added again in Title Case"),
    seed: int = typer.Option(0, help="Random seed (conversion shuffle and spaCy training)"),
    gazetteer_swap: float = typer.Option(0.0, help="Experiment: add copies of this fraction of the ORG sentences "
                                         "with their ORG spans replaced by DBpedia gazetteer names (0: off)"),
    mention_swap: float = typer.Option(0.0, help="Experiment: add copies of this fraction of the sentences with "
                                       "--mention-swap-labels spans replaced by other training mentions (0: off)"),
    mention_swap_labels: str = typer.Option("PER,LOC", help="Labels that --mention-swap replaces"),
    max_steps: int = typer.Option(0, help="Override training.max_steps (0: keep config.cfg's)"),
    ship: bool = typer.Option(True, help=f"Copy model-best to models/{MODEL_NAME}/"),
    override: List[str] = typer.Option([], "--set", help="A config.cfg override, e.g. --set training.dropout=0.2"),
) -> None:
    command = "python training/train.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    corpus = ROOT / "training" / "corpus" / run
    output = ROOT / "training" / "output" / run
    summary = convert(data, corpus, nerp, titlecase, seed, gazetteer_swap=gazetteer_swap, mention_swap=mention_swap,
                      mention_swap_labels=tuple(mention_swap_labels.split(",")))
    typer.echo(f"converted: {json.dumps(summary)}")
    args = [
        sys.executable, "-m", "spacy", "train", str(ROOT / "training" / "config.cfg"),
        "--output", str(output),
        "--paths.train", str(corpus / "train.spacy"),
        "--paths.dev", str(corpus / "dev.spacy"),
        "--system.seed", str(seed),
    ]
    if max_steps:
        args += ["--training.max_steps", str(max_steps)]
    for item in override:
        key, _, value = item.partition("=")
        args += [f"--{key}", value]
    start = time.time()
    subprocess.run(args, check=True, cwd=ROOT)
    minutes = round((time.time() - start) / 60, 1)
    best = output / "model-best"
    scores = dev_scores(best, data, corpus)
    for corpus_name, result in scores.items():
        core = result["core"]
        typer.echo(f"dev {corpus_name}: PER/ORG/LOC P={core['p']:.3f} R={core['r']:.3f} F={core['f']:.3f}  "
                   + " ".join(f"{k}={v['f']:.3f}" for k, v in result["labels"].items()))
    info = {
        "command": command,
        "data": str(data),
        "corpora": {"train": summary["train"], "dev": summary["dev"]},
        "nerp": nerp.value,
        "titlecase": titlecase,
        "seed": seed,
        **({"gazetteer_swap": gazetteer_swap} if gazetteer_swap else {}),
        **({"mention_swap": mention_swap, "mention_swap_labels": mention_swap_labels} if mention_swap else {}),
        "max_steps": max_steps or "config.cfg",
        "overrides": override,
        "train_minutes": minutes,
        "dev": scores,
    }
    write_meta(best, info)
    (output / "dev-scores.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    if ship:
        target = ROOT / "models" / MODEL_NAME
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(best, target)
        typer.echo(f"shipped {best} -> {target}")


if __name__ == "__main__":
    typer.run(main)
