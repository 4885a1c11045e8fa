"""Charts as inline SVG strings, drawn in Python: a stacked column chart and a horizontal bar chart.

No JavaScript and no charting library: the report stays one small file that any browser shows offline, and the
charts are in the page's DOM (each bar has a ``<title>`` for its tooltip).
"""

from __future__ import annotations

import math
from html import escape
from typing import Callable, Mapping, Sequence

__all__ = ["PALETTE", "hbars", "stacked_columns"]

# Colour-blind-safe qualitative palette (Paul Tol's "muted", then "bright"), cycled.
PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
           "#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def stacked_columns(categories: Sequence[str], series: Sequence[str], values: Mapping[tuple[str, str], int],
                    label: str, height: int = 260, max_width: int = 1060) -> str:
    """Columns per category, stacked by series, with a legend. ``values[(category, series)]``. The columns
    narrow (down to 4 px) to keep the chart within ``max_width``."""
    left, bottom, top = 44, 52, 12
    column = max(4, min(14, (max_width - left - 16) // max(len(categories), 1)))
    width = left + max(len(categories), 1) * column + 16
    totals = [sum(values.get((c, s), 0) for s in series) for c in categories]
    ymax = 4 * max(1, math.ceil(nice_max(max(totals, default=0) / 4)))  # four whole-number steps
    plot = height - bottom - top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart stacked" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(label)}</title>']
    for i in range(5):
        y = top + plot - plot * i / 4
        parts.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" class="tick" text-anchor="end">{ymax * i / 4:g}</text>')
    every = max(1, math.ceil(len(categories) * 18 / (width - left)))  # a label every 18 px at most
    for index, category in enumerate(categories):
        x = left + index * column
        y = top + plot
        for number, name in enumerate(series):
            value = values.get((category, name), 0)
            if not value:
                continue
            h = plot * value / ymax
            y -= h
            parts.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{column - 2}" height="{h:.1f}" '
                         f'fill="{colour(number)}" data-series="{escape(name)}">'
                         f'<title>{escape(category)} {escape(name)}: {value:,}</title></rect>')
        if index % every == 0:
            parts.append(f'<text class="tick" transform="translate({x + column / 2 + 4},{top + plot + 6}) '
                         f'rotate(-60)" text-anchor="end">{escape(category)}</text>')
    parts.append("</svg>")
    legend = "".join(f'<span class="key"><i style="background:{colour(n)}"></i>{escape(name)}</span>'
                     for n, name in enumerate(series))
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def hbars(rows: Sequence[tuple[str, float]], label: str, fmt: Callable[[float], str] = "{:,}".format,
          width: int = 640, bar: int = 18) -> str:
    """One horizontal bar per (label, value), longest first as given."""
    name_width = 230
    height = len(rows) * bar + 8
    vmax = max((value for _, value in rows), default=0) or 1
    plot = width - name_width - 110
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(label)}</title>']
    for index, (name, value) in enumerate(rows):
        y = 4 + index * bar
        length = max(plot * float(value) / float(vmax), 1)
        shown = name if len(name) <= 34 else name[:33] + "…"
        parts.append(f'<text x="{name_width - 6}" y="{y + bar - 5}" text-anchor="end" class="name">{escape(shown)}'
                     f'<title>{escape(name)}</title></text>'
                     f'<rect x="{name_width}" y="{y + 2}" width="{length:.1f}" height="{bar - 4}" fill="{colour(0)}">'
                     f'<title>{escape(name)}: {escape(fmt(value))}</title></rect>'
                     f'<text x="{name_width + length + 4:.1f}" y="{y + bar - 5}" class="value">{escape(fmt(value))}'
                     f'</text>')
    parts.append("</svg>")
    return "".join(parts)
