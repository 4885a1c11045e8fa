"""factx.orgs.repairs: number words, lone legal forms and letters, reduplicated plurals, names running into an open
bracket, a region running into its head's name, airlines and bare regional commands.

The model's entities are set by hand (see :mod:`tests.orgs_cases`); the sentences are written for these tests."""

from __future__ import annotations

import pytest

from .orgs_cases import blank, run  # noqa: F401  (blank is a fixture)

CASES = [
    # (text, entities the model found, entities after factx_orgs as (text, label, value))
    (  # a number word at the start of a sentence is no name
        "Para atlet tiba di Medan. Tujuh pelari lain menyusul besok.",
        [("Medan", "LOC"), ("Tujuh", "PER")],
        [("Medan", "LOC", None)],
    ),
    (
        "Dua Puluh kapal nelayan berlabuh di Ambon.",
        [("Dua Puluh", "ORG"), ("Ambon", "LOC")],
        [("Ambon", "LOC", None)],
    ),
    (  # ... but a place named like a number stays (the model's LOC)
        "Delegasi itu terbang ke Lima pada pagi hari.",
        [("Lima", "LOC")],
        [("Lima", "LOC", None)],
    ),
    (  # a legal form alone names no company
        "Syarat tender hanya bisa dipenuhi PT yang sudah terdaftar.",
        [("PT", "ORG")],
        [],
    ),
    (  # ... but "PD" is also a party's acronym
        "Kader PD menolak usulan itu.",
        [("PD", "ORG")],
        [("PD", "ORG", "PD")],
    ),
    (  # one letter is no organisation
        "Surat itu diteken oleh K dan dikirim ke Surabaya.",
        [("K", "ORG"), ("Surabaya", "LOC")],
        [("Surabaya", "LOC", None)],
    ),
    (  # a reduplicated plural is a class, not a name
        "Koperasi - koperasi kecil menolak aturan itu.",
        [("Koperasi - koperasi", "ORG")],
        [],
    ),
    (  # a name that runs into an open bracket: the name and its short form
        "Mantan presiden Bacharuddin Jusuf Habibie ( BJH ) berpidato di Makassar.",
        [("Bacharuddin Jusuf Habibie ( BJH", "PER"), ("Makassar", "LOC")],
        [("Bacharuddin Jusuf Habibie", "PER", None), ("BJH", "PER", None), ("Makassar", "LOC", None)],
    ),
    (  # ... a closed bracket is left as it is
        "Rapat dipimpin Wahyu Setiawan ( Ketua ) di Solo.",
        [("Wahyu Setiawan", "PER"), ("Solo", "LOC")],
        [("Wahyu Setiawan", "PER", None), ("Solo", "LOC", None)],
    ),
    (  # a region that runs into its head's name: the place, then the person
        "Acara dibuka Gubernur Sumatera Barat Hendra Wijaya pada pagi hari.",
        [("Sumatera Barat Hendra Wijaya", "LOC")],
        [("Sumatera Barat", "LOC", None), ("Hendra Wijaya", "PER", None)],
    ),
    (  # a region named by a word and a compass word, the title inside the LOC
        "Hadir pula Bupati Lombok Tengah Suryadi di lokasi.",
        [("Bupati Lombok Tengah Suryadi", "LOC")],
        [("Lombok Tengah", "LOC", None), ("Suryadi", "PER", None)],
    ),
    (  # ... but a region's whole name stays a LOC
        "Wakil Gubernur Kalimantan Timur hadir di Samarinda.",
        [("Kalimantan Timur", "LOC"), ("Samarinda", "LOC")],
        [("Kalimantan Timur", "LOC", None), ("Samarinda", "LOC", None)],
    ),
    (  # ... and so does a LOC after no regional title
        "Warga Jawa Tengah Selatan menolak tambang itu.",
        [("Jawa Tengah Selatan", "LOC")],
        [("Jawa Tengah Selatan", "LOC", None)],
    ),
    (  # an airline: "Air" + a country
        "Penumpang pesawat Air India itu selamat.",
        [("India", "LOC")],
        [("Air India", "ORG", "Air India")],
    ),
    (  # ... not water at the start of a sentence, nor a place after it that runs on into a name
        "Air Senegal meluap. Mereka minum air India Gate.",
        [],
        [("Senegal", "LOC", None)],
    ),
    (  # a bare regional police command is an ORG; one with its region keeps the corpus convention
        "Polda Riau menahan dua orang. Polda juga menyita dokumen.",
        [("Riau", "LOC")],
        [("Riau", "LOC", None), ("Polda", "ORG", "Polda")],
    ),
    (  # a person's name cut after an initial runs on through the name after it
        "Buku karya Hendra K . Wibisono laris di Bandung.",
        [("Hendra K .", "PER"), ("Wibisono", "LOC"), ("Bandung", "LOC")],
        [("Hendra K . Wibisono", "PER", None), ("Bandung", "LOC", None)],
    ),
    (  # a generational suffix belongs to the name, with its full stop
        "Ayahnya, Robert Kennedy , Sr . bekerja di Boston.",
        [("Robert Kennedy", "PER"), ("Boston", "LOC")],
        [("Robert Kennedy , Sr .", "PER", None), ("Boston", "LOC", None)],
    ),
    (
        "Rekaman Frank Lawson Jr . dirilis ulang.",
        [("Frank Lawson Jr", "PER")],
        [("Frank Lawson Jr .", "PER", None)],
    ),
    (  # ... a PER that ends in a whole word is left as it is
        "Menurut Budi Santoso . Rapat ditunda.",
        [("Budi Santoso", "PER")],
        [("Budi Santoso", "PER", None)],
    ),
    (  # a youth team is cut to its club
        "Pelatih Arema U - 19 memanggil dua pemain baru.",
        [("Arema U - 19", "ORG")],
        [("Arema", "ORG", "Arema")],
    ),
    (  # two places joined by a dash: both
        "Rute Ternate - Manado dibuka kembali.",
        [("Ternate - Manado", "LOC")],
        [("Ternate", "LOC", None), ("Manado", "LOC", None)],
    ),
    (  # ... but not a place whose name has a dash of its own
        "Ia lahir di Guinea - Bissau.",
        [("Guinea - Bissau", "LOC")],
        [("Guinea - Bissau", "LOC", None)],
    ),
    (  # an official's short title is not part of the name
        "Menurut Menlu Retno Prasetyo, kunjungan itu penting.",
        [("Menlu Retno Prasetyo", "PER")],
        [("Retno Prasetyo", "PER", None)],
    ),
    (  # ... a title alone is no place, and a title before an acronym is left to the other rules
        "Kapolri menemui Menhut WWF di Bogor.",
        [("Kapolri", "LOC"), ("Menhut WWF", "PER"), ("Bogor", "LOC")],
        [("Menhut WWF", "PER", None), ("Bogor", "LOC", None)],
    ),
    (  # ... but a PER title alone is the official
        "Usulan itu ditolak Menkeu kemarin.",
        [("Menkeu", "PER")],
        [("Menkeu", "PER", None)],
    ),
    (  # buildings and landmarks are places (place_heads), whatever the model made of them
        "Wisatawan memadati Candi Jago dan Pertokoan Sinar Baru di Malang.",
        [("Pertokoan Sinar Baru", "PER"), ("Malang", "LOC")],
        [("Candi Jago", "LOC", None), ("Pertokoan Sinar Baru", "LOC", None), ("Malang", "LOC", None)],
    ),
    (
        "Demo berakhir di Bundaran Tugu Tani dekat Masjid Agung Cianjur.",
        [],
        [("Bundaran Tugu Tani", "LOC", None), ("Masjid Agung Cianjur", "LOC", None)],
    ),
    (  # an exchange is an organisation (tails), even where the model took a place for its start
        "Harga kopi di Tokyo Commodity Exchange naik.",
        [("Tokyo Commodity Exchange", "LOC")],
        [("Tokyo Commodity Exchange", "ORG", "Tokyo Commodity Exchange")],
    ),
    (  # two companies joined by "dan", each ending in a company word
        "Analis Cahaya Arta Sekuritas dan Bintang Timur Sekuritas sepakat.",
        [("Cahaya Arta Sekuritas dan Bintang Timur Sekuritas", "ORG")],
        [("Cahaya Arta Sekuritas", "ORG", "Cahaya Arta Sekuritas"),
         ("Bintang Timur Sekuritas", "ORG", "Bintang Timur Sekuritas")],
    ),
    (  # ... one name with "dan" inside stays whole
        "Rapat Kamar Dagang dan Industri Jepang digelar.",
        [("Kamar Dagang dan Industri Jepang", "ORG")],
        [("Kamar Dagang dan Industri Jepang", "ORG", "Kamar Dagang dan Industri Jepang")],
    ),
    (  # academic degrees after a name are not part of it
        "Menurut Rudi Hartanto SE, MM, penjualan naik.",
        [("Rudi Hartanto SE, MM", "PER")],
        [("Rudi Hartanto", "PER", None)],
    ),
    (
        "Kepala sekolah Sari Dewi MPd membuka acara.",
        [("Sari Dewi MPd", "PER")],
        [("Sari Dewi", "PER", None)],
    ),
    (  # ... a suffix that is no degree stays
        "Ayahnya, Robert Kennedy , Jr . datang.",
        [("Robert Kennedy , Jr .", "PER")],
        [("Robert Kennedy , Jr .", "PER", None)],
    ),
    (  # an entity never ends in a question mark
        "Lukisan itu ada di Museum Sonobudoyo ? ? kata dia.",
        [("Museum Sonobudoyo ? ?", "LOC")],
        [("Museum Sonobudoyo", "LOC", None)],
    ),
    (  # a regional official's title alone is no organisation
        "Sekdes menyerahkan berkas itu.",
        [("Sekdes", "ORG")],
        [],
    ),
]


@pytest.mark.parametrize("text, ents, expected", CASES)
def test_repairs(blank, text, ents, expected):  # noqa: F811
    assert run(blank, text, ents) == expected
