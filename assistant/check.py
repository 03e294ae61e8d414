"""The rules check on numeric grading claims: `assistant check`.

For every sentence it pairs each stated CTCAE grade with the lab value it is about and compares it
with the grade the engine computes, and it tests every stated comparison of a lab value with a
threshold ("ANC 1.7, below the 1.5 cut-off"). Numbers that are not attached to an analyte name
(patient counts, percentages, doses, years) are never judged.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path

import yaml

from assistant.ctcae import ANALYTE_LABELS, DEFAULT_LLN, VERSIONS, grade_value, normalize_version, term_name
from assistant.labs import (
    ANALYTE_PATTERNS,
    ANALYTE_RE,
    CANONICAL_UNIT,
    CONDITION_QUALIFIERS,
    CORRECTED_TO_GAP_RE,
    DELIMITED_LINE_RES,
    DRUG_BEFORE_RE,
    FEVER_WORD_RE,
    FISHBONE_RE,
    FOREIGN_TODAY,
    GRADES_LABEL_RE,
    LISTED_GRADE_RE,
    NUMBER,
    OTHER_PATIENT_RE,
    OTHER_PATIENT_WORDS,
    QUOTED_LINE_RE,
    RELATIVE_NOUNS,
    RELATIVE_WORDS,
    SAMPLE_PROBLEM_WORDS,
    SPOILED_THEN_REPEATED_RE,
    UNIT,
    UNIT_ALTERNATIVES,
    UNIT_KIND,
    WRITER_IS_PATIENT_RE,
    Mention,
    _mention,
    cell_value,
    find_mentions,
    first_char_lookahead,
    latest_column,
    line_starts,
    parse_number,
    read_number,
    read_spoken_numbers,
    table_cells,
    to_canonical,
    unit_in,
    unit_of,
    word_starts,
)

OTHER_VERSION = {version: next(other for other in VERSIONS if other != version) for version in VERSIONS}  # v5.0 -> v6.0 and back


def _scan(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile `pattern`, replacing its `(?#first)` comment by a lookahead on the letters the rest of the pattern
    can start with: only for speed, so long texts are scanned without trying the pattern at every position."""
    head, marker, rest = pattern.partition("(?#first)")
    if not marker:
        return re.compile(pattern, flags)
    # the lookahead goes before the head's zero-width tests ("(?<![\w-])"), so most positions fail on one character test;
    # only inline flags ("(?i)") must stay first
    inline_flags = re.match(r"\(\?[aiLmsux]+\)", head)
    lead = inline_flags.group(0) if inline_flags else ""
    return re.compile(lead + first_char_lookahead(rest) + head[len(lead):] + rest, flags)


@cache
def _match_starts(pattern: re.Pattern, length: int = 3) -> tuple[str, ...] | None:
    """Lowered strings of at most `length` characters, one of which every match of `pattern` starts with, read from
    the parsed pattern (only for speed: see _anchor_matches); None when a match may start with anything. A prefix ends
    before a character outside ASCII and the Latin letters, whose matches when case is ignored lowering may not give
    ("µ" matches "μ")."""
    try:
        from re import _constants as sre
        from re import _parser  # the standard library's own pattern parser (private, so guarded)

        def starts(items: list, prefix: str) -> set[str]:
            if len(prefix) >= length or not items:
                return {prefix}
            (op, av), rest = items[0], items[1:]
            if op is sre.LITERAL and _lowers_plainly(chr(av)):
                return starts(rest, prefix + chr(av).lower())
            if op is sre.IN and all(kind is sre.LITERAL and _lowers_plainly(chr(char)) for kind, char in av):
                return set().union(*(starts(rest, prefix + chr(char).lower()) for _, char in av))
            if op is sre.BRANCH:
                return set().union(*(starts(list(alternative) + rest, prefix) for alternative in av[1]))
            if op is sre.SUBPATTERN:
                return starts(list(av[3]) + rest, prefix)
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and (av[0], av[1]) == (0, 1):  # "h?"
                return starts(rest, prefix) | starts(list(av[2]) + rest, prefix)
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # "\b", lookarounds: they take no characters
                return starts(rest, prefix)
            return {prefix}  # not a plain choice of characters: the prefix ends here

        found = starts(list(_parser.parse(pattern.pattern, pattern.flags)), "")
    except (ImportError, AttributeError, RecursionError):
        return None
    if "" in found:
        return None
    return tuple(sorted(start for start in found if not any(start != other and start.startswith(other) for other in found)))


def _lowers_plainly(char: str) -> bool:
    """Whether the characters `char` matches when case is ignored all lower to char.lower() (ASCII, the Latin letters)."""
    return (char.isascii() or "\u00c0" <= char <= "\u024f") and char not in CASE_FOLD_EXCEPTIONS


# A grade written as a Roman numeral or a word, in English or in the other languages read ("grado dos", "Grad drei")
# (not the words that are also articles: "un", "um", "een")
GRADE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "uno": 1, "eins": 1, "één": 1,
               "dos": 2, "due": 2, "dois": 2, "deux": 2, "zwei": 2, "twee": 2, "tres": 3, "tre": 3, "três": 3, "trois": 3, "drei": 3, "drie": 3,
               "cuatro": 4, "quattro": 4, "quatro": 4, "quatre": 4, "vier": 4, "cinco": 5, "cinque": 5, "cinq": 5, "fünf": 5, "vijf": 5}
ROMAN = {"0": 0, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, **GRADE_WORDS}
GRADE_TOKEN = r"(?:[0-5]|iv|v|i{1,3}|" + "|".join(sorted(GRADE_WORDS, key=len, reverse=True)) + ")"
# A record's grade of the event's worst value: "CTCAE v5.0 grade at worst value: 3", "grade (worst value 71 x10^9/L on day 29): 1".
WORST_LABEL = (r"\s+(?:at|for|of)\s+(?:the\s+)?(?:worst|nadir|lowest|peak|maximum|max)(?:\s+value)?\s*:"
               r"|\s*\(\s*(?:at\s+)?(?:worst|nadir|lowest|max\w*)\b[^()\n]{0,50}\)\s*:"
               r"|\s*\(\s*(?:latest|current|today|most\s+recent)\s*\)\s*:")  # ... or of the latest: "CTCAE grade (latest): 2"
GRADE_CLAIM_PATTERN = (
    rf"(?<![^\W_])(?<!-)(?#first)(?:CTCAE(?:\s+|-)(?:v\s?[56](?:\.0)?\s+)?)?(?:graded(?:\s+as)?|grade\s+(?:(?:it|this|that|them)\s+)?as(?=\s+[0-5]\b)|grade\s+(?:has\s+been|was|is\s+now)\s+(?:corrected|changed|amended|revised|updated)\s+to|grade|grado|grad|grau|graad|gr\.?|(?-i:G)(?=\s*[<>≤≥]?=?\s*[0-5]|-[0-5])|(?-i:g)(?=[0-5]\s+(?:[a-z]+p(?:[ée]ni|nei)|an(?:a?e|ä)mi|(?:plts?|platelets?|neuts?|neutrophils?|lymphs?|lymphocytes?|hb|hgb|wbc|anc|alc|itp|aiha|ast|alt|bili|leuks?|leukos?|wcc|lymphos?|neutros?|thrombos?|transaminitis)\b)|[0-5](?:[.;,!?)](?!\d)|$|[ \t]+[—–-][ \t]|[ \t]*(?:->|→|=>)|[ \t]*[\u2600-\u27bf\U0001f300-\U0001faff]|[ \t]+(?:per|on|under|by|in|using)[ \t]+(?:ctcae[ \t]*)?v(?:ersion)?[ \t]*[56]\b|[ \t]+(?:so|now|today|still|but|yeah|yea|yep|right|correct|ok|innit|eh|i\s+think|probably|apparently|across\s+the\s+board)\b|[ \t]+and[ \t]+g[0-5],?[ \t]+(?:respectively\b|resp\b)|,?[ \t]+(?:respectively\b|resp\b))))(?:\s*:|\s+(?:is|was|would\s+be|will\s+be|of)(?=\s+(?:[<>≤≥]=?\s*)?{GRADE_TOKEN}\b)|{WORST_LABEL}|\s*\((?:CTCAE\s*)?v(?:ersion)?\s*[56](?:\.0)?\)\s*:)?\s*(?:-(?=[0-5IViv]))?"
    rf"(?P<op>≥|>=|>|≤|<=|<)?\s*(?P<g>{GRADE_TOKEN})(?![^\W_]|\.\d)"
    # ("… grade 3 and grade 3 neutropenia": a second grade with its own condition is a claim of its own; "Grad 2 – 1 EK bestellt": a count of
    # blood units, not a range's end)
    rf"(?:\s*(?!and\s+grade\s*[0-5]\s+(?:[a-z]+p[ée]ni|an(?:a?[ée]|ä)mi))(?:-|–|to|or|/|and)\s*(?:grade\s*)?(?P<g2>{GRADE_TOKEN})(?![^\W_]|\.\d)(?!\s+(?:grades?|gr|patients?|cases?|had|has|with|developed|EKs?|EC['’]?s?|units?|u|bags?|CGR|CH|PRBCs?|RBCs?|pools?|doses?|concentrad\w*|Erythrozytenkonz\w*)\b))?"
    rf"(?P<plus>\+|\s+or\s+(?:higher|above|greater|worse|more)|\s+(?:o|ou|oder|of)\s+(?:superiore|superior|mayor|m[áa]s|plus|sup[ée]rieure?|"
    rf"h[öo]her|mehr|hoger|erger|mais|pior|peggiore|peor)\b)?"
)
GRADE_CLAIM_RE = _scan(GRADE_CLAIM_PATTERN, re.IGNORECASE)  # ... a record's field too: "Grade (CTCAE v6.0): 4"
# In a 'respectively' list, "grade 3 and grade 2" are two claims, not a range.
SEPARATE_CLAIMS_RE = _scan(GRADE_CLAIM_PATTERN.replace("|/|and)", "|/)"), re.IGNORECASE)
assert SEPARATE_CLAIMS_RE.pattern != GRADE_CLAIM_RE.pattern
# The CTCAE terms of the counts, as a table's row may name them ("Neutrophil count decreased,0.62,10^9/L,3").
# ... also said the other way round: "a grade 2 decrease in white blood cell count"
CTCAE_COUNT_TERMS = {"anc": r"neutrophil\s+count\s+decrease[ds]?|decrease\s+in\s+(?:the\s+)?neutrophil\s+count",
                     "plt": r"platelet\s+count\s+decrease[ds]?|decrease\s+in\s+(?:the\s+)?platelet\s+count",
                     "alc": r"lymphocyte\s+count\s+decrease[ds]?|decrease\s+in\s+(?:the\s+)?lymphocyte\s+count",
                     "wbc": r"white\s+blood\s+cell\s+decrease[ds]?|decrease\s+in\s+(?:the\s+)?white\s+(?:blood\s+)?cell\s+count"}
CTCAE_COUNT_TERM_RE = re.compile(r"(?i)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in CTCAE_COUNT_TERMS.items()) + r")")
# Words naming the condition a grade is claimed for, mapped to the analyte that grades it.
TERM_WORDS = {
    # British "-paenia" too, and the commonest slip of the fingers ("neutropneia")
    # ... and the plain words of a patient's page ("grade 1 low white count")
    "anc": r"neutrop(?:[ée]|ae)ni(?:a|c|e|(?![^\W\d_]))|neutropneia|low\s+neutrophils?(?:\s+counts?)?|" + CTCAE_COUNT_TERMS["anc"],
    # one alternative for thrombo-/trombo-, -cyto-/-zyto-/-cito-: fewer alternatives keep the scan of a long text fast
    "plt": r"th?rombo(?:cyto|zyto|cito)?p(?:[ée]|ae)ni(?:a|c|e|(?![^\W\d_]))|thrombocytopneia|piastrinopenia|plaquetopenia|immune\s+thrombocytopeni(?:a|c)|ITP|"
           + r"low\s+platelets?(?:\s+counts?)?|" + CTCAE_COUNT_TERMS["plt"],
    "hgb": r"an(?:a?[ée]|ä)mi(?:a|c|e|(?![^\W\d_]))|low\s+(?:ha?emoglobin|red\s+(?:blood\s+)?cells?(?:\s+counts?)?)",  # "anemi": Swedish, as the other bare "-i" forms
    "alc": r"l(?:ymph|ymf|inf)op(?:[ée]|ae)ni(?:a|c|e|(?![^\W\d_]))|low\s+lymphocytes?(?:\s+counts?)?|" + CTCAE_COUNT_TERMS["alc"],
    "wbc": r"leu[ck]op(?:[ée]|ae)ni(?:a|c|e|(?![^\W\d_]))|low\s+white(?:\s+blood)?(?:\s+cells?)?(?:\s+counts?)?|" + CTCAE_COUNT_TERMS["wbc"],
    "alt": r"ALT\s+(?:increased|increase|elevation|rise)|alanine\s+aminotransferase\s+increased|augmentation\s+des\s+ALAT|aumento\s+(?:de|delle|della|dell['’]|das|da|do)\s*(?:la\s+)?(?:ALT|GPT|TGP)|(?:ALT|GPT|ALAT)-?Erh[öo]hung",
    "ast": r"AST\s+(?:increased|increase|elevation|rise)|aspartate\s+aminotransferase\s+increased|augmentation\s+des\s+ASAT|aumento\s+(?:de|delle|della|dell['’]|das|da|do)\s*(?:la\s+)?(?:AST|GOT|TGO)|(?:AST|GOT|ASAT)-?Erh[öo]hung",
    "bili": r"hyperbilirubin(?:a)?emia|blood\s+bilirubin\s+increased|bilirubin-?erh[öo]hung",
}
# The lookahead on first letters is only for speed: the scan skips positions where no term can start.
TERM_ALTERNATIVES = "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in TERM_WORDS.items()) + ")"
# A term may end a German or Dutch compound: "Eisenmangelanämie", "Immunthrombozytopenie", "ijzergebreksanemie".
COMPOUND_TERM_END = r"(?:an[äae]mie|(?:th?rombo(?:zyto|cyto)|neutro|lympho|lymfo|leu[ck]o)penie)\b"
TERM_RE = re.compile(rf"(?:\b|(?<=[^\W\d_]{{3}})(?={COMPOUND_TERM_END}))" + first_char_lookahead(TERM_ALTERNATIVES) + TERM_ALTERNATIVES, re.IGNORECASE)
FEBRILE = (r"(?:febrile|febriele)\s+neutropeni\w*|neutrop[ée]ni[ea]\s+(?:f[ée]brile|febril|febbrile)"  # ... "neutropénie fébrile", "neutropenia febril"
           r"|neutropenic\s+fever|fever\s+(?:and|with)\s+neutropeni\w*|(?-i:\bF&?N\b)")  # "neutropenic fever, grade 3", "FN grade 3"
FEBRILE_RE = re.compile(FEBRILE, re.IGNORECASE)
FEBRILE_HINT_RE = re.compile(r"(?i)f[ée]bb?ri[el]|fever|(?-i:F&?N)")  # a cheap test before FEBRILE_RE
# The grade given right after it: "febrile neutropenia (grade 3)", "the febrile neutropenia was graded 3".
FEBRILE_BEFORE_RE = re.compile(rf"(?i)(?:{FEBRILE})\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:\(\s*|[:,-]\s*|(?:(?:event\s+)?(?:is|was|were|are|been|assessed|considered)\s+){{1,2}}(?:as\s+)?)?"
                               r"(?:an?\s+|de\s+|di\s+)?(?:CTCAE\s+)?$")
NON_LAB_TERMS_FILE = Path(__file__).resolve().parent / "data" / "non_lab_terms.yaml"
# Events graded from clinical findings ("fatigue gr 2", "grade 3 colitis"): a grade right by one is that event's.
NON_LAB_ALTERNATIVES = "(?:" + "|".join(yaml.safe_load(NON_LAB_TERMS_FILE.read_text(encoding="utf-8"))["terms"]) + ")"
NON_LAB_TERM_RE = re.compile(r"\b" + first_char_lookahead(NON_LAB_ALTERNATIVES) + NON_LAB_ALTERNATIVES + r"\b", re.IGNORECASE)
# Where such an event stands by a grade: right after it ("grade 3 colitis", "grade 2 immune-related colitis") or right
# before it ("fatigue gr 2", "fatigue (grade 2)", "rash: grade 1").
NON_LAB_BEFORE_RE = re.compile(r"\b" + NON_LAB_ALTERNATIVES + r"\b" + r"\s*(?:\(\s*|:\s*|[-–—]\s*|,\s*|\s(?:of|is|was|de|di|du|del|da|do|van|von|vom|"
                               r"remains|remained|stays|stayed|is\s+still|was\s+still|is\s+now|now|at|improved\s+to|settled\s+(?:at|to))\s+)?"
                               r"(?:(?:stable|persistent|ongoing|mild|improving|worsening|chronic|residual|known|now)\s+)?"
                               r"(?:(?:above|over|beyond|below|under|greater\s+than|worse\s+than|higher\s+than|less\s+than)\s+)?(?:CTCAE\s+)?$",
                               re.IGNORECASE)  # "tossicità cutanea di grado 1", "toxicité cutanée de grade 2"
# (but not an event denied: "19 x10^9/L (grade 3) without bleeding" grades the platelets)
NON_LAB_AFTER_RE = re.compile(r"\s*(?:\)\s*)?(?:(?!(?:without|no|nor|free|denies|denied|denying|sans|sin|senza|ohne|zonder|sem)\b)[\w-]+\s+){0,2}?" + NON_LAB_ALTERNATIVES + r"\b", re.IGNORECASE)
# A value's own bracket, which a claim opens: "a platelet count of 4 x 10^9/L (grade 3) and mucosal bleeding" grades the platelets.
VALUE_BRACKET_BEFORE_RE = re.compile(rf"(?i)\d(?:[.,]\d+)?\s*(?:{UNIT_ALTERNATIVES})?\s*\(\s*$")
# Comparisons in the other languages read here: "por encima del límite inferior de 150.000", "sopra il limite di 4,0",
# "au-dessus de 1,5", "unter 1,0", "boven de grens van 1,5", "abaixo de 1.500". Those of FOREIGN_BELOW_RE say "below".
FOREIGN_RELATION = (r"por\s+(?:encima|debajo)\s+del?|(?:superior|inferior|mayor|menor)(?:es)?\s+(?:a|al|que|de)|acima\s+d[eoa]|abaixo\s+d[eoa]|"
                    r"(?:al\s+di\s+)?(?:sopra|sotto)(?:\s+(?:il|al|la|alla|a|di|del|della))?|(?:superiore|inferiore)\s+a|"
                    r"(?:au|en)[ -]desso?us\s+d[eu]s?|sous|(?:sup|inf)[ée]rieure?s?\s+[àa]|(?:über|unter(?:halb)?|oberhalb|boven|onder)(?![^\W\d_])")  # not "Untergrenze", "ondergrens"
FOREIGN_RELATION_RE = re.compile(rf"(?i){FOREIGN_RELATION}")
FOREIGN_BELOW_RE = re.compile(r"(?i)debajo|inferior|menor|abaixo|sotto|dessous|sous|inf[ée]rieur|unter|onder")
# A stated comparison of a value with a threshold, wherever it sits in the sentence: "is below the 1.5 cut-off",
# "would be below 7.0", "exceeds the critical threshold of 1.5", "is more than 2.0 x10^9/L". Built in two forms: English
# only, and with the other languages' relations and accented words; a text is scanned with the second only when it
# holds one of FOREIGN_RELATION_WORDS, since the wider scan costs more on a long text.
def _comparison_pattern(every_language: bool) -> str:
    relation = f"|{FOREIGN_RELATION}" if every_language else ""
    # a threshold's noun and its "of" in the other languages: "por encima del umbral de 1,5", "über dem Grenzwert von 1,5/nl"
    foreign_nouns = (r"|umbral|l[íi]mite|seuil|soglia|limiar|grenzwert|schwell(?:e|enwert)|drempel(?:waarde)?|valor|valeur|valore|wert|waarde|"
                     r"nivel|niveau|livello|n[íi]vel") if every_language else ""
    foreign_of = r"|(?:de|del|di|do|da|von|van|à|a)\s+" if every_language else ""
    # a word may be a possessive: "under the protocol's 1.5 threshold"
    # ... or a name with a number ("below the HLH-2004 cut-off of 9.0", "meets the IMbrave150 criterion of ≥75")
    word, words = (r"[^\W\d_][\w-]*(?:['’]s)?", "{0,4}") if every_language else (r"[A-Za-z-]+(?:-?\d+)?(?:['’]s)?", "{0,3}")
    return (
        rf"(?<![\w-])(?#first)(?P<rel>below|under|less\s+than|lower\s+than|beneath|above|over|greater\s+than|higher\s+than|more\s+than|exceeds?|"
        rf"exceeding|exceeded|at\s+or\s+above|at\s+or\s+below|<=|>=|≤|≥|<|>{relation}|"
        # verbs of passing or missing a threshold count only with the threshold named: "clears the 1.5 threshold"
        r"(?:clears?|cleared|clearing|meets?|met|meeting|reach(?:es|ed)?|satisf(?:ies|ied|y)|(?:falls?|fell|just|only|slightly|narrowly)\s+short\s+of|"
        r"fails?\s+to\s+(?:reach|meet|clear)|failed\s+to\s+(?:reach|meet|clear)|miss(?:es|ed)?)"
        r"(?=\s+(?:the\s+|an?\s+|our\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:[<>≥≤]=?\s*)?(?:\d[\d.,]*\s*(?:\S+\s+){0,3}?)?"  # "clears the protocol's 1.5 threshold"
        r"(?:threshold|cut-?off|cutoff|minimum|requirement|criterion|criteria|limit|bar|floor|needed|required|necessary|wants?|wanted|needs?|requires|asked\s+for|requested)\b))\s*"  # "… the 100 IR wants"
        rf"(?:the\s+|an?\s+|our\s+|their\s+|its\s+|his\s+|her\s+|my\s+|your\s+)?(?:\d+(?:[.,]\d+)?\s*[x×]\s*(?=ULN\b|upper\b))?(?:(?!(?:grade|grado|grad|grau|graad|gr)\b){word}\s+){words}?(?:(?:CTCAE\s+)?(?:grade|gr\.?)\s*[0-5IViv]+\s+)?"
        r"(?:(?:[A-Za-z-]+\s+){0,2}?(?:threshold|cut-?off|cutoff|limit(?:\s+of\s+normal)?|level|boundary|mark|value|line|LLN|ULN|minimum|trigger|"
        rf"requirement|criterion|criteria|floor|bar{foreign_nouns})"
        rf"(?:\s*\([A-Za-z]{{2,5}}\))?(?:\s+(?:of\s+|at\s+{foreign_of})?|\s*\(\s*(?=\d)))?"
        # the lab reader's own number and unit forms, so a threshold is read exactly as a value is; a sign of the threshold's
        # own ("above the <100 cut-off used to define ITP") leaves the relation to the words before it
        rf"(?:[<>≤≥]=?\s*)?{NUMBER}(?![\d.,]?\d)\s*(?:{UNIT})?"
        r"(?!\s*(?:%|percent|patients|weeks?|wks?|days?|d|months?|mos?|years?|yrs?|hours?|hrs?|h|mg|units?|cycles?|draws?|times|"
        r"samples?|tests?|checks?|measurements?|readings?|doses?|visits?|occasions?|"
        # durations in the other languages read here: "controle over 2 dagen" is a time, not a threshold
        r"dag(?:en)?|d[íi]as?|jours?|giorni|tage?n?|semaines?|semanas?|settimane|weken|wochen|mois|meses|mesi|maanden|monate?n?|"
        r"horas?|heures?|ore|uur|stunden|ciclos?|cicli|zyklen)\b)"
    )


COMPARISON_RE = _scan(_comparison_pattern(True), re.IGNORECASE)
ENGLISH_COMPARISON_RE = _scan(_comparison_pattern(False), re.IGNORECASE)
FOREIGN_RELATION_WORDS = ("encima", "debajo", "inferior", "superior", "mayor", "menor", "acima", "abaixo", "sopra", "sotto", "dessus",
                          "dessous", "sous", "rieur", "über", "unter", "oberhalb", "boven", "onder")
# The words, lowered, one of which every comparison's relation holds: a sentence with none is not scanned for comparisons.
ENGLISH_RELATION_WORDS = ("below", "under", "less", "lower", "beneath", "above", "over", "greater", "higher", "more", "exceed", "<", ">",
                          "≤", "≥", "clear", "meet", "met", "reach", "satisf", "fall", "fell", "fail", "miss", "short")
RELATION_WORDS = ENGLISH_RELATION_WORDS + FOREIGN_RELATION_WORDS
# Letters a scan that ignores case reads as "i" or "s" but lowering keeps apart ("ı", "ſ") or makes two characters of ("İ").
CASE_FOLD_EXCEPTIONS = ("ı", "ſ", "İ")


class _WordIndex:
    """Where some lowered words occur in a text, found once by plain string search, so each sentence is asked whether
    it holds one of them by bisection instead of being searched itself."""

    def __init__(self, text: str, lowered: str, words: tuple[str, ...]):
        self.text, self.words = text, words
        self.starts: list[int] | None = None  # the occurrences' starts, in order; none when lowering changed the text's length
        self.first_ends: list[int] = []  # for each of them, the first end of an occurrence starting there or later
        if len(lowered) == len(text):
            spans = sorted((found, found + len(word)) for word in words for found in word_starts(lowered, word))
            self.starts, self.first_ends = [start for start, _ in spans], [end for _, end in spans]
            for index in range(len(spans) - 2, -1, -1):
                self.first_ends[index] = min(self.first_ends[index], self.first_ends[index + 1])

    def within(self, start: int, end: int) -> bool:
        """Whether one of the words occurs in text[start:end].lower()."""
        if self.starts is None:
            lowered = self.text[start:end].lower()
            return any(word in lowered for word in self.words)
        index = bisect_left(self.starts, start)
        return index < len(self.starts) and self.first_ends[index] <= end


VERSION_BEFORE_NUMBER_RE = re.compile(r"(?i)(?:ctcae|version|\bv)\s*\.?\s*$")
GRADE_BEFORE_RE = re.compile(r"(?i)(?:grade|gr\.?|(?-i:G))\s*$")
# "is not yet below 1.5", "no longer above", "isn't under": the comparison is denied.
# So is one a verb of reaching denies: "does not reach the <1.0 criterion", "doesn't meet the ≥1.5 requirement".
NEGATED_COMPARISON_RE = re.compile(r"(?i)(?:\bnot|n't|\bnever|\bno\s+longer|(?:\b(?:pas|non|nicht|niet|não|nao|nunca|jamais|no)\s+(?:(?:est[áa]|ist|è|est|é|zit|liegt)\s+)?))\s*(?:yet\s+|quite\s+|even\s+|really\s+|still\s+)?"
                                   r"(?:(?:reach|meet|satisfy|fulfil+|hit)\s+(?:the\s+|an?\s+)?)?$")
RELATIONS = {
    "below": "<", "under": "<", "less than": "<", "lower than": "<", "beneath": "<", "<": "<",
    "above": ">", "over": ">", "greater than": ">", "higher than": ">", "exceeds": ">", "exceed": ">",
    "exceeding": ">", "exceeded": ">", "more than": ">", ">": ">", "at or above": ">=", ">=": ">=", "≥": ">=", "at or below": "<=", "<=": "<=", "≤": "<=",
}
# A sentence ends at the first [.!?] that is not a decimal point, at a line end or at the end of the text. Written as
# runs of other characters taken whole (an atomic group, spelled "(?=(run))\1" so Python 3.10 reads it too), so a long
# line without full stops is scanned in one pass.
SENTENCE_END = r"(?<!\d)[.!?](?=\s|$)|[!?][\x22'”’»]+(?=\s|$)|(?<=\d)[.!?](?=\s+[A-ZÀ-Ý(\[¿¡]|\s+[a-z]{2,}|\s*$)|\n|$"
SENTENCE_RE = re.compile(rf"[^\n](?=([^\n.!?]*))\1(?:(?!{SENTENCE_END})[.!?](?=([^\n.!?]*))\2)*(?:{SENTENCE_END})", re.DOTALL)
CLAUSE_BREAK_RE = _scan(r"(?#first)(?:;|,\s*(?:so|yet)\b|\b(?:whereas|while|but)\b)", re.IGNORECASE)
# A grade that describes a cohort, not the value at hand: "34 patients with grade 4 neutropenia".
COHORT_RE = re.compile(r"(?i)\bpatients\s+(?:with|had|having)\s+$|"
                       # "nessun paziente ha sviluppato una piastrinopenia di grado ≥3": no patient of the cohort, in the languages read
                       r"\b(?=[nakg])(?:nessun|ning[úu]n|aucun|kein(?:e[rn]?)?|geen|nenhum)\s+(?:paziente|paciente|patient|patiente|patienten|patiënt)\b[^.;\d]{0,60}$|\b(?:in|of)\s+\d[\d,]*\s+(?:patients|cases)\s+(?:with\s+)?$"
                       # "… occurred in three patients: two grade 2 and one grade 4 (nadir 33)": numbers of patients listed before grades
                       r"|\b(?:patients|cases|subjects|cohort|arm|group)\b[^.;]{0,80}?(?:[:,;]|\band)\s*(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$"
                       # "the remaining six had grade 4": other patients than the one whose value is given
                       r"|\b(?:the\s+)?(?:remaining|other)\s+(?:\w+\s+){0,2}?(?:had|have|developed|showed|were|experienced)\s+(?:an?\s+)?$"
                       r"|\b(?:all\s+)?(?:the\s+)?others\s+(?:\w+\s+){0,2}?(?:had|have|developed|showed|were|experienced)\s+(?:an?\s+)?$"  # "all others were grade ≤2"
                       # "Two patients had grade 2 anaemia (…) and one had grade 3 (Hb 7.7 g/dL)": a number of patients as the subject
                       r"|(?:\band|\bwhile|\bwhereas)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:other\s+)?(?:patients?\s+)?"
                       r"(?:had|have|developed|showed|were|experienced)\s+(?:an?\s+)?$"
                       # "three patients developed grade 3 anemia, with haemoglobin nadirs of 7.4, 7.9 and 8.3": a number of patients as the subject
                       r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+)?(?:patients|cases|subjects|participants)\s+"
                       r"(?:had|have|developed|showed|were|experienced)\s+(?:an?\s+)?$"
                       # "Of the six patients, five had grade 4": a number of patients as the subject
                       r"|\bof\s+(?:the|these|those|all)\s+(?:\w+\s+)?(?:patients|cases)\s*,\s*(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                       r"(?:had|have|developed|showed|were|experienced)\s+(?:an?\s+)?$")
COUNTED_EVENTS_AFTER_RE = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,2}?(?:events?|episodes?)\b")
COUNT_BEFORE_RE = re.compile(r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|\d\d+)\s+$")  # several events (one event is judged on its value)
COHORT_AFTER_RE = re.compile(r"(?i)^\s*(?:\w+\s+|\(\s*(?:CTCAE\s*)?v(?:ersion\s*)?[56](?:\.0)?\s*\)\s+){0,3}?(?:(?:occurred|developed|was\s+seen|was\s+reported|were\s+reported)\s+in\s+\d|"
                             # how often it was seen: "grade 3–4 lymphopenia was uncommon", "… were rare"
                             r"(?:was|were)\s+(?:very\s+)?(?:uncommon|rare|common|frequent|infrequent)\b|"
                             r"in\s+\d[\d,.]*\s*(?:%|percent|of\s+\d|patients|cases|subjects|participants|(?=[.;)]|$))|"
                             # the count in words: "occurred in two patients", "was seen in three cases"
                             r"in\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:patients|cases|subjects|participants)\b|"
                             r"(?:was\s+seen|occurred|was\s+reported|were\s+reported|developed)\s+in\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\b|"
                             # "… and grade 2 in one (nadir 58 x10^9/L)"
                             r"in\s+(?:one|two|three|four|five|\d+)(?=\s*\((?:nadirs?|lowest|values?|counts?)\b)|"
                             # a share of the patients in the other languages read: "trat bei 4 % der Patienten auf", "chez 12 % des patients"
                             r"(?:bei|chez|en(?:\s+el)?|nel|em|bij)\s+\d[\d,.]*\s*%)")
DOT_LEADER_RE = re.compile(r"\.{2,}(?=[ \t]*\d)")
# The full stop of an abbreviation ("i.e.", "vs.", "approx."), found from the stop back: a long text is scanned for stops only.
SENTENCE_ABBREVIATIONS = ("i\\.e", "e\\.g", "v\\.n", "n\\.v", "v\\.r", "vs", "cf", "approx", "incl", "resp", "et al", "ca", "fig", "no", "dr", "gr", "abs", "pt", "wk", "ref")
# A letter before the stop is tested first: most stops follow a digit.
# ... nor does a name's initial after a title ("Referral letter from Dr M. (received 02/06) states: …")
NAME_INITIAL_LOOKBEHINDS = tuple(rf"(?<=\b{title} [A-Z]\.)" for title in ("dr", "dr\\.", "mr", "mr\\.", "ms", "ms\\.", "mrs", "mrs\\.", "prof", "prof\\."))
ABBREVIATION_RE = re.compile(r"(?i)\.(?<=[^\W\d_]\.)(?:" + "|".join((*(rf"(?<=\b{word}\.)" for word in SENTENCE_ABBREVIATIONS), *NAME_INITIAL_LOOKBEHINDS)) + ")")
# The CTCAE version a sentence or a document names ("under CTCAE v6", "per v6.0", "CTCAE version 5.0").
# The newest version named by its age, not its number: "grade 1 under the new system", "the latest CTCAE criteria".
NEWEST_VERSION_RE = re.compile(r"(?i)(?<=\bthe\s)(?:new|newer|newest|latest)\s+(?:CTCAE\s+)?(?:grading\s+)?(?:system|version|criteria|scale|edition)\b")
VERSION_NAMED_RE = _scan(r"(?i)(?#first)(?:CTCAE\s*(?:version\s*|v\.?\s*)?|\bv\.?\s?|\b(?:version|versão|versión|versione|versie)\s+)([56])(?:\.0)?\b")
# Words that make a grade a negated claim ("no neutropenia of grade 2 or worse", "is not grade 3", "rather than
# grade 4"), and those that make it a claim of staying below a grade ("does not reach grade 3", "not yet grade 2").
NEGATION_RE = re.compile(r"(?i)\b(?:no(?!\s+(?:dia|d\.|m[êe]s|ano|momento|hemograma|controle|in[íi]cio|final|ciclo|exame|sangue|hospital|internamento|seguimento|wait)\b)|not|cannot|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't|won't|never|without|rather\s+than|instead\s+of|nor|neither|hardly|"
                         # the same in the other languages read here: "nessuna neutropenia di grado 2", "sin anemia de grado 3", "keine Neutropenie Grad 3",
                         # "et non de grade 3", "e non di grado 3" (but not the prefix of "non-haematological")
                         r"non(?![-‐])|nessun[ao]?|ningun[ao]?|ningún|sin|sans|senza|ohne|zonder|aucune?|pas(?:\s+de)?|kein(?:e[nmrs]?)?|geen|nenhum[a]?|sem|"
                         r"nicht|niet|n[ãa]o)\b(?![-‐])"  # nor a prefix: "niet-hemolytische anemie graad 1"
                         # nor what is not done for a grade: "G-CSF is not routinely indicated for afebrile grade 2 neutropenia"
                         r"(?!\s+(?:[a-z]+ly\s+)?(?:indicated|recommended|required|needed|necessary|advised|warranted|used|given|routine)\s+(?:for|in)\b)"
                         # "no grade under v6.0 (grade 1 under v5.0)": what is denied is any grade, not the grade named after
                         r"(?!\s+(?:CTCAE\s+)?grade\b(?!\s*(?:[0-5]|[IV]+\b)))(?!.*\b(?:but|it\s+is|is|it's|it’s|that's|that\s+is|it\s+was|it\s+would\s+be)(?!\w))(?:[^;:,—–.]|(?<=\d)\.(?=\d)){0,35}$")
BELOW_RE = re.compile(r"(?i)\b(?:(?:does|do|did)\s+not|doesn't|don't|didn't|not\s+yet|falls?\s+short\s+of|fell\s+short\s+of|below)\s+"
                      r"(?:(?:reach|hit|amount\s+to|make\s+it(?:\s+to)?|get\s+to|rise\s+to|fall\s+to|drop\s+to|come\s+to)\s+)?"
                      r"(?:(?:the|a|an|yet|quite|even|level|of|CTCAE)\s+){0,2}$")
THAN_BEFORE_RE = re.compile(r"(?i)\b(?:(?P<neg>not|no|never|without|nothing|none)\s+(?:(?!(?:much|far|significantly|slightly|substantially|lot)\b)[^\W\d_][\w-]*\s+){0,3}?)?(?P<cmp>(?:higher|worse|more|greater|above|severer|less|lower|better|"
                            r"milder|below|(?:more|less)\s+(?:severe|serious))\s+than|above|beyond|over|exceed(?:s|ing)?|past)\s+(?:a\s+|an\s+)?(?:CTCAE\s+)?$")
# ... the first words of the bounds that claim higher grades ("worse than grade 2", "more severe than", "beyond grade 2": >2)
THAN_HINT_RE = re.compile(r"than|above|beyond|over|xceed|past")  # a cheap test before THAN_BEFORE_RE
HIGHER_WORDS = {"higher", "worse", "more", "greater", "above", "severer", "beyond", "over", "exceed", "exceeds", "exceeding", "past"}


def _than_grades(grade: int, higher: bool, negated: bool) -> tuple[set[int], str]:
    """The grades 'higher than grade N' (>N), 'not higher than grade N' (≤N), 'less than' (<N), 'not less than' (≥N) claim."""
    if higher != negated:
        return (set(range(grade + 1, 6)), f">{grade}") if higher else (set(range(grade, 6)), f"≥{grade}")
    return (set(range(0, grade + 1)), f"≤{grade}") if negated else (set(range(0, grade)), f"<{grade}")


# ... and in the other languages read here: "keine Anämie über Grad 1", "nessuna neutropenia sopra il grado 2".
NONE_ABOVE_BEFORE_RE = re.compile(r"(?i)\b(?:no|not|never|without|nothing|kein(?:e[nmrs]?)?|nessun[ao]?|ningun[ao]?|ningún|sin|aucune?|"
                                  r"pas\s+de|geen|nenhum[a]?|sem)\s+(?:[\w-]+\s+){0,3}?"
                                  r"(?:above|over|beyond|exceeding|über|oberhalb|sopra|oltre|por\s+encima\s+del?|au-dessus\s+du|boven|acima\s+do)\s+"
                                  r"(?:(?:a|an|il|al|el|le|dem|den|de|het|o)\s+)?(?:CTCAE\s+)?$")
NONE_ABOVE_HINT_RE = re.compile("above|over|beyond|exceed|über|oberhalb|sopra|oltre|encima|dessus|boven|acima")
# ... in French, Spanish, Italian, Portuguese, German and Dutch too: "au moins une neutropénie de grade 3".
AT_LEAST_BEFORE_RE = re.compile(r"(?i)\b(?:at\s+(?P<en>least|most)|(?P<least>au\s+moins|al\s+menos|almeno|pelo\s+menos|mindestens|minstens)"
                                r"|(?P<most>au\s+plus|como\s+m[áa]ximo|al\s+massimo|no\s+m[áa]ximo|h[öo]chstens|hoogstens))"
                                r"\s+(?:a\s+|an\s+|une?\s+|una?\s+|eine?\s+|een\s+)?(?:[^\W\d_]+\s+(?:de|di|del|da|do|van|von)\s+)?(?:CTCAE\s+)?$")
AT_BOUND_HINT_RE = re.compile(r"at |moins|menos|almeno|mindest|minstens|plus|ximo|massimo|chstens|hoogstens")  # ... before AT_LEAST_BEFORE_RE
# A grade that names a threshold or a definition is not a claim about a value: "the grade 2 threshold of 1.5",
# "the cut-off that defines grade 2", "grade 2 anemia means a hemoglobin below 10".
# ... right after the grade, before the condition it bounds: "the grade 4 line for thrombocytopenia", "the grade 3 cut-off for ANC"
LINE_AFTER_RE = re.compile(r"(?i)\s+(?:threshold|cut-?off|cutoff|boundary|limit|border|line)\s+(?:for|of)\b")
THRESHOLD_AFTER_RE = re.compile(r"(?i)\s*(?:/\s*(?:G|grade\s*)[0-5]\s+)?(?:(?:(?!(?:since|because|as|when|while|so|but|and|after|before)\b)\w+\s+){0,4}?"  # ("the G1/G2 border")
                                r"(?:threshold|cut-?off|cutoff|boundary|limit|band|border|mark|(?<!in )line)\b"
                                r"|(?:(?!(?:in|under|per|by|using|according|of)\b)\w+\s+){0,4}?(?:criteria|criterion)\b"
                                r"|(?:(?!(?:since|after|before|until)\b)\w+\s+){0,4}?(?:means|is\s+defined|defined\s+as|refers\s+to|starts?|begins?|applies|kicks\s+in|stops?|"
                                r"ends?(?:\s+(?:at|below|above)|(?=\s*(?:[.,;:)]|$)))|covers|spans|runs\s+(?:from|down\s+to|to)|"
                                # the same in the other languages read here: "le grade 1 s'arrête à 75", "el grado 2 empieza en 10"
                                r"s['’]arr[êe]te|commence|d[ée]bute|comienza|empieza|termina|acaba|beginnt|endet|inizia|comincia|finisce|"
                                r"begint|eindigt|come[çc]a|starting|beginning|commen[çc]ant|d[ée]butant|comenzando|empezando|iniziando|cominciando|"
                                r"come[çc]ando)\b"
                                # the values a grade is kept for: "(v6.0 reserves grade 4 for counts below 10)"
                                r"|for\s+(?:counts?|values?|levels?|results?|readings?)\s+(?:below|under|above|over|less|lower|<|≤)"
                                # what a grade is: "grade 3 neutropenia is an ANC from 0.5 up to 1.0", "grade 4 is anything under 0.5"
                                r"|(?:is|are)\s+(?:an?\s+(?:\w+\s+){0,2}?(?:from|between)\s+\d|(?:anything|everything|any\s+\w+)\s+(?:under|below|less|lower|above|over|from|between|<|≤))"
                                # what a grade needs: "grade 4 would require a count below 10", "grade 4 under v6.0 requires <0.1"
                                r"|(?:[\w.]+\s+){0,4}?(?:would\s+)?(?:requires?|required|needs?|needed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                                r"(?:[<>≤≥]|below|under|less|lower|above|over|more|greater|at\s+least|\d|life-?threatening|urgent\s+intervention))")
# "meets grade 2 anemia criteria" claims the grade: the criteria are met, not named.
MEETS_BEFORE_RE = re.compile(r"(?i)\b(?:meets?|meeting|met|fulfils?|fulfills?|fulfilled|fulfilling|satisfies|satisfy|satisfied|"
                             r"satisfying|within|reaches|reached|qualifies\s+for)\s+(?:the\s+)?(?:CTCAE\s+)?$")
THRESHOLD_WORDS = ("threshold", "cut", "boundary", "limit", "band", "border", "mark", "criteri", "mean", "defin", "start", "begin", "line",
                   "appl", "kick", "stop", "end", "cover", "span", "run", "requir", "need", "arr", "commen", "ebut", "ébut", "mienza", "piez",
                   "termin", "acab", "inizi", "cominci", "finisc", "eindig", "meça", "meca", " from ", "between", "anything", "everything", "any ",
                   "for count", "for value", "for level", "for result", "for reading")
NEGATION_WORDS = ("no", "n't", "never", "without", "rather", "instead", "nor", "short", "below", "hardly", "ness", "ningun", "sin", "sans",
                  "aucun", "pas", "kein", "geen", "nenhum", "sem", "nicht", "niet", "não", "nao", "senza", "ohne", "zonder")
THRESHOLD_HINT_RE = re.compile("|".join(THRESHOLD_WORDS))
NAMED_THRESHOLD_HINT_RE = re.compile("threshold|cut|boundary|limit|line|defin|éfin|seuil|umbral|soglia|limiar|drempel|schwelle|marque|marca|markiert")  # a word THRESHOLD_NAMED_BEFORE_RE needs
NEGATION_HINT_RE = re.compile("|".join(NEGATION_WORDS))
# The words of NEGATION_WORDS that NEGATION_RE itself needs (not those only BELOW_RE reads), and its words no hint covers.
DENIAL_HINT_RE = re.compile("|".join([word for word in NEGATION_WORDS if word not in ("short", "below")] + ["neither", "ningún"]))
ABSENT_AFTER_RE = re.compile(r"(?i)\s*(?:\([^()]{0,40}\)\s*)?(?:has|have|had|was|were|is|did|does)\s+(?:not|never)\s+"
                             r"(?:yet\s+)?(?:occurred|occur|developed|develop|recurred|been\s+(?:seen|observed|reported|documented|present))"
                             r"|\s*(?:\([^()]{0,40}\)\s*)?(?:is|was|remains)\s+(?:absent|not\s+present|ruled\s+out|excluded)")
# Words that refer back to a value already given: "That's grade 2", "so it counts as grade 1", "which makes it grade 3".
REFERRING = (r"\b(?:that|this|it|which|i|she|he|the\s+same\s+(?:value|count|number|result|level))(?:'s|’s|'m|’m|(?<=\bthat)s|(?<=\bit)s|\s+is|\s+am|\s+was|\s+would\s+be|\s+counts\s+as|\s+makes\s+it|\s+corresponds\s+to|"
             r"\s+(?:falls?|fell)\s+(?:into|in|within)|(?:'s|’s|\s+is|\s+was)\s+what\s+(?:[\w-]+\s+){0,2}?(?:calls?|called|terms?|termed)|"
             r"(?<=\bit)\s+(?:as|at)|"
             r"\s+means|\s+represents|\s+should\s+(?:have\s+been|be)|\s+puts\s+(?:you|her|him|them|it|the\s+patient)\s+(?:in|at|into)|"
             # "This does not reach grade 3", "That meets grade 2"
             r"(?:\s+(?:does|did)\s+not|\s+doesn['’]t|\s+didn['’]t)(?:\s+(?:yet|quite|even))?\s+(?:reach|meet|qualify\s+as|count\s+as|amount\s+to)|"
             r"\s+(?:reaches|reached|meets|met|qualifies\s+as|amounts\s+to))\s+(?:(?:still|only|now|just|already|probably|actually|really|truly|in\s+fact|consistent\s+with|in\s+keeping\s+with|an?|CTCAE|the|"
             r"mild|moderate|severe|slight|minor|marked|significant|decrease|drop|dip|fall|reduction|"  # "This is a mild (grade 1) drop", "a mild decrease (grade 1)"
             r"at\s+most|at\s+least|no\s+(?:worse|higher|more)\s+than|not|in|within)\s+){0,3}")  # "this is in the grade 1 (mild) range"
# A sentence that starts by referring to what the previous one said.
# A chat log's time stamp that opens a line: "[14:03] Fellow: that's G3".
CHAT_STAMP = r"(?:\[[\d:./ -]{3,20}\][ \t]*)?"
REFERRING_START_RE = re.compile(rf"(?i){CHAT_STAMP}(?:(?:(?!(?:if|when|once|unless|should|would|could)\b)(?:[^\s\d.!?]+|v?[56](?:\.0)?,?)\s+){{0,5}}?{REFERRING}"
                                # "That is within normal limits, CTCAE grade 0": what the value is said to be, then its grade
                                rf"(?:(?:(?:within|inside|outside|below|above|under)\s+(?:the\s+)?(?:normal\s+(?:limits|range)|LLN|lower\s+limit(?:\s+of\s+normal)?)"
                                rf"|(?:mildly\s+|slightly\s+)?(?:normal|low))\s*[,;:–—-]\s*(?:(?:so|i\.e\.|and|or)\s+)?(?:CTCAE\s+)?)?"
                                rf"|(?:is|was)\s+(?:that|this|it)\s+(?:still\s+|now\s+|only\s+)?"
                                rf"|(?:[^\s\d.!?]+\s+){{0,3}}?(?:classified|classed|graded|called|scored|rated|considered|labell?ed|coded|"
                                rf"documented|recorded|reported)\s+(?:this|it|that|these|them)\s+as\s+(?:an?\s+)?(?:CTCAE\s+)?"
                                # "Doctors call this grade 2 leukopenia"
                                rf"|(?:[^\s\d.!?]+\s+){{0,2}}?(?:call|calls|would\s+call)\s+(?:this|it|that)\s+(?:an?\s+)?(?:CTCAE\s+)?"
                                rf"|(?:now|so|thus|hence|currently|today|i\.e\.|=>|->|→)\s*[,:]?\s*(?:still\s+|only\s+)?)"
                                rf"\(?\s*(?:grade|gr\.?|(?-i:G))\s*[0-5IV]")
# A sentence that starts by comparing what the previous one gave with a threshold: "That's above the lower limit of 150".
REFERRING_COMPARISON_START_RE = re.compile(rf"(?i)(?:(?:since|as|because|so|and|but|although|though|while|yet)\s+)?{REFERRING}(?:(?:well|comfortably|slightly|clearly)\s+)?"
                                           r"(?:below|under|above|over|beneath|less\s+than|lower\s+than|greater\s+than|higher\s+than|"
                                           r"more\s+than|at\s+or\s+(?:above|below))\b")
# A claim that refers back to the value its sentence is about, past thresholds named in between ("ANC 1.4 is more than
# the 1.0 lower edge of grade 2, which makes it grade 3").
REFERRING_BEFORE_RE = re.compile(rf"(?i)(?:{REFERRING}|\bso\s+(?:it's\s+|it\s+is\s+|this\s+is\s+|that's\s+|she's\s+|he's\s+)?"
                                 rf"(?:(?:not|still|now|only|just|probably)\s+){{0,2}}"
                                 # "at this level CTCAE calls it grade 2", "your doctor would rate this as grade 1"
                                 rf"|\b(?:calls?|called|rates?|rated|grades?|graded|re-?grade[ds]?|classes|classed|classifies|labels?|puts?)\s+(?:it|this|that)\s+"
                                 rf"(?:as\s+|at\s+|(?:down|back|up)?\s*to\s+)?(?:an?\s+)?(?:CTCAE\s+)?"
                                 # ... in the other languages: "entspricht das einer Neutropenie Grad 2", "cela correspond à une neutropénie de grade 2"
                                 rf"|\b(?:entspricht\s+(?:das|dies)|(?:das|dies)\s+entspricht|(?:cela|ceci|ça)\s+correspond\s+à|(?:esto|eso)\s+corresponde\s+a|"
                                 rf"(?:ciò|questo)\s+corrisponde\s+a|(?:isso|isto)\s+corresponde\s+a|dat\s+komt\s+overeen\s+met)\s+"
                                 rf"(?:(?:einer?|einem|une?|una?|um|uma|een)\s+)?(?:[^\W\d_]+\s+)?(?:(?:de|di|da|van)\s+)?)$")
# A verb that gives a grade to the value before it, right before the claim: "2,000 per microliter is classed as grade 3".
LINKING_BEFORE_RE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|classed|classified|considered|counted|called|rated|graded|"
                               r"labell?ed|scored|coded|regarded|deemed|corresponds\s+to|amounts\s+to|equates\s+to|represents|means|"
                               r"equals|constitutes|counts|makes\s+(?:it|this|that)|(?:puts|places|put|placed)\s+(?:it|her|him|them|this|you|me|us)\s+(?:at|in|into)|"
                               r"(?:i['’]d|i\s+would|we['’]d|we\s+would)\s+(?:still\s+)?call\s+(?:it|this|that))\s+(?:as\s+)?"
                               r"(?:(?:an?|a\s+CTCAE|CTCAE|still|only|already|just|probably|likely|clearly)\s+){0,2}$")
# "..., so the grade would be 3": the grade of the sentence's one value.
THE_GRADE_IS_RE = re.compile(r"(?i)the\s+(?:(?:correct|true|actual|right|revised|final|overall)\s+)?grade\s+(?:is|was|would\s+be|will\s+be|should\s+be|"
                             r"(?:has\s+been|was|is\s+now)\s+(?:corrected|changed|amended|revised|updated)\s+to)\b")
OPEN_PAREN_RE = re.compile(r"\s*\(")
# A grade that ends its clause, perhaps with the version it is given under: "; grade 4.", "-> grade 3 (CTCAE v5)".
BARE_AFTER_RE = re.compile(r"(?i)\s*(?:\((?:per\s+|under\s+|by\s+)?CTCAE[^()]{0,16}\)|,?\s*(?:per|under|by)\s+CTCAE\s*v?\s*[56](?:\.0)?)?"
                           r"(?:\s+(?:now|then|today|currently))?\s*(?:[.;,)!?\n]|$)")  # "so I'm at grade 2 now, right?"
THRESHOLD_NAMED_BEFORE_RE = re.compile(r"(?i)(?:threshold|cut-?off|boundary|limit|line|defines?|seuil|umbral|soglia|limiar|drempel|schwelle|"
                                       r"marque|marca|d[ée]finit|definisce|markiert)(?:\W+\w+){0,3}?\W+\w*\W*$")
# A grade named as the owner of a threshold: "more than the 10.0 g/dL upper edge of grade 2" names the edge, it does not
# claim grade 2; "sits at the bottom edge of grade 2" (at, on, within the edge) does claim it.
# So does a grade whose start a threshold marks: "the 10 g/dL limit that marks the start of grade 2 anaemia", "el límite
# que marca el comienzo de la anemia grado 2".
OWNER_BEFORE_RE = re.compile(r"(?i)\b(?P<prep>\w+)\s+(?:(?:the|an?|el|la|le|il|lo|der|die|das|het|o|a)\s+)?(?:\d[\d.,]*\s*(?:[^\s\d]+\s+)?)?"
                             r"(?:(?:upper|lower|top|bottom|low|high)\s+)?"
                             r"(?:edge|end|bound|floor|ceiling|start|beginning|onset|comienzo|inicio|principio|d[ée]but|commencement|beginn|"
                             r"anfang|inizio|begin|in[íi]cio)\s+(?:of|for|de(?:\s+la|\s+l['’])?|del(?:la)?|du|des|der|di|dell['’]|van|da|do)\s*"
                             r"(?:(?:the|la|le|el|l['’]|il|lo|a|o)\s*)?(?:CTCAE\s+)?(?:(?:an(?:a?[ée]|ä)mi[ae]|neutrop[ée]ni[ae]|"
                             r"th?rombo(?:cyto|zyto|cito)?p[ée]ni[ae]|l(?:ymph|inf)op[ée]ni[ae]|leu[ck]op[ée]ni[ae])\s+)?$")
OWNER_HINT_RE = re.compile(r"edge|end|bound|floor|ceiling|start|begin|onset|comienzo|inicio|principio|but|commencement|anfang|inizio|in[íi]cio")
DISTRIBUTION_BEFORE_RE = re.compile(r"\b(?:mostly|mainly|predominantly|largely|chiefly|majority|all\s+but\s+one)\s+(?:of\s+)?(?:ctcae\s+)?$")
# A question reported, not a claim: "You asked whether an ANC of 1.0 is grade 3" (a decimal's point ends no sentence).
INDIRECT_QUESTION_BEFORE_RE = re.compile(r"(?i)\b(?:whether|(?:asked|asks|ask|asking|wondered|wonders|wondering|unsure|not\s+sure)\s+(?:me\s+|us\s+)?if)\b"
                                         r"(?:[^.;:!?]|(?<=\d)\.(?=\d))*$")
# A grade on the other side of a border from the value's: "right at the border with grade 2", "knapp über der Grenze zu Grad 4",
# "justo en el límite con el grado 2", "à la limite du grade 2"; or the grade a value a little further would have: "one point
# lower and it would be grade 2".
BORDER_HINT_RE = re.compile(r"(?=[blgfcwsz'’])(?:bord|bound|limit|l[íi]mite|grenz|grens|fronti|confin|cusp|would|wäre|serait|ser[íi]a|sarebbe|zou|['’]d\b)")
BORDER_BEFORE_RE = re.compile(r"(?i)\b(?:(?:border|boundary|borderline|cusp)\s+(?:with|to|into|of)|"
                              r"(?:l[íi]mite|grenze|grens|fronti[èe]re|frontera|confine|fronteira)"
                              r"\s+(?:con|zu|zum|zur|avec|de|del|du|van|tra|entre|naar|met|com|da|do|della|al))\s*"
                              r"(?:(?:the|el|la|le|dem|der|il|lo|het|o|a|l['’])\s*)?(?:CTCAE\s+)?$")
WOULD_BE_BEFORE_RE = re.compile(r"(?i)\b(?:lower|higher|less|more|below|above|further|weiter|niedriger|plus\s+bas|m[áa]s\s+bajo|pi[ùu]\s+basso)"
                                r"\s*(?:,|and|und|et|y|e|en)\s+(?:it|that|this|they|you|she|he|es|ce|sería|sarebbe)?\s*"
                                r"(?:would|'d|’d|wäre|w[üu]rde|serait|ser[íi]a|sarebbe|zou)\s*(?:be|become|count\s+as|sein|[êe]tre|essere|zijn)?\s+"
                                r"(?:an?\s+|(?:in\s+|into\s+))?$")
DEFINITION_HINT_RE = re.compile(r"any|everything|value|level|count|result|reading|between|from|an\s+(?:anc|alc|wbc|h)")
CLAIMING_PREPOSITIONS = {"at", "on", "within", "in", "near", "inside", "into", "toward", "towards"}
# A grade given to every value past a number is a definition, not a claim about a value: "anything below 8.0 is grade 3".
DEFINITION_SUBJECT = (r"\b(?:anything|everything|(?:any|an?|only\s+an?)\s+(?:[\w-]+\s+)?(?:value|count|level|result|reading)|values|levels|"
                      r"counts|results|readings|(?:any|an?|only\s+an?)\s+(?:ANC|ALC|WBC|Hb|Hgb|ha?emoglobin))\s+")
DEFINITION_VERB = (r"(?:(?:is|are|would\s+be)(?:\s+(?:considered|classed|classified|called|graded|rated|counted)(?:\s+as)?)?|counts?\s+as|"
                   r"becomes?|means|=)\s+(?:an?\s+)?(?:CTCAE\s+)?$")
# ... and so is one given to everything past the value just named: "Hb 10.0 g/dL — grade 1; anything lower would be grade 2"
BEYOND_DEFINITION_BEFORE_RE = re.compile(r"(?i)\b(?:anything|everything)\s+(?:lower|higher|less|more|worse|below\s+(?:that|this)|above\s+(?:that|this))\s+"
                                         + DEFINITION_VERB)
DEFINITION_BEFORE_RE = re.compile(rf"(?i)(?:{DEFINITION_SUBJECT}(?:at\s+or\s+)?(?:below|under|above|over|less\s+than|lower\s+than|greater\s+than|"
                                  r"higher\s+than|more\s+than|<=|>=|≤|≥|<|>)\s*(?:\d[\d.,]*|that|this)"
                                  r"|\bbetween\s+\d[\d.,]*\s*(?:[^\s\d]\S*\s+)?(?:and|to|-)\s*\d[\d.,]*"
                                  # "a platelet count from 25 to under 50 is considered grade 3": a band
                                  rf"|{DEFINITION_SUBJECT}from\s+\d[\d.,]*\s*(?:[^\s\d]\S*\s+)?(?:to|-)\s*(?:(?:under|below|less\s+than|<)\s*)?\d[\d.,]*)"
                                  r"\s*(?:[^\s\d]\S*\s+)?" + DEFINITION_VERB
                                  # "…, which only calls counts below 0.1 grade 4": the verb before the values it grades
                                  + rf"|\b(?:calls?|labels?|classif(?:y|ies)|rates?)\s+(?:only\s+)?{DEFINITION_SUBJECT}(?:at\s+or\s+)?(?:below|under|above|over|less\s+than|"
                                  r"greater\s+than|<=|>=|≤|≥|<|>)\s*\d+(?:[.,]\d+)?\s*(?:[^\s\d]\S*\s+)?(?:as\s+)?(?:an?\s+)?(?:CTCAE\s+)?$")
# ... and so is the grade a value would reach first: "before it becomes grade 3", "until they count as grade 2".
NOT_YET_BEFORE_RE = re.compile(r"(?i)\b(?:before|until|till|unless|once)\s+(?:it|they|this|that|the\s+(?:count|value|level|result)|(?:she|he)\s+is)\s+"
                               r"(?:becomes?|turns?|reach(?:es)?|gets?\s+to|counts?\s+as|qualif(?:y|ies)\s+as|(?:is|are)\s+(?:called|classed|classified|graded)(?:\s+as)?)"
                               r"\s+(?:a\s+|an\s+)?(?:CTCAE\s+)?$"
                               # "it would take a count below 75 to make it grade 2", "a further drop would take him into grade 3"
                               r"|\bto\s+(?:make\s+(?:it|this|that|them|him|her)|reach|get\s+(?:to|into)|qualify\s+(?:as|for))\s+(?:a\s+|an\s+)?(?:CTCAE\s+)?$"
                               r"|\b(?:would|will|could|might)\s+(?:take|bring|push|put|tip|move)\s+(?:it|him|her|them|the\s+(?:count|patient))\s+(?:in)?to\s+(?:a\s+|an\s+)?(?:CTCAE\s+)?$"
                               # "a few more points down and it would be grade 3": a drop supposed, and the grade it would give
                               r"|\b(?:more|further|another|lower|higher)\b[^.;!?\n]{0,40}?\band\s+(?:it|that|this|she|he|they)\s+(?:would|will|could|might)(?:\s+(?:then|now))?\s+be\s+(?:a\s+|an\s+|in\s+)?(?:CTCAE\s+)?$"
                               # "any further drop makes it grade 2": what a drop to come would give
                               r"|\b(?:any|a|another)\s+(?:further\s+|more\s+|small\s+|slight\s+)?(?:drop|fall|decline|decrease|rise|increase)\s+(?:would\s+|will\s+)?(?:makes?|take|takes|puts?|push(?:es)?|tips?)\s+(?:it|him|her|them|the\s+(?:count|patient))\s+(?:in(?:to)?\s+|to\s+)?(?:a\s+|an\s+)?(?:CTCAE\s+)?$"
                               # "If platelets drop below 50 she will have grade 3 thrombocytopenia": what a supposed drop would give
                               r"|\bif\b(?:[^.;!?\n]|(?<=\d)\.(?=\d)){0,60}?\b(?:she|he|they|it|the\s+patient)\s*(?:will|would|['’]ll|['’]d|could|might)\s+(?:then\s+)?(?:have|be|develop|get|reach)\s+(?:a\s+|an\s+)?(?:CTCAE\s+)?$")
LATER_NONE_BEFORE_RE = re.compile(r"(?i)\bno\s+(?:further|more|new|subsequent|additional|recurrent|other)\s+(?:episodes?\s+of\s+)?$")
NOT_YET_HINT_RE = re.compile(r"before|until|till|unless|once|make|would|will|could|might|to reach|to get|to qualify")  # a cheap test before NOT_YET_BEFORE_RE
# ... and so is a grade said to mean a band of values: "grade 3 thrombocytopenia (under v5.0) means a count from 25 up to 50",
# "grade 2 neutropenia is defined as an ANC of 1.0 to <1.5".
DEFINITION_AFTER_RE = re.compile(r"(?i)\s*(?:\(?(?:under|per|in|by)\s+(?:CTCAE\s+)?v(?:ersion)?\s?[56](?:\.0)?\)?\s*)?,?\s*(?:means|is\s+defined\s+as|refers\s+to|"
                                 r"corresponds\s+to|covers|spans|is\s+(?:any|a|an)\s+(?:count|value|level|result)\s+(?:from|between|below|under|of))\s+"
                                 r"(?:(?:an?|the|any)\s+)?(?:[\w-]+\s+){0,2}?(?:from|between|below|under|less\s+than|<|\d[\d.,]*\s*(?:[^\s\d]\S*\s+)?(?:to|-|–|up\s+to))")
DEFINITION_SUBJECT_RE = re.compile(rf"(?i){DEFINITION_SUBJECT}(?:at\s+or\s+)?$")
THRESHOLD_BEFORE_RE = re.compile(r"(?i)(?:\b(?:defines?|defining|for|of|to|into|from|de|di|du|del|da|do|van|von)\s+(?:a\s+|the\s+)?|\bthe\s+)$")
# ... with its condition between: "que marca la anemia grado 2", "that defines the neutropenia of grade 2" (tried where one of its verbs is)
THRESHOLD_MARKS_BEFORE_RE = re.compile(r"(?i)\b(?:marca|marque|markiert|defines?|d[ée]finit|definisce|define)\s+(?:(?:la|el|le|il|die|de|the|a|an|una?|l['’])\s*)?"
                                       r"[^\W\d_]+\s+(?:(?:de|of|di)\s+)?$")


# What each kind of finding is called where people read it (the UI, the evaluation report).
FINDING_KIND_NAMES = {"grade_mismatch": "wrong grade", "false_comparison": "false comparison", "ungradable_term": "no such CTCAE term"}


@dataclass(slots=True)
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


@dataclass(slots=True)
class Claim:
    grades: set[int]
    label: str
    span: tuple[int, int]
    term_analyte: str | None
    negated: bool = False  # "not grade 3": the claim is that the grade is not in `grades`
    term_end: int | None = None  # where the term ends when it stands before the claim ("neutropenia is grade 2")
    bare: bool = False  # nothing follows the grade in its clause ("...; grade 4.")
    own: Mention | None = None  # a value in brackets right after the condition ("grade 3 thrombocytopenia (nadir 38)")
    correcting: bool = False  # said as a correction of another claim ("but that's an error — 0.7 is grade 3")
    recorded: bool = False  # a record's grade the text reports ("was entered as a grade 4 event"), perhaps to regrade it
    at_worst: bool = False  # said of the event's worst value ("grade 3 at its nadir"): judged against the episode's lowest
    of_episode: bool = False  # said of the whole episode ("grade 3 neutropenia, resolving"): judged against its lowest value, or its one
    at_time: tuple[int, int] | None = None  # where it names another time ("grade 3 at admission"): judged on that time's value, if told


def _in_brackets(text: str, position: int) -> bool:
    """Whether a bracket opened within the 40 characters before `position` is still open there: "Hb 12.4 g/dL (male; LLN 13.5)"
    (a semicolon inside it breaks no clause)."""
    opened = text.rfind("(", max(0, position - 40), position)
    return opened >= 0 and text.find(")", opened, position) < 0


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; decimals such as 2.7 and abbreviations such as "i.e." do not end a sentence."""
    spans = []
    masked = ABBREVIATION_RE.sub("_", text)
    if ".." in masked:  # dot leaders before a value ("WBC ...... 2.1") do not end a sentence
        masked = DOT_LEADER_RE.sub(lambda m: "_" * len(m.group(0)), masked)
    for match in SENTENCE_RE.finditer(masked):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            spans.append((start, end))
    return spans


class _TextMatches:
    """A pattern's matches in a whole text, found once, of which each sentence takes its own by bisection: the same as
    pattern.finditer(text, start, end) for a pattern whose matches never end on the [.!?] or the line end that ends a
    sentence and whose lookaheads see no further past it than the whitespace after it (GRADE_CLAIM_RE,
    UNIT_VALUE_HINT_RE). A sentence that a match runs into or out of is scanned alone."""

    def __init__(self, pattern: re.Pattern, text: str, matches: list[re.Match]):
        self.pattern, self.text, self.matches = pattern, text, matches
        self.starts = [m.start() for m in matches]

    def in_sentence(self, start: int, end: int) -> list[re.Match]:
        matches = self.matches
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if first > 0 and matches[first - 1].end() > start or last > first and matches[last - 1].end() > end:
            return list(self.pattern.finditer(self.text, start, end))
        return matches[first:last]


def _grade_number(token: str) -> int:
    return ROMAN[token.lower()] if token.lower() in ROMAN else int(token)


def _claim_set(match: re.Match) -> tuple[set[int], str]:
    token, op, second, plus = match.group("g", "op", "g2", "plus")
    low = int(token) if token.isdigit() else ROMAN[token.lower()]
    if op is None and second is None and plus is None:
        return {low}, token if token.isdigit() else str(low)
    if second:
        high = _grade_number(second)
        return set(range(min(low, high), max(low, high) + 1)), f"{low}-{high}"
    if plus or op in (">=", "≥"):
        return set(range(low, 6)), f"≥{low}"
    if op == ">":
        return set(range(low + 1, 6)), f">{low}"
    if op in ("<=", "≤"):
        return set(range(0, low + 1)), f"≤{low}"
    if op == "<":
        return set(range(0, low)), f"<{low}"
    return {low}, str(low)


# A bracket opened right before a claim, at most with a word for all the values ("no toxicity (all grade 0)").
DENIAL_GRADE_BRACKET_RE = re.compile(r"(?i)\(\s*(?:(?:all|both|each|everything|i\.\s?e\.,?|ie|=)\s*)?$")


def _bracket_of_its_own(before: str, denial: int, term: str | None) -> bool:
    """Whether a claim opens a bracket of its own after a denial (at `denial`) of something else: "so no blood today (grade 2
    anaemia)" denies the blood, and the bracket claims its own grade, with its own condition (`term`)."""
    bracket = before.rfind("(")
    # "Keine Neutropenie Grad 2 oder höher (Grad 1 bei …)": the denial is the claim's before the bracket, not the bracket's
    # ... and "no neutropenia under v6.0 (grade 1 under v5.0)": a denial under a version named before the bracket is that version's
    # ... as "no longer graded (v5.0 grade 1)" does: the bracket names the version of its own grade
    return bracket > denial and (term is not None and not TERM_RE.search(before, denial, bracket)
                                 or GRADE_CLAIM_RE.search(before, denial, bracket) is not None
                                 or VERSION_NAMED_RE.search(before, denial) is not None)


VALUE_IN_HEAD_RE = re.compile(r"(?i)\d[.,]\d|\d\s*(?:x\s*10|×\s*10|g/dl|g/l|/[µu]l|k/[µu]l|/nl|mmol)")
# A head that names the episode, then a colon before its grade: "Neutropenia this cycle, resolved (D8 1.4, …): grade 2".
# A condition's bracket of values right before a claim: "Thrombocytopenia (nadir 17 on day 4, 109 at discharge), grade 3".
# (its qualifiers: "Anémie hémolytique auto-immune (…)"; after the treatment or the cycle it came on: "Anémie sous nivolumab (…)",
# "Neutropenia C2 (…)")
CONDITION_BRACKET_BEFORE_RE = re.compile(r"(?i)(?:p(?:[ée]|ae)ni[ae]?|an(?:a?[ée]|ä)mi[ae]?)" + CONDITION_QUALIFIERS
                                         + r"(?:\s+(?:on|under|sous|sotto|bajo|unter|onder|com|sob|con|mit|during|in|im|au|nel)\s+[\w/+-]+|\s+C\d{1,2}"
                                         r"|\s+(?:secondary|due|related|attributed)\s+to\s+[\w/+-]+|\s+(?:caused|induced)\s+by\s+[\w/+-]+)?"
                                         r"\s*\([^()]*\d[^()]*[,;][^()]*\d[^()]*\)\s*[,:—–-]?\s*(?:(?:of|de|di|del|von|van|do|da)\s+)?$")
EPISODE_HEAD_RE = re.compile(r"(?i)\b(?:resolv\w*|recover\w*|erholt|r[ée]cup[ée]r\w*|r[ée]solu\w*|resuelt\w*|recuperad\w*|risolt\w*|hersteld|opgelost|this\s+cycle|episode)\b(?:[^.;\n]|(?<=\d)\.(?=\d)|(?<=[\d ]);(?=\s*\w)){0,80}(?::|\)\s*(?:[—–-]|,\s*(?:(?:of|de|di|del|von|van|do|da)\s+)?))\s*$")  # (… "(D8 1.1, …) — grade 4", "…), di grado 3")
# The worst value as the subject of a claim: "the nadir was grade 3", "its lowest count reached grade 4", "worst value: grade 2".
WORST_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:the|its|her|his|their)\s+(?:nadir|lowest|worst)(?:\s+(?:count|value|level|point|reading|result))?"
                                     r"(?:\s*\([^()\n]{1,20}\))?\s+(?:was|is|were|reached|hit|corresponded\s+to|represented)\s+(?:a\s+|an\s+)?(?:ctcae\s+)?$")
WORST_HEAD_RE = re.compile(r"(?i)\b(?:worst|nadir|lowest)\b(?:[^.;\n]|(?<=\d)\.(?=\d)){0,120}:\s*$")  # a head that says the grade after it is the worst's
def _quote_end(text: str, position: int, end: int) -> int:
    """Where the quotation that holds `position` closes, before `end` (`end` when it does not)."""
    closes = [at for at in (text.find('"', position, end), text.find("”", position, end), text.find("'", position, end), text.find("’", position, end))
              if at >= 0 and (text[at] in '"”' or text[at + 1:at + 2] in ("", " ", ",", ".", ";", ":", "—", "–", "-", ")"))]  # a single quote closes before a space
    return min(closes) + 1 if closes else end


DENIAL_SPENT_RE = re.compile(r"→|->|=>|⇒|\s[-–—]\s")  # an arrow or a spaced dash after a denial leads to what follows from it, not to what it denies
CORRECTION_FOLLOWS_RE = re.compile(r"(?i)[\s\"”'–—-]*(?:(?:in|on|at|from)\s+[^.;:\"”–—]{1,40}?[\s–—-]+)?"  # '… "…" in the overnight note — that needs correcting'
                                   r"(?:(?:(?:that|this|it)(?:\s+one)?\s+)?(?:needs?\s+correct\w*|is\s+(?:not\s+(?:quite\s+)?right|wrong|incorrect))|(?:actually|in\s+fact)\b|"
                                   r"(?<=[—–-]\s)(?:incorrect|wrong|erroneous)\b|"  # "… — incorrect; 1.1 is grade 2"
                                   # ... in the other languages read: "— da correggere:", "à corriger", "a corregir", "zu korrigieren", "errado"
                                   r"da\s+correggere|à\s+corriger|a\s+corregir|hay\s+que\s+corregir|a\s+corrigir|zu\s+korrigieren|moet\s+gecorrigeerd|"
                                   r"(?:è|es|est|é|ist|is)\s+(?:sbagliato|errato|incorrecto|erróneo|faux|incorrect|errado|incorreto|falsch|fout)\b|"
                                   r"(?:that['’]s|it['’]s)\s+(?:not\s+(?:quite\s+)?right|wrong|incorrect)|"
                                   # the grade said again after "but": "… says 'platelets 44, grade 2', but 44 is grade 3"
                                   r"(?:,?\s*(?:but|whereas|however,?)\s+(?:(?:the\s+)?(?:value|count|it|that|this|\d+(?:[.,]\d+)?)\s+)?|"
                                   r"\s*[;.]\s*(?:(?:it|that|this|the\s+(?:value|count)|\d+(?:[.,]\d+)?)\s+))(?:is|was|are)\s+(?:actually\s+|really\s+|only\s+)?"
                                   r"(?:(?:CTCAE\s+)?(?:grade|gr\.?)\s*[0-5]))")
THAT_VERSION_RE = re.compile(r"(?i)\b(?:(?:with|under|in|by|per|using)\s+(?:that|this|the\s+(?:newer|older|new|old|latter|former))\s+version|"
                             r"con\s+(?:esa|esta)\s+versi[óo]n|en\s+(?:esa|esta)\s+versi[óo]n|(?:avec|selon|dans)\s+cette\s+version|"
                             r"(?:mit|nach|in)\s+dieser\s+Version|(?:con|secondo|in)\s+questa\s+versione|(?:com|nessa|nesta)\s+(?:essa\s+|esta\s+)?vers[ãa]o|"
                             r"(?:met|volgens|in)\s+(?:die|deze)\s+versie)\b")
REPORTING_BEFORE_QUOTE_RE = re.compile(r"(?i)\b(?:wrote|write|writes|said|say|says|asked|ask|asks|told|tells|typed|messaged|question|message|"
                                       r"(?:ha|hat|a|heeft|há|tem)\s+(?:scritto|geschrieben|écrit|geschreven|escrito)|escribió|escreveu|schrieb|schreef|"
                                       r"summari[sz]ed|stated|states|noted|notes|documented|documents|reported|reports|commented|remarked|records|recorded|reads|"
                                       r"presented|presents|claimed|claims|suggested|proposed|argued|concluded|announced|described|describes)"
                                       # ... with what was described before "as": "summarised the case as '…'", "presented pt 14 (RCC) as '…'"
                                       r"(?:\s+(?:the\s+(?:case|patient|pt|findings?|labs?|counts?)|it|him|her|them|this|(?:pt|patient)\s+\d+)(?:\s*\([^()\n]{0,40}\))?\s+as)?"
                                       r"\s*:?\s*$")
SINGLE_QUOTE_OPEN_RE = re.compile(r"(?<=[\s:])['‘](?=\S)")  # a quotation in single quotes opens after a space or a colon ...
SINGLE_QUOTE_CLOSE_RE = re.compile(r"(?<=\S)['’](?=[\s.,;:)!?]|$)")  # ... and closes before one (not "Dr P's")


SAID_BEFORE_CLAIM_RE = re.compile(r"(?i)\b(?:says|said|states|stated|wrote|writes|calls|called|labels|labell?ed|documents|documented|lists|listed)\b(?:[^.;!?\n]|(?<=\d)\.(?=\d)){0,60}$")  # a verb of another's words before a claim
SAID_HINT_RE = re.compile("says|said|wrote|state|call|label|document|list")  # SAID_BEFORE_CLAIM_RE's verbs, a cheap test first
GRADE_AFTER = r"(?:CTCAE[ \t]+)?(?:grade|grado|grad|gr\.?|G)[ \t]*[0-5]\b"  # a grade said after a claim, read as another
ANOTHER_GRADE_AFTER_RE = re.compile(r"(?i)[ \t]+" + GRADE_AFTER)
# ... or a count of events of another grade after it: "three grade 1, one grade 2 and one grade 4 event"
COUNTED_GRADE_AFTER_RE = re.compile(r"(?i)(?:[ \t]*,|[ \t]+(?:and|or))[ \t]+(?:one|two|three|four|five|six|\d+)[ \t]+" + GRADE_AFTER)


DIGIT_RE = re.compile(r"\d")
# What stands between a count named with no value and the grade claimed of it: "the ALT is grade 1", "ALT: G1", "AST was a grade 2".
SUBJECT_IS_RE = re.compile(r"(?i)[ \t]*(?:(?:is|was|remains|now)[ \t]+)*(?:(?:a|an|at|still|only)[ \t]+)?(?::[ \t]*)?")


def _name_the_subjects(text: str, claims: list[Claim]) -> None:
    """Give a claim with no condition named the analyte named right before it as its subject, with no value between ("ANC 1.3
    is above the 1.5 threshold and the ALT is grade 1": the ALT's grade, judged on the ALT told before)."""
    for claim in claims:
        if claim.term_analyte is not None:
            continue
        window = text[max(0, claim.span[0] - 24):claim.span[0]]
        digit = LAST_DIGIT_RE.search(window)  # no number may stand between the name and the claim: look after the last
        start = claim.span[0] - len(window) + (digit.end() if digit else 0)
        if claim.span[0] - start < 4:
            continue
        names = list(ANALYTE_RE.finditer(text, start, claim.span[0]))
        named = names[-1] if names else None  # the last name before the claim
        if named is not None and SUBJECT_IS_RE.fullmatch(text, named.end(), claim.span[0]):
            claim.term_analyte = named.lastgroup


def _replied_values(text: str, mentions: list[Mention]) -> list[Mention]:
    """The values of the message a reply quotes below it, when the reply above gives none of its own and the quoted message
    gives values of one count (see _check_written); none otherwise."""
    quoted_line = QUOTED_LINE_RE.search(text)
    if quoted_line is None or not text[:quoted_line.start()].strip():
        return []
    values = [m for m in mentions if not m.is_threshold and m.value is not None]
    if any(m.span[0] < quoted_line.start() for m in values):
        return []
    quoted = [m for m in values if m.span[0] >= quoted_line.start()]
    return quoted[-1:] if quoted and len({m.analyte for m in quoted}) == 1 else []


def _regraded_in_reply(text: str, finding: Finding) -> bool:
    """Whether the reply, outside the quoted lines, says the finding's number again with a grade ("Not quite — 44 is grade 3")."""
    number = f"{finding.value:g}"
    restated = re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d.,])[^.\n\d]{{0,12}}?(?:CTCAE\s+)?\b(?:grade|G)\s*[0-5]", re.IGNORECASE)
    return any(not _quoted(text, said.start()) for said in restated.finditer(text))


# A line of a chat that opens with its writer: "[09:13] Attending: …", "Resident: …", "Dr Okafor: …".
SPEAKER_LINE_RE = re.compile(r"(?m)^[ \t]*" + CHAT_STAMP + r"(?P<speaker>[A-Z][\w.'-]*(?:[ \t]+[\w.'-]+){0,2})[ \t]*:(?![\d/])")


def _answered_by_the_next_speaker(text: str, findings: list[Finding], judged: list[tuple[tuple[int, int], str, float]]) -> list[Finding]:
    """Drop a wrong claim of one writer of a chat when a later writer grades the same value rightly ("[09:12] Resident: Hb 7.6
    this am — G2 anemia, ok to hold off? / [09:13] Attending: Hb 7.6 is G3."): the thread answers it."""
    lines = [(m.start(), m.group("speaker").lower()) for m in SPEAKER_LINE_RE.finditer(text)]
    if len({speaker for _, speaker in lines}) < 2:
        return findings
    starts = [start for start, _ in lines]

    def speaker_at(position: int) -> str | None:
        index = bisect_right(starts, position) - 1
        return lines[index][1] if index >= 0 else None

    wrong = {tuple(f.span) for f in findings}
    kept = []
    for finding in findings:
        writer = speaker_at(finding.span[0])
        answered = writer is not None and any(span[0] > finding.span[0] and span not in wrong and (analyte, value) == (finding.analyte, finding.value)
                                              and speaker_at(span[0]) not in (None, writer) for span, analyte, value in judged)
        if not answered:
            kept.append(finding)
    return kept


def _quoted_from_another(text: str, start: int, position: int) -> bool:
    """Whether `position` lies inside a quotation, opened in its sentence after a verb of saying ('You wrote: "…', "Dr P
    summarised: '…"), whose words are someone else's."""
    return _quote_reported_by(text, start, position) is not None


def _said_by_a_third_party(text: str, start: int, verb: re.Match) -> bool:
    """Whether the verb of saying before a quotation (see _quote_reported_by) has a third party's record or words for its
    subject, not the reader's ("The outside oncologist's letter says 'ANC 0.7, grade 2 neutropenia'"): reported, not claimed."""
    return THIRD_PARTY_BEFORE_VERB_RE.search(text, max(start, verb.start() - 60), verb.start()) is not None


ENDORSED_AFTER_QUOTE_RE = re.compile(r"(?i)[\s.,;:\"”'’)–—-]*(?:I\s+|we\s+)?(?:agree|concur|endorse|confirm|correct\b|that['’]s\s+right)")
# A record or another clinician whose words a text reports.
THIRD_PARTY = r"(?:letter|note|report|summary|record|chart|referral|form|log|oncologist|physician|registrar|resident|fellow|consultant|gp|team|pharmacist|hospital)"
# A third party's written words reported, not quoted: "The outside oncologist writes that …", "the referral letter states that …".
RECORD_REPORTS_THAT_BEFORE_RE = re.compile(rf"(?i)\b{THIRD_PARTY}['’]?s?\s+(?:[^.;:!?\n\d]{{0,20}}\s)?"
                                           r"(?:writes|wrote|states|stated|documents|documented|records|recorded|reports|reported|notes|noted|lists|listed)"
                                           r"\s+that\b(?:[^.;!?\n]|\.(?=\d)){0,80}$")
# Who reports the words a quotation holds, when not the writer nor the reader: a record, another clinician, a third person.
# (a bracket and a name's initial between: "Referral letter from Dr M. (received 02/06) states: '…'")
THIRD_PARTY_BEFORE_VERB_RE = re.compile(rf"(?i)\b(?:{THIRD_PARTY}|nurse|he|she|they)['’]?s?\b(?:[^.;:!?\n\d()]|\([^()\n]{{0,30}}\)|(?<=[ .][A-Z])\.|(?<=Dr)\.){{0,30}}$")


def _quote_reported_by(text: str, start: int, position: int) -> re.Match | None:
    """The verb of saying before a quotation that `position` lies inside (see _quoted_from_another), or None."""
    base = max(start, position - 300)
    before = text[base:position]  # a bounded window: long text stays linear
    opening = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 == 1 else -1)
    if opening < 0 or "”" in before[opening:]:
        # (looked for one character further: a quote that opens right before `position` is followed by its first word)
        singles = list(SINGLE_QUOTE_OPEN_RE.finditer(text[max(start, position - 300):position + 1])) if "'" in before or "‘" in before else []
        if not singles or SINGLE_QUOTE_CLOSE_RE.search(before, singles[-1].end()):
            return None
        opening = singles[-1].start()
    return REPORTING_BEFORE_QUOTE_RE.search(text, base, base + opening)


def _restated_after_quote(text: str, s_start: int, claims: list, values: list, following: tuple[int, int], text_claims) -> bool:
    """Whether every claim of a sentence is inside another's quotation and the next sentence grades one of its values again
    ("Dr P summarised: 'platelets 60, grade 3, so ITP work-up'. The board noted that platelets of 60 are grade 2"): the quote
    is answered, not claimed."""
    if not values or not all(_quoted_from_another(text, s_start, claim.span[0]) for claim in claims) or not text_claims.in_sentence(*following):
        return False
    after = text[following[0]:following[1]]
    return any(re.search(rf"(?<![\d.,]){re.escape(text[v.number_span[0]:v.number_span[1]])}(?![\d]|[.,]\d)", after) for v in values)


def _claims(text: str, start: int, end: int, grade_claims: list[re.Match], text_terms: list[tuple[int, int, str]],
            text_term_starts: list[int], correction_hints: _WordIndex, respective: bool = False) -> list[Claim]:
    """The grade claims of text[start:end], whose GRADE_CLAIM_RE matches are `grade_claims`, read apart when the sentence
    pairs them with its values in order (`respective`, see _respective); `text_terms` (start, end,
    analyte) are the text's condition terms, found once for all its sentences, `text_term_starts` their starts, and
    `correction_hints` the text's CORRECTION_HINT_WORDS."""
    chunk = text[start:end]
    quoted = '"' in chunk or "“" in chunk or "'" in chunk or "‘" in chunk
    terms = text_terms[bisect_left(text_term_starts, start):bisect_left(text_term_starts, end)]
    term_starts = [t[0] for t in terms]
    febrile = [m.start() + start for m in FEBRILE_RE.finditer(chunk)] \
        if ("ebr" in chunk or "ébr" in chunk or "EBR" in chunk or "ÉBR" in chunk or "bbr" in chunk or "BBR" in chunk or "ever" in chunk or "EVER" in chunk
            or "FN" in chunk or "F&N" in chunk) and FEBRILE_HINT_RE.search(chunk) else []  # "febbrile", "neutropenic fever", "FN"
    events: list[tuple[int, int]] | None = None  # "fatigue", "colitis", …: found on the first claim that names no condition
    event_starts: list[int] = []
    claims = []
    # a 'respectively' list reads its claims apart
    matches = SEPARATE_CLAIMS_RE.finditer(text, start, end) if respective else grade_claims
    for match in matches:
        grades, label = _claim_set(match)
        claim_start, claim_end = match.span()
        before = text[max(start, claim_start - 60):claim_start]
        if "from" in before[-12:] and FROM_BEFORE_RE.search(before):
            # a change of grade: "improved from grade 3 to grade 1" claims 1 now; "from grade 2 on Monday" is another time
            if not match.group("g2") or not TO_RE.search(match.group(0), 0, match.start("g2") - match.start()):
                continue
            grades, label = {_grade_number(match.group("g2"))}, str(_grade_number(match.group("g2")))
            claim_start = text.rfind("grade", claim_start, match.start("g2")) if "grade" in text[claim_start + 5:match.start("g2")].lower() \
                else claim_start  # the claim is the grade it changed to ("from grade 4 to grade 2"), not a rule "from grade 4"
            claim_start = claim_start if claim_start >= 0 else match.start()
        if text[claim_end:claim_end + 1] == " " and ANOTHER_GRADE_AFTER_RE.match(text, claim_end) \
                or text[claim_end:claim_end + 1] in (" ", ",") and COUNTED_GRADE_AFTER_RE.match(text, claim_end):
            continue  # "mostly low grade: two grade 2 events and one grade 4": the count of the events, not a grade
        term = _nearest_term(terms, term_starts, claim_start, claim_end, text)
        if term is None and (is_in := text.rfind(" is in the ", max(start, claim_start - 12), claim_start)) >= 0 \
                and (subject := _subject_before(text, max(start, claim_start - 50), is_in + 4)) is not None and subject.lastgroup in CANONICAL_UNIT:
            term = subject.lastgroup  # "Your white cell count is in the grade 3 range, and your neutrophil count of 0.8 …": the white count's grade
        after_term = claim_end
        if term is not None:
            index = bisect_left(term_starts, claim_end)
            if index < len(terms) and _term_follows(text, claim_end, terms[index][0]):
                after_term = terms[index][1]
        after = text[after_term:min(end, after_term + 60)]
        if term is not None and after_term == claim_end and NON_LAB_AFTER_RE.match(text, claim_end, end):
            continue  # "Hb 11.0 (grade 1 anaemia) alongside grade 3 diarrhoea": the event after it is graded, not the count named before
        lowered_before, lowered_after = before.lower(), after.lower()
        # Cheap word tests first: the regular expressions below only run where they can match.
        if (THRESHOLD_HINT_RE.search(lowered_after) and THRESHOLD_AFTER_RE.match(after)
                or after_term != claim_end and (" for " in text[claim_end:claim_end + 30] or " of " in text[claim_end:claim_end + 30])
                and LINE_AFTER_RE.match(text, claim_end, end)) \
                and not OPEN_PAREN_RE.match(text, claim_end) and not MEETS_BEFORE_RE.search(before) \
                or (NAMED_THRESHOLD_HINT_RE.search(lowered_before) and (THRESHOLD_BEFORE_RE.search(before[-25:])
                                                                         or ("marc" in lowered_before or "defin" in lowered_before or "éfin" in lowered_before
                                                                             or "markiert" in lowered_before) and THRESHOLD_MARKS_BEFORE_RE.search(before[-40:]))
                    and THRESHOLD_NAMED_BEFORE_RE.search(before)):
            continue  # "the grade 2 threshold of 1.5", "the cut-off that defines grade 2": not a claim about a value
        tail = lowered_before[-32:]  # the preposition the owner needs, perhaps with a condition after it ("de la anemia")
        if (" of " in tail or " for " in tail or " de" in tail or " du " in tail or " di " in tail or " van " in tail
                or " da " in tail or " do " in tail) and OWNER_HINT_RE.search(lowered_before[-60:]):
            owner = OWNER_BEFORE_RE.search(before)
            if owner and owner.group("prep").lower() not in CLAIMING_PREPOSITIONS:
                continue  # "more than the 10.0 g/dL upper edge of grade 2": the grade owns the threshold
        if DEFINITION_HINT_RE.search(lowered_before) and DEFINITION_BEFORE_RE.search(before) \
                or "thing" in lowered_before and BEYOND_DEFINITION_BEFORE_RE.search(before):
            continue  # "anything below 8.0 is grade 3", "anything lower would be grade 2": a definition
        if ("mean" in lowered_after or "defin" in lowered_after or "refer" in lowered_after or "corresp" in lowered_after or "cover" in lowered_after
                or "span" in lowered_after or "is a" in lowered_after) and DEFINITION_AFTER_RE.match(after):
            continue  # "grade 3 thrombocytopenia means a count from 25 up to 50": a definition
        words_after = lowered_after[:16]  # the words right after the claim and its condition, for the cheap tests below
        if ("arm" in words_after or "pathway" in words_after or "branch" in words_after) and ARM_AFTER_RE.match(after):
            continue  # "the ITP algorithm's G3 arm doesn't apply": a part of a guideline named by its grade
        if " to " in lowered_before[-14:] and RESOLVED_TO_BEFORE_RE.search(before[-40:]) and TIME_ORDINAL_RE.search(text, claim_end, end) \
                and not DIGIT_RE.search(TIME_ORDINAL_RE.sub(" ", text[claim_end:end])):
            continue  # "Grade 3 thrombocytopenia (platelets 24), which resolved to Grade 1 by Day 29": the grade of a later time, no value
        if after_term != claim_end and ("ally" in words_after or "often" in words_after or "always" in words_after) and USUALLY_AFTER_RE.match(after):
            continue  # "Grade 3 anemia usually needs a transfusion; her Hb is 9.1": what a grade calls for, in general
        if "no " in lowered_before[-24:] and LATER_NONE_BEFORE_RE.search(before[-30:]):
            continue  # "After cycle 1 (ANC 0.8, grade 3), no further grade 3 neutropenia occurred": later events, none of them a value's
        if NOT_YET_HINT_RE.search(lowered_before) and NOT_YET_BEFORE_RE.search(before):
            continue  # "it has to drop below 50 before it becomes grade 3", "would take him into grade 3": a grade not reached
        if ("patients" in lowered_before or "cases" in lowered_before or "remaining" in lowered_before or "other" in lowered_before
                or ("nessun" in lowered_before or "ning" in lowered_before or "aucun" in lowered_before or "kein" in lowered_before
                    or "geen" in lowered_before or "nenhum" in lowered_before)
                or " had " in lowered_before or "subjects" in lowered_before or "cohort" in lowered_before or " arm" in lowered_before
                or "group" in lowered_before) \
                and COHORT_RE.search(before) \
                or ("in " in (window := text[claim_end:min(end, claim_end + 60)]) or "%" in window or "common" in window or "rare" in window
                    or "frequent" in window) and COHORT_AFTER_RE.match(window) \
                or ("event" in window[:24] or "episode" in window[:24]) and COUNTED_EVENTS_AFTER_RE.match(window) and COUNT_BEFORE_RE.search(before):
            # ... or a count of events: "three grade 1 events and one grade 3 event (ANC 0.3)"
            # a statistic about a cohort, judged only on the values it lists: "Grade 3–4 neutropenia in 2 patients (ANC
            # nadirs 1.2 and 0.3)" claims grade 3 or 4 for each
            # ("… and one had grade 4 (nadir 0.7)": a grade with no condition of its own keeps the one of the claim before it)
            cohort_term = term or (claims[-1].term_analyte if claims else None) \
                or next((analyte for _, term_end, analyte in reversed(terms) if term_end <= claim_start), None)  # "Thrombocytopenia occurred in …: … one grade 4 (nadir 33)"
            claims += [Claim(grades, label, (claim_start, claim_end), cohort_term, own=value)
                       for value in _cohort_values(text, claim_end, end, cohort_term)]
            continue
        if term in ("anc", None) and febrile and (abs((fever_at := febrile[min(bisect_left(febrile, claim_end), len(febrile) - 1)]) - claim_end) <= 3
                                                  and "+" not in text[claim_end:fever_at]  # ("Neutropenia gr 3 + FN": two events)
                                                  or FEBRILE_BEFORE_RE.search(before)):  # (… "(ANC 0.3, 39.1 °C), grade 3": after its bracket)
            term = "fn"  # "grade 3 febrile neutropenia", "febrile neutropenia (grade 3)": a clinical grade, not an ANC grade
        if term is None and events is None:
            # ... but not an event denied ("no bleeding — grade 4 under v5.0": the grade is the count's)
            events = [(m.start() + start, m.end() + start) for m in NON_LAB_TERM_RE.finditer(chunk)
                      if not (DENIED_EVENT_BEFORE_RE.search(chunk, max(0, m.start() - 12), m.start()) and EVENT_CLOSED_RE.match(chunk, m.end()))]
            event_starts = [e[0] for e in events]
        if term is None and events and _near_event(events, event_starts, claim_start, claim_end) \
                and (NON_LAB_AFTER_RE.match(text, claim_end, end) and not (text.startswith(")", claim_end) and VALUE_BRACKET_BEFORE_RE.search(before[-40:]))
                     or NON_LAB_BEFORE_RE.search(before[-30:])):
            continue  # "grade 2 fatigue", "fatigue gr 2": the grade of an event graded without a blood count
        if ("range" in lowered_after[:12] or "band" in lowered_after[:12] or "zone" in lowered_after[:12]) and OUTSIDE_BEFORE_RE.search(before[-20:]):
            continue  # "62 is above the grade 3 range": a comparison with a band, not a claim of its grade
        near_before = lowered_before[-22:]
        if ("until" in lowered_before or "unless" in lowered_before or "once" in lowered_before or "till" in lowered_before) \
                and UNTIL_BEFORE_RE.search(before[-25:]):
            continue  # "hold until ≤ grade 1": a goal, not a claim
        if ("for " in near_before or " in " in near_before) and INDICATED_FOR_BEFORE_RE.search(before[-70:]):
            continue  # "G-CSF is not routinely indicated for afebrile grade 2 neutropenia": what a grade calls for, not a claim
        if SAID_HINT_RE.search(lowered_before) \
                and SAID_BEFORE_CLAIM_RE.search(before) and CORRECTION_FOLLOWS_RE.match(text, after_term):
            continue  # "Previous note says ANC 1.1 is grade 3 — incorrect; 1.1 is grade 2": another's claim, answered
        reported_by = _quote_reported_by(text, start, claim_start) if quoted else None  # the verb of saying before the claim's quotation
        if reported_by is not None \
                and (DENIED_START_RE.match(text, end) or CORRECTION_FOLLOWS_RE.match(text, end) or CORRECTION_FOLLOWS_RE.match(text, _quote_end(text, claim_end, end))):
            continue  # 'You wrote: "platelets 45, that's grade 2, right?" That one needs correcting': another's words, answered
        if reported_by is not None and _said_by_a_third_party(text, start, reported_by) \
                and not ENDORSED_AFTER_QUOTE_RE.match(text, _quote_end(text, claim_end, min(len(text), claim_end + 200))):
            # "The outside hospital letter states: 'Hb 8.4 g/dL, grade 3 anaemia'": a record's words, reported (but "Intern note
            # says "WBC 1.8 = grade 2 leukopenia". Agree with grade 2": endorsed, the writer's own)
            continue
        if "that" in lowered_before and RECORD_REPORTS_THAT_BEFORE_RE.search(before[-140:]):
            continue  # "The outside oncologist writes that an ANC of 0.7 is grade 4 neutropenia": a record's words, reported
        if "(" in near_before and EARLIER_IN_BRACKET_RE.search(near_before):
            continue  # "grade 2 thrombocytopenia today (was grade 1 on 08/09)": the grade of an earlier value, said aside
        if (" at " in near_before[-12:] + " " or " for " in near_before[-12:] + " ") and ACTION_AT_BEFORE_RE.search(before):
            continue  # "hold at G2", "stop the drug at grade 3": the grade a rule acts at
        if ("ly " in near_before or "ity " in near_before) and DISTRIBUTION_BEFORE_RE.search(near_before):
            continue  # "occurred in 14 patients (17%), mostly grade 1": how a cohort's events were spread, no value's grade
        if ("whether" in lowered_before or " if " in lowered_before) and INDIRECT_QUESTION_BEFORE_RE.search(before):
            continue  # "You asked whether your count of 76 means you have grade 2": a question reported, not a claim
        if BORDER_HINT_RE.search(near_before) and (BORDER_BEFORE_RE.search(before[-50:]) or WOULD_BE_BEFORE_RE.search(before[-60:])):
            continue  # "justo en el límite con el grado 2", "one point lower and it would be grade 2": the grade next door, not the value's
        if ("step" in near_before or "notch" in near_before or "level" in near_before) and STEP_FROM_BEFORE_RE.search(before) \
                or "not" in lowered_after[:24] and NOT_IN_IT_AFTER_RE.match(text, claim_end, end):
            continue  # "one step above grade 4", "at the edge of grade 2 but not in it": a neighbouring grade, not the value's
        negated = False
        bounded = False
        negation_hinted = NEGATION_HINT_RE.search(lowered_before) is not None
        if len(grades) == 1 and AT_BOUND_HINT_RE.search(lowered_before, max(0, len(lowered_before) - 40)):
            bound = AT_LEAST_BEFORE_RE.search(before)  # "at least grade 3", "at most grade 1": a range of grades
            if bound:
                low = min(grades)
                least = bound.group("least") is not None or (bound.group("en") or "").lower() == "least"
                grades, label = (set(range(low, 6)), f"≥{low}") if least else (set(range(0, low + 1)), f"≤{low}")
                bounded = True
        if len(grades) == 1 and THAN_HINT_RE.search(near_before):
            bound = THAN_BEFORE_RE.search(before)  # "not higher than grade 2", "no worse than grade 1", "less than grade 3", "beyond grade 2"
            if bound:
                grades, label = _than_grades(min(grades), bound.group("cmp").split()[0].lower() in HIGHER_WORDS, bound.group("neg") is not None)
                bounded = True
        if not bounded and len(grades) == 1 and negation_hinted and NONE_ABOVE_HINT_RE.search(near_before):
            bound = NONE_ABOVE_BEFORE_RE.search(before)  # "no anemia above grade 1": at most grade 1
            if bound:
                grades, label = _than_grades(min(grades), True, True)
                bounded = True
        if not bounded and "out of" in near_before and OUT_OF_BEFORE_RE.search(before):
            negated = True  # "he's out of grade 3 now": the claim is that it is not grade 3
        elif not bounded and ("nothing" in lowered_before or "none" in lowered_before) and NOTHING_BEFORE_RE.search(before):
            negated = True  # "Nothing here is grade 3 or worse": none of the values is
        elif not bounded and negation_hinted and not (grades == {0} and DENIAL_GRADE_BRACKET_RE.search(before)) \
                and not (before.rstrip().endswith("(") and VERSION_AFTER_CLAIM_RE.match(text, claim_end)):
            # ("not anaemia at all (grade 0)", "no toxicity (all grade 0)": the bracket names the grade the denial gives, not a denied one;
            # "under v6.0 this is no longer neutropenia (grade 1 under v5.0)": the bracket gives another version's grade)
            if BELOW_RE.search(before):
                grades, label, negated = set(range(min(grades), 6)), f"≥{min(grades)}" if len(grades) == 1 else label, True
            elif DENIAL_HINT_RE.search(lowered_before) and (denial := NEGATION_RE.search(before)) \
                    and not _bracket_of_its_own(before, denial.start(), term) and not DENIAL_SPENT_RE.search(before, denial.start()):
                negated = True  # (but "no bleeding → grade 3 thrombocytopenia": the denial is spent before the arrow)
        if not negated and not bounded and ("not" in lowered_after or "never" in lowered_after or "absent" in lowered_after) \
                and ABSENT_AFTER_RE.match(after):
            negated = True  # "grade 4 neutropenia (ANC <0.5) has not occurred": the claim is that it is not grade 4
        term_before = None
        if term and after_term == claim_end:
            index = bisect_left(term_starts, claim_start)
            term_before = next((e for _, e, a in reversed(terms[max(0, index - 3):index]) if e <= claim_start and a == term), None)
        bare = term is None and BARE_AFTER_RE.match(text, claim_end, end) is not None
        own = None
        # ... after the condition, or after the grade of a condition named before it ("and one had grade 3 (nadir 33)")
        bracket_at = after_term
        if term in CANONICAL_UNIT and "(" not in text[after_term:after_term + 3] and OTHER_TIME_HINT_RE.search(lowered_after, 0, 40):
            timed = OTHER_TIME_OWN_RE.match(text, after_term, end)
            bracket_at = timed.end() if timed else after_term
        if term in CANONICAL_UNIT and "(" in text[bracket_at:bracket_at + 3]:
            # after the time it names, a bracket's number is that time's value with no unit too: "at its nadir (0.8 on day 15)"
            bracket = OWN_VALUE_RE.match(text, bracket_at, end) or (TIMED_OWN_VALUE_RE.match(text, bracket_at, end) if bracket_at != after_term else None)
            if bracket and bracket.group("name") and ANALYTE_RE_FULL.match(bracket.group("name")).lastgroup != term:
                bracket = None  # "grade 3 neutropenia (WBC 1.1)": another analyte's value
            if bracket:
                own = _mention(term, text, bracket.start("num"), bracket.end(), bracket.group("num"), bool(bracket.group("kilo")),
                               bracket.group("unit"), None, bracket.span("num"), [parse_number(bracket.group("num"))])
        at_worst, at_time, of_episode = False, None, False
        if OTHER_TIME_HINT_RE.search(lowered_after, 0, 40) and (other_time := OTHER_TIME_AFTER_RE.match(text, after_term, end)):
            if not WORST_IN_CLAIM_RE.search(other_time.group(0)):
                if TIME_LABEL_RE.search(other_time.group(0)) is None:
                    continue  # "grade 4 two weeks ago, now grade 1": not a claim about the value at hand
                at_time = other_time.span()  # "grade 3 at admission": about the value told with that time, if the text gave one
            else:
                at_worst = True  # "grade 3 at its nadir": about the episode's worst value, if the text gave several
        elif ("discharge" in (head := lowered_after[:24]) or "d/c" in head or "follow" in head or "f/u" in head) \
                and (discharge := DISCHARGE_AFTER_RE.match(text, after_term, end)):
            at_time = discharge.span()  # "grade 3 on admission, grade 2 at discharge": the value told at discharge, if the text gave one
        elif ("resol" in lowered_after or "recover" in lowered_after or "transfus" in lowered_after or "cycle" in lowered_after
                       or "improv" in lowered_after or "downgrad" in lowered_after or "settl" in lowered_after or "came down" in lowered_after
                       or "episode" in lowered_after or "course" in lowered_after or "admission" in lowered_after) \
                and EPISODE_AFTER_RE.match(text, after_term, end):
            of_episode = True  # "grade 3 neutropenia, resolving", "grade 3 this cycle": the episode's grade is its worst value's
        if ")" in before[-9:] and not of_episode and CONDITION_BRACKET_BEFORE_RE.search(text, max(start, claim_start - 120), claim_start):
            of_episode = True  # "Anaemia (nadir 6.9, discharge 9.2 g/dL), grade 3": the condition's values, judged on the lowest
        if (":" in before[-4:] or ")" in before[-9:]) and not of_episode and EPISODE_HEAD_RE.search(text, max(start, claim_start - 120), claim_start):
            of_episode = True  # "Neutropenia this cycle, resolved (D8 1.4, D12 0.7, D15 2.1): grade 2": the episode's grade
        if not at_worst and ("adir" in (tail := lowered_before[-40:]) or "owest" in tail or "orst" in tail) and WORST_SUBJECT_BEFORE_RE.search(before[-40:]):
            at_worst = True  # "PLT 210 → nadir 31 → 150; the nadir was grade 3": the worst value is the claim's subject
        if ":" in before[-4:] and (head := WORST_HEAD_RE.search(text, max(start, claim_start - 160), claim_start)) \
                and not VALUE_IN_HEAD_RE.search(VERSION_NAMED_RE.sub("", text[start:claim_start])):
            # (not "At the C3 nadir, ANC 0.8 and platelets 60: …", "ANC 0.4 and platelets 30 at nadir: …": the values are the head's own)
            at_worst = True  # "Worst CTCAE v5.0 grade for the lab abnormality (anaemia, Hb nadir on 05-Mar): grade 2": the episode's lowest
            if term is None:
                named = {m.lastgroup for m in TERM_RE.finditer(text, head.start(), claim_start)} \
                    | {m.lastgroup for m in ANALYTE_RE.finditer(text, head.start(), claim_start)}
                term = named.pop() if len(named) == 1 else None  # the head names the count
        if DEFINED_HINT_RE.search(text, claim_end, claim_end + 18) and DEFINED_AFTER_RE.match(text, claim_end, end) \
                or after_term != claim_end and text.startswith((" is ", " = ", ": ", " means "), after_term) and DEFINED_AFTER_RE.match(text, after_term, end):
            continue  # "(G4 is <0.1)", "grade 2 neutropenia is 1.0 to <1.5": not a claim about the value at hand
        if _has_quoted_lines(text) and text.find("?", claim_end, min(end + 1, claim_end + 300)) < 0 and _quoted_in_reply(text, claim_start):
            continue  # "> plt 45 this morning, G2" under a reply: the message replied to, another's words quoted (a question quoted
            # is still asked, and the reply's "Yes, G3" makes it a claim)
        if text.find("?", claim_end, min(end + 2, claim_end + 48)) >= 0 and (ASKED_AFTER_RE.match(text, claim_end) or QUESTION_MARK_AFTER_RE.match(text, after_term)) \
                and (SAID_BY_ANOTHER_BEFORE_RE.search(before) or SAID_BY_ANOTHER_FOREIGN_BEFORE_RE.search(text, max(start, claim_start - 100), claim_start)):
            continue  # "The nurse said that's grade 1 neutropenia, is that right?": another's claim, asked about
        if (REPORTED_HINT_RE.search(lowered_before[-100:]) or ANYONE_HINT_RE.search(lowered_before)) and REPORTED_BEFORE_RE.search(before) \
                or REPORTED_HINT_RE.search(lowered_after, 0, 45) and REPORTED_AFTER_RE.match(text, after_term, end):
            continue  # "initially reported as grade 2", "graded 2 in error": someone else's claim, reported as such
        claims.append(Claim(grades, label, (claim_start, claim_end), term, negated, term_before, bare,
                            own if own is not None and own.value is not None else None,
                            correcting="to" in match.group(0) and CORRECTED_TO_RE.search(match.group(0)) is not None,
                            recorded=" as " in lowered_before[-16:] and RECORDED_AS_BEFORE_RE.search(before) is not None
                            or " call" in lowered_before and RECORD_CALLS_BEFORE_RE.search(before) is not None, at_worst=at_worst,
                            of_episode=of_episode, at_time=at_time))
    corrections = [m.start() + start for m in CORRECTION_RE.finditer(chunk)] if claims and correction_hints.within(start, end) else []
    if corrections and claims:
        # "graded 2; the correct grade is 3": the claims before the last correction are superseded by it
        last = corrections[-1]
        if any(c.span[0] >= last for c in claims):
            claims = [c for c in claims if c.span[0] >= last or c.negated]
            for claim in claims:
                claim.correcting = claim.span[0] >= last
    return claims


# A change to a grade told after the value of an earlier time: "(platelets 24), which resolved to Grade 1 by Day 29".
RESOLVED_TO_BEFORE_RE = re.compile(r"(?i)\b(?:resolv(?:ed|ing)|improv(?:ed|ing)|recover(?:ed|ing)|return(?:ed|ing)|settl(?:ed|ing)|came\s+down|went\s+down|fell|dropped|decreased)\s+"
                                   r"(?:back\s+)?to\s+(?:CTCAE\s+)?$")
TIME_ORDINAL_RE = re.compile(r"(?i)\b(?:study\s+)?(?:day|d|week|wk|cycle|c)\s*\d{1,3}\b")  # "by Day 29", "week 4": a time, no value
ARM_AFTER_RE = re.compile(r"(?i)\s*(?:arm|pathway|branch)\b")
# What a grade usually calls for, said right after its condition: "usually needs", "is typically treated".
USUALLY_AFTER_RE = re.compile(r"(?i)\s+(?:is\s+|are\s+)?(?:usually|typically|generally|normally|commonly|often|always)\b")
CORRECTED_TO_RE = re.compile(r"(?i)(?:corrected|changed|amended|revised|updated)\s+to")  # "the grade has been corrected to 3"
BOTH_BEFORE_RE = re.compile(r"(?i)\bboth\s+(?:are\s+|were\s+|at\s+|still\s+)?(?:CTCAE\s+)?$")
VALUE_AFTER_NAME_RE = re.compile(r"[ \t]*[:=]?[ \t]*\d")  # a name with its value after it names that value, not a grade's count
NOT_OF_GROUPS = r"(?!\s+(?:arms?|groups?|cohorts?|patients?|cycles?|versions?))"  # "for both arms" is no claim about the values before it
ALL_AFTER_RE = re.compile(r"(?i)\s+(?:across\s+the\s+board|for\s+(?:all|each)(?:\s+(?:three|four|of\s+them))?)\b" + NOT_OF_GROUPS)
BOTH_AFTER_RE = re.compile(r"(?i)\s+for\s+both\b" + NOT_OF_GROUPS)
FROM_BEFORE_RE = re.compile(r"(?i)\bfrom\s+(?:a\s+|CTCAE\s+)?$")
TO_RE = re.compile(r"\bto\b")
OUTSIDE_BEFORE_RE = re.compile(r"(?i)\b(?:above|below|under|over|beyond|outside|out\s+of)\s+(?:the\s+)?(?:CTCAE\s+)?$")
NOTHING_BEFORE_RE = re.compile(r"(?i)\b(?:nothing|none)(?:\s+(?:here|else|of\s+(?:these|them|this|it|the\s+\w+)))?\s+(?:is|are|was|were|reaches|reached|"
                               r"meets|met|had|has|have|developed|showed|experienced)\s+(?:(?:at|of|in|an?)\s+)?(?:CTCAE\s+)?$")  # "none had grade ≥3 events"
STEP_FROM_BEFORE_RE = re.compile(r"(?i)\b(?:one|a|two|1|2)\s+(?:step|notch|level)s?\s+(?:above|below|beyond|short\s+of|away\s+from|from)\s+(?:CTCAE\s+)?$")
NOT_IN_IT_AFTER_RE = re.compile(r"(?i)\s*,?\s*but\s+not\s+(?:in|within|inside)\s+(?:it|that|the\s+band)\b")
OUT_OF_BEFORE_RE = re.compile(r"(?i)(?<!\d)(?<!\d\s)\bout\s+of\s+(?:the\s+)?(?:CTCAE\s+)?$")
ACTION_AT_BEFORE_RE = re.compile(r"(?i)\b(?:hold(?:s|ing)?|held|withh[eo]ld\w*|stop(?:s|ped|ping)?|paus(?:e|es|ed|ing)|interrupt\w*|discontinu\w*|resum\w*|"
                                 r"restart\w*|delay\w*|skip(?:s|ped|ping)?|reduc\w*|transfus\w*|treat\w*)"
                                 r"\s+(?:\w+\s+){0,2}?(?:at|for)\s+(?:(?:a|an|the|any|CTCAE)\s+)?$")  # "nivolumab is paused for grade 3 or 4"
UNTIL_BEFORE_RE = re.compile(r"(?i)\b(?:until|till|unless|once)\s+(?:it\s+is\s+|back\s+to\s+|recovery\s+to\s+)?(?:[≤≥<>]=?\s*)?(?:CTCAE\s+)?$")
# A grade said of another time than the value's ("grade 4 at its nadir"), or defined by a threshold ("G4 is <0.1").
OTHER_TIME = (r",?\s*(?:at\s+(?:(?:its|the|her|his|their)\s+)?(?:[\w-]+\s+)?(?:nadir|lowest|worst|peak)|at\s+baseline|previously|"
              r"initially|earlier|(?:at|on|upon)\s+(?:the\s+time\s+of\s+)?(?:admission|presentation|diagnosis|arrival|onset)|"
              r"last\s+(?:week|cycle|time|month|night)|yesterday|the\s+day\s+before|"
              r"gestern|hier|ayer|ieri|gisteren|ontem|[àa]\s+l['’]entr[ée]e|au\s+diagnostic|al\s+ingreso|all['’]ingresso|"
              r"(?:bei|zur)\s+aufnahme|bij\s+opname|na\s+admiss[ãa]o)\b")
OTHER_TIME_AFTER_RE = re.compile(rf"(?i){OTHER_TIME}(?!\s*\((?!\s*(?:CTCAE\s*)?v(?:ersion)?\s*[56])[^()]*\d)")
# ... unless a bracket after the time gives the value of that time: "grade 4 thrombocytopenia at the day-10 nadir (platelets 19)"
OTHER_TIME_OWN_RE = re.compile(rf"(?i){OTHER_TIME}(?=\s*\()")
# A claim about the whole episode, said after its condition: "grade 3 neutropenia, resolving", "… this cycle, resolved".
EPISODE_AFTER_RE = re.compile(r"(?i)(?:[ \t]*\(?[ \t]*(?:(?:by|per|under|using)[ \t]+)?(?:CTCAE[ \t]*)?v(?:ersion)?[ \t]*[56](?:\.0)?[ \t]*\)?)?"  # "grade 2 by CTCAE v5.0, resolved"
                              r"(?:[ \t]+(?:secondary\s+to|due\s+to|related\s+to|attributed\s+to|caused\s+by|from)\b[^\d.;,\n]{0,40},)?"  # "… secondary to AIHA, transfused"
                              r"[ \t]*[,;:–—-]?[ \t]*(?:(?:during|in|over|for)\s+)?(?:(?:this|that|the)\s+(?:cycle|course|episode|admission)\b|"
                              r"(?:(?:now|since|fully|largely|which\s+(?:has\s+|is\s+)?)\s*)?(?:resolving|resolved|recovered|transfused|transfusée?s?|transfundid[oa]s?|trasfus[oa]|transfundiert)\b|"
                              r"(?:(?:one|two|three|\d+|several|multiple)\s+)?(?:platelet\s+|red[- ]cell\s+|blood\s+)?transfusions?\b|"  # "grade 3 - two platelet transfusions"
                              # "grade 3 anaemia secondary to AIHA, improved to grade 2 at discharge": the grade it changed from
                              r"(?:[^\d.;,\n]{0,50},[ \t]*)?(?:(?:and|then|later|since|subsequently|now)\s+)?(?:(?:has\s+)?(?:now\s+)?)?(?:improv(?:ed|ing)|recover(?:ed|ing)|downgraded|resolv(?:ed|ing)|"
                              r"settl(?:ed|ing)|came\s+down)\s+to\s+(?:CTCAE\s+)?(?:grade|gr\.?|G)\s*[0-4]\b)")
DISCHARGE_AFTER_RE = re.compile(r"(?i)[ \t]*(?:at|on|by)[ \t]+(?:the[ \t]+(?:time[ \t]+of[ \t]+)?)?(?:discharge|d/c|follow-?up|f/u)\b")  # ... or follow-up
OTHER_TIME_HINT_RE = re.compile(r"nadir|lowest|worst|peak|baseline|previous|initial|earlier|admission|presentation|diagnos|arrival|onset|last|"
                                r"yesterday|before|gestern|hier|ayer|ieri|gisteren|ontem|entr[ée]e|ingres|aufnahme|opname|admiss")
DEFINED_HINT_RE = re.compile(r"[<≤=]|(?=[lbusdo])(?:less|below|under|unter|sous|dessous|debajo|sotto|onder|abaixo)")
# ... or a band's edge named bare after its grade: "(grade 4 below 25)", "(grade 4 only under 0.2)"
DEFINED_AFTER_RE = re.compile(r"(?i)\s*(?:(?:is|=|means)\s*(?:(?:an?\s+)?(?:Hb|Hgb|ha?emoglobin|ANC|platelets?|plts?|WBC|ALC|neutrophils?|lymphocytes?)\s*(?:of\s+)?)?|(?:(?:only|just|erst|nur|seulement|solo|solamente|apenas|pas)\s+)?"
                              r"(?=[bu<≤]|sous|en\s+dessous|por\s+debajo|sotto|onder|abaixo)|"
                              # "Grad 4 wäre erst unter 0,1", "grade 4 would only be below 0.1", "le grade 4 serait sous 0,1"
                              r"(?:would\s+(?:only\s+)?be|w[äa]re|serait|ser[íi]a|sarebbe|zou(?:\s+pas)?(?:\s+zijn)?)\s+(?:(?:erst|only|seulement|"
                              r"solo|solamente|pas|just|nur)\s+)?(?:(?:at|bei|à|a|en|op)\s+)?)"
                              r"(?:[<>≤≥]|less\s+than|below|under|unter|sous|en\s+dessous\s+de|por\s+debajo\s+de|sotto|onder|abaixo\s+de)\s*(?![56]\.0\b)\d"
                              # "Grade 2 is 1.0 to <1.5": the band of the grade
                              r"|\s*(?:is|=|means|:)\s*\d[\d.,]*\s*(?:to|-|–)\s*(?:<|≤|under|below|less\s+than)\s*\d")
# Words that call the claim before them wrong: "That was wrong:", "but that's an error", "which is an over-call".
WRONG_CLAIM = (r"(?:(?:that|this|it|which)(?:'s|’s|\s+is|\s+was)|(?:that|this)\s+(?:grade|grading|claim))\s+(?:(?:simply|clearly|just)\s+)?"
               r"(?:wrong|incorrect|an?\s+(?:error|mistake|typo|over-?call|under-?call|overcall|undercall|misgrading|misclassification)|mistaken|"
               r"not\s+(?:right|correct))\b")
# "Correction:", "Correction to my earlier message:", "Erratum:"
CORRECTION_LABEL = r"(?:correction|erratum|amendment|correcci[óo]n|corre[çc][ãa]o|correzione|korrektur|correctie|rectificaci[óo]n)(?:\s+(?:to|of|for)\s+[^:\n]{0,40})?\s*:\s*"
CORRECTION_LABEL_RE = re.compile(r"(?i)[\s*>#-]*" + CORRECTION_LABEL)


def _past_correction_label(text: str, start: int) -> int:
    """Where a sentence's words start after a correction's label ("Correction to my earlier message: …" is of no other time)."""
    label = CORRECTION_LABEL_RE.match(text, start) if text[start:start + 1] in "CcEeAaRrKk*>#- " and \
        text[start:start + 40].lower().lstrip(" *>#-").startswith(("corr", "erra", "amen", "rect", "korr")) else None
    return label.end() if label else start


# A sentence that corrects the one before: "The correct grade is 3.", "It should have been grade 3.", "Correction: grade 3."
CORRECTION_START_RE = re.compile(r"(?i)(?:" + CORRECTION_LABEL + r"|(?:(?:by|per|under|in)\s+(?:CTCAE\s+)?v?[56](?:\.0)?,?\s+)?(?:the\s+)?(?:correct|true|actual|right|revised)\s+(?:CTCAE\s+)?grade\b|"
                                 r"(?:it|this|that|which)(?:'s|\s+is|\s+was)?\s+(?:should\s+(?:have\s+been|be|read)|actually|in\s+fact)\b|"
                                 r"(?:actually|in\s+fact)\s*,?\s+(?:it's|it\s+is|this\s+is|that's|that\s+is|the\s+grade)|"
                                 r"no\s*[,.;:!—–-]+\s*(?:[^!?\n]{0,40}?\s)?(?:grade|gr\.?|(?-i:G))\s*[0-5IV]|"
                                 # "anc 0.7 → g4. sorry, g3.": the claim before taken back
                                 r"(?:sorry|oops|no\s+wait|scratch\s+that|i\s+mean[t]?)\s*[,:;—–-]*\s*(?:it['’]s\s+|it\s+is\s+)?(?:grade|gr\.?|(?-i:[Gg]))\s*[0-5]\b|"
                                 # "Thanks — just to correct the above, 6.9 g/dL is grade 3": a reply correcting the message it quotes
                                 r"(?:we|i)\s+re-?graded\s+(?:it|this|that)\b|"  # "… was 'grade 4'. We re-graded it: it is grade 3"
                                 r"(?:(?:thanks|thank\s+you|ok|hi)\b[^.\n]{0,12}?[—–,-]\s*)?(?:just\s+)?to\s+correct\s+(?:the\s+above|that|this|the\s+(?:last|previous|earlier)\s+(?:message|note|entry))\b|"
                                 rf"{WRONG_CLAIM})")
SPEAKER_LABEL_RE = re.compile(r"(?i)" + CHAT_STAMP + r"[\w.]+(?:\s+[\w.]+)?(?:\s*\([^()\n]{1,40}\))?\s*:\s*")
# A question that asks about a grade ("Is that grade 2?", "Does a count of 50,000 count as grade 3?") claims nothing, unless
# the answer after it says yes; a question written as a hedge ("New plt 58 → G3 ITP?") still claims its grade.
INTERROGATIVE_START_RE = re.compile(r"(?i)(?:[^:?¿\n]{0,24}:\s*)?¿|(?:Q\s*\d*\s*[:.)]\s*)?(?:(?:so|and|but|ok|okay|hi|doctor|doc|quick\s+(?:question|q)(?:\s+for\s+[^:?\n]{1,30})?)\s*[,:—–-]?\s+)?"
                                    r"(?:is|are|was|were|does|do|did|would|could|should|can|"
                                    r"will|has|have|am|isn't|aren't|doesn't|don't|what|which|how|where|why|when|who)\b")
# ... or a question put after the value: "My ANC is 1.6 — do I have grade 2 neutropenia?"
INTERROGATIVE_CLAUSE_RE = re.compile(r"(?i)(?:[—–:;,]|\s-\s)\s*(?:so\s+|and\s+|but\s+)?(?:(?:is|are|was|were|does|do|did|would|could|should|can|will|am)\s+"
                                     r"(?:i|you|we|she|he|it|that|this|they|there|my|her|his|their|an?|the)\b|"
                                     # … and in the other languages read here: "– ist das schon Grad 3?", "est-ce", "¿es", "è già"
                                     r"(?:ist|sind|war)\s+(?:das|es|sie|er)\b|est-ce\b|¿|(?:is|zijn)\s+(?:dit|het|dat)\b|è\s+(?:già|questo|una?)\b|é\s+(?:isso|uma?)\b|"
                                     # a bare copula before the grade: "está em 10,8 g/dL, é grau 2?", "c'est grade 3 ?"
                                     r"(?:já\s+|ya\s+|déjà\s+)?(?:é|es|è|c['’]est|est)\s+(?:(?:un|una|uma|um)\s+)?(?=(?:grau|grado|grade)\b)|"
                                     # "siamo al grado 3?", "on est au grade 3 ?", "estamos en grado 3?", "sind wir bei Grad 3?"
                                     r"(?:siamo|on\s+est|sommes-nous|estamos|sind\s+wir|zijn\s+we)\s+(?:già\s+|déjà\s+|ya\s+|schon\s+|al|au|en|no|bei|op|a)?\s*(?:(?:un|una|uma|um|le|il|el|o)\s+)?(?=(?:grau|grado|grade|grad|graad)\b)|"
                                     # a choice between a grade and another: "plt 150 with lab lln 150 - G1 or normal?"
                                     r"(?=(?:CTCAE\s+)?(?:g|gr|grade|grado|grau|grad)\.?\s*\d\s+(?:or|ou|o|oder|of)\s+[^?.;]{1,30}\?)|"
                                     # "…, any grade 2?", "anything grade 3 here?": asks whether any value has the grade
                                     r"(?:any|anything|anyone|something)\s+(?=(?:[\w-]+\s+){0,2}?(?:CTCAE\s+)?(?:g|gr|grade)\.?\s*\d[^?.;]{0,20}\?))")
# ... or a question in quotes: 'message: "Is an ANC of 1.1 grade 3?"'.
QUOTED_QUESTION_RE = re.compile(r"(?i)[\"“„«]\s*(?=(?:is|are|was|were|does|do|did|would|could|should|can|will|what|which|how)\b[^\"”»]*\?)")
# A sentence that asks whether the one before it is right: "The nurse said it's grade 2. Is that right?"
CONFIRMING_QUESTION_RE = re.compile(r"(?i)\s*¿?\s*(?:(?:is|was)\s+(?:that|this|it|she|he)\s+(?:right|correct|true|accurate)|(?:right|correct|true)\s*|"
                                    # ... in the other languages read: "¿Es correcto?", "C'est juste ?", "Stimmt das?", "Klopt dat?"
                                    r"(?:es|est[áa])\s+(?:correcto|cierto|as[íi]|bien)|(?:c['’]est|est-ce)\s+(?:juste|correct|exact|vrai)|"
                                    r"[èe]\s+(?:corretto|giusto|vero)|stimmt\s+(?:das|es)|ist\s+das\s+(?:richtig|korrekt)|"
                                    r"(?:est[áa]|[ée])\s+(?:certo|correto|isso)|klopt\s+(?:dat|het)|is\s+dat\s+(?:juist|correct))\s*\?")
# ... or one that asks for agreement at its end: "that's grade 3 anaemia, isn't it?", "grade 2, right?".
TAG_QUESTION_RE = re.compile(r"(?i)(?:\b(?:isn't|aren't|wasn't|doesn't|don't|is|was)\s+(?:it|that|this|they|she|he)|,\s*(?:right|correct|no|yes|yeah)|"
                             r"(?<=[\w)])\s+(?:right|correct|yeah|yea|yep|ya|innit|eh))"  # "thats g3 yeah?"
                             r"\s*\?[\"'”*_ ]*$")


def _answer_start(text: str, spans: list[tuple[int, int]], number: int) -> int | None:
    """Where the answer to question sentence `number` starts: the next sentence that asks nothing, within two."""
    for start, end in spans[number + 1:number + 3]:
        if not text[start:end].rstrip("\"'”*_ ").endswith("?"):
            return start
    return None


def _question_start(text: str, start: int, end: int, sentence: str, answer: int | None) -> int | None:
    """Where the question of a sentence ending in '?' starts: the sentence's start, a clause that asks ("— do I have …"),
    or None when the question only follows the claims ("… said that's grade 3, is that bad?"). A claim that asks for
    agreement ("grade 1, right?"), or that a question only follows, still claims, unless the next sentence denies it
    ("Not quite — …")."""
    if INTERROGATIVE_START_RE.match(sentence.lstrip("#*>_ \t")):
        return start
    quoted = QUOTED_QUESTION_RE.search(text, start, end)
    if quoted:  # 'Patient portal message: "Is an ANC of 1.1 grade 3?"': a question quoted
        return quoted.start()
    denied = answer is not None and DENIED_START_RE.match(text, answer) is not None
    if TAG_QUESTION_RE.search(sentence):
        return start if denied else None
    clause = INTERROGATIVE_CLAUSE_RE.search(text, start, end)
    if clause:
        return clause.start()
    return start if denied else None  # "I read that's grade 1?" answered "Not quite — …": put forward to be checked, not claimed


# How an answer opens before its first word: a dash or a quote mark of a chat log, an "A:" or "A1." label.
# ... or a speaker's label: "Attending:", "Reply:", "A (Pharmacist, 08:52):"
ANSWER_LEAD = r"(?i)[\s—–*>-]*" + CHAT_STAMP + r"(?:A\s*\d*(?:\s*\([^()\n]{1,40}\))?\s*[:.)]\s*|[\w.]+(?:\s+[\w.]+)?(?:\s*\([^()\n]{1,40}\))?\s*:\s*)?"
DENIED_START_RE = re.compile(ANSWER_LEAD + r"(?:no\b(?=\s*[,.;:!—–-]|\s+(?:it|that|this|the|you|he|she|they|we)\b)|nope\b|not\s+(?:quite|really|so|exactly)\b|actually\b|incorrect\b|wrong\b)")
AFFIRMED_START_RE = re.compile(ANSWER_LEAD + r"(?:yes|yep|yeah|correct|right|exactly|indeed|that's\s+right|s[íì]|si(?=[,.!])|oui|ja|sim|esatto|exacto|exact|klopt|genau|correcto|corretto|certo)\b")
# Another's claim reported as such: "initially reported as grade 2", "was graded 2 in error", "mistakenly called grade 3".
REPORTED_HINT_RE = re.compile(r"initially|originally|previously|first|incorrect|erroneous|mistaken|wrong|falsely|error|mistake|mis")
SAID_BY_ANOTHER_BEFORE_RE = re.compile(r"(?i)\b(?:nurse|doctor|docs?|onc|dr\.?(?:\s+[A-Z]\w*)?|oncologist|physician|resident|pharmacist|gp|registrar|fellow|"
                                       r"attending|consultant|he|she|they|portal|app|report|printout|website|site|lab)\s+(?:said|says|told\s+(?:me|us|him|her)|thinks?|thought|"
                                       r"called\s+it|calls\s+it|wrote|shows?|showed|flags?|flagged|lists?|listed)\s+"
                                       r"(?:that\s+)?(?:(?:that|it|this)(?:['’]?s|\s+is|\s+was)\s+|(?:my|his|her|their|the)\s+(?:[^.?!\n]|\.\d){1,40}?\s+(?:is|are|was|were)\s+)?(?:an?\s+)?$|"
                                       # what the writer read or heard somewhere: "I read online that's grade 3 anemia??"
                                       r"\bi\s+(?:read|saw|heard)(?:\s+(?:online|somewhere|on\s+(?:the\s+)?[\w-]+|in\s+an?\s+[\w-]+))?\s+(?:that\s+)?"
                                       r"(?:(?:that|it|this)(?:['’]?s|\s+is|\s+was)\s+)?(?:an?\s+)?$")
# ... and in the other languages: "o médico disse que é anemia grau 2, está certo?", "el médico dijo que es grado 2, ¿es correcto?"
SAID_BY_ANOTHER_FOREIGN_BEFORE_RE = re.compile(
    r"(?i)\b(?:m[ée]dic[oa]|m[ée]decin|enfermeir[oa]|enfermer[oa]|infermier[ea]|infirmi[èe]re|[äa]rzt(?:in)?|dokter|huisarts|arts|"
    r"onc[óo]log[oa]|oncologista|oncologue|onkolog(?:e|in)|hematologista|hemat[óo]log[oa]|ematolog[oa]|h[ée]matologue)"
    r"(?:\s+(?:do|da|de|del|della|di|du|de\s+la|von|vom|van)\s+[\w-]+)?\s+"  # "o médico do plantão disse que …"
    r"(?:disse|dijo|ha\s+dicho|ha\s+detto|dice|diz|a\s+dit|dit|sagte|sagt|meinte|hat\s+gesagt|zei|zegt|heeft\s+gezegd|falou|afirmou)\s+"
    r"(?:(?:que|che|dass|dat)\s+|qu['’])?(?:(?:é|es|è|est|ist|is|era|war|was|c['’]est|het\s+is)\s+|"
    r"(?:mis|mes|meus|minhas|mijn|meine|i\s+miei|le\s+mie|la|el|le|il|a|o|die|der|de|het|mi|mon|ma|mio|mia|minha|meu|mein|"
    r"su|sua|seu|sa|son|suo|sein|seine|ihr|ihre|zijn|haar)\s+(?:[^.?!\n]|[.,]\d){1,40}?\s+(?:son|sont|s[ãa]o|sono|sind|zijn|es|est|é|è|ist|is)\s+)?"
    r"(?:(?:uma?|una?|une|eine?|een|un)\s+)?(?:[^\W\d]+\s+)?(?:(?:di|de|du|des|der|van)\s+)?$")  # "… una piastrinopenia di grado 1"
# "…, is that right?", "… true??" (not "… but I read that …?", nor "is that bad??", which asks what the grade means)
ASKED_AFTER_RE = re.compile(r"(?i)(?:(?!\b(?:but|however|though|although)\b)[^.?!\n]){0,45}?"
                            r"\b(?:right|correct|true|accurate|wrong|certo|correcto|corretto|correct[eo]?|vrai|juste|richtig|stimmt|klopt|verdad|vero|giusto|"
                            r"mesmo|cierto|verdade|waar)\b[^.?!\n]{0,15}\?")  # ("é isso mesmo?", "¿es cierto?", "is dat waar?")
QUESTION_MARK_AFTER_RE = re.compile(r"\s*\?")  # "… said that's grade 3 anemia??": the claim asked about, with nothing after it
ANYONE_HINT_RE = re.compile(r"someone|somebody|anyone|people|everyone")  # "Someone … writes grade 3", anywhere in the 60 characters before
REPORTED_BEFORE_RE = re.compile(r"(?i)\b(?:(?:initially|originally|previously|first|incorrectly|erroneously|mistakenly|wrongly|falsely)\s+"
                                r"(?:reported|graded|recorded|coded|documented|called|classed|classified|labell?ed|entered|listed|"
                                r"reports|grades|records|codes|documents|calls|classes|classifies|labels|lists)"
                                # "initially entered the platelet count of 45 as grade 2", "incorrectly calls Hb 9.5 grade 3" (the claim after it)
                                r"(?:\s+(?:[^.;!?\n]|\.(?=\d)){1,60}?(?:\s+as(?=\s)|(?<=\d)(?:\s*[^\s\d]*/[^\s\d]+)?(?=\s+$)))?|"
                                r"mis-?(?:graded|classified|coded|labell?ed)|"
                                # what anyone may write: "Someone gets an ANC of exactly 1.0 and writes grade 3"
                                r"\b(?:someone|somebody|anyone|people|everyone)\b(?:[^.;!?\n]|\.(?=\d)){0,60}?\b(?:writes?|wrote|calls?|called|labels?|labell?ed|"
                                r"codes?|coded|records?|recorded|puts?\s+down)(?:\s+(?:it|this|that))?)\s+(?:as\s+)?(?:an?\s+)?(?:CTCAE\s+)?$")
# A grade a record holds, which the text may go on to give its own grade for: "was entered as a grade 4 event",
# "had been coded as grade 2 in the CRF".
# A record's words that call a value by a grade: "The triage note calls an Hb of 9.1 g/dL grade 3 anaemia".
RECORD_CALLS_BEFORE_RE = re.compile(r"(?i)\b(?:note|letter|form|report|record|chart|entry|summary|referral)\s+(?:calls|called|labels|labell?ed)\s+"
                                    r"(?:[^.;!?\n]|\.(?=\d)){0,50}?\s*$")
RECORDED_AS_BEFORE_RE = re.compile(r"(?i)\b(?:was|were|is|are|been|be)\s+(?:entered|recorded|coded|logged|captured|listed|reported|submitted|"
                                   r"documented|graded)\s+as\s+(?:an?\s+)?(?:CTCAE\s+)?$|"
                                   # the writer's own earlier record: "in yesterday's summary I listed the ANC of 0.7 as grade 4"
                                   r"\b(?:I|we)\s+(?:had\s+)?(?:entered|recorded|coded|logged|listed|reported|documented|graded|called|put)\s+"
                                   r"(?:[^.;!?\n]|\.(?=\d)){0,40}?\s+as\s+(?:an?\s+)?(?:CTCAE\s+)?$|"
                                   # a record's words: "The AE form lists the ANC of 0.45 as a grade 3 event"
                                   r"\b(?:form|log|record|report|chart|entry|sheet|crf|ecrf|database|system|note)(?:\s+(?:for|of)\s+(?:pt|patient|subject|participant)\s*#?[\w-]+)?"
                                   r"\s+(?:lists|records|codes|logs|shows|has|gives|grades|reports)\s+"
                                   r"(?:[^.;!?\n]|\.(?=\d)){0,40}?\s+as\s+(?:an?\s+)?(?:CTCAE\s+)?$")
REPORTED_AFTER_RE = re.compile(r"(?i)\s*(?:\([^()]{0,30}\)\s*)?(?:,\s*)?(?:\w+\s+){0,2}?(?:incorrectly|erroneously|mistakenly|wrongly|falsely|in\s+error|"
                               r"by\s+mistake|as\s+(?:initially|originally|previously|first)\s+(?:reported|graded|recorded|stated|documented))\b")
# A correction that supersedes the claims before it: "the correct grade is 3", "should have been grade 3", "is actually grade 3".
CORRECTION_HINT_WORDS = ("correct", "true", "actual", "right", "revised", "amended", "should", "in fact", "really", "wrong", "error", "mistake",
                         "i'd ", "i’d ", "i would",
                         "typo", "call", "mis", "sorry", "wait", "mean", "scratch", "make that", "rather", "review", "regrad", "re-grad", "pardon",
                         "perd", "scusa", "entschuldigung", "desculpe", "plut", "dicho", "anzi", "gezegd", ", no,",
                         "korrektur", "correç", "correc", "correz", "rectific", "erratum", "amendment") \
    + tuple(f"{mark} {word} ctcae" for mark in ";:—–" for word in ("by", "per", "under"))  # a word CORRECTION_RE needs, lowered
CORRECTION_RE = _scan(r"(?i)\b(?#first)(?:(?:correct(?:ed)?|true|actual|right|revised|amended)\s+(?:CTCAE\s+)?grade|corrected\s+(?:[^.;\d]{0,30}?\s)?to|" + CORRECTION_LABEL + r"|"
                      r"correction\s*[,;—–-]\s*(?=(?:CTCAE\s+)?(?:grade|G\s*\d))|"  # said aloud: "grade two, correction, grade three"
                           rf"should\s+(?:have\s+been|be|read)|(?:is|was|it's|that's)\s+(?:actually|in\s+fact|really)|{WRONG_CLAIM}|"
                           r"on\s+(?:(?:our|my|the|further|central)\s+)?(?:re-?)?review|after\s+(?:our\s+|central\s+)?review|on\s+re-?grading|"
                           r"(?:we|i)\s+re-?graded\s+(?:it|this|that)\b|"  # "Initially logged as grade 3; we re-graded it: grade 2"
                           # the writer's own grade beside another's: "I'd call 7.9 grade 3, not 2"
                           r"i['’]d\s+(?:call|say|grade)|i\s+would\s+(?:call|say|grade)|"
                           # "Outside records graded it as grade 3; by CTCAE v5.0 it is grade 2": the text's own grade after another's
                           r"(?<=[;:—–]\s)(?:by|per|under)\s+CTCAE\s*v?\s*[56](?:\.0)?,?\s+(?:it|this|that)(?:'s|\s+is|\s+would\s+be)|"
                           # a claim taken back as it is said: "grade 3, sorry, grade 4", "grade 4, no wait, grade 2", "I mean"
                           r"(?:sorry|no\s+wait|wait|i\s+mean|scratch\s+that|make\s+that|or\s+rather|pardon|perd[óo]n|scusa(?:te)?|"
                           r"entschuldigung|desculpe|ou\s+plut[ôo]t|o\s+mejor\s+dicho|anzi|beter\s+gezegd|(?<=,\s)no(?=\s*,))"  # "grade two, no, grade three"
                           r"(?=\s*[,:;—–-]*\s*(?:no\s*[,:;—–-]*\s*)?(?:it's\s+|it\s+is\s+|c['’]est\s+|(?:de|di|del|van|von|do|da)\s+)?"  # ("anzi no, di grado 4")
                           r"(?:(?:grade|grado|grad|grau|graad|gr\.?|(?-i:G))\s*(?:[0-5IV]|one|two|three|four|five)|(?-i:g)[0-5])))\b")


# Between a grade and the condition it names only words and brackets stand: "grade 3 (severe) neutropenia"; after
# a comma or a semicolon a new clause starts ("the neutropenia is grade 3, the thrombocytopenia is grade 1").
TERM_GAP_BREAK_RE = re.compile(r"[,;:.!?]|\b(?:and|or|y|e|et|und|en|o|ou|och|og|samt|sowie|plus|as\s+well\s+as|as\s+also|nonch[ée]|adem[áa]s\s+de|ainsi\s+que|bem\s+como|alsmede|evenals)\b")  # "neutropenia grado 3 y anemia grado 2"


# Words that tell a count's recovery from the value before them: a claim told before such a series is about the episode.
RECOVERY_RE = re.compile(r"(?i)\b(?:recover(?:ed|ing)|resolv(?:ed|ing)|rebound(?:ed)?|normali[sz](?:ed|ing)|came\s+back\s+up|back\s+up)\b")


# A change told around a claim ("from grade 3 to grade 1 (ANC 0.6 → 1.4)"), and words of a cohort ("in two patients (nadirs …)"):
# then a series in the claim's bracket is no one event's values
ARROW_OR_CHANGE_RE = re.compile(r"→|->|⇒|\bto\s+(?:grade|gr)\b|\bto\s+$")
COHORT_WORD_RE = re.compile(r"(?i)\b(?:patients|pacientes|pazienti|patienten|patiënten|cases|subjects|participants)\b")


def _series_in_claims_bracket(text: str, claim: Claim, series: Mention, s_start: int) -> bool:
    """Whether a series after a claim lies in the bracket the claim opens, as one event's values: not a change told
    around the claim, not a cohort's values."""
    gap = text[claim.span[1]:series.steps[0][2][0]]  # (a condition's bracket read with its condition: "neutropenia (D8 1.4, …)")
    return "(" in gap and ")" not in gap and not ARROW_OR_CHANGE_RE.search(text, max(0, claim.span[0] - 6), series.span[1]) \
        and not COHORT_WORD_RE.search(text, max(s_start, claim.span[0] - 200), series.span[1])


def _before_recovery(text: str, series: Mention) -> Mention:
    """The step of `series` said before the first word of its recovery ("0.3 …, which recovered to 1.6": 0.3), else the series."""
    first, last = series.steps[0][2][1], series.steps[-1][2][0]
    recovery = RECOVERY_RE.search(text, first, last) if first < last else None
    step = series.step_value(recovery.start()) if recovery else None
    return step if step is not None else series


# The value a claim names in brackets after its condition: "grade 3 thrombocytopenia (nadir 38)", "(lowest 0.4 x10^9/L)".
# A bare number needs its unit ("(0.4 x10^9/L)"): "grade 3 neutropenia (12)" counts patients.
# The bracket may name the analyte and the time of the value: "grade 3 neutropenia (ANC 0.2 x10^9/L on admission)".
TIMED_OWN_VALUE_RE = re.compile(rf"\s*\(\s*(?:(?P<name>{'|'.join(f'(?:{pattern})' for pattern in ANALYTE_PATTERNS.values())})\s*[:=]?\s*)?"
                                rf"{NUMBER}\s*(?:{UNIT})?(?:\s*[,;]?\s*(?:on|at|upon|in|during)?\s*[\w/.-]+(?:\s+[\w/.-]+){{0,2}})?\s*\)", re.IGNORECASE)
OWN_VALUE_RE = re.compile(rf"\s*\(\s*(?:(?:nadir|lowest|low|minimum|min|peak|highest|value|count|at|of)\s*:?\s*|"
                          rf"(?P<name>{'|'.join(f'(?:{pattern})' for pattern in ANALYTE_PATTERNS.values())})\s*[:=]?\s*(?=\d)|"
                          rf"(?=\d[\d.,]*\s?(?:[kK]\b|{UNIT_ALTERNATIVES})))"
                          rf"{NUMBER}\s*(?:{UNIT})?(?:\s+(?:on|at|upon|in|during)\s+[^\W\d]+(?:\s+[^\W\d]+)?)?\s*\)", re.IGNORECASE)


# The values a cohort's claim lists after it in words: ", with nadirs of 12, 30 and 8 x10^9/L".
COHORT_LIST_AFTER_RE = re.compile(rf"(?i)[,;]?\s*(?:with|and|at)\s+(?:an?\s+)?(?:(?:platelet|neutrophil|lymphocyte|haemoglobin|hemoglobin|count|anc|alc|plt|hb|hgb|wbc)\s+)?"
                                  rf"(?:nadirs?|lowest\s+(?:counts?|values?)|values?|counts?)(?:\s+(?:platelet|neutrophil|lymphocyte|haemoglobin|hemoglobin|anc|alc|plt|hb|hgb|wbc)(?:\s+counts?)?)?\s+of\s+"
                                  rf"(?P<list>\d+(?:[.,]\d+)?(?P<more>(?:\s*(?:,|and|&)\s*\d+(?:[.,]\d+)?)+)?)\s*(?P<unit>{UNIT_ALTERNATIVES})?")
# ... of a cohort of one, its one value: "Grade 4 thrombocytopenia occurred in one participant, with a nadir platelet count of 12",
# "… in 5% of patients, including one patient with a nadir platelet count of 53"
ONE_PATIENT_RE = re.compile(r"(?i)\b(?:in|including|incl\.|among\s+them)\s+(?:one|a\s+single|1)\s+(?:patient|participant|subject|case)\b")


def _cohort_list(text: str, analyte: str, start: int, end: int, unit: str | None) -> list[Mention]:
    """The values of `analyte` a cohort's list in text[start:end] gives, read in `unit`; a day's, a week's or a cycle's number
    ("nadir 0.2 on day 38") is none."""
    items = (_mention(analyte, text, number.start(), number.end(), number.group(0), False, unit, None, number.span(), [parse_number(number.group(0))])
             for number in COHORT_NUMBER_RE.finditer(text, start, end)
             if not DAY_LABEL_BEFORE_RE.search(text, max(start, number.start() - 8), number.start()))
    return [item for item in items if item.value is not None]


DAY_LABEL_BEFORE_RE = re.compile(r"(?i)\b(?:day|d|wk|week|cycle|c)\s*$")


def _cohort_values(text: str, claim_end: int, end: int, analyte: str | None) -> list[Mention]:
    """The values of `analyte` a cohort's claim lists in the brackets after it, within its sentence ("(ANC nadirs 1.2 and
    0.3 x10^9/L)"): every number after the analyte's name, read with the unit written after them."""
    if analyte not in CANONICAL_UNIT:
        return []
    example = COHORT_EXAMPLE_RE.search(text, claim_end, end) if "includ" in text[claim_end:end] else None
    if example is not None:  # "… in 9 patients (2.9%), including one patient with a nadir of 53 x10^9/L"
        item = _mention(analyte, text, example.start("num"), example.end(), example.group("num"), bool(example.group("kilo")),
                        example.group("unit"), None, example.span("num"), [parse_number(example.group("num"))])
        return [item] if item.value is not None else []
    opening = text.find("(", claim_end, min(end, claim_end + 60))
    if opening >= 0 and (version := VERSION_BRACKET_RE.match(text, opening)):
        opening = text.find("(", version.end(), min(end, version.end() + 60))  # "Grade 3 thrombocytopenia (CTCAE v5.0) occurred in three patients (nadirs …)"
    if opening >= 0 and GRADE_CLAIM_RE.search(text, claim_end, opening):
        opening = -1  # "nine had grade 1–2 events and one had grade 3 (Hb 7.7 g/dL)": the bracket is the next claim's
    closing = text.find(")", opening, end) if opening >= 0 else -1
    if closing < 0:
        listed = COHORT_LIST_AFTER_RE.search(text, claim_end, min(end, claim_end + 160)) if "of" in text[claim_end:claim_end + 160] else None
        if listed is None or not listed.group("more") and not ONE_PATIENT_RE.search(text, claim_end, listed.start()):
            return []
        # "… was seen in three patients, with nadirs of 12, 30 and 8 x10^9/L": the values listed after the words
        return _cohort_list(text, analyte, listed.start("list"), listed.end("list"), listed.group("unit"))
    name = REFERENT_RE.search(text, opening, closing) or COHORT_LEAD_RE.match(text, opening + 1, closing)
    if name is None or name.re is REFERENT_RE and name.lastgroup != analyte:
        return []  # the bracket names another count; "(nadirs 41, 22 and 56 x10^9/L)" names none, so its values are the claim's
    return _cohort_list(text, analyte, name.end(), closing, unit_in(text[name.end():closing]))


COHORT_EXAMPLE_RE = re.compile(rf"(?i)\bincluding\s+(?:one|a|two|three|\d+)\s+(?:(?:patients?|cases?)\s+)?(?:with|who\s+had)\s+(?:an?\s+)?"
                               rf"(?:[\w-]+\s+)?(?:nadir|count|value|level|low)\s+(?:of\s+)?{NUMBER}\s*(?:{UNIT})?")
COHORT_BRACKET_RE = re.compile(r"(?i)\([^()]{0,30}?\b(?:nadirs?|lowest\s+values|values|counts)\b[^()]*\d")  # "(Hb nadirs 8.6 and 7.7 g/dL)", "(nadir 33)"
COHORT_LEAD_RE = re.compile(r"(?i)\s*(?:nadirs?|lowest(?:\s+values?)?|values?|counts?)(?:\s+(?:counts?|values?))?\s*:?\s*(?=\d)")  # "(nadir counts 44, 27 and 53)"
VERSION_BRACKET_RE = re.compile(r"(?i)\(\s*(?:CTCAE\s*)?v(?:ersion\s*)?[56](?:\.0)?\s*\)")
COHORT_NUMBER_RE = re.compile(r"(?<![\w.^/])\d+(?:[.,]\d+)?(?![\w.^/%]|\s*%)")


EVENT_CLOSED_RE = re.compile(r"\s*[—–,;:]|\s+-\s")  # ... its clause closed after it (not "no bleeding above grade 1", the event's grade)
DENIED_EVENT_BEFORE_RE = re.compile(r"(?i)\b(?:no|without|denies|nil|not|sans|sin|senza|ohne|zonder|sem|pas\s+de)\s+(?:active\s+|clinical\s+|signs?\s+of\s+)?$")


def _near_event(events: list[tuple[int, int]], starts: list[int], claim_start: int, claim_end: int) -> bool:
    """Whether an event graded without a count stands within a few words of the claim, before or after it."""
    index = bisect_left(starts, claim_start - 40)
    return any(e_start <= claim_end + 40 and e_end >= claim_start - 40 for e_start, e_end in events[index:index + 3])


def _term_follows(text: str, claim_end: int, term_start: int) -> bool:
    if not 0 <= term_start - claim_end <= 25:
        return False
    gap = text[claim_end:term_start]
    return gap.isspace() or not gap or TERM_GAP_BREAK_RE.search(gap) is None


# A count's name right after a grade, with no value of its own after it: "grade 2 WBC", "G3 plt".
NAME_AFTER_GRADE_RE = re.compile(" (?:" + "|".join(f"(?P<{k}>{ANALYTE_PATTERNS[k]})" for k in ANALYTE_PATTERNS)
                                 + r")\b(?![ \t]*[:=(]?[ \t]*\d)", re.IGNORECASE)


def _nearest_term(terms, term_starts: list[int], claim_start: int, claim_end: int, text: str) -> str | None:
    """The condition a grade is claimed for: the term right after it ('grade 3 neutropenia'), else the closest one before."""
    index = bisect_left(term_starts, claim_end)
    if index < len(terms) and _term_follows(text, claim_end, terms[index][0]):
        return terms[index][2]
    if text[claim_end:claim_end + 1] == " " and text[claim_end + 1:claim_end + 2].isalpha():
        named = NAME_AFTER_GRADE_RE.match(text, claim_end)
        if named:
            return named.lastgroup  # "grade 2 WBC, grade 3 ANC": the count named right after the grade
    index = bisect_left(term_starts, claim_start)
    # not past a semicolon or another analyte's name: "grade 2 neutropenia; platelets grade 1" grades the platelets
    before = [(claim_start - e, a) for s, e, a in terms[max(0, index - 3):index] if 0 <= claim_start - e <= 40
              and ";" not in text[e:claim_start] and not REFERENT_RE.search(text, e, claim_start)]
    if before:
        return min(before)[1]
    # "WBC G1, Hb G1, plt G2" after the values: the count named right before the grade
    return _name_before(text, claim_start) if text[claim_start - 1:claim_start].isspace() else None


def _name_before(text: str, position: int) -> str | None:
    """The analyte of a count named right before `position`, with no value between ("plt G2", "Hb: grade 1", "white
    cells G2"): a name tried at the starts of the last two words."""
    offset = max(0, position - 24)
    head = text[offset:position].rstrip(" \t:=")
    last = head.rfind(" ") + 1
    for start in (last, head.rfind(" ", 0, last - 1) + 1) if last > 1 else (last,):
        name = ANALYTE_RE.match(text, offset + start)
        if name and name.lastgroup in ("anc", "plt", "hgb", "alc", "wbc") and not text[name.end():position].strip(" \t:="):
            return name.lastgroup
    return None


def _opens_correction(text: str, position: int, known: dict[int, bool]) -> bool:
    """Whether CORRECTION_START_RE matches at `position`, kept in `known`: a sentence's start is asked about twice, as
    the sentence after one with claims and as a sentence with claims."""
    if position not in known:
        # after a chat log's time stamp and a speaker's label, when a colon is near: "[14:04] Attending: no — G4"
        speaker = SPEAKER_LABEL_RE.match(text, position) if ":" in text[position:position + 40] else None
        known[position] = CORRECTION_START_RE.match(text, position) is not None \
            or speaker is not None and CORRECTION_START_RE.match(text, speaker.end()) is not None
    return known[position]


STEPS_OF = attrgetter("steps")  # a value's series steps, read in C: asked of every value of every sentence


def check_text(text: str, version: str = "5.0") -> list[Finding]:
    """All findings in `text`, judged by CTCAE `version`."""
    return check_report(text, version)[0]


def single_version(named: list[str]) -> str | None:
    """The one CTCAE version among those a text names, or None when it names none or both."""
    if not named:
        return None
    distinct = set(named)
    return distinct.pop() if len(distinct) == 1 else None


def check_report(text: str, version: str = "5.0") -> tuple[list[Finding], int]:
    """The findings in `text` and how many numeric claims (grades and comparisons) were checked.

    Each claim is judged under the CTCAE version its sentence names, else the one the document names,
    else `version`. The cost is linear in the length of the text: every pairing looks only nearby.
    Numbers said in words ("platelets forty one thousand … a grade two thrombocytopenia") are read as digits;
    each finding's span and sentence are those of the text as given.
    """
    with _cycle_collector_paused():
        spoken = read_spoken_numbers(text)
        if not spoken.pieces:
            return _check_written(text, version)
        findings, checked = _check_written(spoken.text, version)
        spans = sentences(text)
        for finding in findings:
            start, end = spoken.original_span(*finding.span)
            finding.span, finding.text = [start, end], _sentence_at(text, spans, start)
        return findings, checked


@contextmanager
def _cycle_collector_paused():
    """A long text makes many small objects and no reference cycles: the cycle collector, run over and over as they
    are made, would take about a tenth of the time, so it waits until the check is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_written(text: str, version: str) -> tuple[list[Finding], int]:
    lowered = text.lower()
    # Every version the text names, found once; each sentence looks up its own by position.
    marks = [(m.start(), normalize_version(m.group(1))) for m in _anchor_matches(VERSION_NAMED_RE, text, lowered)]
    if "new" in lowered or "latest" in lowered:
        marks = sorted(marks + [(m.start(), "6.0") for m in NEWEST_VERSION_RE.finditer(text)])  # "grade 1 under the new system"
    mark_starts = [position for position, _ in marks]
    default = single_version([v for position, v in marks if not _said_as_would_be(text, position)]) or normalize_version(version)
    stated_version = None  # the version the last sentence of no value and no claim named alone
    ae_report = AE_REPORT_RE.search(text, 0, 400) is not None  # "Narrative — AE 1182-02": its grades are the events' worst
    sections = _version_sections(text) if marks and ("#" in text or "\n" in text) else []
    checked = 0
    findings: list[Finding] = []
    all_mentions = find_mentions(text)  # in text order
    starts = [m.span[0] for m in all_mentions]
    previous_values: list[Mention] = []
    asked_values: dict[str, Mention] = {}  # the values of the last question that asked of a grade
    known: dict[str, Mention] = {}  # the latest value of each analyte given so far in the section
    history: dict[str, list[Mention]] = {}  # the values of each analyte given so far in the section, in text order
    corrected: set[tuple[str, float]] = set()  # the values a correcting claim is about
    not_corrections: list[Finding] = []  # the findings of claims that do not correct another
    judged: dict[tuple, tuple[int, tuple[int, int]]] = {}  # each claim judged (analyte, value, grade, negated, version): its sentence and value's span
    last_given: list[Mention] = []  # the values of the last sentence that gave any
    panel_values: list[Mention] = []  # the values of the lines of a panel just before, for claims that name their conditions
    panel_open = False
    borrowed = False
    foreign = any(word in lowered for word in FOREIGN_RELATION_WORDS)
    comparison_re, comparison_hint_re = (COMPARISON_RE, COMPARISON_HINT_RE) if foreign else (ENGLISH_COMPARISON_RE, ENGLISH_COMPARISON_HINT_RE)
    relation_words = _WordIndex(text, lowered, RELATION_WORDS if foreign else ENGLISH_RELATION_WORDS)
    case_fold_exceptions = any(letter in text for letter in CASE_FOLD_EXCEPTIONS)  # then a relation may hold none of the words
    correction_hints = _WordIndex(text, lowered, CORRECTION_HINT_WORDS)
    topic: dict[str, str | None] = {}  # the one count the text speaks of, when an unnamed count needs it
    quoting = "\n>" in text or text.startswith(">")  # an e-mail that quotes the message it answers
    answered: set[tuple[str, float]] = set()  # the values the text's own (unquoted) claims grade
    reported: set[tuple[int, int]] = set()  # the claims inside another's quoted words
    graded_here: set[tuple[str, float]] = set()  # the values the text's own claims grade
    judged_claims: list[tuple[tuple[int, int], str, float]] = []  # every claim judged, with the value it was judged on
    unnamed_values: list[Mention] = []  # the values given with no name (see _unnamed_counts), for the comparisons with normal
    opens_correction: dict[int, bool] = {}  # by position, whether a sentence there opens with a correction
    # whether the text names a relative or another patient at all (see _someone_else): plain substring tests first
    others_named = any(word in lowered for word in OTHER_PATIENT_WORDS) or any(word in lowered for word in RELATIVE_WORDS)
    writer_is_patient = others_named and WRITER_IS_PATIENT_RE.search(text) is not None  # then "my sister" is someone else
    spoilable = any(word in lowered for word in SAMPLE_PROBLEM_WORDS)  # whether a sample may be said to be spoiled (a plain test first)
    spans = sentences(text)
    named_ranges = _NamedRanges(text, lowered, spans)
    text_llns = _text_stated_llns(text, lowered)  # "Our lab's lower limit for neutrophils is 1.8. ANC today 1.9 — grade 1": judged with 1.8
    text_terms = [(m.start(), m.end(), m.lastgroup) for m in _anchor_matches(TERM_RE, text, lowered)]
    text_term_starts = [t[0] for t in text_terms]
    clause_breaks = [m.span() for m in _anchor_matches(CLAUSE_BREAK_RE, text, lowered) if not _in_brackets(text, m.start())]
    clause_break_starts = [a for a, _ in clause_breaks]
    text_claims = _TextMatches(GRADE_CLAIM_RE, text, _anchor_matches(GRADE_CLAIM_RE, text, lowered))
    reply_end = -1  # where a reply written above the message it quotes ends
    if quoting and (replied := _replied_values(text, all_mentions)):
        reply_end = QUOTED_LINE_RE.search(text).start()
        # "Yes, G2 — hold the pembro.\n\n> On Mon, Priya wrote:\n> ANC 0.4 this morning, is that grade 2?": a reply written
        # above the message it answers, giving no value of its own, answers about the quoted message's values
        previous_values, asked_values = replied, {m.analyte: m for m in replied}
    unit_hints = _TextMatches(UNIT_VALUE_HINT_RE, text, _anchor_matches(UNIT_VALUE_HINT_RE, text, lowered))
    for number, (s_start, s_end) in enumerate(spans):
        sentence = text[s_start:s_end].strip()
        quote_marked = "'" in sentence or '"' in sentence or "“" in sentence or "‘" in sentence  # a quotation may open in it
        mentions = all_mentions[bisect_left(starts, s_start):bisect_left(starts, s_end)]
        values = [m for m in mentions if not m.is_threshold and m.value is not None]
        # whether the sentence has a count's unit (see UNIT_VALUE_HINT_RE)
        unit_hinted = ("/" in sentence or "10" in sentence) and bool(unit_hints.in_sentence(s_start, s_end))
        if "count" in sentence or "Count" in sentence or unit_hinted or RESULT_WORDS_RE.search(sentence) \
                or ("ours " in sentence or "hers " in sentence or "his " in sentence or "our " in sentence or "my " in sentence
                    or ("hey " in sentence or "it " in sentence or "It " in sentence or "he is" in sentence or "he's" in sentence or "he’s" in sentence
                        or "pt is" in sentence or "atient is" in sentence or "Mr" in sentence or "Ms" in sentence or "Miss" in sentence) \
                    and (" to " in sentence or " at " in sentence)
                    or ("hey w" in sentence or "hey a" in sentence or "hey'" in sentence or "hey’" in sentence or "it w" in sentence
                        or "it i" in sentence or "It w" in sentence or "It i" in sentence or "it'" in sentence or "it’" in sentence)) \
                and POSSESSIVE_COUNT_RE.search(sentence):
            unnamed = _unnamed_counts(text, s_start, s_end, mentions, topic, unit_hinted)
            values = sorted(values + unnamed, key=lambda m: m.span)
            unnamed_values += unnamed  # "Your result today is 140 x10^9/L, which is above the lower limit": compared too
        grade_claims = text_claims.in_sentence(s_start, s_end)
        first_claim = grade_claims[0] if grade_claims else None
        # "Grades at discharge: leukopenia 2, neutropenia 2": grades listed after their conditions, under a label
        listed = _listed_grades(text, s_start, s_end, text_terms, text_term_starts) if first_claim is None and "rad" in sentence else []
        claimed = first_claim is not None or bool(listed)  # whether the sentence states any grade
        if not values and known and (claimed or comparison_hint_re.search(sentence)):
            values = _repeated_values(text, s_start, s_end, mentions, known)
        elif not values and claimed and asked_values:
            values = _repeated_values(text, s_start, s_end, mentions, asked_values)  # "plt 28 — grade 4, right?" "Not quite, 28 is grade 2."
        given = values  # the values this sentence gives, before any borrowed from the sentences before it
        # "Previous platelets: 230 (6 months ago), 148": earlier values, which replace neither the current value nor the panel
        of_the_past = bool(given) and _opens_with_the_past(sentence)
        following = spans[number + 1][0] if number + 1 < len(spans) else None
        referring = False
        question_at = _question_start(text, s_start, s_end, sentence, _answer_start(text, spans, number)) \
            if sentence.rstrip("\"'”*_ ").endswith("?") and (following is None or not AFFIRMED_START_RE.match(text, following)) else None
        asked = question_at == s_start
        heading = text.startswith("#", s_start) and not LABELLED_COMMENT_RE.match(text, s_start)
        # a Markdown heading ("### Grade 1 and 2") names a section, and a question asks: neither borrows the value before it
        if asked and claimed:
            previous_values = values or previous_values
            asked_values = {m.analyte: m for m in values} if values else asked_values  # an answer may say the value again
            continue  # "Does a platelet count of 50,000 count as grade 3?": asked, not claimed
        if not values and previous_values and (heading or sentence.endswith("?") and asked):
            pass
        elif not values and previous_values and not heading and claimed and (
                (_short(sentence) or s_end <= reply_end and not _other_number(text, s_start, s_end)) and not REFERENT_RE.search(text, s_start, s_end)
                or len(previous_values) == 1 and (REFERRING_START_RE.match(text, s_start) or _opens_correction(text, s_start, opens_correction)
                                                  or asked_values and AFFIRMED_START_RE.match(text, s_start))) \
                and not _opens_with_the_past(sentence) \
                and not _about_others((previous_values[-1].span[1], s_start), text_terms, text_term_starts, {previous_values[-1].analyte}):
            # "Platelets: 74 x10^9/L. Grade: 1." -- a grade standing alone after a value (or in a reply above the message it
            # quotes, whatever its length: "Grade 1, fine to go ahead with C4." over "> ANC 0.85 …"); "Platelets came back at 47 this
            # morning. That's grade 2" -- a sentence that refers back to the previous one's single value, or corrects what
            # was said or asked of it ("plt 52 on the repeat, G3?" — "[14:04] Attending: no — G4, hold the atezo and recheck")
            values = previous_values[-1:]
            referring = True
        elif not values and len(previous_values) == 1 and REFERRING_COMPARISON_START_RE.match(text, s_start):
            values = previous_values  # "ANC 1.7 today. This is below the 1.5 cut-off.": a comparison referring back
        elif not values and previous_values and not heading and (listed or claimed
                and not OTHER_TIME_RE.search(text, _past_correction_label(text, s_start), s_end) and not _someone_else(text[s_start:first_claim.start()]) and _states_grades(text, s_start, s_end, grade_claims)
                and not GENERAL_AFTER_RE.match(text, first_claim.end())):
            # "Labs: WBC 1.8, ANC 0.9. Impression: grade 2 leukopenia, grade 3 neutropenia" -- a sentence of claims that
            # name their conditions is about the previous sentence's value of each condition's analyte, when it gave one
            values = _values_named_by_terms(text, s_start, s_end, grade_claims, panel_values, known)
            borrowed = True  # the next sentence of claims ("2. Grade 3 thrombocytopenia") may borrow from the same values
        if borrowed or (not values and s_end - s_start <= 40 and not claimed):
            borrowed = False  # a list number or a heading ("Assessment and plan:") between values and claims keeps them
        else:
            # the lines of a panel ("WBC 2.4 L … / NEUT ABS 0.9 L … / PLT 155 …") add up, the latest value of each analyte kept
            in_panel = values and panel_open and not claimed
            if of_the_past and panel_values:  # earlier values add only what the values before them lack
                panel_values = panel_values + [v for v in values if v.analyte not in {m.analyte for m in panel_values}]
            else:
                panel_values = [m for m in panel_values if m.analyte not in {v.analyte for v in values}] + values if in_panel else values
            panel_open = bool(values) and not claimed
            previous_values = values
        # Claims in a sentence that gives no value ("The anemia was graded as grade 2", "Hgb is grade 2, stable") are
        # about the latest value named before them, within the section (see _remembered_value); a number with a unit
        # left unread is a value of the sentence's own, so nothing is borrowed then.
        remembering = not values and bool(known) and not heading and question_at is None and not asked \
            and (claimed or comparison_hint_re.search(sentence) is not None) and not _unread_value(text, s_start, s_end)
        if given:
            current = [m for m in given if not _earlier(text, m)] or given \
                if len(given) > 1 and _says_earlier(sentence) else given
            for mention in current:
                if not (of_the_past and mention.analyte in known) and not (mention.supposed and mention.analyte in known):
                    known[mention.analyte] = mention  # (not a value supposed: "If they drop to 20 …")
            for index, mention in enumerate(given):
                if not (spoilable and _spoiled_then_repeated(text, mention, given[index + 1:])):  # a spoiled sample is no value of the episode
                    history.setdefault(mention.analyte, []).append(mention)
            if not (of_the_past and last_given):
                last_given = current  # "Today: Hb 10.6, plt 71. Last time Hb 11, plt 90. Doctor said it's grade 2": today's values
        elif heading and claimed:
            known, last_given, history = {}, [], {}  # a heading about grades starts a section about grades in general: "### Grade 1 and 2"
        if not values and not claimed and marks and not given:
            stated = single_version([v for _, v in marks[bisect_left(mark_starts, s_start):bisect_left(mark_starts, s_end)]])
            stated_version = stated or stated_version  # "Grading by CTCAE v6.0.": the version of the sentences after it
        if not values and not remembering and not (claimed and "6" in sentence and LYMPHOCYTE_TERM_RE.search(sentence)) \
                and not (claimed and (" of " in sentence and COHORT_LIST_AFTER_RE.search(sentence) or "(" in sentence and COHORT_BRACKET_RE.search(sentence))):
            continue  # nothing to judge, but a v6.0 grade for lymphocytes, which needs no value, or a cohort's listed values
        named_here = marks[bisect_left(mark_starts, s_start):bisect_left(mark_starts, s_end)]
        outer_version = _section_version(sections, s_start) or stated_version or default
        sentence_version = single_version([v for _, v in named_here]) \
            or (marks[bisect_left(mark_starts, s_start) - 1][1] if bisect_left(mark_starts, s_start) and ("ersi" in sentence or "ersã" in sentence) and THAT_VERSION_RE.search(sentence) else None) \
            or outer_version  # "With that version, 0.8 is grade 2": the version named last before
        value_starts = [m.span[0] for m in values]
        respectively = claimed and _respective(text, sentence, grade_claims)
        claims = listed or ([c for c in _claims(text, s_start, s_end, grade_claims, text_terms, text_term_starts, correction_hints, respectively)
                             if c.term_analyte != "fn"] if claimed else [])
        clauses = _clause_bounds(s_start, s_end, clause_breaks, clause_break_starts) if claims else []
        clause_starts = [a for a, _ in clauses]
        if claims:
            _name_the_subjects(text, claims)  # "… and the ALT is grade 1": the count named as the claim's subject
        if question_at is not None:
            claims = [c for c in claims if c.span[0] < question_at]  # "My ANC is 1.6 — do I have grade 2 neutropenia?"
        if claims and following is not None and text.find("?", following, following + 40) >= 0 and CONFIRMING_QUESTION_RE.match(text, following):
            claims = []  # "My ANC is 1.6 and the nurse said it's grade 2. Is that right?": asked, not claimed
        elif claims and following is not None and _opens_correction(text, following, opens_correction):
            claims = [c for c in claims if c.negated]  # "ANC 0.9 was graded 2. It should have been grade 3.": superseded
        elif claims and following is not None and ("'" in sentence or '"' in sentence or "‘" in sentence or "“" in sentence) \
                and _restated_after_quote(text, s_start, claims, values, spans[number + 1], text_claims):
            claims = []
        elif claims and not claims[-1].recorded and (called := [c for c in claims if c.recorded and " call" in text[max(s_start, c.span[0] - 80):c.span[0]]
                                                                and RECORD_CALLS_BEFORE_RE.search(text, max(s_start, c.span[0] - 80), c.span[0])]) \
                and claims[-1].span[0] > called[-1].span[1]:
            # "The triage note calls an Hb of 9.1 g/dL grade 3 anaemia; on CTCAE v5.0 it is grade 2": a record's, then the text's own
            claims = [c for c in claims if not c.recorded]
        elif claims and following is not None and any(c.recorded for c in claims) and (next_claims := text_claims.in_sentence(*spans[number + 1])) \
                and any(_claim_set(m)[0] != c.grades for m in next_claims for c in claims if c.recorded) \
                and not _about_others(spans[number + 1], text_terms, text_term_starts, {v.analyte for v in values} | {c.term_analyte for c in claims}):
            # "28,000/µL was entered as a grade 4 event. Under CTCAE v5.0 it is grade 3": a record, then the text's own grade (a
            # record's grade said again is no grade of the text's own: "… were entered as grade 2. Site response: grade 2 retained.")
            claims = [c for c in claims if not c.recorded]
        if claims and _opens_correction(text, s_start, opens_correction):
            for claim in claims:
                claim.correcting = True
        if claims and values and others_named:
            # "Her sister had grade 4 thrombocytopenia …; her own platelets today are 140": the sister's grade, said in a clause
            # before any value
            claims = [c for c in claims if not _someone_elses_claim(text, c, values, clauses, clause_starts, writer_is_patient)]
        tabular = "|" in sentence  # tested once: a sentence may be a whole long line
        if respectively:
            values = _listed_values(text, values)
            value_starts = [m.span[0] for m in values]
        paired = _paired_in_order(claims, values, respectively)
        any_series = any(map(STEPS_OF, values))
        first_of_sentence = len(findings)
        chained: tuple[int, Mention, bool] | None = None  # the previous claim's end and the value it was judged on
        stated_lln = STATED_LLN_RE.search(text, s_start, s_end) if "limit" in sentence or "LLN" in sentence or "LIN" in sentence \
            or "mite" in sentence or "grenze" in sentence or "ondergrens" in sentence else None
        for claim in claims:
            if claim.term_analyte is None and text[claim.span[1]:claim.span[1] + 1] == " " \
                    and (named_after := ANALYTE_RE.match(text, claim.span[1] + 1)) is not None and not VALUE_AFTER_NAME_RE.match(text, named_after.end()):
                claim.term_analyte = named_after.lastgroup  # "g2 leuk, g2 neut, g1 plt": each grade names its count after it
            if claim.term_analyte is None:
                subject = _subject_before(text, max(s_start, claim.span[0] - 40), claim.span[0]) \
                    or (BRACKET_SUBJECT_RE.search(text, max(s_start, claim.span[0] - 50), claim.span[0]) if "(" in text[claim.span[0] - 8:claim.span[0]] else None)
                if subject is not None:
                    claim.term_analyte = subject.lastgroup  # "your platelets would still be grade 2": the platelets' grade
            series = next((m for m in values if m.steps and m.span[0] < claim.span[0] < m.span[1]), None) if any_series else None
            step = series.step_value(claim.span[0]) if series else None
            if step is None and any_series:
                # right after a series ("8.1 on 2/3 (grade 2); 7.4 on 9/3 (grade 2)"): the series' current value
                step = next((m for m in values if m.steps and 0 <= claim.span[0] - m.span[1] <= 25
                             and not _other_number(text, m.span[1], claim.span[0])), None)
                if step is not None and text.find("which", step.span[1], claim.span[0]) >= 0 and RELATIVE_CLAUSE_RE.fullmatch(text, step.span[1], claim.span[0]):
                    step = step.step_value(claim.span[0]) or step  # "…; it had been 1.0 on day 9, which was grade 3": the step before it
                elif step is not None and NADIR_AFTER_RE.match(text, claim.span[1]):
                    step = _worst_step(step)  # "ANC 1.9, 1.1, 0.45, today 2.3: grade 4 at the day-10 nadir": the series' lowest
            if step is None and any_series and claim.term_analyte == "hgb" and "transfus" in text[claim.span[1]:claim.span[1] + 60].lower():
                # "Grade 2 anaemia secondary to AIHA, transfused 2 units (Hb 6.9 → 9.0 g/dL)": the anaemia's grade is that of its
                # value before the transfusion, the series' lowest, told after the claim
                transfused = next((m for m in values if m.steps and m.analyte == "hgb" and 0 <= m.span[0] - claim.span[1] <= 60
                                   and "transfus" in text[claim.span[1]:m.span[0]].lower()), None)
                step = _worst_step(transfused) if transfused is not None else None
            labelled = None
            if claim.at_time is not None and claim.own is None:
                analyte = claim.term_analyte or (last_given[0].analyte if last_given and len({m.analyte for m in last_given}) == 1 else None)
                told = [step for m in history.get(analyte, []) if m.value is not None and m.span[0] >= s_start - EPISODE_REACH
                        for step in _steps(m)] if analyte else []
                labelled = _value_of_labelled_time(text, *claim.at_time, told) if told else None
            if labelled is not None:
                mention, substituted = labelled, False
            elif claim.at_time is not None and claim.own is None and not DISCHARGE_AFTER_RE.match(text, *claim.at_time):
                continue  # "Lymphopenia — grade 3 at admission": judged on the value told with that time, else not at all
                # (but "grade 2 at discharge", with no value labelled so, is about the latest value, as any claim is)
            elif claim.own is None and (event := _event_worst(text, s_start, claim, values, history)) is not None:
                mention, substituted = event, False  # "… (ANC 0.42). The event was assessed as grade 3 … and resolved (ANC 1.8)": the event's worst
            elif claim.own is not None:
                mention, substituted = claim.own, False  # the claim names its own value
            elif step is not None and (claim.term_analyte in (None, step.analyte)):
                mention, substituted = step, False  # a grade written inside a series is about the value before it
            elif values and values[-1].span[1] <= s_start and (claim.term_analyte is not None or ae_report and len({v.analyte for v in values}) == 1) \
                    and (named := next((v for v in values if v.analyte == (claim.term_analyte or values[-1].analyte)), None)) is not None:
                # (in an adverse-event record, a bare grade after values of one count only: "… (ANC 1.6). CTCAE v5.0 grade: 3")
                mention, substituted = named, False  # values borrowed from the sentences before: its condition's, however far
                if (ae_report or DIAGNOSIS_LABEL_RE.match(text, s_start)) and not NOW_CUE_RE.search(text, s_start, min(s_end, claim.span[1] + 20)) \
                        and len(episode := [m for m in _episode(history, named.analyte, s_start) if m.value is not None]) > 1:
                    mention = min(episode, key=VALUE_OF)  # an adverse-event report grades the event by its worst value
            else:
                mention, substituted = paired[id(claim)] if id(claim) in paired else \
                    _value_for_claim(claim, values, value_starts, clauses, clause_starts, text)
            if mention is not None and mention.supposed and (current := known.get(mention.analyte)) is not None \
                    and NOW_CLAUSE_BEFORE_RE.search(text, max(s_start, claim.span[0] - 25), claim.span[0]):
                mention, substituted = current, False  # "If they drop to 20 we'd call it grade 4; for now grade 1": now's value
            if mention is None and len(values) == 1 and claim.term_analyte in (None, values[0].analyte) \
                    and values[0].span[1] <= claim.span[0] and (REFERRING_BEFORE_RE.search(text, max(s_start, claim.span[0] - 40), claim.span[0])
                                                               or THE_GRADE_IS_RE.search(text, max(s_start, claim.span[0] - 12), claim.span[1])):
                mention, substituted = values[0], False  # "..., which makes it grade 3": the sentence's one value
            if mention is None and claim.term_analyte is None:
                mention, substituted = _linked_value(claim, values, clauses, clause_starts, text), False
            if mention is None and claim.correcting and (said := [m for m in values if s_start <= m.span[0] and m.span[1] <= claim.span[0]
                                                                 and claim.term_analyte in (None, m.analyte)]):
                mention, substituted = said[-1], False  # "ANC 1.3 this morning, that's grade 2, no, grade 3": the value the correction regrades
            if mention is None and referring and claim.term_analyte in (None, values[0].analyte):
                mention, substituted = values[0], False  # "Now G2, started pred": the sentence refers to the value before it
            if mention is None and chained is not None and claim.term_analyte in (None, chained[1].analyte) \
                    and _continues(text, chained[0], claim.span[0]):
                mention, substituted = chained[1], chained[2]  # "grade 3 under v6.0 and grade 4 under v5.0": the same value
            if mention is not None and claim.own is None and mention.span[0] >= claim.span[1] and len(clauses) > 1 \
                    and clauses[0][1] <= mention.span[0] and claim.span[1] <= clauses[0][1] and text[s_start:s_start + 1] in PAST_OPENING_LETTERS \
                    and _opens_with_the_past(text[s_start:clauses[0][1]]):
                continue  # "Last cycle she had grade 3 thrombocytopenia; platelets today are 131": a claim of the past, its value untold
            if mention is not None and claim.own is None and mention.span[0] >= claim.span[1] and len(clauses) > 1 \
                    and claim.span[1] <= clauses[0][1] <= mention.span[0] and ("during" in text[claim.span[1]:clauses[0][1]] or " in " in text[claim.span[1]:clauses[0][1]]) \
                    and PAST_EPISODE_AFTER_RE.match(text, claim.span[1], clauses[0][1]) and NOW_CUE_RE.search(text, clauses[0][1], s_end):
                continue  # "She had grade 4 neutropenia during C2; ANC today is 1.9": the same, with the time after the claim
            if mention is not None and claim.own is None and mention.span[0] < claim.span[0] < mention.number_span[0] \
                    and (earlier := _from_value(text, mention, claim)) is not None:
                mention = earlier  # "recovered from a nadir of 22 (grade 4) to 134": the claim is the 22's
            base = mention if mention is not None else next((v for v in reversed(values) if v.span[1] <= claim.span[0]), None)
            if base is not None and claim.own is None and base.span[1] <= claim.span[0] and "from" in text[base.span[1]:claim.span[0]] \
                    and (earlier := _from_value(text, base, claim)) is not None \
                    and FROM_VALUE_BRACKET_RE.fullmatch(text, earlier.number_span[1], claim.span[0]):
                mention = earlier  # "Platelets 134 today, up from (a nadir of) 22 on day 12 (grade 3)": the bracket grades the value it follows
            if mention is not None and claim.own is None and "adir" in text[claim.span[1]:claim.span[1] + 30] \
                    and claim.term_analyte in (None, mention.analyte) and (nadir := NADIR_AFTER_CLAIM_RE.match(text, claim.span[1])):
                mention = _another_value(text, mention, nadir, nadir.group("unit") or mention.unit_text) or mention  # "the grade 4 nadir of 0.3"
            if mention is not None and claim.own is None and mention.number_span[1] <= claim.span[0] and "when" in text[max(0, claim.span[0] - 30):claim.span[0]]:
                mention = _value_of_then(text, mention, claim) or mention  # "Plt 140 today, up from 61 two weeks ago when she was grade 2"
            if mention is not None and claim.own is None and mention.span[1] <= claim.span[0] and "(" in text[mention.span[1]:claim.span[0]]:
                mention = _bracketed_earlier_value(text, mention, claim) or _number_before_bracket(text, mention, claim) or mention
                # "Plt 96 today (61 on Monday, when she was grade 2)"; "94 g/L (grade 2), up from a nadir of 68 g/L (grade 3)"
            if mention is not None and claim.own is None and mention.span[0] >= s_start \
                    and (not ((clause := clauses[max(0, bisect_right(clause_starts, claim.span[0]) - 1)])[0] <= mention.span[0] < clause[1])
                         or ")" in text[mention.span[1]:claim.span[0]]) \
                    and (latest := _told_before(history, mention.analyte, s_start)) is not None and _earlier(text, mention) \
                    and NOW_CUE_RE.search(text, clause[0], min(s_end, claim.span[1] + 20)) and not _earlier(text, latest):
                mention = latest  # "Hb 8.4 at discharge. … grade 3 (Hb 6.9 on admission); at discharge, grade 2": the value of now, told before
            if known and (mention is None and remembering or substituted
                          or mention is None and claim.term_analyte in known and all(v.analyte != claim.term_analyte for v in values)):
                # "Plt 40 on Monday. Today ANC 1.1 and grade 3 thrombocytopenia": the platelets named before, not today's ANC
                # (but "Platelets 131 today. Last cycle she had grade 3 thrombocytopenia": a claim of the past, not about 131)
                remembered = _remembered_value(text, s_start, claim.span[0], claim, known, last_given, claims[0].span[0], history) \
                    if (remembering or claim.term_analyte in known) and not _opens_with_the_past(sentence) else None
                if remembered is not None:
                    mention, substituted = remembered, False
            if mention is None and claim.term_analyte == "alc" and not claim.negated and any(v == "6.0" for _, v in named_here) \
                    and (_claim_version(text, claim, named_here, clauses, clause_starts) or sentence_version) == "6.0" \
                    and not NO_SUCH_TERM_RE.search(sentence) and not _rule(text, s_start, claims[0].span[0], claims[0]):
                # "5 had grade ≥3 lymphocyte count decreased per CTCAE v6.0": a grade v6.0 cannot give, whatever the value
                checked += 1
                findings.append(_ungradable_without_value(claim, sentence))
                continue
            both = _all_listed(text, s_start, claim, values, last_given) or (_both_named(text, s_start, claim, known) if mention is None and known else [])
            if both:
                mention = both[0]  # "Bloods: WBC 2.4, ANC 0.9. WBC and ANC both grade 2": the two counts named, as given before
            if mention is None or _unnamed_subject(text, s_start, claim, mentions):
                earlier = _unnamed_earlier_value(text, s_start, claim, values)
                if earlier is None:
                    continue  # "ALC 0.5 → G2; 0.49 → G3": the second grade is about 0.49, a number with no name
                mention, substituted = earlier, False  # "ANC 1.9 today, up from 1.0 on day 5, which was grade 3": the 1.0's grade
            if mention.someone_else:
                continue  # "My mom had lymphocytes of 0.4 … her doctor called it grade 4. Mine are 0.9": another person's grade
            if len(mention.steps) > 1 and mention.span[0] > claim.span[1] and _series_in_claims_bracket(text, claim, mention, s_start):
                mention = _worst_step(mention)  # "grade 2 neutropenia (neutrophil counts 1.6, 0.9 and 1.8 on Days 8, 15 and 22)": the event's lowest
            elif len(mention.steps) > 1 and mention.span[0] > claim.span[1]:
                mention = _before_recovery(text, mention)  # "one grade 4 event: an ANC of 0.3, which recovered to 1.6": the event's 0.3
            elif claim.at_worst or claim.of_episode or claim.span[1] - claim.span[0] > 12 and WORST_IN_CLAIM_RE.search(text, *claim.span):
                # "ANC 0.38 on day 50, 3.3 on day 71. … grade at worst value: 3", "grade 3 at its nadir": the episode's lowest
                episode = [m for m in _episode(history, mention.analyte, s_start) + _steps(mention) if m.value is not None]
                if claim.at_worst and len({m.value for m in episode}) < 2 and claim.own is None:
                    continue  # "grade 4 at its nadir" with one value told: not about the value at hand
                mention = min(episode, key=VALUE_OF) if episode else mention
            chained = None if claim.at_worst or claim.of_episode or claim.at_time is not None else (claim.span[1], mention, substituted)  # "grade 3 at its nadir and grade 2 today": two times
            claim_version = (_column_version(text, claim.span[0]) if tabular else None) \
                or _claim_version(text, claim, named_here, clauses, clause_starts) or _own_sentence_version(
                text, claim, named_here, sentence_version, outer_version)
            # "grade 4 under v5.0 and under v6.0", "under both v5.0 and v6.0": the claim is made under each
            claim_versions = (claim_version, OTHER_VERSION[claim_version]) if _under_both_versions(text, claim, named_here) else (claim_version,)
            if not given and mention.span[1] <= s_start and not claim.negated and claim.at_time is None \
                    and len(episode := _episode(history, mention.analyte, s_start)) > 1:
                # "Neutrophils 1.9, 1.1, 0.45, today 2.3 … Assessment: grade 4 neutropenia, recovering": a grade said after
                # several values, in a sentence of none whose claim's clause says no time, is the episode's: its worst value's grade
                # (not "Grades at discharge: … anaemia 2", judged on the value told at discharge)
                graded = [(_grade_of(m.analyte, m.value, claim_version, None, m.native_unit, m.native_value).grade, m) for m in episode]
                worst = max(((grade, m) for grade, m in graded if grade is not None), key=lambda pair: pair[0], default=None)
                if worst is not None and worst[0] in claim.grades and worst[1] is not mention \
                        and not NOW_IN_CLAIM_RE.search(text, *_claim_clause(text, s_start, s_end, claim)):
                    mention = worst[1]
            for target in both or _claim_targets(text, s_start, claim, mention, values):
                said = (target.analyte, target.value, claim.label, claim.negated, claim_version)
                said_before = judged.get(said)
                if said_before is not None and (said_before[1] == target.span or 0 < number - said_before[0] <= 2):
                    continue  # "Is that grade 2?" "Yes, it counts as grade 2 neutropenia.": one claim, said again about the same value
                judged[said] = (number, target.span)
                checked += 1
                if claim.correcting:
                    corrected.add((target.analyte, target.value))
                if quoting and not _quoted(text, claim.span[0]):
                    answered.add((target.analyte, target.value))
                judged_claims.append((claim.span, target.analyte, target.value))
                if quote_marked and _quoted_from_another(text, s_start, claim.span[0]):
                    reported.add(claim.span)  # "Dr P summarised: 'grade 2 neutropenia …'": another's words, answered if the text grades the value too
                else:
                    graded_here.add((target.analyte, target.value))
                lln = _range_lln(text, target, named_ranges) \
                    or (_stated_lln(text, spans, target, s_start, stated_lln) if stated_lln or target.span[0] < s_start else None) \
                    or (named_ranges.lln_within(target, max(target.span[1], s_start - 2 * RANGE_REACH), s_end) if target.span[0] < s_start else None) \
                    or (text_llns[target.analyte][1] if target.analyte in text_llns and text_llns[target.analyte][0] < target.span[0] else None)
                finding = next((found for version in claim_versions
                                if (found := _judge_claim(claim, target, substituted, version, OTHER_VERSION[version],
                                                          sentence, lln, text[target.span[0]:s_end] if target.span[0] < s_start else None))), None)
                if finding:
                    findings.append(finding)
                    if not claim.correcting:
                        not_corrections.append(finding)
        if len(findings) - first_of_sentence > 1:
            findings[first_of_sentence:] = _one_per_contrast(findings[first_of_sentence:])
        comparisons = comparison_re.finditer(text, s_start, s_end) \
            if case_fold_exceptions or relation_words.within(s_start, s_end) else ()
        rule_end = None  # where the last comparison of this sentence that is a rule's condition ended
        for comparison in comparisons:
            if rule_end is not None and RULE_GOES_ON_RE.fullmatch(text, rule_end, comparison.start()):
                rule_end = comparison.end()
                continue  # "transfuse for hemoglobin under 7 or platelets under 10": the rule's second condition
            if GRADE_BEFORE_RE.search(text, max(s_start, comparison.start() - 8), comparison.start()) \
                    or VERSION_BEFORE_NUMBER_RE.search(text, max(s_start, comparison.start("num") - 12), comparison.start("num")):
                continue  # "grade ≥3" is a grade claim, not a comparison; "under CTCAE 5.0" names a version
            marked = MET_MARK_AFTER_RE.match(text, comparison.end(), s_end) if "met" in text[comparison.end():comparison.end() + 24] else None
            said_met = _said_met(text, comparison.end(), s_end, marked)
            if DEFINITION_SUBJECT_RE.search(text, max(s_start, comparison.start() - 30), comparison.start()) \
                    or RULE_COMPARISON_BEFORE_RE.search(text, max(s_start, comparison.start() - 40), comparison.start()) \
                    and said_met is None \
                    or OTHER_SUBJECT_HINT_RE.search(lowered, max(s_start, comparison.start() - 24), comparison.start()) \
                    and OTHER_SUBJECT_BEFORE_RE.search(text, max(s_start, comparison.start() - 24), comparison.start()) \
                    or ACTION_AFTER_RE.match(text, comparison.end(), s_end) \
                    or CHANGE_BEFORE_COMPARISON_RE.search(text, max(s_start, comparison.start() - 12), comparison.start()) \
                    and MODAL_AFTER_RE.match(text, comparison.end(), s_end) \
                    or "expect" in lowered[max(s_start, comparison.start() - 40):comparison.start()] \
                    and EXPECTED_BEFORE_RE.search(text, max(s_start, comparison.start() - 40), comparison.start()):
                rule_end = comparison.end()
                continue  # "anything below 8.0 is grade 3" defines a band, "hold threshold is <1.0" a rule: neither is about the value
            if DENIED_AFTER_RE.search(text, comparison.end(), min(s_end, comparison.end() + 40)):
                continue  # "your nurse may say it's below the 1.0 line — it isn't": a comparison the text denies
            if any(mark in text[max(s_start, comparison.start() - 16):comparison.start()] for mark in "(,;") \
                    and REFERENCE_BRACKET_BEFORE_RE.search(text, max(s_start, comparison.start() - 16), comparison.start()):
                continue  # "GPT 420 U/l (Norm <50)": the reference range in the value's bracket, not a comparison
            if comparison.group("rel") in "<>" and FISHBONE_RE.search(text, max(s_start, comparison.start() - 12), min(s_end, comparison.end() + 30)):
                continue  # "3.1 > 10.2 / 30.6 < 88": a fishbone's strokes, not comparisons
            if comparison.group("rel") == ">" and not text[text.rfind("\n", 0, comparison.start()) + 1:comparison.start()].strip():
                continue  # "> On Tue 4 Mar, Jen wrote:": a quoted line's marker, not a comparison
            mention = _value_for_comparison(comparison, values, value_starts, text, None if given else s_start)
            if mention is None and remembering and not claims and (comparison.group("rel")[0].isalpha() or marked is not None) and not tabular \
                    and text.rfind("(", s_start, comparison.start()) <= text.rfind(")", s_start, comparison.start()):
                # "Plt 58. Still below the 50 threshold": "Although the ANC exceeded the 1.5 upper edge" (never in brackets,
                # where a grade's band is defined: "grade 4 ITP (platelets below 25 x 10^9/L)")
                mention = _remembered_value(text, s_start, comparison.start(), None, known, last_given, comparison.start())
                if mention is not None and (LATER_TIME_RE.search(text, s_start, min(s_end, comparison.end() + 30))
                                            or _on_another_day(text, comparison, mention)):
                    mention = None  # "The neutrophil count exceeded 1.0 after nine days", "… on Day 81": a later count, not the one named before
            if mention is None and remembering and not claims and (analyte := _threshold_named_after(text, comparison.end())) is not None:
                mention = known.get(analyte)  # "ANC 1.6, platelets 77. So he's … below the 75 platelet threshold": the platelets'
            if mention is None and remembering and not claims and said_met is not None \
                    and (names := list(ANALYTE_RE.finditer(text, max(s_start, comparison.start() - 40), comparison.start()))):
                mention = known.get(names[-1].lastgroup)  # "ANC today 1.3. Restart once the ANC is back above 1.5, which it now is": said met now
            if mention is None:
                continue
            checked += 1
            negated = (NEGATED_COMPARISON_RE.search(text, max(s_start, comparison.start() - 25), comparison.start()) is not None) \
                != (said_met is False)  # "plt <75, not met", "…, which they are not": said not to hold
            finding = _judge_comparison(comparison, mention, sentence_version, sentence, negated)
            if finding:
                findings.append(finding)
    if quoting and findings:
        # a claim in a quoted earlier message that the reply grades itself ("> her platelets are 38, that's grade 2" under
        # "Platelets of 38 are grade 3, not grade 2", or above it: "Not quite — 44 is grade 3" over "> platelets 44, grade 2?")
        # is the message being answered, not a claim of the text's own
        findings = [f for f in findings if not (_quoted(text, f.span[1] - 1) and ((f.analyte, f.value) in answered or _regraded_in_reply(text, f)))]
    if reported:
        # another's quoted claim whose value the text grades itself ("Dr P summarised: 'grade 2 neutropenia'. The board noted that an
        # ANC of 0.8 is grade 3"): the words being answered, not the text's own claim
        findings = [f for f in findings if not (tuple(f.span) in reported and (f.analyte, f.value) in graded_here)]
    if findings and "\n" in text and ":" in text:
        findings = _answered_by_the_next_speaker(text, findings, judged_claims)
    if corrected:
        # a claim the text itself corrects elsewhere ("The CRF shows grade 4 with ANC 0.7" quoted under "that's an error —
        # 0.7 is grade 3") is reported as corrected, not as a wrong claim of the text's own
        dropped = {id(f) for f in not_corrections if (f.analyte, f.value) in corrected}
        findings = [f for f in findings if id(f) not in dropped]
    reread = False  # whether a reading after the sentence loop ran: its findings and the loop's are then put in text order
    comparable = sorted(all_mentions + unnamed_values, key=lambda m: m.span)  # the values the comparisons below may be about
    if "norm" in lowered or "LLN" in text or "reference" in lowered or "limit" in lowered or "ondergrens" in lowered or "inferior" in lowered \
            or "untergrenze" in lowered or " range" in lowered:
        lln_findings, lln_checked = _lln_comparison_findings(text, lowered, comparable, spans, default)
        findings, checked, reread = findings + lln_findings, checked + lln_checked, True
    if " that " in lowered or " this " in lowered or " the same " in lowered:
        named_findings, named_checked = _named_before_findings(text, comparable, spans, default)
        findings, checked, reread = findings + named_findings, checked + named_checked, reread or bool(named_findings)
    if "range" in text or "limits" in text or "interval" in text or "limiti" in text or any(w in lowered for w in FOREIGN_WITHIN_WORDS):
        range_findings, range_checked = _range_comparison_findings(text, comparable, spans, default)
        findings, checked, reread = findings + range_findings, checked + range_checked, True
    if ("|" in text or "\t" in text or "  " in text or "\n" in text and ("," in text or ";" in text)) \
            and (GRADE_WORD_HINT_RE.search(text) or "toxgr" in lowered or "| v5" in lowered or "| v6" in lowered):
        table_findings, table_checked = _grade_column_findings(text, default)
        findings, checked, reread = findings + table_findings, checked + table_checked, True
    if "TOXGR" in text and "LBTEST" in text or '"' in text and "{" in text and "grade" in lowered:
        record_findings, record_checked = _record_grade_findings(text, all_mentions, default)
        findings, checked, reread = findings + record_findings, checked + record_checked, True
    if (any(word in lowered for word in THRESHOLD_NOUN_WORDS) or " it" in lowered) and REFERRED_HINT_RE.search(lowered):
        referred_findings, referred_checked = _referred_threshold_findings(text, lowered, all_mentions, spans, default)
        findings, checked, reread = findings + referred_findings, checked + referred_checked, reread or bool(referred_findings)
    return _once_each(findings, in_text_order=reread), checked


# A comparison with a threshold the text gave before, named without its number: "hold if plt <75? ours is 71, so we're
# above the hold threshold", "anc cutoff for the trial is 1.5, pt's is 1.4 so she clears it".
COUNTED_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:one|two|three|four|five|both|all(?:\s+three|\s+four)?|none|\d)\s+(?:(?:cell\s+)?lines?|of\s+(?:them|these|those|the\s+\w+)|"
                                       r"criteria|values?|counts?|parameters?)\s+(?:now\s+|still\s+|already\s+)?$")
REFERRED_HINT_RE = re.compile(r"above|over|below|under|beneath|clear|meet|met\b|exceed|pass")
THRESHOLD_NOUN = r"(?:threshold|cut-?off|cutoff|limit|line|bar|requirement|trigger|criterion|criteria|rule)"
REFERRED_COMPARISON_RE = _scan(rf"(?i)\b(?#first)(?:(?P<rel>above|over|below|under|beneath|clears?|cleared|meets?|met|exceeds?|exceeded|passes|passed)\s+"
                                    rf"(?:(?:the|our|its|their|that|this|your)\s+(?!(?:lower|upper)\s+limit)(?:[^\W\d_][\w'’-]*\s+){{0,2}}?{THRESHOLD_NOUN}\b(?!\s+of\s+normal)"
                                    rf"(?!\s*(?:of\s+|at\s+|is\s+|=\s*|:\s*|\(\s*)?[<>≤≥]?\s*\d)|(?P<it>it)\b)"
                                    # ... or said to be met: "so the hold criterion is met", "the restart threshold is not yet met"
                                    # (or, after a dash, bare: "ANC today 1.35 — criterion met")
                                    rf"|(?:(?:the|our|its|their|that|this|your)\s+(?:[^\W\d_][\w'’-]*\s+){{0,2}}?{THRESHOLD_NOUN}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
                                    rf"|(?<=[—–-]\s){THRESHOLD_NOUN}\s+(?:(?:is|was)\s+)?)"
                                    rf"(?P<unmet>not\s+(?:yet\s+)?)?(?:(?:now|still|clearly|already|thus|therefore|indeed|technically|formally)\s+)?(?:met|satisfied|fulfilled)\b)")
THRESHOLD_NOUN_WORDS = ("threshold", "cut-off", "cutoff", "limit", "line", "bar", "requirement", "trigger", "criteri", "rule")  # the words of THRESHOLD_NOUN


# A threshold with its comparator and number: "required ≥75 x10^9/L platelets", "IMbrave150 required ≥75;".
COMPARATOR_NUMBER_RE = re.compile(rf"(?P<cmp>[<>≤≥]=?)[ \t]*{NUMBER}[ \t]*(?:{UNIT})?[ \t]*(?:of[ \t]+)?", re.IGNORECASE)
# A threshold stated with its number: "anc cutoff for the trial is 1.5", "the hold limit: 75".
STATED_THRESHOLD_RE = re.compile(rf"(?i)\b{THRESHOLD_NOUN}\b[^.;?\n\d]{{0,30}}?(?:\bis|\bof|=|:|\bat)\s*(?P<cmp>[<>≤≥]?=?)\s*(?P<num>\d+(?:[.,]\d+)?)(?![\d.,]?\d)")
THRESHOLD_REACH = 200  # characters before the value looked back over for the threshold it is compared with
# The patient as the subject of a comparison with no value in its sentence: "so he is still above the trial threshold".
PERSON_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:he|she|they|the\s+(?:patient|pt)|(?:his|her|their)\s+count)\s+(?:is|are|remains?|stays?|sits?)\s+"
                                      r"(?:(?:still|now|just|well|safely|comfortably)\s+)?$")


def _referred_threshold_findings(text: str, lowered: str, mentions: list[Mention], spans: list[tuple[int, int]],
                                 version: str) -> tuple[list[Finding], int]:
    """Comparisons with a threshold named without its number (REFERRED_COMPARISON_RE), judged on the patient's value said
    before them in the sentence and the threshold of that count the text stated last before the value: a threshold
    mention ("plt <75") or a number a threshold's noun is given ("cutoff … is 1.5"). `lowered` is text.lower()."""
    findings, checked = [], 0
    # found from each threshold's noun or "it" back (plain substring scans of the lowered text: a long text holds few of them)
    anchors = [at for word in (*THRESHOLD_NOUN_WORDS, " it") for at in word_starts(lowered, word)]
    matches = sorted({m.span(): m for at in anchors
                      if (m := REFERRED_COMPARISON_RE.search(text, max(0, at - 70), at + 40)) is not None and m.end() > at}.values(),
                     key=lambda m: m.start())
    if not matches:
        return findings, checked
    values = [m for m in mentions if not m.is_threshold and m.value is not None and not m.supposed and not m.someone_else]
    value_ends = [m.span[1] for m in values]
    thresholds = [m for m in mentions if m.is_threshold and m.value is not None]
    threshold_starts = [m.span[0] for m in thresholds]
    for match in matches:
        sentence_start = _sentence_start(spans, match.start())
        before = bisect_right(value_ends, match.start())  # the values that end before the comparison; the last of them, if in the sentence
        # (the value's number in the sentence: "Baseline plt 98; IMbrave150 required ≥75; today 61, so she meets the criterion")
        mention = values[before - 1] if before and values[before - 1].number_span[0] >= sentence_start else None
        upto = match.start()  # the thresholds it may be compared with end at the comparison ("platelets 71 — the trial required ≥75, so …")
        if mention is None and before and sentence_start - values[before - 1].span[1] <= THRESHOLD_REACH \
                and PERSON_SUBJECT_BEFORE_RE.search(text, max(sentence_start, match.start() - 40), match.start()):
            # "Today 71. IMbrave150 required platelets ≥75, so he is still above the trial threshold": the patient's value told
            # in the sentence before, the threshold in this one
            mention = values[before - 1]
        if mention is None:
            continue
        told = mention.number_span[0]
        floor = max(0, told - THRESHOLD_REACH)
        stated = [(m.span[0], m.value, m.comparator or "") for m in thresholds[bisect_left(threshold_starts, floor):bisect_left(threshold_starts, upto)]
                  if m.analyte == mention.analyte and m.span[0] != told]
        if COUNTED_SUBJECT_BEFORE_RE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "Hb 84, platelets 63, ANC 1.2 — two lines meet it": how many of the values do, not this one
        if match.group("it") and not stated and not re.search(THRESHOLD_NOUN, text[floor:told], re.IGNORECASE) \
                and not COMPARATOR_NUMBER_RE.search(text, told, upto):
            continue  # "… so she meets it": "it" is a threshold the text named, or one it gave with its comparator ("needs ANC ≥1.5")
        # (before the value or between it and the comparison: "Platelets 56 — hold line is 75 per the trial, so she's above the hold line")
        others = {name.lastgroup for name in ANALYTE_RE.finditer(text, floor, match.start())} - {mention.analyte}
        for number in STATED_THRESHOLD_RE.finditer(text, floor, match.start()):
            if number.start("num") == told:
                continue
            named = [name.lastgroup for name in ANALYTE_RE.finditer(text, max(floor, number.start() - 30), number.start("num"))]
            if named and named[-1] == mention.analyte or not named and not others:  # "anc cutoff … is 1.5": that count's threshold
                threshold, *_ = to_canonical(mention.analyte, parse_number(number.group("num")), mention.unit_text)
                stated.append((number.start(), threshold, number.group("cmp") or ""))
        if "≥" in text[floor:upto] or ">" in text[floor:upto] or "<" in text[floor:upto] or "≤" in text[floor:upto]:
            # a comparator's number the count's name follows ("IMbrave150 required ≥75 x10^9/L platelets"), or with no other
            # count named before it or between it and the value ("Baseline plt 98; IMbrave150 required ≥75; today 61")
            for number in COMPARATOR_NUMBER_RE.finditer(text, floor, upto):
                name = ANALYTE_RE.match(text, number.end())
                lead = [m.lastgroup for m in ANALYTE_RE.finditer(text, max(floor, number.start() - 30), number.start())]
                if name is not None and name.lastgroup == mention.analyte or name is None and lead[-1:] in ([], [mention.analyte]) \
                        and all(m.lastgroup == mention.analyte for m in ANALYTE_RE.finditer(text, number.end(), told)):
                    threshold, *_ = to_canonical(mention.analyte, parse_number(number.group("num")), number.group("unit") or mention.unit_text)
                    stated.append((number.start(), threshold, number.group("cmp")))
        if not stated or max(stated)[1] is None:
            continue
        _, threshold, comparator = max(stated)
        rel = (match.group("rel") or "met").lower()
        # "Hold if ANC <1.0. Today 0.8 - so she meets it": meeting a rule stated with "<" is being below it
        below_rule = comparator.startswith(("<", "≤", "below", "under", "beneath", "less", "lower"))  # "<50", "fall below 50"
        relation = "<" if rel in ("below", "under", "beneath") or below_rule and rel.startswith(("meet", "met", "clear", "pass")) else ">="
        if NEGATED_BEFORE_RE.search(text, max(0, match.start() - 24), match.start()) or match.group("unmet"):
            relation = ">=" if relation == "<" else "<"
        checked += 1
        if (mention.value < threshold) == (relation == "<"):
            continue
        words = "below" if relation == "<" else "at or above"
        findings.append(Finding("false_comparison", mention.analyte, mention.value, mention.unit, None, None, threshold, relation, version,
                                [mention.span[0], match.end()], text[sentence_start:match.end()].strip(),
                                f"{ANALYTE_LABELS[mention.analyte]} {mention.value:g} {mention.unit} is not {words} the threshold the text "
                                f"gives before ({threshold:g} {mention.unit})."))
    return findings, checked


def _once_each(findings: list[Finding], in_text_order: bool) -> list[Finding]:
    """The findings, where a comparison found again by another reading (in words against the normal range and against the
    range the text gives, say) is kept once, as first found: the sentence loop's, then each reading's; put in text order
    when a reading after the sentence loop ran."""
    said: set[tuple] = set()
    once = [f for f in findings if f.kind != "false_comparison"
            or not ((f.analyte, f.value, f.span[0]) in said or said.add((f.analyte, f.value, f.span[0])))]
    return sorted(once, key=lambda f: f.span) if in_text_order else once


# A comparison with the lower limit of normal that gives no number: "Platelets 90, i.e. above the LLN", "ANC 2.4, below
# normal". Judged against the limit the text states, else the usual lower limit (DEFAULT_LLN); hemoglobin, whose limit
# depends on sex, is judged outside 12-13.5.
LLN_COMPARISON_RE = re.compile(r"(?i)\b(?P<rel>below|under|less\s+than|lower\s+than|beneath|above|over|greater\s+than|higher\s+than|exceeds?|exceeded|"
                               r"more\s+than|within|inside|in(?=\s+(?:the\s+)?(?:(?:lab's|laboratory's|local|usual)\s+)?(?:normal|reference)\s+(?:range|limits)))"
                               r"\s+(?:the\s+)?(?:(?:lab's|laboratory's|local|usual)\s+)?"
                               r"(?P<limit>LLN|lower\s+limit(?:\s+of\s+normal)?|normal\s+range|reference\s+range|(?:standard|expected|healthy|usual)\s+range|normal\s+limits|normal)\b"
                               r"(?!\s+of\s+normal|\s+range|\s*(?:of\s+|at\s+|is\s+|=\s*|:\s*|\(\s*)?[<>≤≥]?\s*\d)")
# "Within the normal range" in Spanish, Italian, French, German, Dutch and Portuguese.
FOREIGN_WITHIN = (r"dentro\s+de(?:l|\s+los)\s+(?:rango|l[íi]mites|valores)\s+normal(?:es)?|nella\s+norma|(?:dentro\s+(?:il|al)|nel)\s+range(?:\s+di\s+normalit[àa])?|"
                  r"(?:entro|nei)\s+(?:i\s+)?limiti(?:\s+della\s+norma|"
                  r"\s+di\s+norma|\s+normali)?|dans\s+les\s+normes|im\s+(?:Norm|Referenz)bereich|innerhalb\s+der\s+Norm|innerhalb\s+des\s+(?:Norm|Referenz)bereichs?|binnen\s+de\s+norm(?:aalwaarden)?|"
                  r"dentro\s+d[ao]s?\s+(?:normalidade|valores\s+normais|limites\s+normais)")
# The same comparisons in Spanish, Italian, French, German, Dutch and Portuguese: "dentro del rango normal", "nella norma",
# "en dessous de la normale", "unter der Norm", "binnen de norm", "abaixo do normal".
FOREIGN_LLN_RE = re.compile(
    r"(?i)\b(?:(?P<below>por\s+debajo\s+de(?:l|\s+lo)?\s+(?:normal|l[íi]mite\s+inferior|rango\s+normal)|sotto\s+(?:la\s+norma|il\s+limite\s+inferiore)|"
    r"(?:en[ -]dessous|au-dessous)\s+de\s+la\s+normale|inf[ée]rieure?s?\s+[àa]\s+la\s+normale|unter(?:halb)?\s+der\s+Norm|"
    r"onder\s+de\s+(?:norm|ondergrens)|abaixo\s+d[oa]\s+(?:normal|limite\s+inferior))|"
    r"(?P<above>boven\s+de\s+ondergrens|au-dessus\s+de\s+la\s+limite\s+inf[ée]rieure|por\s+encima\s+del\s+l[íi]mite\s+inferior|"
    r"sopra\s+il\s+limite\s+inferiore|[üu]ber\s+der\s+Untergrenze|acima\s+do\s+limite\s+inferior)|"
    rf"(?P<within>{FOREIGN_WITHIN}))"
    # a number after it is a comparison of its own, a range after it is checked as one (RANGE_COMPARISON_RE)
    r"(?!(?:\s+normal(?:es?)?)?\s*(?:de|di|van|von|du|da|do|des|del)?\s*\(?\s*[<>≤≥]?\s*\d)")
FOREIGN_LLN_WORDS = ("debajo", "sotto", "inferior", "grenze", "dessous", "rieur", "unter", "onder", "abaixo", "dentro", "nella", "entro", "nei ", "nel range", "dans les",
                     "normbereich", "innerhalb", "binnen")  # a word each of FOREIGN_LLN_RE's phrases needs
FOREIGN_LLN_ANCHOR_RE = _scan(r"(?i)(?#first)(?:norm|ondergrens|untergrenze|l[íi]mite\s+inf[ée]ri(?:or|eur)|limiti)")
LLN_ANCHOR_RE = _scan(r"(?i)(?#first)(?:LLN|lower\s+limit|normal|reference\s+range|(?:standard|expected|healthy|usual)\s+range)")
NEGATED_BEFORE_RE = re.compile(r"(?i)(?:\bnot|n['’]t|\bno\s+longer|\bnever|\bniet|\bnicht|\bpas|\bno)\s+(?:(?:yet|quite|really|entirely|fully|still)\s+)?$")
DENIED_AFTER_RE = re.compile(r"(?i)[—–;,-]\s*(?:but\s+)?(?:it|that|this)\s*(?:isn't|isn’t|is\s+not|'s\s+not|’s\s+not|wasn't|was\s+not|doesn't|does\s+not)\b")
# Words that make a comparison a rule or a threshold's definition: "hold threshold is <1.0", "transfuse if below 7",
# "hold when it falls under 50".
RULE_COMPARISON_BEFORE_RE = _scan(r"(?i)\b(?#first)(?:(?:threshold|cut-?off|cutoff|limit|criterion|criteria|trigger|target|goal|rule|wants?|needs?|needed|requires?|required|"
                                  r"aims?\s+(?:for|at))\s*(?:is|was|=|:|of|at|set\s+at)?"
                                  r"|(?:if|when|unless|once|until|whenever|while|whilst|as\s+long\s+as|si|wenn|bei|bij|als|quando|cuando|lorsque|quand|"
                                  # German "falls" (if) only where it opens a clause: English "ANC 1.6 falls below 1.5" compares
                                  r"(?<![\d,.]\s)(?<![\d,.])(?<![^\W\d_]\s)falls|"
                                  # Italian and Portuguese "se" (if), not Spanish reflexive "se" ("los neutrófilos se mantienen por encima de 1,5")
                                  r"se(?!\s+(?:mantienen?|quedan?|sit[uú]an?|encuentran?|han\s+mantenido|ha\s+mantenido|mantuvieron|mantuvo)\b)|"
                                  # an action's condition: "transfuse for hemoglobin under 7", "hold for platelets below 50"
                                  r"(?:transfuse|hold|withhold|treat|admit|give\s+\w+)\s+(?:for|at|with))"
                                  # "if I get a fever over 38", "transfusie bij klachten of Hb onder 4,0": up to four words of the rule
                                  r"(?:\s+[^\W\d_][\w'’-]*){0,4}?"
                                  r"(?:\s+(?:is|are|falls?|drops?|goes|gets|stays|remains))?)\s*$")
# ... unless the text says right after that the rule's condition is met: "once ANC is back above 1.5, which it now is"
RULE_MET_AFTER_RE = re.compile(r"(?i)[^.;!?]{0,30}?,?\s*which\s+(?:it|they|she|he)\s+(?:now\s+|already\s+|clearly\s+)?(?:is|are|does|has)\b(?!\s*not\b|n['’]t)")
# ... or that it is not: "held while platelets are under 50, which they are not at present" says they are not under 50
NOT_MET_AFTER_RE = re.compile(r"(?i)[^.;!?]{0,30}?,?\s*which\s+(?:it|they|she|he)\s+(?:is|are|was|were|does|do)(?:\s+not\b|n['’]t\b)")
# ... or a rule's condition marked met or not met after it: "the hold criterion is plt <75, not met", "Hold rule is plt <75 — met".
MET_MARK_AFTER_RE = re.compile(r"(?i)[ \t]*(?:[,;:—–-]+|\()[ \t]*(?:which\s+is\s+|that['’]s\s+|it['’]?s\s+)?(?P<not>not\s+|un)?met\b")


THRESHOLD_NOUN_AFTER_NAME_RE = re.compile(rf"(?i)(?:[ \t]+count)?[ \t]+{THRESHOLD_NOUN}\b")


def _threshold_named_after(text: str, end: int) -> str | None:
    """The analyte a comparison's number names right after it as its threshold's: "below the 75 platelet threshold"."""
    name = ANALYTE_RE.match(text, end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" \t")))
    return name.lastgroup if name is not None and THRESHOLD_NOUN_AFTER_NAME_RE.match(text, name.end()) else None


def _said_met(text: str, end: int, s_end: int, marked: re.Match | None) -> bool | None:
    """Whether the words after a rule's comparison (ending at `end`) say it holds ("…, which it now is", "— met"), say it
    does not ("…, which they are not", ", not met"), or say neither (None); `marked` is MET_MARK_AFTER_RE's match there."""
    if marked is not None:
        return marked.group("not") is None
    if RULE_MET_AFTER_RE.match(text, end, s_end):
        return True
    if text.find("which", end, end + 40) >= 0 and NOT_MET_AFTER_RE.match(text, end, s_end):
        return False
    return None


# Between two conditions of one rule: "under 7 or platelets under 10", "below 1.0, or platelets below 50".
RULE_GOES_ON_RE = re.compile(r"(?i)[ \t]*(?:\S+[ \t]*)?(?:,[ \t]*)?(?:or|and|,)[ \t]+(?:(?:the|an?|if|when|their|his|her)[ \t]+)?(?:[A-Za-z-]+[ \t]+){0,3}")
# A value expected later, not the one measured: "ANC 1.1 today but expecting a nadir <0.5 in 3 days".
EXPECTED_BEFORE_RE = re.compile(r"(?i)\bexpect(?:s|ed|ing)?\b(?:\s+(?:an?|the|her|his|their|its|nadir|to|fall|drop|reach|be|of))*\s*$")
# An action right after a comparison makes it a rule's condition: "under 50,000 they'd hold treatment".
ACTION_AFTER_RE = re.compile(r"(?i)\s*,?\s*(?:they|we|you|i|he|she|the\s+(?:team|doctors?|nurses?))\s*(?:['’]d|['’]ll|\s+would|\s+will|\s+should|"
                             r"\s+must|\s+might|\s+may|\s+can|\s+could)?\s+(?:hold|stop|pause|withhold|transfuse|give|start|delay|skip|call|treat|admit)\b")
OTHER_SUBJECT_HINT_RE = re.compile(r"norm|ref|fi|fe|temp|tmax|puls|weight|koorts|band|bracket|tier|categor")  # a piece of each OTHER_SUBJECT_BEFORE_RE word, lowered
# A comparison whose own subject is another measure or the normal range: "call if you get a fever over 38", "normal is above 1.5".
OTHER_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:normal(?:\s+range)?|reference(?:\s+range)?|fever|temp(?:erature)?|tmax|pulse|weight|"
                                     r"fi[èe]vre|fiebre|febbre|fieber|koorts|febre|temp[ée]rature|temperatura|temperatur)"
                                     r"(?:\s+(?:is|are|was|of|=|:))?\s*$"
                                     # ... or a band of a grading scale: "because the lowest band now starts below 1.5"
                                     r"|\b(?:band|bracket|tier|category)\s+(?:(?:now|then|only|still|also)\s+)?(?:starts?|begins?|sits?|lies|is|are|falls?)(?:\s+(?:at|from))?\s*$")
# A sentence that takes up the value of the one before: "That's within normal limits", "It is below normal".
REFERRING_BACK_RE = re.compile(r"(?i)\s*(?:(?:but|and|so)\s+)?(?:that|this|it|which|these|those)(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+remains?)\b")


def _matches_near(pattern: re.Pattern, anchors: Iterable[re.Match], text: str, reach: int = 40) -> list[re.Match]:
    """The matches of `pattern` that start within `reach` characters before one of `anchors`, the matches of a word the
    pattern needs, rarer than its first words: a long text is scanned for the rare word only."""
    found: dict[tuple[int, int], re.Match] = {}
    for word in anchors:
        for match in pattern.finditer(text, max(0, word.start() - reach), min(len(text), word.end() + 120)):
            if match.start() <= word.start() < match.end():
                found.setdefault(match.span(), match)
    return list(found.values())


def _anchor_matches(anchor: re.Pattern, text: str, lowered: str) -> list[re.Match]:
    """anchor.finditer(text), each match tried only where one of its starts (see _match_starts) is found in `lowered`
    (text.lower()): plain string search instead of a scan of the whole text, unless lowering moves or merges letters
    (see CASE_FOLD_EXCEPTIONS) or the pattern's starts are not known."""
    words = _match_starts(anchor)
    if words is None or len(lowered) != len(text) or any(letter in text for letter in CASE_FOLD_EXCEPTIONS):
        return list(anchor.finditer(text))
    matches: list[re.Match] = []
    scanned_to = 0  # a match's own letters are not tried again, as a scan would not
    for position in sorted({found for word in words for found in word_starts(lowered, word)}):
        match = anchor.match(text, position) if position >= scanned_to else None
        if match:
            matches.append(match)
            scanned_to = match.end()
    return matches


SUBJECT_NAME_RE = re.compile(r"(?i)\s*(?:the|her|his|their|your|my|this|that)\s+")
# How a sentence opens before the count it names: a label ("Comments: ", "Discussão: ") and a determiner, each optional.
SUBJECT_OPENER_RE = re.compile(r"(?i)\s*(?:[^\W\d_][\w ]{0,24}:\s*)?(?:(?:the|her|his|their|your|my|this|that|all|both|o|a|os|as|el|la|los|las|le|les|il|i|die|das|der|de|het)\s+)?")
# A subject that names every count given: "All blood counts, platelets included, are within normal limits", "O hemograma está
# dentro da normalidade", "The full blood count is normal".
ALL_COUNTS_RE = re.compile(r"(?i)(?:(?:other\s+|blood\s+|cell\s+)*counts|(?:full|complete)\s+blood\s+counts?|blood\s+counts?|(?:the\s+)?(?:FBC|CBC)|"
                           r"hemograma|hemogramme|hémogramme|emocromo|blutbild|bloedbeeld)\b")
ALL_COUNTS = "*"
EXCEPT_RE = re.compile(r"(?i)\b(?:otherwise|apart|except|besides|other\s+than|remainder|rest|aside|sonst|ansonsten|autrement|resto|restante?s?|"
                       r"salvo|excepto|exceto|tranne|verder|overigens)\b")


def _named_subject(text: str, sentence_start: int, comparison_start: int) -> str | None:
    """The count a sentence opens by naming, with no number before its comparison: "The neutrophil count is within the
    normal range" is about the neutrophil count given before it; ALL_COUNTS when it names them all ("All blood counts …")."""
    opening = SUBJECT_OPENER_RE.match(text, sentence_start).end()
    name = ANALYTE_RE.match(text, opening)
    if name is None and ALL_COUNTS_RE.match(text, opening):
        return ALL_COUNTS if not DIGIT_RE.search(text, opening, comparison_start) else None
    return name.lastgroup if name is not None and not DIGIT_RE.search(text, name.end(), comparison_start) else None


HGB_LLN_RANGE = (12.0, 13.5)


def _lln_comparison_findings(text: str, lowered: str, mentions: list[Mention], spans: list[tuple[int, int]],
                             version: str) -> tuple[list[Finding], int]:
    """Comparisons with the lower limit of normal in words (see LLN_COMPARISON_RE, FOREIGN_LLN_RE); `lowered` is text.lower()."""
    findings, checked = [], 0
    values = [m for m in mentions if not m.is_threshold and m.value is not None]
    value_starts = [m.span[0] for m in values]
    english = _matches_near(LLN_COMPARISON_RE, _anchor_matches(LLN_ANCHOR_RE, text, lowered), text)
    foreign = _matches_near(FOREIGN_LLN_RE, _anchor_matches(FOREIGN_LLN_ANCHOR_RE, text, lowered), text) \
        if any(word in lowered for word in FOREIGN_LLN_WORDS) else []
    named_ranges = _NamedRanges(text, lowered, spans)
    # the lower limit a range right after an earlier value of each analyte gives: "Hgb 12.9 (M, lab range 13.5–17.5) … Hgb 12.9 —
    # within the normal range" is judged against 13.5
    # ... or a range labelled later on the value's line: "Result: 118 / Units: g/L / Standard range: 115 - 165 g/L"
    ranged = {m.analyte: lln for m in values if "(" in text[m.number_span[1]:m.span[1] + 6] and (lln := _range_lln(text, m)) is not None
              or "range" in text[m.span[1]:m.span[1] + 80].lower() and (lln := _range_in_record(text, m)) is not None} \
        if english or foreign else {}
    if english or foreign:  # "Our lab's LLN for platelets is 140. Platelets today 142, above the lower limit"
        ranged = {analyte: lln for analyte, (_, lln) in _text_stated_llns(text, lowered).items() if analyte not in ranged} | ranged
    normal_at = list(NORMAL_AT_RE.finditer(text)) if "normal at" in lowered else []
    normal_alone = [m for at in word_starts(lowered, "normal") if NORMAL_ALONE_BEFORE_RE.search(text, max(0, at - 24), at)
                    and (m := NORMAL_ALONE_RE.match(text, at))]
    value_ends = [m.span[1] for m in values] if normal_alone else []
    for match in sorted(english + foreign + normal_at + normal_alone, key=lambda m: m.start()):
        if match.re is NORMAL_ALONE_RE:  # "Hb 10.9 g/dL, normal, no further work-up": the value right before, said to be normal
            index = bisect_right(value_ends, match.start()) - 1
            gap = text[values[index].span[1]:match.start()] if index >= 0 else ""
            gap = RANGE_IN_BRACKETS_RE.sub("", gap) if "(" in gap else gap  # "WBC 3.9 (4.0-11.0) – normal": past the value's own range
            mention = values[index] if index >= 0 and not gap.strip(" \t,;:(–—-") else None
            if mention is not None:  # judged on its own clause's limit only ("WBC 3.8, below the LLN of 4.0; ANC 2.1, normal")
                clause_start = max(_sentence_start(spans, match.start()), text.rfind(";", 0, mention.span[0]) + 1)
                finding, judged = _lln_finding(text, match, mention, mention.analyte, False, clause_start, spans, None, version)
                checked += judged
                findings += [finding] if finding is not None else []
            continue
        if match.re is NORMAL_AT_RE:  # "His haemoglobin is normal at 13.1 g/dL (… range … 13.5–17.5)": the value the words hold
            mention = next((m for m in values if m.span[0] <= match.start() < m.span[1] and m.number_span[0] >= match.end()), None)
            if mention is not None:
                sentence_start = _sentence_start(spans, match.start())
                finding, judged = _lln_finding(text, match, mention, mention.analyte, False, sentence_start, spans, named_ranges, version)
                checked += judged
                findings += [finding] if finding is not None else []
            continue
        if "rel" in match.re.groupindex:
            rel, limit = match.group("rel").lower(), match.group("limit").lower()
            below = rel in ("below", "under", "less than", "lower than", "beneath")
            if not below and rel not in ("within", "inside", "in") and limit.startswith("normal") and limit != "normal range":
                continue  # "above normal" may mean above the upper limit
        else:
            below = match.group("below") is not None
        if NEGATED_BEFORE_RE.search(text, max(0, match.start() - 24), match.start()):
            below = not below  # "3.6, which is not within normal limits": below it; "not below the LLN": at or above it
        sentence_start = _sentence_start(spans, match.start())
        subject = _named_subject(text, sentence_start, match.start())
        given = values[:bisect_left(value_starts, sentence_start)]
        if subject == ALL_COUNTS and EXCEPT_RE.search(text, sentence_start, min(len(text), match.end() + 40)):
            targets = []  # "The FBC is otherwise normal": all but the counts said to be abnormal
        elif subject == ALL_COUNTS:  # "All blood counts are within normal limits": the latest value of each count given before
            targets = list({m.analyte: m for m in given if m.analyte in DEFAULT_LLN}.values())
        elif subject is not None:  # "The neutrophil count is within the normal range": that count's value, given before
            targets = [next((m for m in reversed(given) if m.analyte == subject), None)]
        elif ALL_LISTED_BEFORE_RE.search(text, max(sentence_start, match.start() - 24), match.start()) \
                and len(said := [m for m in values if sentence_start <= m.span[0] and m.span[1] <= match.start()]) > 1:
            targets = said  # "a white cell count of 3.8 and neutrophils of 2.2, both within normal limits": each value before it
            subject = ALL_COUNTS
        else:
            mention = _value_for_comparison(match, values, value_starts, text)
            if (mention is None or mention.span[1] <= sentence_start) \
                    and RESULT_SUBJECT_RE.search(text, max(sentence_start, match.start() - 60), match.start()):
                # "Your white cell count today is 3.4. …, so your result sits within the normal range": the value given before
                mention = given[-1] if given else None
                subject = mention.analyte if mention is not None else None
            elif (mention is None or mention.span[1] <= sentence_start) and given \
                    and ELLIPTIC_START_RE.fullmatch(text, sentence_start, match.start()):
                # "Plts 142 today (38 on admission). Now above the lower limit of normal": the one count of the sentence before, as of now
                before = spans[max(0, bisect_right(spans, (sentence_start, -1)) - 1)][0]
                latest = [m for m in given if m.span[0] >= before and text.count("(", before, m.span[0]) <= text.count(")", before, m.span[0])]
                if latest and len({m.analyte for m in latest}) == 1:
                    mention, subject = latest[-1], latest[-1].analyte
            targets = [mention]
        for mention in targets:
            finding, judged = _lln_finding(text, match, mention, subject, below, sentence_start, spans, named_ranges, version,
                                           ranged.get(mention.analyte) if mention is not None else None)
            checked += judged
            if finding is not None:
                findings.append(finding)
    return findings, checked


# The values listed before a comparison said of them all: "…, both within normal limits", "…, all within the reference range".
ALL_LISTED_BEFORE_RE = re.compile(r"(?i)[,;(—–-]\s*(?:both|all|each)(?:\s+(?:of\s+them|three|two))?\s+(?:(?:are|were|is|was|being|sit|remain)\s+)?(?:(?:still|now|comfortably|well)\s+)?$")
# The start of a sentence that leaves its subject to the sentence before: "Now above the lower limit of normal".
ELLIPTIC_START_RE = re.compile(r"(?i)\s*(?:(?:now|today|still|currently|back|remains?|stays?|is|are|it['’]s|it|they['’]re|they|well|just|"
                               r"slightly|already|again|finally|comfortably|so|and|but)\s+)+")
RANGE_IN_BRACKETS_RE = re.compile(r"\(\s*(?:(?:male|female|men|women|m|f)\s*[,;:]\s*)?(?:(?:ref(?:erence)?|normal|range|nr|rr)(?:\s+range)?\s*[:.]?\s*)?\d[\d.,]*\s*(?:[-–]|to)\s*\d[\d.,]*\s*[^()\d\s]{0,12}\s*\)",
                                  re.IGNORECASE)  # "Leukocytes 3.8 (ref 4.0–10.0), normal", "Hb 12.9 (male, ref 13.5–17.5) - normal"
# A value said to be normal on its own, the word alone in its clause: "Hb 10.9, normal,", "ANC 2.1 - normal."
NORMAL_ALONE_BEFORE_RE = re.compile(r"(?i)[,;:(–—-][ \t]*(?:(?:which|that)\s+is\s+|is\s+)?$")
NORMAL_ALONE_RE = re.compile(r"(?i)normal(?=[ \t]*(?:[,.;)]|$))")
NORMAL_AT_RE = re.compile(r"(?i)\b(?:is|are|was|were|remains?)\s+normal\s+at\s+(?=\d)")  # "haemoglobin is normal at 13.1"
# The patient's result named as the subject of a comparison, in the languages read: "your result", "su resultado", "uw uitslag".
RESULT_SUBJECT_RE = re.compile(r"(?i)\b(?:(?:your|the|my|her|his|this|that)\s+(?:result|count|value|level|reading)|su\s+(?:resultado|valor|recuento)|"
                               r"votre\s+(?:r[ée]sultat|valeur|taux)|ihr\s+(?:wert|ergebnis)|il\s+suo\s+(?:valore|risultato)|"
                               r"o\s+seu\s+(?:resultado|valor)|uw\s+(?:uitslag|waarde)|dat|dit|esto|eso|cela|ceci|das|dies|questo|isso|isto)\b")
SENTENCE_RANGE_RE = re.compile(rf"(?P<low>\d+(?:[.,]\d+)*)\s*(?P<low_unit>{UNIT_ALTERNATIVES})?\s*(?:[-–]|to)\s*\d+(?:[.,]\d+)*\s*(?P<unit>{UNIT_ALTERNATIVES})?",
                               re.IGNORECASE)


def _sentence_range_lln(text: str, sentence_start: int, match: re.Match, mention: Mention) -> float | None:
    """The low end of a range the comparison's own sentence gives ("The normal range printed on your report is 4.0–11.0
    x10^9/L, so your result sits within the normal range"; "binnen de normaalwaarden van ons laboratorium (150–400)"),
    when it is a plausible lower limit for the value's count (half to twice the usual one)."""
    end = text.find("\n", match.end())
    stop = text.find(". ", match.end())
    end = min(e for e in (end, stop, match.end() + 80, len(text)) if e >= 0)
    for found in SENTENCE_RANGE_RE.finditer(text, sentence_start, end):
        low = _range_limit(mention.analyte, found.group("low"), found.group("low_unit") or found.group("unit") or mention.native_unit)
        usual = DEFAULT_LLN.get(mention.analyte)
        if low is not None and usual and usual / 2 <= low <= usual * 2:
            return low
    return None


def _lln_finding(text: str, match: re.Match, mention: Mention | None, subject: str | None, below: bool, sentence_start: int,
             spans: list[tuple[int, int]], named_ranges: _NamedRanges | None, version: str,
                 stated_before: float | None = None) -> tuple[Finding | None, int]:
    """The finding, if any, of one value said to be below, above or within the normal range (and 1 if it was judged);
    `stated_before` is the lower limit a range after an earlier value of the analyte gave."""
    if mention is None or mention.analyte not in DEFAULT_LLN:
        return None, 0
    if mention.span[0] < sentence_start and not REFERRING_BACK_RE.match(text, sentence_start) and subject is None:
        return None, 0  # "ALC 0.35. Remainder of the CBC is within normal limits": another sentence's subject
    if subject is None and any(name.lastgroup != mention.analyte for name in ANALYTE_RE.finditer(text, mention.span[1], match.start())):
        return None, 0  # "(neutrofili 0,3), con emoglobina e piastrine nella norma": the counts named after the value are its subject
    stated = _range_lln(text, mention, named_ranges)  # "Hgb 11.6 g/dL (ref 12.0–15.5), within the reference range": the text's own limit
    if stated is None and mention.span[1] <= sentence_start:
        stated = _sentence_range_lln(text, sentence_start, match, mention)  # "The normal range … is 4.0–11.0, so your result sits within it"
    if stated is None and ("LLN" in text[sentence_start:match.end() + 30] or "limit" in text[sentence_start:match.end() + 30]) \
            and (named := STATED_LLN_RE.search(text, sentence_start, min(len(text), match.end() + 30))) is not None:
        stated = _range_limit(mention.analyte, named.group("num"), named.group("unit") or mention.unit_text or mention.native_unit)  # "(LLN 12.0)"
    if stated is None:
        stated = stated_before
    if stated is not None:
        low = high = limit = stated
    else:  # the usual limit ("platelets 142, above the lower limit of normal" is false); hemoglobin's depends on sex
        limit = DEFAULT_LLN[mention.analyte]
        low, high = HGB_LLN_RANGE if mention.analyte == "hgb" else (limit, limit)
    false = mention.value >= high if below else mention.value < low
    if not false:
        return None, 1
    label = ANALYTE_LABELS[mention.analyte]
    words = "below" if below else "at or above"
    source = "the text gives" if stated is not None else "usually"
    return Finding(
        "false_comparison", mention.analyte, mention.value, mention.unit, None, None, limit,
        "<" if below else ">=", version, [mention.span[0], match.end()], _sentence_at(text, spans, match.start()),
        f"{label} {mention.value:g} {mention.unit} is not {words} the lower limit of normal ({source} {limit:g} {mention.unit}).",
    ), 1


# A value said to be within (or outside) a range that the text gives: "140,000/µL is within the normal range
# (150,000-400,000/µL)", "ANC 1.2, inside the reference interval of 1.5-8.0".
RANGE_NUMBER = r"\d+(?:[.,]\d+)*"
# The same in the other languages read here: "dans les normes (150–400 G/L)", "nella norma (150-450)".
RANGE_COMPARISON_RE = re.compile(rf"(?i)\b(?:(?P<rel>within|inside|in|outside(?:\s+of)?)\s+(?:the\s+|its\s+|our\s+)?(?:(?:lab's|laboratory's|local|usual)\s+)?"
                                 rf"(?:normal|reference|ref\.?|standard|expected|healthy)\s+(?:range|limits|interval)|{FOREIGN_WITHIN}|"
                                 # below the range it gives: "unter der Norm (4,0–10,0 /nl)", "below the normal range (150-400)"
                                 rf"(?P<below>(?:below|under|beneath)\s+(?:the\s+)?(?:normal|reference)(?:\s+(?:range|limits|interval))?|unter(?:halb)?\s+der\s+Norm|"
                                 rf"sous\s+la\s+normale|en\s+dessous\s+de\s+la\s+normale|por\s+debajo\s+de(?:l\s+rango|\s+lo)?\s+normal|sotto\s+la\s+norma|"
                                 rf"onder\s+de\s+norm|abaixo\s+do\s+normal))"
                                 # "the reference interval printed on the report (150–400)"
                                 rf"(?:\s+(?:printed|given|shown|listed|stated|on|in|the|your|report|lab|laboratory|sheet|for|men|women|"
                                 rf"platelets?|neutrophils?|lymphocytes?|ha?emoglobin|white\s+cells?|counts?)){{0,5}}"  # "… range for platelets (150–400)"
                                 rf"\s*(?:\(\s*|of\s+|:\s*|,\s*)?"
                                 rf"(?P<low>{RANGE_NUMBER})\s*(?:{UNIT_ALTERNATIVES})?\s*(?:[-–]|to)\s*(?P<high>{RANGE_NUMBER})"
                                 rf"\s*(?P<unit>{UNIT_ALTERNATIVES})?(?![\w.,]*\d)")


FOREIGN_WITHIN_WORDS = ("normes", "la norma", "normbereich", "referenzbereich", "der norm", "de norm", "normales", "normais", "normalidade", "rango normal")  # FOREIGN_WITHIN's
RANGE_ANCHOR_RE = _scan(r"(?i)(?#first)(?:(?:normal|reference|ref\.?|standard|expected|healthy)\s+(?:range|limits|interval)|rango\s+normal|range\s+di\s+normalit|norme|norma\b|normbereich|referenzbereich|norm\b|normaalw|normales|normais|normalidade|limiti)")


def _range_limit(analyte: str, number_text: str, unit: str | None) -> float | None:
    """One end of a stated range in the analyte's canonical unit, its number read as a value's would be."""
    return to_canonical(analyte, read_number(number_text, unit)[0], unit)[0]


# A comparison with a threshold named in a sentence before: "… as long as your platelets stay above 50,000 per microlitre.
# Your count today is 48,000 per microlitre, which is still above that level".
THAT_LEVEL_RE = re.compile(r"(?i)\b(?P<rel>above|below|under|over|beneath)\s+(?:that|this|the\s+same)\s+(?:level|threshold|cut-?off|limit|line|value|mark|number)\b")


def _named_before_findings(text: str, mentions: list[Mention], spans: list[tuple[int, int]], version: str) -> tuple[list[Finding], int]:
    findings, checked = [], 0
    values = [m for m in mentions if not m.is_threshold and m.value is not None]
    value_starts = [m.span[0] for m in values]
    for match in THAT_LEVEL_RE.finditer(text):
        mention = _value_for_comparison(match, values, value_starts, text)
        sentence_start = _sentence_start(spans, match.start())
        if mention is None or mention.span[0] < sentence_start:
            continue
        # the last threshold stated in the sentences before ("stay above 50,000 per microlitre"), in the value's unit
        stated = list(ENGLISH_COMPARISON_RE.finditer(text, max(0, sentence_start - 400), sentence_start))
        if not stated:
            continue
        last = stated[-1]
        number = read_number(last.group("num"), last.group("unit"))[0]  # read as _judge_comparison reads a threshold
        threshold = number if last.group("kilo") and mention.analyte in ("wbc", "anc", "alc", "plt") \
            else to_canonical(mention.analyte, number, last.group("unit"))[0]
        if threshold is None:
            continue
        checked += 1
        below = match.group("rel").lower() in ("below", "under", "beneath")
        if (mention.value < threshold) == below:
            continue
        label = ANALYTE_LABELS[mention.analyte]
        findings.append(Finding(
            "false_comparison", mention.analyte, mention.value, mention.unit, None, None, threshold, "<" if below else ">", version,
            [mention.span[0], match.end()], _sentence_at(text, spans, match.start()),
            f"{label} {mention.value:g} {mention.unit} is not {'below' if below else 'above'} {threshold:g} {mention.unit}, the level named before.",
        ))
    return findings, checked


def _range_comparison_findings(text: str, mentions: list[Mention], spans: list[tuple[int, int]], version: str) -> tuple[list[Finding], int]:
    findings, checked = [], 0
    values = [m for m in mentions if not m.is_threshold and m.value is not None]
    value_starts = [m.span[0] for m in values]
    for match in _matches_near(RANGE_COMPARISON_RE, RANGE_ANCHOR_RE.finditer(text), text):
        mention = _value_for_comparison(match, values, value_starts, text)
        if mention is None:
            continue
        low = _range_limit(mention.analyte, match.group("low"), match.group("unit"))
        high = _range_limit(mention.analyte, match.group("high"), match.group("unit"))
        if low is None or high is None or low >= high:
            continue
        checked += 1
        if match.group("below"):
            if mention.value < low:
                continue
            findings.append(Finding(
                "false_comparison", mention.analyte, mention.value, mention.unit, None, None, low, "<", version,
                [mention.span[0], match.end()], _sentence_at(text, spans, match.start()),
                f"{ANALYTE_LABELS[mention.analyte]} {mention.value:g} {mention.unit} is not below the stated range {low:g}-{high:g} {mention.unit}.",
            ))
            continue
        inside = low <= mention.value <= high
        outside = (match.group("rel") or "").lower().startswith("outside")
        if inside != outside:
            continue
        label = ANALYTE_LABELS[mention.analyte]
        nearer = min((low, high), key=lambda limit: abs(limit - mention.value))
        findings.append(Finding(
            "false_comparison", mention.analyte, mention.value, mention.unit, None, None, nearer, "outside" if outside else "within",
            version, [mention.span[0], match.end()], _sentence_at(text, spans, match.start()),
            f"{label} {mention.value:g} {mention.unit} is not {'outside' if outside else 'within'} the stated range "
            f"{low:g}-{high:g} {mention.unit}.",
        ))
    return findings, checked


def _sentence_start(spans: list[tuple[int, int]], position: int) -> int:
    """Where the sentence (of `spans`, from sentences(text)) that holds `position` starts."""
    return spans[max(0, bisect_right(spans, (position, float("inf"))) - 1)][0]


def _sentence_at(text: str, spans: list[tuple[int, int]], position: int) -> str:
    """The sentence (of `spans`, from sentences(text)) that holds `position`."""
    index = bisect_right(spans, (position, len(text) + 1)) - 1
    return text[spans[index][0]:spans[index][1]].strip() if index >= 0 and position < spans[index][1] else ""


# A table column of grades: "| Day | ANC | CTCAE grade |", "| Test | Result | Grade (v6.0) |". Each row's bare grade
# ("| 8 | 0.8 | 2 |") is a claim about the row's value; grades written with their word ("Grade 2") are read as text.
# Also in the other languages read here, and with the analyte after the word: "Grado CTCAE v5.0", "CTCAE-Grad Thrombos".
GRADE_HEADER_RE = re.compile(r"(?i)^(?:(?:NCI[\s-]*)?CTCAE(?:\s*v(?:ersion)?\s*[56](?:\.0)?)?$|"  # "| CTCAE v5.0 | CTCAE v6.0 |", "CTCAE" over bare grades
                             r"v(?:ersion)?\s*[56](?:\.0)?$|"  # "| Value | v5.0 | v6.0 |": a version alone heads its grades
                             r"[A-Z]{0,3}TOXGRN?$|"  # a CDISC toxicity grade variable: ATOXGR, LBTOXGR, AETOXGR
                             r"(?:ctcae[\s-]*)?(?:v(?:ersion)?\s*[56](?:\.0)?\s*)?(?:(?P<name>[A-Za-zÀ-ÿ#/ .]+?)\s+)?(?:ctcae[\s-]*)?"
                             r"(?:v(?:ersion)?\s*[56](?:\.0)?\s*)?(?:grade|grado|grad|grau|graad|gr\.?)\s*"
                             r"(?:\(?\s*(?:ctcae\s*)?(?:v(?:ersion)?\s*)?[56](?:\.0)?\s*\)?|ctcae(?:\s*v(?:ersion)?\s*[56](?:\.0)?)?)?"
                             # "Grade at discharge": the grade of the column of that time
                             r"(?:\s+(?P<after>[A-Za-zÀ-ÿ#/.]+)|\s*\(\s*(?P<paren>[A-Za-zÀ-ÿ#/. ]+?)\s*\)|\s+(?:at|on|by|@)\s+(?P<when>[A-Za-zÀ-ÿ/.-]+(?:\s+\d{1,3})?)|"
                             # "Grade (17/03)", "Grade (wk 6)": the grade of the column of that date or day
                             r"\s*\(\s*(?P<dated>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:day|d|wk|week|cycle|c)\s*\d{1,3})\s*\))?$)")
GRADE_CELL_RE = re.compile(r"(?i)^(?P<op>≥|>=|≤|<=)?\s*(?P<g>[0-5]|iv|v|i{1,3})(?:\s*[-–]\s*(?P<g2>[0-5]))?(?P<plus>\+)?$")
VALUE_HEADER_RE = re.compile(r"(?i)\b(?:result|value|count|level|today|current|latest|now)\b")
GRADE_WORD_HINT_RE = re.compile(r"(?i)gra(?:de|do|d|u|ad)|ctcae")
TABLE_RULE_RE = re.compile(r"^[\s|:\-–]+$")
SPACED_ROW_RE = re.compile(r"\S {2,}\S")  # a line of a table aligned with spaces


def _header_cells(line: str, spaced: bool, delimiter: str | None) -> list[str]:
    """A table line's cells as a header's names; an export's field names join words with underscores ("wbc_grade_v5"): read
    as spaces."""
    return [line[a:b].strip().replace("_", " ") for a, b in table_cells(line, spaced, delimiter)]


MARKDOWN_RULE_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")  # "|---|:---:|": the rule under a header


def _grade_column_findings(text: str, default_version: str) -> tuple[list[Finding], int]:
    """The claims of every table with one column of grades, each row's grade judged against the row's value."""
    findings: list[Finding] = []
    checked = 0
    lines = text.split("\n")
    offsets = line_starts(lines)
    row = 0
    while row < len(lines):
        delimiter = "|" if "|" in lines[row] else "\t" if "\t" in lines[row] else "  " if SPACED_ROW_RE.search(lines[row]) \
            else next((d for d in ",;" if lines[row].count(d) >= 2 and DELIMITED_LINE_RES[d].fullmatch(lines[row].strip())), None)
        spaced = delimiter == "  "
        exported = delimiter if delimiter in (",", ";") else None  # a CSV export: "visit_date,analyte,result,unit,ctcae_v5_grade"
        following = row + 1
        while delimiter and following < len(lines) and (SPACED_ROW_RE.search(lines[following]) if spaced else delimiter in lines[following]):
            following += 1
        header = _header_cells(lines[row], spaced, exported) if delimiter else []
        if delimiter and row + 2 < following and (not any(map(GRADE_HEADER_RE.match, header)) or MARKDOWN_RULE_RE.fullmatch(lines[row + 2])) \
                and any(map(GRADE_HEADER_RE.match, second := _header_cells(lines[row + 1], spaced, exported))):
            # "AE LOG | Pt 014" over the header: a title, then the header (also a title that names a version, "… | CTCAE v5.0",
            # when the rule under a Markdown table's header comes a line later)
            row, header = row + 1, second
        grade_columns = [i for i, cell in enumerate(header) if GRADE_HEADER_RE.match(cell)]
        range_column = next((i for i, cell in enumerate(header) if RANGE_HEADER_RE.search(cell) and i not in grade_columns), None)
        for grade_column in grade_columns:
            owner = _owner_column(header, grade_column, grade_columns)
            for data_row in range(row + 1, following):
                claim_and_value = _row_claim(text, lines[data_row], offsets[data_row], header, grade_column, owner, spaced, exported)
                if claim_and_value is None:
                    continue
                checked += 1
                named = VERSION_NAMED_RE.search(header[grade_column])
                version = normalize_version(named.group(1)) if named else default_version
                other = OTHER_VERSION[version]
                # "| WBC | 3.5 x10^9/L | 3.5-10.5 | 0 |": the row's own range sets its lower limit of normal
                lln = _row_lln(lines[data_row], range_column, claim_and_value[1], spaced, exported) if range_column is not None else None
                finding = _judge_claim(*claim_and_value, False, version, other, lines[data_row].strip(), lln)
                if finding:
                    findings.append(finding)
        row = following
    return findings, checked


# A CDISC SDTM record's toxicity grade, written as a key in the record's line: "LBTEST=Neutrophils | LBORRES=1.05 | … | LBTOXGR=3".
RECORD_GRADE_RE = re.compile(r"\b[A-Z]{0,3}TOXGRN?\s*[=:]\s*(?P<g>[0-5])\b")
# A JSON lab result's grade and version fields: {"test": "PLT", "value": 73, "ctcae_version": "5.0", "ctcae_grade": 1}.
JSON_GRADE_RE = re.compile(r'(?i)"(?:ctcae_?)?(?:v[56](?:\.0)?_)?(?:grade|toxicity_grade)"\s*:\s*"?(?P<g>[0-5])(?![\d.])')
JSON_VERSION_RE = re.compile(r'(?i)"(?:ctcae_?)?version"\s*:\s*"?v?(?P<v>[56])(?:\.0)?"?')


def _record_grade_findings(text: str, mentions: list[Mention], version: str) -> tuple[list[Finding], int]:
    """The grade a lab record gives beside its result, judged against the result (read by the lab reader): a CDISC record's
    toxicity grade on its line, a JSON object's grade field (under the version the object names, if any)."""
    findings, checked = [], 0
    for mention in mentions:
        if mention.value is None or mention.is_threshold:
            continue
        record_version = version
        if text.startswith("LBTEST", mention.span[0]):
            line_end = text.find("\n", mention.span[0])
            grade = RECORD_GRADE_RE.search(text, mention.span[0], len(text) if line_end < 0 else line_end)
        elif text.startswith("{", mention.span[0]) and mention.raw.endswith("}"):
            grade = JSON_GRADE_RE.search(text, *mention.span)
            named = JSON_VERSION_RE.search(text, *mention.span)
            record_version = normalize_version(named.group("v")) if named else version
        else:
            continue
        if grade is None:
            continue
        checked += 1
        claim = Claim({int(grade.group("g"))}, grade.group("g"), grade.span("g"), mention.analyte)
        finding = _judge_claim(claim, mention, False, record_version, OTHER_VERSION[record_version], text[mention.span[0]:max(grade.end(), mention.span[1])])
        findings += [finding] if finding else []
    return findings, checked


RANGE_HEADER_RE = re.compile(r"(?i)\b(?:ref(?:erence)?|range|normal|r[ée]f[ée]rences?|referenz\w*|norm\w*|rango|intervallo|referentie\w*)\b")
ROW_RANGE_RE = re.compile(r"\s*\(?\s*(?P<low>\d+(?:[.,]\d+)?)\s*(?:[-–]|to)\s*\d+(?:[.,]\d+)?")


def _row_lln(line: str, range_column: int, mention: Mention, spaced: bool, delimiter: str | None = None) -> float | None:
    """The lower limit of normal a table row's range cell gives its value, in the value's canonical unit."""
    cells = table_cells(line, spaced, delimiter)
    if range_column >= len(cells):
        return None
    low = ROW_RANGE_RE.match(line, *cells[range_column])
    return _range_limit(mention.analyte, low.group("low"), mention.native_unit) if low else None


def _header_analyte(cell: str) -> re.Match | None:
    """The analyte a header cell names, past a word saying which value ("Nadir plt (x10^9/L)", "Worst ANC")."""
    return HEADER_ANALYTE_RE.match(cell, WHICH_VALUE_RE.match(cell).end())


def _owner_column(header: list[str], grade_column: int, grade_columns: list[int]) -> int | None:
    """The column of values a column of grades grades: the analyte its header names ("ANC grade"), else the only
    analyte column, else, in a table with a grade column after each value column, the analyte column just before it."""
    named = {i: m.lastgroup for i, cell in enumerate(header) if (m := _header_analyte(cell))}
    grade_header = GRADE_HEADER_RE.match(header[grade_column])
    owner = grade_header.group("name") or grade_header.group("after") or grade_header.group("paren")
    owner_name = ANALYTE_RE_FULL.match(owner.strip()) if owner else None
    candidates = [i for i, a in named.items() if owner_name is None or owner_name.lastgroup == a]
    if len(candidates) == 1:
        return candidates[0]
    if owner_name is None and len(grade_columns) > 1:
        before = [i for i in candidates if i < grade_column and not any(i < g < grade_column for g in grade_columns)]
        return before[-1] if before else None
    return None


def _row_name(cell: str) -> re.Match | None:
    """The analyte a table cell names: a lab's name ("ANC"), or a CTCAE term of a count ("Neutrophil count decreased",
    "White blood cell decreased"), whose lastgroup is the analyte."""
    return ANALYTE_RE_FULL.match(cell) or (HEADER_ANALYTE_RE.match(cell) if "/" in cell or "%" in cell else None) \
        or (CTCAE_COUNT_TERM_RE.fullmatch(cell) if "ecrease" in cell else None)  # (also with its unit: "Hgb g/dL")


def _row_claim(text: str, line: str, offset: int, header: list[str], grade_column: int, owner: int | None,
               spaced: bool = False, delimiter: str | None = None) -> tuple[Claim, Mention] | None:
    """A table row's bare grade as a claim, and the row's value it is about: the value column of a row that names its
    analyte ("| ANC | 0.8 | 2 |"), the analyte column the grade column grades ("| 8 | 0.8 | 2 |" under "| Day | ANC |
    Grade |"), or the one cell that names its analyte and value ("| 4 | Lymphopenia | ALC 0.25 | 4 |"). A table aligned
    with spaces (`spaced`) splits at runs of two or more, a CSV export at its `delimiter`."""
    spans = table_cells(line, spaced, delimiter)
    if TABLE_RULE_RE.match(line) or len(spans) != len(header):
        return None
    cells = [line[a:b].strip() for a, b in spans]
    grade_cell = GRADE_CELL_RE.match(cells[grade_column].strip("*_ "))  # "**2**": Markdown emphasis around the grade
    if grade_cell is None:
        return None
    # rows name their analyte, in the first column or in one other ("| Subject | Day | Parameter | Value | Grade |")
    named = _row_name(cells[0])
    named_column = 0
    if not named and owner is None:
        naming = [(i, m) for i, cell in enumerate(cells) if i != grade_column and (m := _row_name(cell))] \
            or ([(i, m) for i, cell in enumerate(cells) if i != grade_column and ("peni" in cell or "emi" in cell) and (m := TERM_RE.fullmatch(cell.strip()))]
                if not any(ANALYTE_RE.search(cell) for cell in cells) else [])
        # (the condition alone names the count when no cell names a count: "| 2 | Neutropenia | 0.7 x10^9/L | 4 |")
        named_column, named = naming[0] if len(naming) == 1 else (0, None)
    grades, label = _claim_set(grade_cell)
    claim_span = (offset + spans[grade_column][0], offset + spans[grade_column][1])
    if named and named.re is CTCAE_COUNT_TERM_RE:  # "| White blood cell decreased | 22 | WBC 2.9 x10^9/L | 3 |": the cell naming its value
        own = [m for m in _cell_mentions(line, spans, offset, grade_column) if m.analyte == named.lastgroup]
        if len(own) == 1:
            return Claim(grades, label, claim_span, own[0].analyte), own[0]
    if named:  # the value column after the name, else the first number after it
        analyte = named.lastgroup
        columns = [i for i in range(named_column + 1, len(cells)) if i != grade_column]
        grade_header = GRADE_HEADER_RE.match(header[grade_column])
        when = grade_header.group("when") or grade_header.group("dated")
        timed = [i for i in columns if when and when.lower() in header[i].lower()]
        preferred = [i for i in columns if VALUE_HEADER_RE.search(header[i])]
        valued = [i for i in columns if cell_value(line, *spans[i])]
        # "| Test | 10/03 | 17/03 | Grade |": of columns of dates or times, the latest
        latest = latest_column([header[i] for i in valued]) if len(valued) > 1 and not timed and not preferred else None
        column = valued[latest] if latest is not None else next((i for i in timed + preferred + columns if i in valued), None)
        unit_header = unit_in(cells[named_column])  # "| Hgb g/dL | 8.7 | 3 |": the name cell's unit
    elif owner is not None:  # columns name their analytes
        column, analyte = owner, _header_analyte(header[owner]).lastgroup
        unit_header = unit_in(header[column])
    else:
        named_cells = _cell_mentions(line, spans, offset, grade_column)
        if len(named_cells) != 1:
            return None
        return Claim(grades, label, claim_span, named_cells[0].analyte), named_cells[0]
    if column is None or analyte not in CANONICAL_UNIT:
        return None
    number = cell_value(line, *spans[column])  # of "75 → 70 x10^9/L", the series' last value
    if number is None:
        return None
    mention = _mention(analyte, text, offset + number.start("num"), offset + number.end(), number.group("num"), bool(number.group("kilo")),
                       number.group("unit") or unit_header, None, (offset + number.start("num"), offset + number.end("num")),
                       [parse_number(number.group("num"))])
    if mention.value is None:
        return None
    return Claim(grades, label, claim_span, analyte), mention


def _cell_mentions(line: str, spans: list[tuple[int, int]], offset: int, grade_column: int) -> list[Mention]:
    """The values the cells of a table row (but its grade's) name themselves ("ALC 0.25"), placed in the whole text."""
    found = []
    for i, (a, b) in enumerate(spans):
        if i == grade_column:
            continue
        for mention in find_mentions(line[a:b]):
            if not mention.is_threshold and mention.value is not None:
                shift = offset + a
                found.append(replace(mention, span=(mention.span[0] + shift, mention.span[1] + shift),
                                     number_span=(mention.number_span[0] + shift, mention.number_span[1] + shift), steps=[]))
    return found


WHICH_VALUE_RE = re.compile(r"(?i)(?:(?:nadir|lowest|worst|peak|current|latest|min(?:imum)?|today'?s?)\s+)?")
def _whole_name(unit: str) -> re.Pattern:
    """A cell or a bracket that holds a count's name and nothing more ("Platelet nadir (x10^9/L)"); `unit`, a pattern of the
    unit a header's field name may carry after it ("nadir_plt_x10e9L"), or none."""
    return re.compile(r"(?i)(?:abs(?:olute)?\.?\s+)?(?:" + "|".join(f"(?P<{k}>{v})" for k, v in ANALYTE_PATTERNS.items()) + r")"
                      r"(?:\s+(?:nadir|lowest|worst|peak|value|result|level|min(?:imum)?))?" + unit
                      + r"(?:\s*[\(\[][^()\[\]]*[\)\]])?\s*(?:,\s*[^,]*)?$")


ANALYTE_RE_FULL = _whole_name("")
HEADER_ANALYTE_RE = _whole_name(r"(?:\s*(?:" + UNIT_ALTERNATIVES + r")(?![A-Za-z]))?")


def _short(sentence: str) -> bool:
    """A sentence of at most 24 characters besides the CTCAE version and a bracket: "Grade: 1.", "Answer: grade 2 (CTCAE v5.0)."."""
    return len(sentence) <= 24 or len(sentence) <= 64 and len(BRACKET_TEXT_RE.sub("", VERSION_NAMED_RE.sub("", sentence)).strip()) <= 24


BRACKET_TEXT_RE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")  # "(CTCAE v5.0)", a chat log's "[09:13]"


# A sentence about another time than the values before it ("Last cycle she had grade 2 neutropenia") does not borrow them
# ("… before the next dose" is a plan, no other time).
OTHER_TIME_RE = re.compile(r"(?i)\b(?:last|previous(?:ly)?|prior|earlier|before(?!\s+(?:the\s+)?(?:next|each|every)\b)|history|baseline|ago|"
                           r"(?:resolved|recovered)(?!\s+(?:back\s+)?to\b)|nadir|(?<!since\s)cycles?\s+\d|in\s+\d{4}|will|would|if|expect(?:ed)?|risk)\b")


# A sentence that states grades rather than talks about them: an optional label ("Impression:"), an optional subject and
# negation ("The patient does not have", "No"), then the claims; after the last one the sentence ends or goes on with a
# new clause ("Grade 3 thrombocytopenia; hold the dose"), never with a verb ("Grade 3 anemia usually needs a transfusion").
STATEMENT_PREFIX_RE = re.compile(
    r"(?i)[\s•*·\-–—>\d.)]*(?:[A-Za-z][\w /&'-]{0,30}(?:\s*\([^()]{0,20}\))?:\s*)?(?:(?:both|all|also|so|thus|hence|overall|currently|now|today)\s*,?\s+)?"
    r"(?:(?:the\s+)?(?:patient|pt|she|he|they|it)\s+(?:has|have|is|does\s+not\s+have|doesn't\s+have|shows?)\s+"
    r"|(?:this|that|these|those|which|it|they)(?:'s|\s+(?:is|are|represents?|means?|indicates?|corresponds?\s+to|amounts?\s+to|"
    r"equals?|constitutes?|counts?\s+as|would\s+be))\s+)?(?:(?:consistent|compatible)\s+with\s+|in\s+keeping\s+with\s+|i\.e\.\s*|[=→]\s*|->\s*)?"
    r"(?:(?:no|not|without|nor)\s+)?(?:(?:evidence\s+of|signs?\s+of)\s+)?"
    rf"(?:(?:the\s+)?{TERM_ALTERNATIVES.replace('(?P<', '(?P<p_')}\s*(?:of|is|was|:|-|–|—|,\s*(?:still|now|currently)?|"
    r"(?:has|have)\s+(?:now\s+)?(?:resolved|improved|recovered|worsened|progressed|settled|eased|returned|fallen|risen)\s+(?:back\s+)?to)?\s*)?"
    r"(?:CTCAE\s*)?")
STATEMENT_SUFFIX_RE = re.compile(
    rf"(?i)(?:\s+[\w-]+)?\s+{TERM_ALTERNATIVES.replace('(?P<', '(?P<s_')}|(?=\W)")
STATEMENT_END_RE = re.compile(r"(?i)\s*(?:\([^()]{0,40}\)\s*)?(?:$|[.;,:!—–]|\s-\s|\b(?:and|but)\b|\b(?:at\s+present|currently|today|now|"
                              r"by|per|under|in\s+CTCAE|on|with|while|secondary\s+to|due\s+to|after|related\s+to|likely|probably|"
                              r"attributed|since|despite|from)\b)")


# Labels of text about grades in general, not about the values before it.
def _general_label(text: str, start: int, colon: int) -> bool:
    """Whether the label text[start:colon] heads grades in general ("Side effects:", "Grading:"), not the patient's of a
    time it names ("Week 9 grading:", "Today's grading:")."""
    return GENERAL_LABEL_RE.search(text, start, colon) is not None and OWN_TIME_LABEL_RE.search(text, start, colon) is None


OWN_TIME_LABEL_RE = re.compile(r"(?i)\b(?:(?:week|wk|day|cycle)\s*\d+|[CD]\d+(?:D\d+)?|today(?:['’]s)?|current|latest|this\s+(?:week|visit|morning))\b")
GENERAL_LABEL_RE = re.compile(r"(?i)\b(?:risks?|side\s+effects?|modifications?|definitions?|criteria|tables?|"
                              r"guidance|rules?|management|actions?|examples?|doses?|holds?|if|when|warnings?|monitor(?:ing)?|"
                              r"expected|possible|potential|watch|legend|scale|key)\b")


def _states_grades(text: str, start: int, end: int, claims: list[re.Match]) -> bool:
    """Whether the sentence text[start:end], whose GRADE_CLAIM_RE matches are `claims`, states grades (see
    STATEMENT_PREFIX_RE), so that it may borrow the values before it."""
    if _names_before_grades(text, start, claims):
        return True  # "WBC G1, Hb G1, plt G2": each grade after the count it grades
    prefix = STATEMENT_PREFIX_RE.match(text, start, claims[0].start())
    if prefix is None or prefix.end() != claims[0].start():
        return False
    colon = text.find(":", start, claims[0].start())
    if colon >= 0 and _general_label(text, start, colon):
        return False  # "Risks: grade 3 neutropenia", "Dose modification: grade 3 …": about grades in general
    if len(claims) > len(TERM_RE.findall(text, start, end)):
        return False  # "Grade 3 anemia: transfuse; grade 2: observe": a rule, grades without their own condition
    last = claims[-1].end()
    term = STATEMENT_SUFFIX_RE.match(text, last, end)
    after = term.end() if term else last
    return STATEMENT_END_RE.match(text, after, end) is not None


def _names_before_grades(text: str, start: int, claims: list[re.Match]) -> list[str]:
    """The counts a sentence that opens with grades each written right after the count it grades names, one per grade
    ("WBC G1, Hb G1, plt G2": wbc, hgb, plt); none when it does not."""
    if not claims:
        return []
    lead = text[start:claims[0].start()].lstrip(" \t•*·-–—>")
    opening = ANALYTE_RE.match(lead)  # the sentence opens with the first count's name, right before its grade
    if opening is None or opening.end() != len(lead.rstrip(" \t:=")):
        return []
    names = [_name_before(text, claim.start()) for claim in claims]
    return names if all(names) else []


def _values_named_by_terms(text: str, start: int, end: int, claims: list[re.Match], previous: list[Mention],
                           known: dict[str, Mention]) -> list[Mention]:
    """The previous sentence's values whose analyte a condition named in this sentence (whose GRADE_CLAIM_RE matches are
    `claims`) grades, or a count named right before a grade, each only when the previous sentence gave exactly one value
    of that analyte, or the one of them `known` holds as the analyte's latest."""
    named = {m.lastgroup for m in TERM_RE.finditer(text, start, end)} | set(_names_before_grades(text, start, claims))
    counts: dict[str, int] = {}
    for mention in previous:
        counts[mention.analyte] = counts.get(mention.analyte, 0) + 1
    # of several values of one analyte, the one taken as current ("Plt 48 in EDTA (clumps …), recollected in Na citrate: 176")
    return [m for m in previous if m.analyte in named and (counts[m.analyte] == 1 or known.get(m.analyte) is m)]


CHAIN_WORD_RE = re.compile(r"(?i),|\b(?:and|or|but|whereas|while|likewise|also|y|e|et|und|en|mais|pero|ma|mas|maar|aber|o|ou|oder)\b")  # also in the other languages


def _continues(text: str, previous_end: int, claim_start: int) -> bool:
    """A claim joined to the previous one by a conjunction, with no number or condition between them other than a
    CTCAE version ("grade 3 under CTCAE v6.0 and grade 4 under v5.0"), is about the same value."""
    between = text[previous_end:claim_start]
    if len(between) > 50:
        return False
    bare = VERSION_NAMED_RE.sub("", between)
    if CHAIN_WORD_RE.search(bare) is not None and not re.search(r"\d|[.;:]", bare) and TERM_RE.search(bare) is None:
        return True
    # "Lymphopenia grade 3 (ALC 0.35) per v5.0; under v6.0 grade 3 as well": the value's bracket, then the other version's claim
    # (also past the first claim's own condition: "ALC 0.18: grade 4 lymphopenia under v5.0; under v6.0 grade 4 as well")
    unbracketed = BRACKETED_RE.sub(" ", bare)
    if (own_term := TERM_RE.match(unbracketed.lstrip())) is not None:
        unbracketed = unbracketed.lstrip()[own_term.end():]
    return ";" in between and VERSION_NAMED_RE.search(between, between.rfind(";")) is not None \
        and not re.search(r"\d|[.:]", unbracketed) and TERM_RE.search(unbracketed) is None


BRACKETED_RE = re.compile(r"\([^()\n]*\)")


HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*)$", re.MULTILINE)
# A line led by "#" that labels what follows is a comment, not a Markdown heading: "# RN comment: grade 2 leukopenia".
LABELLED_COMMENT_RE = re.compile(r"#+[ \t]*[^:\n#]{1,40}:[ \t]*\S")
TITLE_RE = re.compile(r"[ \t]*[^\n]{1,80}(?=\n\s*\S)")


def _version_sections(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, version) of each Markdown section whose heading names one CTCAE version ("## Section B — graded by
    CTCAE v6.0"): its claims are judged under that version unless their sentence names one. A section runs to the next
    heading of its level or higher."""
    headings = [(m.start(), len(m.group(1)), single_version([normalize_version(v.group(1)) for v in VERSION_NAMED_RE.finditer(m.group(2))]))
                for m in HEADING_RE.finditer(text)]
    title = TITLE_RE.match(text)
    if title and not title.group(0).lstrip().startswith("#"):
        # a first line that names one version and gives no value ("CTCAE v6.0 update - worked examples") titles the text
        named = single_version([normalize_version(v.group(1)) for v in VERSION_NAMED_RE.finditer(title.group(0))])
        if named and not re.search(r"\d", VERSION_NAMED_RE.sub("", title.group(0))):
            headings.insert(0, (0, 0, named))
    sections = []
    for index, (start, level, named) in enumerate(headings):
        if named is None:
            continue
        end = next((s for s, lvl, _ in headings[index + 1:] if lvl <= level), len(text))
        sections.append((start, end, named))
    return sections


def _section_version(sections: list[tuple[int, int, str | None]], position: int) -> str | None:
    """The version of the innermost section holding `position`."""
    if not sections:
        return None
    inside = [(start, named) for start, end, named in sections if start <= position < end]
    return max(inside)[1] if inside else None


def _both_named(text: str, s_start: int, claim: Claim, known: dict[str, Mention]) -> list[Mention]:
    """The latest values of the two counts named before a claim of "both" with no value in its sentence ("WBC and ANC both
    grade 2")."""
    if claim.term_analyte is not None or "both" not in text[max(s_start, claim.span[0] - 16):claim.span[0]] \
            or not BOTH_BEFORE_RE.search(text, max(s_start, claim.span[0] - 16), claim.span[0]):
        return []
    named = list(dict.fromkeys(name.lastgroup for name in ANALYTE_RE.finditer(text, s_start, claim.span[0])))
    return [known[analyte] for analyte in named] if len(named) == 2 and all(a in known for a in named) else []


# "All" before a grade with no condition: the grade is claimed for each value listed ("WBC 2.9, ANC 1.9, plt 149. All grade 1").
ALL_BEFORE_RE = re.compile(r"(?i)(?:^|(?<=[\s,;:.—–-]))(?:all|all\s+of\s+(?:them|these|those)|(?:they|these|those)\s+are\s+all|(?:they|these|those)\s+all|each)"
                           r"\s+(?:are\s+|were\s+|at\s+|still\s+|remain\s+)?(?:CTCAE\s+)?$")


def _all_listed(text: str, s_start: int, claim: Claim, values: list[Mention], last_given: list[Mention]) -> list[Mention]:
    """The values listed before a claim of "all" with no condition: the sentence's own, or else the sentence's before; the
    two before a claim "for both"."""
    both = BOTH_AFTER_RE.match(text, claim.span[1]) is not None  # "… neutrophils 1.1 — that makes her grade 1 for both"
    if claim.term_analyte is not None or not both and not ALL_BEFORE_RE.search(text, max(s_start, claim.span[0] - 24), claim.span[0]) \
            and not ALL_AFTER_RE.match(text, claim.span[1]):  # "wbc 1.9k plt 89k hb 8.9 – g2 across the board"
        return []
    before = [m for m in values if s_start <= m.span[0] and m.span[1] <= claim.span[0]]
    listed = before if before else [m for m in last_given if m.value is not None and not m.is_threshold]
    if both:  # ("… neutrophils 1.1. I looked it up and that makes me grade 1 for both": the sentence's before)
        if len(listed) == 1 and len(listed[0].steps) == 2:  # "WBC 3.2 and 2.8 on the last two draws — grade 1 for both": one count's two values
            return [step for _, _, span in listed[0].steps if (step := listed[0].step_value(span[1])) is not None]
        return listed[-2:] if len(listed) >= 2 else []
    named = {name.lastgroup for name in ANALYTE_RE.finditer(text, s_start, claim.span[0])} if not before else set()
    if named:  # "the white count, neutrophils, haemoglobin and platelets are each grade 2": the counts the sentence names
        listed = [m for m in listed if m.analyte in named]
    return listed if len(listed) >= 2 else []


def _claim_targets(text: str, s_start: int, claim: Claim, mention: Mention, values: list[Mention]) -> list[Mention]:
    """The values a claim is judged against: its value, or with "both" the two values before it ("Hb 112 g/L, plts 88 -
    both gr 2"), or with "each" or "all" every value of the series before it."""
    if claim.term_analyte is None and "both" in text[max(s_start, claim.span[0] - 16):claim.span[0]] \
            and BOTH_BEFORE_RE.search(text, max(s_start, claim.span[0] - 16), claim.span[0]):
        before = [m for m in values if m.span[1] <= claim.span[0]]
        if len(before) >= 2:
            return before[-2:]
        if before and len(before[-1].steps) == 2:  # "Plt 76 and 52 — both gr 2": the two values of one count
            return [step for position in (before[-1].steps[0][2][1], before[-1].steps[1][2][1])
                    if (step := before[-1].step_value(position)) is not None]
    if len(mention.steps) > 1 and mention.span[1] <= claim.span[0] and claim.term_analyte in (None, mention.analyte) \
            and ALL_BEFORE_RE.search(text, max(s_start, claim.span[0] - 24), claim.span[0]):
        # "platelet nadirs of 61, 44 and 70, each grade 2 thrombocytopenia": every value of the series
        return [step for _, _, span in mention.steps if (step := mention.step_value(span[1])) is not None]
    return [mention]


def _one_per_contrast(found: list[Finding]) -> list[Finding]:
    """A contrast ("grade 2, not grade 3"; "grade 2 rather than grade 3") is one claim: when its positive part is
    already wrong about a value, the negated part about the same value is not reported again."""
    wrong = {(f.analyte, f.value) for f in found if f.kind == "grade_mismatch" and not str(f.claimed_grade).startswith("not ")}
    return [f for f in found if not (str(f.claimed_grade).startswith("not ") and (f.analyte, f.value) in wrong)]


VERSION_ALONE_RE = re.compile(r"(?i)(?:CTCAE\s*)?(?:version\s*|v\.?\s*)?[56](?:\.0)?\s*\)")
VERSION_AFTER_CLAIM_RE = re.compile(r"(?i)(?:(?:(?!\b(?:and|und|y|et|e|en|but|aber|mais|pero|ma|mas|maar|while|whereas|or|oder|ou|o)\b)[\s\w-]){0,20}?"
                                    r"\b(?:under|per|in|by|on|to|using|with|of|according\s+to|secondo|seg[uú]n|selon|"
                                    r"segundo|volgens|gem[äa]ß|nach|con|avec|com|met|mit|pela|pelo|par|por|laut|(?<!comme\s)(?<!como\s)(?<!come\s)(?:en|em)|im|nella)\s+(?:the\s+|la\s+|le\s+|el\s+|a\s+|o\s+|die\s+|der\s+|de\s+|l['’]\s*)?(?:(?:new|newer|old|older|current|latest|previous)\s+)?|"
                                    r"\s*[(,]\s*(?:per\s+|under\s+)?|(?P<term>[\s\w-]{1,25}?\s*\(\s*))")


# "a count of 45" names no analyte: it is the count of the condition or analyte named just before it in the sentence.
UNNAMED_COUNT_RE = _scan(rf"(?i)\b(?#first)(?:the|a|her|his|their|this|that|its|my|your|our)\s+(?:(?:lady|man|woman|guy|gent|gentleman|patient|pt)['’]s\s+)?(?:(?:most\s+)?(?:recent|latest|last|current|newest)\s+)?counts?\s+(?:(?:today|now|this\s+morning)\s+)?"
                          rf"(?:(?:of|was|is|at|now|reached|fell\s+to|dropped\s+to|(?:recovered|rose|climbed|improved|increased|returned)\s+to|came\s+back\s+at)\s+|:\s*|"
                          # a series, read at its last value: "Her counts have gone 2.4, 1.6 and now 0.8", "her count went from 1.6 to 0.8"
                          rf"(?:(?:have|has)\s+)?(?:gone|went|dropped|fallen|fell|drifted|trended)\s+(?:down\s+)?(?:from\s+)?(?:\d[\d.,]*\s*(?:,|and|to|then|→|->)\s*(?:(?:now|today)\s+)?)+)"
                          rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?)(?P<kilo>\s?[kK](?![a-zA-Z]))?\s*(?P<unit>{UNIT_ALTERNATIVES})?(?![\w%])"
                          # "the count was 1 below the 50 line" gives a difference, not a count
                          r"(?!\s*(?:points?\s+|units?\s+)?(?:below|above|under|over|short|more|less|higher|lower)\b)")
# ... and a pronoun for it that changes: "Your platelets are stable. If they drop to 30, that would be grade 4".
RESULT_WORDS = ("result", "level", "reading", "résultat", "resultado", "risultato", "valore", "valor", "wert", "ergebnis", "waarde",
                "uitslag")  # the words OWN_RESULT_RE needs, tested first (RESULT_WORDS_RE)
RESULT_WORDS_RE = re.compile("(?=[rlvwuWE])(?:" + "|".join(RESULT_WORDS) + "|Wert|Ergebnis)")  # German nouns are written with a capital
# ... and in the other languages read: "Votre résultat est de 74 G/L", "Il suo valore di oggi è 9,9 g/dL", "Ihr Wert liegt bei 8,1".
OWN_RESULT_RE = re.compile(rf"(?i)\b(?:(?:your|my|her|his|their|today['’]s)\s+(?:latest\s+|last\s+|new\s+)?(?:result|level|reading)\s+"
                           rf"(?:(?:today|this\s+morning|now)\s+)?(?:is|was|of|came\s+back\s+at|:)|"
                           rf"(?:votre|mon|son)\s+r[ée]sultat(?:\s+d['’]aujourd['’]hui)?\s+(?:est\s+(?:de|à)|:)|"
                           rf"(?:su|mi)\s+(?:resultado|valor)(?:\s+de\s+hoy)?\s+(?:es\s+de|es|fue\s+de|:)|"
                           rf"(?:il\s+suo|il\s+mio|il\s+tuo)\s+(?:valore|risultato)(?:\s+di\s+oggi)?\s+(?:è|e|era|:)|"
                           rf"(?:ihr|mein|sein)\s+(?:Wert|Ergebnis)(?:\s+von\s+heute)?\s+(?:liegt\s+bei|ist|war|betr[äa]gt|:)|"
                           rf"(?:uw|mijn|zijn|haar)\s+(?:waarde|uitslag)(?:\s+van\s+vandaag)?\s+(?:is|was|bedraagt|:)|"
                           rf"(?:o\s+seu|o\s+meu)\s+(?:valor|resultado)(?:\s+de\s+hoje)?\s+(?:é\s+de|é|foi\s+de|:))\s*"
                           rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?)(?P<kilo>\s?[kK](?![a-zA-Z]))?\s*(?P<unit>{UNIT_ALTERNATIVES})?(?![\w%])"
                           r"(?!\s*(?:points?\s+|units?\s+)?(?:below|above|under|over|short|more|less|higher|lower)\b)")
POSSESSIVE_COUNT_RE = _scan(rf"(?i)\b(?#first)(?:(?:yours|hers|his|theirs|ours|(?:our|my)\s+(?:guy|lady|man|woman|pt|patient))\s+(?:is|was|are|were|comes\s+back\s+at|came\s+back\s+at)(?:\s+at)?|"
                            # "IR wants platelets ≥100. Mr B is at 82": a person said to be at a number, the count named before
                            rf"(?:(?:mr|mrs|ms|miss)\.?\s+[A-Z][\w-]*|she|he|(?:the\s+)?(?:pt|patient))(?:\s+(?:is|was)|['’]s)\s+(?:now\s+|still\s+|currently\s+|only\s+)?at|"
                            rf"(?:they|it)(?:['’]d|\s+had|['’]ve|\s+have)?\s+(?:drops?|dropped|falls?|fell|fallen|rises?|rose|risen|goes|go|went|gone|gets?|got|comes?\s+back|came\s+back|recover(?:s|ed)?|climb(?:s|ed)?|improve[sd]?|increase[sd]?|decrease[sd]?|rebound(?:s|ed)?)"
                            rf"\s+(?:down\s+|up\s+|back\s+)?(?:to|at)|"
                            # "At the C3 nadir they were 44 (grade 4)": a verb of being, the count named before
                            rf"(?:they|it)(?:\s+(?:were|was|are|is)|['’]re|['’]s)(?:\s+(?:down|up|back|still|now|only|just))?(?:\s+at)?)"
                            rf"(?:\s*,?\s*(?:say|for\s+example|e\.g\.)\s*,?)?\s+"
                            rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?)(?P<kilo>\s?[kK](?![a-zA-Z]))?\s*(?P<unit>{UNIT_ALTERNATIVES})?(?![\w%])"
                            r"(?!\s*(?:years?|yrs?|y/?o|days?|d|weeks?|wks?|months?|mos?|hours?|hrs?|h|minutes?|mins?|patients?|times|cycles?|doses?|mg|units?|percent|%)\b)")
REFERENT_ALTERNATIVES = "(?:" + "|".join(f"(?P<{k}>{TERM_WORDS[k]}|{ANALYTE_PATTERNS[k]})" for k in ("anc", "plt", "hgb", "alc", "wbc")) + ")"
# whole words only: "cancer" names no ANC, "toothbrush" no Hb
REFERENT_RE = re.compile(first_char_lookahead(REFERENT_ALTERNATIVES) + r"(?<![^\W_])" + REFERENT_ALTERNATIVES + r"(?![^\W_])", re.IGNORECASE)


# Words before a claim that make it talk about grades in general, or about another time, not state one for the values
# before it: "If it drops below 50 that would be grade 3", "Patients with grade 4 neutropenia", "Last cycle: grade 2".
GENERAL_BEFORE_RE = re.compile(r"(?i)\b(?:if|when|whenever|unless|once|any|every|usually|typically|generally|often|commonly|may|might|"
                               r"can|could|patients|cases|risk|rates?|incidence|threshold|cut-?off|defin\w*|last|previous(?:ly)?|prior|"
                               r"earlier|before|history|baseline|ago|nadir|(?<!since\s)cycles?\s+\d|in\s+\d{4}|expect(?:ed)?|will|each|per\s+protocol|"
                               r"overnight|yesterday|initially|originally|at\s+first|subsequent(?:ly)?|further|thereafter|afterwards|future|"
                               # the case a question supposed: "Et si mes PNN descendent sous 0,5 ? — On parle alors de grade 4"
                               r"alors|entonces|allora|então|in\s+that\s+case|in\s+diesem\s+Fall|en\s+ese\s+caso|in\s+tal\s+caso|nesse\s+caso|"
                               # a source or a study speaks of its cases: "In the Zaremba study, grade 4 …", "ASCO's table gives grade 4 …"
                               r"(?<!his\s)(?<!her\s)(?<!their\s)(?:stud(?:y|ies)|trials?)|cohorts?|series|(?<!on\s)(?<!after\s)(?<!our\s)reviews?|guidelines?|literature|median|"
                               r"table|ASCO|NCCN|ESMO|SITC|ASH|"
                               # a count of cases: "Fewer grade 3 calls under v6.0", "the number of grade 4 events"
                               r"fewer|many|number\s+of|proportion\s+of|share\s+of)\b")
# ... or a preposition that makes the grade a rule's condition: "Treatment is paused for grade 3 or 4 neutropenia".
RULE_BEFORE_RE = re.compile(r"(?i)\b(?:for|until|from|above|below|beyond|(?<!is )(?<!are )(?<!was )(?<!were )(?<!falls )(?<!sits )(?<!lies )in)\s+"
                            r"(?:(?:a|an|the|any|CTCAE)\s+)?[\W_]*$")  # (but "your result is in the grade 2 range" claims it)
# ... or a grade that opens the sentence as any case of it: "A grade 1 cytopenia on a checkpoint inhibitor is …".
GENERIC_SUBJECT_RE = re.compile(r"(?i)[\W_]*(?:a|an|any|each|every|all)\s+(?:CTCAE\s+)?[\W_]*$")
INDEFINITE_BEFORE_RE = re.compile(r"(?i)\b(?:a|an|any|each|every)\s+(?:(?:absolute|total)\s+)?$")
# ... or a preposition that opens the sentence: "In grade 3 ITP (platelets below 50 …), ASCO advises", "At grade 3, …".
OPENING_PREPOSITION_RE = re.compile(r"(?i)[\W_]*(?:[AR]\s*\d*\s*[:.)]\s*)?(?:in|for|with|at|during|after|on|by|under)\s+"
                                    r"(?:(?:an?|the|CTCAE|v?[56](?:\.0)?,?)\s+)*[\W_]*$")
# ... or an action after it, as a rule gives one: "Grade 3 anemia: transfuse", "Grade 3 thrombocytopenia - hold until grade 1".
RULE_AFTER_RE = re.compile(rf"(?i)(?:\s+{TERM_ALTERNATIVES.replace('(?P<', '(?P<r_')})?\s*(?::|(?:[-–—→]|=>|->)\s*(?:(?!will\b|shall\b)\w+\s+)?"
                           r"(?:hold|transfuse|recheck|give|start|stop|continue|resume|treat|consider|observe|monitor|withhold|"
                           r"discontinue|refer|repeat|check|admit)\b)")
# ... or words after it: "Grade 3 anemia usually needs a transfusion", "grade 4 thrombocytopenia is an emergency".
GENERAL_AFTER_RE = re.compile(rf"(?i)(?:\s+(?!(?:and|or|but|so|we|i|you|she|he|they|it|his|her|which|that|who)\b)[\w-]+){{0,2}}?(?:\s+{TERM_ALTERNATIVES.replace('(?P<', '(?P<g_')})?\s*(?:\([^()]{{0,30}}\)\s*)?"
                              # "grade 2 immune thrombocytopenia on a checkpoint inhibitor calls for …", "grade 4 anemia in CTCAE v5.0 is"
                              r"(?:(?:on|in|with|during|after|of|from|due\s+to|caused\s+by)\s+(?:[\w-]+(?:\.\d+)*\s+){0,4}?)?"  # never past a full stop
                              r"\b(?:is|are|usually|typically|generally|often|needs?|requires?|means?|warrants?|calls?\s+for|should|may|"
                              r"can|could|would|will|starts?|begins?|occurs?|happens?|carries|implies|mandates?|triggers?|prompts?|"
                              r"shares?|gets?|responds?|has|have|(?:was|were)\s+(?:lower|higher|milder|worse|less|more)\b|(?:went|goes|go|ran|runs|extends?)\s+(?:down\s+|up\s+)?to\b)\b"  # "I thought grade 1 was lower", "… went down to 75"
                              # a band's definition: "puts grade 3 thrombocytopenia at <50 down to 25"
                              rf"|(?:\s+[\w-]+)?(?:\s+{TERM_ALTERNATIVES.replace('(?P<', '(?P<d_')})?\s*(?:at|as|is|=|:)?\s*"
                              r"(?:[<>≤≥]|less\s+than|below|under|between|from)\s*\d")
# The analyte named as the subject of a claim: "Hgb is grade 2", 'the neutrophils were "grade 2"', "plts now G3".
SUBJECT_BEFORE_RE = re.compile(rf"(?i)(?:{REFERENT_RE.pattern})[\s*_]*(?::|=|-|–|—|\b(?:is|are|was|were|remains?|stays?|now|still|also|too|"
                               r"again|likewise|at|already|would|will|be|been|graded(?:\s+as)?|classed\s+as|classified\s+as|this|it|that|they|"
                               r"just|only|well|barely|slightly|right|comfortably|clearly|marginally|"  # "The ANC is just above the 1.5 requirement"
                               r"has|have|had|dropped|fallen|fell|risen|rose|gone|climbed|drifted|slipped|sunk|dipped|crept|"
                               # the same verbs in the other languages read: "los neutrófilos se mantienen por encima", "os neutrófilos estão abaixo"
                               r"se\s+mantienen?|est[áa]n?|son|es|siguen|sigue|permanecen?|est[ãa]o|s[ãa]o|continuam?|permanecem?|sont|est|restent|reste|demeurent|"
                               r"sind|ist|bleiben|bleibt|liegen|liegt|sono|restano|rimangono|zijn|is|blijven|blijft|liggen|ligt|todav[íi]a|ainda|encore|noch|ancora|nog)\b|\s)*[\s\"'“”*_]*$")
LAST_DIGIT_RE = re.compile(r".*\d", re.DOTALL)
# ... or a count named, said of in a few words, then the grade in brackets: "trombocyten licht verlaagd (graad 1)"
BRACKET_SUBJECT_RE = re.compile(rf"(?i)(?:{REFERENT_RE.pattern})(?:\s+(?!(?:terms?|entry|code|category|criteri\w*|definitions?|scale|table|grades?)\b)[^\W\d_]+){{1,3}}"
                                rf"\s*\(\s*(?:CTCAE\s+)?$")


def _subject_before(text: str, start: int, end: int) -> re.Match | None:
    """SUBJECT_BEFORE_RE.search(text, start, end), tried only after the last digit between: neither an analyte's name nor
    the words after it hold one, so no match starts before it ("ANC 1.2, which is" is searched in ", which is")."""
    last_digit = LAST_DIGIT_RE.match(text, start, end)
    return SUBJECT_BEFORE_RE.search(text, last_digit.end() if last_digit else start, end)


# A sentence that opens with its claim, past a few words: "not grade 3 tho", "so grade 3 not 4", "Graded 4 in v5.0".
OPENING_RE = re.compile(r"(?i)" + CHAT_STAMP + r"(?:[A-Za-z][\w.]*[ \t]*\([^()\n]{0,24}\b\d{1,2}:\d{2}\)[ \t]*:[ \t]*)?"  # a speaker's label and time: "A (PharmD, 10:05): "
                        r"[\W_]*(?:(?:[^\s\d]+|(?:CTCAE\s*)?v[56](?:\.0)?[:,]?[*_]*)\s+){0,3}(?<!\bat\s)(?<!\bfor\s)(?<!\bwith\s)(?<!\bin\s)(?<!\bfrom\s)(?<!\bby\s)(?<!\bto\s)"
                        r"(?<!\buntil\s)[\W_]*")


# A value said of an earlier time than the sentence's others: "49 today, compared with 212 three weeks earlier".
# Also in the other languages read here: "frente a 21.000/mm3 al ingreso", "contre 45 G/L à l'entrée", "gegenüber 92 /nl".
AT_ADMISSION = (r"(?:on|at)\s+(?:admission|presentation|diagnosis)|al\s+ingreso|[àa]\s+l['’](?:admission|entr[ée]e)|bei\s+Aufnahme|"
                r"all['’]ingresso|bij\s+opname|na\s+admiss[ãa]o")
EARLIER_BEFORE_RE = re.compile(r"(?i)\b(?:(?:compared\s+(?:with|to)|down\s+from|up\s+from|baseline(?:\s+of)?|previously|prior|initially|versus|vs\.?|"
                               r"frente\s+a|contre|par\s+rapport\s+[àa]|gegen[üu]ber|im\s+Vergleich\s+zu|rispetto\s+a|comparad[oa]\s+com|"
                               r"em\s+compara[çc][ãa]o\s+com|ten\s+opzichte\s+van|vergeleken\s+met)\s+(?:an?\s+|the\s+|los\s+|las\s+|les\s+|den\s+)?|"
                               rf"(?:{AT_ADMISSION}|(?:at|on)\s+(?:the|its|her|his)\s+nadir)\s*\(\s*)$")  # "grade 4 on admission (platelets 9)", "at the nadir (ANC 0.32"
EARLIER_AFTER_RE = re.compile(r"(?i)\s*(?:(?!\(?\d)\S+\s+|10\S*\s+){0,3}?(?:earlier|ago|before|previously|prior|at\s+baseline|last\s+(?:week|month|cycle|time)|"
                              rf"{AT_ADMISSION})(?![\w'’])")


# Words one of which EARLIER_BEFORE_RE or EARLIER_AFTER_RE needs: plain substring tests, fast on a long sentence.
EARLIER_WORDS = ("compared", "from", "baseline", "previous", "prior", "initial", "earlier", "ago", "before", "last", "versus", "vs",
                 "admission", "presentation", "diagnosis", "frente", "contre", "rapport", "gegen", "vergleich", "rispetto", "compara",
                 "opzichte", "vergeleken", "ingreso", "entr", "aufnahme", "ingresso", "opname", "admiss", "nadir")


def _listed_grades(text: str, start: int, end: int, terms: list[tuple[int, int, str]], term_starts: list[int]) -> list[Claim]:
    """The claims of grades listed after their conditions or counts under a label (see GRADES_LABEL_RE), one per condition."""
    label = GRADES_LABEL_RE.search(text, start, end)
    if label is None:
        return []
    claims = []
    # "Grades on admission: anaemia 3, thrombocytopenia 3": the values told with that time
    # "Grades at nadir:": the episode's lowest values
    at_worst = WORST_IN_CLAIM_RE.search(text, label.start(), label.end()) is not None
    at_time = label.span() if not at_worst and TIME_LABEL_RE.search(text, label.start(), label.end()) else None
    named = [(name.end(), name.lastgroup) for name in ANALYTE_RE.finditer(text, label.end(), end)]  # "Current grades (wk 7): WBC 2, ANC 2"
    for term_end, analyte in sorted([(term_end, analyte) for _, term_end, analyte in terms[bisect_left(term_starts, label.end()):bisect_left(term_starts, end)]] + named):
        grade = LISTED_GRADE_RE.match(text, term_end, end)
        if grade and analyte == "anc" and any(m.end() == term_end for m in FEBRILE_RE.finditer(text, max(label.end(), term_end - 40), term_end)):
            continue  # "febrile neutropenia 3": the clinical event's grade, not the count's
        if grade and analyte in CANONICAL_UNIT:
            claims.append(Claim({int(grade.group("g"))}, grade.group("g"), grade.span("g"), analyte, at_time=at_time, at_worst=at_worst))
    return claims


def _quoted(text: str, position: int) -> bool:
    """Whether `position` is on a line of a quoted message ("> On Tue, … wrote:"), as the lab reader finds them."""
    return QUOTED_LINE_RE.match(text, text.rfind("\n", 0, position) + 1) is not None


def _says_earlier(sentence: str) -> bool:
    """Whether a sentence has a word that may say a value is of an earlier time (see EARLIER_WORDS)."""
    lowered = sentence.lower()
    return any(word in lowered for word in EARLIER_WORDS)


def _earlier(text: str, mention: Mention) -> bool:
    """Whether words just before or after a value say it is of an earlier time, within its own sentence ("… white 2.9. Last
    time …" says nothing of the 2.9)."""
    nearby = text[max(0, mention.span[0] - 30):mention.span[1] + 40].lower()
    if not any(word in nearby for word in EARLIER_WORDS):
        return False  # none of the words either pattern needs: plain substring tests, fast
    window = text[mention.span[1]:mention.span[1] + 40]
    stop = SENTENCE_STOP_RE.search(window)
    return EARLIER_BEFORE_RE.search(text, max(0, mention.span[0] - 30), mention.span[0]) is not None \
        or EARLIER_AFTER_RE.match(text, mention.span[1], mention.span[1] + (stop.start() if stop else 40)) is not None


SENTENCE_STOP_RE = re.compile(r"[.!?](?:\s|$)|\n")
ENGLISH_COMPARISON_HINT_RE = _scan(r"(?i)(?#first)(?:below|above|under|over|than|exceed|short\s+of|clear|meet|[<>≤≥])")
COMPARISON_HINT_RE = _scan(r"(?i)(?#first)(?:below|above|under|over|than|exceed|short\s+of|clear|meet|[<>≤≥]|"
                           + "|".join(FOREIGN_RELATION_WORDS) + ")")
# A number standing alone, not a date, a time, a ratio or a percentage.
BARE_NUMBER_RE = re.compile(r"(?<![\w.,/:^-])\d+(?:[.,]\d+)?(?![\w/:%]|[.,]\d)")


def _repeated_values(text: str, start: int, end: int, mentions: list[Mention], known: dict[str, Mention]) -> list[Mention]:
    """Numbers the sentence repeats from values named before it, without their name: "Plt 74. She said 74 is still
    grade 1" -- each read as that value, when exactly one value named before was written as that number."""
    found = []
    by_number: dict[str, list[Mention]] = {}  # each value by its number as written
    for mention in known.values():
        if mention.value is not None:
            written = mention.steps[-1][0] if mention.steps else text[mention.number_span[0]:mention.number_span[1]]
            by_number.setdefault(written, []).append(mention)
            if mention.native_unit != mention.unit and f"{mention.value:g}" != written:
                by_number.setdefault(f"{mention.value:g}", []).append(mention)  # "Hb 84 g/L … 8.4 is below 8.0": said again converted
    for match in BARE_NUMBER_RE.finditer(text, start, end):
        same = by_number.get(match.group(0))
        if same is None or len(same) != 1 or any(m.span[0] <= match.start() < m.span[1] for m in mentions) \
                or GRADE_BEFORE_RE.search(text, max(start, match.start() - 8), match.start()) \
                or VERSION_BEFORE_NUMBER_RE.search(text, max(start, match.start() - 12), match.start()) \
                or NOT_A_PATIENT_VALUE_RE.search(text, max(start, match.start() - 40), match.start()):
            continue
        found.append(replace(same[0], raw=match.group(0), span=match.span(), number_span=match.span(), steps=[]))
    return found


EQUALS_OPENING_RE = re.compile(r"(?:^|\n)[ \t]*(?:[•*·-][ \t]*)?(?:=|=>|→|->)[ \t]*$")
CORRECTED_JUST_BEFORE_RE = re.compile(r"(?i)\b(?:we|i)\s+re-?graded\s+(?:it|this|that)(?:\s*\([^()]{0,30}\))?\s*[:,—–-]?\s*$")  # "…; we re-graded it (CTCAE v5.0): grade 2"


UNQUOTED_LINE_RE = re.compile(r"(?m)^(?![ \t]*>)[ \t]*[^\W_]")


@lru_cache(maxsize=8)
def _has_quoted_lines(text: str) -> bool:
    return QUOTED_LINE_RE.search(text) is not None


@lru_cache(maxsize=8)
def _has_unquoted_line(text: str) -> bool:
    return UNQUOTED_LINE_RE.search(text) is not None


def _quoted_in_reply(text: str, position: int) -> bool:
    """Whether `position` is on a line quoted with ">" in a reply, a text with lines of its own as well."""
    line_start = text.rfind("\n", 0, position) + 1
    return text[line_start:position].lstrip(" \t").startswith(">") and _has_unquoted_line(text)


def _general(text: str, s_start: int, start: int, claim: Claim | None, first: int) -> bool:
    """Whether a claim (or a comparison) starting at `start` talks about grades in general, gives a rule or speaks of another
    time (GENERAL_BEFORE_RE within its clause, or a rule: see _rule); the sentence's first claim, at `first`, sets its frame.
    A claim a line opens with "=" ("• Now 57" / "• = grade 3 thrombocytopenia → hold atezo") states the value's grade."""
    if claim is not None and EQUALS_OPENING_RE.search(text, max(0, start - 8), start):
        return False
    s_start = _past_correction_label(text, s_start)
    breaks = list(CLAUSE_BREAK_RE.finditer(text, s_start, start))
    clause_start = breaks[-1].end() if breaks else s_start  # "ANC is above the grade 3 threshold of 1.0, but still grade 3"
    if GENERAL_BEFORE_RE.search(text[clause_start:start]) or _rule(text, s_start, start, claim):
        return True
    # ... unless a correction stands between ("Initially logged as grade 3; we re-graded it: grade 2")
    return first < start and (GENERAL_BEFORE_RE.search(text[s_start:first]) is not None or _rule(text, s_start, first, None)) \
        and CORRECTION_RE.search(text, first, start) is None


def _rule(text: str, s_start: int, start: int, claim: Claim | None) -> bool:
    """Whether the claim starting at `start` (or, with no claim, the words before `start`) is the condition of a rule
    ("in grade 3 lymphopenia ASCO advises", "A grade 1 cytopenia is …", "Grade 3 anemia: transfuse")."""
    before = text[s_start:start]
    bound = claim is not None and claim.label[:1] in "≤≥"  # "no anaemia above grade 1": the bound's word is the claim's own
    return bool(RULE_BEFORE_RE.search(before) and not bound and not LINKING_BEFORE_RE.search(before) or OPENING_PREPOSITION_RE.match(before) or GENERIC_SUBJECT_RE.match(before)
                or claim is not None and (RULE_AFTER_RE.match(text, claim.span[1]) or GENERAL_AFTER_RE.match(text, claim.span[1])))


# A time after the values told before: a sentence with one of these, and no value of its own, speaks of a later count.
DAY_AFTER_COMPARISON_RE = re.compile(r"(?i)\s*(?:on|by|at)\s+(?:study\s+)?(?:day|d)\s*(\d{1,3})\b")
DAY_BEFORE_VALUE_RE = re.compile(r"(?i)\b(?:day|d)\s*(\d{1,3})\b(?!.*\b(?:day|d)\s*\d)", re.DOTALL)


def _on_another_day(text: str, comparison: re.Match, mention: Mention) -> bool:
    """Whether a comparison names a day ("exceeded 1.5 x10^9/L on Day 81") other than the one its borrowed value was
    told with ("On Day 70 … the ANC was 0.42")."""
    said = DAY_AFTER_COMPARISON_RE.match(text, comparison.end())
    if said is None:
        return False
    told = DAY_BEFORE_VALUE_RE.search(text, max(0, mention.span[0] - 200), mention.span[1])
    return told is not None and told.group(1) != said.group(1)


LATER_TIME_RE = re.compile(r"(?i)\b(?:(?:after|within)\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:(?:more|further|additional)\s+)?(?:days?|weeks?|months?)|"
                           r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:(?:more|further|additional)\s+)?(?:days?|weeks?|months?)\s+later|"
                           r"by\s+(?:day|week)\s+\d+|subsequently|thereafter|eventually)\b")


# A word of a time in a claim's sentence, which makes it about the value of that time, not the episode: "is now grade 1",
# "grade 3 at discharge", "persistent grade 3 anaemia", "actuellement", "post-transfusion Hb is grade 3".
NOW_IN_CLAIM_RE = _scan(r"(?i)\b(?#first)(?:now|currently|current|today|this\s+morning|at\s+present|presently|still|no\s+longer|remains?|"
                             r"persist\w*|ongoing|discharge|sortie|alta|entlassung|ontslag|dimissione|post-?transfusion\w*|post|"
                             r"actuellement|aujourd['’]hui|ahora|actualmente|hoy|ora|oggi|attualmente|agora|hoje|jetzt|heute|aktuell|nu|vandaag)\b")


def _about_others(span: tuple[int, int], text_terms: list, text_term_starts: list[int], analytes: set) -> bool:
    """Whether the text at `span` names conditions, none of them of `analytes` ("Another patient had grade 3 neutropenia"
    after a platelet count's recorded grade; "AE term: Platelet count decreased. … Grade 1." after a hemoglobin)."""
    named = {analyte for _, _, analyte in text_terms[bisect_left(text_term_starts, span[0]):bisect_left(text_term_starts, span[1])]}
    return bool(named) and named.isdisjoint(analytes)


CLAIM_CLAUSE_CUT_RE = re.compile(r"[,;()]")


def _claim_clause(text: str, s_start: int, s_end: int, claim: Claim) -> tuple[int, int]:
    """The clause a claim stands in, between commas, semicolons or brackets ("resolving grade 3 neutropenia, now grade 2")."""
    cuts = [m.end() for m in CLAIM_CLAUSE_CUT_RE.finditer(text, s_start, claim.span[0])]
    after = CLAIM_CLAUSE_CUT_RE.search(text, claim.span[1], s_end)
    return (cuts[-1] if cuts else s_start), (after.start() if after else s_end)


def _episode(history: dict[str, list[Mention]], analyte: str, position: int) -> list[Mention]:
    """The values of `analyte` given within EPISODE_REACH before `position`, each step of a series as a value of its own."""
    told = history.get(analyte, [])
    recent = told[bisect_left(told, (position - EPISODE_REACH,), key=SPAN_OF):]
    return [step for mention in recent for index, (_, _, span) in enumerate(mention.steps[:-1])
            if not _spoiled(mention, index) and (step := mention.step_value(span[1])) is not None] + recent \
        if any(map(STEPS_OF, recent)) else recent


def _spoiled_then_repeated(text: str, mention: Mention, later: list[Mention]) -> bool:
    """Whether a value is a spoiled sample that the next value of its analyte, told after it, repeats ("PLT 36 (EDTA, clumps
    on film); recollected in citrate: 139")."""
    repeat = next((m for m in later if m.analyte == mention.analyte), None)
    return repeat is not None and SPOILED_THEN_REPEATED_RE.search(text, mention.span[1], repeat.number_span[0]) is not None


def _spoiled(series: Mention, index: int) -> bool:
    """Whether step `index` of a series is a spoiled sample the next step repeats ("Plt 48 in EDTA (clumps seen on smear),
    recollected in Na citrate: 176"): no value of the episode."""
    gap = series.raw[series.steps[index][2][1] - series.span[0]:series.steps[index + 1][2][0] - series.span[0]]
    return SPOILED_THEN_REPEATED_RE.search(gap) is not None or CORRECTED_TO_GAP_RE.search(gap) is not None  # "18 K/uL *** CORRECTED to 81"


def _told_before(history: dict[str, list[Mention]], analyte: str, position: int) -> Mention | None:
    """The last value of `analyte` given before `position`, within EPISODE_REACH of it."""
    told = history.get(analyte, [])
    index = bisect_left(told, (position,), key=SPAN_OF) - 1
    return told[index] if index >= 0 and told[index].span[1] <= position and told[index].span[0] >= position - EPISODE_REACH else None


def _steps(mention: Mention) -> list[Mention]:
    """Each value of a series as a mention of its own (the mention itself when it is no series), but a spoiled or corrected
    one, which the next step replaces (see _spoiled)."""
    return [step for index, (_, _, span) in enumerate(mention.steps)
            if not (index + 1 < len(mention.steps) and _spoiled(mention, index)) and (step := mention.step_value(span[1])) is not None] \
        if len(mention.steps) > 1 else [mention]


SPAN_OF = attrgetter("span")  # a mention's (start, end), by which mentions in text order are ordered
VALUE_OF = attrgetter("value")
WORST_IN_CLAIM_RE = re.compile(r"(?i)worst|nadir|lowest")  # a claim of the worst value's grade (WORST_LABEL)


EPISODE_REACH = 1200  # characters before a sentence whose values may belong to the episode its claim grades (about a note's length)
PAST_OPENING_RE = re.compile(r"(?i)(?:previous|prior|earlier|older|historical|baseline|pre-?treatment|last\s+(?:week|month|year|cycle|visit|time)|"
                             r"(?:\d+|one|two|three|a\s+few|several)\s+(?:days?|weeks?|wks?|months?)\s+ago|before\s+(?:that|then|treatment)|"
                             # "Labs (admission, 4 days ago):", "On admission:", "Admission labs:": a line of values of an earlier day
                             r"(?:labs?|bloods?|cbc|fbc|results?)\s*\(\s*(?:on\s+|at\s+)?(?:admission|presentation|baseline|previous|prior|yesterday|[^()\n]{0,20}\bago\b)|"
                             r"(?:on\s+|at\s+)?admission(?:\s+(?:labs?|bloods?|cbc|fbc))?(?=\s*:)|"
                             # "When you started atezolizumab in March, it was 233", "At diagnosis they were 190"
                             r"when\s+(?:you|she|he|they|we|the\s+patient)\s+(?:started|began|commenced|first\s+\w+)|at\s+(?:diagnosis|baseline))\b")


# The time of a past episode after its claim's condition: "(grade 4 neutropenia) during C2", "… during the previous cycle".
PAST_VERB_BEFORE_RE = re.compile(r"(?i)\b(?:had|developed|experienced|suffered)\s+(?:(?:a|an)\s+)?(?:CTCAE\s+)?$")
PAST_CYCLE_AFTER_RE = re.compile(r"(?i)[^;,.\d]{0,40}?\b(?:during|in|with|after)\s+(?:the\s+)?(?:(?:first|second|third|previous|last|prior|earlier)\s+(?:cycle|course)|"
                                 r"(?:C|cycle|course)\s*\d{1,2})\b")
PAST_EPISODE_AFTER_RE = re.compile(r"(?i)[^;,.\d]{0,40}?\b(?:during|in)\s+(?:the\s+)?(?:(?:first|second|third|previous|last|prior|earlier)\s+(?:cycle|course)|"
                                   r"(?:C|cycle|course)\s*\d{1,2})\b[^;,.\d]{0,32}(?:,[^;,.\d]{1,40}|\s*\([^()\d]{1,40}\))?[;,]?\s*$")  # (", treated with filgrastim;", "(filgrastim given);")


def _opens_with_the_past(sentence: str) -> bool:
    """Whether a sentence (stripped) opens with a word of the past: "Previous platelets: 230 (6 months ago), 148"."""
    first = sentence[:1]
    if first not in PAST_OPENING_LETTERS or first in AGO_OPENING_LETTERS and "ago" not in sentence[:30]:
        return False  # "Two weeks ago …": a plain test first
    return PAST_OPENING_RE.match(sentence) is not None


PAST_OPENING_LETTERS = "pPeEoOhHbBlL0123456789tTfFsSaAcCrRwW"  # the first letters of PAST_OPENING_RE's words: a plain test first
AGO_OPENING_LETTERS = "0123456789tTfFsS"  # those of "3 weeks ago", "two …", "four …", "several …", which need "ago" ("a few …" too, but "a" also opens "at admission:")
SUBJECT_OPENING_RE = re.compile(r"(?i)\s*(?:(?:note|comment|assessment|impression|update|plan|a/p|summary)\s*:\s*)?(?:(?:the|his|her|their|your|my|our|its)\s+)?")  # "Note: plt trending down, now grade 3"
# A sentence whose subject is the adverse event told before it, with the verb that grades it: "The event was assessed by the
# investigator as", "the event was graded".
EVENT_GRADED_RE = re.compile(r"(?i)\s*(?:the|this|that)\s+(?:adverse\s+)?(?:event|episode|AE|toxicity)\s+(?:was|is|has\s+been|had\s+been)\s+"
                             r"(?:(?:initially|originally|formally)\s+)?(?:assessed|graded|rated|classified|considered|recorded|reported|coded|judged)\b")
EVENT_REACH = 300  # characters before a sentence about "the event" looked at for the event's condition


def _event_worst(text: str, s_start: int, claim: Claim, values: list[Mention], history: dict[str, list[Mention]]) -> Mention | None:
    """The worst value of the event a sentence that opens with it ("The event was assessed as grade 3", "the event was graded
    3") grades, among the values told before the claim in it and in the sentences before; None for any other sentence."""
    clause = _clause_start(text, s_start, claim.span[0])
    subject = EVENT_GRADED_RE.match(text, s_start) or EVENT_GRADED_RE.match(text, clause)
    if subject is None or not subject.start() <= claim.span[0] <= subject.end() + 40 or NOW_CUE_RE.search(text, subject.end(), claim.span[0]):
        return None  # (only the grade the event was given: not "… and resolved to grade 1")
    analyte = claim.term_analyte or _last_condition_before(text, subject.start())
    said = [m for m in values if m.span[1] <= claim.span[0]]
    if analyte is None and len({m.analyte for m in said}) == 1:
        analyte = said[0].analyte
    if analyte is None:
        return None
    episode = [m for m in _episode(history, analyte, s_start) if m.value is not None] + [m for m in said if m.analyte == analyte]
    return min(episode, key=VALUE_OF) if episode else None


def _last_condition_before(text: str, position: int) -> str | None:
    """The analyte of the condition named last before `position`, within EVENT_REACH."""
    terms = list(TERM_RE.finditer(text, max(0, position - EVENT_REACH), position))
    return terms[-1].lastgroup if terms else None


GRADED_AS_BEFORE_RE = re.compile(r"(?i)\b(?:graded|rated|scored|recorded|coded|entered|classified|classed|logged)\s+(?:(?:the|his|her|their|its)\s+)?"
                                 r"[\w-]+(?:\s+[\w-]+)?\s+as\s+(?:an?\s+)?(?:CTCAE\s+)?$")


# A relative of the patient, named with the patient's pronoun ("her sister", "his father"): someone else than the patient.
WRITERS_RELATIVE_RE = re.compile(r"(?i)\bmy\s+(?:" + RELATIVE_NOUNS + r"|twin|sibling)s?\b")
WRITERS_ACQUAINTANCE_RE = re.compile(r"(?i)\b(?:my|an?)\s+(?:friend|neighbou?r|colleague|co-?worker)s?\b")  # never the patient a writer speaks for
RELATIVE_OF_PATIENT_RE = re.compile(r"(?i)\b(?:his|her|their)\s+(?:" + RELATIVE_NOUNS + r"|twin|sibling)s?\b")




def _someone_elses_claim(text: str, claim: Claim, values: list[Mention], clauses: list[tuple[int, int]], clause_starts: list[int],
                         writer_is_patient: bool) -> bool:
    """Whether the words before a claim in its clause, with no value of the sentence between, make someone else its
    subject (see _someone_else)."""
    clause_start = clauses[bisect_right(clause_starts, claim.span[0]) - 1][0]
    if any(clause_start <= m.span[0] < claim.span[0] and not m.someone_else for m in values):
        return False  # (a value between that is someone else's keeps them the subject: "My dad's platelets are 45 and his doctor called it grade 2")
    return _someone_else(text[max(clause_start, claim.span[0] - 200):claim.span[0]], writer_is_patient)


def _someone_else(before: str, writer_is_patient: bool = False) -> bool:
    """Whether the words before a claim make someone other than the patient its subject: a relative named with the
    patient's pronoun ("her sister"), or with the writer's when the writer is the patient ("My sister had grade 4 … my
    platelets were 160"), another patient ("the other patient", "dr k's pt")."""
    lowered = before.lower()
    return ("her " in lowered or "his " in lowered or "their " in lowered or "other" in lowered or "next door" in lowered
            or "'s p" in lowered or "’s p" in lowered) and bool(RELATIVE_OF_PATIENT_RE.search(before) or OTHER_PATIENT_RE.search(before)) \
        or writer_is_patient and "my " in lowered and WRITERS_RELATIVE_RE.search(before) is not None \
        or ("my " in lowered or "a " in lowered or "an " in lowered) and WRITERS_ACQUAINTANCE_RE.search(before) is not None
    # ("My neighbour on Keytruda had 40 and his doctor called it grade 4", "A colleague on the same trial had ANC 0.4 and was told grade 3")


CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def _clause_start(text: str, s_start: int, position: int) -> int:
    """Where the clause at `position` starts: after the last semicolon before it in its sentence, else the sentence's start."""
    return max(text.rfind(";", s_start, position) + 1, s_start)


def _clause_end(text: str, position: int, reach: int) -> int:
    """Where the clause at `position` ends (a semicolon or a full stop), at most at `reach`: "The nadir was grade 3; recovering …"."""
    end = CLAUSE_END_RE.search(text, position, min(len(text), reach))
    return end.start() if end else min(len(text), reach)


def _remembered_value(text: str, s_start: int, start: int, claim: Claim | None, known: dict[str, Mention],
                      last_given: list[Mention], first: int, history: dict[str, list[Mention]] | None = None) -> Mention | None:
    """The value a claim (or, with no claim, a comparison) starting at `start` in a sentence without values is about:
    the latest value of the analyte its condition or its subject names, else the one value of the last sentence that
    gave any, when the claim opens its sentence; none when the sentence talks about grades in general or about another time."""
    before = text[s_start:start]
    if claim is not None and claim.term_analyte in known and (claim.at_worst or claim.of_episode or (nadir := WORST_IN_CLAIM_RE.search(text, max(s_start, start - 25), start))
                                                              and not NOW_CUE_RE.search(text, nadir.end(), _clause_end(text, claim.span[1], claim.span[1] + 15))) \
            and (episode := [m for m in _episode(history or {}, claim.term_analyte, s_start) if m.value is not None]):
        return min(episode, key=VALUE_OF)  # "nadir D4 grade 3 thrombocytopenia": the episode's lowest, not another time's
    if claim is not None and PAST_VERB_BEFORE_RE.search(text, max(s_start, start - 30), start) \
            and PAST_CYCLE_AFTER_RE.match(text, claim.span[1], _clause_end(text, claim.span[1], claim.span[1] + 60)):
        return None  # "She had grade 4 neutropenia in cycle 1, treated with filgrastim": a past cycle's grade, its value untold
    if claim is not None and claim.at_worst and claim.term_analyte is None and last_given and len({m.analyte for m in last_given}) == 1 \
            and OPENING_RE.fullmatch(text, s_start, start) \
            and (episode := [m for m in _episode(history or {}, last_given[0].analyte, s_start) if m.value is not None]):
        return min(episode, key=VALUE_OF)  # "ANC trend: D1 3.2, D8 1.1, D12 0.38, D15 1.4. The nadir was grade 3": the series' lowest
    if _general(text, s_start, start, claim, first) and not (claim is not None and CORRECTED_TO_RE.search(text, claim.span[0], claim.span[1])):
        return None  # ... but "After monitor review the grade has been corrected to 3" corrects the grade of the value told before
    if _someone_else(before):
        return None  # "Her platelets are 96. Her sister had grade 4 thrombocytopenia": someone else's grade, not of the value before
    colon = text.rfind(":", s_start, start)
    if colon >= 0 and _general_label(text, s_start, colon):
        return None  # "Side effects: grade 3 lymphopenia": about grades in general
    analyte = claim.term_analyte if claim is not None else None
    if analyte is None:
        subject = _subject_before(text, max(s_start, start - 40), start)
        if subject is not None and INDEFINITE_BEFORE_RE.search(text, max(s_start, subject.start() - 12), subject.start()):
            return None  # "with an ANC below 1.0": any ANC, not the patient's
        analyte = subject.lastgroup if subject else None
    if analyte is None and claim is not None:
        # "Lymphopenia has been present since … and is grade 2", "I've graded the platelets as grade 2": the count the
        # sentence opens with, or that a verb of grading names, when it names no other before the claim
        opening = SUBJECT_OPENING_RE.match(text, s_start).end()
        subject = ANALYTE_RE.match(text, opening) or TERM_RE.match(text, opening)
        graded = GRADED_AS_BEFORE_RE.search(text, max(s_start, start - 50), start) if subject is None else None
        if graded is not None:
            subject = ANALYTE_RE.search(text, graded.start(), start) or TERM_RE.search(text, graded.start(), start)
        named = {m.lastgroup for m in ANALYTE_RE.finditer(text, s_start, start)} | {m.lastgroup for m in TERM_RE.finditer(text, s_start, start)}
        analyte = subject.lastgroup if subject is not None and named == {subject.lastgroup} else None
        if analyte is None and not named and EVENT_GRADED_RE.match(text, s_start):
            # "… experienced neutrophil count decreased (ANC 0.42). The event was assessed as grade 3": the event the
            # sentences before named, its condition's count (or the one count they gave: "The platelet count reached a nadir of 19")
            analyte = _last_condition_before(text, s_start) \
                or (last_given[0].analyte if last_given and len({m.analyte for m in last_given}) == 1 else None)
    if analyte is not None:
        return _event_value(text, s_start, claim, analyte, known, history)
    referring = REFERRING_BEFORE_RE.search(text, max(s_start, start - 40), start) \
        or (THE_GRADE_IS_RE.search(text, max(s_start, start - 30), claim.span[1]) if claim is not None else None) \
        or (CORRECTED_JUST_BEFORE_RE.search(text, max(s_start, start - 30), start) if claim is not None and "grad" in text[max(s_start, start - 30):start] else None)
    # (a grade claimed just before is no number, nor a clock: "I wrote grade 2 in the 08:00 note; the correct grade is 3")
    if referring is not None and re.search(r"\d", CLOCK_RE.sub("", GRADE_CLAIM_RE.sub("", VERSION_NAMED_RE.sub("", text[max(s_start, referring.start() - 30):referring.start()])))[-12:]):
        return None  # "The value was actually 16, which is grade 4": the claim is about the number just said
    if last_given and len({m.analyte for m in last_given}) == 1 and (OPENING_RE.fullmatch(before) or referring is not None
                                                                    or claim is not None and claim.correcting) \
            and all(term.lastgroup == last_given[0].analyte for term in TERM_RE.finditer(text, last_given[-1].span[1], s_start)):
        # ... unless a condition of another count is named since ("AE term: Platelet count decreased. … Grade 1." after an Hgb)
        # "No longer grade 3, now grade 1"; "Under CTCAE v6.0 (our protocol's version) this is grade 3": the value before (and so
        # for a correction: "Platelets 22. Initially logged as grade 4; on review, grade 3")
        return known.get(last_given[0].analyte, last_given[-1])
    return None


# Words that place a claim at the time of the latest value ("is grade 1 today", "currently grade 2", "at discharge") ...
NADIR_AFTER_RE = re.compile(r"(?i)\s*(?:\w+\s+)?(?:at|during|on)\s+(?:the\s+|its\s+|her\s+|his\s+)?(?:[\w-]+\s+)?(?:nadir|lowest|worst)\b")


FROM_NUMBER_RE = re.compile(r"(?i)\bfrom\s+(?:(?:a|an|the|its|her|his|their)\s+)?(?:(?:nadir|low|lowest|peak|high|baseline|level|value)\s+(?:of\s+)?)?"
                            r"(?P<num>\d+(?:[.,]\d+)*)(?P<kilo>\s?[kK]\b)?")  # (a number, not the full stop after it)


FROM_VALUE_BRACKET_RE = re.compile(r"(?i)\s*(?:(?:on|at|in|by)\s+(?:c\s*\d{1,2}\s*d\s*\d{1,2}|(?:day|d|week|wk|cycle|c)\s*\+?\d{1,3})|[^\d()]{0,25})?"
                                   r"(?:\s*\(\s*|,?\s*(?:which|that)\s+(?:was|were|had\s+been)\s+(?:(?:a|an)\s+)?)(?:CTCAE\s+)?")  # "(grade 3)", ", which was grade 3"


def _from_value(text: str, mention: Mention, claim: Claim) -> Mention | None:
    """The earlier value of a change read as one mention, when a claim stands between it and the new value: "recovered
    from a nadir of 22 (grade 4) to 134"."""
    found = next(reversed(list(FROM_NUMBER_RE.finditer(text, mention.span[0], claim.span[0]))), None)  # the last "from …" before the claim
    if found is None or claim.term_analyte not in (None, mention.analyte):
        return None
    return _another_value(text, mention, found, mention.unit_text)


def _another_value(text: str, mention: Mention, number: re.Match, unit_text: str | None) -> Mention | None:
    """The value of `mention`'s analyte that a match's "num" (and "kilo") group gives, read in `unit_text`; None when it
    reads as no plausible value."""
    other = _mention(mention.analyte, text, number.start("num"), number.end("num"), number.group("num"), bool(number.group("kilo")),
                     unit_text, None, number.span("num"), [parse_number(number.group("num"))])
    return other if other.value is not None else None


# A bracket after a value that opens with an earlier value of its analyte: "Plt 96 today (61 on Monday, …".
BRACKETED_EARLIER_RE = re.compile(rf"\(\s*{NUMBER}\s*(?:{UNIT})?\s*(?:,\s*)?(?:on|last|yesterday|at|in|the\s+day|two|three|\d+\s*(?:days?|d|weeks?|wks?)\s+ago)\b",
                                  re.IGNORECASE)


NUMBER_BEFORE_BRACKET_RE = re.compile(rf"(?i)\b(?:from|nadir\s+of|nadir|low\s+of|lowest\s+of)\s+(?P<num>\d[\d.,]*)(?P<kilo>\s?[kK]\b)?\s*(?P<unit>{UNIT_ALTERNATIVES})?\s*\(\s*(?:CTCAE\s+)?$")


def _number_before_bracket(text: str, mention: Mention, claim: Claim) -> Mention | None:
    """The number a claim's bracket follows, when it is another value of the analyte told after `mention` with no name of
    its own: "Haemoglobin … 94 g/L (grade 2 anaemia), up from a nadir of 68 g/L (grade 3)"."""
    if claim.term_analyte not in (None, mention.analyte):
        return None
    before = NUMBER_BEFORE_BRACKET_RE.search(text, max(mention.span[1], claim.span[0] - 40), claim.span[0])
    if before is None or before.start("num") < mention.span[1]:
        return None
    return _another_value(text, mention, before, before.group("unit") or mention.unit_text)


# The value a claim names as its own nadir right after it: "after the grade 4 nadir of 0.3 last week".
NADIR_AFTER_CLAIM_RE = re.compile(rf"(?i)\s+(?:[a-z]+penia\s+|an[a]?emia\s+)?nadir\s+(?:of\s+|at\s+|was\s+)?(?P<num>\d+(?:[.,]\d+)?)(?![\d.,]?\d)(?P<kilo>\s?[kK]\b)?\s*(?P<unit>{UNIT_ALTERNATIVES})?")
WHEN_THEN_BEFORE_RE = re.compile(r"(?i)[\s,(]*\bwhen\s+(?:she|he|it|they|the\s+(?:count|patient|pt)|(?:her|his|their)\s+count)\s+(?:was|were|had\s+been)\s+"
                                 r"(?:still\s+|only\s+)?(?:at\s+)?(?:an?\s+)?(?:CTCAE\s+)?$")
THEN_NUMBER_RE = re.compile(rf"(?i)(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?)(?P<kilo>\s?[kK]\b)?\s*(?P<unit>{UNIT_ALTERNATIVES})?"
                            r"(?!\s*(?:days?|d|weeks?|wks?|w|months?|mos?|h|hrs?|hours?|years?|cycles?)\b)")


def _value_of_then(text: str, mention: Mention, claim: Claim) -> Mention | None:
    """The earlier value a claim after "when she was" is about: the last number told after `mention` before the words,
    with no name of its own ("Plt 140 today, up from 61 two weeks ago when she was grade 2")."""
    if claim.term_analyte not in (None, mention.analyte):
        return None
    when = WHEN_THEN_BEFORE_RE.search(text, max(mention.number_span[1], claim.span[0] - 40), claim.span[0])
    if when is None:
        return None
    numbers = list(THEN_NUMBER_RE.finditer(text, mention.number_span[1], when.start()))
    if not numbers or ANALYTE_RE.search(text, mention.number_span[1], numbers[-1].start()):
        return None
    return _another_value(text, mention, numbers[-1], numbers[-1].group("unit") or mention.unit_text)


def _bracketed_earlier_value(text: str, mention: Mention, claim: Claim) -> Mention | None:
    """The earlier value a claim in brackets is about, when the bracket after `mention` opens with it and the claim
    names no other analyte: "Plt 96 today (61 on Monday, when she was grade 2)"."""
    opening = text.find("(", mention.span[1], claim.span[0])
    if opening < 0 or opening - mention.span[1] > 20 or ")" in text[opening:claim.span[0]] or claim.term_analyte not in (None, mention.analyte):
        return None
    bracket = BRACKETED_EARLIER_RE.match(text, opening)
    if bracket is None:
        return None
    return _another_value(text, mention, bracket, bracket.group("unit") or mention.unit_text)


def _worst_step(series: Mention) -> Mention:
    """The lowest value of a series, as a mention of its own."""
    _, span = min((parse_number(number_text), span) for number_text, _, span in series.steps)
    return series.step_value(span[1]) or series


EARLIER_IN_BRACKET_RE = re.compile(r"\(\s*(?:was|were|previously|prior(?:ly)?|formerly|earlier|then|vorher|antes|avant|prima|eerder)\s+(?:ctcae\s+)?$")
NOW_CUE_RE = re.compile(r"(?i)\b(?:today|now|currently|current|at\s+present|presently|this\s+morning|latest|most\s+recent|remains?|still|"
                        r"discharge|sortie|alta|entlassung|ontslag|dimissione|aujourd'hui|hoy|heute|vandaag|oggi|hoje|post|after|improv\w*|recover\w*|resolv\w*)\b")
CLAUSE_END_RE = re.compile(r";|\.(?:\s|$)")
# ... and those that place it at the event's worst ("grade 4 at its nadir", "a grade 3 event", "was grade 3 on admission").
WORST_CUE_RE = re.compile(r"(?i)\b(?:nadir|lowest|worst|peak|maximum|max|onset|event|episode|transfused|transfusion\s+(?:required|needed|given)|(?:on|at)\s+admission|at\s+presentation|"
                          r"at\s+diagnosis|recorded|reached)\b")


def _event_value(text: str, s_start: int, claim: Claim | None, analyte: str, known: dict[str, Mention],
                 history: dict[str, list[Mention]] | None) -> Mention | None:
    """The value of `analyte` a claim in a sentence of no values is about, when the text gave several: the latest, unless
    the claim speaks of the event's worst ("the neutropenia was a grade 4 event", "grade 3 at its nadir") or the latest
    is normal again, when it is the lowest (CTCAE grades an event by its worst); a claim of now keeps the latest."""
    latest = known.get(analyte)
    values = [m for m in _episode(history or {}, analyte, s_start) if m.value is not None]
    if claim is None or latest is None or len(values) < 2:
        return latest
    opened = _clause_start(text, s_start, claim.span[0])
    closed = _clause_end(text, claim.span[1], claim.span[1] + 80)  # the claim's own clause
    labelled = _value_of_labelled_time(text, opened, min(len(text), claim.span[1] + 40), values)
    if labelled is not None:
        return labelled  # "at discharge her thrombocytopenia was grade 2": the value told as the discharge's
    worst = min(values, key=lambda m: m.value)
    if worst.value == latest.value:
        return latest

    def distance(match: re.Match) -> int:
        return max(claim.span[0] - match.end(), match.start() - claim.span[1], 0)

    # the cue nearest the claim says which: "nadir D4 grade 3 thrombocytopenia, now improving" is the nadir's grade
    cues = [(distance(m), 0) for m in WORST_CUE_RE.finditer(text, opened, closed)] + [(distance(m), 1) for m in NOW_CUE_RE.finditer(text, opened, closed)]
    if not cues and 0 <= (head_end := text.find(":", s_start, opened)):
        # "Event terms and grades, recorded at onset: …; Anaemia, grade 2; …": the list's head says when for each item
        cues = [(distance(m), 0) for m in WORST_CUE_RE.finditer(text, s_start, head_end)] + [(distance(m), 1) for m in NOW_CUE_RE.finditer(text, s_start, head_end)]
    if cues:
        return worst if min(cues)[1] == 0 else latest
    if AE_REPORT_RE.search(text, 0, 400) or DIAGNOSIS_LABEL_RE.match(text, s_start):
        return worst  # an adverse-event narrative grades each event by its worst value, as CTCAE does; so does a diagnosis
    return worst if grade_value(analyte, latest.value).grade == 0 else latest


# A time of the episode a claim and a value may both be labelled with, in the languages read, by kind.
TIME_LABEL_RE = re.compile(r"(?i)\b(?:(?P<discharge>discharge|d/c|sortie|alta|entlassung|ontslag|dimissione)|"
                           r"(?P<admission>admission|admitted|presentation|presented|ingreso|ingresso|aufnahme|opname|admiss[ãa]o)|"
                           r"(?P<baseline>baseline|pre-?treatment|basal|ausgangswert)|"
                           r"(?P<followup>follow-?up|f/u|suivi|seguimiento|controllo|nachsorge|nacontrole)|"
                           r"(?:day|d[ií]a|jour|tag|giorno|dag)\s*\+?(?P<day>\d{1,3}))\b")
DAY_NUMBER = r"(?:(?<=day )|(?<=Day )|(?<=dia )|(?<=día )|(?<=jour )|(?<=tag )|(?<=Tag )|(?<=dag )|(?<=giorno ))\d{1,3}"  # a day's number, no value
LABEL_AFTER_VALUE_RE = re.compile(rf"(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?(?:[^,;.\d\n]|{DAY_NUMBER}){{0,40}}", re.IGNORECASE)  # past the value's unit
LABEL_BEFORE_VALUE_RE = re.compile(rf"(?:[^,;.\d\n]|{DAY_NUMBER}){{0,40}}$")


# A diagnosis's label, which names the event, graded by its worst value: "Diagnosis: grade 3 immune thrombocytopenia".
DIAGNOSIS_LABEL_RE = re.compile(r"(?i)\W*(?:(?:final|principal|primary|discharge|main)\s+)?diagnos[ie]s\s*:")
# The opening words of an adverse-event report, whose grades are the events' (their worst values'): "Narrative — AE 1182-02".
AE_REPORT_RE = re.compile(r"(?i)\b(?:narrative|narrativa|adverse\s+event|SAE|serious\s+adverse|AE\s+(?:term|ID|report|form|narrative|#?\s*\d))\b|"
                          r"\b(?:subject|participant)\s+[\w-]*\d[\w-]*(?:\s*\([^()\n]{1,30}\))?\s+(?:developed|experienced|had|presented)\b|"  # "Subject 1004 developed …"
                          r"(?m:^[ \t]*(?:AE[ \t]+)?event[ \t]*:)")  # ... or a record that opens with its event: "Event: Neutrophil count decreased."


def _value_of_labelled_time(text: str, start: int, end: int, values: list[Mention]) -> Mention | None:
    """The one value told with the time that text[start:end], a claim's clause, names: "… was 83 x10^9/L on the day of
    discharge. … at discharge her thrombocytopenia was grade 2" is about the 83, not the count of today."""
    kinds = {_label_kind(label) for label in TIME_LABEL_RE.finditer(text, start, end)}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    told = []
    for mention in values:
        after = LABEL_AFTER_VALUE_RE.match(text, mention.span[1])
        before = LABEL_BEFORE_VALUE_RE.search(text, max(0, mention.span[0] - 40), mention.span[0])
        if before and before.start() > 0 and text[before.start() - 1].isdigit():
            before = None  # "31 ×10⁹/L on admission and 70 at discharge": the label is the value's before it
        own = {_label_kind(label) for label in TIME_LABEL_RE.finditer(text, after.start(), after.end())} \
            | ({_label_kind(label) for label in TIME_LABEL_RE.finditer(text, before.start(), before.end())} if before else set()) \
            | ({_label_kind(label) for label in TIME_LABEL_RE.finditer(text, mention.span[0], mention.number_span[0])}  # "Hb at discharge 9.4"
               if mention.number_span[0] - mention.span[0] < 40 and not DIGIT_RE.search(text, mention.span[0], mention.number_span[0]) else set())
        if not own:
            # "Admission bloods: WBC 5.4, …, lymphocytes 0.19": the head of its line, or of its sentence ("Admission labs: WBC 0.8,
            # plt 19. Discharge labs: WBC 3.3, plt 82."), when the value is in the head's sentence and has no time of its own
            # ("Discharge summary: admitted with … (ANC 0.2 on admission). … 1.8 at discharge": each value's own)
            line_start = text.rfind("\n", 0, mention.span[0]) + 1
            head_end = text.rfind(":", line_start, mention.span[0])
            head_stop = text.rfind(". ", line_start, head_end) if head_end >= 0 else -1
            head_start = head_stop + 2 if head_stop >= 0 else line_start
            if 0 <= head_end and head_end - head_start <= 40 and text.find(". ", head_end, mention.span[0]) < 0:
                own = {_label_kind(label) for label in TIME_LABEL_RE.finditer(text, head_start, head_end)}
        if not own:
            # "At discharge Hb 9.1 g/dL, platelets 64": a time that opens the value's sentence, with no other time before the value
            stop = text.rfind(". ", 0, mention.span[0])
            sentence_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, mention.span[0]) + 1)
            opening = TIME_LABEL_RE.match(text, TIME_OPENING_RE.match(text, sentence_start).end())
            if opening is not None and len(list(TIME_LABEL_RE.finditer(text, sentence_start, mention.span[0]))) == 1:
                own = {_label_kind(opening)}
        if kind in own:
            told.append(mention)
    return told[-1] if told and len({m.value for m in told}) == 1 else None


TIME_OPENING_RE = re.compile(r"(?i)[\s•*-]*(?:(?:at|on|upon|by)\s+(?:the\s+)?(?:day\s+of\s+)?)?")  # before a time that opens a sentence


def _label_kind(label: re.Match) -> str:
    """A time label's kind: "discharge", "admission", "baseline", "followup", or the day it names ("day 118", "no dia 118": "day118")."""
    return f"day{int(label.group('day'))}" if label.lastgroup == "day" else label.lastgroup


# A number with a count's unit and no name: "Patient 07 reached 9 x10^9/L (grade 3)", read as the count last named before it.
UNIT_VALUE_RE = re.compile(rf"(?=\d)(?<![\w.,/^]){NUMBER}\s*{UNIT}", re.IGNORECASE)  # a digit first: a cheap test at each position
UNIT_VALUE_HINT_RE = re.compile(r"10\s*(?:\^|\*\*|e)\s*[39]|10[⁹³]|/\s*(?:[µuμn]l|mm|cu)|[kK]/[uµ]|G/L|cells/", re.IGNORECASE)  # each has "10" or "/"
# Words that make such a number a threshold, a range or a statistic, not a patient's value.
NOT_A_PATIENT_VALUE_RE = re.compile(r"(?i)(?:[<>≤≥]|\b(?:below|under|above|over|than|exceed(?:s|ed|ing)?|least|most|threshold|cut-?off|cutoff|limit|target|goal|"
                                    r"trigger|boundary|line|mark|lln|uln|from|median|mean|average|range|between|to\s+keep|keep|maintain|"
                                    r"zwischen|entre|tra|fra|tussen|ondergrens|bovengrens|untergrenze|obergrenze|limite|l[íi]mite|grens|grenze|normaal|norm\w*|"
                                    # a threshold's name in the other languages read here: "sous le seuil de 50 G/L"
                                    r"seuil|umbral|soglia|schwelle|schwellenwert|grenzwert|drempel(?:waarde)?|limiar)\b(?!-)"
                                    rf"|\b(?:{FOREIGN_RELATION})\b)"
                                    r"[^.;!?\d]{0,25}$"
                                    # the far end of a band: "below 75 down to 50 x 10^9/L", "from 50 to 25", "between 50 and 75"
                                    r"|(?i:\b(?:below|under|less\s+than|from|between)|[<≤])\s*\d[\d.,]*\s*(?:\S+\s+)?(?:-|–|to|down\s+to|and)\s*$"
                                    # the top of a reference range: "150-400 x10^9/L"
                                    r"|\d[-–]$|\d[ \t]+(?:to|à|a|bis|tot|até)[ \t]+(?:(?:moins[ \t]+de|menos[ \t]+de|meno[ \t]+di|weniger[ \t]+als|minder[ \t]+dan|less[ \t]+than|under|below|<)[ \t]*)?$")


# A cohort's statistic, however far its words run before the number: "Median ANC nadir among the 14 neutropenic patients: 1.1 x10^9/L".
# ... in English, French, Spanish, Italian, Portuguese, German or Dutch ("la médiane des plaquettes au nadir était de 98 G/L")
STATISTIC_BEFORE_RE = re.compile(r"(?i)\b(?:median|mean|average|m[ée]diane?|moyenne|mediana|media|m[ée]dia|promedio|mittelwert|durchschnitt\w*|gemiddelde|mediaan)\b[^.;!?\n]{0,70}$")


STATISTIC_HINT_RE = re.compile("edian|ean|verage|édia|oyenne|edia|romedio|ittelwert|urchschnitt|emiddelde|ediaan")  # a cheap test first


def _not_a_patient_value(text: str, match: re.Match) -> bool:
    """Whether words before a number with a unit make it a threshold, a range or a statistic (NOT_A_PATIENT_VALUE_RE)."""
    if NOT_A_PATIENT_VALUE_RE.search(text, max(0, match.start() - 40), match.start()) is not None:
        return True
    window = text[max(0, match.start() - 80):match.start()]  # a plain test for the statistic's words first
    return STATISTIC_HINT_RE.search(window) is not None and STATISTIC_BEFORE_RE.search(window) is not None


# Words after a number that make it a bound: "recover to 75 x10^9/L or more", "1.5 or above".
OPEN_BOUND_AFTER_RE = re.compile(r"(?i)\s*(?:or|and)\s+(?:more|above|higher|greater|over|less|below|lower|under)\b|\s*\+(?!\d)")


def _unit_values(text: str, start: int, end: int):
    """The numbers with a unit in text[start:end] that no word makes a threshold, a range or a statistic."""
    return (match for match in UNIT_VALUE_RE.finditer(text, start, end) if not _not_a_patient_value(text, match))


def _unread_value(text: str, start: int, end: int) -> bool:
    """Whether the sentence has a number with a unit that is not a threshold ("later rose to 10.5 g/dL"): a value of
    its own the reader left, so its claims are not about the values before it."""
    return next(_unit_values(text, start, end), None) is not None


# The name of a count of other cells right before a number: "reticulocytes 12 x10^9/L" is no unnamed platelet count.
# A bracketed label of the value before treatment, in the languages read: "(baseline before treatment: 92 K/uL)".
BASELINE_LABEL_BEFORE_RE = re.compile(r"(?i)\(\s*(?:baseline|basal|basale|pre-?treatment|pr[ée]-?tratamento|pre-?tratamiento|pr[ée]-?th[ée]rapeutique|"
                                      r"before\s+(?:treatment|therapy|starting)|antes\s+d[eo]l?\s+(?:tratamento|tratamiento)|avant\s+(?:le\s+)?traitement|"
                                      r"vor\s+(?:der\s+)?(?:Therapie|Behandlung)|Ausgangswert|voor\s+(?:de\s+)?behandeling|prima\s+del(?:la)?\s+(?:trattamento|terapia))"
                                      r"[^()\d\n:]{0,30}:?\s*$")
OTHER_CELLS_BEFORE_RE = re.compile(r"(?i)\b(?:retic\w*|r[ée]ticulocyt\w*|reticolocit\w*|mono(?:cyte)?s?|eos(?:inophils?)?|baso(?:phils?)?|blasts?|nrbcs?|"
                                   r"rbcs?|red\s+(?:blood\s+)?cells?|erythro\w*|cd[48]\w*|ipf|bands?|myelocytes?|metamyelocytes?|"
                                   r"immature\s+(?:granulocytes?|platelets?|cells?))"
                                   r"(?:\s+count)?(?:\s+(?:of|was|were|is|are|at))?\s*[:=]?\s*$")


KIND_OF_BEFORE_RE = re.compile(r"(?i)\b(?:type|kind|form|subset|sort|part|family)\s+of\s+(?:the\s+)?$")


# A bracket's reference label before a bound: "(Norm <50)", "(ref <1.2)", "(normal < 40)", "(VR < 35)", also after a comma
# ("(ALT 620 U/L, v.n. <40)").
REFERENCE_BRACKET_BEFORE_RE = re.compile(r"(?i)[(,;]\s*(?:norm(?:al|wert)?|ref(?:erence|erenz\w*)?\.?|range|VR|ULN|LSN|OGW|valeurs?\s+normales?|valor(?:es)?\s+normal(?:es)?|v\.\s*n\.?|n\.\s*v\.?|v\.\s*r\.?)\s*:?\s*$")


# The label of an earlier result right before a number: "Vorbefund 88/nl", "previous 140 x10^9/L", "baseline: 9.8 g/dL".
# ... or after it, before the bracket closes: "(188 G/L avant l'immunothérapie)", "(210 before ipilimumab)".
BASELINE_LABEL_AFTER_RE = re.compile(r"(?i)[^()\d\n]{0,6}\b(?:avant|before|prior\s+to|pre-?(?:treatment|therapy|ici)|baseline|basal|basale|antes|prima|vor|voor)\b[^()\n]{0,40}\)")
PAST_LABEL_BEFORE_RE = re.compile(r"(?i)\b(?:vorbefund|vorwert|vorher|previous(?:ly)?|prior|baseline|earlier|yesterday|last\s+(?:week|time|visit|cycle)|"
                                  r"pr[ée]c[ée]dent(?:e|s)?|anterior|precedente|vorige?|eerder|ayer|hier|ieri|gestern|gisteren|ontem)\s*(?:was|:|=)?\s*$")


def _unnamed_counts(text: str, start: int, end: int, mentions: list[Mention], topic: dict[str, str | None],
                    unit_hinted: bool) -> list[Mention]:
    """Values the sentence gives without naming their analyte: "a count of 45" (the condition or count named just before
    it in the sentence, else the one count the whole text speaks of: "FAQ: low platelets … My count today is 27") and
    "reached 9 x10^9/L" (the count named last before it, within the previous sentence too). `topic` keeps the text's one
    count, found on first need; `unit_hinted` tells whether the sentence has a count's unit (UNIT_VALUE_HINT_RE)."""
    found = []
    unnamed = [(match, max(start, match.start() - 100)) for match in UNNAMED_COUNT_RE.finditer(text, start, end)]
    if RESULT_WORDS_RE.search(text, start, end):
        # "Hemoglobin is the protein … Your result today is 10.0 g/dL": the count named in the sentences before
        unnamed += [(match, max(0, match.start() - 160)) for match in OWN_RESULT_RE.finditer(text, start, end)]
    # "Neutrophils fight infection. … If yours is, say, 0.95": the count named in the sentences before
    unnamed += [(match, max(0, match.start() - 200)) for match in POSSESSIVE_COUNT_RE.finditer(text, start, end)]
    if unit_hinted:
        for match in UNIT_VALUE_RE.finditer(text, start, end):
            # the cheap tests first: most such numbers are values the reader read
            if any(m.span[0] <= match.start() < m.span[1] or match.start() <= m.span[0] < match.end() for m in mentions) \
                    or _other_column(text, match.start(), mentions) \
                    or UNIT_KIND.get(unit_of(match.group("unit"))[0]) != "count" or _not_a_patient_value(text, match) \
                    or OTHER_CELLS_BEFORE_RE.search(text, max(0, match.start() - 30), match.start()) \
                    or OPEN_BOUND_AFTER_RE.match(text, match.end()) or _range_upper_end(text, match) \
                    or "(" in text[max(0, match.start() - 50):match.start()] and (BASELINE_LABEL_BEFORE_RE.search(text, max(0, match.start() - 50), match.start())
                                                                                  or BASELINE_LABEL_AFTER_RE.match(text, match.end())) \
                    or PAST_LABEL_BEFORE_RE.search(text, max(0, match.start() - 24), match.start()):  # "Vorbefund 88/nl": an earlier result
                continue  # "(basal antes do tratamento: 92 mil/mm3)": a value before treatment, not the patient's now
            unnamed.append((match, max(0, match.start() - 160)))
    for match, floor in unnamed:
        # "Lymphocytes are a type of white blood cell. Your result today is 0.45": the kind a count belongs to names nothing
        referents = [r for r in REFERENT_RE.finditer(text, floor, match.start()) if not KIND_OF_BEFORE_RE.search(text, max(0, r.start() - 16), r.start())]
        if referents and any(referents[-1].end() <= m.span[0] < match.start() for m in mentions):
            continue  # a value of its own stands between
        condition = TERM_RE.search(text, match.end(), end)
        if condition is not None and condition.lastgroup in CANONICAL_UNIT and condition.lastgroup in {r.lastgroup for r in referents}:
            analyte = condition.lastgroup  # "neutrophils are the white cells …; a count of 1.1 is grade 2 neutropenia": the condition's count
        elif referents:
            analyte = referents[-1].lastgroup
        elif condition is not None and condition.lastgroup in CANONICAL_UNIT and match.group(0)[:4].lower() in ("your", "her ", "his ", "our ", "my c", "ours", "hers", "thei"):
            # "Your lady's count today is 0.6, which is grade 2 lymphopenia", "ours are 94, grade 2 thrombocytopenia": the condition's count
            analyte = condition.lastgroup
        else:
            if "analyte" not in topic:
                named = {m.lastgroup for m in REFERENT_RE.finditer(text)}
                topic["analyte"] = named.pop() if len(named) == 1 else None
            if topic["analyte"] is None or not (UNNAMED_COUNT_RE.match(text, match.start()) or OWN_RESULT_RE.match(text, match.start())):
                continue  # nothing named before it (but "Your result today is 140" in a page about platelets is a platelet count)
            analyte = topic["analyte"]
        number_text = match.group("num")
        # read as the lab reader reads a number and its unit ("92.000/mm3" is 92 x10^9/L)
        mention = _mention(analyte, text, match.start("num"), match.end(), number_text, bool(match.group("kilo")), match.group("unit"),
                           None, (match.start("num"), match.end("num")), [parse_number(number_text)])
        mention.supposed = SUPPOSITION_BEFORE_RE.search(text, max(start, match.start() - 30), match.start()) is not None  # "If they drop to 20"
        if mention.value is not None and not any(other.number_span == mention.number_span for other in found) \
                and not any(other.number_span == mention.number_span and other.analyte == analyte for other in mentions):
            found.append(mention)  # a number read once, though two patterns find it ("Your result today is 0.9 x10^9/L")
    return found


SUPPOSITION_BEFORE_RE = re.compile(r"(?i)\b(?:if|when|should|unless|once|suppose)\s+(?:\w+\s+){0,2}$")
NOW_CLAUSE_BEFORE_RE = re.compile(r"(?i)[;,.—–]\s*(?:but\s+)?(?:for\s+now|right\s+now|now|currently|at\s+present|today|as\s+of\s+today)\s*,?\s*(?:it['’]?s\s+|it\s+is\s+|she['’]?s\s+|he['’]?s\s+)?(?:CTCAE\s+)?$")


def _range_upper_end(text: str, match: re.Match) -> bool:
    """Whether a number with its unit ends a range, after a lower number and a dash ("Standard range: 150 - 400 K/uL"), not
    a series falling to it ("3.4 – 2.1 – 0.9 x10^9/L")."""
    start = RANGE_START_BEFORE_RE.search(text, max(0, match.start() - 12), match.start())
    return start is not None and parse_number(start.group("low")) < parse_number(match.group("num"))


RANGE_START_BEFORE_RE = re.compile(r"(?<![\d.,])(?P<low>\d+(?:\.\d+)?)[ \t]*(?:[-–]|to)[ \t]*$")


def _other_column(text: str, position: int, mentions: list[Mention]) -> bool:
    """Whether a number stands in a table row (cells apart by runs of spaces, tabs or bars) whose value the reader has
    read in another column: "Platelets   44   62   x10^9/L" under "Today   Prior" gives 44, and 62 is the earlier one."""
    line_start = text.rfind("\n", 0, position) + 1
    between = text[line_start:position]
    return ("  " in between or "\t" in between or "|" in between) and any(line_start <= m.span[0] < position for m in mentions)


def _column_version(text: str, position: int) -> str | None:
    """The one CTCAE version the header of a table column names, for a claim written in that column ("| ANC | 0.7 |
    Grade 3 | Grade 2 |" under "| Analyte | Value | CTCAE v5.0 | CTCAE v6.0 |")."""
    line_start = text.rfind("\n", 0, position) + 1
    column = text.count("|", line_start, position)
    start = line_start
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if "|" not in text[previous:start - 1]:
            break
        start = previous
    if start == line_start:
        return None
    header_end = text.find("\n", start)
    cells = text[start:header_end if header_end >= 0 else len(text)].split("|")
    if column >= len(cells):
        return None
    return single_version([normalize_version(v.group(1)) for v in VERSION_NAMED_RE.finditer(cells[column])])


def _own_sentence_version(text: str, claim: Claim, named_here: list[tuple[int, str]], sentence_version: str, outer: str) -> str:
    """The sentence's version for a claim, leaving out a version named in brackets that hold another claim ("ANC 0.3:
    grade 3 (v5.0: grade 4)" under a text titled for v6.0 is a v6.0 claim)."""
    if not named_here or not any(_bracketed_apart(text, claim, position) for position, _ in named_here):
        return sentence_version
    named_after = _version_named_after(text, claim, named_here)
    closing = text.find(")", claim.span[1], claim.span[1] + 40)
    if named_after and closing > 0 and not GRADE_CLAIM_RE.search(text, claim.span[1], closing):
        return named_after  # "grade 3 (CTCAE v6.0)": a bracket that names only the claim's own version
    return single_version([v for position, v in named_here if not _bracketed_apart(text, claim, position)]) or outer


def _version_named_after(text: str, claim: Claim, named_here: list[tuple[int, str]]) -> str | None:
    """The version named right after a claim: "grade 1 under v5.0", "grade 3 (CTCAE v6.0)"."""
    after = next(((p, v) for p, v in named_here if p >= claim.span[1]), None)
    between = VERSION_AFTER_CLAIM_RE.fullmatch(text, claim.span[1], after[0]) if after and after[0] - claim.span[1] <= 30 else None
    if between is None:
        return None
    if "," in text[claim.span[1]:after[0]] and (mark := VERSION_NAMED_RE.match(text, after[0])) \
            and GRADE_CLAIM_RE.match(text, mark.end() + len(text[mark.end():mark.end() + 4]) - len(text[mark.end():mark.end() + 4].lstrip(" \t:=→-"))):
        return None  # "v5.0 grade 4, v6.0 grade 3": the version after the comma is the next claim's
    if "(" in text[claim.span[1]:after[0]] and 0 < (closing := text.find(")", after[0], after[0] + 60)) \
            and GRADE_CLAIM_RE.search(text, after[0], closing):
        return None  # "are graded 3 (v5.0 would give grade 4)": the bracket's version is its own claim's
    # "grade 3 thrombocytopenia (CTCAE v6.0)": after the condition, a bracket that holds the version alone, not "(v5.0 would call it grade 2)"
    return after[1] if between.group("term") is None or VERSION_ALONE_RE.match(text, after[0]) else None


BOTH_VERSIONS_RE = re.compile(r"(?i)(?:\s+(?:immune\s+|autoimmune\s+)?(?:thrombocytopenia|neutropenia|anaemia|anemia|leukopenia|leucopenia|lymphopenia))?"
                              r"(?:[\s(,]*(?:under|per|in|by|according\s+to|with)?\s*(?:both\s+)?(?:the\s+)?)(?:CTCAE\s*(?:version\s*|v\.?\s*)?|\bv\.?\s?|\bversion\s+)[56](?:\.0)?"
                              r"\s*(?:and|&|as\s+well\s+as)\s+(?:also\s+)?(?:under|per|in|by|with)?\s*(?:the\s+)?(?:CTCAE\s*(?:version\s*|v\.?\s*)?|\bv\.?\s?|\bversion\s+)[56](?:\.0)?\b")


BOTH_VERSIONS_WORDS_RE = re.compile(r"(?i)(?:\s+[^\W\d_]+){0,2}?\s+(?:under|in|by|per|with|for|across)\s+(?:both|either)\s+(?:CTCAE\s+)?versions?\b")


def _under_both_versions(text: str, claim: Claim, named_here: list[tuple[int, str]]) -> bool:
    """Whether the claim names both versions right after it (or after its condition): "grade 4 under v5.0 and under v6.0",
    "(CTCAE v5.0 and v6.0)", "grade 4 thrombocytopenia under both CTCAE v5.0 and v6.0", "under both versions". `named_here`
    are the versions its sentence names."""
    window = text[claim.span[1]:claim.span[1] + 40]
    if len(named_here) < 2 and " both " not in window and " either " not in window:
        return False  # (a cheap test first: most claims name no version after them)
    if BOTH_VERSIONS_WORDS_RE.match(text, claim.span[1]):
        return True  # "… is grade 2 lymphopenia under both versions"
    after = [(p, v) for p, v in named_here if claim.span[1] <= p <= claim.span[1] + 60]
    return len({v for _, v in after}) == 2 and BOTH_VERSIONS_RE.match(text, claim.span[1]) is not None


# What a grade calls for, said before it: "G-CSF is indicated for grade 4 neutropenia", "steroids are recommended in grade 2".
INDICATED_FOR_BEFORE_RE = re.compile(r"(?i)\b(?:indicated|recommended|required|needed|necessary|advised|warranted|reserved|considered|suggested)\s+"
                                     r"(?:only\s+)?(?:for|in)\s+(?:(?:an?|the|all|any|patients\s+with|cases\s+of|afebrile|febrile|severe|isolated|persistent|"
                                     r"asymptomatic|symptomatic|uncomplicated)\s+){0,3}(?:CTCAE\s+)?$")


# A bracket that tells what another version would have said: "grade 3 (it would have been grade 4 under v5.0)".
WOULD_BE_BRACKET_RE = re.compile(r"(?i)\((?:[^()\n]{0,40}?\b(?:would|wäre|serait|sería|sarebbe|seria|zou)\b)[^()\n]{0,40}$")


def _said_as_would_be(text: str, position: int) -> bool:
    """Whether a version named at `position` is inside a bracket that says what it would have given (so it is not the text's version)."""
    opening = text.rfind("(", max(0, position - 80), position)
    return opening >= 0 and ")" not in text[opening:position] and WOULD_BE_BRACKET_RE.match(text, opening, position) is not None


def _bracketed_apart(text: str, claim: Claim, position: int) -> bool:
    """Whether `position` is inside brackets the claim is outside of: "grade 3 (it would be grade 4 under v5.0)"."""
    if position >= claim.span[1]:
        between = text[claim.span[1]:position]
        return between.count("(") > between.count(")")
    between = text[position:claim.span[0]]
    return between.count(")") > between.count("(")


def _claim_version(text: str, claim: Claim, named_here: list[tuple[int, str]], clauses, clause_starts: list[int]) -> str | None:
    """The CTCAE version a claim is made under when its sentence names two: the one named right after it ("grade 1
    under v5.0"), else the one its clause names, else the nearest one named before it ("Under v6.0 ... is grade 3,
    whereas v5.0 would call it grade 4")."""
    if len({v for _, v in named_here}) < 2:
        return None
    named_within = single_version([v for position, v in named_here if claim.span[0] <= position < claim.span[1]])
    if named_within:
        return named_within  # "nach CTCAE v5.0 Grad 3 und nach v6.0 Grad 2": the claim names its own
    named_after = _version_named_after(text, claim, named_here)
    if named_after:
        return named_after
    clause = clauses[max(0, bisect_right(clause_starts, claim.span[0]) - 1)]
    # not a version named right after another grade, which that grade owns: "Using v6.0, … 0.8, grade 3 under v5.0, became grade 1"
    unowned = [(position, v) for position, v in named_here
               if (position < claim.span[0] and not VERSION_OF_GRADE_BEFORE_RE.search(text, max(0, position - 30), position)
                   or position >= claim.span[1])
               and not VERSION_COMPARED_BEFORE_RE.search(text, max(0, position - 20), position)]  # ("unchanged from v5.0": no frame)
    named_here = unowned or named_here
    in_clause = single_version([v for position, v in named_here if clause[0] <= position < clause[1]
                                and not _bracketed_apart(text, claim, position)])
    if in_clause:
        return in_clause
    before = [v for position, v in named_here if position < claim.span[0] and position >= clause[0]] \
        or [v for position, v in named_here if position < claim.span[0]]
    return before[-1] if before else None


# A version named as what another is compared with: "unchanged from v5.0", "than in v5.0", "versus v5.0".
VERSION_COMPARED_BEFORE_RE = re.compile(r"(?i)\b(?:from|than|vs\.?|versus|compared\s+(?:with|to)|unlike)\s+(?:in\s+|under\s+)?(?:the\s+)?(?:NCI[ \t-]*)?(?:CTCAE[ \t]*)?$")
# A grade right before a version, which makes the version that grade's: "grade 3 under v5.0", "G4 per CTCAE v5".
VERSION_OF_GRADE_BEFORE_RE = re.compile(r"(?i)\b(?:grade|grado|grad|grau|graad|G)[ \t]*[0-5][ \t]+(?:(?:under|per|by|in|with|according[ \t]+to|using|"
                                        r"nach|selon|seg[úu]n|secondo|segundo|volgens)[ \t]+)?(?:the[ \t]+)?(?:NCI[ \t-]*)?(?:CTCAE[ \t]*)?$")


def _respective(text: str, sentence: str, grade_claims: list[re.Match]) -> bool:
    """Whether a sentence (whose GRADE_CLAIM_RE matches are `grade_claims`) pairs its values and grades in order: "… grade
    3 and grade 2 respectively", or grades grouped by slashes as the values are ("1.2/7.4/19 (WBC/Hb/plt) — G3/G3/G4": a
    claim read as "G3/G3", then a slash)."""
    return "respectively" in sentence or "resp" in sentence and RESP_RE.search(sentence) is not None \
        or "/" in sentence and any(text.startswith("/", claim.end()) for claim in grade_claims)


RESP_RE = re.compile(r"\bresp\b\.?(?!\s*(?:rate|rr|distress|failure|infection|symptoms?)\b)")  # "g2 and g2 resp": respectively, shortened


def _paired_in_order(claims: list[Claim], values: list[Mention], respectively: bool = False) -> dict[int, tuple[Mention, bool]]:
    """Claims and values of one analyte that alternate in a sentence are paired in order: "grade 2 in one patient
    (platelets 55) and grade 3 in another (platelets 41)"; likewise "respectively" lists."""
    if len(claims) < 2:
        return {}
    positive = [c for c in claims if not c.negated]
    if len(positive) < 2 or len(positive) != len(claims):
        return {}
    if respectively and len(values) > len(positive):
        # "… were 1.6 and 38 on day 10, grade 2 and grade 3 respectively; by day 17 they had recovered to 3.9 and 121": the
        # values listed before the claims
        values = [m for m in values if m.span[1] <= positive[0].span[0]][-len(positive):]
    analytes = {m.analyte for m in values}
    if len(values) != len(positive):
        return {}
    if len(analytes) != 1:
        # "ANC 0.8 and platelets 60: grade 3 and grade 2 respectively": values of several analytes, claims in their order
        if respectively and all(c.term_analyte in (None, m.analyte) for c, m in zip(positive, values, strict=True)):
            return {id(c): (m, False) for c, m in zip(positive, values, strict=True)}
        return {}
    analyte = analytes.pop()
    if any(c.term_analyte not in (None, analyte) for c in positive):
        return {}
    return {id(c): (m, False) for c, m in zip(positive, values, strict=True)}


# More values of the same analyte listed after one: "Hb 7.4 and 9.6 g/dL", "platelets 44, 61 and 30".
LISTED_AFTER_RE = re.compile(rf"(?P<rest>(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\d[\d.,]*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\d[\d.,]*){{0,4}})"
                             rf"\s*(?P<unit>{UNIT_ALTERNATIVES})?(?![\w.,])", re.IGNORECASE)
LISTED_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
LISTED_BEFORE_RE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\d+(?:[.,]\d+)?){0,4}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$")


def _listed_values(text: str, values: list[Mention]) -> list[Mention]:
    """In a "respectively" sentence, each value followed by more numbers of its analyte stands for all of them, in order."""
    listed: list[Mention] = []
    read_at = {m.number_span[0] for m in values}
    for mention in values:
        if len(mention.steps) > 1:  # "nadirs of 40 and 18, grade 3 and grade 4 respectively": read as a series, listed in order
            listed += _steps(mention)
            continue
        earlier = LISTED_BEFORE_RE.search(text, max(0, mention.number_span[0] - 30), mention.number_span[0]) \
            if mention.span[0] == mention.number_span[0] else None  # an unnamed count's list
        if earlier is not None:  # "platelet nadirs of 40 and 18", read as its last number: the numbers listed before it too
            for number in LISTED_NUMBER_RE.finditer(text, earlier.start(), earlier.end()):
                item = _mention(mention.analyte, text, number.start(), number.end(), number.group(0), False, mention.unit_text, None,
                                number.span(), [parse_number(number.group(0))])
                if item.value is not None:
                    listed.append(item)
        more = LISTED_AFTER_RE.match(text, mention.number_span[1])
        if more is not None and any(more.start("rest") <= at < more.end("rest") for at in read_at):
            more = None  # "the ANC and platelet count were 1.1 and 48": the 48 is the platelets', read as theirs
        if more is None:
            listed.append(mention)
            continue
        unit = mention.unit_text or more.group("unit")
        first = text[mention.number_span[0]:mention.number_span[1]]
        numbers = [(first, mention.number_span)] + [(m.group(0), (m.start(), m.end())) for m in LISTED_NUMBER_RE.finditer(text, more.start("rest"), more.end("rest"))]
        for number_text, span in numbers:
            item = _mention(mention.analyte, text, span[0], span[1], number_text, False, unit, None, span, [parse_number(number_text)])
            if item.value is not None:
                listed.append(item)
    seen: set[tuple[int, int]] = set()  # a listed number also read as an unnamed count is one value
    return [m for m in listed if not (m.number_span in seen or seen.add(m.number_span))]


def _clause_bounds(start: int, end: int, breaks: list[tuple[int, int]], break_starts: list[int]) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end]: it is cut after each of the text's clause breaks (CLAUSE_BREAK_RE,
    found once for the whole text; `break_starts` their starts) that lies within it."""
    inside = breaks[bisect_left(break_starts, start):bisect_left(break_starts, end)]
    if not inside:
        return [(start, end)]
    cuts = [start] + [break_end for _, break_end in inside if break_end <= end] + [end]
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _nearby(values: list[Mention], value_starts: list[int], start: int, end: int, reach: int = 250) -> list[Mention]:
    """The values that start within `reach` characters of [start, end]: a bounded window, so long text stays linear."""
    return values[bisect_left(value_starts, start - reach):bisect_left(value_starts, end + reach)]


# A clause that opens with a supposition or another time than now: "If platelets drop below 50 …", "After C2 she had …".
SUPPOSING_CLAUSE_RE = re.compile(r"(?i)(?:[^:;\n]{0,60}:)?[\W_]*(?:if|should|unless|in\s+case|(?:after|during|before)\s+(?:C|cycle\s*)\d{1,2}|"
                                 r"last\s+(?:cycle|time|week|month)|previously|at\s+baseline|on\s+admission)\b")


RECOVERED_WORDS = ("resolv", "recover", "rose", "improv", "return", "came back", "back up")  # RECOVERED_TO_BEFORE_RE's (a cheap test first)
RECOVERED_TO_BEFORE_RE = re.compile(r"(?i)\b(?:resolved|recovered|rose|improved|returned|came\s+back(?:\s+up)?|back\s+up)\s+to\s*$")


def _value_for_claim(claim: Claim, all_values: list[Mention], value_starts: list[int], clauses,
                     clause_starts: list[int], text: str = "") -> tuple[Mention | None, bool]:
    """The lab value a grade claim is about: its own analyte in the same clause first, then the same
    sentence; failing that, the nearest value of another analyte (judged against that analyte)."""
    clause = clauses[max(0, bisect_right(clause_starts, claim.span[0]) - 1)]
    values = _nearby(all_values, value_starts, claim.span[0], claim.span[1])

    def distance(m: Mention) -> int:
        return min(abs(m.span[0] - claim.span[1]), abs(claim.span[0] - m.span[1]))

    if " to" in (after := text[claim.span[1]:claim.span[1] + 80]) and any(word in after for word in RECOVERED_WORDS) \
            and any(m.span[0] >= claim.span[1] for m in values) \
            and (any(m.span[1] <= claim.span[0] for m in values) or ";" in after[:after.find(" to")]):
        # "fell to 23 …; the event was assessed as grade 3 thrombocytopenia and resolved to 140": the value it recovered to
        # after the claim is not the one it grades, when one was told before it or in a clause of its own ("Grade 3 ITP in
        # March; platelets recovered to 134 after IVIG")
        values = [m for m in values if not (m.span[0] >= claim.span[1]
                                            and RECOVERED_TO_BEFORE_RE.search(text, max(claim.span[1], m.number_span[0] - 24), m.number_span[0]))]
    in_clause = [m for m in values if clause[0] <= m.span[0] < clause[1]]
    opening = text.rfind("(", clause[0], claim.span[0])
    if opening > text.rfind(")", clause[0], claim.span[0]) and claim.span[0] - opening <= 30:
        # "rose to 64 x10^9/L by day 5 (grade 2) and to 171": a claim in brackets is about a value before them, or one
        # inside them before it ("neutropenia (ANC 1.3, grade 2) and thrombocytopenia (platelets 118, grade 3)")
        inside = [m for m in in_clause if opening < m.span[0] and m.span[1] <= claim.span[0]]
        in_clause = inside or [m for m in in_clause if m.span[1] <= opening] or in_clause
        values = inside or [m for m in values if m.span[1] <= opening] or values
    if claim.term_end is not None:
        # "the neutropenia is grade 2, and platelets of 128 are grade 1": a value named between the term and the claim is its subject
        between = [m for m in in_clause if claim.term_end <= m.span[0] and m.span[1] <= claim.span[0] and m.analyte != claim.term_analyte]
        if between:
            return between[-1], False
    if claim.term_analyte:
        # a claim in a clause that supposes ("If platelets drop below 50 she'll have grade 3 …; for now they're 88") or speaks
        # of another time ("After C2 she had grade 3 thrombocytopenia; platelets today are 128") takes no value of another clause
        pools = (in_clause,) if SUPPOSING_CLAUSE_RE.match(text, clause[0], claim.span[0]) else (in_clause, values)
        for pool in pools:
            own = [m for m in pool if m.analyte == claim.term_analyte]
            if len(own) > 1:
                own = [m for m in own if not _earlier(text, m)] or own  # "36 today, versus 21 on admission: grade 3"
            if text.find("which", max(0, claim.span[0] - 60), claim.span[0]) >= 0:
                before = [m for m in own if m.span[1] <= claim.span[0]]
                if before and RELATIVE_CLAUSE_RE.fullmatch(text, before[-1].span[1], claim.span[0]):
                    return before[-1], False  # "recovered to 1.1 by day 19, which was still a grade 3 neutropenia, and to 2.6"
            if own:
                return min(own, key=distance), False
        if in_clause and claim.term_analyte in CANONICAL_UNIT:
            nearest = min(in_clause, key=distance)
            if distance(nearest) <= 40:
                return nearest, True
        return None, False
    if SUPPOSING_CLAUSE_RE.match(text, clause[0], claim.span[0]):
        # "If her platelets drop below 25 she'd be grade 4 and we'd admit — for now they're 88, grade 1": what a supposition
        # grades is told before the grade, never the value of now after it
        in_clause = [m for m in in_clause if m.span[1] <= claim.span[0]]
        values = [m for m in values if m.span[1] <= claim.span[0]]
    # a value after the claim in another list item is not its value: "wbc 2.9 which is grade 1 apparently, hgb 11.5 …"
    example = EXAMPLE_AFTER_RE.match(text, claim.span[1]) is not None  # "Several counts are grade 2, e.g. the WBC of 3.5"
    near = [m for m in in_clause if distance(m) <= 30 and (m.span[0] < claim.span[1] or example or text.find(",", claim.span[1], m.span[0]) < 0)]
    if len(near) > 1 and PRONOUN_SUBJECT_RE.search(text, max(clause[0], claim.span[0] - 20), claim.span[0]):
        near = [m for m in near if m.span[1] <= claim.span[0]] or near  # "his ANC was 0.8 and that's grade 4 — mine is 2.4": the value before
    if near:
        return min(near, key=distance), False
    last = max((m for m in in_clause if m.span[1] <= claim.span[0]), key=lambda m: m.span[1], default=None)
    if last is not None and text[last.span[1]:last.span[1] + 3].lstrip().startswith("(") \
            and 0 < (closing := text.find(")", last.span[1], claim.span[0])) and claim.span[0] - closing <= 30 \
            and DIGIT_RE.search(text, closing, claim.span[0]) is None:
        return last, False  # "AST 95 U/L (ULN 35; baseline within normal limits), reported as grade 2": past the value's own bracket
    if len(in_clause) == 1 and in_clause[0].span[1] <= claim.span[0] and distance(in_clause[0]) <= 60 \
            and (_only_numbers_between(text, in_clause[0].span[1], claim.span[0], _threshold_number)
                 or _only_numbers_between(text, in_clause[0].span[1], claim.span[0], _time_or_dose_number)):
        return in_clause[0], False  # "Plt 58 — still below the 50 threshold, grade 3": the clause's one value, past a comparison
    # A grade that opens its clause ("Platelets 71 this morning; not grade 2 yet, keep monitoring") or what follows a
    # spaced dash ("Neutrophils 1.12 on the pre-cycle bloods - not at the grade 2 level yet") is about the value just
    # before, with no other number between.
    opens = clause[0] if clause[0] > clauses[0][0] else max(text.rfind(dash, clause[0], claim.span[0]) for dash in (" - ", " – ", " — "))
    if opens >= 0 and CLAUSE_OPENING_RE.fullmatch(text, opens, claim.span[0]) \
            and not GENERAL_AFTER_RE.match(text, claim.span[1]) and not RULE_AFTER_RE.match(text, claim.span[1]):
        before = [m for m in values if m.span[1] <= opens]
        if before and not _other_number(text, before[-1].span[1], claim.span[0], text[before[-1].number_span[0]:before[-1].number_span[1]]):
            return before[-1], False
    # A bare grade that names no condition and ends its clause ("ABS NEUT 0.3 K/uL ** CRITICAL **; grade 4.") is
    # about the value just before it in the sentence; so is the grade of the worst value ("…; the nadir was grade 4 and has resolved").
    if claim.bare or claim.at_worst:
        # a number in an earlier clause does not stand between ("ANC 1.05 — below the 1.0 threshold; grade 3.")
        before = [m for m in values if m.span[1] <= claim.span[0] and claim.span[0] - m.span[1] <= 80]
        if before and not _other_number(text, max(before[-1].span[1], clause[0]), claim.span[0],
                                        text[before[-1].number_span[0]:before[-1].number_span[1]]):
            return before[-1], False  # another number in between ("above the 50,000 line used for grade 3") is its subject
    return None, False


# A relative clause that gives the value before it its grade: "…, which was still a grade 3 neutropenia".
RELATIVE_CLAUSE_RE = re.compile(r"(?i)[^.;,]{0,30},\s*which\s+(?:is|was|are|were|remains|remained|represents|represented|corresponds\s+to|"
                                r"constitutes|meant|means)\b[^.;,\d]{0,30}")
BRACKETED_VERSION_RE = re.compile(r"(?i)\(\s*(?:NCI[\s-]*)?CTCAE\s*(?:version\s*|v\.?\s*)?[56](?:\.0)?\s*\)")
EXAMPLE_AFTER_RE = re.compile(r"(?i)\s*,?\s*(?:e\.g\.|i\.e\.|for\s+example|for\s+instance|such\s+as|namely)")
CLAUSE_OPENING_RE = re.compile(r"(?i)[\s\W_]*(?:(?:not|no|so|now|still|thus|hence|i\.e\.|ie|=>|→|->|but|and|yet|only|just|quite|even)[\s,]*)*"
                               r"(?:at\s+(?:the\s+)?)?"  # "…; not at the grade 2 level yet"
                               # "Platelets dropped to 21 on day 8; the event was graded 3 and resolved …": the event of the value before
                               r"(?:(?:the|this)\s+(?:event|episode|drop|fall|nadir)\s+(?:was|is|has\s+been)\s+"
                               r"(?:(?:graded|rated|(?:assessed|classed|classified|recorded|reported|coded)\s+as)\s+(?:an?\s+)?(?:CTCAE\s+)?)?)?")


def _linked_value(claim: Claim, values: list[Mention], clauses, clause_starts: list[int], text: str) -> Mention | None:
    """The value a verb gives the claim's grade to, earlier in its clause with only words between ("A white blood cell
    count of 2,000 per microliter is classed as grade 3")."""
    clause = clauses[max(0, bisect_right(clause_starts, claim.span[0]) - 1)]
    before = [m for m in values if clause[0] <= m.span[0] and m.span[1] <= claim.span[0]]
    if not before:
        return None
    between = text[before[-1].span[1]:claim.span[0]]
    if len(between) > 120 or TERM_RE.search(between) or not LINKING_BEFORE_RE.search(between) \
            or re.search(r"\d", GRADE_CLAIM_RE.sub("", COMPARISON_RE.sub("", between))):
        return None
    return before[-1]


def _other_number(text: str, start: int, end: int, same: str | None = None) -> bool:
    """Whether text[start:end] holds a number other than a version, a grade, a reference range, a date, a time or the
    number `same` said again ("ANC 0.7, grade 4, but that's an error — 0.7 is grade 3")."""
    between = text[start:end]
    if same:
        between = re.sub(rf"(?<![\d.,]){re.escape(same)}(?![\d]|[.,]\d)", " ", between)
    return re.search(r"\d", between) is not None and re.search(r"\d", DATE_TIME_TEXT_RE.sub("", RANGE_TEXT_RE.sub(
        "", GRADE_CLAIM_RE.sub("", VERSION_NAMED_RE.sub("", between))))) is not None


def _only_numbers_between(text: str, start: int, end: int, allowed) -> bool:
    """Whether every number in text[start:end] is one `allowed(text, start, number)` lets stand, then a clause's break right before
    a grade: thresholds ("Plt 58 — still below the 50 threshold, grade 3"; not "below the 50 threshold that separates grade 2 from
    grade 3"), or counts of time and doses of a drug ("lymphs .7 .5 .3 over the last 3 wks on pred 60, g2 now")."""
    numbers = list(BARE_NUMBER_RE.finditer(text, start, end))
    return bool(numbers) and all(allowed(text, start, number) for number in numbers) \
        and BREAK_BEFORE_GRADE_RE.fullmatch(text, numbers[-1].end(), end) is not None


def _threshold_number(text: str, start: int, number: re.Match) -> bool:
    return THRESHOLD_BEFORE_NUMBER_RE.search(text, max(start, number.start() - 14), number.start()) is not None


def _time_or_dose_number(text: str, start: int, number: re.Match) -> bool:
    return TIME_COUNT_AFTER_RE.match(text, number.end()) is not None or DRUG_BEFORE_RE.search(text, max(start, number.start() - 24), number.start()) is not None


BARE_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?")
TIME_COUNT_AFTER_RE = re.compile(r"(?i)\s*(?:wks?|weeks?|days?|d|hrs?|hours?|months?|mos?|cycles?)\b")

BREAK_BEFORE_GRADE_RE = re.compile(r"(?i)(?:\s*[^\s\d,;:—–]{1,12}){0,3}\s*[,;:—–-]\s*(?:(?:now|still|currently)\s+)?(?:CTCAE\s+)?")  # " threshold, ", " wks on atezo, now "
ENGLISH_MONTH = r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
DATE_TIME_TEXT_RE = re.compile(r"(?i)(?<![\d.])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}[.-]\d{1,2}[.-]\d{2,4})(?![\d.])|(?<![\d.])\d{1,2}:\d{2}(?![\d.])|(?<![\d.])\d{1,2}\s*[ap]\.?m\b\.?|"
                               r"\b(?:day|d|cycle|c|week|wk|d[íi]a|jour|j|tag|giorno|dag|ciclo|zyklus|cyclus|kuur|semana|semaine|woche|settimana)\s*\+?\d{1,3}\b|"  # "on day +10"
                               r"(?<![\d.])\d{1,2}-(?:day|week|month)\b|"  # "at the 6-week check"
                               rf"(?<![\d.])(?:[12]?\d|3[01])(?:st|nd|rd|th)?\s+{ENGLISH_MONTH}|"  # "on 12 March"
                               rf"{ENGLISH_MONTH}\.?\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b(?![.,]\d)")  # "on March 12"
# A reference range written after a value ("6.9 g/dL (12.0-16.0) LL", "12 K/uL *CRIT* 150-400"): not another value.
RANGE_TEXT_RE = re.compile(r"[\(\[]?\s*\d[\d.,]*\s*[-–]\s*\d[\d.,]*\s*[\)\]]?")
# What may join two comparisons of one value: "above the grade 3 cut-off of 1.0 but below the grade 2 cut-off of 1.5".
CHAINED_COMPARISON_RE = re.compile(r"(?i)[\s,;—–-]*(?:\b(?:but|and|yet|though|although|while|whereas|or)\b)?\s*(?:(?:still|also|now|just|only|"
                                   r"well|comfortably|slightly|clearly|not|is|it's|it\s+is)\s+)*")


UNIT_TEXT_RE = re.compile(rf"(?:{UNIT_ALTERNATIVES})", re.IGNORECASE)
# digits written onto a word, a visit's label ("C3D1"), are not a number; a grade's ("G2") are
LABEL_DIGITS_RE = re.compile(r"(?<=[^\W\d_])(?<![Gg])(?<![Gg][Rr])\d+")


NOW_BRACKET_GAP_RE = re.compile(rf"\s*\(\s*(?=today|now|currently|{FOREIGN_TODAY})", re.IGNORECASE)  # "… (today 1.3)"


def _value_for_comparison(match: re.Match, all_values: list[Mention], value_starts: list[int], text: str,
                          borrowed_from: int | None = None) -> Mention | None:
    """The value a stated comparison is about: the closest value before it in the sentence, with no other
    comparison, threshold or number in between ("With a WBC of 2.4, the count still exceeds the cut-off of 3.0").
    With `borrowed_from` (the sentence's start), the values are a previous sentence's, referred back to ("It is above
    the 1.5 threshold"): only the words of this sentence stand between."""
    if borrowed_from is None and "(" in text[match.end():match.end() + 3] and (following := bisect_left(value_starts, match.end())) < len(all_values) \
            and (gap := NOW_BRACKET_GAP_RE.match(text, match.end())) is not None and gap.end() == all_values[following].span[0]:
        return all_values[following]  # "se mantienen por encima del umbral de 1,5 (hoy 1,3 x10^9/L)": the value of now in its bracket
    if borrowed_from is not None:
        before = [m for m in all_values if m.span[1] <= borrowed_from][-1:]
    else:
        before = [m for m in _nearby(all_values, value_starts, match.start(), match.start(), reach=120) if m.span[1] <= match.start()]
    if not before:
        return None
    mention = before[-1]
    after_value = mention.span[1]
    if borrowed_from is None and "(" in text[after_value:after_value + 40] and (label := LABEL_BEFORE_RANGE_RE.match(text, after_value)):
        after_value = label.end()  # "13.1 g/dL at discharge (male reference 13.5–17.5), within …": past the time's label
    if borrowed_from is None and ("(" in text[after_value:after_value + 6] or "[" in text[after_value:after_value + 6]):
        stated = RANGE_AFTER_VALUE_RE.match(text, after_value) or ULN_BRACKET_RE.match(text, after_value)
        # "Hgb 11.6 (ref 12.0–15.5), within …", "Hb 12.9 (male; LLN 13.5), within …", "ALT 150 U/L (ULN 40), under …": the
        # value's own range or limit
        after_value = stated.end() if stated else _bracketed_lln(text, after_value)[1]
    between = text[after_value if borrowed_from is None else borrowed_from:match.start()]
    if borrowed_from is None and (restated := RESTATED_IN_UNIT_RE.match(between)) is not None \
            and to_canonical(mention.analyte, parse_number(restated.group("num")), restated.group("unit"))[0] == mention.value:
        between = between[restated.end():]  # "84 g/L corresponds to 8.4 g/dL, which is below 8.0": the same value in another unit
    if "10" in between:
        between = UNIT_TEXT_RE.sub(" ", between)  # "1.1 (10^9/L), not yet below 1.5": a unit is not a number between
    if DIGIT_RE.search(between):
        # "2.9 on C3D1, just above the 3.0 cut-off", "6.9 at 06:00 on day 3, not below 7": a label's, a date's or a time's
        # digits are not a number
        between = DATE_TIME_TEXT_RE.sub("", LABEL_DIGITS_RE.sub("", BRACKETED_VERSION_RE.sub("", between)))  # "(CTCAE v5.0)" names a version
    if any(word in between for word in RANGE_NAME_WORDS):
        between = NAMED_RANGE_RE.sub(" ", between)  # "130 with a reference range of 140-400: that's inside …": the value's range
    if mention.analyte in LIVER_ANALYTES and ("ULN" in between or "uln" in between or "upper limit" in between.lower()):
        between = STATED_ULN_RE.sub(" ", between)  # "ALT 136 U/L against a ULN of 40 — below the …": the value's upper limit
    if borrowed_from is None and (other := ANALYTE_RE.search(between)) and other.lastgroup != mention.analyte \
            and ANALYTE_RE.search(text, other.end() + after_value, match.start()) is None and match.start() - (other.end() + after_value) <= 4:
        return None  # "ANC … 1.8 (met); Platelets ≥100": the comparison is the platelets', named right before it
    earlier = list(COMPARISON_RE.finditer(between)) if len(between) <= 200 else []
    if earlier:
        # a comparison chained to an earlier one of the same value: what stands between them only joins them
        if re.search(r"\d", COMPARISON_RE.sub(" ", between)) or not CHAINED_COMPARISON_RE.fullmatch(between, earlier[-1].end()):
            return None
        return mention
    if re.search(r"\d", between) and not re.search(r"\d", GRADE_CLAIM_RE.sub("", between)) \
            and (CONTINUED_SUBJECT_RE.search(between) or len(between) <= 60 and APPOSITIVE_END_RE.search(between)):
        # "Platelets 74 — not grade 2, and still above the 75 threshold", "Plt 74 this am — grade 1 thrombocytopenia, above the 75
        # threshold": the same subject goes on
        return mention
    if re.search(r"\d", between) and _says_again(text, mention, between):
        return mention  # "ANC 1.4 — meets the ANC criterion, since 1.4 is below 1.0": the value said again as the subject
    if len(between) > 90 or re.search(r"\d", between) and (re.search(r"\d", GRADE_CLAIM_RE.sub("", between))
                                                         or not PRONOUN_SUBJECT_RE.search(between)):
        # a number between is the comparison's subject, and so is a grade ("grade 2 starts below 75"), unless a pronoun
        # takes the value up again ("ANC 1.6 → not neutropenic enough for grade 2 but it's below the 1.5 cutoff")
        return None
    return mention


APPOSITIVE_END_RE = re.compile(r"^(?:[^,;]*,)?[^,;]*(?:,|;|\s[—–-])\s*(?:(?:still|just|well|so|thus)\s+)?$")  # the grade set off by commas or a dash, then the comparison
CONTINUED_SUBJECT_RE = re.compile(r"(?i)(?:[,;]\s*|\s+)(?:and|but|yet|which)\s+(?:(?:still|also|now|just|well|even)\s+)*(?:(?:is|are|was|were|remains?|stays?|falls?|sits?|lies)\s+)?$")
# ("ANC 1.7, grade 2 neutropenia, which falls below the 1.5 threshold": the count's condition, its value still the subject)


def _says_again(text: str, mention: Mention, between: str) -> bool:
    """Whether the only numbers in `between` are the value's own number said again, right before the comparison."""
    written = text[mention.number_span[0]:mention.number_span[1]]
    numbers = BARE_NUMBER_RE.findall(GRADE_CLAIM_RE.sub("", between))
    if numbers and mention.value is not None and all(number != written for number in numbers) \
            and all(abs(parse_number(number) - mention.value) < 1e-9 for number in numbers):
        written = numbers[-1]  # "Hb reported as 84 g/L … - 8.4 is below 8.0": the value again, in the canonical unit
    return bool(numbers) and all(number == written for number in numbers) and between.rstrip().endswith(
        (written, f"{written} is", f"{written} was", f"{written} are", f"{written} sits", f"{written} remains"))


def _unnamed_earlier_value(text: str, s_start: int, claim: Claim, values: list[Mention]) -> Mention | None:
    """The earlier value of a change a claim grades, told with no name after the sentence's value of one analyte: "ANC 1.9
    today, up from 1.0 on day 5, which was grade 3", "Hb 10.1 g/dL today, up from a nadir of 82 g/L (grade 3)"."""
    before = [m for m in values if s_start <= m.span[0] and m.span[1] <= claim.span[0]]
    if not before or len({m.analyte for m in before}) != 1 or claim.term_analyte not in (None, before[-1].analyte):
        return None
    subject = RELATIVE_SUBJECT_BEFORE_RE.search(text, max(s_start, claim.span[0] - 60), claim.span[0]) \
        or NUMBER_BEFORE_BRACKET_RE.search(text, max(s_start, claim.span[0] - 40), claim.span[0])
    if subject is None or subject.start("num") < before[-1].span[1]:
        return None
    return _another_value(text, before[-1], subject, subject.group("unit") or before[-1].unit_text)


def _unnamed_subject(text: str, s_start: int, claim: Claim, mentions: list[Mention]) -> bool:
    """Whether the claim follows a number that belongs to no lab value: "0.49 → G3" grades 0.49, whatever was named before."""
    window = text[max(s_start, claim.span[0] - 16):claim.span[0]]
    if "which" in window or "that" in window:
        # "2.0 (grade 2), up from 1.0 x10^9/L on day 5, which was grade 3": a relative clause about the number before it
        subject = RELATIVE_SUBJECT_BEFORE_RE.search(text, max(s_start, claim.span[0] - 60), claim.span[0])
        if subject is not None:
            return not any(m.span[0] <= subject.start("num") < max(m.span[1], m.number_span[1]) for m in mentions)
    if ":" not in window and "=" not in window and "→" not in window and "->" not in window:
        return False  # the sign UNNAMED_SUBJECT_BEFORE_RE needs: a plain string test first
    subject = UNNAMED_SUBJECT_BEFORE_RE.search(text, max(s_start, claim.span[0] - 16), claim.span[0])
    if subject is not None and (THRESHOLD_BEFORE_NUMBER_RE.search(text, max(s_start, subject.start() - 14), subject.start())
                                or TIME_UNIT_BEFORE_RE.search(text, max(s_start, subject.start() - 14), subject.start())
                                or DRUG_BEFORE_RE.search(text, max(s_start, subject.start() - 24), subject.start())
                                or FEVER_WORD_RE.search(text, max(s_start, subject.start() - 16), subject.start())
                                or GRADE_WORD_BEFORE_RE.search(text, max(s_start, subject.start() - 8), subject.start())
                                and VERSION_NAMED_RE.match(text, claim.span[0]) is not None):
        # "ANC 1.05 — below 1.0 → G3", "ALC 0.19 at week 8 = grade 3", "Patient 07: G3", "ALC .19 on pred 60 → G3", "febrile to
        # 38.9: grade 3 neutropenia": not a value; nor is the grade of the claim before, when this one names
        # another version ("→ CTCAE v5.0 grade 4 → CTCAE v6.0 grade 4")
        return False
    return subject is not None and not any(m.span[0] <= subject.start() < max(m.span[1], m.number_span[1]) for m in mentions)


GRADE_WORD_BEFORE_RE = re.compile(r"(?i)\b(?:grade|grad|grado|gr\.?|g)[ \t]*$")
# A number that counts time or labels a record, not a value: "at week 8 = grade 3", "Patient 07: grade 3", "Bed 12: G2"
TIME_UNIT_BEFORE_RE = re.compile(r"(?i)(?:\b(?:day|d|week|wk|w|cycle|c|month|mo|hour|h|patient|pt|subject|participant|case|bed|room|id|"
                                 r"d[íi]a|jour|tag|giorno|dag|ciclo|zyklus|cure|kuur|semana|semaine|woche|settimana|j)|#|\bno\.)\s*\+?$")  # "on day +10: grade 4"
THRESHOLD_BEFORE_NUMBER_RE = re.compile(r"(?i)(?:[<>≤≥]|\b(?:below|under|above|over|than|least|most|cut-?off|threshold|limit)\b)\s*(?:the\s+|of\s+)?$")
# A relative clause about another value named with "from", "than" or "versus": "up from 1.0 x10^9/L on day 5, which was grade 3".
RELATIVE_SUBJECT_BEFORE_RE = re.compile(rf"(?i)\b(?:from|than|versus|vs\.?|compared\s+(?:with|to))\s+(?:(?:a|an|the|its|her|his)\s+)?(?:[^\W\d][\w-]*\s+){{0,2}}?"
                                        rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?)(?P<kilo>\s?[kK]\b)?\s*(?P<unit>{UNIT_ALTERNATIVES})?(?:\s+(?:on|at|in)\s+(?:day|d|week|wk|cycle|c)\s*\d+)?"
                                        r"\s*,?\s*(?:which|that)\s+(?:was|is|were|would\s+be|had\s+been)\s+(?:an?\s+)?(?:CTCAE\s+)?$")
UNNAMED_SUBJECT_BEFORE_RE = re.compile(r"(?<![\w.,/:])\d+(?:[.,]\d+)?\s*(?:→|->|=>|:|=)\s*$")  # (not "7.6/23 →": a hematocrit after its Hb; nor "18:00 →": a clock)
PRONOUN_SUBJECT_RE = re.compile(r"(?i)\b(?:(?:it|that|this|she|he|they)(?:'s|’s|'re|\s+is|\s+was|\s+are|\s+were|\s+remains?|\s+stays?|\s+sits?|\s+lies)|"
                                # ... or the count named again: "…, grade 1 thrombocytopenia, as the count remains above the 75 threshold"
                                r"(?:as|since|because|and|so)\s+(?:the|its|her|his|their)\s+(?:count|value|level|result|number)\s+(?:(?:still|now|well|just|only)\s+)?"
                                r"(?:is|was|remains|stays|sits|lies))\s+(?:(?:still|now|well|just|only)\s+)?$")


# The value said again in another unit: "corresponds to 8.4 g/dL", "(= 1,200/µL)", "i.e. 1.2 x10^9/L".
RESTATED_IN_UNIT_RE = re.compile(rf"(?i)[\s,(]*(?:(?:corresponds?\s+to|equals?|equivalent\s+to|i\.e\.|=|or)\s*|(?<=\())(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>{UNIT_ALTERNATIVES})\)?")


# The lower limit of normal a sentence gives ("against his laboratory's lower limit of 13.0 g/dL", "LLN 1.8"): grade 1 starts there.
# Also in the other languages: "(LIN du laboratoire 13,0 g/dL)", "límite inferior de 13,5", "untere Normgrenze 13,5".
STATED_LLN_WORDS = ("lower limit", "limite inf", "mite inferior", "normgrenze", "untergrenze", "ondergrens")  # STATED_LLN_RE's words, a cheap test first
STATED_LLN_RE = re.compile(rf"(?i)(?:lower\s+limit(?:\s+of\s+normal)?|\bLLN|\bLIN\b|limite\s+inf[ée]rieure?(?:\s+de\s+la\s+normale?)?|l[íi]mite\s+inferior(?:\s+(?:de\s+la\s+)?normal(?:idad)?)?|"
                           rf"untere[nr]?\s+Normgrenze|Untergrenze|ondergrens)"
                           rf"(?:(?<=LIN)\s+(?:du|de\s+notre)\s+(?:laboratoire|labo))?"
                           rf"\s*(?:\(\s*LLN\s*\)\s*)?(?:(?:for|of|des|du|de\s+l[ao]s|delle|dei|der|für|van)\s+(?:men|women|males?|females?|[^\W\d]+(?:\s+counts?)?)(?:\s+(?:in|for)\s+(?:men|women|males?|females?|adults?))?\s*)?"
                           rf"(?:(?:here|locally|(?:at|in)\s+(?:our|this)\s+(?:lab|laboratory|hospital))\s*)?"  # "Lab LLN for ANC here is 1.7"
                           rf"(?:(?:is|est|es|è|ist|é)\s+)?(?:of|is|=|:|at|à|de|est|es|è|ist|van|bei|en|a|em)?\s*{NUMBER}\s*(?:{UNIT})?")  # "… est à 130 G/L"


# A reference range in brackets right after a value ("Hb 13.1 g/dL (ref 13.5–17.5)", "Hgb 12.6 L (13.5-17.5 g/dL)"): its
# low end is the laboratory's lower limit of normal for that value, where grade 1 starts.
RANGE_AFTER_VALUE_RE = re.compile(rf"(?i)[ \t]*(?:[HL]\b[ \t]*)?[\(\[][ \t]*(?:(?:male|female|men|women|homme|femme|Mann|Frau|hombre|mujer|uomo|donna|man|vrouw|m|f)(?:[ \t]*[,:;][ \t]*|[ \t]+(?=ref|normal|range|lab)))?(?:(?:(?:lab(?:oratory)?|local|our|the\s+lab's)[ \t]+(?:range|ref(?:erence)?(?:[ \t]+range)?|normal)|"
                                  # "(our laboratory's range for men is 13.5–17.5 g/dL)"
                                  rf"(?:(?:our|the|local)[ \t]+)?lab(?:oratory)?['’]s[ \t]+(?:(?:reference|normal)[ \t]+)?range(?:[ \t]+for[ \t]+(?:men|women|males|females|adults))?(?:[ \t]+is)?|"
                                  rf"(?:ref(?:erence)?\.?|normal)(?:[ \t]+range)?(?:[ \t]+for[ \t]+(?:men|women|males|females|adults))?|RR|NR|N|"
                                  # ... in the other languages read: "(Referenzbereich 13,5–17,5 g/dl)", "(VR 12-16)", "(normes 150-400)"
                                  rf"Referenz(?:bereich|wert[e]?)?|Normbereich|Norm|r[ée]f[ée]rence|valeurs?[ \t]+(?:de[ \t]+)?r[ée]f[ée]rence|normes?|"
                                  rf"VR|VN|rango(?:[ \t]+de[ \t]+referencia)?|valores?[ \t]+(?:de[ \t]+)?referencia|intervallo(?:[ \t]+di[ \t]+riferimento)?|"
                                  rf"v\.?n\.?|referentie(?:waarden?)?|normaalwaarden?|ref\.?[ \t]*waarde|intervalo(?:[ \t]+de[ \t]+refer[êe]ncia)?|"
                                  rf"valores?[ \t]+de[ \t]+refer[êe]ncia)[ \t]*[:=]?[ \t]*)?"
                                  # ... and whom it is for after its label: "(Referenzbereich Männer 13,5–17,5)"
                                  rf"(?:(?:men|women|males?|females?|m[äa]nner|frauen|hommes|femmes|hombres|mujeres|uomini|donne|mannen|vrouwen|homens|mulheres)[ \t]*[:=]?[ \t]*)?"
                                  rf"(?P<low>\d+(?:[.,]\d+)?)[ \t]*(?:[-–]|to)[ \t]*\d+(?:[.,]\d+)?[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?"
                                  # ... perhaps with whom it is for: "(ref 13.5-17.5, male)"
                                  rf"(?:[ \t]*[,;][ \t]*(?:male|female|men|women|M|F|adult|adults?[ \t]+(?:male|female))|[ \t]+(?:for|in|en|para|pour|chez[ \t]+les?|per|bei|voor|nos|nas|em)[ \t]+(?:men|women|males|females|adults|varones|hombres|mujeres|"
                                  rf"homens|mulheres|hommes|femmes|uomini|donne|m[äa]nnern|frauen|mannen|vrouwen))?[ \t]*[\)\]]")


# ... or a reference range the value's sentence names a few words away: "Platelets 130 with a lab reference range of
# 140-400", "within the normal range for men given on your report (13.5-17.5 g/dL)", "the normal range is 12.0 to 15.5".
NAMED_RANGE_RE = re.compile(rf"(?i)\b(?:normal|reference|ref\.?|standard|expected|healthy|lab(?:oratory)?(?:['’]s)?)\s+(?:(?:reference|normal)\s+)?(?:range|interval|limits)\b[^.;!?\d]{{0,50}}?"
                            rf"(?P<low>\d+(?:[.,]\d+)?)[ \t]*(?:{UNIT_ALTERNATIVES})?[ \t]*(?:[-–]|to)[ \t]*\d+(?:[.,]\d+)?"
                            rf"[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?")
RANGE_NAME_WORDS = ("range", "interval", "limits")
RANGE_REACH = 200  # how far from the value, within its sentence, a named range is looked for


RANGE_AFTER_IN_RECORD_RE = re.compile(rf"(?i)[\s\S]{{0,60}}?\b(?:standard|normal|reference|ref\.?)[ \t]+(?:range|interval)[ \t]*:?[ \t]*(?P<low>\d+(?:[.,]\d+)?)[ \t]*[-–][ \t]*"
                              rf"(?P<high>\d+(?:[.,]\d+)?)[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?")


def _range_in_record(text: str, mention: Mention) -> float | None:
    """The low end of a reference range labelled later on the value's line or record (RANGE_AFTER_IN_RECORD_RE), in the canonical
    unit."""
    stated = RANGE_AFTER_IN_RECORD_RE.match(text, mention.span[1])
    if stated is None or ANALYTE_RE.search(text, mention.span[1], stated.start("low")):
        return None  # (not another count's range: "WBC 3.1\nPlatelets 140, reference range 150-400")
    return _range_limit(mention.analyte, stated.group("low"), stated.group("unit") or mention.unit_text or mention.native_unit)


def _range_lln(text: str, mention: Mention, named: _NamedRanges | None = None) -> float | None:
    """The lower limit of normal the text states for `mention`, in the analyte's canonical unit: the low end of a
    reference range right after it, else of one its sentence names (see _NamedRanges)."""
    label = LABEL_BEFORE_RANGE_RE.match(text, mention.span[1]) if "(" in text[mention.span[1]:mention.span[1] + 40] else None
    # ("13.1 g/dL at discharge (male; reference 13.5–17.5)": a time's label before the value's range)
    for after in (mention.span[1], mention.number_span[1], *((label.end(),) if label else ())):  # or inside its span: "0.9 (0.8-3.5) K/uL"
        if "(" in text[after:after + 10] or "[" in text[after:after + 10]:  # (past a flag: "1.1   L   (1.2-3.4)")
            stated = RANGE_AFTER_VALUE_RE.match(text, after)
            if stated is not None:
                return _range_limit(mention.analyte, stated.group("low"), stated.group("unit") or mention.unit_text or mention.native_unit)
            limit, _ = _bracketed_lln(text, after)
            if limit is not None:  # "Hb 12.9 g/dL (male; LLN 13.5)"
                return _lln_for(limit, mention.analyte, mention.native_unit)
    inside = REFERENCE_BEFORE_VALUE_RE.search(text, mention.span[0], mention.number_span[0]) if mention.number_span[0] - mention.span[0] > 8 else None
    if inside is not None:  # "Haemoglobin, ref 130-170 g/L: 126 g/L": the range between the name and the value
        return _range_limit(mention.analyte, inside.group("low"), inside.group("unit") or mention.unit_text or mention.native_unit)
    return named.lln(mention) if named is not None else None


REFERENCE_BEFORE_VALUE_RE = re.compile(rf"(?i)(?:\b(?:ref(?:erence)?\.?(?:\s+(?:range|interval))?|normal(?:\s+range)?|range)\s*:?\s*|\(\s*(?=\d[\d.,]*\s*(?:[-–]|to)\s*\d[\d.,]*\s*\)\s*:))"
                                       rf"(?P<low>\d+(?:[.,]\d+)?)\s*(?:[-–]|to)\s*\d+(?:[.,]\d+)?\s*(?P<unit>{UNIT_ALTERNATIVES})?")  # "Platelets (140-400): 145"


# A time or a sample's label between a value and its range: "at discharge", "on admission", "this morning".
LABEL_BEFORE_RANGE_RE = re.compile(r"(?i)[ \t]+(?:(?:at|on|in|this|today['’]s)[ \t]+)?(?:the[ \t]+)?(?:\d{1,2}-(?:day|week|month|year)[ \t]+|[a-z]+[ \t]+)?"
                                   r"(?:discharge|admission|presentation|review|clinic|morning|evening|today|visit|check|follow-?up|appointment|"
                                   r"baseline|screening|nadir)(?=[ \t]*[(\[])")  # "Hb 12.8 g/dL at the 3-month visit (male, ref 13.5-17.5)"


# The upper limit of normal in the bracket after a value: "ALT 150 U/L (ULN 40)", "bilirubine 41 µmol/L [LSN 17]".
ULN_BRACKET_RE = re.compile(r"(?i)[ \t]*[\(\[][ \t]*(?:ULN|upper[ \t]+limit(?:[ \t]+of[ \t]+normal)?|LSN|ONG)[ \t]*[:=]?[ \t]*\d+(?:[.,]\d+)?"
                            r"[ \t]*(?:U/L|IU/L|UI/L|µmol/L|umol/L|mg/dL)?[ \t]*[\)\]]")


def _bracketed_lln(text: str, after: int) -> tuple[re.Match | None, int]:
    """A lower limit of normal stated in a bracket that opens within 10 characters of `after` ("(male; LLN 13.5)"), and
    where the bracket ends (`after` when there is none)."""
    opened = min((at for at in (text.find("(", after, after + 10), text.find("[", after, after + 10)) if at >= 0), default=-1)
    closed = text.find(")" if text[opened] == "(" else "]", opened, opened + 60) if opened >= 0 else -1
    limit = STATED_LLN_RE.search(text, opened, closed) if closed > 0 else None
    return limit, closed + 1 if limit is not None else after


class _NamedRanges:
    """The reference ranges a text's sentences name (NAMED_RANGE_RE), asked for by value: the words they need are found
    once per text, so a value whose sentence names none costs a bisection."""

    def __init__(self, text: str, lowered: str, spans: list[tuple[int, int]]):
        self.text, self.spans = text, spans
        self.words = _WordIndex(text, lowered, RANGE_NAME_WORDS)

    def lln(self, mention: Mention) -> float | None:
        """The low end of a range named within RANGE_REACH of `mention` in its sentence, when it is a plausible lower
        limit for the analyte (half to twice the usual one)."""
        if self.words.starts == [] or mention.analyte not in DEFAULT_LLN:
            return None  # the text names no range
        index = bisect_right(self.spans, (mention.span[0], len(self.text) + 1)) - 1
        start, end = self.spans[index] if index >= 0 else (0, 0)
        return self.lln_within(mention, max(start, mention.span[0] - RANGE_REACH), min(end, mention.span[1] + RANGE_REACH))

    def lln_within(self, mention: Mention, start: int, end: int) -> float | None:
        """The low end of a range named in text[start:end], when it is a plausible lower limit for the mention's analyte:
        also a claim's own sentence about an earlier value, or the sentences between ("Your haemoglobin is 13.1 g/dL. The
        normal range for men … is 13.5–17.5 g/dL, so … grade 1 anaemia", "… so your result is below normal. Doctors call this
        grade 1")."""
        if self.words.starts == [] or mention.analyte not in DEFAULT_LLN or not self.words.within(start, end):
            return None
        usual = DEFAULT_LLN[mention.analyte]
        for named in NAMED_RANGE_RE.finditer(self.text, start, end):
            low = _range_limit(mention.analyte, named.group("low"), named.group("unit") or mention.unit_text or mention.native_unit)
            if low is not None and usual / 2 <= low <= usual * 2:
                return low
        return None


def _text_stated_llns(text: str, lowered: str) -> dict[str, tuple[int, float]]:
    """The lower limit of normal the text states for a named count, and where: "Our lab's LLN for platelets is 140", "the lower
    limit for neutrophils is 1.8" (the first stated for each)."""
    if not ("LLN" in text or "LIN" in text or any(word in lowered for word in STATED_LLN_WORDS)):
        return {}
    found: dict[str, tuple[int, float]] = {}
    for stated in STATED_LLN_RE.finditer(text):
        named = ANALYTE_RE.search(text, stated.start(), stated.start("num")) or ANALYTE_RE.search(text, max(0, stated.start() - 30), stated.start())
        if named is not None and named.lastgroup not in found and (lln := _lln_for(stated, named.lastgroup)) is not None:
            found[named.lastgroup] = (stated.start(), lln)
    return found


def _stated_lln(text: str, spans: list[tuple[int, int]], target: Mention, s_start: int, stated: re.Match | None) -> float | None:
    """The lower limit of normal the claim's sentence states (`stated`) or, for a value of an earlier sentence, the text
    states right after that value ("Hb 12.9 (M, LLN 13.5). … Hb borderline, grade 1")."""
    if target.span[0] < s_start:
        end = spans[max(0, bisect_right(spans, (target.span[0], len(text) + 1)) - 1)][1]
        stated = STATED_LLN_RE.search(text, target.span[1], min(end, target.span[1] + 40))  # said right after the value
    return _lln_for(stated, target.analyte) if stated else None


def _lln_for(stated: re.Match, analyte: str, value_unit: str | None = None) -> float | None:
    """The stated lower limit of normal in the analyte's canonical unit; with no unit of its own, a limit beside a value in
    mmol/L is in mmol/L too, which magnitude cannot tell from g/dL ("Hb 7,0 mmol/L (vrouw, ondergrens 7,5)")."""
    if stated.group("kilo"):
        return parse_number(stated.group("num"))
    unit = stated.group("unit") or ("mmol/L" if value_unit == "mmol/L" else None)
    return to_canonical(analyte, parse_number(stated.group("num")), unit)[0]


@lru_cache(maxsize=4096)
def _grade_of(analyte: str, value: float, version: str, lln: float | None, native_unit: str, native_value: float, uln: float | None = None):
    """grade_value, remembered (read only): a long text repeats the same values."""
    return grade_value(analyte, value, version, lln=lln, uln=uln, native_unit=native_unit, native_value=native_value)


# The upper limit of normal a liver value's sentence states: "ALT 135 U/L (ULN 45, normal at baseline)", "bilirubin 2.0 mg/dL (ULN 1.2)",
# "ALAT 230 UI/L (LSN 40 UI/L)" (LSN: the French "limite supérieure de la normale").
# ... or as a reference's upper bound in the value's bracket: "GPT 145 U/l (Norm <50)", "(ALT 620 U/L, v.n. <40)".
STATED_ULN_RE = re.compile(r"(?i)(?:\b(?:ULN|LSN|upper\s+limit(?:\s+of\s+normal)?)\s*(?:\(\s*ULN\s*\)\s*)?(?:of|is|=|:)?\s*|"
                           r"[(,]\s*(?:norm(?:al|wert)?|ref(?:erence|erenz\w*)?\.?|VR|v\.\s*n\.?|n\.\s*v\.?)\s*:?\s*[<≤]\s*)"
                           r"(?P<num>\d+(?:[.,]\d+)?)(?![\d.,]?\d)")
LIVER_ANALYTES = ("alt", "ast", "bili")


def _stated_uln(mention: Mention, sentence: str) -> float | None:
    """The upper limit of normal a liver value's sentence states (STATED_ULN_RE), the first after the value if any, if one."""
    if "ULN" not in sentence and "LSN" not in sentence and "uln" not in sentence and "upper limit" not in sentence.lower() and "<" not in sentence and "≤" not in sentence:
        return None
    stated = STATED_ULN_RE.search(sentence, max(0, sentence.find(mention.raw))) or STATED_ULN_RE.search(sentence)
    # in the value's own unit ("bilirubin 45 µmol/L (ULN 21)"), read into the canonical one
    return to_canonical(mention.analyte, parse_number(stated.group("num")), mention.native_unit)[0] if stated else None


# Words of the life-threatening consequences that make anaemia grade 4 whatever the Hb (CTCAE: "life-threatening
# consequences; urgent intervention indicated").
LIFE_THREAT_RE = re.compile(r"(?i)\b(?:life[- ]threatening\s+(?:consequences?|symptoms?|bleed\w*|ha?emorrhage)|(?:urgent|emergen\w*)\s+(?:intervention|transfusion)|massive\s+transfusion|"
                            r"unstable|instabil\w*|shock|isch(?:a)?emi\w*|troponin|chest\s+pain|angina|ha?emodynamic\w*|syncope|hypotens\w*|\bMTP\b|"
                            r"lebensbedrohlich\w*|potentiellement\s+mortel\w*|pericolo\s+di\s+vita|riesgo\s+vital|levensbedreigend\w*)")


# ... unless they are denied: "no chest pain", "without instability", "haemodynamically stable"
THREAT_DENIED_BEFORE_RE = re.compile(r"(?i)\b(?:no|not|without|denies|denied|nor|absent|free\s+of)\b[^.;,]{0,25}$")
# ... or denied after them: "troponin negative", "haemodynamically stable"
DENIED_AFTER_THREAT_RE = re.compile(r"(?i)\s+(?:stable|normal|unremarkable|negative|neg\b|not\s+(?:elevated|raised))")


def _threat_said(sentence: str) -> bool:
    """Whether the sentence names a life-threatening consequence of anaemia it does not deny (LIFE_THREAT_RE)."""
    return any(not THREAT_DENIED_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start())
               and not DENIED_AFTER_THREAT_RE.match(sentence, m.end())
               for m in LIFE_THREAT_RE.finditer(sentence))


def _judge_claim(claim: Claim, mention: Mention, substituted: bool, version: str, other: str, sentence: str,
                 lln: float | None = None, context: str | None = None) -> Finding | None:
    """The finding on a claim judged on `mention`, or None when it holds; `context` is the text from an earlier sentence's value
    to the claim's sentence end, where a life-threatening consequence of anaemia ("Hb 5.9 g/dL, chest pain …") or the value's
    upper limit ("ALT 135 U/L (ULN 45). … ALT increased, grade 3") may be told."""
    uln = _stated_uln(mention, context or sentence) if mention.analyte in LIVER_ANALYTES else None  # (after an earlier sentence's value too)
    result = _grade_of(mention.analyte, mention.value, version, lln, mention.native_unit, mention.native_value, uln)
    label = ANALYTE_LABELS[mention.analyte]
    claimed = claim.label if not claim.label.isdigit() else int(claim.label)
    if result.grade is None:
        return Finding(
            "ungradable_term", mention.analyte, mention.value, mention.unit, claimed, None, None, None, version,
            list(claim.span), sentence,
            f"Grade {claim.label} is claimed for {label} {mention.value:g} {mention.unit}, but {result.criterion}",
        )
    if claim.negated:
        if result.grade not in claim.grades:
            return None
        return Finding(
            "grade_mismatch", mention.analyte, mention.value, mention.unit, f"not {claim.label}", result.grade, None, None, version,
            list(claim.span), sentence,
            f"The text says it is not grade {claim.label}, but {label} {mention.value:g} {mention.unit} is grade {result.grade} "
            f"by CTCAE v{version} '{result.term}' ({result.criterion}).",
        )
    if result.grade in claim.grades:
        return None
    if mention.analyte == "hgb" and result.grade == 3 and 4 in claim.grades and _threat_said(context or sentence):
        return None  # CTCAE grade 4 anaemia is life-threatening consequences, which the sentence names: no Hb value refutes it
    other_result = _grade_of(mention.analyte, mention.value, other, lln, mention.native_unit, mention.native_value, uln)
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


LYMPHOCYTE_TERM_RE = re.compile(TERM_WORDS["alc"], re.IGNORECASE)
# Words that say v6.0 has no lymphocyte term ("lymphopenia is no longer graded in v6.0"): about the version, not a claim.
NO_SUCH_TERM_RE = re.compile(r"(?i)\b(?:no\s+longer|not\s+graded|no\s+(?:such\s+)?(?:term|grade)|removed|dropped|absent|"
                             r"(?:does|do|did)\s+not\s+(?:have|grade|include)|doesn't|don't|has\s+no|without)\b")


def _ungradable_without_value(claim: Claim, sentence: str) -> Finding:
    reason = grade_value("alc", 1.0, "6.0").criterion
    return Finding("ungradable_term", "alc", None, CANONICAL_UNIT["alc"], claim.label if not claim.label.isdigit() else int(claim.label),
                   None, None, None, "6.0", list(claim.span), sentence, f"Grade {claim.label} is claimed for lymphocytes, but {reason}")


def _relation(words: str) -> str:
    """The relation a comparison states: "<", ">", "<=" or ">="."""
    words = re.sub(r"\s+", " ", words.lower())
    if words in RELATIONS:
        return RELATIONS[words]
    if FOREIGN_RELATION_RE.fullmatch(words):
        return "<" if FOREIGN_BELOW_RE.search(words) else ">"
    return "<" if words.startswith(("fall", "fell", "fail", "miss")) or words.endswith("short of") else ">="  # "(just) short of" / "clears", "meets"


THRESHOLD_SIGN_RE = re.compile(r"[<>≤≥]=?")  # (each a key of RELATIONS)
OPPOSITE_RELATION = {"<": ">=", ">": "<=", "<=": ">", ">=": "<"}  # what denying a relation states
MEETING_VERB_RE = re.compile(r"(?i)(?:clear|meet|met|reach|satisf|fall|fell|fail|miss|just|only|slightly|narrowly)")  # the verbs of meeting or missing a threshold


# A change supposed, not told: "one more drop below 1.0 would take him into grade 3".
CHANGE_BEFORE_COMPARISON_RE = re.compile(r"(?i)\b(?:drop|fall|dip|decline|slip)s?\s*$")
MODAL_AFTER_RE = re.compile(r"(?i)[^.;!?\n]{0,30}?\b(?:would|could|might|will|'d|’d)\b")


def _judge_comparison(match: re.Match, mention: Mention, version: str, sentence: str, negated: bool = False) -> Finding | None:
    """A false finding when the stated comparison of `mention` with a threshold does not hold ("not below 1.5"
    states that it is at or above 1.5)."""
    number, _ = read_number(match.group("num"), match.group("unit"))  # "abaixo de 1.500/mm3" is read as a value would be
    if match.group("kilo"):
        threshold = number if mention.analyte in ("wbc", "anc", "alc", "plt") else None
    else:
        # a threshold with no unit is in the value's unit when that is mmol/L, which magnitude cannot tell from g/dL: "Hb 7,1 mmol/L (onder de 7,3)"
        threshold, *_ = to_canonical(mention.analyte, number, match.group("unit") or ("mmol/L" if mention.native_unit == "mmol/L" else None))
    if threshold is None:
        return None
    relation = _relation(match.group("rel"))
    if MEETING_VERB_RE.match(match.group("rel")) \
            and (sign := THRESHOLD_SIGN_RE.search(match.group(0), match.end("rel") - match.start(), match.start("num") - match.start())):
        # "meets the <1.0 criterion" is below 1.0, "falls short of the ≥1.5 requirement" below 1.5: a verb of meeting a
        # threshold takes the threshold's own sign ("below the <100 cut-off" leaves the relation to its words)
        signed = RELATIONS[sign.group(0)]
        relation = signed if relation == ">=" else OPPOSITE_RELATION[signed]
    if negated:
        relation = OPPOSITE_RELATION[relation]
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
