"""The CTCAE tables: every band edge of every term in both versions, limits, and a cross-check with admiral."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.ctcae import (
    DEFAULT_LLN,
    grade_febrile_neutropenia,
    grade_value,
    normalize_version,
    table,
    term_name,
)
from assistant.errors import UserError

pytestmark = pytest.mark.unit

# (analyte, version, value, expected grade) at and around every band edge, LLN at its default.
EDGES = [
    # White blood cell decreased: same in both versions. LLN 4.0.
    *[(a, v, x, g) for v in ("5.0", "6.0") for a, x, g in [
        ("wbc", 4.0, 0), ("wbc", 3.99, 1), ("wbc", 3.0, 1), ("wbc", 2.99, 2), ("wbc", 2.0, 2), ("wbc", 1.99, 3),
        ("wbc", 1.0, 3), ("wbc", 0.99, 4), ("wbc", 0.0, 4)]],
    # Neutrophil count decreased v5.0 (LLN 2.0).
    ("anc", "5.0", 2.0, 0), ("anc", "5.0", 1.99, 1), ("anc", "5.0", 1.5, 1), ("anc", "5.0", 1.49, 2), ("anc", "5.0", 1.0, 2),
    ("anc", "5.0", 0.99, 3), ("anc", "5.0", 0.5, 3), ("anc", "5.0", 0.49, 4), ("anc", "5.0", 0.1, 4),
    # Neutrophil count decreased v6.0: no LLN band, bands shifted down.
    ("anc", "6.0", 1.99, 0), ("anc", "6.0", 1.5, 0), ("anc", "6.0", 1.49, 1), ("anc", "6.0", 1.0, 1), ("anc", "6.0", 0.99, 2),
    ("anc", "6.0", 0.5, 2), ("anc", "6.0", 0.49, 3), ("anc", "6.0", 0.1, 3), ("anc", "6.0", 0.09, 4),
    # Lymphocyte count decreased v5.0 (LLN 1.0).
    ("alc", "5.0", 1.0, 0), ("alc", "5.0", 0.99, 1), ("alc", "5.0", 0.8, 1), ("alc", "5.0", 0.79, 2), ("alc", "5.0", 0.5, 2),
    ("alc", "5.0", 0.49, 3), ("alc", "5.0", 0.2, 3), ("alc", "5.0", 0.19, 4),
    # Platelets v5.0 (LLN 150).
    ("plt", "5.0", 150, 0), ("plt", "5.0", 149.9, 1), ("plt", "5.0", 75, 1), ("plt", "5.0", 74.9, 2), ("plt", "5.0", 50, 2),
    ("plt", "5.0", 49.9, 3), ("plt", "5.0", 25, 3), ("plt", "5.0", 24.9, 4), ("plt", "5.0", 10, 4), ("plt", "5.0", 9.9, 4),
    # Thrombocytopenia v6.0.
    ("plt", "6.0", 150, 0), ("plt", "6.0", 149.9, 1), ("plt", "6.0", 75, 1), ("plt", "6.0", 74.9, 2), ("plt", "6.0", 50, 2),
    ("plt", "6.0", 49.9, 3), ("plt", "6.0", 25, 3), ("plt", "6.0", 24.9, 3), ("plt", "6.0", 10, 3), ("plt", "6.0", 9.9, 4),
    # Anemia, both versions (LLN 12.0 g/dL); no value gives grade 4.
    *[(a, v, x, g) for v in ("5.0", "6.0") for a, x, g in [
        ("hgb", 12.0, 0), ("hgb", 11.9, 1), ("hgb", 10.0, 1), ("hgb", 9.9, 2), ("hgb", 8.0, 2), ("hgb", 7.9, 3), ("hgb", 4.0, 3)]],
    # Liver terms, baseline normal (ULN ALT/AST 40 U/L, bilirubin 1.2 mg/dL).
    *[(a, v, x, g) for v in ("5.0", "6.0") for a, x, g in [
        ("alt", 40, 0), ("alt", 41, 1), ("alt", 120, 1), ("alt", 121, 2), ("alt", 200, 2), ("alt", 201, 3), ("alt", 800, 3),
        ("alt", 801, 4), ("ast", 40, 0), ("ast", 41, 1), ("ast", 201, 3), ("bili", 1.2, 0), ("bili", 1.3, 1), ("bili", 1.8, 1),
        ("bili", 1.9, 2), ("bili", 3.6, 2), ("bili", 3.7, 3), ("bili", 12.0, 3), ("bili", 12.1, 4)]],
]


@pytest.mark.parametrize("analyte,version,value,expected", EDGES)
def test_every_band_edge(analyte, version, value, expected):
    assert grade_value(analyte, value, version).grade == expected


def test_band_edge_reads_as_ctcae_does():
    """'<75 - 50': 75 is grade 1, 50 is grade 2 (facts sheet)."""
    assert grade_value("plt", 75, "5.0").grade == 1
    assert grade_value("plt", 50, "5.0").grade == 2


def test_terms_are_exact_per_version():
    assert term_name("plt", "5.0") == "Platelet count decreased"
    assert term_name("plt", "6.0") == "Thrombocytopenia"
    assert term_name("alc", "5.0") == "Lymphocyte count decreased"
    assert term_name("alc", "6.0") is None


def test_v6_has_no_lymphocyte_term_and_says_so():
    result = grade_value("alc", 0.4, "6.0")
    assert result.grade is None
    assert "no 'Lymphocyte count decreased' term" in result.criterion


def test_grade_one_states_the_lln_it_assumed_and_honours_an_override():
    assumed = grade_value("plt", 140, "5.0")
    assert assumed.grade == 1
    assert any("150" in note and "assumed default" in note for note in assumed.assumptions)
    given_lln = grade_value("plt", 140, "5.0", lln=130)
    assert given_lln.grade == 0
    assert any("130" in note and "given" in note for note in given_lln.assumptions)


def test_hemoglobin_in_mmol_is_graded_on_ctcae_mmol_bands():
    # 6.2 mmol/L is 9.99 g/dL after conversion, but CTCAE's own mmol/L band makes it grade 1.
    assert grade_value("hgb", 9.99, "5.0", native_unit="mmol/L", native_value=6.2).grade == 1
    assert grade_value("hgb", 9.8, "5.0", native_unit="mmol/L", native_value=6.1).grade == 2
    assert grade_value("hgb", 7.9, "5.0", native_unit="mmol/L", native_value=4.9).grade == 2
    assert grade_value("hgb", 7.7, "5.0", native_unit="mmol/L", native_value=4.8).grade == 3


def test_febrile_neutropenia():
    assert grade_febrile_neutropenia(0.8, 38.4, False).grade == 3
    assert grade_febrile_neutropenia(0.8, 38.1, True).grade == 3
    assert grade_febrile_neutropenia(0.8, 38.1, False) is None
    assert grade_febrile_neutropenia(1.0, 39.0, False) is None
    assert grade_febrile_neutropenia(0.8, 38.4, False, "6.0").term == "Febrile neutropenia"


def test_version_names():
    assert normalize_version("6") == normalize_version("v6.0") == "6.0"
    assert normalize_version(5) == "5.0"
    with pytest.raises(UserError):
        normalize_version("4")


@settings(max_examples=300, deadline=None)
@given(analyte=st.sampled_from(["wbc", "anc", "alc", "plt", "hgb"]), version=st.sampled_from(["5.0", "6.0"]),
       high=st.floats(min_value=0, max_value=400, allow_nan=False), drop=st.floats(min_value=0, max_value=400, allow_nan=False))
def test_grade_never_decreases_as_a_count_falls(analyte, version, high, drop):
    low = max(0.0, high - drop)
    upper, lower = grade_value(analyte, high, version).grade, grade_value(analyte, low, version).grade
    if upper is None:
        assert lower is None
    else:
        assert lower >= upper


# -- cross-check against the independent admiral encoding in ../shared/reference/ctcae/ -------------
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "ctcae"
ADMIRAL_UNITS = {"hgb": 10.0}  # admiral grades hemoglobin in g/L; the project in g/dL


def _admiral_grade(entry: dict, value: float, lln: float) -> int:
    """Evaluate admiral's GRADE_n_CODE rules ('signif(AVAL, signif_dig) < 50 ~ "3"') for a low-direction term."""
    for level in ("4", "3", "2", "1"):
        code = entry.get(f"GRADE_{level}_CODE", "")
        if not code:
            continue
        if "ANRLO" in code and re.search(r"<\s*signif\(ANRLO", code):
            if value < lln:
                return int(level)
            continue
        match = re.search(r"signif\(AVAL, signif_dig\)\s*<\s*([\d.]+)", code)
        if match and value < float(match.group(1)):
            return int(level)
    return 0


@pytest.mark.skipif(not REFERENCE.is_dir(), reason=f"independent CTCAE reference not found at {REFERENCE}; cross-check skipped")
@pytest.mark.parametrize("version", ["5.0", "6.0"])
def test_tables_agree_with_independent_admiral_encoding(version):
    reference = {e["TERM"]: e for e in json.loads((REFERENCE / f"admiral_ncictcaev{version[0]}.json").read_text())}
    compared = 0
    for analyte in ("wbc", "anc", "alc", "plt", "hgb"):
        term = term_name(analyte, version)
        if term is None:
            assert "Lymphocyte count decreased" not in reference, "admiral v6 has a lymphocyte term the project lacks"
            continue
        entry = reference[term]
        scale = ADMIRAL_UNITS.get(analyte, 1.0)
        lln = DEFAULT_LLN[analyte]
        values = sorted({round(x * 0.01, 2) for x in range(0, 20001)} if analyte != "hgb" else {round(x * 0.1, 1) for x in range(0, 200)})
        for value in values:
            ours = grade_value(analyte, value, version).grade
            theirs = _admiral_grade(entry, value * scale, lln * scale)
            assert ours == theirs, f"{term} v{version} at {value}: project {ours}, admiral {theirs}"
            compared += 1
        for level in ("1", "2", "3"):
            ours_text = table(version)["terms"][analyte]["grades"][level]["criterion"]
            numbers = re.findall(r"\d+\.\d+", entry[f"GRADE_{level}"])
            assert all(n in ours_text for n in numbers), f"{term} grade {level}: {numbers} missing from '{ours_text}'"
    assert compared > 10_000
