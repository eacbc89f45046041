#!/usr/bin/env bash
# Remakes the sample captures in this folder with real peers on loopback, captured by tcpdump:
#   sip:  SIPp UAC against SIPp UAS. Needs sipp (3.6+, for verifyauth).
#   pop3: curl and fetchmail against a private Dovecot (own config in a temp folder, 127.0.0.1:$POP3_PORT, default
#         110). Needs dovecot-pop3d, curl, fetchmail, and root (port 110, Dovecot's privilege separation, chown).
# Both need tcpdump, tshark (for the checks) and the right to capture on lo (root or CAP_NET_RAW).
# Usage: samples/make-samples.sh [sip] [pop3]   (no argument = both; rerunnable; overwrites the files it makes).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SCEN="$HERE/scenarios"
WORK="$(mktemp -d)"            # sipp writes its logs and stats into the working folder
UAS_ADDR=127.0.0.1; UAS_PORT=5060
UAC_ADDR=127.0.0.1; UAC_PORT=5070
FILTER="port $UAS_PORT or port $UAC_PORT"     # make_pop3 sets its own

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
  # --immediate-mode: with TPACKET_V3, kernel 6.18 left the packets in an unfinished block and SIGINT wrote none.
  tcpdump -i lo --immediate-mode -U -s 0 -w "$1" "$FILTER" 2>"$WORK/tcpdump.err" &
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

make_sip() {
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
}

# ---- POP3 -----------------------------------------------------------------------------------------------------
# Test credentials only (documented in PROVENANCE.md): alice uses AUTH PLAIN and USER/PASS, bob APOP and CRAM-MD5.
POP3_PORT="${POP3_PORT:-110}"
POP3_USERS=("alice:Wonderland-42" "bob:builder")

start_dovecot() {   # private Dovecot: own config, base_dir, logs and maildirs under $WORK/dovecot
  local d="$WORK/dovecot"
  mkdir -p "$d/run" "$d/state"
  chmod 755 "$WORK" "$d"         # the login and auth processes run as dovenull / dovecot
  : >"$d/users"
  local entry user
  for entry in "${POP3_USERS[@]}"; do
    user="${entry%%:*}"
    printf '%s:{PLAIN}%s\n' "$user" "${entry#*:}" >>"$d/users"   # plain text: APOP and CRAM-MD5 need it
  done
  chmod 644 "$d/users"
  cat >"$d/dovecot.conf" <<EOF
protocols = pop3
listen = 127.0.0.1
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5 apop
auth_verbose = yes
default_login_user = dovenull
default_internal_user = dovecot
mail_location = maildir:~/Maildir
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $POP3_PORT
  }
}
service imap-login {
  inet_listener imap {
    port = 0
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $d/users
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=$d/home/%u
}
EOF
  dovecot -F -c "$d/dovecot.conf" &
  DOVECOT_PID=$!
  PIDS+=("$DOVECOT_PID")
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$POP3_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "dovecot did not start:"; cat "$d/dovecot.log"; exit 1
}

stop_dovecot() {
  kill "$DOVECOT_PID" 2>/dev/null || true
  wait "$DOVECOT_PID" 2>/dev/null || true
}

fill_maildir() {    # $1 user: a fresh maildir holding pop3-source/1.eml .. 4.eml in that order (by mtime)
  local home="$WORK/dovecot/home/$1" n f
  rm -rf "$home"
  mkdir -p "$home/Maildir/cur" "$home/Maildir/new" "$home/Maildir/tmp"
  for n in 1 2 3 4; do
    f="$home/Maildir/cur/176370000$n.M${n}P1.parley:2,"
    cp "$HERE/pop3-source/$n.eml" "$f"
    touch -d "2026-11-21 0$n:00:00 UTC" "$f"
  done
  chown -R 65534:65534 "$home"
}

check_pop3() {      # $1 file, $2 expected number of POP3 requests (tshark counts SASL continuation lines too)
  local n
  n=$(tshark -r "$1" -Y pop.request 2>/dev/null | wc -l)
  printf '%-28s %3s POP3 requests (expected %s), %s bytes\n' "$(basename "$1")" "$n" "$2" "$(stat -c %s "$1")"
  [ "$n" -eq "$2" ] || { echo "unexpected request count in $1"; exit 1; }
}

make_pop3() {
  local url="pop3://127.0.0.1:$POP3_PORT" out="$HERE/pop3-mails" a b
  FILTER="tcp port $POP3_PORT"
  rm -rf "$out"; mkdir -p "$out"
  start_dovecot

  # (a) curl, AUTH PLAIN, one connection for every URL (--next keeps it): CAPA (curl's own), STAT, LIST, UIDL,
  # RETR 1..4 (curl -o writes each mail dot-unstuffed, CRLF as on the wire), DELE 4, QUIT (UPDATE).
  fill_maildir alice
  a=(-s -S -u "alice:Wonderland-42" --login-options "AUTH=PLAIN")
  start_capture "$HERE/pop3-curl-plain.pcap"
  curl "${a[@]}" -X STAT -I "$url/" -o "$WORK/stat.txt" \
    --next "${a[@]}" "$url/" -o "$out/list.txt" \
    --next "${a[@]}" -X UIDL "$url/" -o "$out/uidl.txt" \
    --next "${a[@]}" "$url/1" -o "$out/1.eml" \
    --next "${a[@]}" "$url/2" -o "$out/2.eml" \
    --next "${a[@]}" "$url/3" -o "$out/3.eml" \
    --next "${a[@]}" "$url/4" -o "$out/4.eml" \
    --next "${a[@]}" -X "DELE 4" -I "$url/" -o "$WORK/dele.txt"
  stop_capture
  [ "$(ls "$WORK/dovecot/home/alice/Maildir/cur" | wc -l)" -eq 3 ] || { echo "DELE 4 was not committed"; exit 1; }

  # (b) curl, APOP then AUTH CRAM-MD5 (two connections), each with a TOP.
  fill_maildir bob
  b=(-s -S -u "bob:builder")
  start_capture "$HERE/pop3-apop-cram.pcap"
  curl "${b[@]}" --login-options "AUTH=+APOP" -X "TOP 1 5" "$url/" -o "$out/apop-top-1-5.txt"
  curl "${b[@]}" --login-options "AUTH=CRAM-MD5" -X "LIST 3" -I "$url/" -o "$WORK/list3.txt" \
    --next "${b[@]}" --login-options "AUTH=CRAM-MD5" -X "TOP 3 2" "$url/" -o "$out/cram-top-3-2.txt"
  stop_capture

  # (c) fetchmail, USER/PASS (--auth password), keeps the mails; each is handed to an MDA that stores it as is.
  fill_maildir alice
  mkdir -p "$WORK/fetchmail"
  # sslproto '': no STLS attempt (fetchmail 6.4 tries it even when CAPA does not offer it, and then gives up).
  printf "poll 127.0.0.1 service %s proto pop3 auth password user alice password Wonderland-42 is root here sslproto ''\n" \
    "$POP3_PORT" >"$WORK/fetchmail/rc"
  chmod 600 "$WORK/fetchmail/rc"
  start_capture "$HERE/pop3-fetchmail-user.pcap"
  HOME="$WORK/fetchmail" FETCHMAILHOME="$WORK/fetchmail" fetchmail -f "$WORK/fetchmail/rc" --nodetach --keep --all \
    --invisible --mda "sh -c 'cat > $WORK/fetchmail/mail.\$\$'" >"$WORK/fetchmail/log" 2>&1 \
    || { echo "fetchmail failed:"; cat "$WORK/fetchmail/log"; exit 1; }
  stop_capture

  stop_dovecot
  # What the clients received is the source mail: curl keeps the wire's CRLF, fetchmail hands LF lines to its MDA;
  # both removed the dot-stuffing.
  local n f found
  for n in 1 2 3 4; do
    sed 's/$/\r/' "$HERE/pop3-source/$n.eml" | cmp -s - "$out/$n.eml" || { echo "curl's $n.eml differs"; exit 1; }
    found=
    for f in "$WORK"/fetchmail/mail.*; do cmp -s "$f" "$HERE/pop3-source/$n.eml" && found=1; done
    [ -n "$found" ] || { echo "fetchmail did not deliver pop3-source/$n.eml unchanged"; exit 1; }
  done
  check_pop3 "$HERE/pop3-curl-plain.pcap" 12     # CAPA, AUTH, (continuation), STAT, LIST, UIDL, RETR x4, DELE, QUIT
  check_pop3 "$HERE/pop3-apop-cram.pcap" 10      # CAPA, APOP, TOP, QUIT; CAPA, AUTH, (cont.), LIST, TOP, QUIT
  check_pop3 "$HERE/pop3-fetchmail-user.pcap" 12 # USER, PASS, STAT, (LIST n, RETR n) x4, QUIT
}

TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(sip pop3)
for t in "${TARGETS[@]}"; do
  case "$t" in
    sip) make_sip ;;
    pop3) make_pop3 ;;
    *) echo "unknown target $t (sip, pop3)"; exit 2 ;;
  esac
done
