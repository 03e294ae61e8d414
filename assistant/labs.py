"""Reading lab values from free text and grading them: `assistant grade`.

Finds analyte names as clinicians write them, the number that follows (2.7; 2,700; 79K; 79 000)
and its unit in any common form, converts to the canonical unit and grades by CTCAE.
A number written after a comparator ("platelets <50") is a threshold, not a patient value,
and is reported separately so the rules check can tell the two apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.ctcae import (
    ANALYTE_LABELS,
    DEFAULT_ULN,
    MULTIPLE_OF_ULN,
    grade_febrile_neutropenia,
    grade_value,
    normalize_version,
    table,
)

LAB_NAMES_FILE = Path(__file__).resolve().parent / "data" / "lab_names.yaml"


# Any name may carry a '#' (an absolute count: "LYMPH#") and a count word after it: "Platelet Ct", "WBC cnt",
# "neutrophil count". The '#' is part of the name, so "LYMPH#" is read whole even where "lymph" alone is a name.
COUNT_SUFFIX = r"#?(?:\s+(?:counts?|ct|cnt)\b\.?)?"
# ... and a German name may be compounded with "Verlauf" (its course over time): "Thrombozytenverlauf", "Hb-Verlauf".
COURSE_SUFFIX = r"(?:-?verlauf|-?zahl|-?konzentration|-?wert|-?aantal|-?abfall|-?anstieg|-?daling|-?stijging)?"  # ... or with its count or value: "Neutrophilenzahl", "Thrombozytenwert"


def _lexicon() -> dict[str, str]:
    """One pattern per analyte from the lab-name lexicon: names in any case, abbreviations as written."""
    data = yaml.safe_load(LAB_NAMES_FILE.read_text(encoding="utf-8"))
    # an abbreviation may take a plural s ("nadir ANCs of 0.4 and 1.2", "PLTs")
    return {analyte: "(?:" + "|".join([*entry.get("names", []), *(f"(?-i:{a}s?)" for a in entry.get("abbreviations", []))]) + ")" + COUNT_SUFFIX + COURSE_SUFFIX
            for analyte, entry in data.items()}


ANALYTE_PATTERNS = _lexicon()

# Numbers as written: 2,700 and 1 400 (thousands), 2,10,000 (grouped in lakhs, as Indian reports write), 0,9 (a decimal comma), 2.7, 2·7 (a British middle dot), 79K. Groups split by a plain space are
# thousands only before a unit ("41 000/mm3") or when they are whole thousands ("54 000 et"), so two values of a row
# ("PLT 45 120") are never joined.
NUMBER = (r"(?P<num>[1-9]\d?(?:,\d\d)+,\d{3}(?![\d,])|[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)"
          r"|\d{1,3}(?: \d{3})+(?=\s*(?:/|cells|per\b|[kK]\b))|\d{1,3}(?: 000)+(?![ \t]*\d)|\d+,\d+(?!\d|,\d|(?<=,10)[ \t]*[\^*]|[eE]\d)|\d+(?:[.·]\d+)?(?!\d|[.:·]\d|\^|\*\*?\d)|\.\d+)(?P<kilo>\s?(?:[kK]|mil)(?![a-zA-Z/]))?")
PER = r"(?:/|\s*p(?:er|or)\s+)"  # "per", and "por" in Spanish and Portuguese
CELLS = r"(?:c(?:ells|[ée]lulas|ellules?)|zellen)"  # "3.200 células/mm3", "800 cellules/µL" (grouped by first letter: faster)
PER_UL = (r"(?:µL|uL|μL|mcL|ul|mm3|mm³|mmc|cu\.?\s?mm|cubic\s+mill?imet(?:re|er)s?|microlit(?:re|er)s?|"
          r"(?:µ|u|μ|mc)l(?:itre|iter)?(?![A-Za-z]))")


def power_of_ten(power: str) -> str:
    """Ten to `power` (a digit or its superscript) as lab systems write it: "10^3", "10E3", "10**3", "10³", "10 3", "10(3)"
    (the brackets each optional: one branch fewer keeps every unit's scan fast)."""
    return rf"10\s*(?:\^|e|E|\*\*|\*|\()?\s*{power}\s*\)?"


TEN9 = rf"(?:[x×*]\s*)?{power_of_ten('(?:9|⁹)')}\s*(?:(?:{CELLS}\s*)?{PER}\s*(?:L|lit(?:re|er))|L(?![a-z]))"  # "x10e9L" in a field's name
TEN3 = rf"(?:(?:[x×*]\s*)?{power_of_ten('(?:3|³)')}|[x×*]\s*1,?000)\s*(?:{CELLS}\s*)?{PER}\s*{PER_UL}"
# Counts per microlitre in hundreds ("WBC 31 x10^2/µL" is 3.1 x10^9/L), or in tens or hundreds of thousands, as Japanese reports
# write them: "12.0 x10^4/µL" is 120 x10^9/L.
TEN2 = rf"(?:[x×*]\s*)?{power_of_ten('(?:2|²)')}\s*(?:{CELLS}\s*)?{PER}\s*{PER_UL}"
TEN4 = rf"(?:(?:[x×*]\s*)?{power_of_ten('(?:4|⁴)')}|万)\s*(?:{CELLS}\s*)?{PER}\s*{PER_UL}"  # 万 (ten thousand): "Plt 9.1万/µL", as Japanese reports write it
TEN5 = rf"(?:[x×*]\s*)?{power_of_ten('(?:5|⁵)')}\s*(?:{CELLS}\s*)?{PER}\s*{PER_UL}"
# ... and as Indian reports write them, in lakhs (hundred thousands): "Platelets 1.2 Lakhs/cumm", "0.42 lacs/cumm" is 42 x10^9/L.
LAKHS = rf"(?:lakhs?|lacs?)(?:\s*{PER}\s*{PER_UL})?"
UNIT_FORMS = [
    (TEN9, "10^9/L", 1.0),
    (TEN3, "10^9/L", 1.0),
    (TEN2, "10^2/µL", 0.1),
    (TEN4, "10^4/µL", 10.0),
    (TEN5, "10^5/µL", 100.0),
    (LAKHS, "10^5/µL", 100.0),
    (r"(?-i:G)\s*/\s*L", "10^9/L", 1.0),  # giga per litre; lower-case g/L is hemoglobin
    (rf"(?:[kK]|Tsd\.?|Tausend|thousands?|mil)\s*/\s*{PER_UL}", "10^9/L", 1.0),  # thousands per microlitre ("Tsd/µl": German; "mil/mm3")
    (r"(?-i:/\s*nl|/\s*nL|per\s+nl)", "10^9/L", 1.0),  # per nanolitre, as German reports write counts ("Leukozyten 4,1 /nl")
    (rf"(?:{CELLS}\s*)?{PER}\s*{PER_UL}", "/µL", 0.001),
    (r"g\s*/\s*dL|g\s*/\s*dl|gm\s*/\s*dL|grams?\s+per\s+decilit(?:er|re)|gm?\s?%", "g/dL", 1.0),  # "Hb 11.8 g%": grams per 100 mL
    (r"mmol(?:\s*/\s*L)?", "mmol/L", 1.0),  # "Hb 6,3 mmol": a Dutch hemoglobin, per litre said or not
    (r"(?-i:g)\s*/\s*L|grams?\s+per\s+lit(?:er|re)", "g/L", 0.1),
    (r"(?:I?U|UI)\s*/\s*L", "U/L", 1.0),  # "UI/L" in French, Spanish, Italian and Portuguese
    (r"mg\s*/\s*dL|mg\s*/\s*dl", "mg/dL", 1.0),
    (r"(?:µ|u|μ)mol\s*/\s*L", "µmol/L", 1 / 17.1),
    (r"(?:x|×|times)\s*(?:the\s+)?(?:ULN|upper\s+limit(?:\s+of\s+normal)?)", MULTIPLE_OF_ULN, 1.0),  # "AST 4.2× ULN": a multiple of the upper limit
]
UNIT_ALTERNATIVES = "|".join(f"(?:{form})" for form, _, _ in UNIT_FORMS)
UNIT = f"(?P<unit>{UNIT_ALTERNATIVES})" + r"(?![A-Za-z])"
# The same in French, Spanish, Italian, Portuguese, German and Dutch ("si mes PNN descendent sous 0,5", "unter 1,0", "sotto 50",
# "por debajo de 1.000", "menos de 50.000", "abaixo de 1.000", "onder 1,0", "inférieur à 1,5"); a mention keeps "<", ">" or ">=".
FOREIGN_BELOW = (r"sous|(?:en|au)[ -]dessous\s+d[eu]|inf[ée]rieure?s?\s+[àa]|"
                 # "unter 1,0", but not "unter Keytruda", "unter Immuntherapie": on a treatment
                 r"unter(?:halb)?(?!\s+(?:\w*(?:mab|therapie|behandlung)|Keytruda|Opdivo|Yervoy|Tecentriq|Imfinzi|Bavencio|Libtayo|Jemperli|ICI|Checkpoint\w*|Immun\w*)\b)|weniger\s+als|kleiner\s+als|(?:al\s+di\s+)?sotto(?:\s+(?:a|di))?|"
                 r"inferior[ei]?s?\s+(?:a|al|de)|por\s+debajo\s+del?|menos\s+de|menor(?:es)?\s+(?:a|de|que)|abaixo\s+d[eoa]|onder|minder\s+dan|"
                 # "si las plaquetas bajan de 50.000": to fall below, in the present or a supposition (not "bajaron de 180 a 52", a change)
                 r"(?:baj(?:a|an|e|en|ara|aran|ase|asen|ará|arán)|baix(?:ar|arem|e|em|a|am))\s+de(?!\s*\d[\d.,]*(?:\s*[^\s\d]+)?\s+a\s+\d)")
FOREIGN_ABOVE = (r"(?:au|en)[ -]dessus\s+d[eu]|sup[ée]rieure?s?\s+[àa]|über|oberhalb|mehr\s+als|gr[öo](?:ß|ss)er\s+als|(?:al\s+di\s+)?sopra(?:\s+(?:a|di))?|"
                 r"superior[ei]?s?\s+(?:a|al|de)|por\s+encima\s+del?|m[áa]s\s+de|mayor(?:es)?\s+(?:a|de|que)|acima\s+d[eoa]|boven|meer\s+dan")
FOREIGN_AT_LEAST = r"au\s+moins|mindestens|almeno|al\s+menos|pelo\s+menos|minstens|ten\s+minste"
FOREIGN_BELOW_RE = re.compile(rf"(?i)(?:{FOREIGN_BELOW})$")
FOREIGN_AT_LEAST_RE = re.compile(rf"(?i)(?:{FOREIGN_AT_LEAST})$")
FOREIGN_ABOVE_RE = re.compile(rf"(?i)(?:{FOREIGN_ABOVE})$")
COMPARATOR = r"(?P<cmp><=|>=|≤|≥|<|>|(?:(?:less|lower|fewer|greater|higher|more)\s+than|below|under|above|over|at\s+least|at\s+most|(?<!went )(?<!gone )(?<!goes )(?<!came )(?<!comes )(?<!rose )(?<!back )(?<!crept )(?<!moved )(?<!climbed )up\s+to(?!\s+\d+(?:[.,]\d+)?\s*(?:[kK]\b)?\s*(?:by|on|after|post|today|this|now|yesterday)\b))\b)"
# A reference range written without brackets between a name and its result: "Hb (g/dL)  ref 13.5-17.5   result 12.8".
REFERENCE_BEFORE_RESULT = (r"[ \t]*(?:[—–,-][ \t]*)?(?:ref(?:erence)?\.?(?:[ \t]+(?:range|interval))?|normal(?:[ \t]+range)?|range|nr|rr)[ \t]*:?[ \t]*"
                           r"\d[\d.,]*[ \t]*(?:[-–]|to)[ \t]*\d[\d.,]*[ \t]*(?:[a-zµ^*/0-9]+[ \t]*)?(?:[,;:|]|[—–-](?=[ \t]))?"
                           r"(?=[ \t]*(?:results?|values?|patient|now|today|measured|found)\b|(?<=:)[ \t]*\d)")  # "Hemoglobin — reference interval 13.5–17.5 g/dL — measured 10.2"
# ... or a colon after the range: "Haemoglobin, ref 130-170 g/L: 93 g/L"
# Months in French, Spanish, Italian, Portuguese, German and Dutch that no English month's first letters start ("4 maart",
# "12 juin", "3 agosto", "9 März"), with the month of each; the others are read by their first three letters ("marzo", "juli").
FOREIGN_MONTHS = {"enero": 1, "gennaio": 1, "février": 2, "févr": 2, "fevereiro": 2, "março": 3, "maart": 3, "mrt": 3, "märz": 3, "avril": 4,
                  "avr": 4, "abril": 4, "mai": 5, "maio": 5, "mei": 5, "maggio": 5, "juin": 6, "giugno": 6, "juillet": 7, "juil": 7,
                  "luglio": 7, "août": 8, "agosto": 8, "setembro": 9, "settembre": 9, "outubro": 10, "oktober": 10, "okt": 10,
                  "ottobre": 10, "décembre": 12, "déc": 12, "diciembre": 12, "dezembro": 12, "dezember": 12, "dez": 12, "dicembre": 12}
FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
MONTH_NAME = rf"(?:(?:{FOREIGN_MONTH})(?![a-zà-ÿ])|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
# A time said relative to now, before or after a value: "2 weeks ago", "last Tuesday", "yesterday evening", "this am", "ieri sera".
RELATIVE_TIME = (r"(?:(?:\d{1,2}|a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of)\s+(?:hours?|hrs?|days?|weeks?|wks?|months?)\s+ago|\d{1,2}\s*(?:h|d|wk|w|mos?)\s+ago|"
                 r"last\s+(?:night|week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?)|(?:yesterday|yest|yday)(?:\s+(?:morning|evening|afternoon|am|pm))?|"
                 r"this\s+(?:am|a\.m\.|pm|p\.m\.|morning|afternoon|evening)|tonight|"
                 r"ieri(?:\s+(?:sera|mattina|pomeriggio))?|ayer(?:\s+por\s+la\s+(?:tarde|noche|mañana))?|hier(?:\s+(?:soir|matin))?|gestern(?:\s+abend)?|"
                 r"gisteren(?:avond)?|ontem(?:\s+à\s+noite)?|stamattina|stasera|esta\s+(?:mañana|tarde|noche|manhã)|ce\s+(?:matin|soir)|heute\s+(?:morgen|früh)|"
                 # "last week" and "last month" in the other languages read: "waren vorige week 140 en nu 97", "lagen letzten Monat bei 6,1"
                 r"vorige\s+(?:week|maand)|(?:im\s+)?letzte[nr]?\s+(?:woche|monat)|la\s+semaine\s+derni[èe]re|le\s+mois\s+dernier|"
                 r"la\s+semana\s+pasada|el\s+mes\s+pasado|la\s+settimana\s+scorsa|il\s+mese\s+scorso|(?:n[ao]\s+)?(?:semana|m[êe]s)\s+passad[ao]|"
                 # "vor zwei Wochen", "hace tres semanas", "il y a deux jours", "due settimane fa", "twee weken geleden", "há duas semanas"
                 r"vor\s+(?:\d{1,2}|einer?|zwei|drei|vier|f[üu]nf)\s+(?:Tag(?:en)?|Wochen?|Monat(?:en)?)|"
                 r"hace\s+(?:\d{1,2}|un[oa]?|dos|tres|cuatro)\s+(?:d[íi]as?|semanas?|mes(?:es)?)|"
                 r"il\s+y\s+a\s+(?:\d{1,2}|une?|deux|trois|quatre)\s+(?:jours?|semaines?|mois)|"
                 r"(?:\d{1,2}|una?|due|tre|quattro)\s+(?:giorni|giorno|settimane|settimana|mesi|mese)\s+fa|"
                 r"(?:\d{1,2}|een|twee|drie|vier)\s+(?:dagen|dag|weken|week|maanden|maand)\s+geleden|"
                 r"h[áa]\s+(?:\d{1,2}|uma?|duas|dois|tr[êe]s|quatro)\s+(?:dias?|semanas?|m[êe]s(?:es)?))(?!\w)")
# Weekdays in French, Spanish, Italian, German, Dutch and Portuguese, and parts of a day ("am Donnerstag früh", "lunes por la mañana").
FOREIGN_WEEKDAY = (r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                   r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|"
                   r"domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|segunda|ter[çc]a|quarta|quinta|sexta|"
                   r"(?-i:Mo|Di|Mi|Do|Fr|Sa|So)(?=\.?[ \t]*:?[ \t]*\d))(?:-feira)?")  # "Thrombos Mo 88, Mi 64, Fr 51": German short days
SHORT_DAYS = (" Mo ", " Di ", " Mi ", " Do ", " Fr ", " Sa ", " So ")  # in a text, the short German days FOREIGN_WEEKDAY reads
PART_OF_DAY = (r"(?:früh|morgen|morgens|abend|abends|mittag|matin|soir|midi|(?:por\s+la\s+)?(?:mañana|tarde|noche)|mattina|sera|pomeriggio|"
               r"ochtend|avond|middag|(?:de\s+)?(?:manhã|noite))")
# An admission or a discharge that labels a value, in the languages read: "bei Entlassung", "bij ontslag", "de sortie",
# "al alta", "na admissão", "à l'entrée".
EVENT_LABEL = (r"(?:de|à[ \t]+la|à[ \t]+l['’]|al|bei(?:[ \t]+der)?|bij|na|alla|all['’]|zur|em|on|at|upon)[ \t]*"
               r"(?:sortie|alta|entlassung|ontslag|dimissione|opname|aufnahme|admiss[ãa]o|ingreso|ingresso|entr[ée]e|admission|discharge|d/c)(?![\w/])")
# Words that may stand between an analyte and its value ("platelets of 60", "ANC was 0.4", "Hb: 9.1"), also in French,
# Italian, Spanish and German ("plaquettes sont à 54 000", "piastrine di 38", "Leukos liegt bei 2,9").
# "PLT 03/12 09:40: 22", "Hb 4 Mar 9.1", "Hgb 2025-07-24: 9.6", "Hb 17.07.2025: 9,0", "platelets on 3/4 were 88": when, then the value; "Platelets 06:00: 27", "Platelet ct 0512: 33": a clock, a colon, the value
# A time relative to now between a name and its value, with a preposition or a verb after it: "gestern bei 54.000", "hier 62000".
RELATIVE_TIME_FILLER = r"\s*" + RELATIVE_TIME + r"\s*,?\s*(?:(?:bei|at|à|a|op|em|en|di|de|was|were|era|erano|était|étaient|war|waren|lag|lagen)\s+)?(?=\.?\d)|"
# The start of a month or a week in the other languages read: "(a) inizio (del) mese", "au début du mois", "Anfang des Monats".
# On a treatment, in the languages read: "unter Keytruda", "sous nivolumab", "on nivo/ipi".
ON_TREATMENT = (r"(?:on|unter|sous|sotto|bajo|con|com|sob|onder|mit)[ \t]+(?:keytruda|opdivo|yervoy|tecentriq|imfinzi|bavencio|libtayo|jemperli|"
                r"pembro\w*|nivo\w*|ipi\w*|atezo\w*|durva\w*|avelu\w*|cemipl\w*|dostarl\w*|immunotherap\w*|immuntherapie|immunoth[ée]rapie|"
                r"inmunoterapia|immunoterapia|imunoterapia|immunotherapie|ici|\w+mab)(?:[ \t]*[/+&][ \t]*[A-Za-z][\w-]*)?")
START_OF = r"(?:l['’])?(?:inizio|principio|comienzo|d[ée]but|in[íi]cio|anfang|begin)"
START_OF_LINK = r"(?:del?|do|da|des|du|della|dello)"
PERIOD_NAME = r"(?:mese|mes|mois|m[êe]s|monats?|maand|settimana|semana|semaine|woche|week|ciclo|cycle|zyklus|cyclus|trattamento|tratamiento|tratamento|traitement|therapie|behandeling)"
# The cause of a usual value or range, said after it: "(cirrhosis)", "from his cirrhosis", "because of the cirrhosis".
USUAL_CAUSE = (r"(?:[ \t]*\((?!\s*\d)[^()\n\d]{1,30}\)|[ \t]+(?:from|because[ \t]+of|due[ \t]+to|secondary[ \t]+to)[ \t]+"
               r"(?:(?:his|her|the|their|known|underlying)[ \t]+)?[A-Za-z][\w-]*)")
# A date (and its clock) in a table's cell between pipes, which labels the value in the next cell: "PLT | 03/18 | 71".
PIPE_CELL_DATE = r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})(?:[ \t]+\d{1,2}:\d{2})?"
FILLER = (r"(?:[ \t]+(?:(?:on|am|le|el|il|op|del|vom)[ \t]+)?\(?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:19|20)\d\d-[01]\d-[0-3]\d|\d{1,2}\.\d{1,2}\.(?:\d{2,4}|(?=[ \t]*:))|"
          r"\d{1,2}\.?[ -]" + MONTH_NAME + r")(?:[ \t]+(?:[01]\d|2[0-3])[0-5]\d(?=\)?[ \t]*(?:\([A-Za-z ]{1,20}\)[ \t]*)?:))?\)?(?:[ \t]+\d{1,2}:\d{2})?(?:[ \t]*\([A-Za-z ]{1,20}\)(?=[ \t]*:))?(?:[ \t]*:[ \t]*|[ \t]+(?:(?:was|were|is|are)[ \t]+)?)(?=\d)|"
          # a day or a cycle of treatment that dates the value: "ANC D8 0.4", "Plt C2: 95 -> 61", "ANC (C2D1): 1.2"
          r"[ \t]+\(?(?:day|d|wk|week|cycle|c)[ \t]*\+?\d{1,3}(?:[ \t]*d[ \t]*\d{1,2})?\)?(?:[ \t]*[:=][ \t]*|[ \t]+(?:(?:was|were|is|are)[ \t]+)?)(?=\d)|"
          r"[ \t]+(?:at[ \t]+|@[ \t]*)?(?:\d{1,2}:\d{2}|(?:[01]\d|2[0-3])[0-5]\d)[ \t]*[:=][ \t]*(?=\d)|[ \t]+\d{1,2}:\d{2}[ \t]+(?:\([^()\n\d]{0,16}\d{0,2}[^()\n\d]{0,16}\)[ \t]*)?(?:(?:was|is|were)[ \t]+)?(?=\d)|"
          r"[ \t]+(?:(?:am|on|le|el|il|op|na|no)[ \t]+)?(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,3}day|s|rs?)?\.?[ \t]*[:,]?[ \t]*(?=\d)|"  # "Neuts Mon 1.9 – Wed 1.1"
          r"[ \t]+(?:(?:am|on|le|el|il|op|na|no)[ \t]+)?" + FOREIGN_WEEKDAY + r"(?:[ \t]+" + PART_OF_DAY + r")?[ \t]*:?[ \t]*(?=\d)|"  # "Hb am Donnerstag früh 9,4"
          r"[ \t]+(?:at[ \t]+)?\d{1,2}(?::\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)(?:[ \t]+(?:was|is|were))?[ \t]*:?[ \t]*(?=\d)|"  # "Hb at 8 pm was 8.6"
          r"[ \t]+" + EVENT_LABEL + r"(?:[ \t]+(?:bei|was|is|of|at|de|à|op|di))?[ \t]*:?[ \t]*(?=\d)|"  # "Hb bei Entlassung 12,7", "Hémoglobine de sortie 11,2"
          r"[ \t]+(?:in|on|from)[ \t]+(?:an?|the)[ \t]+(?:(?:citrate|heparin|edta|fresh|new|repeat|second|manual|peripheral|\d{1,2}[:.]\d{2}|\d{1,2}[ \t]*(?:am|pm))[ \t]+)?(?:tube|sample|specimen|draw|smear)(?=[ \t,:])|"
          # "platelet count in a citrate tube also low at 11", "the Hb on the 14:00 sample is 72 g/L"
          r"[ \t]+at[ \t]+(?:[01]\d|2[0-3])[0-5]\d[ \t]+(?:(?:was|were|is|are)[ \t]+)?(?=\d)|"  # "plts at 0600 were 18": a clock of four digits
          r"[ \t]*,[ \t]*(?:which|that|who|que|qui|die|welche|che|dat)\b[^,.;:\d\n]{1,60},[ \t]*(?=\w)|"  # "Your haemoglobin, which carries oxygen, was 9.2"
          # ... or tells an earlier value: "Her platelets, which had been 210 before ipilimumab, fell to 31"
          r"[ \t]*,[ \t]*(?:which|that)[ \t]+(?:had[ \t]+been|was|were)[ \t]+\d[\d.,]*[^,.;:\d\n]{1,40},[ \t]*(?=[^\W\d_])|"
          r"[ \t]*(?:(?:à|às|a|um|om|alle)[ \t]+)?\d{1,2}h(?:\d{2})?[ \t]*:?[ \t]*(?=\d)|"  # "Hb post-transfusionnelle à 20h : 8,6": a clock in hours
          r"[ \t]*,[ \t]*(?:um+|uh+|erm?|hmm)[ \t]*,[ \t]*(?=\d)|"  # "hemoglobin came back, um, 9.1": a word of hesitation in dictation
          # whose count it is, after the name in the other languages: "la hemoglobina de mi padre bajó de …", "as plaquetas da minha mãe"
          r"[ \t]+(?:de|da|do|di|del|della|dello|van|von|vom|de[ \t]+la)[ \t]+(?:mi|minha|meu|mio|mia|ma|mon|mijn|meiner|meines|meinem|la[ \t]+mia|il[ \t]+mio)"
          r"[ \t]+(?:padre|madre|pap[áa]|mam[áa]|m[ãa]e|pai|p[èe]re|m[èe]re|vader|moeder|vater|mutter|marido|esposa|mujer|esposo|hijo|hija|filho|filha|"
          r"fils|fille|mari|femme|figlio|figlia|moglie|zoon|dochter|man|vrouw|sohn|tochter|mannes|frau|abuela|abuelo|av[óô]|nonna|nonno|grand-m[èe]re|"
          r"grand-p[èe]re|oma|opa|hermano|hermana|irm[ãa]o?|fr[èe]re|s[œo]eur|fratello|sorella|broer|zus|bruder|schwester)(?=[ \t])|"
          # a change's size, then the value now: "hb fell by 2 g/dL since last cycle, now 9.3"
          # ... "hb has fallen about 2 g over the last fortnight and sits at 8.3 now"
          r"[ \t]+(?:(?:has|have|is|are)[ \t]+)?(?:fell|fallen|dropped|decreased|declined|rose|risen|increased|went[ \t]+(?:up|down)|gone[ \t]+(?:up|down)|down|up)[ \t]+"
          r"(?:by[ \t]+|(?:about|around|roughly|almost|nearly)[ \t]+|~[ \t]*)?\d+(?:[.,]\d+)?[ \t]*"
          r"(?:(?:" + UNIT_ALTERNATIVES + r")(?![A-Za-z])|g\b|grams?\b|points?|%)?(?:[ \t]+(?:in|over|since|within|during)[ \t]+(?:\d{1,2}[ \t]+)?(?:[^,.;\d\n]|\d{1,2}(?=[ \t]+(?:days?|weeks?|months?)\b)){1,30}?)?"
          r"(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+)(?:(?:(?:now|today|currently|this[ \t]+morning)(?:[ \t]+(?:is|at))?|(?:(?:it|she|he|they)[ \t]+)?(?:sits?|is|are|stands?)(?:[ \t]+now)?[ \t]+at)[ \t]+"
          r"(?=\d)|(?=\d[\d.,]*[ \t]*(?:g/dl|k)?[ \t]+(?:today|now|this[ \t]+(?:morning|am))\b))|"  # "…, 8.6 today"
          # a decade, then the value now: "plts in the 20s all week, today 31", "plts in the 70s-80s all admission, 66 this morning"
          r"[ \t]+(?:(?:been|has[ \t]+been|have[ \t]+been)[ \t]+)?(?:(?:stuck|stayed|hovering|hanging|sitting|running|been|were|was|sono|erano|son|eran|sont|[ée]taient|sind|waren|zijn)[ \t]+)?(?:(?:in|around)[ \t]+the[ \t]+|~[ \t]*|(?:around|about|attorno[ \t]+a|intorno[ \t]+a|alrededor[ \t]+de|autour[ \t]+de|um|rond)[ \t]+)?(?:(?:low|mid|high)[ \t-]*)?(?:(?:\d{1,2}0|[1-9])s(?:[ \t]*[-–][ \t]*(?:\d{1,2}0|[1-9])s)?|\d+(?:[.,]\d+)?[ \t]*[-–][ \t]*\d+(?:[.,]\d+)?(?![\d.,/-]))(?:[ \t]+(?:(?:all|this|last)[ \t]+|for[ \t]+(?:(?:a|the|one|1|two|three|several|many|a[ \t]+few)[ \t]+)?)(?:weeks?|wks?|days?|months?|years?|admission|stay)|[ \t]+at[ \t]+baseline|[ \t]+(?:since|da|depuis|seit|desde|sinds)[ \t]+[^,.;\n]{1,40}?)?"
          rf"{USUAL_CAUSE}?[ \t]*,[ \t]*(?:(?:now|today(?:['’]?s(?:[ \t]+(?:cbc|fbc|count|draw|labs?|bloods?|results?|value))?)?|this[ \t]+morning|still|oggi|hoy|aujourd['’]hui|heute|vandaag|hoje|adesso|ahora|jetzt|maintenant|agora|they['’]?re|they[ \t]+are|it['’]?s|it[ \t]+is)(?:[ \t]+(?:is|at|now|(?:down|up|back)[ \t]+to))?[ \t]+(?=\d)|"
          r"(?=\d[\d.,]*[ \t]+(?:on[ \t]+)?(?:today|this[ \t]+(?:morning|am)|now)\b))|"  # "… in the 30s since sunday, 44 on today's draw"
          # a change told with its verb, from one value to the next: "hb dropped 9.2 to 7.6", "plaquetas caíram de 180 mil para 52 mil"
          r"[ \t]+(?:dropped|fell|fallen|rose|risen|went|gone|declined|decreased|increased|improved|recovered|climbed|slipped|"
          r"ca[íi]ram|caiu|baixaram|subiram|subiu|cayeron|bajaron|subieron|gedaald|gestegen|gesunken|gestiegen|"
          r"scesi|scese|saliti|salite|calati|calate|risaliti|risalite|passati|passate|diminuiti|aumentati|descendu[e]?s?|"
          r"remont[ée]e?s?|pass[ée]e?s?|baiss[ée]e?s?|chut[ée]e?s?|gefallen|angestiegen|daalde|steeg|zakte|scesa|sceso|scesi|scese|salita|salito|saliti|salite|"
          r"calata|calato|calati|calate|risalita|risalito|risaliti|risalite)[ \t]+"
          r"(?:(?:down|up)[ \t]+)?(?:from|de|da|von|van)?[ \t]*\d[\d.,]*(?:[ \t]*mil)?[ \t]*(?:[^\s\d]*/[^\s\d]+[ \t]*)?"
          r"(?:(?:in|en|im|em|op|on|am|le|el|il|al|au)[ \t]+(?:[A-Za-zÀ-ÿ]+|\d{1,2}/\d{1,2}(?:/\d{2,4})?)[ \t]+|"  # "daalde van 7,8 mmol/L in januari naar 6,1", "scese da 210.000/mmc al basale a 58.000"
          # "scese da 180.000/mmc a inizio mese a 61.000": the start of the month or the week
          r"(?:a|ad|al|au|à|no|em|am)[ \t]+" + START_OF + r"(?:[ \t]+" + START_OF_LINK + r")?[ \t]+" + PERIOD_NAME + r"[ \t]+)?"
          r"(?:(?:down|up|back)[ \t]+)?(?:to|para|a|à|auf|naar|tot)[ \t]+(?=\d)|"
          r"\s+|" + RELATIVE_TIME_FILLER + REFERENCE_BEFORE_RESULT + r"|\s*[:=(,#|—–↓↑]\s*(?!\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|[ \t]*\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*(?:\([A-Za-z]{2,9}\)[ \t]*)?\|)|"
          # a cell of its date between pipes: "PLT | 03/18 | 71 | L"
          r"[ \t]*\|[ \t]*" + PIPE_CELL_DATE + r"(?:[ \t]*\([A-Za-z]{2,9}\))?[ \t]*\|[ \t]*(?=\d)|"
          # "plt: pt screened at 81, today 66": after a colon, whose value it is
          r"[ \t]*:[ \t]*(?:(?:the|our|my|this)[ \t]+)?(?:pt|patient)(?:['’]s[ \t]+(?:nadir|count|value|level))?(?:[ \t]+(?:is|was|screened|sits|came[ \t]+back))?(?:[ \t]+at)?[ \t]+(?=\d)|"
          r";(?=\d)|\s*\*+\s*(?=\d)|\x22[,;]\x22(?=\d)|\s*(?-i:\*?\(?(?:LL|HH|L|H|LOW|HIGH|Low|High|CRIT)\)?\*?)(?=[ \t]+\d)|\s+-\s+|\s*\.{2,}\s*|\s*…\s*|\s*(?:count|counts|level|levels|value|values|of|was|is|are|were|at|now|only|measured|"
          r"then|today|r(?=[ \t]+\d)|dropped|drops?|dropd|droped|dropt|fell|falls?|fallen|(?:got|gets|getting)(?:\s+(?:down|up|back))?\s+to|had|has|decreased|declined|down|recovered|(?:with|after|on)\s+(?:g-?csf|filgrastim|pegfilgrastim|ivig|steroids?|prednis\w*|dexa\w*|romiplostim|eltrombopag)(?=\s+to\s)|to|reaching|reached|(?:,[ \t]*)?(?:with\s+)?(?:a|an|the|her|his|its|their)\s+(?:new\s+)?(?:nadir|low|trough)(?:\s+of)?|blood|serum|plasma|venous|capillary|bld|nadir(?:ed)?|nadirs(?=(?:\s+(?:over|across|during|in)\s+[^.;\n]{1,24}?)?\s+(?:of|were)\s+\d[\d.,]*\s*,\s*\d)|lowest(?=[ \t]+(?:of[ \t]+)?\d)|(?:over|across|during)\s+(?:the\s+)?(?:first\s+(?:two|three|four|\d)\s+)?(?:cycles?|courses?|C)\s*(?:\d{1,2}(?:\s*(?:[-–]|to|and)\s*C?\s*\d{1,2})?)?(?=\s+(?:were|was)\s+\d)|bottomed(?:\s+out)?|peaked|"
          r"around|approximately|roughly|like|exactly|just|still|also|throughout(?=[ \t]+at[ \t])|between(?=[ \t]+\d[\d.,]*[ \t]+and[ \t]+\d)|always|usually|normally|typically|chronically|persistently|sit|back|came|comes|come|went|gone|goes|go|get|gets|rose|risen|remains?|remained|ran|run|runs|ranged|stable|steady|yesterday|say|maybe|perhaps|about|sat|sits|stood|stands|hovered|hovers|bouncing|fluctuating|held|stayed|stays|rebounded|bounced|plateaued|plummeted|crashed|jumped|crept|persisted|persists|"
          r"repeat|repeated|checked|rechecked|re-checked|elevation|elevated|latest|currently|this\s+morning|this\s+(?:am|a\.m\.|pm|p\.m\.|afternoon|evening)|"
          r"(?:in|at)\s+(?:the\s+)?(?:clinic|GP|GP's|ward|office|infusion\s+(?:center|centre|suite)|day\s+unit)|"  # "Hb was repeated at the GP yesterday, 7.7"
          r"ce\s+(?:matin|soir)|esta\s+(?:mañana|manhã|tarde)|stamattina|stamane|heute\s+(?:morgen|früh)|vanochtend|vanmorgen|vanmiddag|vanavond|recovering|rising|falling|dropping|climbing|improving|declining|your|have|"
          r"fine|ok|okay|good|stables?|stabile|estables?|stabil|normales?|normaux|normali|normais|basses?|bajas?|bajos|bassi|basse|baixas?|baixos|absolut|aktuell|heute|jetzt|vandaag|nu|momenteel|hoy|ahora|actualmente|hoje|agora|atualmente|oggi|adesso|attualmente|aujourd'hui|actuellement|maintenant|"
          r"said|says|showed|shows|resulted|ca[íi]ram|caiu|subiram|subiu|baixaram|para|drifting|im\s+Verlauf|au\s+cours|(?:pre|post)(?:-?(?:dose|infusion|treatment|transfusion))?(?=[ \t]*:?[ \t]*\d+(?:[.,]\d+)?(?!\d|[.,]\d|[ \t]*(?:units?|u|bags?|pools?|doses?)\b))|measured|"
          r"à|a|ont|sont|est|était|étaient|de|è|sono|era|erano|di|es|son|eran|han|hanno|en|bei|liegt|liegen|lag|lagen|ist|sind|war|waren|von|auf|been|"
          r"me|salieron|sali[óo]|est[áa]n?|estão|estaban?|estavam|estava|deram|deu|em|"
          # on a treatment, in the languages read: "Thrombozyten sind unter Keytruda von 260.000 auf 120.000/µl gefallen"
          + ON_TREATMENT + r"|"
          r"se[ \t]+(?:mantienen?|quedan?|sit[uú]an?|encuentran?)|mantienen?|permanecen?|siguen|sigue|se[ \t]+mant[êe]m|mant[êe]m-se|permanecem?|continuam?|restent|reste|demeurent|"
          r"bleiben|bleibt|rimangono|rimane|restano|resta|blijven|blijft|"
          r"(?:pre|post?)-?tra(?:n)?sfus\w*|preserved|maintained|again|holding|"  # "Hb postransfusional 9,1", "ANC preserved at 3.2", "low again - 2.1"  # a patient's Spanish or Portuguese: "las plaquetas me salieron en 55 mil"
          # French, Spanish, Italian, German and Dutch verbs of a count changing ("plaquettes remontées à 121", "Hb gesunken auf 8,1")
          r"(?:remont|descend|chut|baiss|augment|diminu|pass)(?:é|ée|és|ées|u|ue|us|ues)|pas(?:aron|ó)|pass(?:aram|ou|arono|ati|ate)|(?:baj|sub|descend|aument|disminu)(?:ad[oa]s?|id[oa]s?|ó|ió|yó|aron|ieron|yeron)|"
          r"(?:scesi|scese|scesa|sceso|saliti|salite?|salita|salito|calati|calate?|calata|calato|aumentati|aumentate?|aumentata|diminuiti|"
          r"diminuite?|diminuita|risaliti|risalite?|risalita)|gesunken|gestiegen|gefallen|abgefallen|angestiegen|"
          # ... and in Dutch ("Hb gedaald naar 4,8 mmol/l", "trombocyten gestegen tot 95")
          r"gedaald|gestegen|gezakt|opgelopen|teruggelopen|naar|tot|"
          # ... and in the present tense ("l'hémoglobine remonte à 9,4", "las plaquetas bajan a 40", "Hb sinkt auf 8,1")
          r"(?:remont|chut|baiss|augment|diminu)(?:e|ent)|descend(?:ent)?|sub(?:e|en|a|an)|baj(?:e|en|a|an)(?![ \t]+de\b)|sale|scende|salgono|scendono|steigt|sinkt|fällt|"
          r"um+|uh+|uhm|erm|er|hmm+|ah|"  # hesitations a dictation keeps ("Platelets, um, sixty seven")
          # who reported it, said between name and value ("Blutplättchen sind laut Hausarzt bei 71", "platelets are, according to the lab, 71")
          r"(?:according\s+to|laut|selon|seg[uú]n|secondo|volgens|segundo)\s+(?:(?:my|the|his|her|mon|ma|le|la|l['’]|mein\w*|dem|der|mi|el|il|mio|mia|la\s+mia|il\s+mio|de|mijn|o|a|meu|minha)\s*)?[^\W\d_][\w-]*,?|"
          r"previously\s+reported\s+as|reported\s+as|report|reported|(?:first|originally|previously|initially)\s+reported|(?:misreported|misread|erroneous)\s*,?\s*(?:and\s+)?(?:corrected|revised|amended)(?:\s+to)?|corrected|revised|amended|range|ranged|ranging|this\s+(?:admission|stay|week|cycle|month)|que|qui|che|van|progressivamente|progressivement|gradualmente|graduellement|lentamente|rapidamente|du\s+jour|de\s+hoy|del\s+d[íi]a|di\s+oggi|do\s+dia|am\s+(?:abend|morgen|nachmittag)|contr[ôo]le|control|controllo|kontrolle|zijn|bedraagt|bedroeg|weiter|verder|ancora|encore|todav[íi]a|ainda|erst|zuerst|initially|initialement|inicialmente|inizialmente|aanvankelijk|steadily|gradually|progressively|finally|eventually|at\s+last|slowly|rapidly|sharply|further|modestly|significantly|substantially|considerably|dramatically|precipitously|abruptly|quickly|transiently|stiegen|stieg|fielen|fiel|sanken|sank|lagen|lag|improved|increased|abs|absolute|recorded|noted|observed|found|documented|drifted|trended|trending|tracked|tracking|slipped|dipped|climbed|settled|sitting|hovering|hanging|sits|reads?|nl|normal|wnl|low|high|this|so|up|baseline|screening(?=[ \t]+(?:today|this[ \t]+morning|now)\b)|confirmed|verified|(?:trend|course)[ \t]+(?:since|over|during|from|on)[ \t]+[^:\n\d]{0,30}?[A-Za-z](?=[ \t]*:)|trend|series|results?|elevated|reduced|critically|critical|markedly|mildly|severely|very|slightly|somewhat|a\s+little|a\s+bit|~|≈)\b\s*)")
# "from 150 down to 42", "by 40 to 85", "50% to 0.9": the change before the new value. The earlier value may be named
# ("from a nadir of 4 x10^9/L to 162") and labelled with when it was taken ("from 5.9 g/dL on admission to 8.7").
FROM_TO = (r"(?:\s*(?:from\s+(?:(?:a|an|the|its|her|his|their)\s+)?(?:(?:nadir|low|lowest|peak|high|baseline|level|value)\s+(?:of\s+)?)?"
           r"(?:\d[\d.,]*|\.\d+)(?:\s?[kK]\b)?\s*(?:(?:[x×*]\s*)?\S*/\S+\s*)?(?:\([^()\n]{1,20}\)\s*)?(?:(?:nadir|low|baseline|peak)\s+)?(?:(?:on|at|in|before|after|during)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+\d{1,3})?\s*)?"
           r"(?:,?\s*which\s+(?:was|is|were|had\s+been)\s+[^,;()\n]{1,25},\s*)?|by\s+\d[\d.,]*\s*(?:%|percent\b|\S*/\S+)?\s*|\d[\d.,]*\s*(?:%|percent\b)\s*|"
           # in Dutch and German, the verb may stand between: "van 160 gedaald naar 54", "von 180 auf 46"
           r"(?:van|von)\s+\d[\d.,]*(?:\s?[kK]\b)?\s*(?:(?:[x×*]\s*)?\S*/\S+\s*)?(?:(?:gedaald|gezakt|gestegen|gekelderd|gesunken|gestiegen|gefallen|abgefallen|angestiegen)\s+)?(?=naar\s|auf\s))"
           r"(?:(?:down|up|back)\s+)?(?:to|naar|auf)\s+(?:(?:a|an|the)\s+)?(?:(?:new\s+)?(?:nadir|low|lowest|worst|peak|high)(?:\s+(?:value|count|level|reading))?\s+(?:of\s+)?)?)")

# The canonical unit of each analyte and where the value lands with no unit given.
CANONICAL_UNIT = {"wbc": "10^9/L", "anc": "10^9/L", "alc": "10^9/L", "plt": "10^9/L", "hgb": "g/dL",
                  "alt": "U/L", "ast": "U/L", "bili": "mg/dL"}
PLAUSIBLE_MAX = {"wbc": 500.0, "anc": 300.0, "alc": 300.0, "plt": 3000.0, "hgb": 25.0, "alt": 20000.0,
                 "ast": 20000.0, "bili": 80.0}
UNIT_KIND = {"10^9/L": "count", "/µL": "count", "10^2/µL": "count", "10^4/µL": "count", "10^5/µL": "count", "g/dL": "hgb", "g/L": "hgb", "mmol/L": "hgb", "U/L": "enzyme",
             "mg/dL": "bili", "µmol/L": "bili", MULTIPLE_OF_ULN: "multiple"}
ANALYTE_KIND = {"wbc": "count", "anc": "count", "alc": "count", "plt": "count", "hgb": "hgb", "alt": "enzyme",
                "ast": "enzyme", "bili": "bili"}


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with, and whether it can match nothing (None when not known)."""
    from re import _constants as c  # the parser's opcodes: read only, to build a prefilter

    chars: set[str] = set()
    for op, av in items:
        nullable = False
        if op is c.LITERAL:
            first: set[str] | None = {chr(av)}
        elif op is c.IN and all(o is c.LITERAL for o, _ in av):
            first = {chr(a) for _, a in av}
        elif op is c.BRANCH:
            found = [_first_chars(branch) for branch in av[1]]
            first = None if any(f is None for f, _ in found) else set().union(*(f for f, _ in found))
            nullable = any(n for _, n in found)
        elif op is c.SUBPATTERN:
            first, nullable = _first_chars(av[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            first, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            first, nullable = set(), True
        else:
            first = None
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def first_char_lookahead(pattern: str) -> str:
    """A lookahead listing the letters `pattern` can start with, in either case, so a scan skips other positions
    at once (only for speed: the empty string when the pattern could start with anything)."""
    try:
        from re import _parser  # the standard library's own pattern parser (private, so guarded)

        chars, nullable = _first_chars(_parser.parse(pattern, re.IGNORECASE))
    except (ImportError, AttributeError):
        return ""
    if chars is None or nullable or not chars:
        return ""
    letters = {x for ch in chars for x in (ch.lower(), ch.upper())}
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(letters)) + "])"


def _analyte_regex() -> re.Pattern:
    # each analyte's names behind a lookahead on their own first letters, so a word skips the analytes it cannot start
    parts = [f"(?P<{analyte}>{first_char_lookahead(pattern)}{pattern})" for analyte, pattern in ANALYTE_PATTERNS.items()]
    names = "(?:" + "|".join(parts) + ")"
    # a digit may follow a name with no space, as typed in a hurry ("wbc3.3 hb9.8 plt101"); a letter may not
    # the lookahead on first letters goes before the lookbehind: the same matches, and a position is passed on its letter at once
    return re.compile(first_char_lookahead(names) + r"(?<![\w-])" + names + r"(?!-|[^\W\d])", re.IGNORECASE)


ANALYTE_RE = _analyte_regex()
# A day's date before the value it dates ("at discharge 02/16: 74", "12/03/2026 was 8.1"): never the value itself.
DATE_BEFORE_VALUE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?=[ \t]*[:=]|[ \t]+(?:\d|(?:was|were|is|are)\b))"
VALUE_RE = re.compile(
    rf"(?P<filler>(?:{FILLER}){{0,4}}?)(?:{FROM_TO})?(?:{COMPARATOR}\s*(?:the\s+)?)?(?!\d{{1,2}}(?:\s+(?:hours?|hrs?|days?|weeks?|wks?|months?)\s+ago|\s*(?:h|d|wk|w|mos?)\s+ago|h(?:\d{{2}})?|(?::\d{{2}})?\s*(?:am|pm|a\.m\.|p\.m\.))\b|\d{{0,2}}0s\b|{DATE_BEFORE_VALUE}){NUMBER}\s*(?:{UNIT})?",
    re.IGNORECASE,
)
# The same without the times between name and value (clocks, weekdays, an admission or a discharge, times relative to now):
# they cost a little at every name, and only a text that holds one of their words can need them (TIMED_FILLER_WORDS).
TIMED_FILLER_PIECES = (
    r"[ \t]+(?:at[ \t]+|@[ \t]*)?(?:\d{1,2}:\d{2}|(?:[01]\d|2[0-3])[0-5]\d)[ \t]*[:=][ \t]*(?=\d)|[ \t]+\d{1,2}:\d{2}[ \t]+(?:\([^()\n\d]{0,16}\d{0,2}[^()\n\d]{0,16}\)[ \t]*)?(?:(?:was|is|were)[ \t]+)?(?=\d)|",
    r"[ \t]+(?:(?:am|on|le|el|il|op|na|no)[ \t]+)?(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,3}day|s|rs?)?\.?[ \t]*[:,]?[ \t]*(?=\d)|"
    r"[ \t]+(?:(?:am|on|le|el|il|op|na|no)[ \t]+)?" + FOREIGN_WEEKDAY + r"(?:[ \t]+" + PART_OF_DAY + r")?[ \t]*:?[ \t]*(?=\d)|"
    r"[ \t]+(?:at[ \t]+)?\d{1,2}(?::\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.)(?:[ \t]+(?:was|is|were))?[ \t]*:?[ \t]*(?=\d)|",
    r"[ \t]+" + EVENT_LABEL + r"(?:[ \t]+(?:bei|was|is|of|at|de|à|op|di))?[ \t]*:?[ \t]*(?=\d)|",
    r"[ \t]*(?:(?:à|às|a|um|om|alle)[ \t]+)?\d{1,2}h(?:\d{2})?[ \t]*:?[ \t]*(?=\d)|",
    RELATIVE_TIME_FILLER,
)
PLAIN_FILLER = FILLER
for _piece in TIMED_FILLER_PIECES:
    assert _piece in PLAIN_FILLER, _piece
    PLAIN_FILLER = PLAIN_FILLER.replace(_piece, "")
PLAIN_VALUE_RE = re.compile(VALUE_RE.pattern.replace(FILLER, PLAIN_FILLER, 1), re.IGNORECASE)
# A change's size told between a name and the value now (see FILLER): its words may be many.
CHANGED_BY_RE = re.compile(r"(?i)[ \t]+(?:(?:has|have|is|are)[ \t]+)?(?:fell|fallen|dropped|decreased|declined|rose|risen|increased|went|gone|down|up)\b")
# A reference range and a unit between a name and the dot leaders before its value: "PLT   150-400 x10^9/L .......... 59  L".
RANGE_THEN_LEADERS_RE = re.compile(rf"[ \t]+\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*(?:(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?[ \t]*(?=\.{{3}})",
                                   re.IGNORECASE)
# A later hemoglobin/hematocrit pair after a word of a series: "H/H 7.6/23 s/p 1u now 8.5/26", "H&H 8.1/25 → 9.0/27".
LATER_PAIR_RE = re.compile(r"[^.;\n]{0,30}?(?:\b(?:now|today|then|post|after|this\s+am|this\s+morning|re-?check(?:ed)?|repeat(?:ed)?|rpt)\b|->|→)[^.;\n\d]{0,12}"
                           r"(?P<num>\d{1,2}(?:\.\d)?)/\d{2}(?:\.\d)?(?!\d|\.\d)", re.IGNORECASE)
# A code of two digits with a leading zero, in a column before the values: "Hemoglobin   01   9.9   Low   g/dL" (a laboratory's code).
COLUMN_CODE_RE = re.compile(r"0\d(?![\d.,])[ \t]{2,}(?=\d)")
# A clock time of four digits between a name and its value: "Hgb 0600 7.8" (after a leading zero, any value; else a value with
# decimals that is not the same count in other units: "ANC 1400 1.4" is one count twice)
CLOCK_BEFORE_VALUE_RE = re.compile(r"(?P<time>(?P<hour>[01]\d|2[0-3])[0-5]\d)(?![\d.,:])[ \t]+(?:(?:was|were|is|are)[ \t]+)?(?=(?P<next>\d{1,3}(?:[.,]\d+)?)(?!\d|[.,]\d))")
# VALUE_RE when only spaces and a colon stand between name and number: what its fillers would give, without trying them. The
# guard leaves out numbers that may be a filler's own (a date, a clock, "8 pm", "20h", "2 days ago", "3 Mar").
FAST_VALUE_RE = re.compile(VALUE_RE.pattern.replace(f"(?P<filler>(?:{FILLER}){{0,4}}?)", r"(?P<filler>[ \t]*[:=]?[ \t]*)(?=\d)", 1), re.IGNORECASE)
assert FAST_VALUE_RE.pattern != VALUE_RE.pattern
FAST_VALUE_GUARD_RE = re.compile(r"[ \t]*[:=]?[ \t]*\d+(?:[.,]\d+)*(?![\d/:hH-]|\.[ \t]*:|[ \t]*(?:am|pm|a\.m|p\.m|hours?|hrs?|days?|weeks?|wks?|months?|ago)\b|[ \t]*(?:d|wk|w|mos?)[ \t]+ago\b|"
                                 r"\.[ \t]*\d|[ \t]*\.?[ \t]*(?=[^\W\d_])" + MONTH_NAME + r"|[ \t]*=[ \t]*\d)", re.IGNORECASE)  # "PLT 0600 = 52": a clock
TIMED_FILLER_WORDS = (":", "=", "h ", "h:", "vorige", "letzte", "derni", "pasada", "scorsa", "passada", "vor ", "hace ", "il y a", " fa", "geleden", "há ", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ago", "last", "yest", "yday", "this", "tonight",
                      "tag", "woch", "di ", "dì", "di,", "dag", "lunes", "martes", "rcoles", "jueves", "viernes", "bado", "domingo", "sabato",
                      "domenica", "segunda", "terça", "terca", "quarta", "quinta", "sexta", "am ", "pm", "a.m", "p.m",
                      "ieri", "ayer", "hier", "gestern", "gisteren", "ontem", "stama", "stase", "esta", "ce ", "heute", "sortie", "alta",
                      "entlassung", "ontslag", "dimission", "opname", "aufnahme", "admiss", "ingres", "entr", "discharge", "d/c", "upon",
                      "at ", "on ")  # plain substring tests: a scan of a long text by one pattern of them all is slower
# ... and a threshold after a comparator in another language, tried only when VALUE_RE found nothing and one of those words follows.
FOREIGN_VALUE_RE = re.compile(rf"(?P<filler>(?:{FILLER}){{0,4}}?)(?P<cmp>{FOREIGN_BELOW}|{FOREIGN_ABOVE}|{FOREIGN_AT_LEAST})(?!\w)\s*{NUMBER}\s*(?:{UNIT})?",
                              re.IGNORECASE)
FOREIGN_COMPARATOR_HINT_RE = re.compile(r"\b(?:sous|dessous|dessus|(?:inf|sup)[ée]rieur|unter|über|oberhalb|als|sotto|sopra|inferior|superior|debajo|"
                                        r"encima|menos|m[áa]s|menor|mayor|abaixo|acima|onder|boven|dan|moins|mindestens|almeno|minstens|minste|baj\w+|baix\w+)\b")
# A value in brackets a few words after its name, always with its unit: "the platelet count you shared (44 x10^9/L)".
WORDS_THEN_BRACKET_RE = re.compile(rf"(?P<filler>(?:[ \t]+[A-Za-z'’]+){{1,6}}[ \t]*\([ \t]*)(?P<cmp>(?!x)x)?{NUMBER}[ \t]*{UNIT}(?=[ \t]*\))",
                                   re.IGNORECASE)
# ... or after a change of grade, the values of the change: "ANC improved from grade 3 to grade 1 (0.7 → 1.2)".
GRADE_CHANGE_THEN_BRACKET_RE = re.compile(rf"(?P<filler>[ \t]+(?:[A-Za-z]+[ \t]+){{0,2}}?from[ \t]+(?:grade|gr\.?|g)[ \t]*[0-5][ \t]+to[ \t]+(?:grade|gr\.?|g)[ \t]*[0-5][ \t]*\([ \t]*)"
                                          rf"(?P<cmp>(?!x)x)?{NUMBER}[ \t]*(?:{UNIT})?", re.IGNORECASE)
# ... or with no unit when the bracket labels it the latest: "Platelets remained normal throughout (latest 243)".
LATEST_IN_BRACKET_RE = re.compile(rf"(?P<filler>(?:[ \t]+[^\W\d_][\w'’]*){{1,6}}[ \t]*\([ \t]*(?:latest|last|today|now|current(?:ly)?|most[ \t]+recent|{EVENT_LABEL})"
                                  rf"[ \t]*:?[ \t]*)(?P<cmp>(?!x)x)?{NUMBER}[ \t]*(?:{UNIT})?(?=[ \t]*\))", re.IGNORECASE)
# ... or with the word of now after it: "My lymphocytes have been low for months (0.7 today)".
NOW_IN_BRACKET_RE = re.compile(rf"(?P<filler>(?:[ \t]+[^\W\d_][\w'’]*){{1,6}}[ \t]*\([ \t]*)(?P<cmp>(?!x)x)?{NUMBER}[ \t]*(?:{UNIT})?"
                               r"(?=[ \t]*,?[ \t]*(?:today|now|currently|this[ \t]+morning|latest)[ \t]*\))", re.IGNORECASE)
# Words that make the bracketed number a threshold or another quantity, not the named value.
NOT_OWN_WORDS_RE = re.compile(r"(?i)\b(?:below|under|above|over|than|least|most|target|goal|threshold|trigger|cut|limit|normal|range|"
                              r"reference|ref|lln|uln|change|drop|fall|rise|increase|decrease|dose|per|grade)\b")
# A count said to have stayed normal, whose bracket then gives its value: "Platelets remained normal throughout (230 x10^9/L)".
NORMAL_STATE_RE = re.compile(r"(?i)\b(?:remain(?:ed|s)?|stay(?:ed|s)?|were|was|are|is|been)[ \t]+normal\b")
# ... or said normal (within normal limits, stable, preserved), over a time, with the value in a bracket further on, perhaps labelled:
# "Platelets normal throughout (254 x10^9/L)", "Platelets remained within normal limits throughout the admission (discharge
# count 233 x10^9/L)", "… within the normal range throughout the admission (138 x10^9/L at discharge)"
NORMAL_THEN_BRACKET_RE = re.compile(rf"(?i)(?P<filler>(?:[ \t]+(?:remain(?:ed|s)?|stay(?:ed|s)?|were|was|are|is|been))?[ \t]+(?:(?:within[ \t]+(?:the[ \t]+)?)?normal"
                                    rf"(?:[ \t]+(?:limits|range))?|stable|preserved|unremarkable)[ \t]+(?:throughout|during|all\s+along|over)\b[^.;\n\d()]{{0,40}}?\([ \t]*(?:[A-Za-z][\w'-]*[ \t]+){{0,3}}?)"
                                    rf"(?P<cmp>(?!x)x)?{NUMBER}[ \t]*(?:{UNIT})?(?=[^()\n\d]{{0,30}}\))")
# A word of fever: the number after it is a temperature ("febrile to 38.9", "fièvre à 38,6", "Tmax 39.1").
FEVER_WORD_RE = re.compile(r"(?i)\b(?:temp(?:eratures?)?|tmax|fever|febrile|pyrexi\w*|fi[eè]vre|fiebre|fieber|febbre|febre|koorts)\b")
TEMPERATURE_RE = re.compile(
    r"(?i)(?:temp(?:erature)?|fever|febrile|T(?:max)?)\s*(?:of|to|was|is|at|:|=|up\s+to)?\s*(?P<t>\d{2,3}(?:[.,]\d+)?)\s*°?\s*(?P<scale>C|F)?\b"
    r"|(?P<t2>\d{2,3}(?:[.,]\d+)?)\s*°\s*(?P<scale2>C|F)\b"
)
SUSTAINED_RE = re.compile(r"(?i)sustained|for\s+(?:more\s+than|over)\s+(?:an|one|1)\s+hour|for\s+\d+\s+hours")


@dataclass(slots=True)
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
    # every value of a series as written: (number, kilo, number span); the rules check judges a grade written
    # inside a series ("19 on day 8 (grade 4) and 52 on day 15") against the value before it
    steps: list[tuple[str, bool, tuple[int, int]]] = field(default_factory=list)
    unit_text: str | None = None
    # a value the sentence only supposes ("if platelets drop to 20 …"): no patient's value, but the rules check judges what is
    # said of it ("If your platelets are 60,000, that is grade 3")
    supposed: bool = False
    # a value of someone else the text names ("Sibling donor workup: plt 250"): no patient's value either
    someone_else: bool = False

    def step_value(self, position: int) -> Mention | None:
        """The value of the series written last before `position`, as a mention of its own (None if not a series)."""
        if len(self.steps) < 2:
            return None
        before = [step for step in self.steps if step[2][1] <= position]
        if not before:
            return None
        number_text, kilo, span = before[-1]
        return _mention(self.analyte, "", span[0], span[1], number_text, kilo, self.unit_text, None, span, [parse_number(number_text)])

    @property
    def is_threshold(self) -> bool:
        return self.comparator is not None


UNIT_FORM_RES = [(re.compile(form, re.IGNORECASE), name, factor) for form, name, factor in UNIT_FORMS]


@lru_cache(maxsize=512)
def unit_of(unit_text: str) -> tuple[str, float]:
    for form, name, factor in UNIT_FORM_RES:
        if form.fullmatch(unit_text.strip()):
            return name, factor
    return "", 1.0


@lru_cache(maxsize=4096)
def _canonical_once(analyte: str, number: float, unit_text: str | None) -> tuple:
    """to_canonical, remembered: a long text repeats the same values (the lists are copied by the caller)."""
    value, native_unit, native_value, assumptions, warnings = to_canonical(analyte, number, unit_text)
    return value, native_unit, native_value, tuple(assumptions), tuple(warnings)


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
        unit, factor = unit_of(unit_text)
        if unit == MULTIPLE_OF_ULN and analyte in DEFAULT_ULN:  # graded on the multiple itself (see grade_value); the value with the default ULN
            value = round(number * DEFAULT_ULN[analyte], 6)
            assumptions.append(f"{label} given as {number:g} times the upper limit of normal: read as {value:g} {canonical} with the default ULN "
                               f"({DEFAULT_ULN[analyte]:g} {canonical}), and graded on the multiple.")
            return value, unit, number, assumptions, warnings
        if UNIT_KIND.get(unit) != ANALYTE_KIND[analyte]:
            warnings.append(f"{label} given in {unit_text.strip()}, which is not a unit for {label}; not graded.")
            return None, unit or unit_text, number, assumptions, warnings
        value = number / 1000.0 if unit == "/µL" else (number / 10.0 if unit == "g/L" else number)
        if unit in ("10^2/µL", "10^4/µL", "10^5/µL"):
            value = number * factor
            assumptions.append(f"{label} {number:g} x{unit} read as {value:g} x10^9/L (1 x{unit} is {factor:g} x10^9/L).")
        elif unit == "mmol/L":
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


# A reference range or a unit in brackets between the name and the value: "Platelets (150-400): 79", "Hb (g/L) 98".
# A single bare number in brackets is the value itself ("Platelets (79)").
BRACKET_RE = re.compile(rf"\s*[\(\[]\s*(?:(?:ref(?:erence)?\.?|normal|range|nr|rr)\b\s*(?:range|interval)?\s*:?\s*|"
                        rf"(?:[^()\[\]\d\n]{{1,30}}?(?:\s*(?:@\s*)?\d{{1,2}}:\d{{2}})?|(?:@\s*)?\d{{1,2}}:\d{{2}}|"
                        rf"(?:the|a|an|which|that|what|i\.e\.|e\.g\.)\s[^()\[\]\d\n]{{1,80}}?|"  # "haemoglobin (the part of red blood cells that carries oxygen)"
                        rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?:\s+\d{{1,2}}:\d{{2}})?|"
                        rf"(?:draw|sample|specimen|tube|run)\s*#?\d{{1,2}}(?:\s*[,;]\s*\d{{1,2}}:\d{{2}})?|\d{{1,2}}\s*(?:h|hr|hrs|hours?|min)\b[^()\[\]\d\n]{{0,12}}|"
                        rf"(?:CTCAE\s*)?v(?:ersion\s*)?[56](?:\.0)?)(?=\s*[\)\]])|"  # "PLT (redraw 14:40) 131", "PLT (1 h): 29"
                        rf"(?:absolute|abs\.?|total|auto(?:mated)?|manual|calc(?:ulated)?)\s*)?"
                        rf"(?:[<>≤≥]\s*\d[\d.,]*|\d[\d.,]*\s*(?:[-–]|to)\s*\d[\d.,]*)?\s*(?P<unit>{UNIT_ALTERNATIVES})?"
                        # the unit, then the range: "Platelets (x10^3/uL; ref 150-450): 62"
                        rf"(?:(?<=[^\W\d_])\s*[;,]\s*(?:(?:ref(?:erence)?\.?|normal|range|nr|rr)\b\s*(?:range|interval)?\s*:?\s*)?\d[\d.,]*\s*(?:[-–]|to)\s*\d[\d.,]*)?"
                        rf"\s*%?\s*[\)\]][ \t]*:?",
                        re.IGNORECASE)
# A unit written between the name and the value: "ANC, cells/µL: 1,050", "HGB g/dL 7.4".
# ... and before a reference range or dot leaders: "PLT x10^9/L [150-450] .......... 112 L"
HEADER_UNIT_RE = re.compile(rf"[ \t]*,?[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z])[ \t]*(?=[:=|\t]|\s+\d|[ \t]*[\[(]\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[\])]|\.{{3}})",
                            re.IGNORECASE)
# After the value: a high/low flag and a reference range, then the unit ("0.62 L 1.40-7.00 K/uL").
AFTER_VALUE_RE = re.compile(rf"(?:\s*(?-i:\*?\(?(?:LL|HH|L|H|LOW|HIGH|Low|High|CRIT)\)?\*?)(?![A-Za-z0-9])|\s*\*+)?"
                            rf"(?:\s*[\[(]?\s*\d[\d.,]*\s*[-–]\s*\d[\d.,]*\s*[\])]?)?(?:\x22[,;]\x22)?\s*(?:\((?=\s*[^\s()]+\s*\)))?\s*(?:{UNIT})", re.IGNORECASE)  # '"2,9";"G/l"': a CSV's next cell; "6,9 (mmol/l)"
# A number that is a percentage, a dose, a number of units or of blood products (in any language: "2 CGR", "1 culot",
# "2 EK", "1 sacca") or a time is not a count.
NOT_A_VALUE_WORDS = (r"(?:%|percent\b|\((?:mild|moderate|severe|life-threatening)\)|erytrocytenconcentra\w*|erythrozytenkonzentra\w*|concentrados?\b|(?:further|more|additional|extra|other)\s+(?:units?|u|bags?|pools?|packs?|doses?)\b|(?:(?:g-?csf|filgrastim|pegfilgrastim|neupogen|neulasta|growth\s+factor|steroid|ivig)\s+)?(?:shots?|injections?|infusions?)\b|units?\b(?!\s*/\s*l\b)|u\b(?!\s*/\s*l\b)|pools?\b|bags?\b|packs?\b|apheres[ie]s\b|aph[ée]r[èée]ses?\b|adult\s+doses?\b|p?rbcs?\b|ffp\b|cgrs?\b|cps?\b|cpa\b|pfc\b|culots?\b|"
                     r"poches?\b|concentr[ée]s?\b|unit[ée]s\b|unit[àa]\b|unidades\b|sacche\b|sacca\b|ek\b|eks\b|ecs?\b|ch\b|eenheden\b|tks?\b|mg\b(?!\s*/\s*d?l\b)|mcg\b|µg\b|"
                     r"g\s*/\s*kg|mg\s*/\s*kg|kgs?\b|lbs?\b|ml\b|doses?\b|(?:days?|wks?|weeks?|cycles?)\b(?![ \t]*\+?\d)|months?\b|years?\b|yrs?\b|y/o\b|y\.?o\.?(?![^\W\d_])|patients\b|pts\b|"
                     r"times\b|hours?\b|hrs?\b|"
                     # the same in the other languages read: "in calo da 10 giorni", "seit 3 Wochen"
                     r"(?:giorni|giorno|settimane|settimana|mesi|d[íi]as|semanas|meses|jours|semaines|mois|tagen?|tage|wochen|woche|monaten?|dagen|weken|maanden|"
                     r"anni|a[ñn]os|jahren?|jaar)\b(?![ \t]*\+?\d))")
NOT_A_VALUE_RE = re.compile(r"\s*-?" + first_char_lookahead(NOT_A_VALUE_WORDS) + NOT_A_VALUE_WORDS, re.IGNORECASE)  # "a 2-week pause"
REFERENCE_AFTER_RE = re.compile(r"\s*(?:\)|\]|;|\.(?:\s|$)|,?\s*(?:study|trial|cohort|guidelines?|update|data|paper|review|"
                                r"criteria|version|edition|et\s+al)\b|$)", re.IGNORECASE)
# A statistic about a cohort, not a patient's value: "the median ANC was 1.2".
STATISTIC_WORDS = ("median", "médian", "mean", "average", "mittler", "gemiddeld", "moyenne", "media")
STATISTIC_VALUE_RE = re.compile(r"(?i)(?:[^\d\n;?]|\b(?:week|wk|day|cycle|month)\s*\d{1,3}\b){0,40}?(?<!week )(?<!wk )(?<!day )(?<!cycle )(?<!month )\d+(?:[.,]\d+)?")  # the statistic's own number after the name (not "at week 12")
STATISTIC_BEFORE_RE = re.compile(r"(?i)\b(?:m[ée]dian[eao]?|(?<!\bi\s)mean|average|averaged|mediano|mittlere[rn]?|gemiddelde|moyenne|media)[ \t]+(?:\w+[ \t]+){0,2}$")  # on the name's line: a heading above says nothing
# The same analyte's later values: "95 -> 61 -> 38", "4.8 on Monday, came back at 0.9".
# A bare number that ends a list item: "PLT 88, 61, 45" is a series.
NUMBER_PLAIN = r"\d+(?:\.\d+)?(?!\d|[.:]\d)"
# A time written inside a gap between two values of a series: "on day 10", "at 06:40", "on 3/12".
TIME_TOKEN = (r"(?<![\w.])(?:day|d|week|wk|cycle|c|zyklus|ciclo|cyclus|tag|jour|giorno|d[íi]a|dag|semana|semaine|woche|settimana)\s*\d{1,3}(?![\d.])|(?<![\d.])\d{1,2}[:h/]\d{2}(?![\d.])|(?<=on\s)\d{1,2}/\d(?![\d./])"  # "70 on 5/9, today 5/16 49"
              r"|(?<![\w.])\d{1,2}\s*(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|h|d|wk|w)(?=\s+ago\b)"  # "0.8 10d ago now 1.7"
              r"|(?<![\w.])(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]+(?:repeat|recheck|rpt|re-?draw)\b)")  # "0640 plt 45, 1800 repeat 38"
# A dose given between two values of a series: "nadir 19 on d10 after ivig 1 g/kg, now back to 96".
DOSE_TOKEN = (r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|u|units?|iu|CH|CGR|EKs?|concentrados?|bags?|pools?|packs?|sacche|sacca|poches?|"
              r"bolsas?|unidades|unit[ée]s|unit[àa]|eenheden|zakjes)(?:/kg|/m2|/m²)?(?![\w/])")  # "trasfuse 2 sacche, controllo 9,6"
# A clock time after a value: "26 at 6pm", "26 @ 18:00", "26 at 1930".
CLOCK_LABEL = r"(?:at|@)\s*(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|h)|\d{1,2}:\d{2}|(?:[01]\d|2[0-3])[0-5]\d)(?![\w:])"
# Words that may stand between a cue of a later value and the value: "now they're 1.3", "this morning they came back at 27".
# A later event that labels the value after it: "; on discharge 132", "at follow-up 64".
LATER_EVENT = (r"(?:(?:(?:on|at|upon)\s+(?:the\s+)?(?:day\s+of\s+)?)?(?:discharge|d/c|follow-?up)(?:\s+(?:clinic|visit|appointment|review))?|"
               r"(?:al|à\s+la|na|alla|bei(?:\s+der)?)\s+(?:alta|sortie|dimissione|entlassung)|bij\s+ontslag)\b")  # also in Spanish, French, Portuguese, Italian, German
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,3}day|s|rs?)?\b\.?"
# The date of a repeat, with its clock if told: "repeat 02/06 1600: 52".
# A repeat's treatment before it: "Repeat after 1 unit is 8.8", "recheck post transfusion was 9.1".
AFTER_TREATMENT = r"(?:after|post)\s+(?:(?:the|a|one|two|three|\d)\s*)?(?:units?|transfusions?|blood|PRBC|RBC|IVIG|u)\b(?:\s+(?:of\s+)?(?:PRBC|RBC|blood|red\s+cells))?"
AFTER_TREATMENT_RE = re.compile(rf"(?i)[ \t]+{AFTER_TREATMENT}")
# ... or its date and clock, then a colon: "repeat 02/06 1600: 52"
REPEAT_WHEN = r"[ \t]+(?:on[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[ \t]+(?:\d{1,2}:\d{2}|[01]\d[0-5]\d|2[0-3][0-5]\d))?(?=[ \t]*:)"
REPEAT_WHEN_RE = re.compile(REPEAT_WHEN)
REPEAT_DATE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:\s+(?:\d{1,2}:\d{2}|(?:[01]\d|2[0-3])[0-5]\d(?=\s*:)))?"
# A repeat named by its clock time: "the 14:00 repeat showed 44".
# A cycle of treatment that dates the value after it, before or after it: "after C2 11.0", "pre-C4 9.4", "post cycle 3 88".
CYCLE_EVENT_LABEL = r"(?:after|post|following|pre|before|prior\s+to)[- \t]?(?:c|cycle|course|dose|infusion)\s*\d{1,2}(?!\d|[.,]\d)"
TIMED_REPEAT = r"the\s+\d{1,2}[:h]\d{2}\s+(?:repeat|recheck|re-?draw|draw|sample|count|check)"
# Where a value was taken, after its time: "today in clinic 9.6", "this morning at the infusion centre 41".
PLACE = r"(?:in|at)\s+(?:the\s+)?(?:clinic|ED|A&E|ER|ward|GP|office|infusion\s+(?:center|centre|suite)|day\s+unit|lab)"
# The word for today in the other languages read (a value of now may follow it): "(hoy 1,3)", "heute 8,9".
FOREIGN_TODAY = r"hoy|oggi|heute|aujourd['’]hui|hoje|vandaag|aktuell|actuellement|actualmente|attualmente|atualmente|momenteel"  # (… or "currently")
# The first letters of FOREIGN_TODAY's words, for the cheap substring tests before the patterns that use it.
FOREIGN_NOW_STEMS = ("hoy", "oggi", "heute", "aujourd", "hoje", "vandaag", "aktuell", "actuel", "actual", "attual", "atual", "momenteel")
# Today's test named in another language, then a verb: "il controllo di oggi mostra 54.000", "el análisis de hoy da 1,2".
TODAYS_TEST = (r"(?:(?:il|el|le|la|o|a|het|die|der|das|de)\s+|l['’])?(?:controllo|control|contr[ôo]le|kontrolle|esame|examen|exame|prelievo|bilan|an[áa]lisis|"
               r"analisi|an[áa]lise|emocromo|hemograma|h[ée]mogramme|blutbild|bloedonderzoek|prise\s+de\s+sang|uitslag)\s+(?:di|de|d['’]|von|van|du)\s*"
               r"(?:oggi|hoy|aujourd['’]hui|heute|hoje|vandaag)(?:\s+(?:mostra|muestra|montre|zeigt|toont|indica|d[aà]|è|es|est|ist|é|is|geeft))?\s*:?")
SUBJECT_VERB = (rf"(?:(?:{RELATIVE_TIME}|(?:repeat(?:ed)?|re-?check(?:ed)?|contr[ôo]le(?:\s+(?:à|a))?|controllo(?:\s+a)?|kontrolle(?:\s+bei)?)(?:\s+(?:on\s+)?{REPEAT_DATE}|\s+(?:at\s+|@\s*)?\d{{1,2}}[:h]\d{{2}}|\s+(?:[01]\d|2[0-3])[0-5]\d(?=\s*:))?\s*:?|(?:this\s+morning|today|tonight|now|latest|most\s+recent|hoje|hoy|oggi|heute|vandaag|aujourd'hui|jetzt|ahora|agora|adesso|maintenant|(?:the\s+)?(?:{WEEKDAY}|morning|evening|afternoon|latest|repeat|next)\s+(?:draw|sample|count|check|labs?|result|CBC|FBC)|(?:on\s+)?today['’]s\s+(?:CBC|FBC|labs?|bloods?|draw|sample|count|results?)|{TODAYS_TEST})(?:\s+\d{{1,2}}(?:[:h]\d{{2}}|h)|\s*\([^()\n]{{1,12}}\)|\s+{PLACE})?|later|{LATER_EVENT}|{CYCLE_EVENT_LABEL}|(?:at\s+(?:the\s+)?|its\s+)?nadir|{TIMED_REPEAT}|post(?:-?transfusion)?(?=\s+\d)|{WEEKDAY}|on\s+(?!(?:cycle|day|week|wk|dose|course)\b)[A-Za-z]+(?:\s+\d{{1,2}})?|on\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?=\s+(?:(?:was|were|is|are|at)\s|\d))|(?:(?:am|le|el|il|op|na|no|o)\s+)?{FOREIGN_WEEKDAY}|(?:(?:by|on|at|à|au|al|am|el|op|em|no)\s+)?(?:day|d|j|week|wk|cycle|c)\s*\+?\d{{1,3}}\s*:?|at\s+\d{{1,2}}[:h]\d{{2}}|at\s+(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:was|were|is|it|they)\b))\s*,?\s+)?"
                r"(?:(?:they|it|she|he|that|which)(?:'re|'s|’re|’s|re|s)?\s+)?"
                r"(?:(?:had|has|have|han|hanno|sind|zijn|sont)\s+)?(?:(?:is|are|was|were)\s+(?=sitting|standing|running|hovering))?(?:(?:is|are|was|were|been|came|come|comes|went|gone|rose|risen|fell|fallen|dropped|recovered|climbed|"
                r"improved|declined|sits?|sitting|stands?|stood|reads?|confirmed|showed|shows|show|say|says|said|screened|measured|tested|"  # "now they say 74"
                # the same in French, Spanish, Italian, Portuguese and German: "remontées à 68", "han bajado a 48", "risalite a 64"
                r"remont[ée]e?s?|descendu[e]?s?|chut[ée]e?s?|bajad[oa]s?|subid[oa]s?|bajaron|subieron|risalit[ei]|scesi|scese|salit[ei]|calat[ei]|"
                r"ca[íi]ram|subiram|caiu|subiu|baixou|baixaram|desceu|desceram|deram|deu|dieron|dio|gesunken|gestiegen|gedaald|gestegen|stiegen|fielen|sanken|lagen|"
                # ... and in the present tense: "et remonte à 9,3", "y baja a 40", "e risale a 64", "und sinkt auf 8,1"
                r"(?:re)?monte(?:nt)?|(?:re)?descend(?:ent)?|chute(?:nt)?|baisse(?:nt)?|sube(?:n)?|baja(?:n)?|risal(?:e|gono)|scend(?:e|ono)|"
                r"sobe(?:m)?|desce(?:m)?|steigt|sinkt|f[äa]llt|stijgt|daalt|zakt)\s+)?(?:(?:back|only|just|(?:nur\s+)?noch|nog(?:\s+maar)?|seulement|solo|apenas)\s+|"
                r"(?:up|down|fine|ok|okay|good|normal|stable|steady|better|lower|higher|low)\s+(?=(?:at|to)\s))?"  # "mine are fine at 210"
                r"(?:(?:today|now|this\s+(?:morning|am))\s+(?=(?:at|to)\s))?"  # "mine came back today at 138"
                rf"(?:{LATER_EVENT}\s+)?(?:(?:at|to|à|a|para|auf|naar|tot|bei)\s+)?")
# Arrows that lead from one value to the next: "95 -> 61", "9.1 ⇢ 8.4", "0.3 ↑ 0.9" (an up or down arrow between two values
# says which way the count went).
FORWARD_ARROWS = ("->", "→", "=>", "⟶", "»", "⇢", "⇒", "➝", "➔", "➜", "⟹", "⇨")
ARROW_TOKENS = (*FORWARD_ARROWS, "↗", "↘", "↑", "↓")
ARROW = "(?:" + "|".join(re.escape(token) for token in ARROW_TOKENS) + ")"
FORWARD_ARROW = "(?:" + "|".join(re.escape(token) for token in FORWARD_ARROWS) + ")"
# A label after an arrow before the next value of a series: "210 → nadir 31 → 150", "7.1 → post: 8.3".
ARROW_LABEL = (r"(?:(?:(?:day|d|week|wk|cycle|c)\s*\d{1,3}(?:\s*d\s*\d{1,2})?|\d{1,3}\s*(?:days?|weeks?|wks?|months?|hours?|hrs?|h)\s+(?:later|after)"
               r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:post|after)\s+\d{1,2}\s+(?:doses?|units?|days?|cycles?|infusions?))"  # "→ post 2 doses 2.6"
               r"\s*:?\s+|(?!(?:grade|gr|ctcae|day|days|d|week|weeks|wk|cycle|c)\b)[A-Za-z][A-Za-z-]{1,15}(?:\s*:\s*|\s+)"
               r"|(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|iu)(?:/kg|/m2|/m²)?(?![\w/])(?:\s*x\s*\d+\s*d(?:ays?)?\b|\s*[x×]\s*\d(?!\d))?\s*"  # "34 → romiplostim 1 mcg/kg → 70": a dose ("1 g/kg ×2"),
               r"|(?<![\w.])(?:\d+(?:[.,]\d+)?\s*)?[x×]\s*\d{1,2}\s*(?:d(?:ays?)?|doses?)?(?![\w.,])\s*|[+&]\s*){0,5}"  # a count of days or doses ("g-csf x3", "dex 40 x4d"),
               # two treatments joined ("11 -> dex 40 mg x4d + IVIG 1 g/kg -> 89")
               rf"(?:{ARROW}\s*)?")
# Verbs of a count changing, in any form, before "to" and the new value: "recovering to", "climbed back to".
CHANGE_VERB = r"(?:drop|fell|fall|rose|rise|rising|recover|improv|increas|decreas|climb|dipp|dip|slipp|slip|sank|sink|return|bounc|declin|correct|amend|revis)"
# The words naming a treatment after its dose ("2 units PRBC", "1 pool of platelets"), never a cue of the next value.
TREATMENT_WORDS_RE = re.compile(r"(?:/(?:kg|m2|m²|day|d)\b)?(?:[ \t]+(?!(?:then|now|today|this|and|but|back|post|after|repeat|recheck)\b)[A-Za-z][\w-]*){0,3}",
                                re.IGNORECASE)
# What labels the next value of a series before it, after a comma or a conjunction: "Sunday 0.6", "this morning 0.4", "on day 15 it
# was 0.9", "y al alta 1,7".
NEXT_LABEL = (rf"(?:{LATER_EVENT}|{CYCLE_EVENT_LABEL}\s+(?=\d)|(?:at\s+(?:the\s+)?|its\s+)?nadir\b|{TIMED_REPEAT}|post(?:-?transfusion)?\s+(?=\d)|(?:(?:à|a|au|at|on|el|al|am|op|em|no)\s+)?[JD]\s*\+?\d{{1,3}}\s+(?=\d)|{WEEKDAY}|(?:(?:am|le|el|il|op|na|no|o)\s+)?{FOREIGN_WEEKDAY}|{RELATIVE_TIME}|this\s+(?:morning|am\b|a\.m\.)|today|jetzt|ahora|agora|adesso|maintenant|the\s+(?:{WEEKDAY}|morning|evening|afternoon|latest|repeat|next)\s+(?:draw|sample|count|check|labs?|result|CBC|FBC)|(?:on\s+)?today['’]s\s+(?:CBC|FBC|labs?|bloods?|draw|sample|count|results?)|{TODAYS_TEST}|tonight|now|latest|most\s+recent|hoje|hoy|oggi|heute|vandaag|aujourd'hui|(?:by|on|at|in)\s+(?:the\s+)?(?:day|d|week|wk|cycle|c)\s*\+?\d|on\s+(?:{WEEKDAY}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\s+(?:(?:was|were|is|are|at)\b|(?=\d))))")
# When a value of a series was taken, written after it: "(today)", "two weeks ago", "in March", "on the 3rd", "on Tuesday",
# "at 06:40", "à 20h", "am 13.03.", "op 4 april", "el día 2", "d+12", "(wk 4)", "at start", "bei Entlassung", "na admissão".
DATE_WORD_PREPOSITION = r"(?:on|le|el|il|em|am|op|del|al|vom|o|no)"
VALUE_TIME_LABEL = (rf"(?:{RELATIVE_TIME}|(?:in|en|im|a|ad|em|op)\s+{MONTH_NAME}|yesterday|yest|yday|today|now|this\s+morning|last\s+\w+|"
                    rf"(?:in\s+the\s+)?(?:morning|evening|afternoon|night)|"
                    rf"{DATE_WORD_PREPOSITION}\s+(?:the\s+)?\d{{1,2}}(?:(?:st|nd|rd|th)(?:\s+of\s+[A-Za-z]+)?|(?:st|nd|rd|th|\.)?(?:\s+(?:of|de))?\s+{MONTH_NAME})|"
                    rf"on\s+\w+(?:\s+\d+)?|(?:le|el|il)\s+\d{{1,2}}(?![\d.,/:h%])(?:\s+{MONTH_NAME})?|{WEEKDAY}|(?:(?:am|le|el|il|op|na|no|o)\s+)?{FOREIGN_WEEKDAY}|earlier|(?:at\s+|@\s*)?\d{{1,2}}[:h]\d{{2}}|(?:à|às|a\s+las|alle|um|om|at)\s+\d{{1,2}}\s*h(?:\s*\d{{2}})?(?!\w)|"
                    rf"{DATE_WORD_PREPOSITION}\s+\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}}|\.)?|"
                    rf"(?:(?:à|au|at|en|al|am|by|in|on|el|le|il|op|em|o|no)\s+)?(?:J|D|day|jour|d[íi]a|Tag|giorno|dag|week|wk|cycle|c|month|semaine|semana|settimana|Woche)\s*\+?\d{{1,3}}(?!\d|[.,]\d)(?:\s+(?:after|post|following|with|under|on|of)\s+(?:the\s+)?[A-Za-z][\w-]*)?|"
                    rf"previously|(?:at\s+)?baseline|at\s+(?:the\s+)?start\s+of\s+[\w-]+|"
                    # ... and in the other languages: "a inizio mese", "au début du mois", "a principios de mes", "Anfang des Monats"
                    rf"(?:(?:a|ad|al|all['’]|au|à|a\s+principios\s+de|no|em|am|aan\s+het)\s*)?{START_OF}"
                    rf"(?:\s+(?:{START_OF_LINK}|van\s+de))?\s+(?:{PERIOD_NAME}|ciclo|cycle|kuur)|@\s*(?:[01]\d|2[0-3])[0-5]\d(?!\d)|c\s*\d{{1,2}}\s*d\s*\d{{1,2}}(?!\d)|at\s+(?:the\s+)?(?:start|onset|outset)|(?:at|on|upon)\s+(?:the\s+)?(?:day\s+of\s+)?(?:admission|discharge|diagnosis|presentation|screening|follow-?up|nadir)|"
                    rf"(?:bei|bij|na|al|à\s+la|alla|à\s+l['’]|all['’])\s*(?:Entlassung|ontslag|alta|sortie|dimissione|Aufnahme|opname|admiss[ãa]o|admission|ingreso|entr[ée]e|ingresso)|"
                    rf"{CYCLE_EVENT_LABEL}|(?:before|prior\s+to|pre-?)\s*[A-Za-z][^,;\d\n]{{0,25}}(?:\d{{1,2}})?|pre\b|"
                    rf"(?:after|following)\s+(?:(?:two|three|four|\d|a|an|the|her|his|its|their|one|[A-Za-z][\w-]*)\s+){{0,3}}[A-Za-z][\w-]*)")
CONJUNCTION = r"(?:and|but|et|mais|y|pero|e|ma|und|aber|en|maar)"  # in English, French, Spanish, Italian or Portuguese, German, Dutch
TREND_STEP = (rf"(?:[ \t]+(?=\.\d)|(?<=\s\.\d)[ \t](?=\d\.\d(?![\d.]))|"  # "lymphs .7 .5 .3": leading-dot decimals one space apart ("… .7 1.2")
              rf"\s*\((?:{WEEKDAY}|yest(?:erday)?|yday|\d{{1,2}}/\d{{1,2}}|(?:day|d)\s*\+?\d{{1,3}})\)\s+(?=\d)|"  # "9.1 (tues) 8.4 (thu) 7.9 today"
              rf"\s*\([^()\n]{{1,20}}\)\s+[-–—]\s+(?=\d)|"  # "236 (baseline) – 118 (week 12) – 71 (today)"
              rf"\s*\((?=\s*{NUMBER_PLAIN}\s*(?:[^\s\d()]+\s*)?(?:today|now|currently|this\s+(?:morning|am))\s*\))\s*|\s*,\s+(?={NUMBER_PLAIN}\s*(?:\([^()\n]{{1,40}}\)\s*|\s+{CLOCK_LABEL}\s*)?(?:[,;.=]|:(?!\d)|\s[—–-]\s|\s*(?:→|->|=>)|$))|(?:\s*\([^()\n]{{1,40}}\)|\s+(?:on|at|@)\s*[\w/:.]{{1,10}}(?![\w/:.])<ARROW_LED_LABEL>)?\s*(?:{ARROW}\s*{ARROW_LABEL}|>|/(?:\s*\d{{1,2}}:\d{{2}}(?=\s+\d))?)\s*|(?:\s*\([^()\n]{{1,60}}\)|\s+{VALUE_TIME_LABEL}|\s+{PLACE}|[ \t]+(?:L|H|LL|HH)(?=[ \t])){{1,4}}(?:\s*[,;]\s*(?:{CONJUNCTION}\s+|then\s+|now\s+|(?:puis|dann|luego|poi|daarna|depois)\s+)?|\s+{CONJUNCTION}\s+){SUBJECT_VERB}(?=\.?\d(?!\d*/\d))|(?:\s*[,;]\s*(?:and\s+|but\s+|then\s+)?|\s+[-–—]\s+|\s+{CONJUNCTION}\s+)(?={NEXT_LABEL}){SUBJECT_VERB}(?=\.?\d(?!\d*/\d))|\s+(?:and|but)\s+(?:(?:it|they)\s+)?(?:is|are|['’]s|['’]re)\s+(?:now\s+)?(?:at\s+)?(?=\d[\d.,]*(?:\s*[^\s\d,;.]+)?\s+(?:today|now|this\s+(?:morning|am)|currently))|(?P<gap><LONG_GAP>(?:[^.;\n\d]|{TIME_TOKEN}|{DOSE_TOKEN}|\b(?:19|20)\d\d\b|\([^()\n]{{0,30}}\)|\.(?=\s+(?:repeat|re-?check|rpt|re-?draw)\w*\s)|\n(?=[ \t]*(?:repeat|re-?check|rpt|re-?draw)\w*\s)){{0,30}}?)\b(?:came\s+back\s+at|now(?:\s+at)?|post(?:-?transfusion)?(?=\s+\d+(?:[.,]\d+)?(?!\d|[.,]\d|\s*(?:units?|u|bags?|pools?|doses?|CH|CGR|PRBCs?|RBCs?)\b))|today(?:'s|’s)?(?:\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?=\s+\d))?(?:\s+at)?|(?:heute\s+(?:früh|morgen|morgens)|{FOREIGN_TODAY})(?=\s+\d)|(?<=\d\s){WEEKDAY}(?=\s+\.?\d)|"
                           rf"this\s+(?:morning|am\b|a\.m\.)|(?:then|puis|ensuite|luego|despu[ée]s|poi|dann|daarna|depois)(?:\s+to)?|back\s+(?:up\s+|down\s+)?to|down\s+to|{CHANGE_VERB}\w*\s+(?:with(?:out)?\s+[\w-]+\s+)?(?:back\s+|up\s+|down\s+)?to(?:\s+(?:a|an|the|her|his|its)\s+(?:new\s+)?(?:nadir|low|lowest|peak)(?:\s+of)?)?|(?:subiu|subiram|caiu|ca[íi]ram|baixou|baixaram|desceu|desceram|subi[óo]|baj[óo]|remont[ée]e?s?|stieg(?:en)?|sank(?:en)?|Anstieg|Abfall|R[üu]ckgang|Abnahme|Erholung)\s+(?:para|a|à|auf)|(?:repeat(?:ed)?|re-?check(?:ed)?|rpt|re-?collect(?:ed)?|re-?drawn?|re-?run|contr[ôo]le(?:\s+(?:à|a))?|controllo(?:\s+(?:serale|mattutino|pomeridiano))?(?:\s+a)?|kontrolle(?:\s+bei)?|control(?:\s+post)?|(?:(?:morning|evening|afternoon|night|pm|am|later)\s+)?check)(?:\s*(?:(?:at|@)\s*)?\d{{1,2}}[:h]\d{{2}}\s*[:=]?|\s+(?:at|@)\s*\d{{1,2}}(?![:.h]?\d)(?:\s*(?:am|pm))?\s*[:=]|\s+\d{{1,2}}\s*(?:days?|d|weeks?|wks?|wk|w|hours?|hrs?|h|months?)\s+(?:later|after)\s*:?|\s+(?:(?:at|@)\s*)?(?:[01]\d|2[0-3])[0-5]\d\s*[:=]|\s+(?:on\s+)?{REPEAT_DATE}\s*:?|\s+at|\s+[^.;\n\d:]{{1,25}}:|"
                           rf"\s+(?:in\s+the|this|that)\s+(?:morning|afternoon|evening)|\s+tonight|"  # "repeat in the evening was 39"
                           rf"\s+(?:in|on|with|using)\s+(?:Na\s+|sodium\s+)?[A-Za-z][\w-]*(?:\s+(?:tube|sample|specimen|blood))?(?:\s+count)?|"
                           rf"\s+{AFTER_TREATMENT}"
                           rf")?)\s*(?::\s*)?{SUBJECT_VERB})(?!\d{{1,2}}/\d|\d{{1,2}}h(?:\d{{2}})?\b){NUMBER}")
# The same, with words of time before an arrow ("0.3 yest → 1.9", "8.6 day 2 evening -> 7.7"), used only in texts that hold an
# arrow: the labels cost a little at every value, and a text without an arrow cannot need them.
# A longer label before a word of sequence ("2,1 G/L en janvier, avant le début du pembrolizumab, puis à 1,4"): tried only in
# texts that have such a word, as it costs a look ahead at every step.
# ... or before a repeat in the other languages, past a transfusion ("7,1 g/dL à l'admission, transfusion de 2 CGR, contrôle à 9,0").
LONG_GAP = (rf"(?=(?:[^.;:?\n\d]|{DOSE_TOKEN}){{20,60}}?,\s(?:puis|then|dann|luego|poi|daarna|depois|contr[ôo]le|controllo|control|kontrolle)\b)"
            rf"(?:[^.;:?\n\d]|{DOSE_TOKEN}){{20,60}}?,\s|")
LONG_GAP_WORDS = (" puis", " then", " dann", " luego", " poi ", " daarna", " depois", " contr", " kontroll")
# The series step pattern in its four forms: with a label led by an arrow or not, with the longer label or not.
TREND_STEPS = {(arrows, long_gap): re.compile(TREND_STEP.replace("<ARROW_LED_LABEL>", rf"|(?:\s+{VALUE_TIME_LABEL}){{1,2}}(?=\s*{ARROW})" if arrows else "")
                                              .replace("<LONG_GAP>", LONG_GAP if long_gap else ""), re.IGNORECASE)
               for arrows in (False, True) for long_gap in (False, True)}
# A change from one value to the next in French, Spanish, Italian, Portuguese, German or Dutch: "passées de 22 G/L le 02/09 à 57 G/L",
# "pasaron de 0,3 el día +7 a 1,4", "von 19/nl auf 74/nl". "de 150 à 400" may be a range, so the change must be told by a verb
# before it, a time between the two values or a word that never ends a range ("auf", "naar").
FOREIGN_FROM_RE = re.compile(r"(?i)\b(?:de|da|von|van|desde)\s*$")
FOREIGN_TO_STEP_RE = re.compile(rf"(?:[ \t]+(?P<label>(?:le|el|il|am|em|op|on|au|al)[ \t]+(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\.\d{{1,2}}\.?"
                                rf"|(?:J|D|d[íi]a|jour|Tag|giorno|dag)[ \t]*\+?\d{{1,3}}(?!\d))"
                                rf"|(?:à|a)[ \t]+(?:J|D)[ \t]*\+?\d{{1,3}}(?!\d)"  # "passées de 165 G/L à J1 à 44 G/L à J15"
                                rf"|(?:en|in|im|a|em|di)[ \t]+{MONTH_NAME}"  # "passées de 180 G/L en mars à 42 G/L ce jour": a month as the label
                                # "scese da 180.000/mmc a inizio mese a 61.000/mmc": the start of the month, or of the week, as the first value's label
                                rf"|(?:a|ad|al|au|à|no|em|am|a[ \t]+principios[ \t]+de)[ \t]+{START_OF}"
                                rf"(?:[ \t]+(?:{START_OF_LINK}|van[ \t]+de))?[ \t]+{PERIOD_NAME}"
                                # "scese da 210.000/mmc al basale a 58.000/mmc": the baseline as the first value's label
                                rf"|(?:al|au|à|en|em|am|bei|op|no|na)[ \t]+(?:la[ \t]+|le[ \t]+|o[ \t]+)?(?:basale|baseline|basal|base|inicio|início|d[ée]but|Beginn|start)))?"
                                rf"[ \t]+(?P<to>à|a|auf|naar|para|até|ad)[ \t]+{NUMBER}",
                                re.IGNORECASE)
FOREIGN_CHANGE_RE = re.compile(r"(?i)\b(?:(?:remont|descend|chut|baiss|augment|diminu|pass)(?:é|ée|és|ées|u|ue|us|ues)|pas(?:aron|ó)|"
                               r"pass(?:aram|ou|arono|ati|ate)|(?:baj|sub|descend|aument|disminu)(?:ad[oa]s?|id[oa]s?|ó|ió|yó|aron|ieron|yeron)|"
                               r"ca[íi]ram|caiu|subiram|subiu|baixaram|scesi|scese|saliti|salite?|calati|calate?|risalit[ei]|aumentat[ei]|diminuit[ei]|"
                               r"gesunken|gestiegen|gefallen|abgefallen|angestiegen|gedaald|gestegen|gezakt|opgelopen)\b")


def _foreign_to_step(text: str, filler: str, end: int) -> tuple[re.Match | None, bool]:
    """The value a change told in another language reached, after the value it started from (see FOREIGN_TO_STEP_RE), and
    whether the two values are the ends of a range instead ("plaquetas de 150 a 400")."""
    step = FOREIGN_TO_STEP_RE.match(text, end)
    if step is None:
        return None, False
    if not (step.group("label") or step.group("to").lower() in ("auf", "naar") or FOREIGN_CHANGE_RE.search(filler)):
        return None, True
    return step, False


# A verb of being after a pronoun, in the languages read ("elles étaient à 64", "sie lagen bei 5,6", "ze zijn 58").
PRONOUN_BE = r"est|sont|[ée]tait|[ée]taient|ist|sind|war|waren|lag|lagen|liegt|liegen|est[áa]n?|estaban?|eran?|[èe]|sono|erano|era|zijn|waren|is|was|estavam|estava|est[ãa]o?"
# A later value told in the next sentence by a pronoun and a verb of change: "the platelet count was 3 × 10⁹/L. After
# dexamethasone 40 mg for 4 days, it recovered to 89 × 10⁹/L". The pronoun must start its clause; no other name, no other
# measured thing and no number but a dose or a time may stand between.
LATER_PRONOUN_RE = re.compile(rf"(?P<gap>[^\n]{{0,110}}?)(?:^|(?<=[.,;])|(?<=[.,;]\s)|(?<=\s[—–]\s)|\s(?:and|then|but|et|mais)\s)\s*(?P<when>(?:[^,;.\n\d]|\d{{1,3}}(?=\s+(?:days?|weeks?|wks?|months?|hours?|hrs?)\b|\s*(?:u|units?|pools?|bags?)\b)|\d{{1,2}}\.?\s+{MONTH_NAME}|"
                              rf"{MONTH_NAME}\s*\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?){{0,30}}?)"
                              rf"(?:(?:it|they)\s+(?:(?:has|have|had)\s+)?(?:{CHANGE_VERB}\w*\s+(?:back\s+|up\s+|down\s+)?to|(?:came|come)\s+back\s+(?:at|to)|"
                              rf"(?:came|come|gone|went)\s+(?:up|down)\s+to)|"
                              # a verb of being, when a word of now says the value is the current one: "this morning it's 9.1",
                              # "it is now 56", "ce matin elle est à 9,0"
                              rf"(?P<be>(?:it|they)(?:['’]s|['’]?re|\s+(?:is|are|was|were))|(?:elle|il|elles|ils|sie|er|es|ellas|ellos|ella|zij|ze|het|elas|eles|ela)\s+"
                              rf"(?:{PRONOUN_BE}))(?:\s+(?:now|maintenant|jetzt|ahora|adesso|nu|agora))?(?:\s+(?:at|à|bei|en|a|op|em|(?:back\s+)?(?:up|down)\s+to|back\s+to))?)\s+"
                              rf"(?:(?:a|an)\s+(?:nadir|low|peak)\s+of\s+)?{NUMBER}", re.IGNORECASE)
OTHER_MEASURE_RE = re.compile(r"(?i)\b(?:temp\w*|fever|pyrexia|weight|pressure|bp|pulse|heart|creatinine|potassium|sodium|glucose|crp|ferritin|"
                              r"bilirubin|alt|ast|inr|lactate|dose(?!\s+of\b)|dosing|score|count\s+of|ratio|saturation|sats?)\b")
GAP_NUMBER_RE = re.compile(r"(?<![/\d])\d+(?:[.,]\d+)?")  # not a date's second part ("on 4/12 it was 72")


PRONOUN_VERB_RE = re.compile(rf"\s+(?:(?:has|have|had)\s+)?(?:{CHANGE_VERB}|(?:came|come|gone|went)\s+(?:back|up|down))|"
                             rf"(?:['’]s|['’]?re|\s+(?:is|are|was|were|{PRONOUN_BE}))\s+(?:(?:now|maintenant|jetzt|ahora|adesso|nu|agora)\s+)?"
                             r"(?:(?:at|à|bei|en|a|op|em|(?:back\s+)?(?:up|down)\s+to|back\s+to)\s+)?\d")
PRONOUN_START_RE = re.compile(r" (?:it|they|elles?|ils?|sie|er|es|ella|ellos|ellas|zij|ze|het|elas?|eles)(?=" + PRONOUN_VERB_RE.pattern + ")")


def pronoun_change_starts(lowered: str) -> list[int]:
    """Where a pronoun and a verb of change (or of being, before a number) start in a lower-cased text (one scan from the
    space before the pronoun: fast on a long text)."""
    return [found.start() + 1 for found in PRONOUN_START_RE.finditer(lowered)]


# A name of a count before one of these names a blood product, not the count: "they gave me a platelet transfusion".
PRODUCT_AFTER_NAME_RE = re.compile(r"[ \t]+(?:transfusions?|pools?|units?|bags?|products?|concentrates?|infusions?|packs?)\b", re.IGNORECASE)


def _names_a_count(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a count, not a blood product ("a platelet transfusion")."""
    return any(not PRODUCT_AFTER_NAME_RE.match(text, name.end()) for name in ANALYTE_RE.finditer(text, start, end))


def _last_sentence_end(text: str, start: int, end: int, default: int) -> int:
    """Where the last sentence that ends in text[start:end] ends (`default` when none does): "… blood. Yesterday (Thursday)
    they checked again and it was 8.8" is told from "Yesterday" on."""
    ends = [m.end() for m in SENTENCE_END_RE.finditer(text, start, end)]
    return ends[-1] if ends else default


WHEN_TOLD_RE = re.compile(r"(?i)\b(?:yesterday|yday|yest|last\s+night|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                          r"(?:an?|one|two|three|\d{1,2})\s+(?:hours?|days?)\s+(?:ago|later)|"
                          r"(?:after|post)\s+(?:an?\s+|one\s+|two\s+|\d{1,2}\s*)(?:u|units?|pools?|bags?|transfusions?)\b|"  # "after 1u it's 10.3"
                          r"on\s+the\s+[a-z]+(?:st|nd|rd|th)\s+of\s+[a-z]+|on\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"eleventh|twelfth|\w+teenth|twentieth|\w+ty-\w+|thirtieth)(?:\s+of\s+[a-z]+)?|on\s+\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|"
                          rf"on\s+{MONTH_NAME}\s*\d{{1,2}}(?:st|nd|rd|th)?|on\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME})\b")
# ("on the tenth of March they were 61", "on 4/12 it was 72", "on Mar 17 they were 98")
# A treatment the later value came after, anywhere in its sentence: "after 4 days of dex and one dose of ivig they're 87".
AFTER_TREATMENT_TOLD_RE = re.compile(r"(?i)\bafter\s+(?:[\w-]+\s+){0,6}?(?:ivig|dex\w*|steroids?|pred\w*|g-?csf|filgrastim|romiplostim|eltrombopag|transfusions?)\b")
MONTH_BEFORE_NUMBER_RE = re.compile(rf"(?i){MONTH_NAME}[ \t]*$")  # "Mar 17": a date's day, no value


def _later_by_pronoun(text: str, position: int) -> re.Match | None:
    """A later value of a series told by a pronoun in the next clause or sentence (see LATER_PRONOUN_RE)."""
    later = LATER_PRONOUN_RE.match(text, position)
    if later is None:
        return None
    gap_end = later.end("when")  # all that stands before the pronoun
    gap = text[position:gap_end]
    if later.group("be") and not CURRENT_MARK_RE.search(text, later.start("when"), min(len(text), later.end() + 20)) \
            and not WHEN_TOLD_RE.search(text, min(later.start("when"), _last_sentence_end(text, position, later.end("when"), later.end("when"))), later.end("when")) \
            and not AFTER_TREATMENT_TOLD_RE.search(text, _last_sentence_end(text, position, later.end("when"), position), later.end("when")):
        # "it is 5 days since": a verb of being gives a value only with a word of now, or with the time it was taken ("Yesterday
        # afternoon it was 9.0", "on Thursday it was 4.2")
        return None
    if SUPPOSED_BEFORE_RE.search(text, max(0, later.end("when") - 12), later.end("when")):
        return None  # "he'll need IVIG if they fall to 20": a supposition
    # a sentence more between only to say the count was repeated ("Repeated at the GP;") or a treatment given ("they gave me a
    # platelet transfusion and IVIG.")
    ends = len(SENTENCE_END_RE.findall(gap))
    if ends > 2 or ends == 2 and not (RECHECK_HINT_RE.search(gap) or TREATMENT_BETWEEN_RE.search(gap)) or _names_a_count(text, position, gap_end) or OTHER_MEASURE_RE.search(gap) \
            or TARGET_BEFORE_RE.search(text, position, gap_end) \
            or any(not NOT_A_VALUE_RE.match(text, position + number.end()) and not TIME_NUMBER_AFTER_RE.match(text, position + number.end())
                   and not MONTH_BEFORE_NUMBER_RE.search(gap, 0, number.start()) for number in GAP_NUMBER_RE.finditer(gap)):  # a dose or a date may stand between ("Le 17 mars elles étaient à 64")
        return None
    return later


# A white count's value split by a space into thousands with no unit after it ("Globules blancs à 2 300, neutrophiles à 1 100"):
# a white count of hundreds is no second value, so the two groups are one number (platelets are never joined: "PLT 45 120").
WHITE_COUNTS = ("wbc", "anc", "alc")
SPACED_THOUSANDS_RE = re.compile(r" \d{3}(?![\d.,·]?\d)(?=[ \t]*(?:[,;)]|\.(?:\s|$)|$|[ \t]+[^\d\s.,]))")


# Where a value of a series says when it was taken: "133 (today), 171 two weeks ago" is read on 133.
# A conjunction in any language read ends a label: what follows it labels the next value ("0,8 y al alta 1,7").
LABEL_CUT_RE = re.compile(rf"[,;\n]|\.(?:\s|$)|[ \t][—–-][ \t]|{ARROW}|\b(?:came|then|now|today|this\s+morning|and|but|back|drops?|dropped|fell|falls?|down|rose|recover\w*|"
                          r"improv\w*|climb\w*|repeat|y|et|e|und|pero|mais|aber|maar|ma)\b")


# Cheap test that a later value of the same series may follow (the full TREND_STEPS pattern is slower).
TREND_MARKS = (*ARROW_TOKENS, ">", "(", "/", ":", "@")
TREND_WORDS = ("came", "now", "today", "morning", "drop", "then", "puis", "ensuite", "luego", "despu", "poi", "dann", "daarna", "depois", "back", "fell", "fall", "down", "rose", "recover", "improv",
               "increas", "decreas", "repeat", "redraw", "check", "re-draw", "yesterday", "last", "on ", "earlier", "previous", "baseline", "before", "prior", "pre",
               "admission", "discharge", "diagnosis", "presentation", "screening", "follow", "alta", "sortie", "dimiss", "entlass", "day", "week", "by ",
               # words of a time relative to now (RELATIVE_TIME)
               "this", "tonight", "ago", "ieri", "oggi", "stama", "stase", "ayer", "hoy", "esta", "hier", "ce ", "aujourd", "gestern", "heute",
               "gisteren", "vandaag", "ontem", "hoje",
               "in ", "en ", "im ", "em ", "op ",
               # a week's or a weekday's short label after a value ("0.6 wk 8", ".9 sat, 1.6 sun")
               "wk", "mon ", "mon,", "tue", "wed ", "wed,", "thu", "fri ", "fri,", "sat ", "sat,", "sun ", "sun,",
               *(f"{mark} {day} " for mark in (",", " –", " -") for day in ("mo", "di", "mi", "do", "fr", "sa", "so")),  # ... and the German short
               # days ("Mo 88, Mi 64", "Mo 3,8 – Mi 2,9")
               # ... and the other words of VALUE_TIME_LABEL
               "yest", "yday", "día", "dia", "jour", "tag", "giorno", "dag", "am ", "le ", "el ", "il ", "às", "à ", "bei", "bij", "na ", "at ", "d+", "latest",
               # verbs of change in the other languages ("após 2 CH subiu para 9,3")
               "subi", "caiu", "caír", "cair", "baixou", "desceu", "remont", "stieg", "sank",
               # a repeat in the other languages ("contrôle à 8,9", "Kontrolle bei 61")
               "contr", "kontroll")  # ... and a month's preposition: "1.6 in January, 0.9 in March"


def _by_first_letter(words: tuple[str, ...]) -> str:
    """Literal words as one alternative per first letter ('t(?:oday|hen)|n(?:ow)'): the same words, but a scan tries one
    branch per letter instead of every word (only for speed)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Every mark of two characters ends in '>', itself a mark, so one character class tests all the marks.


def _comma_then_number(text: str, scan: int) -> bool:
    """Whether ", " and a digit come within 24 characters after `scan`, or ", " and a day's label, then a number ("7,1 g/dL, à J5 9,3")."""
    comma = text.find(", ", scan, scan + 24)
    if comma < 0:
        return False
    after = text[comma + 2:comma + 3]
    return after.isdigit() or after in DAY_LABEL_STARTS and DAY_LABEL_STEP_RE.match(text, comma + 2) is not None


DAY_LABEL_STARTS = "JDàaAoOeEn"  # the letters DAY_LABEL_STEP_RE may start with (a cheap test first)
DAY_LABEL_STEP_RE = re.compile(r"(?:(?:à|a|au|at|on|el|al|am|op|em|no)[ \t]+)?[JD][ \t]*\+?\d{1,3}[ \t]+\d")


TREND_HINT_RE = re.compile("[" + "".join(re.escape(token[-1]) for token in TREND_MARKS) + "]|" + _by_first_letter(TREND_WORDS) + r"|(?<=\d)[ \t]+\.\d")


# A name used for a blood product or a treatment, not a count: "the platelet transfusion", "a red cell unit".
PRODUCT_AFTER_RE = re.compile(r"\s+(?:transfusions?|infusions?|support|pools?|bags?|units?|products?|concentrates?)\b", re.IGNORECASE)


# ... or after an amount of it: "1 unit platelets given", "two bags of platelets".
PRODUCT_BEFORE_RE = re.compile(r"(?i)(?:\d+|one|two|three|a|an)[ \t]*(?:units?|u|bags?|pools?|packs?|doses?|adult[ \t]+doses?)[ \t]+(?:of[ \t]+)?$")


def _names_a_product(text: str, name: re.Match) -> bool:
    """Whether an analyte's name names a blood product, not a lab ("1 unit platelets given", "platelet transfusion")."""
    return PRODUCT_AFTER_RE.match(text, name.end()) is not None \
        or text[name.start() - 2:name.start()] in PRODUCT_BEFORE_ENDS and PRODUCT_BEFORE_RE.search(text, max(0, name.start() - 16), name.start()) is not None


PRODUCT_WORDS = ("transfus", "infus", "support", "pool", "bag", "unit", "product", "concentrate", "pack", "dose", "u ")  # PRODUCT_AFTER_RE's and PRODUCT_BEFORE_RE's
PRODUCT_BEFORE_ENDS = {f"{letter}{space}" for letter in "tsglkeuTSGLKEU" for space in " \t"}  # how PRODUCT_BEFORE_RE's words end (a cheap test first)


def _trend_hinted(text: str, lowered: str, scan: int, name_starts: list[int]) -> bool:
    """Whether a later value of the series may follow `scan` (TREND_HINT_RE within 36 characters), before the next analyte
    name that names a lab: a series never runs on past another lab's name ("plt 45 below the 50 cut-off, Hb 9,1 g/dL")."""
    stop = lowered.find(". ", scan, scan + 36)
    hint = TREND_HINT_RE.search(lowered, scan, scan + 36 if stop < 0 else stop)
    if hint is None:
        return False
    following = bisect_left(name_starts, scan)
    return following == len(name_starts) or name_starts[following] > hint.start() \
        or not _names_a_lab(text, name_starts[following], hint.start() + 1)


def _next_row(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] runs into the next line of a table, which opens with a word ("Leukozyten 2,9 /nl (4,0 - 10,0) ↓"
    over "Erythrozyten 3,4": the arrow flags the row, and the next row is another test's)."""
    newline = text.find("\n", start, end)
    return newline >= 0 and ROW_START_RE.match(text, newline + 1, end) is not None


ROW_START_RE = re.compile(r"[ \t]*[^\W\d_][^\W\d_.]{2,}")
DATE_BEFORE_BRACKET_CLOSE_RE = re.compile(r"[ \t]+on[ \t]+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:day|d)[ \t]*\d{1,3})(?=\))", re.IGNORECASE)


def _names_a_lab(text: str, start: int, end: int) -> bool:
    """Whether an analyte name stands in text[start:end] as a lab, not as a blood product ("before the platelet transfusion")."""
    return any(not _names_a_product(text, name) for name in ANALYTE_RE.finditer(text, start, end))


# -- a later value told in running prose ----------------------------------------------------------------------
# When no pattern of a series matches, a bare number later in the same sentence is the same count's later value if nothing
# else can claim it: the words between name no other analyte or measure, state no threshold, goal or supposition, and hold
# a mark of a series (a separator, a conjunction, an arrow or a word of time); the number is no time, no dose, no range and
# no value of a name after it, and is of the count's magnitude. "My neutrophil counts have been 1.9, 1.5 and now 1.1",
# "hb 5.9 yday, 7.4 after 2u, today 7.1", "scesi da 1.800 a 900/mm3 in una settimana; il controllo di oggi mostra 700/mm3".
LATER_REACH = 90  # characters after the value looked at
PROSE_NUMBER_RE = re.compile(r"(?<![\w.,/:^*+#-])\d+(?:[.,]\d+)*(?![.,/:]?\d)(?![a-jl-zA-JL-Z_^-])")  # "4B", "2-week", "10^9/L": no value
SERIES_CUE_RE = re.compile(rf"[,;]|{ARROW}|\s[-–—]\s|\b(?:and|then|now|today|yesterday|yest|yday|tonight|this|latest|repeat\w*|recheck\w*|post|after|"
                           r"rechecked|et|puis|y|luego|e|poi|und|dann|en|daarna|ce|hoy|oggi|heute|vandaag|hoje|ontem|ieri|ayer|hier|gestern|"
                           r"gisteren|mon|tue|wed|thu|fri|sat|sun|\w+day)\b", re.IGNORECASE)
NOT_SERIES_GAP_RE = re.compile(r"(?i)[<>≤≥=]|\b(?:if|unless|when(?!\s+(?:he|she|they|i|we|it)\s+(?:\w+ed|began|was|were|came|went|had)\b)|whenever|once|should|would|could|might|below|under|above|"
                               r"over(?!\s+(?:the\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|hours?|night|weekend)\b)|less|more|"
                               r"than|least|most|target\w*|goal|aim\w*|threshold|trigger\w*|cut-?off|keep|maintain|need\w*|requir\w*|"
                               r"hold|stop|resume|restart|transfuse|give|consider|normal|ref\w*|range|lln|uln|wnl|limits?|(?:low|lower|high|upper)\s+end|median|mean|average|"
                               r"patients?|pts|cohort|trial|study|grade|g[1-4]|ctcae|vers(?:ion[es]?|ão|ión|ie)|age|aged|years?|yo|kg|mg|dose|cycles?|temp\w*|fever|"
                               r"bp|pulse|hr|rr|sats?|spo2|ldh|retic\w*|haptoglobin|ferritin|crp|inr|ptt?|fibrinogen|creatinine|bilirubin|"
                               r"alt|ast|glucose|sodium|potassium|hct|hematocrit|haematocrit|mcv|rbc|eos\w*|mono\w*|baso\w*|blasts?|"
                               # "unter 50" is a threshold; "unter Ipilimumab", "sous pembrolizumab" a treatment
                               r"si|(?:sous|sotto|unter|onder|bajo)(?![ \t]+(?:[\w-]*mab\b|immun\w*|th?[ée]?rap\w*|keytruda|opdivo|yervoy|tecentriq|imfinzi|bavencio|"
                               r"libtayo|pembro\w*|nivo\w*|ipi\w*|atezo\w*|durva\w*|pred\w*|dexa\w*|steroid\w*|cortico\w*|kortiko\w*))|debajo|menos|menor|sopra|über|boven|encima|seuil|soglia|umbral|limiar|grenze|"
                               r"drempel|objectif|objetivo|obiettivo|ziel|doel|wenn|falls|als|se(?!\s+(?:transfund\w*|administr\w*|inici\w*|realiz\w*|suspend\w*|pauta\w*|dio|dieron|da|dan|pone|puso))|caso|"
                               r"his|her|their|husband|wife|sister|brother|mother|father|friend|donor|"
                               r"lactate|lac|pct|procalcitonin|ph|albumin|tsh|cortisol|k|(?-i:Na)|cr|bun|t|fiebre|fièvre|febbre|"  # sodium's "Na", not Dutch "na"
                               r"fieber|koorts|febre|[nlmbp]|"
                               # a change's size, a count word starting another name, a bed or a room
                               r"(?:down|up)(?!\s+to\b)|by|of|rise|rose|fell|fall|drop\w*|increas\w*|decreas\w*|count|bed|cama|lit|letto|bett|room|rm|"
                               r"box|sala|quarto|kamer|zimmer|chambre|acima|abaixo|dessus|dessous|inf[ée]rieure?s?|sup[ée]rieure?s?|"
                               r"inferior\w*|superior\w*|mayor|maior|minder|meer|weniger|mehr|più|meno|plus|moins)\b"
                               r"|[(\[][^)\]]*$|[)\]]|°|[\x22|\t]")  # a bracket opened or closed, a table's cells
TIME_NUMBER_BEFORE_RE = re.compile(r"(?i)(?:(?<![ºª°]\s)(?<!\de\s)(?<!\d(?:st|nd|rd|th)\s)\b(?:day|d|dag|d[íi]a|jour|j|tag|giorno|wk|week|week|cycle|c|cure|ciclo|zyklus|kuur|"
                                   r"on|le|el|il|am|op|em|del|al|à|às|at|@|um|om|alle|las|h)\s*[+#]?|[/:.]|\d[ \t]*)$")
TIME_NUMBER_AFTER_RE = re.compile(rf"(?i)(?:[/:]\d|\.\d{{1,2}}\.|[ºª°]\s*(?:dia|día|d|jour|giorno|tag|day|ciclo|cycle|semana)|\s*(?:st|nd|rd|th|h|uur|uhr|hrs?|hours?|[ \t]*(?:de[ \t]+)?{MONTH_NAME}|"
                                  r"days?|d[íi]as?|jours?|tage?n?|giorni|dagen|weeks?|wks?|semaines?|semanas?|settimane|wochen|weken|"
                                  r"months?|mois|meses|mesi|monate?n?|maanden|years?|ans|años|anni|jahre?n?|jaar)\b)")


def _restated(analyte: str, last_step: tuple, step: re.Match, unit_text: str, text: str) -> bool:
    """Whether the next number of a series, with no unit of its own, is the last value again in the analyte's canonical unit
    ("84 g/L … 8.4")."""
    if LATER_UNIT_RE.match(text, step.end()):
        return False
    number = read_number(last_step[0], unit_text)[0]
    canonical = to_canonical(analyte, number, unit_text)[0]
    return canonical is not None and canonical != number and abs(canonical - parse_number(step.group("num"))) < 1e-9


HEMATOCRIT_AFTER_RE = re.compile(r"/\s*(\d{2}(?:[.,]\d)?)(?![\d/])")
GRADE_ASIDE_RE = re.compile(r"(?i)[ \t]*\(\s*(?:CTCAE\s+)?(?:grade|grado|grad|graad|grau|gr\.?|G)\s*[0-5]"
                            r"(?:\s*,?\s*(?:per|on|by|under|in)?\s*(?:CTCAE\s*)?v(?:ersion\s*)?[56](?:\.0)?)?\s*\)")  # "(grade 3 per v5)"


YEAR_BEFORE_RE = re.compile(r"(?i)\b(?:in|since|of|during|from|until|back\s+in|the|year)\s+$")


def _year_in_prose(text: str, number: re.Match) -> bool:
    """Whether a number of prose is a year: "in 2019", "the 2019 course"."""
    return YEAR_RE.fullmatch(number.group(0)) is not None and YEAR_BEFORE_RE.search(text, max(0, number.start() - 12), number.start()) is not None


def _told_later(text: str, lowered: str, scan: int, next_name: int, last_step: tuple, unit_text: str | None) -> re.Match | None:
    """The same count's later value told in running prose after the value that ends at `scan` (the series' last step, in
    `unit_text`), before the next name (at `next_name`) and within LATER_REACH, or None. `lowered` is the text in lower case."""
    stop = scan + LATER_REACH if scan + LATER_REACH < next_name else next_name
    position, first = scan, None
    while first is None:  # the first number before the sentence ends (a scan for its first character, then the number)
        mark = DIGIT_OR_STOP_RE.search(text, position, stop)
        if mark is None or not mark.group().isdigit():
            return None
        first = PROSE_NUMBER_RE.match(text, mark.start())
        position = first.end() if first else mark.end()
        if first and _year_in_prose(text, first):
            first = None  # "were 0.5 in the 2019 chemo course; now 2.3": a year, not the next value
    if "grad" in lowered[scan:first.start()]:
        return None  # a grade named first, the commonest case in a text about grades (see NOT_SERIES_GAP_RE)
    sentence_end = SENTENCE_STOP_RE.search(text, first.end(), stop)
    if sentence_end:
        stop = sentence_end.start()
    last_value = read_number(last_step[0], unit_text)[0] * (1000 if last_step[1] else 1)
    for number in PROSE_NUMBER_RE.finditer(text, first.start(), stop):
        gap = text[scan:number.start()]
        if "(" in gap:
            gap = DATE_BRACKET_RE.sub(",", gap)
        if "tudy" in gap or "rial" in gap:
            gap = STUDY_TIME_RE.sub(" ", gap)  # "on Study Day 64" is a time
        if "most of" in gap or "whole" in gap:
            gap = WHOLE_TIME_IN_GAP_RE.sub(" ", gap)  # "Hb 8 most of the week, 7.4 this morning": how long the value held
        if "mg" in gap or "mcg" in gap or "/kg" in gap:
            gap = DOSE_IN_GAP_RE.sub(" ", gap)  # "plt 12, dex 40 mg x4d, now 87": a dose given between the values
        if NOT_SERIES_GAP_RE.search(gap):
            return None  # what it finds stays in the gap of every number after this one
        time_before = TIME_NUMBER_BEFORE_RE.search(text, max(scan, number.start() - 8), number.start()) \
            if not CLOCK_BEFORE_RE.search(text, max(scan, number.start() - 10), number.start()) else None  # "at 1400 41": the clock labels it
        if time_before and DECIMAL_RE.search(number.group(0)) and PREPOSITION_ONLY_RE.fullmatch(time_before.group(0)) \
                and not (DAY_MONTH_RE.fullmatch(number.group(0)) and text[number.end():number.end() + 1] == "."):  # (but "am 17.02." is a date)
            time_before = None  # "contrôle à 9,1", "at 8.4": a preposition before a decimal number is no time's
        if _year_in_prose(text, number) or time_before and (not DATE_PREPOSITION_ONLY_RE.fullmatch(time_before.group(0)) or DAY_OF_MONTH_RE.fullmatch(number.group(0))) \
                or TIME_NUMBER_AFTER_RE.match(text, number.end()) or NOT_A_VALUE_RE.match(text, number.end()) \
                or len(number.group(0)) == 4 and FOUR_DIGIT_CLOCK_RE.fullmatch(number.group(0)) and CLOCK_THEN_REPEAT_RE.match(text, number.end()):
            continue  # "on 3/18", "day 3", "at 20h", "14 April", "in three weeks", "1400 recheck": a time; "2 CH", "2u": a treatment
        own_label_end = CLAUSE_END_RE.search(gap)  # "6 yesterday before 1 pool, 18 after it": "yesterday" is the 6's own label
        if not SERIES_CUE_RE.search(gap) or _names_a_lab(text, scan, number.end()) \
                or EARLIER_GAP_RE.search(gap, own_label_end.end() if own_label_end else 0) and not CURRENT_AFTER_STEP_RE.match(text, number.end()) \
                and not (own_label_end and CURRENT_MARK_RE.search(gap, own_label_end.end())):  # "…, the nurse called today and said the repeat was 47"
            return None
        last_word = LAST_WORD_RE.search(gap)
        if last_word and not WORD_BEFORE_LATER_RE.fullmatch(last_word.group(1)) and not SERIES_CUE_RE.fullmatch(last_word.group(1)) \
                and not AFTER_EVENT_END_RE.search(gap) and not EVENT_END_RE.search(gap) and not _after_treatment(gap) \
                and not (last_word.group(1).lower() in ("was", "were") and own_label_end and CURRENT_MARK_RE.search(gap, own_label_end.end())) \
                and not (gap.rstrip(" \t").endswith(",") and CURRENT_AFTER_STEP_RE.match(text, number.end())):  # "188 when he started, 41 now"
            return None  # "réticulocytes 4", "VCM 99": a number after a word no series has before its values is that word's
        step = NUMBER_STEP_RE.match(text, number.start())
        if step is None or NOT_A_VALUE_RE.match(text, step.end()) or RANGE_AFTER_RE.match(text, step.end("num")) \
                or text.startswith("°", step.end("num")) or text[step.end("num"):step.end("num") + 2].strip().startswith("°"):
            return None
        after = text[step.end():step.end() + 40].lstrip(" \t(")
        if ANALYTE_RE.match(after) or (UNIT_AFTER_STEP_RE.match(text, step.end()) and ANALYTE_RE.match(
                text[UNIT_AFTER_STEP_RE.match(text, step.end()).end():].lstrip(" \t"))):
            return None  # "…, 45 platelets": the value of the name after it
        unit_after = UNIT_AFTER_STEP_RE.match(text, step.end())
        value = read_number(step.group("num"), unit_after.group(0).strip() if unit_after else None)[0] * (1000 if step.group("kilo") else 1)
        if last_value and not (last_value / 30 <= value <= last_value * 30):
            return None  # another kind of number (a count per microlitre after one per nanolitre is told with its unit)
        if any(word in lowered[scan:stop + 60] for word in RESPECTIVELY_WORDS) and not TIMES_RESPECTIVELY_RE.match(text, step.end()):
            return None  # "platelets 54 and 38, grade 3 and 3 respectively": two patients' values, no series (but "152, 104 and
            # 66 on D1, D8 and D15 respectively" is one series, in the order of its times)
        return step
    return None


NUMBER_STEP_RE = re.compile(NUMBER, re.IGNORECASE)
TIMES_RESPECTIVELY_RE = re.compile(r"(?i)(?:[^\n.;]|\.\d){0,30}?\b(?:on|at|in)\s+(?:(?:days?|d|weeks?|wks?|w|cycles?|c)\s*\+?\d{1,3}|\d{1,2}/\d{1,2})"
                                   r"(?:\s*(?:,|and|&)\s*(?:(?:days?|d|weeks?|wks?|w|cycles?|c)\s*)?(?:\+?\d{1,3}|\d{1,2}/\d{1,2}))+,?\s+respectively\b")
WHOLE_TIME_IN_GAP_RE = re.compile(r"(?i)\b(?:most\s+of|the\s+whole)\s+(?:the\s+|this\s+|last\s+)?(?:week|day|stay|admission|month|cycle)\b")
CLOCK_BEFORE_RE = re.compile(r"(?i)(?:\bat|@)[ \t]*(?:[01]\d|2[0-3])[0-5]\d[ \t]+$")  # "at 1400 41": a clock of four digits, the value's label
DOSE_IN_GAP_RE = re.compile(r"(?i)(?<![\w.,])\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|g(?=[ \t]*/[ \t]*kg))(?:[ \t]*/[ \t]*kg(?:[ \t]+KG\b)?)?(?:[ \t]*(?:x|×|for)[ \t]*\d{1,2}[ \t]*(?:d|days?)\b)?")
DAY_LIST_BEFORE_RE = re.compile(r"(?i)\b(?:days|weeks|wks|cycles|visits)\s+\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*\s*(?:,|and|&)\s*$")
# A gap that ends with an event ("…, bei Entlassung 9,3") or a treatment given ("…, nach Transfusion von 2 EK 8,9").
EVENT_END_RE = re.compile(EVENT_LABEL + r"[ \t]*:?[ \t]*$", re.IGNORECASE)
TRAILING_AMOUNT_RE = re.compile(r"(?<![\w.,])\d+(?=[ \t]*-?[ \t]*[^\W\d][\w-]*(?:[ \t]+[^\W\d][\w-]*)?[ \t]*$)")  # "2 EK", "1 apheresis unit"


# A steroid named right before a number with no unit, which is then its dose: "after dex 40 x4d", "pred 60".
DRUG_BEFORE_RE = re.compile(r"(?i)\b(?:dex(?:a|amethasone)?|pred(?:nisone|nisolone)?|methylpred\w*|solu-?medrol)[ \t]*(?:dose[ \t]*)?:?[ \t]*$")


def _after_treatment(gap: str) -> bool:
    """Whether `gap` ends with an amount of a treatment: "…, nach Transfusion von 2 EK"."""
    amount = TRAILING_AMOUNT_RE.search(gap)
    return amount is not None and NOT_A_VALUE_RE.match(gap, amount.end()) is not None


STUDY_TIME_RE = re.compile(r"(?i)\b(?:study|trial)\s+(?=(?:day|week|wk|visit)\b)")  # a protocol's time: the day is what counts
FOUR_DIGIT_CLOCK_RE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
CLOCK_THEN_REPEAT_RE = re.compile(r"(?i)[ \t]*(?:[:=]|(?:re-?check|repeat|rpt|re-?draw|re-?count)\w*\b)")  # "1400 recheck 29", "1400: 29"
PREPOSITION_ONLY_RE = re.compile(r"(?i)(?:on|le|el|il|am|op|em|del|al|à|às|at|um|om|alle|las)\s*")  # (TIME_NUMBER_BEFORE_RE's prepositions)
DECIMAL_RE = re.compile(r"\d[.,]\d{1,2}$")
DAY_MONTH_RE = re.compile(r"\d{1,2}\.\d{2}")
# Portuguese "em" makes a number a day only when it can be one: "em 12", but not "estão em 74.000" (a value's preposition too).
DATE_PREPOSITION_ONLY_RE = re.compile(r"(?i)em\s*")
DAY_OF_MONTH_RE = re.compile(r"0?[1-9]|[12]\d|3[01]")
CLAUSE_END_RE = re.compile(r"[,;]|\b(?:and|then|but|y|et|und|e|pero|mais|aber|ma)\b")  # where a value's own label ends
# An earlier value told after the current one is left out, not ordered ("0.31, previously 0.6"), unless the number after the
# word of the past is said to be current ("hgb 10.4 yest 9.1 today").
EARLIER_GAP_RE = re.compile(r"(?i)\b(?:previous(?:ly)?|prior|before|earlier|baseline|was|were|had|been|ago|yesterday|yest|yday|last|from|vs|"
                            r"versus|compared|gisteren|ayer|ieri|hier|gestern|ontem|avant|antes|prima|vorher|eerder|era|estaba|était|"
                            r"war|waren|pasad[ao]|passat[ao]|passad[ao]|derni[èe]re?|vorige|letzte[nr]?)\b")
# A date or a day in brackets after a value labels it, and marks the next value of a list ("2.1 (3/1) 1.6 (3/8) 0.9 (3/15)").
DATE_BRACKET_RE = re.compile(r"\(\s*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}:\d{2}|(?:day|d|wk|week|c)\s*\+?\d{1,3})\s*\)", re.IGNORECASE)
CURRENT_AFTER_STEP_RE = re.compile(r"(?i)[^\s,;]*[ \t]+(?:today|now|this\s+(?:morning|am)|heute|hoy|oggi|hoje|vandaag|aujourd'hui|ce\s+matin)\b")
# Words that, right after a value, leave no later value to find (each is in NOT_SERIES_GAP_RE: a gap holding it is no series).
NO_SERIES_NEAR_RE = re.compile(r"grad|below|above|under|than|<|>|if ")
RESPECTIVELY_WORDS = ("respectiv", "rispettiv", "beziehungsweise", "bzw.")
SENTENCE_STOP_RE = re.compile(r"\n|[.?!] ")
DIGIT_OR_STOP_RE = re.compile(r"\d|\n|[.?!] ")
LAST_WORD_RE = re.compile(r"([^\W\d]+)[\s:=]*$")
AFTER_EVENT_END_RE = re.compile(r"(?i)\b(?:after|nach|post|après|dopo|despu[ée]s\s+de|após|na|tras(?:\s+(?:las?|los?|el))?)\s+(?:(?:the|a|an|dem|der|la|le|il)\s+)?[\w-]+\s*$")  # "dann nach G-CSF 1,6"
WORD_BEFORE_LATER_RE = re.compile(r"(?i)(?:at|to|is|are|it|they|['’]?s|['’]?re|à|a|auf|op|naar|en|em|de|da|bei|um|am|pm|morning|evening|night|"
                                  r"afternoon|later|afterwards|after|back|came|come|comes|shows?|showed|says|said|reads|reported|mostra|muestra|montre|zeigt|toont|"
                                  r"mostrou|est|sont|está|están|es|è|sono|ist|sind|is|zijn|está|estão|now|only|just|then|and|y|e|et|und|en|"
                                  r"su|sur|sobre|ora|adesso|ahora|agora|maintenant|jetzt|nu|stamattina|matin|mañana|manhã|morgen|abend|"
                                  r"ochtend|avond|sera|soir|tarde|noche|noite|uur|uhr|h|heures?|horas?|ore|"
                                  r"day|dia|día|jour|giorno|tag|dag|"  # "… na admissão; no 5º dia 1,5": an ordinal day's label
                                  r"re-?check|repeat|contr[ôo]le|controllo|kontrolle|control)")  # "transfundido 2 CH; controle 9,0 g/dL": a repeat
UNIT_AFTER_STEP_RE = re.compile(rf"[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z])", re.IGNORECASE)


GARBLED_HINT_RE = re.compile(r"\d[oOlI]|[oOlI]\d")
GARBLED_ANYWHERE_RE = re.compile(r"[oOlI](?:(?<=\d[oOlI])|(?=\d))")  # the same test, faster over a whole text
# A value with letters in it ("1oo", "8O", "7l"): warned about, never guessed.
GARBLED_VALUE_RE = re.compile(rf"(?:{FILLER}){{0,3}}?(?P<token>\d*[oOlI]+\d+[\doOlI]*|\d+[oOlI]+[\doOlI]*)(?![\w.])", re.IGNORECASE)


AMBIGUOUS_AFTER_RE = re.compile(r",\d(?!\d*[ \t]*[\^*])")  # not ",10^9/L", a unit after a CSV comma
AMBIGUOUS_RE = re.compile(r"(?P<token>[\d,.]+)")


# A unit the reader does not know after a value: a power of ten not read ("x10^6/µL") or millions per volume ("Million/uL", "Mio/µl",
# red cells' units), warned about, never guessed.
UNKNOWN_UNIT_RE = re.compile(r"\s*(?P<unit>[x×*]\s*10\s*(?:\^|e|E|\*\*)?\s*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*(?:/\s*\S+)?|(?i:millions?|mio\.?)\s*/\s*\S+)")


def _unknown_unit(analyte: str, text: str, start: int, unknown: re.Match, number_span: tuple[int, int]) -> Mention:
    unit = unknown.group("unit").strip()
    warning = f"{ANALYTE_LABELS[analyte]} given in '{unit}', a unit that was not recognised; not graded. Give it in ×10⁹/L or /µL."
    return Mention(analyte=analyte, value=None, unit=CANONICAL_UNIT[analyte], raw=text[start:unknown.end()], span=(start, unknown.end()),
                   number_span=number_span, comparator=None, native_unit=unit, native_value=0.0, warnings=[warning])


def _unreadable(analyte: str, text: str, start: int, garbled: re.Match) -> Mention:
    token = garbled.group("token")
    warning = (f"{ANALYTE_LABELS[analyte]} '{token}' could not be read as a number; not graded. "
               "Write the value in digits (for example 100).")
    return Mention(analyte=analyte, value=None, unit=CANONICAL_UNIT[analyte], raw=text[start:garbled.end()], span=(start, garbled.end()),
                   number_span=(garbled.start("token"), garbled.end("token")), comparator=None, native_unit="",
                   native_value=0.0, warnings=[warning])


# A range written where a value would be ("Hb 7-8 g/dL") and a goal or threshold named before the name ("target Hb",
# "transfusion threshold: Hb 7"): not a value.
# A range told over a time, then one value with its time: "180-200 throughout, 192 at discharge" (see VALUE_TIME_LABEL).
RANGE_OVER_A_TIME = (r"(?:through(?:out)?(?:\s+(?:the\s+)?(?:admission|stay|week|course|hospitali[sz]ation))?|all\s+(?:along|week|admission|stay)|during\s+(?:the\s+)?(?:admission|stay|week)|"
                     r"for\s+(?:(?:several|many|a\s+few|two|three|\d{1,2})\s+)?(?:months|weeks|days|yrs|years|mos|wks)(?:\s+on\s+[\w/+-]+)?|for\s+(?:a|one|1)\s+(?:year|yr|month|mo)|"  # "90-110 for months on atezo/bev, 84 today"
                     r"(?:most\s+of|the\s+whole)\s+(?:the\s+)?(?:week|day|stay|admission|month)|since\s+(?:ipi|nivo|pembro|atezo|durva|ICI|immunotherapy|treatment|the\s+start)\w*|"
                     r"over\s+(?:the\s+)?(?:admission|stay|week|course)|since\s+(?:cycle|c|day|d|week|wk)\s*\d{1,3}|since\s+(?:starting|beginning|start(?:ing)?\s+of)\s+[\w-]+)")
# A range over a time, then the value at its end: "Platelets stable 180-200 throughout, 192 at discharge" (the time after the range,
# or before it: "Hb stable throughout at 12.4-12.9 g/dL, 12.6 at discharge")
RANGE_THEN_VALUE_RE = re.compile(rf"[ \t]*(?:[-–]|and|to)[ \t]*(?:\d+(?:[.,]\d+)?|\.\d+)(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?"
                                 rf"(?:[ \t]+{RANGE_OVER_A_TIME}{USUAL_CAUSE}?|{USUAL_CAUSE}|(?=[ \t]*[,;])|(?<=[\d\w/])(?=[ \t]*,[ \t]*\d[\d.,]*[ \t]*(?:[^\W\d_]+/[^\W\d_]+[ \t]+)?(?:at|on|by)[ \t]))(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+(?:was|were|is|are)[ \t]+(?:at[ \t]+)?)"
                                 # the value at the range's end: labelled after it ("192 at discharge") or before it ("latest .5", "this week they're 72")
                                 rf"(?P<latest>(?:latest|now|today|currently|current|most\s+recent|this\s+(?:week|wk)(?:[ \t]+(?:they|it)(?:['’]re|['’]s|[ \t]+are|[ \t]+is))?)[ \t]*:?[ \t]*)?{NUMBER}[ \t]*(?:{UNIT})?"
                                 rf"(?(latest)|[ \t]+(?=(?:at|on|by)[ \t]+(?:(?:the[ \t]+)?day[ \t]+of[ \t]+)?(?:discharge|admission|day|the\s+end|follow)|"
                                 rf"on[ \t]+the[ \t]+day[ \t]+(?:she|he|they)[ \t]+(?:went[ \t]+home|left|was[ \t]+discharged|were[ \t]+discharged)|today\b|now\b|"
                                 rf"on[ \t]+(?:this|today)['’]?s?[ \t]+(?:week['’]s[ \t]+)?(?:draw|sample|bloods?|labs?|CBC|FBC)\b|"
                                 rf"this\s+(?:morning|am|a\.m\.)(?!\w)))", re.IGNORECASE)
# A range in words over a time: "Hb 8 to 9 all week" (a dash's range is RANGE_AFTER_RE's).
WORD_RANGE_OVER_A_TIME_RE = re.compile(rf"[ \t]+to[ \t]+\d+(?:[.,]\d+)?(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?[ \t]+{RANGE_OVER_A_TIME}", re.IGNORECASE)
RANGE_AFTER_RE = re.compile(r"(?:-[<≤]?|\s*–\s*[<≤]?|[ \t]+-[ \t]+)\.?\d")  # "50-<75": a band of a grading table ("->" is an arrow)
# "0.5 to <1.0", "50 - <75": the lower bound of a grading band, whatever the words around it
BAND_AFTER_RE = re.compile(r"[ \t]*(?:to|-|–|—)[ \t]*[<≤][ \t]*\d")
# After a dash set off by spaces, a number of units or days is an order or a note, not the top of a range: "WBC 2.0 - 2 units ordered".
DOSE_AFTER_DASH_RE = re.compile(r"[ \t]+[-–][ \t]+\d+(?:\.\d+)?")


def _dose_after_dash(text: str, position: int) -> bool:
    """Whether the number after a dash from `position` counts units or days (so the dash starts no range)."""
    dose = DOSE_AFTER_DASH_RE.match(text, position)
    return dose is not None and NOT_A_VALUE_RE.match(text, dose.end()) is not None
# Three or more values joined by spaced dashes are a series, not a range: "PLT 45 - 61 - 38".
DASH_SERIES_RE = re.compile(r"(?:[ \t]+[-–][ \t]+\d+(?:[.,]\d+)?(?![\d.]|,\d|[ \t]*[-–]\s*\d[\d.,]*\s*%)){2,}")  # (a decimal comma too: "5,2 – 3,8 – 2,6")
DASH_SERIES_VALUE_RE = re.compile(r"\d+(?:[.,]\d+)?")
# Later values of a series after its first, each in a cell of one line: " | 1.1 | 0.8 | 0.52 (most recent)".
PIPED_SERIES_RE = re.compile(r"(?:[ \t]*\|[ \t]*\d+(?:[.,]\d+)?(?![\d/.:-])(?:[ \t]*\([^()\n|\d]{1,20}\))?){2,}(?=[ \t]*(?:\n|$))")
# A name introduced as what is normal or usual: its value is no patient's ("A normal platelet count is about 150 to 400",
# "The usual range for hemoglobin is 12 to 16", "a typical adult WBC is 4-11"); a patient's own usual value is not one of them
# ("Her usual platelets are 250 but today 90").
NORMAL_WORDS = ("normal", "usual", "typical", "healthy", "low end", "lower end", "bottom end")  # the regex is tried only where one of them stands in the 40 characters before
NORMAL_BEFORE_RE = re.compile(r"(?i)(?<!her )(?<!his )(?<!my )(?<!your )(?<!their )(?<!our )\b(?:normal|usual|typical|healthy|(?:the[ \t]+)?(?:low|lower|bottom)[ \t]+end)"
                              r"(?:[ \t]+(?:adult|range|ranges|values?|levels?)){0,2}"
                              r"(?:[ \t]+(?:for|of)(?:[ \t]+(?:the|a|an|your|an[ \t]+adult))?)?[ \t]+$")  # ("the low end for white cells is 4")
# ... unless whose the value after the name is is said: "4 is the low end of normal for white cells and mine is 3.3"
OWNED_BETWEEN_RE = re.compile(r"(?i)\b(?:mine|ours|hers|his|theirs|yours)\b")


def word_starts(lowered: str, word: str) -> list[int]:
    """Where `word` starts in `lowered`, each occurrence, overlapping ones too (the rules check uses it as well)."""
    found, at = [], lowered.find(word)
    while at >= 0:
        found.append(at)
        at = lowered.find(word, at + 1)
    return found


# ... also in French, Spanish, Italian, Portuguese, German and Dutch, where an adjective may follow ("Seuil transfusionnel : Hb 7 g/dL").
TARGET_WORDS = ("target", "goal", "aim", "keep", "maintain", "threshold", "trigger", "cut", "lln", "uln", "lower limit", "upper limit")
# ... and a limit of normal: "our lab's LLN for platelets is 140", "the lower limit for neutrophils is 1.8"
TARGET_WORD = r"(?:target|goal|aim|keep|maintain|threshold|trigger|cut-?off|(?:[LU]LN|(?:lower|upper)\s+limit(?:\s+of\s+normal)?)(?:\s+for)?)(?:\s*:|\s+(?:is|was|of))?\s+(?:an?\s+|the\s+)?"  # ("threshold is Hb 7")
# Found once per text: where each goal phrase ends is where a name that is not a patient value would start.
TARGET_BEFORE_RE = re.compile(first_char_lookahead(TARGET_WORD) + r"\b" + TARGET_WORD, re.IGNORECASE)
# ... also in French, Spanish, Italian, Portuguese, German and Dutch, where the word of a transfusion may follow ("Seuil
# transfusionnel : Hb 7 g/dL"); scanned for only when one of their words is in the text.
FOREIGN_TARGET_WORDS = ("seuil", "cible", "objecti", "umbral", "soglia", "schwelle", "drempel", "limite inf", "límite inf", "untere grenze", "ondergrens", "lin ")
FOREIGN_TARGET_WORD = (r"(?:seuil|cible|objectif|umbral|objetivo|soglia|schwellen?(?:wert)?|transfusionsschwelle|drempel(?:waarde)?|"
                       r"(?:l[íi]mite[ \t]+inf[ée]rieure?|l[íi]mite[ \t]+inferior|limite[ \t]+inferiore)(?:[ \t]+(?:normal|de[ \t]+(?:la[ \t]+)?normalidad|della[ \t]+norma|da[ \t]+normalidade))?|"
                       r"untere[ \t]+grenze|ondergrens|LIN)"  # a lower limit of normal: "la limite inférieure des plaquettes est à 150"
                       r"(?:[ \t]+(?:(?:de|d['’]|di|del|da)[ \t]*)?tra(?:n)?sfusi\w*)?\s*:?\s+"  # "seuil de transfusion Hb 8 g/dL"
                       r"(?:(?:de|d['’]|des|du|la|le|l['’]|el|il|lo|die|der|het|del|della|dei|degli|delle|de[ \t]+las|de[ \t]+los|dos|das|van[ \t]+de)\b\s*)?")
FOREIGN_TARGET_STARTS = ("seuil", "cible", "objecti", "objeti", "umbral", "soglia", "schwelle", "transfusionsschwelle", "drempel",
                         "limite", "límite", "untere", "ondergrens", "lin")  # each name's start ("LIN": the French LLN)
FOREIGN_TARGET_BEFORE_RE = re.compile(first_char_lookahead(FOREIGN_TARGET_WORD) + r"\b" + FOREIGN_TARGET_WORD, re.IGNORECASE)
NAME_PUNCTUATION_RE = re.compile(r"[ \t]*(?:(?:trend|series|results?|values?|levels?)\b[ \t]*)?[#:=]?", re.IGNORECASE)
TIMES_TEN_RE = re.compile(r"\s*[x×*]\s*10")
LATER_UNIT_RE = re.compile(rf"\s*(?:{UNIT})", re.IGNORECASE)


THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[1-9]\d?(?:,\d\d)+,\d{3}")  # also an Indian lakh: "2,10,000"
SEPARATORS_RE = re.compile(r"[,\u00a0\u202f\u2009 ]")
YEAR_RE = re.compile(r"(19|20)\d\d")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float:
    """'2,700', '79 000', '2.7', '2·7', '0,9' -> float (a comma before 1-2 digits, or after a leading 0, is a decimal comma)."""
    if "," in text and not THOUSANDS_RE.fullmatch(text):
        return float(text.replace(",", "."))
    return float(SEPARATORS_RE.sub("", text).replace("·", "."))


# A name with a percent sign, its percentage, then the absolute count in brackets: "NEUT% 71.2 (abs 1.8)".
PERCENT_THEN_ABSOLUTE = rf"(?:abs(?:olute)?\.?|absolute\s+count|#)[ \t]*:?[ \t]*{NUMBER}[ \t]*(?:{UNIT})?"
PERCENT_NAME_THEN_ABSOLUTE_RE = re.compile(rf"[ \t]*%[ \t]*:?[ \t]*\d+(?:[.,·]\d+)?[ \t]*(?:\(?[HL]\)?\*?[ \t]*)?"  # "NEUT% 81.0 H (40-74) [abs 5.91]"
                                           rf"(?:\([ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*\)[ \t]*)?(?:(?P<open>[\(\[])|[,;|]?)"
                                           rf"[ \t]*{PERCENT_THEN_ABSOLUTE}(?(open)[ \t]*[\)\]])", re.IGNORECASE)  # ... or in a cell after: "LYMPH% 7.2 L (20-45)  Abs 0.31"
# Segmented neutrophils named alone ("Segmentados  58 %  2.030 /mm³"), as Spanish and Portuguese reports write them: a number
# after the name is a count only with its unit (else a differential share), and a part of the neutrophils (with the bands) when a
# row of all neutrophils stands beside it.
SEGMENTED_NAME_RE = re.compile(r"(?i)segmentad[oa]s")
# A differential percentage followed by the absolute count: "62% (abs 1.8)", "12 %, absolute 0.5 x10^9/L".
PERCENT_THEN_ABSOLUTE_RE = re.compile(rf"\s*%\s*(?:(?:on|of|in)\s+(?:the\s+)?diff(?:erential)?\s*|"
                                      # "Lymphocytes 8% of WBC 3.6 (abs 0.29)": the share of a white count given with it
                                      rf"of\s+(?:the\s+)?(?:WBC|white\s+(?:cell\s+)?count|leu[ck]ocytes?)\s+(?:of\s+)?\d+(?:[.,]\d+)?\s*)?"
                                      rf"(?:\(?[HL]\)?\*?[ \t]*)?(?:\([ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*\)[ \t]*)?"  # "72.0 % (40-75)   Abs 1.30"
                                      rf"(?:[\(\[,;/]\s*|\s)(?:abs(?:olut[eo]?)?\.?|absolute\s+count|count|#)\s*:?\s*{NUMBER}\s*(?:{UNIT})?",
                                      re.IGNORECASE)
# ... or, in a report's row, the percentage and then the absolute count with its unit: "Polynucléaires neutrophiles  41,0 %  1,19 G/L",
# "Neutrófilos....: 50 %   1.700 /mm³", "Segmentados: 48% - 1.488 /mm³" (the unit says it is a count, not a second percentage).
PERCENT_THEN_COUNT_RE = re.compile(rf"[ \t]*%(?:[ \t]+\(?[HL]\)?\*?)?(?:[ \t]*\([ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*\))?"  # "22.0 % L (40-75)  0.48 x10^9/L"
                                   rf"(?:[ \t]*[-–—=(/][ \t]*|[ \t]*,?[ \t]+(?:(?:soit|i\.e\.|es\s+decir|ossia|d\.h\.|ou\s+seja|dus)[ \t]+)?){NUMBER}[ \t]*{UNIT}",
                                   re.IGNORECASE)  # "42,3 %  soit 1,10 G/L"
PERCENT_EQUALS_RE = re.compile(rf"[ \t]*%[ \t]*=[ \t]*{NUMBER}(?!\d|[.,]\d|[ \t]*%)[ \t]*(?:{UNIT})?", re.IGNORECASE)  # "neuts 45% = 0.9"
DOT_THOUSANDS_RE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _number_notes(analyte: str, number_text: str) -> list[str]:
    label = ANALYTE_LABELS[analyte]
    if "," in number_text and not THOUSANDS_RE.fullmatch(number_text):
        return [f"{label} '{number_text}' read as {parse_number(number_text):g} (decimal comma)."]
    return []


def _comparator(word: str) -> str:
    """A comparator as the mention keeps it: as written in English, '<', '>' or '>=' for one in another language."""
    word = word.lower()
    if len(word) < 4:  # "<", ">=", "≤"
        return word
    if FOREIGN_AT_LEAST_RE.fullmatch(word):
        return ">="
    if FOREIGN_BELOW_RE.fullmatch(word):
        return "<"
    if FOREIGN_ABOVE_RE.fullmatch(word):
        return ">"
    return word


def read_number(number_text: str, unit_text: str | None) -> tuple[float, bool]:
    """The number as written before `unit_text`, and whether a dot in it separates thousands: "45.000/µL" is 45000, since
    counts per microlitre are whole numbers. Values, thresholds and stated ranges are all read this way."""
    if unit_text and "." in number_text and DOT_THOUSANDS_RE.fullmatch(number_text) and unit_of(unit_text)[0] == "/µL":
        return float(number_text.replace(".", "")), True
    return parse_number(number_text), False


def _mention(analyte: str, text: str, start: int, end: int, number_text: str, kilo: bool, unit_text: str | None,
             comparator: str | None, number_span: tuple[int, int], trend: list[float]) -> Mention:
    number, dot_thousands = read_number(number_text, unit_text)
    notes = _number_notes(analyte, number_text)
    if dot_thousands:
        notes.append(f"{ANALYTE_LABELS[analyte]} '{number_text}' per microlitre read as {number:g} (a dot separating thousands).")
    if kilo:  # "79K" is 79,000 per microlitre, that is 79 x 10^9/L
        value, native_unit, native_value, assumptions, warnings = number, "K/µL", number, [], []
        if value > PLAUSIBLE_MAX[analyte]:
            warnings.append(f"{ANALYTE_LABELS[analyte]} {number:g}K is not a plausible value; not graded.")
            value = None
    else:
        value, native_unit, native_value, assumptions, warnings = _canonical_once(analyte, number, unit_text)
        assumptions, warnings = list(assumptions), list(warnings)
    if len(trend) > 1:
        notes.append(f"{ANALYTE_LABELS[analyte]} given as a series ({' -> '.join(f'{v:g}' for v in trend)}); the latest value is "
                     f"graded ({trend[-1]:g}).")
    return Mention(analyte=analyte, value=value, unit=CANONICAL_UNIT[analyte], raw=text[start:end], span=(start, end),
                   number_span=number_span, comparator=_comparator(comparator) if comparator else None, native_unit=native_unit,
                   native_value=native_value, assumptions=notes + assumptions, warnings=warnings)


def _matched_mention(analyte: str, text: str, start: int, end: int, match: re.Match) -> Mention:
    """The mention of one value read by a pattern with the groups num, kilo and unit, from `start` to `end`."""
    return _mention(analyte, text, start, end, match.group("num"), bool(match.group("kilo")), match.group("unit"), None, match.span("num"),
                    [parse_number(match.group("num"))])


def _value_end(match: re.Match) -> int:
    """Where a value read with its unit or its thousands ends."""
    return match.end("unit") if match.group("unit") else match.end("kilo") if match.group("kilo") else match.end("num")


def _step_label(text: str, start: int, end: int) -> str:
    """What is written right after one value of a series, up to the next value or the first cue of one."""
    window = text[start:min(end, start + 30)]
    if window[:1] in ("k", "K"):
        window = window[1:]  # "22k today": the label after the thousands
    if (unit := LATER_UNIT_RE.match(window)) is not None:
        window = window[unit.end():]  # "45k/mm3 today", "1.2 x10^9/L yesterday": the label after the unit
    own = OWN_CURRENT_LABEL_RE.match(window) or OWN_BRACKET_RE.match(window)
    if own:  # "130 now, they were 60": a word of now that ends its clause is this value's; so is a bracket right after it ("41 (today)")
        return own.group(0)
    cut = LABEL_CUT_RE.search(window)
    if cut and not window[:cut.start()].strip() and CURRENT_HEADER_RE.match(window, cut.start()):
        return STEP_CUT_RE.split(window)[0]  # "39 today d+14, …": a word of now leads this value's own label
    if cut and ARTICLE_END_RE.search(window, 0, cut.start()):
        return window[:cut.end()]  # "0.9 on the repeat", "on repeat": a noun after its article or "on" is this value's own label
    return window[:cut.start()] if cut else window


ARTICLE_END_RE = re.compile(r"(?i)\b(?:the|a|on)[ \t]+$")  # "0.9 on the repeat", "1.1 on repeat this pm"
OWN_CURRENT_LABEL_RE = re.compile(r"(?i)[ \t]*(?:now|today|this\s+morning)(?=[ \t]*(?:[,;]|\.(?:\s|$)|$))")
OWN_BRACKET_RE = re.compile(r"[ \t]*\([^()\n]{1,25}\)")


# A label that places a value after an event, so after the values before it: "post-transfusion", "discharge", "after 2 units".
# Also in French, Spanish, Italian, Portuguese, German and Dutch: "à la sortie", "al alta", "alla dimissione", "Entlassungslabor",
# "após transfusão", "nach 2 EK", "Hb postransfusional".
LATER_LABEL_RE = re.compile(r"(?i)\b(?:post\b|post-|corrected\b|amended\b|re-?collect\w*|ricontroll\w*|recontr[ôo]l\w*|control\b|pos-?tra(?:n)?sfus\w*|post-?tra(?:n)?sfus\w*|after\b|discharge|d/c\b|follow-?up\b|recheck|re-check|repeat\b|kontroll\w*|contr[ôo]le\b|controllo\b|"
                            r"sortie|dimissione|entlassung|ontslag|(?:al|na|à|de|do|da)\s+alta\b|apr[èe]s\b|despu[ée]s\b|dopo\b|ap[óo]s\b|nach\b|"
                            r"next\s+(?:morning|day|am)\b|following\s+(?:morning|day)\b)")  # "after 2 units 8.1, next morning 7.9": later still


SINCE_RE = re.compile(r"(?i)since\b")
STARTED_BEFORE_RE = re.compile(r"(?i)\b(?:started|began|begun|commenced|initiated|given|since|from)\s+(?:on\s+)?$")
DAY_TOKEN_RE = re.compile(r"(?i)(?<![\w.])(?:day|week|wk|d(?=\s*\+))\s*\+?\d{1,3}(?![\d.])")


OPEN_BRACKET_RE = re.compile(r"\([^()]*\)?")  # a bracket in a label, closed or cut at the label's end
TIME_BRACKET_RE = re.compile(r"(?i)\(\s*(?:today|now|current|latest|this\s+(?:morning|am)|yesterday)\s*\)")  # "(today)"


BEFORE_TIME_RE = re.compile(r"(?i)^(?:pre|before|prior[ \t]+to)[ \t-]*(?=(?:c|cycle|d|day|wk|week|dose|course|infusion)[ \t]*\d)")
AFTER_TIME_RE = re.compile(r"(?i)^(?:post|after|following)[ \t-]*(?=(?:c|cycle|d|day|wk|week|dose|course|infusion)[ \t]*\d{1,3}$)")


def label_rank(label: str) -> tuple[int, float] | None:
    """time_rank of a free-text label: '(today)', 'two weeks ago', 'on day 10', '(8/3)', 'at 06:40'."""
    label = label.strip(" \t()[]:-—–@")
    if not label or SINCE_RE.match(label):
        return None  # "68 since yesterday": the change over a time, not a value taken then
    if "(" in label and (dated := time_rank(OPEN_BRACKET_RE.sub(" ", label).strip())) is not None:
        return dated  # "15 Sep (yesterday)": the date orders it among other dates
    if (pre := BEFORE_TIME_RE.match(label)) and (before := time_rank(label[pre.end():].strip())) is not None:
        return (before[0], before[1] - 0.5)  # "8.2 pre-C4" after "8.9 at C3": just before cycle 4, after cycle 3
    if (post := AFTER_TIME_RE.match(label)) and (after := time_rank(label[post.end():].strip())) is not None:
        return (after[0], after[1] + 0.5)  # "11.0 after C2" before "9.4 pre-C4": just after cycle 2, before cycle 4
    direct = time_rank(label)
    if direct is not None:
        return direct
    if CURRENT_HEADER_RE.search(label):
        return (3, 0.0)
    day = DAY_TOKEN_RE.search(label)
    if day and STARTED_BEFORE_RE.search(label, 0, day.start()):
        return None  # "(filgrastim started day 1)": when a treatment began, not when the value was taken
    if day:  # "by day 5 after IVIG": the day says when, the event after it what came before
        return time_rank(day.group(0))
    if LATER_LABEL_RE.search(label):
        return (3, 0.0)
    if PAST_HEADER_RE.search(label) or re.search(r"(?i)\b(?:yesterday|earlier|first\s+draw|initial)\b", label) or relative_age(label) is not None:
        return (0, 0.0)
    token = re.search(TIME_TOKEN, label, re.IGNORECASE)
    return time_rank(re.sub(r"^(?i:on|at)\s+", "", token.group(0))) if token else None


def _latest_step(text: str, steps: list, name_start: int) -> int:
    """Which value of a series is the most recent: the one its label calls current, else the latest by the times
    written beside every value (after it, else before it and after the name), else the only one not called earlier, else the last one written."""
    for i in range(len(steps) - 1, 0, -1):
        gap = text[steps[i - 1][2][1]:steps[i][2][0]]
        if SPOILED_THEN_REPEATED_RE.search(gap) or ("ORRECT" in gap or "orrect" in gap or "mend" in gap or "evise" in gap) and CORRECTED_TO_GAP_RE.search(gap):
            # "came back at 27 this morning but clumped on smear, citrate tube repeat 96": the repeat replaces it; "18 K/uL ***
            # CORRECTED to 81 K/uL": so does the correction
            return i
        if TREATMENT_BETWEEN_WORD_RE.search(gap) and (treated := TREATMENT_CLAUSE_STEP_RE.match(text, steps[i - 1][2][1])) \
                and treated.start("num") == steps[i][2][0] \
                and not any(EARLIER_GAP_RE.search(text, steps[k - 1][2][1], steps[k][2][0]) for k in range(i + 1, len(steps))):
            # "hgb 6.9 this am, 1u prbc given, 1-hr post 7.8": the last value, after a treatment, is the latest (and so for the
            # values told after it, none said to be earlier: "…, 1-hr post 9.1, evening check 8.9")
            return len(steps) - 1
    if len(steps) == 2 and WAS_BEFORE_STEP_RE.search(text, steps[0][2][1], steps[1][2][0]) \
            and ((first_rank := label_rank(_step_label(text, steps[0][2][1], steps[1][2][0]))) is None
                 or first_rank[0] == 1 and MONTH_IN_LABEL_RE.search(_step_label(text, steps[1][2][1], steps[1][2][1] + 30))
                 or BEFORE_AFTER_STEP_RE.match(text, steps[1][2][1])):
        # "lymphs .5 on durva, were .8 in june": the value said to have been is the earlier (also after a cycle's label: "alc .4 on
        # durva c6, was .7 in may", or a label of its own: "hb 7.9 after 2 units yesterday, was 6.8 before")
        return 0
    name = ANALYTE_RE.match(text, name_start)
    if name and label_rank(text[name.end():steps[0][2][0]]) is not None:
        # "ANC yest 0.6 today 1.2": the first value's time is said before it, and so is every value's
        leading = [label_rank(STEP_CUT_RE.split(text[steps[i - 1][2][1] if i else name.end():span[0]])[-1]) for i, (_, _, span) in enumerate(steps)]
        if all(rank is not None for rank in leading):
            return latest_labelled([STEP_CUT_RE.split(text[steps[i - 1][2][1] if i else name.end():span[0]])[-1]
                                    for i, (_, _, span) in enumerate(steps)])
    labels = []
    for i, (_, _, span) in enumerate(steps):
        label = _step_label(text, span[1], steps[i + 1][2][0] if i + 1 < len(steps) else span[1] + 30)
        if label_rank(label) is None:  # "2 weeks ago 160, yesterday 98, today 84": the time said before the value
            lead = max(0, name_start - 40)  # the first value: the words just before its name too, in its own clause
            bracket = text.find("(", lead, name_start)
            if bracket >= 0 and not TIME_BRACKET_RE.match(text, bracket):
                lead = name_start  # a bracket before the name is another's ... but "the Friday draw (today) shows Hb 8.0" labels the value
            before = text[max(steps[i - 1][2][1], span[0] - 30) if i else lead:span[0]]
            label = STEP_CUT_RE.split(before)[-1] if label_rank(STEP_CUT_RE.split(before)[-1]) else label
        labels.append(label)
    return latest_labelled(labels)


BEFORE_AFTER_STEP_RE = re.compile(r"(?i)[ \t]+(?:before|previously|earlier|prior|at[ \t]+baseline)\b")
WAS_BEFORE_STEP_RE = re.compile(r"(?i)[,;][ \t]*(?:(?:it|they|she|he)[ \t]+)?(?:was|were)[ \t]+(?:at[ \t]+)?$")  # ", were .8": a past value next
CORRECTED_TO_GAP_RE = re.compile(r"(?i)\b(?:corrected|amended|revised)(?:[ \t]+(?:value|result|count))?[ \t]*(?:to|:|=|is)[ \t]*$")
STEP_CUT_RE = re.compile(r"[,;\n]|\.(?:\s|$)")


OTHER_DAY_RE = re.compile(r"(?i)\d{1,2}[/.-]\d{1,2}|\b(?:yest\w*|yday|mon|tue|wed|thu|fri|sat|sun|day|d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
MORNING_RE = re.compile(r"(?i)\b(?:this\s+(?:am|a\.m\.|morning)|(?:0?[5-9]|1[01])(?::?\d{2})?\s*am|0[5-9]:?[0-5]\d)\b")
LATER_TODAY_RE = re.compile(r"(?i)(?<![\d/:.])(?:\d{1,2}(?::\d{2})?\s*pm|1[2-9]:?[0-5]\d|2[0-3]:?[0-5]\d)(?![\d/:])|\b(?:this\s+(?:pm|p\.m\.|afternoon|evening)|(?:in\s+the|late)\s+(?:afternoon|evening)|tonight)\b")


LABEL_TIME_HEAD_RE = re.compile(r"(?i)^((?:wk|week|day|d|cycle|c|month|mo)[ \t]*\d{1,3}(?:[ \t]*d[ \t]*\d{1,2})?)\b.+$")


MONTH_IN_LABEL_RE = re.compile(rf"(?i)\b{MONTH_NAME}")


POST_LABEL_RE = re.compile(r"(?i)[ \t(]*(?:post|after)\b")  # a label that opens with "post" or "after"


def latest_labelled(labels: list[str]) -> int:
    """Which of several values, each with the free-text label written beside it, is the most recent (see _latest_step)."""
    ranks = [label_rank(label) for label in labels]
    morning = [i for i, label in enumerate(labels) if MORNING_RE.search(label)]
    later_today = [i for i, label in enumerate(labels) if LATER_TODAY_RE.search(label) and i not in morning]
    if morning and later_today and not any(OTHER_DAY_RE.search(label) for label in labels):
        # "plts 31 this am, 26 at 6pm": the afternoon's is the later of the day (when no label names a day)
        return later_today[-1]
    current = [i for i, r in enumerate(ranks) if r is not None and r[0] == 3]
    if current:  # "7.9 after 2u, today 7.6": a word of now over a word of after an event
        now = [i for i in current if CURRENT_HEADER_RE.search(labels[i])]
        latest = now[-1] if now else current[-1]  # several after events: told in the order they happened
        # "6.9 this am → transfused 2 u PRBC → 8.1 on recheck": a recheck told after a value of now is the later
        # (as is one "post" an event told after it: "Hb 6.9 this am → 2u PRBC → 8.4 post")
        rechecked = [i for i in current if i > latest and (RECHECK_HINT_RE.search(labels[i]) or POST_LABEL_RE.match(labels[i]))]
        return rechecked[-1] if rechecked else latest
    ages = [relative_age(label) for label in labels]
    if all(age is not None for age in ages):  # "160 two weeks ago, 98 yesterday": the youngest
        return min(range(len(ages)), key=lambda i: (ages[i], -i))
    if any(age is not None for age in ages) and all(label.strip(" \t()[]:-—–@,") for label in labels) \
            and all(age is not None or ranks[i] is not None or MONTH_IN_LABEL_RE.search(labels[i]) for i, age in enumerate(ages)):
        # "190 in April and 74 yesterday": times of two kinds, told in order (but "lymphs .6 on durva, was .9 last month": a
        # treatment is no time, and the value said of last month is the earlier)
        return len(labels) - 1
    if all(r is not None for r in ranks):
        # "at c1", "c3": cycles 1 and 3; "pre-C4": (just before) cycle 4; "(wk 3 of steroids)", "c3d15 — grade 3 …": the time that opens the label
        stripped = [LABEL_TIME_HEAD_RE.sub(r"\1", CYCLE_PREPOSITION_RE.sub("", BEFORE_TIME_RE.sub("", label.strip(" \t()[]:-—–@")))) for label in labels]
        choice = latest_column(stripped)
        if choice is not None and time_rank(stripped[choice]) is not None:
            return choice  # (not a column's guess that the one label it cannot read is today's: every label here was read)
        return max(range(len(ranks)), key=lambda i: (ranks[i], i))
    not_past = [i for i, r in enumerate(ranks) if r is None or r[0] != 0]
    if len(not_past) == 1 and len(not_past) < len(ranks):
        return not_past[0]
    return len(labels) - 1


# How many days ago a time said relative to now was ("yesterday" 1, "two weeks ago" 14, "last month" 30): the order of values
# labelled so.
RELATIVE_AGE_RE = re.compile(r"(?i)\b(?:(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of)\s+(?P<unit>hours?|hrs?|days?|weeks?|wks?|months?)\s+ago"
                             r"|last\s+(?P<last>night|week|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                             r"|(?P<lastweek>vorige\s+week|letzte\s+woche|semaine\s+derni[èe]re|semana\s+pasada|settimana\s+scorsa|semana\s+passada)"
                             r"|(?P<yesterday>yesterday|yest|yday|ieri|ayer|hier|gestern|gisteren|ontem)|(?P<before>avant-hier|vorgestern|anteayer|l['’]altro\s+ieri|eergisteren))\b")
WORD_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a few": 3, "a couple of": 2}
UNIT_DAYS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30}
LAST_DAYS = {"night": 0.5, "week": 7, "month": 30}


def relative_age(label: str) -> float | None:
    """Days ago that a label relative to now says (RELATIVE_AGE_RE), or None."""
    said = RELATIVE_AGE_RE.search(label)
    if said is None:
        return None
    if said.group("count"):
        count = said.group("count").lower()
        number = int(count) if count.isdigit() else WORD_COUNTS[" ".join(count.split())]
        return number * UNIT_DAYS[said.group("unit")[0].lower()]
    if said.group("last"):
        return LAST_DAYS.get(said.group("last").lower(), 4)  # "last Friday": within the week
    if said.group("lastweek"):
        return 7
    return 1 if said.group("yesterday") else 2


# Values written each after its date: "03/02 212, 10/02 140, 17/02 88", "1 Mar 2.4; 8 Mar 1.7", "03.02. 212, 10.02. 140"
# (a German date ends with a dot, so it is never a decimal number).
DATE_LABEL = (r"(?:\d{1,2}/\d{4}(?!\d)|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:[ \t]+\d{1,2}:\d{2}(?=[ \t]*=))?|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{1,2}[ -]" + MONTH_NAME +
              r"|(?:day|d|week|wk|w|cycle|c)[ \t]*\+?\d{1,3}(?:[ \t]*d[ \t]*\d{1,2})?|baseline|"
              r"(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,3}day|s|rs?)?\.?(?![a-z])(?:[ \t]+\d{1,2}:\d{2})?|"
              r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))")  # "PLT 06:40 45, 18:00 38": a clock  # "ANC by day: Tue 0.4, Wed 0.3, today 1.1", "Fri 17:00 49"
# Labels of values by day, week or cycle ("baseline 12.0, wk 3 10.1, wk 6 8.9"), looked for once per text.
ORDINAL_WORDS = ("day", "wk", "week", "cycle", "baseline", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
ORDINAL_SHORT_RE = re.compile(r"[dDcCwW]\+?\d")  # "D8", "C2", "w3": a plain character test, fast over a long text
# "03.02. 212": the same kind of test for German dates (starting at the dot, a literal, it is scanned several times faster)
DOTTED_DATE_RE = re.compile(r"\.\d{1,2}\.(?:\d{2,4})?[ \t:]")
# A date may follow its preposition ("Neutrophile am 3.6. 2,1, am 10.6. 1,3"); a later item may be labelled as today's in
# any of the languages read ("..., heute 0,9").
DATE_PREPOSITIONS = r"(?:am|vom|on|le|el|il|em|op|del|al)"
DATE_PREPOSITION = rf"(?:{DATE_PREPOSITIONS}[ \t]+)?"
TODAY_LABEL = r"(?:today|now|currently|heute|jetzt|aktuell|hoy|oggi|hoje|vandaag|nu|aujourd'hui|actuellement)"
ITEM_UNIT = rf"(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?"  # "10 Apr 38 x10^9/L; 14 Apr 29 x10^9/L": a unit after every value
# (a value is never followed by a slash and digits, a date's; "96/nl" is a value and its unit)
DATED_ITEM = rf"(?:{DATE_LABEL}|\({DATE_LABEL}\))(?:[ \t]*[:=]|[ \t]+(?:was|were|is|at))?[ \t]+(?P<value>\d+(?:[.,]\d+)?)(?!\d|/\d){ITEM_UNIT}"  # its preposition is passed by LIST_LEAD_RE
# A draw named by its day: "…, and the Friday draw (today) 77".
DRAW_WORDS = r"(?:[ \t]+(?:draw|sample|count|check|labs?|result))?(?:[ \t]*\([^()\n]{1,12}\))?"
LATER_DATED_ITEM = (rf"(?:and[ \t]+)?(?:the[ \t]+)?{DATE_PREPOSITION}(?:{DATE_LABEL}{DRAW_WORDS}|\({DATE_LABEL}\)|{TODAY_LABEL}(?:[ \t]*\([^()\n]{{1,12}}\)|[ \t]+{DATE_LABEL})?)"
                    rf"[ \t]*[:=]?[ \t]+(?P<later>\d+(?:[.,]\d+)?)(?!\d|/\d){ITEM_UNIT}")
# What a dated list must start with (see DATE_LABEL): a cheap test before the whole pattern, which "WBC 2.7 x10^9/L" fails.
DATED_START_RE = re.compile(r"[ \t]*(?:[:=]|--?|[—–])?[ \t]*\(?(?:\d{1,2}/\d|\d{1,2}\.\d{1,2}\.|\d{1,2}:\d|\d{1,2}[ -][^\W\d_]|[^\W\d_])")
DATED_LIST_RE = re.compile(rf"[ \t]*(?:[:=]|--?|[—–])?[ \t]*{DATED_ITEM}(?:(?:[ \t]*(?:[,;|]|{ARROW})|[ \t]+[-–—/][ \t]+|(?:[ \t]+[HL])?[ \t]{{2,}})[ \t]*{LATER_DATED_ITEM})+", re.IGNORECASE)
DATED_ITEM_RE = re.compile(rf"{DATE_PREPOSITION}\(?(?P<label>{DATE_LABEL}|{TODAY_LABEL}(?=[ \t]+{DATE_LABEL}[ \t]*:?[ \t]+\d)(?:[ \t]+{DATE_LABEL})|{TODAY_LABEL})\)?{DRAW_WORDS}(?:[ \t]*[:=]|[ \t]+(?:was|were|is|at))?[ \t]+(?P<value>\d+(?:[.,]\d+)?)(?!\d|/\d)"
                           rf"(?:[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?", re.IGNORECASE)
# Words between a name and its dated list: a word for a series, or the first date's preposition. LIST_WORD_STARTS: their first
# letters, as a plain test before the pattern is tried.
LIST_LEAD_RE = re.compile(rf"(?:[ \t]+|(?<=[ \t])|-)(?:(?:(?:im|in[ \t]+the|in|en|au|nel|no|na|the|le|la|il|der|die|el)[ \t]+)?(?:trend[ \t]+(?:since|over|during|from|on)[ \t]+[^:\n\d]{{1,30}}(?=:)|"
                          rf"trend|series|results?|values?|levels?|course|history|verlauf|[ée]volution|evoluci[óo]n|andamento|verloop|evolu[çc][ãa]o|"
                          rf"(?:by[ \t]+(?:cycle|week|day|visit|date)|this[ \t]+week)(?:[ \t]+on[ \t]+\w+|[ \t]+(?:this|last|per|in|during)[ \t]+(?:the[ \t]+)?(?:cycle|week|course|admission|month|stay))?)\b"
                          rf"[ \t]*[#:=–—-]?|{DATE_PREPOSITIONS}[ \t]+)", re.IGNORECASE)
LIST_WORD_STARTS = "tTsSrRvVlLaAoOeEiIdDcChHbBnN-éÉ"


LIST_UNIT_RE = re.compile(rf"[ \t]*\(?[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z])[ \t]*\)?", re.IGNORECASE)


def _dated_list(analyte: str, text: str, start: int, dated: re.Match, unit_text: str | None) -> Mention:
    """The most recent value of a list whose values each follow their date."""
    items = list(DATED_ITEM_RE.finditer(text, dated.start(), dated.end()))
    pick = latest_column([item.group("label") for item in items])
    chosen = items[-1 if pick is None else pick]
    trend = [parse_number(item.group("value")) for item in items if item is not chosen] + [parse_number(chosen.group("value"))]
    end = dated.end()
    unit_text = unit_text or chosen.group("unit") or items[-1].group("unit")  # "… 03.03. 131, 17.03. 96/nl": the last value's unit is all's
    after = LIST_UNIT_RE.match(text, end)
    if after and not unit_text:  # "03.02. 212, 10.02. 140 (Tsd/µl)": the unit of every value, after the list
        unit_text, end = after.group("unit"), after.end()
    mention = _mention(analyte, text, start, end, chosen.group("value"), False, unit_text, None, chosen.span("value"), trend)
    if chosen is items[-1] and len(items) > 1:  # told in order: a series, each value a step ("D8 1.4, D12 0.7, D15 0.4")
        mention.steps = [(item.group("value"), False, item.span("value")) for item in items]
    return mention


# A value given in the next clause by a pronoun for a name that had none: "Platelets were rechecked at the clinic; this
# morning they came back at 31". Only "they" or "it" with a verb that gives a value, and no other name or goal between.
PRONOUN_VALUE_RE = re.compile(rf"[^.;\n\d]{{0,60}}?(?:[;,]\s*(?:(?:and|but|then)\s+)?|\s+and\s+|\s+[—–]\s+)(?:(?:this\s+(?:morning|afternoon|evening)|today|tonight|now|later|"
                              rf"on\s+(?:the\s+)?[A-Za-z]+(?:\s+of\s+[A-Za-z]+)?|"  # "on the tenth of March they were 61"
                              rf"yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)\s*,?\s+)?"
                              rf"(?:they|it)(?:(?:'re|’re|re|'s|’s)\s+|\s+(?:(?:came|come)\s+back\s+(?:at\s+)?|{CHANGE_VERB}\w*\s+(?:(?:back|down|up)\s+)?to\s+|"
                              rf"(?:were|was|are|is)\s+))(?:(?:now|only|just)\s+)?(?:(?:down|up|back)\s+to\s+|at\s+)?"
                              rf"{NUMBER}\s*(?:{UNIT})?", re.IGNORECASE)
PRONOUNS_RE = re.compile(r"(?i)\b(?:they|it)\b")
# ... or by a number with a count's or a hemoglobin's unit, which names what it counts: "Piastrine basse da settimane; il
# controllo di oggi mostra 54.000/mmc"
UNIT_VALUE_IN_NEXT_CLAUSE_RE = re.compile(rf"(?:[^.;\n\d]|\d+[ \t]+(?:days?|weeks?|wks?|months?|jours|semaines?|mois|d[íi]as|semanas?|meses|giorni|settimane|"
                                          rf"mesi|tage?n?|wochen|monate?n?|dagen|weken|maanden)\b|\((?:around|about|approx\w*|~|intorno\s+a|circa|environ|alrededor\s+de|um|rond)\s*[\d.,]+\))"
                                          rf"{{0,60}}?"
                                          # ... or a comma before a word of today, or today's test: "piastrine in calo da 10 giorni, oggi 54.000/mmc",
                                          # "Piastrine basse da settimane (intorno a 80.000), il controllo di oggi mostra 61.000/mmc"
                                          rf"(?:;|,(?=\s*(?:today|now|oggi|hoy|heute|aujourd['’]hui|hoje|vandaag|ahora|agora|adesso|jetzt)\b|\s*{TODAYS_TEST}))"
                                          rf"[^.;\n\d<>≤≥]{{0,50}}?(?<![<>≤≥])\b{NUMBER}[ \t]*{UNIT}", re.IGNORECASE)
NOT_TOLD_GAP_RE = re.compile(r"(?i)\b(?:below|under|above|over(?![ \t]+(?:(?:the[ \t]+)?(?:last|past)[ \t]+)?(?:\d{1,2}|one|two|three|four|five|six|several)[ \t]+"
                             r"(?:days?|weeks?|wks?|months?|cycles?|courses?)\b)|less|more|than|target|goal|threshold|cut-?off|limit|normal|range|if|when|"
                             r"unless|dose|per\s+kg)\b")  # ("over 3 cycles" is a time)


def _value_in_next_clause(text: str, position: int) -> re.Match | None:
    window = text[position:position + 120]
    if ";" not in window and "," not in window and " and " not in window and " — " not in window and " – " not in window:
        return None
    if not PRONOUNS_RE.search(window):
        told = UNIT_VALUE_IN_NEXT_CLAUSE_RE.match(text, position) if (";" in window or "," in window) and "/" in window else None
        if told is None or ANALYTE_RE.search(text, position, told.start("num")) or NOT_TOLD_GAP_RE.search(text, position, told.start("num")):
            return None
        return told
    told = PRONOUN_VALUE_RE.match(text, position)
    if not told or ANALYTE_RE.search(text, position, told.start("num")) or TARGET_BEFORE_RE.search(text, position, told.start("num")) \
            or not told.group("unit") and not told.group("kilo") and NOT_A_VALUE_RE.match(text, told.end("num")):
        return None
    return told


# A value labelled as current after a threshold of the same name: "ANC <0.5 x10^9/L since 14/7, today 0.3", "Hold if
# platelets <50 per protocol — today 38".
# "the patient's (today)" in the languages read: "Las del paciente hoy: 82.000/mm3", "celles du patient", "die des Patienten"
PATIENTS_OWN = (r"(?:(?:the\s+)?patient['’]s(?:\s+today)?|my\s+(?:last|latest|most\s+recent|own|recent)\s+(?:one|count|result|value|reading)(?=\s+(?:was|is)\s)|(?:las|los|la|el|les|le|celles?|ceux|die|der|de|os|as|o|a|quelle|quelli)\s+"
                r"(?:del|du|des|van\s+de|do|da|della|dello|dei)\s+(?:paciente|patient|patienten|patiënt|paziente)"
                r"(?:\s+(?:hoy|aujourd['’]hui|heute|vandaag|hoje|oggi))?)")
# A value named a threshold right after it: "anc 1.5 is the cutoff", "Hb 7 being the transfusion trigger", "plt 50 = our hold line"
# (but not "plt 45 is below the threshold", a comparison of the patient's value).
NAMED_AS_THRESHOLD_RE = re.compile(r"(?i)(?<![^\s\d])[ \t]*(?:(?!(?:against|vs|versus|with|below|above|under|over|near|of|for|the|an?|lower|upper|and|or)\b)[a-z-]+[ \t]+)?"
                                   r"(?:cut[ -]?offs?|thresholds?|triggers?|minimum)\b"  # "anc 1.0 rechallenge threshold?", "the protocol's 1.5 minimum"
                                   r"|[ \t]*the[ \t]+(?:[a-z-]+[ \t]+)?(?:cut[ -]?offs?|thresholds?|limits?|triggers?)\b"  # "is ANC 1.5 the cutoff for …?"
                                   r"|[ \t]*(?:(?:is|=|being|as|was)[ \t]+(?:(?:the|a|an|our|your|their|my|his|her)[ \t]+)?|an?[ \t]+)"  # ("is hb 8 a reasonable transfusion trigger …?")
                                   r"(?:(?!(?:below|under|above|over|near|close|within|beyond|past|less|more|lower|higher|not|still|just|well|at|on|in)\b)[a-z'’-]+[ \t]+){0,2}"
                                   r"(?:cut[ -]?offs?|thresholds?|limits?|triggers?|targets?|goals?|LLN|ULN|lower[ \t]+limit|hold[ \t]+line|floor|"
                                   r"(?:(?:low|lower|bottom)[ \t]+(?:end|edge)[ \t]+of|bottom[ \t]+of)[ \t]+(?:the[ \t]+)?normal)\b")  # "said 4 is the low end of normal", "12 is the bottom of normal"
NORMAL_RANGE_AFTER_RE = re.compile(r"(?i)[ \t]*(?:[-–]|to)[ \t]*\d")  # the rest of a normal range after its low end
ALTERNATIVE_ASKED_RE = re.compile(r"(?i)\s+(?:or|rather\s+than|instead\s+of)\s+(?:(?:wait|go|hold|aim|use|stop|treat|transfuse)\s+(?:for|to|at|until|till)?\s*)?\d+(?:[.,]\d+)?(?!\d|[.,]\d)(?:[^.?!\n\d]{0,80}\?|[^.?!\n\d]{0,20}?\b(?:trigger|threshold|cut-?off)s?\b|\s+(?:as|is|being)\s+(?:the|a|our)\s+(?:[\w-]+\s+)?"
                                  r"(?:trigger|threshold|cut-?off|target|goal)\b)")  # "… 7 or 8?", "Hb 7 or 8 in a cardiac pt?", "Hb 7 or 8 as the transfusion trigger"
THRESHOLD_NOUNS = ("cut", "thresh", "limit", "trigger", "target", "goal", "lln", "uln", "hold line", "floor", "of normal", "minimum")  # NAMED_AS_THRESHOLD_RE's nouns
# Who the patient is to the writer, before the patient's own value: "ours 68", "pt's 7.3", "our guy is at 1.3", "mine is 1.6".
# ... in French, Spanish, Italian, German, Dutch and Portuguese, with the pronoun after it: "chez notre patient elles sont à 88"
FOREIGN_OWNER = (r"(?:(?:chez|bei|bij|en|in|no|na)\s+)?(?:notre|nuestr[oa]|(?:il\s+|la\s+)?nostr[oa]|unser(?:e[mnr]?)?|onze|(?:o\s+|a\s+)?noss[oa])\s+"
                 r"(?:patient(?:e|in)?|paciente|paziente|patiënte?)(?:\s*,)?(?:\s+(?:elles?|ils?|sie|ze|zij|elas?|eles?|ellas?|ellos?|esse|este|esta))?")
# "ours" in the languages read, as the subject of a value: "il nostro ha 134.000/mmc", "le nôtre est à 1,9", "de onze: 96"
FOREIGN_OURS = (r"(?:(?:il|la)\s+nostr[oa]|(?:le|la)\s+n[ôo]tre|(?:el|la)\s+nuestr[oa]|(?:o|a)\s+noss[oa]|(?:der|die|das)\s+unsere|(?:de|het)\s+onze|"
                # ... and "mine": "und meine sind 4,8", "les miens sont à 1,9", "los míos están en 1,9", "i miei sono 1,9", "de mijne zijn 1,9"
                r"(?:die\s+)?meinen?|(?:les\s+)?mien(?:ne)?s|(?:los\s+|las\s+)?m[íi][oa]s|(?:i\s+)?miei|(?:le\s+)?mie|(?:os\s+|as\s+)?(?:meus|minhas)|(?:de\s+)?mijne|"
                # "A mí hoy me salieron 190.000": what came back for the writer
                r"a\s+m[íi](?:\s+(?:hoy|ahora))?\s+me\s+(?:salieron|sali[óo]|dieron|dio|han\s+salido|ha\s+salido)(?:\s+(?:hoy|ahora))?|(?:y\s+)?hoy\s+me\s+(?:salieron|sali[óo]|dieron|dio))")
OWNER = r"(?:ours|theirs|yours|mine|(?:mr|mrs|ms|miss)\.?\s+[a-z][\w-]{0,12}|(?:(?:our|my|this|the)\s+(?:[A-Za-z]{2,12}\s+)?)?(?:pts?|patient)(?:\s+(?:him|her)self)?|(?:our|my|this|the)\s+(?:guy|lady|man|woman|gentleman|gent|chap)|this\s+one)"
BASELINE_WORD = r"(?:baseline|screening|pre-?treatment)"  # a value labelled so is no value of now ("baseline 92, today 70")
OWN_COUNT_WORD = r"(?:actual|real|own|true|correct)"  # "pt's actual count 188": the patient's own, after another's
OWNER_FIRST_RE = re.compile(rf"(?i)(?:{OWNER}|{PATIENTS_OWN}|{FOREIGN_OWNER})\b")  # a value told after whose it is: "ours is 1.9"
CURRENT_AFTER_THRESHOLD_RE = re.compile(rf"(?:[ \t]*(?:[-–]|and|to)[ \t]*\.?\d+(?:[.,]\d+)?)?(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?"
                                        rf"(?:[^.;\n\d]|\b\d{{1,2}}(?:st|nd|rd|th)\b|[.;](?=\s+(?:I(?:['’]?m|['’]?ve|\s+am)?|Ich|Je|Yo|Estoy|Io|Sono|Eu|Estou|Ik)\s)|[.;](?=\s+[A-Z][^.?!\n\d]{{0,40}}\?\s)|\b(?:bed|bay|room|rm|letto|lit|cama|leito|Bett)\s*\d+\b|\bthe\s+\d+(?:[.,]\d+)?(?=\s+(?:was|is)\b)|\b(?:rather\s+than|instead\s+of|versus|vs\.?)\s+\d+(?:[.,]\d+)?\b|(?<=\bin\s)\d{{1,3}}[A-Za-z]?\b|\b{BASELINE_WORD}\s*(?:was\s+|of\s+|:\s*)?\d+(?:[.,]\d+)?(?=\s*[,;])|"
                                        rf"\b(?:cut-?off|threshold|limit|trigger|umbral|seuil|soglia|schwelle\w*|drempel\w*|limiar|l[íi]mite)[^.;\n\d]{{0,25}}?\b(?:is|of|=|:|de|di|du|del|von|van)\s*[<>≤≥]?\s*\d+(?:[.,]\d+)?|(?<=\bby\s)\d+(?:[.,]\d+)?(?:\s*(?:g/dl|g/l|k\b))?|\((?:CTCAE\s+)?(?:grade|gr\.?|G)\s*[0-5](?:[^()\n\d]{{0,16}}(?:v|version\s*)?[56](?:\.0)?)?\)|{TIME_TOKEN}|\b(?:19|20)\d\d\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\.{{2,}}|\b[Gg]\d(?:[-–]\d)?\b|\bgrade\s*[0-5]\b|\b[Cc]\d{{1,2}}(?:\s*[Dd]\d{{1,2}})?\b|\b(?:cycle|day|week|wk)\s*\d{{1,3}}\b|\bv(?:ersion\s*)?[56](?:\.0)?\b|\bbetween\s+\.?\d+(?:[.,]\d+)?\s*(?:and|-|–|to)\s*\.?\d+(?:[.,]\d+)?|(?<=\s)\d+(?:[.,]\d+)?\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?(?=,|\s+(?:for|since|over|through|most|all)\b)|[<>≤≥]\s*\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?|\((?:around|about|approx\w*|~|not)?\s*\d+(?:[.,]\d+)?\s*\)|[<>≤≥~]\s*\d+(?:[.,]\d+)?|\d+ish\b|\b(?:says|said|uses|gives|lists)\s+\d+(?:[.,]\d+)?|(?:above|below|over|under)\s+\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s+or\s+\d+(?:[.,]\d+)?|(?<=\s)or\s+\d+(?:[.,]\d+)?){{0,90}}?"
                                        rf"(?:[,;?—–]|\s\((?=\s*(?:today|now|{FOREIGN_TODAY}|currently)\b)|\s-\s|\.{{2,}}|\.(?=\s+(?:they|it|mine|ours|our|my|his|hers|theirs|yours|she|he|pt|patient|mr|mrs|ms)['’\s.:]|\s+(?:right\s+)?(?:now|today|currently|this\s+morning|at\s+the\s+moment|at\s+present)\b|\s+(?:current|latest)\s*:?\s*\d|\s+{PATIENTS_OWN}|\s+{FOREIGN_OWNER}\s)|[.:]?(?=\s+{FOREIGN_OURS}\s)|(?=\s+(?:ours|his|hers|theirs|yours|mine)\s)|(?=\s+and\s+my\s+(?:last|latest|most\s+recent|own|recent)\s)|(?=\s+and\s+(?:she|he)(?:['’]s|\s+is)\s+(?:at\s+|now\s+|only\s+|(?:sitting|running|sat)\s+at\s+)?\d)|(?=\s+(?:but|whereas|while)\s))\s*(?:but\s+|and\s+|right\s+|whereas\s+|while\s+|for\s+now\s*,?\s*|as\s+of\s+(?:now|today)\s*,?\s*)?"
                                        rf"(?:(?:screening|repeat|recheck)\s+(?=today\b|this\s+morning\b))?"  # "…; screening today 92"
                                        rf"(?:at\s+(?:the\s+moment|present)\s*,?\s*(?=they\s))?(?P<cue>today(?:['’]s\s+(?:check|result|count|value|reading|number|labs?|bloods?|cbc|fbc|draw|sample|repeat|test)s?)?|now|this\s+morning|this\s+week|currently|{FOREIGN_TODAY}|current(?=\s*:?\s*\.?\d)|latest(?=\s*:?\s*\.?\d)|(?:his|hers|they|it)(?=(?:\s+(?:today|now|currently))?\s+(?:is|was|are|were|came\s+back|come\s+back)\s|['’]re\s+at\s|\s+(?:sit|sits|stand|stands)\s+at\s)|they['’]?re(?=\s+(?:at\s+|now\s+|only\s+)?\d)|{OWNER}(?:['’](?:s|re))?(?:\s+(?:{OWN_COUNT_WORD}\s+)?(?:count|value|result|level|number|reading|nadir))?(?:\s+(?:with|on)\s+[^,;.\d\n]{{1,40}}?|\s+in\s+(?:bed|bay|room|rm)\s*\d+|\s*\((?:bed|bay|room|rm)\s*\d+\))?(?:\s+(?:today|now|currently|this\s+morning|on\s+[a-z]{{4,}}))?(?=\s+(?:is|was|are|were|came\s+back|come\s+back|has|had|at|sits?|sitting|stands?|standing|screened|measured|tested)\s)|(?:ours|mine|theirs|yours|hers|his|(?:(?:our|my|this|the)\s+)?(?:pts?|patient)(?:['’]s)?(?:\s+(?:him|her)self)?)(?:\s+{OWN_COUNT_WORD}\s+(?:count|value|result|level))?(?:\s+(?:today|now|currently|this\s+morning))?(?=(?:['’]s)?\s*:?\s*[1-9]|(?:['’]s)?\s*:?\s*0[.,]|\s+(?:screened|measured|tested|sits?|sitting)\s+(?:at\s+)?\d)(?!\s*:?\s*\d+(?:st|nd|rd|th)\b)|(?:she|he)(?=['’]s\s+(?:at\s+|now\s+|only\s+)?\d|\s+is\s+(?:at\s+|now\s+|only\s+)?\d|['’]s\s+(?:(?:sitting|running|sat)\s+)?at\s|\s+is\s+(?:(?:sitting|running|sat)\s+)?at\s|\s+(?:screened|sits|sat|came\s+back)\s+at\s)|(?:pt|patient)(?:['’]s)?\s+value|{PATIENTS_OWN}|{FOREIGN_OWNER}\s+(?:{PRONOUN_BE}|hat|heeft|tem|tiene|ha|a)\s+(?:(?:à|a|bei|op|em|en|de|di|van)\s+)?(?=\d)|(?:el|la|le|il|o|a|der|die|de)\s+(?:paciente|patiente?|paziente|patient(?:in)?|patiënt)\s+(?:tiene|tem|a|ha|hat|heeft)\s+(?=\d)|{FOREIGN_OWNER}(?:\s+(?:{FOREIGN_TODAY}))?(?=\s*:?\s*\d)|{FOREIGN_OURS}(?:\s+(?:{PRONOUN_BE}|hat|heeft|tem|tiene|ha|a|est|es|è|ist|is|é)(?:\s+(?:à|a|bei|op|em|en|de|di|van|auf|bij))?)?(?=\s*:?\s*\d))(?:['’](?:s|re))?\s*(?::\s*)?{SUBJECT_VERB}{NUMBER}\s*(?:{UNIT})?",
                                        re.IGNORECASE)
# A pronoun and a verb a value of the person's own follows: "she screened at 1.45", "he came back at 0.8".
PRONOUN_VALUE_VERBS = tuple(f"{pronoun} {verb}" for verb in ("screened", "sat", "sits", "came back") for pronoun in ("he", "she"))
OWNER_WORDS = ("mine", "ours", "pt", "patient", "guy", "lady", "man", "woman", "gent", "chap", "his ", "hers", "theirs", "yours", "he's", "she's", "mr ", "mr.", "mrs", "ms ", "ms.", "miss ",
               "he is", "she is", "this one", *PRONOUN_VALUE_VERBS)  # one of them is in every OWNER and every cue of whose value follows
# a cue the patient's value may follow after a name with none: whose value it is, or that it is current
OWNER_CUE_RE = re.compile(rf"(?i)(?:{OWNER}|{FOREIGN_OWNER}|{FOREIGN_OURS}|{PATIENTS_OWN}|his|hers|they|she|he|today|now|this\s+morning|this\s+week|currently|current|latest|"
                          rf"{FOREIGN_TODAY})\b")
# the cue's first letters: a word of now, or a possessive ("hold if plt <75, ours is 88", "ref range 1.8-7.7, his is 1.6")
CURRENT_WORDS = ("today", "now", "morning", "this week", "current", "latest", *FOREIGN_NOW_STEMS, "nostr", "nôtre", "notre", "nuestr", "noss", "unsere", "onze", "meine", "mien", "mío", "mía", "mios", "mias", "miei", "mie ", "meus", "minhas", "mijne", "ours ", "his ", "hers ", "theirs ", "yours ", "mine ", "mine'", "mine’", "ours'", "ours’",
                 "value", "they ", "it ", "he's", "he is", " pt ", *PRONOUN_VALUE_VERBS,
                 "he’s", "they'", "they’", "pt'", "pt’", "pt:", " pts ", "himself", "herself", "guy", "lady", "man ", "woman", "gent", "chap",
                 "patient", "pacient", "pazient", "patiënt", "mr ", "mr.", "mrs", "ms ", "ms.", "miss ")


# A sentence that opens with now, after a value: "hb was 11 at start of pembro. now 8.2".
NOW_AFTER_STOP_RE = re.compile(r"(?i)\.\s+(?:and\s+|but\s+)?(?:right\s+)?(?:now|today|currently|this\s+morning)\b")


def _current_after_threshold(text: str, position: int) -> re.Match | None:
    window = text[position:position + 110].lower()
    if not any(word in window for word in CURRENT_WORDS):
        return None
    current = CURRENT_AFTER_THRESHOLD_RE.match(text, position)
    if not current or ANALYTE_RE.search(text, position, current.start("num")) or NOT_A_VALUE_RE.match(text, current.end("num")) \
            or text.startswith("/", current.end("num")) and text[current.end("num") + 1:current.end("num") + 2].isdigit() \
            or RANGE_AFTER_RE.match(text, current.end("num")):
        return None  # ... but "Today 4/30 WBC 5.8": a date, not a value; "ref range for Hb? ours is 12.0-15.5": a range
    if (age := AGE_RE.match(text, current.start("cue"))) and age.start("age") == current.start("num") \
            and any(word in " " + text[max(0, position - 120):position].lower() for word in RELATIVE_WORDS):
        return None  # "Dad's neutrophils came back at 0.8, he's 74 and feels fine": the relative's age
    return current


# A person's age told with a pronoun: "he's 79.", "she is 68 and", "hes 74 yo" (a whole number, no unit, then a cut or "years").
AGE_RE = re.compile(r"(?i)\b(?:he|she)(?:['’]s|s|\s+is)\s+(?P<age>\d{1,3})(?!\d|[.,]\d|\s*(?:k\b|x|/|g\b|mg|%))(?=\s*(?:[,.;!?]|and\b|but\b|y/?o\b|yrs?\b|years?\b|$))")
# A sentence that opens with now and a value, after sentences of rules whose numbers are all thresholds: "If platelets fall
# below 25 we'll admit; if they drop to 10 transfuse. Right now 63 and stable."
NOW_SENTENCE_VALUE_RE = re.compile(rf"(?:[.;!?,][ \t]+|\n[ \t]*(?:[•*·‣-][ \t]*)?)(?P<cue>(?:right[ \t]+|for[ \t]+|as[ \t]+of[ \t]+)?(?:now|today|currently|current|latest|this[ \t]+morning|{FOREIGN_TODAY}))\b[ \t]*"
                                   rf"(?:(?:it|they|she|he)(?:['’]s|['’]re|[ \t]+is|[ \t]+are)[ \t]+|is[ \t]+|are[ \t]+|:[ \t]*|at[ \t]+|"
                                   # ... "Hoy tiene 63.000", "Heute hat er 63.000", "Oggi ha 63.000", "Aujourd'hui elle est à 63 G/L"
                                   rf"(?:(?:il|elle|er|sie|hij|zij|ele|ela)[ \t]+)?(?:tiene|tienen|est[áa]n?|hat|haben|liegt|liegen|ist|sind|ha|hanno|è|sono|heeft|hebben|is|zijn|tem|têm|est[áa]|estão|a|ont|est|sont)[ \t]+(?:(?:er|sie|es|hij|zij)[ \t]+)?(?:(?:à|a|bei|de|op|em|en)[ \t]+)?)?{NUMBER}[ \t]*(?:{UNIT})?",
                                   re.IGNORECASE)
BASELINE_BEFORE_NAME_RE = re.compile(r"(?i)\b(?:baseline|pre-?treatment|pre-?ici|before\s+(?:treatment|immunotherapy)|previous|prior|initial)[ \t]*:?[ \t]*$")
FIRST_DIGIT_RE = re.compile(r"(?<![\w.,^*])\d")  # a number's first digit (not one inside a name: "IMbrave150", nor a unit's power: "x10^9/L")
RULE_MARK_RE = re.compile(r"[<>≤≥]")  # a rule's comparator, between a value and a sentence that opens with now
NOW_CUE_WORDS = ("now", "today", "current", "latest", "morning", *FOREIGN_NOW_STEMS)  # the words of now NOW_SENTENCE_VALUE_RE's cue needs (a cheap test first)
RULE_NUMBER_BEFORE_RE = re.compile(r"(?i)(?:\b(?:to|below|under|above|over|than|at|of|grade|grado|grad|graad)|\bG|[<>≤≥]=?)[ \t]*$")  # (a grade the rule gives)


def _now_after_rules(text: str, position: int) -> re.Match | None:
    """The value told after the rules that follow a threshold or a supposed value (see NOW_SENTENCE_VALUE_RE), within 120
    characters, when no name and no number but a rule's stands between."""
    window = text[position:position + 120].lower()
    if not any(cue in window for cue in NOW_CUE_WORDS):
        return None
    told = next(NOW_SENTENCE_VALUE_RE.finditer(text, position, min(len(text), position + 140)), None)
    if told is None or told.start("cue") - position > 120 or ANALYTE_RE.search(text, position, told.start("num")) \
            or NOT_A_VALUE_RE.match(text, told.end("num")) and not told.group("unit"):
        return None
    if any(not RULE_NUMBER_BEFORE_RE.search(text, max(position, number.start() - 12), number.start())
           and not BASELINE_NUMBER_BEFORE_RE.search(text, max(position, number.start() - 16), number.start())
           for number in FIRST_DIGIT_RE.finditer(text, position, told.start())):
        return None  # (a baseline told between is no value of now: "IMbrave150 required plt ≥75; pt's baseline 98, today 71")
    return told


BASELINE_NUMBER_BEFORE_RE = re.compile(rf"(?i)\b{BASELINE_WORD}[ \t]*(?:was[ \t]+|of[ \t]+|:[ \t]*|at[ \t]+)?$")


NOW_AFTER_NUMBER_RE = re.compile(r"(?i)[ \t]*(?:\S+[ \t]+)?(?:today|now|currently|this\s+(?:morning|am))\b")  # "66 today", "66 K/uL now"
NOW_BEFORE_STEP_RE = re.compile(r"(?i)[ \t]*(?:(?:on[ \t]+)?(?:day|d|wk|week|cycle|c)[ \t]*\d{1,3}[ \t]+|\S+[ \t]+)?and[ \t]+(?:(?:is|was|it['’]s|it\s+is)[ \t]+)?"
                                r"(?:today|now|currently|this\s+(?:morning|am))(?:[ \t]+(?:is|it['’]s|at))?[ \t]*:?[ \t]*")  # "and today 55", "on day 15 and today is 1.6"


# An underscore inside a name, as exports write field names in snake case ("lymphocytes_abs", "platelet_count"), is read as a space.
SNAKE_CASE_RE = re.compile(r"(?<=[A-Za-z])_(?=[A-Za-z])")
# A hyphen between a name and its value, as Indian reports write ("Hb-8.6 gm/dl, TLC-2800, Platelets-68000"), is read as a space.
NAME_HYPHEN_RE = re.compile(r"-(?<=[A-Za-z]-)(?=\d)")
# A slash between the keys of a one-line record ("Test: Hemoglobin / Result: 79 / Units: g/L") is read as a cell's bar.
SLASH_RECORD_RE = re.compile(r"(?<=[ \t])/(?=[ \t]+(?:result|units?|ref\w*|flags?|value|status)\b[^:\n/]{0,12}:)", re.IGNORECASE)


def _name_ends_at(text: str, end: int) -> bool:
    """Whether an analyte's name ends at `end` (looked for within the 30 characters before)."""
    return any(name.end() == end for name in ANALYTE_RE.finditer(text, max(0, end - 30), end))


# A CSV export's row that names its count first and gives its values in the columns of a header of times ("Test,2025-02-03,
# 2025-02-17" over "WBC,5.8,4.1,3.2"): its commas are read as a semicolon export's, so the row is the count's series.
CSV_NAME_ROW_RE = re.compile(r"(?m)^(?P<name>[A-Za-z][^,\n\d]{0,30}),(?P<cells>\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+)[ \t]*$")


def _csv_name_row_commas(text: str) -> list[int]:
    """The positions of the commas of each CSV_NAME_ROW_RE row whose name is a count's, and of its header's: a line of times
    (CSV_TIMES_HEADER_RE) with as many cells, its dates, if it gives dates, oldest first."""
    rows = [row for row in CSV_NAME_ROW_RE.finditer(text) if ANALYTE_RE.fullmatch(row.group("name").strip())]
    if not rows:
        return []
    headers = {header.group(0).count(","): header for header in CSV_TIMES_HEADER_RE.finditer(text)}
    commas: set[int] = set()
    for row in rows:
        header = headers.get(row.group(0).count(","))
        times = header.group(0).split(",")[1:] if header else []
        if header is None or sorted(times) != times and all(ISO_DATE_RE.fullmatch(t.strip()) for t in times):
            continue  # no header of times as wide, or its dates newest first: the row is left as written ("WBC,5.8,4.1" in prose)
        commas.update(position for span in (header.span(), row.span()) for position in range(*span) if text[position] == ",")
    return sorted(commas)


# The header of such an export: a label, then a time in each column ("Test,2025-02-03,2025-02-17", "Analyte,D1,D8,D15").
CSV_TIME_CELL = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:C\d{1,2})?D\d{1,3}|(?:day|week|wk|cycle)\s*\d{1,3})"
CSV_TIMES_HEADER_RE = re.compile(rf"(?im)^[A-Za-z][^,\n\d]{{0,30}}(?:,{CSV_TIME_CELL})+[ \t]*$")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _replace_at(text: str, positions: list[int], character: str) -> str:
    """`text` with the character at each of `positions` replaced by `character` (the same length)."""
    pieces, last = [], 0
    for position in positions:
        pieces += [text[last:position], character]
        last = position + 1
    return "".join(pieces) + text[last:]
# A hyphen that joins a word of when or why to a short name ("Kontroll-Hb am Abend 8,5", "Post-PLT 52") is read as a space.
PREFIXED_NAME_RE = re.compile(r"-(?<=[a-zäöü]-|\b[BP]-)(?=(?:Hb|HB|Hgb|HGB|PLT|Plt|ANC|WBC|Leuko|Thrombo|Trombo|Neutro|Lympho|Lymfo)(?![a-z])|"
                              r"(?<=\b[BP]-)[A-Z][a-z])")  # the hyphen first: fast; "B-Hb", "B-Leukocyter": a Swedish sample's letter


def _word_match_ends(text: str, lowered: str, words: tuple[str, ...], regex: re.Pattern) -> set[int]:
    """Where `regex` ends when matched at each place one of `words` (its first words) is found: a plain-string search, faster
    over a long text than the regex scanning it whole."""
    ends = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found = regex.match(text, at)
            if found:
                ends.add(found.end())
            at = lowered.find(word, at + 1)
    return ends


def find_mentions(text: str) -> list[Mention]:
    """Every analyte name in `text` with the number that follows it, and the values of lab tables."""
    read = text
    if "_" in read:
        read = SNAKE_CASE_RE.sub(" ", read)
    if "-" in read and PREFIXED_NAME_RE.search(read):
        read = PREFIXED_NAME_RE.sub(" ", read)
    if "-" in read and (joined := [m.start() for m in NAME_HYPHEN_RE.finditer(read) if _name_ends_at(read, m.start())]):
        read = _replace_at(read, joined, " ")
    if " / " in read and SLASH_RECORD_RE.search(read):
        read = SLASH_RECORD_RE.sub("|", read)
    if "," in read and "\n" in read and (commas := _csv_name_row_commas(read)):
        read = _replace_at(read, commas, ";")
    if read is text:
        return _find_mentions(text)
    mentions = _find_mentions(read)  # the same length: spans stand, the raw text is the user's
    for mention in mentions:
        mention.raw = text[mention.span[0]:mention.span[1]]
    return mentions


# A CDISC SDTM laboratory record written as key=value pairs: the test's name, its result and (optionally) the result's unit.
CDISC_FIELD = r"[A-Z][A-Z0-9]*\s*[=:]\s*[^|;\n=]*?\s*(?:[|;]\s*|\s{2,})"
CDISC_RECORD_RE = re.compile(rf"\bLBTEST(?:CD)?\s*[=:]\s*(?P<name>[^|;\n=]+?)\s*(?:[|;]\s*|\s{{2,}})(?:(?!LBTEST){CDISC_FIELD}){{0,6}}?"
                             rf"LB(?:ORRES|STRESN|STRESC)\s*[=:]\s*(?P<num>\d+(?:[.,]\d+)?)(?![\d.,])"
                             rf"(?:\s*(?:[|;]\s*|\s{{2,}})(?:(?!LBTEST){CDISC_FIELD}){{0,3}}?LB(?:ORRESU|STRESU)\s*[=:]\s*(?P<unit>[^|;\n]+?)\s*(?=[|;\n]|$))?")


def _record_mention(text: str, record: tuple[int, int], name: str, number: re.Match, unit: str | None) -> Mention | None:
    """The value of one lab record (its whole span `record`): the test `name` names, its result `number` (a match whose group
    "num" is the number), in `unit`; None when the name is no count's or the value is not plausible."""
    analyte = ANALYTE_RE.fullmatch(name.strip())
    if analyte is None:
        return None
    mention = _mention(analyte.lastgroup, text, record[0], record[1], number.group("num"), False, unit, None,
                       number.span("num"), [parse_number(number.group("num"))])
    return mention if mention.value is not None else None


def cdisc_mentions(text: str) -> list[Mention]:
    """The values of CDISC SDTM records ("LBTEST=Platelets | LBORRES=45 | LBORRESU=10^9/L"), each with its test's analyte."""
    found = (_record_mention(text, record.span(), record.group("name"), record, record.group("unit")) for record in CDISC_RECORD_RE.finditer(text))
    return [mention for mention in found if mention is not None]


# A lab result exported as a JSON object: its test's name, its value and (optionally) its unit, in any order of keys:
# {"test": "PLT", "value": 73, "unit": "10*9/L"}.
JSON_OBJECT_RE = re.compile(r"\{[^{}]{0,400}\}")
JSON_NAME_RE = re.compile(r'"(?:test|name|analyte|code|component|display|parameter|lab|item)"\s*:\s*"(?P<name>[^"\n]{1,40})"', re.IGNORECASE)
JSON_VALUE_RE = re.compile(r'"(?:value|result|result_value|value_numeric)"\s*:\s*"?(?P<num>\d+(?:\.\d+)?)"?(?=\s*[,}])', re.IGNORECASE)
JSON_UNIT_RE = re.compile(r'"(?:unit|units|uom)"\s*:\s*"(?P<unit>[^"\n]{1,20})"', re.IGNORECASE)


def json_record_mentions(text: str) -> list[Mention]:
    """The values of lab results written as JSON objects, each with its test's analyte (see JSON_OBJECT_RE)."""
    found = []
    for record in JSON_OBJECT_RE.finditer(text):
        name = JSON_NAME_RE.search(text, *record.span())
        value = JSON_VALUE_RE.search(text, *record.span()) if name else None
        if value is None:
            continue
        unit = JSON_UNIT_RE.search(text, *record.span())
        mention = _record_mention(text, record.span(), name.group("name"), value, unit.group("unit") if unit else None)
        if mention is not None:
            found.append(mention)
    return found


# A lab result written as a record of keyed fields, on one line ("Test: Platelet count | Units: x10^9/L | Ref: 150-400 |
# Result: 36 L") or on lines of their own: its test's name, its result and (optionally) its unit, in any order of keys.
KEY_FIELD_START = r"(?:^|(?<=[|;\t\n])|(?<=[|;\t][ \t]))[ \t]*"
KEY_NAME_RE = re.compile(KEY_FIELD_START + r"(?:test(?:[ \t]+name)?|analyte|component|parameter|item|observation)[ \t]*[:=][ \t]*"
                         r"(?P<name>[^|;\t\n:=]{1,40}?)[ \t]*(?=[|;\t\n]|$)", re.IGNORECASE | re.MULTILINE)
KEY_RESULT_RE = re.compile(KEY_FIELD_START + r"(?:result(?:[ \t]+value)?|value|observed[ \t]+value)[ \t]*[:=][ \t]*"
                           r"(?P<num>\d+(?:[.,]\d+)?)(?![\d/:-]|[.,]\d)", re.IGNORECASE | re.MULTILINE)
KEY_UNIT_RE = re.compile(KEY_FIELD_START + r"(?:units?|uom)[ \t]*[:=][ \t]*(?P<unit>[^|;\t\n]{1,20}?)[ \t]*(?=[|;\t\n]|$)",
                         re.IGNORECASE | re.MULTILINE)
KEY_RECORD_REACH = 300  # characters a record's fields reach past its test's name


def key_record_mentions(text: str) -> list[Mention]:
    """The values of lab results written as records of keyed fields (see KEY_NAME_RE): each record runs from its test's
    name to the next record's, a blank line or KEY_RECORD_REACH characters, and gives the result in it."""
    names = list(KEY_NAME_RE.finditer(text))
    found = []
    for index, name in enumerate(names):
        end = min(len(text), name.start() + KEY_RECORD_REACH, names[index + 1].start() if index + 1 < len(names) else len(text))
        blank = text.find("\n\n", name.end(), end)
        end = blank if blank >= 0 else end
        start = text.rfind("\n", 0, name.start()) + 1  # the fields before the name on its line are the record's too
        start = max(start, names[index - 1].end() if index else 0)
        value = KEY_RESULT_RE.search(text, start, end)
        if value is None:
            continue
        unit = KEY_UNIT_RE.search(text, start, end)
        record = (min(name.start(), value.start()), max(name.end(), value.end()))
        mention = _record_mention(text, record, name.group("name"), value, unit.group("unit") if unit else None)
        if mention is not None:
            found.append(mention)
    return found


def _bracketed_alone(text: str, filler: str, number_end: int) -> bool:
    """Whether a value stands alone in brackets right after its name: "normal Hb (12.8)" gives the value said to be normal."""
    return filler.strip() == "(" and text[number_end:number_end + 12].lstrip(" \t").startswith(")")


# An aside that says what a count is, set off between a name and its value by commas or dashes.
APPOSITIVE_RE = re.compile(r"(?i)[ \t]*(?:,|[-–—])[ \t]*(?:the|a|an|which\s+(?:are|is)|i\.e\.)\s[^,;.\n\d()\-–—:]{3,60}?[ \t]*(?:,|[-–—])(?=[ \t]+(?:are|is|was|were|at|now|of)\b)")


def _find_mentions(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    bare: list[re.Match] = []  # names with no value after them: the value may stand before the name
    # Tests that can only match when the text has a goal word or a garbled number anywhere, run once per text.
    lowered = text.lower()
    target_ends = _word_match_ends(text, lowered, TARGET_WORDS, TARGET_BEFORE_RE)
    if any(word in lowered for word in FOREIGN_TARGET_WORDS):
        target_ends |= _word_match_ends(text, lowered, FOREIGN_TARGET_STARTS, FOREIGN_TARGET_BEFORE_RE)
    may_garble = GARBLED_ANYWHERE_RE.search(text) is not None
    may_statistic = any(word in lowered for word in STATISTIC_WORDS)
    may_sample_problem = any(word in lowered for word in SAMPLE_PROBLEM_WORDS)
    may_correct = "corrected" in lowered or "amended" in lowered or "revised" in lowered
    may_product = any(word in lowered for word in PRODUCT_WORDS)  # (else no name names a blood product: _names_a_product)
    owner_at = sorted(at for word in OWNER_WORDS for at in word_starts(lowered, word)) if any(word in lowered for word in OWNER_WORDS) else []
    threshold_at = sorted(at for word in THRESHOLD_NOUNS for at in word_starts(lowered, word)) if any(word in lowered for word in THRESHOLD_NOUNS) else []
    normal_at = sorted(at for word in NORMAL_WORDS for at in word_starts(lowered, word)) if any(word in lowered for word in NORMAL_WORDS) else []
    pronouns = pronoun_change_starts(lowered)
    may_month = MONTH_AFTER_DAY_RE.search(lowered) is not None
    may_ordinal = any(word in lowered for word in ORDINAL_WORDS) or ORDINAL_SHORT_RE.search(text) is not None \
        or DOTTED_DATE_RE.search(text) is not None
    names = list(ANALYTE_RE.finditer(text))
    # where a condition and its bracket may start ("Neutropenia (nadir 0.2, …)")
    brackets_at = condition_starts(text, lowered) if "(" in text and ("peni" in lowered or "emi" in lowered or "péni" in lowered or "émi" in lowered or "ämi" in lowered) else []
    if (brackets_at is None or brackets_at) and ("count" in lowered or "value" in lowered or "level" in lowered):
        if counts_named := condition_count_names(text, brackets_at):
            names = sorted(names + counts_named, key=lambda name: name.start())
    # where a sentence that opens with now starts ("… . now 8.2"): the value before it may be followed by the latest
    now_after_stop = [m.start() for m in NOW_AFTER_STOP_RE.finditer(text)] if ". " in text else []
    says_now = any(cue in lowered for cue in NOW_CUE_WORDS)  # (else _now_after_rules finds nothing in the text)
    value_re = VALUE_RE if any(word in lowered for word in TIMED_FILLER_WORDS) or any(day in text for day in SHORT_DAYS) else PLAIN_VALUE_RE
    trend_step = TREND_STEPS[(any(arrow in text for arrow in ARROW_TOKENS), any(word in lowered for word in LONG_GAP_WORDS))]
    name_starts = [name.start() for name in names]
    for match in names:
        analyte = match.lastgroup
        position = match.end()
        if text[match.start() - 1:match.start()] == " " and (text[match.start() - 2:match.start() - 1].isdigit() or text[match.start() - 2:match.start() - 1] in ("k", "K", "L")) \
                and (at_value := AT_VALUE_BEFORE_NAME_RE.search(text, max(0, match.start() - 50), match.start())):
            # "our pt is at 68 plts, baseline was 102": the value said to be where the count is, before its name (a value
            # after the name, marked as past, loses to it; see latest_of_timed_repeats)
            mentions.append(_matched_mention(analyte, text, at_value.start("num"), match.end(), at_value))
        if text[position:position + 2].strip()[:1] in (",", "-", "–", "—") and (aside := APPOSITIVE_RE.match(text, position)):
            position = aside.end()  # "your neutrophils, the cells that fight bacteria, are 1.4": an aside between name and value
        if "%" in text[position:position + 3] and text[position:position + 3].lstrip().startswith("%"):
            ahead = text[position:position + 30]
            absolute = PERCENT_NAME_THEN_ABSOLUTE_RE.match(text, position) if "(" in ahead or "bs" in ahead or "BS" in ahead or "#" in ahead else None
            if absolute:  # "NEUT% 71.2 (abs 1.8)": the percentage, then the absolute count in brackets
                mentions.append(_matched_mention(analyte, text, match.start(), absolute.end(), absolute))
            continue  # "NEUT%", "Neutrophils %": a differential percentage
        if may_statistic:
            before = text[max(0, match.start() - 30):match.start()].lower()
            if any(word in before for word in STATISTIC_WORDS) and STATISTIC_BEFORE_RE.search(before):
                statistic = STATISTIC_VALUE_RE.match(text, position)  # "median ANC in the cohort was 3.1, ours is 1.3": the patient's after it
                if statistic and (current := _current_after_threshold(text, statistic.end())) and OWNER_CUE_RE.match(text, current.start("cue")):
                    mentions += _owner_value(analyte, text, current, TREND_STEPS[(False, False)])
                continue
        if text.startswith(")", position) and text[match.start() - 1:match.start()] == "(" and text[position + 1:position + 2] in (" ", "\t", ":") \
                and not ANALYTE_RE.search(text, max(0, match.start() - 40, text.rfind("\n", 0, match.start())), match.start() - 1):
            position += 1  # "TOTAL COUNT (WBC) 1,900 /µL": the name in brackets labels the value after them
        named_unit = None
        if text[match.start() - 1:match.start()] == "(" and (closed := NAME_UNIT_CLOSE_RE.match(text, position)):
            named_unit, position = closed.group("unit"), closed.end()  # "FBC trend (Hb g/L): 118 -> 104": the name and its unit in brackets
        bracket = None
        ahead = text[position:position + 14]
        if "(" in ahead or "[" in ahead:
            bracket = BRACKET_RE.match(text, position) or BRACKET_RE.match(text, NAME_PUNCTUATION_RE.match(text, position).end())
        header_unit = named_unit
        if bracket:
            header_unit = bracket.group("unit")
            position = bracket.end()
            if text[position:position + 2].strip()[:1] in ("[", "(") and (ranged := BRACKET_RE.match(text, position)) \
                    and not ranged.group("unit"):
                position = ranged.end()  # "NEUTROPHILS ABS (x10^9/L) [2.0-7.5] ...... 0.84", "(K/uL) [0.9-3.3]": the unit, then the reference range
        if not header_unit and ("/" in (unit_window := text[position:position + 20]) or "per " in unit_window) \
                and (not (lead := text[position:position + 16].lstrip(" \t,:"))[:1].isdigit()
                     or lead[:3] in ("10^", "10*")):  # "WBC   10^3/uL   2.90": a unit column first; "Platelets, per µL: 143,000"
            unit_first = HEADER_UNIT_RE.match(text, position)
            if unit_first:
                header_unit, position = unit_first.group("unit"), unit_first.end()
                if text[position:position + 2].strip()[:1] in ("[", "(") and (ranged := BRACKET_RE.match(text, position)):
                    position = ranged.end()  # "PLT x10^9/L [150-450] .......... 112": the reference range after the unit
                elif (ranged := RANGE_COLUMN_RE.match(text, position)) is not None:
                    position = ranged.end()  # "Hemoglobin   g/dL   12.0-15.5   8.9   L": the range's column, then the value's
        if not header_unit and "..." in text[position:position + 40] and (ranged := RANGE_THEN_LEADERS_RE.match(text, position)):
            header_unit, position = ranged.group("unit"), ranged.end()  # "PLT   150-400 x10^9/L .......... 59  L": the range and unit first
        dated = None
        if "/" in text[position:position + 20] or may_month or may_ordinal or ":" in text[position + 1:position + 6]:
            dated = DATED_LIST_RE.match(text, position) if DATED_START_RE.match(text, position) else None
            if not dated and (text[position + 1:position + 2] in LIST_WORD_STARTS or text[position:position + 1] in LIST_WORD_STARTS):
                lead = LIST_LEAD_RE.match(text, position)  # "ANC trend: 1/3 1.9, 1/10 1.2", "Neutrophile am 3.6. 2,1, am 10.6. 1,3"
                dated = DATED_LIST_RE.match(text, lead.end()) if lead else None
            if not dated and ":" in text[position:position + 44] and (heading_end := _heading_end(text, position, 40)) is not None:
                dated = DATED_LIST_RE.match(text, heading_end)  # "ANC after G-CSF: D+7 0.1, D+10 0.3, D+14 1.1"
        if dated:  # "Platelets: 03/02 212, 10/02 140, 17/02 88": each value after its date, the most recent read
            mentions.append(_dated_list(analyte, text, match.start(), dated, header_unit))
            continue
        # the common case, a number right after the name ("WBC 2.7", "Hb: 9.1 g/dL"), by a pattern with no fillers to try
        value_match = (FAST_VALUE_RE.match(text, position) if FAST_VALUE_GUARD_RE.match(text, position) else None) or value_re.match(text, position)
        if value_match and text[value_match.start("num")] == "0" and (code := COLUMN_CODE_RE.match(text, value_match.start("num"))):
            value_match = value_re.match(text, code.end()) or value_match  # "WBC   01   1.7   Low": a column of codes before the values
        elif value_match and text[value_match.start("num")] in "012" and (clock := CLOCK_BEFORE_VALUE_RE.match(text, value_match.start("num"))) \
                and (clock.group("hour")[0] == "0" or float(clock.group("next").replace(",", ".")) * 1000 != int(clock.group("time"))):
            value_match = value_re.match(text, clock.end()) or value_match  # "Hgb 0600 7.8, Hgb 1400 8.9": the time it was drawn, then the value
        record = None
        if "\n" in text[position:position + 12] and (not value_match or "\n" in (value_match.group("filler") or "") and not _vertical(
                text, match.start(), value_match.group("filler"), value_match.end("num"))):
            record = _record_value(text, match.start(), position)  # "ANC\nNormal range: 1.5 - 7.7\nValue: 0.95"
            value_match = record or value_match
        if not value_match and text[position:position + 1] in (" ", "\t"):
            if FOREIGN_COMPARATOR_HINT_RE.search(lowered, position, position + 40):
                value_match = FOREIGN_VALUE_RE.match(text, position)  # "si mes PNN descendent sous 0,5 G/L": a threshold
        if not value_match and (text[position:position + 1].isspace() or text[position - 1:position].isspace()):
            gap = PLACE_GAP_RE.match(text, position)  # "neutrophil count on discharge was 1.1"
            value_match = VALUE_RE.match(text, gap.end()) if gap else None
        if not value_match and text[position:position + 3].lstrip(" \t")[:1] == "(" and (aside := ASIDE_GAP_RE.match(text, position)):
            value_match = VALUE_RE.match(text, aside.end())  # "Your haemoglobin (the protein that carries oxygen in your blood) was 9.3 g/dL"
        if ":" in text[position:position + 64] and text[position:position + 1] in (" ", "\t") \
                and (not value_match or not value_match.group("unit") and NOT_A_VALUE_RE.match(text, value_match.end("num"))) \
                and (heading_end := _heading_end(text, position, 60)) is not None and (digit := DIGIT_AFTER_HEADING_RE.match(text, heading_end)):
            # "ALC trend on nivolumab + prednisone for colitis: 1.4 (baseline) → …"; "ALC on pred 60 mg for colitis: 1.2 → …" (a dose
            # in the heading is no value)
            value_match = VALUE_RE.match(text, digit.end()) or value_match
        if not value_match and text[position + 1:position + 4].lower() == "as " and text[position:position + 1] in (" ", "\t") \
                and REPORTED_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
            value_match = VALUE_RE.match(text, position + 3)  # "Your lab reported hemoglobin as 5.1 mmol/L"
        if not value_match and text[position:position + 1] in (" ", "\t"):
            loose = LOOSE_GAP_RE.match(text, position)  # "Platelets have fallen progressively and were 36"
            if loose and not ANALYTE_RE.search(text, position, loose.end()):
                value_match = VALUE_RE.match(text, loose.end())
        if not value_match and " by " in text[position:position + 30] and (changed := CHANGED_BY_THEN_VALUE_RE.match(text, position)):
            value_match = VALUE_RE.match(text, changed.end())  # "Hemoglobin fell by 2.5 g/dL over two weeks and is 8.8 today"
        if not value_match and RECHECK_HINT_RE.search(text, position, position + 60):
            recheck = RECHECK_AFTER_PROBLEM_RE.match(text, position)  # "Plt clumped — repeat citrate count 188"
            value_match = VALUE_RE.match(text, recheck.end()) if recheck else None
        if not value_match and "(" in text[position:position + 48]:
            bracketed = WORDS_THEN_BRACKET_RE.match(text, position)  # "the platelet count you shared (44 x10^9/L)"
            if bracketed and not ANALYTE_RE.search(bracketed.group("filler")) and not NOT_OWN_WORDS_RE.search(NORMAL_STATE_RE.sub(" ", bracketed.group("filler"))):
                value_match = bracketed
            elif (latest := LATEST_IN_BRACKET_RE.match(text, position) or NOW_IN_BRACKET_RE.match(text, position)
                  or GRADE_CHANGE_THEN_BRACKET_RE.match(text, position)) and not ANALYTE_RE.search(latest.group("filler")):
                # "Platelets remained normal throughout (latest 243)", "… low for months (0.7 today)", "ANC improved from grade 3
                # to grade 1 (0.7 → 1.2)"
                value_match = latest
        if not value_match and ("ormal" in (ahead := text[position:position + 40]) or "stable" in ahead or "preserved" in ahead or "unremarkable" in ahead) \
                and (normal := NORMAL_THEN_BRACKET_RE.match(text, position)) \
                and not ANALYTE_RE.search(normal.group("filler")):
            value_match = normal
        ahead = text[position:position + 48]
        garbled = GARBLED_VALUE_RE.match(text, position) if may_garble and GARBLED_HINT_RE.search(ahead) else None
        if garbled and (not value_match or value_match.end("num") <= garbled.end("token")):
            mentions.append(_unreadable(analyte, text, match.start(), garbled))
            continue
        if not value_match:
            told = _value_in_next_clause(text, position)
            if told:  # "Platelets were rechecked at the clinic; this morning they came back at 31"
                mentions.append(_matched_mention(analyte, text, match.start(), told.end(), told))
            elif (current := _current_after_threshold(text, position)) and OWNER_CUE_RE.match(text, current.start("cue")):
                # "whats the plt cutoff for holding ipi? ours is 61": the patient's value, after a name with none
                mentions += _owner_value(analyte, text, current, TREND_STEPS[(False, False)])
            else:
                bare.append(match)
            continue
        found = value_match.groupdict()
        filler = found["filler"] or ""
        if "\n" in filler and not _vertical(text, match.start(), filler, value_match.end("num")) or len(filler) > 40 and (len(filler) > 75 or not ("," in filler or "ref" in filler.lower() or CHANGED_BY_RE.match(filler)
                                                       or value_match.re is WORDS_THEN_BRACKET_RE or value_match.re is NORMAL_THEN_BRACKET_RE)):
            # a value on the next line belongs to a table, read by table_mentions; a long filler, to another name, unless it is a
            # few words and a bracket ("Platelets remained normal throughout the admission (245 x10^9/L)")
            continue
        number_text, unit_text, kilo, comparator = found["num"], found["unit"], bool(found["kilo"]), found["cmp"]
        number_span = value_match.span("num")
        if comparator and comparator[:2].lower() == "up" and not filler.strip() and (UP_TO_CHANGE_AFTER_RE.match(text, value_match.end())
                                                                             or CLAUSE_ENDS_RE.match(text, value_match.end())
                                                                             and CHANGE_CONTEXT_BEFORE_RE.search(text, max(0, match.start() - 60), match.start())
                                                                             and not TARGET_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())):
            # "ANC up to 1.2 from 0.4", "White count up to 8.9 after the G-CSF", "pred 60 mg daily, plt up to 118": the count rose to it
            comparator = None
        if not unit_text and not kilo and analyte in WHITE_COUNTS and text.startswith(" ", number_span[1]) and len(number_text) < 3 \
                and number_text.isdigit() and number_text[0] != "0" and (grouped := SPACED_THOUSANDS_RE.match(text, number_span[1])):
            number_span = (number_span[0], grouped.end())  # "Globules blancs à 2 300,": thousands split by a space
            number_text = text[number_span[0]:number_span[1]]
        # A year or a reference glued to an analyte name is not a value ("platelets 2019 study").
        if len(number_text) == 4 and not unit_text and YEAR_RE.fullmatch(number_text) \
                and REFERENCE_AFTER_RE.match(text, number_span[1]):
            continue
        end = value_match.end("kilo") if kilo else number_span[1]
        dash_series = None
        if not unit_text and not kilo and ("-" in text[number_span[1]:number_span[1] + 3] or "–" in text[number_span[1]:number_span[1] + 3]):
            dash_series = DASH_SERIES_RE.match(text, number_span[1])
        if not comparator and (not unit_text and not kilo and not dash_series and RANGE_AFTER_RE.match(text, number_span[1]) and not _dose_after_dash(text, number_span[1])
                               or ("<" in text[number_span[1]:number_span[1] + 6] or "≤" in text[number_span[1]:number_span[1] + 6])
                               and BAND_AFTER_RE.match(text, number_span[1])
                               or match.start() in target_ends
                               or normal_at and (near := bisect_left(normal_at, match.start() - 40)) < len(normal_at)
                               and normal_at[near] < match.start() and not _bracketed_alone(text, filler, number_span[1])
                               and NORMAL_BEFORE_RE.search(text, match.start() - 40 if match.start() > 40 else 0, match.start())
                               and not OWNED_BETWEEN_RE.search(text, position, number_span[0])
                               or "ormal" in filler and NORMAL_RANGE_AFTER_RE.match(text, number_span[1])
                               or "between" in filler or " to " in text[number_span[1]:number_span[1] + 5] and WORD_RANGE_OVER_A_TIME_RE.match(text, number_span[1])):
            # "Target Hb 7-8 g/dL", "Hb 7-8": a range or a goal, not the patient's value; "Platelets — normal is 150 to 400"
            comparator = "target"
            if ("," in (ahead := text[number_span[1]:number_span[1] + 60]) or ";" in ahead or " and " in ahead) \
                    and (later := RANGE_THEN_VALUE_RE.match(text, number_span[1])) is not None:
                # "Platelets stable 180-200 throughout, 192 at discharge": the range over a time, then the value at its end
                mentions.append(_mention(analyte, text, later.start("latest") if later.group("latest") else match.start(), later.end("num"),
                                         later.group("num"), bool(later.group("kilo")),
                                         later.group("unit"), None, later.span("num"), [parse_number(later.group("num"))]))
        if not comparator and (text[number_span[1]:number_span[1] + 2] in (" o", " r", " i") and ALTERNATIVE_ASKED_RE.match(text, number_span[1])
                               or unit_text and text[value_match.end():value_match.end() + 2] in (" o", " r", " i") and ALTERNATIVE_ASKED_RE.match(text, value_match.end())):
            comparator = "target"  # "the transfusion threshold, Hb 7 or 8?", "Hb 7 g/dL or 8?": one of two numbers asked about, no value
        if not comparator and filler and CHANGE_SIZE_RE.search(filler):
            comparator = "target"  # "a hemoglobin fall of 2 g/dL": the size of a change, not a value
        if not comparator and threshold_at and (near := bisect_left(threshold_at, value_match.end())) < len(threshold_at) \
                and threshold_at[near] < value_match.end() + 40 and NAMED_AS_THRESHOLD_RE.match(text, value_match.end()):
            comparator = "target"  # "anc 1.5 is the cutoff for next cycle": a threshold, named as one
        supposed = bool(not comparator and filler and SUPPOSED_VERB_RE.search(filler)
                        and SUPPOSED_BEFORE_RE.search(text, max(0, match.start() - 25), match.start())
                        and not CURRENT_MARK_RE.search(text, number_span[1], number_span[1] + 20))
        if text[number_span[1]:number_span[1] + 1] == "," and AMBIGUOUS_AFTER_RE.match(text, number_span[1]):  # "1,5,3"
            mentions.append(_unreadable(analyte, text, match.start(), AMBIGUOUS_RE.match(text, number_span[0])))
            continue
        # "Result: 79\nUnits: g/L": a record's unit on a line of its own ("Units" there names no dose of blood), or labelled further on its
        # line ("Test: WBC   Result: 3.8   Unit: x10^9/L")
        record_unit = RECORD_UNIT_RE.match(text, end) if ("\n" in filler or record or "nit" in text[end:end + 8]) and not unit_text and not kilo else None
        if not unit_text and not kilo and not record_unit and NOT_A_VALUE_RE.match(text, end) and not TIMES_TEN_RE.match(text, end):
            absolute = (PERCENT_THEN_ABSOLUTE_RE.match(text, end) or PERCENT_THEN_COUNT_RE.match(text, end) or PERCENT_EQUALS_RE.match(text, end)) \
                if "%" in text[end:end + 3] else None
            if absolute:  # "Neutrophils 62% (abs 1.8)": the differential percentage, then the absolute count
                mentions.append(_matched_mention(analyte, text, match.start(), absolute.end(), absolute))
                continue
            if (since := TIME_SINCE_GAP_RE.match(text, position)) and (later := VALUE_RE.match(text, since.end())) and not later.group("cmp"):
                mentions.append(_matched_mention(analyte, text, match.start(), _value_end(later), later))  # "Hb 2 hrs post 8.5"
                continue
            if (dose := NOT_A_VALUE_RE.match(text, end)) and (later := NOW_AFTER_DOSE_RE.match(text, TREATMENT_WORDS_RE.match(text, dose.end()).end())):
                mentions.append(_matched_mention(analyte, text, match.start(), _value_end(later), later))  # "Hb: 2 units given overnight, this AM 8.5"
                continue
            if (told := _value_in_next_clause(text, position)) is not None:  # "Piastrine in calo da 10 giorni; … oggi mostra 47.000/mmc"
                mentions.append(_matched_mention(analyte, text, match.start(), told.end(), told))
                continue
            bare.append(match)
            continue
        if unit_text:
            end = value_match.end()
        else:
            after = record_unit or AFTER_VALUE_RE.match(text, end)
            if after:
                unit_text, end = after.group("unit"), after.end()
            elif not kilo and ("10" in (after_value := text[end:end + 9]) or "io" in after_value):  # "x10^6/µL", "Million/uL", "Mio/µl"
                unknown = UNKNOWN_UNIT_RE.match(text, end)
                if unknown:  # "1,2 x 10^9/µL": a unit the reader does not know is warned about, never guessed
                    mentions.append(_unknown_unit(analyte, text, match.start(), unknown, number_span))
                    continue
            if analyte == "anc" and not unit_text and not kilo and text[match.start()] in "sS" and SEGMENTED_NAME_RE.fullmatch(match.group()):
                continue  # "Segmentados 62": a differential share; only a count written with its unit is read
        steps = [(number_text, kilo, number_span)]
        if not comparator and "|" in text[end:end + 4] and "|" not in text[text.rfind("\n", 0, match.start()) + 1:match.start()] \
                and (piped := PIPED_SERIES_RE.match(text, end)):
            # "ALC trend (K/uL): 1.5 | 1.1 | 0.8 | 0.52 (most recent)": a series in cells of one line (not a table's row)
            steps += [(m.group(0), False, m.span()) for m in DASH_SERIES_VALUE_RE.finditer(text, piped.start(), piped.end())]
            end = piped.end()
        if dash_series and not comparator:
            steps += [(m.group(0), False, m.span()) for m in DASH_SERIES_VALUE_RE.finditer(text, dash_series.start(), dash_series.end())]
            end = dash_series.end()
            later_unit = LATER_UNIT_RE.match(text, end)
            if later_unit:
                unit_text, end = later_unit.group("unit"), later_unit.end()
        if not comparator and filler and FOREIGN_FROM_RE.search(filler):
            reached, is_range = _foreign_to_step(text, filler, end)
            if is_range:
                comparator = "target"  # "Hb de 7 a 9 g/dL": a range, not the patient's value
            elif reached:  # "plaquettes passées de 22 G/L le 02/09 à 57 G/L ce jour"
                steps.append((reached.group("num"), bool(reached.group("kilo")), reached.span("num")))
                end = reached.end()
                later_unit = LATER_UNIT_RE.match(text, end)
                if later_unit:
                    unit_text, end = later_unit.group("unit"), later_unit.end()
        if not comparator and ("from " in (lead := text[match.end():number_span[0]].lower()) or " to " in lead and any(c.isdigit() for c in lead)
                               or "went " in lead or "gone " in lead or CHANGE_LEAD_RE.search(lead)):
            while (further := FURTHER_TO_RE.match(text, end)) is not None:  # "went (from) 150 to 90 to 63": each "to" one more step
                steps.append((further.group("num"), bool(further.group("kilo")), further.span("num")))
                end = further.end()
                later_unit = LATER_UNIT_RE.match(text, end)
                if later_unit:
                    unit_text, end = later_unit.group("unit"), later_unit.end()
        scan = end  # where the next value of a series may start: past a treatment between two values, else `end`
        if text.startswith("ish", scan):
            scan += 3  # "plts were 60ish last wk, theyre 31 now": an approximate value
        if text.startswith(" (", scan) and (aside := GRADE_ASIDE_RE.match(text, scan)):
            scan = aside.end()  # "9.1 g/dL (grade 2). Today it's 10.3": past the value's own grade, said aside
        if text.startswith(" on ", scan) and text.rfind("(", max(0, match.start() - 3), match.start()) >= 0 \
                and (dated := DATE_BEFORE_BRACKET_CLOSE_RE.match(text, scan)):
            scan = dated.end()  # "(ANC 0.38 on 10/02); today 1.3": the value's date, then the bracket its name opened
        bracketed = text.startswith(")", scan) and text.rfind("(", max(0, match.start() - 3), match.start()) >= 0
        if bracketed:
            scan += 1  # "thrombocytopenia (plt 7) on 2/12; now 58": the series goes on past the bracket its name opened
        paired = match.group(0)[-2:] in ("/H", "&H", "/h", "&h")  # "H/H 8.1/24": hemoglobin over hematocrit, no series ...
        if not paired and analyte == "hgb" and text.startswith("/", scan) and (hct := HEMATOCRIT_AFTER_RE.match(text, scan)) \
                and 2.4 <= parse_number(hct.group(1)) / max(parse_number(number_text), 0.1) <= 3.6:
            paired = True  # "hgb 9.1/27": the hematocrit after the hemoglobin (about three times it), not a later value
        after_pair = hct.end() if paired and (hct := HEMATOCRIT_AFTER_RE.match(text, scan)) else scan  # past "/21.8", the hematocrit
        if paired and not comparator and (pair := LATER_PAIR_RE.match(text, after_pair)) and not ANALYTE_RE.search(text, scan, pair.start("num")):
            steps.append((pair.group("num"), False, pair.span("num")))  # ... but a later pair: "h/h 7.6/23 s/p 1u now 8.5/26"
            end = pair.end()
        pronoun_tried = False
        while not comparator and not paired:
            step = None
            if TREATMENT_CLAUSE_OPENING_RE.match(text, scan) and TREATMENT_BETWEEN_WORD_RE.search(text, scan, scan + 50) \
                    and (treated := TREATMENT_CLAUSE_STEP_RE.match(text, scan)) \
                    and not NOT_A_VALUE_RE.match(text, treated.end("num")):
                step = treated  # "hgb 6.9 this am, 1u prbc given, 1-hr post 7.8": the value after the treatment's clause
            elif _trend_hinted(text, lowered, scan, name_starts) or (text.startswith(", ", scan) and text[scan + 2:scan + 3].isdigit()) \
                    or _comma_then_number(text, scan):  # "0,1 G/L à l'admission, 0,2 G/L à J5": a label, then the next
                step = trend_step.match(text, scan)
                if step and (_names_a_lab(text, scan, step.start("num")) or _next_row(text, scan, step.start("num"))
                             or text[step.end("num"):step.end("num") + 3].lstrip().startswith("°")):
                    break  # (a temperature is no later value: "PNN 0,3 G/L, 38,9 °C")
            if not step and text[scan:scan + 1] in (",", ";") and ("post" in (ahead := lowered[scan:scan + 36]) or "after" in ahead or "later" in ahead) \
                    and (since := TIME_SINCE_STEP_RE.match(text, scan)) and (later := VALUE_RE.match(text, since.end())) and not later.group("cmp"):
                step = later  # "pre-transfusion 8, 1 hr post 22": the time since the treatment labels the next value
            if not step and ("mean" in (ahead := lowered[scan:scan + 32]) or "should" in ahead) and (instead := SAID_INSTEAD_STEP_RE.match(text, scan)):
                step = instead  # "plt 24, sorry typo, meant 124": the value said instead
            if not step and not pronoun_tried and pronouns:
                pronoun_tried = True  # "... was 3 × 10⁹/L. After dexamethasone 40 mg for 4 days, it recovered to 89 × 10⁹/L"
                nearest = bisect_right(pronouns, scan)
                if nearest < len(pronouns) and pronouns[nearest] < scan + 140:
                    step = _later_by_pronoun(text, scan)
            if not step and not bracketed:  # a value in brackets goes on in running prose only by the patterns above
                next_name = bisect_left(name_starts, scan)
                while may_product and next_name < len(name_starts) and (named := ANALYTE_RE.match(text, name_starts[next_name])) is not None \
                        and _names_a_product(text, named):
                    next_name += 1  # "plt 7 at 0600, 2 units platelets given, 1400 recheck 29": a product's name does not end the series
                next_start = name_starts[next_name] if next_name < len(name_starts) else len(text)
                if next_start - scan > 3 and not NO_SERIES_NEAR_RE.search(lowered, scan, scan + 14):  # cheap tests before the full one
                    step = _told_later(text, lowered, scan, next_start, steps[-1], unit_text)
                if not step and says_now and (";" in (ahead := text[scan:scan + 60]) or "," in ahead) and RULE_MARK_RE.search(text, scan, min(len(text), scan + 80)):
                    step = _now_after_rules(text, scan)  # "Baseline plt 98 (splenomegaly); IMbrave required ≥75; today 61"
            if step and lowered.find("he", max(scan, step.start("num") - 8), step.start("num")) >= 0 \
                    and (age := AGE_RE.search(text, max(scan, step.start("num") - 8), step.end("num") + 12)) and age.start("age") == step.start("num"):
                break  # "My dad's platelets are 45 on Keytruda, he's 79.": his age, not a later value
            if not step or step.start("num") - scan > 6 and OTHER_PERSON_HINT_RE.search(lowered, scan, step.start("num")) \
                    and OTHER_PERSON_RE.search(text, scan, step.start("num")):
                break  # "my pt plt 90, the one next door is 40": someone else's value ends the series
            if FEVER_WORD_RE.search(text, scan, step.start("num")):
                break  # "plt 44; febrile to 38.9": a temperature, not a later value
            if text[step.end("num"):step.end("num") + 6].lstrip(" ×xX*").startswith(("ULN", "LSN")):
                break  # "Bilirubin 70 µmol/L (ULN 21) → 3.3× ULN": a multiple of the upper limit, not a later value
            if DRUG_BEFORE_RE.search(text, max(scan, step.start("num") - 24), step.start("num")) and not UNIT_AFTER_STEP_RE.match(text, step.end("num")):
                # "250 → 31 → 140 after dex 40 x4d": a drug's dose, not the next value; the series goes on after the words
                # of the dose ("plt 12, dex 40 mg x4d, now 87")
                dose = NOT_A_VALUE_RE.match(text, step.end("num"))
                scan = TREATMENT_WORDS_RE.match(text, dose.end() if dose else step.end("num")).end()
                continue
            if "ays " in text[scan:step.start("num")] or "eeks " in text[scan:step.start("num")] or "ycles " in text[scan:step.start("num")]:
                if DAY_LIST_BEFORE_RE.search(text, scan, step.start("num")):
                    break  # "88, 61 and 95 on days 8, 15 and 22": the days' numbers, not values
            treatment = NOT_A_VALUE_RE.match(text, step.end("num")) if not step.group("kilo") else None
            if treatment:
                # "7.1 → 2u RBC → 8.3", "7.4, then 2 units PRBC, then 9.1": a dose or a treatment between two values; the
                # series goes on after the words that name it
                scan = TREATMENT_WORDS_RE.match(text, treatment.end()).end()
                continue
            if text[step.end("num"):step.end("num") + 4].lower().lstrip(" ")[:1] in ("a", "p") and (clock := CLOCK_AFTER_NUMBER_RE.match(text, step.end("num"))):
                scan = clock.end()  # "8.4 on repeat at 4pm": a clock's hour labels the value before it
                continue
            if not step.group("kilo") and text[step.end("num"):step.end("num") + 1] in ORDINAL_MARKS and (time := TIME_NUMBER_AFTER_RE.match(text, step.end("num"))):
                scan = time.end()  # "45 on admission, on the 3rd day 88": a day's ordinal labels the value after it
                continue
            if any(noun in lowered[step.end("num"):step.end("num") + 30] for noun in THRESHOLD_NOUNS) \
                    and NAMED_AS_THRESHOLD_RE.match(text, step.end("num")):
                break  # "ANC 1.4 — clears the protocol's 1.5 threshold": a threshold, not the next value
            if unit_text and not step.group("kilo") and _restated(analyte, steps[-1], step, unit_text, text):
                break  # "Hb reported as 84 g/L … - 8.4 is below 8.0": the same value again, in the canonical unit
            steps.append((step.group("num"), bool(step.group("kilo")), (step.start("num"), step.end("num"))))
            pronoun_tried = False  # "Le 17 mars elles étaient à 64 G/L, et ce matin elles sont à 41 G/L": a pronoun again
            end = step.end()
            later_unit = LATER_UNIT_RE.match(text, end)
            if later_unit:
                unit_text, end = later_unit.group("unit"), later_unit.end()
            scan = end
        if len(steps) > 1:
            number_text, kilo, number_span = steps[_latest_step(text, steps, match.start())]
            trend = [read_number(n, unit_text)[0] for n, _, span in steps if span != number_span] + [read_number(number_text, unit_text)[0]]
        else:
            trend = [parse_number(number_text)]
        mention = _mention(analyte, text, match.start(), end, number_text, kilo, unit_text or header_unit,
                           comparator, number_span, trend)
        if len(steps) > 1:
            mention.steps, mention.unit_text = steps, unit_text or header_unit
        # "if plts drop to 20 do we give ivig? right now 64": a value told after the supposition's question is the patient's
        mention.supposed = supposed and not (len(steps) > 1 and SENTENCE_END_RE.search(text, steps[0][2][1], mention.number_span[0]))
        mentions.append(mention)
        if not comparator and may_sample_problem and RECHECK_HINT_RE.search(text, end, end + 80) and (recheck := REPEAT_AFTER_VALUE_RE.match(text, end)) \
                and (again := VALUE_RE.match(text, recheck.end())) and not again.group("cmp"):
            # "plt 31 (clumped) repeat citrate 128": the repeat of a count a sample problem spoiled, a value of its own
            mentions.append(_matched_mention(analyte, text, RECHECK_HINT_RE.search(text, end, recheck.end()).start(), _value_end(again), again))
        if not comparator and may_correct and (corrected := CORRECTED_LATER_RE.match(text, end)) \
                and not any(other.lastgroup != analyte for other in ANALYTE_RE.finditer(text, end, corrected.start("cue"))) \
                and "grad" not in lowered[max(0, corrected.start("cue") - 30):corrected.start("cue")]:  # "the grade has been corrected to 3" is a grade
            # "PLATELET COUNT: 18 K/uL … CORRECTED REPORT …: clumping on smear; recollected in citrate, corrected to 81 K/uL"
            mentions.append(_matched_mention(analyte, text, corrected.start("cue"), corrected.end(), corrected))
        if comparator or supposed or now_after_stop and (next_now := bisect_left(now_after_stop, end)) < len(now_after_stop) \
                and now_after_stop[next_now] < end + 60 and not SENTENCE_END_RE.search(text, end, now_after_stop[next_now]) \
                or owner_at and (near := bisect_left(owner_at, end)) < len(owner_at) and owner_at[near] < end + 80 \
                and (OTHER_PERSON_HINT_RE.search(lowered, max(0, match.start() - 80), match.start())
                     and OTHER_PERSON_RE.search(text, max(0, match.start() - 80), match.start())
                     or ("'s" in (gap := text[end:owner_at[near]]) or "’s" in gap or "belong" in gap or "was " in gap or "thats " in gap or "wrong" in gap)
                     and OTHER_PERSON_HINT_RE.search(lowered, end, owner_at[near]) and OTHER_PERSON_RE.search(text, end, owner_at[near])):
            # "…, ours is 88" after a threshold; "my sister had lymphocytes of 0.4 … mine are 0.9" after someone else's value;
            # "plts 14 but that was bed 9's result, ours are 94": someone else's, said after it; "hb 8.8 (grade 2). today 10.1":
            # a sentence that opens with now tells the latest value
            current = _current_after_threshold(text, end) or (_now_after_rules(text, end) if comparator or supposed else None) \
                or (MET_MARK_THEN_VALUE_RE.match(text, end) if comparator else None)
            if current:  # "ANC <0.5 x10^9/L since 14/7, today 0.3": the threshold, then the patient's value today
                mentions += _owner_value(analyte, text, current, trend_step)
        elif "\n" in text[end:end + 40] and BASELINE_BEFORE_NAME_RE.search(text, max(0, match.start() - 24), match.start()) \
                and (current := _now_after_rules(text, end)) is not None:
            # "• Baseline plt 92 (cirrhosis)\n• Now 54 → grade 3": a baseline, then the line that says the value of now
            mentions.append(_matched_mention(analyte, text, current.start("cue"), _value_end(current), current))
    mentions += neutrophils_after_white_count(text, mentions)
    if "segmentad" in lowered:
        mentions = _neutrophils_over_their_segmented_part(mentions)
    if any(m.analyte in ("anc", "alc") for m in mentions):
        mentions = _not_differential_shares(text, mentions)
    rows = row_table_mentions(text) if ("|" in text or "\t" in text or ";" in text or "  " in text) and "\n" in text else ([], [])
    if "\n" in text and TEST_NAME_HEADER_RE.search(text):  # a long table: a column names each row's test
        long_rows = long_table_mentions(text)
        rows = (rows[0] + long_rows[0], sorted(rows[1] + long_rows[1]))
    if "OBX|" in text:  # an HL7 message: its result segments are read by their fields
        segments = hl7_mentions(text)
        rows = (rows[0] + segments[0], sorted(rows[1] + segments[1]))
    if '"valueQuantity"' in text:  # FHIR Observations: each value read after the code that names it
        observations = fhir_mentions(text)
        rows = (rows[0] + observations[0], sorted(rows[1] + observations[1]))
    if rows[1]:  # a row of a table with a header is read by its columns, not as running text
        covered, row_starts = rows[1], [a for a, _ in rows[1]]
        mentions = [m for m in mentions if not _inside(covered, row_starts, m.span[0])]
    if "\n" in text and any(hint in lowered for hint in NOT_VALUE_HINTS):
        cells = grade_column_cells(text, lowered)
        if cells:  # "| Neutrophil count decreased | 2 |" under "| Toxicity | Grade |": a grade, not a count
            mentions = [m for m in mentions if m.is_threshold or not any(a <= m.number_span[0] < b for a, b in cells)]
    if "respectiv" in lowered or "rispettiv" in lowered:
        mentions = respectively_mentions(text, mentions)
    if len(names) > 1 and (" and " in lowered or " et " in lowered or " y " in lowered or " e " in lowered or " und " in lowered or " en " in lowered):
        mentions = listed_mentions(text, names, mentions)
    if "(" in text and len(names) > 1:
        paired = paired_bracket_mentions(text, names)
        if paired:  # the pair's names read no value of their own ("platelets were preserved (13.9 g/dL" is the hemoglobin's)
            named_at = {m.span[0] for m in paired}
            mentions = [m for m in mentions if m.span[0] not in named_at] + paired
    conditions = condition_bracket_mentions(text, brackets_at) if brackets_at is None or brackets_at else []
    if any(hint in lowered for hint in CONDITION_HINTS):
        conditions += condition_value_mentions(text, lowered)
    if "lbtest" in lowered:  # "LBTEST=Neutrophils | LBORRES=1.05 | LBORRESU=10^9/L": a CDISC SDTM record's test and result
        mentions = mentions + [m for m in cdisc_mentions(text) if not any(other.number_span == m.number_span for other in mentions)]
    if ("value" in lowered or "result" in lowered) and ":" in text and KEY_NAME_RE.search(text):  # "Test: PLT | Result: 36 | Units: x10^9/L"
        mentions = mentions + [m for m in key_record_mentions(text) if not any(other.number_span == m.number_span for other in mentions)]
    if '"' in text and "{" in text and ("value" in lowered or "result" in lowered):  # {"test": "PLT", "value": 73, "unit": "10*9/L"}
        mentions = mentions + [m for m in json_record_mentions(text) if not any(other.number_span == m.number_span for other in mentions)]
    fishbones = fishbone_mentions(text, mentions) if ">" in text and "<" in text else []
    grouped, group_names = slash_group_mentions(text) if "/" in text and SLASHED_NUMBER_HINT_RE.search(text) else ([], [])
    if grouped:  # "1.2/7.4/19 (WBC/Hb/plt)": the names of a group give no values of their own
        mentions = [m for m in mentions if not any(a <= m.span[0] < b for a, b in group_names)]
    tables = table_mentions(text)
    if ("count" in lowered or "repeat" in lowered or "recheck" in lowered or "values" in lowered or "recollect" in lowered) and names:
        # a value another mention already reads as its own ("plt 19k …, repeat in citrate 84k") is not read twice
        mentions = mentions + [m for m in labelled_count_mentions(text, lowered, names)
                               if not any(other.number_span == m.number_span for other in mentions)]
    found = mentions + rows[0] + tables + token_flowsheet_mentions(text, tables) + leading_value_mentions(text, mentions, lowered) \
        + value_before_name_mentions(text, bare, mentions) + conditions + fishbones + grouped
    listed = labelled_lines_mentions(text, bare) if "\n" in text and bare else []
    if listed:  # a name on a line of its own over lines of times and values, unless another reader read those lines
        # (one that stopped at an earlier row, "D8  1.4" over "D15 0.6" spaced apart by one space, gives way to the rows read to the end)
        rows_of = {id(item): {span for _, _, span in item.steps} for item in listed}
        earlier_row = {id(m) for m in found for item in listed if m.analyte == item.analyte and m.number_span in rows_of[id(item)]
                       and m.number_span[0] < item.number_span[0] and m.span[0] >= item.span[0]}
        found = [m for m in found if id(m) not in earlier_row]
        listed = [item for item in listed if not any(m.analyte == item.analyte and item.span[0] <= m.span[0] < item.span[1] for m in found)]
    found = sorted(found + listed, key=lambda m: m.span)
    if "grad" in lowered and found:
        found = [m for m in found if m.native_value not in SMALL_GRADES or not _listed_grade(text, m)]
    if not found and ("-" in text or "–" in text):
        found = band_named_mentions(text)  # "grade 2 is <75-50 - pt at 74": the count its CTCAE band names
    if ("repeat" in lowered or "recheck" in lowered or "rpt" in lowered) and (">" in text or "wrote" in lowered or "from:" in lowered or "--" in text):
        found = sorted(found + reply_repeat_mentions(text, found), key=lambda m: m.span)
    if len(found) > 1:  # one number read by two readers ("my guy is at 0.8, neuts …": after the owner, before the name) is one value
        seen: set[tuple[str, tuple[int, int]]] = set()
        found = [m for m in found if not ((m.analyte, m.number_span) in seen or seen.add((m.analyte, m.number_span)))]
    if any(m.analyte == "hgb" and m.native_unit == "g/dL" and not m.unit_text and 3.0 <= m.native_value < 11.5
           and m.assumptions and m.assumptions[-1].startswith("No unit given") for m in found) and _reads_as_dutch(lowered):
        found = [_dutch_hemoglobin(text, m) for m in found]
    if any(word in lowered for word in DONOR_WORDS):
        for mention in found:  # "Sibling donor workup CBC normal: plt 250, Hb 13.8": the donor's values
            start = max(0, mention.span[0] - 120)
            ends = list(SENTENCE_STOP_RE.finditer(text, start, mention.span[0]))
            donors = list(DONOR_RE.finditer(text, ends[-1].end() if ends else start, mention.span[0]))
            mention.someone_else = bool(donors) and not PATIENT_WORD_RE.search(text, donors[-1].end(), mention.span[0]) \
                or DONOR_BRACKET_AFTER_RE.match(text, mention.span[1]) is not None \
                or DONOR_SAID_AFTER_RE.match(text, mention.span[1]) is not None  # "Hb 14.8 g/dL (donor, not the patient)", "… 15.2 - he's the donor"
    if ("general" in lowered or "generic" in lowered or "not about" in lowered or "no pt" in lowered or "no specific" in lowered or "no particular" in lowered or "hypothetic" in lowered or "in mind" in lowered
            or "real" in lowered or "teaching" in lowered or "question" in lowered or "quiz" in lowered or "board" in lowered or "theoretical" in lowered
            or SUPPOSED_PATIENT_START_RE.match(lowered)) \
            and NO_PATIENT_RE.search(text) or ("current" in lowered or "historical" in lowered or "drawn" in lowered or "taken" in lowered) and NO_CURRENT_RE.search(text):
        # "general q, not about a pt: what's the ctcae grade for plts of exactly 50?": no patient's value; "Historical only - last
        # CBC on file from 2021: WBC 6.6 … No current labs available.": none is current (but "… (2) my actual pt on atezo has
        # plt 66 today": a patient introduced after it has values)
        own = MY_PATIENT_RE.search(text)
        for mention in found:
            mention.someone_else = own is None or mention.span[0] < own.start()
    if ("historical" in lowered or "reference only" in lowered) and (historical := HISTORICAL_ONLY_RE.search(text)) is not None:
        stop = SENTENCE_STOP_RE.search(text, historical.end())
        for mention in found:  # (a value of a later sentence is the patient's own: "… plt 240. Today Hb 9.1")
            if historical.end() <= mention.span[0] and (stop is None or mention.span[1] <= stop.start()):
                mention.someone_else = True
    if "belong" in lowered or "not ours" in lowered or "not mine" in lowered or "not my " in lowered or "not our " in lowered \
            or any(bed in lowered for bed in (" letto", " lit ", " cama ", " leito", " bett", "non del ", " pas de ", "nicht von", "niet van", "não é")) or "'s result" in lowered or "’s result" in lowered or "wrong " in lowered \
            or "separate" in lowered or "different" in lowered or "another" in lowered or "other p" in lowered or "next " in lowered or "chart" in lowered \
            or ("'s" in lowered or "’s" in lowered or " in " in lowered) and ("bed" in lowered or "room" in lowered or "bay" in lowered or " rm" in lowered) \
            or any(person in lowered for person in ("guy in ", "lady in ", "man in ", "woman in ", "patient in ", "pt in ")):
        owned = []
        for mention in found:  # "the plt 22 on the board belongs to the patient in bed 12, not ours": another patient's, said after it
            stop = SENTENCE_STOP_RE.search(text, mention.span[1])
            if stop and (back := TAKEN_BACK_RE.match(text, stop.end())):
                stop = SENTENCE_STOP_RE.search(text, back.end())  # "plts 31?? no wait that was bed 7's result": said in the next breath
            if NOT_OURS_AFTER_RE.search(text, mention.span[1], min(stop.start() if stop else len(text), mention.span[1] + 80)) \
                    or NOT_OURS_BRACKET_RE.match(text, mention.span[1]):
                mention.someone_else = True
                owned += _own_value_after(text, mention, found)  # "… that was the guy in bed 6. ours is 133"
        found = sorted(found + owned, key=lambda m: m.span)
    if WRONG_PATIENT_HINT_RE.search(lowered):
        for mention in found:  # "NOTE: result below belongs to bed 14 (different MRN), filed in error: PLT 22": not this patient's
            wrong = WRONG_PATIENT_BEFORE_RE.search(text, max(0, mention.span[0] - 120), mention.span[0])
            if wrong and not OWN_AFTER_RELATIVE_RE.search(text, wrong.end("cue"), mention.number_span[0]) \
                    and not OWNER_CUE_RE.match(text, mention.span[0]) \
                    and not mention.raw.lower().startswith(("amended", "corrected", "revised")) \
                    and not RECHECK_CUE_RE.search(text, wrong.end("cue"), mention.number_span[0]):
                # ("… belongs to bed 14. ours is 96", "wrong pt. hers is 4.4"; "sample mislabelled - amended result 2.0": the value put right;
                # "specimen mislabelled, result cancelled. Recollected 10:30: PLT 187": the patient's own redraw)
                mention.someone_else = True
    if any(word in lowered for word in OTHER_PATIENT_WORDS):
        owned = []
        for mention in found:  # "dr k's pt had plts 12 on nivo; mine's cbc not back yet": another clinician's patient
            start = max(0, mention.span[0] - 120)
            ends = list(SENTENCE_STOP_RE.finditer(text, start, mention.span[0]))
            others = list(OTHER_PATIENT_RE.finditer(text, ends[-1].end() if ends else start, mention.span[0]))
            if others and not OWN_PATIENT_RE.search(text, others[-1].end(), mention.number_span[0]):
                mention.someone_else = True
                owned += _own_value_after(text, mention, found)  # "my other pt in bed 4 is at 38, this one is at 112"
        found = sorted(found + owned, key=lambda m: m.span)
    relatives_named = any(word in lowered for word in RELATIVE_WORDS)
    writer_is_patient = relatives_named and WRITER_IS_PATIENT_RE.search(text) is not None
    if relatives_named and (writer_is_patient or any(word in lowered for word in NOT_CARED_FOR)
                                                            or "pt's " in lowered or "pt’s " in lowered or "patient's " in lowered or "patient’s " in lowered):
        # "my mom had lymphocytes of 0.4 last year … I'm starting Keytruda": a relative's value, in a sentence about the relative,
        # when the writer says they are the patient (else the relative may be the patient: "My husband is on Tecentriq and his …")
        owned = []
        for mention in found:
            if mention.steps:
                continue  # "his lymphocytes were 0.4, but mine came back at 0.9": the series reads the writer's own
            if writer_is_patient and THIRD_PERSON_COUNT_RE.match(text, mention.span[0]):
                mention.someone_else = True  # "My brother donated platelets for me; his count was 310": the relative's, not the writer's
                owned += _own_value_after(text, mention, found)
                continue
            start = max(0, mention.span[0] - 120)
            ends = list(SENTENCE_STOP_RE.finditer(text, start, mention.span[0]))
            relatives = [m for m in RELATIVE_SUBJECT_RE.finditer(text, ends[-1].end() if ends else start, mention.span[1]) if m.end() <= mention.span[0]]
            if relatives and not WRITER_RE.search(text, relatives[-1].end(), mention.number_span[0]) \
                    and not OWN_AFTER_RELATIVE_RE.search(text, relatives[-1].end(), mention.number_span[0]) \
                    and (writer_is_patient or not THIRD_PERSON_OWN_RE.search(text, relatives[-1].end(), mention.number_span[0])):
                # "… while mine came back at 62", "our pt is 1.7"; "pt's neighbor had anc 0.3 …; her own anc is 1.9": the patient's,
                # when the writer is not the patient
                mention.someone_else = True
                owned += _own_value_after(text, mention, found)  # "my mom had lymphocytes of 0.4 … and mine were 1.3"
        found = sorted(found + owned, key=lambda m: m.span)
    if not relatives_named and ("his " in lowered or "her " in lowered or "their " in lowered) and "mine" in lowered and WRITER_OWN_VALUE_RE.search(text):
        owned = []
        for mention in found:  # "His ANC was 0.8 and the doctor said that's grade 4 - mine is 2.4": another's count, then the writer's
            if not mention.someone_else and not mention.steps and THIRD_PERSON_BEFORE_RE.search(text, max(0, mention.span[0] - 8), mention.span[0]):
                mention.someone_else = True
                owned += _own_value_after(text, mention, found)
        found = sorted(found + owned, key=lambda m: m.span)
    return found


THIRD_PERSON_BEFORE_RE = re.compile(r"(?i)\b(?:his|her|their)\s+$")  # "his ANC", right before the name
WRITER_OWN_VALUE_RE = re.compile(r"(?i)\bmine\s+(?:is|are|was|were|came|sits?|stayed?)\b")  # the writer's own value, told as "mine"


def _own_value_after(text: str, mention: Mention, found: list[Mention]) -> list[Mention]:
    """The patient's own value told right after someone else's, with whose it is ("ours is 133", "this one is at 112"),
    when no later value of that analyte is read: as a list of one mention, or none."""
    own = _current_after_threshold(text, mention.number_span[1])
    if own is None or not OWNER_CUE_RE.match(text, own.start("cue")) \
            or any(m.analyte == mention.analyte and m.span[0] >= mention.span[1] for m in found):
        return []
    return _owner_value(mention.analyte, text, own, TREND_STEPS[(False, False)])


# A rule marked as met or not, then the patient's value in brackets: "ANC >=1.5 ✔ (1.9)", "Plt ≥100: met (168)", "Hb ≥9 ✗ (8.4)".
MET_MARK_THEN_VALUE_RE = re.compile(rf"[ \t]*:?[ \t]*(?P<cue>✔|✓|✅|☑|✗|✘|❌|☒|(?:not[ \t]+)?met\b|ok\b|yes\b|no\b|pass(?:ed)?\b|fail(?:ed)?\b)[ \t]*"
                                    rf"\((?:(?:pt|patient|actual|current|today)[ \t]*:?[ \t]*)?{NUMBER}[ \t]*(?:{UNIT})?[ \t]*\)", re.IGNORECASE)


def _owner_value(analyte: str, text: str, current: re.Match, trend_step: re.Pattern) -> list[Mention]:
    """The value after whose it is (a match of CURRENT_AFTER_THRESHOLD_RE), or its later value of now when one follows: "our
    pt … screened at 81 and is 66 today", "pt screened at 81, today 66", "mine were 2.2 last week and 1.9 today"; as a list
    of one mention, or none for a nadir with no value of now after it."""
    end = _value_end(current)
    later = None
    if " and " in text[end:end + 24] and (step := trend_step.match(text, end)) \
            and (NOW_AFTER_NUMBER_RE.match(text, step.end("num")) or NOW_BEFORE_STEP_RE.fullmatch(text, end, step.start("num"))):
        later = step  # ("… was 28 and today 55")
    elif "," in text[end:end + 3]:
        later = NOW_STEP_AFTER_RE.match(text, end)
    if later is None:
        return [] if "nadir" in text[current.start("cue"):current.start("num")] \
            else [_matched_mention(analyte, text, current.start("cue"), end, current)]  # ("this patient's nadir was 28" is no value of now)
    return [_mention(analyte, text, current.start("cue"), later.end("num"), later.group("num"), bool(later.group("kilo")), current.group("unit"),
                     None, later.span("num"), [parse_number(current.group("num")), parse_number(later.group("num"))])]


THIRD_PERSON_COUNT_RE = re.compile(r"(?i)(?:his|her|their)[ \t]+(?:\w+[ \t]+)?count\b")  # a count labelled by another's possessive
THIRD_PERSON_OWN_RE = re.compile(r"(?i)\b(?:his|her|their)[ \t]+own\b")


# Dutch laboratories report hemoglobin in mmol/L (5.0 to 11.0 is normal for adults), so in a Dutch text a hemoglobin
# with no unit under 11.5 is read in mmol/L, and the reading says so.
DUTCH_WORDS_RE = re.compile(r"\b(?:mijn|het|een|van|bij|uitslag|bloeduitslag|trombo's|trombocyten|leuko's|leukocyten|neutrofielen|geen|niet|"
                            r"wordt|zijn|ik|vandaag|gisteren|patiënt|patiënte|mevrouw|meneer|graag|ook|nog|maar|moet|op|geven|wat|zei|naar|voor|"
                            r"dat|deze|dit|bloed|ingezakt|gezakt|gedaald|gestegen|graad|anemie|bloedarmoede|controle|over|"
                            r"aangevraagd|bloedbeeld|gecontroleerd|verlaagd|verhoogd|decursus|beleid|doorgezet|gestaakt|gestopt|kuur|polikliniek|"
                            r"afspraak|opname|ontslag|klachten|huisarts|uitslagen|behandeling|overleg|evaluatie|vervolg|bespreking|erytrocyten)\b")


def _reads_as_dutch(lowered: str) -> bool:
    return len(set(DUTCH_WORDS_RE.findall(lowered[:4000]))) >= 3


def _dutch_hemoglobin(text: str, mention: Mention) -> Mention:
    if mention.analyte != "hgb" or mention.unit_text or mention.native_unit != "g/dL" or not 3.0 <= mention.native_value < 11.5 \
            or not (mention.assumptions and mention.assumptions[-1].startswith("No unit given")):
        return mention
    number_text = text[mention.number_span[0]:mention.number_span[1]]
    dutch = _mention("hgb", text, mention.span[0], mention.span[1], number_text, False, "mmol/L", mention.comparator, mention.number_span,
                     [round(value * 1.611, 2) if value < 11.5 else value for value in [mention.native_value]])
    dutch.assumptions = [a for a in dutch.assumptions] + [f"Hemoglobin {mention.native_value:g} with no unit in a Dutch text read as "
                                                         f"mmol/L, as Dutch laboratories report it."]
    dutch.supposed, dutch.someone_else, dutch.steps = mention.supposed, mention.someone_else, mention.steps
    return dutch


DONOR_WORDS = ("donor", "donneur", "donante", "donatore", "spender", "dador", "doador")
RELATIVE_WORDS = (" mom", " mum", " mother", " dad", " father", " husband", " wife", " partner", " son ", " son'", " son’", " daughter",
                  " sister", " brother", " friend", " neighbo", " aunt", " uncle", " cousin", " grand", " coworker", " co-worker", " workmate", " colleague",  # each a word's start: "person" has no son
                  *(f" {word}" for word in ("schwester", "bruder", "mutter", "vater", "ehemann", "ehefrau", "sœur", "soeur", "frère", "mère", "père",
                                            "mari ", "hermana", "hermano", "madre", "padre", "marido", "esposa", "sorella", "fratello", "moglie",
                                            "marito", "irmã", "irmão", "mãe", "pai ", "zus ", "broer", "moeder", "vader",
                                            "vecin", "voisin", "vicin", "nachbar", "buurman", "buurvrouw", "vizinh", "amig", "amie", "amico", "amica", "freund", "vriend")))
# The same relatives in the languages read, after "my" in that language: "Meine Schwester hatte Leukos von 2,0".
FOREIGN_RELATIVE_NOUNS = (r"(?:schwester|bruder|mutter|vater|ehemann|ehefrau|s(?:œ|oe)ur|fr[èe]re|m[èe]re|p[èe]re|mari|hermana|hermano|madre|padre|marido|"
                          r"esposa|sorella|fratello|moglie|marito|irm[ãa]|irm[ãa]o|m[ãa]e|pai|zus|broer|moeder|vader|"
                          # ... and a neighbour's or a friend's: "Mi vecino también está con inmunoterapia y tiene …"
                          r"vecin[oa]|voisine?|vicin[oa]|nachbar(?:in)?|buurman|buurvrouw|vizinh[oa]|amig[oa]|amie?|amic[oa]|freund(?:in)?|vriend(?:in)?)")
FOREIGN_MY = r"(?:meine?|mon|ma|mi|mia|mio|minha|meu|mijn)"
NOT_CARED_FOR = (" friend", " neighbo", " colleague", " coworker", " co-worker", " workmate",
                 " vecin", " voisin", " vicin", " nachbar", " buur", " vizinh", " amig", " amie", " amic", " freund", " vriend")  # a writer speaks of them, never for them as a caregiver would
RELATIVE_NOUNS = r"(?:mom|mum|mother|dad|father|husband|wife|partner|son|daughter|sister|brother|friend|neighbou?r|aunt|uncle|cousin|co-?worker|workmate|colleague|grand(?:ma|pa|mother|father))"
RELATIVE_SUBJECT_RE = re.compile(r"(?i)\b" + FOREIGN_MY + r"\s+" + FOREIGN_RELATIVE_NOUNS + r"\b(?=(?:\s+(?:también|tambien|aussi|anche|auch|ook|também))?(?:\s+(?:(?:est[áa]|est|è|ist|is|está)\s+)?(?:con|sous|sotto|unter|onder|com|en|bajo|on|avec|mit|met)\s+[\w-]+(?:\s+y|\s+et|\s+e|\s+und|\s+en)?)?\s+(?:hatte|hat|war|a|avait|avaient|ten[íi]a|tiene|tuvo|"
                                 r"aveva|ha|ebbe|tinha|tem|teve|had|heeft|was)\b)|"  # "Meine Schwester hatte Leukos von 2,0"
                                 r"\b(?:my|our|his|her|their|an?|(?:the\s+)?(?:pt|patient)['’]s)\s+" + RELATIVE_NOUNS + r"\b(?:['’]s)?(?:\s+" + RELATIVE_NOUNS + r"\b)?"  # "my husband's friend"
                                 r"(?:\s+of\s+(?:mine|ours))?"  # "a friend of mine"
                                 r"(?=(?:\s+on\s+[\w-]+|\s+(?:in|on|from|at|with)\s+(?:the\s+|a\s+|my\s+|her\s+|his\s+)?(?:same\s+|other\s+|next\s+)?[\w-]+)?\s+(?:had|has|was|is|got|gets|also|once|said|says|told|tells|\w+['’]s|lymph|neut|plat|h[ae]?moglobin|hb|hgb|wbc|anc|alc|plt|white|wcc|leu[ck]o|counts?\b|labs?\b|bloods?\b|cbc|fbc|results?\b|doctor|oncologist|nurse|gp\b|team|physician|consultant|ha?ematologist))")
WRITER_IS_PATIENT_RE = re.compile(r"(?i)\b(?:i['’]m|i\s+am|i['’]ve\s+been|i\s+have\s+been)\s+(?:starting|on|getting|receiving|having|due|about\s+to|going\s+to)\b|"
                                  # the same in the languages read: "Ich bin unter Keytruda", "je suis sous nivolumab", "estoy con pembrolizumab"
                                  r"\ba\s+m[íi]\s+(?:(?:hoy|ahora)\s+)?me\s+(?:salieron|sali[óo]|dieron|dio)\b|"  # "A mí hoy me salieron 190.000"
                                  r"\b(?:ich\s+(?:bin\s+(?:selbst\s+|auch\s+)?unter|bekomme|erhalte)|(?:yo\s+)?(?:empec[ée]|comenc[ée]|inici[ée])|je\s+(?:suis\s+sous|re[çc]ois)|estoy\s+(?:con|en|bajo|recibiendo)|recibo|"
                                  r"sono\s+(?:in\s+terapia\s+con|sotto)|ricevo|estou\s+(?:com|em|sob|a\s+(?:receber|fazer))|recebo|ik\s+(?:krijg|ben\s+(?:aan|op)|gebruik))\b|"
                                  # "Yo empiezo el tratamiento la semana que viene", "je commence le traitement", "ich beginne nächste Woche"
                                  r"\b(?:(?:yo\s+)?(?:empiezo|comienzo|inicio)|je\s+commence|(?:io\s+)?(?:inizio|comincio)|(?:eu\s+)?come[çc]o)\s+"
                                  r"(?:el|la|l['’]|le|il|o|a|con|com|mon|ma|mi|mio|mia|meu|minha|ma[ñn]ana|demain|domani|amanh[ãa]|hoy|pronto|bient[ôo]t)\b|"
                                  r"\b(?:ich\s+(?:beginne|fange)|ik\s+(?:begin|start))\b|"
                                  r"\bi\s+(?:worry|be\s+worried|be\s+concerned)\s+(?:about|before)\s+(?:starting|getting|having)\b|"  # "should i worry about starting it?"
                                  # "I start the same drug next week", "I start next week", "I'm the one starting Keytruda next month"
                                  r"\bi(?:['’]ll|\s+will)?\s+(?:start|begin)\s+(?:the\s+same|this|that|it|my|treatment|immunotherapy|keytruda|opdivo|pembro\w*|nivo\w*|next\s+(?:week|month|cycle))\b|"
                                  r"\b(?:i['’]m|i\s+am)\s+the\s+one\s+(?:starting|on|getting|receiving|having)\b|"
                                  r"\b(?:i\s+(?:start|get|receive|had|have)|my)\s+(?:first\s+|next\s+|last\s+)?(?:infusion|cycle|dose|treatment|immunotherapy|keytruda|opdivo|"
                                  r"pembro\w*|nivo\w*|ipi\w*|atezo\w*|durva\w*)\b|\bmine\b|\bmy\s+own\b|"
                                  r"\bmy\s+(?:oncologist|ha?ematologist|oncology\s+nurse|care\s+team)\b|"
                                  r"\bmy\s+(?:own\s+|latest\s+|last\s+|recent\s+)?(?:platelets?|plts?|neutrophils?|lymphocytes?|ha?emoglobin|hb|hgb|wbc|anc|alc|"
                                  r"white\s+(?:count|cells)|white\s+blood\s+cell(?:s|\s+count)?|blood\s+counts?|counts)\b")  # "My own ANC today is 1.8 and my oncologist says …", "my platelets were 160 at the last check"
WRITER_RE = re.compile(r"(?i)\b(?:my|mine|me|i|i['’]m|i['’]ve|ich|mich|mir|je|moi|yo|io|eu|ik)\b")  # the writer's own words: "my sister says my platelets are 40"
PATIENT_WORD_RE = re.compile(r"(?i)(?<!not )(?<!not the )\b(?:patient|pt|patiente|paciente|paziente|patiënt|recipient)\b(?!['’]s\s+(?:sibling|twin|" + RELATIVE_NOUNS + r")\b)|;")  # "…donor) Hb 14.1; patient Hb 8.3", not "(not the patient)" nor "(pt's brother)"
DONOR = r"(?:donor|donneur|donneuse|donante|donatore|donatrice|spender(?:in)?|dador|doador(?:a)?)"  # in the languages read
DONOR_SAID_AFTER_RE = re.compile(rf"(?i)[^.;\n]{{0,30}}?\b(?:he|she|they|who)(?:['’]s|\s+is|\s+was|\s+are)\s+(?:the|a|our|her|his)\s+(?:[\w-]+\s+)?{DONOR}\b")
DONOR_BRACKET_AFTER_RE = re.compile(rf"(?i)[ \t]*\(\s*(?:(?:the|a|related|sibling|unrelated)\s+)?{DONOR}\b")
DONOR_RE = re.compile(rf"(?i)\b{DONOR}\b")


# A treatment or a time before a name that says its count changed: "pred 60 mg daily, plt up to 118" (not "platelets up to 100").
CHANGE_CONTEXT_BEFORE_RE = re.compile(r"(?i)\b(?:pred\w*|dex\w*|steroids?|ivig|transfus\w*|g-?csf|filgrastim|romiplostim|eltrombopag|"
                                      r"after|since|following|now|today|this\s+(?:morning|am))\b[^.;\n]{0,40}$")
CLAUSE_ENDS_RE = re.compile(r"[ \t]*(?:[.;,!?](?:\s|$)|\n|$)")  # nothing more said of the value in its clause


# What follows "<name> up to <value>" when the count rose to it, rather than a limit: "from 0.4", "after the G-CSF".
UP_TO_CHANGE_AFTER_RE = re.compile(r"(?i)[ \t]*(?:[-–—,;][ \t]*)?(?:from|after|with|since|following|today|now|this\s+morning|overnight|"
                                   r"on\s+(?:the\s+)?(?:repeat|recheck|re-?draw|rpt))\b")  # "Platelets up to 46 on repeat - now grade 2"


# One more step of a change told with "from … to …": "went from 150 to 90 to 63".
CHANGE_LEAD_RE = re.compile(rf"\b{CHANGE_VERB}\w*[ \t]+$")  # "plt dropped 150 to 90": a change told from its first value
FURTHER_TO_RE = re.compile(rf"(?:[ \t]*\([^()\n]{{1,20}}\))?[ \t]*(?:,[ \t]*)?(?:(?:and[ \t]+)?then[ \t]+)?to[ \t]+{NUMBER}(?![\d.,]\d)", re.IGNORECASE)


CHANGE_SIZE_RE = re.compile(r"(?i)\b(?:fall|drop|rise|increase|decrease|decline|reduction|change|delta|increment)\s+(?:of|by)\s*$")


# A value a sentence only supposes: a name right after "if" and a verb before the value ("if platelets drop to 20 would you…",
# "si les plaquettes passent à 30").
SUPPOSED_BEFORE_RE = re.compile(r"(?i)\b(?:if|once|unless|si|wenn|falls|se|als|mocht)\s+(?:(?:the|his|her|their|my|your|our|its|le|la|les|"
                                r"die|der|de|el|los|las|il|i|le|het)\s+)?$")
SUPPOSED_VERB_RE = re.compile(r"(?i)\b(?:drops?|dropped|falls?|fell|goes|go|gets?|reach(?:es)?|rises?|climbs?|dips?|sinks?|were|was|is|are|"
                              r"passent|tombent|baissent|bajan|caen|scendono|calano|sinken|fallen|dalen|zakken)\b")


def _neutrophils_over_their_segmented_part(mentions: list[Mention]) -> list[Mention]:
    """"Neutrófilos 50 %  1.700 /mm³" over "Segmentados 48 %  1.632 /mm³": the segmented neutrophils are a part of all the
    neutrophils, so the count of all is the ANC; the segmented count is read only when no other count of neutrophils is given."""
    segmented = {id(m) for m in mentions if m.analyte == "anc" and SEGMENTED_NAME_RE.match(m.raw)}
    if segmented and any(m.analyte == "anc" and id(m) not in segmented for m in mentions):
        return [m for m in mentions if id(m) not in segmented]
    return mentions


# Two names joined by "and", then their values in brackets in the same order: "hemoglobin and platelets were preserved (13.9 g/dL
# and 231 x10^9/L)", "Leucocitos y plaquetas sin cambios (4.100/µL y 176.000/µL)".
NAME_JOIN_RE = re.compile(r"[ \t]+(?:and|y|et|e|und|en|&)[ \t]+")
PAIRED_VALUES_RE = re.compile(rf"[^()\d\n.;]{{0,50}}\([ \t]*(?P<v1>\d[\d.,]*)[ \t]*(?P<u1>{UNIT_ALTERNATIVES})?[ \t]*(?:and|y|et|e|und|en|,|;)[ \t]*"
                              rf"(?P<v2>\d[\d.,]*)[ \t]*(?P<u2>{UNIT_ALTERNATIVES})?[ \t]*\)", re.IGNORECASE)


def paired_bracket_mentions(text: str, names: list[re.Match]) -> list[Mention]:
    """Values of two names joined by "and", given in brackets after them in the same order (see PAIRED_VALUES_RE)."""
    found = []
    for first, second in zip(names, names[1:], strict=False):
        if second.start() - first.end() > 7 or first.lastgroup == second.lastgroup \
                or not NAME_JOIN_RE.fullmatch(text, first.end(), second.start()):
            continue
        values = PAIRED_VALUES_RE.match(text, second.end())
        if values is None:
            continue
        for name, number, unit in ((first, "v1", "u1"), (second, "v2", "u2")):
            found.append(_mention(name.lastgroup, text, name.start(), values.end(number) if not values.group(unit) else values.end(unit),
                                  values.group(number).rstrip(".,"), False, values.group(unit), None, values.span(number),
                                  [parse_number(values.group(number).rstrip(".,"))]))
    return found


# A count named only by the word "count" and a word of when it was taken, after a value of one count named before it:
# "Platelets 06:00: 27. One unit given at 10:30; 1-hour post-transfusion count 61", "ANC 0.4 … repeat count 0.9".
LABELLED_COUNT_RE = re.compile(r"(?i)\b(?:\d{1,2}-?[ \t]*(?:hours?|hrs?|h)[ \t]+)?(?:post-?transfusion(?:al)?|post|repeat(?:ed)?|re-?check|pre-?cycle|pre-?dose|pre-?treatment|current|screening|"
                               r"(?:her|his|their|your|my|our|(?:the[ \t]+)?(?:pt|patient)['’]s)(?:[ \t]+(?:last|latest|most[ \t]+recent|recent|new|current))?|"
                               r"follow-?up|corrected|actual|real|true|latest|new|today['’]?s|morning['’]?s|evening['’]?s|afternoon|next|citrate(?:[ \t]+tube)?)[ \t]+count\b(?!\w)")
IN_CITRATE = r"(?:in|on)[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:Na[ \t]+|sodium[ \t]+)?citrate"  # "recollected in Na citrate: 176"
COUNT_LABEL_TIME_RE = re.compile(r"(?i)[ \t]*(?:" + IN_CITRATE + r"(?:[ \t]+(?:tube|sample))?|for[ \t]+(?:our|the|my|this)[ \t]+(?:pt|patient)|(?:this[ \t]+(?:morning|am|afternoon|evening)|today|tonight)(?:[ \t]*\([^()\n]{1,25}\))?|\([^()\n]{1,25}\)|(?:a|an|one|two|three|four|five|six|\d{1,2})[ \t]+(?:hours?|hrs?|days?|weeks?|wks?|months?)"
                                 r"[ \t]+(?:later|after(?:wards)?)|(?:on|at)[ \t]+(?:day[ \t]+)?[\d/:.]+(?![\d/:.]))(?=[ \t]*[:=]?[ \t]*(?:was|were|is|of|:|=)?[ \t]*\d)")
# A repeat named by itself, right before its value: "… and the repeat is 9.1", "the recheck came back at 41".
REPEAT_LABEL_RE = re.compile(r"(?i)(?:\b(?:the|a|her|his|their|your|my)[ \t]+(?:(?:morning|evening|afternoon|night|midnight|next|latest|follow-?up)[ \t]+)?|"
                             r"(?:^|(?<=[.;!?][ \t])|(?<=\n))(?=[A-Z])|(?<=[,;—–][ \t]))(?:repeat|recheck|re-check|(?<=[ \t])check|re-?collected|re-?drawn)"
                             r"(?=[ \t]+(?:is|was|came|showed|shows|of)\b|[ \t]*[:=]|[ \t]+(?:this[ \t]+(?:morning|am|afternoon|evening)|today|tonight)\b"
                             r"|[ \t]+(?:at|@)[ \t]*\d{1,2}[:h]\d{2}[ \t]+(?:is|was)\b|[ \t]+" + IN_CITRATE + r"\b|[ \t]+" + AFTER_TREATMENT + r"[ \t]+(?:is|was|came|showed)\b"
                             r"|" + REPEAT_WHEN + r")"
                             # ... or the later values of the name before, in a dated list: "Subsequent values 9/10 8.2, 9/17 7.5"
                             r"|\b(?:subsequent|later|further|serial|follow-?up)[ \t]+(?:values|counts|results|levels|readings)(?=[ \t]*:?[ \t]*\d)")
LABELLED_COUNT_REACH = 250  # characters back to the value of the count it names


def _said_normal(text: str, lowered: str, name: re.Match) -> bool:
    """Whether a name is only said to be normal, with no value: "with a normal haemoglobin and platelet count"."""
    return "normal" in lowered[max(0, name.start() - 40):name.start()] and VALUE_RE.match(text, name.end()) is None


def _count_labels(text: str, lowered: str) -> list[re.Match]:
    """The labels of LABELLED_COUNT_RE in `text`: each found at its word "count" (a label of this "count", not of one before
    it: "white count" has none)."""
    labels = []
    at = lowered.find("count")
    while at >= 0:
        if lowered[at - 1:at] in (" ", "\t"):
            label = next((found for found in LABELLED_COUNT_RE.finditer(text, max(0, at - 30), at + 5) if found.end() == at + 5), None)
            if label is not None:
                labels.append(label)
        at = lowered.find("count", at + 5)
    return labels


def labelled_count_mentions(text: str, lowered: str, names: list[re.Match]) -> list[Mention]:
    """Values of counts named as in LABELLED_COUNT_RE, or a repeat's ("… and the repeat is 9.1", REPEAT_LABEL_RE): the
    analyte is the one of the nearest name before (with its value or not: "Platelets (x10^9/L): admission 16; … This
    morning's count is 93"), when no other name stands between."""
    found = []
    starts = [name.start() for name in names]
    repeats = list(REPEAT_LABEL_RE.finditer(text)) if "repeat" in lowered or "recheck" in lowered or "values" in lowered or "recollect" in lowered else []
    for label in sorted(_count_labels(text, lowered) + repeats, key=lambda m: m.start()):
        index = bisect_right(starts, label.start()) - 1
        while index >= 0 and (names[index].end() > label.start() or _said_normal(text, lowered, names[index])):
            index -= 1  # a name inside the label ("white count" is a name of its own, never a labelled count); a count only said normal
        if index < 0 or label.start() - names[index].end() > LABELLED_COUNT_REACH:
            continue
        analyte = "plt" if "itrate" in label.group(0) else names[index].lastgroup  # a citrate tube recounts clumped platelets only
        if analyte not in ("wbc", "anc", "alc", "plt") and label.re is LABELLED_COUNT_RE \
                or any(other.lastgroup != analyte and not _said_normal(text, lowered, other)
                       for other in ANALYTE_RE.finditer(text, names[index].end(), label.end())):
            continue  # another count named between ("apheresis platelets" given between two platelet counts is the same one)
        dated = DATED_LIST_RE.match(text, label.end())
        if dated:  # "Subsequent values 9/10 8.2, 9/17 7.5": each after its date, the most recent read
            found.append(_dated_list(analyte, text, label.start(), dated, None))
            continue
        when = COUNT_LABEL_TIME_RE.match(text, label.end()) or AFTER_TREATMENT_RE.match(text, label.end()) or REPEAT_WHEN_RE.match(text, label.end())
        # ("a repeat count two weeks later was 0.7", "post count (1 hr, 15:45): 12", "Repeat after 1 unit is 8.8")
        value = VALUE_RE.match(text, when.end() if when else label.end())
        if value is None or value.group("cmp") or "\n" in (value.group("filler") or "") \
                or not value.group("unit") and (NOT_A_VALUE_RE.match(text, value.end("num")) or TIME_NUMBER_AFTER_RE.match(text, value.end("num"))):
            continue  # "send a post-transfusion count 1 h after": a time, not a count
        end = value.end("unit") if value.group("unit") else value.end("num")
        found.append(_matched_mention(analyte, text, label.start(), end, value))
        if (now := _current_after_threshold(text, end)) is not None and now.group("cue").lower().startswith(("now", "today", "current", "this", "latest")):
            # "my last count was 210 before immunotherapy, now it's 143": today's value after the labelled one
            found.append(_matched_mention(analyte, text, now.start("cue"), _value_end(now), now))
    return found


# A differential: the kinds of white cells in a run, each with its share written without "%" ("Diff: neuts 60 lymphs 30 monos 8",
# "segs 55, bands 5, lymphs 32, monos 6, eos 2"): percentages, never counts. A run is a differential when its shares add up to
# about 100 (no two counts of white cells do), or, with a label "diff" before it, at least 40.
DIFF_CELL = (r"(?:neut(?:ro)?s?|neutrophil(?:e?s|e)?|polys?|polymorphs?|segs?|bands?|stabs?|lymph(?:ocyte)?s?|lympho?s?|monos?|monocytes?|"
             r"eos(?:inophils?)?|eo|basos?|basophils?|blasts?|atyp(?:ical)?s?(?:[ \t]+lymphs?)?|myelos?|metas?|promyelos?)")
DIFF_ITEM_RE = re.compile(rf"{first_char_lookahead(DIFF_CELL)}(?<![\w-]){DIFF_CELL}[ \t]*[:=]?[ \t]*(?P<share>\d{{1,2}}(?:[.,]\d{{1,2}})?|100)(?![\d.,]\d|\d)[ \t]*(?P<pct>%)?",
                          re.IGNORECASE)
DIFF_GAP_RE = re.compile(r"[ \t]*(?:[,;/|][ \t]*|and[ \t]+)?")
DIFF_UNIT_AFTER_RE = re.compile(rf"[ \t]*(?:[x×*][ \t]*10|(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))", re.IGNORECASE)
DIFF_LABEL_BEFORE_RE = re.compile(r"(?i)\b(?:diff(?:erential)?s?|DC|DLC)\b[^\n\d]{0,12}$")


DIFF_ITEM_BEFORE_RE = re.compile(r"\d[ \t]*%?[ \t]*(?:[,;/|][ \t]*|and[ \t]+)?$")  # the end of an item right before a name


def differential_share_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the shares of every differential written without "%" in `text` (between `start` and `end`)."""
    spans: list[tuple[int, int]] = []
    runs: list[list[re.Match]] = []
    for item in DIFF_ITEM_RE.finditer(text, start, len(text) if end is None else end):
        if not item.group("pct") and DIFF_UNIT_AFTER_RE.match(text, item.end()):
            continue  # "neutrophils 1.2 x10^9/L": a count
        if runs and DIFF_GAP_RE.fullmatch(text, runs[-1][-1].end(), item.start()):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        if len(run) < 2:
            continue
        total = sum(parse_number(item.group("share").replace(",", ".")) for item in run)
        labelled = DIFF_LABEL_BEFORE_RE.search(text, max(0, run[0].start() - 20), run[0].start()) is not None
        if 85 <= total <= 105 or labelled and 40 <= total <= 105:
            spans += [item.span("share") for item in run]
    return spans


def _not_differential_shares(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, less a count read from a differential's share ("lymphs 30" in "neuts 60 lymphs 30 monos 8"). Only around
    a neutrophil or lymphocyte count whose name and number make an item next to another item is the text scanned for a run."""
    shares: set[tuple[int, int]] = set()
    for mention in mentions:
        if mention.analyte not in ("anc", "alc") or mention.number_span in shares:
            continue
        item = DIFF_ITEM_RE.match(text, mention.span[0])
        if not item or item.span("share") != mention.number_span:
            continue
        if not DIFF_ITEM_RE.match(text, DIFF_GAP_RE.match(text, item.end()).end()) \
                and not DIFF_ITEM_BEFORE_RE.search(text, max(0, item.start() - 14), item.start()):
            continue  # no other item next to it: no run
        start, end = max(0, item.start() - 400), min(len(text), item.end() + 400)
        if start:  # from a word's start, so no name is read cut
            start = next((i + 1 for i in range(start, item.start()) if text[i] in " \t\n,;"), item.start())
        shares.update(differential_share_spans(text, start, end))
    if not shares:
        return mentions
    return [m for m in mentions if m.analyte not in ("anc", "alc") or m.number_span not in shares]


# Names listed, then their values listed in the same order, then "respectively": "Leukocyte and platelet counts were 5.8 × 10^9/L
# and 231 × 10^9/L, respectively" (also "respectivamente", "respectivement", "rispettivamente").
RESPECTIVELY_RE = re.compile(r"(?i)[ \t]*,?[ \t]*\(?(?:respectively|respectivamente|respectivement|rispettivamente)\b")
NAMES_GAP_RE = re.compile(r"(?i)[ \t]*(?:,[ \t]*(?:and[ \t]+|et[ \t]+|y[ \t]+|e[ \t]+)?|(?:and|et|y|e|&)[ \t]+|/[ \t]*)"
                          r"(?:(?:the|les|la|le|los|las|el|i|gli|le|os|as|o|a)[ \t]+)?")
NAMES_TO_VALUES_RE = re.compile(r"(?i)(?:[ \t]+(?:counts?|levels?|values?|nadirs?|peaks?|results?|readings?|were|was|are|of|at|had|fell|dropped|rose|to|from|"
                                r"today|this[ \t]+(?:morning|am)|now|currently|on[ \t]+(?:day|d|cycle|c|week|wk)[ \t]*\d{1,3}|on[ \t]+c\d{1,2}[ \t]*d\d{1,2}|at[ \t]+(?:nadir|baseline|discharge|admission)|"
                                r"étaient|sont|de|à|eran|fueron|son|erano|sono|di|a)(?!\w))*[ \t]*:?[ \t]*")
LISTED_VALUE_RE = re.compile(rf"{NUMBER}[ \t]*(?:{UNIT})?", re.IGNORECASE)
VALUES_GAP_RE = NAMES_GAP_RE


def _listed_values(text: str, names: list[re.Match]) -> list[re.Match]:
    """The values listed after names listed ("… were 5.8 and 231"), at most one more than the names."""
    return _values_from(text, NAMES_TO_VALUES_RE.match(text, names[-1].end()).end(), len(names))


def _values_from(text: str, position: int, count: int) -> list[re.Match]:
    """The values listed from `position` ("5.8 and 231"), at most one more than `count`."""
    values: list[re.Match] = []
    while (value := LISTED_VALUE_RE.match(text, position)) is not None and len(values) <= count:
        values.append(value)
        gap = VALUES_GAP_RE.match(text, value.end())
        position = gap.end() if gap else value.end()
    return values


# Listed values' later values, said of them in the same order, with a pronoun or with "had" alone: "…; by day 17 they had
# recovered to 3.9 and 121", "…, had recovered to 3.6 and 2.1 by discharge".
LISTED_LATER_RE = re.compile(r"(?i)[^.\n\d]{0,12}(?:\d{1,3}[^.\n\d]{0,12})?(?:[;,][^.\n]{0,60}?\b(?:they|both|these)\s+|,?\s+(?:and\s+)?(?=had\s|were\s))(?:had\s+|have\s+|then\s+)?"
                             r"(?:(?:recovered|rose|fell|dropped|improved|returned|came\s+back(?:\s+up)?)\s+to|(?<=they\s)(?:were|are)(?:\s+at|\s+(?:up|down|back)\s+to)?|(?<=and\s)were(?:\s+at)?)\s+")


def _names_paired_with_values(text: str, names: list[re.Match], values: list[re.Match], mentions: list[Mention]) -> list[Mention]:
    """The mentions with what each listed name read replaced by its value in the listed order."""
    starts = {name.start() for name in names}
    return [m for m in mentions if m.span[0] not in starts] \
        + [_matched_mention(name.lastgroup, text, value.start("num"), value.end(), value) for name, value in zip(names, values, strict=True)]


def _names_paired_with_series(text: str, names: list[re.Match], earlier: list[re.Match], later: list[re.Match],
                              mentions: list[Mention]) -> list[Mention]:
    """The mentions with what each listed name read replaced by the series of its two values, one from each list in the listed
    order ("The WBC and platelet nadirs were 1.6 and 38 …; by day 17 they had recovered to 3.9 and 121": 1.6 then 3.9 for the
    WBC); the later value is the current one, and a grade written between them is about the earlier."""
    starts = {name.start() for name in names}
    paired = []
    for name, first, last in zip(names, earlier, later, strict=True):
        mention = _mention(name.lastgroup, text, first.start("num"), last.end(), last.group("num"), bool(last.group("kilo")),
                           last.group("unit") or first.group("unit"), None, last.span("num"),
                           [parse_number(first.group("num")), parse_number(last.group("num"))])
        mention.steps = [(first.group("num"), bool(first.group("kilo")), first.span("num")), (last.group("num"), bool(last.group("kilo")), last.span("num"))]
        mention.unit_text = last.group("unit") or first.group("unit")
        paired.append(mention)
    return [m for m in mentions if m.span[0] not in starts] + paired


def respectively_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The values of names listed before values listed in the same order and "respectively"; they replace what each name read."""
    for said in RESPECTIVELY_RE.finditer(text):
        sentence = max(text.rfind(". ", 0, said.start()), text.rfind("\n", 0, said.start())) + 1
        names = list(ANALYTE_RE.finditer(text, sentence, said.start()))
        if len(names) < 2 or any(not NAMES_GAP_RE.fullmatch(text, a.end(), b.start()) for a, b in zip(names, names[1:], strict=False)):
            continue
        values = _listed_values(text, names)
        if not values or text[values[-1].end():said.start()].strip(" \t,"):
            continue
        if len(values) != len(names):
            starts = {name.start() for name in names}
            mentions = [m for m in mentions if m.span[0] not in starts]
            continue  # which value is whose cannot be told: none is read
        mentions = _names_paired_with_values(text, names, values, mentions)
    return mentions


# A verb or a preposition between listed names and their listed values: "the ANC and platelet count were 1.1 and 48".
LISTED_VERB_RE = re.compile(r"(?i)\b(?:were|are|was|of|at|étaient|sont|eran|fueron|son|erano|sono|waren|sind|waren|zijn)\b")
# A verb phrase of up to three words ending in "at" or "to" between them: "WBC and ANC bottomed out at 1.4 and 0.6", "platelets and
# hemoglobin preserved at 231 and 13.4".
LISTED_VERB_PHRASE_RE = re.compile(r"(?i)[ \t]+(?:had[ \t]+|have[ \t]+)?(?:[a-z]+[ \t]+){0,2}?(?:bottomed(?:[ \t]+out)?|recovered|fell|dropped|rose|"
                                   r"improved|climbed|declined|decreased|increased|returned|came[ \t]+back(?:[ \t]+up)?|nadired|preserved|stable|steady|unchanged|"
                                   r"maintained|held|remained|stayed)[ \t]+(?:at|to)[ \t]+")
LIST_END_RE = re.compile(r"(?i)(?:[ \t]*(?:this\s+(?:morning|am)|today|yesterday|now|overnight|(?:on|at|by)\s+(?:c[ \t]*\d{1,2}[ \t]*d[ \t]*\d{1,2}|(?:day|d|week|wk|cycle|c)[ \t]*\d{1,3})(?!\d)|"
                         r"(?:through(?:out)?|during|all)\s+(?:the\s+)?(?:stay|admission|week)))?"
                         r"[ \t]*(?:[,.;:()\n]|[—–]|-[ \t]|->|→|$)")  # "… were 1.4 and 61 this morning", "… were 1.6 and 38 on day 10 (…"


def listed_mentions(text: str, names: list[re.Match], mentions: list[Mention]) -> list[Mention]:
    """The values of names listed and joined ("the ANC and platelet count were 1.1 and 48, corresponding to …"), then as
    many values listed, each the name's in the same order; they replace what each name read."""
    run: list[re.Match] = []
    for name in [*names, None]:
        if name is not None and run and name.start() - run[-1].end() <= 12 and NAMES_GAP_RE.fullmatch(text, run[-1].end(), name.start()):
            run.append(name)
            continue
        phrase = LISTED_VERB_PHRASE_RE.match(text, run[-1].end()) if len(run) > 1 else None
        if len(run) > 1 and (phrase or LISTED_VERB_RE.search(NAMES_TO_VALUES_RE.match(text, run[-1].end()).group(0))
                             or text[run[-1].end():run[-1].end() + 1] in (" ", "\t", ":")):  # "wbc and anc 1.9 and 0.9": no verb at all
            values = _values_from(text, phrase.end(), len(run)) if phrase else _listed_values(text, run)
            later = LISTED_LATER_RE.match(text, values[-1].end()) if len(values) == len(run) else None
            if len(values) == len(run) and (LIST_END_RE.match(text, values[-1].end()) or later is not None):
                if later is not None:
                    # "The WBC and platelet nadirs were 1.6 and 38 on day 10; by day 17 they had recovered to 3.9 and 121": the
                    # values they came to, listed in the same order, are the latest
                    again = _values_from(text, later.end(), len(run))
                    if len(again) == len(run):
                        mentions = _names_paired_with_series(text, run, values, again, mentions)
                        run = [name] if name is not None else []
                        continue
                mentions = _names_paired_with_values(text, run, values, mentions)
        run = [name] if name is not None else []
    return mentions


# An HL7 v2 message: each OBX segment names its test in field 3 ("6690-2^WBC^LN", "HGB^Hemoglobin") and gives the value in field 5
# and its unit in field 6; an OBR segment opens each panel, with when it was drawn in field 7. A test given in several panels is
# read in the most recent one.
HL7_TIME_RE = re.compile(r"\d{8,14}")


# LOINC codes of the analytes read, as HL7 messages and FHIR resources name them ("718-7^Hemoglobin [Mass/volume] in Blood^LN"); codes of
# a percentage ("770-8 Neutrophils/100 leukocytes") are not here, so they are never read as a count.
LOINC_ANALYTES = {"6690-2": "wbc", "26464-8": "wbc", "804-5": "wbc", "751-8": "anc", "753-4": "anc", "26499-4": "anc", "731-0": "alc",
                  "732-8": "alc", "26474-7": "alc", "777-3": "plt", "26515-7": "plt", "778-1": "plt", "718-7": "hgb", "20509-6": "hgb",
                  "1742-6": "alt", "1920-8": "ast", "1975-2": "bili"}
# A coded name read by its words: the analyte's name, then a LOINC property in brackets or nothing ("Leukocytes [#/volume] in
# Blood", "Platelets"); a property of a fraction ("[#/100 leukocytes]", "Neutrophils/100 leukocytes") names a percentage.
CODED_NAME_TAIL_RE = re.compile(r"[ \t]*(?:\[(?:#|mass|count|cells?)/volume\](?:[ \t]+in[ \t]+blood)?(?:[ \t]+by[ \t]+[\w ]+)?)?[ \t]*", re.IGNORECASE)


def coded_analyte(name: str) -> str | None:
    """The analyte of a coded observation's code or display name, or None."""
    name = name.strip()
    if name in LOINC_ANALYTES:
        return LOINC_ANALYTES[name]
    found = ANALYTE_RE.match(name)
    return found.lastgroup if found and CODED_NAME_TAIL_RE.fullmatch(name, found.end()) else None


def hl7_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The values of the OBX segments of an HL7 message, and the spans of the segments read."""
    latest: dict[str, tuple[tuple, Mention]] = {}
    covered = []
    panel: tuple = (0, "")
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start, offset = offset, offset + len(line) + 1
        fields = line.strip().split("|")
        if fields[0] == "OBR":
            drawn = fields[7] if len(fields) > 7 and HL7_TIME_RE.fullmatch(fields[7]) else ""
            panel = (number, drawn)
        if fields[0] != "OBX" or len(fields) < 6:
            continue
        covered.append((start, start + len(line)))
        analyte = next((found for part in fields[3].split("^") if (found := coded_analyte(part))), None)
        unit = fields[6].strip() if len(fields) > 6 else ""
        value = re.fullmatch(rf"\s*{NUMBER}\s*", fields[5])
        if analyte is None or value is None or "%" in unit or unit and not unit_of(unit)[0]:
            continue
        at = start + len(line) - len(line.lstrip()) + len("|".join(fields[:5])) + 1  # where field 5 starts
        span = (at + value.start("num"), at + value.end("num"))
        mention = _mention(analyte, text, span[0], span[1], value.group("num"), bool(value.group("kilo")), unit or None, None, span,
                           [parse_number(value.group("num"))])
        key = (panel[1], panel[0])  # by the time drawn, then by the order of the panels
        if analyte not in latest or key >= latest[analyte][0]:
            latest[analyte] = (key, mention)
    return [mention for _, mention in latest.values()], covered


# FHIR Observations as JSON: a value quantity after the code that names it ('"code":{"coding":[{"code":"26499-4","display":
# "Neutrophils [#/volume] in Blood"}]}, "valueQuantity":{"value":1.3,"unit":"10*3/uL"}'); a reference range's values are not the patient's.
FHIR_QUANTITY_RE = re.compile(r'\x22valueQuantity\x22\s*:\s*\{(?P<body>[^{}]*)\}')
FHIR_VALUE_RE = re.compile(rf'\x22value\x22\s*:\s*\x22?{NUMBER}\x22?')
FHIR_UNIT_RE = re.compile(r'\x22(?:unit|code)\x22\s*:\s*\x22(?P<unit>[^\x22]*)\x22')
FHIR_NAME_RE = re.compile(r'\x22(?:code|display|text)\x22\s*:\s*\x22(?P<name>[^\x22]*)\x22')
FHIR_TIME_RE = re.compile(r'\x22(?:effectiveDateTime|issued)\x22\s*:\s*\x22(?P<time>[^\x22]*)\x22')


def fhir_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The values of the FHIR Observations of a JSON text (the latest of each analyte by its effective time, else the last),
    and the spans read."""
    latest: dict[str, tuple[str, Mention]] = {}
    covered = []
    floor = 0
    quantities = list(FHIR_QUANTITY_RE.finditer(text))
    for index, quantity in enumerate(quantities):
        names = [found.group("name") for found in FHIR_NAME_RE.finditer(text, floor, quantity.start())]
        analyte = next((found for name in names if (found := coded_analyte(name))), None)
        value = FHIR_VALUE_RE.search(text, quantity.start("body"), quantity.end("body"))
        unit = FHIR_UNIT_RE.search(text, quantity.start("body"), quantity.end("body"))
        ceiling = quantities[index + 1].start() if index + 1 < len(quantities) else len(text)
        after = text.find('"code"', quantity.end(), ceiling)
        when = FHIR_TIME_RE.search(text, floor, quantity.start()) or FHIR_TIME_RE.search(text, quantity.end(), ceiling if after < 0 else after)
        covered.append((floor, quantity.end()))
        floor = quantity.end()
        unit_text = unit.group("unit") if unit else None
        if analyte is None or value is None or unit_text and ("%" in unit_text or not unit_of(unit_text)[0]):
            continue
        mention = _mention(analyte, text, value.start("num"), quantity.end(), value.group("num"), bool(value.group("kilo")), unit_text, None,
                           value.span("num"), [parse_number(value.group("num"))])
        key = when.group("time") if when else ""
        if analyte not in latest or key >= latest[analyte][0]:
            latest[analyte] = (key, mention)
    return [mention for _, mention in latest.values()], covered


# A name on a line of its own, then lines of a time and a value each: "ANC (x10^9/L) by day post-cycle\nD1   3.8\nD8   1.2".
NAME_LINE_REST_RE = re.compile(r"[ \t]*(?:\([^()\n]*\)|[^\d\n()])*$")  # "ANC by day (x10^9/L)": a unit in brackets anywhere
# Words of a title before the name, with no number: "Flowsheet - ANC (cells/uL)", "Trend: platelets".
TITLE_BEFORE_NAME_RE = re.compile(r"[ \t]*(?:[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ '’/&]{0,30}?[ \t]*(?:[-–—:][ \t]*|[ \t]))?")
TIMED_LINE_RE = re.compile(rf"\n[ \t]*(?P<label>{MONTH_NAME}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTH_NAME}[ \t]+\d{{4}}|"
                           rf"[A-Za-z]{{1,6}}[ \t]*\d{{1,3}}(?:[ \t]*[A-Za-z]{{1,3}}[ \t]*\d{{1,3}})?|"
                           rf"\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?\.?(?:[ \t]+(?:[01]\d|2[0-3]):?[0-5]\d)?|\d{{1,2}}:\d{{2}})"
                           rf"[ \t]*[:=–-]?[ \t]+{NUMBER}[ \t]*(?:{UNIT})?"
                           # a portal's flag and reference range after the value: "Jul 28, 2025   9.3 g/dL (Low)", "03/28/2025  10.9 g/dL  12.0-15.5"
                           rf"(?:[ \t]*(?-i:\(?(?:LL|HH|L|H|Low|High|LOW|HIGH|Critical|CRIT)\)?)(?![A-Za-z]))?(?:[ \t]+\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*)?"
                           rf"[ \t]*(?=\n|$)", re.IGNORECASE)
REFERENCE_LINE_RE = re.compile(r"(?i)\n[ \t]*(?:latest[ \t]+)?(?:ref(?:erence)?\.?[ \t]*(?:rng|range|interval)|normal[ \t]+range|standard[ \t]+range)[^\n]*(?=\n)")
# A line of column headers between the name and its dated rows: "Date   Value   Range"
COLUMN_WORDS_LINE_RE = re.compile(r"\n[ \t]*(?=[^\n\d]*\b(?:date|value|result|datum|wert|fecha|valor|data|valore|r[ée]sultat|uitslag)\b)"
                                  r"[A-Za-zÀ-ÿ]+(?:[ \t]+[A-Za-zÀ-ÿ().]+){1,5}[ \t]*(?=\n)", re.IGNORECASE)


def labelled_lines_mentions(text: str, bare: list[re.Match]) -> list[Mention]:
    """The latest value of a name written on a line of its own (no value after it) over lines that each give a time and
    a value, the time by day, date or clock ("D1  3.8", "03/02  212", "06:40  45")."""
    found = []
    for name in bare:
        line_start = text.rfind("\n", 0, name.start()) + 1
        line_end = text.find("\n", name.end())
        if line_end < 0 or not TITLE_BEFORE_NAME_RE.fullmatch(text, line_start, name.start()) \
                or not NAME_LINE_REST_RE.fullmatch(text, name.end(), line_end) or ANALYTE_RE.search(text, line_start, name.start()) \
                or ANALYTE_RE.search(text, name.end(), line_end):
            continue  # a value, or another name (a header of columns), on the name's line
        rows, position = [], line_end
        if (columns := COLUMN_WORDS_LINE_RE.match(text, position)) is not None:
            position = columns.end()
        if (reference := REFERENCE_LINE_RE.match(text, position)) is not None:
            position = reference.end()  # "Latest Ref Rng: 13.2 - 16.6 g/dL" between the name and its rows
        while (row := TIMED_LINE_RE.match(text, position)) is not None and label_rank(row.group("label")) is not None:
            rows.append(row)
            position = row.end()
        if len(rows) < 2:
            continue
        pick = latest_column([row.group("label").strip() for row in rows])
        row = rows[-1 if pick is None else pick]
        unit = row.group("unit") or (found_unit.group("unit") if (found_unit := UNIT_ANYWHERE_RE.search(text, name.end(), line_end)) else None)
        ordered = rows[::-1] if pick == 0 else rows  # the latest first, as a portal lists them: the series told oldest first
        trend = [parse_number(r.group("num")) for r in ordered if r is not row] + [parse_number(row.group("num"))]
        mention = _mention(name.lastgroup, text, name.start(), row.end(), row.group("num"), bool(row.group("kilo")), unit, None,
                           row.span("num"), trend)
        mention.steps, mention.unit_text = [(r.group("num"), bool(r.group("kilo")), r.span("num")) for r in ordered if r is not row] \
            + [(row.group("num"), bool(row.group("kilo")), row.span("num"))], unit  # the rows, for a grade said of the episode
        found.append(mention)
    return found


# Values written as a group with their names as a group, in the same order: "1.2/7.4/19 (WBC/Hb/plt)", "WBC/Hb/Plt
# 3.1/10.2/88", and a header of names over rows of groups, each after its date ("Leukos/Neutros/Thrombos\n02.04.: 3,8 / 2,1 /
# 145\n09.04.: 2,9 / 1,3 / 102"), read on the latest row. A name that is no analyte here (Hct) keeps its place.
GROUP_NAME = r"[A-Za-zÀ-ÿ][\wÀ-ÿ'’#]*"
NAME_GROUP = rf"{GROUP_NAME}(?:[ \t]*/[ \t]*{GROUP_NAME}){{1,4}}"
GROUP_NUMBER = r"\d+(?:[.,·]\d+)?"
# Found from their numbers, so a long text is scanned once for the rare "number/number" and names are looked for only there.
SLASHED_NUMBER_HINT_RE = re.compile(r"\d[ \t]*/[ \t]*\d")  # a cheap test over a whole text before the groups are looked for
NUMBER_GROUP_RE = re.compile(rf"(?=\d)(?<![\w.,/]){GROUP_NUMBER}(?:[ \t]*/[ \t]*{GROUP_NUMBER}){{1,4}}(?![\w/]|[.,]\d)")
NAMES_AFTER_RE = re.compile(rf"[ \t]*\([ \t]*(?P<names>{NAME_GROUP})[ \t]*\)")
NAMES_BEFORE_RE = re.compile(rf"(?<![\w/])(?P<names>{NAME_GROUP})(?:[ \t]+(?i:today|now|currently|this[ \t]+(?:morning|am)|heute|jetzt|"
                             r"aujourd['’]hui|ce[ \t]+matin|hoy|oggi|stamattina|hoje|vandaag))?[ \t]*:?[ \t]+$")  # "… heute 2,1/0,9/71"
ROW_LABEL_BEFORE_RE = re.compile(r"(?m)^[ \t]*(?P<label>[^\n:]{1,24}?)[ \t]*:[ \t]*$")
NAMES_LINE_RE = re.compile(rf"[ \t]*(?:(?:date|datum|fecha|data|day|tag|jour|dag|giorno|d[íi]a|week|visit|cycle)[ \t]+)?(?P<names>{NAME_GROUP})[ \t]*:?[ \t]*$"
                           # "CBC trend (WBC / ANC / Hgb / Plt):": a title, and the names in brackets
                           rf"|[ \t]*[^\n()/]{{1,90}}\([ \t]*(?P<bracketed>{NAME_GROUP})[ \t]*\)[ \t]*:?[ \t]*$",
                           re.IGNORECASE)  # "Datum    Leukos/Neutros/Thrombos": a date column's header before the names
GROUP_SPLIT_RE = re.compile(r"[ \t]*/[ \t]*")
# Names of blood measures outside the five, which may share a group with one of them ("Hgb/Hct 8.1/24.6").
OTHER_MEASURE_NAMES = {"hct", "ht", "hk", "hkt", "hematocrit", "haematocrit", "hématocrite", "hematocrito", "ematocrito", "hämatokrit",
                       "rbc", "mcv", "mch", "mchc", "rdw", "retic", "retics", "mpv"}


# A row's time with no colon after it: "31.03. 2,2/0,7/61", "04/07 3.1/9.8/120".
ROW_TIME_BEFORE_RE = re.compile(r"[ \t]*(?P<label>[^\n:]{1,24}?)[ \t]+$")
TIMED_GROUP_ROW_RE = re.compile(rf"[ \t]*(?P<label>[^\n:]{{1,24}}?)[ \t]+{GROUP_NUMBER}(?:[ \t]*/[ \t]*{GROUP_NUMBER}){{1,4}}[ \t]*")


def _time_before_group(text: str, line_start: int, group_start: int) -> re.Match | None:
    """The time that leads a row of a group without a colon, when it is one ("31.03. 2,2/0,7/61")."""
    label = ROW_TIME_BEFORE_RE.match(text, line_start, group_start)
    return label if label is not None and time_rank(label.group("label")) is not None else None


def _group_values(text: str, names: re.Match, numbers: re.Match) -> list[Mention]:
    tokens = GROUP_SPLIT_RE.split(names.group("names") or names.group("bracketed"))
    parts = list(re.finditer(GROUP_NUMBER, numbers.group(0)))
    if len(tokens) != len(parts):
        return []
    analytes = [(found.lastgroup if (found := ANALYTE_RE.fullmatch(token)) else None) for token in tokens]
    if sum(a is not None for a in analytes) < 2 \
            and not (any(analytes) and all(a is not None or token.lower() in OTHER_MEASURE_NAMES for a, token in zip(analytes, tokens, strict=True))):
        return []  # one name is no group, unless the others name measures of their own: "Hgb/Hct: 8.1/24.6"
    values = []
    for analyte, number in zip(analytes, parts, strict=True):
        if analyte in CANONICAL_UNIT:
            span = (numbers.start() + number.start(), numbers.start() + number.end())
            values.append(_mention(analyte, text, span[0], span[1], number.group(0), False, None, None, span, [parse_number(number.group(0))]))
    return values


# A later group with no names of its own, after a word of a new draw, continues the series of the named group before it,
# in the same paragraph with no other name between them: "Hgb/Hct 8.1/24.6, s/p 1u PRBC, recheck 8.9/26.8".
CONTINUED_GROUP_CUE_RE = re.compile(rf"(?:\b(?:recheck(?:ed)?|repeat(?:ed)?|rpt|post\w*|then|now|today|this[ \t]+(?:morning|am)|"
                                    rf"{FOREIGN_TODAY})|{FORWARD_ARROW})[ \t:,]*$", re.IGNORECASE)
CONTINUED_GROUP_GAP = 100


def _continued_group(text: str, named: re.Match, names: re.Match, numbers: re.Match, earlier: list[Mention]) -> list[Mention]:
    """The values of an unnamed group that continues the named group before it, with that group's names; each keeps the
    value it replaces in its series."""
    between = text[named.end():numbers.start()]
    if len(between) > CONTINUED_GROUP_GAP or "\n\n" in between or ANALYTE_RE.search(between) \
            or not CONTINUED_GROUP_CUE_RE.search(between) or re.search(r"(?<![\d.,])0\d", numbers.group(0)):
        return []  # a leading zero is a date's ("04/07")
    values = _group_values(text, names, numbers)
    for later, before in zip(values, earlier, strict=False):
        later.assumptions = [f"{ANALYTE_LABELS[later.analyte]} given as a series ({before.native_value:g} -> {later.native_value:g}); "
                             f"the latest value is graded ({later.native_value:g})."] + later.assumptions
    return values


def slash_group_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The values of groups of names and numbers joined by slashes, and the spans of the name groups they used."""
    found: list[Mention] = []
    names_used: list[tuple[int, int]] = []
    rows: dict[int, list[tuple[str, re.Match]]] = {}  # the dated rows under each header line of names, by the header's start
    last_named: tuple[re.Match, re.Match, list[Mention]] | None = None  # the last group read with names, those names, its values
    for numbers in NUMBER_GROUP_RE.finditer(text):
        after = NAMES_AFTER_RE.match(text, numbers.end())
        before = NAMES_BEFORE_RE.search(text, max(text.rfind("\n", 0, numbers.start()) + 1, numbers.start() - 60), numbers.start())
        for names in (after, before):
            values = _group_values(text, names, numbers) if names else []
            if values:
                found += values
                names_used.append(names.span("names"))
                last_named = (numbers, names, values)
                break
        else:
            continued = _continued_group(text, *last_named[:2], numbers, last_named[2]) if last_named else []
            if continued:
                found = [m for m in found if m not in last_named[2]] + continued
                last_named = (numbers, last_named[1], continued)
                continue
            line_start = text.rfind("\n", 0, numbers.start()) + 1
            label = ROW_LABEL_BEFORE_RE.match(text, line_start, numbers.start()) or _time_before_group(text, line_start, numbers.start())
            if label is None:
                continue
            header_end = line_start - 1  # rows of groups, each after its label, under a line of names
            while header_end > 0:
                header_start = text.rfind("\n", 0, header_end) + 1
                header = NAMES_LINE_RE.fullmatch(text, header_start, header_end)
                if header is not None:
                    rows.setdefault(header_start, []).append((label.group("label").strip(), numbers))
                    break
                if not ROW_LABEL_BEFORE_RE.match(text, header_start, header_end) and ":" not in text[header_start:header_end] \
                        and not TIMED_GROUP_ROW_RE.fullmatch(text, header_start, header_end):
                    break
                header_end = header_start - 1
    for header_start, dated in rows.items():
        header = NAMES_LINE_RE.match(text, header_start, text.find("\n", header_start))
        pick = latest_column([label for label, _ in dated]) if len(dated) > 1 else 0
        values = _group_values(text, header, dated[-1 if pick is None else pick][1])
        if values:
            found += values
            names_used.append(header.span("names") if header.group("names") else header.span("bracketed"))
    return found, names_used


# The blood count written as the clinicians' "fishbone" on one line, with no names: WBC > Hgb / Hct < Plt
# ("CBC: 3.1 > 10.2 / 30.6 < 88"). Read only when the hematocrit is about three times the hemoglobin, as it is in blood,
# so two comparisons and a ratio elsewhere are never taken for one.
FISHBONE_NUMBER = r"\d{1,3}(?:[.,]\d{1,2})?"
FISHBONE_RE = re.compile(rf"(?<![\w.,/<>])(?P<wbc>{FISHBONE_NUMBER})[ \t]*>[ \t]*(?P<hgb>{FISHBONE_NUMBER})[ \t]*/[ \t]*"
                         rf"(?P<hct>{FISHBONE_NUMBER})[ \t]*<[ \t]*(?P<plt>{FISHBONE_NUMBER})(?![\w/<>]|[.,]\d|[ \t]*%)")
# ... and drawn on three lines, the hemoglobin above the bone and the hematocrit below it:
#         9.0
#  4.6 >-----< 211
#        27.3
FISHBONE_LINES_RE = re.compile(rf"(?m)^[ \t]*(?P<hgb>{FISHBONE_NUMBER})[ \t]*\n[ \t]*(?P<wbc>{FISHBONE_NUMBER})[ \t]*>-{{2,}}<[ \t]*"
                               rf"(?P<plt>{FISHBONE_NUMBER})[ \t]*\n[ \t]*(?P<hct>{FISHBONE_NUMBER})[ \t]*$")
HEMATOCRIT_PER_HEMOGLOBIN = (2.5, 3.6)


def fishbone_mentions(text: str, named: list[Mention]) -> list[Mention]:
    """WBC, hemoglobin and platelets of a blood count written as a fishbone ("3.1 > 10.2 / 30.6 < 88"), unless a name
    already reads one of its numbers ("WBC 4.1 > ...")."""
    found = []
    numbers = sorted(m.number_span for m in named)
    starts = [a for a, _ in numbers]
    bones = list(FISHBONE_RE.finditer(text)) + (list(FISHBONE_LINES_RE.finditer(text)) if "-<" in text else [])
    for bone in bones:
        hemoglobin, hematocrit = parse_number(bone.group("hgb")), parse_number(bone.group("hct"))
        low, high = HEMATOCRIT_PER_HEMOGLOBIN
        if not hemoglobin or not low <= hematocrit / hemoglobin <= high:
            continue
        first_inside = bisect_right(starts, bone.start() - 1)
        if first_inside < len(starts) and starts[first_inside] < bone.end():
            continue
        for analyte in ("wbc", "hgb", "plt"):
            span = bone.span(analyte)
            found.append(_mention(analyte, text, span[0], span[1], bone.group(analyte), False, None, None, span,
                                  [parse_number(bone.group(analyte))]))
    return found


# A condition named with its labelled values in brackets right after it: "Thrombocytopenia (nadir 11, discharge 67)". Without
# such a bracket a condition is never a value ("grade 3 thrombocytopenia").
CONDITION_STEMS = {"neutrop": "anc", "granulocytop": "anc", "thrombocytop": "plt", "thrombop": "plt", "trombocitop": "plt",
                   "trombop": "plt", "thrombozytop": "plt", "trombocytop": "plt", "piastrinop": "plt", "lymphop": "alc",
                   "linfop": "alc", "lymphozytop": "alc", "leukop": "wbc", "leucop": "wbc", "leukozytop": "wbc", "leucocitop": "wbc"}
# The conditions' names as a bracket of values may follow them ("Neutropenia (nadir 0.2, …)", "Anämie (…)"), each stem with
# its ending ("-penia", "-pénie"), and anaemia in its spellings.
CONDITION_ANALYTES = {**{f"{stem}{e}ni": analyte for stem, analyte in CONDITION_STEMS.items() for e in ("e", "é")},
                      **{spelling: "hgb" for spelling in ("anaemi", "anemi", "anämi", "anémi")}}
# Only labels of time or of which value it is: "(v5.0)" names a version and "(just under 1.5)" a threshold, not values.
CONDITION_LABEL = (rf"(?:{DATE_LABEL}|(?:giorno|d[íi]a|jour|j|tag|dag|dia)[ \t]*\+?\d{{1,3}}|(?:at\s+|on\s+|bei\s+|bij\s+|à\s+la\s+|al\s+|alla\s+|na\s+)?(?:nadir|lowest|low|min(?:imum)?|peak|worst|admission|discharge|presentation|diagnosis|"
                   r"today|now|current(?:ly)?|latest|recovery|recovered|follow-?up|last|initial|first|repeat|recheck|"
                   r"sortie|entr[ée]e|Entlassung|Aufnahme|alta|ingreso|dimissione|ricovero|ontslag|opname|"  # "(nadir 6,9 g/dL, sortie 9,2 g/dL)"
                   r"pre-?\w*|post-?\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day))")
# ... or after the value: "Anemia (nadir 7.2 g/dL on day 4, 9.0 g/dL at discharge)"
CONDITION_AFTER_LABEL = (r"(?:(?:on|at|by|upon)[ \t]+(?:day|d|week|wk)[ \t]*\+?\d{1,3}(?!\d)(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:admission|stay|treatment|cycle[ \t]*\d{1,2}|C\d{1,2}))?|"
                         r"(?:on|at|upon)[ \t]+(?:the[ \t]+)?(?:day[ \t]+of[ \t]+(?:the[ \t]+)?)?(?:discharge|admission|presentation|diagnosis|follow-?up|recovery)|today|now|currently|"
                         # ... in the languages read: "9,2 g/dL à la sortie", "9,6 g/dL alla dimissione", "7,3 g/dL in seconda giornata"
                         r"(?:à[ \t]+la|à[ \t]+l['’]|al|alla|all['’]|a[ \t]+la|bei(?:[ \t]+der)?|bij|na|no|en[ \t]+el|in)[ \t]*"
                         r"(?:sortie|entr[ée]e|admission|dimissione|ammissione|ricovero|alta|ingreso|Entlassung|Aufnahme|ontslag|opname|admiss[ãa]o)|"
                         r"in[ \t]+[^\W\d_]+[ \t]+giornata|(?:au[ \t]+|à[ \t]+|le[ \t]+|el[ \t]+|am[ \t]+|op[ \t]+|al[ \t]+)?(?:J|jour|d[íi]a|Tag|dag|giorno)[ \t]*\+?\d{1,3}(?!\d)|"
                         r"(?:d|day)[ \t]*\d{1,3}(?![\d.,]))")  # "(nadir .4 d12)"
CONDITION_ITEM_VALUE = rf"(?:\d+(?:[.,·]\d+)?|\.\d+)(?![\d%])(?:[ \t]*(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?"
CONDITION_ITEM = (rf"(?:{CONDITION_LABEL}[ \t]*[:=]?[ \t]*{CONDITION_ITEM_VALUE}(?:[ \t]+{CONDITION_AFTER_LABEL})?"
                  rf"|{CONDITION_ITEM_VALUE}[ \t]+{CONDITION_AFTER_LABEL})")
# Words of the episode between a condition and its bracket: "Grade 3 neutropenia this cycle, resolved (D8 1.4, D12 0.4, D15 1.7)".
EPISODE_GAP = (r"(?:[ \t]+(?:grade|grado|grad|grau|G)[ \t]*[0-4](?![\d.,]))?"  # "Neutropenia grado 3 en el ciclo 2 (…)"
               r"(?:[ \t]+(?:this|that|during|in)[ \t]+(?:cycle|course|week|admission|episode)(?:[ \t]*\d+)?|[ \t]+(?:(?:on|during|in|after)[ \t]+)?(?:[Cc]|cycle[ \t]*)\d{1,2}(?:[ \t]+of[ \t]+[A-Za-z][\w/+-]*)?"
               r"|[ \t]+(?:im|in|au|al|nel|no|während|en[ \t]+el|dans[ \t]+le|in[ \t]+the)[ \t]+(?:[Zz]yklus|cycle|ciclo|cyclus)[ \t]*\d{1,2}|[ \t]+" + ON_TREATMENT + r")?"  # "Neutropenie im Zyklus 2", "Anémie sous nivolumab"
               r"(?:[ \t]*,?[ \t]*(?:now[ \t]+)?(?:resolved|resolving|recovered|recovering|improving|improved|erholt|r[ée]cup[ée]r[ée]e?|r[ée]solue?|resuelt[ao]|recuperad[ao]|risolt[ao]|hersteld|opgelost))?"
               # ... and its change of grade: "Neutropenia improved from grade 4 to grade 1 (0.3 → 1.4)"
               r"(?:[ \t]+(?:improved|worsened|went|progressed|recovered|fell|rose|dropped)[ \t]+from[ \t]+(?:grade|G)[ \t]*[0-4][ \t]+to[ \t]+(?:grade|G)[ \t]*[0-4])?")
# ... or a single value with no label, when its decimals or its unit tell it is one (a bare whole number may be a reference: "(12)")
BARE_CONDITION_VALUE = (rf"(?P<bare>(?P<bare_series>(?:\d+(?:[.,·]\d+)?[ \t]*(?:→|->|=>)[ \t]*)+)?(?P<bare_num>\d+[.,·]\d+|(?<=[>→][ \t])\d+|(?<=[>→])\d+)"
                        rf"(?:[ \t]*(?P<bare_unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?|(?P<bare_whole>\d+)[ \t]*(?P<whole_unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))")
# The words that qualify a condition before its bracket ("Anémie hémolytique auto-immune (…)"), never a time's or a link's
CONDITION_QUALIFIERS = (r"(?:[ \t]+(?!(?:at|on|in|during|after|before|the|of|since|from|with|to|by|per|was|were|is|are|has|had|now|nadir|today|"
                        r"this|that|sous|under|bajo|sotto|unter|onder|com|sob|con|mit|au|nel|im|resolved|resolving|recovered|improved)\b)"
                        r"[^\W\d]+(?:-[^\W\d]+)?){0,3}?")
CONDITION_BRACKET_RE = re.compile(rf"\b(?:(?i:auto-?)?(?i:immun)-?)?(?P<condition>{'|'.join(CONDITION_ANALYTES)})(?:a|as|c|e)\b{CONDITION_QUALIFIERS}{EPISODE_GAP}[ \t]*\((?P<items>[ \t]*{CONDITION_ITEM}"
                                  rf"(?:[ \t]*(?:[,;]|[ \t][–—-])[ \t]*{CONDITION_ITEM})*|[ \t]*{BARE_CONDITION_VALUE})"
                                  rf"(?:[ \t]*[,;][ \t]*(?:per[ \t]+)?(?:NCI[ \t-]*)?CTCAE[ \t]*v?[56](?:\.0)?)?[ \t]*\)", re.IGNORECASE)  # "(0.6 → 1.3; CTCAE v5.0)"
CONDITION_ITEM_RE = re.compile(rf"(?:(?P<label>{CONDITION_LABEL})[ \t]*[:=]?[ \t]*)?{NUMBER}(?:[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?"
                               rf"(?:[ \t]+(?P<label_after>{CONDITION_AFTER_LABEL}))?", re.IGNORECASE)


# A condition named, then its value after a preposition: "neutropénie à 0,8 G/L", "thrombocytopenia of 45", "anemia de 7,9".
# The condition says the value is low, so a value above the low end of normal is no value of it ("febrile neutropenia at
# 38.5"); a number of days, of patients or a percentage, a range and a definition ("of 0.5 or less") are none either.
CONDITION_WORD = rf"(?:(?:{'|'.join(sorted(CONDITION_STEMS, key=len, reverse=True))})[eé]ni|an(?:a?e|é|ä)mi)[a-z]{{0,3}}"
CONDITION_PREPOSITIONS = ("of", "at", "à", "a", "de", "di", "da", "von", "van", "bei", "auf", "to")
CONDITION_VALUE_RE = re.compile(rf"\b(?P<condition>{CONDITION_WORD})[ \t]+(?:{'|'.join(CONDITION_PREPOSITIONS)})[ \t]+"
                                rf"(?:(?:the|la|le|el|der|die)[ \t]+)?{NUMBER}(?:[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?", re.IGNORECASE)
CONDITION_CEILING = {"anc": 2.0, "plt": 150.0, "alc": 1.5, "wbc": 4.5, "hgb": 13.5}  # about the low end of normal, canonical units
DEFINITION_AFTER_RE = re.compile(r"(?i)[ \t]*(?:or[ \t]+(?:less|lower|below|more|higher|greater|above)|and[ \t]+(?:below|under|less|lower)|"
                                 r"[ \t]*\([ \t]*\d+(?:[.,]\d+)?[ \t]*%|[ \t]*[-–][ \t]*\d)")
CONDITION_HINTS = ("peni", "péni", "emi", "émi", "ämi")


# The end of a condition's word, its preposition and a digit, one pattern per hint: each starts with a plain string, which a
# scan of a long lower-cased text finds far faster than any pattern starting with a choice of letters.
CONDITION_TAIL_RES = [re.compile(rf"{hint}[a-zà-ÿ]{{0,3}}[ \t]+(?:{'|'.join(CONDITION_PREPOSITIONS)})[ \t]+(?:(?:the|la|le|el|der|die)[ \t]+)?\d")
                      for hint in CONDITION_HINTS]


def _condition_values(text: str, lowered: str):
    """CONDITION_VALUE_RE's matches, tried only at the words whose end CONDITION_TAIL_RES find."""
    if len(lowered) != len(text):
        yield from CONDITION_VALUE_RE.finditer(text)
        return
    for hint, tail_re in zip(CONDITION_HINTS, CONDITION_TAIL_RES, strict=True):
        if hint not in lowered:
            continue
        for tail in tail_re.finditer(lowered):
            start = tail.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            match = CONDITION_VALUE_RE.match(text, start)
            if match:
                yield match


def condition_value_mentions(text: str, lowered: str) -> list[Mention]:
    """The value after a condition and a preposition: "neutropénie à 0,8 G/L" (see CONDITION_VALUE_RE)."""
    found = []
    for match in _condition_values(text, lowered):
        word = match.group("condition").lower()
        analyte = next((a for stem, a in CONDITION_STEMS.items() if word.startswith(stem)), "hgb" if word.startswith("an") else None)
        end = match.end("unit") if match.group("unit") else match.end("kilo") if match.group("kilo") else match.end("num")
        if analyte is None or DEFINITION_AFTER_RE.match(text, end) or not match.group("unit") and (
                NOT_A_VALUE_RE.match(text, end) or YEAR_RE.fullmatch(match.group("num"))):
            continue  # "neutropenia of 7 days", "anemia at 2019"
        steps = [(match.group("num"), bool(match.group("kilo")), match.span("num"))]
        scan = end
        while len(steps) < 6 and (step := TREND_STEPS[(False, False)].match(text, scan)) and not _names_a_lab(text, scan, step.start("num")):
            steps.append((step.group("num"), bool(step.group("kilo")), step.span("num")))  # "Thrombozytopenie von 12/nl, …, Anstieg auf 74/nl"
            scan = step.end()
        number, kilo, span = steps[-1]
        later_unit = LATER_UNIT_RE.match(text, span[1]) if len(steps) > 1 else None
        unit = later_unit.group("unit") if later_unit else match.group("unit")
        mention = _mention(analyte, text, match.start(), max(end, scan), number, kilo, unit, None, span, [parse_number(n) for n, _, _ in steps])
        if len(steps) > 1:
            mention.steps, mention.unit_text = steps, unit
        if mention.value is not None and mention.value < CONDITION_CEILING[analyte]:
            found.append(mention)
    return found


# The end of a condition's word and its bracket, one pattern per hint: each starts with a plain string (fast over a long text).
CONDITION_BRACKET_TAIL_RES = [re.compile(rf"{hint}(?:a|as|c|e)\b(?:{CONDITION_QUALIFIERS}{EPISODE_GAP}[ \t]*\(|[^()\n.;]{{1,30}}\([ \t]*(?:counts?|values?|levels?)\b)") for hint in ("peni", "emi", "péni", "émi", "ämi")]


def condition_starts(text: str, lowered: str) -> list[int] | None:
    """Where the words start whose end CONDITION_BRACKET_TAIL_RES find (a condition and its bracket may start there), in
    text order; None when lowering the text moves its letters (then the patterns scan the whole text)."""
    if len(lowered) != len(text):
        return None
    starts = set()
    for tail_re in CONDITION_BRACKET_TAIL_RES:
        for tail in tail_re.finditer(lowered):
            start = tail.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            starts.add(start)
    return sorted(starts)


def _condition_brackets(text: str, starts: list[int] | None, bracket_re: re.Pattern):
    """The matches in text order of a pattern of a condition and its bracket (CONDITION_BRACKET_RE, CONDITION_COUNT_RE),
    tried only at `starts` (see condition_starts)."""
    if starts is None:
        yield from bracket_re.finditer(text)
        return
    for start in starts:
        match = bracket_re.match(text, start)
        if match:
            yield match


# "neutropenia (counts 1.6, 1.2 and 1.8 on days 8, 15 and 22)": "counts" in the bracket after a condition names its analyte
# ... also past a few words of when ("neutropenia during cycle 4 (counts …)")
CONDITION_COUNT_RE = re.compile(rf"\b(?P<condition>{'|'.join(CONDITION_ANALYTES)})(?:a|as|c)\b[^()\n.;]{{0,30}}?\([ \t]*(?=(?:counts?|values?|levels?)\b)",
                                re.IGNORECASE)
CONDITION_COUNT_NAME_RES = {analyte: re.compile(rf"(?P<{analyte}>counts?|values?|levels?)\b", re.IGNORECASE)
                            for analyte in set(CONDITION_ANALYTES.values())}


def condition_count_names(text: str, starts: list[int] | None) -> list[re.Match]:
    """Each word "count(s)" (or "values", "levels") that opens the bracket after a condition, as a name of the condition's
    analyte: a match whose lastgroup is the analyte, as ANALYTE_RE gives."""
    return [CONDITION_COUNT_NAME_RES[CONDITION_ANALYTES[bracket.group("condition").lower()]].match(text, bracket.end())
            for bracket in _condition_brackets(text, starts, CONDITION_COUNT_RE)]


def condition_bracket_mentions(text: str, starts: list[int] | None) -> list[Mention]:
    """The most recent of the labelled values in brackets after a condition: "Neutropenia (nadir 0.2, day 21: 1.4)"."""
    found = []
    for bracket in _condition_brackets(text, starts, CONDITION_BRACKET_RE):
        if ANALYTE_RE.search(bracket.group("items")):
            continue  # "Anaemia (Hb 8.1)": the name reads it
        if bracket.group("bare"):  # "Grade 1 neutropenia (1.4)": the condition's one value
            number = "bare_num" if bracket.group("bare_num") else "bare_whole"
            unit = bracket.group("bare_unit") or bracket.group("whole_unit")
            if not NOT_A_VALUE_RE.match(text, bracket.end(number)):
                earlier = list(PROSE_NUMBER_RE.finditer(text, bracket.start("bare_series"), bracket.end("bare_series"))) if bracket.group("bare_series") else []
                mention = _mention(CONDITION_ANALYTES[bracket.group("condition").lower()], text, bracket.start(), bracket.end(), bracket.group(number),
                                   False, unit, None, bracket.span(number), [parse_number(m.group(0)) for m in earlier] + [parse_number(bracket.group(number))])
                if earlier:  # "(0.3 → 1.4)": a series, whose values a grade of the episode is judged on
                    mention.steps = [(m.group(0), False, m.span()) for m in earlier] + [(bracket.group(number), False, bracket.span(number))]
                    mention.unit_text = unit
                found.append(mention)
            continue
        items = [item for item in CONDITION_ITEM_RE.finditer(text, bracket.start("items"), bracket.end("items"))
                 if item.group("label") or item.group("label_after")]
        if not items or any(NOT_A_VALUE_RE.match(text, item.end("num")) for item in items):
            continue
        chosen = items[latest_labelled([item.group("label_after") or item.group("label") for item in items])]
        unit = chosen.group("unit") or next((item.group("unit") for item in items if item.group("unit")), None)
        trend = [parse_number(item.group("num")) for item in items if item is not chosen] + [parse_number(chosen.group("num"))]
        mention = _mention(CONDITION_ANALYTES[bracket.group("condition").lower()], text, bracket.start(), bracket.end(),
                           chosen.group("num"), bool(chosen.group("kilo")), unit, None, chosen.span("num"), trend)
        if len(items) > 1:  # a series, so that a grade of the episode is judged on its lowest ("(nadir 6.9, discharge 9.2 g/dL), grade 2")
            mention.steps = [(item.group("num"), bool(item.group("kilo")), item.span("num")) for item in items]
            mention.unit_text = unit
        if (later := RECOVERED_AFTER_BRACKET_RE.match(text, bracket.end())) is not None:
            # "Neutropenia on C2 (nadir 0.4 on D12), recovered to 1.8 by D21": the value it recovered to is the latest
            steps = [(item.group("num"), bool(item.group("kilo")), item.span("num")) for item in items] + [(later.group("num"), False, later.span("num"))]
            mention = _mention(mention.analyte, text, bracket.start(), later.end(), later.group("num"), bool(later.group("kilo")),
                               later.group("unit") or unit, None, later.span("num"), [parse_number(number) for number, _, _ in steps])
            mention.steps, mention.unit_text = steps, later.group("unit") or unit
        found.append(mention)
    return found


RECOVERED_AFTER_BRACKET_RE = re.compile(rf"[ \t]*,?[ \t]*(?:and[ \t]+)?(?:has[ \t]+|had[ \t]+)?(?:(?:recovered|rose|improved|resolved|climbed|came[ \t]+back(?:[ \t]+up)?|(?:is[ \t]+|was[ \t]+)?back[ \t]+up)[ \t]+to"
                                        # ... in the other languages read: "recuperada a 1,8", "remontée à 1,6", "risalita a 1,7", "erholt auf 1,9"
                                        r"|(?:recuperad[oa]s?|recuper[óo]|r[ée]cup[ée]r[ée]e?s?|remont[ée]e?s?|risalit[oa]|ripres[oa]|erholt(?:e)?(?:[ \t]+sich)?)[ \t]+(?:a|à|auf|al|fino[ \t]+a))[ \t]+"
                                        rf"{NUMBER}[ \t]*(?:{UNIT})?", re.IGNORECASE)


# "N" right after a white count's value is the neutrophil count of a British full blood count panel ("WCC 2·3  N 0·9");
# alone, a capital N is too common a letter to be read as a name.
NEUTROPHILS_AFTER_WHITE_COUNT_RE = re.compile(rf"(?:[ \t]*\(\d+(?:[.,·]\d+)?[ \t]*[-–][ \t]*\d+(?:[.,·]\d+)?\))?"  # past the white count's range: "WCC 3·9 (4.0-11.0)  N 1·6"
                                              rf"[ \t]*[,;/|(]?[ \t]*(?P<name>[Nn])[ \t]*[:=]?[ \t]*(?P<num>\d+(?:[.,·]\d+)?)(?!\d|[.·]\d|,\d|[ \t]*(?:[-–][ \t]*\d|%))"  # not a range's start; "N 1·6 - mild neutropenia"
                                              rf"(?:[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z]))?")


LYMPHOCYTES_AFTER_NEUTROPHILS_RE = re.compile(NEUTROPHILS_AFTER_WHITE_COUNT_RE.pattern.replace("(?P<name>[Nn])", "(?P<name>[Ll])"))


def neutrophils_after_white_count(text: str, mentions: list[Mention]) -> list[Mention]:
    """The neutrophil count written as a bare "N" after a white count's value, and the lymphocytes as a bare "L" after it."""
    found = []
    for white in mentions:
        if white.analyte != "wbc" or white.is_threshold or "N" not in text[white.span[1]:white.span[1] + 24].upper():
            continue
        neutrophils = NEUTROPHILS_AFTER_WHITE_COUNT_RE.match(text, white.span[1])
        if neutrophils and (neutrophils.group("unit") or not NOT_A_VALUE_RE.match(text, neutrophils.end())):
            found.append(_mention("anc", text, neutrophils.start("name"), neutrophils.end(), neutrophils.group("num"), False,
                                  neutrophils.group("unit"), None, neutrophils.span("num"), [parse_number(neutrophils.group("num"))]))
            # "WCC 3.9  N 1.6  L 0.8": the lymphocytes as a bare "L" right after them
            lymphocytes = LYMPHOCYTES_AFTER_NEUTROPHILS_RE.match(text, neutrophils.end())
            if lymphocytes and (lymphocytes.group("unit") or not NOT_A_VALUE_RE.match(text, lymphocytes.end())):
                found.append(_mention("alc", text, lymphocytes.start("name"), lymphocytes.end(), lymphocytes.group("num"), False,
                                      lymphocytes.group("unit"), None, lymphocytes.span("num"), [parse_number(lymphocytes.group("num"))]))
    return found


# The rest of a line that holds only a value: its unit, a flag and a reference range ("0.9 L", "45  (150-400)").
VALUE_LINE_REST_RE = re.compile(rf"(?:[ \t]*(?:{UNIT_ALTERNATIVES}|(?-i:\*?\(?(?:LL|HH|L|H|LOW|HIGH|Low|High|CRIT(?:ICAL)?|Critical)\)?\*?)(?![A-Za-z])|\*+|"
                                rf"(?:abnormal|flag)[ \t]*:[ \t]*\w*|(?:normal|reference|standard|ref)(?:[ \t]+range)?[ \t]*:|"
                                rf"[\[(]?[ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*[\])]?))*[ \t]*", re.IGNORECASE)


# A lab record written as lines of keys: "Test: Hemoglobin" / "Result: 79" / "Units: g/L" / "Flag: LL"; "Result Name:" / "Result Value:".
RECORD_NAME_KEY_RE = re.compile(r"(?i)(?:test(?:[ \t]+(?:result|name))?|result(?:[ \t]+name)?|analyte|component|parameter|exam|item|name)[ \t]*:")
RECORD_RESULT_KEY_RE = re.compile(r"(?i)(?:your[ \t]+|result[ \t]+)?(?:results?|values?|r[ée]sultat|resultado|risultato|wert|ergebnis|uitslag)")  # "Your value: 88"
# The unit on its own line of a record, after the value's line, possibly after one other key's line.
RECORD_UNIT_RE = re.compile(rf"(?:[ \t]*\n(?:[ \t]*(?:flags?|ref(?:erence)?(?:[ \t]+range)?|range|status)[ \t]*:[^\n]*\n)?|[ \t]{{2,}}|[ \t]*[|;,][ \t]*)"
                            rf"[ \t]*(?:units?|einheit|unit[ée]|unidad(?:es)?)[ \t]*:[ \t]*(?P<unit>{UNIT_ALTERNATIVES})(?![A-Za-z])", re.IGNORECASE)


# A record's lines between its name and its value: a flag after the name, then lines of a range, a flag or a unit, then the
# value's key ("Absolute Neutrophil Count\nNormal range: 1.50 - 7.70 x10E3/uL\nValue: 0.95", "Hemoglobin - Low\nResult: 9.1").
RECORD_TO_VALUE_RE = re.compile(r"[ \t]*(?:[-–—:][ \t]*(?:low|high|critical(?:[ \t]+(?:low|high))?|abnormal|LL|HH|L|H)[ \t]*)?\n"
                                r"(?:[ \t]*(?:(?:(?:normal|reference|ref|standard)[ \t]+)?(?:range|interval)|flags?|units?|status|specimen)"
                                r"[ \t]*:[^\n]*\n){0,2}"
                                r"[ \t]*(?:your[ \t]+|result[ \t]+)?(?:results?|values?)[ \t]*(?::[ \t]*|\n[ \t]*)(?=\d)", re.IGNORECASE)  # "Your value\n9.4 g/dL"


def _record_value(text: str, name_start: int, position: int) -> re.Match | None:
    """The value of a record whose name stands alone on its line (or after a key "Test:"), past the lines of RECORD_TO_VALUE_RE,
    when the value's line holds nothing else but its unit, a flag and a range."""
    lead = RECORD_TO_VALUE_RE.match(text, position)
    if lead is None:
        return None
    before = text[text.rfind("\n", 0, name_start) + 1:name_start].strip(" \t-*•>")
    if before and not RECORD_NAME_KEY_RE.fullmatch(before):
        return None
    value = VALUE_RE.match(text, lead.end())
    if value is None or value.group("filler") or value.group("cmp"):
        return None
    line_end = text.find("\n", value.end("num"))
    rest_end = len(text) if line_end < 0 else line_end
    return value if VALUE_LINE_REST_RE.fullmatch(text, value.end("num"), rest_end) else None


def _vertical(text: str, name_start: int, filler: str, number_end: int) -> bool:
    """A name alone on its line with its value alone on the next ("Platelets\n45\nx10^9/L", "ANC:\n0.9 L"), also as
    a record's keys ("Test: Hemoglobin\nResult: 79", "ABSOLUTE NEUTROPHIL COUNT\n  Result: 0.09 x10^9/L  ** CRITICAL LOW **")."""
    line_start = text.rfind("\n", 0, name_start) + 1
    before = text[line_start:name_start].strip(" \t-*•>")
    key = filler.strip(" \t:\n")
    if before and not RECORD_NAME_KEY_RE.fullmatch(before) or filler.count("\n") != 1 or key and not RECORD_RESULT_KEY_RE.fullmatch(key):
        return False
    line_end = text.find("\n", number_end)
    return VALUE_LINE_REST_RE.fullmatch(text, number_end, len(text) if line_end < 0 else line_end) is not None


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


# Tables whose rows name the analytes: "Test | Result | Flag | Range", "Hematology | Today | Prior", "Date | 03/02 | 10/02".
BRACKETED_RANGE_NAME_RE = re.compile(rf"\s*[\(\[]\s*\d[\d.,]*\s*[-–]\s*\d[\d.,]*\s*(?:{UNIT_ALTERNATIVES})?\s*[\)\]]\s*", re.IGNORECASE)
ROW_CELL_RES = {"|": re.compile(r"[^|]+"), "\t": re.compile(r"[^\t]+"), ";": re.compile(r"(?<=;)[^;]*|^[^;]*"), "  ": re.compile(r"\S+(?: \S+)*")}
ROW_DELIMITERS = (("|", re.compile(r"\s*\|\s*")), ("\t", re.compile(r"\s*\t+\s*")), (";", re.compile(r"\s*;\s*")),
                  ("  ", re.compile(r" {2,}")))
# Header words also in German, Dutch, French, Spanish, Portuguese and Italian.
RANGE_HEADER_RE = re.compile(r"(?i)\b(?:ref|reference|range|normal|interval|limits?|rango|referencia|refer[êe]ncia|referenz\w*|norm\w*|"
                             r"intervalo|intervallo|r[ée]f[ée]rence)\b")
UNIT_HEADER_RE = re.compile(r"(?i)^(?:units?|einheit|eenheid|unit[ée]s?|unidad(?:es)?|unidades?|unit[àa])$")
# The header of a table's name column, in the languages read: "Parameter", "Test", "Parámetro", "Bepaling", "Esame".
NAME_COLUMN_HEADER_RE = re.compile(r"(?i)(?:parameter|par[áa]metro|parametro|param[èe]tre|test|analyte|analysis|analyse|an[áa]lisis|"
                                   r"bepaling|esame|exame|untersuchung|component|name)")
SKIP_HEADER_RE = re.compile(r"(?i)^(?:flags?|abn(?:ormal)?|h/l|comments?|notes?|status|(?:test[ \t]+)?codes?|loinc|method|analy[sz]er|instrument)$")
CURRENT_HEADER_RE = re.compile(r"(?i)\b(?:today|now|current|latest|most\s+recent|this\s+(?:morning|am|a\.m\.|afternoon|evening|pm|p\.m\.)|tonight|"
                               r"heute|hoy|oggi|hoje|vandaag|aujourd'hui|ce\s+(?:jour|matin|soir)|stamattina|stamane|stasera|"
                               r"esta\s+(?:mañana|manhã|tarde|noche)|vanochtend|vanmorgen|vanavond)(?!\w)")
# ... and an admission or an earlier value in French, Spanish, Italian, Portuguese, German and Dutch ("à l'entrée", "al ingreso",
# "all'ingresso", "na admissão", "Aufnahmelabor", "bij opname", "previa", "vorher").
PAST_HEADER_RE = re.compile(r"(?i)\b(?:prior|previous|prev|before|baseline|"
                            # (but not "over the last three draws", the series itself)
                            r"last(?!\s+(?:(?:\d+|two|three|four|five|six|few|several|couple\s+of)\s+)?(?:draws|samples|counts|results|checks|labs|cbcs|fbcs|values|readings)\b)|yesterday|admission|admitted|arrival|presentation|diagnosis|pre|"
                            r"(?:start|beginning|outset)\s+of\s+(?:the\s+|her\s+|his\s+)?(?:treatment|therapy|immunotherapy|chemo\w*|pembro\w*|nivo\w*|atezo\w*|durva\w*|ipi\w*)|"
                            r"entr[ée]e|ingreso|ingresso|admiss[ãa]o|aufnahme\w*|opname|previ[ao]|anterior|vorher|pr[ée]c[ée]dente?s?|precedente|"
                            r"ieri|ayer|gestern|vorgestern|gisteren|ontem|(?:avant-)?hier(?=\s+(?:soir|matin)|\s*$))\b|\bago\b")
BARE_NUMBER_CELL_RE = re.compile(r"[ \t]*\d+(?:[.,]\d+)?[ \t]*")
FLAG_CELL_RE = re.compile(r"[ \t]*\*?(?:LL|HH|L|H|A|N|\*+)\*?[ \t]*")
TIME_CELL_RE = re.compile(r"[ \t]*(?:\d{1,2}[:h.]\d{2}(?:[ \t]*[AaPp][Mm])?|[0-2]\d[0-5]\d)[ \t]*")
RANGE_TAIL_RE = re.compile(rf"[ \t]*(?:(?:{UNIT_ALTERNATIVES})(?![A-Za-z]))?[ \t]*", re.IGNORECASE)
# A reference range alone in a cell, or with the unit or percent sign it is in ("36.0-46.0 %", "4.0-10.5 K/uL").
RANGE_ONLY_CELL_RE = re.compile(r"[ \t]*\(?[ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*\)?[ \t]*(?:(?:%|[^\s\d()]\S*)[ \t]*)?")
NUMBER_CELL_RE = re.compile(r"[ \t]*\d+(?:[.,]\d+)?(?:[ \t]+[^\s\d]\S*)?[ \t]*")
BRACKETED_RANGE_RE = re.compile(r"[ \t]*\([ \t]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*\)[ \t]*")
RANGE_CELL_RE = re.compile(r"^\s*[<>≤≥]?\s*\d[\d.,]*\s*[-–]\s*\d[\d.,]*")
CELL_ARROW_RE = re.compile(r"(?:→|->|=>|⇒|»)(?!.*(?:→|->|=>|⇒|»))")
CELL_VALUE_RE = re.compile(rf"\s*{NUMBER}\s*(?:{UNIT})?", re.IGNORECASE)
UNIT_ANYWHERE_RE = re.compile(rf"(?<![A-Za-z]){UNIT}", re.IGNORECASE)


# A weekday's abbreviation before a date, in the languages read: "Mo 02.06.", "Fri 6/6", "lun. 02/06".
WEEKDAY_LEAD_RE = re.compile(r"(?i)^(?:mo|di|mi|do|fr|sa|so|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lu|ma|me|je|ve|lun|mer|jeu|ven|sam|dim|"
                             r"mié|jue|vie|sáb|dom|seg|ter|qua|qui|sex)\.?,?[ \t]+(?=\d)")
WEEKDAY_LEADS = ("mo", "di", "mi", "do", "fr", "sa", "so", "tu", "we", "th", "su", "lu", "ma", "me", "je", "ve", "se", "te", "qu", "jue", "vie")
DATE_PREPOSITION_LEAD_RE = re.compile(rf"(?i)^{DATE_PREPOSITIONS}[ \t]+(?=\d)")


# A column headed by how long ago it was drawn ("3 d ago", "1 wk ago", "2 mo ago"), and the hours in each unit.
AGO_LABEL_RE = re.compile(r"(?i)(?P<count>\d{1,3})\s*(?:(?P<h>h|hrs?|hours?)|(?P<d>d|days?)|(?P<w>w|wks?|weeks?)|(?P<mo>mo|mos|months?))\s+ago")
AGO_HOURS = {"h": 1, "d": 24, "w": 24 * 7, "mo": 24 * 30}  # by AGO_LABEL_RE's unit group


def time_rank(label: str) -> tuple[int, float] | None:
    """How recent a column or a value label says it is: (kind, position); None when it says nothing about time."""
    label = label.strip()
    if label[:1].isalpha() and label[:4].lower().startswith(WEEKDAY_LEADS):
        label = WEEKDAY_LEAD_RE.sub("", label)  # "Mo 02.06.": the weekday before a date
    if label[:1].isalpha() and label[2:4].strip()[:1].isdigit():
        label = DATE_PREPOSITION_LEAD_RE.sub("", label)  # "le 07/05", "on 3/4", "am 12.05.": the date
    if CURRENT_HEADER_RE.search(label):
        return (3, 0.0)
    ago = AGO_LABEL_RE.fullmatch(label)
    if ago:  # "3 d ago", "1 wk ago": the fewer hours ago, the more recent
        return (1, -int(ago.group("count")) * AGO_HOURS[ago.lastgroup])
    if PAST_HEADER_RE.search(label):
        return (0, 0.0)
    clock = re.fullmatch(r"(\d{1,2})[:h](\d{2})|(?!20)([01]\d|2[0-3])([0-5]\d)", label)  # "06:40", "0640" (not "2021", a year; "1915" is a clock, no year of a lab value)
    if clock:
        hours, minutes = (clock.group(1), clock.group(2)) if clock.group(1) else (clock.group(3), clock.group(4))
        return (1, int(hours) * 60 + int(minutes))
    # "12.05.": a German date ends with a dot; "04/12 05:20", "2026-04-12T05:20": a date with the clock time it was drawn
    date = re.fullmatch(r"(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2,4})|\.)?(?:(?:[ \t]+|T)\d{1,2}:\d{2}(?::\d{2})?)?", label)
    if date or MONTH_DATE_CLOCK_RE.fullmatch(label):
        return (2, -1.0)  # ordered among dates by date_order ("02-Jun 08:10": a named month's date and its clock too)
    ordinal = re.fullmatch(r"(?i)(?P<unit>day|d|week|wk|w|cycle|c|dose|course|infusion)\s*\+?(\d+)(?:\s*d\s*(\d+))?", label)  # "Day +7" after a transplant or a cycle
    if ordinal:
        days = 7 if ordinal.group("unit")[0] in "wW" else 1  # "day 10" comes before "week 6"
        return (1, int(ordinal.group(2)) * 100 * days + int(ordinal.group(3) or 0))
    return None


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The first letters of the English months and of FOREIGN_MONTHS.
MONTH_HINTS = (*MONTHS, "ener", "genn", "fév", "fev", "mär", "maa", "mrt", "avr", "abr", "mai", "mei", "magg", "juin", "giug", "juil",
               "lugl", "aoû", "agos", "sett", "setem", "outu", "okt", "otto", "déc", "dici", "dez")
MONTH = rf"(?P<month>{MONTH_NAME})"
# A day's number, then a month's first letters: one scan of a lower-cased text for what a dated list's month needs.
MONTH_AFTER_DAY_RE = re.compile(r"\d[ .-]{1,2}(?:" + "|".join(MONTH_HINTS) + ")")


def month_number(name: str) -> int:
    """1-12 for a month's name in any of the languages read ("maart" 3, "Mar." 3, "juillet" 7)."""
    name = name.lower().rstrip(".")
    return FOREIGN_MONTHS.get(name) or MONTHS.index(name[:3]) + 1
# A date with the month in words: "1 Mar", "08-Mar-2026", "Mar 8", "March 8, 2026".
MONTH_DATE_RE = re.compile(rf"(?i)(?<![\w/])(?:(?P<day>\d{{1,2}})[ -]?{MONTH}|{MONTH.replace('month', 'month2')}[ -]?(?P<day2>\d{{1,2}})(?!\d))"
                           r"(?:,?[ -](?P<year>\d{4}|\d{2})(?![:.]\d))?(?![\w/])")  # (not a clock's hour: "05-Feb 09:10")
MONTH_DATE_CLOCK_RE = re.compile(MONTH_DATE_RE.pattern + r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?")
DATE_IN_LABEL_RE = re.compile(r"(?<![\d.:/])(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?(?![\d:/])")
CLOCK_IN_LABEL_RE = re.compile(r"(?<![\d.:/])(\d{1,2})[:h](\d{2})(?![\d/])")


def _in_order(keys: list[tuple]) -> bool:
    """Whether dates' keys run one way, from the earliest to the latest or back."""
    return keys == sorted(keys) or keys == sorted(keys, reverse=True)


def _date_time_keys(labels: list[str]) -> list[tuple] | None:
    """Sortable (year, month, day, minutes) keys when every label gives a date ("11/24 06:40", "2026-11-24"), or
    (minutes,) when every label gives a clock time; None otherwise. Day-first or month-first is read from the
    labels together (a first number above 12 is a day)."""
    dates = [DATE_IN_LABEL_RE.search(label) for label in labels]
    clocks = [CLOCK_IN_LABEL_RE.search(label) for label in labels]
    minutes = [int(c.group(1)) * 60 + int(c.group(2)) if c else -1 for c in clocks]
    if not all(dates):
        named = [MONTH_DATE_RE.search(label) for label in labels]
        if all(named):
            keys = []
            for d, minute in zip(named, minutes, strict=True):
                month, day = (d.group("month"), d.group("day")) if d.group("month") else (d.group("month2"), d.group("day2"))
                year = int(d.group("year") or 0)
                keys.append((year + 2000 if 0 < year < 100 else year, month_number(month), int(day), minute))
            return _across_new_year(keys)  # "0.3 on 30 Dec, 1.1 on 3 Jan"
    if all(dates):
        iso = [len(d.group(1)) == 4 for d in dates]
        first, second = [int(d.group(1)) for d in dates], [int(d.group(2)) for d in dates]
        plain_first = [f for f, i in zip(first, iso, strict=True) if not i]
        plain_second = [s for s, i in zip(second, iso, strict=True) if not i]
        day_first = any(f > 12 for f in plain_first) or not any(s > 12 for s in plain_second)

        def keys_read(day_first: bool) -> list[tuple]:
            keys = []
            for d, is_iso, minute in zip(dates, iso, minutes, strict=True):
                if is_iso:
                    keys.append((int(d.group(1)), int(d.group(2)), int(d.group(3) or 0), minute))
                else:
                    a, b = int(d.group(1)), int(d.group(2))
                    year = int(d.group(3)) if d.group(3) else 0
                    year = year + 2000 if 0 < year < 100 else year
                    keys.append((year, b, a, minute) if day_first else (year, a, b, minute))
            return keys

        keys = keys_read(day_first)
        if day_first and not any(f > 12 for f in plain_first) and len(keys) > 2 and not _in_order(keys) and _in_order(month_first := keys_read(False)):
            keys = month_first  # "01/07/25, 02/04/25, 03/04/25": either way may be read, and only month-first puts the rows in order
        return _across_new_year(keys)
    if all(clocks) and not any(dates):
        return [(m,) for m in minutes]
    return None


def _across_new_year(keys: list[tuple]) -> list[tuple]:
    """Dates with no year, listed in order across a new year ("12/05, 12/19, 01/02, 01/16", or newest first "01/16, 01/02,
    12/19"): the months after the one turn of six or more are of the next (or, newest first, the previous) year. Of two dates
    nine months or more apart ("28/12, 04/01"), the one in the earlier month is of the next year: values of one series are
    taken weeks apart, not most of a year."""
    if len(keys) == 2 and not any(key[0] for key in keys) and abs(keys[0][1] - keys[1][1]) >= 9:
        first, second = keys
        first_is_next_year = first[1] < second[1]
        return [(int(first_is_next_year), *first[1:]), (int(not first_is_next_year), *second[1:])]
    if len(keys) < 3 or any(key[0] for key in keys):
        return keys
    steps = [(keys[i][1:3] > keys[i - 1][1:3]) - (keys[i][1:3] < keys[i - 1][1:3]) for i in range(1, len(keys))]
    turns = [i for i in range(1, len(keys)) if abs(keys[i][1] - keys[i - 1][1]) >= 6]
    if len(turns) != 1:
        return keys
    turn = turns[0]
    others = [step for i, step in enumerate(steps, start=1) if i != turn]
    if others and all(step >= 0 for step in others) and steps[turn - 1] < 0:  # oldest first
        return [(1 if i >= turn else 0, *key[1:]) for i, key in enumerate(keys)]
    if others and all(step <= 0 for step in others) and steps[turn - 1] > 0:  # newest first
        return [(0 if i >= turn else 1, *key[1:]) for i, key in enumerate(keys)]
    return keys


WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
BARE_WEEKDAY_RE = re.compile(rf"(?i){WEEKDAY}")


def weekday_number(label: str) -> int | None:
    """0-6 for a label that is a bare English weekday ("Mon", "Thurs", "Friday"), else None."""
    label = label.strip()
    return WEEKDAY_NUMBERS[label[:3].lower()] if BARE_WEEKDAY_RE.fullmatch(label) else None


def _latest_weekday(labels: list[str]) -> int | None:
    """The most recent of labels that are all bare weekdays, written in order over less than a week: the last when each
    comes after the one before ("Fri", "Sat", "Sun"), the first when each comes before it; None otherwise."""
    days = [weekday_number(label) for label in labels]
    if len(days) < 2 or None in days:
        return None
    steps = [(b - a) % 7 for a, b in zip(days, days[1:], strict=False)]
    if 0 not in steps and sum(steps) < 7:
        return len(days) - 1
    if 0 not in steps and sum(7 - step for step in steps) < 7:
        return 0
    return None


def latest_column(labels: list[str]) -> int | None:
    """The index of the most recent of several value columns (or values), by their labels; None if they do not say."""
    labels = [WEEKDAY_LEAD_RE.sub("", label.strip()) for label in labels]  # "Mo 02.06.", "Fri 6/6": the date orders them
    ranks = [time_rank(label) for label in labels]
    if any(r is not None and r[0] == 3 for r in ranks):
        return next(i for i, r in enumerate(ranks) if r is not None and r[0] == 3)
    keys = _date_time_keys(labels)
    if keys is not None:
        return max(range(len(keys)), key=lambda i: (keys[i], i))
    if all(r is None for r in ranks):
        return _latest_weekday(labels)
    if all(r is not None and r[0] == 0 for r in ranks) and any(ages := [relative_age(label) for label in labels]):
        # "128 yesterday … 13.5 Prior": a time said relative to now is later than a bare "prior" or "baseline"
        return min((i for i, age in enumerate(ages) if age is not None), key=lambda i: (ages[i], -i))
    if all(r is not None for r in ranks):
        return max(range(len(ranks)), key=lambda i: (ranks[i], i))
    unlabelled = [i for i, r in enumerate(ranks) if r is None]
    return unlabelled[0] if len(unlabelled) == 1 else None


UNIT_CELL_RE = re.compile(rf"[ \t]*(?:{UNIT_ALTERNATIVES})[ \t]*", re.IGNORECASE)


def unit_cell(cell: str) -> str | None:
    """The unit in a table's units column: the whole cell, so one the reader does not know ("x10(6)/mcL", "Million/uL") is
    passed on as written, to be warned about, and never read as the known unit inside it ("/mcL"); None for a cell that
    is no unit (empty, a dash, a range of a row whose columns are shifted)."""
    cell = cell.strip()
    return cell if "/" in cell and not RANGE_CELL_RE.match(cell) else None


# A column of a grading table that holds no value of the patient's: "| Toxicity | Grade | Definition |" over "| Neutrophil count
# decreased | 2 | ANC <1.5-1.0 |" (also headed in French, Spanish, Italian, Portuguese, German and Dutch).
NOT_VALUE_HEADER_RE = re.compile(r"(?i)\b(?:(?:ctcae[ \t-]*)?grad[eoi]s?|grau|graad|toxicit(?:y|[ée]|[àa]|ies)|toxizit[äa]t|toxicidad|toxicidade|"
                                 r"definitions?|d[ée]finitions?|definici[óo]n|definizione|defini[çc][ãa]o|definitie|action|acci[óo]n|azione|"
                                 r"a[çc][ãa]o|ma[ßs]nahme|actie|conduite|management|dose\s+modification)\b")
NOT_VALUE_HINTS = ("grad", "grau", "graa", "toxic", "toxiz", "defini", "action", "acci", "azione", "ação", "acao", "maßnahme", "massnahme",
                   "actie", "conduite", "management", "modification")


def grade_column_cells(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans of the cells of table columns headed as a grade, a toxicity, a definition or an action: what stands in them
    is no value of the patient's."""
    if not any(hint in lowered for hint in NOT_VALUE_HINTS):
        return []
    spans: list[tuple[int, int]] = []
    columns: set[int] = set()
    splitter = None
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        delimiter = next((d for d, _ in ROW_DELIMITERS if d in line.strip()), None)
        if delimiter is None or (splitter is not None and delimiter != splitter):
            columns, splitter = set(), None
            if delimiter is None:
                continue
        cells = [(c.start(), c.end()) for c in re.finditer(r"[^|\t;]+" if delimiter != "  " else r"\S+(?: \S+)*", line)]
        cells = [(a, b) for a, b in cells if line[a:b].strip()]
        if delimiter == "|" and all(set(line[a:b].strip()) <= set("-: ") for a, b in cells):
            continue  # a Markdown rule line
        heads = {i for i, (a, b) in enumerate(cells) if NOT_VALUE_HEADER_RE.search(line, a, b) and not any(ch.isdigit() for ch in line[a:b])}
        if heads and not ANALYTE_RE.match(line[cells[0][0]:cells[0][1]].strip()):
            columns, splitter = heads, delimiter
            continue
        spans += [(start + cells[i][0], start + cells[i][1]) for i in columns if i < len(cells)]
    return spans


DECIMAL_CELL_RE = re.compile(r"[ \t]*\d+[.,]\d+[ \t]*")
OTHER_UNIT_CELL_RE = re.compile(r"[ \t]*(?:\S*[A-Za-zµ]\S*/\S+|\S*/\S*[A-Za-zµ]\S*)[ \t]*")  # one word with a slash and a letter: no date


VALUE_UNIT_CELL_RE = re.compile(r"[ \t]*\d+(?:[.,]\d+)?[ \t]+(?:\S*[A-Za-zµ]\S*/\S+|\S*/\S*[A-Za-zµ]\S*)[ \t]*")


def row_table_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Values of tables whose header row labels the columns and whose rows start with an analyte name; with
    several value columns (dates, times, Today | Prior) the most recent is read. Returns the mentions and the
    spans of the rows read."""
    found: list[Mention] = []
    covered: list[tuple[int, int]] = []
    header: list[str] | None = None
    delimiter = None
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        splitter = next(((d, r) for d, r in ROW_DELIMITERS if d in line.strip()), None)
        if splitter is None or (delimiter is not None and splitter[0] != delimiter):
            header, delimiter = None, None
            if splitter is None:
                continue
        cells = [(c.start(), c.end()) for c in ROW_CELL_RES[splitter[0]].finditer(line)]  # "| Analyte (x10^9/L; Hb g/dL) |": one cell
        # an export's empty cell keeps its column ("PLT;181;;150-400;10^9/L": no flag); elsewhere blank cells are the table's edges
        cells = cells if splitter[0] == ";" else [(a, b) for a, b in cells if line[a:b].strip()]
        if splitter[0] == "|" and all(set(line[a:b].strip()) <= set("-: ") for a, b in cells):
            continue  # a Markdown rule line
        if len(cells) < 2:
            header, delimiter = None, None
            continue
        first = line[cells[0][0]:cells[0][1]].strip()
        name = ANALYTE_RE.match(first)
        if not name and header is not None and (len(cells) == len(header) and all(TIME_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:])
                                                or len(cells) < len(header) and all(TIME_CELL_RE.fullmatch(line, a, b) for a, b in cells)):
            continue  # "Time   08:30   08:45" under "Date   02/05   09/05", or "0710   0652" under "03/04/25   03/11/25   Ref":
            # the hours of the dates, not a header of their own
        if not name:
            # a row of an analyte not read here ("RBC  2.88  10^6/uL  L", "HCT  26.4  %  L") has a unit cell, as no header has
            is_row = any(UNIT_CELL_RE.fullmatch(line, a, b) and any(ch.isdigit() for ch in line[a:b]) or line[a:b].strip() == "%"
                         for a, b in cells[1:])
            # ... or a value and a reference range ("Hematocriet   0.29 L/L   (0.41 - 0.51)   L", "RBC   10^6/uL   3.95   4.50 - 5.50"),
            # as no header has
            is_row = is_row or any(RANGE_ONLY_CELL_RE.fullmatch(line, a, b) for a, b in cells[2:]) \
                and any(NUMBER_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:])
            # ... or a decimal value and a unit the reader does not know ("RBC  3.61  10^6/uL  L"), as no header has
            is_row = is_row or any(DECIMAL_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:]) \
                and any(OTHER_UNIT_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:])
            # ... or a value and its unit in one cell ("RBC    3.22 10^6/uL  L"), as no header has
            is_row = is_row or any(VALUE_UNIT_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:])
            if not is_row:
                header, delimiter = [line[a:b].strip() for a, b in cells], splitter[0]
            elif header is not None and any(BARE_NUMBER_CELL_RE.fullmatch(cell) for cell in header):
                header, delimiter = None, None  # the line taken for a header held a value ("RBC  2.88  10^6/uL  L"): a row too
            # ... while a header of labels stays over the rows of other analytes ("MCV  91  93  fL  80-99" in a cumulative report)
            continue
        rest = first[name.end():]
        # "PLT 45 | 120": the name and the first value share a cell; "Thrombozyten /nl   150   88" under "Parameter   Einheit
        # 12.05.   19.05.": the name and the unit share a cell, one space apart
        shares_unit = header is not None and len(cells) == len(header) - 1 and bool(rest.strip()) and UNIT_CELL_RE.fullmatch(rest) is not None
        # "Neutrophils Absolute 1.8 - 7.7 10*3/uL   0.9 (L)" under "Component   Ref Range & Units   Value": the name and the range
        shares_range = bool(rest.strip()) and (range_cell := RANGE_CELL_RE.match(rest)) is not None and RANGE_TAIL_RE.fullmatch(rest, range_cell.end()) is not None
        name_end = cells[0][0] + len(line[cells[0][0]:cells[0][1]]) - len(line[cells[0][0]:cells[0][1]].lstrip()) + name.end()
        if rest.strip() and CELL_VALUE_RE.fullmatch(rest) or shares_unit or shares_range:
            cells = [(cells[0][0], name_end), (name_end, cells[0][1]), *cells[1:]]
            rest = ""
        elif rest.strip() and (label := BRACKETED_RANGE_NAME_RE.match(rest) or UNIT_CELL_RE.match(rest)) and CELL_VALUE_RE.fullmatch(rest, label.end()):
            # "WBC (4.0-10.0) 4.5     3.9", "Neut x10^9/L 3.0      2.1": the name, its range or unit and the first value share a
            # cell, one space apart
            cells = [(cells[0][0], name_end + label.end()), (name_end + label.end(), cells[0][1]), *cells[1:]]
            rest = rest[:label.end()]
        if any(ANALYTE_RE.match(line[a:b].strip()) for a, b in cells[1:]):
            continue  # several analytes on one line ("Hb 9.1; PLT 45"): running text, not a table row
        columns = [""] + header if header is not None and len(header) == len(cells) - 1 else header
        if header is not None and len(header) == len(cells) - 1 and NAME_COLUMN_HEADER_RE.fullmatch(header[0].strip()) \
                and UNIT_CELL_RE.fullmatch(line, *cells[-1]):
            columns = [*header, "unit"]  # "Thrombozyten  132  98  61  /nl" under "Parameter  Mo 03.03.  Do 06.03.  Mo 10.03."
        if header is not None and len(header) == len(cells) - 2 and UNIT_CELL_RE.fullmatch(line, *cells[-1]):
            columns = ["", *header, "unit"]  # "PNN   3,6   3,0   2,6   G/L" under "16/09   30/09   14/10": the unit in a last cell
        elif header is not None and len(header) == len(cells) - 3 and UNIT_CELL_RE.fullmatch(line, *cells[1]) and FLAG_CELL_RE.fullmatch(line, *cells[-1]):
            columns = ["", "unit", *header, "flag"]  # "NEUT#   10^9/L   2.4   1.3   0.5   L" under "01/05   01/12   01/19"
        elif header is not None and len(header) == len(cells) - 3 and UNIT_CELL_RE.fullmatch(line, *cells[-2]) \
                and (bracketed := BRACKETED_RANGE_RE.match(line, cells[-1][0])) is not None and bracketed.end() >= cells[-1][1]:
            columns = ["", *header, "unit", "range"]  # "Platelets   142   96   74 L   x10^9/L  (150-400)" under three dates
        elif header is not None and len(header) == len(cells) - 2 and FLAG_CELL_RE.fullmatch(line, *cells[-1]):
            columns = ["", *header, "flag"]  # "Haemoglobin   (130-180 g/L)   121   109   96  L" under a title and dates: a flag apart
        elif header is not None and len(header) == len(cells) - 1 and FLAG_CELL_RE.fullmatch(line, *cells[-1]):
            columns = [*header, "flag"]  # "Hb   7.4   mmol/L   7.5 - 10.0   L" under "Bepaling   Uitslag   Eenheid   Referentie": a flag no header names
        elif header is not None and len(header) == len(cells) - 1 and BRACKETED_RANGE_RE.match(line, cells[-1][0]) \
                and RANGE_TAIL_RE.fullmatch(line, BRACKETED_RANGE_RE.match(line, cells[-1][0]).end(), cells[-1][1]):
            columns = [*header, "range"]  # "Hb (g/L)  112  106  99  (130-175)" under "Date  02/05  09/05  16/05": the range in a last cell
        if columns is None or len(columns) != len(cells) or "%" in first:
            continue
        if rest.strip() and not re.fullmatch(rf"\s*[\(\[]?\s*(?:{UNIT_ALTERNATIVES})?\s*[\)\]]?\s*", rest, re.IGNORECASE) \
                and not BRACKETED_RANGE_NAME_RE.fullmatch(rest):  # "WBC (4.0-10.0)   6.1   5.2": the range in the name's cell
            continue
        roles = []
        for column, label in enumerate(columns):
            roles.append("name" if column == 0 else "range" if RANGE_HEADER_RE.search(label) else "unit" if UNIT_HEADER_RE.match(label)
                         else "skip" if SKIP_HEADER_RE.match(label) or NOT_VALUE_HEADER_RE.search(label) else "value")
        value_columns = [c for c, role in enumerate(roles) if role == "value"
                         and CELL_VALUE_RE.match(line, cells[c][0]) and not RANGE_CELL_RE.match(line[cells[c][0]:cells[c][1]])
                         and not OTHER_UNIT_CELL_RE.fullmatch(line, *cells[c])]  # "10^3/uL" under a title taken for a header: a unit
        if not value_columns:
            continue
        pick = latest_column([columns[c] for c in value_columns]) if len(value_columns) > 1 else 0
        if pick is None:  # "Baseline (Jan) | Nadir (day 15) | Today": the column said to be current, else the first
            pick = next((k for k, c in enumerate(value_columns) if CURRENT_HEADER_RE.search(columns[c])), 0)
        column = value_columns[pick]
        a, b = cells[column]
        if "%" in line[a:b]:
            continue  # "| Neutrophils | 55% |": a differential percentage, not a count
        number = cell_value(line, a, b) or CELL_VALUE_RE.match(line, a)
        if number.end("num") > b:
            continue
        unit = number.group("unit")
        for c, role in enumerate(roles):
            if unit:
                break
            if role == "unit":
                unit = unit_cell(line[cells[c][0]:cells[c][1]])
            elif role in ("range", "name"):
                found_unit = UNIT_ANYWHERE_RE.search(line[cells[c][0]:cells[c][1]])
                unit = found_unit.group("unit") if found_unit else None
        if not unit:
            found_unit = UNIT_ANYWHERE_RE.search(columns[column])
            unit = found_unit.group("unit") if found_unit else None
        if not unit and column + 1 < len(cells) and OTHER_UNIT_CELL_RE.fullmatch(line, *cells[column + 1]):
            unit = unit_cell(line[cells[column + 1][0]:cells[column + 1][1]])  # "PLT   119   10^3/uL   L": the unit after the value
        series = [parse_number(CELL_VALUE_RE.match(line, cells[c][0]).group("num")) for c in value_columns]
        trend = series if len(series) > 1 and pick == len(series) - 1 else [series[pick]]
        value_end = number.end("unit") if number.group("unit") else number.end("kilo") if number.group("kilo") else number.end("num")
        found.append(_mention(name.lastgroup, text, start + cells[0][0], start + value_end, number.group("num"),
                              bool(number.group("kilo")), unit, None, (start + number.start("num"), start + number.end("num")), trend))
        covered.append((start, start + len(line)))
    return found, covered


# Long tables, as exports write them: one row per date and test, the test named in a column of its own ("Datum;Analyse;Resultaat;
# Eenheid" over "2025-03-02;Trombo;88;10^9/L", "Date | Test | Result | Units"); headers also in German, French, Spanish, Italian.
TEST_NAME_HEADER_RE = re.compile(r"(?i)(?:test(?:[ \t]+name)?|analy(?:te|sis|se|t)|analito|bepaling|parameter|component|item|exam(?:en)?|"
                                 r"untersuchung|prueba|esame|naam|nom|name)")
RESULT_HEADER_RE = re.compile(r"(?i)(?:results?|resultaat|uitslag|values?|waarde|wert|ergebnis|r[ée]sultat|resultado|risultato|valor|valore)")
LONG_TABLE_DELIMITERS = ("|", "\t", ";", ",", "  ")


def _delimited_cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty cell of `line` split by `delimiter` (runs of two or more spaces for "  "), stripped of
    spaces and of a CSV export's quotes ('"2025-06-01 07:15","WBC","2.2"')."""
    pattern = r"\S+(?: \S+)*" if delimiter == "  " else rf"[^{re.escape(delimiter)}]+"
    cells = []
    for cell in re.finditer(pattern, line):
        a, b = cell.span()
        a, b = a + len(cell.group()) - len(cell.group().lstrip(' \t"')), b - (len(cell.group()) - len(cell.group().rstrip(' \t"')))
        if a < b:
            cells.append((a, b))
    return cells


def long_table_mentions(text: str) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The values of long tables, each analyte's at its most recent date (the last row when the dates do not tell), and the
    spans of the rows read."""
    found: list[Mention] = []
    covered: list[tuple[int, int]] = []
    lines = text.split("\n")
    offsets = line_starts(lines)
    row = 0
    while row < len(lines):
        line = lines[row]
        delimiter = next((d for d in LONG_TABLE_DELIMITERS if d in line.strip()), None)
        labels = [line[a:b] for a, b in _delimited_cells(line, delimiter)] if delimiter else []
        roles = {label: column for column, label in enumerate(labels)}
        time = next((c for c, label in enumerate(labels) if TIME_COLUMN_RE.fullmatch(label)), None)
        name = next((c for c, label in enumerate(labels) if TEST_NAME_HEADER_RE.fullmatch(label)), None)
        result = next((c for c, label in enumerate(labels) if RESULT_HEADER_RE.fullmatch(label)), None)
        unit_column = next((c for c, label in enumerate(labels) if UNIT_HEADER_RE.match(label)), None)
        row += 1
        if time is None or name is None or result is None or len(roles) != len(labels):
            continue
        series: dict[str, list[tuple[str, int, tuple[int, int], re.Match, str | None]]] = {}
        while row < len(lines):
            cells = _delimited_cells(lines[row], delimiter)
            if len(cells) not in (len(labels), len(labels) - 1) or len(cells) <= max(time, name, result):
                break
            start, data = offsets[row], lines[row]
            when, named = data[slice(*cells[time])], data[slice(*cells[name])]
            analyte = ANALYTE_RE.match(named)
            value = CELL_VALUE_RE.match(data, cells[result][0])
            row += 1
            if analyte is None or not (NAME_ONLY_TAIL_RE.fullmatch(named, analyte.end()) or BRACKET_RE.fullmatch(named, analyte.end())) \
                    or "%" in named or time_rank(when) is None or value is None or value.end("num") > cells[result][1]:
                continue  # a row of another test, or one not read here, is left to the other readers
            covered.append((start, start + len(data)))
            unit = value.group("unit") or (unit_cell(data[slice(*cells[unit_column])]) if unit_column is not None and unit_column < len(cells) else None)
            series.setdefault(analyte.lastgroup, []).append((when, start, min(cells[name][0], cells[result][0]), value, unit))
        for analyte, rows in series.items():
            pick = latest_column([when for when, *_ in rows])
            when, start, first, value, unit = rows[-1 if pick is None else pick]
            trend = [parse_number(r[3].group("num")) for r in rows] if pick in (None, len(rows) - 1) else [parse_number(value.group("num"))]
            value_end = max(value.end("num"), value.end("kilo"), value.end("unit"))  # an unmatched group ends at -1
            found.append(_mention(analyte, text, start + first, start + value_end, value.group("num"), bool(value.group("kilo")), unit, None,
                                  (start + value.start("num"), start + value.end("num")), trend))
    return found, covered


# A value said instead of the one just written: "plt 24, sorry typo, meant 124", "Hb 6.1 - I mean 8.1", "plt 19 (typo — meant 119)".
# A treatment told in its own clause between two values of a series, then the value after it: "hgb 6.9 this am, 1u prbc given,
# 1-hr post 7.8", "plt 0600 = 31, 1 unit plts given, 1 hr post 58", "Hb 7,9 g/dl, Transfusion von 2 EK, danach 9,2 g/dl".
TREATMENT_CLAUSE_WORD = (r"(?:transfus\w*|transfundi\w*|prbcs?|rbcs?|\d+[ \t]*(?:units?|u|pools?|bags?)|ivig|g-?csf|filgrastim|dex\w*|EK|CGR|"
                         r"given|infused)")
CLAUSE_SEPARATOR = rf"(?:[,;](?=\s)|{ARROW})"  # not a decimal comma nor a thousands separator
TREATMENT_CLAUSE_OPENING = rf"(?:[ \t]+(?:this\s+(?:morning|am\b)|today|at\s+\d{{1,2}}[:h]?\d{{2}}|@\s*\d{{3,4}}))?[ \t]*{CLAUSE_SEPARATOR}"
TREATMENT_CLAUSE_OPENING_RE = re.compile(TREATMENT_CLAUSE_OPENING, re.IGNORECASE)  # a cheap test first: the value's clause ends
TREATMENT_CLAUSE_STEP_RE = re.compile(
    rf"{TREATMENT_CLAUSE_OPENING}[ \t]*"
    rf"(?P<treatment>[^,;.\n→]{{0,30}}?\b{TREATMENT_CLAUSE_WORD}\b[^,;\n→]{{0,25}}?)[ \t]*{CLAUSE_SEPARATOR}[ \t]*"
    r"(?:(?:then|danach|dann|puis|ensuite|luego|despu[ée]s|poi|dopo|daarna|depois)[ \t]+)?"
    r"(?:(?:\d{1,2}[ \t-]*(?:hrs?|h|hours?)[ \t-]+post(?:-?transfusion)?|post(?:-?transfusion)?|on\s+recheck|re-?check(?:ed)?|repeat(?:ed)?|"
    r"(?:(?:evening|morning|afternoon|night|later)[ \t]+)?check|now|today|this\s+(?:morning|am\b)|tonight)"
    r"(?:[ \t]+(?:at|@)[ \t]*(?:\d{1,2}[:h]\d{2}|(?:[01]\d|2[0-3])[0-5]\d))?[ \t]*[:=]?[ \t]*)?(?:(?:at|to|is|was)[ \t]+)?"  # "recheck at 1400 = 8.7"
    rf"(?=\.?\d)(?!(?:[01]\d|2[0-3])[0-5]\d(?![\d.,]))(?!\d+[ \t]*(?:units?|u|mg|g)\b|\d+[ \t-]*(?:hrs?|h|hours?|mins?|days?|d|wks?|weeks?)\b){NUMBER}", re.IGNORECASE)
TREATMENT_BETWEEN_WORD_RE = re.compile(rf"(?i)\b{TREATMENT_CLAUSE_WORD}\b")  # a cheap test before the full pattern
SAID_INSTEAD_STEP_RE = re.compile(rf"[ \t]*[?!]*[ \t]*(?:\([ \t]*)?[,;—–-]?[ \t]*(?:(?:sorry|oops|typo|my\s+bad|fat[ \t-]?finger(?:s|ed)?(?:[ \t]+it)?)[ \t]*[,;:—–-]?[ \t]*)*(?:I[ \t]+)?"
                                  rf"(?:meant|mean|should[ \t]+(?:be|read|have[ \t]+been))[ \t]*:?[ \t]*{NUMBER}", re.IGNORECASE)
# A value said to be where the count is, right before the count's name: "our pt is at 68 plts", "she's sitting at 0.9
# neuts", "now down to 41K platelets".
AT_VALUE_BEFORE_NAME_RE = re.compile(
    rf"(?:\b(?:is|are|was|were|r|sits?|sitting|stands?|standing|holding|hovering)[ \t]+(?:(?:now|currently|today|still|just)[ \t]+)?"
    rf"(?:at|around|about)|(?<=\w)['’]s[ \t]+(?:(?:now|currently|today|still|just)[ \t]+)?(?:at|around|about)|\b(?:down|up|back)[ \t]+to|"
    rf"\b(?:dropped|dipped|fell|fallen|rose|risen|recovered|climbed|improved|crashed|tanked)[ \t]+to)[ \t]+{NUMBER}(?:[ \t]*(?:{UNIT}))?[ \t]*$", re.IGNORECASE)
# A value before its name, set off by a comma or followed by an article: "At 63K, the platelet count", "At 0.5 x10^9/L the
# neutrophil count".
LEADING_VALUE_RE = re.compile(rf"\b(?:at|of|with)\s+{NUMBER}\s*(?:{UNIT})?(?:\s*,\s*(?:the\s+|her\s+|his\s+|their\s+|your\s+)?"
                              rf"|\s+(?:the|her|his|their|your)\s+)", re.IGNORECASE)


# An aside in brackets between a name and its verb: "Your haemoglobin (the protein that carries oxygen in your blood) was 9.3".
ASIDE_GAP_RE = re.compile(r"[ \t]*\((?![ \t]*(?:normal|ref|range|reference|units?|x[ \t]*10|[<>≤≥]))[^()\d\n]{8,80}\)(?=[ \t]+(?:was|were|is|are|of|at|came|has|had)\b)", re.IGNORECASE)
# Words that end with a colon between a name and its value or its dated list: the value's heading ("ALC trend on nivolumab +
# prednisone for colitis: 1.4 → 0.6", "ANC after G-CSF: D+7 0.1, D+10 0.3").
# (a dose or a span of time in it is no value: "neuts after filgrastim 5 mcg/kg: D+5 0.2, …", "ALC on pred 60 mg for colitis: 1.2 → …")
HEADING_RE = re.compile(r"[ \t](?:[^:\n\d.;?!()]|\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|ug|g|iu|units?)(?:/(?:kg|m2|m²|d|day))?(?![\w/])|"
                        r"\d{1,2}[ \t]+(?:cycles?|courses?|weeks?|wks?|days?|months?|doses?)\b){1,60}:", re.IGNORECASE)  # "Hb trend over 3 cycles: …"
DIGIT_AFTER_HEADING_RE = re.compile(r"[ \t]*(?=\d[\d.,]*(?![\d.,]*\)))")  # a value after it, not a list's number ("1) hold")


RANGE_COLUMN_RE = re.compile(r"[ \t]*\d+(?:[.,]\d+)?[ \t]*[-–][ \t]*\d+(?:[.,]\d+)?(?=[ \t]{2,}\d)")  # a column of the reference range
def _heading_end(text: str, position: int, reach: int) -> int | None:
    """Where a heading (HEADING_RE) of at most `reach` characters right after a name ends, when it names no other count and
    no threshold, goal, range or condition (NOT_TOLD_GAP_RE); None when there is none."""
    heading = HEADING_RE.match(text, position, position + reach + 2)
    if heading is None or ANALYTE_RE.search(text, position, heading.end()) or NOT_TOLD_GAP_RE.search(text, position, heading.end()):
        return None
    return heading.end()


# The time since an event, between a name and its value: "Hb 2 hrs post 8.5", "plt 1 h after the unit: 31".
TIME_SINCE_GAP_RE = re.compile(r"(?i)[ \t]+\d{1,3}[ \t]*(?:hrs?|h|hours?|mins?|minutes?|days?|d|wks?|weeks?)[ \t]+(?:post|after|later)"
                               r"(?:[ \t-]+(?:the[ \t]+)?(?:tx|transfusion|transfusions|infusion|dose|units?|bag|it|that|g-?csf|ivig|dex\w*|pred\w*|prbc|rbc))?"
                               r"[ \t]*[:=]?[ \t]*(?=\.?\d)")


# A place or time between a name and its value: "neutrophil count in our vignette was 1.1", "Hb on discharge: 11.8".
PLACE_GAP_RE = re.compile(r"(?:\s+(?:recorded|measured|obtained|drawn|taken|checked|seen|documented|noted|reported))?"
                          r"\s*(?:(?:in|on|at|during|after|before|from|for|since|post|pre)\s+|(?:pre|post)-(?=[A-Za-z]))(?:d/c\s*|[A-Za-z][\w'-]*\s*|(?:day|d|week|cycle)\s*\d{1,3}\s*|"
                          r"\d{1,2}\s*(?:units?|u|bags?|pools?)\b\s*|(?:bed|bay|room|rm)\s*\d{1,3}\b\s*){1,4}?"  # "plt count post 1 unit = 34", "ANC on bed 14 is 0.42"
                          r"(?:\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)\s*|" + DATE_BEFORE_VALUE + r"\s*)?"  # "Hb on day of discharge (2/9): 9.6", "at discharge 02/16: 74": the day's date
                          r"(?=:|=|\bof\s+(?:~|about\s+|around\s+)?\d|\b(?:was|were|is|are|remained|remains|measured|stood|came|read)\b|(?<=\s)(?<!day )(?<!week )(?<!cycle )(?<!wk )(?<![\s(]d )(?<![\s(]c )(?<!bed )(?<!bay )(?<!room )(?<![\s(]rm )\d)", re.IGNORECASE)
# A verb of a report before a name whose value follows "as": "Your lab reported hemoglobin as 5.1 mmol/L", "the chart
# documents her platelet count as 48".
REPORTED_BEFORE_RE = re.compile(r"(?i)\b(?:reported|reports|recorded|records|documented|documents|charted|logged|noted|measured|"
                                r"showed|shows|gave|gives|came[ \t]+back[ \t]+with)[ \t]+(?:(?:the|your|my|his|her|their|our|a)[ \t]+)?$")
# Up to seven words between a name and its value, the last a verb that gives it: "Platelets have fallen progressively and
# were 36". No word may make the number a goal, a threshold, a dose, a condition or a statistic.
LOOSE_GAP_RE = re.compile(r"(?:[ \t]+(?!(?:targets?|goals?|thresholds?|triggers?|cut|cut-?off|limits?|below|under|above|than|grades?|"
                          # ("over" of a time is no comparison: "fell steadily over three cycles and reached a nadir of 7.4")
                          r"over(?![ \t]+(?:(?:the[ \t]+)?(?:last|past|next)[ \t]+)?(?:\d+|one|two|three|four|five|six|several|a[ \t]+few|few)[ \t]+(?:days?|weeks?|months?|cycles?|courses?))|"
                          r"transfus\w*|giv\w*|if|when|unless|should|must|would|could|need\w*|requir\w*|keep|maintain|aim|range|normal|"
                          r"reference|ref|doses?|per|by|from|least|most|median|mean|average|minimum|safe|acceptable|desired|expected|"
                          r"usual|typical|lln|uln)\b)[A-Za-z][\w'/-]*|[ \t]*\([^()\n\d]{0,20}[<>≤≥][ \t]*\d[^()\n]{0,12}\)"  # "(needs ≥100)": a rule aside
                          r"|(?:(?<=after)|(?<=since)|(?<=during)|(?<=with)|(?<=following))[ \t]+(?:cycle|course|dose|C)[ \t]*\d{1,2}(?![\d.,])){1,7}?"  # "fell after cycle 3 and reached 7.2"
                          r"[ \t]+(?:was|were|is|are|reached|measured|came[ \t]+back(?:[ \t]+at)?)[ \t]+"
                          r"(?:(?<=reached[ \t])(?:(?:a|an|its|her|his|their)[ \t]+)?(?:nadir|low|lowest|trough)[ \t]+(?:of[ \t]+)?)?"  # "… and reached a nadir of 7.6"
                          r"(?=(?:~|about\s+|around\s+)?\d)", re.IGNORECASE)
# The size of a change, then the value it came to: "fell by 2.5 g/dL over two weeks and is 8.8 today", "has dropped by 40 since
# cycle 2 and is now 61". The size is no value; the count it came to is.
CHANGED_BY_THEN_VALUE_RE = re.compile(r"(?i)[ \t]+(?:has[ \t]+|have[ \t]+)?(?:fallen|fell|dropped|risen|rose|climbed|increased|decreased|declined|"
                                      r"(?:gone|went)[ \t]+(?:up|down))[ \t]+by[ \t]+(?:about[ \t]+|~)?\d+(?:[.,]\d+)?[ \t]*(?:g/dl|g/l|k|%|points?)?"
                                      r"(?:[ \t]+(?!(?:to|is|are|now)\b)[A-Za-z][\w'-]*|[ \t]+\d{1,2}(?=[ \t]+(?:days?|weeks?|cycles?)\b)|[ \t]+(?:cycle|day|week|dose|c|d)[ \t]*\d{1,2}(?![\d.,])){0,6}?,?"
                                      r"[ \t]+(?:and[ \t]+)?(?:(?:is|are)[ \t]+(?:now[ \t]+)?(?:at[ \t]+)?|now[ \t]+(?:at[ \t]+)?|to[ \t]+)(?=\d)")
# A sample that could not be counted, then the count repeated: "Plt clumped — repeat citrate count 188", "Hb haemolysed,
# recheck: 9.4". The value of the repeat is the patient's; a number before it is not read (its name has none).
SAMPLE_PROBLEM = (r"(?:clump(?:ed|ing|s)?|clott?ed|clots?|ha?emoly[sz]ed|ha?emolysis|lipa?emic|icteric|spurious(?:ly[ \t]+low)?|"
                  r"pseudo-?\w*|aggregat\w*|satellitism|fibrin\w*|insufficient|qns|mis-?label+ed|wrong[ \t]+patient|contaminated|diluted|"
                  r"drawn[ \t]+(?:above|from|through|proximal[ \t]+to)[ \t]+(?:the[ \t]+|an?[ \t]+)?(?:IV|drip|infusion|line|cannula|PICC|port)\w*)")
RECHECK_CUE = (r"(?:repeat(?:ed)?|re-?check(?:ed)?|re-?drawn?|re-?run|re-?count(?:ed)?|re-?collect(?:ed)?|rpt|re-?did|re-?done|re-?do|re-?ran|citrate|"
               r"ricontroll\w*|recontr[ôo]l\w*|nuevo\s+control|recontrol\w*|citrato|citrat)")  # ... "ricontrollo in citrato 151.000/mmc"  # a citrate tube redraws a clumped count
SPOILED_THEN_REPEATED_RE = re.compile(rf"(?i){SAMPLE_PROBLEM}.*\b{RECHECK_CUE}", re.DOTALL)
RECHECK_CUE_RE = re.compile(rf"(?i)\b{RECHECK_CUE}")
RECHECK_AFTER_PROBLEM_RE = re.compile(rf"[ \t]*[:(]?[ \t]*(?:(?:sample|specimen|was|were|is|are|in|on|edta|tube)[ \t]+)*{SAMPLE_PROBLEM}"
                                      rf"(?:[ \t]+(?:sample|specimen|in|on|the|edta|tube|noted|seen|present))*[ \t]*\)?(?:[ \t]*\([^()\n]{{0,30}}\))?[ \t]*[,;:—–-]?[ \t]*"
                                      rf"{RECHECK_CUE}(?:[ \t]+(?!(?:in|after)[ \t]+\d)[A-Za-z][\w-]*){{0,3}}?[ \t]*:?[ \t]*(?=\d)", re.IGNORECASE)
# A value corrected later in the text, after the value it replaces: "… 18 K/uL … CORRECTED REPORT: …, corrected to 81 K/uL".
CORRECTED_LATER_RE = re.compile(rf"[\s\S]{{0,200}}?\b(?P<cue>(?:corrected|amended|revised)(?:[ \t]+(?:value|result|count))?[ \t]*(?:to|:|is|=|(?<=value)|(?<=result)|(?<=count)|(?<=[a-z])[ \t](?=[ \t]*\d+(?:[.,]\d+)?(?![\d/:-]|\.\d)))[ \t]*){NUMBER}"
                                rf"[ \t]*(?:{UNIT})?", re.IGNORECASE)
SAMPLE_PROBLEM_WORDS = ("clump", "clot", "moly", "lip", "icter", "spurious", "pseudo", "aggregat", "satellit", "fibrin", "insufficient", "qns",
                        "label", "wrong", "contamin", "dilut", "drawn ")  # a piece of each SAMPLE_PROBLEM word
# ... and after a value the problem spoiled, a few words on: "plt 19k on first draw w clumps on smear, repeat in citrate 84k"
# (a clock may stand on either side: "Plt 34 on the 06:00 draw but lab flagged platelet clumps; recollected in citrate tube at 09:00: 152")
REPEAT_AFTER_VALUE_RE = re.compile(rf"(?:[^.;\n\d]|\d{{1,2}}:\d{{2}}|\d{{1,2}}[ \t]*(?:am|pm)\b){{0,50}}?{SAMPLE_PROBLEM}(?:[^.\n\d]|\.[\"”']?[ \t]+(?=[A-Z])){{0,30}}?\b{RECHECK_CUE}"
                                   rf"(?:[ \t]+(?!(?:in|after)[ \t]+\d)[A-Za-z][\w-]*){{0,7}}?(?:[ \t]+(?:at[ \t]+|@[ \t]*)?(?:\d{{1,2}}[:h]\d{{2}}|\d{{1,2}}(?::\d{{2}})?[ \t]*(?:am|pm|a\.m\.|p\.m\.))|[ \t]+(?:at[ \t]+|@[ \t]*)\d{{1,2}}(?=[ \t]*=))?[ \t]*(?:[:=]|[—–]|->|→)?[ \t]*(?=\d)",
                                   re.IGNORECASE)  # ("redrawn in citrate → 147", "recollected in citrate — 171")
RECHECK_HINT_RE = re.compile(r"(?i)re-?(?:peat|check|draw|run|count|did|done|do|ran|collect)|rpt|citrat|ricontroll|recontr[ôo]l|contr[ôo]l")
# A value written just before the name, with a unit: "42,000 platelets per µL", "2,700/mm³ white cells", "48 x10^9/L platelets".
BEFORE_NAME_RE = re.compile(rf"(?<![\w.,/:^<>≤≥-])(?:{NUMBER})[ \t]*(?:{UNIT})?[ \t]+(?:(?<=[^\W\d_][ \t])(?:de|of)[ \t]+)?$", re.IGNORECASE)  # "0,7 x10^9/L de neutrófilos"
THRESHOLD_BEFORE_NUMBER_RE = re.compile(r"(?i)(?:[<>≤≥]|\b(?:below|under|above|over|than|least|most|(?<!down )(?<!back )(?<!up )to)\b)\s*$")  # but "is down to 42,000 platelets"


# A value of now after a comma: "…, today 66", ", now at 1.2" (a later value of the same owner).
NOW_STEP_AFTER_RE = re.compile(rf"[ \t]*,[ \t]*(?:and[ \t]+)?(?:today|now|this[ \t]+(?:morning|am)|currently|latest)[ \t]*:?[ \t]*(?:(?:is|at)[ \t]+)?{NUMBER}(?![\d.,/:])",
                               re.IGNORECASE)
# "came back at", "is at", "sitting at": the number after is a value, not a clock or a day (see TIME_NUMBER_BEFORE_RE)
VALUE_AT_BEFORE_RE = re.compile(r"(?i)\b(?:came\s+back|come\s+back|(?:is|are|was|were|now|still|sits?|sitting|stands?|standing)(?:\s+(?:now|still|only))?)\s+at\s*$")
BRACKETED_NAME_AFTER_RE = re.compile(rf"(?<![\w.,/])(?P<num>\d+(?:[.,]\d+)?)(?P<kilo>[ \t]?(?:[kK]|mil)(?![a-zA-Z/]))?[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?"
                                     rf"(?:[ \t]+(?:this[ \t]+(?:am|pm|morning|afternoon|evening)|today|yesterday|now))?[ \t]*\($",
                                     re.IGNORECASE)  # "hoje deram 130 mil (plaquetas)"
# A result's value, then the name it is for: "Your value: 1.3 for neutrophils absolute".
# ... and the next of such a list: "… and 1.5 for neutrophils", told after a value "for" a name the same way
LISTED_FOR_NAME_RE = re.compile(rf"(?i)(?:,|\band)[ \t]+(?<![\w.,/])(?:{NUMBER})[ \t]*(?:{UNIT})?[ \t]+for[ \t]+(?:(?:the|your|my|his|her|their)[ \t]+)?$")
RESULT_LEAD_RE = re.compile(r"(?i)\b(?:shows?|showed|says|said|reads)[ \t]*(?::|is|was)?[ \t]*\d[\d.,]*[^.;\n]*\bfor\b")
RESULT_FOR_NAME_RE = re.compile(rf"(?i)\b(?:value|result|reading|level|shows?|showed|says|said|reads|came[ \t]+back(?:[ \t]+at)?)[ \t]*(?::|is|was)?[ \t]*"
                                rf"(?<![\w.,/])(?:{NUMBER})[ \t]*(?:{UNIT})?[ \t]+for[ \t]+(?:(?:the|your|my|his|her|their)[ \t]+)?$")  # "the portal shows 8.7 for my hemoglobin"


# A label over grades listed after their counts or conditions: "Current grades (wk 7): WBC 2, ANC 2, plt 1", "Grades at
# discharge: leukopenia 2, neutropenia 2".
GRADES_LABEL_RE = re.compile(r"(?i)\b(?:CTCAE\s+)?(?:grades?|grading|grados?|graus?|graden?)\b[^:\n]{0,40}:[ \t]*")
LISTED_GRADE_RE = re.compile(r"[ \t]*[:=]?[ \t]*(?:(?:G|gr(?:ade)?\.?)[ \t]*)?(?P<g>[0-5])(?![.,]?\d)(?=[ \t]*(?:[,;.)]|[-–—](?=\s)|and\b|y\b|et\b|und\b|e\b|en\b|$))")


SMALL_GRADES = (0, 1, 2, 3, 4, 5)  # the numbers a listed grade can be


def _listed_grade(text: str, mention: Mention) -> bool:
    """Whether a number read as a value is a grade listed after its count under a label of grades (see GRADES_LABEL_RE)."""
    if mention.unit_text or mention.steps or mention.native_value not in SMALL_GRADES:
        return False
    line_start = max(text.rfind("\n", max(0, mention.span[0] - 120), mention.span[0]) + 1, mention.span[0] - 120)  # the label near, on the line
    return "rad" in text[line_start:mention.span[0]] and GRADES_LABEL_RE.search(text, line_start, mention.span[0]) is not None \
        and LISTED_GRADE_RE.match(text, mention.number_span[0] - 1 if text[mention.number_span[0] - 1:mention.number_span[0]] in " \t" else mention.number_span[0]) is not None


ORDINAL_MARKS = ("s", "n", "r", "t", "º", "ª", "°")  # the first letters of an ordinal's ending: "3rd", "5º"
# A value of now after a dose given right after the name: "Hb: 2 units given overnight, this AM 8.5".
NOW_AFTER_DOSE_RE = re.compile(rf"(?:[ \t]+(?:at[ \t]+)?\d{{1,2}}:?\d{{2}})?[ \t]*[,;][ \t]*(?:and[ \t]+)?(?:this[ \t]+(?:am|a\.m\.|morning)|today|now|post(?:-?transfusion)?|afterwards)\b[ \t]*:?[ \t]*"
                               rf"(?:(?:it|she|he)(?:['’]s|[ \t]+is)[ \t]+)?(?:(?:is|was|at)[ \t]+)?{NUMBER}[ \t]*(?:{UNIT})?", re.IGNORECASE)
# ... and after a value, before the next: "pre-transfusion 8, 1 hr post 22".
TIME_SINCE_STEP_RE = re.compile(r"[ \t]*[,;]" + TIME_SINCE_GAP_RE.pattern.removeprefix("(?i)"), re.IGNORECASE)
CLOCK_AFTER_NUMBER_RE = re.compile(r"(?i)[ \t]?(?:a\.?m|p\.?m)\b\.?")  # "at 4pm", "at 6 a.m."


# What sets a name off from the values told before it: "… today 79 — plts on atezo", "… now 0.9: ANC".
NAME_AFTER_SERIES_RE = re.compile(r"[ \t]*(?:[—–:]|\s-)[ \t]*$")
SERIES_PIECE_RE = re.compile(rf"^[ \t]*(?P<label>\S.*?)[ \t]+{NUMBER}[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?[ \t]*$", re.IGNORECASE)
# ... or each with its time after it: "188 when he started, 41 now — plts on atezo/bev"
SERIES_PIECE_LABEL_AFTER_RE = re.compile(rf"^[ \t]*{NUMBER}[ \t]*(?P<unit>{UNIT_ALTERNATIVES})?[ \t]+(?P<label>\S.*?)[ \t]*$", re.IGNORECASE)


def _series_before_name(text: str, name: re.Match) -> Mention | None:
    """The most recent of values told with their times before the name they belong to, in the clause that opens the
    line or sentence: "3 wks ago 171, yesterday 102, today 79 — plts on atezo" reads 79."""
    separator = NAME_AFTER_SERIES_RE.search(text, max(0, name.start() - 4), name.start())
    if separator is None:
        return None
    reach = max(0, separator.start() - 200)  # a series of a few values, in its own clause: never the whole of a long line
    stops = [(text.rfind(stop, reach, separator.start()), len(stop)) for stop in ("\n", ". ", "? ", "! ")]
    pieces, position = [], max((at + length for at, length in stops if at >= 0), default=0)
    if position == 0 and reach > 0:
        return None
    for piece in re.split(r"([,;])", text[position:separator.start()]):
        if piece not in (",", ";"):
            pieces.append((position, piece))
        position += len(piece)
    for piece_re in (SERIES_PIECE_RE, SERIES_PIECE_LABEL_AFTER_RE):
        matched = [(at, piece_re.match(piece)) for at, piece in pieces]
        if len(matched) < 2 or any(piece is None or ANALYTE_RE.search(piece.group("label")) for _, piece in matched):
            continue
        ranks = [label_rank(piece.group("label")) for _, piece in matched]
        # every value labelled with its time; or, labels after the values, one of them said to be now ("188 when he started, 41 now")
        if all(rank is not None for rank in ranks) or piece_re is SERIES_PIECE_LABEL_AFTER_RE and [rank[0] for rank in ranks if rank] == [3]:
            pieces = matched
            break
    else:
        return None
    start, piece = pieces[latest_labelled([piece.group("label") for _, piece in pieces])]
    number_span = (start + piece.start("num"), start + piece.end("num"))
    return _mention(name.lastgroup, text, number_span[0], name.end(), piece.group("num"), bool(piece.group("kilo")),
                    piece.group("unit"), None, number_span, [parse_number(piece.group("num"))])


def value_before_name_mentions(text: str, bare: list[re.Match], named: list[Mention]) -> list[Mention]:
    """A number with a unit written before a name that has no value after it: "With 42,000 platelets per µL"; the latest
    of a series told with its times before the name (_series_before_name)."""
    used = [m.number_span for m in named]
    found = []
    for name in bare:
        series = _series_before_name(text, name) if text[max(0, name.start() - 4):name.start()].strip() else None
        if series is not None and not any(a <= series.number_span[0] < b for a, b in used):
            found.append(series)
            continue
        labelled = BRACKETED_NAME_AFTER_RE.search(text, max(0, name.start() - 30), name.start()) \
            if text[name.start() - 1:name.start()] == "(" and text.startswith(")", name.end()) else None
        if labelled and not THRESHOLD_BEFORE_NUMBER_RE.search(text, max(0, labelled.start() - 12), labelled.start()) \
                and (not TIME_NUMBER_BEFORE_RE.search(text, max(0, labelled.start() - 10), labelled.start())
                     or VALUE_AT_BEFORE_RE.search(text, max(0, labelled.start() - 24), labelled.start())) \
                and "grad" not in text[max(0, labelled.start() - 10):labelled.start()].lower() \
                and not any(a <= labelled.start("num") < b for a, b in used):
            # "count today is 1.4 (ANC)": a name in brackets labels the number right before it, with a unit or none
            found.append(_mention(name.lastgroup, text, labelled.start("num"), name.end() + 1, labelled.group("num"), bool(labelled.group("kilo")),
                                  labelled.group("unit"), None, labelled.span("num"), [parse_number(labelled.group("num"))]))
            continue
        before = BEFORE_NAME_RE.search(text, max(0, name.start() - 40), name.start())
        result = RESULT_FOR_NAME_RE.search(text, max(0, name.start() - 60), name.start()) if not before and "for " in text[max(0, name.start() - 12):name.start()] else None
        if result is None and not before and "for " in text[max(0, name.start() - 12):name.start()] \
                and (listed := LISTED_FOR_NAME_RE.search(text, max(0, name.start() - 30), name.start())) \
                and RESULT_LEAD_RE.search(text, max(0, listed.start() - 100), listed.start()):
            result = listed  # "the portal shows 8.7 for my hemoglobin and 1.5 for neutrophils absolute": the next of the list
        if result and not any(a <= result.start("num") < b for a, b in used):
            found.append(_matched_mention(name.lastgroup, text, result.start("num"), name.end(), result))
            continue
        if not before or THRESHOLD_BEFORE_NUMBER_RE.search(text, max(0, before.start() - 12), before.start()):
            continue
        span = (before.start("num"), before.end("num"))
        if any(a <= span[0] < b for a, b in used):
            continue
        unit_text, end = before.group("unit"), name.end()
        after = LATER_UNIT_RE.match(text, name.end())
        if after and not unit_text:
            unit_text, end = after.group("unit"), after.end()
        if not unit_text and not before.group("kilo"):
            continue  # "2 platelets" with no unit is not read as a count
        found.append(_mention(name.lastgroup, text, before.start("num"), end, before.group("num"), bool(before.group("kilo")),
                              unit_text, None, span, [parse_number(before.group("num"))]))
    return found


# Each word of LEADING_VALUE_RE before a number, as a pattern that starts with a plain string (fast over a long lower-cased text).
LEADING_WORD_RES = [re.compile(rf"{word}\s+[\d.]") for word in ("at", "of", "with")]


def _leading_values(text: str, lowered: str):
    """LEADING_VALUE_RE's matches in text order, tried only where LEADING_WORD_RES find a word before a number."""
    if len(lowered) != len(text):
        yield from LEADING_VALUE_RE.finditer(text)
        return
    starts = sorted(hit.start() for word_re in LEADING_WORD_RES for hit in word_re.finditer(lowered))
    end = 0
    for start in starts:
        if start < end or start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        match = LEADING_VALUE_RE.match(text, start)
        if match:
            end = match.end()
            yield match


def leading_value_mentions(text: str, named: list[Mention], lowered: str | None = None) -> list[Mention]:
    """A value written before its analyte's name: "At 63K, the platelet count stays above 75"."""
    with_value = {m.span[0] for m in named if not m.is_threshold}
    found = []
    for match in _leading_values(text, text.lower() if lowered is None else lowered):
        name = ANALYTE_RE.match(text, match.end())
        if not name or name.start() in with_value:
            continue
        number_text = match.group("num")
        found.append(_mention(name.lastgroup, text, match.start("num"), match.end(), number_text, bool(match.group("kilo")),
                              match.group("unit"), None, (match.start("num"), match.end("num")), [parse_number(number_text)]))
    return found


TABLE_SPLIT_RE = re.compile(r"\s*\|\s*|\t+")
SPACED_CELL_RE = re.compile(r"\S+(?: \S+)*")
# The label column of a flowsheet whose other columns are analytes: "Date | WBC | PLT", "Day  ANC".
DATE_COLUMN_RE = re.compile(r"(?i)(?:date|date/time|collected|drawn|datum|fecha|data|date\s*&\s*time)\s*:?")
TIME_COLUMN_RE = re.compile(r"(?i)(?:date|time|day|cycle|visit|week|wk|collected|drawn|date/time|date\s*&\s*time|"
                            r"(?:collect(?:ed|ion)|specimen|sample|drawn?|result(?:ed)?|report(?:ed)?|order(?:ed)?|obs(?:ervation)?|lab)"
                            r"[ _.-]?(?:date[ _]?time|datetime|date|time|dttm|dt|ts)|"  # an export's column: "CollectedDT", "specimen_date"
                            r"datum|fecha|data|zeit|heure|hora|ora|tag|jour|d[íi]a|giorno|woche|semaine|semana|settimana|zyklus|ciclo)\s*:?")  # also in German, Dutch, French, Spanish, Italian
# A header that is one analyte name and its unit, over rows of "label value": "Platelet count (K/uL)".
NAME_UNIT_CLOSE_RE = re.compile(rf"[ \t]*,?[ \t]*(?P<unit>{UNIT_ALTERNATIVES})[ \t]*\)", re.IGNORECASE)
# The title of a report of one analyte's results over time, before the name: "CUMULATIVE REPORT — ", "Trend: ".
REPORT_TITLE_RE = re.compile(r"(?i)^[ \t]*(?:cumulative|serial|historical|trended)(?:[ \t]+(?:report|results?|values?|view))?[ \t]*[—–:-][ \t]*(?=[A-Za-z])")
REF_RANGE_TAIL_RE = re.compile(r"(?i)[ \t]+(?:ref(?:erence)?(?:[ \t]+range)?|normal|RI)[ \t.:]*\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*[ \t]*$")
NAME_ONLY_TAIL_RE = re.compile(rf"\s*(?:[\(\[]\s*(?:{UNIT_ALTERNATIVES})\s*[\)\]]|,?[ \t]*(?:{UNIT_ALTERNATIVES}))?\s*:?\s*", re.IGNORECASE)


# A time column counted in days, weeks or cycles, whose rows may be labelled with bare numbers ("Week / 0 / 3 / 6").
ORDINAL_COLUMN_RE = re.compile(r"(?i)(?:day|week|wk|cycle|visit)\s*(?:no\.?|#)?\s*:?")


# A note in brackets beside a row's time: "14:00 (post 1 unit)".
ROW_NOTE_RE = re.compile(r"[ \t]*[\(\[][^()\[\]]*[\)\]]")


def _row_label(label: str, ordinal: bool) -> str:
    """A row's time label, without a note in brackets beside it; a bare number under a day, week or cycle column is
    read as that ordinal."""
    if "(" in label or "[" in label:
        label = ROW_NOTE_RE.sub("", label)
    return f"day {label.strip()}" if ordinal and label.strip().isdigit() else label


def line_starts(lines: list[str]) -> list[int]:
    """Where each of `lines` (a text split at newlines) starts in the text."""
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return starts


def table_cells(line: str, spaced: bool = False, delimiter: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table line split by | or tabs (outer pipes ignored), or, for a table whose
    columns are aligned with spaces, by runs of two or more spaces, or, for a CSV export, by its `delimiter`."""
    if spaced:
        return [m.span() for m in SPACED_CELL_RE.finditer(line)]
    if delimiter:  # a cell in quotes ('"WBC (K/uL)"', '"2.8"') is what the quotes hold
        return [(a + 1, b - 1) if b - a > 1 and line[a] == line[b - 1] == '"' else (a, b)
                for a, b in (m.span() for m in DELIMITED_CELL_RES[delimiter].finditer(line))]
    cells, start = [], 0
    for sep in TABLE_SPLIT_RE.finditer(line):
        cells.append((start, sep.start()))
        start = sep.end()
    cells.append((start, len(line)))
    return [(a, b) for a, b in cells if not (a == b and (a == 0 or b == len(line)))]


def _layout(line: str) -> str | None:
    """How a line splits into cells: 'piped' (| or tabs), 'spaced' (runs of spaces), or None (one cell)."""
    if "|" in line or "\t" in line:
        return "piped"
    return "spaced" if "  " in line.strip() else None


# CSV exports: cells split by commas or semicolons with no space after them ("date,wbc,anc", "date;wbc;plt").
# A cell in quotes may hold the delimiter: '"Neutrophils, Absolute"'.
DELIMITED_CELL_RES = {d: re.compile(rf'"[^"\n]*"(?=\s*{d}|\s*$)|[^{d}]+|(?<={d})(?={d}|$)') for d in ",;"}
DELIMITED_LINE_RES = {d: re.compile(rf'[^{d}|\t]*(?:{d}(?:"[^"\n]*"(?={d}|$)|[^{d}\s|\t][^{d}|\t]*))+') for d in ",;"}
# Semicolon first: a semicolon export writes decimal commas ("D8;9,1;102"), so its lines would also split on commas.
DELIMITED_LAYOUTS = {"semicolon": ";", "comma": ","}


def _table_layout(line: str) -> str | None:
    """_layout, or 'comma' or 'semicolon' for a line of a CSV export."""
    layout = _layout(line)
    if layout is None:
        for name, d in DELIMITED_LAYOUTS.items():
            if d in line and f"{d} " not in line and DELIMITED_LINE_RES[d].fullmatch(line.strip()):
                return name
    return layout


def _header_names(line: str, cells: list[tuple[int, int]]) -> dict[int, tuple[str, str | None]]:
    """The columns of a header line that name an analyte (with the unit in brackets after it, if any)."""
    header = {}
    for column, (a, b) in enumerate(cells):
        if "%" in line[a:b]:
            continue  # a differential percentage column
        cell = line[a:b].strip()
        name = ANALYTE_RE.match(cell)
        if name and (name.end() >= len(cell.split("(")[0].strip()) - 1 or NAME_ONLY_TAIL_RE.fullmatch(cell, name.end())):
            header[column] = (name.lastgroup, unit_in(cell, name.end()))
    return header


def cell_value(line: str, start: int, end: int) -> re.Match | None:
    """The number (and unit) of the table cell line[start:end]; of a series written in one cell ("75 → 70 10^9/L"),
    its last value. None when the cell, or the series' last step, does not start with a number."""
    arrow = CELL_ARROW_RE.search(line, start, end)
    return CELL_VALUE_RE.match(line, arrow.end() if arrow else start, end)


def unit_in(cell: str, start: int = 0) -> str | None:
    """The unit written in a header or cell, after `start`, in brackets or not: "Platelets (K/uL)", "Hb g/dL"."""
    unit = UNIT_ANYWHERE_RE.search(cell, start)
    return unit.group("unit") if unit else None


# A note in brackets in a cell of its own after a row's values: "05/11 14:30   9.0   31   (post 2 units)".
NOTE_CELL_RE = re.compile(r"[ \t]*[\(\[][^()\[\]]*[\)\]][ \t]*")


def _row_width(line: str, spaced: bool, delimiter: str | None, flag_cell: bool = False) -> int:
    """How many cells a table row has, not counting a note in brackets in a last cell of its own, nor, with
    `flag_cell`, a flag in a last cell of its own ("22/04/25  52   L" under a header of one name)."""
    cells = table_cells(line, spaced, delimiter)
    if len(cells) > 1 and (NOTE_CELL_RE.fullmatch(line, *cells[-1]) or flag_cell and FLAG_CELL_RE.fullmatch(line, *cells[-1])):
        return len(cells) - 1
    return len(cells)


def _titled_name(line: str) -> bool:
    """Whether a line aligned with spaces is a title with no number, then one analyte name and its unit, then perhaps
    its reference range: "CUMULATIVE REPORT  PLT (x10^9/L)", "PLT (x10^9/L)   ref 150-400", the header of a flowsheet of one analyte."""
    cells = table_cells(line, spaced=True)
    if len(cells) > 1 and REFERENCE_CELL_RE.fullmatch(line, *cells[-1]):
        cells = cells[:-1]  # "CUMULATIVE REPORT  PLT (x10^9/L)   ref 150-400": the reference range after the name
    if len(cells) == 2 and (any(c.isdigit() for c in line[slice(*cells[0])]) or ANALYTE_RE.search(line, *cells[0])) or len(cells) > 2:
        return False
    name = ANALYTE_RE.match(line, cells[-1][0])
    return bool(name) and NAME_ONLY_TAIL_RE.fullmatch(line, name.end(), cells[-1][1]) is not None and "%" not in line


# ... with its words or none, in brackets or not, with its unit or not: "ref 150-400", "150-400", "[1.00-3.20 K/uL]"
REFERENCE_CELL_RE = re.compile(rf"(?i)[ \t]*(?:(?:ref(?:erence)?\.?(?:[ \t]+(?:range|interval))?|rr|normal|nl)[ \t]*:?[ \t]*)?[(\[]?\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*"
                               rf"(?:[ \t]*(?:{UNIT_ALTERNATIVES}))?[)\]]?[ \t]*")
WORD_RE = re.compile(r"[A-Za-z]{3}")
RESULT_CELL_RE = re.compile(r"[ \t]*[<>]?\d[\d.,]*[ \t]*[HLhl*]?[ \t]*")


def _treatment_row(line: str, spaced: bool, delimiter: str | None) -> bool:
    """Whether a flowsheet row is a time and a line of text with no result in it: a treatment or an event given between
    two rows of results ("03/14 14:00   -- 1 unit PRBC + 1 unit platelets --")."""
    cells = table_cells(line, spaced, delimiter)
    if len(cells) < 2 or time_rank(_row_label(line[slice(*cells[0])], False)) is None:
        return False
    return WORD_RE.search(line, cells[1][0]) is not None and not any(RESULT_CELL_RE.fullmatch(line, a, b) for a, b in cells[1:])


def table_mentions(text: str) -> list[Mention]:
    """Values of a table whose header row names analytes: the last data row under the header is read, or the most
    recent one when every row is labelled with its date, time or cycle day. A flowsheet may name one analyte only
    ("Date | Neutrophils, Absolute (x10^9/L)", or a line "Platelet count (K/uL)" over rows "12/05   201"), and its
    columns may be aligned with spaces; then every row must be labelled with a time, so prose is never read as one."""
    if "\n" not in text:
        return []
    found: list[Mention] = []
    lines = text.split("\n")
    offsets = line_starts(lines)
    row = 0
    while row < len(lines):
        line = lines[row]
        if (titled_report := REPORT_TITLE_RE.match(line)) is not None:
            # "CUMULATIVE REPORT — PLATELETS (x10^9/L)   ref 150-400" over dated rows: the report's title and the name's reference
            # range are blanked (the line keeps its length), so that the name heads the rows
            line = " " * titled_report.end() + REF_RANGE_TAIL_RE.sub(lambda tail: " " * len(tail.group(0)), line[titled_report.end():])
        layout = _table_layout(line)
        titled = layout == "spaced" and _titled_name(line)
        if titled:
            layout = None
        elif layout is None:
            name = ANALYTE_RE.match(line.strip())
            if not name or not NAME_ONLY_TAIL_RE.fullmatch(line.strip(), name.end()) or "%" in line:
                row += 1
                continue
        delimiter = DELIMITED_LAYOUTS.get(layout or "")
        spaced = layout != "piped" and delimiter is None
        cells = table_cells(line, spaced, delimiter)
        header = _header_names(line, cells)
        others = [line[a:b].strip() for column, (a, b) in enumerate(cells) if column not in header]
        # a last column of notes ("Day  WBC  ANC  Plt  Notes") holds no value, and its cell may be left empty
        notes_last = len(cells) - 1 not in header and len(others) > 1 and SKIP_HEADER_RE.match(others[-1]) is not None
        if notes_last:
            others = others[:-1]
        timed = all(TIME_COLUMN_RE.fullmatch(cell) for cell in others)  # every other column labels the time
        # "visit,date,wbc,…" over "UNSCHED,2025-02-24,2.9,…": a date column says when better than a visit's name
        label_column = next((column for column, (a, b) in enumerate(cells) if column not in header and DATE_COLUMN_RE.fullmatch(line[a:b].strip())
                             and column > 0), 0)
        unnamed_labels = False
        if header and not others and layout is not None and row + 1 < len(lines) \
                and len(table_cells(lines[row + 1], layout != "piped" and delimiter is None, delimiter)) == len(cells) + 1:
            # "       Hb    Plt" over "C1D1   12.4  260": the header leaves the label column unnamed
            header = {column + 1: named for column, named in header.items()}
            cells = [(0, 0), *cells]
            unnamed_labels = True
        ordinal = bool(others) and ORDINAL_COLUMN_RE.fullmatch(others[0]) is not None
        if layout is None:
            header = {1: header[max(header)]}  # the name stands over the value column of "label value" rows
            width, timed = 2, True
        else:
            width = len(cells)
        if not header or (len(header) < 2 or layout == "spaced") and not timed:
            row += 1
            continue
        data_layout = layout if layout == "piped" or delimiter else "spaced"
        last = None
        following = row + 1
        treatment_rows = set()
        while following < len(lines):
            if _table_layout(lines[following]) == data_layout and (
                    _row_width(lines[following], spaced, delimiter, flag_cell=layout is None) == width
                    or notes_last and _row_width(lines[following], spaced, delimiter) == width - 1):
                last = following
            elif last is not None and following + 1 < len(lines) and _treatment_row(lines[following], spaced, delimiter) \
                    and _row_width(lines[following + 1], spaced, delimiter) == width:
                treatment_rows.add(following)  # "03/14 14:00   -- 1 unit PRBC + 1 unit platelets --" between two rows of results
            else:
                break
            following += 1
        if last is not None and (len(header) < 2 or layout != "piped" or unnamed_labels):
            first_cells = [_row_label(lines[r][slice(*table_cells(lines[r], spaced, delimiter)[label_column])], ordinal and not label_column)
                           for r in range(row + 1, last + 1) if r not in treatment_rows]
            if not all(time_rank(c) is not None or weekday_number(c) is not None for c in first_cells if not set(c.strip()) <= set("-: ")):
                row = following  # rows not labelled with times (or weekdays: "Mon  56 L"): not a flowsheet
                continue
        if last is not None and last > row + 1 and 0 not in header:
            # rows labelled by their dates or times, possibly the latest first: the most recent row is read
            rows = [r for r in range(row + 1, last + 1) if not set(lines[r]) <= set("|-: \t") and r not in treatment_rows]
            first_cells = [_row_label(lines[r][slice(*table_cells(lines[r], spaced, delimiter)[label_column])], ordinal and not label_column)
                           for r in rows]
            pick = latest_column(first_cells) if all(time_rank(c) is not None or weekday_number(c) is not None for c in first_cells) else None
            last = rows[pick] if pick is not None else last
        if last is not None:
            data = lines[last]
            for column, (analyte, unit) in header.items():
                a, b = table_cells(data, spaced, delimiter)[column]
                cell = data[a:b]
                number = re.match(rf"\s*{NUMBER}\s*(?:{UNIT})?", cell, re.IGNORECASE)
                if not number:
                    continue
                start = offsets[last] + a + number.start("num")
                end = offsets[last] + a + number.end()
                found.append(_mention(analyte, text, start, end, number.group("num"), bool(number.group("kilo")),
                                      number.group("unit") or unit, None, (start, offsets[last] + a + number.end("num")),
                                      [parse_number(number.group("num"))]))
        row = following
    return found


def _row_numbers(line: str, count: int) -> tuple[str, list[re.Match]] | None:
    """A flowsheet row written with single spaces: a label, then exactly `count` numbers ("1 Mar 2.2 0.9 88")."""
    numbers = list(TOKEN_NUMBER_RE.finditer(line))
    if len(numbers) < count:
        return None
    tail = numbers[-count:]
    label = line[:tail[0].start()].strip()
    if not label or any(line[a.end():b.start()].strip() for a, b in zip(tail, tail[1:], strict=False)) or line[tail[-1].end():].strip():
        return None
    return label, tail


def _flowsheet_header(line: str) -> tuple[list[re.Match], bool] | None:
    """The analyte names of a flowsheet header of a time column, then names only ("Date WBC ANC PLT Hb", "Cycle  WBC  Abs
    Neut  Plt"), and whether its time column counts days, weeks or cycles; None for any other line."""
    if "%" in line:
        return None
    for cells in ([line[a:b] for a, b in table_cells(line, spaced=True)], line.split()):
        if len(cells) > 1 and TIME_COLUMN_RE.fullmatch(cells[0]):
            names = [ANALYTE_RE.fullmatch(cell) for cell in cells[1:]]
            if all(names):
                return [n for n in names if n], ORDINAL_COLUMN_RE.fullmatch(cells[0]) is not None
    return None


def token_flowsheet_mentions(text: str, read: list[Mention] = ()) -> list[Mention]:
    """Flowsheets written with single spaces, or with columns out of line, as copy-paste often leaves them: a header of a
    time column and analyte names ("Date WBC ANC PLT Hb", "Cycle  WBC  Neut  Hb   Plt") or one analyte name ("Hb (g/dL)"),
    over rows of a time label and one number per analyte ("17/02 2.2 0.9 88 10.6", "C4D1   3.0  1.3   11.6 140"). Every row
    must be labelled with a time; the most recent row is read. A table another reader read (`read`) is left to it."""
    if "\n" not in text:
        return []
    read_starts = sorted(m.span[0] for m in read)
    found: list[Mention] = []
    lines = text.split("\n")
    offsets = line_starts(lines)
    row = 0
    while row < len(lines):
        line = lines[row].strip()
        header: list[tuple[str, str | None]] = []
        row_layouts: tuple[str | None, ...] = (None,)
        ordinal = False
        layout = _layout(lines[row]) if line else "piped"
        name = ANALYTE_RE.match(line) if layout is None else None
        if name and NAME_ONLY_TAIL_RE.fullmatch(line, name.end()) and "%" not in line:
            header = [(name.lastgroup, unit_in(line, name.end()))]
        elif layout != "piped" and (columns := _flowsheet_header(line)) is not None:
            header = [(n.lastgroup, None) for n in columns[0]]
            row_layouts = (None, "spaced")  # rows aligned under a header that was not, or out of line under one that was
            ordinal = columns[1]
        if not header:
            row += 1
            continue
        rows = []
        following = row + 1
        while following < len(lines) and _layout(lines[following]) in row_layouts:
            parsed = _row_numbers(lines[following], len(header))
            if parsed is None or time_rank(_row_label(parsed[0], ordinal)) is None:
                break
            parsed = (_row_label(parsed[0], ordinal), parsed[1])
            rows.append((following, parsed))
            following += 1
        if rows and read_starts:
            block = following  # the table runs on to the next blank line, past a row this reader could not read
            while block < len(lines) and lines[block].strip():
                block += 1
            block_end = offsets[block] if block < len(lines) else len(text)
            if bisect_right(read_starts, block_end - 1) > bisect_right(read_starts, offsets[row] - 1):
                rows = []  # read by table_mentions
        if rows:
            pick = latest_column([label for _, (label, _) in rows])
            line_number, (_, numbers) = rows[-1 if pick is None else pick]
            base = offsets[line_number]
            for (analyte, unit), number in zip(header, numbers, strict=True):
                start, end = base + number.start(), base + number.end()
                found.append(_mention(analyte, text, start, end, number.group(0), False, unit, None, (start, end),
                                      [parse_number(number.group(0))]))
        row = max(following, row + 1)
    return found


TOKEN_NUMBER_RE = re.compile(r"(?=\d)(?<![\w./:-])\d+(?:[.,]\d+)?(?![\w./:-])")


def find_temperature(text: str) -> tuple[float, bool] | None:
    """The highest temperature in `text` in degrees C, and whether it is said to be sustained."""
    best = None
    for match in TEMPERATURE_RE.finditer(text):
        raw = match.group("t") or match.group("t2")
        scale = (match.group("scale") or match.group("scale2") or "").upper()
        value = float(raw.replace(",", "."))  # "38,9 °C"
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


TIME_BEFORE_RE = re.compile(r"(?i)(?:\b(?:today|now|current|latest|yesterday|prior|previous|baseline|admission|discharge|"
                            r"post(?:-[a-z]+)?|pre(?:-[a-z]+)?|follow-?up|re-?check(?:ed)?|nadir|this[ \t]+(?:morning|afternoon|evening)|tonight|kontroll\w*|contr[ôo]le|controllo|"
                            # "Repeat on citrate sample: PLT 36": a repeat, named with its sample
                            r"repeat(?:ed)?(?:[ \t]+(?:on|in|with)[ \t]+(?:a[ \t]+|the[ \t]+)?(?:[a-z]+[ \t]+)?(?:sample|tube|specimen|draw))?)\b|"
                            r"(?<![\d.T])(?:(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})[ \tT]+)?\d{1,2}[:h]\d{2}(?![\d.])|(?<![\d.-])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})(?![\d.])|"
                            r"\b(?:c\s*\d{1,2}\s*d\s*\d{1,2}|(?:day|d|week|cycle|c)\s*\d{1,3})\b|"
                            # "15 Sep (yesterday): platelets 71": a date, and a word of when in brackets after it
                            r"(?<![\w.])\d{1,2}[ \t-]" + MONTH_NAME + r"(?:[ \t]+\d{4})?(?:[ \t]*\([a-z \t]{1,16}\))?)[^\w\n]{0,4}$")


AFTER_LABEL_CUT_RE = re.compile(r"[,;\n|\t]|\.(?:\s|$)| {2,}(?=[A-Za-z]{2,}[ \t]+\d)")  # (a tab, or two spaces before a name and its value, part columns)
SEPARATOR_RE = re.compile(rf"[,;\n|(]|\.(?:\s|$)|{ARROW}")  # "platelets 89 (pre-treatment platelets 95 …)": a bracket too


AFTER_EVENT_START_RE = re.compile(r"(?i)[ \t(]*(?:after|post|following|on|with)[ \t]+[A-Za-z]")


def _time_label(text: str, mention: Mention, floor: int) -> str | None:
    """The time written just before a value's name ("06:40 PLT 45", "Today: PLT 38") or just after its value."""
    window = text[mention.span[1]:mention.span[1] + 30]
    if "(" in window and ")" not in window[window.rfind("("):] and 0 <= (close := text.find(")", mention.span[1] + 30, mention.span[1] + 42)):
        window = text[mention.span[1]:close + 1]  # "118 on the day of discharge (20/06)": not cut inside the bracket's date
    cut = AFTER_LABEL_CUT_RE.search(window)
    after = window[:cut.start()] if cut else window
    rank = label_rank(after) if not ANALYTE_RE.search(after) else None  # "Plt 54 (Plt 88 last week)": the label is the other value's
    if rank is not None:
        # "14:30 ANC 0.3 (repeat)", "18:00 PLT 19 after IVIG day 1": a clock or a date before the name says when better than a word
        # of an event or the day of a treatment after the value
        if rank[0] == 3 or AFTER_EVENT_START_RE.match(after):
            before = _time_before(text, mention, floor)
            if before is not None and (label_rank(before) or (0,))[0] in (1, 2):
                return before
        return after.strip(" \t:-—–|()[]@,")
    return _time_before(text, mention, floor)


def _time_before(text: str, mention: Mention, floor: int) -> str | None:
    """The time written just before a value's name, after `floor` (the end of the value before it) and a separator."""
    before = TIME_BEFORE_RE.search(text, max(floor, mention.span[0] - 40), mention.span[0])
    if before and (floor == 0 or SEPARATOR_RE.search(text, floor, before.start())):
        return before.group(0).strip(" \t:-—–|()[]@,")
    return None


# Between two values of one list: "Hb 6.2 g/dL, platelets 182; WBC 12.1".
LIST_GAP_RE = re.compile(r"[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
LIST_REACH = 12  # values looked back over for the head of a list (a bound keeps long texts linear)


def _list_label(text: str, mentions: list[Mention], index: int) -> str | None:
    """The time said before the first value of a list, for every value of it: "On admission, Hb 6.2, platelets 182, WBC
    12.1" labels the platelets and the WBC too. Only a time before the list: one after a value labels that value."""
    head = index
    while head > 0 and index - head < LIST_REACH and LIST_GAP_RE.fullmatch(text, mentions[head - 1].span[1], mentions[head].span[0]):
        head -= 1
    if head == index:
        return None
    return _time_before(text, mentions[head], mentions[head - 1].span[1] if head > 0 else 0)


# A time that labels a whole line of values: "Results 14/3: Hb 9.9; PLT 98", "Today - WBC 3.1, ANC 1.6"; a date and a clock
# time need no colon before the first name ("07/14 08:02  PLT 58   HGB 10.9").
# A line that heads a block of values with its date, and a clock or a word before it: "CBC 07/21/25 0610", "Labs 2025-07-20:".
BLOCK_HEAD_RE = re.compile(r"(?i)[ \t>*•#-]*(?:[A-Za-z][\w ]{0,24}?[ \t:,-]+)?(?P<label>\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|"
                           r"\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:[ -]\d{2,4})?)(?:[ \t,@]+(?:\d{4}|\d{1,2}:\d{2}))?[ \t]*:?[ \t]*")
LINE_LABEL_RE = re.compile(r"(?i)[ \t>*•-]*(?:\w{1,12}[,;](?=\d))?\x22?(?:[A-Za-z]+[ \t]+){0,2}?(?P<label>today|yesterday|now|current|latest|previous|prior|baseline|admission|"
                           r"discharge|(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
                           r"(?:[ \t]+\d{1,2}[:h]\d{2})?|\d{1,2}[:h]\d{2}|"
                           r"(?:day|d|week|wk|cycle|c)\s*[+-]?\d{1,3}(?:\s*d\s*\d{1,2})?)"
                           r"(?:T\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"  # "2025-03-08T08:05": an ISO time after the date
                           r"(?:[ \t]*[:|–—-][ \t]|(?<=\d)[ \t]+(?:(?=[A-Za-z])|$)|(?<=\d)\x22?[ \t]*[,;][ \t]*\x22?(?:(?=[A-Za-z])|$)|"  # '"01.09.2025";"Leukozyten"': a CSV export's cells
                           r"(?<=(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[a-z]*\.?[ \t]+(?:(?=[A-Za-z])|$))")  # $: the name itself starts where the match is cut
# The same, leading a part of a line: "ROS neg. Labs 4/2: WBC 2.9 ANC 1.6 … Labs 4/9: WBC 2.5 ANC 1.2" (a colon after it).
SEGMENT_LABEL_RE = re.compile(LINE_LABEL_RE.pattern.replace("[ \\t>*•-]*(?:\\w{1,12}[,;](?=\\d))?", r"(?<![\w/.:-])", 1)
                              .rsplit("(?:[ \\t]*[:|", 1)[0] + r"[ \t]*:[ \t]")


# A date or time that ends the line of a value, past its flag and range: "PLATELET COUNT  54 (L)  [150-450]  03/22 06:10".
LINE_END_LABEL_RE = re.compile(r"(?<![\w/.:-])(?P<label>(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})(?:[ \tT]+\d{1,2}:\d{2}(?::\d{2})?|[ \t]+(?:[01]\d|2[0-3])[0-5]\d)?"
                               r"|\d{1,2}:\d{2})[ \t]*$")


BRACKETED_RE = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")
RANGE_TOKEN_RE = re.compile(r"\d[\d.,]*[ \t]*[-–][ \t]*\d[\d.,]*")  # "12.0-16.0" before a line's date: a reference range


def _line_end_label(text: str, position: int) -> str | None:
    """The date or time at the end of a value's line, within 60 characters after the value."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - position > 60:
        return None
    label = LINE_END_LABEL_RE.search(text, position, line_end)
    if label is None or any(ch.isdigit() for ch in RANGE_TOKEN_RE.sub("", BRACKETED_RE.sub("", text[position:label.start()]))):
        return None  # another number between ("45 @06:40, 38 @18:00"): the time is that number's
    return label.group("label")


# When a value was taken, said between its name and the value: "platelet count on discharge was 61", "Hb at presentation 6.2".
INNER_LABEL_RE = re.compile(r"(?i)\b(?:(?:on|at|upon)\s+(?:the\s+)?(?:day\s+of\s+)?(?:admission|discharge|presentation|diagnosis|follow-?up)|"
                            r"today|this\s+morning|now|currently|yesterday|baseline|nadir|post(?:-?transfusion\w*)?|repeat|recheck|corrected|amended|revised|"
                            r"re-?collected|ricontroll\w*|recontr[ôo]l\w*)\b"
                            r"|(?<=\()\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?(?:\s+\d{1,2}:\d{2})?(?=\s*\))"  # "Hgb (04/04 06:00): 8.8"
                            r"|(?<=\s)\d{1,2}[./]\d{1,2}[./](?:\d{2,4})?(?=\s*:)|(?<=\s)(?:19|20)\d\d-[01]\d-[0-3]\d(?=\s*:)"  # "Hb 24.07.2025: 8,1", "Hgb 2025-07-24: 9.6"
                            r"|(?<=\|)[ \t]*" + PIPE_CELL_DATE + r"(?=[ \t]*(?:\([A-Za-z]{2,9}\)[ \t]*)?\|)"  # "PLT | 03/18 | 71"
                            r"|(?<=\s)(?:[01]\d|2[0-3])[0-5]\d(?=\s*[:=]\s*\d|\s+(?:(?:was|were|is|are)\s+)?\d)"  # "PLT 0600 = 52, PLT 1730 = 41", "Hgb 0600 7.8": a clock
                            r"|(?<=[A-Za-z][ \t])(?:[01]?\d|2[0-3]):[0-5]\d(?=\s*[:=]?\s*\d)")  # "PLT 06:00 52, PLT 18:00 41" (a clock right after the name)


OWN_CLOCK_RE = re.compile(r"(?i)(?:\bat|@|[(,])[ \t]*(\d{1,2}[:h]\d{2})\b")  # "Platelets (draw 2, 17:20): 31" too


def _own_clock(text: str, mention: Mention) -> str | None:
    """The clock said between a value's name or label and its number ("Hb at 07:00 was 6.8", "repeat at 13:00 was 8.1")."""
    clocks = OWN_CLOCK_RE.findall(text, mention.span[0], mention.number_span[0]) if ":" in text[mention.span[0]:mention.number_span[0]] else []
    return clocks[-1] if clocks else None


def _inner_label(mention: Mention) -> str | None:
    label = INNER_LABEL_RE.search(mention.raw)
    return label.group(0).strip() if label else None


# A word of time anywhere in a value's sentence before it, in any of the languages read: "Her previous count on 3 June had
# shown platelets of 89", "À la sortie, plaquettes à 112 G/L", "Entlassungslabor: Hb 11,7". Asked last, for repeats only.
SENTENCE_LABEL_RE = re.compile(r"(?i)\b(?:today|now|currently|this\s+morning|yesterday|previous(?:ly)?|prior|earlier|baseline|initial(?:ly)?|"
                               r"admission|admitted|arrival|presentation|diagnosis|discharge|follow-?up|repeat|recheck|latest|"
                               r"heute|hoy|oggi|hoje|vandaag|aujourd'hui|actuellement|ce\s+jour|"
                               r"entr[ée]e|ingreso|ingresso|admiss[ãa]o|aufnahme\w*|opname|sortie|dimissione|entlassung\w*|ontslag|"
                               r"(?:al|na|à|de|do|da)\s+alta|apr[èe]s|despu[ée]s|dopo|ap[óo]s|nach)\b"
                               r"|(?<![\w/.:-])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[ -]" + MONTH_NAME + r")(?![\w/])")
SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|[;\n]")


def _sentence_label(text: str, position: int) -> str | None:
    """The last word of time in the sentence before `position` (within 200 characters), if any."""
    floor = max(0, position - 200)
    start = _last_sentence_end(text, floor, position, floor)
    labels = list(SENTENCE_LABEL_RE.finditer(text, start, position))
    return labels[-1].group(0) if labels else None


def _segment_label(text: str, position: int) -> str | None:
    """The last time with a colon before a value on its line ("Labs 4/9: WBC 2.5 ANC 1.2"), within 200 characters."""
    floor = max(0, position - 200, text.rfind("\n", 0, position) + 1)
    ends = list(SENTENCE_STOP_RE.finditer(text, floor, position))
    if ends:
        floor = ends[-1].end()  # a label leads its own sentence only ("Bloods today: Hb 11.0. Last week's were Hb 11.5")
    labels = list(SEGMENT_LABEL_RE.finditer(text, floor, position))
    return labels[-1].group("label") if labels else None


BLOCK_HEAD_REACH = 12  # lines of values a block's heading may stand above


def _block_label(text: str, position: int) -> str | None:
    """The date heading the block of lines a value is on, when every line between names a count: "CBC 07/21/25 0610" over
    "  WBC 2.2*" and "  Plt 58*". A blank line ends a block."""
    line_start = text.rfind("\n", 0, position) + 1
    for _ in range(BLOCK_HEAD_REACH):
        if line_start == 0:
            return None
        head_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[head_start:line_start - 1]
        if not line.strip() or SENTENCE_STOP_RE.search(line):
            return None
        if ANALYTE_RE.search(line) is None:
            label = BLOCK_HEAD_RE.fullmatch(line)
            return label.group("label") if label else None
        line_start = head_start
    return None


def _line_label(text: str, position: int) -> str | None:
    """The time at the start of the line a value is on, when the line starts with one (looked for within 200 characters)."""
    floor = max(0, position - 200)
    line_start = text.rfind("\n", floor, position) + 1
    if line_start == 0 and floor > 0 or SENTENCE_STOP_RE.search(text, line_start, position):
        return None  # a label leads its own sentence only
    label = LINE_LABEL_RE.match(text, line_start, position)
    return label.group("label") if label else None


# What may stand between two values of one analyte joined by an arrow: a treatment, a time ("→ transfusion de 2 CGR →").
ARROW_JOIN_RE = re.compile(rf"[^.;\n]{{0,60}}?{FORWARD_ARROW}[^.;\n]{{0,60}}")


def _arrow_joined(text: str, mentions: list[Mention]) -> list[Mention]:
    """The same analyte named again after an arrow ("Hb 7,9 → transfusion de 2 CGR → Hb 9,6"): the value after the
    arrow is the later one, so the earlier is dropped and kept in the later one's series."""
    drop: set[int] = set()
    for index in range(1, len(mentions)):
        earlier, later = mentions[index - 1], mentions[index]
        if earlier.analyte != later.analyte or earlier.is_threshold or later.is_threshold or earlier.value is None \
                or later.value is None or earlier.span[1] > later.span[0]:
            continue
        gap = text[earlier.span[1]:later.span[0]]
        if any(token in gap for token in FORWARD_ARROWS) and ARROW_JOIN_RE.fullmatch(gap):  # an up or down arrow may be a flag
            drop.add(index - 1)
            later.assumptions = [f"{ANALYTE_LABELS[later.analyte]} given as a series ({earlier.native_value:g} -> "
                                 f"{later.native_value:g}); the latest value is graded ({later.native_value:g})."] + later.assumptions
    return [m for i, m in enumerate(mentions) if i not in drop] if drop else mentions


# -- the current value among repeats no time orders -------------------------------------------------------
# Long texts (emails quoting earlier ones, forwarded alerts, progress notes, case reports, discharge summaries) give one count
# several times. What is said of each decides which is current: a value marked as past loses to one that is not, a value in a
# quoted earlier message to one in the reply above it, a value marked as current wins; days and dates order the rest, and in
# running prose the last-told value is the current one.
PAST_MARK_RE = re.compile(
    r"(?i)\b(?:previous(?:ly)?|prior|earlier|baseline|initial(?:ly)?|before|ago|yesterday|nadir|pre-[a-z]+|pre(?:treatment|cycle|chemo\w*)|"
    r"last\s+(?:week|month|year|time|visit|cycle|check|count|draw|labs?|cbc|fbc|blood\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"(?:on|at|upon)\s+(?:admission|arrival|presentation|diagnosis)|admission|admitted|arrival|presentation|"
    r"for\s+comparison|compared\s+(?:with|to)|(?:similar|comparable|unchanged)\s+(?:to|from|with)|(?:had|has)\s+been\s+(?:admitted|hospitali[sz]ed)|"
    # French, Spanish, Italian, Portuguese, German, Dutch
    r"pr[ée]c[ée]dente?s?|auparavant|avant|ant[ée]rieure?s?|ant[ée]riorit[ée]s?|(?<!avant-)hier(?=\s*(?:[,.;:)]|soir|matin|à\b|a\b))|avant-hier|"
    r"(?:le\s+mois|la\s+semaine)\s+derni[èe]re?|pour\s+comparaison|(?:à\s+l['’]|l['’])(?:entr[ée]e|admission)|au\s+diagnostic|il\s+y\s+a|"
    r"ayer|previ[ao]s?|anterior(?:es|mente)?|antes|(?:el\s+mes|la\s+semana)\s+pasad[ao]|al\s+ingreso|ingreso|hace\s+(?:\d|un[oa]?|dos|tres|cuatro|cinco|seis|vari[oa]s|unos|unas|pocos|pocas)|para\s+comparar|"
    r"ieri|precedenti|prima|(?:giorni|settimane|mesi|settimana|mese|giorno)\s+fa|(?:il\s+mese|la\s+settimana)\s+scors[ao]|all['’]ingresso|ingresso|per\s+confronto|"
    r"ontem|h[áa]\s+(?:\d|um|uma|dois|duas|tr[êe]s|quatro|cinco|seis|v[áa]ri[oa]s)|(?:no\s+)?m[êe]s\s+passado|semana\s+passada|na\s+admiss[ãa]o|admiss[ãa]o|atr[áa]s|"
    r"vorbefund\w*|vorwert\w*|gestern|vorgestern|vorher|zuvor|vor\s+(?:\d+|einer?|zwei|drei|vier|f[üu]nf|sechs|einigen)\s+(?:Tag|Woche|Monat)\w*|(?<!immer\s)noch|letzte[nr]?\s+(?:woche|monat)|(?:bei|zur)\s+aufnahme|aufnahme\w*|zum\s+vergleich|"
    r"vorige\s+uitslag|gisteren|eerder|vorige\s+(?:week|maand)|ter\s+vergelijking|bij\s+opname|opname|geleden)\b")
CURRENT_MARK_RE = re.compile(
    r"(?i)\b(?:today(?:'s|’s)?|now|currently|current|this\s+(?:morning|afternoon|evening|time)|tonight|latest|most\s+recent|"
    r"aujourd['’]hui|ce\s+(?:jour|matin|soir)|cet\s+apr[èe]s-midi|actuel(?:le)?(?:ment)?|"
    r"hoy|esta\s+(?:mañana|tarde|noche)|actual(?:mente)?|oggi|stamattina|stamane|stasera|attual(?:e|mente)|hoje|esta\s+(?:manhã|noite)|atual(?:mente)?|"
    r"heute|heutige\w*|jetzt|aktuell\w*|vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|huidige|actueel)\b")
# A line that starts an earlier message inside this one: a reply's quotation header, a forwarded or original message's rule.
QUOTE_HEADER_RE = re.compile(
    r"(?im)^[ \t>]*(?:-{2,}[ \t]*(?:original[ \t]+message|forwarded[ \t]+message|message[ \t]+d['’]origine|message[ \t]+transf[ée]r[ée]|"
    r"urspr[üu]ngliche[ \t]+nachricht|weitergeleitete[ \t]+nachricht|mensaje[ \t]+(?:original|reenviado)|messaggio[ \t]+(?:originale|inoltrato)|"
    r"mensagem[ \t]+(?:original|encaminhada)|oorspronkelijk[ \t]+bericht|doorgestuurd[ \t]+bericht|"
    r"(?:earlier|previous|prior)[ \t]+(?:message|note|update)(?:[ \t]*\([^()\n]{1,25}\))?)[ \t]*-*[ \t]*$|"
    r"[^\n]{0,120}\b(?:wrote|a[ \t]+[ée]crit|schrieb|escribi[óo]|ha[ \t]+scritto|escreveu|schreef)[ \t]*:[ \t]*$)")
QUOTED_LINE_RE = re.compile(r"(?m)^[ \t]*>")
FORWARDED_RE = re.compile(r"(?i)forward|transf[ée]r|weitergeleitet|reenviado|inoltrato|encaminhada|doorgestuurd")  # a message passed on, not answered
HYPOTHETICAL_RE = re.compile(r"(?i)\b(?:if|e\.g\.|for\s+example|such\s+as|would|si|wenn|falls|target|goal)\b")
# Someone other than the patient, whose values a message may tell beside the patient's (a relative, a friend, a donor), in the
# languages read. Words that may name the patient ("man", "Frau", "femme") are left out.
OTHER_PERSON_RE = re.compile(r"(?i)\b(?:(?:other|another|different)\s+(?:pt|patient|guy|lady|man|woman)|(?:the\s+one\s+)?next\s+door|"
                             r"(?:pt|patient|guy|lady|man|woman|one)\s+in\s+(?:bed|bay|room|rm)\s*\d+|(?:bed|bay|room|rm)\s*\d+['’]s|(?:(?<=was\s)|(?<=thats\s)|(?<=that's\s)|(?<=that’s\s))(?:bed|bay|room|rm)\s*\d+\b|wrong\s+(?:pt|patient|chart|person)\b|"
                             r"belongs?\s+to\s+(?:bed|bay|room|rm)\s*\d+|"
                             r"(?:dr\.?|doctor|prof\.?)\s+\w+['’]s\s+(?:pt|patient)|husband|wife|partner|son|daughter|mother|father|mom|mum|dad|brother|sister|sibling|friend|neighbou?r|"
                             r"donor|cousin|aunt|uncle|colleague|co-?worker|workmate|grand(?:mother|father|ma|pa)|mari|fille|fils|m[èe]re|p[èe]re|fr[èe]re|s(?:œ|oe)ur|voisine?|"
                             r"vecin[oa]|vicin[oa]|Nachbar(?:in)?|buurman|buurvrouw|vizinh[oa]|"
                             r"marido|esposa|hij[oa]|madre|padre|herman[oa]|amig[oa]|marito|moglie|figli[oa]|fratello|sorella|amic[oa]|"
                             r"Ehemann|Ehefrau|Sohn|Tochter|Mutter|Vater|Bruder|Schwester|Freund(?:in)?|echtgeno(?:ot|te)|zoon|dochter|moeder|"
                             r"vader|broer|zus|vriend(?:in)?|spender|donneur|donante|donatore|doador)\b")
# The letters every OTHER_PERSON_RE match holds one of (a cheap test before it; "mari", "fils", "zus" and the like by their vowels' company)
OTHER_PERSON_HINT_RE = re.compile(r"other|door|belong|wrong|(?:bed|bay|room|rm)\s*\d|in\s+(?:bed|bay|room|rm)\b|['’]s\s+p|wife|husband|partner|son|daughter|mo[mt]|mum|dad|father|vader|vater|brother|sister|sibling|friend|"
                                  r"neighbo|donor|don|doad|cousin|aunt|uncle|colleague|worker|workmate|grand|mari|fille|fils|m[èe]re|p[èe]re|fr[èe]re|s(?:œ|oe)ur|voisin|"
                                  r"vecin|vicin|nachbar|buur|vizinh|esposa|hij|madre|padre|herman|amig|amic|moglie|figli|fratello|sorella|ehe|sohn|"
                                  r"tochter|mutter|bruder|schwester|freund|echtgeno|zoon|dochter|moeder|broer|zus|vriend|spender")
# Another patient than the writer's: "other pt in bay 4", "dr k's pt", "the one next door".
OTHER_PATIENT_RE = re.compile(r"(?i)\b(?:(?:other|another|different)\s+(?:pt|patient)s?|(?:the\s+(?:one|pt|patient|guy|lady)\s+)?next\s+door|(?:someone|somebody)['’]s|"
                              r"(?:dr\.?|doctor|prof\.?)\s+\w+['’]s\s+(?:pt|patient)s?|"
                              # "a guy in my support group said his neutrophils dropped to 0.5": someone the writer met, not the patient
                              r"(?:someone|somebody|a\s+(?:guy|lady|man|woman|friend|person|member|pt|patient))\s+(?:in|from|at|on)\s+(?:my|our|the|a)\s+(?:support\s+group|group|forum|chat|waiting\s+room|infusion\s+(?:suite|center|centre)))\b")
OTHER_PATIENT_WORDS = ("other", "another", "different", "next door", "'s pt", "’s pt", "'s patient", "’s patient", "group", "forum", "waiting room", "infusion",
                       "someone's", "someone’s", "somebody's", "somebody’s")
MY_PATIENT_RE = re.compile(r"(?i)\b(?:my|our)\s+(?:actual|own|real|current)\s+(?:pt|patient)\b")  # after a question about no patient
NO_PATIENT_RE = re.compile(r"(?i)\b(?:(?:general|generic)\s+q(?:uestion)?\b|no\s+(?:pt|patient)\s*:|no\s+(?:specific\s+|particular\s+|real\s+)?(?:pt|patient)\s+in\s+mind|not\s+about\s+(?:a|any)\s+(?:specific\s+|particular\s+)?(?:pt|patient)|"
                           r"purely\s+hypothetical|hypothetically\s+speaking|(?:just\s+)?(?:a\s+)?hypothetical\s+(?:q(?:uestion)?|case|scenario)|"
                           r"not\s+a\s+real\s+(?:pt|patient|case)|no\s+(?:specific\s+|particular\s+)?(?:pt|patient)\s*(?:[,;.)—–-]|$)|asking\s+(?:generally|in\s+general)\b|(?:for|in)\s+(?:a|the|my|our)\s+quiz\b|quiz\s+q(?:uestion)?\b|"
                           r"for\s+(?:the\s+)?boards\b|boards?\s+(?:q(?:uestion)?|prep|review)\b|purely\s+theoretical|theoretical\s+q(?:uestion)?\b|no\s+(?:real|actual)\s+(?:pt|patient)s?\b|teaching\s+(?:q(?:uestion)?|case|example|scenario|purposes)\b|for\s+teaching\b|exam\s+question|board\s+question|"
                           # a text that opens with a supposed patient: "hypothetically, if a pt had plt 40 …", "say a patient has …"
                           r"\A\W*(?:hypothetical(?:ly)?\b|(?:if|say|suppose|imagine)\s+(?:a|an|some)\s+(?:pt|patient|person)\b|"
                           # ... in the other languages read: "Si un paciente tuviera …", "Se un paziente avesse …", "Wenn ein Patient …"
                           r"(?:si|se|wenn|als)\s+(?:un|una|uno|um|uma|ein|eine|een)\s+(?:paciente|patient(?:e|in)?|paziente|patiënt)\b))")
TAKEN_BACK_RE = re.compile(r"(?i)[!?]*\s*(?:\.{2,}\s*|…\s*)?(?:[—–-]\s*)?(?:(?:oh|ah|um|uh|erm)\b[,\s]*)?(?:no\s+wait|wait|sorry|oops|actually|scratch\s+that|wrong|ignore(?:\s+(?:that|this))?|nvm|never\s*mind|hang\s+on|hold\s+on|nope|nah|no(?=\s*[,—–-]))\b")  # what is said next takes the value back
SUPPOSED_PATIENT_START_RE = re.compile(r"\W*(?:if|say|suppose|imagine|si|se|wenn|als)\s")  # a cheap test for NO_PATIENT_RE's supposed patient
NOT_OURS = r"not\s+(?:ours|mine|our\s+(?:patient|pt)|my\s+(?:patient|pt))"  # "— not ours", "(not mine)"
NOT_OURS_AFTER_RE = re.compile(r"(?i)\bbelongs?\s+to\s+(?:(?:the|another|a\s+different|a)\s+(?:other\s+)?(?:patient|pt)|(?:bed|bay|room|rm)\s*\d+|"
                               r"(?:(?:the\s+)?(?:guy|lady|man|woman|gentleman|gent|chap|fellow|pt|patient)|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+\w+)\s+in\s+(?:side\s+)?(?:bed|bay|room|rm)\s*\d+)|"  # "… belongs to the lady in bay 3", "to Mr T in side room 2"
                               r"\b(?:was|is|were|are)\s+(?:for\s+)?(?:bed|bay|room|rm)\s*\d+['’]s\b|\b(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:from\s+|for\s+)?(?:bed|bay|room|rm)\s*\d+\b|"
                               r"\b(?:that|this|it)(?:\s+(?:result|value|count|number|one))?(?:\s+(?:was|is)|['’]s)\s+(?:for\s+)?(?:the\s+)?(?:guy|lady|man|woman|gentleman|gent|chap|fellow|pt|patient|one)\s+in\s+(?:side\s+)?(?:bed|bay|room|rm)\s*\d+|"
                               # "… but thats not ours", "the plt 22 from room 14 is not ours", "was from bed 3"
                               r"[,—–-]\s*" + NOT_OURS + r"\b|\b(?:(?:that|this|it)['’]?s|is|was|are|were)\s+" + NOT_OURS + r"\b|\bfrom\s+(?:bed|bay|room|rm)\s*\d+[A-Za-z]?\b|"
                               r"\bwrong\s+(?:pt|patient|chart|person|bed|room|file|record)\b|\b(?:from|for)\s+the\s+(?:pt|patient|guy|lady|man|woman|one)\s+next\s+door\b|\b(?:(?:from|in|on)\s+(?:the\s+|an\s+)?)?(?:other|another|different)\s+(?:chart|record|file|tab|window)\b|"
                               r"[—–-]\s*(?:a\s+)?(?:separate|different|another|other)\s+(?:pt|patient)\b|"
                               # "erano del letto 8, non del nostro paziente", "c'est celle du lit 12", "son de la cama 4"
                               r"\b(?:del|dal|du|de\s+la|do|da|von|vom|van)\s+(?:letto|lit|cama|leito|Bett|bed)\s*\d+|"
                               r"\b(?:non|pas|no|nicht|niet|não)\s+(?:è\s+|es\s+|é\s+|ist\s+|is\s+)?(?:del|de|du|d[oa]|von|van)\s+" + FOREIGN_OWNER + r"|"  # "plt 22?? sorry wrong pt, ours is 133", "wrong chart"
                               # "that's from the pt next door in 14B", "that was the patient in the next bed's"
                               r"\b(?:that|this|it)(?:\s+one)?(?:['’]?s|\s+is|\s+was)\s+(?:from\s+|for\s+)?(?:the\s+)?(?:pt|patient|guy|lady|man|woman|gentleman|gent|chap|fellow)\s+(?:next\s+door|in\s+the\s+next\s+(?:bed|bay|room)"
                               r"|in\s+(?:bed\s+|bay\s+|room\s+|rm\s+)?\d+[A-Za-z]?\b)")  # "thats the guy in 14"
# ... or said in brackets right after the value: "had plt 19 yesterday (not ours)"
NOT_OURS_BRACKET_RE = re.compile(r"(?i)[^;,.()\n]{0,20}\(\s*" + NOT_OURS + r"\s*\)")
# A text that says it gives no current values.
NO_CURRENT_RE = re.compile(r"(?i)\bno\s+current\s+(?:labs?|bloods?|cbc|fbc|results?|values?|counts?)\b|\bhistorical\s+(?:values?\s+|results?\s+)?only\b|"
                           # "No labs drawn this visit", "no bloods taken today"
                           r"\bno\s+(?:new\s+)?(?:labs?|bloods?|cbc|fbc|counts?)\s+(?:were\s+)?(?:drawn|taken|done|sent)\s+(?:this\s+(?:visit|time|admission)|today)\b|"
                           r"\bnothing\s+(?:has\s+been\s+|was\s+)?(?:drawn|taken|checked|done|sent)\s+(?:since|this\s+(?:admission|visit|stay)\s+yet|yet)\b")  # "Nothing drawn since she started nivo"
# ... or says the values of its sentence are old ones, given for reference: "Historical labs for reference only (2019): WBC 5.5, …"
HISTORICAL_ONLY_RE = re.compile(r"(?i)\bhistorical\s+(?:values?|results?|labs?|bloods?)\s+(?:(?:for\s+(?:reference|comparison)|shown)\s+)?only\b|\bfor\s+reference\s+only\b")
# A result filed for another patient, said before it.
WRONG_PATIENT_HINT_RE = re.compile(r"mrn|filed in error|wrong p|belongs to (?:bed|bay|room|rm)|mislabel")  # a cheap test first
WRONG_PATIENT_BEFORE_RE = re.compile(r"(?i)\b(?P<cue>different\s+MRN|filed\s+in\s+error|wrong\s+(?:patient|pt)|mislabell?ed|belongs?\s+to\s+(?:bed|bay|room|rm)\s*\d+)\b[^\n]{0,80}\Z")
# The patient named again after a relative's value: "pt's are 155", "pt himself 47", "we got 8.6 today", "our pt is 1.7".
OWN_AFTER_RELATIVE_RE = re.compile(r"(?i)\b(?:(?:the\s+)?(?:pt|patient)(?:['’]s|\s+(?:him|her)self|\s+(?:is|has|had|was))|we|ours|our\s+(?:pt|patient|guy|lady)|this\s+one)\b")
OWN_PATIENT_RE = re.compile(r"(?i)\b(?:mine|ours|(?:my|our)\s+(?:pt|patient|guy|lady|man|woman)|this\s+(?:one|pt|patient))\b")
CLUMPED_RE = re.compile(r"(?i)\bclump\w*|agr[ée]gats?|aggregat\w*|agregados?")
SPECIMEN_RE = re.compile(r"(?i)\b(?:capillary|venous|arterial|finger-?(?:stick|prick)|point[ -]of[ -]care|poc|i-?stat|blood\s+gas|citrate|edta|"
                         r"heparin|manual|smear|estimated?|automated|analy[sz]er|cord|capillaire|veineux|kapill[äa]r|ven[öo]s|capilar|venos[ao])\b")
DAY_LABEL_RE = re.compile(r"(?i)\b(?:day|d|wk|week)\s*\+?\d{1,3}\b")  # "for plt 29, day 3 plt 44": a later day orders the two
# A treatment told between two values of a count, which puts the second after it: "Hgb 7.1 | transfused 1 unit PRBC | Hgb 8.0".
TREATMENT_BETWEEN_RE = re.compile(r"(?i)\b(?:transfus\w*|prbcs?|packed\s+(?:red\s+)?cells|red\s+cells|ivig|filgrastim|g-?csf|given|infused|"
                                  r"transfundi\w*|transfusi\w*|transfundiert|getransfundeerd|Transfusion|EK)\b")
SEQUENCE_WORD_RE = re.compile(r"(?i)\b(?:then|later|after(?:wards)?|post|subsequently|since|now|puis|ensuite|apr[èe]s|luego|despu[ée]s|poi|dopo|"
                               r"dann|danach|sp[äa]ter|daarna|later|depois|ap[óo]s)\b")
CLAUSE_CUT_RE = re.compile(r"[,;()\[\]]|\s[-–—]\s|\s(?:but|whereas|while)\s")
LIST_CUT_RE = re.compile(r"[,;]|\s[-–—]\s")


# A repeat told in a reply with no name, above the message it answers: "Update: repeat at 16:00 is 44. > … plt 38, pls repeat".
REPLY_REPEAT_RE = re.compile(r"(?i)\b(?:repeat|re-?check|rpt)(?:ed)?\b(?:\s+(?:today|tonight|this\s+(?:morning|am|pm|afternoon|evening)|(?:at|@)\s*\d{1,2}[:h]?\d{2}))?"
                             r"\s*(?:is|was|=|:|(?:just\s+)?(?:came\s+)?back(?:\s+at)?(?:\s*:)?|now)?\s*(?P<num>\d+(?:[.,]\d+)?)"
                             r"(?![\d:/]|[.,]\d|\s*(?:units?|u|mg|h|hrs?|hours?|days?|pm|am)\b)")


# A CTCAE band written as its bounds ("<75-50", "< 1.5 - 1.0"), then the patient's value with no name ("pt at 74", "ours is 1.2").
BAND_RE = re.compile(r"[<≤][ \t]*(?P<upper>\d+(?:\.\d+)?)[ \t]*[-–][ \t]*(?P<lower>\d+(?:\.\d+)?)(?![\d.])")
PATIENT_AT_RE = re.compile(r"(?i)\b(?:pt|patient|ours|mine|she|he|(?:my|our)\s+(?:pt|patient|guy|lady))(?:['’]s)?[ \t]*(?:(?:is|was|sits|now)[ \t]+)?"
                           r"(?:at[ \t]+|[:=][ \t]*)?(?P<num>\d+(?:\.\d+)?)(?![\d.,]|[ \t]*(?:%|y|yo|years?)\b)")


def _band_analytes() -> dict[tuple[float, float], str]:
    """Each CTCAE v5.0 band of a low count, by its bounds ((75.0, 50.0): platelets' grade 2): no two counts share one."""
    bands = {}
    for analyte in ("wbc", "anc", "alc", "plt", "hgb"):
        grades = table("5.0")["terms"][analyte]["grades"]
        bounds = [grades[level]["below"] for level in ("2", "3", "4")]
        bands.update({(upper, lower): analyte for upper, lower in zip(bounds[:-1], bounds[1:], strict=True) if upper is not None and lower is not None})
    return bands


BAND_ANALYTES = _band_analytes()


def band_named_mentions(text: str) -> list[Mention]:
    """The patient's value after a CTCAE band that names no count, in a text that names no other: the count the band is one of
    ("grade 2 is <75-50 - pt at 74": platelets 74)."""
    band = next((b for b in BAND_RE.finditer(text) if (float(b.group("upper")), float(b.group("lower"))) in BAND_ANALYTES), None)
    if band is None or {name.lastgroup for name in ANALYTE_RE.finditer(text)} - {BAND_ANALYTES[(float(band.group("upper")), float(band.group("lower")))]}:
        return []  # (a text may name the band's own count: "plts: grade 3 band is <50-25 and pt is at 41")
    value = PATIENT_AT_RE.search(text, band.end())
    if value is None:
        return []
    analyte = BAND_ANALYTES[(float(band.group("upper")), float(band.group("lower")))]
    mention = _mention(analyte, text, value.start(), value.end(), value.group("num"), False, None, None, value.span("num"), [parse_number(value.group("num"))])
    mention.assumptions.insert(0, f"No count is named; the CTCAE band <{band.group('upper')}-{band.group('lower')} is one of {ANALYTE_LABELS[analyte]}'s.")
    return [mention]


def reply_repeat_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """The last repeat a reply tells with no name (REPLY_REPEAT_RE), as a value of the one count the quoted message above or
    below it names, when the reply names none itself."""
    quote = _quoted_message(text)
    reply = (0, quote[0]) if quote[0] > 0 else (quote[1], len(text))
    quoted = {m.analyte for m in mentions if not _in_reply(m, quote) and m.value is not None}
    if len(quoted) != 1 or any(reply[0] <= m.span[0] < reply[1] for m in mentions) or ANALYTE_RE.search(text, *reply):
        return []
    analyte = quoted.pop()
    repeats = [_mention(analyte, text, match.start(), match.end(), match.group("num"), False, None, None, match.span("num"),
                        [parse_number(match.group("num"))]) for match in REPLY_REPEAT_RE.finditer(text, *reply)]
    return [m for m in repeats if m.value is not None][-1:]


def _quoted_message(text: str) -> tuple[int, int]:
    """Where the earlier message a reply quotes starts and ends: from its start to the text's end under a reply written
    above it; its lines marked with ">" when the text opens with them and the reply follows ("> PLT 61 …\n\nUpdate: …")."""
    start = _earlier_message_start(text)
    if start == len(text) or text[:start].strip() or not text.startswith(">", start):
        return start, len(text)
    end = start
    for line in text[start:].split("\n"):
        if line.strip() and not line.lstrip().startswith(">"):
            break
        end += len(line) + 1
    return start, min(end, len(text))


def _in_reply(mention: Mention, quote: tuple[int, int]) -> bool:
    """Whether a value is the reply's own, not in the earlier message the text quotes (see _quoted_message)."""
    return not quote[0] <= mention.span[0] < quote[1]


def _earlier_message_start(text: str) -> int:
    """Where an earlier message quoted or forwarded inside this one starts (len(text) when none is)."""
    if ">" not in text and "-" not in text and ":" not in text:
        return len(text)
    header = QUOTE_HEADER_RE.search(text)
    quoted = QUOTED_LINE_RE.search(text)
    starts = [m.start() for m in (header, quoted) if m is not None]
    return min(starts) if starts else len(text)


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    floor = max(0, position - 200)
    start = _last_sentence_end(text, floor, position, floor)
    after = SENTENCE_END_RE.search(text, position, min(len(text), position + 200))
    return start, after.start() if after else min(len(text), position + 200)


def _marks(text: str, mentions: list[Mention], index: int, regex: re.Pattern) -> str | None:
    """A mark (of past or present) said of one value: inside its own words, after it before the next value, or at the head
    of its sentence before the first value of it. A mark after a value and a cut (a comma, a bracket) leads the next value."""
    mention = mentions[index]
    own = regex.search(mention.raw)
    if own:
        return own.group(0)
    start, end = _sentence_bounds(text, mention.span[0])
    before = [m for m in mentions if start <= m.span[0] < mention.span[0] and m.span[1] <= mention.span[0]]
    after = [m for m in mentions if mention.span[1] <= m.span[0] < end]
    # after it, up to the next value (or the sentence's end); a mark past a cut leads that next value instead
    stop = after[0].span[0] if after else end
    for mark in regex.finditer(text, mention.span[1], stop):
        if not after or not CLAUSE_CUT_RE.search(text, mention.span[1], mark.start()) \
                or LIST_CUT_RE.search(text, mark.end(), stop):  # "and this morning (Thursday) plt 58": a bracket after the mark is its own
            return mark.group(0)
        break
    # before it: after the previous value past a cut (a clause of its own), or at the head of the sentence
    floor = before[-1].span[1] if before else start
    for mark in regex.finditer(text, floor, mention.span[0]):
        if not before or (CLAUSE_CUT_RE.search(text, floor, mark.start()) and not LIST_CUT_RE.search(text, mark.end(), mention.span[0])):
            return mark.group(0)
    if before:  # the head of a list: "Last month your white count was 4.6 and platelets 201"
        head = regex.search(text, start, before[0].span[0])
        if head and not any(CLAUSE_CUT_RE.search(text, m.span[1], n.span[0]) and not LIST_GAP_RE.fullmatch(text, m.span[1], n.span[0])
                            for m, n in zip(before, [*before[1:], mention], strict=True)):
            return head.group(0)
    return None


def _compared_in_brackets(text: str, mentions: list[Mention], indexes: list[int], k: int) -> str | None:
    """ "(…)" when a value stands in brackets right after another value of its analyte, told for comparison: "thrombopénie à
    62 G/L (plaquettes à 180 G/L en mars)"."""
    if k == 0:
        return None
    value, before = mentions[indexes[k]], mentions[indexes[k - 1]]
    opened = text.rfind("(", before.span[1], value.span[0])
    if opened < 0 or ")" in text[opened:value.span[0]] or text[before.span[1]:opened].strip(" \t,") \
            or text.find(")", value.span[1]) < 0 or "\n" in text[opened:text.find(")", value.span[1])]:
        return None
    return "(…)"


DOCUMENT_DATE_RE = re.compile(r"(?<![\w/.:-])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})(?![\w/])")


def _before_document_date(text: str, label: str | None) -> str | None:
    """ "(dated before the note)" when a value's label is a date earlier than the date a note opens with ("Telephone
    encounter 02/14 … Plt 34. … on 2/10 plt 7": the 7 is older than the note)."""
    if not label or not DOCUMENT_DATE_RE.fullmatch(label.strip()):
        return None
    first_line = text[:text.find("\n")] if "\n" in text[:120] else text[:0]
    opening = DOCUMENT_DATE_RE.search(first_line)
    if opening is None or opening.group(0) == label.strip():
        return None
    return "(dated before the note)" if latest_column([label.strip(), opening.group(0)]) == 1 else None


def _current_by_context(text: str, mentions: list[Mention], indexes: list[int], labels: list[str | None],
                        quote: tuple[int, int]) -> tuple[int, str] | None:
    """Which of several values of one analyte no time orders is current, and why (None: all are kept)."""
    values = [mentions[i] for i in indexes]
    samples = [(_marks(text, mentions, i, SPECIMEN_RE) or "").lower() for i in indexes]
    if ("edta" in samples or any(_marks(text, mentions, i, CLUMPED_RE) for i in indexes)) and samples.count("citrate") == 1:
        # "PLT (EDTA) 46 … clumps; PLT (citrate) 151": a platelet count in citrate is taken to avoid clumping in EDTA
        return samples.index("citrate"), "it was counted in citrate, which the EDTA count's clumping does not affect"
    if len({sample for sample in samples if sample}) > 1:
        return None  # a capillary and a venous sample: both current
    # (not a value its owner introduces: "that's bed 3's result — ours is 1.9")
    others = {k for k, i in enumerate(indexes) if _marks(text, mentions, i, OTHER_PERSON_RE) and not OWNER_FIRST_RE.match(mentions[i].raw)}
    if others and len(others) < len(indexes):  # "My sister … her lymphocytes were 0.4": someone else's value
        own = [k for k in range(len(indexes)) if k not in others]
        if len(own) == 1:
            return own[0], "the others are said of someone else"
        decided = _current_by_context(text, mentions, [indexes[k] for k in own], [labels[k] for k in own], quote)
        return (own[decided[0]], decided[1]) if decided else None
    current = [k for k, i in enumerate(indexes) if _marks(text, mentions, i, CURRENT_MARK_RE)]
    current = [k for k in current if _in_reply(values[k], quote)] or current
    if current:
        return current[-1], f"it is said to be current ('{_marks(text, mentions, indexes[current[-1]], CURRENT_MARK_RE)}')"
    dated = [label_rank(label) if label else None for label in labels]
    if all(rank is not None and rank[0] in (1, 2) for rank in dated) \
            and (pick := latest_column([label.strip(" \t()[]:-—–@") for label in labels])) is not None:
        return pick, "it is the latest by its day or date"  # "15 Sep (yesterday)" among other dates: the dates order them
    past_marks = {k: _marks(text, mentions, i, PAST_MARK_RE) or _compared_in_brackets(text, mentions, indexes, k) or _before_document_date(text, labels[k])
                  for k, i in enumerate(indexes)}
    past = {k for k, mark in past_marks.items() if mark}
    left = [k for k in range(len(indexes)) if k not in past]
    why = f"the others are said to be earlier ({', '.join(sorted({repr(past_marks[k]) for k in past}))})"
    if not left:
        return None
    reply = [k for k in left if _in_reply(values[k], quote)]
    if reply and len(reply) < len(left):
        left, why = reply, "the others are in an earlier message the reply quotes"
    told = [k for k in left if not _marks(text, mentions, indexes[k], HYPOTHETICAL_RE)]  # "if the ANC were 0.4": not the patient's
    if not told:
        return None
    if len(told) < len(left):
        left, why = told, "the others are said of what would be, not of the patient" if not past else why
    if len(left) == 1:
        return left[0], why
    ranks = [label_rank(labels[k]) if labels[k] else None for k in left]
    if all(r is not None and r[0] in (1, 2) for r in ranks):
        pick = latest_column([labels[k].strip(" \t()[]:-—–@") for k in left])
        if pick is not None:
            return left[pick], "it is the latest by its day or date"
    for k, n in zip(left[:-1], left[1:], strict=True):
        gap = text[values[k].span[1]:values[n].number_span[0]]  # up to the number: "…, 1-hr post count 18" says "post" itself
        if not SENTENCE_END_RE.search(gap) and not SEQUENCE_WORD_RE.search(gap) and not TREATMENT_BETWEEN_RE.search(gap) \
                and not DAY_LABEL_RE.search(gap):
            return None  # "Hb 8.1, Hb 9.0": two values in one list, told in no order (but a transfusion between orders them)
    return left[-1], (f"{why}, and of the rest it is the last told" if past else "no time orders them, and it is the last told")


DAY_PREPOSITION_RE = re.compile(r"(?i)^(?:on|by|at|in)\s+(?:the\s+)?(?=(?:day|week|wk|cycle|d)\s*\+?\d{1,3}$)")
CYCLE_PREPOSITION_RE = re.compile(r"(?i)^(?:on|by|at|in)\s+(?=c\s*\d{1,2}(?:\s*d\s*\d{1,2})?$)")  # "at c1" beside "c3": cycle 1


BEFORE_TREATMENT_RE = re.compile(r"(?i)\b(?:before|prior|baseline|pre|start|beginning|outset)\b")  # a label of the time before treatment


# Words that take back what was just said, before the value said instead: "sorry", "correction", "I mean", "scratch that",
# also in the other languages read.
SAID_INSTEAD_RE = re.compile(r"(?i)\b(?:sorry|correction|i\s+mean|i\s+meant|no\s+wait|wait,?\s+no|scratch\s+that|make\s+that|typo|should\s+read|"
                           r"pardon|d[ée]sol[ée]e?|je\s+veux\s+dire|perd[óo]n|quiero\s+decir|corrijo|scusa(?:te)?|cio[èe]|correzione|"
                           r"entschuldigung|ich\s+meine|korrektur|desculp[ae]|quer\s+dizer|corre[çc][ãa]o|ik\s+bedoel|correctie)\b")


def _said_instead(text: str, earlier: Mention, later: Mention) -> bool:
    """Whether `later`, within a few words of `earlier`, is said instead of it: "Platelets 80, sorry, correction: platelets 68"."""
    return 0 <= later.span[0] - earlier.span[1] <= 80 and SAID_INSTEAD_RE.search(text, earlier.span[1], later.span[0]) is not None


def latest_of_timed_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    """One value per analyte when the same analyte is given several times, each with its time ("06:40 PLT 45 ...
    18:00 PLT 38"), or joined by an arrow ("Hb 7.9 → 2 units → Hb 9.6"): the most recent is kept, with the others as its
    series. Repeats no time orders are decided by what is said of them (_current_by_context); those it cannot decide (two
    values in one list told in no order, two kinds of sample) are all kept."""
    mentions = _arrow_joined(text, mentions)
    by_analyte: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.value is not None:
            by_analyte.setdefault(mention.analyte, []).append(index)
    drop: set[int] = set()
    quote = None  # where an earlier message the text quotes starts and ends (see _quoted_message), found when needed
    for indexes in by_analyte.values():
        if len(indexes) < 2 or len(indexes) > 12:
            continue
        taken_back = [earlier for earlier, later in zip(indexes, indexes[1:], strict=False)
                      if _said_instead(text, mentions[earlier], mentions[later])
                      or mentions[later].span[0] - mentions[earlier].span[1] <= 80 and "\n" not in text[mentions[earlier].span[1]:mentions[later].span[0]]
                      and SPOILED_THEN_REPEATED_RE.search(text, mentions[earlier].span[1], mentions[later].number_span[0])]  # ("redraw at noon = 4.4": its cue is its label)
        if taken_back:  # "Platelets are eighty, sorry, correction, the platelets are sixty eight": the value said instead is the value
            # ("WBC 0.4 (sample clotted) — redrawn 11:20, WBC 3.9": so is the repeat of a spoiled sample)
            drop.update(taken_back)
            indexes = [i for i in indexes if i not in taken_back]
            if len(indexes) < 2:
                continue
        if quote is None:
            quote = _quoted_message(text)
        reply = [i for i in indexes if _in_reply(mentions[i], quote)]
        if reply and len(reply) < len(indexes) and not FORWARDED_RE.search(text, quote[0], quote[0] + 80):
            # "plt after IVIG day 2 is 57 …\n---- earlier message ----\n… post count 14": the reply's values are newer than
            # those of the message it quotes (below it, or above it: "> PLT 61 …\n\nUpdate: repeat at 16:00 is 44")
            drop.update(i for i in indexes if i not in reply)
            if len(reply) == 1:
                keep = mentions[reply[0]]
                told = ", ".join(f"{mentions[i].native_value:g}" for i in indexes)
                keep.assumptions = [f"{ANALYTE_LABELS[keep.analyte]} given {len(indexes)} times ({told}); {keep.native_value:g} is read as the "
                                    f"current value: the others are in an earlier message the reply quotes."] + keep.assumptions
                continue
            indexes = reply
        labels = []
        for i in indexes:
            floor = mentions[i - 1].span[1] if i > 0 else 0
            # else the nearest says when: a time ending the value's line or beside it, the head of its list, the last time with a colon
            # before it, the time leading its line, a time said between its name and the value
            # a count named by its label ("1-hr post count 18") is placed by that label first
            own = _own_clock(text, mentions[i]) or (_inner_label(mentions[i]) if not ANALYTE_RE.match(mentions[i].raw) else None)
            labels.append(own or _line_end_label(text, mentions[i].span[1]) or _time_label(text, mentions[i], floor) or _inner_label(mentions[i])
                          or _list_label(text, mentions, i)
                          or _segment_label(text, mentions[i].span[0]) or _line_label(text, mentions[i].span[0])
                          or ("\n" in text and _block_label(text, mentions[i].span[0])) or _sentence_label(text, mentions[i].span[0]))
        labels = [DAY_PREPOSITION_RE.sub("", label) if label else label for label in labels]  # "on day 5" says what "day 5" does
        ranks = [label_rank(label) if label is not None else None for label in labels]
        why = None
        current = [k for k, i in enumerate(indexes) if _marks(text, mentions, i, CURRENT_MARK_RE)]
        if current:  # a word of now in the message a reply quotes is older than the reply's values
            if quote is None:
                quote = _quoted_message(text)
            if any(_in_reply(mentions[i], quote) for i in indexes):
                current = [k for k in current if _in_reply(mentions[indexes[k]], quote)]
        if len(current) == 1 and not any(rank is not None and rank[0] == 3 and not _marks(text, mentions, indexes[k], PAST_MARK_RE)
                                         for k, rank in enumerate(ranks) if k != current[0]):
            # "Most recent CBC (13 Jan): ANC 1.4 ... (ANC 0.2 on 21 Dec)": said to be current, it is, whatever the dates say
            labels = [label if label is not None else "" for label in labels]
            pick, why = current[0], f"it is said to be current ('{_marks(text, mentions, indexes[current[0]], CURRENT_MARK_RE)}')"
        elif any(rank is None for rank in ranks):
            # "Hb 7.4 → 2 units → post-transfusion Hb 9.0": the one value labelled as after an event, when no other says when
            later = [i for i, rank in enumerate(ranks) if rank is not None and rank[0] == 3]
            labels = [label if label is not None else "" for label in labels]
            # or, told last, when the others are unlabelled or said to be earlier ("Bij opname Hb 4,1 …; daarna steeg het Hb naar 5,3
            # en bij ontslag was het Hb 5,8")
            pick = later[0] if len(later) == 1 and (all(rank is None or rank[0] == 3 for rank in ranks)
                                                    or later[0] == len(ranks) - 1 and all(rank is None or rank[0] in (0, 3) for rank in ranks)) else None
            if len(later) > 1 and not current and later == list(range(len(ranks) - len(later), len(ranks))) \
                    and all(r is None for r in ranks[:-len(later)]):
                pick = later[-1]  # "Hb 7.1, …, repeat 8.0, and the evening check 7.6": several after it, told in order, after the unlabelled
            if pick is None and ranks.count(None) == 1 and all(rank is None or BEFORE_TREATMENT_RE.search(label) for rank, label in zip(ranks, labels, strict=True)):
                pick = ranks.index(None)  # "platelets 38. Her platelets were 145 at the start of treatment": the one not said to be earlier
            if pick is not None:
                if quote is None:
                    quote = _quoted_message(text)
                if not _in_reply(mentions[indexes[pick]], quote) and any(_in_reply(mentions[i], quote) for i in indexes):
                    pick = None  # "ce jour" in the message the reply quotes is older than the reply's value
        elif all(rank[0] == 3 for rank in ranks):
            # "Hb 71 g/L this morning; transfused; post-transfusion Hb 89": now, then after an event, told in the order they happened;
            # but a reply's "today" is newer than the "this morning" of the message it quotes below it
            if quote is None:
                quote = _quoted_message(text)
            reply = [k for k, i in enumerate(indexes) if _in_reply(mentions[i], quote)]
            pick = reply[-1] if reply else len(indexes) - 1
            if reply and len(reply) < len(indexes):
                why = "the others are in an earlier message the reply quotes"
        elif all(rank[0] == 1 for rank in ranks):
            # "4 on day 0 (…)", "183 on day 14": days, weeks or clock times, each read by label_rank however it is worded
            pick = max(range(len(ranks)), key=lambda i: (ranks[i], i))
        else:
            pick = latest_column(labels)
            if pick is None and all(rank[0] == 3 for rank in ranks if rank is not None):
                # "post-transfusion Hb 8.6; discharge Hb 9.2": each after an event, told in the order they happened
                pick = len(indexes) - 1
        if pick is None:
            # no time orders them: what is said of each decides (marked current or past, quoted, last told)
            if quote is None:
                quote = _quoted_message(text)
            chosen = _current_by_context(text, mentions, indexes, labels, quote)
            if chosen is None:
                continue
            pick, why = chosen
        keep = mentions[indexes[pick]]
        series = [mentions[i].native_value for i in indexes if i != indexes[pick]] + [keep.native_value]
        if why is not None:
            told = ", ".join(f"{mentions[i].native_value:g}" for i in indexes)
            keep.assumptions = [f"{ANALYTE_LABELS[keep.analyte]} given {len(indexes)} times ({told}); {series[-1]:g} is read as the "
                                f"current value: {why}."] + keep.assumptions
            drop.update(i for i in indexes if i != indexes[pick])
            continue
        keep.assumptions = [f"{ANALYTE_LABELS[keep.analyte]} given {len(indexes)} times with their times "
                            f"({', '.join(f'{v:g} {label}' for v, label in zip([mentions[i].native_value for i in indexes], labels, strict=True))}); "
                            f"the most recent is graded ({series[-1]:g})."] + keep.assumptions
        drop.update(i for i in indexes if i != indexes[pick])
    return [m for i, m in enumerate(mentions) if i not in drop] if drop else mentions


# -- spoken numbers ------------------------------------------------------------------------------------------
# Voice dictation writes numbers in words ("eight point two", "one hundred and twenty thousand", "one fifty"), the
# multiplier in words ("times ten to the ninth per liter"), punctuation as words ("comma", "period") and abbreviations
# letter by letter ("A N C"). read_spoken_numbers writes them as a lab report would, so the reader reads them as usual.
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = "|".join((*DIGIT_WORDS, *TEEN_WORDS, *TENS_WORDS, "hundred", "thousand"))
NUMBER_WORD = f"(?:{NUMBER_WORDS})" + r"\b"
# After a decimal word, "oh" is a zero ("one point oh").
FRACTION_WORD = f"(?:{'|'.join(DIGIT_WORDS)}|oh)" + r"\b"
# A number may start with "point" when its zero is not said ("an ANC of point nine"); "a"/"point" lead only into a number.
# "period" is a decimal point only before one digit that ends the clause or comes before a unit: "hemoglobin 8 period 9,
# white count 4 period 1", "eight period nine grams per deciliter"; elsewhere it ends a sentence.
PERIOD_DECIMAL_END = r"(?=[ \t]*(?:[,;\n]|\.(?!\d)|$)|[ \t]+(?:grams?|g|g/dl|mmol|thousand|times|x|per|cells|k|period|comma|full[ \t]+stop)\b)"
SPOKEN_RUN = (rf"\b(?:a[ \t]+(?=(?:hundred|thousand)\b)|point[ \t]+(?={FRACTION_WORD}))?{NUMBER_WORD}(?:(?:[ \t]+|-)(?:{NUMBER_WORD}|and\b(?=[ \t]+{NUMBER_WORD})|"
              rf"point\b(?=[ \t]+{FRACTION_WORD})|period\b(?=[ \t]+(?:{'|'.join(DIGIT_WORDS)})\b{PERIOD_DECIMAL_END})|oh\b))*")
SPOKEN_POWERS = {"third": "3", "3rd": "3", "fourth": "4", "4th": "4", "fifth": "5", "5th": "5", "ninth": "9", "9th": "9"}
SPOKEN_MULTIPLIER = (rf"(?P<multiplier>(?:times[ \t]+)?ten[ \t]+to[ \t]+the[ \t]+(?P<power>{'|'.join(SPOKEN_POWERS)})\b"
                     r"(?:[ \t]+power\b)?)")
SPOKEN_MARK = r"(?P<mark>(?:comma|period|full[ \t]+stop)\b)"
SPOKEN_WORDS = rf"{SPOKEN_MULTIPLIER}|(?P<number>{SPOKEN_RUN})|{SPOKEN_MARK}"
# Each token starts a word; the lookahead on the letters they can start with lets a scan skip all other words at once.
SPOKEN_TOKEN_RE = re.compile(first_char_lookahead(SPOKEN_WORDS) + r"\b" + f"(?:{SPOKEN_WORDS})", re.IGNORECASE)
SPELLED_RE = re.compile(r"(?=[A-Z])(?<!\w)[A-Z](?: [A-Z]){1,3}(?!\w)|(?<!\w)(?:a n c|w b c|a l c|p l t|h g b)(?!\w)")  # "A N C", "a n c"
SPELLED_LOWER = ("a n c", "w b c", "a l c", "p l t", "h g b")  # dictation in lower case spells only the names it knows
# After a determiner "point" is a noun, not a decimal point: "at this point two ...", "the point one makes".
NOUN_BEFORE_RE = re.compile(r"\b(?:a|an|the|this|that|these|those|some|any|no|each|every|which|what|whose|one)[ \t]+$", re.IGNORECASE)
SPOKEN_MULTIPLIER_AFTER_RE = re.compile(r"[ \t]+times[ \t]+ten\b", re.IGNORECASE)  # "times" here is no count of times
# Digits with a spoken decimal point: "10 point 4" (a "comma" said after digits stays punctuation).
# ... and "period" between digits, when one digit ends the clause: "hemoglobin 8 period 9, white count 4 period 1"
DIGITS_POINT_RE = re.compile(r"(?<![\w.,])\d{1,4}[ \t]+(?:point[ \t]+\d{1,3}|period[ \t]+\d" + PERIOD_DECIMAL_END + r")(?!\w|[.,]\d|[ \t]+(?:point|times|percent)\b)",
                             re.IGNORECASE | re.MULTILINE)  # "5 point 6."
# Cheap tests that a text may hold any of them, fast on a long text: a piece of a number word (plain substring tests
# are several times faster than one regex over a long text), or capitals spaced letter by letter.
NUMBER_WORD_PIECES = ("zero", "one", "two", "thre", "four", "fort", "five", "fift", "six", "seven", "eight", "nine", "ten", "eleven",
                      "twelve", "twen", "thirt", "hundr", "thous")
SPACED_CAPITALS_RE = re.compile(r"(?-i: [A-Z])(?<=[A-Z] [A-Z])")  # a capital, a space, a capital (found from the space: faster)
# A spoken "comma" or "period" is punctuation only right after a number or a unit ("eight hundred period"), never in
# "over a period of".
MARK_CONTEXT_RE = re.compile(rf"(?:\d|\b(?:{NUMBER_WORDS}|ninth|third|power|percent|\w*lit(?:er|re)s?|\w*met(?:er|re)s?)|[A-Za-zµ]+/[A-Za-z]+)[ \t]*$",
                             re.IGNORECASE)

# Number words of Spanish, Italian, French, Portuguese, German and Dutch, as data for the same parser. Each kind lists
# its words in value order ("/" between words of one value); "-" marks a value the language says otherwise.
SPOKEN_LEXICONS = {
    "es": {"digit": "cero uno/un/una dos tres cuatro cinco seis siete ocho nueve",
           "teen": "diez once doce trece catorce quince dieciséis/dieciseis diecisiete dieciocho diecinueve",
           "tens": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
           "tens digit": "veintiuno/veintiún/veintiun/veintiuna veintidós/veintidos veintitrés/veintitres veinticuatro veinticinco "
                         "veintiséis/veintiseis veintisiete veintiocho veintinueve",
           "hundreds": "cien/ciento doscientos/doscientas trescientos/trescientas cuatrocientos/cuatrocientas quinientos/quinientas "
                       "seiscientos/seiscientas setecientos/setecientas ochocientos/ochocientas novecientos/novecientas",
           "thousand": "mil", "point": "coma/punto", "and": "y"},
    "it": {"digit": "zero uno/un/una due tre/tré quattro cinque sei sette otto nove",
           "teen": "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove",
           "tens": "venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
           "hundred": "cento", "thousand": "mille/mila", "point": "virgola/punto", "and": "e"},
    "fr": {"digit": "zéro/zero un/une deux trois quatre cinq six sept huit neuf",
           "teen": "dix onze douze treize quatorze quinze seize - - -",
           "tens": "vingt/vingts trente quarante cinquante soixante - - -",
           "hundred": "cent/cents", "thousand": "mille", "point": "virgule/point", "and": "et"},
    "pt": {"digit": "zero um/uma dois/duas três/tres quatro cinco seis sete oito nove",
           "teen": "dez onze doze treze catorze/quatorze quinze dezesseis/dezasseis dezessete/dezassete dezoito dezenove/dezanove",
           "tens": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
           "hundreds": "cem duzentos/duzentas trezentos/trezentas quatrocentos/quatrocentas quinhentos/quinhentas "
                       "seiscentos/seiscentas setecentos/setecentas oitocentos/oitocentas novecentos/novecentas",
           "hundred": "cento", "thousand": "mil", "point": "vírgula/virgula/ponto", "and": "e"},
    "de": {"digit": "null eins/ein/eine zwei drei vier fünf/fuenf sechs sieben acht neun",
           "teen": "zehn elf zwölf/zwoelf dreizehn vierzehn fünfzehn/fuenfzehn sechzehn siebzehn achtzehn neunzehn",
           "tens": "zwanzig dreißig/dreissig vierzig fünfzig/fuenfzig sechzig siebzig achtzig neunzig",
           "hundred": "hundert", "thousand": "tausend", "point": "komma", "and": "und"},
    "nl": {"digit": "nul een/één twee drie vier vijf zes zeven acht negen",
           "teen": "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien",
           "tens": "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
           "hundred": "honderd", "thousand": "duizend", "point": "komma", "and": "en"},
}
KIND_START = {"digit": 0, "teen": 10, "tens": 20, "tens digit": 21, "hundreds": 100}
KIND_STEP = {"digit": 1, "teen": 1, "tens": 10, "tens digit": 1, "hundreds": 100}


def _spoken_lexicon() -> dict[str, tuple[int, str]]:
    """Every number word, English too: its value and its kind."""
    lexicon = {word: (value, "digit") for value, word in enumerate(DIGIT_WORDS)}
    lexicon |= {word: (10 + value, "teen") for value, word in enumerate(TEEN_WORDS)}
    lexicon |= {word: (value, "tens") for word, value in TENS_WORDS.items()}
    lexicon |= {"hundred": (100, "hundred"), "thousand": (1000, "thousand"), "point": (0, "point"), "and": (0, "and")}
    for kinds in SPOKEN_LEXICONS.values():
        for kind, words in kinds.items():
            for index, said in enumerate(words.split()):
                value = KIND_START[kind] + index * KIND_STEP[kind] if kind in KIND_START else {"hundred": 100, "thousand": 1000}.get(kind, 0)
                lexicon |= {word: (value, kind) for word in said.split("/") if word != "-"}
    return lexicon


SPOKEN_LEXICON = _spoken_lexicon()
ENGLISH_NUMBER_WORDS = frozenset((*DIGIT_WORDS, *TEEN_WORDS, *TENS_WORDS))
# Pieces only found inside a word said as one: the Italian tens losing their vowel ("ventuno", "centottanta") and the
# German and Dutch "and" between the digit and the tens ("zweiundvierzig", "tweeënveertig").
COMPOUND_PIECES = {"vent": (20, "tens"), "trent": (30, "tens"), "quarant": (40, "tens"), "cinquant": (50, "tens"),
                   "sessant": (60, "tens"), "settant": (70, "tens"), "ottant": (80, "tens"), "novant": (90, "tens"),
                   "und": (0, "and"), "en": (0, "and"), "ën": (0, "and")}
GERMANIC_AND = frozenset(("und", "en", "ën"))
AND_STATES = ("and", "tens and", "digit and")  # a number read so far that ends with a joining "and"
# Alone, these are ordinary words somewhere (articles, "once", "due", "sei", "siete", "neuf", "onze", "dos", "null",
# "sept", "seize", "doze", "elf", "cent"): read only as part of a longer number ("due virgola cinque", "once mil").
WEAK_NUMBER_WORDS = frozenset(("un", "una", "uno", "une", "um", "uma", "ein", "eine", "eins", "een", "één", "once", "due", "sei",
                               "siete", "neuf", "onze", "dos", "null", "nul", "sept", "seize", "doze", "elf", "cent", "mil", "mila", "mille"))
# The pieces a number word of the other languages is written with ("centoquaranta", "zweiundvierzig"); the parser checks them.
_PIECES_BY_LENGTH = sorted({word for word, (_, kind) in SPOKEN_LEXICON.items() if kind not in ("point", "and")} | set(COMPOUND_PIECES),
                           key=lambda word: (-len(word), word))
OTHER_WORD = "(?:" + "|".join(map(re.escape, _PIECES_BY_LENGTH)) + r")+(?![^\W\d_])"
OTHER_DECIMAL = "(?:" + "|".join(sorted((word for word, (_, kind) in SPOKEN_LEXICON.items() if kind == "point"), key=len, reverse=True)) + r")\b"
OTHER_AND = "(?:" + "|".join(sorted(word for word, (_, kind) in SPOKEN_LEXICON.items() if kind == "and")) + r")\b"
OTHER_RUN = (rf"\b(?:a[ \t]+(?=(?:hundred|thousand)\b)|point[ \t]+(?={FRACTION_WORD}))?{OTHER_WORD}(?:(?:[ \t]+|-)(?:{OTHER_WORD}|"
             rf"{OTHER_AND}(?=(?:[ \t]+|-){OTHER_WORD})|{OTHER_DECIMAL}(?=[ \t]+(?:{OTHER_WORD}|oh\b))|oh\b))*")
OTHER_TOKEN_WORDS = rf"{SPOKEN_MULTIPLIER}|(?P<number>{OTHER_RUN})|{SPOKEN_MARK}"
OTHER_TOKEN_RE = re.compile(first_char_lookahead(OTHER_TOKEN_WORDS) + r"\b" + f"(?:{OTHER_TOKEN_WORDS})", re.IGNORECASE)
# Cheap tests that a text may hold numbers said in the other languages: a decimal, hundred or thousand word, found by a
# piece of it (one substring search each, a few shared by several words) and checked where found.
OTHER_NUMBER_PIECES = {"rg": ("vi", "ví"), "oma": ("c",), "mma": ("ko",), "nto": ("ce", "cie", "pu", "po"), "mil": ("",),
                       "end": ("taus", "duiz"), "nder": ("hu", "ho"), "cent": ("",)}
# ... or a German or Dutch number of tens and a digit, said as one word with its "and" ("zweiundvierzig", "drieëndertig")
GERMANIC_TENS_AFTER_AND = ("undzwanzig", "unddreißig", "unddreissig", "undvierzig", "undfünfzig", "undfuenfzig", "undsechzig", "undsiebzig",
                           "undachtzig", "undneunzig", "entwintig", "ëntwintig", "endertig", "ëndertig", "enveertig", "ënveertig", "envijftig",
                           "enzestig", "enzeventig", "entachtig", "ënnegentig", "ennegentig")
OTHER_NUMBER_PIECES |= {piece: ("",) for piece in GERMANIC_TENS_AFTER_AND}
INSIDE_PIECES = frozenset(("mil", "end", "nder", "nto", *GERMANIC_TENS_AFTER_AND))  # also inside a word ("tremila", "dreitausend", "zweihundert", "duecento")
OTHER_NUMBER_ENDINGS = {"mil": ("", "a", "le"), "cent": ("", "s")}  # whole words: "mil", "mila", "mille"; "cent", "cents"
# Counts of other things in the other languages (ages, days, doses, times, a percentage, a date): the number stays words.
OTHER_NOT_A_VALUE_RE = re.compile(
    r"[ \t]+(?:p(?:e|o|ou)r[ \t]+c(?:i?ent)\w*|prozent|procent|años|anni|ans|jahre?n?|jaar|anos|días|dias|giorni|jours|tage?n?|dagen|"
    r"semanas|settimane|semaines|wochen|weken|meses|mesi|mois|monate?n?|maanden|horas|ore|heures|stunden|uur|veces|volte|fois|mal|keer|vezes|"
    r"ciclos?|cicli|cycles?|zyklen|cycli|unidades|unità|unités|einheiten|eenheden|bolsas|sacche|culots|mili?gram\w*|microgram\w*|"
    r"(?:de[lu]?|di|du)?[ \t]*(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januar|februar|märz|"
    r"juni|juli|oktober|dezember|januari|februari|maart|mei|augustus))\b", re.IGNORECASE)
PERCENT_BEFORE_RE = re.compile(r"\b(?:per|por|pour)[ \t]+$", re.IGNORECASE)  # "por ciento", "pour cent": no hundred


def _says_other_numbers(lowered: str) -> bool:
    """Whether `lowered` may hold numbers said in Spanish, Italian, French, Portuguese, German or Dutch: a decimal word
    ("coma", "virgola", "Komma", "punto"), a hundred ("ciento", "cento", "cent", "hundert") or a thousand ("mil",
    "mila", "mille", "tausend", "duizend"); "cent" and "mil" as whole words only."""
    for piece, befores in OTHER_NUMBER_PIECES.items():
        position = lowered.find(piece)
        while position >= 0:
            for before in befores:
                start = position - len(before)
                if start >= 0 and lowered.startswith(before, start) and (piece in INSIDE_PIECES or start == 0 or not lowered[start - 1].isalpha()):
                    endings = OTHER_NUMBER_ENDINGS.get(piece)
                    after = position + len(piece)
                    if endings is None or any(lowered.startswith(ending, after) and (after + len(ending) == len(lowered)
                                                                                    or not lowered[after + len(ending)].isalpha()) for ending in endings):
                        return True
            position = lowered.find(piece, position + 1)
    return False


@lru_cache(maxsize=2048)
def _number_pieces(word: str) -> tuple[str, ...] | None:
    """A number word as the lexicon's words: itself, or the words it is written as together ('centoquaranta' ->
    ('cento', 'quaranta'), 'zweiundvierzig' -> ('zwei', 'und', 'vierzig')) when they make one number; else None."""
    if word in SPOKEN_LEXICON:
        return (word,)

    def splits(start: int) -> list[tuple[str, ...]]:
        if start == len(word):
            return [()]
        found = []
        for piece in _PIECES_BY_LENGTH:
            if word.startswith(piece, start):
                found += [(piece, *rest) for rest in splits(start + len(piece))]
        return found

    for pieces in splits(0):
        if len(pieces) > 1 and len(_number_from_words(list(pieces))) == 1 and _number_from_words(list(pieces))[0][0].isdigit():
            return pieces
    return None


@dataclass(frozen=True, slots=True)
class SpokenText:
    """A text with its spoken numbers written in digits (`text`), and the way back to the text as given (`original`)."""

    original: str
    text: str
    # each rewritten piece: (start, end) in `text`, then (start, end) in `original`, in text order
    pieces: tuple[tuple[int, int, int, int], ...] = ()

    def original_position(self, position: int) -> int:
        """Where a position of `text` (a start) falls in `original`: the start of the words a rewritten piece replaced."""
        index = bisect_right(self.pieces, (position, float("inf"))) - 1
        if index < 0:
            return position
        start, end, original_start, original_end = self.pieces[index]
        return original_start if position < end else position - end + original_end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that `text[start:end]` was written from (whole words where a piece was rewritten)."""
        if end <= start:
            position = self.original_position(start)
            return position, position
        index = bisect_right(self.pieces, (end - 1, float("inf"))) - 1
        if index < 0:
            return self.original_position(start), end
        piece_start, piece_end, _, original_end = self.pieces[index]
        return self.original_position(start), original_end if end <= piece_end else end - piece_end + original_end


def _number_from_words(words: list[str]) -> list[str]:
    """A run of number words as numbers in digits: 'eight point two' -> ['8.2'], 'one hundred and twenty thousand' ->
    ['120000'], 'one fifty' -> ['150'] (hundreds said as two numbers), 'ciento veinte mil' -> ['120000'], 'nueve coma
    cuatro' -> ['9.4'], 'centoquaranta' -> ['140'], 'quatre-vingt-dix' -> ['90']; words that cannot continue a number
    start the next one, and an 'and' that joins two numbers stays a word, as does a number that is one weak word."""
    units: list[str] = []
    for word in words:
        units.extend(_number_pieces(word) or (word,))
    pieces: list[str] = []
    total = current = 0
    last: str | None = None  # what the number read so far ends with
    fraction: str | None = None
    fraction_tens = False  # the decimals said as a number ("coma cuarenta y cinco") end with its tens
    used: list[str] = []  # the words of the number read so far

    def close() -> None:
        nonlocal total, current, last, fraction, fraction_tens, used
        if last is not None:
            weak = len(used) == 1 and used[0] in WEAK_NUMBER_WORDS
            pieces.append(used[0] if weak else f"{total + current}" + (f".{fraction}" if fraction else ""))
        total, current, last, fraction, fraction_tens, used = 0, 0, None, None, False, []

    index = 0
    while index < len(units):
        word = units[index]
        value, kind = SPOKEN_LEXICON.get(word) or COMPOUND_PIECES.get(word) or (0, None)
        following = (SPOKEN_LEXICON.get(units[index + 1]) or COMPOUND_PIECES.get(units[index + 1]) or (0, None))[1] if index + 1 < len(units) else None
        if fraction is not None:
            if (word == "oh" or kind == "digit") and not fraction_tens:
                fraction += str(value)
            elif fraction == "" and kind in ("teen", "tens", "tens digit"):
                fraction, fraction_tens = str(value), kind == "tens"
            elif fraction_tens and kind == "and" and following == "digit":
                pass
            elif fraction_tens and kind == "digit":
                fraction, fraction_tens = str(int(fraction) + value), False
            else:
                close()
                continue
            used.append(word)
            index += 1
            continue
        fits = True
        if kind == "point" and index == 0 and word == "point":
            current, last, fraction = 0, "digit", ""  # "point nine" is 0.9
        elif kind == "point":
            fits = last is not None and last not in AND_STATES
            fraction = "" if fits else None
        elif kind == "and":
            if last in ("hundred", "thousand"):
                last = "and"
            elif last == "tens" and word != "and" and (following == "digit" or following == "teen" and current % 100 in (60, 80)):
                last = "tens and"  # "treinta y dos", "vingt et un", "soixante et onze"
            elif last == "digit" and word in GERMANIC_AND and following == "tens":
                last = "digit and"  # "zwei und vierzig"
            else:
                close()
                pieces.append(word)
                index += 1
                continue
        elif word == "a":
            current, last = 1, "digit"
        elif kind in ("digit", "teen", "tens", "tens digit"):
            if last in (None, "hundred", "thousand", "and"):
                current, last = current + value, kind
            elif last == "tens and" and kind in ("digit", "teen") or last == "digit and" and kind == "tens":
                current, last = current + value, "tens digit"
            elif kind == "digit" and last == "tens":
                current, last = current + value, "tens digit"
            elif kind == "teen" and last == "tens" and current % 100 in (60, 80):
                current, last = current + value, "teen"  # "soixante-dix", "quatre-vingt-onze"
            elif word in ("sept", "huit", "neuf") and last == "teen" and current % 100 in (10, 70, 90):
                current, last = current + value, "tens digit"  # "dix-sept", "soixante-dix-huit"
            elif word in ("vingt", "vingts") and last == "digit" and current % 100 == 4:
                current, last = current + 76, "tens"  # "quatre-vingt"
            elif (kind != "digit" and last == "digit" and total == 0 and 0 < current < 10 and word in ENGLISH_NUMBER_WORDS
                  and units[index - 1] in ENGLISH_NUMBER_WORDS):
                current, last = current * 100 + value, kind  # "one fifty" is 150
            else:
                fits = False
        elif kind == "hundreds":
            if last in (None, "thousand", "and") and current == 0:
                current, last = value, "hundred"  # "ciento", "doscientos", "mil e duzentos"
            else:
                fits = False
        elif kind == "hundred":
            if last is None:
                current, last = 100, "hundred"
            elif last in ("digit", "teen", "tens", "tens digit") and 0 < current < 100:
                current, last = current * 100, "hundred"
            elif last in ("thousand", "and") and current == 0 and total > 0:
                current, last = 100, "hundred"  # "duemilacento"
            else:
                fits = False
        elif kind == "thousand":
            if last is not None and last not in AND_STATES and total == 0 and current > 0:
                total, current, last = current * 1000, 0, "thousand"
            elif last is None and word != "thousand" and following in ("digit", "teen", "tens", "tens digit", "hundreds", "hundred", "and"):
                total, last = 1000, "thousand"  # "mil doscientos", "mille cinquecento", "mil e duzentos"
            else:
                fits = False
        else:
            fits = False
        if fits:
            used.append(word)
            index += 1
        elif last is None:
            pieces.append(word)
            index += 1
        else:
            close()
    close()
    return pieces


def _starts_a_word(lowered: str, pieces: tuple[str, ...]) -> bool:
    """Whether a word of `lowered` starts with one of `pieces`: plain string searches, so "none" or "often" in a long
    text do not send it to the tokenizer, whose tokens all start a word."""
    for piece in pieces:
        position = lowered.find(piece)
        while position >= 0:
            if position == 0 or not lowered[position - 1].isalpha():
                return True
            position = lowered.find(piece, position + 1)
    return False


def read_spoken_numbers(text: str) -> SpokenText:
    """`text` with numbers said in words written in digits, as dictation software leaves them: "hemoglobin eight point two
    grams per deciliter comma platelets forty five thousand" -> "hemoglobin 8.2 grams per deciliter, platelets 45000";
    "times ten to the ninth" -> "x10^9"; "A N C" -> "ANC"; "10 point 4" -> "10.4"; Spanish, Italian, French, Portuguese,
    German and Dutch number words too ("nueve coma cuatro" -> "9.4", "centoquaranta mila" -> "140000") when the text
    has a decimal, hundred or thousand word of theirs. A lone "one" ("one of them"), a lone word that is also an
    ordinary word ("un", "once", "due") and numbers that count days, doses or units ("two weeks") stay in words. Cheap
    when the text has no number words: then `text` is `original`. Read `.text`, and map a span found in it back with
    `.original_span(start, end)`."""
    lowered = text.lower()
    english = _starts_a_word(lowered, NUMBER_WORD_PIECES)
    other = _says_other_numbers(lowered)
    spaced = SPACED_CAPITALS_RE.search(text) is not None or any(spelled in lowered for spelled in SPELLED_LOWER)
    digits_point = "point" in lowered or "period" in lowered
    if not (english or other or spaced or digits_point):
        return SpokenText(text, text)
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    written = copied = 0  # length of the text written so far; where the copy of the original stopped
    tokens: list = list(OTHER_TOKEN_RE.finditer(text)) if other else list(SPOKEN_TOKEN_RE.finditer(text)) if english or spaced else []
    if spaced:
        tokens += list(SPELLED_RE.finditer(text))
    if digits_point:
        tokens += list(DIGITS_POINT_RE.finditer(text))
    tokens.sort(key=lambda token: token.start())
    for token in tokens:
        kind = token.lastgroup
        said = token.group(0)
        start = token.start()
        if start < copied:
            continue  # inside a token already read
        replacement = None
        if kind == "multiplier":
            replacement = "x10^" + SPOKEN_POWERS[token.group("power").lower()]
        elif kind == "number":
            words = ["point" if word == "period" else word for word in re.split(r"[ \t]+|-", said.lower())]
            counts_other = ((NOT_A_VALUE_RE.match(text, token.end()) or other and OTHER_NOT_A_VALUE_RE.match(text, token.end()))
                            and not SPOKEN_MULTIPLIER_AFTER_RE.match(text, token.end()))
            noun_point = words[0] == "point" and NOUN_BEFORE_RE.search(text, max(0, start - 12), start)
            percent = SPOKEN_LEXICON.get(words[0], (0, ""))[1] in ("hundred", "hundreds") and PERCENT_BEFORE_RE.search(text, max(0, start - 8), start)
            if words not in (["one"], ["a"]) and not counts_other and not noun_point and not percent:
                replacement = " ".join(_number_from_words(words))
        elif kind == "mark":
            if MARK_CONTEXT_RE.search(text, max(0, start - 30), start) and not re.match(r"[ \t]+of\b", text[token.end():]):
                replacement = "," if said.lower() == "comma" else "."
                while start > copied and text[start - 1] in " \t":
                    start -= 1  # "45 comma" is "45,"
        elif kind is None and said[0].isdigit():
            replacement = re.sub(r"[ \t]+(?:point|period)[ \t]+", ".", said, flags=re.IGNORECASE)  # "10 point 4"
        else:
            joined = said.replace(" ", "")
            replacement = joined if ANALYTE_RE.fullmatch(joined) else None
        if replacement is None or replacement == said:
            continue
        parts.append(text[copied:start])
        written += start - copied
        pieces.append((written, written + len(replacement), start, token.end()))
        parts.append(replacement)
        written += len(replacement)
        copied = token.end()
    if not pieces:
        return SpokenText(text, text)
    parts.append(text[copied:])
    return SpokenText(text, "".join(parts), tuple(pieces))


def grade_text(text: str, version: str = "5.0", lln: dict[str, float] | None = None, uln: dict[str, float] | None = None) -> list[dict]:
    """Grade every patient lab value in `text` (thresholds after a comparator are skipped).

    Adds a febrile-neutropenia entry when the text gives an ANC below 1.0 x 10^9/L and a fever
    that meets the CTCAE definition.
    """
    version = normalize_version(version)
    spoken = read_spoken_numbers(text)  # "platelets forty five thousand" is read as "platelets 45000"
    labs = [grade_mention(m, version, lln, uln)
            for m in latest_of_timed_repeats(spoken.text, [m for m in find_mentions(spoken.text)
                                                        if not m.is_threshold and not m.supposed and not m.someone_else])]
    if spoken.pieces:  # spans and raw text as the user wrote them
        for lab in labs:
            start, end = spoken.original_span(*lab["span"])
            lab["span"], lab["raw"] = [start, end], text[start:end]
    temperature = find_temperature(spoken.text)
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
