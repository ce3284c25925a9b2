#!/usr/bin/env python3
"""Where the time (or the allocation) of a JFR recording goes, for one time window or one part of the code.

Usage: jobs/jfr-top.py RECORDING.jfr [--event jdk.ExecutionSample|jdk.ObjectAllocationSample|jdk.NativeMethodSample]
                       [--from HH:MM:SS.mmm] [--to HH:MM:SS.mmm] [--stack SUBSTRING] [--top N]
Prints, for the samples in the window (UTC, as `jfr print` shows times) whose stack contains SUBSTRING: the sampled
threads, the top self methods, the innermost io.flowbill frames and the methods on the stack (inclusive). Allocation
samples are weighted by their bytes. The phases' times come from `jfr print --events StepExecutionEvent` (Spring Batch
steps) or from PostgreSQL's statement log.
"""
import argparse, collections, json, subprocess

p = argparse.ArgumentParser()
p.add_argument('recording')
p.add_argument('--event', default='jdk.ExecutionSample')
p.add_argument('--from', dest='lo', default='00')
p.add_argument('--to', dest='hi', default='99')
p.add_argument('--stack', default=None)
p.add_argument('--top', type=int, default=15)
a = p.parse_args()
events = json.loads(subprocess.run(['jfr', 'print', '--json', '--events', a.event, a.recording],
                                   check=True, capture_output=True, text=True).stdout)['recording']['events']
threads, own, flowbill, inclusive = (collections.Counter() for _ in range(4))
total = 0
for e in events:
    v = e['values']
    if not (a.lo <= v['startTime'][11:23] < a.hi) or not v.get('stackTrace'):
        continue
    names = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in v['stackTrace']['frames']]
    if not names or (a.stack and not any(a.stack in n for n in names)):
        continue
    w = v.get('weight', 1)
    total += w
    thread = (v.get('sampledThread') or v.get('eventThread') or {}).get('javaName') or '?'
    threads[thread.rstrip('0123456789')] += w
    own[names[0]] += w
    flowbill[next((n for n in names if n.startswith('io.flowbill')), '(no flowbill frame in the 64 kept)')] += w
    for n in set(names):
        inclusive[n] += w
print(f'{a.event}: {total} {"bytes" if a.event.endswith("AllocationSample") else "samples"}')
for title, counts in (('threads', threads), ('self', own), ('innermost flowbill frame', flowbill),
                      ('on the stack', inclusive)):
    print('--', title)
    for name, w in counts.most_common(a.top):
        print(f'{w:12d} {100 * w / max(total, 1):5.1f}% {name}')
