"""The factx command line: parse options, call the library, hand records to the writers."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import _blas_threads  # noqa: F401  (first of factx's modules: sets BLAS threads before numpy loads)
from . import api, writers
from .cli_options import (
    BOM, DASK, DATE_FIELD, FORMAT, GLOB, ID_FIELD, JOBS, MODEL, OUTPUT, PATHS, QUIET, REF_DATE, STDIN_FORMAT,
    TEXT_FIELD,
)
from .cli_run import Tally, Terminated, on_sigterm
from .engine import parse_types
from .readers import Reader, StdinFormat
from .safe_output import AtomicOutput, OutputError
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
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports a process that SIGTERM ended


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
        return api.results(documents, dask=address, model=model and model.resolve(), **options)
    except ImportError:
        raise fail("--dask needs Dask: pip install 'factx[dask]'")
    except (OSError, TimeoutError) as error:
        raise fail(f"--dask {address}: cannot reach the scheduler ({error})")


def read_results(
    paths: List[str], ref_date: Optional[str], jobs: int, dask_address: Optional[str], text_field: str, id_field: str,
    date_field: str, glob: str, model: Optional[Path], tally: Tally, *, events: bool,
    types: Optional[frozenset] = None, stdin_format: StdinFormat = StdinFormat.auto, parts: bool = False,
):
    """Check the reading options (in the order the commands declare them) and start the stream of results; input
    problems go to ``tally.problems``, which also learns how many documents there are. ``parts``: a long
    document's pieces come as they are done (in this process only). Raises typer.Exit."""
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

    reader = Reader(text_field=text_field, id_field=id_field, date_field=date_field, glob=glob,
                    on_problem=tally.problems, stdin_format=stdin_format)
    tally.count = lambda: reader.count(paths)
    if dask_address is None:
        return api.results(
            reader.read(paths), api.load(model), types=types, ref_date=when, events=events, jobs=jobs,
            memory_zones=True, parts=parts and jobs == 1,
        )
    return dask_results(dask_address, reader.read(paths), model, types=types, ref_date=when, events=events)


def finish(tally: Tally, what: str) -> None:
    """The summary, then the exit code for the inputs' problems (a document that failed is one): 2 when nothing
    could be read, 1 when some were skipped."""
    tally.summary(what)
    problems = tally.problems
    if tally.documents == 0 and problems.missing:
        raise typer.Exit(EXIT_USAGE)
    if problems.skipped or problems.missing:
        raise typer.Exit(EXIT_SKIPPED)


def write_output(output: Optional[Path], write):
    """``write(stream)`` on stdout, or on a temporary file renamed to ``output`` at the end (removed if the run
    fails, is interrupted or gets SIGTERM; it keeps the target's mode, or the umask's); Ctrl-C, SIGTERM, a write
    error and a closed pipe end the command cleanly. Returns what ``write`` returns."""
    stream, atomic = open_output(output)
    previous_sigterm = signal.signal(signal.SIGTERM, on_sigterm(os.getpid()))
    try:
        out = write(stream)
        if atomic is not None:
            atomic.commit()
            atomic = None
        return out
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
        if atomic is not None:
            atomic.discard()


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
    stdin_format: StdinFormat = STDIN_FORMAT,
    bom: Optional[bool] = BOM,
    model: Optional[Path] = MODEL,
) -> None:
    """Find dates, durations, money, organisations, people, places and events in Indonesian news."""
    try:
        wanted = parse_types(types)
    except ValueError as error:
        raise fail(f"--types: {error}")
    fmt = choose_format(fmt, output)
    if fmt in writers.FILE_ONLY and output is None:
        raise fail(f"--format {fmt.value} writes a file: give -o FILE")
    tally = Tally(stderr, quiet, show=show_progress(quiet, fmt, output))
    found = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model, tally,
                         events=events, types=wanted, stdin_format=stdin_format, parts=True)
    bom = fmt is Format.csv and (bom if bom is not None else output is not None)

    def write(stream) -> int:
        writer = writers.make_writer(fmt, stream, events=events, bom=bom)
        with tally:
            writer.open()
            for result in tally(found):
                writer.write(result)
            writer.close()
        return writer.count

    count = write_output(output, write)
    finish(tally, f"{count} records")


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
    stdin_format: StdinFormat = STDIN_FORMAT,
    model: Optional[Path] = MODEL,
) -> None:
    """Organisations across documents: name, aliases, kind, mentions, documents, first and last date seen."""
    from .corpus.orgs import ORG_FIELDS, OrgIndex, load_gazetteer
    from .corpus.tables import ROW_FORMATS, write_rows

    fmt = choose_format(fmt, output)
    if fmt not in ROW_FORMATS:
        raise fail(f"factx orgs writes {', '.join(f.value for f in ROW_FORMATS)}, not {fmt.value}")
    index, tally = OrgIndex(load_gazetteer()), Tally(stderr, quiet, "reading")
    found = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model, tally,
                         events=False, types=frozenset({"ORG"}), stdin_format=stdin_format)

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
    finish(tally, f"{count} organisations, {conflicts} conflict{'s' * (conflicts != 1)}")


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
    stdin_format: StdinFormat = STDIN_FORMAT,
    model: Optional[Path] = MODEL,
) -> None:
    """One self-contained HTML page on a corpus: organisations, a timeline of events, money, frames, dates."""
    from .corpus.report import build

    if data_dir is not None and data_dir.exists() and not data_dir.is_dir():
        raise fail(f"--data-dir {data_dir}: not a folder")
    tally = Tally(stderr, quiet, "reading")
    found = read_results(paths, ref_date, jobs, dask_address, text_field, id_field, date_field, glob, model, tally,
                         events=True, stdin_format=stdin_format)

    def write(stream):
        with tally:
            page, stats = build(tally(found), title=f"factx report: {', '.join(paths)}", top=top,
                                frame_rows=frames, data_dir=data_dir)
        stream.write(page)
        return page, stats

    page, stats = write_output(output, write)
    finish(tally, f"{stats.frames} event frames, {len(page.encode()) / 1024:,.0f} KB page")


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
