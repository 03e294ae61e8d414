"""Reading lab values from free text: names, numbers as written, units in their common forms."""

from __future__ import annotations

import json
import re

import pytest

from assistant.errors import UserError
from assistant.labs import find_mentions, grade_text, parse_limits, read_spoken_numbers
from tests.conftest import run_cli

pytestmark = pytest.mark.unit


def one(text: str, version: str = "5.0") -> dict:
    labs = [lab for lab in grade_text(text, version) if lab["analyte"] != "fn"]
    assert len(labs) == 1, labs
    return labs[0]


@pytest.mark.parametrize("text,analyte,value", [
    ("WBC 2.7", "wbc", 2.7), ("white count 2.7", "wbc", 2.7), ("leukocytes 2.7", "wbc", 2.7), ("white blood cells 2.7", "wbc", 2.7),
    ("ANC 1.2", "anc", 1.2), ("neutrophils 1.2", "anc", 1.2), ("absolute neutrophil count 1.2", "anc", 1.2),
    ("ALC 0.4", "alc", 0.4), ("lymphocytes 0.4", "alc", 0.4),
    ("PLT 79", "plt", 79), ("platelets 79", "plt", 79), ("plt 79", "plt", 79), ("platelet count of 79", "plt", 79),
    ("Hgb 9.1 g/dL", "hgb", 9.1), ("Hb 9.1 g/dL", "hgb", 9.1), ("hemoglobin 9.1 g/dL", "hgb", 9.1), ("haemoglobin 9.1 g/dL", "hgb", 9.1),
])
def test_analyte_names(text, analyte, value):
    lab = one(text)
    assert (lab["analyte"], lab["value"]) == (analyte, value)


@pytest.mark.parametrize("text,value", [
    ("platelets 79 x10^9/L", 79), ("platelets 79 ×10⁹/L", 79), ("platelets 79 × 10⁹/L", 79), ("platelets 79 10e9/L", 79),
    ("platelets 79 G/L", 79), ("platelets 79 K/µL", 79), ("platelets 79 K/uL", 79), ("platelets 79,000/mm3", 79),
    ("platelets 79 000/mm³", 79), ("platelets 79000 cells/µL", 79), ("platelets 79K", 79), ("platelets 79k", 79),
    ("ANC 1,200/µL", 1.2), ("ANC 1200 cells/uL", 1.2), ("ANC 1.2 x 10^9/L", 1.2), ("WBC 2,700", 2.7), ("WBC 2.7 x10^3/uL", 2.7),
])
def test_numbers_and_count_units(text, value):
    lab = one(text)
    assert lab["value"] == pytest.approx(value)
    assert lab["unit"] == "10^9/L"


@pytest.mark.parametrize("text,value,grade", [
    ("Hb 9.1 g/dL", 9.1, 2), ("Hb 91 g/L", 9.1, 2), ("Hb 5.6 mmol/L", 9.02, 2), ("Hgb 6.2 mmol/L", 9.99, 1),
])
def test_hemoglobin_units(text, value, grade):
    lab = one(text)
    assert lab["unit"] == "g/dL"
    assert lab["value"] == pytest.approx(value, abs=0.01)
    assert lab["grade"] == grade


@pytest.mark.parametrize("text,value,inferred", [
    ("platelets 79", 79, "10^9/L"), ("ANC 1200", 1.2, "/µL"), ("Hb 9.1", 9.1, "g/dL"), ("Hb 91", 9.1, "g/L"),
    ("platelets 79000", 79, "/µL"), ("ALC 400", 0.4, "/µL"),
])
def test_inferred_units_are_said(text, value, inferred):
    lab = one(text)
    assert lab["value"] == pytest.approx(value)
    assert any("inferred" in note and inferred in note for note in lab["assumptions"])


def test_implausible_value_warns_and_is_not_graded():
    lab = one("Hgb 91 g/dL")
    assert lab["grade"] is None and lab["value"] is None
    assert "not a plausible value" in lab["warnings"][0]


def test_threshold_after_comparator_is_not_a_patient_value():
    assert grade_text("hold if platelets <50 x 10^9/L or ANC below 0.5") == []


def test_from_to_takes_the_current_value():
    assert one("platelets fell from 180 to 45 x10^9/L")["value"] == 45


def test_lab_object_contract():
    lab = one("platelets 79")
    assert set(lab) >= {"analyte", "term", "value", "unit", "raw", "span", "grade", "ctcae_version", "criterion", "assumptions"}
    text = "on pembrolizumab, platelets 79"
    lab = grade_text(text)[0]
    assert text[lab["span"][0]:lab["span"][1]] == lab["raw"] == "platelets 79"
    assert lab["term"] == "Platelet count decreased" and lab["ctcae_version"] == "5.0" and lab["grade"] == 1


def test_mission_example_v5_and_v6():
    text = "Liver cancer in remission, on immunotherapy, WBC 2.7, ANC 2.0, ALC 0.4, platelets 79"
    v5 = {lab["analyte"]: lab["grade"] for lab in grade_text(text, "5.0")}
    assert v5 == {"wbc": 2, "anc": 0, "alc": 3, "plt": 1}
    v6 = {lab["analyte"]: lab["grade"] for lab in grade_text(text, "6.0")}
    assert v6 == {"wbc": 2, "anc": 0, "alc": None, "plt": 1}


def test_febrile_neutropenia_from_text():
    labs = grade_text("ANC 0.4 and a temperature of 38.6 C")
    fn = [lab for lab in labs if lab["analyte"] == "fn"]
    assert fn and fn[0]["grade"] == 3 and fn[0]["term"] == "Febrile neutropenia"
    assert not [lab for lab in grade_text("ANC 0.4, temperature 37.2 C") if lab["analyte"] == "fn"]


def test_lln_override_parsing():
    assert parse_limits(["plt=140", "anc=1.8"], "--lln") == {"plt": 140.0, "anc": 1.8}
    with pytest.raises(UserError):
        parse_limits(["platelets"], "--lln")


def test_grade_cli_json_lln_and_batch(tmp_path):
    result = run_cli("grade", "platelets 140", "--lln", "plt=130", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["labs"][0]["grade"] == 0
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "a", "text": "ANC 1.2"}\n{"id": "b", "text": "ANC 1.2", "ctcae": "6"}\n')
    lines = [json.loads(line) for line in run_cli("grade", "--batch", str(batch)).stdout.splitlines()]
    assert [(line["id"], line["labs"][0]["grade"]) for line in lines] == [("a", 2), ("b", 1)]
    bad = run_cli("grade", "ANC 1.2", "--ctcae", "4")
    assert bad.returncode == 2 and "unknown CTCAE version" in bad.stderr and "Traceback" not in bad.stderr


# (text, {analyte: value read}) -- real-world layouts, written for this project.
READS = [
    ("ANC 0,9 G/L", {"anc": 0.9}),
    ("Hb 10,8 g/dl", {"hgb": 10.8}),
    ("Neutrophils, Absolute 0.62 L 1.40-7.00 K/uL", {"anc": 0.62}),
    ("NEUT# 1.1 x10^9/L; LYMPH# 0.35", {"anc": 1.1, "alc": 0.35}),
    ("NEUT ABS [1.8-7.7] 1.10 x10^9/L L", {"anc": 1.1}),
    ("Lymphocytes, Absolute (1000-4800): 850 L*", {"alc": 0.85}),
    ("Platelets (150-400): 79", {"plt": 79}),
    ("Haemoglobin (120-160 g/L): 87 L", {"hgb": 8.7}),
    ("hb 9.1, plt still 45", {"hgb": 9.1, "plt": 45}),
    ("plt came back at 23 K/uL; ANC drops to 620/uL", {"plt": 23, "anc": 0.62}),
    ("hb back to 96 g/L", {"hgb": 9.6}),
    ("plt 95 -> 61 -> 38", {"plt": 38}),
    ("WBC 2.1→0.8", {"wbc": 0.8}),
    ("ANC 4.8 on Monday, came back at 0.9 this morning", {"anc": 0.9}),
    ("WBC | Hb (g/L) | PLT\n3.1 | 96 | 41", {"wbc": 3.1, "hgb": 9.6, "plt": 41}),
    ("neutrophils 62% on the differential, ANC 1.2", {"anc": 1.2}),
    ("Hb: 2 units transfused yesterday", {}),
    ("platelets 45, IVIG 1 g/kg given", {"plt": 45}),
    ("the median ANC was 1.2 (range 0.2-3.0)", {}),
    ("At 63K, the platelet count stays above 75", {"plt": 63}),
    # count words after a name, names in words, state words before the value, units before the value or in words
    ("Platelet Ct: 64 x10E9/L (L)", {"plt": 64}), ("WBC cnt 3.1", {"wbc": 3.1}), ("white cells 7 300/mm3", {"wbc": 7.3}),
    ("WBC nl at 6.1, ANC low at 0.8", {"wbc": 6.1, "anc": 0.8}), ("A neutrophil count this low (0.3 x10^9/L)", {"anc": 0.3}), ("ANC, cells/µL: 1,050 (L)", {"anc": 1.05}),
    ("platelets 40,000 per cubic millimetre", {"plt": 40}), ("Platelets (79)", {"plt": 79}),
    ("Hgb (ref 12.0–15.5 g/dL): 9.0; PLT (normal 150–450): 301", {"hgb": 9.0, "plt": 301}),
    # tables whose rows name the analytes: the result column, the unit column, the most recent of several columns
    ("Test | Result | Flag | Range\nWBC | 2.4 | L | 4.0-10.0\nPLT | 74 | L | 150-400", {"wbc": 2.4, "plt": 74}),
    ("| Parameter | Ref. range | Result |\n|---|---|---|\n| Platelets | 150–400 G/L | 128 |", {"plt": 128}),
    ("Parameter;Value;Unit\nHaemoglobin;94;g/L\nWBC;5,2;G/L", {"hgb": 9.4, "wbc": 5.2}),
    ("Date | 03/02 | 10/02 | 17/02\nPLT | 132 | 98 | 61", {"plt": 61}),
    ("Date | 17/02 | 10/02 | 03/02\nPLT | 61 | 98 | 132", {"plt": 61}),
    ("Hematology | Today | Prior\nWBC | 2.9 | 4.6", {"wbc": 2.9}), ("Today | Prior\nPLT 45 | 120", {"plt": 45}),
    ("        Today   Prior\nPLT     45      120\nHb      8.1     9.9", {"plt": 45, "hgb": 8.1}), ("  Prior  Today\nPLT   120   45", {"plt": 45}), ("Analyte | 09:00 | 21:00\nHGB g/dL | 7.4 | 8.6", {"hgb": 8.6}),
    # series: the value its label calls current, else the latest by the times beside each value, else the last written
    ("Platelets 133 (today), 171 two weeks ago", {"plt": 133}), ("WBC 3.8 (1/3), 3.1 (8/3), 2.6 (15/3)", {"wbc": 2.6}),
    ("PLT 45 @06:40, 38 @18:00", {"plt": 38}), ("platelets 19 x10^9/L on day 8 and 52 x10^9/L on day 15", {"plt": 52}), ("ANC nadir 0.3 on day 10, came back at 1.6 on day 17", {"anc": 1.6}),
    ("PLT 37 K/uL (L) — repeat in citrate tube: 39 K/uL", {"plt": 39}),
    # a value with its unit before the name; a place or time between the name and its value
    ("With 42,000 platelets per µL", {"plt": 42}), ("a nadir of 48 x10^9/L platelets", {"plt": 48}),
    ("Pt 7: 2,700/mm³ white cells", {"wbc": 2.7}), ("WBC 2.7 x10^9/L, platelets normal", {"wbc": 2.7}), ("2 platelets units", {}),
    ("The neutrophil count in our vignette was 1.1", {"anc": 1.1}), ("Hb on discharge: 11.8 g/dL", {"hgb": 11.8}),
    ("ANC on day 10 was 0.3", {"anc": 0.3}),
    # the same analyte given several times, each with its time: the most recent; untimed repeats are all kept
    ("06:40 PLT 45, 18:00 PLT 38", {"plt": 38}), ("Today: PLT 38. Yesterday: PLT 45.", {"plt": 38}),
    ("14/03 ANC 0.9; 12/03 ANC 1.4", {"anc": 0.9}),
    # a time is never a value; dashes and words in brackets between name and value; "went up to" is not a threshold
    ("Result: PLT 32 x10^9/L at 06:40 (repeat at 11:00: 35 x10^9/L)", {"plt": 35}), ("Plts 45 x10^9/L on 12/03 -> 38 on 14/03", {"plt": 38}),
    ("ANC — 0.45", {"anc": 0.45}), ("Neutrophil count (absolute) 0.8 ×10⁹/L", {"anc": 0.8}), ("ANC went up to 1.6 after G-CSF", {"anc": 1.6}),
    ("platelets up to 100", {}),
    # standard-name (LOINC-style) labels, units written as 10*3/uL, x 1000/uL, 10^9 cells/L; Gran#
    ("Hemoglobin [Mass/volume] in Blood: 8.4 g/dL", {"hgb": 8.4}),
    ("Neutrophils [#/volume] in Blood by Automated count: 0.7 10*3/uL", {"anc": 0.7}),
    ("PLT 45 x 1000/uL", {"plt": 45}), ("ANC 0.6 × 10^9 cells/L", {"anc": 0.6}), ("Gran# 0.9 (2.0-7.5)", {"anc": 0.9}),
    # dates with times beside the values, in either order; a plain list after one name; "trend" before the values
    ("PLT 23 x10^9/L (11/24 06:40); 31 x10^9/L (11/23 18:00)", {"plt": 23}), ("Hgb: 8.1 (11/24) | 9.0 (11/20)", {"hgb": 8.1}),
    ("Last 3 PLT: 88, 61, 45", {"plt": 45}), ("Plt trend 88 → 61 → 45 (most recent)", {"plt": 45}),
    ("Hb 9.1, 45 platelets", {"hgb": 9.1}), ("Labs; today; note\nHb 9.1; PLT 45; WBC 3.0", {"hgb": 9.1, "plt": 45, "wbc": 3.0}), ("ANC 0.4, 2 doses of G-CSF", {"anc": 0.4}),
    ("Date\tWBC\tPLT\n08/03\t2.2\t61\n01/03\t4.1\t160", {"wbc": 2.2, "plt": 61}),
    ("Date\tWBC\tPLT\n01/03\t4.1\t160\n08/03\t2.2\t61", {"wbc": 2.2, "plt": 61}), ("PLT 45 on admission, PLT 38 today", {"plt": 38}), ("LYMPH# 1.1 / 0.8 / 0.5 (weeks 0, 3, 6)", {"alc": 0.5}),
]


@pytest.mark.parametrize("text,expected", READS)
def test_real_world_lab_layouts_are_read(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs if lab["value"] is not None} == pytest.approx(expected)


def test_an_unknown_multiplier_is_warned_about_not_guessed():
    lab = grade_text("Plt 1,2 x 10^7/mL")[0]
    assert lab["value"] is None and lab["grade"] is None and "not recognised" in lab["warnings"][0]


# Printouts, tables and records of lab systems (fresh19 and the printouts of fresh14 to fresh17), in wordings of our own.
PRINTOUT_READS = [
    # a power of ten written with brackets ("x10(3)/uL") in the units column of a "Result Units Ref Range" table
    ("Blood count   Result   Units       Reference\nWBC           3.4 L    x10(3)/uL   4.0-10.0\nHb            12.2     g/dL        12-16\n"
     "Platelets     122 L    x10(3)/uL   150-350", {"wbc": 3.4, "hgb": 12.2, "plt": 122}),
    # counts in thousands per microlitre said in words, in hundreds per microlitre ("41 x10^2/µL" is 4.1 x10^9/L)
    ("Test: Platelet Count\nYour value: 188 Thousand/uL\nStandard range: 150 - 450 Thousand/uL", {"plt": 188}),
    ("Platelets 212 thousands/mcL", {"plt": 212}), ("Leukocytes 41 x10^2/µL, Plt 15.5 x10^4/µL", {"wbc": 4.1, "plt": 155}),
    # a cumulative report: a row of dates (and one of clock times) over rows with flags, a unit and a range after the values, rows
    # of other analytes among them; the most recent date is read
    ("CUMULATIVE RESULTS\n             02/10/24   02/17/24   02/24/24   Ref\n             0815       0640       0720\n"
     "WBC          5.1        3.9 L      3.1 L      4.0-11.0 K/uL\nRBC          4.10       3.80 L     3.60 L     4.2-5.4 M/uL\n"
     "HCT          38.0       35.2 L     33.9 L     36-46 %\nPLT          210        160        121 L      150-400 K/uL\n"
     "NEUT ABS     3.2        2.1        1.6 L      1.8-7.7 K/uL", {"wbc": 3.1, "plt": 121, "anc": 1.6}),
    ("Serial blood counts\n            03-Mar   17-Mar   31-Mar   Units     Ref\nHb          131      122      109L     g/L       120-160\n"
     "MCH         29       30       31       pg        27-33\nWCC         6.1      5.0      3.8L     x10^9/L   4.0-11.0\n"
     "Platelets   301      254      199      x10^9/L   150-400", {"hgb": 10.9, "wbc": 3.8, "plt": 199}),
    # ... but a line of another analyte's value is no header over the rows after it
    ("WBC   2.2   10^3/uL  L\nRBC   3.01  10^6/uL  L\nHCT   27.0  %        L\nPLT   64    10^3/uL  L", {"wbc": 2.2, "plt": 64}),
    # a long table, one row per date and test: each analyte at its most recent date, in the unit of its row
    ("Date,Test,Result,Units\n2024-11-02,WBC,5.5,10^9/L\n2024-11-02,Hemoglobin,7.4,mmol/L\n2024-11-09,WBC,2.9,10^9/L\n"
     "2024-11-09,Hemoglobin,6.2,mmol/L", {"wbc": 2.9, "hgb": 9.99}),
    ("Datum | Untersuchung | Ergebnis | Einheit\n14.03.2025 | Thrombozyten | 61 | /nl\n28.02.2025 | Thrombozyten | 140 | /nl", {"plt": 61}),
    # ... but a percentage row is no count
    ("Date;Test;Result;Unit\n2025-01-05;Neutrophils %;71;%\n2025-01-05;Platelets;250;10^9/L", {"plt": 250}),
    # records of keys "Result Name:" / "Result Value:" / "Units:"
    ("Result Name: Hemoglobin\nResult Value: 8.4\nUnits: g/dL\nNormal Range: 12.0-16.0\nAbnormal Flag: L\n\n"
     "Result Name: White Blood Cell Count\nResult Value: 2.6\nUnits: x10^3/uL\nNormal Range: 4.0-10.0\nAbnormal Flag: L", {"hgb": 8.4, "wbc": 2.6}),
    # ... but a value in a unit not known is not guessed
    ("Result Name: White Blood Cell Count\nResult Value: 4.4\nUnits: x10^6/uL\nAbnormal Flag:", {}),
    # a differential row with the percentage, then the absolute count with its unit; "segmentados" are neutrophils
    ("Neutrófilos segmentados ...... 61 %   2.440 /mm3\nLinfocitos ................... 25 %   1.000 /mm3", {"anc": 2.44, "alc": 1.0}),
    ("Segmentados: 55% - 1.925 /mm³\nLinfócitos: 30% – 1.050 /mm³", {"anc": 1.925, "alc": 1.05}),
    # ... but a bare number after "Segmentados" is a share, and beside a row of all neutrophils the segmented ones are a part
    ("Segmentados: 64", {}), ("Segmentados 64 %", {}),
    ("Neutrófilos.....: 58 %   2.100 /mm³\n  Bastonetes....:  3 %     110 /mm³\n  Segmentados...: 55 %   1.990 /mm³", {"anc": 2.1}),
    # a table of days with a last column of notes, empty in some rows: the last day is read, the notes are no values
    ("Course on the ward:\nDay   ANC    Plt   Hb    Comment\nD1    0.2    41    8.1   G-CSF 480 mcg started\nD2    0.3    38    7.9\n"
     "D3    1.4    52    8.3   G-CSF 480 mcg stopped", {"anc": 1.4, "plt": 52, "hgb": 8.3}),
    ("Day   WBC   Plt   Notes\nD1    2.1   90    2 units given\nD2    2.6   84", {"wbc": 2.6, "plt": 84}),
    # a German dated list named by a compound of "Verlauf", with the unit after the last value only
    ("Leukozytenverlauf: 02.01. 6,1, 16.01. 4,8, 30.01. 3,2/nl. Hb stabil.", {"wbc": 3.2}),
    ("Hb-Verlauf 05.05. 11,9, 19.05. 10,6 g/dl", {"hgb": 10.6}),
    # ... but no other compound of a name is one
    ("Hb-Elektrophorese 12", {}),
    # a unit said with "per" between the name and the value
    ("WBC, per µL: 2,350\nPlatelets, per microlitre: 97,000", {"wbc": 2.35, "plt": 97}),
    # a range column before the value column, the range only one space after a long name
    ("Test              Ref Range & Units    Value\nWBC               4.0 - 10.0 K/uL      3.1 (L)\n"
     "Absolute Lymphs 1.0 - 4.0 K/uL         0.6 (L)", {"wbc": 3.1, "alc": 0.6}),
]

# A unit the reader does not know is warned about, never guessed: a units column or a unit after the value.
UNKNOWN_UNIT_READS = [
    "Panel    Result   Units        Ref\nWBC      4.4      x10(6)/uL    4.0-10.0",
    "WBC 4.6 Million/uL", "Leukozyten 4,6 Mio/µl", "Date;Test;Result;Unit\n2025-01-05;WBC;4.4;Million/uL",
]


@pytest.mark.parametrize("text,expected", PRINTOUT_READS)
def test_printouts_tables_and_records_are_read(text, expected):
    labs = [lab for lab in grade_text(text) if lab["value"] is not None]
    assert {lab["analyte"]: lab["value"] for lab in labs} == pytest.approx(expected)
    assert len(labs) == len(expected)


@pytest.mark.parametrize("text", UNKNOWN_UNIT_READS)
def test_a_unit_not_known_is_warned_about_in_a_units_column_or_after_the_value(text):
    lab, = grade_text(text)
    assert lab["value"] is None and lab["grade"] is None and lab["warnings"]


def test_a_count_in_hundreds_per_microlitre_says_its_conversion():
    lab, = grade_text("WBC 28 x10^2/uL")
    assert lab["value"] == pytest.approx(2.8) and "read as 2.8 x10^9/L" in lab["assumptions"][0]


def test_untimed_repeats_in_one_list_are_all_kept_and_a_repeat_after_then_is_current():
    assert [lab["value"] for lab in grade_text("PLT 45, PLT 38")] == [45, 38]  # one list, told in no order
    lab, = grade_text("PLT 45, then PLT 38")
    assert lab["value"] == 38 and "38 is read as the current value" in lab["assumptions"][0]


def test_a_decimal_comma_is_said_and_an_unreadable_value_is_warned_about_not_guessed():
    anc = grade_text("ANC 0,9 G/L")[0]
    assert anc["grade"] == 3 and "read as 0.9 (decimal comma)" in anc["assumptions"][0]
    for text, token in (("plt 1oo", "1oo"), ("PLT 1,5,3 today", "1,5,3")):
        lab = grade_text(text)[0]
        assert lab["value"] is None and lab["grade"] is None and f"'{token}' could not be read" in lab["warnings"][0]
    trend = grade_text("plt 95 -> 61 -> 38")[0]
    assert trend["grade"] == 3 and "latest value is graded" in " ".join(trend["assumptions"])


def test_a_bare_v6_is_a_version_request():
    from assistant.context import asked_version

    assert asked_version("plt 40, v6 grade?") == "6.0" and asked_version("per CTCAE version 5") == "5.0"


# The development sets of round 250 (lab-strings-fresh250 to 267 but the honest 251, 254, 257, 260, 263 and 266): the accuracy
# and the values invented each ended the round at.
LAB_FLOORS_OF_ROUND_250 = {
    "lab-strings-fresh250": (0.971, 5),
    "lab-strings-fresh252": (0.969, 6),
    "lab-strings-fresh253": (0.972, 4),
    "lab-strings-fresh255": (0.975, 3),
    "lab-strings-fresh256": (0.981, 3),
    "lab-strings-fresh258": (0.942, 9),
    "lab-strings-fresh259": (0.962, 6),
    "lab-strings-fresh261": (0.948, 13),
    "lab-strings-fresh262": (0.96, 4),
    "lab-strings-fresh264": (0.966, 7),
    "lab-strings-fresh265": (0.965, 3),
    "lab-strings-fresh267": (0.972, 7),
}


# The development sets of round 267 (lab-strings-fresh268 to 291 but the honest 269, 272, 275, 278, 281, 284, 287 and 290): the
# accuracy (rounded down) and the values invented each ended the round at.
LAB_FLOORS_OF_ROUND_267 = {
    "lab-strings-fresh268": (0.99, 2), "lab-strings-fresh270": (0.973, 4), "lab-strings-fresh271": (0.961, 3),
    "lab-strings-fresh273": (0.973, 4), "lab-strings-fresh274": (0.915, 15), "lab-strings-fresh276": (0.943, 8),
    "lab-strings-fresh277": (0.966, 6), "lab-strings-fresh279": (0.964, 5), "lab-strings-fresh280": (0.953, 6),
    "lab-strings-fresh282": (0.966, 6), "lab-strings-fresh283": (0.972, 9), "lab-strings-fresh285": (0.964, 3),
    "lab-strings-fresh286": (0.979, 8), "lab-strings-fresh288": (0.99, 1), "lab-strings-fresh289": (0.968, 3),
    "lab-strings-fresh291": (0.971, 4),
}


# The development sets of round 291 (lab-strings-fresh292 to 315 but the honest 293, 296, 299, 302, 305, 308, 311 and 314): the
# accuracy (rounded down) and the values invented each ended the round at.
LAB_FLOORS_OF_ROUND_291 = {
    "lab-strings-fresh292": (0.935, 7), "lab-strings-fresh294": (0.969, 8), "lab-strings-fresh295": (0.978, 5),
    "lab-strings-fresh297": (0.93, 11), "lab-strings-fresh298": (0.964, 8), "lab-strings-fresh300": (0.969, 6),
    "lab-strings-fresh301": (0.954, 8), "lab-strings-fresh303": (0.928, 11), "lab-strings-fresh304": (0.958, 6),
    "lab-strings-fresh306": (0.973, 8), "lab-strings-fresh307": (0.931, 15), "lab-strings-fresh309": (0.954, 7),
    "lab-strings-fresh310": (0.982, 3), "lab-strings-fresh312": (0.986, 4), "lab-strings-fresh313": (0.96, 6),
    "lab-strings-fresh315": (0.97, 4),
}


@pytest.mark.parametrize("name,path", [("lab-strings", "lab_strings.jsonl"), ("lab-strings-fresh", "lab_strings_fresh.jsonl"),
                                       ("lab-strings-fresh2", "lab_strings_fresh2.jsonl"), ("lab-strings-fresh3", "lab_strings_fresh3.jsonl"),
                                       ("lab-strings-fresh4", "lab_strings_fresh4.jsonl"), ("lab-strings-fresh5", "lab_strings_fresh5.jsonl"),
                                       ("lab-strings-fresh6", "lab_strings_fresh6.jsonl"), ("lab-strings-fresh7", "lab_strings_fresh7.jsonl"),
                                       ("lab-strings-fresh8", "lab_strings_fresh8.jsonl"), ("lab-strings-fresh9", "lab_strings_fresh9.jsonl"),
                                       ("lab-strings-fresh10", "lab_strings_fresh10.jsonl"), ("lab-strings-fresh11", "lab_strings_fresh11.jsonl"),
                                       ("lab-strings-fresh12", "lab_strings_fresh12.jsonl"), ("lab-strings-fresh14", "lab_strings_fresh14.jsonl"),
                                       ("lab-strings-fresh15", "lab_strings_fresh15.jsonl"), ("lab-strings-fresh16", "lab_strings_fresh16.jsonl"),
                                       ("lab-strings-fresh17", "lab_strings_fresh17.jsonl"), ("lab-strings-fresh19", "lab_strings_fresh19.jsonl"),
                                       ("lab-strings-fresh20", "lab_strings_fresh20.jsonl"), ("lab-strings-fresh21", "lab_strings_fresh21.jsonl"),
                                       ("lab-strings-fresh22", "lab_strings_fresh22.jsonl"), ("lab-strings-fresh23", "lab_strings_fresh23.jsonl"),
                                       ("lab-strings-fresh24", "lab_strings_fresh24.jsonl"), ("lab-strings-fresh27", "lab_strings_fresh27.jsonl"),
                                       ("lab-strings-fresh29", "lab_strings_fresh29.jsonl"), ("lab-strings-fresh30", "lab_strings_fresh30.jsonl"),
                                       ("lab-strings-fresh31", "lab_strings_fresh31.jsonl"), ("lab-strings-fresh33", "lab_strings_fresh33.jsonl"),
                                       ("lab-strings-fresh34", "lab_strings_fresh34.jsonl"), ("lab-strings-fresh36", "lab_strings_fresh36.jsonl"),
                                       ("lab-strings-fresh37", "lab_strings_fresh37.jsonl"), ("lab-strings-fresh38", "lab_strings_fresh38.jsonl"),
                                       ("lab-strings-fresh40", "lab_strings_fresh40.jsonl"), ("lab-strings-fresh41", "lab_strings_fresh41.jsonl"),
                                       ("lab-strings-fresh42", "lab_strings_fresh42.jsonl"), ("lab-strings-fresh43", "lab_strings_fresh43.jsonl"),
                                       ("lab-strings-fresh45", "lab_strings_fresh45.jsonl"), ("lab-strings-fresh46", "lab_strings_fresh46.jsonl"),
                                       ("lab-strings-fresh48", "lab_strings_fresh48.jsonl"), ("lab-strings-fresh49", "lab_strings_fresh49.jsonl"),
                                       ("lab-strings-fresh51", "lab_strings_fresh51.jsonl"), ("lab-strings-fresh52", "lab_strings_fresh52.jsonl"),
                                       ("lab-strings-fresh53", "lab_strings_fresh53.jsonl"), ("lab-strings-fresh54", "lab_strings_fresh54.jsonl"),
                                       ("lab-strings-fresh56", "lab_strings_fresh56.jsonl"), ("lab-strings-fresh57", "lab_strings_fresh57.jsonl"),
                                       ("lab-strings-fresh59", "lab_strings_fresh59.jsonl"), ("lab-strings-fresh60", "lab_strings_fresh60.jsonl"),
                                       ("lab-strings-fresh62", "lab_strings_fresh62.jsonl"), ("lab-strings-fresh63", "lab_strings_fresh63.jsonl"),
                                       ("lab-strings-fresh65", "lab_strings_fresh65.jsonl"), ("lab-strings-fresh66", "lab_strings_fresh66.jsonl"),
                                       ("lab-strings-fresh68", "lab_strings_fresh68.jsonl"), ("lab-strings-fresh69", "lab_strings_fresh69.jsonl"),
                                       ("lab-strings-fresh71", "lab_strings_fresh71.jsonl"), ("lab-strings-fresh73", "lab_strings_fresh73.jsonl"),
                                       ("lab-strings-fresh74", "lab_strings_fresh74.jsonl"), ("lab-strings-fresh76", "lab_strings_fresh76.jsonl"),
                                       ("lab-strings-fresh78", "lab_strings_fresh78.jsonl"), ("lab-strings-fresh80", "lab_strings_fresh80.jsonl"),
                                       ("lab-strings-fresh82", "lab_strings_fresh82.jsonl"), ("lab-strings-fresh84", "lab_strings_fresh84.jsonl"),
                                       ("lab-strings-fresh86", "lab_strings_fresh86.jsonl"), ("lab-strings-fresh88", "lab_strings_fresh88.jsonl"),
                                       ("lab-strings-fresh89", "lab_strings_fresh89.jsonl"), ("lab-strings-fresh91", "lab_strings_fresh91.jsonl"),
                                       ("lab-strings-fresh92", "lab_strings_fresh92.jsonl"), ("lab-strings-fresh94", "lab_strings_fresh94.jsonl"),
                                       ("lab-strings-fresh95", "lab_strings_fresh95.jsonl"), ("lab-strings-fresh97", "lab_strings_fresh97.jsonl"),
                                       ("lab-strings-fresh98", "lab_strings_fresh98.jsonl"), ("lab-strings-fresh100", "lab_strings_fresh100.jsonl"),
                                       ("lab-strings-fresh101", "lab_strings_fresh101.jsonl"), ("lab-strings-fresh103", "lab_strings_fresh103.jsonl"),
                                       ("lab-strings-fresh105", "lab_strings_fresh105.jsonl"), ("lab-strings-fresh106", "lab_strings_fresh106.jsonl"),
                                       ("lab-strings-fresh108", "lab_strings_fresh108.jsonl"), ("lab-strings-fresh109", "lab_strings_fresh109.jsonl"),
                                       ("lab-strings-fresh111", "lab_strings_fresh111.jsonl"), ("lab-strings-fresh112", "lab_strings_fresh112.jsonl"),
                                       ("lab-strings-fresh114", "lab_strings_fresh114.jsonl"), ("lab-strings-fresh115", "lab_strings_fresh115.jsonl"),
                                       ("lab-strings-fresh117", "lab_strings_fresh117.jsonl"), ("lab-strings-fresh118", "lab_strings_fresh118.jsonl"),
                                       ("lab-strings-fresh120", "lab_strings_fresh120.jsonl"), ("lab-strings-fresh121", "lab_strings_fresh121.jsonl"),
                                       ("lab-strings-fresh123", "lab_strings_fresh123.jsonl"), ("lab-strings-fresh124", "lab_strings_fresh124.jsonl"),
                                       ("lab-strings-fresh126", "lab_strings_fresh126.jsonl"), ("lab-strings-fresh127", "lab_strings_fresh127.jsonl"),
                                       ("lab-strings-fresh129", "lab_strings_fresh129.jsonl"), ("lab-strings-fresh130", "lab_strings_fresh130.jsonl"),
                                       ("lab-strings-fresh132", "lab_strings_fresh132.jsonl"), ("lab-strings-fresh133", "lab_strings_fresh133.jsonl"),
                                       ("lab-strings-fresh135", "lab_strings_fresh135.jsonl"), ("lab-strings-fresh136", "lab_strings_fresh136.jsonl"),
                                       ("lab-strings-fresh138", "lab_strings_fresh138.jsonl"), ("lab-strings-fresh139", "lab_strings_fresh139.jsonl"),
                                       ("lab-strings-fresh141", "lab_strings_fresh141.jsonl"), ("lab-strings-fresh142", "lab_strings_fresh142.jsonl"),
                                       ("lab-strings-fresh144", "lab_strings_fresh144.jsonl"), ("lab-strings-fresh145", "lab_strings_fresh145.jsonl"),
                                       ("lab-strings-fresh147", "lab_strings_fresh147.jsonl"), ("lab-strings-fresh148", "lab_strings_fresh148.jsonl"),
                                       ("lab-strings-fresh150", "lab_strings_fresh150.jsonl"), ("lab-strings-fresh151", "lab_strings_fresh151.jsonl"),
                                       ("lab-strings-fresh153", "lab_strings_fresh153.jsonl"), ("lab-strings-fresh154", "lab_strings_fresh154.jsonl"),
                                       ("lab-strings-fresh156", "lab_strings_fresh156.jsonl"),
                                       ("lab-strings-fresh157", "lab_strings_fresh157.jsonl"), ("lab-strings-fresh159", "lab_strings_fresh159.jsonl"),
                                       ("lab-strings-fresh160", "lab_strings_fresh160.jsonl"), ("lab-strings-fresh162", "lab_strings_fresh162.jsonl"),
                                       ("lab-strings-fresh163", "lab_strings_fresh163.jsonl"), ("lab-strings-fresh165", "lab_strings_fresh165.jsonl"),
                                       ("lab-strings-fresh166", "lab_strings_fresh166.jsonl"), ("lab-strings-fresh168", "lab_strings_fresh168.jsonl"),
                                       ("lab-strings-fresh169", "lab_strings_fresh169.jsonl"), ("lab-strings-fresh171", "lab_strings_fresh171.jsonl"),
                                       ("lab-strings-fresh172", "lab_strings_fresh172.jsonl"), ("lab-strings-fresh174", "lab_strings_fresh174.jsonl"),
                                       ("lab-strings-fresh175", "lab_strings_fresh175.jsonl"), ("lab-strings-fresh177", "lab_strings_fresh177.jsonl"),
                                       ("lab-strings-fresh178", "lab_strings_fresh178.jsonl"), ("lab-strings-fresh180", "lab_strings_fresh180.jsonl"),
                                       ("lab-strings-fresh181", "lab_strings_fresh181.jsonl"), ("lab-strings-fresh183", "lab_strings_fresh183.jsonl"),
                                       ("lab-strings-fresh184", "lab_strings_fresh184.jsonl"), ("lab-strings-fresh186", "lab_strings_fresh186.jsonl"),
                                       ("lab-strings-fresh187", "lab_strings_fresh187.jsonl"), ("lab-strings-fresh189", "lab_strings_fresh189.jsonl"),
                                       ("lab-strings-fresh190", "lab_strings_fresh190.jsonl"), ("lab-strings-fresh192", "lab_strings_fresh192.jsonl"),
                                       ("lab-strings-fresh193", "lab_strings_fresh193.jsonl"), ("lab-strings-fresh195", "lab_strings_fresh195.jsonl"),
                                       ("lab-strings-fresh196", "lab_strings_fresh196.jsonl"), ("lab-strings-fresh198", "lab_strings_fresh198.jsonl"),
                                       ("lab-strings-fresh199", "lab_strings_fresh199.jsonl"), ("lab-strings-fresh201", "lab_strings_fresh201.jsonl"),
                                       *((f"lab-strings-fresh{n}", f"lab_strings_fresh{n}.jsonl")
                                         for n in (202, 204, 205, 207, 208, 210, 211, 213, 214, 216, 217, 219, 220, 222, 223, 225,
                                                   226, 228, 229, 231, 232, 234, 235, 237, 238, 240, 241, 243, 244, 246, 247, 249,
                                                   250, 252, 253, 255, 256, 258, 259, 261, 262, 264, 265, 267,
                                                   268, 270, 271, 273, 274, 276, 277, 279, 280, 282, 283, 285, 286, 288, 289, 291,
                                                   292, 294, 295, 297, 298, 300, 301, 303, 304, 306, 307, 309, 310, 312, 313, 315))])
def test_held_out_lab_strings_are_read(name, path):
    """Every value of the development sets is read and none invented, but for the few strings of the last six rounds left
    unread (their classes are listed in the closing note); the first fresh set guards regressions."""
    from assistant.evaluation import EVALS, LabStringItem, lab_reading_scores, load_jsonl

    scores, _ = lab_reading_scores(load_jsonl(EVALS / path, LabStringItem))
    if name in ("lab-strings-fresh7", "lab-strings-fresh8", "lab-strings-fresh9", "lab-strings-fresh10", "lab-strings-fresh11",
                "lab-strings-fresh12"):
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 4
    elif name == "lab-strings-fresh14":  # a development set of the round before (0.972, none invented when it was set)
        assert scores["lab_value_accuracy"] >= 0.97 and scores["lab_values_invented"] == 0
    elif name == "lab-strings-fresh15":  # a development set of the round before, long documents (0.955, 4 invented when it was set)
        assert scores["lab_value_accuracy"] >= 0.95 and scores["lab_values_invented"] <= 4
    elif name == "lab-strings-fresh16":  # a development set of this round, reports as systems print them (0.988, 3 invented when set)
        assert scores["lab_value_accuracy"] >= 0.985 and scores["lab_values_invented"] <= 3
    elif name == "lab-strings-fresh17":  # a development set of this round, typed the way clinicians type (0.976, 3 invented when set)
        assert scores["lab_value_accuracy"] >= 0.97 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh19", "lab-strings-fresh20", "lab-strings-fresh21"):  # development sets of the last round
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh22", "lab-strings-fresh23", "lab-strings-fresh24"):  # the same, written later in the round
        assert scores["lab_value_accuracy"] >= 0.95 and scores["lab_values_invented"] <= 10
    elif name == "lab-strings-fresh27":  # a development set of this round (0.995, 2 invented when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 4
    elif name in ("lab-strings-fresh29", "lab-strings-fresh30"):  # development sets written late in the last round (0.981/3, 0.980/9 when set)
        assert scores["lab_value_accuracy"] >= 0.97 and scores["lab_values_invented"] <= 10
    elif name in ("lab-strings-fresh31", "lab-strings-fresh33", "lab-strings-fresh34", "lab-strings-fresh36"):
        # development sets of this round (0.995/1, 0.993/3, 0.990/4, 0.995/2 when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 6
    elif name in ("lab-strings-fresh37", "lab-strings-fresh38"):  # written late in this round (0.975/8, 0.974/6 when set)
        assert scores["lab_value_accuracy"] >= 0.965 and scores["lab_values_invented"] <= 10
    elif name in ("lab-strings-fresh40", "lab-strings-fresh41", "lab-strings-fresh42", "lab-strings-fresh43", "lab-strings-fresh45",
                  "lab-strings-fresh46", "lab-strings-fresh48", "lab-strings-fresh49"):  # development sets of this round (0.983 to 1.0, 0 to 3 invented when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 4
    elif name in ("lab-strings-fresh51", "lab-strings-fresh52", "lab-strings-fresh53", "lab-strings-fresh54", "lab-strings-fresh56",
                  "lab-strings-fresh57"):  # development sets of the next round (0.945 to 0.993 and 1 to 12 invented when set)
        assert scores["lab_value_accuracy"] >= 0.975 and scores["lab_values_invented"] <= 8
    elif name in ("lab-strings-fresh59", "lab-strings-fresh60"):  # written late in that round (0.953/6, 0.960/10 when set)
        assert scores["lab_value_accuracy"] >= 0.955 and scores["lab_values_invented"] <= 8
    elif name in ("lab-strings-fresh62", "lab-strings-fresh63", "lab-strings-fresh65", "lab-strings-fresh66", "lab-strings-fresh68",
                  "lab-strings-fresh69", "lab-strings-fresh71"):  # development sets of that round (0.961 to 0.983 and 1 to 8 invented when set)
        assert scores["lab_value_accuracy"] >= 0.97 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh73", "lab-strings-fresh74", "lab-strings-fresh76", "lab-strings-fresh78", "lab-strings-fresh80",
                  "lab-strings-fresh82", "lab-strings-fresh84", "lab-strings-fresh86"):
        # development sets of this round (0.947 to 0.976 and 2 to 9 invented when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh88", "lab-strings-fresh89", "lab-strings-fresh91", "lab-strings-fresh92", "lab-strings-fresh94",
                  "lab-strings-fresh95"):  # development sets of the round after (0.963 to 1.0 and 0 to 4 invented when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh97", "lab-strings-fresh98", "lab-strings-fresh100", "lab-strings-fresh101", "lab-strings-fresh103"):
        # written late in that round (0.969 to 0.988 and 1 to 5 invented when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 2
    elif name in ("lab-strings-fresh105", "lab-strings-fresh106", "lab-strings-fresh108", "lab-strings-fresh109"):
        # development sets of the next round (0.991/0, 0.988/1, 0.934/8 and 0.986/2 when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh111", "lab-strings-fresh112", "lab-strings-fresh114", "lab-strings-fresh115", "lab-strings-fresh117",
                  "lab-strings-fresh118", "lab-strings-fresh120"):
        # written later in that round (0.979/1, 0.910/11, 0.936/6, 0.929/8, 0.931/9, 0.943/7 and 0.950/9 when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 2
    elif name in ("lab-strings-fresh121", "lab-strings-fresh123", "lab-strings-fresh124", "lab-strings-fresh126", "lab-strings-fresh127",
                  "lab-strings-fresh129", "lab-strings-fresh130", "lab-strings-fresh132", "lab-strings-fresh133", "lab-strings-fresh135",
                  "lab-strings-fresh136", "lab-strings-fresh138"):
        # development sets of the round after (0.987/2, 0.985/2, 0.992/1, 0.983/4, 0.987/1, 0.981/1, 0.949/8, 0.971/4, 0.983/2, 0.996/1,
        # 0.995/0, 0.984/3 when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh139", "lab-strings-fresh141", "lab-strings-fresh142", "lab-strings-fresh144", "lab-strings-fresh145",
                  "lab-strings-fresh147"):
        # development sets of the round after (0.986/1, 0.996/1, 0.984/3, 0.996/1, 0.982/1, 0.978/1 when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh148", "lab-strings-fresh150", "lab-strings-fresh151", "lab-strings-fresh153", "lab-strings-fresh154",
                  "lab-strings-fresh156"):
        # written late in the round after (0.978/3, 0.996/1, 0.982/2, 0.992/2, 0.987/1, 0.983/3 when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh157", "lab-strings-fresh159", "lab-strings-fresh160", "lab-strings-fresh162", "lab-strings-fresh163",
                  "lab-strings-fresh165", "lab-strings-fresh166", "lab-strings-fresh168", "lab-strings-fresh169", "lab-strings-fresh172",
                  "lab-strings-fresh174", "lab-strings-fresh175", "lab-strings-fresh177", "lab-strings-fresh178", "lab-strings-fresh180"):
        # development sets of the round after (0.987/3, 0.986/3, 0.979/3, 0.992/0, 0.976/6, 0.996/2, 0.986/3, 1.0/1, 0.980/1, 0.989/1,
        # 0.982/3, 0.991/1, 0.991/2, 0.987/2, 0.992/0 when set)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name == "lab-strings-fresh171":  # a development set of the round after (0.988/3 when set)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh181", "lab-strings-fresh183"):  # written last in the round after (0.966/4, 0.987/3 when set)
        assert scores["lab_value_accuracy"] >= 0.965 and scores["lab_values_invented"] <= 3
    elif name in ("lab-strings-fresh184", "lab-strings-fresh186", "lab-strings-fresh187", "lab-strings-fresh189", "lab-strings-fresh190",
                  "lab-strings-fresh192", "lab-strings-fresh196", "lab-strings-fresh198", "lab-strings-fresh199", "lab-strings-fresh201"):
        # development sets of the round after (0.991/0, 0.963/4, 0.974/3, 0.971/3, 0.968/0, 0.996/0, 0.987/1, 0.977/2, 0.968/2,
        # 0.967/1 at the round's start commit)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name in ("lab-strings-fresh193", "lab-strings-fresh195"):  # the same round's hardest (0.958/6, 0.940/11 at its start)
        assert scores["lab_value_accuracy"] >= 0.975 and scores["lab_values_invented"] <= 6
    elif name in tuple(f"lab-strings-fresh{n}" for n in (202, 204, 205, 207, 208, 210, 211, 213, 214, 216, 217, 220, 222, 223, 225)):
        # development sets of the round after (0.996/2, 0.992/1, 1.0/2, 0.983/3, 0.990/3, 0.991/1, 0.991/1, 0.986/3, 0.977/5, 0.983/6,
        # 0.991/1, 0.991/8, 0.981/4, 0.977/7, 0.982/5 at the round's start commit)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name == "lab-strings-fresh219":  # the same round's hardest (0.948/11 at its start)
        assert scores["lab_value_accuracy"] >= 0.975 and scores["lab_values_invented"] <= 1
    elif name in tuple(f"lab-strings-fresh{n}" for n in (226, 228, 229, 231, 232, 234, 235, 237, 238, 240, 241, 243, 244, 246, 247)):
        # development sets of the round after (0.987/1, 1.0/1, 0.978/2, 0.996/2, 0.992/0, 0.972/2, 0.991/1, 0.987/3, 0.987/3, 0.956/5,
        # 0.987/2, 0.968/3, 0.964/3, 0.936/7, 0.951/6 at the round's start commit)
        assert scores["lab_value_accuracy"] >= 0.99 and scores["lab_values_invented"] <= 1
    elif name == "lab-strings-fresh249":  # the same round's last (0.946/8 at its start)
        assert scores["lab_value_accuracy"] >= 0.98 and scores["lab_values_invented"] <= 1
    elif name in LAB_FLOORS_OF_ROUND_250 or name in LAB_FLOORS_OF_ROUND_267 or name in LAB_FLOORS_OF_ROUND_291:
        # development sets of the rounds after, held where each left them
        accuracy, invented = {**LAB_FLOORS_OF_ROUND_250, **LAB_FLOORS_OF_ROUND_267, **LAB_FLOORS_OF_ROUND_291}[name]
        assert scores["lab_value_accuracy"] >= accuracy and scores["lab_values_invented"] <= invented
    elif name != "lab-strings-fresh":  # fresh2 to fresh6 were each developed on in the rounds after they were written
        assert scores["lab_value_accuracy"] == 1.0 and scores["lab_values_invented"] == 0
    else:
        assert scores["lab_value_accuracy"] >= 0.8 and scores["lab_values_invented"] <= 5


# One row per class of the fresh2 round, written as variants of the failures (not the set's own strings).
FLOWSHEETS_AND_FLAGS = [
    # a high/low flag between the name and the value
    ("PLT  L  61  (150-400)  K/uL", {"plt": 61}), ("Hgb H 17.9 g/dL", {"hgb": 17.9}),
    # flowsheets: analytes as column headers aligned with spaces, rows dated; the latest row is read
    ("Date      ANC   PLT\n02/03     2.9   188\n16/03     0.7    41\n09/03     1.5    97", {"anc": 0.7, "plt": 41}),
    # one analyte named on the header line (with its unit), rows "label value"
    ("ANC (x10^9/L)\n01/04   3.2\n08/04   1.9\n15/04   0.8", {"anc": 0.8}),
    ("Platelets (K/uL)\nC1D1  188\nC2D1  121\nC3D1  64", {"plt": 64}),
    # a Markdown flowsheet of one analyte, rows dated with the month in words (latest first)
    ("| Date | Lymphocytes, Absolute (x10^9/L) |\n|---|---|\n| 15 Apr | 0.4 |\n| 2 Apr | 0.9 |", {"alc": 0.4}),
    # the same flowsheets with single spaces, as copy-paste leaves them
    ("Date WBC PLT\n2026-03-02 4.1 150\n2026-03-16 2.2 61\n2026-03-09 3.0 97", {"wbc": 2.2, "plt": 61}),
    ("Hb (g/dL)\nDay 1 12.1\nDay 8 10.4\nDay 15 8.8", {"hgb": 8.8}), ("Date ANC\n8 Mar 0.9\n1 Mar 2.4", {"anc": 0.9}),
    # a unit without brackets on the name line; bare day, week or cycle numbers under a column that says which
    ("Hb g/dL\n03/02 12.1\n10/02 9.9", {"hgb": 9.9}), ("Week  Plt\n6     98\n0     210\n3     150", {"plt": 98}),
    ("| Cycle | ANC |\n|---|---|\n| 1 | 3.0 |\n| 3 | 0.9 |\n| 2 | 1.5 |", {"anc": 0.9}),
    # values each written after their date in running text: the most recent, never a piece of a date
    ("Platelets (x10^9/L): 03/02 212, 10/02 140, 17/02 88", {"plt": 88}), ("ANC: 15 Mar 0.9; 1 Mar 2.4; 8 Mar 1.7", {"anc": 0.9}),
    # prose under a name is not a flowsheet
    ("Platelets\nThe count was checked twice  and it was fine", {}), ("Platelets\nrepeat in 2 days 5", {}),
    # cycle columns with a '#' name: the latest column
    ("       C1    C2    C3\nNEUT#  3.1   1.8   0.9\nLYMPH# 1.2   0.8   0.3", {"anc": 0.9, "alc": 0.3}),
    # a plain list whose last value carries a bracketed label
    ("PLT trend: 140, 96, 58 (this morning).", {"plt": 58}),
    # a goal or a range is not a value
    ("Goal platelets 50-100; platelets today 38", {"plt": 38}), ("Keep Hb above 8; Hb 7.2 g/dL", {"hgb": 7.2}),
    ("Transfusion threshold: Hb 7 g/dL; Hb today 6.5 g/dL", {"hgb": 6.5}),
    # UK names
    ("FBC: WCC 2.6, Hb 101 g/L", {"wbc": 2.6, "hgb": 10.1}),
    # a place or time between the name and a bare value; a value before the name with an article
    ("Platelets on admission 72 x10^9/L", {"plt": 72}), ("At 1.1 x10^9/L the neutrophil count is low", {"anc": 1.1}),
]


@pytest.mark.parametrize("text,expected", FLOWSHEETS_AND_FLAGS)
def test_flowsheets_flags_goals_and_uk_names(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs if lab["value"] is not None} == pytest.approx(expected)


# Classes from the third blind set (variants written for the tests).
FRESH3_READS = [
    # a labelled value after an arrow; a dose or a treatment between two values of a series
    ("ANC 2.8 → lowest 0.4 (day 9) → 1.6 (day 16)", {"anc": 1.6}), ("plt 45 → 1 pool → 88 after", {"plt": 88}),
    ("Hgb 6.9 -> 2 units RBC -> 8.8", {"hgb": 8.8}), ("ANC 0.9 → G3 (v5.0) / G2 (v6.0)", {"anc": 0.9}),
    # a later value after a cue and a subject and verb, also past a semicolon
    ("his platelets were 60 on Monday and today they're 45", {"plt": 45}),
    ("ANC 0.6 yesterday; this morning it came back at 0.9", {"anc": 0.9}),
    ("Her Hb is 9.8 g/dL today, down 1 g/dL from last week", {"hgb": 9.8}),  # a change, not a value
    # the same analyte twice, one labelled as after an event
    ("Pre-transfusion Hb 6.8; after 2 units, post-transfusion Hb 8.9", {"hgb": 8.9}),
    ("Hb 7.0 → given 1 unit → post Hb 8.1", {"hgb": 8.1}), ("Admission PLT 12; discharge PLT 64", {"plt": 64}),
    # rows with a semicolon between name and value; a CSV export whose header names the analytes
    ("ANC;0.7;L\nLYMPH#;0.4;L", {"anc": 0.7, "alc": 0.4}),
    ("Date,WBC,PLT\n2025-03-01,5.1,220\n2025-03-15,2.9,61", {"wbc": 2.9, "plt": 61}),
    ("collected,hb,anc\n2025-03-15,8.4,0.8\n2025-03-01,11.0,2.2", {"hgb": 8.4, "anc": 0.8}),
    ("date;wbc;plt\n01/06/2025;4.4;188\n08/06/2025;3.7;130", {"wbc": 3.7, "plt": 130}),
    ("wbc,anc,plt\n3.1,1.2,98", {"wbc": 3.1, "anc": 1.2, "plt": 98}),
    # any form of a verb of change before 'to'; 'from X down to Y'; a time or 'but' before the later value
    ("Neutrophils 0.3 (day 10), recovering to 1.2 by day 21", {"anc": 1.2}), ("my platelets went from 150 down to 42", {"plt": 42}),
    ("Platelets were 40 on Monday; on Thursday they were 65", {"plt": 65}), ("ANC 1.1 last week but it's 0.8 now", {"anc": 0.8}),
    ("plt 12 → transfused → 35", {"plt": 35}),
    # a day, week or cycle label after an arrow or a cue is a label, never a value; a bare 'CTCAE 3' after an arrow neither
    ("Hb 8.8 → day 9 7.6", {"hgb": 7.6}), ("PLT 60 → wk 4: 95", {"plt": 95}), ("ALC 0.4 → cycle 3 deferred", {"alc": 0.4}),
    ("PLT 60 -> 3 days later 41", {"plt": 41}), ("platelets 120 on the 2nd, 64 on the 9th", {"plt": 64}), ("Hb fell by 1.5 g/dL to 8.1 g/dL", {"hgb": 8.1}), ("ALC dropped 40% to 0.5", {"alc": 0.5}), ("ANC 0.6 → CTCAE 3", {"anc": 0.6}), ("Hb 9.1, then day 15: 8.2", {"hgb": 8.2}),
    # values each after a day, week or cycle label; a word and a unit in brackets between name and series
    ("Platelets: baseline 240, day 8 130, day 15 72", {"plt": 72}), ("Hb series (g/dL): 11.0 (C1), 9.6 (C2), 8.7 (C3)", {"hgb": 8.7}),
    # a time at the start of each line labels all its values
    ("Bloods 2/6: ANC 0.9; PLT 70\nBloods 26/5: ANC 2.0; PLT 180", {"anc": 0.9, "plt": 70}),
    # a unit after a CSV comma is not a decimal comma
    ("Date,Test,Result,Units\n2025-05-02,ANC,1,10^9/L", {"anc": 1.0}), ("ANC   **0.3**", {"anc": 0.3}), ("Platelets, plasma: 61", {"plt": 61}), ("platelets bottomed out at 11 on day 8, then recovered to 95", {"plt": 95}), ("Hb 7.4, then 2 units PRBC, then 9.1", {"hgb": 9.1}),
    # a dot before three digits in a count per microlitre separates thousands; said in the assumptions
    ("PLT 98.000/µL", {"plt": 98}), ("ANC 1.200 cells/uL", {"anc": 1.2}),
    # names in other languages, from the lexicon
    ("Plaquettes 45 G/L, PNN 0,4 G/L", {"plt": 45, "anc": 0.4}), ("Leucocitos 2,1; hemoglobina 9,8 g/dL", {"wbc": 2.1, "hgb": 9.8}),
    # a differential percentage then the absolute count; quoted CSV cells
    ("Lymphocytes 9% (absolute 0.4)", {"alc": 0.4}), ('"ANC","0.9","L"\n"HGB","8.8","L"', {"anc": 0.9, "hgb": 8.8}),
    # a name used for a blood product inside a series is not a new lab
    ("plt 15 before the platelet transfusion and 41 after", {"plt": 41}),
    # a value in brackets a few words after its name, with its unit; not a threshold
    ("Going by the neutrophil count on your report (0.8 x10^9/L), this is low", {"anc": 0.8}),
    ("Platelets below the usual threshold (50 x10^9/L) need care", {}),
]


@pytest.mark.parametrize("text,expected", FRESH3_READS)
def test_fresh3_reading_classes(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs if lab["value"] is not None} == pytest.approx(expected)


# Classes from the fourth blind set (variants written for the tests).
FRESH4_READS = [
    # a place or time of several words between the name and its value
    ("Platelet count on the morning of surgery was 140.", {"plt": 140}), ("ANC recorded at the last visit was 1.1", {"anc": 1.1}),
    # a time word between the name and the first value of a series
    ("Hb yesterday 8.1, today 7.6", {"hgb": 7.6}), ("plt 30 at admission and 95 at discharge", {"plt": 95}),
    ("Hb 10.2 at discharge and 7.1 at admission", {"hgb": 10.2}),
    # verbs of a count standing or changing; several words ending in a verb that gives the value
    ("ANC has stood at 0.8 for a week", {"anc": 0.8}), ("platelets plummeted to 9 overnight", {"plt": 9}),
    ("Hemoglobin has declined steadily since March and was 8.2 g/dL today", {"hgb": 8.2}),
    ("Platelet transfusion threshold in this unit is 10.", {}), ("Hemoglobin goal before surgery is 9", {}),
    # a spaced flowsheet whose header leaves the label column unnamed
    ("        ANC   Hb\nWk 1    2.1   12.0\nWk 3    0.9   10.4", {"anc": 0.9, "hgb": 10.4}),
    ("      WBC  PLT\n2 Jun  5.0  210\n9 Jun  2.8  66", {"wbc": 2.8, "plt": 66}),
]


@pytest.mark.parametrize("text,expected", FRESH4_READS)
def test_fresh4_reading_classes(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs if lab["value"] is not None} == pytest.approx(expected)


# Classes from the fifth blind set (variants written for the tests).
FRESH5_READS = [
    # names and the words between name and value in German, Italian, French, Spanish and Dutch; /mmc and G/l
    ("Leukozyten 3,4 G/l; Neutros 1,9 G/l; Lymphos 0,7 G/l; Thrombos 112 G/l", {"wbc": 3.4, "anc": 1.9, "alc": 0.7, "plt": 112}),
    ("Thrombozyten liegt bei 64 G/l, Leukos von 2,1", {"plt": 64, "wbc": 2.1}),
    ("Emocromo: GB 3,2 x10^9/L; emoglobina 8,9 g/dL; piastrine 88.000/mmc", {"wbc": 3.2, "hgb": 8.9, "plt": 88}),
    ("le piastrine sono 47 x10^3/µL e l'emoglobina è 9,4", {"plt": 47, "hgb": 9.4}),
    ("Globules blancs à 2,2 G/L, plaquettes à 120 000", {"wbc": 2.2, "plt": 120}),
    ("mes plaquettes sont à 71 000 et mes polynucléaires neutrophiles à 0,8", {"plt": 71, "anc": 0.8}),
    ("las plaquetas son de 35 000 y la hemoglobina es 8,7", {"plt": 35, "hgb": 8.7}),
    ("glóbulos blancos 1,9 x10^3/µL, neutrófilos 0,6", {"wbc": 1.9, "anc": 0.6}), ("trombocyten 45, leukocyten 3,1", {"plt": 45, "wbc": 3.1}),
    # a plain space joins groups only before a unit or as whole thousands: two values of a row stay apart
    ("PLT 45 120", {"plt": 45}),
    # a semicolon export with decimal commas
    ("Date;Hb;PLT\n01/03;11,2;240\n15/03;8,7;66", {"hgb": 8.7, "plt": 66}),
    # British middle-dot decimals; a bare N after a white count is its neutrophils, never a dose or a range
    ("FBC Hb 10·4  WCC 3·9  N 1·6  Plt 201", {"hgb": 10.4, "wbc": 3.9, "anc": 1.6, "plt": 201}), ("WBC 3.1, N 0.7 x10^9/L", {"wbc": 3.1, "anc": 0.7}),
    ("WBC 3.1, N 2 patients", {"wbc": 3.1}), ("WBC 3.1 N 1.8-7.5", {"wbc": 3.1}), ("N 0.9", {}),
    # counts per microlitre in tens or hundreds of thousands are converted by their exponent
    ("PLT 8.5 ×10⁴/μL", {"plt": 85}), ("Platelets 0,9 x 10^5/uL", {"plt": 90}),
    # a dose of blood products in any language between two values; the same analyte named again after an arrow is later
    ("Hb 6,8 → 2 EK transfundiert → 8,9", {"hgb": 8.9}), ("plaquettes 8 G/L → 1 CPA → 31 G/L", {"plt": 31}),
    ("Hb 7.2 g/dL → 2 units → Hb 8.8 g/dL", {"hgb": 8.8}), ("PLT 12 -> transfused -> PLT 35", {"plt": 35}),
    # more arrows between values of a series; an up or down arrow alone after a value is a flag
    ("WBC 1.1 ↑ 2.6 ↑ 4.0 on G-CSF", {"wbc": 4.0}), ("PLT 140 ⇒ 96 ⇒ 52", {"plt": 52}), ("ANC 2.2 ➔ 0.7 (today)", {"anc": 0.7}),
    ("WBC 12.1 ↑, PLT 45 ↓", {"wbc": 12.1, "plt": 45}),
    # a later event or a date in words labels a value of a series; weekdays as labels; "theyre", "today's is"
    ("ANC on admission 0.2 x10^9/L; at follow-up 2.4 x10^9/L after G-CSF", {"anc": 2.4}),
    ("Her platelet count was 21 on 2 June and 88 on the day of discharge (9 June).", {"plt": 88}),
    ("Hb 9.9 on Tue, 9.1 Thurs, 8.4 today", {"hgb": 8.4}), ("his neutrophils were 1.9 before, now theyre 0.9", {"anc": 0.9}),
    ("The Hb I quoted (8.8 g/dL) was last month's — today's is 7.4", {"hgb": 7.4}), ("ALC dropping to 0.3", {"alc": 0.3}),
    # a threshold, then the value labelled as today's
    ("Hold if platelets <50 x10^9/L, today 38", {"plt": 38}), ("hold if ANC < 1.0; today is day 3", {}),
    # a value given by a pronoun in the next clause; never a time, a dose or a goal
    ("Hb was repeated at the GP; this morning it came back at 8.3", {"hgb": 8.3}), ("My platelets were low last month, now they're 88", {"plt": 88}),
    ("Platelets were discussed, it was 3 weeks ago", {}), ("The platelets were fine, they were given 2 units", {}),
    # a condition with its labelled values in brackets right after it; alone, or with grades or durations, never a value
    ("Neutropenia (day 10: 0.2, day 21: 1.4)", {"anc": 1.4}), ("Leukopenia (lowest 1.9)", {"wbc": 1.9}),
    ("Anaemia (nadir 6.9, discharge 9.2 g/dL)", {"hgb": 9.2}), ("grade 4 thrombocytopenia", {}),
    ("Neutropenia (grade 3, nadir 0.4)", {}), ("thrombocytopenia (2 episodes)", {}), ("Lymphopenia (CTCAE 3)", {}),
    # a percentage name whose bracket gives the absolute count; a bracket of a range after one is not a count
    ("LYMPH% 9.5 (abs 0.42) | NEUT% 80.1 (absolute 3.3)", {"alc": 0.42, "anc": 3.3}), ("NEUT% 60 (2.1-7.5)", {}),
    # a reference range without brackets before the result; a spaced star flag before the value
    ("PLT (x10^9/L)   reference 150-400   result 61   L", {"plt": 61}), ("Platelets ref 150-400 x10^9/L", {}),
    ("ANC  **  0.4  (2.0-7.5) x10^9/L  CRITICAL", {"anc": 0.4}),
    # cycle-day labels before each name: the latest cycle
    ("C2D1 PLT 160 | C2D8 PLT 95 | C2D15 PLT 61", {"plt": 61}),
    # numbers, multipliers, punctuation and abbreviations spoken in dictation
    ("hemoglobin seven point four grams per deciliter comma platelets sixty two thousand", {"hgb": 7.4, "plt": 62}),
    ("neutrophil count is six hundred period", {"anc": 0.6}), ("platelets came back at two hundred and ten thousand", {"plt": 210}),
    ("the platelet count fell from one twenty to thirty eight", {"plt": 38}), ("her W B C this morning was two point zero five", {"wbc": 2.05}),
    ("at one point two times ten to the ninth per liter the neutrophil count is low", {"anc": 1.2}),
    ("lymphocytes zero point three comma hemoglobin ninety one grams per liter", {"alc": 0.3, "hgb": 9.1}),
    ("platelets forty-one thousand", {"plt": 41}),
    # a lone 'one' and numbers that count days, doses or units stay words; 'period' is punctuation only after a number
    ("the platelet count is one of the lowest", {}), ("platelets two weeks ago were 45", {"plt": 45}),
    ("over a period of two weeks hemoglobin fell to ten point one", {"hgb": 10.1}),
]


def test_a_per_microlitre_multiplier_is_converted_and_said():
    lab = grade_text("Plt 9.6 x10^4/µL")[0]
    assert lab["value"] == 96 and any("x10^4/µL read as 96" in note for note in lab["assumptions"])


def test_spoken_numbers_are_read_and_mapped_back_to_the_words_said():
    text = "hemoglobin eight point two grams per deciliter comma platelets forty five thousand"
    spoken = read_spoken_numbers(text)
    assert spoken.original == text and spoken.text == "hemoglobin 8.2 grams per deciliter, platelets 45000"
    start = spoken.text.index("45000")
    assert spoken.original_span(start, start + 5) == (text.index("forty"), len(text))
    assert spoken.original_span(0, 10) == (0, 10)  # words not rewritten keep their place
    labs = grade_text(text)
    assert [(lab["analyte"], lab["value"]) for lab in labs] == [("hgb", 8.2), ("plt", 45)]
    assert [lab["raw"] for lab in labs] == ["hemoglobin eight point two grams per deciliter", "platelets forty five thousand"]
    assert all(text[lab["span"][0]:lab["span"][1]] == lab["raw"] for lab in labs)


# Numbers said in Spanish, Italian, French, Portuguese, German and Dutch, "oh" after a decimal word and digits with a spoken
# point; words that are numbers only in another language, ages, doses, dates and percentages give no value.
SPOKEN_OTHER_LANGUAGES = [
    ("hemoglobina siete coma ocho, plaquetas noventa y cinco mil", {"hgb": 7.8, "plt": 95}),
    ("leucocitos dos mil cuatrocientos, neutrófilos mil cien", {"wbc": 2.4, "anc": 1.1}),
    ("plaquetas doscientas treinta mil", {"plt": 230}),
    ("emoglobina otto virgola sei, piastrine centosettanta mila", {"hgb": 8.6, "plt": 170}),
    ("neutrofili zero virgola sette, piastrine trentaduemila", {"anc": 0.7, "plt": 32}),
    ("hémoglobine onze virgule deux, plaquettes soixante-quinze mille", {"hgb": 11.2, "plt": 75}),
    ("plaquettes quatre-vingt-douze mille, leucocytes trois virgule neuf", {"plt": 92, "wbc": 3.9}),
    ("hemoglobina oito vírgula um, plaquetas cento e quarenta mil", {"hgb": 8.1, "plt": 140}),
    ("leucócitos três mil e seiscentos", {"wbc": 3.6}),
    ("Hämoglobin sieben Komma neun, Thrombozyten dreiundsechzigtausend", {"hgb": 7.9, "plt": 63}),
    ("Thrombozyten hundertachtzig tausend", {"plt": 180}),
    ("Hb zeven komma drie, trombocyten honderdvijftig duizend", {"hgb": 7.3, "plt": 150}),
    ("trombocyten vierenvijftig duizend", {"plt": 54}),
    ("platelet count of seventy, hemoglobin eight point oh", {"plt": 70, "hgb": 8.0}),
    ("neutrophils two point oh five", {"anc": 2.05}), ("Hgb 11 point 3 this morning", {"hgb": 11.3}),
    ("Hgb 8 comma platelets 61", {"hgb": 8, "plt": 61}),  # "comma" after digits stays punctuation
    # never a value
    ("La paciente tiene un hijo y una hija, vive a mil metros del hospital.", {}),
    ("Ho parlato con una infermiera e un medico, sei d'accordo? Mille grazie.", {}),
    ("Il a une fille, point final ; cent pour cent d'accord.", {}),
    ("Plaquetas en un rango normal, una vez al mes, once veces al año.", {}),
    ("platelets once again stable due to steroids; she was in a coma, ten per cent of cases", {}),
    ("paciente de setenta y dos años, prednisona treinta miligramos, control el doce de mayo, mil gracias", {}),
    ("plaquetas bajaron un veinte por ciento", {}),
    ("Der Patient hat eine Tochter, einen Sohn und acht Enkel.", {}),
    ("Onze patiënt kreeg een transfusie en tien dagen rust.", {}),
]


@pytest.mark.parametrize("text,expected", SPOKEN_OTHER_LANGUAGES)
def test_numbers_said_in_other_languages(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs} == pytest.approx(expected)
    assert len(labs) == len(expected)  # nothing invented
    assert all(text[lab["span"][0]:lab["span"][1]] == lab["raw"] for lab in labs)


def test_numbers_said_in_other_languages_keep_the_words_as_said():
    text = "emoglobina nove virgola tre, piastrine duecentoventi mila"
    spoken = read_spoken_numbers(text)
    assert spoken.text == "emoglobina 9.3, piastrine 220000"
    labs = grade_text(text)
    assert [lab["raw"] for lab in labs] == ["emoglobina nove virgola tre", "piastrine duecentoventi mila"]
    for text in ("el paciente dice que sí, una vez, un día", "due to bleeding, seize the day", "ein Patient, een patiënt, um paciente"):
        assert read_spoken_numbers(text).text == text


def test_text_without_spoken_numbers_is_returned_as_is():
    text = "ANC 1.2 is grade 3 neutropenia, someone has often said"
    spoken = read_spoken_numbers(text)
    assert spoken.text is text and spoken.pieces == () and spoken.original_span(4, 7) == (4, 7)


def test_cycle_day_labels_keep_only_the_latest_repeat():
    assert [lab["value"] for lab in grade_text("C3D1 Hb 10.1 | C1D1 Hb 12.4 | C2D1 Hb 11.0")] == [10.1]


def test_the_same_analyte_named_again_after_an_arrow_is_the_later_value():
    assert [lab["value"] for lab in grade_text("Hb 7,9 g/dL → transfusion de 2 CGR → Hb 9,6 g/dL")] == [9.6]
    assert [lab["value"] for lab in grade_text("Hb 8.1 ↓, Hb 9.0")] == [8.1, 9.0]  # an up or down arrow is a flag, not a join


# A series inside a table cell is read at its last value; 'since' labels a change, not the time of a value.
@pytest.mark.parametrize("text,expected", [
    ("| Lab | Value | Grade |\n|---|---|---|\n| Platelets | 75 → 70 10^9/L | 2 |", {"plt": 70}),
    ("plt 81 → 68 since yesterday", {"plt": 68}), ("nadir ANCs of 0.4", {"anc": 0.4}),
])
def test_cell_series_since_and_plural_names(text, expected):
    labs = grade_text(text)
    assert {lab["analyte"]: lab["value"] for lab in labs if lab["value"] is not None} == pytest.approx(expected)


# Classes from the sixth blind set (variants written for the tests).
FRESH6_READS = [
    # more names: PMN and polymorphs for neutrophils, segs only when absolute; German and Dutch short forms in the singular;
    # 'absolutos' after a Spanish name; a name split in two by dictation
    ("PMN 0.8, lymphs 1.1", {"anc": 0.8, "alc": 1.1}), ("polymorphs 2.3 x10^9/L", {"anc": 2.3}), ("Segs 58", {}),
    ("abs segs 1.6", {"anc": 1.6}), ("Leuko 7,4; Thrombo 96", {"wbc": 7.4, "plt": 96}), ("leuko 2,8 en trombo 61", {"wbc": 2.8, "plt": 61}),
    ("linfocitos absolutos 0,4 x 10^3/µL", {"alc": 0.4}), ("plate lets two hundred", {"plt": 200}),
    # thousands per microlitre written in German, and counts per nanolitre
    ("Thrombo 74 Tsd/µl, Leuko 3,3 Tsd./µl", {"plt": 74, "wbc": 3.3}), ("Leukozyten 9,6 /nl", {"wbc": 9.6}),
    # verbs of a count changing in French, Spanish, Italian and German between the name and its value
    ("les plaquettes ont baissé à 64 G/L", {"plt": 64}), ("los leucocitos han subido a 5,1", {"wbc": 5.1}),
    ("piastrine calate a 22", {"plt": 22}), ("Hb gestiegen auf 10,4 g/dl", {"hgb": 10.4}),
    # the earlier value of a change named or labelled with its time before 'to'
    ("ANC climbed from the low of 0.2 to 1.9", {"anc": 1.9}), ("WBC fell from 6.1 on day 1 to 1.2 x10^9/L", {"wbc": 1.2}),
    ("Hb went from 12.0 g/dL before surgery to 9.3 g/dL", {"hgb": 9.3}),
    # several values each labelled as after an event: the one told last
    ("post-op PLT 88, at follow-up PLT 140", {"plt": 140}), ("Hb 7.0 → 1 unit → post-transfusion Hb 8.0; at discharge Hb 8.4", {"hgb": 8.4}),
    # a note in brackets beside a row's time; date columns named in other languages; German dates ending with a dot
    ("| Time | ANC |\n|---|---|\n| 08:00 | 0.4 |\n| 12:00 (after G-CSF) | 0.9 |\n| 20:00 | 0.7 |", {"anc": 0.7}),
    ("Datum | Thrombo\n19.05. | 61\n12.05. | 140", {"plt": 61}), ("Fecha\tPlaquetas\n02/05\t140\n09/05\t61", {"plt": 61}),
    ("Leukozyten: 01.04. 5,9; 08.04. 3,2; 15.04. 1,8 (/nl)", {"wbc": 1.8}),
    ("Hb: 28.12.2024 12,1; 04.01.2025 10,3; 11.01.2025 9,4 g/dl", {"hgb": 9.4}),
    # dictation: a decimal said without its zero ("point four"), hesitations between a name and its value; after a
    # determiner 'point' stays a noun
    ("lymphocytes point four, white count three point two", {"alc": 0.4, "wbc": 3.2}), ("hemoglobin, uh, nine point one", {"hgb": 9.1}),
    ("platelets, erm, eighty one thousand", {"plt": 81}), ("Hb at that point nine", {}),
    ("the A N C at this point two days later was one point one", {"anc": 1.1}),
    # a time said before a list of values labels every value of it; a date and clock time leading a row of values
    ("Yesterday: ANC 0.3, PLT 12, Hb 7.9. Today: ANC 0.6; PLT 31; Hb 8.4", {"anc": 0.6, "plt": 31, "hgb": 8.4}),
    ("At baseline, WBC 6.0, platelets 240. After cycle 2 WBC 2.2, platelets 95.", {"wbc": 2.2, "plt": 95}),
    ("12/05 22:10 ANC 0.3 WBC 1.1\n13/05 06:00 ANC 0.5 WBC 1.4", {"anc": 0.5, "wbc": 1.4}),
    ("2025-03-08 Hb 8.2, PLT 61\n2025-03-01 Hb 9.1, PLT 88", {"hgb": 8.2, "plt": 61}),
    # a record written as lines of keys: the name, then 'Result:' or 'Value:', and the unit on a 'Units:' line of its own
    ("Analyte: Hemoglobin\nValue: 5.1\nFlag: L\nUnits: mmol/L", {"hgb": 8.22}),
    ("WHITE BLOOD CELL COUNT\n   Result: 1.7 x10^9/L  ** CRITICAL **\n   Reference: 4.0 - 11.0\nPLATELET COUNT\n   Result: 64 x10^9/L  L",
     {"wbc": 1.7, "plt": 64}),
    ("Component: Neutrophils, Absolute\nResult: 600\nUnits: cells/uL", {"anc": 0.6}), ("Platelets\nResult: 2\nunits transfused", {}),
    # the blood count as a fishbone, WBC > Hgb / Hct < Plt, read only when the hematocrit is about three times the hemoglobin
    ("FBC 12.4>8.1/24.9<301", {"wbc": 12.4, "hgb": 8.1, "plt": 301}), ("labs 2,4 > 9,8 / 29 < 45 et PNN 0,9", {"wbc": 2.4, "hgb": 9.8, "plt": 45, "anc": 0.9}),
    ("if 5 > 3 / 2 < 7", {}), ("ratio 4.0 > 2.0 / 1.0 < 9", {}),
    # a count repeated after a sample problem (clumped, haemolysed): the repeat is the value
    ("Platelets clumped; repeat count 150", {"plt": 150}), ("Hb haemolysed, recheck: 9.4 g/dL", {"hgb": 9.4}),
    ("PLT 31 (clumped), repeat in citrate 142", {"plt": 142}), ("platelets clumped, repeat in 2 days", {}),
    ("Platelets fine; repeat 150", {}), ("ANC 0.2, repeat in 2 days", {"anc": 0.2}),
    # Portuguese and Spanish: names with accents, cells named in the language ('células/mm3'), 'por mm3', thousands as 'mil',
    # dot thousands before a unit per cubic millimetre
    ("leucócitos 6.800/mm3; granulócitos 4.100/mm3", {"wbc": 6.8, "anc": 4.1}), ("Leucócitos: 2.900 células/mm3", {"wbc": 2.9}),
    ("neutrófilos totais 700/mm3", {"anc": 0.7}), ("plaquetas 72 mil/mm3", {"plt": 72}), ("plaquetas: 41.000 por mm3", {"plt": 41}),
    # a row whose name and unit share a cell under a header with a unit column; header words in other languages
    ("Parameter   Einheit   02.06.   09.06.\nLeukozyten  /nl       5,1      3,4\nThrombozyten /nl      171      93", {"wbc": 3.4, "plt": 93}),
    ("Exame | Resultado | Unidade | Referência\nHemoglobina | 8,7 | g/dL | 12,0-15,5\nPlaquetas | 64.000 | /mm3 | 150.000-450.000",
     {"hgb": 8.7, "plt": 64}),
]


# Classes of fresh7 (scored held-out first, then its dev round), in wordings of our own.
FRESH7_READS = [
    # names: Spanish RAN, Dutch plurals with an apostrophe, the German neutrophil granulocytes before 'neutrophile' alone
    ("RAN 600/µL, plaquetas 48.000/µL", {"anc": 0.6, "plt": 48}), ("trombo's 52, leuko's 2,2", {"plt": 52, "wbc": 2.2}),
    ("neutrophile Granulozyten abs. 1,1 Tsd/µl", {"anc": 1.1}), ("neutrophile 1,1 G/l", {"anc": 1.1}),
    # linking words: 'has been', German 'liegen bei'
    ("ANC has been 0.8 since Monday", {"anc": 0.8}), ("Thrombozyten liegen bei 71 G/l", {"plt": 71}),
    # a time with a colon leads part of a line; dates at the start of CSV rows
    ("Seen today. CBC 5/3: WBC 3.3 Plt 140. CBC 5/10: WBC 2.6 Plt 96.", {"wbc": 2.6, "plt": 96}),
    ("date,test,result\n2026-01-05,PLT,140\n2026-01-12,PLT,96", {"plt": 96}),
    # a portal's records ("Your value:"), a record whose name key is "Test result:"
    ("Neutrophils\nYour value: 1.1 x10E3/uL\nStandard range: 1.4 - 7.0", {"anc": 1.1}),
    ("Test result: Platelet Count\nValue: 64\nNormal range: 150 - 400 K/uL", {"plt": 64}),
    # a repeat named with its sample is the later value
    ("PLT 21 x10^9/L (L)\nComment: clumps on film. Repeat in citrate tube: PLT 133 x10^9/L.", {"plt": 133}),
    # a later value after 'had fallen to'; hemoglobin over hematocrit is no series
    ("Hb was 10.4 g/dL on 2 May and had fallen to 8.8 g/dL by 20 May", {"hgb": 8.8}), ("H/H 8.1/24, plt 99", {"hgb": 8.1, "plt": 99}),
]

# Classes of fresh8 (scored held-out first, then its dev round), in wordings of our own.
FRESH8_READS = [
    # a bare "L" after a bare "N" after a white count; "N" before a comma
    ("WBC 4.4, N 2.9, L 0.7, Hb 13", {"wbc": 4.4, "anc": 2.9, "alc": 0.7, "hgb": 13}), ("WBC 2.1 L 4.0-10.0 K/uL", {"wbc": 2.1}),
    # linking words: 'fine at', 'stables à', 'have come down', German 'absolut', an arrow before the value
    ("ALC 0.4 since cycle 2; ANC fine at 3.3", {"alc": 0.4, "anc": 3.3}), ("plaquettes stables à 88 G/L", {"plt": 88}),
    ("Neutrophile absolut 0,9 /nl", {"anc": 0.9}), ("WBC ↓ 2.6 (from 5.1)", {"wbc": 2.6}),
    ("Platelets have come down from 180 to 95", {"plt": 95}),
    # Portuguese names with accents
    ("linfócitos 600/mm³, neutrófilos 1.100/mm³", {"alc": 0.6, "anc": 1.1}),
    # values and names grouped by slashes, in either order, and a header of names over dated rows of groups
    ("counts 2.2/8.9/41 (WBC/Hgb/Plt)", {"wbc": 2.2, "hgb": 8.9, "plt": 41}), ("WBC/Hct/Plt 3.3/29/140", {"wbc": 3.3, "plt": 140}),
    ("Leukos/Thrombos\n01.03.: 4,1 / 160\n08.03.: 3,2 / 98", {"wbc": 3.2, "plt": 98}), ("BP 118/76, HR 80/min", {}),
    # a fishbone followed by a comma
    ("CBC 2.8 > 9.9/29.7 < 131, ANC 1.2", {"wbc": 2.8, "hgb": 9.9, "plt": 131, "anc": 1.2}),
    # a row of an analyte not read here is no header for the rows after it
    ("WBC  2.2  10^3/uL  L\nRBC  3.01  10^6/uL  L\nHCT  27.0  %  L\nPLT  88  10^3/uL  L", {"wbc": 2.2, "plt": 88}),
    # a dated list set off by a dash, its items by bars; CSV rows led by an ISO date and time
    ("Platelets -- 1/5: 160 | 1/12: 121 | 1/19: 77", {"plt": 77}),
    ("ts,test,value\n2026-02-01T07:50,ANC,2.1\n2026-02-08T08:10,ANC,1.4\n2026-02-15T07:45,ANC,0.9", {"anc": 0.9}),
    # when a value was taken, between its name and a colon
    ("Repeat ANC 04/02 10:15: 0.7 x10^3/uL", {"anc": 0.7}), ("PLT 04/02: 61", {"plt": 61}),
    # repeats dated at the end of their lines; a name over lines of a time and a value each
    ("HEMOGLOBIN  8.1 (L)  [12.0-15.5]  04/03 05:55\nHEMOGLOBIN  8.8 (L)  [12.0-15.5]  04/02 17:20", {"hgb": 8.1}),
    ("ALC (x10^9/L) by week\nW1  1.3\nW4  0.8\nW7  0.5", {"alc": 0.5}),
]
# Classes of fresh9 (scored held-out first, then its dev round), in wordings of our own.
FRESH9_READS = [
    # rows led by a date with the month in words; CSV rows whose time follows an identifier field
    ("2 Apr  WBC 4.4  Plt 160\n9 Apr  WBC 2.9  Plt 95", {"wbc": 2.9, "plt": 95}),
    ("pid,ts,test,value\nA7,2026-03-01T08:00,ANC,1.9\nA7,2026-03-08T08:00,ANC,0.9", {"anc": 0.9}),
    # when a value was taken said between its name and the value; presentation is the earliest time
    ("platelet count 7 x10^9/L at presentation; platelet count on discharge was 95 x10^9/L", {"plt": 95}),
    # a percentage cell; 'now' in German and Dutch
    ("| Test | Result |\n|---|---|\n| Lymphocytes | 31% |\n| Lymphocytes (abs) | 0.9 x10^9/L |", {"alc": 0.9}),
    ("Thrombozyten aktuell 77 G/l", {"plt": 77}), ("Trombocyten vandaag 39", {"plt": 39}),
    # a change told with its verb from one value to the next, in English or Portuguese
    ("anc dropped 1.9 to 0.8 overnight", {"anc": 0.8}), ("plaquetas caíram de 160 mil para 61 mil", {"plt": 61}),
]
# Classes of fresh10 (scored held-out first, then its dev round), in wordings of our own.
FRESH10_READS = [
    # records keyed "Result Name:" / "Result:" with a flag and a range on the value's line
    ("Result Name: NEUTROPHILS ABSOLUTE\nResult: 0.9 x10^3/uL   Abnormal: L   Normal range: 1.5 - 7.0", {"anc": 0.9}),
    ("Result: PLATELETS\nValue: 72 K/uL   Low\nNormal range: 150-400 K/uL", {"plt": 72}),
    # names: a lower-case n after a white count, SEG/BAND ABS, French Plaq
    ("wbc 3.0 n 1.1 hb 10.2", {"wbc": 3.0, "anc": 1.1, "hgb": 10.2}), ("SEG/BAND ABS.. 1.2 L K/uL", {"anc": 1.2}),
    ("Plaq 84 G/L", {"plt": 84}),
    # 'caíram para', 'said'; a long note in brackets after a list's last value
    ("plaquetas caíram para 44 mil", {"plt": 44}), ("my neutrophils said 1.1 with a flag", {"anc": 1.1}),
    ("Plaquetas: 150, 101, 62 (de más antiguo a más reciente)", {"plt": 62}),
    # now, then after an event: told in the order they happened
    ("Hb 7.4 g/dL this morning; transfused 2 units, post-transfusion Hb 9.0 g/dL.", {"hgb": 9.0}),
]
# Classes of fresh11 (scored held-out first, then developed on), in wordings of our own.
FRESH11_READS = [
    # a series told with a date after each value and a verb of change, in French, Spanish, Italian and Portuguese
    ("Plaquettes à 41 G/L le 03/05, remontées à 90 G/L ce jour.", {"plt": 90}),
    ("Plaquetas 110 x10^9/L el 02/05, han bajado a 39 x10^9/L hoy.", {"plt": 39}),
    ("Piastrine 31 x10^9/L il 02/05, risalite a 77 x10^9/L oggi.", {"plt": 77}),
    ("Neutrófilos 700/mm3 em 02/05; hoje 1.300/mm3.", {"anc": 1.3}), ("Neutrofili scesi a 0,7 x10^9/L", {"anc": 0.7}),
    # "absolut" after a differential percentage; "Day +7" labels; list items joined by "and" under one time
    ("Leukozyten 2,0, davon Neutrophile 30 % (absolut 0,6 x10^9/l)", {"wbc": 2.0, "anc": 0.6}),
    ("Day +7: ANC 0.2\nDay +14: ANC 0.9", {"anc": 0.9}),
    ("On admission, Hb 7.0 g/dL and platelets 21 x10^9/L; at discharge, Hb 9.4 g/dL and platelets 80 x10^9/L.", {"hgb": 9.4, "plt": 80}),
    # (left over after its round) 'Segs, abs' as a name; a dated list after 'trend:'; a number of units after a dash is no range's
    # top; records with a range line before the value's key, or a flag after the name
    ("Segs, abs ....... 0.4 x10^3/uL  L", {"anc": 0.4}), ("Platelets trend: 2/4 150, 2/11 98, 2/18 61", {"plt": 61}),
    ("Hb 7.0 - 1 unit given", {"hgb": 7.0}), ("Hb 7 - 9", {}),
    ("Platelet Count\nReference range: 150 - 400 K/uL\nResult: 38 K/uL (Low)", {"plt": 38}),
    ("WBC - Low\nResult: 1.8 x10^9/L", {"wbc": 1.8}), ("Platelet Count\nReference range: 150 - 400 K/uL", {}),
    # dated lists with a preposition before each date and a last value labelled today's; series whose last step follows a
    # conjunction in French or Spanish, after a day label or before the discharge
    ("Neutrophile am 2.5. 1,8, am 9.5. 1,1, heute 0,6 Tsd/µl", {"anc": 0.6}), ("Platelets on 3/4 120, on 10/4 85, today 60", {"plt": 60}),
    ("Plaquettes à 90 G/L, puis 60 G/L à J5 et 42 G/L à J9.", {"plt": 42}),
    ("Plaquetas 40 x10^9/L al ingreso, luego 75 y al alta 130 x10^9/L.", {"plt": 130}),
]
# Classes of fresh12 (scored held-out first, then developed on), in wordings of our own.
FRESH12_READS = [
    # flowsheets with analytes as columns: cells out of line, a date and a clock time in the label cell, a note cell after a
    # row's values, a title with words before the one name
    ("Visit  WBC  ANC   Hgb  PLT\nC1D1   5.1  3.0   12.9 230\nC2D1   4.0  1.9  11.8 160\nC3D1   3.2 1.1   10.9 121",
     {"wbc": 3.2, "anc": 1.1, "hgb": 10.9, "plt": 121}),
    ("Date/Time      Hgb    Plt\n03/07 06:10    8.1    40\n03/08 05:50    8.9    33", {"hgb": 8.9, "plt": 33}),
    ("Date/Time      Hgb   Plt\n06/02 07:00   7.0   19\n06/02 15:00   8.6   28   (after 1 unit)\n06/03 06:00   8.2   22",
     {"hgb": 8.2, "plt": 22}),
    ("Trend - Platelets (K/uL)\nD1   180\nD8   95\nD15  61", {"plt": 61}), ("Lab flowsheet: Hb (g/dL)\nC1D1  12.0\nC2D1  10.4", {"hgb": 10.4}),
    # a header of names joined by slashes over rows of groups, each after a date with no colon
    ("Leuko/Neutro/Thrombo\n02.05. 4,0/2,2/150\n09.05. 2,7/0,9/88", {"wbc": 2.7, "anc": 0.9, "plt": 88}),
    ("WBC/Hb/Plt\n04/06 3.4/10.1/140\n04/13 2.1/8.8/71", {"wbc": 2.1, "hgb": 8.8, "plt": 71}),
    # names written in snake case, as exports write field names
    ("test,result,units\nneutrophils_abs,0.7,10^9/L\nplatelet_count,64,10^9/L", {"anc": 0.7, "plt": 64}),
    ("white_blood_cells: 2.9", {"wbc": 2.9}), ("abs_lymphocytes = 0.4", {"alc": 0.4}),
    # a condition named, then its value after a preposition, in English, French, Spanish, Italian and German
    ("thrombopénie à 38 G/L sous carboplatine", {"plt": 38}), ("she has a lymphopenia of 0.3", {"alc": 0.3}),
    ("anemia de 7,4 g/dL tras el ciclo 2", {"hgb": 7.4}), ("piastrinopenia a 52 x10^9/L", {"plt": 52}),
    ("Leukopenie von 1,9 /nl", {"wbc": 1.9}),
    # ... but never a time, a count of patients, a year, a range, a definition or a value no condition could have
    ("febrile neutropenia at 38.6 C", {}), ("neutropenia of 5 days duration", {}), ("thrombocytopenia in 14 (22%) patients", {}),
    ("anaemia of 2021", {}), ("neutropenia of 0.5-1.0 x10^9/L", {}), ("neutropenia of 0.5 or lower is grade 4", {}),
    ("anemia of chronic disease", {}),
    # verbs of a count changing in Dutch; hemoglobin in mmol/L, as Dutch labs report it
    ("Hb gezakt naar 4,4 mmol/l", {"hgb": 7.09}), ("trombocyten gestegen tot 95 x10^9/l", {"plt": 95}),
    # the value after '=' past the transfusion it followed; a threshold, then the patient's value today after a dash
    ("repeat hb after 2 units = 8.9, before was 6.8", {"hgb": 8.9}), ("Transfuse if Hb <7 per policy — today 6.4", {"hgb": 6.4}),
    ("Hold drug if ANC <1.0 - now 0.7", {"anc": 0.7}),
]
# Classes of fresh14 (a development set of this round) and of the review passages, in wordings of our own.
FRESH14_READS = [
    # repeats labelled by an ISO date and a clock time (the date, not the clock, orders them), also as rows of a CSV export
    ("2024-11-02 21:30  PLT  48\n2024-11-03 06:10  PLT  39", {"plt": 39}),
    ("date,test,value\n2024-11-02 07:40,ANC,1.4\n2024-11-09 08:15,ANC,0.6", {"anc": 0.6}),
    # repeats labelled by an admission or a discharge, or by a word of time anywhere in their sentence, in any language read
    ("Thrombozyten bei Aufnahme 12 /nl. Entlassungsbefund: Thrombozyten 98 /nl.", {"plt": 98}),
    ("All'ingresso Hb 6,9 g/dL. Alla dimissione Hb 9,8 g/dL.", {"hgb": 9.8}),
    ("Hb 7,2 g/dL à l'entrée. À la sortie, Hb 10,1 g/dL.", {"hgb": 10.1}),
    ("Na admissão plaquetas 20.000/mm³. Após corticoide, plaquetas 95.000/mm³.", {"plt": 95}),
    ("Bij opname Hb 4,1 mmol/l; bij ontslag Hb 6,0 mmol/l.", {"hgb": 9.67}),
    ("Today's count: neutrophils 1.1. Her previous count in May had neutrophils of 2.4.", {"anc": 1.1}),
    # a conjunction ends a value's label: the words after it label the next value
    ("Neutrófilos 0,2 al ingreso, luego 0,6 y al alta 1,5", {"anc": 1.5}),
    # series whose next value follows "and" after a day or week label (a week comes after a day), or a label of its own after a
    # comma (a weekday, this morning, on day N with a pronoun)
    ("Platelets climbed to 61 by day 7 and 140 by week 4", {"plt": 140}),
    ("plt 12 on arrival, rose to 30 by day 4 after IVIG and 95 by week 2.", {"plt": 95}),
    ("Lymphocytes fell from 1.4 at baseline to 0.5 at week 4 and were 0.9 at week 12.", {"alc": 0.9}),
    ("Friday WBC 2.9, Saturday 2.2, this morning 1.7", {"wbc": 1.7}),
    ("Neutrophils on day 5 were 2.2, and on day 12 they were 0.7", {"anc": 0.7}),
    # a later value told by a pronoun starting the next clause, past a dose and a time; never a value of another measure
    ("The ANC was 0.3 x10^9/L. After filgrastim 300 mcg for 3 days, it recovered to 1.9 x10^9/L.", {"anc": 1.9}),
    ("ANC was 0.4. The fever broke and it dropped to 37.2", {"anc": 0.4}),
    ("ANC was 0.4. Her temperature settled, and it fell to 37.2", {"anc": 0.4}),
    # "now" that ends a value's clause is that value's; a series goes on past the bracket its name opened
    ("My platelets are 88 now, they were 140 in January.", {"plt": 88}),
    ("Severe anaemia (Hb 6.1) on 3/4; now 9.0 after transfusion.", {"hgb": 9.0}),
    # from one value to the next: in thousands, past a unit written with spaces, to a nadir; in French, Spanish and German
    ("platelets went from 30K to 85K", {"plt": 85}), ("ANC fell from 2.4 × 10^9/L at baseline to a nadir of 0.3 × 10^9/L", {"anc": 0.3}),
    ("Les leucocytes sont passés de 1,2 G/L le 04/03 à 3,5 G/L ce jour.", {"wbc": 3.5}),
    ("Las plaquetas pasaron de 15 x10^9/L el día +10 a 60 x10^9/L el día +21.", {"plt": 60}),
    ("Anstieg des Hb von 7,1 auf 9,4 g/dl", {"hgb": 9.4}),
    # ... but "de ... a" with no verb of change and no time between is a range, not a value
    ("plaquetas de 150 a 400", {}), ("Hb de 12 a 16 g/dL", {}),
    # months named in Dutch, Spanish, Italian, German (also after a German day's dot); one date, then the value, with no colon
    ("Trombocyten 2 mei 210, 9 mei 150, 16 mei 98", {"plt": 98}), ("Leucocitos 3 agosto 4,1; 10 agosto 2,6", {"wbc": 2.6}),
    ("Hämoglobin 3. März 9,8", {"hgb": 9.8}), ("Platelets 14 Mar 66", {"plt": 66}), ("WBC 12/03 3.4 x10^9/L", {"wbc": 3.4}),
    ("Platelets 2/11 150 -> 2/18 90", {"plt": 90}), ("Hb 12 May 2024 was fine", {}),
    # number forms: hemoglobin in "mmol" with no "/L"; "mil" for thousands; a white count's thousands split by a space (never
    # a platelet count's: "PLT 45 120" may be two values)
    ("Hb 5,9 mmol", {"hgb": 9.5}), ("plaquetas 60 mil (02/03) → 110 mil (09/03)", {"plt": 110}),
    ("mis plaquetas me salieron en 90 mil", {"plt": 90}), ("Leucocytes à 3 400, PNN à 1 900.", {"wbc": 3.4, "anc": 1.9}),
    ("leucocitos 2 500 y hemoglobina 10", {"wbc": 2.5, "hgb": 10}), ("PLT 45 120", {"plt": 45}),
    # HL7 result segments, read by their fields; of several panels the most recent one; a percentage is no count
    ("OBX|1|NM|26499-4^Neutrophils^LN||1.2|10*3/uL|2.0-7.0|L|||F\nOBX|2|NM|770-8^Neutrophils^LN||62|%|40-70||||F",
     {"anc": 1.2}),
    ("OBR|1|||CBC|||20240102070000\nOBX|1|NM|PLT^Platelets||140|K/uL\nOBR|2|||CBC|||20240109071500\nOBX|1|NM|PLT^Platelets||75|K/uL",
     {"plt": 75}),
    # names listed, then their values in the same order and "respectively" (in French too); when the counts differ, none is read
    ("WBC, ANC and platelets were 2.1, 0.8 and 95, respectively.", {"wbc": 2.1, "anc": 0.8, "plt": 95}),
    ("Hemoglobin and platelet counts were 8.8 g/dL and 61 × 10^9/L, respectively.", {"hgb": 8.8, "plt": 61}),
    ("Les leucocytes et les plaquettes étaient à 3,2 G/L et 88 G/L respectivement", {"wbc": 3.2, "plt": 88}),
    ("Hb, WBC and platelets were 9.1 and 45, respectively", {}),
    # a CSV export with every cell in quotes; a value typed right after its name, with no space
    ('"Date","Hb (g/dL)","PLT (K/uL)"\n"2024-05-01","10.4","150"\n"2024-05-15","9.2","82"', {"hgb": 9.2, "plt": 82}),
    ("anc0.6 plt48", {"anc": 0.6, "plt": 48}), ("HbA1c 7.2", {}),
    # a heading line above prose says nothing about the value ("mean" there is no statistic); a value in a bracket labelled the
    # latest; words of a transfusion, "preserved", "again" between a name and its value
    ("What the results mean\nYour platelet count of 88 is a little low.", {"plt": 88}), ("the mean ANC was 1.4", {}),
    ("Platelets stayed within range all along (latest 212).", {"plt": 212}), ("Hb post-transfusion 8.8 g/dL", {"hgb": 8.8}),
    ("Lymphocytes preserved at 1.6", {"alc": 1.6}), ("my neutrophils were low again - 0.9 this week", {"anc": 0.9}),
]


# Classes of fresh15 (a development set of this round: long documents giving one count several times), in wordings of our own.
FRESH15_READS = [
    # a reply above a quoted earlier message: the quoted values are older ("> ...", after "wrote:", "a écrit :", "schrieb", "escribió")
    ("Hi,\nRechecked at noon: platelets 72, Hb 10.4.\nBest, K\n\n> On 3/2, Dr P. wrote:\n> Platelets 40, Hb 10.9. Shall we hold?",
     {"plt": 72, "hgb": 10.4}),
    ("Bonjour,\nNouveau bilan : leucocytes 4,1 G/L, Hb 12,0 g/dL.\nCordialement\n\n> Le 03/04, Dr V. a écrit :\n"
     "> Leucocytes 2,6 G/L, Hb 11,2 g/dL.", {"wbc": 4.1, "hgb": 12.0}),
    ("Hola,\nPlaquetas 88 x10^9/L, neutrófilos 1,9 x10^9/L.\n\nEl 5/3, Dra. L. escribió:\nPlaquetas 41 x10^9/L, neutrófilos 0,8 x10^9/L.",
     {"plt": 88, "anc": 1.9}),
    ("Results back: ANC 1.9.\n-----Original Message-----\nFrom: Pat\nSent: Friday\nMy ANC was 0.8 at the clinic.", {"anc": 1.9}),
    # values marked as past lose to unmarked ones, in any language read: a forwarded alert is current when the note above it
    # gives the earlier values "for comparison"
    ("FYI, see the alert below. His labs before the cycle were ANC 3.1, plt 190.\n\n---------- Forwarded message ---------\n"
     "From: Lab\nANC 0.6, platelets 88.", {"anc": 0.6, "plt": 88}),
    ("Her white count is 3.3. Last month her white count was 5.1.", {"wbc": 3.3}),
    ("The report shows hemoglobin 9.9. My GP said it was 11.4 two weeks ago, hemoglobin 11.4.", {"hgb": 9.9}),
    ("Trombocyten 77. Ter vergelijking: trombocyten 160 bij opname.", {"plt": 77}),
    ("Neutrophile 0,9 /nl. Vorher Neutrophile 2,8 /nl.", {"anc": 0.9}),
    ("Plaquetas 45 x10^9/L. La semana pasada, plaquetas 102 x10^9/L.", {"plt": 45}),
    ("Piastrine 70 x10^9/L. Per confronto, piastrine 150 x10^9/L il mese scorso.", {"plt": 70}),
    # a value said to be current wins over the rest, and the last of those is read
    ("[Tue 08:00] Nurse: your hemoglobin was 8.0.\n[Thu 09:30] Nurse: today's hemoglobin is 9.1.", {"hgb": 9.1}),
    ("Clinic visit.\nToday: ANC 2.2.\nDuring admission the ANC was 0.1, and ANC was 1.3 at discharge.", {"anc": 2.2}),
    # the days of a progress note, a case report or a discharge summary told in order: the last told is current
    ("Ward round notes\nMon: WBC 1.0, plt 31.\nTue: WBC 1.4.\nWed: WBC 2.6, plt 44.", {"wbc": 2.6, "plt": 44}),
    ("Tag 1: Leukozyten 0,9 /nl.\nTag 3: Leukozyten 3,1 /nl.", {"wbc": 3.1}),
    ("Baseline platelets were 240. Platelets then fell to 18 after cycle 2. Platelets were 96 one week after IVIG.", {"plt": 96}),
    ("Admission bloods: Hb 71 g/L. Transfused two units. Hb 84 g/L the next day. Hb 95 g/L when she went home.", {"hgb": 9.5}),
    # said to be current, a value is, whatever dates without a year say across the turn of a year; a date after "le" or "on"
    # orders like one without it; the day's date in brackets between a name and its value
    ("Latest labs (4 Jan): ANC 1.6, Hb 11.0. He was admitted over Christmas (ANC 0.3 on 27 Dec).", {"anc": 1.6, "hgb": 11.0}),
    ("Plaquettes à 40 G/L le 03/06, puis 65 G/L le 05/06.\nÀ la sortie (07/06) : plaquettes 102 G/L.", {"plt": 102}),
    ("Hb on day of discharge (3/4): 10.1 g/dL", {"hgb": 10.1}),
    # a clock time before the name orders repeats better than a word of an event after the value
    ("07:00 PLT 31; 15:00 PLT 24 (repeat); 23:00 PLT 28", {"plt": 28}),
    # ... but not a value said of what would be; and a value repeated in a summary is read once
    ("Your ANC is 1.4. If the ANC were 0.4 we would admit you.", {"anc": 1.4}),
    ("Hb 10.2 g/dL. Summary: Hb 10.2 g/dL, stable.", {"hgb": 10.2}),
    # a column headed as a grade, a toxicity, a definition or an action holds no value, in any language read
    ("| Adverse event | CTCAE grade | Definition |\n|---|---|---|\n| Platelet count decreased | 3 | <50-25 x10^9/L |", {}),
    ("Parameter\tGrado\tAcción\nNeutrófilos\t4\tSuspender", {}),
    ("Test | Result | Grade\nANC | 0.8 | 3", {"anc": 0.8}),
    # a comparator in another language makes a threshold ("sous", "unter", "sotto", "por debajo de", "menos de", "abaixo de",
    # "onder", "inférieur à", "au moins"); so does a transfusion threshold named in another language
    ("Si les plaquettes passent sous 20 G/L, transfusion.", {}), ("Thrombozyten unter 30 /nl: EK-Gabe", {}),
    ("piastrine sotto 20", {}), ("con neutrófilos por debajo de 500", {}), ("plaquetas de menos de 20.000", {}),
    ("neutrófilos abaixo de 500", {}), ("trombocyten onder 20", {}), ("PNN inférieurs à 0,5 G/L", {}),
    ("Leukozyten mindestens 3,0", {}), ("PNN 0,9 G/L, donc sous 1,0", {"anc": 0.9}),
    ("Seuil transfusionnel : Hb 8 g/dL", {}), ("Umbral transfusional: Hb 7", {}), ("Transfusionsschwelle: Hb 7 g/dl", {}),
    # a table of dates over rows of an analyte, its values and then its unit in a last cell: the latest date is read
    ("            02/03    16/03    30/03\nLeucocytes    4,4      3,8      3,1    G/L\nPlaquettes    190      160      142    G/L",
     {"wbc": 3.1, "plt": 142}),
]


# Classes of fresh16 (a development set of this round: lab reports as different systems print them), in wordings of our own.
FRESH16_READS = [
    # counts as Indian reports write them: in lakhs per cubic millimetre, grouped in lakhs, "cu.mm", Hb in "g%"; a name in
    # brackets after a label that names nothing ("TOTAL COUNT (WBC)")
    ("PLATELETS    0.9   lakhs/cumm   1.5 - 4.0", {"plt": 90}), ("Platelet count 2.4 Lakh/µL", {"plt": 240}),
    ("Plt 1.75 lacs", {"plt": 175}), ("Platelets: 1,45,000 /cu.mm", {"plt": 145}), ("Hb 9.4 gm%", {"hgb": 9.4}),
    ("TOTAL COUNT (WBC) 2,300 /cumm", {"wbc": 2.3}), ("Total leucocyte count (TLC): 5,400 cells/cu.mm", {"wbc": 5.4}),
    ("Absolute neutrophil count (ANC): 900 /cumm", {"anc": 0.9}),
    # ... but a number grouped in lakhs is not three values, nor a dose a count
    ("Rs 1,20,000 was spent; platelets 1.1 lakh", {"plt": 110}),
    # a report's row gives the differential percentage, then the absolute count with its unit: the count is read
    ("Neutrophiles   38,5 %   0,92 G/L   (1,80 - 7,50)\nLymphocytes    50,1 %   1,20 G/L", {"anc": 0.92, "alc": 1.2}),
    ("Neutrófilos.....: 61 %   2.050 /mm³\nLinfócitos......: 30 %   1.010 /mm³", {"anc": 2.05, "alc": 1.01}),
    # ... but a percentage then a second number with no unit is not a count
    ("Neutrophils 62 %  40 - 80", {}), ("Lymphocytes 30 % 28", {}),
    # an absolute count said so after a Dutch or a short name ("Neutrofielen abs.", "Polys abs"); bare "Polys" is a percentage
    ("Neutrofielen abs. 1,1 x10^9/L", {"anc": 1.1}), ("Lymfocyten abs. 0,6", {"alc": 0.6}), ("Polys abs 3.4", {"anc": 3.4}),
    ("Polys 55 on the differential", {}),
    # a row of an analyte not read (a value, then a reference range in brackets) is no header over the rows below it
    ("Hematocriet        0.31 L/L      (0.41 - 0.51)  L\nLeukocyten         2.9  10^9/L   (4.0 - 10.0)   L\n"
     "Neutrofielen abs.  1.5  10^9/L   (1.5 - 7.5)", {"wbc": 2.9, "anc": 1.5}),
    # a previous result a French report prints under the current one ("Antériorité du ...") is older
    ("Plaquettes ........ 64 G/L\nAntériorité du 10/03/2025 : plaquettes 131 G/L", {"plt": 64}),
    # a cumulative report: dates over the hours they were drawn, rows of values with a reference range in a last cell; the
    # latest date is read, and the hours make no header of their own
    ("CUMULATIVE\nDate        11/03    18/03    25/03\nTime        07:50    08:10    07:35\nWBC (x10^9/L)   4.9   3.6   2.7   (4.0-11.0)\n"
     "Plt (x10^9/L)   188   141   97   (150-400)", {"wbc": 2.7, "plt": 97}),
    ("Date   06/02   06/03\nTime   0600    0545\nHGB    8.1 L   7.6 L   (13.5-17.5) g/dL", {"hgb": 7.6}),
    # a portal's export: the name on a line, a line of column headers, then dated rows latest first, each with a flag or a range
    ("Platelets\nDate            Result\nSep 30, 2025    74 K/uL (Low)\nSep 16, 2025    112 K/uL (Low)\nSep 2, 2025     160 K/uL",
     {"plt": 74}),
    ("White Blood Cell Count\nDate         Value     Range\n04/21/2025   3.2 K/uL  4.0-10.5\n04/07/2025   4.4 K/uL  4.0-10.5", {"wbc": 3.2}),
    # a CSV export in long form (date; analyte; value; unit), rows in no order: the latest date is read, its unit in the next cell
    ('"Datum";"Parameter";"Wert";"Einheit"\n"14.10.2025";"Thrombozyten";"61";"G/l"\n"07.10.2025";"Thrombozyten";"118";"G/l"',
     {"plt": 61}),
    # an HL7 result named by its LOINC code or its coded name ("Platelets [#/volume] in Blood"); a percentage is no count
    ("OBR|1|A1|B2|58410-2^CBC^LN|||202503010700\nOBX|1|NM|26515-7^Platelets [#/volume] in Blood^LN||48|10*3/uL|150-450|L|||F\n"
     "OBX|2|NM|770-8^Neutrophils/100 leukocytes in Blood^LN||71|%|40-75||||F\nOBX|3|NM|20509-6^HGB^LN||9.9|g/dL|12-16|L|||F",
     {"plt": 48, "hgb": 9.9}),
    # FHIR Observations as JSON: the value quantity after the code or text that names it, the latest by its effective time;
    # a reference range's values are not the patient's
    ('{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"777-3"}]},'
     '"effectiveDateTime":"2025-04-02","valueQuantity":{"value":64,"unit":"10*3/uL"},"referenceRange":[{"low":{"value":150}}]}',
     {"plt": 64}),
    ('[{"code":{"text":"Leukocytes"},"effectiveDateTime":"2025-05-09","valueQuantity":{"value":2.2,"unit":"10*9/L"}},'
     '{"code":{"text":"Leukocytes"},"effectiveDateTime":"2025-05-02","valueQuantity":{"value":4.0,"unit":"10*9/L"}},'
     '{"code":{"text":"Neutrophils/100 leukocytes"},"valueQuantity":{"value":55,"unit":"%"}}]', {"wbc": 2.2}),
    # an analyser's printout: the unit column before the value, rows of analytes not read among them (a value and a range,
    # as no header has); a flag in a last cell no header names; "NEU#"
    ("WBC       10^3/uL   3.10   L   4.00 - 10.00\nRBC       10^6/uL   4.02       4.20 - 5.40\nPLT       10^3/uL   58     L   150 - 400\n"
     "NEU#      10^3/uL   0.95   L   2.00 - 7.00", {"wbc": 3.1, "plt": 58, "anc": 0.95}),
    ("Test          Result   Units     Reference\nHb            6.1      mmol/L    7.5 - 10.0    L\nTrombocyten   98       x10^9/L   150 - 400     L",
     {"hgb": 9.83, "plt": 98}),
    # a record of labelled fields on one line: the unit labelled after the result ("Unit: g/dL" names no dose of blood)
    ("Test: Hb   Result: 82   Unit: g/L   Range: 120-160   Flag: L", {"hgb": 8.2}),
    ("Analyte: Platelets | Result: 31 | Unit: x10^9/L", {"plt": 31}),
    # ... but units of blood given after a value are still a dose
    ("Hb 7.2, transfused 2 units", {"hgb": 7.2}),
    # a series goes on past a comma and a conjunction in any language read ("..., et 52 G/L ce jour", ", y 0,9 hoy")
    ("PNN 2,1 G/L le 04/05, puis 1,3 le 11/05, et 0,6 G/L ce jour.", {"anc": 0.6}),
    ("Neutrófilos 1,8 el 03/04, luego 1,1 el 10/04, y 0,7 hoy", {"anc": 0.7}),
    # a value after the event it follows, in Italian ("post-trasfusionale") or shortened ("on d/c"); present words in German,
    # Spanish, Portuguese, Italian and French ("jetzt", "ahora", "agora", "adesso", "maintenant"); "holding at"
    ("Hb all'ingresso 7,0 g/dl; Hb post-trasfusionale 9,2 g/dl", {"hgb": 9.2}), ("Plt on d/c 88", {"plt": 88}),
    ("Unsere Thrombos sind jetzt bei 64", {"plt": 64}), ("mis plaquetas ahora en 71 mil", {"plt": 71}),
    ("Platelets holding at 140 after the dose change", {"plt": 140}),
    # ... but a number of units after "and" is no later value
    ("Hb 6.9 le 02/03, et 2 CGR transfusés", {"hgb": 6.9}),
]

LEFTOVER_READS = [
    # names misspelled in a hurry (fresh17): data in lab_names.yaml
    ("platlets 38 this am", {"plt": 38}), ("platelts 71, hemoglobn 8.8", {"plt": 71, "hgb": 8.8}),
    ("heamoglobin 9.9, nuetrophils 1.4, white cels 2.6", {"hgb": 9.9, "anc": 1.4, "wbc": 2.6}),
    ("the platform shows 12 flats", {}),
    # "this morning" between the name and the value, in other languages
    ("Hb ce matin 9,2 g/dL", {"hgb": 9.2}), ("Plaquetas esta mañana 61", {"plt": 61}), ("Piastrine stamattina 44", {"plt": 44}),
    ("trombocyten vanmiddag 61", {"plt": 61}), ("as plaquetas estão em 48 mil", {"plt": 48}),
    ("conta piastrinica di 96.000/mmc", {"plt": 96}), ("numération plaquettaire 54 G/L", {"plt": 54}), ("conta leucocitaria 2.900/mmc", {"wbc": 2.9}),
    # a differential's shares written without "%" are percentages, never counts: a run of white cells' kinds adding up to
    # about 100, or after a label "diff"
    ("Diff: neuts 60 lymphs 30 monos 8", {}), ("WBC 6.8; differential neutrophils 72%, lymphocytes 20, monocytes 6, eos 2", {"wbc": 6.8}),
    ("segs 55, bands 5, lymphs 32, monos 6, eos 2; plt 140", {"plt": 140}), ("neut 61.5 lymph 28.3 mono 7.1 eos 2.6 baso 0.5", {}),
    ("Diff - neutrophils 40, lymphocytes 35", {}),
    # ... but counts in a run, counts after a label, or counts with their units are read
    ("neuts 1.2 lymphs 0.8 monos 0.3", {"anc": 1.2, "alc": 0.8}), ("Diff: ANC 1.2, ALC 0.8", {"anc": 1.2, "alc": 0.8}),
    ("Lymphocytes 52 x10^9/L, neutrophils 40 x10^9/L", {"alc": 52, "anc": 40}), ("Lymphs 30 on the last count", {"alc": 30}),
    # a bare "N" after a white count's value ends a sentence with a full stop ("WCC 3·9  N 0·4.")
    ("WCC 3·9  N 0·4.", {"wbc": 3.9, "anc": 0.4}), ("WBC 2.6 N 0.9. Plt 140.", {"wbc": 2.6, "anc": 0.9, "plt": 140}),
    # ... but a date after the "N" is no count
    ("WBC 4.1 N 12.03.2025", {"wbc": 4.1}),
    # a report's verb before a name whose value follows "as" ("reported hemoglobin as 5.1 mmol/L")
    ("Your lab reported hemoglobin as 5.1 mmol/L.", {"hgb": 8.22}), ("The chart documents her platelet count as 48 today", {"plt": 48}),
    ("The clinic recorded the WBC as 2.7", {"wbc": 2.7}),
    # ... but no value without that verb, nor a word for a value
    ("Hemoglobin as 7 is the usual trigger", {}), ("The report lists hemoglobin as low.", {}), ("Think of platelets as 100 times smaller", {}),
    # a name introduced as what is normal or usual gives no patient's value, a range or not
    ("A normal platelet count is about 150 to 400. Yours is low.", {}), ("The usual range for hemoglobin is 12 to 16 g/dL", {}),
    ("Typical adult WBC: 4-11", {}), ("Healthy neutrophils run around 2 to 7", {}),
    # ... but a patient's own usual value, or a value after a count called normal, is the patient's
    ("Her usual platelets are 250 but today 90", {"plt": 90}), ("Platelets were normal at 210", {"plt": 210}),
    ("Counts were normal. Platelets 92 today", {"plt": 92}),
]

# Values of one count told each with a time relative to now, before or after it, in any of the languages read: the series is
# graded on the value said to be current, whichever order they are told in.
RELATIVE_TIME_READS = [
    ("plt three weeks ago 190, last Friday 120, this am 71", {"plt": 71}), ("ANC 0.6 yesterday evening, 1.1 this morning", {"anc": 1.1}),
    ("WBC this am 2.2, 3 days ago 4.8", {"wbc": 2.2}), ("Hb 7.9 last night, 8.8 after the transfusion today", {"hgb": 8.8}),
    ("neutrofili ieri 0,4, oggi 0,9", {"anc": 0.9}), ("Thrombos gestern Abend 31, heute 44", {"plt": 44}),
    ("plaquetas ayer 60 mil, hoy 48 mil", {"plt": 48}), ("leucocytes 2,9 G/L ce matin, 3,4 G/L hier soir", {"wbc": 2.9}),
    # the time after a value's unit; "this afternoon" after "this morning"; a bare day of the month and a verb in the present
    ("plts 38k/mm3 today, 57k yesterday", {"plt": 38}), ("Hb 9.8 g/dL today, 10.6 g/dL last week", {"hgb": 9.8}),
    ("ANC 1.1 this morning. Rechecked this afternoon: ANC 0.8.", {"anc": 0.8}),
    ("Ce matin leucos 2,1. Contrôle ce soir : leucos 1,7.", {"wbc": 1.7}),
    ("L'hémoglobine était à 7,6 g/dL le 12 et remonte à 8,8 g/dL le 16.", {"hgb": 8.8}),
    ("Las plaquetas eran 72 el 4 y bajan a 45 hoy", {"plt": 45}),
    # "this time" is the latest draw; an event's label with a preposition after it ("lag bei Entlassung bei 12,6")
    ("Drawn Monday: platelets 52, Hb 10.8. Repeated Wednesday, and this time platelets were 37, Hb 10.5", {"plt": 37, "hgb": 10.5}),
    ("Bei Aufnahme Hb 10,9 g/dl. Das Hb lag bei Entlassung bei 11,8 g/dl.", {"hgb": 11.8}),
    # a value in brackets said to be today's after a rough one ("stable ~11 (11.2 today)")
    ("plt steady ~90 (86 today)", {"plt": 86}), ("ANC 0.6 (1.3 now)", {"anc": 1.3}), ("ANC 0.6 (ref 1.5-7.5) today", {"anc": 0.6}),
    # a time word between the name and the value is no value ("platelets 2 weeks ago 160": 2 is no count)
    ("platelets 2 weeks ago 160", {"plt": 160}), ("hgb a few days ago 10.2", {"hgb": 10.2}),
    # ... a month labels each value ("1.6 in January, 0.9 in February"), or a date each value with its unit
    ("ALC drifted down steadily: 1.4 in May, 0.8 in July and 0.5 x10^9/L now", {"alc": 0.5}),
    ("Hb 11,2 g/dL en mai, 9,6 g/dL en juillet", {"hgb": 9.6}),
    ("Platelet course: 2 Jun 41 x10^9/L; 5 Jun 33 x10^9/L; 9 Jun 58 x10^9/L", {"plt": 58}),
    # a repeat on a date, a value after a clock time and a colon
    ("ANC 0.7 on 3/9; repeat on 3/12 1.1", {"anc": 1.1}), ("Platelets 05:30: 19", {"plt": 19}),
    # a count named only as "count" with a word of when, after the value of the count it names
    ("Platelets 22 at 06:00, one pool of platelets given; post-transfusion count 48", {"plt": 48}),
    ("ANC 0.3 on day 9. Repeat count 0.6 on day 11.", {"anc": 0.6}),
    # ... but not after another count, nor a hemoglobin
    ("Platelets 22, WBC 3.4; repeat count 3.9", {"plt": 22, "wbc": 3.9}), ("Hb 7.1, repeat count 8", {"hgb": 7.1}),
]

# What labels each value of a series after it, in the languages read: dotted dates, a day and a month, "el día 2", "d+12",
# "à 20h", a later event ("bij ontslag", "bei Entlassung"), "at start"; before it: "latest", a weekday, "today (fri)",
# "hoje 6h"; a time word before an arrow ("0.3 yest → 1.9").
SERIES_LABEL_READS = [
    ("Thrombozyten fielen auf 41/nl am 02.05., 33/nl am 04.05. und lagen bei Entlassung bei 97/nl", {"plt": 97}),
    ("bloedplaatjes: trombocyten 88 op 2 mei, 61 op 5 mei en 140 x10^9/l bij ontslag", {"plt": 140}),
    ("Neutrófilos 300/µL el día 3, 900/µL el día 6 y 2.100/µL el día 9", {"anc": 2.1}),
    ("ANC 0.2 on d+8 post transplant, 0.6 d+11, 1.4 today d+14", {"anc": 1.4}),
    ("sat plt 15, sun 22, mon 40, today (tue) 61", {"plt": 61}), ("platelets 40 (wk 2), 31 (wk 5), latest 26 this morning", {"plt": 26}),
    ("Plaquetas 9.000 na admissão, 7.000 às 23h, hoje 7h 18.000/mm3", {"plt": 18}),
    ("Hb contrôle à 18h : 9,4 g/dL", {"hgb": 9.4}), ("wbc 1.1 yest → 2.6 today", {"wbc": 2.6}),
    ("Plt 201 at start, 150 in April, 96 on 6/2", {"plt": 96}),
    # ... but a date with a slash after "on" still labels its value whole ("on 3/14", never 14)
    ("Hb 10.1 g/dL on 4/11, 9.4 g/dL on 4/18", {"hgb": 9.4}),
    # a later value told by a pronoun and a verb of being, when a word of now says it is current
    ("Her hemoglobin was 6.9 last night; she had one unit and this morning it's 8.2", {"hgb": 8.2}),
    ("Platelets were 14 on Monday, after IVIG they are now 63", {"plt": 63}),
    ("mes plaquettes étaient à 31 samedi, ce matin elles sont à 58", {"plt": 58}),
    # ... but not without it, nor past another measure
    ("Hb 8.1; it is 5 days since the transfusion", {"hgb": 8.1}), ("ANC 0.9. His temperature today: it's 38.4", {"anc": 0.9}),
    # times of two kinds, or relative to now in any order: "190 in April and 74 yesterday", "98 yesterday, 160 two weeks ago"
    ("plts were 210 in March and 66 yesterday", {"plt": 66}), ("WBC 3.9 yesterday, 5.2 three weeks ago", {"wbc": 3.9}),
    # a change told "from … to … to …": each "to" one more step
    ("platelets fell from 180 to 120 to 71 over a month", {"plt": 71}), ("ANC went from 0.2 to 0.8 to 1.7 x10^9/L", {"anc": 1.7}),
    # a value a sentence only supposes is none of the patient's ...
    ("if platelets drop to 20 should we give IVIG first?", {}), ("Si les plaquettes passent à 30, on transfuse", {}),
    # ... unless a word of now says it is
    ("can you check if platelets are 45 today", {"plt": 45}),
    # values said of someone else lose to the patient's
    ("my platelets came back at 58 this week. My brother had chemo and his platelets were 20", {"plt": 58}),
    ("Mis plaquetas están en 71; mi hermana tenía las plaquetas en 40 con la quimio", {"plt": 71}),
    # an admission or a discharge between the name and the value, in the languages read
    ("Hémoglobine de sortie 10,4 g/dL", {"hgb": 10.4}), ("Thrombozyten bei Entlassung 122/nl", {"plt": 122}),
    ("Hb bij ontslag 6,8 mmol/l", {"hgb": 10.95}), ("Leucocitos al alta 5,1", {"wbc": 5.1}),
    # names typed in a hurry or by patients, and short forms in other languages (data in lab_names.yaml)
    ("plateltes 71, wcb 2.2, hgbb 8.4", {"plt": 71, "wbc": 2.2, "hgb": 8.4}), ("white 3.1 plates 94", {"wbc": 3.1, "plt": 94}),
    ("my white blood count was 5.5", {"wbc": 5.5}), ("pnn à 0,9", {"anc": 0.9}), ("Linf 0,6, neutro's 1,1", {"alc": 0.6, "anc": 1.1}),
    ("mijn bloedplaatjes zijn 64", {"plt": 64}),
    # ... but not ordinary words
    ("a white 2019 car", {}), ("the white 3 times a day pill", {}),
    # "… and is 44 today": the value now, after the one before it
    ("her platelet count bottomed at 12 and is 57 today", {"plt": 57}),
    # a possessive after a threshold gives the patient's value ("hold if plt <75, ours is 88")
    ("guideline says hold if ANC <1.0, hers is 1.3 this morning", {"anc": 1.3}),
    # a day after "started" says when a treatment began, not when the value was taken
    ("Day 2: ANC 0.1 (G-CSF started day 1)\nDay 5: ANC 0.7\nDay 7: ANC 2.2", {"anc": 2.2}),
    # "<name> up to <value>" then how it got there is a rise, not a limit; a limit stays one
    ("ANC up to 1.4 from 0.6 on filgrastim", {"anc": 1.4}), ("platelets up to 450 are normal", {}),
    # a labelled "post count" after the count it names is the later one; a military clock before a colon; a repeat at a clock
    ("Plt 9 this am, 1 pool given, post count 31", {"plt": 31}), ("Platelet ct 0610: 41 (L)   repeat 1330: 36 (L)", {"plt": 36}),
    ("WBC 1.9 at 07:00, repeat 19:00 2.4", {"wbc": 2.4}),
    # "du jour", Dutch "EC" (a red cell unit) between two values, a recheck joined by a hyphen to its name
    ("Hb du jour 8,1 g/dL", {"hgb": 8.1}), ("Hb 4,6 -> 2 EC -> 5,9 mmol/L", {"hgb": 9.5}),
    ("Hb heute früh 7,0 g/dl; 2 EK; Kontroll-Hb am Abend 8,9 g/dl", {"hgb": 8.9}),
    # a value in brackets with an earlier time closes its clause: the value after the bracket is not "earlier" too
    ("At the last check (2 weeks ago, plt 71) she was fine; her platelets have recovered to 162", {"plt": 162}),
    # two names joined by "and", their values in brackets in the same order
    ("On day 30 hemoglobin and platelets were stable (12.2 g/dL and 188 x10^9/L)", {"hgb": 12.2, "plt": 188}),
    ("Leucocitos y plaquetas sin cambios (5.200/µL y 143.000/µL)", {"wbc": 5.2, "plt": 143}),
    # a platelet count in citrate is the true one beside an EDTA count that clumped
    ("PLT (EDTA)  38 x10^9/L  clumps seen\nPLT (citrate)  164 x10^9/L", {"plt": 164}),
    # an Indian report's total count, only with its unit; a misspelling
    ("TC: 4,800 cells/cu.mm", {"wbc": 4.8}), ("completed TC 4 cycles", {}), ("the neutrofils were 0.9", {"anc": 0.9}),
    # a corrected report: the value it was corrected to
    ("Platelet count: previously reported as 14 K/uL on 02/07 - CORRECTED to 41 K/uL", {"plt": 41}),
    # a range over a time, then today's value; decades are no values
    ("ANC range this admission 0.2-1.1, today 0.8", {"anc": 0.8}), ("platelets in the 30s all week", {}),
    # a time of weeks before the pronoun of a later value
    ("Two days later the platelet count was 31; at 3 weeks it had recovered to 144.", {"plt": 144}),
    # an analyser's printout under a title line: a unit column the reader does not know ("10^6/uL" of the red cells) makes a row,
    # not a header; a unit cell after the value is its unit, never a value
    ("XN-550   Sample 77-2   2025/06/02 07:40\nWBC    2.71  10^3/uL  L\nRBC    3.90  10^6/uL  L\nHGB    11.1  g/dL     L\n"
     "PLT     131  10^3/uL  L\nNEUT#  1.44  10^3/uL  L", {"wbc": 2.71, "hgb": 11.1, "plt": 131, "anc": 1.44}),
    # a bracket after the name, then the unit column, then the value
    ("Lymphocytes (abs)      10^9/L      0.6 L    1.0-4.0", {"alc": 0.6}),
]

# Later values of one count told in running prose, where no pattern of a series fits: a bare number later in the sentence, after
# a mark of a series, with nothing else to claim it (_told_later in labs.py).
TOLD_LATER_READS = [
    ("My platelet counts have been 140, 96 and now 71 over the last month.", {"plt": 71}),
    ("pt w/ AIHA, hb 6.1 yday, 7.9 after 2u, today 7.6", {"hgb": 7.6}),
    ("I neutrofili sono scesi da 2.100 a 1.100/mm3 in una settimana; il controllo di oggi mostra 800/mm3.", {"anc": 0.8}),
    ("Neuts Mon 1.9 – Wed 1.1 – Fri 0.7, afebrile", {"anc": 0.7}), ("plts 22k today, 41k yesterday", {"plt": 22}),
    # ... but not another measure, a threshold, a supposition, an earlier value told after, a bed, a range or a cohort's values
    ("ANC 0.4, CRP 38, lactate 2.3", {"anc": 0.4}), ("Platelets 31; transfuse if below 10", {"plt": 31}),
    ("Hb 8.2 today, previously 9.9", {"hgb": 8.2}), ("Plaquetas en 18.000, ingresa en la cama 6.", {"plt": 18}),
    ("Neutrófilos 1.100/mm³, acima de 1.000/mm³", {"anc": 1.1}), ("RBC 3.1, Hb 9.4, reticulocytes 4, MCV 99", {"hgb": 9.4}),
    ("(ANC 0.7 on day 9), then a 2-week pause", {"anc": 0.7}),
    # a time with a colon labels its own sentence only
    ("Bloods today: Hb 10.2, platelets 71. Last month's were Hb 11.9, plt 140.", {"hgb": 10.2, "plt": 71}),
    # days said with their prepositions and days said bare order values alike
    ("Platelets were 9 on day 1, 22 on day 3 and 48 on day 4. On the day of discharge (day 7): platelet count 96", {"plt": 96}),
    # "they came up to", "it went down to"; but a pronoun after "if" supposes; a duration after "over" is no comparison
    ("My neutrophils were 700 on Friday and the nurse said they came up to 1,600 today.", {"anc": 1.6}),
    ("Platelets were 210 at baseline; we give IVIG if they fall to 20.", {"plt": 210}),
    ("Platelets fell from 160 to 81 over two weeks; rechecked today: 70", {"plt": 70}),
    # two labels after one value ("214 at baseline in January", "82 at baseline pre atezo/bev")
    ("a falling platelet count: 230 at baseline in May, 140 in July and 52 on 2 September", {"plt": 52}),
    ("plt 90 at baseline pre ipi/nivo; now 58 after C2", {"plt": 58}),
    # a count named by when it was drawn ("pre-cycle count"), a German plural, "weiter", CELL-DYN's NEU and LYM
    ("low platelets: 101 at screening, 93 in May. His pre-cycle count today is 66", {"plt": 66}),
    ("die Neutrophilen bei 2,2 /nl", {"anc": 2.2}), ("Hb sinkt weiter: gestern 9,4, heute 8,6 g/dl", {"hgb": 8.6}),
    ("NEU  1.88 K/uL  61.2 %N\nLYM  0.52 K/uL  17.0 %L", {"anc": 1.88, "alc": 0.52}),
    # a day after a value labels it ("8.1 day 2"), it does not count days; a time of day after a day
    ("Hgb: 6.9 on admission -> 2 u PRBC -> 8.4 day 2 -> 8.0 day 2 evening -> 7.8 this morning", {"hgb": 7.8}),
    # a reply's "today" is newer than the "this morning" of the message it quotes
    ("Today's repeat: ANC 1.4, platelets 150.\n\n-----Original Message-----\nLabs from this morning: ANC 0.9, platelets 122.",
     {"anc": 1.4, "plt": 150}),
    # a unit in brackets after the value; "from 0.2 nadir to 1.6"; a clock then the value; "5 point 6." at a sentence's end
    ("Hb 7,1 (mmol/l)", {"hgb": 11.44}), ("neuts from 0.3 nadir to 1.2 after G-CSF", {"anc": 1.2}),
    ("Platelets 07:00 64 / 15:00 52 / 23:00 47", {"plt": 47}), ("white blood cell count 3 point 9.", {"wbc": 3.9}),
    ("ptlts 98, tlc 3400", {"plt": 98, "wbc": 3.4}),
    # "(N 1.4, L 0.7)" in brackets after a white count; a Dutch past verb with a month after the first value
    ("WCC 2.9 (N 1.1, L 0.6), Plt 120", {"wbc": 2.9, "anc": 1.1, "alc": 0.6, "plt": 120}),
    ("Hb daalde van 7,4 mmol/L in mei naar 6,3 mmol/L in juni en is vandaag 5,2 mmol/L", {"hgb": 8.38}),
    # a treatment after "nach"; "erst"; an Italian participle; "% / abs"; "today (wk6)" in a list of weeks
    ("Neutrophile erst 0,3, dann nach G-CSF 1,9 /nl", {"anc": 1.9}), ("emoglobina scesa a 8,1 stamattina", {"hgb": 8.1}),
    ("lymphs 65% / abs 1.3", {"alc": 1.3}), ("Hb (g/L): wk1 88, wk2 95, today (wk3) 102", {"hgb": 10.2}),
    # pronouns and verbs of being in other languages, one after another, with a date between
    ("Le 2 mai les plaquettes étaient à 150 G/L. Le 9 mai elles étaient à 88 G/L, et ce matin elles sont à 52 G/L.", {"plt": 52}),
    # a bracket right after a word of now belongs to it ("this morning (Thursday) plt 58"), it cuts no clause
    ("plt 22 on Monday; plt rose to 40 on Tuesday, and this morning (Wednesday) plt 71.", {"plt": 71}),
    # "e" is the Italian and Portuguese "and"; a clock with am/pm, a weekday in another language between name and value
    ("emoglobina salita a 8,8 g/dL in terza giornata e alla dimissione è 9,9 g/dL", {"hgb": 9.9}),
    ("Hb 7.2 this morning; post-transfusion Hb at 9 pm was 8.8", {"hgb": 8.8}), ("Kontroll-Hb am Freitag früh 9,1 g/dl", {"hgb": 9.1}),
    ("Plaquetas el lunes por la mañana 44", {"plt": 44}),
    # an export's rows named by visits, with a date column: the date says which row is the latest
    ("visit,date,wbc,plt\nC1D1,2025-03-03,5.1,210\nEOT,2025-05-19,3.3,97\nC3D1,2025-04-14,4.2,150", {"wbc": 3.3, "plt": 97}),
    # a name and its unit in brackets before the values
    ("Trend (Hb g/L): 121 (May) -> 99 (Jun) -> 84 (today)", {"hgb": 8.4}),
    # a word of the past before a number said to be current; dates in brackets between values; a treatment then "post"
    ("hgb 9.8 yest 8.9 today", {"hgb": 8.9}), ("ANC 1.9 (4/2) 1.3 (4/9) 0.8 (4/16)", {"anc": 0.8}),
    ("hb 7.0 pre 2u prbc post 8.9", {"hgb": 8.9}),
    # a line's date and a clock without a colon, past a reference range with no brackets
    ("HGB  9.1 L  g/dL  12.0-16.0  04/02/25 0610\nHGB  8.4 L  g/dL  12.0-16.0  04/01/25 0550", {"hgb": 9.1}),
    # a relative pronoun between name and value; "tras las inmunoglobulinas" before a later value
    ("plaquetas que han bajado a 52 hoy", {"plt": 52}), ("ayer plaquetas 18.000, hoy tras las inmunoglobulinas 47.000", {"plt": 47}),
    # a supposition, then today's value; a range with its unit, then "mine is"; a dot leader before "pt value"
    ("if her plt fall to 15 overnight do we give a pool first? today 41", {"plt": 41}), ("Hemoglobin 12.0-15.5 g/dL mine is 10.1", {"hgb": 10.1}),
    ("[x] Platelets >= 100 x10^9/L ...... pt value 188", {"plt": 188}),
    # a clumped count beside one in citrate; lists by cycle and joined by arrows; Dutch "van"; Italian "ad agosto"
    ("PLT 31 K/uL clumps seen - redrawn in citrate: PLT 149 K/uL", {"plt": 149}),
    ("ALC by cycle on pembro: C1 1.6, C4 0.8, C6 0.5 (today)", {"alc": 0.5}), ("ANC trend: D1 0.2 → D3 0.4 → today 1.1", {"anc": 1.1}),
    ("een Hb van 5,1 mmol/L", {"hgb": 8.22}), ("emoglobina 12,1 a giugno, 10,2 ad agosto e oggi 9,0 g/dL", {"hgb": 9.0}),
    ("Ly 0.41 10e9/L, Ne 3.20 10e9/L, plq 140", {"alc": 0.41, "anc": 3.2, "plt": 140}),
    # a name over dated lines with its unit in brackets after other words; "soit" between a share and its count; a date column's
    # header before a group of names
    ("ALC by day (x10^9/L)\nD1 1.1\nD8 0.7\nD15 0.5", {"alc": 0.5}),
    ("Polynucléaires neutrophiles  38,0 %  soit 0,95 G/L", {"anc": 0.95}),
    ("Datum    Leukos/Thrombos\n03.03.   4,4/201\n10.03.   3,1/122", {"wbc": 3.1, "plt": 122}),
    # a labelled count after a name with no value of its own; but "count 1 h after" is a time
    ("Platelets (x10^9/L): admission 12; day 3 after IVIG, 30. This morning's count is 77.", {"plt": 77}),
    ("Plt 9; send a post-transfusion count 1 h after", {"plt": 9}),
    # a value in brackets right after another of its analyte is told for comparison; its label is not the first value's
    ("une thrombopénie à 58 G/L (plaquettes à 190 G/L en avril). Contrôle : plaquettes remontées à 81 G/L", {"plt": 81}),
    ("Plt 61 (Plt 95 last week)", {"plt": 61}),
    # a fishbone drawn on three lines; a military clock before "repeat"
    ("        10.1\n 3.9 >-----< 164\n       30.4", {"wbc": 3.9, "hgb": 10.1, "plt": 164}), ("0700 plt 52, 1900 repeat 44", {"plt": 44}),
    # the quoted message's "ce jour" is older than the reply's value
    ("Contrôle de ce matin : plaquettes 66 G/L.\n\n> Le lundi, Paul a écrit :\n> les plaquettes sont à 41 G/L ce jour.", {"plt": 66}),
    # a donor's values are no patient's, until the patient is named again
    ("Pt plt 38 today. Sibling donor screening: plt 260, Hb 14.2.", {"plt": 38}),
    ("HLA-matched brother (donor) Hb 15.0 g/dL; patient Hb 7.9 g/dL", {"hgb": 7.9}),
    # a relative clause between the name and the value
    ("Your platelets, which help your blood to clot, were 64 on Monday.", {"plt": 64}),
    # a change's size and a grading table's bands are no values; month/year dates label a list
    ("a haemoglobin drop of 2 g/dL triggers a work-up", {}), ("Grade 2 (plt 50-<75) — hold", {}),
    ("Platelets: 07/2024 241; 11/2024 198; 02/10/2025 97 (today)", {"plt": 97}),
    # the first value's time said just before its name; dated rows with a military clock under a reference line
    ("today plt 61, yesterday 70, Sunday 95", {"plt": 61}),
    ("Hemoglobin\n  Latest Ref Rng: 12.0 - 15.5 g/dL\n  06/02/25 0650: 8.4 (L)\n  06/01/25 0710: 9.0 (L)", {"hgb": 8.4}),
    # a hemoglobin with no unit in a Dutch text is in mmol/L, as Dutch laboratories report it; not in an English one
    ("Dokter, mijn uitslag van vandaag: Hb 6,2 en trombo's 140. Is dat laag?", {"hgb": 9.99, "plt": 140}),
    ("The patient is on day 3 of the trial; Hb 8.1", {"hgb": 8.1}),
    # a pronoun after a threshold, in the next sentence, gives the patient's value
    ("They said to hold it if my platelets go under 50. They were 71 on Monday.", {"plt": 71}),
    # a bracket and a date after one value of a series
    ("Platelets were 455 (reactive) on 3 June and 298 on 1 July.", {"plt": 298}),
    # Swedish reports: a sample's letter before the name ("B-Hb"), Swedish plurals
    ("B-Hb 101 g/L, B-Leukocyter 2,8 x10^9/L, B-Trombocyter 88 x10^9/L", {"hgb": 10.1, "wbc": 2.8, "plt": 88}),
    # a known name spelled in lower case by dictation
    ("w b c is three point one today", {"wbc": 3.1}),
]


# This round's leftovers, in wordings of our own
ROUND26_READS = [
    # a unit of blood product between two values is no step of a series; a count named by its label is placed by it
    ("Plt 9 at 07:00, 1 pack transfused 08:15, 30-min post count 24", {"plt": 24}),
    ("hb 6.9, 2 apheresis units? no - 1 adult dose platelets given. plt 12", {"hgb": 6.9, "plt": 12}),
    # a date with a word of when in brackets orders the value among other dates
    ("My diary:\n- 2 Mar: Hb 11.8\n- 16 Mar: Hb 10.9\n- 30 Mar (yesterday): Hb 9.7\nMy brother had an Hb of 8 once.", {"hgb": 9.7}),
    # a hyphen between a name and its value, as Indian reports write it
    ("CBC: Hb-9.1 gm/dl, TLC-3400, Platelets-91000", {"hgb": 9.1, "wbc": 3.4, "plt": 91}),
    # a slash between the keys of a one-line record
    ("Analyte: Platelets / Result: 64 / Units: x10^9/L / Flag: L", {"plt": 64}),
    # a laboratory's code in a column before the values; a unit and a range before dot leaders
    ("WBC          02   2.4   Low   x10E3/uL   3.4-10.8\nPlatelets    02   61    Low   x10E3/uL   150-450", {"wbc": 2.4, "plt": 61}),
    ("HB g/L [120-160] .......... 96 L\nLEUC x10^9/L [4.0-10.0] ...... 3.1 L", {"hgb": 9.6, "wbc": 3.1}),
    # adjectives between a name and its value in the other languages; a word of now before a date in a dated list
    ("Plaquettes basses à 88 G/L, leucocytes normaux à 6,1 G/L.", {"plt": 88, "wbc": 6.1}),
    ("Leukos 10.03. 4,2, 17.03. 3,1, heute 24.03. 2,2 /nl", {"wbc": 2.2}),
    # weekdays label the values of a list
    ("Plt by day: Mon 61, Tue 44, Wed 39, today 52 after IVIG", {"plt": 52}),
    # the repeat of a count a sample problem spoiled
    ("PLT 28 (clumps seen) - repeat in citrate 141", {"plt": 141}),
    # someone else's value, then the writer's own
    ("My brother's neutrophils were 0.6 on his chemo. Mine are 1.9, is that ok?", {"anc": 1.9}),
    # a hemoglobin/hematocrit pair, then a later pair
    ("h&h 6.9/21 -> 2u prbc -> now 8.4/25", {"hgb": 8.4}),
    # a later value said by what shows it; a past word that labels the value before the comma is that value's own
    ("Before the transfusion my Hb was 6.8, and today's result says 8.1 g/dL.", {"hgb": 8.1}),
    ("Plt 9 last night before a pool, 27 an hour after, and 21 this morning.", {"plt": 21}),
    ("ANC 0.31, previously 0.6", {"anc": 0.31}),
    # an ordinal day is a time, not a value
    ("Hemoglobina de 7,1 g/dL no 2º dia e 8,6 g/dL na alta.", {"hgb": 8.6}),
    # "now" inside a value's own words says it is current
    ("[Pt 05/02] my results from today: hemoglobin 9.0\n[Pt 05/03] they rechecked it, hemoglobin is now 8.1", {"hgb": 8.1}),
    # a value dated before the date the note opens with is older than the note's own values
    ("Phone note 03/21 10:10\nToday's outside labs: Plt 41, Hgb 11.2. On 3/17 plt 12.", {"plt": 41, "hgb": 11.2}),
    # a range and a unit before dot leaders; the writer's own count after a relative's
    ("HGB   12.0-16.0 g/dL ......... 8.7  L", {"hgb": 8.7}),
    ("My wife's platelets were 60 during her chemo. Mine came back at 139 this week.", {"plt": 139}),
    # a later value told by a pronoun with the time it was taken; a first value's time said before its name
    ("They drew blood last Monday and my platelets were 88. Yesterday it was 61.", {"plt": 61}),
    ("Neutrophils were 1.1 on Tuesday, then I had two G-CSF shots, and on Friday it was 3.6.", {"anc": 3.6}),
    # several values after events: the last told; a unit of blood given between two values is no value
    ("Dopo due giorni i neutrofili erano saliti a 0,9 e dopo una settimana a 2,4 x10^9/L.", {"anc": 2.4}),
    ("Hb 7.2, then 8.0 after 1 further unit", {"hgb": 8.0}),
    # a sentence that opens with a word of now after a threshold gives the current value
    ("Hold if ANC below 1.0. Today 1.3.", {"anc": 1.3}),
    # dates with no year in order across a new year, oldest or newest first
    ("ANC (x10^9/L)\n11/20   2.9\n12/11   1.6\n01/08   0.9", {"anc": 0.9}),
    ("ANC (x10^9/L)\n01/08   0.9\n12/11   1.6\n11/20   2.9", {"anc": 0.9}),
    # a blood product named between two values is no count; a repeat a few words after a spoiled count
    ("Her platelet count was 9 on Monday, so she had a platelet transfusion. Today it is 30.", {"plt": 30}),
    ("plt 22 on the first tube w clumping seen, repeated in citrate 97", {"plt": 97}),
    # "last week" in the other languages read
    ("Mis plaquetas estaban en 150 la semana pasada y hoy en 88.", {"plt": 88}),
    ("Los neutrófilos están en 1.300 por mm3, la semana pasada 2.400.", {"anc": 1.3}),
    # a grade's name between a threshold and today's value
    ("hold if ANC <1.0 per the G3-4 rule, today 0.8", {"anc": 0.8}),
    # a value corrected later in the text, after the value it replaces; but a grade corrected is no value
    ("PLT 21 K/uL (CRIT)\nAMENDED 09/12: clumps on smear, recounted in citrate, corrected to 96 K/uL.", {"plt": 96}),
    ("ANC 0.8. The grade has been corrected to 3.", {"anc": 0.8}),
    # "em" before a number of thousands is a value's preposition, not a date's; a misspelled name
    ("As plaquetas caíram para 61.000/mm3 e hoje estão em 44.000/mm3.", {"plt": 44}),
    ("pltlets 19 this am", {"plt": 19}),
    # a time said relative to now is later than a bare "prior" or "baseline"
    ("Outside labs drawn yesterday: Hb 11.9, plt 187. Prior in our records from 2 months ago: Hb 13.1, plt 240.", {"hgb": 11.9, "plt": 187}),
    # a count labelled after an event is later than one labelled by a clock before it
    ("pt plt 11 at 21:00, 1 pool given, 1-hr post count 29", {"plt": 29}),
    # a word of now after the previous value's own label lets a reported "was" give the later value
    ("my neutrophils were 1.1 on friday, the nurse rang today and said the repeat was 0.7.", {"anc": 0.7}),
    ("hb 8.1 after 2u prbc, was 6.9 this am - need more?", {"hgb": 8.1}),
    # a pronoun's value after the sentence that tells when it was taken
    ("They said my platelets were 41 and gave me IVIG. Yesterday (Friday) they checked and it was 77.", {"plt": 77}),
    # weekdays with clocks, and "this week", lead a list
    ("Plt Sat 07:00 66, Sat 19:00 52", {"plt": 52}),
    ("Neuts this week on pembro: Mon 1.4, Wed 1.0, Fri 0.7.", {"anc": 0.7}),
    # a possessive's value after a name with none; "the patient's" after a threshold, in the languages read
    ("what hgb do you transfuse at? ours is 7.4", {"hgb": 7.4}),
    ("Critère d'arrêt : plaquettes < 50 G/L. Celles du patient aujourd'hui : 63 G/L.", {"plt": 63}),
    # a goal's word, then "de transfusion", before the name
    ("Umbral de transfusión Hb 8 g/dL por su cardiopatía; hoy Hb 8,6 g/dL.", {"hgb": 8.6}),
    # a value in brackets after a word of an event, behind a name and an adjective
    ("Les plaquettes sont restées normales (à la sortie 241 G/L).", {"plt": 241}),
    # a protocol's day is a time; an event or a treatment given ends the gap before a later value
    ("On Study Day 29 platelets were 64 x10^9/L and on Study Day 36, 118 x10^9/L.", {"plt": 118}),
    ("Hb bei Aufnahme 7,1 g/dl, nach Gabe von 2 EK 9,0 g/dl, bei Entlassung 9,6 g/dl.", {"hgb": 9.6}),
    # Dutch "na" is no sodium; a red-cell concentrate is a treatment
    ("Hb gisteren 5,9 mmol/L, vandaag na 1 erytrocytenconcentraat 6,5 mmol/L.", {"hgb": 10.47}),
    # "she's at" after a goal
    ("goal Hb 7-8 per protocol, she's at 7.2 after 1 unit - another?", {"hgb": 7.2}),
    # a differential share, then its count with a unit in brackets; clocks label the values of a list
    ("Leucociti 3,0 x10^9/L, neutrofili 40% (1,20 x10^9/L)", {"wbc": 3.0, "anc": 1.2}),
    ("PLT 07:10 52, 19:30 41 - no bleeding", {"plt": 41}),
]

ROUND32_READS = [
    # a date between a name and its value: ISO, dotted with its year, in brackets, after "on" and before "were"
    ("Hb 2024-11-02: 8.4 g/dL. Hb 2024-11-09: 9.3 g/dL.", {"hgb": 9.3}),
    ("Thrombozyten 03.02.2025: 71 G/l", {"plt": 71}),
    ("Plt (2024-12-01): 140", {"plt": 140}),
    ("neutrophils on 4/2 were 0.9", {"anc": 0.9}),
    # a specimen between a name and its value
    ("EDTA count 18 with clumps; platelet count on a citrate sample also low at 21 K", {"plt": 21}),
    # a row of a treatment given between two rows of results in a flowsheet
    ("Time     Hb    Plt\n06:00    6.8   14\n09:30    -- transfused 1 unit RBC, 1 pool platelets --\n13:00    7.9   40",
     {"hgb": 7.9, "plt": 40}),
    # a discharge labels the next value of a series without its preposition; a date after a label is no value
    ("AIHA (lowest Hb 6.6 g/dL on 2/11, discharge 8.9 g/dL)", {"hgb": 8.9}),
    ("Hb 10.2, on discharge 5/6 to rehab", {"hgb": 10.2}),
    ("ANC 1.1, today 4/12 at clinic", {"anc": 1.1}),
    # the one value after an event, told last, when the others are unlabelled or said to be earlier
    ("Bij opname was het Hb 4,6 mmol/L. Daarna steeg het Hb naar 5,1 mmol/L en bij ontslag was het Hb 5,6 mmol/L.", {"hgb": 9.02}),
    # a value's label after an event or a treatment; "stands at"; weekdays of the other languages label a series' values
    ("ANC 0.3 on 1 June, 0.8 on 8 June following a course of G-CSF, and now stands at 1.7", {"anc": 1.7}),
    ("Plaquettes lundi 96, mercredi 80 et aujourd'hui seulement 71.", {"plt": 71}),
    # a labelled count with its time between label and value; a count only said normal is not the one a label names
    ("Her neutrophils were 1.6 at the visit, with normal platelet count. A repeat count three days later was 0.9 x10^9/L.", {"anc": 0.9}),
    ("Pre-transfusion plt 6 x10^9/L. Post-transfusion count (1 h, 16:10): 19 x10^9/L.", {"plt": 19}),
    # a neighbour's values are someone else's; an earlier message's header starts the quoted part
    ("Mes plaquettes sont à 121 000. Mon voisin avait des plaquettes à 45 000.", {"plt": 121}),
    ("Update: Hb 9.4 after 1 unit, no reaction.\n\n--- previous message (07:30) ---\nHb 7.2 this morning, transfusing 1 unit.", {"hgb": 9.4}),
    # a repeat drawn again ("recollected", "redrawn") is the next value of a series
    ("plt 19 with clumps, redrawn in citrate 164", {"plt": 164}),
    # a value in brackets with a word of now after it, a few words after its name
    ("her neutrophils have stayed low for weeks (0.9 now)", {"anc": 0.9}),
    # a repeat named by itself, in a later sentence, is the value of the name before it
    ("Hb 6.8 on arrival. One unit given overnight and the repeat was 8.2.", {"hgb": 8.2}),
    ("plt twenty two this morning period the recheck came back at thirty one period", {"plt": 31}),
    ("Platelets 120,000 at C2 and 71,000/µL on Monday. Recheck this morning (Wednesday) 52,000/µL.", {"plt": 52}),
    # a dated list of the later values of the name before
    ("ANC 0.6 on 2/1, 1.0 on 2/4. Later values 2/8 1.4, 2/15 1.9.", {"anc": 1.9}),
    # a later hemoglobin/hematocrit pair before a full stop; a line of another analyte with its value and unit in one cell is a row
    ("h/h 6.9/21 s/p 2u now 8.8/27. feels better", {"hgb": 8.8}),
    ("RBC    2.91 10^6/uL  L\nHGB    8.9  g/dL     L\nPLT    71   10^3/uL  L", {"hgb": 8.9, "plt": 71}),
    # a clock, then "was"; "report says"; a lower-case misspelling of Hgb
    ("Plt at 05:50 was 33, repeat at 17:10 was 29", {"plt": 29}),
    ("platelet report says 1.4 lakh/cumm", {"plt": 140}),
    ("hbg 9.9 wcb 3.1", {"hgb": 9.9, "wbc": 3.1}),
    # several checks after an event, told in order after the first value: the last is current
    ("Hb at 07:00 was 6.8, 1 unit given, repeat at 13:00 was 8.1, and the evening check at 19:00 is 7.9.", {"hgb": 7.9}),
    # the same value said again in the canonical unit is no later value
    ("Hb reported as 92 g/L on the outside printout - 9.2 is fine for now.", {"hgb": 9.2}),
    # weekdays of the other languages after a series' values; a value misreported and corrected; times said before each value
    ("neutrofilos 2.100 lunes, 1.400 miércoles, hoy 800/mm3", {"anc": 0.8}),
    ("plt was misread, corrected to 96 (orig 9)", {"plt": 96}),
    ("ANC yday 0.4 today 0.9 on G-CSF", {"anc": 0.9}),
    # "ago" in the other languages
    ("Las plaquetas están en 88.000. Hace dos semanas las plaquetas estaban en 150.000.", {"plt": 88}),
    ("Le piastrine sono 72. Tre settimane fa le piastrine erano 160.", {"plt": 72}),
    ("Thrombozyten heute 64/nl. Vor zwei Wochen lagen die Thrombozyten bei 141/nl.", {"plt": 64}),
    # a cumulative report's row with its range after the name and a flag apart after the last value
    ("FBC cumulative        01/04/25   08/04/25   15/04/25\nHaemoglobin   (115-165 g/L)   118   104   91  L", {"hgb": 9.1}),
    # a differential share "on the diff", then the absolute count; a name in brackets after a number labels it, unless it is a time's
    ("neutrophils 41% on the differential, abs 1.1", {"anc": 1.1}),
    ("repeat count this morning is 0.8 (ANC) - hold?", {"anc": 0.8}),
    ("cycle 3 (Hb) was postponed", {}),
    # a recollection in citrate after clumps, in its own clause
    ("PLT 31 with platelet clumps; recollected in sodium citrate: 158", {"plt": 158}),
    # a relative's value is someone else's when the writer says they are the patient; else the relative may be the patient
    ("My dad had platelets of 40 on his chemo once. I'm starting Opdivo on Monday - will that happen to me?", {}),
    ("My wife is on Keytruda and her platelet count dropped to 61,000. Should we worry?", {"plt": 61}),
    # Swedish "Neutrofiler"; French labels of a series' values with decimal commas; German "im Verlauf"
    ("B-Neutrofiler 0,9 x10^9/L", {"anc": 0.9}),
    ("PNN : 0,3 G/L à l'admission, 0,6 G/L à J4, et ce matin 1,8 G/L.", {"anc": 1.8}),
    ("Thrombozyten im Verlauf: 88/nl (vor 2 Wochen), 61/nl (vor 1 Woche), heute 43/nl.", {"plt": 43}),
    # a draw named by its day after a list of days; a change's size, then the value now; a decade, then the value today
    ("ANC Tuesday 0.6, Thursday 0.9, and the Saturday sample (today) 1.4.", {"anc": 1.4}),
    ("hgb dropped by 1.5 g/dL over two weeks, now 8.7", {"hgb": 8.7}),
    ("plt in the 40s this week, today 38", {"plt": 38}),
    # days in brackets between a series' values; "her count" after a name with none
    ("hb 10.2 (mon) 9.6 (wed) 9.0 today", {"hgb": 9.0}),
    ("Can she continue if platelets must be >=75? Her count today is 68 x10^9/L, down from 80 last week.", {"plt": 68}),
    # "on today's CBC" labels a series' last value; a value alone in brackets after a name said normal is the patient's
    ("ANC 2.2 in March, 1.6 in April, and on today's CBC 1.1", {"anc": 1.1}),
    ("WBC 3.9 with normal Hb (13.1) and platelets (188)", {"wbc": 3.9, "hgb": 13.1, "plt": 188}),
    # a clock before the name says when better than the day of a treatment after the value
    ("07:10 PLT 8, 19:30 PLT 23 after IVIG day 1", {"plt": 23}),
    # "-Verlauf:" before a dated list whose items dashes part
    ("Thrombozyten-Verlauf: 03.03. 140/nl – 10.03. 96/nl – heute (17.03.) 71/nl", {"plt": 71}),
    # a value in brackets with its own time is not labelled by the head of the list it stands in
    ("Labs on 2 June: Hb 12.0, platelets 84 (pre-treatment platelets 102, cirrhosis).", {"hgb": 12.0, "plt": 84}),
    # a reply's value is newer than those of the message it quotes, whatever their labels; a forwarded message is not answered
    ("Update: plt after IVIG is 44.\n\n--- earlier message ---\nplt 6 on arrival, post count 15 after one unit.", {"plt": 44}),
    ("Forwarding the lab's call, see below. His labs last week were plt 190.\n\n---------- Forwarded message ----------\n"
     "Critical value: platelets 21 x10^9/L, collected today 09:10.", {"plt": 21}),
    # a typed plural; a laboratory's limit of normal is no value; a step after a treatment's doses; weekdays between values
    ("pltz 23k this am", {"plt": 23}),
    ("our lab's LLN for platelets is 140 - is 145 grade 0?", {}),
    ("pre-GCSF ANC 0.2 → post 3 doses 1.9", {"anc": 1.9}),
    ("hb 10.1 mon 9.4 wed 8.8 today", {"hgb": 8.8}),
    # the writer about to start treatment is the patient, and a relative's value someone else's; Portuguese verbs of change
    ("my father was on opdivo and his platelets dropped to 25. I'm about to start it, what should I watch for?", {}),
    ("Minhas plaquetas estavam em 101 mil semana passada e hoje deram 142 mil.", {"plt": 142}),
    # "ago" in the other languages before a value, and their words of now before the next
    ("Leukos vor drei Wochen 6,1, jetzt 3,2 Tsd/µl", {"wbc": 3.2}),
    ("plaquetas hace dos semanas 160.000, ahora 71.000", {"plt": 71}),
    # the writer's own after a relative's approximate value; "our pt is" after a threshold
    ("My brother had low platelets on chemo (around 30). Mine were 171 on Monday, is that ok?", {"plt": 171}),
    ("trial needed ANC >=1.5; our pt is 1.7 today", {"anc": 1.7}),
    # "repeat confirmed"; "back up to"; "trend since … :" before a list; a neighbour's value is never the patient's
    ("Lab called: hemoglobin 6.1 g/dL, repeat confirmed 6.3 g/dL.", {"hgb": 6.3}),
    ("plts 31 on 5/12, back up to 72 today after ivig", {"plt": 72}),
    ("ANC trend since cycle one: baseline 4.1, wk 3 2.2, wk 6 1.3", {"anc": 1.3}),
    ("My neighbour's platelets went down to 30 on Opdivo. Does that happen to everyone?", {}),
]


ROUND38_READS = [
    # the patient's own value after a threshold, a statistic or someone else's, told by whose it is or that it is current
    ("other patient in room 3 has anc 0.3 but mine is 1.8", {"anc": 1.8}),
    ("hold ipi if plts <50? ours 62", {"plt": 62}),
    ("transfuse if hb <7, pt's 7.6", {"hgb": 7.6}),
    ("anc 1.0 is the cutoff for the next dose? pt has 1.2", {"anc": 1.2}),
    ("mean ANC in the trial arm was 2.9, our lady is at 1.1", {"anc": 1.1}),
    ("keep plts above 50 per heme, they're at 41 today", {"plt": 41}),
    ("team wants plts kept above 30, she's 26 today", {"plt": 26}),
    ("whats the anc cutoff, 1.0 or 1.5? today 1.3", {"anc": 1.3}),
    ("anc 1.0 rechallenge threshold? he's 1.6 now", {"anc": 1.6}),
    ("his daughter's plts were 80 last yr - his are 200 now", {"plt": 200}),
    ("dr s's patient had plts 9; ours is pending", {}),
    ("my pt plt 120, the one next door is 30", {"plt": 120}),
    # a supposition's question ends it
    ("if plts fall to 30 do we stop? right now 55", {"plt": 55}),
    # series: short times ago, clock times, a baseline and a nadir, a place, a recheck some time later, a dose between values
    ("anc 0.7 12d ago now 1.9", {"anc": 1.9}),
    ("plt 5 d ago 18, yest 26, today 33", {"plt": 33}),
    ("plts 190 baseline, nadir 22, now 140", {"plt": 140}),
    ("hb 7.1 @0700, 2u given, 8.8 @2200", {"hgb": 8.8}),
    ("nivo held for plts 40, recheck 10 days later 88", {"plt": 88}),
    ("hb 9.1 at GP last week, today in clinic 10.2", {"hgb": 10.2}),
    ("plts nadir 14 on d9 after ivig 1 g/kg, now back to 77", {"plt": 77}),
    ("plts 50s all wk, today 47", {"plt": 47}),
    ("plts 40 this am, 35 at 5pm", {"plt": 35}),
    ("plts 60 this am but the 15:30 repeat showed 72", {"plt": 72}),
    ("Hgb pre 7.0 g/dL\nHgb post 8.9 g/dL", {"hgb": 8.9}),
    # a spoiled sample repeated
    ("plts back at 30 this morning but clumped, citrate repeat 112", {"plt": 112}),
    ("PLT (recheck 15:10) 120 K/uL", {"plt": 120}),
    # tables and rows
    ("TEST  CODE  RESULT  FLAG\nWBC   02    2.3     Low\nPLT   13    71      Low", {"wbc": 2.3, "plt": 71}),
    ("Neutrophils 30.0 % L (40-75)  0.61 x10^9/L L (2.0-7.5)", {"anc": 0.61}),
    # a value said current at a list's head, a date in brackets
    ("Labs today: Hgb 8.4 (1 unit given yesterday for Hgb 6.9). Plt 70.", {"hgb": 8.4, "plt": 70}),
    ("ANC 0.3 on 3/2; ANC today (3/6) 1.8", {"anc": 1.8}),
    # a header cell holding a semicolon is one cell; of columns no date orders, the one said to be current
    ("| Test (x10^9/L; Hb g/dL) | Baseline | Nadir | Today |\n|---|---|---|---|\n| ANC | 3.1 | 0.6 | 1.7 |", {"anc": 1.7}),
    # an export's empty cell keeps its column; a range in the name's cell; a unit cell after the name and a flag after the values
    ("Test;Result;Flag;Range;Unit\nPLT;172;;150-400;10^9/L\nWBC;3,1;L;4,0-10,0;10^9/L", {"plt": 172, "wbc": 3.1}),
    ("              03-Mar   24-Mar   14-Apr\nPLT (150-400)    210      130 L    88 L", {"plt": 88}),
    ("              02/02   02/09   02/16\nNEUT#  10^9/L   2.2     1.1     0.7    L", {"anc": 0.7}),
    # a flag row's arrow is no series into the next row; a percentage and its count; a duration in the bracket after a name
    ("Leukozyten   3,2   /nl   (4,0 - 10,0)  ↓\nErythrozyten   3,9   /pl   (4,1 - 5,1)   ↓", {"wbc": 3.2}),
    ("Lymphocytes 6.0 % (L)   0.31 x10^9/L", {"alc": 0.31}),
    ("neuts 38% = 0.8", {"anc": 0.8}),
    ("Post-transfusion PLT (1 h): 33 x10^9/L", {"plt": 33}),
    # cycles as a series' labels, French days before values, a decade at baseline, a reference interval before "measured"
    ("plts 210k at c1, 150k c3, 88k c5 today", {"plt": 88}),
    ("plt 70K on c2d1, 52K c2d8, 41K c2d15", {"plt": 41}),
    ("Suivi : J0 plaquettes 180 G/L ; J7 95 G/L ; J14 52 G/L", {"plt": 52}),
    ("platelets ~150s at baseline, now down to 81 at wk 6", {"plt": 81}),
    ("Hemoglobin — reference interval 12.0–15.5 g/dL — measured 9.6 g/dL — flag L", {"hgb": 9.6}),
    ("ANC pre-dose 0.42 x10^9/L", {"anc": 0.42}),
    ("Plt 6.3万/µL", {"plt": 63}),
    ("platelets 210 (baseline) – 132 (week 9) – 64 (today)", {"plt": 64}),
    # the patient's own value after a statistic joined by 'but'; 'pts is'; 'pt himself'; one number read once
    ("cohort median plt was 150 but our pt is 61, ok to continue?", {"plt": 61}),
    ("is 1.0 the g2 line for anc? pts is 1.12", {"anc": 1.12}),
    ("pt's brother had low plts too, ~80; pt himself 52 after c3", {"plt": 52}),
    ("median ANC in the study was 1.6 but my guy is at 0.9, neuts falling since c2", {"anc": 0.9}),
    # a series after 'im Verlauf' with dotted dates; a transfusion between two values; a range sharing the name's cell
    ("Thrombozyten im Verlauf: 01.04. 198 – 08.04. 131 – 15.04. 77 /nl", {"plt": 77}),
    ("Hgb 6.8 | transfused 2 units PRBC 09:00 | Hgb 8.2 @ 16:00", {"hgb": 8.2}),
    ("               02-Apr  09-Apr  16-Apr\nANC (2.0-7.5) 3.1     1.9     0.8 L\nPlt (150-400)  210     140     98 L", {"anc": 0.8, "plt": 98}),
    ("Result history — ANC (K/uL): 04/16 08:10 = 0.8; 04/09 07:55 = 1.9; 04/02 08:30 = 3.1", {"anc": 0.8}),
    # a value's own grade said aside does not end its series; a grade in brackets inside a change
    ("ANC on 3/4 was 0.7 (grade 3). Today it's 1.6.", {"anc": 1.6}),
    ("WBC rose from 1.4 (grade 3) to 3.6 at discharge.", {"wbc": 3.6}),
    # leading-dot series; a steroid's dose after a series; 'today 3/18 55'; 'hers 82'; a year in the gap; a later day
    ("neuts .9 .6 .4 over 3 draws", {"anc": 0.4}),
    ("plt 210 → 28 → 131 after pred 60 x5d", {"plt": 131}),
    ("plts 92 on 5/2, 70 on 5/9, today 5/16 49", {"plt": 49}),
    ("transfuse if hb <7? hers 7.4", {"hgb": 7.4}),
    ("his plt were 210 at the 2021 visit, now 38", {"plt": 38}),
    ("dex 40 mg for plt 18, day 4 plt 61", {"plt": 61}),
    ("Her husband's platelets dropped to 30 after his 3rd dose.", {"plt": 30}),
    # a percentage, its range, then the absolute count after 'Abs'
    ("Neutrophils 70.0 % (40-75)   Abs 1.10 x10^9/L", {"anc": 1.1}),
    ("NEUT% 78.0 H (40-74) [abs 4.20]\nLYMPH% 7.1 L (19-48) [abs 0.38]", {"anc": 4.2, "alc": 0.38}),
    # an earlier result labelled 'Vorbefund'; another patient's value said after it; a question about no patient
    ("Labor vom 14.05.: Thrombozyten 52 /nl. Vorbefund 02.04.: Thrombozyten 198 /nl.", {"plt": 52}),
    ("Our patient: Hb 10.1 g/dL, plt 155. (The plt 19 on the list belongs to the patient in bed 4, not ours.)", {"hgb": 10.1, "plt": 155}),
    ("general question, not about a patient: is an ANC of exactly 1.0 grade 2 or 3?", {}),
    # rows dated by weekday and date; a CDISC SDTM record
    ("Datum      Leuko  Thrombo\nDi 03.06.  3,8    150\nDo 05.06.  2,9    92\nSa 07.06.  2,2    64", {"wbc": 2.2, "plt": 64}),
    ("Subject 01-004 | Visit C2D1 | LBTEST=Platelets | LBORRES=61 | LBORRESU=10^9/L | LBORNRLO=150", {"plt": 61}),
    ("                  02/04     16/04\nPlatelets         160       71 L     x10^9/L  (150-400)", {"plt": 71}),
    ("Hb was 9.4 g/dL, falling to a nadir of 6.8 g/dL on day 3.", {"hgb": 6.8}),
    # a longer label before 'puis'
    ("Vos PNN étaient à 2,3 G/L en mars, avant le début du traitement, puis à 1,2 G/L en avril et à 0,8 G/L aujourd'hui.", {"anc": 0.8}),
    # 'Lymphs Absolute' names the count; the patient's value after what the lab says
    ("                 Ref Range        03/02/25 0805   03/09/25 0740\nLymphs Absolute  1.0-4.8 K/uL     0.61 (L)        0.48 (L)", {"alc": 0.48}),
    ("what's the LLN for anc? our lab says 1.8. pt at 1.5", {"anc": 1.5}),
    ("generic q, no pt: is a platelet count of 50 grade 2?", {}),
    # 'redo' after clumping; the hematocrit after a hemoglobin; a name column headed 'Parameter' over dated columns and a unit cell
    ("plt 28 clumped in edta, redo in citrate 147", {"plt": 147}),
    ("hgb 8.4/25 on nivo, transfuse?", {"hgb": 8.4}),
    ("Parámetro        02/09/2025   16/09/2025\nNeutrófilos      3,2          1,0   x10^9/L\nPlaquetas        201          88    x10^9/L",
     {"anc": 1.0, "plt": 88}),
]


ROUND49_READS = [
    # another patient named by bed or room, and the writer's own named by "this one", "mine" or "our guy"
    ("the pt in room 7 has plts 25 but my guy's plts are 140", {"plt": 140}),
    ("other pt in bay 2 has anc 0.2, this one on nivo is at 1.6, ok to give?", {"anc": 1.6}),
    ("my dad had hb 8 on chemo years ago. I'm the pt now on atezo, mine is 12.4", {"hgb": 12.4}),
    # a threshold asked about, value first: "is ANC 1.5 the cutoff?"
    ("is plt 75 the threshold for restarting? hers is 81 today", {"plt": 81}),
    # a unit, then a reference range, in the name's bracket
    ("Hgb (g/dL; ref 11.5-15.5): 8.7", {"hgb": 8.7}),
    ("PLT (10^9/L, 150-400) 64", {"plt": 64}),
    # a series told date by date in prose: "on 2/1 were 120, on 2/8 were 75"
    ("his plts on 2/1 were 120, on 2/8 were 75", {"plt": 75}),
    ("neuts on tuesday were 1.4, on friday were 0.7", {"anc": 0.7}),
    # one of the five beside a measure of its own in a slashed group
    ("Hb/Hct 9.6/29.1", {"hgb": 9.6}),
    # another patient's result by bed, said before or after it; a question with no patient in mind
    ("registrar quoted anc 0.3 but that was room 6's result, ours is 1.7", {"anc": 1.7}),
    ("Comment: the value below was filed in error (wrong patient): HGB 6.1 g/dL.", {}),
    ("no particular patient in mind - would plt 48 be grade 2?", {}),
    # names listed, then as many values listed, with no "respectively"
    ("On day 8 the WBC, ANC and platelet count were 2.4, 0.9 and 77, in keeping with grade 3 neutropenia.", {"wbc": 2.4, "anc": 0.9, "plt": 77}),
    # a decimal comma before a flag's asterisk (only ",10^9" after a comma is a unit's)
    ("Neutrófilos    0,85 *    x10^9/L    2,0-7,5", {"anc": 0.85}),
    ("Leukozyten 3,1* G/l", {"wbc": 3.1}),
    # a sentence that opens with now after a value tells the latest value (a date after "Today" is no value)
    ("plts were 140 before nivo. now 72", {"plt": 72}),
    ("hgb 9.1 (grade 2). this morning 7.8 after the bleed", {"hgb": 7.8}),
    ("Labs 3/2: WBC 5.1. Today 3/30 WBC 2.2.", {"wbc": 2.2}),
    # "baseline" and "confirmed" before a value; "theyre", "sitting at" after a threshold
    ("lymphs baseline 1.4 now 0.6", {"alc": 0.6}),
    ("repeat anc confirmed 0.4", {"anc": 0.4}),
    ("hold threshold plts 50 - theyre 57 now", {"plt": 57}),
    ("trigger hb 8 for her, pt sitting at 8.4", {"hgb": 8.4}),
    # "pre" and "post" label a series' values; a dose between two arrows; a repeat told with "="
    ("hgb 7.0 pre -> 8.1 post 2u", {"hgb": 8.1}),
    ("plt 22 -> eltrombopag 50 mg -> 64", {"plt": 64}),
    ("plt 40 clumped in edta, repeated in citrate = 131", {"plt": 131}),
    # a corrected report's "corrected result" replaces the value reported first
    ("HGB 6.0 g/dL\nAMENDED: the value above was a dilution error; corrected result 10.6 g/dL", {"hgb": 10.6}),
    # weekday labels after leading-dot values
    ("lymphs .3 on mon, .5 wed, .8 fri", {"alc": 0.8}),
    # a long CSV export with quoted cells: each test at its latest time
    ('"drawn","test","result"\n"2025-03-01 08:00","ANC","0.9"\n"2025-03-04 08:10","ANC","1.4"', {"anc": 1.4}),
    # a date (and time) in the bracket after a name labels the value after it
    ("Platelets (12/05 07:30): 38 x10^9/L", {"plt": 38}),
    # a change's size, then the value now; a threshold named after the name, then the patient's
    ("plts dropped by 40 this week, now 61", {"plt": 61}),
    ("hgb trigger for her is 8, pt's is 7.6", {"hgb": 7.6}),
    # the patient's relative named with "pt's", then "our pt"
    ("pt's brother on nivo had plts 30, our pt is 145", {"plt": 145}),
    # an aside that says what a count is, between the name and the value
    ("Your lymphocytes, the cells that make antibodies, are 0.7 x10^9/L.", {"alc": 0.7}),
    ("Your platelets - the cells that help blood clot - are 88 today.", {"plt": 88}),
    # a text that says it gives no current values
    ("Old values only (2022): Hb 13.2, plt 240. No current labs on file.", {}),
    # "belongs to bed 14", then the patient's own; dated columns apart by runs of spaces
    ("disregard the anc 0.2 on the board, belongs to room 3. ours is 1.8", {"anc": 1.8}),
    ("HGB (12.0-16.0 g/dL)   02-Jun 10.9   09-Jun 9.7   16-Jun 8.8 L", {"hgb": 8.8}),
    # a German name compounded with its count or value; a median in German is a statistic
    ("Leukozytenzahl heute 2,9 /nl", {"wbc": 2.9}),
    ("Der mittlere Thrombozytenwert der Kohorte lag bei 160 /nl.", {}),
    # grades named with their severity are no values
    ("CTCAE grades low neutrophils from 1 (mild) to 4 (life-threatening). Your neutrophils are 1.2 today.", {"anc": 1.2}),
    # "the trial's cutoff" names a threshold; a draw's number and time in the name's bracket; "(not the patient)" after "donor"
    ("plt 100 is the protocol's cutoff? pt's is 92", {"plt": 92}),
    ("Hgb (draw 1, 06:10): 7.9\nHgb (draw 2, 14:30): 8.6", {"hgb": 8.6}),
    ("Related donor CBC (not the patient): WBC 7.1, Hgb 15.2. Patient labs pending.", {}),
    # a leading-dot series may end on a value with a whole part
    ("lymphs .3 .4 .6 1.1 on pred taper", {"alc": 1.1}),
    # a dose with its days between arrows
    ("plts 9 → dex 40 mg x4d → 88 today", {"plt": 88}),
    # columns headed by how long ago they were drawn: the fewest hours ago is the latest
    ("Component     Ref Range & Units    2 d ago    1 wk ago    3 wk ago\nANC           1.5 - 7.0 K/uL       0.9 (L)    1.6        2.8",
     {"anc": 0.9}),
]

ROUND62_READS = [
    # a one-analyte flowsheet under a title, its last row flagged
    ("SERIAL RESULTS  ANC (x10^9/L)\n03/05/25  1.9\n10/05/25  1.1\n17/05/25  0.6   L", {"anc": 0.6}),
    # a follow-up named with its place; a year inside a series' label
    ("Hgb at admission 6.9; at the follow-up visit 10.8", {"hgb": 10.8}),
    ("platelets were 40 during the 2021 chemo; now 190 on pembro", {"plt": 190}),
    ("wbc 1.9 in 2022. Now 4.4", {"wbc": 4.4}),
    # a grade aside naming its version, then "today it's"
    ("plt 48 (G3 per v5.0). Today it's 66", {"plt": 66}),
    # someone else's value in brackets, then the writer's own
    ("my brother's platelets on nivolumab dropped a lot (22), mine are 130", {"plt": 130}),
    # a friend's or neighbour's value is never the patient's
    ("My friend's white count was 1.9 on Opdivo. Mine hasn't been checked.", {}),
    ("Mum's bloods on Friday: Hb 9.4, platelets 201. Her neighbour on the same ward had an Hb of 6.", {"hgb": 9.4, "plt": 201}),
    # "always around" a baseline, then the value now
    ("my hb is usually about 11 with my thal trait, now 8.9 after cycle 3", {"hgb": 8.9}),
    # today's check in French or Italian; yesterday in French or German before a value
    ("GB hier 2 900, le contrôle d'aujourd'hui montre 3 400/mm3", {"wbc": 3.4}),
    ("Neutrofili ieri 0,9; l'esame di oggi mostra 1,3", {"anc": 1.3}),
    ("Leukozyten lagen gestern bei 2,1", {"wbc": 2.1}),
    # a threshold written as a range with its grade, or required by a trial, then the patient's count
    ("ANC grade 3 is <1.0-0.5 - pt at 0.8, right?", {"anc": 0.8}),
    ("the protocol needed ANC >=1.5; patient's count this morning is 1.2", {"anc": 1.2}),
    # a clock in the name's bracket orders repeats written latest first
    ("Hb (14:05): 8.2\nHb (07:40): 7.5", {"hgb": 8.2}),
    # another bed's value said after it with "'s", then "our pt"; "current" or "latest" after a threshold
    ("the anc 0.3 on the list was bay 4's, apologies. our pt is 2.1", {"anc": 2.1}),
    ("keep hb >8 during the bleed; current 7.4", {"hgb": 7.4}),
    # an approximate value ("60ish") in a series; a teaching question has no patient
    ("neuts were 1.5ish on monday, theyre 0.6 now", {"anc": 0.6}),
    ("teaching question: is a platelet count of 45 grade 3?", {}),
    ("Teaching points from this case: her platelets were 45 on day 8.", {"plt": 45}),
    # a repeat in French or German; day labels written "D+7"
    ("Plaquettes 31 G/L, contrôle à 44 G/L", {"plt": 44}),
    ("plt D+5 12, D+9 30, D+12 71", {"plt": 71}),
    # "Lym" before a value; listed names and values with a time after them
    ("Neut 1,100/µL, Lym 420/µL", {"anc": 1.1, "alc": 0.42}),
    ("the WBC and ANC were 2.2 and 0.9 today", {"wbc": 2.2, "anc": 0.9}),
    # a repeat said to be from before treatment is not the current value
    ("Bloods in clinic: Hb 9.1 g/dL. Her Hb was 12.6 before starting immunotherapy.", {"hgb": 9.1}),
    # the days of a list of values are no values; a cycle's day between a threshold and the patient's value
    ("ANC 1.9, 1.2 and 0.7 on days 1, 8 and 15", {"anc": 0.7}),
    ("needs plt >=100 at C2D1 - his is 96 today", {"plt": 96}),
    # a repeat told in a reply with no name, above the message it answers; a median in French is a statistic
    ("Update: recheck at 14:30 was 1.1, G-CSF not needed.\n\n> On Tue, Reg wrote:\n> anc 0.7 this am, recheck this afternoon", {"anc": 1.1}),
    ("la médiane des neutrophiles était de 3,1 G/L dans la cohorte", {}),
    # a range the count has stayed in, then today's or the current value; "for now they're" after a plan's threshold
    ("platelets have sat between 60 and 80 since cycle 2; today 58", {"plt": 58}),
    ("neuts .8-1.1 all month, current 0.9", {"anc": 0.9}),
    ("we'd transfuse under 7; for now she's at 7.8", {}),
    ("Transfuse if Hb falls below 7; for now they're 7.8.", {"hgb": 7.8}),
    # a spoiled sample, a semicolon, then the repeat; a version named with a graded band before the patient's count
    ("plt 9 clumped; repeated in citrate = 102", {"plt": 102}),
    ("Neutrophil count decreased G3 is <1.0-0.5 on v5 — pt at 0.7", {"anc": 0.7}),
    # a donor named in the bracket after the value; yesterday afternoon, then a pronoun
    ("Plt 240 (donor sample) - recipient results pending", {}),
    ("his neutrophils were redone at the GP; yesterday evening they came back at 1.3", {"anc": 1.3}),
    # a longer aside in brackets after a value, then today's
    ("Baseline Hb 11.9 g/dL (chronic kidney disease, stage 3); today 9.6", {"hgb": 9.6}),
    # "N" after a white count's value and its range
    ("WCC 2·8 (4.0-11.0)  N 1·1 (2.0-7.5)  Plt 180", {"wbc": 2.8, "anc": 1.1, "plt": 180}),
]

ROUND73_READS = [
    # an age after a value is no later value
    ("lymphs 0.6, wbc 3.2 in a 71 yo on durva", {"alc": 0.6, "wbc": 3.2}),
    ("ANC 1.1; 58 y/o woman on atezo", {"anc": 1.1}),
    # a steroid's dose between two values; a change's size before today's value
    ("platelets 9, pred 60 mg for 5 days, today 64", {"plt": 64}),
    ("Hb fell 2.1 g/dL over 10 days, now 7.9", {"hgb": 7.9}),
    # a recheck told after a value of this morning, or after a sentence that says it was repeated
    ("ANC 0.4 this morning -> G-CSF given -> 0.9 on the repeat", {"anc": 0.9}),
    ("Plt 31 on Monday. Rechecked at the infusion unit; this afternoon they came back at 52", {"plt": 52}),
    # a supposed patient at a question's start has no value
    ("Hypothetically: a pt on nivo with ANC 0.9 - hold or continue?", {}),
    ("Suppose a patient has Hb 7.8 on pembro, do we transfuse?", {}),
    ("hb at long last 11.2 after the iron", {"hgb": 11.2}),
    # the patient's count named by a possessive and a time word
    ("my sister's platelets were 45. my most recent count was 190", {"plt": 190}),
    ("the lab LLN for WBC is 4.0 and the patient's count is 3.1", {"wbc": 3.1}),
    ("My wife took the same drug; her count was 60. I am the one on Keytruda and mine came back fine", {}),
    # a value said after it to be another bed's, then the patient's own
    ("disregard the ANC 0.2 above, that was the lady in bay 3. ours is 1.8", {"anc": 1.8}),
    ("Hold if plt under 50. latest 62", {"plt": 62}),
    # a citrate tube after a clumped sample; a reported value corrected
    ("PLT 33 (EDTA, clumps seen); citrate sample 164", {"plt": 164}),
    ("WBC first reported 1.1 - corrected to 3.4 on review of the smear", {"wbc": 3.4}),
    # an Hb/Hct pair with a decimal hematocrit, then the later pair
    ("H&H 6.8/20.4 -> 2 units -> 8.4/25.1", {"hgb": 8.4}),
    ("platelets nadir 11 on day 9, up to 96 with IVIG", {"plt": 96}),
    ("neuts in the 500s since cycle 3, today 700/uL", {"anc": 0.7}),
    ("PLT 10^9/L (150-400) ...... 43", {"plt": 43}),
    # clocks of four digits as labels
    ("Hb at 0700 was 6.9, at 1500 after 1 unit 8.0", {"hgb": 8.0}),
    ("the Thursday sample (today) gives ANC 1.2; Tuesday was 0.8", {"anc": 1.2}),
    # two dates across a new year
    ("plt 71 (30/12), 102 (06/01)", {"plt": 102}),
    # the patient named with a phrase before the verb; a grade aside that names its version
    ("KEYNOTE criteria wanted ANC >=1.5; our patient with melanoma on pembro is at 1.2", {"anc": 1.2}),
    ("ANC 0.9 (G3 on v5) on Monday; today after filgrastim 2.2", {"anc": 2.2}),
    # a long aside in brackets, then today's value
    ("WBC 3.9 on entry (splenectomy 2019, on hydroxyurea before, now stopped); today 2.6", {"wbc": 2.6}),
    # an earlier value told in a relative clause before the change
    ("His haemoglobin, which had been 13.1 at the start, dropped to 8.9 and is now 10.2 after iron.", {"hgb": 10.2}),
    # our patient, in French and Spanish, after a cohort's statistic or a rule
    ("Médiane des PNN dans l'étude : 3,1 G/L ; chez notre patiente ils sont à 1,1 G/L", {"anc": 1.1}),
    ("suspender si plaquetas <50. Nuestro paciente está en 64", {"plt": 64}),
    # one of two numbers asked about is no value
    ("is the ANC cut-off for G-CSF 0.5 or 1.0?", {}),
    # a table row whose name, unit and first value share a cell
    ("            03-Jun   10-Jun   17-Jun\nLymph x10^9/L 1.1      0.8      0.6 L", {"alc": 0.6}),
    # the patient's own value after a neighbour's, told by a clinician
    ("the pt's friend had platelets of 20 on chemo; his own platelets are 144", {"plt": 144}),
    # a reply written below the message it quotes
    ("> Hb 7.2 this morning, transfusing 1 unit.\n\nUpdate: recheck at 18:00 is 8.4.", {"hgb": 8.4}),
    ("ANC by week during the cycle: W1 2.2, W2 1.1, W3 0.6", {"anc": 0.6}),
    # a share, then the absolute count in a cell after its flag and range, or after "of WBC …"
    ("NEUT% 38.0 L (40-75)   Abs 1.05 L", {"anc": 1.05}),
    ("Neutrophils 30% of WBC 2.9 (abs 0.87)", {"anc": 0.87, "wbc": 2.9}),
    # a combination treatment before a list; "is down to" before a value named after it; "Neu"
    ("ANC on pembro/lenvatinib: 3 weeks ago 2.4, last week 1.6, today 1.1", {"anc": 1.1}),
    ("His count is down to 61,000 platelets per µL.", {"plt": 61}),
    ("WBC 2.5, Neu 1.2, Lym 0.9", {"wbc": 2.5, "anc": 1.2, "alc": 0.9}),
    # a decade, then a pronoun and today's value; a treatment told in a sentence between two values
    ("hb was in the 7s all week, its 8.4 now", {"hgb": 8.4}),
    ("my neutrophils were 0.4 on Monday. They gave me filgrastim injections. This morning they came back at 2.1", {"anc": 2.1}),
    # a lower limit of normal in another language before the patient's value
    ("El límite inferior de las plaquetas es 150; en nuestro paciente están en 97", {"plt": 97}),
    # a cycle's number after a value is no later value; "they say"; a clock of four digits before a value
    ("Hb 8.8, WBC 3.4, on cycle 4 of pembro", {"hgb": 8.8, "wbc": 3.4}),
    ("my neutrophils were 1.9 in may and now they say 1.2, should I worry", {"anc": 1.2}),
    ("Plt at 0700 22, at 1500 48", {"plt": 48}),
    # no real patient; two numbers asked about in a question with words after them
    ("quiz for the residents, no real patient: ANC 0.4 on nivo - what grade?", {}),
    ("do you hold pembro at plt 50 or 75 in a pt with HCC?", {}),
    ("which trigger, Hb 7 or 8, for a pt with angina?", {}),
    # a value before its name with "of"/"de" after its unit; a screening count after a rule
    ("hoy tiene 45.000/µL de plaquetas", {"plt": 45}),
    ("Trial needs ANC >=1.5 x10^9/L. Screening count was 1.3.", {"anc": 1.3}),
    # a friend's value told with "said"; two numbers asked about, then the patient's own
    ("my friend on Opdivo said her platelets were 40 - mine haven't been tested", {}),
    ("would you hold at ANC 1.0 or 1.5 on pembro? ours is 1.2", {"anc": 1.2}),
    # a normal range after the name, then the patient's; German short days
    ("Hb — normal is 12 to 16, his is 10.4", {"hgb": 10.4}),
    ("Leukos Mo 4,1, Mi 3,2, Fr 2,6", {"wbc": 2.6}),
    ("his platelets have gone 140 in May, 90 in June and 61 this month", {"plt": 61}),
    # labelled values joined by spaced dashes; a value taken back as the wrong patient's
    ("WBC Mon 3.8 – Wed 2.9 – today 2.1", {"wbc": 2.1}),
    ("Hb 5.1?? oops wrong patient, ours is 9.9", {"hgb": 9.9}),
    # "and" before a later clause's pronoun; a value taken back at once as another bed's
    ("His neutrophils were repeated in clinic, and this morning they came back at 1.6.", {"anc": 1.6}),
    ("Hb 6.2?! sorry, that's bed 3's result. ours is 9.4", {"hgb": 9.4}),
]

ROUND86_READS = [
    # "on repeat" labels the value before it
    ("hb 7.9 this morning, 8.4 on repeat at 4pm", {"hgb": 8.4}),
    # the writer's own value in the sentence after a relative's
    ("My dad's neutrophils were 0.5 on his chemo. I'm about to start Opdivo and mine were 2.2 last week", {"anc": 2.2}),
    # values told with their times before their name
    ("last month 2.9, last wk 1.8, today 1.1 — anc on pembro", {"anc": 1.1}),
    # a number named a threshold ends a series
    ("Plt 92 — meets the study's 100 threshold?", {"plt": 92}),
    # grades listed after their counts under a label of grades are no values
    ("WBC 2.2, ANC 0.9, Hb 9.1\nGrades today: WBC 2, ANC 3, Hb 2.", {"wbc": 2.2, "anc": 0.9, "hgb": 9.1}),
    # a number with a count's unit in the next clause gives a bare name's value
    ("Plaquettes en baisse depuis 3 semaines; le bilan de ce matin montre 61 000/mm3", {"plt": 61}),
    # "N" after a white count, before a spaced dash and words
    ("WCC 2·8  N 0·9 - neutropenic, hold", {"wbc": 2.8, "anc": 0.9}),
]

ROUND89_READS = [
    # the time since an event between a name and its value; a label joined by a hyphen
    ("Plt 9 before the bag, plt 1 hr post 27", {"plt": 27}),
    ("anc pre-nivo 3.1, now 0.8", {"anc": 0.8}),
    # another chart's or another patient's value, then the patient's own, perhaps with its bed
    ("hb 6.1?? wrong chart sorry, ours is 9.8", {"hgb": 9.8}),
    ("plt 15 is bed 2's, not mine; mine in bed 8 is at 140", {"plt": 140}),
    ("Bed 3: ANC 1.4, plt 88. Bed 4 is the AIHA man, Hb 6.0 - separate pt.", {"anc": 1.4, "plt": 88}),
    # a down arrow between dated values; an ordinal's day in Portuguese
    ("Plt day 1 160 ↓ day 8 101 ↓ day 15 64", {"plt": 64}),
    ("plaquetas 40 mil na admissão; no 3º dia 75 mil", {"plt": 75}),
    # the counts' Japanese names
    ("好中球 1200/µL、血小板 8.5万/µL", {"anc": 1.2, "plt": 85}),
    # "like" before a relative's value; the writer's own after it
    ("my mum's hb was like 7 on chemo; mine is 11.9, on pembro", {"hgb": 11.9}),
    # a portal's "Your value" on a line of its own
    ("Platelet count\nYour value\n88 x10^9/L\nStandard range\n150 - 400 x10^9/L", {"plt": 88}),
]

ROUND92_READS = [
    # a sentence that opens with now and a value, after rules whose numbers are thresholds
    ("Hold nivo if ANC below 1.0; if it drops to 0.5 we add G-CSF. Today 1.3.", {"anc": 1.3}),
    # "next morning" after a value told after an event
    ("plt 9 before the pool, after the pool 31, next morning 22", {"plt": 22}),
    # words that end with a colon between a name and its value; the time that opens each label of a series
    ("Neutrophils since starting ipilimumab and nivolumab: 3.2 (baseline) → 1.9 (wk 4 on treatment) → 1.1 (wk 8)", {"anc": 1.1}),
    # "up to N" after a treatment; "— not ours"
    ("dex 40 x4 days, plt up to 96", {"plt": 96}),
    ("bed 5's hb is 6.4 - not ours, ours is pending", {}),
    # a Dutch text told by its clinical words
    ("Hb 6,0 vandaag, bloedbeeld aangevraagd", {"hgb": 9.67}),
]

ROUND95_READS = [
    # dated values whose labels are in brackets; words ending with a colon before a dated list
    ("Plt (C1D1) 210, (C2D1) 150, (C3D1) 96", {"plt": 96}),
    ("Neutrophils after filgrastim: D+3 0.2, D+6 0.7, D+9 1.9", {"anc": 1.9}),
    # today's value after a labelled count; a word of how the count is before whose value it is
    ("About my neutrophils: my last count was 1.9 before the steroids, now it's 0.9", {"anc": 0.9}),
    ("my neighbour's hb was 7 on chemo, mine is ok at 12.4", {"hgb": 12.4}),
    # a later value by a pronoun after a spoken date
    ("On the second of May platelets were 140; on the ninth of May they were 72.", {"plt": 72}),
    # "ignore that"; a share, a comma, then its absolute count; a record's "Standard range" line
    ("anc 0.3?? ignore that, it was the pt in bed 2. ours is 1.6", {"anc": 1.6}),
    ("Lymphocytes : 12,0 %, soit 0,45 G/L", {"alc": 0.45}),
    ("Hemoglobin\nStandard range: 12.0 - 15.5 g/dL\nYour value: 9.9 g/dL", {"hgb": 9.9}),
    # a baseline, then a line that opens with now and a value
    ("• Baseline ANC 3.4\n• Now 1.1 → hold", {"anc": 1.1}),
]

ROUND98_READS = [
    # a decade for weeks, then today's value
    ("anc in the 1s for weeks, its 0.8 now", {"anc": 0.8}),
    ("hb stuck in the 8s since monday, 7.6 on today's draw", {"hgb": 7.6}),
    # "and" before a pronoun's clause; a dose per kilogram between values; two numbers as a trigger; a limit of normal
    ("Hb was repeated in clinic and this evening it came back at 8.2", {"hgb": 8.2}),
    ("plt 14, IVIG 1 g/kg x2, now 66", {"plt": 66}),
    ("ANC 1.0 or 1.5 as the hold threshold on pembro?", {}),
    ("my neutrophils were 1.4 today, the nurse said 2 is the low end of normal", {"anc": 1.4}),
    # a time between a name and its value before a list's head; a date in the name's brackets
    ("Admission ANC 0.3; ANC at discharge 1.9", {"anc": 1.9}),
    ("Plt (05/06 07:00): 44; Plt (04/06 19:00): 38", {"plt": 44}),
    # a correction in a series; an aside in brackets before the verb
    ("HGB 6.1 g/dL *** CORRECTED to 9.1 g/dL (transcription error) ***", {"hgb": 9.1}),
    ("Your platelets (the cells that help blood clot) were 88 on Monday.", {"plt": 88}),
    # "current" after a name with none; a range before whose value it is; a date before a repeat's colon
    ("plts between 60 and 80 since cycle 2; current 71", {"plt": 71}),
    ("ANC — normal for him is 2.0 to 7.5, his today 1.2", {"anc": 1.2}),
    ("Plt 03.05.2025: 98 — Plt 10.05.2025: 61", {"plt": 61}),
]
ROUND104_READS = [
    # a date and a four-digit clock before a colon, on a name and on a repeat
    ("ANC 11/03 0630: 0.7", {"anc": 0.7}),
    ("Hgb (11/03 2215): 7.8", {"hgb": 7.8}),
    ("WBC 11/03 0630: 2.9 (L); repeat 11/03 1945: 2.4 (L)", {"wbc": 2.4}),
    # two numbers, then the word of a threshold after a dash
    ("plt 20 or 30 - what threshold before a line placement on nivo?", {}),
    # the writer's own value in the sentence after a relative's, opened by "I"; a limit of normal before the name, then "mine"
    ("My dad's neutrophils were 0.6 on nivolumab. I started last week and mine are 1.7", {"anc": 1.7}),
    ("she says 150 is the bottom of normal for platelets and mine are 96", {"plt": 96}),
    # another patient's value taken back, then ours with its bed in brackets
    ("the hb 6.9 I posted was room 3's. Our pt (room 8) is 9.4", {"hgb": 9.4}),
    # a value in thousands before a name in brackets; a result's value, then the name it is for
    ("ontem 60 mil, hoje 48 mil (plaquetas)", {"plt": 48}),
    ("Result: 0.5 for lymphocytes absolute, reference 1.0-4.0", {"alc": 0.5}),
    ("the hold limit is 1.0 for neutrophils", {}),
    # a German or Dutch number of tens said as one word with its "and"
    ("Leukozyten heute zwei komma eins, Thrombozyten dreiundsechzig", {"wbc": 2.1, "plt": 63}),
    ("trombocyten vandaag vijfenvijftig", {"plt": 55}),
    # "last" and a short weekday in a series; a value a source "shows" for the name after it
    ("neuts 2 wks ago 2.2, last wed 1.4, this am 0.9", {"anc": 0.9}),
    ("my chart shows 9.6 for my hemoglobin", {"hgb": 9.6}),
    # "post" after a transfusion's dose; a repeat in the next sentence after one announced
    ("Hgb 6.9 s/p 2u PRBC, post 8.4", {"hgb": 8.4}),
    ("plt 9?? ordered a redraw. recheck came back 14", {"plt": 14}),
    # a pronoun after a date with "on"; the writer's own value "came back today at"; "my pt" after another's taken back
    ("hb on 6/2 was 9.8, on 6/9 it was 8.7", {"hgb": 8.7}),
    ("My brother's neutrophils were 0.5 on chemo. Mine came back today at 2.6", {"anc": 2.6}),
    ("bed 9's anc is 0.4, not mine. my pt in bed 2 is at 1.8", {"anc": 1.8}),
    # a cycle named by its letter and number in a rule, then today's value
    ("Protocol needs platelets ≥100 before C4. Today 86.", {"plt": 86}),
    # Dutch and German changes with the verb between; a duration in another language, then the value in the next clause
    ("Leukocyten van 4,2 gezakt naar 2,6 x10^9/l", {"wbc": 2.6}),
    ("Neutrofili in calo da 3 settimane; l'emocromo di oggi mostra 900/mmc", {"anc": 0.9}),
    # the French LLN; a statistic's time before its value, then ours
    ("LIN des neutrophiles au labo : 1,8 G/L ; chez notre patient ils sont à 1,1 G/L.", {"anc": 1.1}),
    ("the cohort's median platelet count at week 6 was 180, but our pt's is 95", {"plt": 95}),
    # "period" between digits in dictation; a German dated course with dotted dates and hyphens
    ("neutrophils 1 period 2, hemoglobin 10 period 4", {"anc": 1.2, "hgb": 10.4}),
    ("Leukozyten-Verlauf: 01.04. 5,1 - 08.04. 3,9 - 15.04. 2,7", {"wbc": 2.7}),
    # a lab result as a JSON object; a German compound of the count's fall, and a treatment "unter" a drug in the series
    ('[{"test": "HGB", "value": 8.3, "unit": "g/dL"}, {"test": "WBC", "value": 2.2, "unit": "10*9/L"}]', {"hgb": 8.3, "wbc": 2.2}),
    ("Leukozytenabfall von 5,0 auf 1,9/nl unter Nivolumab; nach Pause Anstieg auf 3,4/nl", {"wbc": 3.4}),
    # a rule with its comparator between a value and a clause that opens with now
    ("Pre-treatment ANC 2.4 (benign ethnic neutropenia); trial requires ≥1.5; today 1.1", {"anc": 1.1}),
    # leading-dot decimals, each with its weekday after it
    ("neuts .9 tue .7 thu .5 sat", {"anc": 0.5}),
    # a French series with its dates after each value and "puis"; a relative's possessive after the name in other languages
    ("leucocytes à 3,9 G/L le 2 avril, puis descendus à 2,1 G/L le 9 avril", {"wbc": 2.1}),
    ("los neutrófilos de mi madre bajaron de 2,4 a 0,9 tras el ciclo 3", {"anc": 0.9}),
    # a reference range without brackets before a colon; four-digit clocks before "="
    ("Platelets, ref 150-400 x10^9/L: 88", {"plt": 88}),
    ("ANC 0630 = 0.9, ANC 1815 = 0.6", {"anc": 0.6}),
    # another patient's value taken back "next door", then the writer's own; "is sitting at"; "mine's at" after a question
    ("disregard the hb of 6.8 above, that's from the lady next door in 3C. ours is 9.9", {"hgb": 9.9}),
    ("the trial's median platelet count was around 150; our guy is sitting at 64", {"plt": 64}),
    ("what ANC do you need before restarting? mine's at 1.3", {"anc": 1.3}),
    # a change's size with "about" and "g", then "sits at"; a series across a new year by month names
    ("platelets have dropped about 60 over the month and sit at 71 now", {"plt": 71}),
    ("hb 10.1 on 28 Dec, 8.7 on 4 Jan", {"hgb": 8.7}),
    # a hemoglobin/hematocrit pair after a recheck; one count's values and their days "respectively"
    ("H/H 6.8/20.4 this am, 1 unit given, recheck 7.9/23.8", {"hgb": 7.9}),
    ("ANC 1.9, 1.2 and 0.7 on days 1, 8 and 15 respectively", {"anc": 0.7}),
    # "when he started" is a time; a relative's ALC, then "my last one"; a patient named by title after a threshold
    ("neuts were 3.1 when she started pembro, 1.4 now", {"anc": 1.4}),
    ("my sister's ALC fell to 0.4 on nivo; I'm on pembro now and my last one was 1.1", {"alc": 1.1}),
    ("KEYNOTE required ANC of at least 1.5; Mrs K is at 1.8.", {"anc": 1.8}),
    # another's value marked in brackets right after it; "hers today is" after a limit of normal; a comma before today's value
    ("bed 6 had anc 0.3 this am (not ours); our pt is 1.9", {"anc": 1.9}),
    ("the lab's LLN for neutrophils is 1.8, his today is 1.5", {"anc": 1.5}),
    ("neutrofili bassi da 2 settimane, oggi 900/mmc", {"anc": 0.9}),
    # "period" between digits before the unit said in words
    ("hemoglobin 9 period 1 grams per deciliter, white count 3 period 2 thousand", {"hgb": 9.1, "wbc": 3.2}),
    # a recheck in Italian after a clumped sample; a Spanish "control" after units of red cells; "se" before a Spanish verb
    ("Piastrine 21.000/mmc (aggregati), ricontrollo in citrato 140.000/mmc", {"plt": 140}),
    ("Hb 6,9 g/dL, se transfunden 2 CH, control post 8,8 g/dL", {"hgb": 8.8}),
    # a limit "(not 150)" between a threshold and her value; another chart's value taken back with "nvm"
    ("our LLN for ANC is 1.5 (not 2.0); she's at 1.3", {"anc": 1.3}),
    ("hb 5.9!! ... nvm, that's from the other chart I had open. our pt 9.4", {"hgb": 9.4}),
    # a percentage, then its absolute count, after "Seg"; a change's size "down ~2 g/dL", then the value with today
    ("Seg 55% (absolute 0.98)", {"anc": 0.98}),
    ("Hb down ~2 g/dL since C3, 8.9 today", {"hgb": 8.9}),
    # a range held for a year, then this week's value; an alternative asked; someone in a support group
    ("ANC has run 1.6-1.9 for months (benign ethnic neutropenia); this week 1.2", {"anc": 1.2}),
    ("do you give platelets at 10 or wait for 5 in ITP?", {}),
    ("a lady in my support group said her platelets fell to 30 on keytruda. will mine?", {}),
    # "this am" after units given; a word of hesitation in dictation
    ("Hb 6.8, 2 units overnight, this am 8.4", {"hgb": 8.4}),
    ("neutrophils came back, uh, one point two", {"anc": 1.2}),
    # "that's bed 12" takes a value back; "ours screened at 78" after a trial's threshold
    ("anc 0.2?? sorry, that's bed 5. ours is 1.4", {"anc": 1.4}),
    ("KEYNOTE-A18 needed Hb ≥9 at entry; ours screened at 9.6", {"hgb": 9.6}),
]

ROUND121_READS = [
    # a grade's change written short, then the values in brackets
    ("neutrophils went from G4 to G1 (0.2 → 1.6) after filgrastim", {"anc": 1.6}),
    # a value reported first, then corrected with no "to"; an amended value with the sentence's end after it
    ("WBC first reported 1.1, corrected 4.1 after re-run", {"wbc": 4.1}),
    ("Hgb initially reported 6.1 (wrong tube), amended 9.1.", {"hgb": 9.1}),
    # ... but a correction's date is no value
    ("Hgb 9.9 g/dL (previously reported as 5.9 on 03/07, corrected 03/07 14:05)", {"hgb": 9.9}),
    # the time since a treatment labels the next value of a series
    ("plt 6 before the bag, 30 min post 27", {"plt": 27}),
    # "period" between digits at a sentence's end in dictation
    ("white count is 3 period 8.", {"wbc": 3.8}),
    # a value before a cycle: after the cycle before it
    ("ANC 2.1 on C2, 1.4 on C3, 0.9 pre-C4", {"anc": 0.9}),
    # another patient's bed taken back without a possessive; a reply whose value its owner introduces after "?!"
    ("hb 7.1 was room 4, my mistake. ours is 10.2", {"hgb": 10.2}),
    ("WBC 0.9?! no wait, that's bay 2's — ours is 5.3", {"wbc": 5.3}),
    # who reported the value, between name and value, in several languages
    ("Mis plaquetas según el hematólogo están en 64", {"plt": 64}),
    ("my neutrophils are, according to the portal, 1.3", {"anc": 1.3}),
    # someone named with "a", then the writer's own value; a unitless Hb in a Dutch note of clinical words (mmol/L)
    ("a friend from my infusion chair says her neutrophils were 0.7; mine are 2.2", {"anc": 2.2}),
    ("Decursus: Hb 6,1, anemie graad 2; beleid: kuur doorgezet.", {"hgb": 9.83}),
    # (the second batch) "thats" with no apostrophe before another patient's bed
    ("ANC 0.3 — oops thats room 6. ours is 2.1", {"anc": 2.1}),
    # a repeat "in the evening" after a value of this morning; the evening's value is the later of the day
    ("Hgb this morning 8.6, repeat in the evening was 7.9", {"hgb": 7.9}),
    ("neuts 0.9 this am, 0.6 in the evening", {"anc": 0.6}),
    # a person's age with a pronoun after a relative's count is no value
    ("My mum's neutrophils are 0.9 on nivolumab, she's 81. Is that safe?", {"anc": 0.9}),
    # the start of the month in another language labels the earlier value
    ("plaquettes 180 G/L au début du mois, 71 G/L aujourd'hui", {"plt": 71}),
    # two numbers asked about with the first one's unit
    ("transfuse at Hb 7 g/dL or 8?", {}),
    # (the third batch) a day's label with "à" before the next value of a series
    ("PNN à l'admission 0,4 G/L, à J8 1,9 G/L", {"anc": 1.9}),
    # "wrong pt" takes a value back, and the next one its owner introduces is the patient's
    ("hgb 6.2?? — scratch that, wrong pt. his is 9.6", {"hgb": 9.6}),
    # words between "our" and "pt", and the treatment after
    ("KEYNOTE-189 needed ANC ≥1.5; our NSCLC pt on pembro is at 1.3", {"anc": 1.3}),
    # a dose given right after the name, then the value of now
    ("Plt: 1 pool overnight, today 28", {"plt": 28}),
    # a misspelt change verb
    ("neuts droped to 0.6 last nite", {"anc": 0.6}),
    # a rule written with ">=" between a baseline and today's value
    ("Baseline ANC 2.4; the trial needed >=1.5. Today 1.1, grade 2.", {"anc": 1.1}),
    # a value in the next clause after an approximate earlier value in brackets and today's test
    ("Globuli bianchi bassi da mesi (circa 3,5), il controllo di oggi mostra 2,6 x10^9/L", {"wbc": 2.6}),
    # (the fourth batch) a value told with a treatment, "was" a month ago after it
    ("neuts 1.1 on nivo, were 1.8 last month", {"anc": 1.1}),
    # a dated list with "was" after its first date; a change "from" a leading-dot decimal
    ("hgb 3/1 was 10.2, 3/8 9.1, 3/15 8.4", {"hgb": 8.4}),
    ("pegfilgrastim given, anc from .2 to 3.1", {"anc": 3.1}),
    # a percentage, then "/" and the absolute count with its unit
    ("Neutrófilos: 38 % / 1.140 /mm3", {"anc": 1.14}),
    # "got to" a value; another's value in brackets, then the patient's own
    ("her neighbour's hb got to 6 (on chemo), the pt herself is at 11.9", {"hgb": 11.9}),
    # a German treatment, then "heute früh" and the value of now
    ("Hb gestern 7,2 g/dl, nach 2 EK heute früh 9,0 g/dl", {"hgb": 9.0}),
    # "that result is for the lady in bay 4", then ours; a redraw told after it is sent
    ("anc 0.1!! nvm, that result is for the man in bed 4. ours came back at 2.3", {"anc": 2.3}),
    ("Plt 9?? redraw sent. redraw 88", {"plt": 88}),
    # a clumped count recollected in citrate, with a flag and words between
    ("PLT 31 L (platelet clumps seen on smear) — recollected in sodium citrate: 151", {"plt": 151}),
    # the owner's first value, then "and is … today"; a dose at a clock, then the value of now
    ("trial needed ANC ≥1.5 — our RCC pt on nivo screened at 2.0 and is 1.2 today", {"anc": 1.2}),
    ("Hb: 2 units given at 23:00, this AM 8.7", {"hgb": 8.7}),
    # a drug's dose per kg and its count of days between two values of an arrow series
    ("anc 0.2 → filgrastim 5 mcg/kg x5 → 2.2", {"anc": 2.2}),
    # (the fifth batch) grades listed under a label of grades, the last before a dash
    ("CTCAE grades today: ANC 3, plt 2 - improving", {}),
    # the value restated as the subject of its owner's correction
    ("hgb 6.6?? scratch that, the 6.6 was bay 2's. our lady is at 10.4", {"hgb": 10.4}),
    # a second value said to have been, after one with a treatment's label
    ("neuts 1.3 on pembro, were 2.1 in march", {"anc": 1.3}),
    # another chart named with no preposition takes a value back
    ("anc 0.2!!! ... nvm, other chart. our pt is 2.4", {"anc": 2.4}),
    # liver names of other languages and "UI/L"
    ("GPT 140 U/l, GOT 95 U/l", {"alt": 140, "ast": 95}),
    ("ALAT 230 UI/L", {"alt": 230}),
    # (the sixth batch) values with their times after them, before the name after a dash
    ("2.4 when she started, 0.9 now — neuts on nivo", {"anc": 0.9}),
    # earlier values in brackets after "similar to" a month
    ("Today's counts: hemoglobin 10.9 g/dL and platelets 151. Similar to June (Hb 11.2 g/dL, platelets 160).", {"hgb": 10.9, "plt": 151}),
    # a one-analyte flowsheet whose header line ends with the reference range
    ("LYMPH ABS (x10^9/L)   ref 1.0-4.0\n02/05/25   1.2\n09/05/25   0.7   L\n16/05/25   0.4   L", {"alc": 0.4}),
]

ROUND138_READS = [
    # a bracket right after a value of a series is its own label, whatever words of time it holds
    ("Hb: 8.1 (today), 9.0 (yesterday), 9.6 (12/4)", {"hgb": 8.1}),
    # a pronoun's value after a rule, joined by "and"
    ("the hospital's lower limit for neutrophils is 1.8 and he's at 1.3", {"anc": 1.3}),
    # a four-digit clock time between the name and the value
    ("Hb 0545 7.1, Hb 1730 8.0 after one unit", {"hgb": 8.0}),
    ("Plt 0545 61", {"plt": 61}),
    ("WBC 2200 3.4", {"wbc": 3.4}),
    # ... but not the same count written twice in two units
    ("ANC 1600 1.6", {"anc": 1.6}),
    # "theyre" typed without its apostrophe
    ("my neutrophils were 0.6 two weeks ago, had the growth factor shots and now theyre 2.1", {"anc": 2.1}),
    # bilirubin's short and foreign names; never a direct or indirect fraction
    ("bili 3.0, alb 3.1", {"bili": 3.0}),
    ("bilirrubina total 2,2 mg/dL", {"bili": 2.2}),
    ("direct bili 1.9, indirect bilirubin 0.6", {}),
    # a condition's one value in brackets, with decimals or a unit (a bare whole number may be a reference)
    ("grade 2 neutropenia (0.9) on day 8", {"anc": 0.9}),
    ("thrombocytopenia (38 x10^9/L)", {"plt": 38}),
    ("thrombocytopenia (38)", {}),
    # (the second batch) a four-digit clock, then "was"; a recheck after its clock
    ("hb 0615 was 6.8, 2 units in, 1500 recheck 8.4", {"hgb": 8.4}),
    # "sitting at" after a lower limit and "and"
    ("the LLN for neutrophils here is 1.8 and he's sitting at 1.1", {"anc": 1.1}),
    # a German noun of change after a condition's value
    ("Bei Aufnahme Neutropenie von 0,2/nl, unter G-CSF Anstieg auf 1,6/nl.", {"anc": 1.6}),
    # "hang on" takes the value back before another bed's is named
    ("hb 6.2?? hang on, that was the man in bay 4. ours is 9.8", {"hgb": 9.8}),
    # "up to" with a time after it tells a rise, not a bound
    ("ANC 0.4 on admission, ANC up to 1.7 by day 6", {"anc": 1.7}),
    # a long bracket that explains the name
    ("Your platelet count (the cells that help your blood to clot) was 88 today.", {"plt": 88}),
    # (the third batch) the start of the month as the first value's label in Italian and Spanish
    ("Neutrofili scesi da 2.100/mmc a inizio mese a 900/mmc oggi.", {"anc": 0.9}),
    # a place between the name and the value
    ("Hb was checked in the clinic on Monday, 8.8. Today it came back at 9.6.", {"hgb": 9.6}),
    # a repeat in a reply above a forwarded or original message marked with dashes
    ("Repeat at 16:10 is 0.9.\n\n----- Original message -----\nANC this morning 0.4, please repeat this afternoon", {"anc": 0.9}),
    # "r" typed for "are"; the low end of the normal range is no later value
    ("my platelets r 98 and the nurse said the low end is 150", {"plt": 98}),
    # "ours screened at" after a named threshold
    ("the study needs ANC ≥1.5; ours screened at 1.8", {"anc": 1.8}),
    # a CTCAE band names the count in a text that names none
    ("G3 is <1.0-0.5 and my patient is at 0.6", {"anc": 0.6}),
    ("grade 2 = <3.0-2.0, pt at 2.4", {"wbc": 2.4}),
    # a range over the admission, then the value at its end
    ("Hb 9-10 g/dL throughout, 9.6 at discharge", {"hgb": 9.6}),
    # a band of the count the text names, then the patient's value; a condition's cycle before its bracket of dated values
    ("ANC: grade 2 is <1.5-1.0 and she is at 1.2", {"anc": 1.2}),
    ("thrombocytopenia on cycle 3, resolved (D8 60, D15 31, D22 140)", {"plt": 140}),
    # (the fifth batch) two numbers asked about, the question mark further on
    ("for ANC 0.5 or 1.0 would you start G-CSF in an afebrile outpatient on pembrolizumab?", {}),
    # a value "came back at", then the name in brackets
    ("repeat sent from clinic and it came back at 1.1 (neutrophils)", {"anc": 1.1}),
    # a short question between another's value and the writer's own
    ("My neighbour's platelets were 40 on nivolumab. Is that common? Mine are 160.", {"plt": 160}),
    # (the sixth batch) after a threshold, the owner's value, then the value of now after a comma
    ("trial needs ANC ≥1.5; she screened at 1.9, today 1.2", {"anc": 1.2}),
    # a time of day between the value and the name in brackets
    ("it came back at 0.4 this morning (neuts)", {"anc": 0.4}),
    # whose patient it is in another language, the value right after
    ("la mediana de las plaquetas del ensayo fue 190; en nuestro paciente 84", {"plt": 84}),
    # a temperature with a decimal comma is no later value of the count before it, and with a low ANC it is febrile neutropenia
    ("Neutrófilos 0,5 x10^9/L, 38,8 °C esta noche", {"anc": 0.5, "fn": 0.5}),
]


ROUND156_READS = [
    # a day's date between a place word and the value, with a colon or a verb after it
    ("Hb at discharge 11/04: 9.3 g/dL", {"hgb": 9.3}),
    ("platelets on admission 05/22/2026 were 131", {"plt": 131}),
    # a number after a word of fever is a temperature, not a later value of the count before it
    ("WBC 1.2, ANC 0.2, plt 57; febrile to 39.2 overnight", {"wbc": 1.2, "anc": 0.2, "plt": 57, "fn": 0.2}),
    # an export's time column named as a compound ("SpecimenDate"): each count at its latest date
    ("SpecimenDate,Test,Result\n2026-03-02,ANC,1.9\n2026-03-09,ANC,0.7", {"anc": 0.7}),
    # "period" said between two number words, before a unit or a clause's end, is a decimal point
    ("absolute neutrophils one period one, hemoglobin nine period four grams", {"anc": 1.1, "hgb": 9.4}),
    # a value said to be where the count is, before the count's name, beats a baseline after the name
    ("the pt on durva is at 71 plts, baseline was 180 in march", {"plt": 71}),
    ("hes sitting at 0.8 neuts today", {"anc": 0.8}),
    # a result amended after a spoiled sample, a dose in bags in the other languages, a range then a value after a semicolon
    ("WBC 1.1 (sample clotted) - amended result 3.9", {"wbc": 3.9}),
    ("Hb 6,9 g/dL, trasfuse 2 sacche, controllo 8,8 g/dL", {"hgb": 8.8}),
    ("ANC stable 1.6-1.9 throughout; 1.7 at discharge", {"anc": 1.7}),
    # a condition's bracket of values labelled after each value
    ("Thrombocytopenia (nadir 19 on day 5, 96 at discharge)", {"plt": 96}),
    # a value said instead of the one before it, and one retracted as another patient's after "no,"
    ("ANC 0.9, sorry, correction: ANC 1.9", {"anc": 1.9}),
    ("plt 14?? no, that count is for the guy in bed 9. Ours is 112", {"plt": 112}),
    # batch 3: a rule's unit power and a comma before the value of now; a rule aside in a bracket before "came back"
    ("baseline plt 110, the protocol needs >=100 x10^9/L, today 88", {"plt": 88}),
    ("plt for the procedure (needs ≥50) came back 47", {"plt": 47}),
    # a whole-number value after a four-digit clock; a German date with its closing dot before the colon
    ("Hb 0700 9.9, Hb 1915 8", {"hgb": 8}),
    ("Thrombos 04.03.: 98 — Thrombos 11.03.: 77", {"plt": 77}),
    # a flag after a reference range, then a time ago, then the value of now
    ("ANC 1.6 (2.0-7.5) L 3 days ago; today 1.1", {"anc": 1.1}),
    # ISO dates between the name and the value, cells split by bars
    ("ANC 2026-01-05: 1.2 | ANC 2026-01-12: 0.8", {"anc": 0.8}),
    # names joined by slashes, a word of now, then their values
    ("WBC/ANC/Plt heute 3,1/1,4/66", {"wbc": 3.1, "anc": 1.4, "plt": 66}),
    # a long bracket with a dose before the arrow to the next value
    ("ALC 1.3 (baseline) → 0.7 (week 3, on pred 60 mg daily) → 0.35 (week 6)", {"alc": 0.35}),
    # batch 4: "the bottom of normal" names a limit; a Spanish lower limit, then the patient's value
    ("my wbc is 3.1 and the nurse said 4 is the bottom of normal", {"wbc": 3.1}),
    ("el límite inferior normal de plaquetas es 150; el paciente tiene 97", {"plt": 97}),
    # clocks with a colon right after the name order the values
    ("Hb 07:30 7.2, Hb 21:00 8.6", {"hgb": 8.6}),
    # batch 5: a liver series with the unit after its last value (mg/dL and U/L are no doses)
    ("Bilirubin 0.9 → 1.8 → 3.1 mg/dL", {"bili": 3.1}),
    ("ALT 35 → 210 U/L", {"alt": 210}),
    # batch 5: a unit in brackets, then the reference range, then dot leaders
    ("LYMPHOCYTES ABS (x10^9/L) [1.0-4.0] ....... 0.55", {"alc": 0.55}),
    # "over" a time is no comparison; a day with a plus before the value; an ordinal between another's value and one's own
    ("Platelets drifted down over two cycles and reached a low of 61; today they are 83.", {"plt": 83}),
    ("ANC 0.3 on D+8, D+12 0.9, D+15 2.1", {"anc": 2.1}),
    ("my brother's neutrophils were 0.7 on keytruda. I had my 2nd infusion and mine were 2.3", {"anc": 2.3}),
    ("Hb 7,1 g/dL, controllo serale 8,0 g/dL", {"hgb": 8.0}),
    ("ANC on 2/3 was 2.2, on 2/10 1.1", {"anc": 1.1}),
    # batch 6: a day "of admission"; the baseline between two values of a change in Italian; a range "throughout the
    # admission"; "went 150 to 90 to 63" without "from"; "but thats not ours"
    ("plt 61 on day 2 of admission, 84 on day 6", {"plt": 84}),
    ("Neutrofili scesi da 3,2 al basale a 0,9 x10^9/L oggi", {"anc": 0.9}),
    ("WBC steady 3.5-4.0 throughout the admission, 3.8 at discharge", {"wbc": 3.8}),
    ("hb went 11 to 9.4 to 8.2 over two months", {"hgb": 8.2}),
    ("bay 4 has ANC 0.2 but thats not ours. ours is 1.6", {"anc": 1.6}),
    # batch 7: a range since a cycle, then the latest value; a count recollected after clumping; a value said instead
    ("neuts hovering 1.1-1.4 since cycle 3, latest 1.2", {"anc": 1.2}),
    ("PLT 18 K/uL - clumping on the smear, recollected in citrate: 143 K/uL", {"plt": 143}),
    ("hb 7.2, sorry typo, meant 9.2", {"hgb": 9.2}),
    # names listed, their "nadirs", then the values in the same order
    ("the WBC and platelet nadirs were 1.6 and 38", {"wbc": 1.6, "plt": 38}),
    # the owner's value after someone else's, then its later value of now
    ("my neighbour on opdivo had platelets of 40. mine were 150 last month and 132 today", {"plt": 132}),
    # batch 8: another patient's value retracted with "thats the guy in 14"; a range "through" the admission; a Portuguese
    # plural verb of change after "hoje"
    ("ANC 0.3!! wait no thats the lady in 9. ours is 2.4", {"anc": 2.4}),
    ("hb 9.0-9.6 through the admission, 9.3 at discharge", {"hgb": 9.3}),
    ("os neutrófilos estavam em 2,1 e hoje baixaram para 0,8", {"anc": 0.8}),
    # batch 9: a French change whose values each carry a day ("de 165 G/L à J1 à 44 G/L à J15"); a result amended after a
    # mislabelled sample is the patient's own
    ("Les neutrophiles sont passés de 2,4 G/L à J1 à 0,6 G/L à J12.", {"anc": 0.6}),
    ("PLT reported 21 - sample mislabelled - amended result 188", {"plt": 188}),
    # the next of a list of values each "for" its name after "shows"; "ran" before a range over the admission
    ("the app shows 9.9 for my hemoglobin and 2.2 for white cells", {"hgb": 9.9, "wbc": 2.2}),
    ("Neutrophils ran 1.8-2.4 throughout the admission, 2.0 on discharge", {"anc": 2.0}),
    # "someone's" value is another's; the writer's own told after it
    ("On the forum someone's neutrophils were 0.3 on Keytruda. Mine came back today at 2.6.", {"anc": 2.6}),
    # "I mean" is no statistic: the value said instead is read
    ("Hb is 7.9, sorry, I mean Hb is 9.7", {"hgb": 9.7}),
    # after a name's colon, whose value it is ("plt: pt screened at 81, today 66")
    ("anc: pt screened at 1.6, today 1.1", {"anc": 1.1}),
]
ROUND183_READS = [
    # a cycle's label before or after a value dates it: just after cycle 2 comes before just before cycle 4
    ("Hb 12.4 at start, post C3 10.2, before cycle 5 8.9", {"hgb": 8.9}),
    ("ANC 1.9 after dose 2, 1.2 pre-dose 3", {"anc": 1.2}),
    # the size of a change is no value; the count it came to is
    ("Platelets dropped by 60 over three weeks and are now 74", {"plt": 74}),
    ("hgb has fallen by 1.8 g/dL since C2 and is 9.0 today", {"hgb": 9.0}),
    # a dose in a heading before its colon is no value
    ("lymphs on methylpred 2 mg/kg for hepatitis: 1.1 (start) -> 0.6 (day 5)", {"alc": 0.6}),
    # a clock, then a bracketed aside, then the value
    ("plt 22:40 (post 1 pool) 36", {"plt": 36}),
    # dotted dates with their year, and ' / ' between dated values
    ("Leukozyten 14.10.2025: 3,9 / 21.10.2025: 2,6", {"wbc": 2.6}),
    # a rule marked as met or not, with the patient's value in brackets
    ("Screening: ANC >= 1.5 met (2.3); platelets >= 100 not met (84)", {"anc": 2.3, "plt": 84}),
    # a baseline between a rule and the value of today
    ("protocol requires platelets >=100, baseline 140, today 96", {"plt": 96}),
    # a value said to have been in a month, after one labelled by its cycle
    ("plt 88 on nivo c4, was 150 in march", {"plt": 88}),
    # a leading-dot value after a word of the past
    ("alc yday .6 today .4", {"alc": 0.4}),
    # a preposition before a decimal number is no time
    ("Hb 6,9 g/dL ce soir ; après 1 CGR, contrôle à 8,2.", {"hgb": 8.2}),
    # a value taken back after an interjection, then ours
    ("plt 12?! ah no, that's the man in bay 5 — ours is 144", {"plt": 144}),
    # an amount before a name makes it a product between two values
    ("plt 7 at 0600, 2 units platelets given, 1400 recheck 29", {"plt": 29}),
    # a baseline between a rule and the value of now
    ("trial needs ANC >=1.5; her baseline 2.4, today 1.3", {"anc": 1.3}),
    # a count said to have stayed normal, then its value in brackets
    ("Haemoglobin stayed normal throughout (13.4 g/dL).", {"hgb": 13.4}),
    # the patient's actual count after another's value filed in error
    ("ANC 0.1 belongs to bed 6, filed in error; pt's actual count 2.2", {"anc": 2.2}),
    # a clock in hours is no value of a series
    ("Hb 6,8 g/dL à 7h, contrôle à 19h 7,9 g/dL", {"hgb": 7.9}),
    # a series of values with decimal commas between dashes
    ("Thrombozyten 210 – 160 – 98", {"plt": 98}),
    ("Neutrophile im Verlauf 3,1 – 2,2 – 1,4 G/l", {"anc": 1.4}),
    # the repeat of a spoiled sample replaces it
    ("PLT 9 (clumped) - recollected in citrate 10:40, PLT 166", {"plt": 166}),
    # a value told after a supposition, in another language
    ("Wenn die Thrombozyten unter 50 fallen, pausieren wir. Heute hat er 88.", {"plt": 88}),
    # a value post an event, after a value of this morning
    ("plt 8 this am -> 1 pool -> 27 post", {"plt": 27}),
    # the reference range's column between the unit and the value
    ("Platelets   x10^9/L   150-400   61   L", {"plt": 61}),
    # a range since a treatment began, then the current value, with leading dots
    ("neuts between .9 and 1.3 since starting pembro, current 1.1", {"anc": 1.1}),
    # a relative's value, when the writer asks about starting the drug themselves
    ("my brother had platelets of 40 on opdivo, should i worry about starting it?", {}),
    # the low end of normal named before a count is a limit, not a value
    ("Hb came back 11.2 and platelets 131; the low end for platelets is 150, the nurse said", {"hgb": 11.2, "plt": 131}),
    # a bed's number after a name is no value
    ("night ANC for bed 7 is 0.66", {"anc": 0.66}),
    # a range over a week, then the value of today
    ("hb 8-9 all week, 7.6 today", {"hgb": 7.6}),
    # a condition's bracket of values, then the value it recovered to
    ("Thrombocytopenia in cycle 3 (nadir 19 on day 10), recovered to 142 by day 21", {"plt": 142}),
    # a transfusion in Portuguese, then its check
    ("Hemoglobina 6,8 g/dL; transfundidos 2 CH; controle 8,7 g/dL", {"hgb": 8.7}),
    # listed names' values, then the values they came to, said of them with a pronoun in the same order
    ("The ANC and platelet nadirs were 0.3 and 22 on day 9; by day 20 they had recovered to 1.7 and 140.", {"anc": 1.7, "plt": 140}),
]


ROUND201_READS = [
    # a later group with no names, after a word of a new draw, continues the named group before it
    ("Hb/Hct 7.9/23.8 on arrival, 2 u PRBC given, recheck 9.1/27.5", {"hgb": 9.1}),
    ("wbc/plt 1.8/64 → 2.6/81 this morning", {"wbc": 2.6, "plt": 81}),
    # ... but a date is no group of values
    ("Hb/plt 8.4/52 on 03/07", {"hgb": 8.4, "plt": 52}),
    # a condition's bracket of values after the treatment it came on
    ("Neutropénie sous pembrolizumab (nadir 0,4 G/L, sortie 1,6 G/L).", {"anc": 1.6}),
    # another patient's value, said to be so in words of the languages read, then the patient's own
    ("ANC 0.6 on nivo - not my patient, just asking for a friend", {}),
    ("Los neutrófilos de 0,5 son de la cama 6, no de nuestro paciente: el nuestro tiene 1,9", {"anc": 1.9}),
    ("Hb 6,8 vom Bett 2, nicht von unserem Patienten. Der unsere hat 9,4 g/dl.", {"hgb": 9.4}),
    # a range after whose it is ("ours") is a reference range, not a value
    ("what ANC range does your lab call normal? ours is 1.8-7.5", {}),
    # a second threshold named in passing keeps the patient's value after it
    ("plt 50 instead of 75 as the cutoff? ours is 61", {"plt": 61}),
    # a range in words over a time, then the value at its end
    ("Platelets between 55 and 70 since cycle 3, 62 this morning", {"plt": 62}),
    ("ANC 1.1 to 1.4 all week, 1.3 today", {"anc": 1.3}),
    ("Hb between 8 and 9 g/dL", {}),
    # rows of a name's lines read to the last, also one spaced by a single space
    ("Platelets (x10^9/L)\nD1  188\nD8  120\nD15 84", {"plt": 84}),
    # a change from the start of a cycle to now in Italian
    ("Piastrine scese da 190 a inizio ciclo a 71 oggi", {"plt": 71}),
    # a donor named as the patient's relative gives no value of the patient; the patient's own count does
    ("Donor (the patient's sister, not the patient): Hb 14.6 g/dL, PLT 240.", {}),
    # a relative's value in the languages read, when the writer says they are the patient, then the writer's own
    ("Mein Bruder hatte Thrombos von 45. Ich bekomme Opdivo und meine sind 190.", {"plt": 190}),
    ("Mi madre tenía neutrófilos de 0,6. Estoy con pembrolizumab y los míos están en 2,4.", {"anc": 2.4}),
    # values its sentence calls historical, for reference only, are no value of now; a later sentence's are
    ("Historical labs for comparison only (2021): Hb 12.9, plt 250. Today plt 98.", {"plt": 98}),
    ("Historical results for reference only: WBC 6.1, ANC 3.9. No bloods taken today.", {}),
    # the value of now after the patient's own earlier value, told after a cohort's statistic or a name with no value
    ("The median ANC nadir in the trial was 1.1; this patient's nadir was 0.6 on day 12 and today is 1.7.", {"anc": 1.7}),
    ("Portuguese: neutrófilos estavam em 1,9; hoje baixaram para 0,9", {"anc": 0.9}),
    ("hb between 8 and 9 all week, 8.4 this am", {"hgb": 8.4}),
    ("For teaching purposes: a patient with platelets of 30, what grade?", {}),
    # a date in brackets at the end of a long label after a value is read whole
    ("Platelets 11 on admission 03/09. Platelets 64 on 05/09 and 131 on the day of discharge (08/09).", {"plt": 131}),
    # a series goes on past a value's date and the bracket its name opened
    ("Grade 4 at the nadir (ANC 0.41 on 12/03); today 1.2, so treatment resumes.", {"anc": 1.2}),
    # a unit in brackets read as words, then the reference range in brackets, then the dot leaders
    ("ABS NEUTS (K/uL) [1.8-7.7] ........ 0.92", {"anc": 0.92}),
    # a value named "a … trigger" in a question is a threshold
    ("is plt 20 a sensible transfusion trigger before the line, or should we go for 50?", {}),
    # "currently" in the languages read after a threshold, past a cycle counted in them
    ("Das Protokoll verlangt Neutrophile ≥ 1,5/nl vor Zyklus 3; aktuell 1,1/nl.", {"anc": 1.1}),
    # another patient named as a gentleman in a bay
    ("plt 12?! never mind, thats the gentleman in bay 4 — ours is 140", {"plt": 140}),
    ("Platelets tracked 180 → 120 → 85 over three cycles", {"plt": 85}),
    # a supposed patient opened by "hypothetical:"; a threshold stated with "is" before its name
    ("hypothetical: a pt on nivo with platelets of 35, would you hold?", {}),
    ("Our hold threshold is ANC 1.0 (1.5 before cycle 1).", {}),
    # a condition's bracket, then the value the count came back up to
    ("Thrombocytopenia after C2 (nadir 31 on D9), back up to 140 by D21", {"plt": 140}),
    # a coworker's value, then the writer's own; another room's value said to be from it
    ("my coworker's platelets were 40 on chemo. mine were 210 yesterday on nivo", {"plt": 210}),
    ("the anc 0.2 I called about was from room 9, my mistake. our pt's is 1.9", {"anc": 1.9}),
    # values given for reference only, nothing drawn since
    ("For reference only, his 2020 labs on chemo: ANC 0.9, Hb 9.1. Nothing drawn since he started pembro.", {}),
    # a day or a cycle between a name and its value dates the value
    ("ANC D8 0.6", {"anc": 0.6}),
    ("Platelets C3: 120 -> 88 -> 64", {"plt": 64}),
    ("Hb (C2D1): 10.4 g/dL", {"hgb": 10.4}),
    # "momenteel", "actualmente", "attualmente", "atualmente" between a name and its value
    ("Neutrofielen momenteel 1,1 x10^9/L onder nivolumab", {"anc": 1.1}),
    # a relative's friend is another person
    ("my wife's friend had platelets of 30 on pembro, should we worry?", {}),
    # a recount in citrate after a dash, and a citrate tube's count, are platelet counts
    ("Plt 18 on the analyser, clumps on the film — recollected in citrate: 164", {"plt": 164}),
    ("Platelets: EDTA count 15 with clumps flagged; citrate tube count 151", {"plt": 151}),
    ("Hb 13.9, WBC 7.2, platelets 24 on EDTA. With the citrate count of 26 this is grade 3.", {"hgb": 13.9, "wbc": 7.2, "plt": 26}),
    # another patient's value filed in error, then the actual count for ours
    ("ANC 0.2 filed in error (belongs to bed 6, different MRN). Actual count for our patient 2.4.", {"anc": 2.4}),
    ("the plt 12 is from room 3. our guy's is 190", {"plt": 190}),
    # a value corrected in the bracket after it; a condition's bracket labelled "on day 3 of admission"
    ("ANC 0.2 (typo — meant 2.0)", {"anc": 2.0}),
    ("Immune thrombocytopenia (nadir 11 on day 2 of admission, 97 on discharge)", {"plt": 97}),
    # the writer who is about to start the drug is the patient, so a relative's value is not theirs
    ("My dad's neutrophils were 0.7 on Opdivo. I'm the one starting Opdivo next month, should I worry?", {}),
    ("My brother had platelets of 45 on Keytruda. I start next week, is that common?", {}),
]


@pytest.mark.parametrize("text,multiple,grade", [("ALT 2.5x ULN", 2.5, 1), ("AST 4.2× ULN", 4.2, 2), ("AST 6 times the ULN", 6, 3),
                                                  ("total bilirubin 3.1 x ULN", 3.1, 3), ("ALT 0.9 x upper limit of normal", 0.9, 0)])
def test_a_liver_value_written_as_a_multiple_of_the_upper_limit_is_graded_on_the_multiple(text, multiple, grade):
    """ "AST 4.2× ULN" is 4.2 times the limit, not 4.2 U/L; whatever ULN is given, the grade is the multiple's."""
    for uln in (None, {"alt": 50.0, "ast": 50.0, "bili": 1.0}):
        (lab,) = grade_text(text, uln=uln)
        assert lab["grade"] == grade
        assert lab["value"] == pytest.approx(multiple * {"alt": 40.0, "ast": 40.0, "bili": 1.2}[lab["analyte"]])
        assert any("times the upper limit of normal" in note for note in lab["assumptions"])


def test_a_multiple_of_the_upper_limit_is_no_unit_for_a_count():
    (lab,) = grade_text("WBC 3 x ULN")
    assert lab["grade"] is None and lab["warnings"]


ROUND249_READS = [
    # a treatment in its own clause between two values: the value after it is the current one
    ("hb 7.0 this morning, 2 units prbc given, 2 hrs post 8.6", {"hgb": 8.6}),
    ("plt at 0700 = 14, one pool given; 1 hr post 41", {"plt": 41}),
    ("Hb 6,8 g/dl, Transfusion von 2 EK, danach 8,9 g/dl", {"hgb": 8.9}),
    ("ANC 0.3 → filgrastim x4 → 1.8", {"anc": 1.8}),
    ("plt 11 -> dex 40 x4d + IVIG 1 g/kg -> 63", {"plt": 63}),
    # ... but not a clock, the hours since, nor a dose after it
    ("plt 0500 was 9, 1 unit given, 1400 recheck 33", {"plt": 33}),
    ("Hb before 6.9, 2 units RBC over 3 h, 1-h post-transfusion Hb 8.4", {"hgb": 8.4}),
    # names listed, then their values with no verb, or after a word of time
    ("neuts and plts 0.6 and 88 -> holding", {"anc": 0.6, "plt": 88}),
    ("WBC and Hb today 2.8 and 9.9 respectively", {"wbc": 2.8, "hgb": 9.9}),
    # a usual range or decade with its cause, then the value now
    ("plts in the 90s for a year (hypersplenism), today 58", {"plt": 58}),
    ("platelets chronically 100-120 from her cirrhosis, 81 on today's draw", {"plt": 81}),
    ("her platelets usually sit around 95-115 because of the portal hypertension, this week they're 70", {"plt": 70}),
    ("plts usually 110-130, 92 today", {"plt": 92}),
    ("hb in the 9s all month, still 8.4 today", {"hgb": 8.4}),
    ("Haemoglobin stayed between 11 and 12 throughout the admission and was 11.6 on the day of discharge.", {"hgb": 11.6}),
    # a spoiled sample's repeat, its cue the repeat's own label, a clock on either side, or a bracket between
    ("anc 0.1 but the lab says the sample clotted, redrawn at 2pm = 2.3", {"anc": 2.3}),
    ("Plt 21 on the 07:00 draw, lab reports clumping; recollected in citrate at 10:15: 164", {"plt": 164}),
    ("platelets clumped on the EDTA sample (reported 29), repeated in citrate: 158", {"plt": 158}),
    # a mislabelled specimen's recollection is the patient's own
    ("WBC 0.9 K/uL at 08:00 - specimen mislabelled, result withdrawn. Recollected 09:40: WBC 6.1 K/uL", {"wbc": 6.1}),
    # another patient's value taken back with "ignore" or "nope", or said to belong to a named patient in a side room
    ("plt 12!! ignore, wrong pt. ours is 145", {"plt": 145}),
    ("hb 6.1?? nope - that's the lady in bay 2. ours is 10.4", {"hgb": 10.4}),
    ("WBC 0.8!! hold on - that result belongs to Mrs K in side room 5. Our patient's is 5.2", {"wbc": 5.2}),
    # a relative's value, then the writer's own, in the other languages
    ("Mi padre tuvo neutrófilos de 0,8 con su tratamiento. A mí hoy me salieron 2,9, ¿está bien?", {"anc": 2.9}),
    ("Mein Bruder hatte unter Opdivo Thrombos von 60. Ich bin selbst unter Opdivo und meine sind 210.", {"plt": 210}),
    # a condition's bracket, then the value it recovered to: a leading-dot nadir with its day, a grade and a cycle before the
    # bracket, in the other languages read
    ("neutropenia on c3 (nadir .3 d8) recovered to 1.6 by d15", {"anc": 1.6}),
    ("Trombocitopenia grado 2 en el ciclo 3 (nadir 61 el día 8), recuperada a 140 el día 21.", {"plt": 140}),
    # a count that recovered with a treatment, then "to" its value
    ("Platelets recovered with IVIG to 96 by day 5.", {"plt": 96}),
    # a cumulative report's title and the name's reference range on the line over dated rows
    ("CUMULATIVE REPORT — WBC (x10^9/L)   ref 4.0-10.0\n02-Mar   6.2\n16-Mar   3.8 L\n30-Mar   2.6 L", {"wbc": 2.6}),
    ("Serial results: HAEMOGLOBIN (g/dL) reference 12.0-15.5\n05/01/25  11.9 L\n19/01/25  10.2 L\n02/02/25  9.4 L", {"hgb": 9.4}),
    # a spoiled sample's repeat after a dash or an arrow, with the clock of the first draw in words; a sample drawn above a drip
    ("plt 29 on the 7am draw, lab notes clumping; redrawn in citrate → 139", {"plt": 139}),
    ("Hgb 4.8 g/dL (drawn above the IV line) — recollected from the other arm at 10:40: Hgb 9.1 g/dL", {"hgb": 9.1}),
    # the Dutch and German words for a count
    ("het trombocytengetal daalde van 190 naar 102 en nu 71", {"plt": 71}),
    ("Leukozytenzahl heute 3,1 /nl", {"wbc": 3.1}),
]
ROUND225_READS = [
    # two names, a verb phrase, then their values; their later values after "had" alone
    ("Hb and platelets held at 10.9 and 212 through the stay", {"hgb": 10.9, "plt": 212}),
    ("neutrophils and lymphocytes bottomed at 0.3 and 0.5 on D10, and had recovered to 2.2 and 1.1 by D18", {"anc": 2.2, "alc": 1.1}),
    # a count said to have stayed normal over a time, then its value in brackets
    ("Platelets were normal through the whole admission (233 x10^9/L).", {"plt": 233}),
    # another patient's value, said of the bed's patient or "not ours"
    ("hb 6.2?? wait, that belongs to the man in bed 9 - ours is 11.4", {"hgb": 11.4}),
    ("the anc 0.3 from bay 5 is not ours, ours is 2.6", {"anc": 2.6}),
    # a relative's value when the writer starts treatment, in the other languages read
    ("Ma mère avait des plaquettes à 60 sous nivolumab. Je commence le traitement demain.", {}),
    # a decade range, then the value now; a dose repeated between the arrows of a series
    ("plts in the 40s-50s all week, 38 this am", {"plt": 38}),
    ("plt 14 → IVIG 1 g/kg x2 → 71", {"plt": 71}),
    ("plt 12 -> pred 1 mg/kg + romiplostim 1 mcg/kg -> 96", {"plt": 96}),
    # "lowest" labels a value in a condition's bracket; later values by pronoun after a month's date or a spaced dash
    ("Hb (lowest 7.7, 9.8 at discharge)", {"hgb": 9.8}),
    ("My neutrophils were 2.4 on Apr 2, on Apr 16 they were 1.3.", {"anc": 1.3}),
    ("Her platelets were rechecked at the GP — this morning they were 64", {"plt": 64}),
    # a condition's qualifiers and a day label "à J5" in its bracket
    ("Thrombopénie immunologique (nadir 9 G/L à J5, 131 G/L à la sortie)", {"plt": 131}),
    # German short days between dashes; a value on a clock's sample; a repeat after a treatment
    ("Thrombos Mo 160 – Mi 120 – Fr 95", {"plt": 95}),
    ("WBC on the 06:00 sample is 2.9", {"wbc": 2.9}),
    ("Plt 8. Repeat after 2 units is 31.", {"plt": 31}),
    # a question about no patient, then a patient's own value
    ("General question, not about a patient: is an ANC of 0.9 grade 3? Separately, my actual patient has ANC 1.7 today.", {"anc": 1.7}),
    # a CSV export's rows of counts under a header of days
    ("Analyte,D1,D8,D15\nANC,2.9,1.1,0.8\nPLT,190,120,88", {"anc": 0.8, "plt": 88}),
]


ROUND267_READS = [
    # "last month" in the other languages, and a sentence that opens with today's result
    ("Mijn leukocyten waren vorige maand 6,0 en vandaag 3,1", {"wbc": 3.1}),
    ("My platelets were 140 last week. Today's result: 88.", {"plt": 88}),
    ("hb sitting around 9 most of the week, 8.1 this morning", {"hgb": 8.1}),
    # a power of ten is no value (the record's result is); a repeat at a bare hour or a check at a clock, after a treatment in order
    ("Test: Neutrophils | Units: 10^9/L | Ref: 2.0-7.5 | Result: 0.9 | Flag: L", {"anc": 0.9}),
    ("plt 4?? clumped, redraw at 10 = 96", {"plt": 96}),
    ("Hb 7.2 at 0500, 1 unit given, recheck at 1300 = 8.1", {"hgb": 8.1}),
    ("plt 9, 1 pool given, 1-hr post 30, evening check 26", {"plt": 26}),
    # a quiz has no patient's values
    ("for a quiz: is an ANC of 0.8 grade 3 under v5?", {}),
    # a one-analyte report: a bracketed range in its header, named-month dates with clocks, weekday rows
    ("Neutrophils, Absolute   [2.0-7.5 K/uL]\n03-Mar 08:00   1.9 L\n10-Mar 08:15   1.2 L\n17-Mar 07:50   0.7 L", {"anc": 0.7}),
    ("PLT (x10^9/L)   ref 150-400\nMon   88 L\nWed   71 L\nFri   64 L", {"plt": 64}),
    # someone else's value, then the writer's own
    ("my friend had platelets of 30 on opdivo. im on it too, mine were 210 yesterday", {"plt": 210}),
    ("the hb 6.2 i sent was from the pt next door, ours came back 10.9", {"hgb": 10.9}),
    # names listed with a cycle's day, then later values for both
    ("WBC and platelets on day 10 were 1.7 and 40; by day 18 they were up to 4.0 and 130", {"wbc": 4.0, "plt": 130}),
    ("plts went 210 to 140 to 90 over the last three draws", {"plt": 90}),
]


# Round 291's classes, in wordings of our own
ROUND291_READS = [
    # a record of keyed fields, on one line or on lines of its own
    ("Analyte: Hemoglobin | Ref: 12.0-16.0 | Value: 7.6 | Units: g/dL | Flag: LL", {"hgb": 7.6}),
    ("Test: PLT\nUnits: K/uL\nResult: 41 (L)", {"plt": 41}),
    # a change told with its verb and labels between its values; the month that labels a value in the other languages
    ("wbc went 4.1 (Tue) to 3.0 (Thu) and is 2.2 this am", {"wbc": 2.2}),
    ("ANC dropped 1.8 to 0.9", {"anc": 0.9}),
    ("Les neutrophiles sont passés de 2,4 G/L en février à 0,8 G/L ce jour.", {"anc": 0.8}),
    ("Thrombozyten von 190/nl im Januar auf 64/nl gesunken", {"plt": 64}),
    # "they're up to" after a sentence between
    ("Hb was 6.8 on Sunday and I had two units. The ward says it's up to 8.9 now.", {"hgb": 8.9}),
    # a range held a while, then the value now, also in the other languages
    ("neuts stuck 0.8-1.0 since cycle 3, 0.6 today", {"anc": 0.6}),
    ("Le piastrine sono attorno a 60-70 da settimane, oggi 52.", {"plt": 52}),
    # blocks of values under a heading date, newest first; a cell of its date between pipes
    ("Labs 11/02/25 0700\n  ANC 0.9\n  PLT 44\nLabs 11/01/25 0650\n  ANC 1.3\n  PLT 61", {"anc": 0.9, "plt": 44}),
    ("HGB | 04/09 | 7.7 | L\nHGB | 04/08 | 8.4 | L", {"hgb": 7.7}),
    # a pronoun's later value past "the third dose of" a drug, or "after 2u"
    ("Her platelets fell to 35 after the second dose of Keytruda. The clinic phoned today and said they're now 70.", {"plt": 70}),
    ("hb 7.0 this am. after 2u it's 8.9", {"hgb": 8.9}),
    # repeats each with its date in brackets, parted by two spaces; a series in the cells of one line
    ("ANC 2.1 (5/2)  ANC 1.4 (5/9)  ANC 0.9 (5/16)", {"anc": 0.9}),
    ("Hb trend (g/dL): 10.9 | 9.8 | 8.7 (latest)", {"hgb": 8.7}),
    # a citrate redraw at a bare hour, before "="
    ("plt 35 at 7am, clumps on the film, redrawn in citrate at 11 = 142", {"plt": 142}),
    # a weekday after a pipe cell's date; a bracketed word between a clock and its colon; "todays cbc"
    ("HGB | 05/02 (Fri) | 9.9 | L\nHGB | 05/05 (Mon) | 8.1 | L", {"hgb": 8.1}),
    ("ANC 03/02 0700: 1.6\nANC 03/02 1630 (recheck): 1.2", {"anc": 1.2}),
    ("neuts hovering in the 1s since c2, todays cbc 0.8", {"anc": 0.8}),
    # a pronoun's later value after a treatment told in its sentence; "no specific patient"
    ("plt 9 at admission, after 3 days of dex they're 64", {"plt": 64}),
    ("no specific patient - is plt 49 grade 3?", {}),
    # a count said normal over a time, its value in a bracket further on
    ("Neutrophils remained within normal limits during the stay (1.9 x10^9/L at discharge).", {"anc": 1.9}),
    ("Hb 6.1 on arrival. Platelets normal throughout (301 x10^9/L).", {"hgb": 6.1, "plt": 301}),
    ("ANC 0.3 on day 9. Hb stable throughout (12.2 g/dL at discharge).", {"anc": 0.3, "hgb": 12.2}),
    ("hb 6.8. repeat after 2u is 8.4.", {"hgb": 8.4}),
]


@pytest.mark.parametrize("text,expected", FRESH5_READS + FRESH6_READS + FRESH7_READS + FRESH8_READS + FRESH9_READS + FRESH10_READS
                         + FRESH11_READS + FRESH12_READS + FRESH14_READS + FRESH15_READS + FRESH16_READS + LEFTOVER_READS + RELATIVE_TIME_READS + SERIES_LABEL_READS + TOLD_LATER_READS
                         + ROUND26_READS + ROUND32_READS + ROUND38_READS + ROUND49_READS + ROUND62_READS + ROUND73_READS + ROUND86_READS + ROUND89_READS + ROUND92_READS + ROUND95_READS + ROUND98_READS + ROUND104_READS + ROUND121_READS + ROUND138_READS + ROUND156_READS + ROUND183_READS + ROUND201_READS + ROUND225_READS + ROUND249_READS + ROUND267_READS + ROUND291_READS)
def test_reading_classes_of_the_blind_rounds(text, expected):
    """Each class found in a blind round (fresh5 to fresh16), in wordings of our own: every value read, none invented (no
    analyte read twice: an older value is never reported beside the current one)."""
    labs = [lab for lab in grade_text(text) if lab["value"] is not None]
    assert {lab["analyte"]: lab["value"] for lab in labs} == pytest.approx(expected)
    assert len(labs) == len(expected)


def test_a_name_in_snake_case_keeps_its_raw_text():
    assert [lab["raw"] for lab in grade_text("neutrophils_abs: 0.7")] == ["neutrophils_abs: 0.7"]


def test_a_unit_in_thousands_per_microlitre_or_per_nanolitre_is_read_not_inferred():
    for text in ("Thrombo 74 Tsd/µl", "Leukozyten 9,6 /nl"):
        assert not any("inferred" in note for note in grade_text(text)[0]["assumptions"])


def test_untimed_repeats_in_running_prose_read_the_last_told_unless_they_are_two_samples():
    """In running prose the last-told of repeats no time orders is read as current, saying so; two samples of different kinds
    (capillary and venous) are both current, and both kept."""
    lab, = grade_text("Hb 9.1 in clinic. Hb 8.7 on the ward.")
    assert lab["value"] == 8.7 and lab["assumptions"][0].startswith("Hemoglobin given 2 times (9.1, 8.7); 8.7 is read as the current value")
    assert sorted(lab["value"] for lab in grade_text("Capillary Hb 7.9. Venous Hb 8.8.")) == [7.9, 8.8]
    assert sorted(lab["value"] for lab in grade_text("Hb 8.1 g/dL fingerstick; Hb 8.9 g/dL venous.")) == [8.1, 8.9]


def test_a_comparator_in_another_language_is_kept_as_a_relation():
    assert [m.comparator for m in find_mentions("PNN sous 0,5 G/L; Thrombozyten über 100; plaquetas al menos 50")] == ["<", ">", ">="]


def test_the_current_value_of_a_long_document_says_why_it_was_chosen():
    text = "My nurse said my platelets were 90 on Saturday.\nYour recheck today shows platelets 71.\nPost-transfusion check this morning: platelets 102."
    lab, = grade_text(text)
    assert lab["value"] == 102 and "current ('this morning')" in lab["assumptions"][0]
    lab, = grade_text("Her neutrophils are 1.1. Last month her neutrophils were 2.0.")
    assert lab["value"] == 1.1 and "said to be earlier ('Last month')" in lab["assumptions"][0]
    text = "Hallo,\nneues Blutbild: Leukozyten 3,9 /nl.\n\n> Am 02.05. schrieb Dr. S.:\n> Leukozyten 2,2 /nl."
    lab, = grade_text(text)
    assert lab["value"] == 3.9 and "earlier message the reply quotes" in lab["assumptions"][0]


def test_no_pattern_holds_a_quantifier_an_f_string_ate():
    """A quantifier written with single braces in an rf-string ("\\d{1,2}") is formatted as a tuple ("\\d(1, 2)") and never
    matches what it was meant to: no pattern of the reader or the check may hold one."""
    import assistant.check as check_module
    import assistant.labs as labs_module

    patterns = [value.pattern if isinstance(value, re.Pattern) else value
                for module in (labs_module, check_module) for value in vars(module).values() if isinstance(value, (re.Pattern, str))]
    patterns += [compiled.pattern for compiled in labs_module.TREND_STEPS.values()]
    assert not [pattern for pattern in patterns if re.search(r"\(\d+, \d+\)|\{\d+, \d+\}", pattern)]
