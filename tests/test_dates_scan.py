"""The speed layer of the date finder (factx.dates.scan): gates and windows change what is scanned, never what is found.

Gates: for every rule and every text below (all the sentences of tests/test_dates_finder.py and
tests/test_dates_resolver.py, sentences made from each word of the word tables, and sentences written for these
tests), whenever the rule's pattern matches the text its gate must be open; and find() gives the same with its gates
as without them.

Windows: a rule with an anchor is scanned only from the starts a match around one of its anchors can have, up to
where an attempt there can read. For every windowed rule and every text (and the texts written for the edges of the
windows), every start where the rule matches must lie in a window, an attempt at any start of a window must give the
same with the text ended at the window's end as with the whole text, and the windowed scan must give the matches of
the whole-text scan; and find() must give the same with gates and windows as with neither.

The windows are measured with Python's private re parser: test_every_windowed_rule_is_measured fails, with the
parser's own error, on a Python where that parser is not the one scan.py was written for.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from factx.dates import Expr, find, scan
from factx.dates.finder import ASCII_LOWER
from factx.dates.rules import _rules
from factx.dates.values import _t

from . import test_dates_finder, test_dates_resolver

REF = dt.date(2025, 3, 12)


def _table_strings() -> list[str]:
    """Every string in the tables and parametrize lists of tests/test_dates_finder.py and test_dates_resolver.py."""
    values = []
    for module in (test_dates_finder, test_dates_resolver):
        values += [getattr(module, name) for name in dir(module) if name.isupper()]
        for name in dir(module):
            for mark in getattr(getattr(module, name), "pytestmark", []):
                if mark.name == "parametrize":
                    values.append(mark.args[1])
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(values)
    return out


def _word_strings() -> list[str]:
    """A sentence for each word of the tables the gated rules are built from, as the rules read them."""
    t = _t()
    out = []
    for month in list(t["months"]) + list(t["month_abbreviations"]):
        name = month.capitalize()
        out += [f"Rapat digelar 5 {name} 2020.", f"Data {name} 2019 direvisi.", f"Data {name}. 2019 direvisi."]
    for month in t["months"]:
        name = month.capitalize()
        out += [f"Ekspor naik pada {name}.", f"Kontrak diteken {name} lalu.", f"Harga naik awal bulan {name}.",
                f"Stok menipis pada pekan kedua {name}.", f"Banjir datang minggu terakhir bulan {name} 2021."]
    for day in t["weekdays"]:
        out += [f"Sidang digelar {day.capitalize()} (5/6).", f"Rapat digelar pada {day} pagi.",
                f"Ia datang hari {day.capitalize()} pekan lalu."]
    for word in t["relative_days"]:
        out += [f"Gempa terjadi {word} pagi.", f"Hujan turun {word}."]
    for part in t["parts"]:
        out += [f"Harga naik {part} tahun.", f"Pasar ramai {part} pekan.", f"Laba naik {part} kuartal ini."]
    for holiday in t["holidays"]:
        name = holiday.title()
        out += [f"Pasar ramai menjelang {name}.", f"Libur {name} 2024 panjang.", f"Arus mudik {name} tahun lalu."]
    for word in t["anaphoric"]:
        out += [f"Laba turun dari tahun {word}.", f"Rapat dilanjutkan hari {word}."]
    for word in t["period_parts"]:
        out += [f"Laba {word} ini naik.", f"Ekspor {word} lalu turun.", f"Penjualan awal {word} depan naik."]
    for zone in t["time_zones"]:
        out += [f"Gempa terjadi pukul 10.00 {zone}.", f"Hujan turun sejak 16.30 {zone}.", f"Tiba 07:15{zone}."]
    return out


# Sentences written for these tests: the less common forms of each gated rule.
GATE_WRITTEN = [
    "Sidang digelar Kamis, tgl. 4 Agt 2011 di Bandung.",
    "Arsip itu bertanggal 3 Djuli 1950.",
    "Pameran berlangsung 12 s.d. 15 Okt. 2019.",
    "Festival digelar 1 hingga 3 Disember 2018.",
    "Gaji dibayar 25 Maret mendatang.",
    "Kontrak berlaku sejak awal bulan Juli 2015.",
    "Survei dilakukan Januari s/d Maret 2020.",
    "Inflasi Juni - Agustus tinggi.",
    "Pertemuan itu terjadi Mei yang lalu.",
    "Pembangunan selesai Oktober tahun depan.",
    "Musik tahun 80an kembali populer.",
    "Gedung itu dibangun era 1990 - an.",
    "Dekade 2010-an penuh gejolak.",
    "Kota itu berubah sejak pertengahan 70-an.",
    "Jakarta, Senin (1/1/14) - Pasar sepi.",
    "Kamis pagi, ( 5 / 6 / 2014 ) hujan turun.",
    "Hal itu disampaikan di Ambon (3/4).",
    "Kerusuhan pecah Jum'at malam pekan lalu.",
    "Warga berkumpul hari Ahad.",
    "Hujan deras turun tadi siang.",
    "Sidang dilanjutkan esok hari.",
    "Gempa terjadi hari  ini pukul 05.00 WIB.",
    "Rapat digelar penghujung pekan.",
    "Harga naik medio bulan.",
    "Pabrik ditutup dua tahun yang silam.",
    "Proyek selesai sedekade lalu.",
    "Sengketa itu muncul puluhan tahun silam.",
    "Bendungan selesai 5 bulan lagi.",
    "Pesawat mendarat sejam lagi.",
    "Candi itu dibangun pada abad ke 9.",
    "Tradisi itu lahir pertengahan abad XIX.",
    "Kapal itu tenggelam awal abad 20.",
    "Pawai HUT RI digelar meriah.",
    "Upacara HUT ke-79 RI digelar di IKN.",
    "Dirgahayu Republik Indonesia ke-80!",
    "Warga merayakan hari ulang tahun ke 497 DKI Jakarta.",
    "Deklarasi digelar Minggu mendatang (9/2) dan Senin (17/3) yang akan datang.",
    "Pendaftaran ditutup tanggal 20 mendatang, iuran tgl. 5 yang lalu.",
    "Warga bersiap menyambut Hari Raya Nyepi 2024.",
    "Harga naik menjelang Idul Fitri tahun ini.",
    "Penjualan naik dibanding pekan sebelumnya.",
    "Laporan kuartal berikutnya ditunggu.",
    "Iuran dibayar tgl 5.",
    "Pendaftaran dibuka tgl. 5-7.",
    "Acara digelar tanggal 1 s/d tanggal 3.",
    "Laba kwartal kemarin turun.",
    "Ekspor caturwulan depan diperkirakan naik.",
    "Stok menipis pada pekan ke-2 bulan Maret 2020.",
    "Panen raya jatuh pada minggu ke tiga Juli.",
    "Rapat dimulai pkl. 09.00 WIB.",
    "Apel digelar pkl 7 pagi.",
    "Kereta berangkat jam 7 pagi.",
    "Gempa terjadi 10:30 WITA.",
    "Sidang dimulai 14.00wib.",
    "Pertemuan pukul 10.00 hingga pukul 12.00 WIB.",
    "Pertandingan dimulai 20.45 GMT.",
    "Harga beras naik di pasar tradisional.",
]

GATE_TEXTS = list(dict.fromkeys(_table_strings() + _word_strings() + GATE_WRITTEN))

GATED = [(pattern, gate, handler) for (pattern, handler), gate in zip(_rules(), scan._gates()) if gate]


def _words(text: str) -> tuple[frozenset, str]:
    lower = text.translate(ASCII_LOWER)
    return frozenset(scan._LETTERS.findall(lower)), lower


@pytest.mark.parametrize("pattern,gate,handler", GATED, ids=[handler.__name__ for _, _, handler in GATED])
def test_gate_is_open_wherever_its_rule_matches(pattern, gate, handler):
    matched = 0
    for text in GATE_TEXTS:
        words, lower = _words(text)
        if pattern.search(lower):
            matched += 1
            assert scan._open(gate, words, lower), (handler.__name__, text)
    assert matched >= 2, f"{handler.__name__}: too few texts to check its gate on"


def test_gates_close():
    words, lower = _words("Harga beras naik di pasar tradisional.")
    assert not any(scan._open(gate, words, lower) for _, gate, _ in GATED)


def _value(expr: Expr, ref: dt.date | None, year: int | None) -> str | None:
    try:
        return expr.resolve(ref, year)
    except (OverflowError, ValueError) as error:  # "9999999 hari lagi": past the calendar's end
        return type(error).__name__


def _signature(exprs: list[Expr]) -> list[tuple]:
    return [(e.start, e.end, e.label, e.kind, e.anchor, e.full, e.dateline, e.needs_year, e.qualifier, e.time,
             e.days, _value(e, None, None), _value(e, REF, None), _value(e, REF, 2010)) for e in exprs]


def test_find_is_the_same_without_gates():
    for text in GATE_TEXTS:
        assert _signature(find(text)) == _signature(find(text, gates=False)), text


SPACES = " " * 300

# Anchors next to long runs of whitespace, long numbers and the ends of the text; non-ASCII digits and spaces.
WINDOW_WRITTEN = [
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
    "Sidang digelar Jum’at tengah malam, tanggal 24 sampai dengan 27 September yang akan datang.",
    "Harga naik pertengahan bulan September yang akan datang.",
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

TEXTS = list(dict.fromkeys(GATE_TEXTS + WINDOW_WRITTEN))

WINDOWED = [(pattern, window, handler) for (pattern, handler), window in zip(_rules(), scan._windows())
            if window]
RUN_WINDOWED = [(pattern, scan._run_windows()[handler], handler) for pattern, handler in _rules()
                if handler in scan._run_windows()]


def _spans(text: str, window: tuple) -> tuple[str, list[tuple[int, int, int]]]:
    lower = text.translate(ASCII_LOWER)
    words = frozenset(scan._LETTERS.findall(lower))
    if isinstance(window, scan._RunWindow):
        return lower, window.spans(lower, lower[::-1], window.anchor.starts(lower, words))
    anchor, lead, reach = window
    return lower, scan._spans(anchor.starts(lower, words), lower, lower[::-1], lead, reach)


def _plain(m) -> tuple | None:
    return m and (m.span(), m.groups())


def test_the_re_parser_is_the_one_for_this_python():
    expected = "sre_parse" if sys.version_info < (3, 11) else "re._parser"
    assert scan._sre.__name__ == expected


@pytest.mark.parametrize("handler", list(scan._anchor_table()), ids=lambda handler: handler.__name__)
def test_every_windowed_rule_is_measured(handler):
    """scan._measure itself, not scan._windows (which leaves a rule it cannot measure unwindowed): should the private
    re parser change, its error shows here."""
    anchor, names = scan._anchor_table()[handler]
    (pattern,) = [pattern for pattern, rule in _rules() if rule is handler]
    lead, reach = scan._measure(pattern, names)
    assert lead is not None and reach != float("inf"), handler.__name__
    assert (anchor, int(lead), int(reach)) in scan._windows()


def test_a_rule_that_cannot_be_measured_is_scanned_whole(monkeypatch):
    def broken(pattern, names):
        raise AttributeError("the re parser changed")

    texts = TEXTS[::25]
    expected = [_signature(find(text)) for text in texts]
    scan._windows.cache_clear()
    monkeypatch.setattr(scan, "_measure", broken)
    try:
        assert scan._windows() == [None] * len(_rules())
        assert [_signature(find(text)) for text in texts] == expected
    finally:
        scan._windows.cache_clear()


def test_every_anchored_rule_has_a_window():
    assert len(WINDOWED) == len(scan._anchor_table())
    assert [handler for _, _, handler in RUN_WINDOWED] == [scan._ago, scan._duration]


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
        found = scan._scan_windows(pattern, lower, spans)
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
        return list(scan._sre.parse(pattern, 0))

    assert scan._width(parse(r"(?<![\w])ab\s+c{2,3}(?:d|ef)?(?![\w%]|x\d)"), {}) == 1 + 1 + 3 + 2 + 2
    assert scan._width(parse(r"(?P<s>[/.-])\d(?P=s)"), {}) == 3
    assert scan._width(parse(r"a\d+"), {}) == float("inf")
    assert scan._width(parse(r"a(?:\s*b)*"), {}) == float("inf")
    tree = scan._sre.parse(r"(?:(?P<p>awal)\s+)?(?:x|yz)\s+(?P<a>maret)(?P<b>x)?", 0)
    a, b = tree.state.groupdict["a"], tree.state.groupdict["b"]
    assert scan._lead(list(tree), frozenset({a}), {}) == 4 + 2
    assert scan._lead(list(tree), frozenset({b}), {}) is None


def test_find_is_the_same_without_windows():
    for text in TEXTS:
        plain = _signature(find(text, gates=False, windows=False))
        assert _signature(find(text)) == plain, text
        assert _signature(find(text, windows=False)) == plain, text
        assert _signature(find(text, gates=False)) == plain, text
