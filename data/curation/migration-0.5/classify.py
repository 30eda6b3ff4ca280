"""Sentence/clause classifier: user text vs curation remarks."""
import re

ABBR = ["ch", "p", "pp", "vol", "e.g", "i.e", "al", "No", "no", "St", "approx", "vs", "cf", "Dr", "fig", "Fig", "ed", "eds", "Mr", "Mrs", "etc", "Jr", "min", "max", "c", "ca", "U.S", "incl", "esp"]
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z('\"0-9])")

def sentences(text):
    parts = _SPLIT.split(text.strip())
    out = []
    for part in parts:
        if out:
            prev = out[-1]
            m = re.search(r"(\b[\w.]+)\.$", prev)
            if m and (m.group(1) in ABBR or re.fullmatch(r"[A-Z]", m.group(1))):
                out[-1] = prev + " " + part
                continue
        out.append(part)
    return out

CURATION = [
    r"\bseed\b", r"curator", r"curation", r"\bcurated\b", r"\bour\b", r"\bours\b", r"\bwe\b", r"\bus\b(?!\.)",
    r"retriev", r"\bnot seen\b", r"\bwas not seen\b", r"\bwere not seen\b", r"\bseen only in\b", r"\bnot shown\b", r"excerpt", r"flashcard",
    r"unconfirm", r"\bconfirm", r"\bverified\b",
    r"\b(?:sources?|pages?|abstract|text|texts|material|summar(?:y|ies)|caption|figure)\s+(?:we\s+)?read\b",
    r"\bread (?:on|through|only)\b", r"\bwas read\b",
    r"\bpublic (?:material|text|page|pages|source|sources)\b", r"\bround[- ]?\d\b", r"\bformer (?:combined|single)\b", r"\breplaces round\b",
    r"\bkept as one\b", r"\bkept with\b", r"\bis kept\b", r"\bare kept\b", r"\bstays? one record\b", r"\bid is kept\b", r"\bnot recorded\b", r"\bis recorded\b",
    r"\bare recorded\b", r"\brecorded (?:here|as|without|only)\b", r"\bleft out\b", r"\bmodell?ed\b", r"\bmapped\b", r"\blabel(?:led)? (?:is|by)\b",
    r"\bthe label\b", r"\bzones? (?:class )?(?:is |are |was |were )?(?:assigned|decided|set|chosen|picked)\b", r"\bour choice\b", r"\bour reading\b",
    r"\bessential (?:vs\.?|versus|and|or) spillover\b", r"\bdo(?:es)? not split\b", r"\bwithout splitting\b", r"\bno split\b", r"\bnot mark",
    r"\b(?:this|that|the|one|a|another|other|each|both|some|these|two|three|several|many|most|few|no|which|his|its|whose) (?:web )?(?:pages?|sites?|websites?|blogs?|posts?)\b",
    r"\bclinic (?:page|post|site)s?\b", r"\bpractitioner (?:page|summar)", r"\bself-help page", r"\bsecondary pages\b",
    r"\b(?:the|other|both|no|one|two|these|all|some|several|most|three|four|any|either|neither|each|those|which|secondary|public|two independent|manual-following|manual-derived|manual-based)\s+sources?\b(?! of)",
    r"\bsources? (?:disagree|differ|agree|give|say|name|describe|list|do|does|read|seen|cited|confirm|consulted|place|put|show|attribute|mention|add)\b",
    r"\bmanual-(?:derived|based|following)\b", r"\bnot (?:from|attributed to) the manual\b", r"\bmanual's own\b",
    r"\b\w[\w-]*\.(?:com|org|net|ca|se|tv|co\.uk|info|us|in|au|nz|it\.com)\b", r"\bwebmanmed\b", r"\bnielasher\b", r"\bniel[- ]asher\b", r"\bnamtpt\b",
    r"\bmedlink\b", r"\bpainwiki\b", r"\bpainwhisperer\b", r"\baberdeen\b", r"\btriggerpoints3d\b", r"\bmassagelibrary\b", r"\bwestsub", r"\bwest suburban\b",
    r"\bthe wellness digest\b", r"\bintegrative works\b", r"\bmassage today\b", r"\bsinew channels\b", r"\bfpnotebook\b", r"\bpainscience\b",
    r"\btriggerpointselfhelp\b", r"\btriggerpointtherapist\b", r"\btriplerspa", r"\bmorningside\b", r"\bpainalog\b", r"\bfitness-vip\b", r"\bbeyond trigger points\b",
    r"\baccording to\b", r"\bper the\b",
    r"\bnot found\b", r"\bcould not be (?:found|located|checked|confirmed|seen|retrieved)\b", r"\bno (?:page|source|text)\b", r"\bnot (?:given|stated|described|pinned|attributed)\b.*\bsource",
    r"\bdisagree", r"\bdiffer\b", r"\bunauthori[sz]ed\b", r"\bmirror\b", r"\bstudy guide\b", r"\btranscript\b", r"\bdavies\b", r"\bworkbook\b",
    r"\bchosen by\b", r"\bassigned by\b", r"\bplaced (?:here|with|on) (?:the |this )?(?:TrP|point|record|back fibres)", r"\bplaced\b.*\bby (?:the )?(?:curator|us)\b", r"\bset by\b", r"\bdecided by\b", r"\bthis record\b", 
    r"\bsplit (?:out|in|from|of)\b", r"\bsplit\b.*\b(?:record|point)s?\b", r"\bnumbering\b", r"\bthe data\b", r"\bdataset\b", r"\bwas not\b.*\b(?:found|seen|given)\b",
    r"\bneither\b.*\bties?\b", r"\bdoes not tie\b", r"\bdo not tie\b", r"\bdrchernov\b", r"\bcaption\b", r"\bpages?\b", r"\bdescribed separately\b",
    r"\bweb-[a-z0-9-]+\b", r"\bthe excerpt\b", r"\bstored copy\b",
    r"\b247 econsult\b", r"\brobertson\b", r"\bhubbard\b", r"\btpsh\b", r"\bnot stated\b", r"\bsame \(essential\) zone\b", r"\bthis records\b",
    r"\btaken as the core\b", r"\bare taken as\b", r"\bthe data\b",
    r"\bneither marks\b", r"\bsolid and stippled\b", r"\babbottcenter\b", r"\bthat article\b", r"\barticle says\b", r"\bas reported\b", r"\bpubmed\b",
    r"\bassign", r"\bmuscle-joint-pain\b", r"\bties this\b",
    r"\bmyopainsolutions\b", r"\breport (?:puts|lists)\b", r"\bis named as\b",
    r"\biliveok\b", r"\brecorded under\b",
    r"\bpaywall", r"\bfull text\b", r"\bthe id\b", r"\btp:[a-z]", r"\bregion:[a-z]", r"\bmuscle:[a-z]", r"\bsource:[a-z]", r"\bone summary\b", r"\bsummaries\b",
    r"\badds?\b.*\bpage\b", r"\balso names\b", r"\bthe pages?\b",
]
_CUR = re.compile("|".join(CURATION), re.I)
_CUR_CS = re.compile(r"\b[A-Z][\w-]+ (?:says|adds|lists|places|puts|gives|names|describes|notes|calls)\b")

def is_curation(clause):
    return _CUR.search(clause) is not None or _CUR_CS.search(clause.replace("The manual", "the manual").replace("Travell", "travell")) is not None

def hits(clause):
    return sorted({m.group(0).lower() for m in _CUR.finditer(clause)})

def _tidy(text):
    text = text.strip().strip(";,").strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if not re.search(r"[.!?)'\"]$", text):
        text += "."
    elif text.endswith(")") and not text.endswith(".)"):
        text += "."
    return text

_PAREN = re.compile(r"\s*\(([^()]*)\)")

def _clause(clause, user, cur):
    if not is_curation(clause):
        user.append(clause)
        return
    outside = _PAREN.sub("", clause)
    if not is_curation(outside) and outside.strip():
        user.append(_PAREN.sub(lambda m: m.group(0) if not is_curation(m.group(1)) else "", clause))
        cur.extend(m.group(1) for m in _PAREN.finditer(clause) if is_curation(m.group(1)))
        return
    cur.append(clause)

def split_text(text):
    """Return (user, curation) for a text."""
    user, cur = [], []
    for sentence in sentences(text):
        core = sentence.rstrip()
        end = ""
        if core.endswith("."):
            core, end = core[:-1], "."
        clauses = [c for c in re.split(r";\s+", core) if c.strip()]
        u, c = [], []
        for clause in clauses:
            _clause(clause, u, c)
        if u:
            user.append(_tidy("; ".join(u)))
        if c:
            cur.append(_tidy("; ".join(c)))
    return " ".join(user), " ".join(cur)

SPLIT_PATTERNS = [
    r"zone(?: class)? (?:is |was |are )?(?:assigned|decided|set|chosen)(?: here)? by (?:the )?(?:curator|us)",
    r"zones? (?:assigned|chosen|set) by (?:the )?(?:curator|us)",
    r"(?:spillover|essential)(?: zone)? (?:is|as) our (?:choice|reading)",
    r"(?:spillover|essential)(?: zone)? (?:assigned|chosen|set) by (?:the )?curator",
    r"essential (?:vs|versus) spillover (?:is our|chosen by)",
    r"zones (?:per point )?.*(?:curator's|our) (?:reading|choice)",
    r"(?:kept|marked|stays) (?:as )?spillover.*(?:curator|by us|our choice)",
    r"spillover here is the curator's",
    r"curator (?:records|set|sets) .*(?:spillover|essential)",
    r"region and zone are chosen by us",
    r"chose spillover",
    r"which zones belong .* curator's reading",
    r"main zone is the curator's",
    r"zone is set by the curator",
    r"essential chosen by curator",
    r"(?:and )?kept as spillover",
    r"zone chosen by the curator",
    r"spillover chosen by the curator",
    r"zone assigned by curator",
    r"zone set by the curator",
]
_SPLITRE = re.compile("|".join(SPLIT_PATTERNS), re.I)

def curator_split(text):
    return _SPLITRE.search(text) is not None
