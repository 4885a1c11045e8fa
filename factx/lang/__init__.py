"""Language data files (word lists and tables) and the small helpers that read them."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["load_json", "read_lines"]


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """Parse the JSON data file ``factx/lang/<name>``."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of the text data file ``factx/lang/<name>``."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
