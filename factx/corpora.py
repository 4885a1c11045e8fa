"""Readers for annotated corpora: IOB TSV, CoNLL-U and spaCy DocBin, with one label map.

Used by :mod:`factx.evaluate` and by ``training/convert.py`` (which imports it from here, since ``training/`` is not
part of the package). Each reader yields sentences as :class:`Sentence` (words, spaces, entity tags in IOB with
factx's labels, and for CoNLL-U the UPOS/morphology), and :func:`to_doc` turns a batch of sentences into a Doc.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

__all__ = [
    "CorpusFormat", "Sentence", "LABELS", "CORE_LABELS", "map_tag", "repair_iob", "read_iob", "read_conllu",
    "detect_format", "to_doc", "batched", "read_sentences", "read_docs"
]

# Corpus label -> factx label. Labels not listed (TIME, QUANTITY, FNB, ...) are dropped: their tokens become "O".
LABEL_MAP = {
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
    "EVENT": "EVENT",
    "EVT": "EVENT",
}
LABELS = ("ORG", "PER", "LOC", "EVENT")
# The labels the accuracy targets are stated over.
CORE_LABELS = ("PER", "ORG", "LOC")


class CorpusFormat(str, Enum):
    iob = "iob"
    conllu = "conllu"
    spacy = "spacy"


SUFFIXES = {".tsv": CorpusFormat.iob, ".iob": CorpusFormat.iob, ".conllu": CorpusFormat.conllu,
            ".spacy": CorpusFormat.spacy}


@dataclass
class Sentence:
    words: list[str]
    tags: list[str] | None  # IOB tags with factx labels, or None when the corpus has no entity annotation
    spaces: list[bool] = field(default_factory=list)
    pos: list[str] | None = None
    morphs: list[str] | None = None

    def __post_init__(self) -> None:
        if not self.spaces:
            self.spaces = [True] * len(self.words)


def map_tag(tag: str) -> str:
    """``B-ORGANIZATION`` -> ``B-ORG``; a dropped or unknown label -> ``O``."""
    tag = tag.strip()
    if not tag or tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = LABEL_MAP.get(label.upper())
    if mapped is None or prefix.upper() not in {"B", "I"}:
        return "O"
    return f"{prefix.upper()}-{mapped}"


def repair_iob(tags: list[str]) -> list[str]:
    """Make a tag sequence valid IOB: an ``I-X`` that does not continue an ``X`` entity starts one."""
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def read_iob(path: Path, mapping: Callable[[str], str] = map_tag) -> Iterator[Sentence]:
    """``token<TAB>tag`` lines, a blank line between sentences (a lone ``-DOCSTART-`` line is skipped). Tags go
    through ``mapping``: factx's labels by default; ``mapping=str.strip`` keeps the corpus' own labels."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield Sentence(words, repair_iob(tags))
                words, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
            if len(parts) < 2:
                raise ValueError(f"{path}:{number}: expected 'token<TAB>tag', got {line!r}")
            word, tag = parts[0], parts[-1]
            if word == "-DOCSTART-":
                continue
            if not word.strip():
                continue
            words.append(word)
            tags.append(mapping(tag))
    if words:
        yield Sentence(words, repair_iob(tags))


def _ner_from_misc(misc: str) -> str | None:
    for item in misc.split("|"):
        key, _, value = item.partition("=")
        if key in {"NE", "NER", "Entity"}:
            return value
    return None


def read_conllu(path: Path) -> Iterator[Sentence]:
    """CoNLL-U: words (multi-word tokens are split into their syntactic words), UPOS, morphology; entities when
    the MISC column carries ``NE=B-ORG`` (or ``NER=``), else the sentence has no entity annotation."""
    rows: list[list[str]] = []

    def build() -> Sentence:
        words = [row[1] for row in rows]
        spaces = ["SpaceAfter=No" not in row[9].split("|") for row in rows]
        raw = [_ner_from_misc(row[9]) for row in rows]
        tags = repair_iob([map_tag(tag or "O") for tag in raw]) if any(tag for tag in raw) else None
        pos = [row[3] if row[3] != "_" else "" for row in rows]
        morphs = [row[5] if row[5] != "_" else "" for row in rows]
        return Sentence(words, tags, spaces, pos, morphs)

    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield build()
                rows = []
                continue
            if line.startswith("#"):
                continue
            row = line.split("\t")
            if len(row) != 10:
                raise ValueError(f"{path}:{number}: expected 10 CoNLL-U columns, got {len(row)}")
            if "-" in row[0] or "." in row[0]:
                continue  # multi-word token line or empty node: the words themselves follow
            rows.append(row)
    if rows:
        yield build()


READERS: dict[CorpusFormat, Callable[[Path], Iterator[Sentence]]] = {
    CorpusFormat.iob: read_iob,
    CorpusFormat.conllu: read_conllu,
}


def detect_format(path: Path) -> CorpusFormat:
    """The format of ``path`` from its suffix."""
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(SUFFIXES))
        raise ValueError(f"cannot tell the format of {path}: expected one of {known}")
    return found


def to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    """One Doc of ``sentences`` (sentence starts set; entities set when every sentence carries them)."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    has_ents = all(sentence.tags is not None for sentence in sentences)
    has_pos = all(sentence.pos is not None for sentence in sentences)
    for sentence in sentences:
        words.extend(sentence.words)
        spaces.extend(sentence.spaces)
        sent_starts.extend([True] + [False] * (len(sentence.words) - 1))
        if has_ents:
            tags.extend(sentence.tags or [])
        if has_pos:
            pos.extend(sentence.pos or [])
            morphs.extend(sentence.morphs or [])
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        sent_starts=sent_starts,
        ents=tags if has_ents else None,
        pos=pos if has_pos else None,
        morphs=morphs if has_pos else None,
    )


def batched(sentences: Iterable[Sentence], size: int) -> Iterator[list[Sentence]]:
    batch: list[Sentence] = []
    for sentence in sentences:
        batch.append(sentence)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def read_sentences(path: Path, fmt: CorpusFormat | None = None) -> Iterator[Sentence]:
    """Sentences of an IOB TSV or CoNLL-U file."""
    fmt = fmt or detect_format(path)
    if fmt is CorpusFormat.spacy:
        raise ValueError(f"{path}: a DocBin holds Docs, not sentences; use read_docs")
    return READERS[fmt](path)


def read_docs(path: Path, vocab: Vocab, fmt: CorpusFormat | None = None, sents_per_doc: int = 10) -> Iterator[Doc]:
    """Annotated Docs from ``path`` (IOB TSV, CoNLL-U or ``.spacy``), ``sents_per_doc`` sentences per Doc."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt is CorpusFormat.spacy:
        yield from DocBin().from_disk(path).get_docs(vocab)
        return
    for batch in batched(read_sentences(path, fmt), sents_per_doc):
        yield to_doc(vocab, batch)
