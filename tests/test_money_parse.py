"""Table-driven tests for MONEY amounts: the pure functions of factx.money.parse (component: test_money_component.py).

Every sentence here is written for these tests."""

from decimal import Decimal
from typing import NamedTuple

import pytest
import spacy

from factx.money.parse import find_money, format_amount, parse_money


class Example(NamedTuple):
    sentence: str
    text: str  # the span reported
    amount: str
    currency: str
    amount_max: str | None = None
    unit: str | None = None
    qualifier: str | None = None


E = Example
EXAMPLES = [
    # rupiah: symbol, code, name; Indonesian digit grouping and decimal comma
    E("Harga tiketnya Rp 1.550.000 per orang.", "Rp 1.550.000", "1550000", "IDR", unit="orang"),
    E("Ia membayar Rp. 315,00 untuk perangko itu.", "Rp. 315,00", "315", "IDR"),
    E("Gaji pokoknya Rp3.500.000 sebulan.", "Rp3.500.000", "3500000", "IDR"),
    E("Kas daerah tinggal Rp 1,5 triliun.", "Rp 1,5 triliun", "1500000000000", "IDR"),
    E("Laba bersih perseroan Rp 455,68 miliar.", "Rp 455,68 miliar", "455680000000", "IDR"),
    E("Obligasi yang diterbitkan Rp 776,626 triliun.", "Rp 776,626 triliun", "776626000000000", "IDR"),
    E("Belanja negara dipatok Rp 2.461 triliun.", "Rp 2.461 triliun", "2461000000000000", "IDR"),
    E("Ongkos parkir kini Rp 5.000,- per jam.", "Rp 5.000,-", "5000", "IDR", unit="jam"),
    E("Sumbangan itu senilai IDR 250 juta.", "IDR 250 juta", "250000000", "IDR"),
    E("Tiket masuk IDR33000 untuk dewasa.", "IDR33000", "33000", "IDR"),
    E("Kupon bernilai 20Rp saja.", "20Rp", "20", "IDR"),
    E("Koin Rp20 sudah jarang terlihat.", "Rp20", "20", "IDR"),
    E("Ia menabung 750 ribu rupiah setiap bulan.", "750 ribu rupiah", "750000", "IDR", unit="bulan"),
    E("Dana desa mencapai 1,2 triliun rupiah.", "1,2 triliun rupiah", "1200000000000", "IDR", qualifier="mencapai"),
    E("Pedagang itu meraup 300 ribu Rupiah sehari.", "300 ribu Rupiah", "300000", "IDR"),
    E("Pinjaman sebesar Rp 20 rb dilunasi.", "Rp 20 rb", "20000", "IDR"),
    E("Cicilannya Rp 2,5 jt per bulan.", "Rp 2,5 jt", "2500000", "IDR", unit="bulan"),
    E("Proyek jalan tol itu bernilai Rp 26M.", "Rp 26M", "26000000000", "IDR"),
    E("Utang BUMN itu Rp 1,2 T pada akhir tahun.", "Rp 1,2 T", "1200000000000", "IDR"),
    E("Hadiah lomba Rp 50K untuk juara.", "Rp 50K", "50000", "IDR"),
    E("Modal awalnya hanya Rp 500 ribu.", "Rp 500 ribu", "500000", "IDR"),
    E("Nilai kontraknya Rp 1 juta 500 ribu.", "Rp 1 juta 500 ribu", "1500000", "IDR"),
    E("Aset bank itu Rp 14,52 triliun.", "Rp 14,52 triliun", "14520000000000", "IDR"),
    E("Penjualan naik menjadi Rp 202 milyar.", "Rp 202 milyar", "202000000000", "IDR"),
    E("Nilai proyek Rp 3,1 trilyun.", "Rp 3,1 trilyun", "3100000000000", "IDR"),
    E("(Rp 180 ribu) dibayar di muka.", "Rp 180 ribu", "180000", "IDR"),
    E("RP 10.000 sudah cukup untuk makan.", "RP 10.000", "10000", "IDR"),
    E("harga bensin naik jadi rp 6.500 per liter", "rp 6.500", "6500", "IDR", unit="liter"),
    # number words
    E("Anak itu menemukan sepuluh dolar di jalan.", "sepuluh dolar", "10", "USD"),
    E("Ia meminjam dua puluh lima juta rupiah.", "dua puluh lima juta rupiah", "25000000", "IDR"),
    E("Kerugian ditaksir satu setengah triliun rupiah.", "satu setengah triliun rupiah", "1500000000000", "IDR"),
    E("Harga sebungkus rokok seratus ribu rupiah?", "seratus ribu rupiah", "100000", "IDR"),
    E("Uang sakunya sebelas ribu rupiah.", "sebelas ribu rupiah", "11000", "IDR"),
    E("Dulu roti seharga seribu rupiah.", "seribu rupiah", "1000", "IDR"),
    E("Ia menerima sejuta rupiah dari panitia.", "sejuta rupiah", "1000000", "IDR"),
    E("Dana hibah lima miliar rupiah cair.", "lima miliar rupiah", "5000000000", "IDR"),
    E("Tarifnya delapan belas ribu rupiah.", "delapan belas ribu rupiah", "18000", "IDR"),
    E("Nilainya dua ratus lima puluh juta rupiah.", "dua ratus lima puluh juta rupiah", "250000000", "IDR"),
    E("Harga satu dolar AS naik.", "satu dolar AS", "1", "USD"),
    E("Setengah juta rupiah raib dari brankas.", "Setengah juta rupiah", "500000", "IDR"),
    E("Dendanya seratus dolar Singapura.", "seratus dolar Singapura", "100", "SGD"),
    # dollars
    E("Nilai kerja sama mencapai $26 miliar.", "$26 miliar", "26000000000", "USD", qualifier="mencapai"),
    E("Ekspor ditargetkan $10,8 juta tahun depan.", "$10,8 juta", "10800000", "USD"),
    E("Utang luar negeri menjadi US $ 45,725 miliar.", "US $ 45,725 miliar", "45725000000", "USD"),
    E("Investasi US$ 350 juta disetujui.", "US$ 350 juta", "350000000", "USD"),
    E("Pendapatan per kapita US$3.500.", "US$3.500", "3500", "USD"),
    E("Pinjaman USD 400 juta ditandatangani.", "USD 400 juta", "400000000", "USD"),
    E("Ia mentransfer USD1,23 sebagai uji coba.", "USD1,23", "1.23", "USD"),
    E("Kopi itu dijual 10$ per gelas.", "10$", "10", "USD", unit="gelas"),
    E("Investor asing menanam 500 juta dolar AS.", "500 juta dolar AS", "500000000", "USD"),
    E("Cadangan devisa 3,96 miliar dollar AS.", "3,96 miliar dollar AS", "3960000000", "USD"),
    E("Dana segar 15 juta dolar Amerika Serikat masuk.", "15 juta dolar Amerika Serikat", "15000000", "USD"),
    E("Hibah 2 juta dolar Amerika diberikan.", "2 juta dolar Amerika", "2000000", "USD"),
    E("Minyak menembus 90 dolar AS per barel.", "90 dolar AS", "90", "USD", unit="barel"),
    E("Lukisan itu laku 66 juta dolar.", "66 juta dolar", "66000000", "USD"),
    E("Obligasi senilai 1,5 miliar USD terjual.", "1,5 miliar USD", "1500000000", "USD"),
    E("Harga emas 31,1 dollar AS per lusin.", "31,1 dollar AS", "31.1", "USD", unit="lusin"),
    E("Proyek senilai US$1.5 miliar itu ditunda.", "US$1.5 miliar", "1500000000", "USD"),
    E("Bantuan $ 2.50 per orang per hari.", "$ 2.50", "2.5", "USD", unit="orang"),
    # other currencies
    E("Dana Singapura S$ 5 juta dialokasikan.", "S$ 5 juta", "5000000", "SGD"),
    E("Saham itu bernilai 2,4 miliar dolar Singapura.", "2,4 miliar dolar Singapura", "2400000000", "SGD"),
    E("Kontrak SGD 12 juta diteken.", "SGD 12 juta", "12000000", "SGD"),
    E("Investasi RM 5 juta di Johor.", "RM 5 juta", "5000000", "MYR"),
    E("Nilai ekspor 20,2 miliar ringgit Malaysia.", "20,2 miliar ringgit Malaysia", "20200000000", "MYR"),
    E("Harga kamar 300 ringgit semalam.", "300 ringgit", "300", "MYR"),
    E("Tiongkok menyiapkan 100 miliar yuan.", "100 miliar yuan", "100000000000", "CNY"),
    E("Kredit 50 juta renminbi dikucurkan.", "50 juta renminbi", "50000000", "CNY"),
    E("Dana RMB 3 miliar disiapkan.", "RMB 3 miliar", "3000000000", "CNY"),
    E("Nilainya CNY 800 juta.", "CNY 800 juta", "800000000", "CNY"),
    E("Pinjaman 21,96 juta euro dari Denmark.", "21,96 juta euro", "21960000", "EUR"),
    E("Lukisan senilai 50 juta Euro dicuri.", "50 juta Euro", "50000000", "EUR"),
    E("Tiket kereta €45 sekali jalan.", "€45", "45", "EUR"),
    E("Harganya 20€ saja.", "20€", "20", "EUR"),
    E("Anggaran EUR 2,5 miliar disetujui.", "EUR 2,5 miliar", "2500000000", "EUR"),
    E("Kurs naik ke 105,37 yen pada sore hari.", "105,37 yen", "105.37", "JPY"),
    E("Pinjaman ¥ 10 miliar dari Jepang.", "¥ 10 miliar", "10000000000", "JPY"),
    E("Bantuan JPY 5 miliar diteken.", "JPY 5 miliar", "5000000000", "JPY"),
    E("Nilai investasi 517 juta Pound Sterling.", "517 juta Pound Sterling", "517000000", "GBP"),
    E("Klub membayar £ 60 juta untuk pemain itu.", "£ 60 juta", "60000000", "GBP"),
    E("Transfer 80 juta poundsterling tercatat.", "80 juta poundsterling", "80000000", "GBP"),
    E("Gajinya GBP 200 ribu per pekan.", "GBP 200 ribu", "200000", "GBP", unit="pekan"),
    E("Korea menyiapkan 1.000 miliar won.", "1.000 miliar won", "1000000000000", "KRW"),
    E("Harga tiket 500 baht Thailand.", "500 baht Thailand", "500", "THB"),
    E("Jemaah membayar 1.500 riyal untuk dam.", "1.500 riyal", "1500", "SAR"),
    E("Nilai proyek HK$ 10 miliar.", "HK$ 10 miliar", "10000000000", "HKD"),
    E("Dana A$ 2 juta diberikan Australia.", "A$ 2 juta", "2000000", "AUD"),
    E("Denda 900 rupee harus dibayar.", "900 rupee", "900", "INR"),
    E("Donasi 5 juta dolar Australia diterima.", "5 juta dolar Australia", "5000000", "AUD"),
    E("Kapal itu dibeli 40 juta dolar Hong Kong.", "40 juta dolar Hong Kong", "40000000", "HKD"),
    # ranges
    E("Biaya renovasi Rp 4-5 juta per rumah.", "Rp 4-5 juta", "4000000", "IDR", "5000000", unit="rumah"),
    E("Kebutuhan dana Rp 6 triliun-Rp 10 triliun.", "Rp 6 triliun-Rp 10 triliun", "6000000000000", "IDR",
      "10000000000000"),
    E("Nilainya antara Rp 2 miliar dan Rp 3 miliar.", "Rp 2 miliar dan Rp 3 miliar", "2000000000", "IDR",
      "3000000000"),
    E("Kurs bergerak Rp 9.150 sampai Rp 9.175 per dolar AS.", "Rp 9.150 sampai Rp 9.175", "9150", "IDR", "9175",
      unit="dolar AS"),
    E("Harga sapi Rp 15 juta hingga Rp 20 juta.", "Rp 15 juta hingga Rp 20 juta", "15000000", "IDR", "20000000"),
    E("Upah harian Rp 100 - 150 ribu.", "Rp 100 - 150 ribu", "100000", "IDR", "150000"),
    E("Gajinya Rp 900 ribu-1,2 juta sebulan.", "Rp 900 ribu-1,2 juta", "900000", "IDR", "1200000"),
    E("Modal yang diperlukan 4-5 juta rupiah.", "4-5 juta rupiah", "4000000", "IDR", "5000000"),
    E("Harga rumah itu antara dua dan tiga miliar rupiah.", "dua dan tiga miliar rupiah", "2000000000", "IDR",
      "3000000000"),
    E("Nilai transaksi US$ 1,5-2 miliar.", "US$ 1,5-2 miliar", "1500000000", "USD", "2000000000"),
    E("Tarif ojek Rp 10 ribu s/d Rp 15 ribu.", "Rp 10 ribu s/d Rp 15 ribu", "10000", "IDR", "15000"),
    E("Harga cabai Rp 40.000–Rp 50.000 per kg.", "Rp 40.000–Rp 50.000", "40000", "IDR", "50000", unit="kg"),
    # qualifiers (outside the span)
    E("Kerugian sekitar Rp 5 juta.", "Rp 5 juta", "5000000", "IDR", qualifier="sekitar"),
    E("Dana yang hilang hampir Rp 2 miliar.", "Rp 2 miliar", "2000000000", "IDR", qualifier="hampir"),
    E("Ia membawa lebih dari US$ 100 miliar ke luar negeri.", "US$ 100 miliar", "100000000000", "USD",
      qualifier="lebih dari"),
    E("Penghasilannya kurang dari US $ 1 per hari.", "US $ 1", "1", "USD", unit="hari", qualifier="kurang dari"),
    E("Omzet mencapai Rp 1,4 triliun.", "Rp 1,4 triliun", "1400000000000", "IDR", qualifier="mencapai"),
    E("Kira-kira Rp 300 ribu habis untuk bensin.", "Rp 300 ribu", "300000", "IDR", qualifier="kira-kira"),
    E("Bonusnya sedikitnya Rp 10 juta.", "Rp 10 juta", "10000000", "IDR", qualifier="sedikitnya"),
    E("Nilai proyek tidak kurang dari Rp 1 triliun.", "Rp 1 triliun", "1000000000000", "IDR",
      qualifier="tidak kurang dari"),
    E("Biaya kuliah bisa mencapai sekitar Rp 50 juta.", "Rp 50 juta", "50000000", "IDR", qualifier="sekitar"),
    E("Harga naik sekitar antara Rp 2 juta dan Rp 3 juta.", "Rp 2 juta dan Rp 3 juta", "2000000", "IDR", "3000000",
      qualifier="sekitar"),
    # per-unit prices and exchange rates
    E("Premium dijual Rp 5.480 per liter.", "Rp 5.480", "5480", "IDR", unit="liter"),
    E("Rupiah melemah ke Rp 9.830 per dollar AS.", "Rp 9.830", "9830", "IDR", unit="dollar AS"),
    E("Beras dijual Rp 12.000/kg di pasar.", "Rp 12.000", "12000", "IDR", unit="kg"),
    E("Dividen Rp 120 per saham dibagikan.", "Rp 120", "120", "IDR", unit="saham"),
    E("Harga telur Rp 28.000 setiap kilogram.", "Rp 28.000", "28000", "IDR", unit="kilogram"),
    E("Laba Rp 21 miliar per 30 Juni tercatat.", "Rp 21 miliar", "21000000000", "IDR"),
    E("Saldo Rp 3 triliun per akhir Maret.", "Rp 3 triliun", "3000000000000", "IDR"),
    E("Kurs ditutup Rp 9.480 per US dolar.", "Rp 9.480", "9480", "IDR", unit="US dolar"),
    E("Rupiah sempat menyentuh Rp 9.355 dolar AS siang tadi.", "Rp 9.355", "9355", "IDR", unit="dolar AS"),
    # mixed and repeated forms
    E("Modal disetor menjadi 2 juta satu dolar AS tahun ini.", "2 juta satu dolar AS", "2000001", "USD"),
    E("Hadiahnya Rp 5 juta rupiah tunai.", "Rp 5 juta rupiah", "5000000", "IDR"),
    E("Target kredit Rp 14 - Rp 15 triliun tahun ini.", "Rp 14 - Rp 15 triliun", "14000000000000", "IDR",
      "15000000000000"),
    E("Aset itu dijual Rp 5 miliar milik negara.", "Rp 5 miliar", "5000000000", "IDR"),
    E("Nilai ekspor US$ 1,500 miliar tercatat.", "US$ 1,500 miliar", "1500000000", "USD"),
    E("Anggaran Rp 1,500-2,000 triliun diusulkan.", "Rp 1,500-2,000 triliun", "1500000000000", "IDR",
      "2000000000000"),
    E("Harga saham naik ke Rp 1.500,50 per lembar.", "Rp 1.500,50", "1500.5", "IDR", unit="lembar"),
    E("Harganya $1,500.00 di toko daring.", "$1,500.00", "1500", "USD"),
    E("Subsidi energi dikhawatirkan tembus Rp 1 kuadriliun.", "Rp 1 kuadriliun", "1000000000000000", "IDR"),
    E("Perusahaan itu mengumpulkan US$ 2.5 billion dari IPO.", "US$ 2.5 billion", "2500000000", "USD"),
    E("Nilai akuisisi USD 300 million diumumkan.", "USD 300 million", "300000000", "USD"),
    E("Iran menjual minyak seharga 2 juta rial Iran per barel.", "2 juta rial Iran", "2000000", "IRR", unit="barel"),
    E("Jemaah menukar 500 riyal Saudi di bandara.", "500 riyal Saudi", "500", "SAR"),
    E("Pendapatan per kapita naik menjadi US$ 4.580.", "US$ 4.580", "4580", "USD"),
    E("Donasinya $ 250.000 untuk korban banjir.", "$ 250.000", "250000", "USD"),
    E("Tiket pesawat itu $1,500 sekali jalan.", "$1,500", "1500", "USD"),
    E("Dividen tunai 0,475 dolar AS per lembar saham.", "0,475 dolar AS", "0.475", "USD", unit="lembar"),
    E("Kurs melemah menjadi Rp9.175/9.180 per dolar AS.", "Rp9.175/9.180", "9175", "IDR", "9180", unit="dolar AS"),
    E("Kurs sehari sebelumnya Rp 9.117 / 133 per dolar AS.", "Rp 9.117", "9117", "IDR"),
    E("dana hibah sgd 5 juta diterima", "sgd 5 juta", "5000000", "SGD"),
    E("nilai kontraknya 30 juta eur", "30 juta eur", "30000000", "EUR"),
    E("Harga jual US$ 4,5 juta per unit.", "US$ 4,5 juta", "4500000", "USD", unit="unit"),
    E("Rusia menyiapkan 5 triliun rubel untuk subsidi.", "5 triliun rubel", "5000000000000", "RUB"),
    E("Harga tiket museum 200 lira Turki.", "200 lira Turki", "200", "TRY"),
    E("Dana US$ 5 bn cair pekan lalu.", "US$ 5 bn", "5000000000", "USD"),
    E("Hibahnya 7 mln euro.", "7 mln euro", "7000000", "EUR"),
    E("Petrobras meminjam R$ 3 miliar.", "R$ 3 miliar", "3000000000", "BRL"),
    # more news-style sentences
    E("Pemprov mengalokasikan Rp 12,5 miliar untuk perbaikan jalan.", "Rp 12,5 miliar", "12500000000", "IDR"),
    E("Bantuan langsung tunai sebesar Rp600 ribu per keluarga.", "Rp600 ribu", "600000", "IDR", unit="keluarga"),
    E("Harga Pertalite tetap Rp 10.000 per liter.", "Rp 10.000", "10000", "IDR", unit="liter"),
    E("Nilai tukar rupiah ditutup di level Rp 15.650 per dolar AS.", "Rp 15.650", "15650", "IDR", unit="dolar AS"),
    E("Investasi Tesla diperkirakan US$ 5 miliar.", "US$ 5 miliar", "5000000000", "USD"),
    E("Kerugian negara ditaksir mencapai Rp 271 triliun.", "Rp 271 triliun",
      "271000000000000", "IDR", qualifier="mencapai"),
    E("Gaji UMP Jakarta 2024 sebesar Rp 5.067.381.", "Rp 5.067.381", "5067381", "IDR"),
    E("Pendapatan per kapita mencapai USD 4.919,7.", "USD 4.919,7", "4919.7", "USD", qualifier="mencapai"),
    E("Kapitalisasi pasar menembus Rp 11.000 triliun.", "Rp 11.000 triliun", "11000000000000000", "IDR"),
    E("Saham BBCA ditutup menguat 1,2% ke Rp 9.875.", "Rp 9.875", "9875", "IDR"),
    E("Harga tiket konser mulai dari Rp 1,5 juta hingga Rp 7 juta.", "Rp 1,5 juta hingga Rp 7 juta",
      "1500000", "IDR", "7000000"),
    E("Proyek kereta cepat menelan biaya US$7,27 miliar.", "US$7,27 miliar", "7270000000", "USD"),
    E("Dana Otsus Papua Rp 8,5 T tahun ini.", "Rp 8,5 T", "8500000000000", "IDR"),
    E("Ia didenda Rp 50 juta subsider 3 bulan kurungan.", "Rp 50 juta", "50000000", "IDR"),
    E("Harga cabai rawit Rp 80 ribu/kg di Pasar Induk.", "Rp 80 ribu", "80000", "IDR", unit="kg"),
    E("Defisit APBN 2,29 persen atau Rp 507,8 triliun.", "Rp 507,8 triliun", "507800000000000", "IDR"),
    E("Jepang memberi pinjaman 100 miliar yen.", "100 miliar yen", "100000000000", "JPY"),
    E("Biaya haji 2024 ditetapkan Rp 93,4 juta per jemaah.", "Rp 93,4 juta", "93400000", "IDR", unit="jemaah"),
    E("Pemerintah menerbitkan SBN senilai Rp 20 triliun pada 12/3.", "Rp 20 triliun", "20000000000000", "IDR"),
    E("Harga beras medium Rp 12.500 - Rp 13.000 per kilogram.", "Rp 12.500 - Rp 13.000",
      "12500", "IDR", "13000", unit="kilogram"),
    E("Bank Dunia mengucurkan pinjaman 500 juta dolar AS.", "500 juta dolar AS", "500000000", "USD"),
    E("Tarif ojol naik jadi Rp 2.500 per km.", "Rp 2.500", "2500", "IDR", unit="km"),
    E("Startup itu meraih pendanaan Seri B US$ 30 juta.", "US$ 30 juta", "30000000", "USD"),
    E("Ekspor nikel mencapai US$ 33,8 miliar pada 2023.", "US$ 33,8 miliar",
      "33800000000", "USD", qualifier="mencapai"),
    E("Ia membeli ponsel seharga 3 juta rupiah.", "3 juta rupiah", "3000000", "IDR"),
    E("Harga minyak Brent US$ 85,3 per barel.", "US$ 85,3", "85.3", "USD", unit="barel"),
    E("Tiket promo hanya 99 ribu rupiah.", "99 ribu rupiah", "99000", "IDR"),
    E("Donasi terkumpul lebih dari Rp 1 miliar dalam sehari.", "Rp 1 miliar",
      "1000000000", "IDR", qualifier="lebih dari"),
    E("Nilai proyek sekitar 1,2 miliar euro.", "1,2 miliar euro", "1200000000", "EUR", qualifier="sekitar"),
    E("Korsel menjanjikan 2 triliun won.", "2 triliun won", "2000000000000", "KRW"),
    E("Dia membayar SGD 1.200 untuk sewa.", "SGD 1.200", "1200", "SGD"),
    E("Nilainya Rp 1 T lebih.", "Rp 1 T", "1000000000000", "IDR"),
    E("Harganya cuma goceng alias Rp 5 ribu.", "Rp 5 ribu", "5000", "IDR"),
    E("Harga perdana saham Rp 1.000/lembar.", "Rp 1.000", "1000", "IDR", unit="lembar"),
    E("Mereka meminta ganti rugi USD 1 juta.", "USD 1 juta", "1000000", "USD"),
    E("Utang luar negeri Indonesia US$ 400,9 miliar.", "US$ 400,9 miliar", "400900000000", "USD"),
    E("Dana talangan $700 miliar disetujui Kongres.", "$700 miliar", "700000000000", "USD"),
    E("Harga Bitcoin menembus $60.000.", "$60.000", "60000", "USD"),
    E("Rp 500 juta-Rp 1 miliar per desa.", "Rp 500 juta-Rp 1 miliar", "500000000", "IDR", "1000000000", unit="desa"),
]

NOT_MONEY = [
    "Inflasi tahun ini 5,4 persen.",
    "Suku bunga naik 0,25%.",
    "Total ada 347 proyek kerja sama.",
    "Inisiatif itu diluncurkan pada 2015.",
    "Pertemuan digelar pada 15/12 di Jakarta.",
    "Hubungi kami di 0812-3456-7890.",
    "Nomor telepon kantor (021) 555-1234.",
    "Pesawat Boeing 737 mendarat di Sorong.",
    "Mobil listrik EQ2 dikirim ke Singapura.",
    "Ponsel Galaxy S24 dirilis bulan lalu.",
    "Harga dalam Rp belum termasuk pajak.",
    "Nilai tukar rupiah melemah 20 poin.",
    "Rupiah menguat terhadap dolar AS.",
    "Pada 2007 dolar AS melemah terhadap yen.",
    "Sejak 1998 rupiah terpuruk.",
    "Kurs sempat menyentuh Rp 9.4 per dolar AS.",
    "Kerugian mencapai ratusan juta rupiah.",
    "Ribuan dolar hilang begitu saja.",
    "Ada 33 pencapaian kelembagaan.",
    "Sebanyak 30 perusahaan Singapura datang.",
    "Rapat 5 Maret 2025 dihadiri 40 orang.",
    "Yen melemah 0,3 persen terhadap dolar.",
    "Kode saham BBRI naik 5 poin.",
    "Euro dikutip pada 1,2936 - 2941 dolar.",
    "Yen bergerak di 162,55 - 65 yen.",
    "Ia lahir pada 12 Desember 1990.",
    "Pukul 10.30 WIB rapat dimulai.",
    "Nilai ekspor naik 12 persen dari tahun lalu.",
    "Tim itu won the match 3-1.",
    "Ia tinggal di RT 5 RW 3.",
    # vague, misspelt or contradictory amounts: nothing rather than a wrong magnitude
    "Harga kaos itu Rp 20 ribuan saja.",
    "Omzetnya dari Rp 140-an miliar naik.",
    "Laba naik dari Rp 159 miilar tahun lalu.",
    "Utangnya Rp 3 milyard lebih.",
    "Pinjaman itu Rp 15,0 juta dolar AS.",
    "Kurs bergerak Rp 9 - 9.1 per dolar AS.",
    "Ia membayar Rp 315,000 untuk buku itu.",
    "Harganya US$ 1,500 di situs resmi.",
    "Harganya HK$ 1,500 di situs resmi.",
    "Harganya S$ 1,500 di situs resmi.",
    "Harga nikel 29,149 dolar AS per ton.",
    "Kode promo $15/12 berlaku hari ini.",
    "Situs itu ditulis dengan PHP 8.2 dan Python 3.",
    "Mereka ingin try 5 kali lagi.",
    "Model CAD 3 dimensi dibuat.",
    "Tim SAR 20 orang dikerahkan ke lokasi.",
    "Alat AED 2 unit dipasang di stasiun.",
    "Startup itu mengumpulkan $5M dari investor.",
    "Saham IBM ditutup pada $ 50.875 per lembar.",
    "Nilainya $ 20.125 juta menurut laporan itu.",
    "Valuasinya US$ 2 M menurut laporan.",
    "Laba bersihnya Rp 7.000-an per hari.",
    "Cukai rokok naik 10 persen tahun depan.",
    "Harga tanah Rp 2 jutaan per meter.",
    "Sebanyak 1.200 pekerja di-PHK tahun 2020.",
    "Inflasi Januari 2,57% (yoy).",
    "Nomor rekening 123-456-789 atas nama panitia.",
    "Pada 17/8/2024 upacara digelar.",
    "Ia lahir 1 Januari 1980.",
    "Jalan Tol Cipali sepanjang 116 km.",
    "Kapal itu berbobot 3.000 ton.",
]


def only(sentence):
    found = find_money(sentence)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.text for e in EXAMPLES])
def test_find_money(example):
    match = only(example.sentence)
    assert match.text == example.text
    assert example.sentence[match.start : match.end] == example.text
    money = match.money
    assert money.amount == Decimal(example.amount)
    assert money.amount_max == (Decimal(example.amount_max) if example.amount_max else None)
    assert money.currency == example.currency
    assert money.unit == example.unit
    assert money.qualifier == example.qualifier


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_not_money(sentence):
    assert find_money(sentence) == []


def test_two_amounts_in_one_sentence():
    found = find_money("Laba naik dari Rp 7,7 triliun menjadi Rp 7,8 triliun, atau 520 juta dolar AS.")
    assert [(m.text, m.money.value) for m in found] == [
        ("Rp 7,7 triliun", "7700000000000 IDR"),
        ("Rp 7,8 triliun", "7800000000000 IDR"),
        ("520 juta dolar AS", "520000000 USD"),
    ]


def test_separate_amounts_joined_by_dan_are_not_a_range():
    found = find_money("Ia menyumbang Rp 5 juta dan Rp 7 juta.")
    assert [m.money.value for m in found] == ["5000000 IDR", "7000000 IDR"]


def test_broken_range_keeps_the_first_amount():
    found = find_money("Tiket Rp 100 ribu - 2 orang.")
    assert [m.money.value for m in found] == ["100000 IDR"]


@pytest.mark.parametrize(
    "text,value",
    [
        ("Rp 1,5 triliun", "1500000000000 IDR"),
        ("$26 miliar", "26000000000 USD"),
        ("$10,8 juta", "10800000 USD"),
        ("sekitar Rp 5 juta", "5000000 IDR"),
        ("Rp 4-5 juta", "4000000-5000000 IDR"),
        ("USD1,23", "1.23 USD"),
        ("Rp 5.480 per liter", "5480 IDR"),
    ],
)
def test_parse_money(text, value):
    assert parse_money(text).value == value


@pytest.mark.parametrize("text", ["Rp", "347 proyek", "2025", "15/12", "10%", "Rp 5 juta dan Rp 7 juta", "kata Rp 5"])
def test_parse_money_rejects(text):
    assert parse_money(text) is None


@pytest.mark.parametrize(
    "amount,text", [("26000000000", "26000000000"), ("10800000.0", "10800000"), ("1.230", "1.23"), ("0.5", "0.5")]
)
def test_format_amount(amount, text):
    assert format_amount(Decimal(amount)) == text


def test_invariants_on_generated_text():
    """Random strings of money-like pieces: matches are exact, ordered, disjoint, positive, ranges ascending."""
    import random

    pieces = [
        "Rp", "$", "US$", "juta", "miliar", "-", "dan", "antara", "5", "1.000", "2,5", "rupiah", "dolar AS", "per",
        "liter", "M", "T", "K", "sekitar", "hingga", "Rp.", "IDR", "20Rp", "ribuan", "-an", "/", "%", "persen",
        "1,500", "9.4", "satu", "setengah", "dua puluh", "(", ")", "\n", "  ", "2015", "15/12", "yen", "S$",
    ]
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        end = 0
        for match in find_money(text):
            assert text[match.start : match.end] == match.text == match.text.strip()
            assert match.start >= end
            end = match.end
            assert match.money.amount > 0
            assert match.money.amount_max is None or match.money.amount_max > match.money.amount
            found += 1
    assert found > 100
