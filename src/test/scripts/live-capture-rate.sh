#!/usr/bin/env bash
# Sustained-rate measurement of live capture (issue 5), not a unit test. For each call rate, SIPp's built-in uac
# places calls for DURATION seconds against its uas on loopback while three capturers watch the same traffic:
#   parley capture (this build), tcpdump -w, sngrep -N -O. Each capturer gets a 32 MiB kernel buffer.
# Prints a Markdown table: calls SIPp completed, calls Parley printed as COMPLETED, Parley's kernel and own drops,
# packets tcpdump wrote and its kernel drops, dialogs sngrep counted. Needs root (or CAP_NET_RAW), sipp, tcpdump,
# sngrep, tshark. Usage: live-capture-rate.sh [PARLEY_JAR] [RATES...]   (defaults: target/parley.jar, 50..800)
set -uo pipefail
JAR=${1:-target/parley.jar}
shift || true
RATES=${*:-50 100 200 400 800}
DURATION=${DURATION:-10}
PORT=${PORT:-25160}
WORK=$(mktemp -d /tmp/parley-rate.XXXXXX)
JAVA_OPTS=${JAVA_OPTS:-}

echo "work folder: $WORK; $(nproc) cores; $(uname -r)" >&2
echo
echo "| calls/s | SIPp calls completed | SIP packets on the wire | Parley sessions | Parley calls COMPLETED | Parley frames | Parley kernel drops | Parley drops | tcpdump packets | tcpdump kernel drops | sngrep dialogs |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for rate in $RATES; do
  d="$WORK/$rate"; mkdir -p "$d"; cd "$d"
  calls=$((rate * DURATION))
  filter="udp port $PORT"
  sipp -sn uas -i 127.0.0.1 -p $PORT -nostdin > uas.out 2>&1 &
  uas=$!
  java $JAVA_OPTS -jar "$JAR" capture -i lo -f "$filter" -w parley.pcapng > parley.out 2> parley.err &
  parley=$!
  tcpdump -i lo -B 32768 -w tcpdump.pcap "$filter" > /dev/null 2> tcpdump.err &
  tcpd=$!
  # sngrep takes the BPF filter as separate words (one quoted word would be its match expression)
  sngrep -N -d lo -B 32 -l 1000000 -O sngrep.pcap udp port $PORT > sngrep.out 2>&1 < /dev/null &
  sng=$!
  # wait until parley says it is capturing (JVM start) and the others had time to open
  for _ in $(seq 100); do grep -q '^Capturing on' parley.err 2>/dev/null && break; sleep 0.1; done
  sleep 1
  sipp -sn uac 127.0.0.1:$PORT -i 127.0.0.1 -p $((PORT + 1)) -m $calls -r $rate -l $((rate * 4)) -nostdin \
    -timeout $((DURATION + 30))s > uac.out 2>&1
  sleep 2
  # SIGTERM: a non-interactive shell starts background jobs with SIGINT ignored; Parley's shutdown hook runs
  # on SIGTERM as on Ctrl+C (stop, save, report)
  kill -TERM $parley $tcpd $sng
  wait $parley $tcpd $sng 2>/dev/null
  kill $uas 2>/dev/null; wait $uas 2>/dev/null
  sipp_ok=$(grep 'Successful call' uac.out | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  wire=$(tshark -r tcpdump.pcap -Y sip 2>/dev/null | wc -l)
  p_calls=$(grep -c ' COMPLETED ' parley.out)
  p_sessions=$(sed -n 's/.* frames, \([0-9]*\) SIP sessions.*/\1/p' parley.err | tail -1)
  p_frames=$(sed -n 's/.*: \([0-9]*\) frames, .*/\1/p' parley.err | tail -1)
  p_kdrop=$(sed -n 's/.*kernel drops \([0-9]*\).*/\1/p' parley.err | tail -1)
  p_drop=$(sed -n 's/.*Parley drops \([0-9]*\).*/\1/p' parley.err | tail -1)
  t_pk=$(sed -n 's/^\([0-9]*\) packets captured.*/\1/p' tcpdump.err)
  t_drop=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' tcpdump.err)
  s_dlg=$(tr '\r' '\n' < sngrep.out | sed -n 's/.*Dialog count: \([0-9]*\).*/\1/p' | tail -1)
  echo "| $rate | ${sipp_ok:-?} of $calls | $wire | ${p_sessions:-?} | $p_calls | ${p_frames:-?} | ${p_kdrop:-?} | ${p_drop:-?} | ${t_pk:-?} | ${t_drop:-?} | ${s_dlg:-?} |"
  PORT=$((PORT + 10))
  cd - > /dev/null
done
