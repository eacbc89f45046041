#!/usr/bin/env python3
# Runs a JVM command with -XX:+LogCompilation and prints where HotSpot's compilers spent their time: task time per
# tier (1-3 are C1, 4 is C2) for Parley's reading path (dev.parley.decode, dev.parley.capture), its correlator
# (dev.parley.session), the rest of Parley and the JDK, then C2's longest tasks with the bytes they inlined. Task
# time is wall time on the compiler thread, so it counts the time that thread waited for a core: compare runs, not
# absolute figures (docs/DESIGN-NOTES.md note 35). Tasks that start before FROM seconds of JVM uptime (default 0.3,
# about when `bench` starts its load here) are counted apart as start-up.
# Usage (from the project root):
#   src/test/scripts/jit-time.py [--from SECONDS] [--top N] java -XX:+UseParallelGC -Xmx300m -Xmn120m -XX:Tier3DelayOn=1000 \
#       -jar target/parley.jar bench CAPTURE
import collections
import os
import re
import subprocess
import sys
import tempfile


def tasks(log):
    """(start seconds, seconds, tier, method, inlined bytes) of every finished compile task in the log."""
    text = open(log, encoding="utf-8", errors="replace").read()
    parts = re.split(r"<compilation_log thread='\d+'>", text)
    for part in parts[1:]:  # each compiler thread's own log: its tasks never overlap
        body = part.split("</compilation_log>")[0]
        for attrs, done in re.findall(r"<task ([^>]*)>.*?<task_done ([^>]*)/>", body, re.S):
            start = float(re.search(r"stamp='([\d.]+)'", attrs).group(1))
            end = float(re.search(r"stamp='([\d.]+)'", done).group(1))
            level = re.search(r"level='(\d)'", attrs)
            method = re.search(r"method='([^']*)'", attrs).group(1).replace("/", ".")
            inlined = re.search(r"inlined_bytes='(\d+)'", done)
            yield start, end - start, level.group(1) if level else "4", method, int(inlined.group(1)) if inlined else 0


def group(method):
    if method.startswith(("dev.parley.decode", "dev.parley.capture")):
        return "reading path"
    if method.startswith("dev.parley.session"):
        return "correlator"
    return "other Parley" if method.startswith("dev.parley") else "JDK and libraries"


def main(args):
    start_from, top = 0.3, 20
    while args and args[0].startswith("--"):
        option, value = args[0], args[1]
        args = args[2:]
        if option == "--from":
            start_from = float(value)
        elif option == "--top":
            top = int(value)
    if not args:
        sys.exit("usage: jit-time.py [--from SECONDS] [--top N] java ... (see the comment at the top of this file)")
    log = tempfile.NamedTemporaryFile(prefix="parley-jit-", suffix=".log", delete=False).name
    command = [args[0], "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation", "-XX:LogFile=" + log] + args[1:]
    out = subprocess.run(command, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if "elapsed" in line or line.startswith("cpu"):
            print(line)
    seconds = collections.defaultdict(float)
    count = collections.Counter()
    c2 = []
    for start, took, level, method, inlined in tasks(log):
        key = ("start-up" if start < start_from else group(method), level)
        seconds[key] += took
        count[key] += 1
        if level == "4" and start >= start_from:
            c2.append((took, start, inlined, method.split(" (")[0]))
    os.remove(log)
    print(f"{'part':20} {'tier':>4} {'tasks':>6} {'seconds':>8}")
    for key in sorted(seconds):
        print(f"{key[0]:20} {key[1]:>4} {count[key]:6d} {seconds[key]:8.3f}")
    print(f"C2's {top} longest tasks from {start_from} s: seconds, start, bytes inlined, method")
    for took, start, inlined, method in sorted(c2, reverse=True)[:top]:
        print(f"{took:.3f} @{start:.2f} {inlined:6d} {method}")


if __name__ == "__main__":
    main(sys.argv[1:])
