#!/usr/bin/env bash
# Compares Parley builds (or JVM flags) on one capture: runs `bench CAPTURE` for each variant in turn, RUNS rounds,
# and prints per variant the medians of the model build, the process CPU, the reading and correlating threads' CPU,
# the time in GC pauses and the peak RSS, with the single build times. Alternating the variants round by round is
# what makes the comparison fair on a shared machine, where the same jar builds the model in 2.4 to 5 s within one
# hour (docs/DESIGN-NOTES.md notes 25 and 26); judge a change by several rounds, never by one run.
# Usage (from the project root):
#   src/test/scripts/ab-bench.sh CAPTURE RUNS "label|java ... -jar A.jar" "label|java ... -jar B.jar" ...
# Each command gets "bench CAPTURE" appended, for example:
#   src/test/scripts/ab-bench.sh /tmp/parley-synthetic.pcap 12 \
#       "before|java -XX:+UseParallelGC -Xmx300m -Xmn120m -XX:Tier3DelayOn=1000 -jar /tmp/before.jar" \
#       "after|java -XX:+UseParallelGC -Xmx300m -Xmn120m -XX:Tier3DelayOn=1000 -jar target/parley.jar"
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,12p' "$0"; exit 2; }
capture=$1
runs=$2
shift 2
declare -A build cpu reader correlating gc rss
field() { # the first number after the pattern (or before it, with "before"); nothing when bench printed none
  if [ "${3:-}" = before ]; then grep -o "[0-9.]* $2" <<< "$1" | head -1 | grep -o '^[0-9.]*' || true
  else grep -o "$2 *[0-9.]*" <<< "$1" | head -1 | grep -o '[0-9.]*$' || true; fi
}
for _ in $(seq "$runs"); do
  for spec in "$@"; do
    label=${spec%%|*}
    read -r -a command <<< "${spec#*|}"
    out=$("${command[@]}" bench "$capture" 2>&1) || { echo "$label failed:" >&2; echo "$out" >&2; exit 1; }
    build[$label]+="$(field "$out" 'elapsed') "
    cpu[$label]+="$(field "$out" 'cpu') "
    reader[$label]+="$(field "$out" 's reading' before) "
    correlating[$label]+="$(field "$out" 's correlating' before) "
    gc[$label]+="$(field "$out" 's in GC' before) "
    rss[$label]+="$(field "$out" 'peak RSS') "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "medians of $runs rounds: model build s, CPU s (process, reading thread, correlating thread), GC pauses s, peak RSS MiB"
for spec in "$@"; do
  l=${spec%%|*}
  printf '%-12s build %s  cpu %s  reading %s  correlating %s  gc %s  rss %s   builds: %s\n' "$l" \
    "$(median <<< "${build[$l]}")" "$(median <<< "${cpu[$l]}")" "$(median <<< "${reader[$l]}")" \
    "$(median <<< "${correlating[$l]}")" "$(median <<< "${gc[$l]}")" "$(median <<< "${rss[$l]}")" "${build[$l]}"
done
