"""The surface grammar of temporal expressions: one compiled regular expression per construction.

Each rule is a name and a pattern with named groups; :mod:`claimgraph.extract.times.rules` turns
a match into a type and a TIMEX3 value. The patterns run over ``doc.text`` (one C-level scan per
rule, compiled once), so offsets are character offsets from the start, with no per-token Python
loop. Month and weekday names match capitalised only ("May", not the verb "may"); the rest is
case-insensitive through scoped ``(?i:...)`` groups.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimgraph.extract.times.lexicon import alternation, lexicon

_B = r"(?<![\w'])"  # a word starts here (not inside a word or after an apostrophe)
_E = r"(?![\w])"  # a word ends here


def _fragments() -> dict[str, str]:
    lx = lexicon()
    units_1 = "(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries)"
    small = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word_num = (
        f"(?:{alternation(tens)}(?:[- ]{alternation(small[:9])})?|{alternation(small)}"
        r"|(?:a|one|two|three|four|five)\s+hundred|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|half\s+an?|a|an)"
    )
    num = (
        rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|{word_num}(?:\s+and\s+a\s+half)?"
        rf"|{alternation(lx.vague_numbers)})"
    )
    year = r"(?<![\d$£€.,/])(?:(?<!\d-)|(?<=\d{4}-))(?:1[1-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|'?s(?![\w])|\s*(?i:percent|per\s+cent))"
    spelled_year = (
        rf"(?:nineteen[- ](?:hundred|{alternation(tens)}(?:[- ]{alternation(small[:9])})?|{alternation(small[:9] + small[9:])})"
        rf"|two\s+thousand(?:[- ](?:and[- ])?(?:{alternation(small)}))?)"
    )
    month = alternation(lx.months, flexible_space=False) + r"(?![\w])"
    weekday = alternation(lx.weekdays, flexible_space=False) + r"(?![\w])"
    mod = (
        r"(?:(?:early|late|mid|the\s+mid)(?:-|\s+)|(?:the\s+)?(?:very\s+)?(?:middle|end|beginning|start|close|"
        r"latter\s+part|early\s+part|rest)\s+of\s+(?:the\s+)?)"
    )
    return {
        "UNIT": units_1,
        "NUM": num,
        "YEAR": year,
        "SPELLED_YEAR": spelled_year,
        "MONTH": month,
        "WEEKDAY": weekday,
        "MOD": mod,
        "DAYPART": alternation(lx.dayparts),
        "SEASON": r"(?:spring|summer|fall|autumn|winter)",
        "ORD": alternation(lx.ordinals),
        # "a two day meeting": a number before a singular unit is an adjective, the article is not
        # part of the duration
        "ADJ_DURATION": r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety)\s+"
                        r"(?:second|minute|hour|day|week|month|year|decade)(?![\w-])",
        "ZONE": r"(?:[ECMP][SD]?T|GMT|UTC)",
    }


#: (rule name, pattern); patterns use {FRAGMENT} placeholders filled from ``_fragments``
RULES: tuple[tuple[str, str], ...] = (
    ("date_md",
     r"(?:(?P<weekof>(?i:the\s+week\s+of))\s+|(?i:the\s+(?P<partof>{DAYPART})\s+of)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?i:the\s+)?(?P<mod>(?i:{MOD})))?"
     r"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<mon>{MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d/]|:\d)(?:,?\s+(?P<year>{YEAR}))?"),
    ("date_dm",
     r"(?:(?P<wd>{WEEKDAY}),?\s+)?(?i:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?i:of\s+)?(?P<mon>{MONTH})"
     r"(?:,?\s+(?P<year>{YEAR}))?"),
    ("date_num", r"(?<![\d/.-])(?:(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)|(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>(?:19|20)?\d\d))(?![\d/])"),
    ("month",
     r"(?:(?P<mod>(?i:{MOD})))?(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+)?(?P<mon>{MONTH})"
     r"(?:,?\s+(?i:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>(?i:{SPELLED_YEAR}))|(?P<yrel>(?i:this|last|next))\s+(?i:year)))?"),
    ("year",
     r"(?:(?i:the\s+)?(?P<mod>(?i:{MOD})))?(?:(?P<pre>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+(?:fiscal\s+|calendar\s+)?year|post-|pre-))\s*)?"
     r"(?P<year>{YEAR})(?P<tail>(?:\s+(?i:or\s+(?:later|earlier|so)))|(?:\s+(?i:period)))?"),
    ("year_the_period", r"(?i:the)\s+(?P<year>{YEAR})\s+(?i:period|fiscal\s+year|season)"),
    ("spelled_year",
     r"(?:(?i:the\s+)?(?P<mod>(?i:{MOD})))?(?i:(?:the\s+)?year\s+)?(?P<spelled>(?i:{SPELLED_YEAR}))"),
    ("decade",
     r"(?i:(?:the\s+)?(?P<mod>{MOD})?)(?:(?P<c>1[0-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s(?![\w])"),
    ("decade_word",
     r"(?i:the\s+(?P<mod>{MOD})?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"),
    ("century",
     r"(?i:(?:the\s+)?(?P<mod>{MOD})?(?:(?P<ord>{ORD}|\d{{1,2}}(?:st|nd|rd|th))[- ]century|(?P<rel>this|last|next|the\s+last|the\s+past|the\s+next|the\s+previous)\s+century))"),
    ("weekday",
     r"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|early|late|mid-))(?:\s+|(?<=-)))?"
     r"(?:(?P<part0>(?i:{DAYPART}))\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>(?i:{DAYPART})))?"),
    ("weekday_set", r"(?:(?i:every|each|on)\s+)?(?P<wd>{WEEKDAY})s(?![\w'])(?:\s+(?P<part>(?i:{DAYPART}))s)?"),
    ("clock",
     r"(?:(?P<approx>(?i:around|about|approximately|shortly\s+(?:after|before)|just\s+(?:after|before)|at\s+about))\s+)?"
     r"(?:(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am(?![\w])|pm(?![\w])))"
     r"|(?P<h2>[012]?\d):(?P<m2>[0-5]\d)(?!\d)(?=\s*(?i:o'clock|{ZONE}|local\s+time))"
     r"|(?P<h3>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:o'clock)"
     r"|(?P<word>(?i:noon|midnight|midday)))"
     r"(?:\s+(?P<zone>{ZONE}))?(?:(?:,?\s+|\s+(?i:on)\s+)(?P<when>{WEEKDAY}|(?i:today|yesterday|tomorrow)|{MONTH}\s+[0-3]?\d))?"),
    ("daypart",
     r"(?i:(?:the\s+|(?P<mid>mid)[\s-]?)(?P<part>morning|afternoon|evening))(?![\w-])(?!\s+(?:of|news|paper|show|edition|session|star|prayers?)\b)"),
    ("clock_part", r"(?P<h>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+(?i:in\s+the\s+(?P<part>morning|afternoon|evening))"),
    ("deictic",
     r"(?i:(?:(?P<mod>late|early)\s+)?(?:(?P<part0>{DAYPART})\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{DAYPART}))?"
     r"|(?P<this>this|last|tomorrow|yesterday)\s+(?P<part2>{DAYPART})"
     r"|the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow))"),
    ("relative",
     r"(?i:(?:(?P<mod>{MOD}|earlier|later|early|late)\s*)?(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+past|the\s+coming|the\s+previous|the\s+following|the\s+next|the\s+current|the\s+latest|the\s+last|the\s+same|previous|past|coming|that|that\s+same)\s+"
     r"(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>week|weekend|month|year|quarter|half|decade|century|{SEASON})(?![\w-])(?P<orso>\s+or\s+so)?)"),
    ("in_the_year", r"(?i:(?P<mod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day))"),
    ("year_end", r"(?i:(?:around\s+)?(?:year[- ]end|year's\s+end))(?![\w-])"),
    ("part_of_the", r"(?i:(?:the\s+)?(?:end|beginning|middle|start|rest|remainder|close|balance)\s+of\s+the\s+(?P<unit>week|month|year|quarter|decade|century))(?![\w-])"),
    ("the_week", r"(?i:the\s+week)(?![\w-])(?!\s+(?:of|before|after|earlier|later|ahead|ending|ended)\b)"),
    ("ago",
     r"(?i:(?P<approx>(?:almost|nearly|about|some|roughly|more\s+than|less\s+than|over|just\s+over|just|around|at\s+least)\s+)?"
     r"(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)(?![\w]))"),
    ("unit_after",
     r"(?i:(?:the\s+)?(?P<unit>day|week|month|year|night|morning|evening)\s+(?P<dir>before|after|earlier|later)(?=\s*[,.;:)\"']|\s*$)"
     r"|(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|that|that\s+same|the\s+same|earlier\s+that|later\s+that)\s+(?P<unit2>day|week|month|year|morning|afternoon|evening|night)(?![\w-]))"),
    ("year_ago_adj",
     r"(?i:(?:the\s+(?:(?:comparable|corresponding|same)\s+)?(?=\S+\s+(?:(?:first|second|third|fourth)[\s-]+)?(?:quarter|period|nine|six)))?"
     r"(?P<adj>year-(?:ago|earlier|before)|year\s+ago|prior-year|previous-year)(?:\s+(?P<what>(?:(?:first|second|third|fourth)[\s-]+)?quarter|period|nine\s+months|six\s+months))?)"),
    ("duration",
     r"(?i:(?P<approx>(?:almost|nearly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|as\s+many\s+as|as\s+long\s+as)\s+)?"
     r"(?:(?P<det>the|a|an|another|this|that)\s+(?![\w.]+-(?:second|minute|hour|day|week|month|year|decade))(?!{ADJ_DURATION}))?(?:(?P<rel>past|last|next|first|final|coming|previous|following|latest|initial|remaining|additional|further|full|entire|whole|same)\s+)?"
     r"(?P<num>{NUM})(?:\s+(?:to|or|-)\s+(?P<num2>{NUM}))?(?:\s+(?:more|additional|straight|consecutive|full|long))?[\s-]+(?P<unit>{UNIT})(?P<suf>-long)?"
     r"(?:\s+(?P<ahead>ahead|or\s+so))?(?![\w-]))"),
    ("bare_units",
     r"(?:(?<=[Ff]or )|(?<=in )|(?<=within )|(?<=over )|(?<=after )|(?<=took )|(?<=take )|(?<=than )|(?<=lasted ))"
     r"(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)(?![\w-])(?:\s+or\s+(?P<unit2>years|months|weeks|days))?"
     r"|(?<=the )(?P<unit3>years|months|weeks|days|hours)(?=\s+(?:before|after|that\s+followed|following|preceding|leading|since|to\s+come))"),
    ("decades_long", r"(?i:(?P<unit>years|months|weeks|days|decades|hours|day|week|month|year|hour)-long)(?![\w-])"),
    ("quarter",
     r"(?i:(?:the\s+(?![a-z0-9]+-(?:fiscal-)?(?:quarter|half)))?(?:(?P<yr>{YEAR}|this\s+year|last\s+year|next\s+year)(?:'s)?\s+)?(?:(?P<fiscal>fiscal|calendar)[\s-]+)?"
     r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|next|previous|prior|same|recent|just-ended|just-completed|year-ago|year-earlier|corresponding)?[\s-]*"
     r"(?:(?P<fiscal2>fiscal|calendar)[\s-]+)?(?P<q>quarter|half|period)(?![\w-])"
     r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<yr2>{YEAR})|(?P<yrel>this|last|next)\s+year|the\s+year))?)"),
    ("season",
     r"(?i:(?:(?:the\s+)?(?P<mod>{MOD}|early|late))?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+past|the\s+coming|the)\s+)?(?P<season>{SEASON})(?!\w)"
     r"(?:\s+(?:of\s+)?(?P<year>{YEAR}|{SPELLED_YEAR}))?)"),
    ("fuzzy", r"(?i:{FUZZY})(?![\w-])"),
    ("recent_units",
     r"(?i:(?:the\s+)?(?P<rel>recent|coming|past|the\s+coming|the\s+past)\s+(?P<unit>years|months|weeks|days|decades|quarters)(?:\s+and\s+(?:months|weeks|years|days))?(?:\s+ahead)?)(?![\w-])"),
    ("set",
     r"(?i:(?P<word>{SETWORDS})(?![\w-])|(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|morning|evening|afternoon)(?![\w-])"
     r"|(?P<freq>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{UNIT}))"),
    ("each_name", r"(?i:every|each)\s+(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH}))"),
    ("the_year", r"(?i:the\s+(?P<which>full\s+|entire\s+|whole\s+|fiscal\s+|calendar\s+)?year)(?![\w-]|'s)"),
    ("weekend", r"(?i:the\s+weekend)(?![\w-])"),
    ("holiday", r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>{HOLIDAYS})(?:,?\s+(?P<year>{YEAR}))?"),
)


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rules, compiled once per process."""
    lx = lexicon()
    frags = _fragments()
    frags["FUZZY"] = alternation(lx.fuzzy)
    frags["SETWORDS"] = alternation(lx.sets)
    frags["HOLIDAYS"] = alternation(lx.holidays) + r"(?![\w])"
    out = []
    for name, pattern in RULES:
        filled = pattern
        # two passes: fragments may contain other fragments
        for _ in range(2):
            for key, value in frags.items():
                filled = filled.replace("{" + key + "}", value)
        filled = filled.replace("{{", "{").replace("}}", "}")
        out.append((name, re.compile(_B + "(?:" + filled + ")")))
    return tuple(out)
