"""factx: facts (dates, organisations, money, events) from Indonesian news.

>>> import factx
>>> nlp = factx.load()
>>> for record in factx.extract(["Pada 15 Desember 2025, PT Pertamina meneken kontrak Rp 1,5 triliun."], nlp):
...     print(record.type, record.text, record.value)

The names below are imported on first use (PEP 562), so that importing ``factx.cli`` can set the process's BLAS
threads before spaCy loads numpy (see :mod:`factx._blas_threads`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import FactxWarning, Result, extract, load, results
    from .readers import Document
    from .records import Event, Frame, Mention

_HOMES = {
    "load": ".api",
    "extract": ".api",
    "results": ".api",
    "Result": ".api",
    "FactxWarning": ".api",
    "Document": ".readers",
    "Mention": ".records",
    "Event": ".records",
    "Frame": ".records",
}
__all__ = list(_HOMES)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'factx' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
