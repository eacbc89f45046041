#!/usr/bin/env bash
# Compares Parley's full model build with `tshark -q -z sip,stat` on the same capture, in the same run, and prints
# the wall-time ratio and the peak-RSS ratio. Usage (from the project root, after `mvn -B -q -DskipTests package`):
#   src/test/scripts/compare-with-tshark.sh [CAPTURE]
# Without CAPTURE it generates the 1.1 M-frame synthetic capture into /tmp/parley-synthetic.pcap first.
set -euo pipefail
cd "$(dirname "$0")/../../.."
file=${1:-/tmp/parley-synthetic.pcap}
if [ ! -f "$file" ]; then
  mvn -B -q -DskipTests test-compile
  java -cp target/test-classes:target/classes dev.parley.testsupport.SyntheticCaptureGenerator "$file"
fi
command -v tshark > /dev/null || { echo "tshark is not installed" >&2; exit 1; }
measure() { # prints "wall_seconds max_rss_kib" of the command
  /usr/bin/time -f "%e %M" -o /tmp/parley-time.$$ "$@" > /tmp/parley-out.$$ 2>&1 || { cat /tmp/parley-out.$$; exit 1; }
  cat /tmp/parley-time.$$
}
read -r tw tm < <(measure tshark -r "$file" -q -z sip,stat)
tmsgs=$(grep -o 'Number of SIP messages: [0-9]*' /tmp/parley-out.$$ | grep -o '[0-9]*$')
read -r pw pm < <(measure java -XX:+UseSerialGC -Xmx300m -jar target/parley.jar bench "$file")
pmsgs=$(grep -o 'sip messages *[0-9]*' /tmp/parley-out.$$ | grep -o '[0-9]*$')
build=$(grep -o 'elapsed *[0-9.]*' /tmp/parley-out.$$ | grep -o '[0-9.]*$')
rm -f /tmp/parley-time.$$ /tmp/parley-out.$$
echo "capture          $file"
echo "tshark           ${tw} s wall, $((tm / 1024)) MiB peak RSS, ${tmsgs} SIP messages"
echo "parley           ${pw} s wall (model build ${build} s), $((pm / 1024)) MiB peak RSS, ${pmsgs} SIP messages"
awk -v tw="$tw" -v pw="$pw" -v b="$build" -v tm="$tm" -v pm="$pm" 'BEGIN {
  printf "speed            %.1fx faster (process wall), %.1fx (model build)\n", tw / pw, tw / b
  printf "memory           %.1f %% of tshark'"'"'s peak RSS\n", 100 * pm / tm }'
