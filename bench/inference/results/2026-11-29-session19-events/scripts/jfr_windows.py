"""CPU per request by thread, by frame, or under one frame, for time windows of a JFR recording.

Input: `jfr print --json --stack-depth 96 --events jdk.CPUTimeSample rec.jfr > rec.json` and windows
`name:startMillis:endMillis:usPerRequest` (the bench's RUN lines give the millis, its tables the server CPU
µs/request); each window's samples are scaled to that figure.

  jfr_windows.py threads rec.json WINDOW...           µs/request per thread (digits folded to N)
  jfr_windows.py frames  rec.json [REGEX] WINDOW...   inclusive µs/request per frame, matching REGEX, and the
                                                      difference last - first window
  jfr_windows.py subtree rec.json FRAME DEPTH WINDOW...  what FRAME's callees cost, DEPTH frames deep
"""
import collections, datetime, json, re, sys


def load(path, windows):
    """Samples per window: (frames top first, thread name)."""
    events = json.load(open(path))['recording']['events']
    samples = {w[0]: [] for w in windows}
    for event in events:
        values = event['values']
        at = int(datetime.datetime.fromisoformat(values['startTime'].replace('Z', '+00:00')).timestamp() * 1000)
        for name, start, end, _ in windows:
            if start <= at <= end:
                stack = values.get('stackTrace')
                thread = values.get('eventThread') or {}
                frames = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
                          for f in stack['frames']] if stack else []
                samples[name].append((frames, thread.get('javaName') or thread.get('osName') or '?'))
    return samples


def window(arg):
    name, start, end, us = arg.split(':')
    return name, int(start), int(end), float(us)


def per_request(counts, samples, windows):
    return [us * counts[name] / max(1, len(samples[name])) for name, _, _, us in windows]


def threads(path, args):
    windows = [window(a) for a in args]
    samples = load(path, windows)
    for name, _, _, us in windows:
        count = collections.Counter(re.sub(r'\d+', 'N', thread) for _, thread in samples[name])
        print('==', name, len(samples[name]), 'samples')
        for thread, k in count.most_common():
            if k / len(samples[name]) > 0.004:
                print('  %6.2f µs %5.1f%% %s' % (us * k / len(samples[name]), 100 * k / len(samples[name]), thread))


def frames(path, args):
    pattern = re.compile(args[0]) if ':' not in args[0] else None
    windows = [window(a) for a in (args[1:] if pattern else args)]
    samples = load(path, windows)
    inclusive = {name: collections.Counter(f for frames_, _ in samples[name] for f in set(frames_)) for name in samples}
    shown = {f for name in samples for f, k in inclusive[name].items() if k / max(1, len(samples[name])) > 0.01}
    rows = sorted(((per_request({n: inclusive[n][f] for n in samples}, samples, windows), f) for f in shown),
                  key=lambda row: -max(row[0]))
    for values, f in rows:
        if pattern is None or pattern.search(f):
            print(' '.join('%6.2f' % v for v in values), ' %+6.2f' % (values[-1] - values[0]), f)


def subtree(path, args):
    root, depth = args[0], int(args[1])
    windows = [window(a) for a in args[2:]]
    samples = load(path, windows)
    below = {name: collections.Counter() for name in samples}
    for name in samples:
        for frames_, _ in samples[name]:
            bottom_up = frames_[::-1]
            if root in bottom_up:
                i = bottom_up.index(root)
                below[name][' > '.join('.'.join(f.split('.')[-2:]) for f in bottom_up[i + 1:i + 1 + depth]) or '<self>'] += 1
    keys = sorted({k for name in below for k in below[name]},
                  key=lambda k: -max(per_request({n: below[n][k] for n in samples}, samples, windows)))
    for k in keys[:30]:
        print(' '.join('%6.2f' % v for v in per_request({n: below[n][k] for n in samples}, samples, windows)), k)


if __name__ == '__main__':
    {'threads': threads, 'frames': frames, 'subtree': subtree}[sys.argv[1]](sys.argv[2], sys.argv[3:])
