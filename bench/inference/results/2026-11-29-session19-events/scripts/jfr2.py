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
            st = v.get('stackTrace'); th = v.get('eventThread') or {}
            samples[n].append(([fname(f) for f in st['frames']] if st else [], (th.get('javaName') or th.get('osName') or '?')))
us = {n: float(x) for n, x in (a.split('=') for a in os.environ['USREQ'].split(','))}
for n, *_ in wins:
    ss = samples[n]
    c = collections.Counter()
    for fr, th in ss:
        leaf = fr[0] if fr else '<none>'
        # bucket: any frame in the stack with Unsafe.park/unpark
        if 'jdk.internal.misc.Unsafe.park' == leaf: c['LEAF Unsafe.park <' + (fr[1] if len(fr)>1 else '') + ' <' + (fr[2] if len(fr)>2 else '')] += 1
        if 'jdk.internal.misc.Unsafe.unpark' == leaf: c['LEAF Unsafe.unpark <' + (fr[1] if len(fr)>1 else '')+ ' <' + (fr[2] if len(fr)>2 else '')] += 1
        for f in fr:
            if f.startswith('java.util.concurrent.ForkJoinPool.') or f.startswith('java.lang.VirtualThread.') or f.startswith('jdk.internal.vm.Continuation.'):
                pass
        tg = th
        import re
        tg = re.sub(r'\d+', 'N', th)
        c['THREAD ' + tg] += 1
    print('== ', n, len(ss))
    for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
        if v / len(ss) > 0.004: print('  %6.2f µs %5.1f%% %s' % (us[n] * v / len(ss), 100 * v / len(ss), k))
