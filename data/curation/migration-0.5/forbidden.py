import json, re, sys
FORBIDDEN = [
    r"\bseed\b", r"\bcurat\w*", r"\bretriev\w*", r"\bthis page\b", r"\bthat page\b", r"\bthe page\b", r"\bpages?\b", r"\bflashcards?\b",
    r"\bexcerpts?\b", r"\bunconfirmed\b", r"\bconfirm\w*", r"\bour\b", r"\bours\b", r"\bwe\b", r"\bus\b", r"\bround[- ]?\d\b",
    r"\b(?:sources?|pages?|text|material) read\b", r"\bnot seen\b", r"\bpublic (?:material|text|pages?|sources?)\b", r"\bthe sources?\b",
    r"\bsources (?:say|give|disagree|differ|describe)\b", r"\bzones? (?:assigned|chosen|set|decided)\b", r"\bchosen by\b", r"\bassigned by\b",
    r"\bnot recorded\b", r"\bis recorded\b", r"\bleft out\b", r"\bthe record\b", r"\bthis record\b", r"\bmodell?ed\b", r"\bid\b",
    r"\bclinic (?:page|post|blog)\b", r"\bblog\b", r"\bweb ?sites?\b", r"\b\w[\w-]*\.(?:com|org|net|ca|se|tv|co\.uk|info)\b",
    r"\bmirror\b", r"\bcaption\b", r"\bwebmanmed\b", r"\bnamtpt\b", r"\bmedlink\b", r"\bniel[- ]?asher\b", r"\btriggerpoints3d\b",
    r"\bpubmed\b", r"\bdataset\b", r"\b(?:tp|region|muscle|source|relation):[a-z]",
]
RE = re.compile("|".join(FORBIDDEN), re.I)
D = json.load(open(sys.argv[1]))
USER = ('note', 'description', 'location', 'palpation', 'mechanism', 'caution', 'action', 'name', 'label')
def walk(obj, path):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str) and k in USER and v:
                yield f"{path}.{k}", v
            elif isinstance(v, (list, dict)):
                yield from walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            key = (v.get('id') or v.get('region') or v.get('muscle')) if isinstance(v, dict) else i
            yield from walk(v, f"{path}[{key}]")
n = 0
for sec in ['sources', 'trigger_points', 'relations', 'factors', 'symptoms', 'conditions', 'treatments', 'muscles', 'regions']:
    for path, text in walk(D[sec], sec):
        found = sorted({m.group(0).lower() for m in RE.finditer(text)})
        if found:
            n += 1
            print(path, found, '||', text)
print(n, file=sys.stderr)
