"""Date attachment of event frames: for each annotated "when" item, is its date the date of the frame of its
predicate, of some frame of the sentence, or of none.

    .venv/bin/python benchmarks/events_dates.py [--items benchmarks/events_dates.jsonl] [--model DIR] [--show]

The items (``events_dates.jsonl``, annotated by hand from sentences of ../shared/data, which are read by path and
never copied into the repo) are ``{"file", "sent", "predicate", "pred_char", "date", "date_char", "value"}``:
the sentence (a UD ``sent_id``, or the 0-based index of a sentence of a token-per-line NER file), the predicate
and the date that answers "when did it happen" with their character offsets in the sentence text
(:func:`read_sentence_texts`), and the TIMEX value expected (``XXXX`` for a year the sentence does not give).
Each sentence is run alone (no reference date), as a text file of its own would be.

A frame has the item's date when its date mention (``Frame.date_span``) is the first DATE entity overlapping the
item's date text; with code whose frames do not expose the mention, or with ``--by-value``, when its date value
equals that entity's value and is not null (what a user sees in the records). The predicate's frame: see
:func:`_own_frames`.
Prints the three shares (own predicate / some frame / none), the share of items whose DATE entity has exactly
the expected value, and with ``--show`` every item that misses its predicate's frame.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import factx
from common import DATA
from factx import Frame

ITEMS = Path(__file__).resolve().parent / "events_dates.jsonl"
NO_SPACE_BEFORE = {",", ".", ")", ":", ";", "?", "!", "%"}
NO_SPACE_AFTER = {"("}


def detokenize(tokens: list[str]) -> str:
    """Tokens of a NER file joined back into text: no space before closing punctuation or after "("."""
    out = ""
    for token in tokens:
        if out and token not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += token
    return out


def read_sentence_texts(path: Path | str) -> dict[str, str]:
    """Sentence id -> text: a CoNLL-U file's ``sent_id`` and ``text`` comments, or a token-per-line TSV (first
    column; blank lines end sentences) whose sentences are numbered from 0 and joined by :func:`detokenize`."""
    path = Path(path)
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        if path.suffix == ".conllu":
            sent_id = None
            for line in lines:
                if line.startswith("# sent_id = "):
                    sent_id = line[len("# sent_id = "):].strip()
                elif line.startswith("# text = ") and sent_id is not None:
                    out[sent_id] = line[len("# text = "):].rstrip("\n")
            return out
        tokens: list[str] = []
        for line in lines:
            if line.strip():
                tokens.append(line.split("\t")[0].strip())
            elif tokens:
                out[str(len(out))] = detokenize(tokens)
                tokens = []
        if tokens:
            out[str(len(out))] = detokenize(tokens)
    return out


def read_items(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _has_date(frame, date_ent, by_mention: bool) -> bool:
    if by_mention:
        span = frame.date_span
        return span is not None and span.start == date_ent.start and span.end == date_ent.end
    return date_ent._.value is not None and frame.date == date_ent._.value


def _own_frames(frames: list, text: str, pred_char: int) -> list:
    """The frames of the item's predicate: the one whose trigger is the predicate, else one whose trigger is in
    the same stretch of its clause, with no comma, "yang" or other trigger between them ("mulai melakukan
    negosiasi", "Pertumbuhan kredit ... sudah terjadi")."""
    exact = [f for f in frames if f.trigger.start_char <= pred_char < f.trigger.end_char]
    if exact:
        return exact
    out = []
    for frame in frames:
        if not frame.span.start_char <= pred_char < frame.span.end_char:
            continue
        low, high = sorted((frame.trigger.start_char, pred_char))
        between = text[low:high]
        others = [f for f in frames if f is not frame and low <= f.trigger.start_char < high]
        if "," not in between and " yang " not in f" {between.lower()} " and not others:
            out.append(frame)
    return out


def score(items: list[dict], model: Path | None = None, data: Path = DATA,
          by_value: bool = False) -> tuple[dict, list[str]]:
    """The figures over ``items`` and a line per item whose predicate's frame does not have its date."""
    nlp = factx.load(model)
    texts: dict[str, dict[str, str]] = {}
    counts = {"items": 0, "own_frame": 0, "some_frame": 0, "none": 0, "no_frame_for_predicate": 0,
              "date_found": 0, "value_exact": 0}
    by_mention = False if by_value else None
    misses = []
    for item in items:
        if item["file"] not in texts:
            texts[item["file"]] = read_sentence_texts(data / item["file"])
        text = texts[item["file"]][str(item["sent"])]
        where = f'{item["file"]}#{item["sent"]}'
        end = item["date_char"] + len(item["date"])
        if text[item["date_char"]:end] != item["date"] or \
                text[item["pred_char"]:item["pred_char"] + len(item["predicate"])] != item["predicate"]:
            raise ValueError(f"{where}: the offsets do not match the text (was the data changed?)")
        doc = nlp(text)
        counts["items"] += 1
        date_ent = next((e for e in doc.ents if e.label_ in ("DATE", "DURATION")
                         and e.start_char < end and item["date_char"] < e.end_char), None)
        frames = doc._.events or []
        if by_mention is None:
            by_mention = hasattr(Frame, "__dataclass_fields__") and "date_span" in Frame.__dataclass_fields__
        own = _own_frames(frames, text, item["pred_char"])
        counts["no_frame_for_predicate"] += not own
        if date_ent is not None:
            counts["date_found"] += 1
            counts["value_exact"] += date_ent._.value == item["value"]
        if date_ent is not None and any(_has_date(f, date_ent, by_mention) for f in own):
            counts["own_frame"] += 1
            continue
        if date_ent is not None and any(_has_date(f, date_ent, by_mention) for f in frames):
            counts["some_frame"] += 1
            got = "on another frame"
        else:
            counts["none"] += 1
            got = "no DATE mention" if date_ent is None else "on no frame"
        own_date = own[0].date if own else "(no frame)"
        misses.append(f'{where} {item["predicate"]!r} <- {item["date"]!r}: {got}; the predicate\'s frame: '
                      f'{own_date} | {text[:160]}')
    n = max(counts["items"], 1)
    counts["matched_by"] = "mention (Frame.date_span)" if by_mention else "value (not null)"
    counts["own_frame_share"] = round(counts["own_frame"] / n, 3)
    counts["some_frame_share"] = round((counts["own_frame"] + counts["some_frame"]) / n, 3)
    counts["none_share"] = round(counts["none"] / n, 3)
    counts["value_exact_share"] = round(counts["value_exact"] / n, 3)
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=Path, default=ITEMS)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--show", action="store_true", help="print the items missing their predicate's frame")
    parser.add_argument("--by-value", action="store_true", help="match frames by date value, not by mention")
    args = parser.parse_args()
    counts, misses = score(read_items(args.items), args.model, by_value=args.by_value)
    print(json.dumps(counts, indent=2))
    print(f'date on the frame of its predicate: {counts["own_frame_share"]:.1%}; on some frame of the sentence: '
          f'{counts["some_frame_share"]:.1%}; on none: {counts["none_share"]:.1%} ({counts["items"]} items)')
    if args.show:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
