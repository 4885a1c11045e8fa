"""Table-driven tests for the date finder (factx.dates.finder): each written form found with its span, label and value,
and what is not a date; with a fixed reference date.

Every sentence is written for these tests. REF is Wednesday 12 March 2025 (ISO week 2025-W11; that week's Monday
is 10 March).
"""

from __future__ import annotations

import datetime as dt

import pytest

from factx.dates import normalize

REF = dt.date(2025, 3, 12)


def found(text: str, ref: dt.date | None = REF) -> list[tuple[str, str, str | None]]:
    hits, _, _ = normalize(text, ref)
    return [(text[h.start : h.end], h.label, h.value) for h in hits]


def one(text: str, ref: dt.date | None = REF) -> tuple[str, str, str | None]:
    hits = found(text, ref)
    assert len(hits) == 1, hits
    return hits[0]


# (sentence, the expression's text, its value); label DATE.
ABSOLUTE = [
    ("Rapat itu digelar pada 15 Desember 2025 di Jakarta.", "15 Desember 2025", "2025-12-15"),
    ("Kontrak berakhir Desember 2025 nanti.", "Desember 2025", "2025-12"),
    ("Mulai tahun 2023 pabrik beroperasi.", "tahun 2023", "2023"),
    ("Pabrik itu dibangun pada 2015 oleh investor lokal.", "2015", "2015"),
    ("Harga terus naik sejak 2015.", "2015", "2015"),
    ("Bank itu berdiri pada tahun 1950.", "tahun 1950", "1950"),
    ("Izin terbit pada 1 Jan 2020.", "1 Jan 2020", "2020-01-01"),
    ("Penjualan Jan 2020 naik tipis.", "Jan 2020", "2020-01"),
    ("Rapat ditunda hingga 3 Feb 2021.", "3 Feb 2021", "2021-02-03"),
    # years in brackets after a name: life spans and the years of works, also before 1900
    ("Karya pelukis Wakidi (1890 - 1979) dipamerkan di Padang.", "1890 - 1979", "1890/1979"),
    ("Lukisan Raden Saleh (1807-1880) dilelang.", "1807-1880", "1807/1880"),
    ("Naskah Babad Diponegoro (1832) disimpan di Belanda.", "1832", "1832"),
    ('Film "Badai Pasti Berlalu" (1977) diputar ulang.', "1977", "1977"),
    ("Bahkan tahun 2004 dikeluarkan Undang-Undang tentang TNI.", "tahun 2004", "2004"),
    ("Pada tahun 2003, ada 108 kasus demam berdarah.", "tahun 2003", "2003"),
    ("Pada 9 Mar 2022 saham dilepas.", "9 Mar 2022", "2022-03-09"),
    ("Laporan Apr 2019 terbit terlambat.", "Apr 2019", "2019-04"),
    ("Sensus dimulai Agu 2019.", "Agu 2019", "2019-08"),
    ("Sensus dimulai Agt 2019.", "Agt 2019", "2019-08"),
    ("Sensus dimulai Agust 2019.", "Agust 2019", "2019-08"),
    ("Tender dibuka 2 Sep 2018.", "2 Sep 2018", "2018-09-02"),
    ("Tender dibuka Sept 2018.", "Sept 2018", "2018-09"),
    ("Pameran berlangsung 5 Okt 2017.", "5 Okt 2017", "2017-10-05"),
    ("Data Nov 2016 direvisi.", "Nov 2016", "2016-11"),
    ("Data Nop 2016 direvisi.", "Nop 2016", "2016-11"),
    ("Jembatan diresmikan 24 Des 2015.", "24 Des 2015", "2015-12-24"),
    ("Arsip bertanggal 3 Pebruari 1970 itu ditemukan.", "3 Pebruari 1970", "1970-02-03"),
    ("Pada Nopember 1965 terjadi pergantian kabinet.", "Nopember 1965", "1965-11"),
    ("Surat itu bertanggal 15/12/2025.", "15/12/2025", "2025-12-15"),
    ("Surat itu bertanggal 15-12-2025.", "15-12-2025", "2025-12-15"),
    ("Berkas diunggah 2025-12-15 pukul dua.", "2025-12-15", "2025-12-15"),
    ("Ia tiba di Surabaya, Sabtu, 16 Agustus 2014, bersama rombongan.", "Sabtu, 16 Agustus 2014", "2014-08-16"),
    ("Proklamasi dibacakan pada tanggal 17 Agustus 1945.", "tanggal 17 Agustus 1945", "1945-08-17"),
    ("Upacara digelar 17 Agustus di istana.", "17 Agustus", "2025-08-17"),
    ("Pada 26 Juni 2007 yang lalu pihaknya menyurati bank.", "26 Juni 2007 yang lalu", "2007-06-26"),
    ("Krisis moneter 1998 silam masih membekas.", "1998 silam", "1998"),
    ("Anggaran tahun anggaran 2024 disahkan.", "tahun anggaran 2024", "2024"),
    ("Dalam APBN 2016 pemerintah menaikkan subsidi.", "2016", "2016"),
    ("Laba bersih 2019 sebesar Rp 2 triliun.", "2019", "2019"),
    ("Jadwal 1 Mei 2024 bergeser.", "1 Mei 2024", "2024-05-01"),
    ("Bandara dibuka 31 Januari 2024.", "31 Januari 2024", "2024-01-31"),
    ("Gedung selesai pada 29 Februari 2024.", "29 Februari 2024", "2024-02-29"),
    ("Pada tahun 1808 jalan itu dibangun.", "tahun 1808", "1808"),
]

DATELINES = [
    ("Jakarta, Rabu (4/2/2015) - Harga cabai naik.", "Rabu (4/2/2015)", "2015-02-04"),
    ("Bandung, Jumat (7/3) - Hujan deras turun.", "Jumat (7/3)", "2025-03-07"),
    ("Medan, Selasa (31/12) - Pesta kembang api dibatalkan.", "Selasa (31/12)", "2024-12-31"),
    ("Polisi menangkap pelaku pada Senin (10/3) malam.", "Senin (10/3) malam", "2025-03-10"),
    ("Surabaya, Kamis (6/3/25) - Pasar ramai.", "Kamis (6/3/25)", "2025-03-06"),
    ("Kabar itu datang Jum'at (7/3).", "Jum'at (7/3)", "2025-03-07"),
    ("Hal itu disampaikan Gubernur di Balikpapan (22/3).", "(22/3)", "2025-03-22"),
    ("Ia tiba Rabu malam, 11 April 2012, di Medan.", "Rabu malam, 11 April 2012", "2012-04-11"),
    ("Pesawat jatuh Selasa larut malam.", "Selasa larut malam", "2025-03-11"),
]

RELATIVE = [
    ("Menteri meninjau pasar hari ini.", "hari ini", "2025-03-12"),
    ("Gempa terjadi kemarin pagi.", "kemarin pagi", "2025-03-11"),
    ("Ia tiba kemarin lusa di Bali.", "kemarin lusa", "2025-03-10"),
    ("Sidang dilanjutkan besok.", "besok", "2025-03-13"),
    ("Hasilnya diumumkan lusa.", "lusa", "2025-03-14"),
    ("Pesawat mendarat tadi malam.", "tadi malam", "2025-03-12"),
    ("Kebakaran terjadi 3 hari lalu.", "3 hari lalu", "2025-03-09"),
    ("Kebakaran terjadi tiga hari yang lalu.", "tiga hari yang lalu", "2025-03-09"),
    ("Rapat terakhir digelar dua minggu lalu.", "dua minggu lalu", "2025-W09"),
    ("Ia dilantik sepekan lalu.", "sepekan lalu", "2025-W10"),
    ("Tarif naik sebulan lalu.", "sebulan lalu", "2025-02"),
    ("Pabrik ditutup setahun lalu.", "setahun lalu", "2024"),
    ("Ia pindah lima tahun silam.", "lima tahun silam", "2020"),
    ("Gedung itu selesai dua bulan lagi.", "dua bulan lagi", "2025-05"),
    ("Inflasi bulan lalu tinggi.", "bulan lalu", "2025-02"),
    ("Harga turun bulan ini.", "bulan ini", "2025-03"),
    ("Pemilu digelar bulan depan.", "bulan depan", "2025-04"),
    ("Laba tahun lalu naik.", "tahun lalu", "2024"),
    ("Proyek dimulai tahun depan.", "tahun depan", "2026"),
    ("Target tahun ini dinaikkan.", "tahun ini", "2025"),
    ("Harga turun tahun kemarin.", "tahun kemarin", "2024"),
    ("Ekspor dimulai pada November tahun ini.", "November tahun ini", "2025-11"),
    ("Ekspor dimulai pada November tahun lalu.", "November tahun lalu", "2024-11"),
    ("Jalan tol dibuka Januari lalu.", "Januari lalu", "2025-01"),
    ("Kunjungan itu terjadi November lalu.", "November lalu", "2024-11"),
    ("Pemilihan digelar Mei mendatang.", "Mei mendatang", "2025-05"),
    ("Pajak naik Februari depan.", "Februari depan", "2026-02"),
    ("Pembayaran jatuh tempo 15 Februari lalu.", "15 Februari lalu", "2025-02-15"),
    ("Konser digelar 20 April mendatang.", "20 April mendatang", "2025-04-20"),
    ("Pasar ramai pada akhir pekan ini.", "akhir pekan ini", "2025-03-15/2025-03-16"),
    ("Pasar sepi akhir pekan lalu.", "akhir pekan lalu", "2025-03-08/2025-03-09"),
    ("Rapat digelar pekan ini.", "pekan ini", "2025-W11"),
    ("Rapat digelar pekan lalu.", "pekan lalu", "2025-W10"),
    ("Minggu depan harga diumumkan.", "Minggu depan", "2025-W12"),
    ("Presiden berkunjung pada Senin.", "Senin", "2025-03-10"),
    ("Menteri itu mengatakan, Jumat, stok aman.", "Jumat", "2025-03-14"),
    ("Warga berkumpul hari Minggu.", "hari Minggu", "2025-03-16"),
    ("Ia ditangkap Rabu lalu.", "Rabu lalu", "2025-03-05"),
    ("Sidang berlanjut Senin depan.", "Senin depan", "2025-03-17"),
    ("Kapal berangkat Senin pekan depan.", "Senin pekan depan", "2025-03-17"),
    ("Ia dirawat sejak Jumat pekan lalu.", "Jumat pekan lalu", "2025-03-07"),
    ("Rupiah melemah Kamis sore.", "Kamis sore", "2025-03-13"),
    ("Rupiah menguat pada kamis sore.", "kamis sore", "2025-03-13"),
]

PERIODS = [
    ("Ekonomi melambat pada awal 2004.", "awal 2004", "2004"),
    ("Pabrik dibangun pertengahan 2004.", "pertengahan 2004", "2004"),
    ("Jalan selesai akhir 2004.", "akhir 2004", "2004"),
    ("Jalan selesai medio 2010.", "medio 2010", "2010"),
    ("Pendaftaran ditutup akhir tahun.", "akhir tahun", "2025"),
    ("Harga naik awal bulan.", "awal bulan", "2025-03"),
    ("Target tercapai akhir bulan ini.", "akhir bulan ini", "2025-03"),
    ("Pabrik beroperasi awal tahun depan.", "awal tahun depan", "2026"),
    ("Data direvisi akhir tahun 2008.", "akhir tahun 2008", "2008"),
    ("Kontrak diteken akhir Agustus 2008.", "akhir Agustus 2008", "2008-08"),
    ("Laba naik pada kuartal I 2025.", "kuartal I 2025", "2025-01/2025-03"),
    ("Laba naik pada triwulan kedua 2024.", "triwulan kedua 2024", "2024-04/2024-06"),
    ("Ekspor tumbuh pada triwulan III-2007.", "triwulan III-2007", "2007-07/2007-09"),
    ("Ekspor turun pada kuartal IV tahun lalu.", "kuartal IV tahun lalu", "2024-10/2024-12"),
    ("Penjualan semester I 2023 naik.", "semester I 2023", "2023-01/2023-06"),
    ("Penjualan semester II diperkirakan naik.", "semester II", "2025-07/2025-12"),
    ("Ujian caturwulan III 2010 diundur.", "caturwulan III 2010", "2010-09/2010-12"),
    ("Hasil Q3 2021 di atas perkiraan.", "Q3 2021", "2021-07/2021-09"),
    ("Laba K1 2007 turun.", "K1 2007", "2007-01/2007-03"),
    ("Musik populer tahun 1990-an kembali digemari.", "tahun 1990-an", "1990/1999"),
    ("Band itu berjaya pada 1960an.", "1960an", "1960/1969"),
    ("Kota itu berubah sejak era 80-an.", "era 80-an", "1980/1989"),
    ("Gedung ini dibangun awal 1970-an.", "awal 1970-an", "1970/1979"),
    ("Laba kuartal ini diperkirakan naik.", "kuartal ini", "2025-01/2025-03"),
    ("Laba turun dibanding kuartal lalu.", "kuartal lalu", "2024-10/2024-12"),
    ("Ekspansi dimulai semester depan.", "semester depan", "2025-07/2025-12"),
    ("Harga cabai melonjak pada minggu kedua Februari 2024.", "minggu kedua Februari 2024", "2024-02"),
    ("Stok menipis pada pekan terakhir Januari.", "pekan terakhir Januari", "2025-01"),
    ("Pertumbuhan melambat pada kuartal terakhir 2006.", "kuartal terakhir 2006", "2006-10/2006-12"),
    ("Tantangan abad ke-21 makin berat.", "abad ke-21", "2001/2100"),
    ("Benteng itu dibangun pada abad XVII.", "abad XVII", "1601/1700"),
]

HOLIDAYS = [
    ("Harga daging naik menjelang Natal.", "Natal", "2025-12-25"),
    ("Libur Tahun Baru 2026 diperpanjang.", "Tahun Baru 2026", "2026-01-01"),
    ("Upacara Hari Kemerdekaan tahun lalu meriah.", "Hari Kemerdekaan tahun lalu", "2024-08-17"),
    ("Pawai Hari Pahlawan digelar di Surabaya.", "Hari Pahlawan", "2025-11-10"),
    ("Arus mudik Lebaran tahun ini padat.", "Lebaran tahun ini", None),
    ("Gereja penuh saat Paskah.", "Paskah", None),
    ("Penjualan naik dibanding hari sebelumnya.", "hari sebelumnya", None),
    ("Laba turun dari tahun sebelum -nya.", "tahun sebelum -nya", None),
]

RANGES = [
    ("Festival berlangsung 20-29 September 2005.", "20-29 September 2005", "2005-09-20/2005-09-29"),
    ("Survei dilakukan Januari-Februari 2006.", "Januari-Februari 2006", "2006-01/2006-02"),
    ("Ia menjabat gubernur 1988-1998.", "1988-1998", "1988/1998"),
    ("Investasi naik dari 2015 hingga 2025.", "2015 hingga 2025", "2015/2025"),
    ("Rencana jangka menengah tahun 2010-2014 disusun.", "tahun 2010-2014", "2010/2014"),
    ("Musim tanam 2014/2015 molor.", "2014/2015", "2014/2015"),
    ("Harga stabil antara 2010 dan 2015.", "2010 dan 2015", "2010/2015"),
    ("Proyek berjalan dari Maret 2024 hingga Juni 2025.", "Maret 2024 hingga Juni 2025", "2024-03/2025-06"),
    ("Libur berlangsung 30 Desember 2024 - 2 Januari 2025.", "30 Desember 2024 - 2 Januari 2025",
     "2024-12-30/2025-01-02"),
    ("Libur berlangsung 28 Desember - 3 Januari 2025.", "28 Desember - 3 Januari 2025", "2024-12-28/2025-01-03"),
    ("Pameran digelar 5 September hingga 14 September 2007.", "5 September hingga 14 September 2007",
     "2007-09-05/2007-09-14"),
    ("Pendaftaran 15 April s/d 14 Mei 2007 dibuka.", "15 April s/d 14 Mei 2007", "2007-04-15/2007-05-14"),
    ("Data tahun 2014-15 belum lengkap.", "tahun 2014-15", "2014/2015"),
    ("Festival digelar tanggal 24 sampai 3 Oktober 2009.", "tanggal 24 sampai 3 Oktober 2009",
     "2009-09-24/2009-10-03"),
]

TIMES = [
    ("Rapat dimulai Rabu (12/3/2025) pukul 10.00 WIB.", "Rabu (12/3/2025) pukul 10.00 WIB", "2025-03-12T10:00"),
    ("Acara pada 15 Desember 2025 pukul 14.30 WIB dibuka.", "15 Desember 2025 pukul 14.30 WIB",
     "2025-12-15T14:30"),
    ("Gempa terjadi Senin pukul 08.00.", "Senin pukul 08.00", "2025-03-10T08:00"),
    ("Gempa terjadi pukul 19.30 WIB.", "pukul 19.30 WIB", "T19:30"),
    ("Sidang pukul 10.00-12.00 WIB.", "pukul 10.00-12.00 WIB", "T10:00/T12:00"),
    ("Ia tiba pukul 7 malam.", "pukul 7 malam", "T19:00"),
    ("Toko tutup pukul 3 sore.", "pukul 3 sore", "T15:00"),
    ("Ia pulang pukul 11 larut malam.", "pukul 11 larut malam", "T23:00"),
    ("Kapal tiba pukul 12 malam.", "pukul 12 malam", "T00:00"),
    ("Rapat dimulai pukul 1 siang.", "pukul 1 siang", "T13:00"),
    ("Gempa terjadi pukul 2 dini hari.", "pukul 2 dini hari", "T02:00"),
    ("Kereta berangkat jam 06.15 pagi.", "jam 06.15 pagi", "T06:15"),
    ("Hujan turun sejak 16.00 WITA.", "16.00 WITA", "T16:00"),
    ("Kebakaran terjadi kemarin sekitar pukul 02.00 dini hari.", "kemarin sekitar pukul 02.00 dini hari",
     "2025-03-11T02:00"),
]

DURATIONS = [
    ("Inisiatif itu telah berjalan sepuluh tahun.", "sepuluh tahun", "P10Y"),
    ("Setelah delapan belas bulan, sertifikat terbit.", "delapan belas bulan", "P18M"),
    ("Perjalanan memakan waktu 3 jam.", "3 jam", "PT3H"),
    ("Perjalanan memakan waktu tiga jam.", "tiga jam", "PT3H"),
    ("Pertandingan berlangsung 90 menit.", "90 menit", "PT90M"),
    ("Antrean berlangsung 1,5 jam.", "1,5 jam", "PT1.5H"),
    ("Ia dipenjara dua tahun enam bulan.", "dua tahun enam bulan", "P2Y6M"),
    ("Rapat hanya setengah jam.", "setengah jam", "PT0.5H"),
    ("Pembangunan butuh satu setengah tahun.", "satu setengah tahun", "P1.5Y"),
    ("Layanan buka 24 jam.", "24 jam", "PT24H"),
    ("Ia menginap seminggu di sana.", "seminggu", "P1W"),
    ("Uji coba berlangsung dua pekan.", "dua pekan", "P2W"),
    ("Konflik itu berlangsung empat dasawarsa.", "empat dasawarsa", "P40Y"),
    ("Perusahaan itu tumbuh satu dekade.", "satu dekade", "P10Y"),
    ("Jabatan itu diemban sewindu.", "sewindu", "P8Y"),
    ("Tradisi itu bertahan dua abad.", "dua abad", "P200Y"),
    ("Iklan itu hanya 45 detik.", "45 detik", "PT45S"),
    ("Tes berlangsung 2 jam 30 menit.", "2 jam 30 menit", "PT2H30M"),
    ("Penjualan turun dua kuartal berturut-turut.", "dua kuartal", "P6M"),
    ("Kuliah berlangsung satu semester.", "satu semester", "P6M"),
    ("Obligasi berjangka waktu 2,5 tahun.", "2,5 tahun", "P2.5Y"),
    ("Negosiasi berlangsung selama 100 hari.", "100 hari", "P100D"),
    ("Warga menunggu beberapa bulan.", "beberapa bulan", None),
    ("Petani menunggu berbulan-bulan.", "berbulan-bulan", None),
    ("Konflik itu berlangsung puluhan tahun.", "puluhan tahun", None),
]

# Text with no date or duration in it.
NEGATIVE = [
    "Nilai kontrak mencapai $26 miliar.",
    "Sebanyak 2015 orang mengungsi.",
    "Bunga naik 15%.",
    "Harga tiket Rp 2.000 per orang.",
    "Harga tiket Rp 2015 per lembar.",
    "Hubungi 0812-2015-3344 untuk informasi.",
    "Telepon kantor (021) 5550 2015.",
    "Produksi mencapai 2015 ton.",
    "Dana sebesar US$ 2015 disalurkan.",
    "Kenaikan 2015 persen tidak masuk akal.",
    "Pada akhirnya, dua perusahaan lolos verifikasi.",
    "Semua berharap pada hari esok yang cerah.",
    "Lagu itu dinyanyikan Juni Rahardjo.",
    "Massa berkumpul di Lapangan Oktober.",
    "Mahasiswa semester 5 wajib magang.",
    "Jam kerja pegawai dipangkas.",
    "Gajinya Rp 5 juta per tahun.",
    "Kebutuhan sehari-hari makin mahal.",
    "Pemain itu bernama Jan Ethes.",
    "Model 2000 unit sudah terjual.",
    "Ia tinggal di rumah nomor 1990.",
    "Harga emas Rp 1.250.000 per gram.",
    "Skor akhir 3-1 untuk tuan rumah.",
    "Rasio utang 30,5 persen dari PDB.",
    "Umat merayakan tahun baru 1446 H dengan doa.",
    "Kalender tahun 1946 Saka dipajang.",
    "Ia pulang ke kota natal di Padang.",
    "Keputusan disetujui dua pertiga (2/3) anggota.",
    "Prasasti itu berasal dari abad ke-5 SM.",
    "Wisuda adalah salah satu hari besar bagi keluarga kami.",
    "Menurut Paskah Suzetta, anggaran cukup.",
    "Jumlah korban (1500) terus bertambah.",
    "Sebanyak 1.500 (seribu lima ratus) warga mengungsi.",
    "Harga saham BBCA (1850) naik tipis.",
    "Dana itu memadai, ujar Paskah seusai rapat di istana.",
]


@pytest.mark.parametrize("text,span,value", ABSOLUTE + DATELINES + RELATIVE + PERIODS + RANGES + TIMES + HOLIDAYS)
def test_date(text, span, value):
    assert one(text) == (span, "DATE", value)


@pytest.mark.parametrize("text,span,value", DURATIONS)
def test_duration(text, span, value):
    assert one(text) == (span, "DURATION", value)


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_date(text):
    assert found(text) == []


def test_qualifiers_keep_part_and_hedge():
    hits, _, _ = normalize("Pabrik selesai sekitar akhir 2024 dan laba naik awal Maret 2025.", REF)
    assert [(h.value, h.qualifier) for h in hits] == [("2024", "sekitar akhir"), ("2025-03", "awal")]


def test_blocked_ranges_are_skipped():
    text = "Dana 2015 miliar cair pada 2016."
    hits, _, _ = normalize(text, REF, blocked=[(5, 17)])
    assert [text[h.start : h.end] for h in hits] == ["2016"]


def test_year_lists_in_brackets():
    text = "Teguh Karya menyutradarai Ranjang Pengantin (1974), Kawin Lari (1975) dan Badai Pasti Berlalu (1977)."
    assert found(text) == [("1974", "DATE", "1974"), ("1975", "DATE", "1975"), ("1977", "DATE", "1977")]
