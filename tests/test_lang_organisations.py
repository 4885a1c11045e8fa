"""The organisations gazetteer (factx/lang/organisations.tsv) parses and keeps its own rules.

The file is header comments ("# "), one TSV header line, then one row per organisation:
canonical <TAB> kind <TAB> aliases ("|"-separated, may be empty) <TAB> source key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources

import pytest

HEADER = ["canonical", "kind", "aliases", "source"]
KINDS = {"ministry", "agency", "party", "soe", "bank", "exchange", "company", "university", "local_government",
         "international", "other"}


def read() -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(comment lines, [(line number, fields)]) of the data file, failing on anything out of place."""
    text = resources.files("factx.lang").joinpath("organisations.tsv").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", "the file ends with a newline"
    comments, rows, header_seen = [], [], False
    for number, line in enumerate(lines[:-1], start=1):
        if not header_seen:
            if line.startswith("# "):
                comments.append(line)
                continue
            assert line.split("\t") == HEADER, f"line {number}: expected the header line after the comments"
            header_seen = True
            continue
        rows.append((number, line.split("\t")))
    assert header_seen, "no header line"
    return comments, rows


COMMENTS, ROWS = read()


def source_keys(comments: list[str]) -> set[str]:
    """Keys defined in the header's "Sources and licences" block ("#   key   description")."""
    start = comments.index("# Sources and licences:")
    keys = set()
    for line in comments[start + 1:]:
        if not line.startswith("#   "):
            break
        match = re.match(r"#   ([a-z][a-z-]*)\s{2,}\S", line)
        if match:
            keys.add(match.group(1))
    return keys


def aliases(fields: list[str]) -> list[str]:
    return fields[2].split("|") if fields[2] else []


def test_every_row_has_four_clean_fields():
    for number, fields in ROWS:
        assert len(fields) == 4, f"line {number}: {len(fields)} fields"
        canonical, kind, _, source = fields
        assert canonical and source, f"line {number}: empty canonical or source"
        assert all(field == field.strip() for field in fields), f"line {number}: stray spaces"
        assert "  " not in canonical, f"line {number}: double space in {canonical!r}"
        for alias in aliases(fields):
            assert alias and alias == alias.strip() and "  " not in alias, f"line {number}: bad alias {alias!r}"


def test_kinds_are_known():
    unknown = {(number, fields[1]) for number, fields in ROWS if fields[1] not in KINDS}
    assert not unknown


def test_sources_are_defined_in_the_header_and_used():
    keys = source_keys(COMMENTS)
    assert {"official", "idx", "wiki-partai", "wiki-bumn"} <= keys
    used = {fields[3] for _, fields in ROWS}
    assert used - keys == set(), "source keys missing from the header"
    assert keys - used == set(), "source keys defined but not used"


def test_no_duplicate_canonical():
    seen: dict[str, int] = {}
    for number, fields in ROWS:
        assert fields[0] not in seen, f"line {number}: {fields[0]!r} already on line {seen[fields[0]]}"
        seen[fields[0]] = number


def test_no_alias_twice_for_one_organisation():
    for number, fields in ROWS:
        names = aliases(fields)
        assert len(names) == len(set(names)), f"line {number}: an alias is listed twice"
        assert fields[0] not in names, f"line {number}: the canonical name is also an alias"


def test_no_alias_is_another_organisations_canonical_name():
    canonical = {fields[0] for _, fields in ROWS}
    clashes = {(fields[0], alias) for _, fields in ROWS for alias in aliases(fields) if alias in canonical}
    assert not clashes


def test_shared_aliases_are_declared_ambiguous():
    owners = defaultdict(set)
    for _, fields in ROWS:
        for alias in aliases(fields):
            owners[alias].add(fields[0])
    shared = {alias for alias, rows in owners.items() if len(rows) > 1}
    declared = next(line for line in COMMENTS if line.startswith("#   shared by two rows:"))
    undeclared = {alias for alias in shared if not re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", declared)}
    assert not undeclared


COVERAGE = [
    # (alias as news writes it, canonical name, kind): the names issue 16 asks for
    ("OJK", "Otoritas Jasa Keuangan", "agency"),
    ("BI", "Bank Indonesia", "agency"),
    ("KPK", "Komisi Pemberantasan Korupsi", "agency"),
    ("DPR", "Dewan Perwakilan Rakyat", "agency"),
    ("MK", "Mahkamah Konstitusi", "agency"),
    ("Kemenkeu", "Kementerian Keuangan", "ministry"),
    ("Kemendagri", "Kementerian Dalam Negeri", "ministry"),
    ("Kemendikbud", "Kementerian Pendidikan dan Kebudayaan", "ministry"),
    ("Bappenas", "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional", "ministry"),
    ("Danantara", "Badan Pengelola Investasi Daya Anagata Nusantara", "agency"),
    ("Bulog", "Perum Bulog", "soe"),
    ("Pertamina", "PT Pertamina (Persero)", "soe"),
    ("PLN", "PT PLN (Persero)", "soe"),
    ("Inka", "PT Industri Kereta Api (Persero)", "soe"),
    ("Gerindra", "Partai Gerakan Indonesia Raya", "party"),
    ("PDIP", "Partai Demokrasi Indonesia Perjuangan", "party"),
    ("PDI-P", "Partai Demokrasi Indonesia Perjuangan", "party"),
    ("NasDem", "Partai NasDem", "party"),
    ("PAN", "Partai Amanat Nasional", "party"),
    ("Hanura", "Partai Hati Nurani Rakyat", "party"),
    ("BBRI", "PT Bank Rakyat Indonesia (Persero) Tbk", "bank"),
    ("Bank BJB", "PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk", "bank"),
    ("BEI", "PT Bursa Efek Indonesia", "exchange"),
    ("IDX", "PT Bursa Efek Indonesia", "exchange"),
    ("Mirae Asset Sekuritas", "PT Mirae Asset Sekuritas Indonesia", "company"),
    ("UGM", "Universitas Gadjah Mada", "university"),
    ("Pemprov Jabar", "Pemerintah Provinsi Jawa Barat", "local_government"),
    ("Pemprov DKI Jakarta", "Pemerintah Provinsi DKI Jakarta", "local_government"),
    ("Pemkot Bandung", "Pemerintah Kota Bandung", "local_government"),
    ("IMF", "Dana Moneter Internasional", "international"),
    ("The Fed", "Federal Reserve", "international"),
]


@pytest.mark.parametrize("alias, canonical, kind", COVERAGE)
def test_well_known_names_resolve(alias, canonical, kind):
    matches = [(fields[0], fields[1]) for _, fields in ROWS if alias in aliases(fields)]
    assert matches == [(canonical, kind)]
