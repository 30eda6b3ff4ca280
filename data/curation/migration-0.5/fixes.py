"""Issue 16 fixes: adductor brevis groin and shin; SCM sternal chin and tongue; gluteus medius TrP3; latissimus key relations; infraspinatus note."""
import json
P = '/work/main/src/triggerpoints/data/triggerpoints.json'
D = json.load(open(P, encoding='utf-8'))
ACC = '2026-12-03'
new_sources = [
    {"id": "source:web-dynamicchiropractic-sternocleidomastoid", "kind": "web-page", "tier": "professional-summary",
     "title": "The sternocleidomastoid muscle (Dynamic Chiropractic article)", "work": "Dynamic Chiropractic (MPA Media)",
     "authors": [], "year": None, "volume": None, "chapter": None, "edition": None,
     "url": "https://mailinglists.mpamedia.com/mpacms/dc/article.php?MERCURYSID=f31194d830b3522dcb5e3a232dc5cbab&id=44247",
     "accessed": ACC, "publisher": "Dynamic Chiropractic",
     "curation": "Read in a stored copy on MPA Media's mailing-list server (article id 44247); the title is descriptive, the page heading was not in the copy. A chiropractic trade-journal article citing the manual: lists the SCM pattern as a whole, including the chin and deep in the throat, with fullness on swallowing."},
    {"id": "source:web-pressurepointer-sternocleidomastoid", "kind": "web-page", "tier": "practitioner",
     "title": "Sternocleidomastoid (SCM) Muscle Location and Trigger Points", "work": "pressurepointer.com",
     "authors": [], "year": None, "volume": None, "chapter": None, "edition": None,
     "url": "http://pressurepointer.com/SCM_trigger_points.htm", "accessed": ACC,
     "curation": "Short self-help page: SCM trigger points can refer pain to the sinuses, teeth and tongue (for the muscle as a whole)."},
]
ids = {s['id'] for s in D['sources']}
for s in new_sources:
    assert s['id'] not in ids
    D['sources'].append(s)

def point(pid):
    return next(p for p in D['trigger_points'] if p['id'] == pid)

# adductor brevis: groin (main zone) and shin
p = point('tp:adductor-brevis-central')
assert not any(r['region'] in ('region:groin', 'region:anterior-leg') for r in p['referrals'])
p['referrals'].insert(0, {"region": "region:groin", "zone": "essential", "split": "curator",
    "note": "A deep, steady ache in the groin, worse with activity.",
    "curation": "Added in data 0.5 (the audit found the groin missing). The Wellness Digest's adductor brevis page names the groin first among its pain areas, and the Morningside page on adductor longus and brevis gives groin and inner-thigh pain for the two together; neither marks essential and spillover, so the zone is the curator's (a main zone, as for the adductor longus).",
    "sources": ["source:web-thewellnessdigest-adductor-brevis", "source:web-morningside-adductor-longus-brevis"]})
p['referrals'].append({"region": "region:anterior-leg", "zone": "spillover", "split": "curator",
    "note": "Occasionally on down into the shin.",
    "curation": "Added in data 0.5 (the audit found the shin missing). The Wellness Digest says adductor brevis pain occasionally travels into the shin; bodyacheescape says longus and brevis pain may extend down the lower leg. 'Occasionally' is read as spillover.",
    "sources": ["source:web-thewellnessdigest-adductor-brevis", "source:web-bodyacheescape-groin-pain"]})
for s in ("source:web-thewellnessdigest-adductor-brevis", "source:web-morningside-adductor-longus-brevis"):
    if s not in p['sources']:
        p['sources'].append(s)

# SCM sternal (mid-level) point: chin and back of the tongue
p = point('tp:sternocleidomastoid-sternal-division')
assert not any(r['region'] in ('region:chin', 'region:tongue') for r in p['referrals'])
p['referrals'].append({"region": "region:chin", "zone": "spillover", "laterality": "ipsilateral", "split": "curator",
    "note": "A small patch over the chin.",
    "curation": "Added in data 0.5 (the audit found the chin missing from the sternal points). The Dynamic Chiropractic article gives the chin for the SCM without naming a division or level; the sternal division is taken from the audit, and the mid-level point and the spillover zone are the curator's placement.",
    "sources": ["source:web-dynamicchiropractic-sternocleidomastoid"]})
p['referrals'].append({"region": "region:tongue", "zone": "spillover", "laterality": "ipsilateral", "split": "curator",
    "note": "Pain at the back of the tongue, felt on swallowing along with the sore throat.",
    "curation": "Added in data 0.5 (the audit found the back of the tongue missing). pressurepointer.com gives the tongue for the SCM as a whole and the Dynamic Chiropractic article a deep throat pain with fullness on swallowing; neither names a division or level, so the placement beside the throat zone of the mid-level sternal point and the spillover zone are the curator's.",
    "sources": ["source:web-pressurepointer-sternocleidomastoid", "source:web-dynamicchiropractic-sternocleidomastoid"]})
throat = next(r for r in p['referrals'] if r['region'] == 'region:throat')
if "source:web-dynamicchiropractic-sternocleidomastoid" not in throat['sources']:
    throat['sources'].append("source:web-dynamicchiropractic-sternocleidomastoid")

# gluteus medius TrP3: follow its one source (the anterior point goes with hip joint pain; the whole low back only with the posterior point)
p = point('tp:gluteus-medius-trp3')
for r in p['referrals']:
    if r['region'] == 'region:hip':
        r['zone'] = 'essential'
        r['note'] = 'Pain felt in and around the hip joint.'
        r['curation'] = ("Data 0.5: made the main zone. The taping blog, this point's only source, ties the anterior point to hip joint pain; "
                         "the zone grading is the curator's (the blog does not use essential and spillover).")
        r['split'] = 'curator'
    if r['region'] == 'region:low-back':
        r['zone'] = 'spillover'
        r['note'] = 'Together with an active TrP1 the pain can spread across the whole lower back.'
        r['curation'] = ("Data 0.5: was essential. The taping blog gives low back pain to the posterior point and says the whole lower back "
                         "hurts when the posterior and anterior points are active together, so this is kept only as spillover. No second public "
                         "source gives TrP3 a pattern of its own; the manual's chapter (cited for the point) was not read.")
        r['split'] = 'curator'
# keep the referrals in zone order: essential first
p['referrals'].sort(key=lambda r: r['zone'] != 'essential')
p['curation'] = (p.get('curation', '') + ' ' if p.get('curation') else '') + (
    "The 0.5 audit found that the one source (a taping blog) does not describe this point as the data did; the zones were changed to follow it.")

# latissimus dorsi key relations: the source speaks of the paraspinal group
for rid in ('relation:latissimus-dorsi-key-iliocostalis-lumborum', 'relation:latissimus-dorsi-key-iliocostalis-thoracis',
            'relation:latissimus-dorsi-key-longissimus-thoracis'):
    r = next(x for x in D['relations'] if x['id'] == rid)
    r['mechanism'] = ("Key trigger points in the latissimus dorsi, which overlies the back muscles, are named for the paraspinal muscles as a "
                      "group (iliocostalis, longissimus, multifidi and rotatores), not for this muscle alone; check the latissimus first.")
    r['curation'] = r.get('curation', '') + (" Data 0.5: the mechanism now says that the statement is about the paraspinal group "
                                             "(the audit found the relation narrower than its source).")

# infraspinatus: the back-of-neck spillover could not be moved to the medial-border point from a source
for pid in ('tp:infraspinatus-upper-medial', 'tp:infraspinatus-upper-lateral'):
    p = point(pid)
    r = next(x for x in p['referrals'] if x['region'] == 'region:posterior-neck')
    r['curation'] = r.get('curation', '') + (" Data 0.5: the audit says this occasional neck spillover belongs to the point at the inner border "
        "of the shoulder blade, not to both upper points. No public source we could read ties it to a point (Niel-Asher and Morningside give "
        "back-of-neck pain for the muscle as a whole; MedLink's caption of the inner-border point names only the inner border), so it stays "
        "here and the sources are recorded as not settling the level.")

open(P, 'w', encoding='utf-8').write(json.dumps(D, indent=1, ensure_ascii=False) + '\n')
print('ok')
