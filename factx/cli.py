"""The factx command line: parse options, call the library, hand records to the writers."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import signal
import sys
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import _blas_threads  # noqa: F401  (first of factx's modules: sets BLAS threads before numpy loads)
from . import writers
from .engine import parse_types, results
from .readers import Problem, Reader, StdinFormat
from .safe_output import AtomicOutput, OutputError
from .writers import Format

app = typer.Typer(
    help="Facts (dates, organisations, money, events) from Indonesian news.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)


@app.callback()
def callback() -> None:
    """Facts (dates, organisations, money, events) from Indonesian news."""

EXIT_SKIPPED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process that SIGTERM ended


class Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread so that the temporary output file is cleaned up (a BaseException,
    like KeyboardInterrupt, so that the per-document guard does not take it for an error of one document)."""


def on_sigterm(owner: int):
    """A SIGTERM handler for process ``owner`` (the CLI's); a ``--jobs`` worker forked from it just ends."""

    def handler(number, frame) -> None:
        if os.getpid() != owner:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated()

    return handler


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    stderr.print(f"[bold red]factx:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def choose_format(fmt: Optional[Format], output: Optional[Path]) -> Format:
    if fmt is not None:
        return fmt
    if output is not None:
        found = writers.EXTENSIONS.get(output.suffix.lower())
        if found is None:
            raise fail(f"cannot tell the format of {output} from its extension; give --format")
        return found
    return Format.table if sys.stdout.isatty() else Format.csv


class Problems:
    """Prints input problems as warnings and counts them for the exit code."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.skipped = 0
        self.missing = 0

    def __call__(self, problem: Problem) -> None:
        if problem.missing:
            self.missing += 1
        elif problem.skipped:
            self.skipped += 1
        stderr.print(f"[yellow]warning:[/] {problem}", soft_wrap=True, markup=True, highlight=False)


def open_output(output: Optional[Path]):
    """stdout, or an :class:`AtomicOutput` beside ``output`` whose stream is renamed into place when done."""
    if output is None:
        return sys.stdout, None
    if output.is_dir():
        raise fail(f"cannot write {output}: it is a folder")
    folder = output.resolve().parent
    if not folder.is_dir():
        raise fail(f"cannot write {output}: no folder {folder}")
    try:
        atomic = AtomicOutput(output)
    except OutputError as error:
        raise fail(str(error), EXIT_SKIPPED)
    return atomic.stream, atomic


def show_progress(quiet: bool, fmt: Format, output: Optional[Path]) -> bool:
    """A progress bar only on a terminal, and not while tables go to that terminal (it would mix into them)."""
    tables_here = output is None and fmt is Format.table and sys.stdout.isatty()
    return not quiet and stderr.is_terminal and not tables_here


def dask_results(address: str, documents, model: Optional[Path], **options):
    """``--dask``: the results stream from the cluster, or a clean error when Dask or the scheduler is missing."""
    try:
        from .dask import results_distributed
    except ImportError:
        raise fail("--dask needs Dask: pip install 'factx[dask]'")
    try:
        return results_distributed(documents, address, model=model and model.resolve(), **options)
    except (OSError, TimeoutError) as error:
        raise fail(f"--dask {address}: cannot reach the scheduler ({error})")


@app.command("extract")
def extract_cli(
    paths: List[str] = typer.Argument(..., help="Text files, .jsonl corpora, folders, or - for stdin.", metavar="PATH..."),
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", help="Output format [default: table on a terminal, else csv; with -o, from its extension]."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    types: Optional[str] = typer.Option(None, "--types", "-t", help="Keep only these types, e.g. date,money,org."),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", help="Reference date YYYY-MM-DD for relative dates."),
    events: bool = typer.Option(False, "--events", help="Output event frames instead of mentions."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes (0 = all cores).", min=0),
    dask_address: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS", help="Run on the Dask cluster whose scheduler is at ADDRESS (factx[dask])."
    ),
    text_field: str = typer.Option("text", help="JSONL field holding the text."),
    id_field: str = typer.Option("id", help="JSONL field holding the document id."),
    date_field: str = typer.Option("date", help="JSONL field holding the document's reference date."),
    glob: str = typer.Option("*.txt,*.jsonl", help="Files to read inside folders (comma-separated patterns)."),
    stdin_format: StdinFormat = typer.Option(
        StdinFormat.auto, help="How to read - (stdin): auto takes it as JSONL when its first line is a JSON object."
    ),
    bom: Optional[bool] = typer.Option(
        None, "--bom/--no-bom",
        help="Start CSV with a UTF-8 BOM for Excel [default: yes with -o FILE.csv, no on stdout].",
    ),
    model: Optional[Path] = typer.Option(None, help="A spaCy pipeline directory to use instead of the shipped one."),
) -> None:
    """Find dates, durations, money, organisations, people, places and events in Indonesian news."""
    started = time.perf_counter()
    when = None
    if ref_date is not None:
        try:
            when = dt.date.fromisoformat(ref_date)
        except ValueError:
            raise fail(f"--ref-date must be YYYY-MM-DD, not {ref_date!r}")
    try:
        wanted = parse_types(types)
    except ValueError as error:
        raise fail(f"--types: {error}")
    fmt = choose_format(fmt, output)
    if model is not None and not (model / "config.cfg").is_file():
        raise fail(f"--model {model}: not a spaCy pipeline directory (no config.cfg)")
    if dask_address is not None and jobs != 1:
        raise fail("--jobs and --dask do not go together: on a cluster the Dask workers are the jobs")

    from .pipeline import load

    problems = Problems(quiet)
    reader = Reader(text_field=text_field, id_field=id_field, date_field=date_field, glob=glob, on_problem=problems,
                    stdin_format=stdin_format)
    if dask_address is None:
        found = results(
            reader.read(paths), load(model), types=wanted, ref_date=when, events=events, jobs=jobs, memory_zones=True,
            parts=jobs == 1,
        )
    else:
        found = dask_results(dask_address, reader.read(paths), model, types=wanted, ref_date=when, events=events)
    progress = None
    if show_progress(quiet, fmt, output):
        progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=stderr, transient=True,
        )
        total = reader.count(paths)
    stream, atomic = open_output(output)
    writer = writers.make_writer(fmt, stream, events=events, bom=fmt is Format.csv and (
        bom if bom is not None else output is not None))
    previous_sigterm = signal.signal(signal.SIGTERM, on_sigterm(os.getpid()))
    documents = 0
    sources: dict[str, int] = {}
    task = piece_task = None
    try:
        writer.open()
        for result in found:
            if result.error:
                document = result.document
                where = document.where or document.id
                if document.where and document.where != document.id:
                    where += f" (document {document.id})"
                partial = result.part or not result.complete or result.mentions or result.events
                problems(Problem(where, f"{result.error}; {'that part' if partial else 'document'} skipped"))
            if not result.error or result.mentions or result.events:
                writer.write(result)
            if result.complete:
                documents += 1
                key = result.ref_date_source or "none"
                sources[key] = sources.get(key, 0) + 1
            if progress is None:
                continue
            if task is None and (documents >= 2 or not result.complete):
                task = progress.add_task("documents", total=total)
                progress.start()
            if task is not None:
                progress.update(task, completed=documents)
            if not result.complete and piece_task is None:
                piece_task = progress.add_task("characters", total=result.document.length)
            if piece_task is not None:
                if result.complete:
                    progress.remove_task(piece_task)
                    piece_task = None
                else:
                    progress.update(piece_task, completed=result.done)
        writer.close()
        if atomic is not None:
            atomic.commit()
            atomic = None
    except KeyboardInterrupt:
        raise fail("interrupted", EXIT_INTERRUPTED)
    except Terminated:
        raise fail("terminated (SIGTERM)" + (f"; {output} not written" if output else ""), EXIT_TERMINATED)
    except OutputError as error:
        raise fail(str(error), EXIT_SKIPPED)
    except BrokenPipeError:
        # The reader of our output went away (`factx extract ... | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0)
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        if progress is not None:
            progress.stop()
        if atomic is not None:
            atomic.discard()

    if not quiet:
        seconds = time.perf_counter() - started
        refs = ", ".join(f"{n} {name}" for name, n in sorted(sources.items()))
        stderr.print(
            f"factx: {documents} document{'s' * (documents != 1)}, {writer.count} records, "
            f"{problems.skipped + problems.missing} skipped input{'s' * (problems.skipped + problems.missing != 1)}, "
            f"{seconds:.2f} s" + (f" (reference dates: {refs})" if documents else ""),
            soft_wrap=True,
        )
    if documents == 0 and problems.missing:
        raise typer.Exit(EXIT_USAGE)
    if problems.skipped or problems.missing:
        raise typer.Exit(EXIT_SKIPPED)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("evaluate")
def evaluate_cli(
    data: Path = typer.Argument(..., help="Annotated data: IOB TSV, CoNLL-U with NER, .spacy, or a folder of them."),
    model: Optional[Path] = typer.Option(None, help="A spaCy pipeline directory to score instead of the shipped one."),
    rules: bool = typer.Option(False, "--rules", help="Score the whole factx pipeline (model + rule components)."),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Score the NER model on annotated data: precision, recall and F1 per label and overall (exact spans)."""
    from .evaluate import evaluate

    if model is not None and not (model / "config.cfg").is_file():
        raise fail(f"--model {model}: not a spaCy pipeline directory (no config.cfg)")
    try:
        scores = evaluate(data, model, rules=rules)
    except (OSError, ValueError) as error:
        raise fail(str(error))
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
        return
    console = Console(highlight=False)
    console.print(f"{scores['data']}: {scores['docs']} docs, {scores['words']} words; model {scores['model']}")
    table = Table()
    for column in ("label", "P", "R", "F", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label, row in scores["labels"].items():
        table.add_row(label, f"{row['p']:.3f}", f"{row['r']:.3f}", f"{row['f']:.3f}", str(row["support"]))
    overall = [("overall", scores["overall"])] + ([("PER/ORG/LOC", scores["core"])] if scores["core"] else [])
    for name, row in overall:
        table.add_row(name, f"{row['p']:.3f}", f"{row['r']:.3f}", f"{row['f']:.3f}", "", style="bold")
    console.print(table)


def main() -> None:
    """Console-script entry point: no traceback reaches the user unless FACTX_DEBUG is set."""
    try:
        app()
    except SystemExit:
        # The process ends now. Python's last cycle collection at exit would walk every object still alive, most of
        # them spaCy's, thinc's and the pipeline's (about 0.15 s); frozen (gc.freeze), they are left to the end of
        # the process, as they would be anyway.
        gc.freeze()
        raise
    except KeyboardInterrupt:
        stderr.print("[bold red]factx:[/] interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001
        if os.environ.get("FACTX_DEBUG"):
            raise
        stderr.print(f"[bold red]factx: error:[/] {type(error).__name__}: {error}", soft_wrap=True)
        sys.exit(1)
