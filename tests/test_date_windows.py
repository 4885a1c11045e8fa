"""The rule windows of the date finder (factx.normalize.dates): a rule with an anchor is scanned only from the starts
a match around one of its anchors can have, up to where an attempt there can read.

For every windowed rule and every text of tests/test_date_gates.py (and the texts below, written for the edges of
the windows), every start where the rule matches must lie in a window, an attempt at any start of a window must give
the same with the text ended at the window's end as with the whole text, and the windowed scan must give the matches
of the whole-text scan; and find() must give the same with gates and windows as with neither.
"""

from __future__ import annotations

import pytest

from factx.normalize import dates

from .test_date_gates import TEXTS as GATE_TEXTS
from .test_date_gates import _signature

SPACES = " " * 300

# Anchors next to long runs of whitespace, long numbers and the ends of the text; non-ASCII digits and spaces.
WRITTEN = [
    f"Rapat digelar Kamis,{SPACES}tanggal 5 hingga{SPACES}7{SPACES}Maret{SPACES}2020{SPACES}yang{SPACES}lalu.",
    f"Inflasi naik pada pertengahan{SPACES}bulan{SPACES}Juni{SPACES}-{SPACES}Agustus{SPACES}2021.",
    f"Harga naik 4 persen sejak 2019{SPACES}% dan 2020{SPACES}-{SPACES}an, juga tahun{SPACES}2018.",
    f"Laba akhir tahun{SPACES}lalu naik, pada tahun 2015{SPACES}-{SPACES}2016{SPACES}silam.",
    "Nomor 1234567890123 2020 dan 12345 serta 2021-12-31 atau 31/12/2021, 31.12.2021.",
    "Maret 2020",
    "2020",
    "Juni",
    "awal tahun",
    "Pada 2021 sampai 2022 dan 2023/24, 2023—2025, 1999–2000, tahun anggaran 2024.",
    "Hari Senin pagi pekan lalu, Selasa siang, Rabu malam ini, Jum'at, Jum’at sore, Ahad.",
    "Sidang 5 Des. 2020, 6 Des, 7 Agt 2021, Des. 2022 dan Nov 2023; des 2019.",
    "Kuartal ini, triwulan lalu, semester depan, caturwulan kemarin, kwartal ini.",
    "Natal 2020, Hari Kemerdekaan tahun lalu, Idul Fitri tahun ini, Tahun Baru Imlek 2021.",
    "Hari ini, kemarin lusa, besok pagi, esok hari, lusa malam, tadi siang.",
    "Tahun ٢٠٢٠ dan ٢٠٢١ dan Maret\u00a0\u00a02020\u2003lalu.",
    "Rp2020 US$2021 €2022 2023%",
    "Pada 5\n\n\nMaret\n\n\n2020\n\nlalu dan Mei\n\n2021.",
    # the longest forms: matches that start or end as far from their anchor as the rules allow
    "Sidang digelar Jum’at tengah malam, tanggal 24 sampai dengan 27 September 2020 yang silam.",
    "Sidang digelar Jum’at tengah malam, tanggal 24 sampai dengan 27 September tahun kemarin.",
    "Harga naik pertengahan bulan September sampai dengan Nopember, tahun 2020 yang silam.",
    "Harga naik pertengahan bulan September tahun kemarin.",
    "Harga naik pertengahan tahun 2019 sampai dengan 2021 yang silam.",
    "Harga naik pertengahan minggu yang akan datang.",
    "Rapat digelar hari Jum’at tengah malam pekan depan.",
    "Rapat digelar penghujung minggu.",
    "Natal tahun kemarin, Hari Kesaktian Pancasila 2021.",
    "Harga naik pertengahan caturwulan kemarin.",
    "Gempa terjadi kemarin lusa tengah malam.",
    # durations and "... lalu": numbers of many words before the unit and after it, digits, brackets, text ends
    "Fosil itu berumur dua ratus lima puluh tiga ribu tahun, dan situs lain 1.250.000 tahun yang lalu.",
    "Ia dipenjara (3 tahun) lalu bebas; masa tahanan tiga tahun lima bulan dua puluh hari lagi.",
    "Proyek selama setahun dua bulan, sejak beberapa tahun silam, bertahun-tahun, berbulan-bulan lamanya.",
    "tahun",
    "3 tahun",
    "2 jam 30 menit lalu",
    "Sudah sepuluh   tahun\n\nyang\n\nlalu; sebelas bulan lagi, seperempat abad, setengah hari.",
    "Jamaah haji, tahunan, setahunnya, 5 tahun-an, 5 tahunan lalu, 4,5 tahun, 4.5.6 hari, 7 hari-hari.",
    f"Rentang{SPACES}empat{SPACES}puluh{SPACES}tahun{SPACES}yang{SPACES}silam{SPACES}dan{SPACES}dua{SPACES}pekan.",
]

TEXTS = list(dict.fromkeys(GATE_TEXTS + WRITTEN))

WINDOWED = [(pattern, window, handler) for (pattern, handler), window in zip(dates._rules(), dates._windows())
            if window]
RUN_WINDOWED = [(pattern, dates._run_windows()[handler], handler) for pattern, handler in dates._rules()
                if handler in dates._run_windows()]


def _spans(text: str, window: tuple) -> tuple[str, list[tuple[int, int, int]]]:
    lower = text.translate(dates.ASCII_LOWER)
    words = frozenset(dates._LETTERS.findall(lower))
    if isinstance(window, dates._RunWindow):
        return lower, window.spans(lower, lower[::-1], window.anchor.starts(lower, words))
    anchor, lead, reach = window
    return lower, dates._spans(anchor.starts(lower, words), lower, lower[::-1], lead, reach)


def _plain(m) -> tuple | None:
    return m and (m.span(), m.groups())


def test_every_anchored_rule_has_a_window():
    assert len(WINDOWED) == len(dates._anchor_table())
    assert [handler for _, _, handler in RUN_WINDOWED] == [dates._ago, dates._duration]


@pytest.mark.parametrize("pattern,window,handler", WINDOWED + RUN_WINDOWED,
                         ids=[handler.__name__ for _, _, handler in WINDOWED + RUN_WINDOWED])
def test_rule_matches_only_in_its_windows(pattern, window, handler):
    matched = 0
    for text in TEXTS:
        lower, spans = _spans(text, window)
        for p in range(len(lower) + 1):
            whole = pattern.match(lower, p)
            if whole is not None:
                matched += 1
                assert any(first <= p <= last for first, last, _ in spans), (handler.__name__, text, p)
        for first, last, end in spans:
            for p in range(first, last + 1):
                assert _plain(pattern.match(lower, p, end)) == _plain(pattern.match(lower, p)), (text, p)
        found = dates._scan_windows(pattern, lower, spans)
        assert [_plain(m) for m in found] == [_plain(m) for m in pattern.finditer(lower)], (handler.__name__, text)
    assert matched >= 5, f"{handler.__name__}: too few texts to check its windows on"


def test_windows_leave_text_out():
    filler = "Harga beras naik di pasar tradisional, kata pedagang di sana. " * 20
    text = filler + "Pada Senin pagi 5 Maret 2020, awal tahun ini, kuartal lalu, Natal dan hari ini. " + filler
    for pattern, window, handler in WINDOWED + RUN_WINDOWED:
        lower, spans = _spans(text, window)
        assert spans, handler.__name__
        assert sum(min(end, len(lower)) - first for first, _, end in spans) < len(lower) / 5, handler.__name__


def test_width_and_lead():
    def parse(pattern: str) -> list:
        return list(dates._sre.parse(pattern, 0))

    assert dates._width(parse(r"(?<![\w])ab\s+c{2,3}(?:d|ef)?(?![\w%]|x\d)"), {}) == 1 + 1 + 3 + 2 + 2
    assert dates._width(parse(r"(?P<s>[/.-])\d(?P=s)"), {}) == 3
    assert dates._width(parse(r"a\d+"), {}) == float("inf")
    assert dates._width(parse(r"a(?:\s*b)*"), {}) == float("inf")
    tree = dates._sre.parse(r"(?:(?P<p>awal)\s+)?(?:x|yz)\s+(?P<a>maret)(?P<b>x)?", 0)
    a, b = tree.state.groupdict["a"], tree.state.groupdict["b"]
    assert dates._lead(list(tree), frozenset({a}), {}) == 4 + 2
    assert dates._lead(list(tree), frozenset({b}), {}) is None


def test_find_is_the_same_without_windows():
    for text in TEXTS:
        plain = _signature(dates.find(text, gates=False, windows=False))
        assert _signature(dates.find(text)) == plain, text
        assert _signature(dates.find(text, windows=False)) == plain, text
        assert _signature(dates.find(text, gates=False)) == plain, text
