"""``factx report``: the corpus view as one self-contained HTML page (inline CSS, inline SVG, a few lines of inline
JavaScript for the table search; no request to any network, no font file).

:func:`build` reads a stream of results (``factx.results(..., events=True)``) into a
:class:`factx.corpus.aggregate.CorpusStats` and, with ``data_dir``, the full CSV files; :func:`render` turns the
stats into the page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .. import __version__
from .aggregate import CorpusStats
from .datadir import DataDir
from .orgs import load_gazetteer
from .svg import hbars, stacked_columns

if TYPE_CHECKING:
    from ..api import Result

__all__ = ["MAX_MONTHS", "build", "month_window", "render"]

MAX_MONTHS = 120  # columns of the timeline; the busiest 10 years when the frames span more

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0 auto;max-width:1100px;
padding:0 18px 40px;color:#1b1b1b}
h1{font-size:24px;margin:18px 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:16px;margin:18px 0 6px}
.corpus{background:#f4f4f0;padding:8px 12px;border-radius:4px}
table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
th,td{border-bottom:1px solid #e4e4e4;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f7f7f7;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:13px}.scroll{overflow-x:auto}.frames{max-height:560px;overflow:auto}
svg .grid{stroke:#e6e6e6}svg .tick,svg .name,svg .value{font-size:11px;fill:#333}
.legend{font-size:12px;margin:4px 0 8px}.key{margin-right:12px;white-space:nowrap}
.key i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
input[type=search]{font-size:14px;padding:4px 8px;width:320px}.warn{color:#8a4b00}
"""

SCRIPT = """
(function(){
  var box=document.getElementById('frame-search'),rows=document.querySelectorAll('#frames tbody tr'),
      shown=document.getElementById('frame-count');
  function filter(){
    var q=box.value.toLowerCase(),n=0;
    for(var i=0;i<rows.length;i++){var hit=rows[i].textContent.toLowerCase().indexOf(q)>=0;rows[i].hidden=!hit;
      if(hit)n++;}
    shown.textContent=n;
  }
  box.addEventListener('input',filter);
})();
"""


def human(amount: Decimal | float | int) -> str:
    """A large amount in words an English reader scans: 1500000000000 -> "1.5 trillion"."""
    value = float(amount)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}" if value / size < 1000 else f"{value / size:,.0f} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[int] = (),
          attrs: str = "") -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
                        for i, cell in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f'<div class="scroll"><table{attrs}><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def join(items: Iterable[object], limit: int = 0) -> str:
    items = [str(i) for i in items]
    shown = items[:limit] if limit else items
    more = f" (+{len(items) - len(shown)})" if len(shown) < len(items) else ""
    return escape("; ".join(shown) + more)


def month_window(months: Sequence[str], counts: dict[str, int], limit: int = MAX_MONTHS) -> list[str]:
    """Every month from the first to the last with frames, or the ``limit`` consecutive months holding most."""
    if not months:
        return []
    first, last = min(months), max(months)
    y, m = int(first[:4]), int(first[5:7])
    span = []
    while f"{y:04d}-{m:02d}" <= last:
        span.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(span) <= limit:
        return span
    best, best_start, running = -1, 0, 0
    for index, month in enumerate(span):
        running += counts.get(month, 0)
        if index >= limit:
            running -= counts.get(span[index - limit], 0)
        if index >= limit - 1 and running > best:
            best, best_start = running, index - limit + 1
    return span[best_start : best_start + limit]


def corpus_line(stats: CorpusStats) -> str:
    types = " · ".join(f"{kind} {n:,}" for kind, n in stats.mention_types.most_common())
    parts = [f"<b>{stats.documents:,}</b> documents", f"<b>{sum(stats.mention_types.values()):,}</b> mentions"
             + (f" ({escape(types)})" if types else ""), f"<b>{stats.frames:,}</b> event frames"]
    low, high = stats.date_values
    if low:
        parts.append(f"dates mentioned from <b>{escape(low)}</b> to <b>{escape(high)}</b>")
    low, high = stats.ref_dates
    if low:
        parts.append(f"documents dated {low.isoformat()} to {high.isoformat()}")
    sources = ", ".join(f"{n:,} {escape(name)}" for name, n in stats.ref_sources.most_common())
    if sources:
        parts.append(f"reference dates: {sources}")
    return " · ".join(parts)


def orgs_section(stats: CorpusStats, rows, top: int) -> str:
    shown = rows[:top]
    out = [f"<h2 id='orgs'>Organisations</h2><p class='note'>{len(rows):,} organisations, aliases merged; the {len(shown)}"
           " named in most documents. Full list: <code>organisations.csv</code> (<code>--data-dir</code>).</p>"]
    if shown:
        out.append(hbars([(row.name, row.documents) for row in shown], "Documents per organisation"))
        out.append(table(["organisation", "kind", "aliases", "mentions", "documents", "first", "last"], (
            (escape(r.name), escape(r.kind or ""), join(r.aliases, 6), f"{r.mentions:,}", f"{r.documents:,}",
             r.first_date or "", r.last_date or "") for r in shown), numeric=(3, 4), attrs=' id="orgs-table"'))
    conflicts = stats.orgs.conflicts
    if conflicts:
        out.append(f"<p class='warn'>{len(conflicts)} short form{'s' * (len(conflicts) != 1)} defined as different "
                   "organisations, not merged:</p><ul>" + "".join(f"<li>{escape(str(c))}</li>" for c in conflicts[:top])
                   + "</ul>")
    return "".join(out)


def timeline_section(stats: CorpusStats) -> str:
    out = ["<h2 id='timeline'>Event frames by month</h2>"]
    per_month: dict[str, int] = defaultdict(int)
    for (month, _), n in stats.months.items():
        per_month[month] += n
    window = month_window(list(per_month), per_month)
    types = [kind for kind, _ in stats.types.most_common()]
    in_window = sum(per_month[m] for m in window)
    outside = sum(per_month.values()) - in_window
    if window:
        out.append(stacked_columns(window, types, stats.months, "Event frames per month, by type"))
    year_only = sum(stats.years_only.values())
    undated = sum(stats.undated.values())
    out.append(f"<p class='note'>{in_window:,} frames dated to a month shown"
               + (f" ({window[0]} to {window[-1]})" if window else "")
               + (f"; {outside:,} dated outside these months" if outside else "")
               + f"; {year_only:,} dated to a year only; {undated:,} with no date. Every period, undated included: "
               "<code>timeline.csv</code>.</p>")
    if year_only or undated:
        rows = [(kind, f"{sum(n for (_, k), n in stats.years_only.items() if k == kind):,}",
                 f"{stats.undated.get(kind, 0):,}") for kind in types
                if stats.undated.get(kind) or any(k == kind for (_, k) in stats.years_only)]
        out.append(table(["type", "year only", "no date"], rows, numeric=(1, 2), attrs=' id="undated-frames"'))
    return "".join(out)


def money_section(stats: CorpusStats, top: int) -> str:
    out = ["<h2 id='money'>Money</h2><p class='note'>Per currency, never summed across currencies. Totals by year "
           "count each amount of an event frame once (the year of the frame's date, else of the document's reference "
           "date); by organisation, the amounts of the frames that name it. Largest amounts: every MONEY mention "
           "(prices per unit left out), with its sentence.</p>"]
    rows = stats.money_rows()
    currencies = [c for c, _ in stats.currencies.most_common()]
    for currency in currencies:
        c = escape(currency)
        out.append(f"<h3 id='money-{c}'>{c}</h3><div class='currency' data-currency='{c}'>")
        years = sorted(((year or "unknown", total) for (cur, year), (total, _) in stats.money_years.items()
                        if cur == currency), key=lambda item: item[0])
        if years:
            out.append(hbars(years, f"{currency} in event frames per year", fmt=lambda v, c=currency: f"{human(v)} {c}"))
        by_org: dict[str, list] = defaultdict(lambda: [Decimal(0), 0, {}])
        for row in rows:
            if row.currency == currency:
                entry = by_org[row.name]
                entry[0] += row.total
                entry[1] += row.frames
                entry[2][row.year or "unknown"] = entry[2].get(row.year or "unknown", 0) + row.total
        ranked = sorted(by_org.items(), key=lambda item: -item[1][0])[:top]
        if ranked:
            out.append(table(["organisation", f"total {currency}", "frames", "by year"], (
                (escape(name), f"<span title='{total:,}'>{human(total)}</span>", f"{frames:,}",
                 escape("; ".join(f"{y}: {human(t)}" for y, t in sorted(per_year.items()))))
                for name, (total, frames, per_year) in ranked), numeric=(1, 2)))
        largest = stats.largest_amounts(currency)
        if largest:
            out.append(f"<p class='note'>Largest {c} amounts</p>")
            out.append(table(["amount", "as written", "sentence", "document"], (
                (f"<span title='{a.amount:,}'>{human(a.amount)}</span>", escape(a.text), escape(a.sentence),
                 escape(a.doc)) for a in largest), numeric=(0,)))
        out.append("</div>")
    if not currencies:
        out.append("<p>No amounts of money found.</p>")
    return "".join(out)


def frames_section(stats: CorpusStats) -> str:
    sample = stats.frame_sample
    out = [f"<h2 id='frames-title'>Event frames</h2><p class='note'>The first {len(sample):,} of {stats.frames:,} "
           "frames (all of them, as extracted: <code>frames.csv</code>); organisations by their row's name. <label>Search <input type='search' id='frame-search' "
           f"placeholder='organisation, type, place...'></label> <span id='frame-count'>{len(sample)}</span> "
           "shown.</p><div class='frames'>"]
    out.append(table(["date", "type", "who", "what", "where", "amount", "document"], (
        (escape(f.date or "—"), escape(f.event_type), join([stats.orgs.row_name(o) for o in f.orgs] + f.people),
         escape(f.what), join(f.where), join(f.amount),
         escape(f.doc)) for f in sample), attrs=' id="frames"'))
    out.append("</div>")
    return "".join(out)


def dates_section(stats: CorpusStats, top: int) -> str:
    resolved = stats.mention_types.get("DATE", 0) - stats.unresolved
    out = [f"<h2 id='dates'>Dates</h2><p>{resolved:,} dates resolved; <b id='unresolved-count'>{stats.unresolved:,}"
           "</b> relative or year-less dates left unresolved (no reference date to resolve them against; give "
           "<code>--ref-date</code> or a JSONL date field).</p>"]
    if stats.unresolved_texts:
        out.append(table(["unresolved date as written", "mentions"], (
            (escape(text), f"{n:,}") for text, n in stats.unresolved_texts.most_common(top)), numeric=(1,),
            attrs=' id="unresolved"'))
    return "".join(out)


def render(stats: CorpusStats, title: str = "factx report", top: int = 20) -> str:
    """The whole page: every style, chart and script inline."""
    rows = stats.organisations()
    generated = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    body = "".join([
        f"<h1>{escape(title)}</h1><p class='corpus' id='corpus'>{corpus_line(stats)}</p>",
        "<p class='note'><a href='#orgs'>Organisations</a> · <a href='#timeline'>Timeline</a> · "
        "<a href='#money'>Money</a> · <a href='#frames-title'>Event frames</a> · <a href='#dates'>Dates</a></p>",
        orgs_section(stats, rows, top), timeline_section(stats), money_section(stats, top), frames_section(stats),
        dates_section(stats, top),
        f"<p class='note'>Made by factx {__version__} on {generated}.</p>",
    ])
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; "
            f"script-src 'unsafe-inline'; img-src data:\">"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}<script>{SCRIPT}</script>"
            f"</body></html>\n")


def build(results: Iterable[Result], *, title: str = "factx report", top: int = 20, frame_rows: int = 500,
          data_dir: Path | None = None) -> tuple[str, CorpusStats]:
    """(the page, its stats) for a stream of results; with ``data_dir``, every table in full as CSV there."""
    stats = CorpusStats(top=top, frame_rows=frame_rows, gazetteer=load_gazetteer())
    sink = DataDir(data_dir) if data_dir is not None else None
    try:
        for result in results:
            stats.add(result)
            if sink is not None:
                sink.add(result)
        page = render(stats, title=title, top=top)
        if sink is not None:
            sink.finish(stats)
    finally:
        if sink is not None:
            sink.close()
    return page, stats
