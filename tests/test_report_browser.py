"""`factx report` in a real headless Chromium (Debian's chromium, driven by Playwright for Python): the page loads
with the network blocked and asks for nothing, logs no console error, has its charts and tables, its search
filters the frames, and its screenshot is not blank.

Skipped only when /usr/bin/chromium (or Playwright) is missing on this machine; CI sets FACTX_REQUIRE_BROWSER=1,
which turns the skip into a failure.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app

CHROMIUM = Path(os.environ.get("FACTX_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    return None


MISSING = _browser_missing()
if MISSING and os.environ.get("FACTX_REQUIRE_BROWSER"):
    raise RuntimeError(f"FACTX_REQUIRE_BROWSER is set but {MISSING}")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

DOCUMENTS = [
    {"id": "a", "date": "2025-11-26", "text": "Jakarta, Rabu (26/11/2025) - PT Pertamina (Persero) menandatangani "
     "kontrak senilai Rp 1,5 triliun dengan Bank Mandiri. Otoritas Jasa Keuangan (OJK) menyetujui rencana itu "
     "kemarin, dan OJK akan meninjaunya lagi pada Maret tahun depan."},
    {"id": "b", "date": "2025-09-03", "text": "Pada 3 September 2025, Bank Indonesia mengumumkan investasi $26 miliar "
     "di Surabaya. Menurut OJK, laporan PT Pertamina terlambat."},
    {"id": "c", "text": "Kemarin, PT Garuda Indonesia meluncurkan rute baru ke Tokyo."},
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def report(cli_nlp, tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in DOCUMENTS), encoding="utf-8")
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(corpus), "-o", str(page), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    return page


def open_offline(browser, path: Path):
    """The page in a fresh context where every request that is not the file itself is aborted and recorded."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
    page = context.new_page()
    attempted, problems = [], []

    def route(request_route):
        url = request_route.request.url
        if url == path.as_uri():
            request_route.continue_()
        else:
            attempted.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: request.url != path.as_uri() and attempted.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, attempted, problems


def test_the_page_loads_offline_without_requests_or_errors(browser, report):
    context, page, attempted, problems = open_offline(browser, report)
    try:
        assert page.title().startswith("factx report")
        assert attempted == [], "the page asked the network for something"
        assert problems == [], "the console logged errors or warnings"
        # resources the page itself loaded: only the document
        entries = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        assert entries == []
    finally:
        context.close()


def test_charts_and_tables_are_there(browser, report):
    context, page, _, _ = open_offline(browser, report)
    try:
        corpus = page.inner_text("#corpus")
        assert "3 documents" in corpus and "reference dates" in corpus
        assert page.locator("svg.chart.stacked rect").count() >= 2  # frames per month, by type
        assert page.locator("svg.chart.bars").count() >= 3  # organisations, IDR per year, USD per year
        assert page.locator(".legend .key").count() >= 2
        orgs = page.locator("#orgs-table tbody tr")
        assert orgs.count() >= 3
        assert "Otoritas Jasa Keuangan" in page.inner_text("#orgs-table")
        assert page.locator(".currency[data-currency='IDR']").count() == 1
        assert page.locator(".currency[data-currency='USD']").count() == 1
        frames = page.locator("#frames tbody tr")
        assert frames.count() >= 3
        assert page.inner_text("#unresolved-count") == "1"  # document c: "Kemarin" with no reference date
        assert "Kemarin" in page.inner_text("#unresolved")
        # the search filters the frames table
        total = frames.count()
        page.fill("#frame-search", "AGREEMENT")
        visible = page.locator("#frames tbody tr:not([hidden])").count()
        assert 1 <= visible < total
        assert page.inner_text("#frame-count") == str(visible)
        page.fill("#frame-search", "")
        assert page.locator("#frames tbody tr:not([hidden])").count() == total
        box = page.locator("svg.chart.stacked").bounding_box()
        assert box and box["width"] > 50 and box["height"] > 100
    finally:
        context.close()


def test_the_screenshot_is_not_blank(browser, report, tmp_path):
    context, page, _, _ = open_offline(browser, report)
    try:
        shot = page.screenshot(full_page=True)
        assert shot[:8] == b"\x89PNG\r\n\x1a\n"
        # count the colours of the screenshot in the browser itself (no image library): a blank page has one
        blank = context.new_page()
        blank.set_content("<canvas id=c></canvas>")
        colours = blank.evaluate("""async (data) => {
            const image = new Image(); image.src = 'data:image/png;base64,' + data; await image.decode();
            const canvas = document.getElementById('c'); canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            const seen = new Set(); let ink = 0;
            for (let i = 0; i < pixels.length; i += 4) {
                const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
                seen.add(key); if (key !== 0xffffff) ink++;
            }
            return {colours: seen.size, ink: ink / (pixels.length / 4), height: image.height};
        }""", base64.b64encode(shot).decode())
        assert colours["height"] > 900
        assert colours["colours"] > 20 and colours["ink"] > 0.02
    finally:
        context.close()


def test_the_data_dir_has_every_table(report):
    folder = report.parent / "data"
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "frames.csv", "money.csv", "unresolved_dates.csv", "organisations.csv", "timeline.csv",
        "money_by_org_year.csv", "money_by_year.csv"])
    assert "Otoritas Jasa Keuangan" in (folder / "organisations.csv").read_text(encoding="utf-8")


def test_the_offline_check_sees_a_request_and_a_console_error(browser, tmp_path):
    """The checks above can fail: a page that loads an image from the network and logs an error is caught."""
    page_file = tmp_path / "leaky.html"
    page_file.write_text("<!DOCTYPE html><html><body><img src='http://example.invalid/x.png'>"
                         "<script>console.error('boom')</script></body></html>", encoding="utf-8")
    context, _, attempted, problems = open_offline(browser, page_file)
    context.close()
    assert "http://example.invalid/x.png" in attempted
    assert "boom" in problems
