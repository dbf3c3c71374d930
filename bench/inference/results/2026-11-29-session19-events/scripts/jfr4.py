import json, sys, collections, datetime, os
# subtree breakdown: children of frame ROOT (first occurrence from bottom) by next frame, depth levels
d = json.load(open(sys.argv[1]))['recording']['events']
root = os.environ['ROOT']; depth = int(os.environ.get('DEPTH', '1'))
wins = []
for w in sys.argv[2:]:
    n, s, e, u = w.split(':'); wins.append((n, int(s), int(e), float(u)))
def ms(t): return int(datetime.datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp() * 1000)
def fname(f):
    m = f['method']; return m['type']['name'].replace('/', '.') + '.' + m['name']
tot = {n: 0 for n, *_ in wins}; sub = {n: collections.Counter() for n, *_ in wins}
for ev in d:
    v = ev['values']; t = ms(v['startTime'])
    for n, s, e, u in wins:
        if s <= t <= e:
            tot[n] += 1
            st = v.get('stackTrace')
            if not st: continue
            fr = [fname(f) for f in st['frames']][::-1]  # bottom -> top
            if root in fr:
                i = fr.index(root)
                key = ' > '.join(x.split('.')[-2] + '.' + x.split('.')[-1] for x in fr[i+1:i+1+depth]) or '<self>'
                sub[n][key] += 1
keys = set()
for n in sub: keys |= set(sub[n])
rows = sorted(keys, key=lambda k: -max(sub[n][k] * u / tot[n] for n, s, e, u in wins))
for k in rows[:30]:
    print(' '.join('%6.2f' % (sub[n][k] * u / tot[n]) for n, s, e, u in wins), k)
