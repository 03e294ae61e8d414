"""Stage 1 of answering: understand the question.

What it asks (intents), the patient's lab values graded by the CTCAE engine, the findings named in it
(DAT, schistocytes, ferritin, marrow, baseline counts, ...), the syndromes and treatments it names. All
the medical vocabulary lives in `assistant/data/clinical.yaml`, which a content team can extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.context import ClinicalContext, read_context
from assistant.labs import parse_number

# A treatment the patient is on ("on pred 60 mg", "after IVIG") is context, not a question about that treatment.
DRUG_CONTEXT_RE = re.compile(r"(?i)\b(?:on|taking|takes|receiving|received|after|post|getting|got|given|since|already)\s+(?:\w+\s+)?$")
QUERIED_RE = re.compile(r"\s{0,2}\?")
KNOWLEDGE_FILE = Path(__file__).resolve().parent / "data" / "clinical.yaml"
MEASURE_VALUE_RE = r"\s*(?:level|activity|count)?\s*(?:of|was|is|at|:|=|~|≈)?\s*(\d{1,3}(?:[ ,]\d{3})+|\d+(?:[.,]\d+)?)"
# HLH-2004's cytopenia lines (Hb <9 g/dL, platelets <100, ANC <1.0 x 10^9/L): two or more count as "two cytopenias".
HLH_CYTOPENIA_LIMITS = {"hgb": 9.0, "plt": 100.0, "anc": 1.0}


@dataclass(frozen=True)
class Knowledge:
    """The compiled content of clinical.yaml."""

    intents: dict[str, list[re.Pattern]]
    intent_topics: dict[str, dict]  # intent -> how a topic for it is searched and shown
    negation: re.Pattern
    findings: dict[str, dict]  # key -> {"label", "patterns": [Pattern]}
    measures: dict[str, dict]  # key -> {"pattern": Pattern, "bands": [...]}
    conditions: dict[str, dict]  # key -> the YAML entry, with compiled "names" and "generic_names"
    drugs: dict[str, dict]  # key -> {"label", "names": [Pattern], "words"}


def _compile(patterns) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in patterns or []]


@lru_cache(maxsize=4)
def load_knowledge(path: Path = KNOWLEDGE_FILE) -> Knowledge:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Knowledge(
        intents={name: _compile(entry["cues"]) for name, entry in data["intents"].items()},
        intent_topics={name: entry["topic"] for name, entry in data["intents"].items() if "topic" in entry},
        negation=re.compile(data["negations"], re.IGNORECASE),
        findings={key: {"label": entry["label"], "patterns": _compile(entry["patterns"])} for key, entry in data["findings"].items()},
        measures={key: {"pattern": re.compile(entry["pattern"] + MEASURE_VALUE_RE, re.IGNORECASE), "bands": entry["bands"]}
                  for key, entry in data["measures"].items()},
        conditions={key: {**entry, "key": key, "names": _compile(entry.get("names")), "generic_names": _compile(entry.get("generic_names"))}
                    for key, entry in data["conditions"].items()},
        drugs={key: {**entry, "key": key, "names": _compile(entry["names"])} for key, entry in data["drugs"].items()},
    )


# Findings the context reader already knows, and findings computed from the graded labs.
COMPUTED_FINDING_LABELS = {"fever": "fever", "liver_cancer": "liver cancer", "cirrhosis": "liver disease",
                           "pancytopenia": "low counts in three lines", "two_cytopenias": "two low cell lines",
                           "on_steroids": "on corticosteroids"}


@dataclass
class Understanding:
    question: str
    context: ClinicalContext
    intents: list[str] = field(default_factory=list)  # asked for, in the order of the knowledge file
    findings: dict[str, str] = field(default_factory=dict)  # key -> readable label
    named_conditions: list[str] = field(default_factory=list)
    generic_conditions: list[str] = field(default_factory=list)  # "neutropenia": the count's default reading
    queried_conditions: list[str] = field(default_factory=list)  # "ITP?": named as a question
    drugs: list[str] = field(default_factory=list)
    follow_up: bool = False
    clinical: bool = False  # names labs, a syndrome, a finding or a treatment: not a general knowledge question

    @property
    def abnormal(self) -> list[dict]:
        """Labs with a grade of 1 or more, or a value with no term in this CTCAE version."""
        return [lab for lab in self.context.labs
                if (lab["grade"] or 0) >= 1 or (lab["term"] is None and lab["value"] is not None and lab["analyte"] != "fn")]

    def as_dict(self) -> dict:
        return {"intents": self.intents, "findings": sorted(self.findings), "named_conditions": self.named_conditions,
                "drugs": self.drugs, "follow_up": self.follow_up}


def _negated(text: str, start: int, knowledge: Knowledge) -> bool:
    return bool(knowledge.negation.search(text[max(0, start - 40):start]))


def read_findings(text: str, knowledge: Knowledge) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, entry in knowledge.findings.items():
        for pattern in entry["patterns"]:
            match = next((m for m in pattern.finditer(text) if not _negated(text, m.start(), knowledge)), None)
            if match:
                found[key] = entry["label"]
                break
    for entry in knowledge.measures.values():
        for match in entry["pattern"].finditer(text):
            value = parse_number(match.group(1))
            for band in entry["bands"]:
                if (("below" in band and value < band["below"]) or ("at_least" in band and value >= band["at_least"])
                        or ("above" in band and value > band["above"]) or ("at_most" in band and value <= band["at_most"])):
                    finding = band["finding"]
                    found[finding] = knowledge.findings[finding]["label"]
    return found


BASELINE_AFTER_RE = re.compile(r"(?i)^[^.;\n]{0,12}?\b(?:before (?:starting|treatment|therapy|the first|cycle|C1|ICI|immuno)|at baseline|"
                               r"pre-?treatment|prior to (?:starting|treatment)|at diagnosis)")


def merge_repeated_values(context: ClinicalContext, question: str) -> None:
    """One value per count: when a count is given twice, the current one is graded and the other, a value before
    treatment or an earlier one, becomes its trend ("plt 70, was 75 before starting" -> 75 → 70)."""
    by_analyte: dict[str, list[dict]] = {}
    for lab in context.labs:
        if lab["value"] is not None and lab["analyte"] != "fn" and lab["span"] is not None:
            by_analyte.setdefault(lab["analyte"], []).append(lab)
    for labs in by_analyte.values():
        if len(labs) < 2:
            continue
        earlier = [lab for lab in labs if BASELINE_AFTER_RE.match(question[lab["span"][1]:])]
        current = [lab for lab in labs if lab not in earlier] or labs[-1:]
        keep = current[-1]
        others = [lab for lab in labs if lab is not keep]
        keep["trend"] = [*(lab["value"] for lab in earlier or others), keep["value"]]
        keep["assumptions"] = keep["assumptions"] + [
            f"{len(labs)} values given for the same count; the current one ({keep['value']:g}) is graded."]
        context.labs = [lab for lab in context.labs if all(lab is not other for other in others)]


def _lab_findings(context: ClinicalContext) -> dict[str, str]:
    found = {}
    if context.fever:
        found["fever"] = COMPUTED_FINDING_LABELS["fever"]
    if context.cancer == "hepatocellular carcinoma":
        found["liver_cancer"] = COMPUTED_FINDING_LABELS["liver_cancer"]
    if context.cirrhosis:
        found["cirrhosis"] = COMPUTED_FINDING_LABELS["cirrhosis"]
    if context.on_steroids:
        found["on_steroids"] = COMPUTED_FINDING_LABELS["on_steroids"]
    values = {lab["analyte"]: lab for lab in context.labs if lab["value"] is not None}
    low_lines = {name for name, analytes in {"red": ("hgb",), "platelet": ("plt",), "white": ("anc", "wbc")}.items()
                 if any((values.get(a, {}).get("grade") or 0) >= 1 for a in analytes)}
    if len(low_lines) == 3:
        found["pancytopenia"] = COMPUTED_FINDING_LABELS["pancytopenia"]
    hlh_lines = sum(1 for analyte, limit in HLH_CYTOPENIA_LIMITS.items() if analyte in values and values[analyte]["value"] < limit)
    if hlh_lines >= 2:
        found["two_cytopenias"] = COMPUTED_FINDING_LABELS["two_cytopenias"]
    return found


def understand(question: str, default_version: str, previous: Understanding | None = None,
               knowledge: Knowledge | None = None) -> Understanding:
    """Read `question`; in a conversation, `previous` carries the patient's labs, findings and context."""
    knowledge = knowledge or load_knowledge()
    context = read_context(question, default_version, previous.context if previous else None)
    intents = [name for name, cues in knowledge.intents.items() if any(c.search(question) for c in cues)]
    findings = read_findings(question, knowledge)
    named, queried = [], []  # "ITP?" asks whether it is ITP: a weaker reason than "grade 2 ITP"
    for key, entry in knowledge.conditions.items():
        matches = [m for p in entry["names"] for m in p.finditer(question) if not _negated(question, m.start(), knowledge)]
        if matches:
            (queried if all(QUERIED_RE.match(question, m.end()) for m in matches) else named).append(key)
    generic = [key for key, entry in knowledge.conditions.items() if key not in named and key not in queried
               and any(not _negated(question, m.start(), knowledge) for p in entry["generic_names"] for m in p.finditer(question))]
    drugs = [key for key, entry in knowledge.drugs.items()
             if any(not DRUG_CONTEXT_RE.search(question[max(0, m.start() - 20):m.start()]) for p in entry["names"] for m in p.finditer(question))]
    clinical = bool(context.labs or named or queried or generic or findings or drugs)
    if previous is not None:
        findings = {**previous.findings, **findings}
        before = {lab["analyte"]: lab for lab in previous.context.labs if lab["value"] is not None}
        for lab in context.labs:  # a new value replaces the old one; the answer shows the trend
            old = before.get(lab["analyte"])
            if old is not None and lab["span"] is not None and lab["value"] is not None and old["value"] != lab["value"]:
                lab["trend"] = [*old.get("trend", [old["value"]]), lab["value"]]
        named = named or previous.named_conditions
        generic = generic or previous.generic_conditions
    merge_repeated_values(context, question)
    findings.update(_lab_findings(context))
    if "pancytopenia" in question.lower():
        findings["pancytopenia"] = COMPUTED_FINDING_LABELS["pancytopenia"]
    return Understanding(question=question, context=context, intents=intents, findings=findings, named_conditions=named,
                         generic_conditions=generic, queried_conditions=queried, drugs=drugs, follow_up=previous is not None, clinical=clinical)
