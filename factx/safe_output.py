"""``-o FILE`` written atomically: a hidden temporary file beside the target, renamed over it when the run is done,
removed when it is not (an error, Ctrl-C, SIGTERM).

The file gets the mode a new file would get (0666 less the umask, as ``open`` gives), or the target's own mode when
the target exists, so colleagues who could read the old file can read the new one.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import TextIO

__all__ = ["AtomicOutput", "OutputError"]


class OutputError(Exception):
    """Writing the output failed; the message names the target file, not the temporary one."""


class AtomicOutput:
    """A text stream to ``target`` that appears there only on :meth:`commit`."""

    def __init__(self, target: Path, encoding: str = "utf-8"):
        self.target = Path(target)
        folder = self.target.resolve().parent
        self.temporary = folder / f".{self.target.name}.{secrets.token_hex(4)}.tmp"
        try:
            mode = stat.S_IMODE(os.stat(self.target).st_mode)
        except OSError:
            mode = None
        try:
            # O_EXCL: never follow or overwrite something already there; 0o666 & ~umask like open().
            descriptor = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as error:
            raise self.error(error) from None
        try:
            if mode is not None:
                os.fchmod(descriptor, mode)
            self.stream: TextIO = _Stream(os.fdopen(descriptor, "w", encoding=encoding, newline=""), self)
        except OSError as error:
            os.close(descriptor)
            self.discard()
            raise self.error(error) from None

    def error(self, error: OSError) -> OutputError:
        return OutputError(f"cannot write {self.target}: {error.strerror or error}")

    def commit(self) -> None:
        """Close the temporary file and rename it over the target."""
        try:
            self.stream.close()
            os.replace(self.temporary, self.target)
        except OSError as error:
            self.discard()
            raise self.error(error) from None

    def discard(self) -> None:
        """Remove the temporary file (the target is left as it was)."""
        try:
            self.stream.close()
        except (AttributeError, OSError, OutputError):
            pass
        try:
            os.unlink(self.temporary)
        except FileNotFoundError:
            pass


class _Stream:
    """The temporary file's text stream; an OSError while writing becomes an :class:`OutputError` naming the target."""

    def __init__(self, handle: TextIO, owner: AtomicOutput):
        self._handle, self._owner = handle, owner
        self.name = str(owner.temporary)  # the path (a writer that opens the file itself, SQLite, needs it)

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as error:
            raise self._owner.error(error) from None

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as error:
            raise self._owner.error(error) from None

    def close(self) -> None:
        if not self._handle.closed:
            try:
                self._handle.close()
            except OSError as error:
                raise self._owner.error(error) from None

    def isatty(self) -> bool:
        return False

    def __getattr__(self, name: str):
        return getattr(self._handle, name)
