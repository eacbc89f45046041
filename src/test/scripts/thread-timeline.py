#!/usr/bin/env python3
# Runs a command (a JVM, usually `java ... -jar target/parley.jar bench CAPTURE`) and prints, every 50 ms, the CPU
# each of its threads used in that slice, read from /proc/PID/task/*/stat (10 ms ticks): the loading threads, HotSpot's
# C1 and C2 compiler threads and the collector ("VM Thread" for SerialGC), side by side. It shows a load's phases that
# thread totals hide: the warm-up, in which the compilers take a core, and the steady state, in which the correlating
# thread runs whenever the collector lets it (docs/DESIGN-NOTES.md note 30). Linux only; the command's own output is
# reduced to the lines of `bench` that carry "elapsed" or "cpu".
# Usage (from the project root):
#   src/test/scripts/thread-timeline.py java -XX:+UseParallelGC -Xmx300m -Xmn120m -XX:Tier3DelayOn=1000 \
#       -jar target/parley.jar bench CAPTURE
import collections
import os
import subprocess
import sys
import time

SLICE = 0.05


def group(name):
    if name.startswith("C2"):
        return "C2"
    if name.startswith("C1"):
        return "C1"
    if name.startswith("GC Thread") or name == "VM Thread":
        return "GC+VM"  # ParallelGC's workers, and the VM thread that runs SerialGC and safepoints
    return name[:10]


def ticks(pid):
    """CPU ticks (user + system) per (thread id, name) of the process, empty once it is gone."""
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[(tid, name)] = int(fields[11]) + int(fields[12])
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: src/test/scripts/thread-timeline.py COMMAND... (e.g. java -jar target/parley.jar bench CAPTURE)")
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    start = time.time()
    slices = []
    previous = {}
    while proc.poll() is None:
        now = ticks(proc.pid)
        used = collections.Counter()
        for key, value in now.items():
            used[group(key[1])] += value - previous.get(key, 0)
        previous.update(now)
        slices.append((time.time() - start, used))
        time.sleep(SLICE)
    for line in proc.stdout.read().decode(errors="replace").splitlines():
        if "elapsed" in line or line.startswith("cpu"):
            print(line)
    total = collections.Counter()
    for _, used in slices:
        total.update(used)
    columns = [name for name, _ in total.most_common(7)]
    print("time  " + " ".join(f"{c:>10}" for c in columns) + "   (10 ms ticks in each 50 ms slice)")
    for at, used in slices:
        print(f"{at:5.2f} " + " ".join(f"{used[c]:10d}" for c in columns))
    print("total " + " ".join(f"{total[c]:10d}" for c in columns))


if __name__ == "__main__":
    main()
