#!/usr/bin/env bash
# Checks that two Parley builds give the same answers: byte-compares `summary --csv`, `summary --json`,
# `stats --json` and `show --call` (for the first five Call-IDs of each capture) of OLD.jar and NEW.jar on every
# capture given, by default the corpus' SIP files and the project's samples. A change to the load path that is meant
# to keep the model as it is (docs/DESIGN-NOTES.md note 23: each step of the rewrite) must pass it before it lands.
# Usage (from the project root):
#   src/test/scripts/same-answers.sh OLD.jar NEW.jar [CAPTURE...]
# Prints one line per difference and, at the end, "same answers: N captures" or "different answers: N".
set -uo pipefail
[ $# -ge 2 ] || { sed -n '2,7p' "$0"; exit 2; }
old=$1
new=$2
shift 2
if [ $# -gt 0 ]; then
  captures=("$@")
else
  captures=(../shared/corpus/sip/* samples/*.pcap samples/*.pcapng samples/*.pcap.gz)
fi
run() { java -Xmx2g -jar "$@" 2>&1; }
differences=0
compare() { # label, then the arguments after the jar
  local label=$1
  shift
  if ! cmp -s <(run "$old" "$@") <(run "$new" "$@"); then
    echo "differs: $label"
    differences=$((differences + 1))
  fi
}
checked=0
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for f in "${captures[@]}"; do
  [ -f "$f" ] || continue
  checked=$((checked + 1))
  run "$old" summary --csv "$f" > "$list" # kept: its Call-IDs pick the calls to show
  if ! cmp -s "$list" <(run "$new" summary --csv "$f"); then
    echo "differs: summary --csv $f"
    differences=$((differences + 1))
  fi
  compare "summary --json $f" summary --json "$f"
  compare "stats --json $f" stats --json "$f"
  ids=$(python3 -c '
import csv, sys
for row in list(csv.DictReader(sys.stdin))[:5]:
    if row.get("call_id"):
        print(row["call_id"])' < "$list" 2>/dev/null)
  while IFS= read -r id; do
    [ -n "$id" ] && compare "show --call $id $f" show "$f" --call "$id"
  done <<< "$ids"
done
if [ "$differences" -eq 0 ]; then
  echo "same answers: $checked captures"
else
  echo "different answers: $differences"
  exit 1
fi
