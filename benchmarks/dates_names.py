"""Years that belong to a name (``span._.date_in_name``) on the bench corpus: how many DATE spans are marked, and
each of them in its context, to read through by hand.

    python benchmarks/dates_names.py [--limit N]
"""

from __future__ import annotations

import argparse

from common import BENCH, read_texts

import factx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="print at most N marked years (0: all)")
    args = parser.parse_args()
    nlp = factx.load()
    texts = read_texts(BENCH)
    dates = marked = 0
    shown = 0
    with nlp.select_pipes(disable=[name for name in ("factx_orgs", "factx_events") if name in nlp.pipe_names]):
        for number, doc in enumerate(nlp.pipe(texts)):
            for ent in doc.ents:
                if ent.label_ != "DATE":
                    continue
                dates += 1
                if ent._.date_in_name:
                    marked += 1
                    if not args.limit or shown < args.limit:
                        shown += 1
                        before = doc.text[max(0, ent.start_char - 50) : ent.start_char].replace("\n", " ")
                        print(f"bench-{number + 1:04d}  ...{before}[{ent.text}]")
    print(f"{marked} of {dates} DATE spans are years of a name ({len(texts)} documents)")


if __name__ == "__main__":
    main()
