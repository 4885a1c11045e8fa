"""Organisations across documents: name keys, kinds and legal forms (table-driven), the cross-document merging
rules on documents written for the tests, and `factx orgs` through the CliRunner in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from factx.cli import app
from factx.corpus.names import kind_of, legal_forms, letters_within, name_key
from factx.corpus.orgs import ORG_FIELDS, Gazetteer, OrgIndex
from factx.records import Mention

from .conftest import read_jsonl


@pytest.mark.parametrize("name, key, forms, kind", [
    ("PT Pertamina (Persero)", "pertamina", ["PT", "(Persero)"], "soe"),
    ("PT. PERTAMINA", "pertamina", ["PT"], "soe"),
    ("Pertamina", "pertamina", [], "soe"),
    ("PT Semen Indonesia (Persero) Tbk", "semen indonesia", ["PT", "(Persero) Tbk"], "soe"),
    ("PT Bank Mandiri (Persero) Tbk.", "bank mandiri", ["PT", "(Persero) Tbk"], "soe"),  # a state bank
    ("Chongqing Nuoxin Co., Ltd.", "chongqing nuoxin", ["Co. Ltd"], "company"),
    ("PT Sumber Rejeki", "sumber rejeki", ["PT"], "company"),
    ("Qingling Motors", "qingling motors", [], "company"),
    ("Lippo Group", "lippo group", [], "company"),  # "Group" is a weak suffix: kept in the key
    ("Yayasan Pertamina", "yayasan pertamina", [], "other"),  # an institution word is not a legal form
    ("Kementerian Keuangan", "kementerian keuangan", [], "ministry"),
    ("Kemenkeu", "kemenkeu", [], "ministry"),
    ("Otoritas Jasa Keuangan", "otoritas jasa keuangan", [], "agency"),
    ("OJK", "ojk", [], "agency"),
    ("Bank Indonesia", "bank indonesia", [], "agency"),  # the central bank
    ("Bank Mandiri", "bank mandiri", [], "bank"),
    ("Universitas Gadjah Mada", "universitas gadjah mada", [], "university"),
    ("Partai Golkar", "partai golkar", [], "party"),
    ("DPR  RI", "dpr ri", [], "agency"),
    ("DPRD Jawa Barat", "dprd jawa barat", [], "local_government"),
    ("Dewan Perwakilan Rakyat Daerah Provinsi Bali", "dewan perwakilan rakyat daerah provinsi bali", [], "local_government"),
    ("Mahkamah Konstitusi", "mahkamah konstitusi", [], "agency"),
    ("Bursa Efek Indonesia", "bursa efek indonesia", [], "exchange"),
    ("Perum Bulog", "perum bulog", [], "soe"),
    ("Pemprov DKI Jakarta", "pemprov dki jakarta", [], "local_government"),
    ("Kepolisian Negara Republik Indonesia", "kepolisian negara republik indonesia", [], "agency"),
    ("Asosiasi Pengusaha Indonesia", "asosiasi pengusaha indonesia", [], "other"),
    ("Perserikatan Bangsa-Bangsa", "perserikatan bangsa bangsa", [], "international"),
    ("Perserikatan Bangsa Bangsa", "perserikatan bangsa bangsa", [], "international"),
    ("Dana Moneter Internasional", "dana moneter internasional", [], None),
    ("PT", "pt", [], None),  # a legal form alone is left as it is
])
def test_name_key_legal_forms_and_kind(name, key, forms, kind):
    assert (name_key(name), legal_forms(name), kind_of(name)) == (key, forms, kind)


@pytest.mark.parametrize("alias, name, expected", [
    ("OJK", "Otoritas Jasa Keuangan", True),
    ("Kemenkeu", "Kementerian Keuangan", True),
    ("Polri", "Kepolisian Negara Republik Indonesia", True),
    ("BI", "Bank Indonesia", True),
    ("XYZ", "Bank Indonesia", False),
    ("Bank Indonesia", "BI", False),  # the alias is the shorter
    ("BI", "BI", False),
])
def test_letters_within(alias, name, expected):
    assert letters_within(alias, name) is expected


def org(text, value=None, doc="d"):
    return Mention(doc, "ORG", text, 0, len(text), value or text, 0)


def rows_of(index):
    return {row.name: row for row in index.organisations()}


DEFINES_OJK = [org("Otoritas Jasa Keuangan"), org("OJK", "Otoritas Jasa Keuangan"), org("Bank Mandiri")]


def test_a_defined_acronym_links_the_bare_one_of_other_documents():
    index = OrgIndex()
    index.add_mentions(DEFINES_OJK, dt.date(2025, 1, 10))
    index.add_mentions([org("OJK"), org("OJK")], dt.date(2025, 3, 1))
    index.add_mentions([org("OJK"), org("Bank Mandiri")], dt.date(2024, 12, 31))
    rows = rows_of(index)
    assert rows == rows_of(index), "organisations() can be asked again"
    assert set(rows) == {"Otoritas Jasa Keuangan", "Bank Mandiri"}
    ojk = rows["Otoritas Jasa Keuangan"]
    assert (ojk.aliases, ojk.mentions, ojk.documents) == (["OJK"], 5, 3)
    assert (ojk.first_date, ojk.last_date, ojk.kind, ojk.conflict) == ("2024-12-31", "2025-03-01", "agency", [])
    assert index.conflicts == []


def test_the_definition_may_come_after_the_bare_mentions():
    index = OrgIndex()
    index.add_mentions([org("OJK")])
    index.add_mentions(DEFINES_OJK)
    assert rows_of(index)["Otoritas Jasa Keuangan"].documents == 2


def test_a_document_with_both_the_bare_acronym_and_the_full_name_counts_once():
    index = OrgIndex()
    index.add_mentions(DEFINES_OJK)
    # this document does not define OJK, but names it in full too: one document, not two
    index.add_mentions([org("Otoritas Jasa Keuangan"), org("OJK")])
    ojk = rows_of(index)["Otoritas Jasa Keuangan"]
    assert (ojk.mentions, ojk.documents) == (4, 2)


def test_conflicting_definitions_are_reported_not_merged():
    index = OrgIndex()
    index.add_mentions([org("Komisi Pemberantasan Korupsi"), org("KPK", "Komisi Pemberantasan Korupsi")])
    index.add_mentions([org("Komisi Pemberantasan Korupsi"), org("KPK", "Komisi Pemberantasan Korupsi")])
    index.add_mentions([org("Komite Pengawas Kompetisi"), org("KPK", "Komite Pengawas Kompetisi")])
    index.add_mentions([org("KPK")])
    rows = rows_of(index)
    assert rows["KPK"].conflict == ["Komisi Pemberantasan Korupsi", "Komite Pengawas Kompetisi"]
    assert (rows["KPK"].mentions, rows["KPK"].documents) == (1, 1)
    assert (rows["Komisi Pemberantasan Korupsi"].mentions, rows["Komisi Pemberantasan Korupsi"].documents) == (4, 2)
    assert rows["Komite Pengawas Kompetisi"].documents == 1
    (conflict,) = index.conflicts
    assert conflict.alias == "KPK"
    assert conflict.names == [("Komisi Pemberantasan Korupsi", 2), ("Komite Pengawas Kompetisi", 1)]
    assert "not merged" in str(conflict) and "(2 documents)" in str(conflict)


def test_an_acronym_nobody_defines_stays_itself():
    index = OrgIndex()
    index.add_mentions([org("BPK"), org("BPK")])
    row = rows_of(index)["BPK"]
    assert (row.aliases, row.mentions, row.documents, row.kind) == ([], 2, 1, "agency")


def test_spelling_case_and_legal_form_variants_are_one_organisation():
    index = OrgIndex()
    index.add_mentions([org("PT Pertamina (Persero)"), org("Pertamina")])
    index.add_mentions([org("PT. PERTAMINA")])
    index.add_mentions([org("Pertamina"), org("Pertamina")])
    (row,) = index.organisations()
    assert row.name == "Pertamina"  # the most frequent spelling
    assert row.aliases == ["PT Pertamina (Persero)", "PT. PERTAMINA"]
    assert (row.mentions, row.documents, row.kind) == (5, 3, "soe")
    assert row.legal_forms == ["PT", "(Persero)"]


def test_rows_are_ordered_by_documents_then_mentions():
    index = OrgIndex()
    index.add_mentions([org("Bank Mandiri")] * 5)
    index.add_mentions([org("Bank BCA"), org("Bank Mandiri")])
    index.add_mentions([org("Bank BCA"), org("Bank BRI")])
    assert [row.name for row in index.organisations()] == ["Bank Mandiri", "Bank BCA", "Bank BRI"]
    assert list(index.organisations()[0].to_dict()) == list(ORG_FIELDS)


def test_only_org_mentions_count_and_undated_documents_have_no_dates():
    index = OrgIndex()
    index.add_mentions([org("Bank Mandiri"), Mention("d", "LOC", "Jakarta", 0, 7, None, 0)])
    (row,) = index.organisations()
    assert (row.name, row.first_date, row.last_date) == ("Bank Mandiri", None, None)


GAZETTEER = Gazetteer.from_rows([
    {"canonical": "Otoritas Jasa Keuangan", "kind": "agency", "aliases": "OJK|Otoritas Jasa Keuangan RI"},
    {"canonical": "Perusahaan Listrik Negara", "kind": "company", "aliases": ["PLN"]},
])


def test_the_gazetteer_names_types_and_links():
    index = OrgIndex(GAZETTEER)
    index.add_mentions([org("PLN"), org("Perusahaan Listrik Negara")])
    index.add_mentions([org("PLN")])
    index.add_mentions([org("Otoritas Jasa Keuangan RI")])
    rows = rows_of(index)
    assert set(rows) == {"Perusahaan Listrik Negara", "Otoritas Jasa Keuangan"}
    assert (rows["Perusahaan Listrik Negara"].documents, rows["Perusahaan Listrik Negara"].mentions) == (2, 3)
    assert rows["Otoritas Jasa Keuangan"].aliases == ["Otoritas Jasa Keuangan RI"]


def test_a_document_defining_otherwise_than_the_gazetteer_is_a_conflict():
    index = OrgIndex(GAZETTEER)
    index.add_mentions([org("Organisasi Jurnalis Kampus"), org("OJK", "Organisasi Jurnalis Kampus")])
    index.add_mentions([org("OJK")])
    rows = rows_of(index)
    assert rows["OJK"].conflict == ["Organisasi Jurnalis Kampus", "Otoritas Jasa Keuangan"]
    assert index.conflicts[0].names == [("Organisasi Jurnalis Kampus", 1), ("Otoritas Jasa Keuangan", 0)]


def test_memory_grows_with_organisations_not_documents():
    index = OrgIndex()
    sizes = []
    for round_ in range(3):
        for n in range(500):
            index.add_mentions(DEFINES_OJK if n % 2 else [org("OJK"), org("Bank Mandiri")], dt.date(2025, 1, 1))
        sizes.append((len(index.stats), len(index.definitions), len(index.shared), len(index.bare)))
    assert sizes[0] == sizes[1] == sizes[2]
    assert index.documents == 1500
    assert rows_of(index)["Otoritas Jasa Keuangan"].documents == 1500


# ---- the command


TEXTS = {
    "a.txt": "Jakarta, Rabu (26/11/2025) - PT Pertamina (Persero) menandatangani kontrak dengan Bank Mandiri. "
             "Otoritas Jasa Keuangan (OJK) menyetujui rencana itu kemarin. Lembaga Kajian Pangan Rakyat (LKPR) "
             "menolak rencana itu.\n",
    "b.txt": "Jakarta, Senin (1/12/2025) - OJK memanggil direksi Pertamina. Menurut OJK, laporan itu terlambat. "
             "Juru bicara LKPR mengatakan laporan itu belum dibaca.\n",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_orgs_jsonl(runner, cli_nlp, corpus):
    result = runner.invoke(app, ["orgs", str(corpus), "--format", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in read_jsonl(result.stdout)}
    mentions = read_jsonl(runner.invoke(app, ["extract", str(corpus), "-t", "org", "-f", "jsonl", "-q"]).stdout)
    # the gazetteer names OJK in both documents; b.txt does not define LKPR (no gazetteer row): its bare LKPR
    # joins the name a.txt defines
    assert {(m["doc"][-5:], m["text"], m["value"]) for m in mentions if m["text"] in ("OJK", "LKPR")} == {
        ("a.txt", "OJK", "Otoritas Jasa Keuangan"), ("b.txt", "OJK", "Otoritas Jasa Keuangan"),
        ("a.txt", "LKPR", "Lembaga Kajian Pangan Rakyat"), ("b.txt", "LKPR", "LKPR")}
    lkpr = rows["Lembaga Kajian Pangan Rakyat"]
    assert (lkpr["aliases"], lkpr["documents"], lkpr["mentions"], lkpr["conflict"]) == (["LKPR"], 2, 3, [])
    assert rows["Otoritas Jasa Keuangan"] == {
        "name": "Otoritas Jasa Keuangan", "kind": "agency", "legal_forms": [], "aliases": ["OJK"],
        "mentions": sum(m["text"] in ("OJK", "Otoritas Jasa Keuangan") for m in mentions), "documents": 2,
        "first_date": "2025-11-26", "last_date": "2025-12-01", "conflict": []}
    pertamina = rows["PT Pertamina (Persero)"]
    assert (pertamina["aliases"], pertamina["documents"], pertamina["kind"]) == (["Pertamina"], 2, "soe")
    # the gazetteer (factx/lang/organisations.tsv) names and types the bank
    mandiri = rows["PT Bank Mandiri (Persero) Tbk"]
    assert (mandiri["aliases"], mandiri["documents"], mandiri["kind"]) == (["Bank Mandiri"], 1, "bank")
    assert mandiri["legal_forms"] == ["PT", "(Persero) Tbk"]


def test_orgs_json_and_csv_hold_the_same_rows(runner, cli_nlp, corpus):
    as_jsonl = read_jsonl(runner.invoke(app, ["orgs", str(corpus), "-f", "jsonl", "-q"]).stdout)
    as_json = json.loads(runner.invoke(app, ["orgs", str(corpus), "-f", "json", "-q"]).stdout)
    assert as_json == as_jsonl
    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(app, ["orgs", str(corpus), "-f", "csv", "-q"]).stdout)))
    assert [row["name"] for row in as_csv] == [row["name"] for row in as_jsonl]
    assert as_csv[0] == {k: ("; ".join(v) if isinstance(v, list) else "" if v is None else str(v))
                         for k, v in as_jsonl[0].items()}


def test_orgs_table_and_top(runner, cli_nlp, corpus):
    result = runner.invoke(app, ["orgs", str(corpus), "-f", "table", "--top", "1", "-q"])
    assert result.exit_code == 0
    assert "organisations in 2 documents (top 1)" in result.stdout
    assert "Otoritas Jasa Keuangan" in result.stdout and "Bank Mandiri" not in result.stdout


def test_orgs_to_a_file_and_the_summary(runner, cli_nlp, corpus, tmp_path):
    out = tmp_path / "orgs.csv"
    result = runner.invoke(app, ["orgs", str(corpus), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_bytes().startswith(",".join(ORG_FIELDS).encode() + b"\r\n")
    assert "factx: 2 documents, 4 organisations, 0 conflicts, 0 skipped inputs" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "corpus"] == ["orgs.csv"]


def test_orgs_reports_conflicts(runner, cli_nlp, tmp_path):
    (tmp_path / "corpus.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate([
        "Juru bicara Lembaga Kajian Pangan Rakyat (LKPR) mengatakan penyidik memeriksa pejabat itu di Jakarta.",
        "Juru bicara Lembaga Kajian Perumahan Rakyat (LKPR) mengatakan rapat digelar di Denpasar pada Senin.",
        "Juru bicara LKPR mengatakan penyidik memanggil saksi lagi pada Selasa.",
    ])), encoding="utf-8")
    result = runner.invoke(app, ["orgs", str(tmp_path / "corpus.jsonl"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert ("conflict: 'LKPR' is defined as 'Lembaga Kajian Pangan Rakyat' (1 document), 'Lembaga Kajian Perumahan"
            " Rakyat' (1 document); its 1 bare mention in 1 document is not merged") in " ".join(result.stderr.split())
    rows = {row["name"]: row for row in read_jsonl(result.stdout)}
    assert rows["LKPR"]["conflict"] == ["Lembaga Kajian Pangan Rakyat", "Lembaga Kajian Perumahan Rakyat"]
    assert rows["LKPR"]["documents"] == 1 and rows["Lembaga Kajian Pangan Rakyat"]["aliases"] == ["LKPR"]


def test_orgs_bad_input(runner, cli_nlp, corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"text": "Bank Mandiri rugi."}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["orgs", str(corpus), str(tmp_path / "nowhere"), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "broken.jsonl:2" in result.stderr and "nowhere: no such file or folder" in result.stderr
    assert {row["name"] for row in read_jsonl(result.stdout)} >= {"PT Bank Mandiri (Persero) Tbk", "Otoritas Jasa Keuangan"}
    result = runner.invoke(app, ["orgs", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


@pytest.mark.parametrize("args, message", [
    (["-f", "sqlite"], "factx orgs writes table, csv, jsonl, json, not sqlite"),
    (["-o", "orgs.xlsx"], "cannot tell the format of orgs.xlsx"),
    (["--ref-date", "2025-13-01"], "--ref-date must be YYYY-MM-DD"),
    (["--top", "-1"], "Invalid value for '--top'"),
])
def test_orgs_bad_options(runner, cli_nlp, corpus, args, message):
    result = runner.invoke(app, ["orgs", str(corpus), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_an_alias_two_gazetteer_rows_share_is_a_conflict():
    gazetteer = Gazetteer.from_rows([
        {"canonical": "Perserikatan Bangsa-Bangsa", "kind": "international", "aliases": "PBB"},
        {"canonical": "Partai Bulan Bintang", "kind": "party", "aliases": "PBB"},
    ])
    index = OrgIndex(gazetteer)
    index.add_mentions([org("PBB")])
    rows = rows_of(index)
    assert rows["PBB"].conflict == ["Partai Bulan Bintang", "Perserikatan Bangsa-Bangsa"]
    assert index.conflicts[0].names == [("Partai Bulan Bintang", 0), ("Perserikatan Bangsa-Bangsa", 0)]


def test_the_shipped_gazetteer_is_read():
    from factx.corpus.orgs import load_gazetteer

    gazetteer = load_gazetteer()
    assert len(gazetteer.names) > 900
    assert gazetteer.names[name_key("Pertamina")] == "PT Pertamina (Persero)"
    assert gazetteer.kinds[name_key("Otoritas Jasa Keuangan")] == "agency"
    assert gazetteer.aliases[name_key("OJK")] == {name_key("Otoritas Jasa Keuangan")}
