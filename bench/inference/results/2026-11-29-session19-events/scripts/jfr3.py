import json, sys, collections, datetime, os
d = json.load(open(sys.argv[1]))['recording']['events']
wins = []
for w in sys.argv[2:]:
    n, s, e = w.split(':'); wins.append((n, int(s), int(e)))
def ms(t): return int(datetime.datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp() * 1000)
def fname(f):
    m = f['method']; return m['type']['name'].replace('/', '.') + '.' + m['name']
samples = {n: [] for n, *_ in wins}
for ev in d:
    v = ev['values']; t = ms(v['startTime'])
    for n, s, e in wins:
        if s <= t <= e:
            st = v.get('stackTrace')
            samples[n].append([fname(f) for f in st['frames']] if st else [])
us = {n: float(x) for n, x in (a.split('=') for a in os.environ['USREQ'].split(','))}
incl = {n: collections.Counter() for n in samples}
for n, ss in samples.items():
    for fr in ss:
        for f in set(fr):
            incl[n][f] += 1
keys = set()
for n in samples:
    for f, k in incl[n].items():
        if k / len(samples[n]) > 0.01: keys.add(f)
rows = []
for f in keys:
    vals = [us[n] * incl[n][f] / len(samples[n]) for n in samples]
    rows.append((vals, f))
rows.sort(key=lambda r: -(max(r[0])))
pat = os.environ.get('PAT')
import re
for vals, f in rows:
    if pat and not re.search(pat, f): continue
    print(' '.join('%6.2f' % v for v in vals), ' %+6.2f' % (vals[-1]-vals[0]), f)
