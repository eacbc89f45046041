#!/usr/bin/env bash
# Remakes the SIP sample captures in this folder with real SIPp peers on loopback, captured by tcpdump.
# Needs: sipp (3.6+, for verifyauth), tcpdump, tshark (for the checks), and the right to capture on lo (root or
# CAP_NET_RAW). Usage: samples/make-samples.sh   (rerunnable; overwrites the .pcap files).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SCEN="$HERE/scenarios"
WORK="$(mktemp -d)"            # sipp writes its logs and stats into the working folder
UAS_ADDR=127.0.0.1; UAS_PORT=5060
UAC_ADDR=127.0.0.1; UAC_PORT=5070
FILTER="port $UAS_PORT or port $UAC_PORT"

PIDS=()                        # every process this script starts, so only those are stopped
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  if [ -n "${KEEP_WORK:-}" ]; then echo "SIPp logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

start_capture() {   # $1 = output file
  rm -f "$1"
  tcpdump -i lo -U -s 0 -w "$1" "$FILTER" 2>"$WORK/tcpdump.err" &
  CAP_PID=$!
  PIDS+=("$CAP_PID")
  # Wait until tcpdump reports that it listens, so the first packet is not missed.
  for _ in $(seq 50); do grep -q listening "$WORK/tcpdump.err" 2>/dev/null && break; sleep 0.1; done
}

stop_capture() {    # flushes: -U writes each packet at once, SIGINT makes tcpdump close the file cleanly
  sleep 0.5
  kill -INT "$CAP_PID"
  wait "$CAP_PID" || true
}

# run_pair UAS_SCENARIO UAC_SCENARIO CALLS TRANSPORT [extra uac args...]
# The UAS runs without a call limit and is stopped once the UAC is done: with -m on both sides, whichever exits
# first closes the TCP connection under the other's last call and SIPp counts that call as failed.
run_pair() {
  local uas="$1" uac="$2" calls="$3" transport="$4"; shift 4
  (cd "$WORK" && exec sipp -sf "$SCEN/$uas" -i "$UAS_ADDR" -p "$UAS_PORT" -t "$transport" \
      -nostdin -timeout 60s >"$WORK/uas.out" 2>&1) &
  local uas_pid=$!
  PIDS+=("$uas_pid")
  sleep 0.5
  (cd "$WORK" && exec sipp "$UAS_ADDR:$UAS_PORT" -sf "$SCEN/$uac" -i "$UAC_ADDR" -p "$UAC_PORT" -t "$transport" \
      -s bob -m "$calls" -r 1 -rp 700 -l 1 -nostdin -timeout 30s -timeout_error "$@" \
      >"$WORK/uac.out" 2>&1) || { echo "uac $uac failed:"; tail -40 "$WORK/uac.out"; exit 1; }
  kill "$uas_pid" 2>/dev/null || true
  wait "$uas_pid" 2>/dev/null || true
  # SIPp prints its statistics screen on exit: "Successful call | <periodic> | <cumulative>".
  grep -Eq "Successful call +\| +[0-9]+ +\| +$calls +\$" "$WORK/uas.out" \
      || { echo "uas $uas did not complete $calls calls:"; tail -40 "$WORK/uas.out"; exit 1; }
}

check() {           # $1 file, $2 expected number of SIP messages
  local n
  n=$(tshark -r "$1" -Y sip 2>/dev/null | wc -l)
  printf '%-28s %3s SIP messages (expected %s), %s bytes\n' "$(basename "$1")" "$n" "$2" "$(stat -c %s "$1")"
  [ "$n" -eq "$2" ] || { echo "unexpected message count in $1"; exit 1; }
}

start_capture "$HERE/sip-call-udp.pcap"
run_pair call-uas.xml call-uac.xml 3 u1
stop_capture

start_capture "$HERE/sip-call-tcp.pcap"
run_pair call-uas.xml call-uac.xml 2 t1
stop_capture

start_capture "$HERE/sip-register-digest.pcap"
run_pair register-uas.xml register-uac.xml 1 u1 -au alice -ap secret
stop_capture

start_capture "$HERE/sip-message.pcap"
run_pair message-uas.xml message-uac.xml 1 u1
stop_capture

start_capture "$HERE/sip-cancel-busy.pcap"
run_pair cancel-uas.xml cancel-uac.xml 1 u1
run_pair busy-uas.xml busy-uac.xml 1 u1
stop_capture

check "$HERE/sip-call-udp.pcap" 21        # 3 calls x 7 messages
check "$HERE/sip-call-tcp.pcap" 14        # 2 calls x 7 messages
check "$HERE/sip-register-digest.pcap" 4
check "$HERE/sip-message.pcap" 4
check "$HERE/sip-cancel-busy.pcap" 11     # 7 (cancelled) + 4 (busy)
