"""Reading lab values from free text and grading them: `assistant grade`.

Finds analyte names as clinicians write them, the number that follows (2.7; 2,700; 79K; 79 000)
and its unit in any common form, converts to the canonical unit and grades by CTCAE.
A number written after a comparator ("platelets <50") is a threshold, not a patient value,
and is reported separately so the rules check can tell the two apart.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.ctcae import ANALYTE_LABELS, grade_febrile_neutropenia, grade_value, normalize_version

# Upper-case abbreviations match only as written ("ALT", not "alt" in "alternative"); words in any case.
ANALYTE_PATTERNS = {
    "wbc": r"(?-i:WBCs?|wbc)|white\s+blood\s+cells?(?:\s+counts?)?|white\s+(?:cell\s+)?counts?|leu[ck]ocytes?(?:\s+counts?)?|total\s+leu[ck]ocyte\s+counts?",
    "anc": r"(?-i:ANC)|absolute\s+neutrophils?(?:\s+counts?)?|neutrophils?(?:\s+counts?)?|neuts?",
    "alc": r"(?-i:ALC)|absolute\s+lymphocytes?(?:\s+counts?)?|lymphocytes?(?:\s+counts?)?|lymphs",
    "plt": r"(?-i:PLTs?|Plts?|plts?)|platelets?(?:\s+counts?)?|thrombocytes",
    "hgb": r"(?-i:Hgb|HGB|Hb|HB|hgb)|h(?:a)?emoglobin",
    "alt": r"(?-i:ALT|SGPT)|alanine\s+aminotransferase",
    "ast": r"(?-i:AST|SGOT)|aspartate\s+aminotransferase",
    "bili": r"(?:total\s+)?bilirubin|(?-i:T\.?\s?bili)",
}

NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:\.\d+)?|\.\d+)(?P<kilo>\s?[kK](?![a-zA-Z/]))?"
TEN9 = r"(?:[x×*]\s*)?10\s*(?:\^|e|E|\*\*)?\s*(?:9|⁹)\s*/\s*L"
TEN3 = r"(?:[x×*]\s*)?10\s*(?:\^|e|E|\*\*)?\s*(?:3|³)\s*/\s*(?:µL|uL|μL|mcL|mm3|mm³)"
UNIT_FORMS = [
    (TEN9, "10^9/L", 1.0),
    (TEN3, "10^9/L", 1.0),
    (r"(?-i:G)\s*/\s*L", "10^9/L", 1.0),  # giga per litre; lower-case g/L is hemoglobin
    (r"[kK]\s*/\s*(?:µL|uL|μL|mcL|ul)", "10^9/L", 1.0),
    (r"(?:cells\s*)?/\s*(?:mm3|mm³|µL|uL|μL|mcL|ul|cu\s?mm)", "/µL", 0.001),
    (r"g\s*/\s*dL|g\s*/\s*dl|gm\s*/\s*dL", "g/dL", 1.0),
    (r"mmol\s*/\s*L", "mmol/L", 1.0),
    (r"(?-i:g)\s*/\s*L", "g/L", 0.1),
    (r"I?U\s*/\s*L", "U/L", 1.0),
    (r"mg\s*/\s*dL|mg\s*/\s*dl", "mg/dL", 1.0),
    (r"(?:µ|u|μ)mol\s*/\s*L", "µmol/L", 1 / 17.1),
]
UNIT = "(?P<unit>" + "|".join(f"(?:{form})" for form, _, _ in UNIT_FORMS) + r")(?![A-Za-z])"
COMPARATOR = r"(?P<cmp><=|>=|≤|≥|<|>|(?:(?:less|lower|fewer|greater|higher|more)\s+than|below|under|above|over|at\s+least|at\s+most|up\s+to)\b)"
# Words that may stand between an analyte and its value ("platelets of 60", "ANC was 0.4", "Hb: 9.1").
FILLER = r"(?:\s+|\s*[:=(,]\s*|\s*(?:count|counts|level|levels|value|values|of|was|is|are|were|at|now|only|measured|then|today|dropped|fell|fallen|had|has|decreased|declined|down|recovered|to|reaching|reached|nadir|about|around|approximately|roughly|exactly|just|~|≈)\b\s*)"
FROM_TO = r"(?:\s*from\s+\d[\d.,]*\s*(?:\S*/\S+\s*)?to\s+)"

# The canonical unit of each analyte and where the value lands with no unit given.
CANONICAL_UNIT = {"wbc": "10^9/L", "anc": "10^9/L", "alc": "10^9/L", "plt": "10^9/L", "hgb": "g/dL",
                  "alt": "U/L", "ast": "U/L", "bili": "mg/dL"}
PLAUSIBLE_MAX = {"wbc": 500.0, "anc": 300.0, "alc": 300.0, "plt": 3000.0, "hgb": 25.0, "alt": 20000.0,
                 "ast": 20000.0, "bili": 80.0}
UNIT_KIND = {"10^9/L": "count", "/µL": "count", "g/dL": "hgb", "g/L": "hgb", "mmol/L": "hgb", "U/L": "enzyme",
             "mg/dL": "bili", "µmol/L": "bili"}
ANALYTE_KIND = {"wbc": "count", "anc": "count", "alc": "count", "plt": "count", "hgb": "hgb", "alt": "enzyme",
                "ast": "enzyme", "bili": "bili"}


def _analyte_regex() -> re.Pattern:
    parts = [f"(?P<{analyte}>{pattern})" for analyte, pattern in ANALYTE_PATTERNS.items()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


ANALYTE_RE = _analyte_regex()
VALUE_RE = re.compile(
    rf"(?P<filler>(?:{FILLER}){{0,4}}?)(?:{FROM_TO})?(?:{COMPARATOR}\s*(?:the\s+)?)?{NUMBER}\s*(?:{UNIT})?",
    re.IGNORECASE,
)
TEMPERATURE_RE = re.compile(
    r"(?i)(?:temp(?:erature)?|fever|febrile|T(?:max)?)\s*(?:of|to|was|is|at|:|=|up\s+to)?\s*(?P<t>\d{2,3}(?:\.\d+)?)\s*°?\s*(?P<scale>C|F)?\b"
    r"|(?P<t2>\d{2,3}(?:\.\d+)?)\s*°\s*(?P<scale2>C|F)\b"
)
SUSTAINED_RE = re.compile(r"(?i)sustained|for\s+(?:more\s+than|over)\s+(?:an|one|1)\s+hour|for\s+\d+\s+hours")


@dataclass
class Mention:
    """One analyte name followed by a number in the text: a patient value, or a threshold after a comparator."""

    analyte: str
    value: float | None  # canonical unit; None when implausible
    unit: str
    raw: str
    span: tuple[int, int]
    number_span: tuple[int, int]
    comparator: str | None
    native_unit: str
    native_value: float
    assumptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_threshold(self) -> bool:
        return self.comparator is not None


def parse_number(text: str) -> float:
    """'2,700', '79 000', '2.7' -> float."""
    return float(re.sub(r"[,\u00a0\u202f ]", "", text))


def _unit_of(unit_text: str) -> tuple[str, float]:
    for form, name, factor in UNIT_FORMS:
        if re.fullmatch(form, unit_text.strip(), re.IGNORECASE):
            return name, factor
    return "", 1.0


def to_canonical(analyte: str, number: float, unit_text: str | None) -> tuple[float | None, str, float, list[str], list[str]]:
    """Convert a number as written to the analyte's canonical unit.

    Returns (value or None, native unit, native value, assumptions, warnings). With no unit, the unit
    is inferred from the magnitude and the assumption says so.
    """
    canonical = CANONICAL_UNIT[analyte]
    assumptions: list[str] = []
    warnings: list[str] = []
    label = ANALYTE_LABELS[analyte]
    if unit_text:
        unit, factor = _unit_of(unit_text)
        if UNIT_KIND.get(unit) != ANALYTE_KIND[analyte]:
            warnings.append(f"{label} given in {unit_text.strip()}, which is not a unit for {label}; not graded.")
            return None, unit or unit_text, number, assumptions, warnings
        value = number / 1000.0 if unit == "/µL" else (number / 10.0 if unit == "g/L" else number)
        if unit == "mmol/L":
            value = round(number * 1.611, 2)
        elif unit == "µmol/L":
            value = round(number / 17.1, 2)
        native_unit, native_value = unit, number
    else:
        native_value = number
        if ANALYTE_KIND[analyte] == "count":
            per_ul = number >= (1500 if analyte == "plt" else 100)
            value = number / 1000.0 if per_ul else number
            native_unit = "/µL" if per_ul else "10^9/L"
        elif analyte == "hgb":
            in_g_per_l = 25 < number <= 250
            value = number / 10.0 if in_g_per_l else number
            native_unit = "g/L" if in_g_per_l else "g/dL"
        else:
            value, native_unit = number, canonical
        assumptions.append(f"No unit given for {label} {number:g}; {native_unit} inferred from its magnitude.")
    value = round(value, 6)
    if value > PLAUSIBLE_MAX[analyte]:
        warnings.append(
            f"{label} {number:g} {native_unit} is not a plausible value; check the number and unit. Not graded."
        )
        return None, native_unit, native_value, assumptions, warnings
    return value, native_unit, native_value, assumptions, warnings


def find_mentions(text: str) -> list[Mention]:
    """Every analyte name in `text` with the number that follows it."""
    mentions: list[Mention] = []
    for match in ANALYTE_RE.finditer(text):
        analyte = match.lastgroup
        value_match = VALUE_RE.match(text, match.end())
        if not value_match:
            continue
        filler = value_match.group("filler") or ""
        if "\n\n" in filler or len(filler) > 40:
            continue
        number_text = value_match.group("num")
        # A year, a reference or a list number glued to an analyte name is not a value.
        if re.fullmatch(r"(19|20)\d\d", number_text) and not value_match.group("unit"):
            continue
        number = parse_number(number_text)
        if value_match.group("kilo"):  # "79K" is 79,000 per microlitre, that is 79 x 10^9/L
            value, native_unit, native_value, assumptions, warnings = number, "K/µL", number, [], []
            if value > PLAUSIBLE_MAX[analyte]:
                warnings.append(f"{ANALYTE_LABELS[analyte]} {number:g}K is not a plausible value; not graded.")
                value = None
        else:
            value, native_unit, native_value, assumptions, warnings = to_canonical(analyte, number, value_match.group("unit"))
        comparator = value_match.group("cmp")
        end = value_match.end() if value_match.group("unit") or value_match.group("kilo") else value_match.end("num")
        mentions.append(
            Mention(
                analyte=analyte,
                value=value,
                unit=CANONICAL_UNIT[analyte],
                raw=text[match.start():end],
                span=(match.start(), end),
                number_span=(value_match.start("num"), value_match.end("num")),
                comparator=comparator.lower() if comparator else None,
                native_unit=native_unit,
                native_value=native_value,
                assumptions=assumptions,
                warnings=warnings,
            )
        )
    return mentions


def find_temperature(text: str) -> tuple[float, bool] | None:
    """The highest temperature in `text` in degrees C, and whether it is said to be sustained."""
    best = None
    for match in TEMPERATURE_RE.finditer(text):
        raw = match.group("t") or match.group("t2")
        scale = (match.group("scale") or match.group("scale2") or "").upper()
        value = float(raw)
        if scale == "F" or (not scale and value > 90):
            value = round((value - 32) * 5 / 9, 1)
        if 34.0 <= value <= 43.0 and (best is None or value > best):
            best = value
    if best is None:
        return None
    return best, bool(SUSTAINED_RE.search(text))


def grade_mention(mention: Mention, version: str, lln: dict[str, float] | None = None, uln: dict[str, float] | None = None) -> dict:
    """The LAB object of the `assistant grade` contract for one patient value."""
    lln = lln or {}
    uln = uln or {}
    if mention.value is None:
        return _lab(mention, version, grade=None, term=None, criterion="", extra=[])
    result = grade_value(
        mention.analyte,
        mention.value,
        version,
        lln=lln.get(mention.analyte),
        uln=uln.get(mention.analyte),
        native_unit=mention.native_unit,
        native_value=mention.native_value,
    )
    return _lab(mention, result.ctcae_version, result.grade, result.term, result.criterion, result.assumptions)


def _lab(mention: Mention, version: str, grade, term, criterion, extra) -> dict:
    return {
        "analyte": mention.analyte,
        "term": term,
        "value": mention.value,
        "unit": mention.unit,
        "raw": mention.raw,
        "span": list(mention.span),
        "grade": grade,
        "ctcae_version": normalize_version(version),
        "criterion": criterion,
        "assumptions": list(mention.assumptions) + list(extra),
        "warnings": list(mention.warnings),
    }


def grade_text(text: str, version: str = "5.0", lln: dict[str, float] | None = None, uln: dict[str, float] | None = None) -> list[dict]:
    """Grade every patient lab value in `text` (thresholds after a comparator are skipped).

    Adds a febrile-neutropenia entry when the text gives an ANC below 1.0 x 10^9/L and a fever
    that meets the CTCAE definition.
    """
    version = normalize_version(version)
    labs = [grade_mention(m, version, lln, uln) for m in find_mentions(text) if not m.is_threshold]
    temperature = find_temperature(text)
    if temperature:
        ancs = [lab for lab in labs if lab["analyte"] == "anc" and lab["value"] is not None]
        if ancs:
            anc = min(ancs, key=lambda lab: lab["value"])
            fn = grade_febrile_neutropenia(anc["value"], temperature[0], temperature[1], version)
            if fn:
                labs.append({**anc, **{k: v for k, v in asdict(fn).items() if k in ("term", "grade", "criterion", "assumptions")},
                             "analyte": "fn", "warnings": []})
    return labs


def parse_limits(pairs: list[str] | None, flag: str) -> dict[str, float]:
    """`["plt=140", "anc=1.8"]` -> {"plt": 140.0, "anc": 1.8}; a bad pair is a user error."""
    from assistant.errors import UserError

    limits: dict[str, float] = {}
    for pair in pairs or []:
        name, _, number = pair.partition("=")
        name = name.strip().lower()
        if name not in CANONICAL_UNIT or not number:
            raise UserError(f"{flag} '{pair}': use ANALYTE=VALUE with ANALYTE one of {', '.join(CANONICAL_UNIT)}")
        try:
            limits[name] = float(number)
        except ValueError:
            raise UserError(f"{flag} '{pair}': '{number}' is not a number") from None
    return limits
