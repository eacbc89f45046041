#!/usr/bin/env bash
# Compares Parley's full model build with `tshark -q -z sip,stat` on the same capture, in the same run, and prints
# the wall-time ratio and the peak-RSS ratio. Usage (from the project root, after `mvn -B -q -DskipTests package`):
#   src/test/scripts/compare-with-tshark.sh [CAPTURE [RUNS]]
# Without CAPTURE it generates the 1.1 M-frame synthetic capture into /tmp/parley-synthetic.pcap first. With RUNS
# (default 1) the two tools run alternately that many times, each run is printed, and then the medians: on a shared
# two-core machine single runs vary by 10-30 %. Parley's CPU seconds (printed too) vary less than its wall time.
# Parley runs with the benchmark's JVM flags (docs/DESIGN-NOTES.md notes 8 and 40), or with PARLEY_JAVA_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/../../.."
file=${1:-/tmp/parley-synthetic.pcap}
runs=${2:-1}
read -r -a flags <<< "${PARLEY_JAVA_FLAGS:--XX:+UseParallelGC -Xmx300m -Xmn120m -XX:Tier3DelayOn=1000}"
if [ ! -f "$file" ]; then
  mvn -B -q -DskipTests test-compile
  java -cp target/test-classes:target/classes dev.parley.testsupport.SyntheticCaptureGenerator "$file"
fi
command -v tshark > /dev/null || { echo "tshark is not installed" >&2; exit 1; }
measure() { # prints "wall_seconds max_rss_kib" of the command
  /usr/bin/time -f "%e %M" -o /tmp/parley-time.$$ "$@" > /tmp/parley-out.$$ 2>&1 || { cat /tmp/parley-out.$$; exit 1; }
  cat /tmp/parley-time.$$
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "capture          $file"
echo "parley's flags   ${flags[*]}"
: > /tmp/parley-runs.$$
for run in $(seq "$runs"); do
  read -r tw tm < <(measure tshark -r "$file" -q -z sip,stat)
  tmsgs=$(grep -o 'Number of SIP messages: [0-9]*' /tmp/parley-out.$$ | grep -o '[0-9]*$')
  read -r pw pm < <(measure java "${flags[@]}" -jar target/parley.jar bench "$file")
  pmsgs=$(grep -o 'sip messages *[0-9]*' /tmp/parley-out.$$ | grep -o '[0-9]*$')
  build=$(grep -o 'elapsed *[0-9.]*' /tmp/parley-out.$$ | grep -o '[0-9.]*$')
  # CPU seconds vary less than wall time on a shared machine: process, reading thread, correlating thread
  read -r cpu reader correlating < <(grep -o 'cpu .*correlating' /tmp/parley-out.$$ | grep -o '[0-9.][0-9.]*' | xargs)
  [ "$runs" -gt 1 ] && echo "run $run"
  echo "tshark           ${tw} s wall, $((tm / 1024)) MiB peak RSS, ${tmsgs} SIP messages"
  echo "parley           ${pw} s wall (model build ${build} s), $((pm / 1024)) MiB peak RSS, ${pmsgs} SIP messages"
  echo "parley cpu       ${cpu} s process, ${reader} s reading thread, ${correlating} s correlating thread"
  awk -v tw="$tw" -v pw="$pw" -v b="$build" -v tm="$tm" -v pm="$pm" -v c="$cpu" 'BEGIN {
    printf "speed            %.1fx faster (process wall), %.1fx (model build)\n", tw / pw, tw / b
    printf "memory           %.1f %% of tshark'"'"'s peak RSS\n", 100 * pm / tm
    printf "%s %s %s %s %s %s %s\n", tw / pw, tw / b, 100 * pm / tm, tw, pw, b, c > "/dev/stderr" }' 2>> /tmp/parley-runs.$$
done
if [ "$runs" -gt 1 ]; then
  echo "medians of $runs runs"
  echo "tshark           $(cut -d' ' -f4 /tmp/parley-runs.$$ | median) s wall"
  echo "parley           $(cut -d' ' -f5 /tmp/parley-runs.$$ | median) s wall," \
       "model build $(cut -d' ' -f6 /tmp/parley-runs.$$ | median) s, $(cut -d' ' -f7 /tmp/parley-runs.$$ | median) s CPU"
  echo "speed            $(cut -d' ' -f1 /tmp/parley-runs.$$ | median | xargs printf '%.1f')x faster (process wall)," \
       "$(cut -d' ' -f2 /tmp/parley-runs.$$ | median | xargs printf '%.1f')x (model build)"
  echo "memory           $(cut -d' ' -f3 /tmp/parley-runs.$$ | median | xargs printf '%.1f') % of tshark's peak RSS"
fi
rm -f /tmp/parley-time.$$ /tmp/parley-out.$$ /tmp/parley-runs.$$
