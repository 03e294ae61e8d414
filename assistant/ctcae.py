"""CTCAE v5.0 / v6.0 grading of lab values, read from the versioned tables in `assistant/data/`.

Grading is deterministic and needs neither the embedding model nor torch: every grade that the
assistant shows comes from `grade_value` here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from assistant.errors import UserError

DATA_DIR = Path(__file__).resolve().parent / "data"
VERSIONS = ("5.0", "6.0")

# Typical adult reference limits, used when the caller does not give the lab's own.
# They are assumptions, not CTCAE values: every grade that depends on one says so, and
# `--lln ANALYTE=VALUE` / `--uln ANALYTE=VALUE` override them.
DEFAULT_LLN = {"wbc": 4.0, "anc": 2.0, "alc": 1.0, "plt": 150.0, "hgb": 12.0}
DEFAULT_ULN = {"alt": 40.0, "ast": 40.0, "bili": 1.2}
MULTIPLE_OF_ULN = "x ULN"  # the native unit of a liver value written as a multiple of its upper limit ("AST 4.2× ULN")

ANALYTE_LABELS = {
    "wbc": "WBC", "anc": "ANC", "alc": "ALC", "plt": "Platelets", "hgb": "Hemoglobin",
    "fn": "ANC with fever", "alt": "ALT", "ast": "AST", "bili": "Bilirubin",
}


def normalize_version(version: str | int | float | None) -> str:
    """'5', 'v5', '5.0', 5 -> '5.0'; the same for 6. Anything else is a user error."""
    if version == "5.0" or version == "6.0":
        return version  # already normal: the rules check grades thousands of values
    text = str(version if version is not None else "5").strip().lower().lstrip("v")
    if text in ("5", "5.0"):
        return "5.0"
    if text in ("6", "6.0"):
        return "6.0"
    raise UserError(f"unknown CTCAE version '{version}': use 5 or 6")


@cache
def table(version: str) -> dict:
    """The CTCAE table of one version, as shipped in `assistant/data/ctcae_v{version}.json`."""
    return json.loads((DATA_DIR / f"ctcae_v{normalize_version(version)}.json").read_text(encoding="utf-8"))


def term_name(analyte: str, version: str) -> str | None:
    """The exact CTCAE term that grades `analyte` in `version`, or None when that version has none."""
    entry = table(version)["terms"].get(analyte)
    return entry["term"] if entry else None


@dataclass
class Grade:
    """The CTCAE grade of one value, with the criterion text it met and the assumptions it rests on."""

    analyte: str
    value: float
    unit: str
    ctcae_version: str
    term: str | None
    grade: int | None
    criterion: str
    assumptions: list[str] = field(default_factory=list)


def grade_value(
    analyte: str,
    value: float,
    version: str = "5.0",
    *,
    lln: float | None = None,
    uln: float | None = None,
    native_unit: str | None = None,
    native_value: float | None = None,
) -> Grade:
    """Grade `value` (in the term's canonical unit) by CTCAE `version`.

    `native_unit`/`native_value` let hemoglobin in mmol/L be graded on CTCAE's own mmol/L bands,
    so a conversion rounding error cannot move a value across a band edge.
    """
    version = normalize_version(version)
    data = table(version)
    entry = data["terms"].get(analyte)
    if entry is None:
        reason = data.get("absent_terms", {}).get(analyte, f"CTCAE v{version} has no term for '{analyte}'.")
        return Grade(analyte, value, "", version, None, None, reason, [])
    if entry["direction"] == "high":
        if native_unit == MULTIPLE_OF_ULN and native_value is not None:
            return _grade_high(analyte, entry, native_value, version, 1.0, multiple=True)
        return _grade_high(analyte, entry, value, version, uln)
    return _grade_low(analyte, entry, value, version, lln, native_unit, native_value)


def _grade_low(analyte, entry, value, version, lln, native_unit, native_value) -> Grade:
    grades = entry["grades"]
    native_bands = entry.get("native_units", {}).get(native_unit or "", None)
    for level in ("4", "3", "2"):
        band = grades.get(level)
        if not band or band["below"] is None:
            continue
        if native_bands is not None and level in native_bands:
            below_native = native_bands[level]
            if native_value is not None and native_value < below_native:
                return Grade(analyte, value, entry["unit"], version, entry["term"], int(level), band["criterion"])
            continue
        if value < band["below"]:
            assumptions = []
            if analyte == "hgb" and level == "3":
                assumptions.append(
                    "Grade 4 anemia is defined by life-threatening consequences, not by a value; "
                    "the value alone gives grade 3."
                )
            return Grade(analyte, value, entry["unit"], version, entry["term"], int(level), band["criterion"], assumptions)
    first = grades.get("1")
    if first and first["below"] == "LLN":
        limit = lln if lln is not None else DEFAULT_LLN[analyte]
        source = "given" if lln is not None else "assumed default"
        note = f"Lower limit of normal for {ANALYTE_LABELS[analyte]}: {limit:g} {entry['unit']} ({source})."
        if value < limit:
            return Grade(analyte, value, entry["unit"], version, entry["term"], 1, first["criterion"], [note])
        return Grade(analyte, value, entry["unit"], version, entry["term"], 0, f"Not below the lower limit of normal ({limit:g} {entry['unit']}).", [note])
    if first and value < first["below"]:
        return Grade(analyte, value, entry["unit"], version, entry["term"], 1, first["criterion"])
    floor = first["below"] if first else None
    criterion = f"Not below {floor:g} {entry['unit']}." if floor is not None else "Not graded by a value."
    assumptions = [entry["note"]] if entry.get("note") else []
    return Grade(analyte, value, entry["unit"], version, entry["term"], 0, criterion, assumptions)


def _grade_high(analyte, entry, value, version, uln, multiple: bool = False) -> Grade:
    """Grade by multiples of the ULN; `multiple` when `value` is itself the multiple the text gave ("4.2× ULN")."""
    limit = uln if uln is not None else DEFAULT_ULN[analyte]
    source = "given" if uln is not None else "assumed default"
    assumptions = [] if multiple else [f"Upper limit of normal for {ANALYTE_LABELS[analyte]}: {limit:g} {entry['unit']} ({source})."]
    assumptions.append("Baseline assumed normal; if the baseline was above the ULN, CTCAE grades by multiples of the baseline instead.")
    for level in ("4", "3", "2", "1"):
        band = entry["grades"][level]
        if value > round(band["above_uln"] * limit, 9):  # 1.5 x 1.2 must be 1.8, not 1.7999999999999998
            return Grade(analyte, value, entry["unit"], version, entry["term"], int(level), band["criterion"], assumptions)
    normal = "Not above the upper limit of normal" + (f" ({value:g} times it)." if multiple else f" ({limit:g} {entry['unit']}).")
    return Grade(analyte, value, entry["unit"], version, entry["term"], 0, normal, assumptions)


def grade_febrile_neutropenia(anc: float, temperature_c: float, sustained: bool, version: str = "5.0") -> Grade | None:
    """Febrile neutropenia (grade 3) when ANC <1.0 x 10^9/L with a temperature >38.3 C, or >=38 C sustained over an hour."""
    version = normalize_version(version)
    entry = table(version)["terms"]["fn"]
    if anc >= 1.0:
        return None
    feverish = temperature_c > 38.3 or (temperature_c >= 38.0 and sustained)
    if not feverish:
        return None
    assumptions = [f"Temperature {temperature_c:g} C{' sustained over one hour' if sustained and temperature_c <= 38.3 else ''}."]
    assumptions.append("Grade 4 (life-threatening consequences) needs clinical judgement; the values give grade 3.")
    return Grade("fn", anc, entry["unit"], version, entry["term"], 3, entry["grades"]["3"]["criterion"], assumptions)
