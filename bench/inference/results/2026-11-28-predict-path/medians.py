import sys, statistics, importlib.util
spec = importlib.util.spec_from_file_location('t', '/tmp/pair/table.py')
src = open('/tmp/pair/table.py').read().split("print('| run |")[0]
exec(src)
sides = {'base': [], 'new': []}
for f in sys.argv[1:]:
    side = 'new' if '-new' in f else 'base'
    sides[side].append(parse(f)[0])
def col(side, name, r, c, k, key='nbj', minus_echo=False):
    out = []
    for rows in sides[side]:
        x = get(rows, name, r, c, k)
        if x is None: continue
        v = x[key]
        if minus_echo:
            e = get(rows, 'echo (parse-only)', r, c)
            if e is None: continue
            v -= e[key]
        out.append(v)
    return out
for label, args in [('echo c=64', ('echo (parse-only)','1','64',0)), ('on c=64 1st', ('digits batching on','1','64',0)),
                    ('on c=64 2nd', ('digits batching on','1','64',1)), ('off c=64', ('digits batching off','1','64',0)),
                    ('echo 32 c16', ('echo (parse-only)','32','16',0)), ('digits 32 c16', ('digits batching on','32','16',0))]:
    for me in ([False, True] if not label.startswith('echo') else [False]):
        b = col('base', *args, minus_echo=me); n = col('new', *args, minus_echo=me)
        if b and n:
            print(f"{label:14s} {'minus echo' if me else 'µs/req    '}: base median {statistics.median(b):6.1f} (n={len(b)}, {sorted(b)})  new median {statistics.median(n):6.1f} (n={len(n)}, {sorted(n)})")
