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

Entity-replacement augmentation (experiments; off by default, so the default conversion is unchanged):
``--gazetteer-swap F`` adds, for a fraction F of the cased training sentences that have an ORG, a copy in which every
ORG span is replaced by a random name from ``<data>/gazetteer/dbpedia-id-organization.txt`` (tokenised by
factx.Tokenizer.v1, B-/I- tags rebuilt; see :func:`gazetteer_names` for the names kept).
``--mention-swap F`` adds, for a fraction F of the cased training sentences with an entity of a label in
``--mention-swap-labels`` (default PER,LOC), a copy in which each such span is replaced by a random training mention
of the same label.
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


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities in a list of IOB tags."""
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and start is not None and tag[2:] == label:
            continue
        if start is not None:
            out.append((start, i, label))
            start, label = None, None
        if tag != "O":
            start, label = i, tag[2:]
    return out


Mention = tuple[list[str], list[bool]]


def gazetteer_names(path: Path, max_per_first_word: int = 30, max_words: int = 6) -> list[Mention]:
    """Organisation names of a plausible form from a one-name-per-line gazetteer, tokenised by factx.Tokenizer.v1:
    no "?" (broken encoding), starting with an upper-case letter, at most ``max_words`` tokens, and at most
    ``max_per_first_word`` names sharing a first word (the list is half schools: "SMA ...", "SD Negeri ...")."""
    from factx.tokenizer import TOKENIZER_CONFIG

    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    per_first: Counter = Counter()
    names: list[Mention] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name or "?" in name or not name[:1].isupper():
            continue
        doc = nlp.make_doc(name)
        if len(doc) > max_words or per_first[doc[0].text] >= max_per_first_word:
            continue
        per_first[doc[0].text] += 1
        names.append(([t.text for t in doc], [bool(t.whitespace_) for t in doc]))
    return names


def training_mentions(sentences: Iterable[Sentence], labels: set[str]) -> dict[str, list[Mention]]:
    """label -> every mention (words, spaces) of that label in the sentences."""
    table: dict[str, list[Mention]] = defaultdict(list)
    for sentence in sentences:
        for start, end, label in spans(sentence.tags or []):
            if label in labels:
                table[label].append((sentence.words[start:end], sentence.spaces[start:end]))
    return table


def replace_spans(sentence: Sentence, pick) -> Sentence | None:
    """A copy of the sentence in which each entity span for which ``pick(label)`` returns a mention is replaced by
    it (tags rebuilt B-/I-); None when nothing was replaced."""
    words: list[str] = []
    tags: list[str] = []
    spaces: list[bool] = []
    i = 0
    replaced = False
    entity_spans = {start: (end, label) for start, end, label in spans(sentence.tags or [])}
    while i < len(sentence.words):
        if i in entity_spans:
            end, label = entity_spans[i]
            mention = pick(label)
            if mention is not None:
                new_words, new_spaces = mention
                words.extend(new_words)
                spaces.extend(new_spaces[:-1] + [sentence.spaces[end - 1]])
                tags.extend([f"B-{label}"] + [f"I-{label}"] * (len(new_words) - 1))
                replaced = True
                i = end
                continue
        words.append(sentence.words[i])
        tags.append(sentence.tags[i])
        spaces.append(sentence.spaces[i])
        i += 1
    return Sentence(words, tags, spaces) if replaced else None


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
    gazetteer_swap: float = 0.0,
    mention_swap: float = 0.0,
    mention_swap_labels: tuple[str, ...] = ("PER", "LOC"),
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
    # Augmentation draws from its own generator, so that the default conversion (both off) is unchanged.
    aug_rng = random.Random(seed + 7919)
    if gazetteer_swap > 0:
        names = gazetteer_names(data / "gazetteer" / "dbpedia-id-organization.txt")
        with_org = [s for s in cased_train if any(t == "B-ORG" for t in s.tags or [])]
        chosen = [s for s in with_org if aug_rng.random() < gazetteer_swap]
        copies = [replace_spans(s, lambda label: aug_rng.choice(names) if label == "ORG" else None) for s in chosen]
        copies = [c for c in copies if c is not None]
        train.extend(copies)
        summary["gazetteer_swap"] = gazetteer_swap
        summary["train"]["gazetteer_swap"] = len(copies)
    if mention_swap > 0:
        labels = set(mention_swap_labels)
        mentions = training_mentions(cased_train, labels)
        eligible = [s for s in cased_train if any(label in labels for _, _, label in spans(s.tags or []))]
        chosen = [s for s in eligible if aug_rng.random() < mention_swap]
        copies = [replace_spans(s, lambda label: aug_rng.choice(mentions[label]) if label in labels else None)
                  for s in chosen]
        copies = [c for c in copies if c is not None]
        train.extend(copies)
        summary["mention_swap"] = [mention_swap, sorted(labels)]
        summary["train"]["mention_swap"] = len(copies)
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
        gazetteer_swap: float = typer.Option(0.0, help="Fraction of ORG sentences copied with gazetteer ORG names"),
        mention_swap: float = typer.Option(0.0, help="Fraction of sentences copied with other training mentions"),
        mention_swap_labels: str = typer.Option("PER,LOC", help="Labels swapped by --mention-swap"),
    ) -> None:
        summary = convert(data, out, nerp, titlecase_fraction, seed, gazetteer_swap=gazetteer_swap,
                          mention_swap=mention_swap, mention_swap_labels=tuple(mention_swap_labels.split(",")))
        typer.echo(json.dumps(summary))

    typer.run(cli)


if __name__ == "__main__":
    main()
