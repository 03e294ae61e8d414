"""The rules check on numeric grading claims: `assistant check`.

For every sentence it pairs each stated CTCAE grade with the lab value it is about and compares it
with the grade the engine computes, and it tests every stated comparison of a lab value with a
threshold ("ANC 1.7, below the 1.5 cut-off"). Numbers that are not attached to an analyte name
(patient counts, percentages, doses, years) are never judged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass

from assistant.ctcae import ANALYTE_LABELS, VERSIONS, grade_value, normalize_version, term_name
from assistant.labs import CANONICAL_UNIT, Mention, find_mentions, to_canonical

ROMAN = {"0": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
GRADE_TOKEN = r"(?:[0-5]|iv|v|i{1,3})"
GRADE_CLAIM_RE = re.compile(
    rf"(?<![\w-])(?:CTCAE\s+(?:v\s?[56](?:\.0)?\s+)?)?(?:grade|gr\.?|(?-i:G))\s*"
    rf"(?P<op>≥|>=|>|≤|<=|<)?\s*(?P<g>{GRADE_TOKEN})(?!\w|\.\d)"
    rf"(?:\s*(?:-|–|to|or|/|and)\s*(?:grade\s*)?(?P<g2>{GRADE_TOKEN})(?!\w|\.\d))?"
    rf"(?P<plus>\+|\s+or\s+(?:higher|above|greater|worse|more))?",
    re.IGNORECASE,
)
# Words naming the condition a grade is claimed for, mapped to the analyte that grades it.
TERM_WORDS = {
    "anc": r"neutropeni(?:a|c)|neutrophil\s+count\s+decreased",
    "plt": r"thrombocytopeni(?:a|c)|immune\s+thrombocytopeni(?:a|c)|ITP|platelet\s+count\s+decreased",
    "hgb": r"an(?:a)?emi(?:a|c)",
    "alc": r"lymphopeni(?:a|c)|lymphocyte\s+count\s+decreased",
    "wbc": r"leu[ck]openi(?:a|c)|white\s+blood\s+cell\s+decreased",
    "alt": r"ALT\s+increased|alanine\s+aminotransferase\s+increased",
    "ast": r"AST\s+increased|aspartate\s+aminotransferase\s+increased",
    "bili": r"hyperbilirubin(?:a)?emia|blood\s+bilirubin\s+increased",
}
TERM_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in TERM_WORDS.items()), re.IGNORECASE)
FEBRILE_RE = re.compile(r"febrile\s+neutropeni", re.IGNORECASE)
RELATION_RE = re.compile(
    r"[\s,;]*(?:(?:which|that|and|this|it)\s+)?(?:(?:is|are|was|were|remains?|remained|falls?|fell|lies|sits|stays?|being)\s+)?"
    r"(?:(?:well|just|still|clearly|safely|already|now)\s+)?"
    r"(?P<rel>below|under|less\s+than|lower\s+than|beneath|above|over|greater\s+than|higher\s+than|exceeds?|exceeding|"
    r"at\s+or\s+above|at\s+or\s+below|<=|>=|≤|≥|<|>)\s*"
    r"(?:the\s+)?(?:CTCAE\s+)?(?:grade\s+\d\s+)?(?:threshold|cut-?off|limit|level|boundary)?\s*(?:of\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>[x×*]?\s*10\s*(?:\^|e|E)?\s*(?:9|⁹)\s*/\s*L|/\s*(?:mm3|mm³|µL|uL)|g\s*/\s*dL|g\s*/\s*L|K\s*/\s*(?:µL|uL))?",
    re.IGNORECASE,
)
RELATIONS = {
    "below": "<", "under": "<", "less than": "<", "lower than": "<", "beneath": "<", "<": "<",
    "above": ">", "over": ">", "greater than": ">", "higher than": ">", "exceeds": ">", "exceed": ">",
    "exceeding": ">", ">": ">", "at or above": ">=", ">=": ">=", "≥": ">=", "at or below": "<=", "<=": "<=", "≤": "<=",
}
SENTENCE_RE = re.compile(r"[^\n]+?(?:(?<!\d)[.!?](?=\s|$)|(?<=\d)[.!?](?=\s+[A-Z(\[]|\s*$)|\n|$)", re.DOTALL)
CLAUSE_BREAK_RE = re.compile(r";|\bwhereas\b|\bwhile\b|\bbut\b", re.IGNORECASE)


@dataclass
class Finding:
    kind: str
    analyte: str
    value: float | None
    unit: str
    claimed_grade: int | str | None
    expected_grade: int | None
    threshold: float | None
    relation: str | None
    ctcae_version: str
    span: list[int]
    text: str
    message: str


@dataclass
class Claim:
    grades: set[int]
    label: str
    span: tuple[int, int]
    term_analyte: str | None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; decimals such as 2.7 do not end a sentence."""
    spans = []
    for match in SENTENCE_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans


def _grade_number(token: str) -> int:
    return ROMAN[token.lower()] if token.lower() in ROMAN else int(token)


def _claim_set(match: re.Match) -> tuple[set[int], str]:
    low = _grade_number(match.group("g"))
    op = match.group("op")
    if match.group("g2"):
        high = _grade_number(match.group("g2"))
        return set(range(min(low, high), max(low, high) + 1)), f"{low}-{high}"
    if match.group("plus") or op in (">=", "≥"):
        return set(range(low, 6)), f"≥{low}"
    if op == ">":
        return set(range(low + 1, 6)), f">{low}"
    if op in ("<=", "≤"):
        return set(range(0, low + 1)), f"≤{low}"
    if op == "<":
        return set(range(0, low)), f"<{low}"
    return {low}, str(low)


def _claims(text: str, start: int, end: int) -> list[Claim]:
    chunk = text[start:end]
    terms = [(m.start() + start, m.end() + start, m.lastgroup) for m in TERM_RE.finditer(chunk)]
    febrile = [m.start() + start for m in FEBRILE_RE.finditer(chunk)]
    claims = []
    for match in GRADE_CLAIM_RE.finditer(chunk):
        grades, label = _claim_set(match)
        claim_start, claim_end = match.start() + start, match.end() + start
        term = _nearest_term(terms, claim_start, claim_end)
        if term == "anc" and any(abs(pos - claim_end) <= 3 for pos in febrile):
            term = "fn"  # "grade 3 febrile neutropenia" is a clinical grade, not an ANC grade
        claims.append(Claim(grades, label, (claim_start, claim_end), term))
    return claims


def _nearest_term(terms, claim_start: int, claim_end: int) -> str | None:
    """The condition a grade is claimed for: the term right after it ('grade 3 neutropenia'), else the closest one before."""
    after = [(s - claim_end, a) for s, e, a in terms if 0 <= s - claim_end <= 25]
    if after:
        return min(after)[1]
    before = [(claim_start - e, a) for s, e, a in terms if 0 <= claim_start - e <= 40]
    return min(before)[1] if before else None


def check_text(text: str, version: str = "5.0") -> list[Finding]:
    """All findings in `text`, judged by CTCAE `version`."""
    return check_report(text, version)[0]


def check_report(text: str, version: str = "5.0") -> tuple[list[Finding], int]:
    """The findings in `text` and how many numeric claims (grades and comparisons) were checked."""
    version = normalize_version(version)
    checked = 0
    other = next(v for v in VERSIONS if v != version)
    findings: list[Finding] = []
    all_mentions = find_mentions(text)  # in text order
    starts = [m.span[0] for m in all_mentions]
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end].strip()
        mentions = all_mentions[bisect_left(starts, s_start):bisect_left(starts, s_end)]
        values = [m for m in mentions if not m.is_threshold and m.value is not None]
        if not values:
            continue
        clauses = _clause_bounds(text, s_start, s_end)
        for claim in _claims(text, s_start, s_end):
            if claim.term_analyte == "fn":
                continue
            mention, substituted = _value_for_claim(claim, values, clauses)
            if mention is None:
                continue
            checked += 1
            finding = _judge_claim(claim, mention, substituted, version, other, sentence)
            if finding:
                findings.append(finding)
        for mention in values:
            comparison = RELATION_RE.match(text, mention.span[1], s_end)
            if comparison is None:
                continue
            checked += 1
            finding = _judge_comparison(comparison, mention, version, sentence)
            if finding:
                findings.append(finding)
    return findings, checked


def _clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() + start for m in CLAUSE_BREAK_RE.finditer(text[start:end])] + [end]
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _value_for_claim(claim: Claim, values: list[Mention], clauses) -> tuple[Mention | None, bool]:
    """The lab value a grade claim is about: its own analyte in the same clause first, then the same
    sentence; failing that, the nearest value of another analyte (judged against that analyte)."""
    clause = next(((a, b) for a, b in clauses if a <= claim.span[0] < b), clauses[0])

    def distance(m: Mention) -> int:
        return min(abs(m.span[0] - claim.span[1]), abs(claim.span[0] - m.span[1]))

    in_clause = [m for m in values if clause[0] <= m.span[0] < clause[1]]
    if claim.term_analyte:
        for pool in (in_clause, values):
            own = [m for m in pool if m.analyte == claim.term_analyte]
            if own:
                return min(own, key=distance), False
        if in_clause and claim.term_analyte in CANONICAL_UNIT:
            nearest = min(in_clause, key=distance)
            if distance(nearest) <= 40:
                return nearest, True
        return None, False
    near = [m for m in in_clause if distance(m) <= 30]
    return (min(near, key=distance), False) if near else (None, False)


def _judge_claim(claim: Claim, mention: Mention, substituted: bool, version: str, other: str, sentence: str) -> Finding | None:
    result = grade_value(mention.analyte, mention.value, version, native_unit=mention.native_unit, native_value=mention.native_value)
    label = ANALYTE_LABELS[mention.analyte]
    claimed = claim.label if not claim.label.isdigit() else int(claim.label)
    if result.grade is None:
        return Finding(
            "ungradable_term", mention.analyte, mention.value, mention.unit, claimed, None, None, None, version,
            list(claim.span), sentence,
            f"Grade {claim.label} is claimed for {label} {mention.value:g} {mention.unit}, but {result.criterion}",
        )
    if result.grade in claim.grades:
        return None
    other_result = grade_value(mention.analyte, mention.value, other, native_unit=mention.native_unit, native_value=mention.native_value)
    message = (
        f"Grade {claim.label} is claimed, but {label} {mention.value:g} {mention.unit} is grade {result.grade} "
        f"by CTCAE v{version} '{result.term}' ({result.criterion})."
    )
    if substituted:
        claimed_term = term_name(claim.term_analyte, version) or claim.term_analyte
        message += (
            f" The grade is claimed for '{claimed_term}' but the value given is {label}, so it was judged "
            f"against '{result.term}'."
        )
    if other_result.grade is not None and other_result.grade in claim.grades:
        message += f" (The claim would hold under CTCAE v{other}; it was checked against v{version}.)"
    return Finding(
        "grade_mismatch", mention.analyte, mention.value, mention.unit, claimed, result.grade, None, None, version,
        list(claim.span), sentence, message,
    )


def _judge_comparison(match: re.Match, mention: Mention, version: str, sentence: str) -> Finding | None:
    """A false finding when the stated comparison of `mention` with a threshold does not hold."""
    number = float(match.group("num").replace(",", ""))
    threshold, *_ = to_canonical(mention.analyte, number, match.group("unit"))
    if threshold is None:
        return None
    relation = RELATIONS[re.sub(r"\s+", " ", match.group("rel").lower())]
    holds = {
        "<": mention.value < threshold, ">": mention.value > threshold,
        "<=": mention.value <= threshold, ">=": mention.value >= threshold,
    }[relation]
    if holds:
        return None
    label = ANALYTE_LABELS[mention.analyte]
    words = {"<": "below", ">": "above", "<=": "at or below", ">=": "at or above"}[relation]
    return Finding(
        "false_comparison", mention.analyte, mention.value, mention.unit, None, None, threshold, relation, version,
        [mention.span[0], match.end()], sentence,
        f"{label} {mention.value:g} {mention.unit} is not {words} {threshold:g} {mention.unit}.",
    )


def findings_as_dicts(findings: list[Finding]) -> list[dict]:
    return [asdict(f) for f in findings]


def format_report(text: str, findings: list[Finding]) -> str:
    """The readable report of `assistant check`: each finding with the sentence it is in."""
    if not findings:
        return "No grading errors found."
    lines = [f"{len(findings)} finding(s):", ""]
    for number, finding in enumerate(findings, 1):
        lines.append(f"{number}. [{finding.kind}] \"{finding.text}\"")
        lines.append(f"   {finding.message}")
        lines.append("")
    return "\n".join(lines).rstrip()
