"""CPU time of the factx_orgs component alone, over the same documents in several rounds (prints figures; not a test).

    python benchmarks/orgs_cpu.py [--data ../shared/bench/news.jsonl] [--rounds 7] [--profile 30]
    python benchmarks/orgs_cpu.py --against /tmp/main-checkout [--pairs 3] [--rounds 3]

The pipeline runs once up to the component before factx_orgs; each round then calls factx_orgs on fresh copies of
those documents (``Doc.copy``, made outside the timing, with the token texts and sentences that factx_dates reads
already read, as in the pipeline) and adds up the CPU seconds (``time.process_time``) of the calls. CPU time, not
wall-clock: on a machine shared with other processes it is what changes least. Prints every round, the median and
the minimum; ``--profile N`` also prints the N heaviest functions under cProfile in one more round.

``--against DIR`` compares this tree's factx with the one in DIR (a checkout of another commit: ``git worktree add``
or ``git archive REV | tar -x -C DIR``): ``--pairs`` times a fresh process of each, in turn (other tree, this tree,
other, ...), so that load from other processes falls on both alike, and prints each one's medians and the ratio of
their medians.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

import factx
from common import BENCH, read_texts
from factx.spans import token_table

COMPONENT = "factx_orgs"


def inputs(nlp, texts: list[str]) -> list:
    """The documents as the pipeline hands them to factx_orgs."""
    before = nlp.pipe_names[: nlp.pipe_names.index(COMPONENT)]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def fresh(docs: list) -> list:
    copies = [doc.copy() for doc in docs]
    for doc in copies:
        token_table(doc).sentence_chars(doc)
    return copies


def one_round(component, docs: list) -> float:
    spent = 0.0
    for doc in fresh(docs):
        start = time.process_time()
        component(doc)
        spent += time.process_time() - start
    return spent


def compare(other: Path, data: Path, pairs: int, rounds: int) -> dict:
    """Medians of fresh processes of this script, on the factx of ``other`` and of this tree in turn."""
    here = Path(__file__).resolve().parent.parent
    medians: dict[str, list[float]] = {"other": [], "this": []}
    for _ in range(pairs):
        for name, tree in (("other", other), ("this", here)):
            env = {**os.environ, "PYTHONPATH": str(Path(tree).resolve())}
            out = subprocess.run([sys.executable, __file__, "--data", str(data), "--rounds", str(rounds)], env=env,
                                 check=True, capture_output=True, text=True).stdout
            medians[name].append(json.loads(out)["median_cpu_seconds"])
    other_median, this_median = statistics.median(medians["other"]), statistics.median(medians["this"])
    return {
        "other": str(other), "other_medians": medians["other"], "this_medians": medians["this"],
        "other_median_cpu_seconds": other_median, "this_median_cpu_seconds": this_median,
        "this_over_other": round(this_median / other_median, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", type=int, default=0, help="Print this many functions under cProfile (0: none).")
    parser.add_argument("--against", type=Path, help="A checkout of another commit to compare with.")
    parser.add_argument("--pairs", type=int, default=3, help="With --against: processes of each tree, in turn.")
    args = parser.parse_args()
    if args.against is not None:
        print(json.dumps(compare(args.against, args.data, args.pairs, args.rounds), indent=2))
        return
    nlp = factx.load()
    docs = inputs(nlp, read_texts(args.data))
    component = nlp.get_pipe(COMPONENT)
    one_round(component, docs[:50])  # warm up
    rounds = [one_round(component, docs) for _ in range(args.rounds)]
    print(json.dumps({
        "docs": len(docs),
        "rounds": [round(r, 3) for r in rounds],
        "median_cpu_seconds": round(statistics.median(rounds), 3),
        "min_cpu_seconds": round(min(rounds), 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))
    if args.profile:
        copies = fresh(docs)
        profile = cProfile.Profile()
        profile.enable()
        for doc in copies:
            component(doc)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
