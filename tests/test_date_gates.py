"""The rule gates of the date finder (factx.normalize.dates): a rule is skipped only for texts it cannot match in.

For every rule and every text below (all the sentences of tests/test_dates.py, sentences made from each word of the
word tables, and sentences written for these tests), whenever the rule's pattern matches the text its gate must be
open; and find() gives the same with its gates as without them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factx.normalize import dates

from . import test_dates

REF = dt.date(2025, 3, 12)


def _table_strings() -> list[str]:
    """Every string in the tables and parametrize lists of tests/test_dates.py."""
    values = [getattr(test_dates, name) for name in dir(test_dates) if name.isupper()]
    for name in dir(test_dates):
        for mark in getattr(getattr(test_dates, name), "pytestmark", []):
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
    t = dates._t()
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
WRITTEN = [
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

TEXTS = list(dict.fromkeys(_table_strings() + _word_strings() + WRITTEN))

GATED = [(pattern, gate, handler) for (pattern, handler), gate in zip(dates._rules(), dates._gates()) if gate]


def _words(text: str) -> tuple[frozenset, str]:
    lower = text.translate(dates.ASCII_LOWER)
    return frozenset(dates._LETTERS.findall(lower)), lower


@pytest.mark.parametrize("pattern,gate,handler", GATED, ids=[handler.__name__ for _, _, handler in GATED])
def test_gate_is_open_wherever_its_rule_matches(pattern, gate, handler):
    matched = 0
    for text in TEXTS:
        words, lower = _words(text)
        if pattern.search(lower):
            matched += 1
            assert dates._open(gate, words, lower), (handler.__name__, text)
    assert matched >= 2, f"{handler.__name__}: too few texts to check its gate on"


def test_gates_close():
    words, lower = _words("Harga beras naik di pasar tradisional.")
    assert not any(dates._open(gate, words, lower) for _, gate, _ in GATED)


def _value(expr: dates.Expr, ref: dt.date | None, year: int | None) -> str | None:
    try:
        return expr.resolve(ref, year)
    except (OverflowError, ValueError) as error:  # "9999999 hari lagi": past the calendar's end
        return type(error).__name__


def _signature(exprs: list[dates.Expr]) -> list[tuple]:
    return [(e.start, e.end, e.label, e.kind, e.anchor, e.full, e.dateline, e.needs_year, e.qualifier, e.time,
             e.days, _value(e, None, None), _value(e, REF, None), _value(e, REF, 2010)) for e in exprs]


def test_find_is_the_same_without_gates():
    for text in TEXTS:
        assert _signature(dates.find(text)) == _signature(dates.find(text, gates=False)), text
