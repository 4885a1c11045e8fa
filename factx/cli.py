"""The factx command line: parse options, call the library, hand records to the writers."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sys
import tempfile
import time
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import _blas_threads  # noqa: F401  (first of factx's modules: sets BLAS threads before numpy loads)
from . import api, writers
from .cli_options import (
    DASK, DATE_FIELD, FORMAT, GLOB, ID_FIELD, JOBS, MODEL, OUTPUT, PATHS, QUIET, REF_DATE, TEXT_FIELD,
)
from .engine import parse_types
from .readers import Problem, Reader
from .writers import Format

__all__ = ["app", "main", "extract_cli", "orgs_cli", "report_cli", "evaluate_cli"]

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
    """stdout, or a temporary file beside ``output`` that :func:`finish_output` renames into place."""
    if output is None:
        return sys.stdout, None
    if output.is_dir():
        raise fail(f"cannot write {output}: it is a folder")
    folder = output.resolve().parent
    if not folder.is_dir():
        raise fail(f"cannot write {output}: no folder {folder}")
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=folder, prefix=f".{output.name}.", suffix=".tmp", delete=False
    )
    return handle, handle.name


def dask_results(address: str, documents, model: Optional[Path], **options):
    """``--dask``: the results stream from the cluster, or a clean error when Dask or the scheduler is missing."""
    try:
        return api.results(documents, dask=address, model=model and model.resolve(), **options)
    except ImportError:
        raise fail("--dask needs Dask: pip install 'factx[dask]'")
    except (OSError, TimeoutError) as error:
        raise fail(f"--dask {address}: cannot reach the scheduler ({error})")


def read_results(
    paths: List[str], ref_date: Optional[str], jobs: int, dask_address: Optional[str], text_field: str, id_field: str,
    date_field: str, glob: str, model: Optional[Path], quiet: bool, *, events: bool, types: Optional[frozenset] = None,
):
    """Check the reading options (in the order the commands declare them) and start the stream of results:
    (results, problems). Raises typer.Exit."""
    when = None
    if ref_date is not None:
        try:
            when = dt.date.fromisoformat(ref_date)
        except ValueError:
            raise fail(f"--ref-date must be YYYY-MM-DD, not {ref_date!r}")
    if model is not None and not (model / "config.cfg").is_file():
        raise fail(f"--model {model}: not a spaCy pipeline directory (no config.cfg)")
    if dask_address is not None and jobs != 1:
        raise fail("--jobs and --dask do not go together: on a cluster the Dask workers are the jobs")

    problems = Problems(quiet)
    reader = Reader(text_field=text_field, id_field=id_field, date_field=date_field, glob=glob, on_problem=problems)
    if dask_address is None:
        found = api.results(
            reader.read(paths), api.load(model), types=types, ref_date=when, events=events, jobs=jobs,
            memory_zones=True,
        )
    else:
        found = dask_results(dask_address, reader.read(paths), model, types=types, ref_date=when, events=events)
    return found, problems


class Tally:
    """Counts documents and their reference-date sources as they pass, with a progress bar on a terminal."""

    def __init__(self, quiet: bool, verb: str = "extracting"):
        self.quiet = quiet
        self.verb = verb
        self.documents = 0
        self.sources: dict[str, int] = {}
        self.progress: Optional[Progress] = None
        self.started = time.perf_counter()

    def __enter__(self) -> "Tally":
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, found):
        for result in found:
            self.documents += 1
            key = result.ref_date_source or "none"
            self.sources[key] = self.sources.get(key, 0) + 1
            if self.progress is None and self.documents == 2 and not self.quiet and stderr.is_terminal:
                self.progress = Progress(
                    TextColumn(self.verb), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                    TimeElapsedColumn(), console=stderr, transient=True,
                )
                self.task = self.progress.add_task(self.verb, total=None)
                self.progress.start()
            if self.progress is not None:
                self.progress.update(self.task, completed=self.documents)
            yield result

    def finish(self, what: str, problems: Problems) -> None:
        """The one-line summary on stderr (unless quiet; ``what`` = "87 records"), then the exit code for the inputs'
        problems: 2 when nothing could be read, 1 when some were skipped."""
        if not self.quiet:
            seconds = time.perf_counter() - self.started
            skipped = problems.skipped + problems.missing
            refs = ", ".join(f"{n} {name}" for name, n in sorted(self.sources.items()))
            stderr.print(
                f"factx: {self.documents} document{'s' * (self.documents != 1)}, {what}, "
                f"{skipped} skipped input{'s' * (skipped != 1)}, "
                f"{seconds:.2f} s" + (f" (reference dates: {refs})" if self.documents else ""),
                soft_wrap=True,
            )
        if self.documents == 0 and problems.missing:
            raise typer.Exit(EXIT_USAGE)
        if problems.skipped or problems.missing:
            raise typer.Exit(EXIT_SKIPPED)


def write_output(output: Optional[Path], write):
    """``write(stream)`` on stdout, or on a temporary file renamed to ``output`` at the end (removed if the run
    fails or is interrupted); Ctrl-C and a closed pipe end the command cleanly. Returns what ``write`` returns."""
    stream, temporary = open_output(output)
    try:
        out = write(stream)
        if temporary:
            stream.close()
            os.replace(temporary, output)
            temporary = None
        return out
    except KeyboardInterrupt:
        raise fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader of our output went away (`factx extract ... | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0)
    finally:
        if temporary:
            stream.close()
            os.unlink(temporary)


@app.command("extract")
def extract_cli(
    paths: List[str] = PATHS,
    fmt: Optional[Format] = FORMAT,
    output: Optional[Path] = OUTPUT,
    types: Optional[str] = typer.Option(None, "--types", "-t", help="Keep only these types, e.g. date,money,org."),
    ref_date: Optional[str] = REF_DATE,
    events: bool = typer.Option(False, "--events", help="Output event frames instead of mentions."),
    quiet: bool = QUIET,
    jobs: int = JOBS,
    dask_address: Optional[str] = DASK,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    glob: str = GLOB,
    model: Optional[Path] = MODEL,
) -> None:
    """Find dates, durations, money, organisations, people, places and events in Indonesian news."""
    tally = Tally(quiet)
    try:
        wanted = parse_types(types)
    except ValueError as error:
        raise fail(f"--types: {error}")
    fmt = choose_format(fmt, output)
    if fmt in writers.FILE_ONLY and output is None:
        raise fail(f"--format {fmt.value} writes a file: give -o FILE")
    found, problems = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model,
                                   quiet, events=events, types=wanted)

    def write(stream) -> int:
        writer = writers.make_writer(fmt, stream, events=events)
        with tally:
            writer.open()
            for result in tally(found):
                writer.write(result)
            writer.close()
        return writer.count

    count = write_output(output, write)
    tally.finish(f"{count} records", problems)


@app.command("orgs")
def orgs_cli(
    paths: List[str] = PATHS,
    fmt: Optional[Format] = FORMAT,
    output: Optional[Path] = OUTPUT,
    top: int = typer.Option(0, "--top", "-n", help="Only the N organisations in most documents (0 = all).", min=0),
    ref_date: Optional[str] = REF_DATE,
    quiet: bool = QUIET,
    jobs: int = JOBS,
    dask_address: Optional[str] = DASK,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    glob: str = GLOB,
    model: Optional[Path] = MODEL,
) -> None:
    """Organisations across documents: name, aliases, kind, mentions, documents, first and last date seen."""
    from .corpus.orgs import ORG_FIELDS, OrgIndex, load_gazetteer
    from .corpus.tables import ROW_FORMATS, write_rows

    fmt = choose_format(fmt, output)
    if fmt not in ROW_FORMATS:
        raise fail(f"factx orgs writes {', '.join(f.value for f in ROW_FORMATS)}, not {fmt.value}")
    found, problems = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model,
                                   quiet, events=False, types=frozenset({"ORG"}))
    index, tally = OrgIndex(load_gazetteer()), Tally(quiet, "reading")

    def write(stream) -> int:
        with tally:
            for result in tally(found):
                index.add(result)
        rows = index.organisations()
        for conflict in index.conflicts:
            stderr.print(f"[yellow]conflict:[/] {conflict}", soft_wrap=True, highlight=False)
        shown = rows[:top] if top else rows
        title = f"{len(rows)} organisations in {tally.documents} documents" + (f" (top {len(shown)})" if top else "")
        write_rows(fmt, stream, ORG_FIELDS, (row.to_dict() for row in shown), title=title,
                   numeric=("mentions", "documents"))
        return len(rows)

    count = write_output(output, write)
    conflicts = len(index.conflicts)
    tally.finish(f"{count} organisations, {conflicts} conflict{'s' * (conflicts != 1)}", problems)


@app.command("report")
def report_cli(
    paths: List[str] = PATHS,
    output: Path = typer.Option(..., "--output", "-o", help="The HTML file to write (atomically)."),
    top: int = typer.Option(20, "--top", "-n", help="Rows of the ranked tables and charts.", min=1),
    frames: int = typer.Option(500, "--frames", help="Rows of the event-frame table (all go to --data-dir).", min=0),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Also write every table in full as CSV here."),
    ref_date: Optional[str] = REF_DATE,
    quiet: bool = QUIET,
    jobs: int = JOBS,
    dask_address: Optional[str] = DASK,
    text_field: str = TEXT_FIELD,
    id_field: str = ID_FIELD,
    date_field: str = DATE_FIELD,
    glob: str = GLOB,
    model: Optional[Path] = MODEL,
) -> None:
    """One self-contained HTML page on a corpus: organisations, a timeline of events, money, frames, dates."""
    from .corpus.report import build

    if data_dir is not None and data_dir.exists() and not data_dir.is_dir():
        raise fail(f"--data-dir {data_dir}: not a folder")
    found, problems = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model,
                                   quiet, events=True)
    tally = Tally(quiet, "reading")

    def write(stream):
        with tally:
            page, stats = build(tally(found), title=f"factx report: {', '.join(paths)}", top=top,
                                frame_rows=frames, data_dir=data_dir)
        stream.write(page)
        return page, stats

    page, stats = write_output(output, write)
    tally.finish(f"{stats.frames} event frames, {len(page.encode()) / 1024:,.0f} KB page", problems)


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
