import re, sys, os
# table.py files... : one markdown row per run
def parse(f):
    t = open(f).read()
    http = t.split('## Over HTTP')[1].split('\n## ')[0]
    thr = t.split('by thread group')[1].split('\n## ')[0] if 'by thread group' in t else ''
    rows = []
    for line in http.splitlines():
        if line.startswith('| echo') or line.startswith('| digits'):
            c = [x.strip() for x in line.split('|')]
            rows.append(dict(name=c[1], r=c[2], c=c[3], reqs=float(c[4]), rowss=float(c[5]), p99=float(c[8]), cpu=float(c[10]), rpb=c[11], comp=c[12]))
    i = 0
    for line in thr.splitlines():
        if line.startswith('| echo') or line.startswith('| digits'):
            c = [x.strip() for x in line.split('|')]
            rows[i]['nbj'] = float(c[6]); i += 1
    load = re.search(r'load average at end: ([0-9.]+)', t).group(1)
    return rows, load
def get(rows, name, r, c, k=0):
    m = [x for x in rows if x['name']==name and x['r']==r and x['c']==c]
    return m[k] if len(m) > k else None
print('| run | load at end | echo c=64 req/s (µs) | on c=64 rows/s (µs), 1st / 2nd | on ÷ echo (best of 2) | off c=64 rows/s (µs) | p99 on (2nd) / off ms | echo 32×c16 rows/s (µs) | digits 32×c16 rows/s (µs) | 32: digits ÷ echo | 32: µs over echo |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for f in sys.argv[1:]:
    rows, load = parse(f)
    e = get(rows,'echo (parse-only)','1','64'); on1 = get(rows,'digits batching on','1','64'); on2 = get(rows,'digits batching on','1','64',1)
    off = get(rows,'digits batching off','1','64'); e32 = get(rows,'echo (parse-only)','32','16'); d32 = get(rows,'digits batching on','32','16')
    name = os.path.basename(f).replace('.out','')
    def fmt(x, k='rowss'): return '–' if x is None else f"{x[k]:,.0f} ({x['nbj']:.0f})"
    ratio = '–' if not (e and on1) else f"{max(on1['rowss'], on2['rowss'] if on2 else 0)/e['reqs']:.2f}"
    p = '–' if not (on2 and off) else f"{on2['p99']:.1f} / {off['p99']:.1f}"
    r32 = '–' if not (e32 and d32) else f"{d32['rowss']/e32['rowss']:.2f}"
    o32 = '–' if not (e32 and d32) else f"{d32['nbj']-e32['nbj']:.0f}"
    ons = '–' if not on1 else f"{on1['rowss']:,.0f} ({on1['nbj']:.0f})" + ('' if not on2 else f" / {on2['rowss']:,.0f} ({on2['nbj']:.0f})")
    print(f"| {name} | {load} | {fmt(e,'reqs')} | {ons} | {ratio} | {fmt(off)} | {p} | {fmt(e32)} | {fmt(d32)} | {r32} | {o32} |")
