"""Summarise sweep runs (training/output/sw-*): dev PER+ORG+LOC F per corpus, EVENT F, best step, minutes, words/s.

    python training/sweep_table.py [RUN ...]   (default: every training/output/sw-*/dev-scores.json, plus base-s1/final)
"""

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "output"
LOGS = {"final": "final96.log"}  # final.log is an older width-128 run written to the same folder name


def best_step(log: Path):
    best, step = -1.0, None
    if not log.is_file():
        return None
    for line in log.read_text(errors="replace").splitlines():
        m = re.match(r"\s*\d+\s+(\d+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s*$", line)
        if m and float(m.group(2)) > best:
            best, step = float(m.group(2)), int(m.group(1))
    return step


def row(name: str) -> str:
    scores = OUT / name / "dev-scores.json"
    if not scores.is_file():
        return f"| {name} | (running or failed) |"
    info = json.loads(scores.read_text())
    dev = info["dev"]
    f = {k: dev[k]["core"]["f"] for k in ("nerui", "nerugm", "nergrit", "nerp-recased") if k in dev}
    event = dev.get("nerp-recased", {}).get("labels", {}).get("EVENT", {}).get("f")
    avg = sum(f[k] for k in ("nerui", "nerugm", "nergrit")) / 3
    bench = OUT / f"{name}.bench"
    wps = size = ""
    if bench.is_file():
        try:
            b = json.loads(bench.read_text().strip().splitlines()[-1])
            wps, size = b["words_per_second"], b["size_mb"]
        except Exception:
            pass
    cmd = info["command"].replace("python training/train.py ", "")
    return (f"| {name} | `{cmd}` | {f['nerui']:.3f} | {f['nerugm']:.3f} | {f['nergrit']:.3f} | **{avg:.3f}** | "
            f"{f.get('nerp-recased', 0):.3f} | {event or 0:.3f} | {best_step(OUT / LOGS.get(name, name + '.log'))} | "
            f"{info['train_minutes']} | {wps} | {size} |")


names = sys.argv[1:] or ["final", "base-s1"] + sorted(
    p.parent.name for p in OUT.glob("sw-*/dev-scores.json"))
print("| run | args | NER UI | NER UGM | NERGrit | avg3 | NERP-rec | EVENT | best step | train min | words/s | MB |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for n in names:
    print(row(n))
