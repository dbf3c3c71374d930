"""Young-GC allocation rate and pauses per bench scenario: gc_windows.py GC_LOG RUN_OUTPUT.

GC_LOG from -Xlog:gc:file=F:time,uptime; RUN_OUTPUT the bench output, whose RUN lines give each window in epoch millis.
Allocation between two young GCs = heap before the second minus heap after the first."""
import re,sys,datetime
gcs=[]
for line in open(sys.argv[1]):
    m=re.match(r'\[(\S+)\]\[\S+\] GC\(\d+\) Pause Young.* (\d+)M->(\d+)M\(\d+M\) ([\d.]+)ms',line)
    if m:
        t=datetime.datetime.strptime(m.group(1),'%Y-%m-%dT%H:%M:%S.%f%z').timestamp()*1000
        gcs.append((t,int(m.group(2)),int(m.group(3)),float(m.group(4))))
runs=[]
for line in open(sys.argv[2]):
    m=re.match(r'RUN (.*) (\d+) (\d+)$',line.strip())
    if m: runs.append((m.group(1),int(m.group(2)),int(m.group(3))))

for name,s,e in runs:
    g=[x for x in gcs if s<=x[0]<=e]
    if len(g)<2: print(name,'few gcs');continue
    alloc=sum(g[i][1]-g[i-1][2] for i in range(1,len(g)))
    span=(g[-1][0]-g[0][0])/1000
    pauses=[x[3] for x in g]
    print('%-40s gcs=%3d MB/s=%6.1f pause mean=%.1f max=%.1f paused%%=%.2f'%(name,len(g),alloc/span,sum(pauses)/len(pauses),max(pauses),100*sum(pauses)/((e-s))))
