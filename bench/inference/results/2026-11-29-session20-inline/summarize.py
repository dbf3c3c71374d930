"""Per-run summary of the paired runs: echo req/s and server CPU µs/request, then per batching-on cell rows/s (÷ echo),
p99, rows per batch and CPU µs/request, batching off, and p99 on ÷ off. Usage: summarize.py RUN_OUTPUT..."""
import re,sys,glob,statistics as st
def cells(path):
    out=[];seen=0
    for line in open(path):
        p=[x.strip() for x in line.strip().strip('|').split('|')]
        if len(p)==15 and p[0]!='endpoint' and p[1]=='1':
            out.append(p)
    return out[:len(out)//2] if len(out)%2==0 else out  # table printed twice
for f in sys.argv[1:]:
    c=cells(f)
    for conns in ('16','64'):
        r=[x for x in c if x[2]==conns]
        if not r: continue
        echo=[x for x in r if x[0].startswith('echo')][0]
        ons=[x for x in r if x[0]=='digits batching on']
        off=[x for x in r if x[0]=='digits batching off']
        e=float(echo[3])
        s='%s c=%s echo %6.0f/%3s µs | '%(f.split('/')[-1][:-4],conns,e,echo[9])
        s+=' '.join('on %6.0f (%.2f) p99 %5.2f b=%4s cpu=%3s'%(float(o[4]),float(o[4])/e,float(o[7]),o[10],o[9]) for o in ons)
        if off:
            o=off[0]; s+=' | off %6.0f p99 %5.2f cpu=%s | p99 on/off %s'%(float(o[4]),float(o[7]),o[9],' '.join('%.2f'%(float(x[7])/float(o[7])) for x in ons))
        print(s)
