"""Data 0.5 migration (mechanical): source tiers, publishers, concerns; curation apart from user text; split origin."""
import json, sys, re
from urllib.parse import urlparse
sys.path.insert(0, '/tmp/ev')
import classify as C

PATH = '/work/main/src/triggerpoints/data/triggerpoints.json'
D = json.load(open(PATH, encoding='utf-8'))
SECTIONS = ['sources', 'trigger_points', 'relations', 'factors', 'symptoms', 'conditions', 'treatments']
FIELDS = ('note', 'description', 'location', 'palpation', 'mechanism', 'caution')

# ---- tiers ----------------------------------------------------------------------
PEER_REVIEWED_HOSTS = {'pubmed.ncbi.nlm.nih.gov', 'pmc.ncbi.nlm.nih.gov', 'e-arm.org', 'e-ultrasonography.org',
                       'bioline.org.br', 'journalijar.com', 'metajournal.com', 'pmrjabstracts.org'}
PEER_REVIEWED_IDS = {'source:web-scribd-ischemic-compression-upper-trapezius', 'source:web-studylib-jankovic-frozen-shoulder'}
PROFESSIONAL_HOSTS = {'check.myofascialtherapy.org', 'myofascialtherapy.org', 'medlink.com', 'webmanmed.com', 'fpnotebook.com',
                      'physio-pedia.com', 'massagetoday.com', 'amtamassage.org', 'abmp.com', 'ebooks.elitelearning.com',
                      '247econsult.net', 'contemporaryobgyn.net'}
PUBLISHERS = {  # host -> publisher, where one publisher spans several hosts
    'check.myofascialtherapy.org': 'NAMTPT (myofascialtherapy.org)', 'myofascialtherapy.org': 'NAMTPT (myofascialtherapy.org)',
    'stuarthindsacademy.squarespace.com': 'Stuart Hinds', 'stuarthindsacademy.com': 'Stuart Hinds', 'stuart-hinds.com': 'Stuart Hinds',
    'filmov.tv': 'Stuart Hinds', 'hubbardfoundation.org': 'Hubbard Foundation', 'hubbardfoundation.squarespace.com': 'Hubbard Foundation',
    'massagetoday.com': 'Massage Today', 'amtamassage.org': 'Massage Today', 'nielasher.com': 'Niel-Asher', 'triggerpoints3d.com': 'Niel-Asher',
    'saveyourself.ca': 'PainScience.com', 'painscience.com': 'PainScience.com',
}
PUBLISHER_IDS = {
    'source:web-nielasher-master-course-leg-foot': 'Niel-Asher',
    'source:web-eccrsd-gluteus-medius-tendinitis': 'Eastern athletic trainers (eccrsd.us)',
    'source:web-pubmed-knee-pain-trp-prevalence': 'PMID 31987560',
    'source:web-pmc-soleus-si-referral': 'PMC2696782',
    'source:web-pmc-interossei-hand-pain': 'Alyanak et al.',
    'source:web-scribd-ischemic-compression-upper-trapezius': 'Fernández-de-las-Peñas et al.',
    'source:web-studylib-jankovic-frozen-shoulder': 'Jankovic et al.',
    'source:web-scribd-referred-pain-notes': 'Scribd user notes (Dolores Referidos)',
    'source:web-kneepainout-big-toe-pain': 'kneepainout',
}
CONCERNS = {
    'source:web-orleanscoreelements-trapezius': ('not-found', 'The audit for data 0.5 could not find this page again.'),
    'source:web-findhealthclinics-subscapularis': ('not-found', 'The audit for data 0.5 could not find this post again.'),
    'source:web-findhealthclinics-wrist-extensors': ('mirror', 'A clinic directory reposting a clinic\'s social-media post.'),
    'source:web-wisdomdanax-biceps-referral': ('spam', 'Looks like a spam blog; webmanmed\'s infraspinatus page states the same satellite relation.'),
    'source:web-galantdesign-low-back-myofascial': ('spam', 'Medical text on an unrelated design company\'s domain.'),
    'source:web-handwiki-piriformis-syndrome': ('mirror', 'A copy of a Wikipedia article.'),
    'source:web-aneskey-brachioradialis-syndrome': ('mirror', 'A copy of a textbook chapter on a collection site.'),
    'source:web-clinicalpub-anconeus-syndrome': ('mirror', 'Reads as a copied chapter of a pain-injection atlas.'),
    'source:web-nielasher-master-course-leg-foot': ('mirror', 'A copy of a course chapter on a document-sharing site.'),
    'source:web-nearsay-serratus-posterior-inferior': ('mirror', 'A business directory reposting a clinic\'s post.'),
    'source:web-nearsay-abdominal-trigger-points': ('mirror', 'A business directory reposting a clinic\'s post.'),
    'source:web-fitnessvip-upper-torso': ('mirror', 'Reproduces a textbook\'s trigger point section (Richter & Hebgen) without saying so.'),
    'source:web-fitnessvip-lower-torso': ('mirror', 'Reproduces a textbook\'s trigger point section (Richter & Hebgen) without saying so.'),
}
CONTENT_FARMS = {'seekhealthz.com', 'biologyinsights.com', 'iliveok.com', 'ygoy.com', 'ora.it.com', 'e-healtharticles.com', 'knowledge-builders.org'}
VIDEO_MIRRORS = {'filmov.tv'}

def host(url):
    h = (urlparse(url).hostname or '').lower()
    return h[4:] if h.startswith('www.') else h

def tier_of(s):
    h = host(s.get('url') or '')
    if s['kind'] in ('book', 'book-chapter'):
        return 'textbook'
    if s['kind'] == 'article' or h in PEER_REVIEWED_HOSTS or s['id'] in PEER_REVIEWED_IDS:
        return 'peer-reviewed'
    if h in PROFESSIONAL_HOSTS:
        return 'professional-summary'
    return 'practitioner'

def migrate_source(s):
    h = host(s.get('url') or '')
    out = {}
    publisher = 'Travell & Simons' if s['id'].startswith('source:ts-') else PUBLISHER_IDS.get(s['id']) or PUBLISHERS.get(h)
    concern = CONCERNS.get(s['id'])
    if concern is None and h in CONTENT_FARMS:
        concern = ('content-farm', 'A content farm: generated or aggregated health text with no author who stands behind it.')
    if concern is None and h in VIDEO_MIRRORS:
        concern = ('mirror', 'A video mirror site reposting another channel\'s video and its description.')
    curation = ' '.join(x for x in (s.get('note', ''), concern[1] if concern else '') if x)
    for key, value in s.items():
        if key == 'note':
            continue
        out[key] = value
        if key == 'kind':
            out['tier'] = tier_of(s)
        if key == 'accessed':
            if publisher:
                out['publisher'] = publisher
            if concern:
                out['concern'] = concern[0]
    if curation:
        out['curation'] = curation
    return out

# ---- text ------------------------------------------------------------------------
from overrides import OVERRIDES, CURATOR_SPLIT_POINTS, NOT_CURATOR_SPLIT

def split(key, text):
    if key in OVERRIDES:
        user, cur = OVERRIDES[key]
        return user, (text if cur == "=" else cur)
    return C.split_text(text)

def rebuild(obj, field, user, cur, extra=None):
    """Return obj with field=user, a curation key after the last text field, and extra keys."""
    out = {}
    existing = obj.get('curation', '')
    curation = ' '.join(x for x in (existing, cur) if x)
    for key, value in obj.items():
        if key == 'curation':
            continue
        out[key] = user if key == field else value
        if key == field and curation and 'curation' not in out:
            out['curation'] = curation
    if curation and 'curation' not in out:
        out['curation'] = curation
    if extra:
        out = extra(out)
    return out

def with_split(r):
    out = {}
    for key, value in r.items():
        out[key] = value
        if key == 'laterality' or (key == 'zone' and 'laterality' not in r):
            out['split'] = 'curator'
    return out

stats = {'texts_changed': 0, 'records': set(), 'curator_splits': 0}

def fix_text(key, obj, field, rid):
    text = obj.get(field) or ''
    if not text:
        return obj
    user, cur = split(key, text)
    if not cur and user == text:
        return obj
    stats['texts_changed'] += 1
    stats['records'].add(rid)
    if field in ('mechanism', 'description') and not user:
        raise SystemExit(f'{key}: a required text would be empty')
    return rebuild(obj, field, user, cur)

for index, source in enumerate(D['sources']):
    if source.get('note'):
        stats['records'].add(source['id'])
    D['sources'][index] = migrate_source(source)

for sec in SECTIONS[1:]:
    for i, rec in enumerate(D[sec]):
        rid = rec['id']
        for f in FIELDS:
            rec = fix_text(f'{rid}.{f}', rec, f, rid)
        for j, r in enumerate(rec.get('referrals', [])):
            original = r.get('note', '')
            r = fix_text(f"{rid}>{r['region']}.note", r, 'note', rid)
            key = f"{rid}>{r['region']}"
            curator = (C.curator_split(original) or rid in CURATOR_SPLIT_POINTS) and key not in NOT_CURATOR_SPLIT
            if curator and r.get('split') != 'curator':
                r = with_split(r)
                stats['curator_splits'] += 1
            rec['referrals'][j] = r
        for j, s in enumerate(rec.get('spared', [])):
            rec['spared'][j] = fix_text(f"{rid}~{s['region']}.note", s, 'note', rid)
        for j, l in enumerate(rec.get('muscles', [])):
            rec['muscles'][j] = fix_text(f"{rid}@{l['muscle']}.note", l, 'note', rid)
        D[sec][i] = rec

print({k: (len(v) if isinstance(v, set) else v) for k, v in stats.items()})
json.dump(D, open("/tmp/ev/migrated.json","w"), indent=1, ensure_ascii=False)
if "--write" in sys.argv:
    with open(PATH, 'w', encoding='utf-8') as handle:
        handle.write(json.dumps(D, indent=1, ensure_ascii=False) + '\n')
    print('written')
