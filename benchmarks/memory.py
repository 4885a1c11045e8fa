"""Does factx stream in constant memory? Prints figures (it is not a test).

    .venv/bin/python benchmarks/memory.py                    # 10,000 and 100,000 generated docs, 1,000 files
    .venv/bin/python benchmarks/memory.py --docs 20000 --jobs 1,2

Generates small Indonesian news-like documents (our own templates with random names, amounts and dates, so that
new words keep coming as in a real corpus) in a temporary folder, then runs ``python -m factx extract FILE -f jsonl
-q`` with its output to /dev/null and prints the peak RSS of the largest process: on the first tenth of the
documents and on all of them (flat memory means the two peaks are about the same), and on a folder of 1,000 small
text files. ``--curve`` also prints the RSS of one library process every tenth of the way through.

``--long`` measures one large document instead (issue 17): a text file of ``--long-mb`` MB (default 200,
paragraphs of the same templates) and a single line of ``--line-chars`` characters (default 5,000,000), each run as
``python -m factx extract FILE -f jsonl -q``; it prints the peak RSS (the child's own ``ru_maxrss``, as
``/usr/bin/time -v`` reports it), the RSS every ``--every`` seconds on the way, the time, the records written, and
checks every 100th record's text against the file at its offsets.

    python benchmarks/memory.py --long                       # 200 MB file and 5M-character line
    python benchmarks/memory.py --long --long-mb 20 --line-chars 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from throughput import load_average, run_measured

ORGS = ("PT Pertamina", "Bank Indonesia", "PT Telkom Indonesia", "Kementerian Keuangan", "PT Garuda Indonesia",
        "Badan Pusat Statistik", "PT Bank Mandiri", "Otoritas Jasa Keuangan")
PLACES = ("Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Denpasar", "Padang", "Balikpapan")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
SYLLABLES = ("ba", "di", "ko", "ra", "su", "ti", "wan", "man", "sa", "ri", "an", "to", "yo", "no", "har")
TEMPLATES = (
    "{org} meneken kontrak senilai Rp {n} miliar dengan {org2} di {place} pada {d} {month} {y}.",
    "Menurut {person}, {org} menaikkan harga menjadi Rp {small} per liter sejak {month} {y}.",
    "Banjir melanda {place} pada {d} {month} {y}; kerugian ditaksir US$ {n} juta, kata {person} dari {org}.",
    "{org} mencatat laba bersih {n},{small2} triliun rupiah selama {k} bulan pertama tahun {y}.",
)


def name(rng: random.Random) -> str:
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()  # noqa: E731
    return f"{word()} {word()}"


def document(rng: random.Random, index: int) -> dict:
    text = " ".join(
        rng.choice(TEMPLATES).format(
            org=rng.choice(ORGS), org2=rng.choice(ORGS), place=rng.choice(PLACES), person=name(rng),
            n=rng.randint(2, 99_999), small=rng.randint(100, 99_999), small2=rng.randint(1, 99),
            d=rng.randint(1, 28), month=rng.choice(MONTHS), y=rng.randint(1990, 2030), k=rng.randint(2, 11),
        )
        for _ in range(2)
    )
    return {"id": f"gen-{index}", "text": text}


def write_jsonl(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            record = document(rng, index)
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def curve(path: Path, count: int, model: str | None) -> None:
    """RSS of this process every tenth of the way through ``factx.results`` over ``path``."""
    import factx
    from factx.readers import Reader

    nlp = factx.load(model)
    step = max(count // 10, 1)
    started = time.perf_counter()
    print(f"  library, one process: RSS after loading {rss_mb():.0f} MB")
    for done, _ in enumerate(factx.results(Reader().read([str(path)]), nlp), start=1):
        if done % step == 0:
            print(f"    {done:>8,} docs  RSS {rss_mb():6.0f} MB  {done / (time.perf_counter() - started):7.0f} docs/s")


def write_long(path: Path, chars: int, separator: str, seed: int = 5) -> int:
    """A text of about ``chars`` characters (whole templates), paragraphs joined by ``separator``; its length."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        index = 0
        while written < chars:
            text = document(rng, index)["text"] + separator
            handle.write(text)
            written += len(text)
            index += 1
    return written


def child_rss(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run_long(command: list[str], path: Path, every: float) -> None:
    """Run ``command`` on ``path``, print its RSS every ``every`` seconds, then its peak RSS, time and records."""
    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    child = subprocess.Popen(command + [str(path)], stdout=subprocess.PIPE, text=True, encoding="utf-8")
    counts = {"records": 0, "checked": 0, "wrong": 0, "last_end": 0}

    def read() -> None:
        for number, line in enumerate(child.stdout):
            counts["records"] += 1
            if number % 100 == 0:
                record = json.loads(line)
                counts["checked"] += 1
                counts["wrong"] += text[record["start"] : record["end"]] != record["text"]
                counts["last_end"] = record["end"]

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    usage = None
    last = 0.0
    while usage is None:
        pid, status, rusage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            usage, child.returncode = rusage, os.waitstatus_to_exitcode(status)
            break
        time.sleep(0.5)
        seconds = time.perf_counter() - started
        if seconds - last >= every:
            last = seconds
            print(f"    {seconds:7.0f} s  RSS {child_rss(child.pid):6.0f} MB  {counts['records']:>10,} records, "
                  f"up to character {counts['last_end']:,} of {len(text):,}", flush=True)
    reader.join()
    seconds = time.perf_counter() - started
    peak = usage.ru_maxrss / 1024
    print(f"  {path.name}: {len(text):,} characters, exit {child.returncode}: peak RSS {peak:.0f} MB, {seconds:.0f} s, "
          f"{len(text) / seconds:,.0f} characters/s, {counts['records']:,} records; every 100th checked: "
          f"{counts['checked']:,}, text at its offsets wrong for {counts['wrong']}  ({load_average()})", flush=True)


def long_main(args) -> None:
    command = [sys.executable, "-m", "factx", "extract", "-f", "jsonl", "-q"] + (
        ["--model", args.model] if args.model else [])
    print(f"{load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        line = root / "one-line.txt"
        write_long(line, args.line_chars, " ")
        run_long(command, line, args.every)
        big = root / "large.txt"
        write_long(big, args.long_mb * 2**20, "\n\n")
        run_long(command, big, args.every)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=1_000)
    parser.add_argument("--jobs", default="1", help="--jobs values, e.g. 1,2")
    parser.add_argument("--model")
    parser.add_argument("--curve", action="store_true", help="Also sample RSS inside one library process.")
    parser.add_argument("--long", action="store_true", help="One large document instead (see above).")
    parser.add_argument("--long-mb", type=int, default=200)
    parser.add_argument("--line-chars", type=int, default=5_000_000)
    parser.add_argument("--every", type=float, default=60, help="--long: print the RSS every so many seconds.")
    args = parser.parse_args()
    if args.long:
        long_main(args)
        return

    base = [sys.executable, "-m", "factx", "extract", "-f", "jsonl", "-q"] + (["--model", args.model] if args.model else [])
    print(f"{load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        small, large = root / "tenth.jsonl", root / "all.jsonl"
        small_words = write_jsonl(small, args.docs // 10)
        large_words = write_jsonl(large, args.docs)
        for jobs in args.jobs.split(","):
            for path, count, words in ((small, args.docs // 10, small_words), (large, args.docs, large_words)):
                seconds, rss, _ = run_measured(base + ["--jobs", jobs, str(path)])
                print(
                    f"--jobs {jobs}  {count:>8,} docs ({words:>10,} words): peak RSS {rss:6.0f} MB, {seconds:7.1f} s, "
                    f"{count / seconds:6.0f} docs/s, {words / seconds:8,.0f} words/s  ({load_average()})"
                )
        texts = root / "files"
        texts.mkdir()
        rng = random.Random(11)
        for index in range(args.files):
            (texts / f"berita-{index:05d}.txt").write_text(document(rng, index)["text"], encoding="utf-8")
        seconds, rss, _ = run_measured(base + [str(texts)])
        print(f"folder of {args.files:,} .txt files: peak RSS {rss:6.0f} MB, {seconds:7.1f} s  ({load_average()})")
        if args.curve:
            curve(large, args.docs, args.model)


if __name__ == "__main__":
    main()
