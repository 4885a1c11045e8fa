"""factx.events: dated clauses whose predicate used to make no frame (issue 14), table-driven; each case a text of
our own in the style of Indonesian news, its entities, the frames expected.

Verbs of saying are STATEMENT frames (kept, like OTHER, only with a date or an amount) and what was said takes the
day it was said only when its own clause has no date; a negating verb ("gagal") is the predicate of a negated
clause; "untuk kemudian" opens a clause; "dan pada 1973," dates the predicate after it; a date fronted before
"setelah ...," dates the main predicate too; verbs that were no predicates ("mengikuti", "menghadapi", "berubah",
"tampil", "wafat", "pecah") are OTHER frames when dated.
"""

from __future__ import annotations

import pytest

from factx.events import EventsComponent

from .events_helpers import IDR, blank_pipeline, frame, make_doc, summary


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


STATEMENTS = [
    # the inverted attribution of a quote: the statement has the report day, the quote's own date stays its own
    ("Kami sudah menyerahkan dokumen itu pada 2 Mei, kata Budi di Jakarta, Senin (6/5/2024).",
     [("2 Mei", "DATE", "2024-05-02"), ("Budi", "PER", None), ("Jakarta", "LOC", None),
      ("Senin (6/5/2024)", "DATE", "2024-05-06")],
     [frame("OTHER", "menyerahkan", "2024-05-02"),
      frame("STATEMENT", "kata", "2024-05-06", people=["Budi"], places=["Jakarta"])]),
    # a verb of saying ends its segment: what was said keeps its predicate (a FIGURE here), and its date
    ("Direktur Utama PT Sinar Abadi, Rabu (8/5/2024), mengatakan laba naik 20 persen pada kuartal I 2024.",
     [("PT Sinar Abadi", "ORG", "PT Sinar Abadi"), ("Rabu (8/5/2024)", "DATE", "2024-05-08"),
      ("kuartal I 2024", "DATE", "2024-01/2024-03")],
     [frame("STATEMENT", "mengatakan", "2024-05-08", ["PT Sinar Abadi"]),
      frame("FIGURE", "naik", "2024-01/2024-03")]),
    # what was said without a predicate of its own goes on to the predicate that follows it, with its date
    ("PT Timah, Selasa (28/5/2024), menyatakan dalam tiga bulan pertama per Maret 2024, meraih laba Rp 314 miliar.",
     [("PT Timah", "ORG", "PT Timah Tbk"), ("Selasa (28/5/2024)", "DATE", "2024-05-28"),
      ("tiga bulan pertama per Maret 2024", "DATE", "2024-01/2024-03"), ("Rp 314 miliar", "MONEY", (314 * 10**9, IDR))],
     [frame("STATEMENT", "menyatakan", "2024-05-28", ["PT Timah Tbk"]),
      frame("OTHER", "meraih", "2024-01/2024-03", ["PT Timah Tbk"], money=[(314 * 10**9, IDR)])]),
    # an impersonal passive ("Disebutkan, ...") has no agent after it: what follows is what was said
    ("Disebutkan, per Juni 2024, pemegang saham bank itu terdiri atas pemerintah dan masyarakat.",
     [("Juni 2024", "DATE", "2024-06")], []),
    # the subject of a passive verb of saying is what was said: its year is not the day of saying
    ("Target defisit APBN tahun 2025 diungkapkan Menteri Keuangan di Jakarta, Rabu (4/6/2024).",
     [("tahun 2025", "DATE", "2025"), ("Jakarta", "LOC", None), ("Rabu (4/6/2024)", "DATE", "2024-06-04")],
     [frame("STATEMENT", "diungkapkan", "2024-06-04", places=["Jakarta"])]),
    # an admission with a set-off day of its own
    ("Menteri Perdagangan mengakui harga beras belum turun, Kamis (9/5/2024).",
     [("Kamis (9/5/2024)", "DATE", "2024-05-09")],
     [frame("STATEMENT", "mengakui", "2024-05-09")]),
    # a passive verb of saying with its agent after it
    ("Hal itu ditegaskan Ketua KPU Hasyim Asy'ari di Jakarta, Sabtu (11/5/2024).",
     [("KPU", "ORG", "Komisi Pemilihan Umum"), ("Hasyim Asy'ari", "PER", None), ("Jakarta", "LOC", None),
      ("Sabtu (11/5/2024)", "DATE", "2024-05-11")],
     [frame("STATEMENT", "ditegaskan", "2024-05-11", ["Komisi Pemilihan Umum"], ["Hasyim Asy'ari"], ["Jakarta"])]),
    # a typed predicate of the same segment wins over "kata": "usai bertemu" is the MEETING, with the day
    ("Pasar masih stabil, kata Gubernur BI usai bertemu Presiden di Istana, Selasa (14/5/2024).",
     [("BI", "ORG", "Bank Indonesia"), ("Istana", "LOC", None), ("Selasa (14/5/2024)", "DATE", "2024-05-14")],
     [frame("MEETING", "bertemu", "2024-05-14", ["Bank Indonesia"], places=["Istana"])]),
    # a verb of saying without a date or an amount is no frame, like OTHER
    ("Perusahaan itu menyatakan siap membayar denda.", [], []),
    # what a conjunction holds before "kata X" stays with the clause before it, not with the saying
    ("Harga beras naik tajam karena musim kemarau pada Maret 2024, kata analis, Jumat.",
     [("Maret 2024", "DATE", "2024-03"), ("Jumat", "DATE", None)],
     [frame("FIGURE", "naik", "2024-03"), frame("STATEMENT", "kata", None)]),
    # a parenthetical "kata dia": what follows is still what was said, so its date is not the statement's
    ("Sebelumnya, kata dia, pada April 2023 PT Sinar Abadi dan mitranya menandatangani kontrak itu.",
     [("April 2023", "DATE", "2023-04"), ("PT Sinar Abadi", "ORG", "PT Sinar Abadi")],
     [frame("AGREEMENT", "menandatangani", "2023-04", ["PT Sinar Abadi"])]),
    # a year inside what was said before "kata X" is not the day it was said
    ("Tertinggi sejak krisis 1998, kata ekonom itu.", [("1998", "DATE", "1998")], []),
    # "kata X" after a dated predicate is no coordinated predicate: no date nor subject from it
    ("PT Sinar Abadi membayar utangnya pada 2 Mei, kata Budi, Senin.",
     [("PT Sinar Abadi", "ORG", "PT Sinar Abadi"), ("2 Mei", "DATE", "XXXX-05-02"), ("Budi", "PER", None),
      ("Senin", "DATE", None)],
     [frame("OTHER", "membayar", "XXXX-05-02", ["PT Sinar Abadi"]), frame("STATEMENT", "kata", None, people=["Budi"])]),
]

DATED = [
    # a negating verb is the predicate: the match happened, the win did not
    ("Persib gagal memenangi laga tandang di Stadion Manahan, Sabtu (18/5/2024).",
     [("Persib", "ORG", "Persib Bandung"), ("Stadion Manahan", "LOC", None),
      ("Sabtu (18/5/2024)", "DATE", "2024-05-18")],
     [frame("OTHER", "gagal", "2024-05-18", ["Persib Bandung"], places=["Stadion Manahan"])]),
    # ... but "tidak" negates without being an event
    ("Persib tidak memenangi laga itu, Sabtu (18/5/2024).",
     [("Persib", "ORG", "Persib Bandung"), ("Sabtu (18/5/2024)", "DATE", "2024-05-18")], []),
    # "untuk kemudian": the second predicate is a clause of its own with its own date
    ("Pada 2019, pemain itu keluar dari klub untuk kemudian bergabung dengan Persija pada 3 Januari 2020.",
     [("2019", "DATE", "2019"), ("Persija", "ORG", "Persija Jakarta"), ("3 Januari 2020", "DATE", "2020-01-03")],
     [frame("OTHER", "keluar", "2019"), frame("OTHER", "bergabung", "2020-01-03", ["Persija Jakarta"])]),
    # "dan pada 1998," belongs to the predicate after it
    ("Ia pindah ke Surabaya, dan pada 1998, keluarganya pindah ke Jakarta.",
     [("Surabaya", "LOC", None), ("1998", "DATE", "1998"), ("Jakarta", "LOC", None)],
     [frame("OTHER", "pindah", "1998", places=["Surabaya", "Jakarta"])]),  # the first, undated, is no frame
    # a date fronted before "setelah ...," dates the main predicate as well
    ("Pada 24 April 2024, setelah menggantikan Witan, Egy mencetak gol kemenangan.",
     [("24 April 2024", "DATE", "2024-04-24"), ("Witan", "PER", None), ("Egy", "PER", None)],
     [frame("OTHER", "menggantikan", "2024-04-24", people=["Witan"]),
      frame("OTHER", "mencetak", "2024-04-24", people=["Egy"])]),
    # verbs that used to be no predicates
    ("Pada 29 April 2024, ia mengikuti seleksi timnas di Jakarta.",
     [("29 April 2024", "DATE", "2024-04-29"), ("Jakarta", "LOC", None)],
     [frame("OTHER", "mengikuti", "2024-04-29", places=["Jakarta"])]),
    ("Efektif sejak Agustus 2023, PT Maju Jaya berubah nama menjadi PT Maju Jaya Abadi Tbk.",
     [("Agustus 2023", "DATE", "2023-08"), ("PT Maju Jaya", "ORG", "PT Maju Jaya"),
      ("PT Maju Jaya Abadi Tbk", "ORG", "PT Maju Jaya Abadi Tbk")],
     [frame("OTHER", "berubah", "2023-08", ["PT Maju Jaya", "PT Maju Jaya Abadi Tbk"])]),
    ("Pebalap muda itu tampil sebagai juara di Sirkuit Mandalika, Minggu (2/6/2024).",
     [("Sirkuit Mandalika", "LOC", None), ("Minggu (2/6/2024)", "DATE", "2024-06-02")],
     [frame("OTHER", "tampil", "2024-06-02", places=["Sirkuit Mandalika"])]),
    ("Sejak perang pecah pada 7 Juli, ribuan warga mengungsi.",
     [("7 Juli", "DATE", "XXXX-07-07")], [frame("OTHER", "pecah", "XXXX-07-07")]),
]


@pytest.mark.parametrize("text,ents,expected", STATEMENTS + DATED)
def test_dated_frames(nlp, text, ents, expected):
    doc = EventsComponent()(make_doc(nlp, text, ents))
    assert [summary(f) for f in doc._.events] == expected


def test_statement_is_a_weak_type():
    from factx.events.lexicon import lexicon

    lex = lexicon()
    assert "STATEMENT" in lex.types and "STATEMENT" in lex.weak
    assert {"mengatakan", "menyatakan", "mengakui", "ditegaskan"} <= lex.statement_verbs
    assert "kata" not in lex.statement_verbs  # "kata X": only at the start of its segment, no cut after it


def test_money_in_what_was_said_stays_there(nlp):
    """An amount in the reported clause is that clause's, not the statement's."""
    text = "Menkeu mengatakan, penerimaan pajak mencapai Rp 1.000 triliun."
    doc = EventsComponent()(make_doc(nlp, text, [("Rp 1.000 triliun", "MONEY", (10**15, IDR))]))
    assert [summary(f) for f in doc._.events] == [frame("FIGURE", "mencapai", money=[(10**15, IDR)])]
