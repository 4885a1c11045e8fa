"""factx: facts (dates, organisations, money, events) from Indonesian news.

>>> import factx
>>> nlp = factx.load()
>>> for record in factx.extract(["Pada 15 Desember 2025, PT Pertamina meneken kontrak Rp 1,5 triliun."], nlp):
...     print(record.type, record.text, record.value)
"""

from .extract import Result, extract, results
from .pipeline import load
from .readers import Document
from .records import Event, Frame, Mention

__all__ = ["load", "extract", "results", "Result", "Document", "Mention", "Event", "Frame"]
__version__ = "0.1.0"
