"""One bad document never sinks a run: a batch that raises is run again document by document, and the one that
fails is reported as an error, not raised.

The batch is first run as one ``nlp.pipe`` call (the fast path, the same records as an unguarded run). Only when
it raises is each of its documents made again from its text and run alone, so that every other document of the
batch still gets its records.
"""

from __future__ import annotations

from typing import Callable, Sequence, Union

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Failure", "run_batch"]


class Failure:
    """Why one document (or one piece of a long one) gave no records."""

    def __init__(self, error: BaseException):
        self.error = error

    def __str__(self) -> str:
        text = str(self.error)
        if text.startswith("[<class"):  # decimal's signals print as a list of classes
            text = ""
        name = type(self.error).__name__
        return f"{name}: {text}" if text else name


Outcome = Union[Doc, Failure]


def run_batch(nlp: Language, docs: Sequence[Doc], remake: Callable[[int], Doc], config: dict) -> list[Outcome]:
    """Run ``docs`` through ``nlp`` as one batch; the Doc for each, or a :class:`Failure` for each one that raises
    (Exception only: Ctrl-C and SystemExit go through). After an error, ``remake(i)`` builds document ``i`` afresh
    (the first run may have left the Docs half done) and each is run alone."""
    # Copies: nlp.pipe adds its batch size to each component's settings, which a plain call would then pass on.
    settings = lambda: {name: dict(cfg) for name, cfg in config.items()}  # noqa: E731
    try:
        return list(nlp.pipe(docs, batch_size=max(len(docs), 1), component_cfg=settings()))
    except Exception as error:  # noqa: BLE001  (any error of any component)
        if len(docs) == 1:
            return [Failure(error)]
    out: list[Outcome] = []
    for index in range(len(docs)):
        try:
            out.append(nlp(remake(index), component_cfg=settings()))
        except Exception as error:  # noqa: BLE001
            out.append(Failure(error))
    return out
