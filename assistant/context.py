"""Reading a clinical question: lab values, CTCAE version, checkpoint inhibitor, cancer, symptoms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.check import check_text, findings_as_dicts
from assistant.ctcae import normalize_version
from assistant.labs import find_temperature, grade_text

ICI_AGENTS = {
    "pembrolizumab": r"pembrolizumab|keytruda|\bpembro\b", "nivolumab": r"nivolumab|opdivo|\bnivo\b",
    "ipilimumab": r"ipilimumab|yervoy|\bipi\b", "atezolizumab": r"atezolizumab|tecentriq|\batezo\b",
    "durvalumab": r"durvalumab|imfinzi|\bdurva\b", "tremelimumab": r"tremelimumab|imjudo|\btreme\b",
    "cemiplimab": r"cemiplimab|libtayo", "avelumab": r"avelumab|bavencio", "dostarlimab": r"dostarlimab|jemperli",
    "relatlimab": r"relatlimab|opdualag", "tislelizumab": r"tislelizumab", "toripalimab": r"toripalimab",
}
GENERIC_ICI = r"immunotherapy|checkpoint\s+inhibitors?|\bICIs?\b|anti-?PD-?L?1|anti-?CTLA-?4|immune\s+checkpoint"
CANCERS = {
    "hepatocellular carcinoma": r"\bHCC\b|hepatocellular|liver\s+cancer|hepatoma|liver\s+tumou?r",
    "melanoma": r"melanoma", "lung cancer": r"\bNSCLC\b|\bSCLC\b|lung\s+cancer|lung\s+adenocarcinoma",
    "renal cell carcinoma": r"\bRCC\b|renal\s+cell|kidney\s+cancer", "urothelial carcinoma": r"urothelial|bladder\s+cancer",
    "head and neck cancer": r"head\s+and\s+neck|\bHNSCC\b", "colorectal cancer": r"colorectal|colon\s+cancer|\bMSI-?H\b",
    "lymphoma": r"lymphoma", "breast cancer": r"breast\s+cancer|\bTNBC\b",
}
VERSION_RE = re.compile(r"(?i)CTCAE\s*(?:version\s*|v\.?\s*)?([56])(?:\.0)?\b|\bv\.?\s?([56])(?:\.0)?\b|version\s+([56])(?:\.0)?\b")
BLEEDING_RE = re.compile(r"(?i)\bbleed(?:s|ing)?\b|hemorrhag|haemorrhag|petechia|purpura|bruis|epistaxis|melena|hematemesis")
FEVER_RE = re.compile(r"(?i)\bfever|febrile|pyrexia")
NEGATED_FEVER_RE = re.compile(r"(?i)\b(?:no|without|denies|afebrile)\b[^.;]{0,20}\b(?:fever|febrile)|\bafebrile\b")
CIRRHOSIS_RE = re.compile(r"(?i)cirrho|portal\s+hypertension|varices|child-?pugh")
BEVACIZUMAB_RE = re.compile(r"(?i)bevacizumab|avastin|atezo(?:lizumab)?[\s/+-]*bev")
REMISSION_RE = re.compile(r"(?i)\bremission\b|\bno evidence of disease\b|\bNED\b")
STEROID_RE = re.compile(r"(?i)prednisone|prednisolone|dexamethasone|methylprednisolone|steroid")


# Abbreviations clinicians write, spelled out for retrieval (the sources mostly use the full words).
ABBREVIATIONS = {
    "itp": "immune thrombocytopenia", "aiha": "autoimmune hemolytic anemia", "ttp": "thrombotic thrombocytopenic purpura",
    "hus": "hemolytic uremic syndrome", "fn": "febrile neutropenia", "irae": "immune-related adverse event",
    "iraes": "immune-related adverse events", "ici": "checkpoint inhibitor", "icis": "checkpoint inhibitors",
    "hcc": "hepatocellular carcinoma liver cancer", "pjp": "Pneumocystis PJP", "pcp": "Pneumocystis PJP prophylaxis",
    "ivig": "IVIG intravenous immunoglobulin", "tpo-ra": "thrombopoietin receptor agonist", "tpo": "thrombopoietin",
    "retic": "reticulocyte", "retics": "reticulocytes", "cbc": "blood count", "fbc": "blood count",
    "hbv": "hepatitis B", "gcsf": "G-CSF", "pembro": "pembrolizumab", "nivo": "nivolumab", "ipi": "ipilimumab",
    "atezo": "atezolizumab", "bev": "bevacizumab", "durva": "durvalumab", "treme": "tremelimumab", "car-t": "CAR-T",
    "hlh": "hemophagocytic lymphohistiocytosis", "dat": "direct antiglobulin test DAT",
}
ABBREVIATION_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
                             + r")(?![\w-])", re.IGNORECASE)


def expand_abbreviations(text: str) -> str:
    """'ITP after pembro' -> 'ITP (immune thrombocytopenia) after pembro (pembrolizumab)', for retrieval."""
    return ABBREVIATION_RE.sub(lambda m: f"{m.group(0)} ({ABBREVIATIONS[m.group(0).lower()]})", text)


# Words the context reader understands; they are never reported as outside the knowledge base.
CONTEXT_PATTERNS = [*ICI_AGENTS.values(), *CANCERS.values(), GENERIC_ICI, BLEEDING_RE.pattern, FEVER_RE.pattern,
                    CIRRHOSIS_RE.pattern, BEVACIZUMAB_RE.pattern, REMISSION_RE.pattern, STEROID_RE.pattern,
                    "temperature", "remission", "pancytopenia", "cytopenia", "cytopenias", "bicytopenia",
                    *ABBREVIATIONS]


@dataclass
class ClinicalContext:
    """What was read from the question (and, in a conversation, from earlier turns)."""

    labs: list[dict] = field(default_factory=list)
    ctcae_version: str = "5.0"
    version_from_question: bool = False
    agents: list[str] = field(default_factory=list)
    on_ici: bool = False
    cancer: str | None = None
    cirrhosis: bool = False
    bevacizumab: bool = False
    bleeding: bool = False
    fever: bool = False
    temperature_c: float | None = None
    in_remission: bool = False
    on_steroids: bool = False
    question_findings: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "labs": [{k: lab[k] for k in ("analyte", "value", "unit", "raw")} for lab in self.labs],
            "ctcae_version": self.ctcae_version, "agents": self.agents, "on_ici": self.on_ici, "cancer": self.cancer,
            "cirrhosis": self.cirrhosis, "bevacizumab": self.bevacizumab, "bleeding": self.bleeding, "fever": self.fever,
            "temperature_c": self.temperature_c, "in_remission": self.in_remission, "on_steroids": self.on_steroids,
            "question_findings": len(self.question_findings),
        }


def asked_version(text: str) -> str | None:
    match = VERSION_RE.search(text)
    if not match:
        return None
    return normalize_version(next(g for g in match.groups() if g))


def read_context(question: str, default_version: str, previous: ClinicalContext | None = None) -> ClinicalContext:
    """Read the clinical context of `question`; with `previous`, earlier turns fill what this one leaves out."""
    version = asked_version(question)
    ctx = ClinicalContext()
    ctx.version_from_question = version is not None
    if version is None and previous is not None and previous.version_from_question:
        version, ctx.version_from_question = previous.ctcae_version, True
    ctx.ctcae_version = version or normalize_version(default_version)
    ctx.agents = [name for name, pattern in ICI_AGENTS.items() if re.search(pattern, question, re.IGNORECASE)]
    ctx.on_ici = bool(ctx.agents) or bool(re.search(GENERIC_ICI, question, re.IGNORECASE))
    ctx.cancer = next((name for name, pattern in CANCERS.items() if re.search(pattern, question, re.IGNORECASE)), None)
    ctx.cirrhosis = bool(CIRRHOSIS_RE.search(question))
    ctx.bevacizumab = bool(BEVACIZUMAB_RE.search(question))
    ctx.bleeding = bool(BLEEDING_RE.search(question))
    temperature = find_temperature(question)
    ctx.temperature_c = temperature[0] if temperature else None
    ctx.fever = (bool(FEVER_RE.search(question)) and not NEGATED_FEVER_RE.search(question)) or bool(temperature and temperature[0] >= 38.0)
    ctx.in_remission = bool(REMISSION_RE.search(question))
    ctx.on_steroids = bool(STEROID_RE.search(question))
    labs_text = question
    if previous is not None:
        # Carry the earlier turns: values not given again, and what was said about the patient.
        given = {lab["analyte"] for lab in grade_text(question, ctx.ctcae_version)}
        carried = " ; ".join(lab["raw"] for lab in previous.labs if lab["analyte"] not in given and lab["analyte"] != "fn")
        labs_text = f"{question} ; {carried}" if carried else question
        ctx.agents = ctx.agents or previous.agents
        ctx.on_ici = ctx.on_ici or previous.on_ici
        ctx.cancer = ctx.cancer or previous.cancer
        for flag in ("cirrhosis", "bevacizumab", "bleeding", "fever", "in_remission", "on_steroids"):
            setattr(ctx, flag, getattr(ctx, flag) or getattr(previous, flag))
        ctx.temperature_c = ctx.temperature_c or previous.temperature_c
    if ctx.temperature_c is not None and "temperature" not in labs_text.lower():
        labs_text = f"{labs_text} ; temperature {ctx.temperature_c:g} C"
    ctx.labs = grade_text(labs_text, ctx.ctcae_version)
    for lab in ctx.labs:  # values carried from earlier turns have no place in this question
        if lab["span"][1] > len(question):
            lab["span"] = None
    ctx.question_findings = findings_as_dicts(check_text(question, ctx.ctcae_version))
    return ctx
