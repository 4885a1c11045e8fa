"""What a factx command shows on stderr while it reads documents, shared by ``extract``, ``orgs`` and ``report``.

:class:`Problems` prints input problems as warnings and counts them for the exit code; :class:`Tally` counts the
documents and their reference-date sources as the results pass, turns a document (or a piece of a long one) that
raised into a warning naming its file and line, and draws the progress bar (the known total of documents, and a
characters bar for a long document read piece by piece). :func:`on_sigterm` turns SIGTERM into
:class:`Terminated`, so that a command removes its temporary output as for Ctrl-C. The commands in
:mod:`factx.cli` choose the exit code and end the process; nothing here exits.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Callable, Iterable, Iterator, Optional

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .engine import Result
from .readers import Document, Problem

__all__ = ["Problems", "Tally", "Terminated", "on_sigterm", "where"]


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


class Problems:
    """Prints input problems as warnings on ``console`` and counts them for the exit code."""

    def __init__(self, console: Console):
        self.console = console
        self.skipped = 0
        self.missing = 0

    def __call__(self, problem: Problem) -> None:
        if problem.missing:
            self.missing += 1
        elif problem.skipped:
            self.skipped += 1
        self.console.print(f"[yellow]warning:[/] {problem}", soft_wrap=True, markup=True, highlight=False)


def where(document: Document) -> str:
    """A document as a warning names it: its file and line, and its id where that differs."""
    place = document.where or document.id
    if document.where and document.where != document.id:
        place += f" (document {document.id})"
    return place


class Tally:
    """Counts documents and their reference-date sources as they pass, with a progress bar when ``show``.

    ``count`` (set by whoever starts the reading) gives the number of documents to come, or None when unknown."""

    def __init__(self, console: Console, quiet: bool, verb: str = "extracting", show: Optional[bool] = None):
        self.console = console
        self.quiet = quiet
        self.verb = verb
        self.show = (not quiet and console.is_terminal) if show is None else show
        self.problems = Problems(console)
        self.count: Callable[[], Optional[int]] = lambda: None
        self.documents = 0
        self.sources: dict[str, int] = {}
        self.progress: Optional[Progress] = None
        self.task = self.piece_task = None
        self.started = time.perf_counter()

    def __enter__(self) -> "Tally":
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, found: Iterable[Result]) -> Iterator[Result]:
        """The results of ``found`` that have records to give (a failed document's are warned about instead)."""
        for result in found:
            if result.error:
                partial = result.part or not result.complete or result.mentions or result.events
                self.problems(Problem(where(result.document),
                                      f"{result.error}; {'that part' if partial else 'document'} skipped"))
            if result.complete:
                self.documents += 1
                key = result.ref_date_source or "none"
                self.sources[key] = self.sources.get(key, 0) + 1
            if self.show:
                self.update(result)
            if not result.error or result.mentions or result.events:
                yield result

    def update(self, result: Result) -> None:
        if self.task is None and (self.documents >= 2 or not result.complete):
            self.progress = self.progress or Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.console, transient=True,
            )
            self.task = self.progress.add_task("documents", total=self.count())
            self.progress.start()
        if self.task is not None:
            self.progress.update(self.task, completed=self.documents)
        if not result.complete and self.piece_task is None:
            self.piece_task = self.progress.add_task("characters", total=result.document.length)
        if self.piece_task is not None:
            if result.complete:
                self.progress.remove_task(self.piece_task)
                self.piece_task = None
            else:
                self.progress.update(self.piece_task, completed=result.done)

    def summary(self, what: str) -> None:
        """The one-line summary (unless quiet; ``what`` = "87 records")."""
        if self.quiet:
            return
        seconds = time.perf_counter() - self.started
        skipped = self.problems.skipped + self.problems.missing
        refs = ", ".join(f"{n} {name}" for name, n in sorted(self.sources.items()))
        self.console.print(
            f"factx: {self.documents} document{'s' * (self.documents != 1)}, {what}, "
            f"{skipped} skipped input{'s' * (skipped != 1)}, "
            f"{seconds:.2f} s" + (f" (reference dates: {refs})" if self.documents else ""),
            soft_wrap=True,
        )
