"""Long documents in bounded memory: a text cut into pieces lazily, from a string or a stream of text blocks.

The trained tok2vec + NER take about 2.5 KB of memory per character of a Doc (a 100,000-character Doc took a process
from 148 to 401 MB, ``benchmarks/memory.py --long``), so a document longer than :data:`PIECE_CHARS` is run one
piece after another, each released before the next, never batched together.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

__all__ = ["PIECE_CHARS", "cut_point", "iter_pieces", "split_text"]

# The longest text one Doc holds. Documents longer than this are processed piece by piece. 50,000 characters peak
# at about 270 MB in one process (benchmarks/memory.py --long); no bench article is over 4,200.
PIECE_CHARS = 50_000
# Breaks a piece is cut at, best first: a blank line, a line end, a sentence end, any space.
BREAKS = tuple(re.compile(p) for p in (r"\n\s*\n", r"\n", r"(?<=[.!?])\s+", r"\s+"))


def cut_point(window: str, limit: int) -> int:
    """Where to cut ``window`` (the next ``limit`` characters of a longer text): after the last break of the best
    kind that lies in its second half, else at ``limit``."""
    for pattern in BREAKS:
        ends = [m.end() for m in pattern.finditer(window)]
        ends = [e for e in ends if e < limit]
        if ends and ends[-1] > limit // 2:
            return ends[-1]
    return limit


def iter_pieces(blocks: Iterable[str], limit: int) -> Iterator[tuple[int, str]]:
    """Yield (offset, piece) pieces of at most ``limit`` characters of the text that ``blocks`` give when joined,
    cut at paragraph, line, sentence or word breaks where there is one; the pieces joined give the text back.

    ``blocks`` is read only as far as the next piece needs, so a text streamed from a file never sits in memory
    whole. The pieces are those of :func:`split_text` on the joined text, however the blocks fall."""
    buffer = ""
    start = 0
    blocks = iter(blocks)
    more = True
    while True:
        while more and len(buffer) <= limit:
            block = next(blocks, None)
            if block is None:
                more = False
            else:
                buffer += block
        if len(buffer) <= limit:
            if buffer or start == 0:
                yield start, buffer
            return
        cut = cut_point(buffer[:limit], limit)
        yield start, buffer[:cut]
        buffer = buffer[cut:]
        start += cut


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """All the pieces of ``text`` at once (see :func:`iter_pieces`)."""
    return list(iter_pieces([text], limit))
