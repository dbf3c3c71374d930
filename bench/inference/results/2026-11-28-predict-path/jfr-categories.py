import sys, re, collections, datetime
# cats.py dump.txt bench.out : per measured RUN window, inclusive category shares x cpu/req
path, bench = sys.argv[1], sys.argv[2]
cats = {
 'model call (DjlBatchPredictor.predict)': r'DjlBatchPredictor\.predict',
 'request parse (FeatureRowsDeserializer)': r'FeatureRowsDeserializer\.deserialize',
 'encode (InputEncoder.encode)': r'InputEncoder\.encode\(',
 'answer JSON (PredictResponseWriter)': r'PredictResponseWriter\.serialize',
 'socket write (write0)': r'SocketDispatcher\.write0',
 'socket read (read0)': r'SocketDispatcher\.read0',
 'Answers.of': r'api\.Answers\.of',
 'wait for future (CompletableFuture.get)': r'CompletableFuture\.(get|timedGet|waitingGet)',
 'batch worker (BatchWorker.run)': r'BatchWorker\.run',
 'caller-runs (BatchingExecutor.call)': r'BatchingExecutor\.call',
 'timers (DelayScheduler)': r'DelayScheduler',
 'micrometer': r'io\.micrometer',
 'GC-free all samples': r'.',
}
runs = []
for line in open(bench):
    m = re.match(r'RUN (.*) (\d{13}) (\d{13})$', line.strip())
    if m: runs.append((m.group(1), int(m.group(2)), int(m.group(3))))
# measured runs = last occurrence per scenario
last = {}
for r in runs: last[r[0]] = r
cpu = {}
sec = open(bench).read().split('## Over HTTP')[1].split('\n## ')[0]
for line in sec.splitlines():
    if line.startswith('| echo') or line.startswith('| digits'):
        c = [x.strip() for x in line.split('|')]
        key = f"{c[1]} rows={c[2]} c={c[3]}"
        cpu.setdefault(key, float(c[10]))
samples = []
frames=[]; ts=None; st=False
def flush():
    if ts is not None and frames: samples.append((ts, frames))
for line in open(path, errors='replace'):
    s=line.strip()
    if s.startswith('jdk.CPUTimeSample'):
        flush(); frames=[]; ts=None; st=False
    elif s.startswith('startTime ='):
        m=re.match(r'startTime = (\d+):(\d+):(\d+)\.(\d+) \((\d+)-(\d+)-(\d+)\)', s)
        h,mi,se,fr,y,mo,d=m.groups()
        ts=int(datetime.datetime(int(y),int(mo),int(d),int(h),int(mi),int(se),tzinfo=datetime.timezone.utc).timestamp()*1000)+int(fr[:3])
    elif s.startswith('stackTrace = ['): st=True
    elif st:
        if s.startswith(']'): st=False; continue
        if s and s!='...': frames.append(s)
flush()
for name,(sc,t0,t1) in last.items():
    win = [f for t,f in samples if t0<=t<=t1]
    if not win: continue
    c = cpu.get(name, float('nan'))
    print(f"## {name}: {len(win)} samples, server CPU {c} µs/req")
    for cat,rx in cats.items():
        r = re.compile(rx)
        n = sum(1 for f in win if any(r.search(x) for x in f))
        print(f"   {cat:45s} {100*n/len(win):5.1f}%  {c*n/len(win):6.1f} µs/req")
