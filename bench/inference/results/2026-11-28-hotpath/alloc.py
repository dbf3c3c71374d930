import sys, re, collections, datetime
# alloc.py dump.txt t0 t1 : allocation weight by class and by first app frame within window
path, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ev=[]; cur=None; st=False
def num(s):
    m=re.match(r'([\d.]+)\s*(bytes|kB|MB|GB)?', s); v=float(m.group(1)); u=m.group(2) or 'bytes'
    return v*{'bytes':1,'kB':1024,'MB':1<<20,'GB':1<<30}[u]
for line in open(path, errors='replace'):
    s=line.strip()
    if s.startswith('jdk.ObjectAllocationSample'):
        if cur: ev.append(cur)
        cur={'frames':[]}; st=False
    elif cur is None: continue
    elif s.startswith('startTime ='):
        m=re.match(r'startTime = (\d+):(\d+):(\d+)\.(\d+)', s); h,mi,se,fr=m.groups()
        cur['ts']=int(datetime.datetime(2026,11,28,int(h),int(mi),int(se),tzinfo=datetime.timezone.utc).timestamp()*1000)+int(fr[:3])
    elif s.startswith('objectClass ='): cur['cls']=s.split('=',1)[1].split('(')[0].strip()
    elif s.startswith('weight ='): cur['w']=num(s.split('=',1)[1].strip())
    elif s.startswith('stackTrace = ['): st=True
    elif st:
        if s.startswith(']'): st=False; continue
        if s and s!='...': cur['frames'].append(re.sub(r'\s+line:.*','',s))
if cur: ev.append(cur)
win=[e for e in ev if 'ts' in e and t0<=e['ts']<=t1]
tot=sum(e['w'] for e in win); print('total MB', tot/2**20, 'events', len(win))
bycls=collections.Counter(); byfr=collections.Counter()
for e in win:
    bycls[e['cls']]+=e['w']
    app=next((f for f in e['frames'] if 'io.mlops' in f), e['frames'][0] if e['frames'] else '?')
    byfr[(app, e['cls'])]+=e['w']
print('== by class'); [print(f'{100*c/tot:5.1f}% {k}') for k,c in bycls.most_common(25)]
print('== by first app frame, class'); [print(f'{100*c/tot:5.1f}% {k}') for k,c in byfr.most_common(40)]
