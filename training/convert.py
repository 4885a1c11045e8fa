"""Convert the NER corpora in a data folder to spaCy DocBins for training.

    python training/convert.py --data ../shared/data --out training/corpus [--nerp events] [--titlecase 0.1]

Writes ``train.spacy`` (every training corpus together) and ``dev.spacy`` (the cased dev sets together, used to
pick the best checkpoint; per-corpus dev scores are computed from the TSV files by ``factx.evaluate``). Labels are mapped by ``factx.corpora.LABEL_MAP``:
ORGANIZATION/ORGANISATION/IND -> ORG, PERSON/PPL -> PER, LOCATION/PLACE/PLC -> LOC, EVT -> EVENT; TIME, QUANTITY
and FNB are dropped (their tokens become O).

NERP is lowercased. ``--nerp`` decides how it is used:
  none    not at all
  events  only its sentences with an EVENT (the only EVENT labels there are), re-cased by :func:`truecase`
  all     every sentence, re-cased
  raw     every sentence, lowercased as published (teaches the model that case means nothing: for comparison)
``--titlecase F`` adds a Title-Cased copy of a fraction F of the cased training sentences (news headlines).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from enum import Enum
from pathlib import Path
from typing import Iterable

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factx.corpora import CorpusFormat, Sentence, batched, read_sentences, to_doc  # noqa: E402

CASED = ("nerui", "nerugm", "nergrit")
LOWERCASED = ("nerp",)
SENTS_PER_DOC = 10
# Words a headline keeps in lower case (Indonesian function words; from common headline style).
HEADLINE_LOWER = {"dan", "di", "ke", "dari", "yang", "untuk", "atau", "pada", "dengan", "oleh", "dalam", "atas"}


class NerpMode(str, Enum):
    none = "none"
    events = "events"
    all = "all"
    raw = "raw"


# The converter table: one entry per corpus file format.
CONVERTERS = {
    "iob": lambda path: read_sentences(path, CorpusFormat.iob),
    "conllu": lambda path: read_sentences(path, CorpusFormat.conllu),
}


def corpus_path(data: Path, corpus: str, split: str) -> Path:
    return data / "ner" / corpus / f"{split}.tsv"


def read_corpus(data: Path, corpus: str, split: str) -> list[Sentence]:
    return list(CONVERTERS["iob"](corpus_path(data, corpus, split)))


def casing_table(sentences: Iterable[Sentence], gazetteer: Path | None) -> dict[str, Counter]:
    """lowercase word -> Counter of its cased forms, from cased text (sentence-initial words skipped)."""
    table: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for word in sentence.words[1:]:
            table[word.lower()][word] += 1
    if gazetteer is not None and gazetteer.is_file():
        for line in gazetteer.read_text(encoding="utf-8").splitlines():
            for word in line.split()[1:]:
                if word[:1].isupper():
                    table[word.lower()][word] += 1
    return table


def truecase(sentence: Sentence, table: dict[str, Counter]) -> Sentence:
    """Restore case in a lowercased sentence. Outside entities a word keeps lower case unless cased text clearly
    prefers another form (seen twice or more, over twice as often as lower case: "DPR", "Jakarta"); inside an entity
    the most frequent capitalised form wins (Title Case when the word is unknown). The first word is capitalised."""
    words = []
    for i, (word, tag) in enumerate(zip(sentence.words, sentence.tags or ["O"] * len(sentence.words))):
        forms = table.get(word.lower())
        inside = tag != "O"
        if forms:
            if inside:
                capital = [(n, f) for f, n in forms.items() if f[:1].isupper()]
                cased = max(capital)[1] if capital else word[:1].upper() + word[1:]
            else:
                top, count = forms.most_common(1)[0]
                lower = forms.get(word.lower(), 0)
                cased = top if count >= 2 and count > 2 * lower else word.lower()
        else:
            cased = word[:1].upper() + word[1:] if inside else word
        if i == 0:
            cased = cased[:1].upper() + cased[1:]
        words.append(cased)
    return Sentence(words, sentence.tags, sentence.spaces)


def titlecase(sentence: Sentence) -> Sentence:
    """The sentence as a headline: every word capitalised except a few function words."""
    words = []
    for i, word in enumerate(sentence.words):
        if i and word.lower() in HEADLINE_LOWER:
            words.append(word)
        elif word[:1].islower():
            words.append(word[:1].upper() + word[1:])
        else:
            words.append(word)
    return Sentence(words, sentence.tags, sentence.spaces)


def write(sentences: list[Sentence], path: Path, vocab) -> int:
    docbin = DocBin(store_user_data=False)
    for batch in batched(sentences, SENTS_PER_DOC):
        docbin.add(to_doc(vocab, batch))
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return len(docbin)


def convert(
    data: Path,
    out: Path,
    nerp: NerpMode = NerpMode.events,
    titlecase_fraction: float = 0.0,
    seed: int = 0,
    corpora: tuple[str, ...] = CASED,
) -> dict:
    """Write the DocBins; return a summary (sentences per part) for the training log and meta.json."""
    rng = random.Random(seed)
    vocab = spacy.blank("id").vocab
    train: list[Sentence] = []
    summary: dict = {"nerp": nerp.value, "titlecase": titlecase_fraction, "seed": seed, "train": {}, "dev": {}}
    dev_all: list[Sentence] = []
    cased_train: list[Sentence] = []
    for corpus in corpora:
        sentences = read_corpus(data, corpus, "train")
        cased_train.extend(sentences)
        summary["train"][corpus] = len(sentences)
        dev = read_corpus(data, corpus, "dev")
        dev_all.extend(dev)
        summary["dev"][corpus] = len(dev)
    train.extend(cased_train)
    if titlecase_fraction > 0:
        chosen = [s for s in cased_train if rng.random() < titlecase_fraction]
        train.extend(titlecase(s) for s in chosen)
        summary["train"]["titlecase"] = len(chosen)
    if nerp is not NerpMode.none:
        table = casing_table(cased_train, data / "gazetteer" / "dbpedia-id-organization.txt")
        sentences = read_corpus(data, "nerp", "train")
        if nerp is NerpMode.events:
            sentences = [s for s in sentences if any(t.endswith("-EVENT") for t in s.tags or [])]
        if nerp is not NerpMode.raw:
            sentences = [truecase(s, table) for s in sentences]
        train.extend(sentences)
        summary["train"]["nerp"] = len(sentences)
        # NERP's dev set re-cased the same way: the only dev data with EVENT that a case-aware model can read
        write([truecase(s, table) for s in read_corpus(data, "nerp", "dev")], out / "dev-nerp-recased.spacy", vocab)
    rng.shuffle(train)
    write(train, out / "train.spacy", vocab)
    write(dev_all, out / "dev.spacy", vocab)
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main() -> None:
    import typer

    def cli(
        data: Path = typer.Option(Path("../shared/data"), help="Data folder with ner/<corpus>/{train,dev}.tsv"),
        out: Path = typer.Option(Path("training/corpus"), help="Folder for the .spacy files"),
        nerp: NerpMode = typer.Option(NerpMode.events, help="How to use the lowercased NERP corpus"),
        titlecase_fraction: float = typer.Option(0.0, "--titlecase", help="Fraction of sentences to add Title-Cased"),
        seed: int = typer.Option(0),
    ) -> None:
        summary = convert(data, out, nerp, titlecase_fraction, seed)
        typer.echo(json.dumps(summary))

    typer.run(cli)


if __name__ == "__main__":
    main()
