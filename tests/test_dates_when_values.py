"""Table-driven tests for the values of "when" dates as Indonesian news writes them (Kompas, Tempo, Detik, Antara):
each sentence, written for these tests, with the DATE mention that answers "when" and its expected TIMEX3 value
and ``year_source``, decided by the convention of the README's dates section before the code was run.

Without a reference date a date keeps what the text gives, with an unknown year ("XXXX-08-26"); a relative form
("31 Agustus mendatang", "Minggu lalu (9/2)", "Oktober tahun depan") then too, and it takes no year from context
(its year counts from the day of writing, which a year in the text does not give). With a reference date, "X
mendatang/depan" is the next such day or month on or after it, "X lalu" the last one before it. REF is Wednesday
12 March 2025 (ISO week 2025-W11).
"""

from __future__ import annotations

import datetime as dt

import pytest

from factx.dates import normalize

REF = dt.date(2025, 3, 12)


def values(text: str, ref: dt.date | None) -> list[tuple[str, str | None, str | None]]:
    hits, _, _ = normalize(text, ref)
    return [(text[h.start : h.end], h.value, h.year_source) for h in hits if h.label == "DATE"]


# (sentence, mention, value, year_source) with no reference date
NO_REFERENCE = [
    # Kompas set-off days, with and without a year, with a part of the day
    ("Ribuan buruh berunjuk rasa di depan Istana Negara, Jumat (26/8), menolak kenaikan harga BBM.",
     "Jumat (26/8)", "XXXX-08-26", None),
    ("Banjir merendam ratusan rumah di Kampung Melayu, Senin (3/10/2022) malam.",
     "Senin (3/10/2022) malam", "2022-10-03", "text"),
    ("Pertandingan final digelar Sabtu (12/11) dini hari waktu setempat.", "Sabtu (12/11) dini hari",
     "XXXX-11-12", None),
    ("Sidang perdana digelar Selasa (16/8) pagi di Pengadilan Negeri Jakarta Pusat.",
     "Selasa (16/8) pagi", "XXXX-08-16", None),
    ("Risma menginterogasi delapan siswa di Kantor Satpol PP, Sabtu (27/2/2016).",
     "Sabtu (27/2/2016)", "2016-02-27", "text"),
    ("Festival budaya digelar Jumat-Minggu (7-9/3) di alun-alun kota.", "Jumat-Minggu (7-9/3)",
     "XXXX-03-07/XXXX-03-09", None),
    # full dates, days and months without a year
    ("Presiden Soekarno membacakan teks proklamasi pada 17 Agustus 1945 di Jalan Pegangsaan Timur 56.",
     "17 Agustus 1945", "1945-08-17", "text"),
    ("Pemerintah menaikkan harga BBM bersubsidi pada 3 September 2022.", "3 September 2022", "2022-09-03", "text"),
    ("Aturan itu berlaku mulai 1 Juli 2024.", "1 Juli 2024", "2024-07-01", "text"),
    ("Prabowo Subianto dilantik sebagai presiden pada 20 Oktober 2024.", "20 Oktober 2024", "2024-10-20", "text"),
    ("Gaji ke-13 aparatur sipil negara cair 1 Januari 2025 mendatang.", "1 Januari 2025", "2025-01-01", "text"),
    ("Kebijakan tarif baru itu berlaku per 1 Oktober.", "1 Oktober", "XXXX-10-01", None),
    ("Kebijakan tarif baru itu berlaku per 1 Oktober 2024.", "1 Oktober 2024", "2024-10-01", "text"),
    ("Sedangkan tanggal 2 Agustus pesawat itu tergelincir di landasan.", "tanggal 2 Agustus", "XXXX-08-02", None),
    ("Rapat kerja dengan Komisi XI digelar tanggal 2 Agustus di Gedung DPR.",
     "tanggal 2 Agustus", "XXXX-08-02", None),
    ("Festival kuliner itu dibuka pada 14 Februari.", "14 Februari", "XXXX-02-14", None),
    ("Kantor imigrasi itu tutup sementara pada Juni.", "Juni", "XXXX-06", None),
    ("Harga cabai rawit mulai naik sejak awal Maret.", "awal Maret", "XXXX-03", None),
    ("Harga minyak goreng turun pada pekan pertama Januari.", "pekan pertama Januari", "XXXX-01", None),
    ("Libur sekolah berlangsung 28 Desember hingga 3 Januari.", "28 Desember hingga 3 Januari",
     "XXXX-12-28/XXXX-01-03", None),
    ("Pesta kembang api digelar pada malam Tahun Baru di Monas.", "malam Tahun Baru", "XXXX-12-31", None),
    # ranges, years, periods
    ("Konferensi itu digelar pada 10-12 Mei di Nusa Dua, Bali.", "10-12 Mei", "XXXX-05-10/XXXX-05-12", None),
    ("Turnamen bulu tangkis berlangsung 20-29 September 2005 di Manila.", "20-29 September 2005",
     "2005-09-20/2005-09-29", "text"),
    ("Penjualan mobil pada Oktober-Desember 2024 turun 5 persen.", "Oktober-Desember 2024", "2024-10/2024-12", "text"),
    ("Harga beras terus naik sejak 2019.", "2019", "2019", "text"),
    ("Proyek itu dikerjakan sejak tahun 2015 hingga 2019.", "tahun 2015 hingga 2019", "2015/2019", "text"),
    ("Pasar saham ditutup pada pertengahan 2023 di level tertinggi.", "pertengahan 2023", "2023", "text"),
    ("Kerusuhan pecah pada Mei 1998 di sejumlah kota.", "Mei 1998", "1998-05", "text"),
    ("Krisis keuangan 1998 silam menghantam perbankan nasional.", "1998 silam", "1998", "text"),
    ("Pada 1990-an industri tekstil tumbuh pesat.", "1990-an", "1990/1999", "text"),
    ("Laba bersih perseroan pada kuartal III/2024 naik 12 persen.", "kuartal III/2024", "2024-07/2024-09", "text"),
    ("Inflasi semester I 2023 tercatat 3,5 persen.", "semester I 2023", "2023-01/2023-06", "text"),
    ("Ekspor nonmigas naik pada triwulan II 2023.", "triwulan II 2023", "2023-04/2023-06", "text"),
    ("Pada tahun 2003, ada 108 kasus demam berdarah.", "tahun 2003", "2003", "text"),
    ("Upacara HUT ke-79 RI digelar di Ibu Kota Nusantara.", "HUT ke-79 RI", "2024-08-17", "text"),
    ("Peringatan HUT Kemerdekaan RI ke-80 dipusatkan di Istana Merdeka.", "HUT Kemerdekaan RI ke-80",
     "2025-08-17", "text"),
    # relative forms with a day or a month: an unknown year, never null
    ("Penghargaan akan diserahkan pada 31 Agustus mendatang di Manila.", "31 Agustus mendatang", "XXXX-08-31", None),
    ("Saya akan meninggalkan Indonesia pada 28 Februari mendatang ke London.", "28 Februari mendatang",
     "XXXX-02-28", None),
    ("RUPSLB akan diselenggarakan pada 26 Oktober mendatang.", "26 Oktober mendatang", "XXXX-10-26", None),
    ("Ia tiba di Jakarta pada 31 Agustus lalu.", "31 Agustus lalu", "XXXX-08-31", None),
    ("Kontrak itu diteken 5 Maret yang lalu.", "5 Maret yang lalu", "XXXX-03-05", None),
    ("Tim pemenang diumumkan pada 9 Juni yang akan datang.", "9 Juni yang akan datang", "XXXX-06-09", None),
    ("Sidang isbat digelar tanggal 20 Agustus mendatang.", "tanggal 20 Agustus mendatang", "XXXX-08-20", None),
    ("Deklarasi akan digelar pada hari Minggu mendatang (9/2) di Bandung.", "Minggu mendatang (9/2)",
     "XXXX-02-09", None),
    ("Kesepakatan itu diteken pada Minggu lalu (9/2) di Jakarta.", "Minggu lalu (9/2)", "XXXX-02-09", None),
    ("Rapat umum pemegang saham digelar Senin (17/3) mendatang.", "Senin (17/3) mendatang", "XXXX-03-17", None),
    ("Sebelumnya, Sabtu (16/10/2004) lalu, Pramono Anung mengatakan hal serupa.", "Sabtu (16/10/2004) lalu",
     "2004-10-16", "text"),
    ("Rapat digelar Jumat, 14 Maret mendatang.", "Jumat, 14 Maret mendatang", "XXXX-03-14", None),
    ("Pemilihan ketua umum dijadwalkan bulan Oktober mendatang.", "bulan Oktober mendatang", "XXXX-10", None),
    ("Pembangunan jembatan ditargetkan rampung akhir Agustus mendatang.", "akhir Agustus mendatang", "XXXX-08", None),
    ("Jalan tol itu baru beroperasi Oktober tahun depan.", "Oktober tahun depan", "XXXX-10", None),
    ("Inflasi Februari lalu mencapai 2 persen.", "Februari lalu", "XXXX-02", None),
    ("Pendaftaran calon ditutup tanggal 20 mendatang.", "tanggal 20 mendatang", "XXXX-XX-20", None),
    ("Natal tahun ini jatuh pada hari Kamis.", "Natal tahun ini", "XXXX-12-25", None),
    ("Laba kuartal III tahun depan ditargetkan naik.", "kuartal III tahun depan", "XXXX-07/XXXX-09", None),
    ("Pelaku ditangkap Jumat kemarin (7/3) di Bekasi.", "Jumat kemarin (7/3)", "XXXX-03-07", None),
    ("Pameran digelar 1 Maret hingga 10 April mendatang.", "1 Maret hingga 10 April mendatang",
     "XXXX-03-01/XXXX-04-10", None),
    ("Rapat digelar Senin (17/3) mendatang pukul 10.00 WIB.", "Senin (17/3) mendatang pukul 10.00 WIB",
     "XXXX-03-17T10:00", None),
    ("Upacara HUT ke-79 TNI digelar di Monas.", "HUT ke-79 TNI", "2024-10-05", "text"),
    ("Warga merayakan HUT ke-497 Jakarta di Monas.", "HUT ke-497 Jakarta", "2024-06-22", "text"),
    ("Pawai HUT RI digelar meriah.", "HUT RI", "XXXX-08-17", None),
    # a range whose second end has a part of the day
    ("Tenggelamnya kapal terjadi pada malam 14 April sampai pagi 15 April 1912 di Samudra Atlantik.",
     "14 April sampai pagi 15 April 1912", "1912-04-14/1912-04-15", "text"),
    ("Pemadaman listrik berlangsung 3 Mei hingga siang 4 Mei 2024.", "3 Mei hingga siang 4 Mei 2024",
     "2024-05-03/2024-05-04", "text"),
    # a three-digit number after a date is no year (news writes "5 Juni 208." for 2008): the year stays unknown
    ("Hal ini tertuang dalam surat Bapepam per 5 Juni 208.", "5 Juni", "XXXX-06-05", None),
    # relative forms with no month or day: nothing to give without a reference date
    ("Gempa susulan terjadi kemarin.", "kemarin", None, None),
    ("Harga gabah turun pekan lalu.", "pekan lalu", None, None),
    ("Ekspor batu bara naik 8 persen tahun lalu.", "tahun lalu", None, None),
    ("Pasar murah digelar akhir pekan ini.", "akhir pekan ini", None, None),
]


@pytest.mark.parametrize("text,mention,value,source", NO_REFERENCE)
def test_when_value_without_reference(text, mention, value, source):
    assert (mention, value, source) in values(text, None)


# (sentence, mention, value, year_source) against REF, Wednesday 12 March 2025
WITH_REFERENCE = [
    ("Gempa susulan terjadi kemarin.", "kemarin", "2025-03-11", "reference"),
    ("Harga gabah turun pekan lalu.", "pekan lalu", "2025-W10", "reference"),
    ("Harga gabah turun dua pekan lalu.", "dua pekan lalu", "2025-W09", "reference"),
    ("Ekspor batu bara naik 8 persen tahun lalu.", "tahun lalu", "2024", "reference"),
    ("Pasar murah digelar akhir pekan ini.", "akhir pekan ini", "2025-03-15/2025-03-16", "reference"),
    ("Kontrak itu diteken 3 bulan lalu.", "3 bulan lalu", "2024-12", "reference"),
    ("Proyek itu selesai dua tahun lagi.", "dua tahun lagi", "2027", "reference"),
    ("Penghargaan akan diserahkan pada 31 Agustus mendatang di Manila.", "31 Agustus mendatang", "2025-08-31",
     "reference"),
    ("Ia tiba di Jakarta pada 31 Agustus lalu.", "31 Agustus lalu", "2024-08-31", "reference"),
    ("Sidang putusan digelar 28 Februari mendatang.", "28 Februari mendatang", "2026-02-28", "reference"),
    ("Jembatan itu diresmikan pada 12 Maret mendatang.", "12 Maret mendatang", "2025-03-12", "reference"),
    ("Dividen tunai dibagikan 1 April mendatang.", "1 April mendatang", "2025-04-01", "reference"),
    ("Tim pemenang diumumkan pada 9 Juni yang akan datang.", "9 Juni yang akan datang", "2025-06-09", "reference"),
    ("Sidang perdana digelar 5 Maret ini.", "5 Maret ini", "2025-03-05", "reference"),
    ("Deklarasi akan digelar pada hari Minggu mendatang (16/3) di Bandung.", "Minggu mendatang (16/3)",
     "2025-03-16", "reference"),
    ("Kesepakatan itu diteken pada Minggu lalu (9/3) di Jakarta.", "Minggu lalu (9/3)", "2025-03-09", "reference"),
    ("Pelaku ditangkap Jumat lalu (7/3) di Bekasi.", "Jumat lalu (7/3)", "2025-03-07", "reference"),
    ("Rapat umum pemegang saham digelar Senin (17/3) mendatang.", "Senin (17/3) mendatang", "2025-03-17",
     "reference"),
    ("Rapat pleno digelar Senin pekan depan (17/3).", "Senin pekan depan (17/3)", "2025-03-17", "reference"),
    ("Harga cabai naik sejak Senin (3/3) lalu.", "Senin (3/3) lalu", "2025-03-03", "reference"),
    ("Banjir surut Minggu (9/3) kemarin.", "Minggu (9/3) kemarin", "2025-03-09", "reference"),
    ("Kontrak diteken Rabu (12/3) ini.", "Rabu (12/3) ini", "2025-03-12", "reference"),
    ("Pameran digelar 5 Maret lalu hingga 10 Maret.", "5 Maret lalu hingga 10 Maret", "2025-03-05/2025-03-10",
     "reference"),
    ("Rapat digelar Senin (10/3) hingga Rabu (12/3) mendatang.", "Senin (10/3) hingga Rabu (12/3) mendatang",
     "2025-03-10/2025-03-12", "reference"),
    ("Iuran dibayar paling lambat tanggal 31 mendatang.", "tanggal 31 mendatang", "2025-03-31", "reference"),
    ("Rapat koordinasi digelar Jumat (14/3).", "Jumat (14/3)", "2025-03-14", "reference"),
    ("Pesawat itu mendarat Sabtu dini hari.", "Sabtu dini hari", "2025-03-15", "reference"),
    ("Pemilihan ketua umum dijadwalkan bulan Oktober mendatang.", "bulan Oktober mendatang", "2025-10", "reference"),
    ("Jalan tol itu baru beroperasi Oktober tahun depan.", "Oktober tahun depan", "2026-10", "reference"),
    ("Inflasi Februari lalu mencapai 2 persen.", "Februari lalu", "2025-02", "reference"),
    ("Pada Desember lalu harga beras naik.", "Desember lalu", "2024-12", "reference"),
    ("Pada Maret tahun ini harga turun.", "Maret tahun ini", "2025-03", "reference"),
    ("Harga cabai rawit mulai naik sejak awal Maret.", "awal Maret", "2025-03", "reference"),
    ("Pendaftaran calon ditutup tanggal 20 mendatang.", "tanggal 20 mendatang", "2025-03-20", "reference"),
    ("Iuran bulanan dibayar tanggal 5 mendatang.", "tanggal 5 mendatang", "2025-04-05", "reference"),
    ("Pembayaran tahap pertama dilakukan tanggal 10 lalu.", "tanggal 10 lalu", "2025-03-10", "reference"),
    ("Rapat kerja dengan Komisi XI digelar tanggal 2 Agustus di Gedung DPR.", "tanggal 2 Agustus", "2025-08-02",
     "reference"),
    ("Kebijakan tarif baru itu berlaku per 1 Oktober.", "1 Oktober", "2025-10-01", "reference"),
    ("Pada Oktober-Desember penjualan mobil naik.", "Oktober-Desember", "2025-10/2025-12", "reference"),
    ("Natal mendatang jatuh pada hari Kamis.", "Natal mendatang", "2025-12-25", "reference"),
    ("Laba kuartal ini diperkirakan naik.", "kuartal ini", "2025-01/2025-03", "reference"),
    ("Target semester depan dinaikkan.", "semester depan", "2025-07/2025-12", "reference"),
    ("Kuartal III tahun depan ekonomi ditargetkan tumbuh.", "Kuartal III tahun depan", "2026-07/2026-09", "reference"),
    ("Pertengahan tahun depan tarif listrik naik.", "Pertengahan tahun depan", "2026", "reference"),
    ("Banjir besar melanda Jakarta pada 1 Januari 2020.", "1 Januari 2020", "2020-01-01", "text"),
]


@pytest.mark.parametrize("text,mention,value,source", WITH_REFERENCE)
def test_when_value_with_reference(text, mention, value, source):
    assert (mention, value, source) in values(text, REF)


# With no reference date, the document's years: a year before the date (context), or the one year its weekday fits
# next to them (inferred); a relative form takes no year from context, but its weekday may still pin one.
IN_DOCUMENT = [
    ("Pada 2005 rekor lama dipecahkan. Rekor baru tercipta Jumat (26/8).", "Jumat (26/8)", "2005-08-26", "context"),
    ("Pada 2019 harga naik. Pemilu digelar 31 Agustus mendatang.", "31 Agustus mendatang", "XXXX-08-31", None),
    ("Deklarasi digelar Minggu mendatang (9/2). Partai itu berdiri pada 2003.", "Minggu mendatang (9/2)",
     "2003-02-09", "inferred"),
    ("Pada Juni 2023 sidang dibuka. Putusan dibacakan tanggal 20.", "tanggal 20", "2023-06-20", "context"),
]


@pytest.mark.parametrize("text,mention,value,source", IN_DOCUMENT)
def test_when_value_in_document(text, mention, value, source):
    assert (mention, value, source) in values(text, None)


# The edges of "next on or after" and "last before": the reference day itself, its month, a day the month lacks,
# the turn of the year.
EDGES = [
    ("Jembatan itu diresmikan 12 Maret lalu.", REF, "12 Maret lalu", "2024-03-12"),
    ("Pameran digelar bulan Maret mendatang.", REF, "bulan Maret mendatang", "2026-03"),
    ("Iuran dibayar paling lambat tanggal 31 mendatang.", dt.date(2025, 4, 12), "tanggal 31 mendatang", "2025-05-31"),
    ("Iuran dibayar tanggal 12 lalu.", REF, "tanggal 12 lalu", "2025-02-12"),
    ("Iuran dibayar tanggal 31 lalu.", dt.date(2025, 3, 12), "tanggal 31 lalu", "2025-01-31"),
    ("Sidang digelar 3 Januari mendatang.", dt.date(2025, 12, 30), "3 Januari mendatang", "2026-01-03"),
    ("Rapat digelar Senin (5/1) mendatang.", dt.date(2025, 12, 30), "Senin (5/1) mendatang", "2026-01-05"),
    ("Ia tiba Sabtu (27/12) lalu.", dt.date(2026, 1, 2), "Sabtu (27/12) lalu", "2025-12-27"),
]


@pytest.mark.parametrize("text,ref,mention,value", EDGES)
def test_when_value_edges(text, ref, mention, value):
    assert (mention, value, "reference") in values(text, ref)
