"""The arguments and options that several factx commands share (extract, orgs, report), declared once."""

from __future__ import annotations

import typer

from .readers import StdinFormat

__all__ = ["BOM", "DASK", "DATE_FIELD", "FORMAT", "GLOB", "ID_FIELD", "JOBS", "MODEL", "OUTPUT", "PATHS", "QUIET",
           "REF_DATE", "STDIN_FORMAT", "TEXT_FIELD"]

# Reading documents.
PATHS = typer.Argument(..., help="Text files, .jsonl corpora, folders, or - for stdin.", metavar="PATH...")
REF_DATE = typer.Option(None, "--ref-date", help="Reference date YYYY-MM-DD for relative dates.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary.")
JOBS = typer.Option(1, "--jobs", "-j", help="Worker processes (0 = all cores).", min=0)
DASK = typer.Option(None, "--dask", metavar="ADDRESS", help="Run on the Dask cluster whose scheduler is at ADDRESS.")
TEXT_FIELD = typer.Option("text", "--text-field", help="JSONL field holding the text.")
ID_FIELD = typer.Option("id", "--id-field", help="JSONL field holding the document id.")
DATE_FIELD = typer.Option("date", "--date-field", help="JSONL field holding the document's reference date.")
GLOB = typer.Option("*.txt,*.jsonl", "--glob", help="Files to read inside folders (comma-separated patterns).")
STDIN_FORMAT = typer.Option(
    StdinFormat.auto, "--stdin-format",
    help="How to read - (stdin): auto takes it as JSONL when its first line is a JSON object.",
)
MODEL = typer.Option(None, "--model", help="A spaCy pipeline directory to use instead of the shipped one.")

# Writing rows.
FORMAT = typer.Option(
    None, "--format", "-f", help="Output format [default: table on a terminal, else csv; with -o, from its extension]."
)
OUTPUT = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout.")
BOM = typer.Option(
    None, "--bom/--no-bom", help="Start CSV with a UTF-8 BOM for Excel [default: yes with -o FILE.csv, no on stdout]."
)
