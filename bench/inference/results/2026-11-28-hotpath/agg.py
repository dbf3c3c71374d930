import sys, re, collections, datetime
# agg.py dump.txt t0 t1 [regex-to-filter-samples]: self top frames and inclusive top frames in window
path, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
filt = re.compile(sys.argv[4]) if len(sys.argv) > 4 else None
samples=[]; frames=[]; ts=None; st=False; thread=''
def flush():
    if ts is not None and frames: samples.append((ts, thread, frames))
for line in open(path, errors='replace'):
    s=line.strip()
    if s.startswith('jdk.CPUTimeSample') or s.startswith('jdk.ExecutionSample'):
        flush(); frames=[]; ts=None; st=False; thread=''
    elif s.startswith('startTime ='):
        m=re.match(r'startTime = (\d+):(\d+):(\d+)\.(\d+)', s)
        h,mi,se,fr=m.groups(); y,mo,d=2026,11,28
        ts=int(datetime.datetime(int(y),int(mo),int(d),int(h),int(mi),int(se),tzinfo=datetime.timezone.utc).timestamp()*1000)+int(fr[:3])
    elif s.startswith('sampledThread =') or s.startswith('eventThread ='): thread=s.split('=',1)[1].strip()
    elif s.startswith('stackTrace = ['): st=True
    elif st:
        if s.startswith(']'): st=False; continue
        if s and s!='...': frames.append(re.sub(r'\s+line:.*','',s))
flush()
win=[x for x in samples if t0<=x[0]<=t1 and (not filt or any(filt.search(f) for f in x[2]))]
n=len(win); print('samples',n)
selfc=collections.Counter(f[0] for _,_,f in win)
inc=collections.Counter()
for _,_,f in win:
    for fr in set(f): inc[fr]+=1
print('== self'); [print(f'{100*c/n:5.1f}% {k}') for k,c in selfc.most_common(45)]
print('== inclusive'); [print(f'{100*c/n:5.1f}% {k}') for k,c in inc.most_common(120)]
