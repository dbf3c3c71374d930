import sys, re, glob, os
# summ.py files... : per run the goal ratios and CPU µs/req (without broker and JIT)
def parse(path):
    txt=open(path).read()
    http=txt.split('## Over HTTP')[1].split('\n## ')[0] if '## Over HTTP' in txt else ''
    split=txt.split('## Server CPU µs/req by thread group')[1] if '## Server CPU' in txt else ''
    rows={}
    for line in http.splitlines():
        if line.startswith('| echo') or line.startswith('| digits'):
            c=[x.strip() for x in line.split('|')]
            rows.setdefault((c[1],c[2],c[3]),[]).append(dict(rps=float(c[4]),rowsps=float(c[5]),p50=float(c[6]),p99=float(c[8]),us=float(c[10]),bsz=c[11]))
    cpu={}
    for line in split.splitlines():
        if line.startswith('| echo') or line.startswith('| digits'):
            c=[x.strip() for x in line.split('|')]
            cpu.setdefault((c[1],c[2]),[]).append(float(c[6]))
    floor=None
    m=re.search(r'\| 32 \| platform \| (\d+) ', txt)
    if m: floor=float(m.group(1))
    la=re.search(r'load average at start: ([\d.]+)', txt); le=re.search(r'load average at end: ([\d.]+)', txt)
    return rows,cpu,floor,(la.group(1) if la else '?'),(le.group(1) if le else '?')
print('| run | load start/end | echo c64 req/s (µs) | on c64 rows/s (µs) 1st/2nd | on÷echo | off c64 rows/s (µs) | p99 on/off ms | p99 on÷off | in-process b32 rows/s | digits 32×c16 rows/s (µs) | 32: ÷floor | echo 32×c16 (µs) |')
print('|'+'---|'*12)
for f in sys.argv[1:]:
    rows,cpu,floor,la,le=parse(f)
    def g(k,i=0): 
        v=rows.get(k); return v[i] if v and len(v)>i else None
    def u(k,i=0):
        v=cpu.get(k); return v[i] if v and len(v)>i else float('nan')
    e=g(('echo (parse-only)','1','64')); on1=g(('digits batching on','1','64'),0); on2=g(('digits batching on','1','64'),1); off=g(('digits batching off','1','64'))
    d32=g(('digits batching on','32','16')); e32=g(('echo (parse-only)','32','16'))
    uon=cpu.get(('digits batching on','64'),[]); 
    best=max(on1['rowsps'],on2['rowsps']) if on1 and on2 else float('nan')
    print(f"| {os.path.basename(f)} | {la}/{le} | {e['rps']:.0f} ({u(('echo (parse-only)','64')):.0f}) | {on1['rowsps']:.0f} ({uon[0]:.0f}) / {on2['rowsps']:.0f} ({uon[1]:.0f}) | {best/e['rps']:.2f} | {off['rowsps']:.0f} ({u(('digits batching off','64')):.0f}) | {on2['p99']:.1f}/{off['p99']:.1f} | {on2['p99']/off['p99']:.2f} | {floor:.0f} | {d32['rowsps']:.0f} ({u(('digits batching on','16')):.0f}) | {d32['rowsps']/floor:.3f} | {e32['rowsps']:.0f} ({u(('echo (parse-only)','16')):.0f}) |")
