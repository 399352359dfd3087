#!/usr/bin/env bash
# upgrade-from-3.2.5.sh [EXT_DIR] -- the whole upgrade test on a real iTop:
#   1. baseline: iTop 3.2.0 + TeemIp + br-medicaldevice 3.2.5 (install-baseline.sh), populated through
#      REST (populate-baseline.sh), saved in $BASELINE_DIR; with REUSE_BASELINE=1 and a saved baseline,
#      only a restore (database dump + file copy)
#   2. snapshot before;  3. upgrade to EXT_DIR (default <repo>/dist/br-medicaldevice);  4. snapshot after
#   5. compare before/after: every object and stored value kept, AE ipaddress = IP text of ipaddress_id
#   6. setup in upgrade mode a SECOND time; its snapshot must equal the first one exactly
# Exit 0 only when the upgrade succeeded, nothing was lost and the second run changed nothing.
#   env: RIG UPG_HOME TEEMIP_SRC BRMD325_SRC [REUSE_BASELINE=1 EXT_DIR ...] (see README.md)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
EXT=${1:-${EXT_DIR:-$REPO_DIR/dist/br-medicaldevice}}
EXT=$(cd "$EXT" 2>/dev/null && pwd) || die "no such extension folder: ${1:-${EXT_DIR:-}}"
T0=$(date +%s)
RUN="$SNAP_DIR/run-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$RUN"; ln -sfn "$RUN" "$SNAP_DIR/last"

if [ "${REUSE_BASELINE:-0}" = 1 ] && [ -f "$BASELINE_DIR/db.sql.gz" ]; then
  "$HARNESS_DIR/baseline-state.sh" restore || exit 1
else
  "$HARNESS_DIR/install-baseline.sh" || exit 1
  "$HARNESS_DIR/populate-baseline.sh" || exit 1
fi
"$HARNESS_DIR/snapshot.sh" "$RUN/before.json" || exit 1

RC_UPG=0; RC_CMP=0; RC_UPG2=0; RC_IDEM=0
"$HARNESS_DIR/upgrade.sh" "$EXT" 2>&1 | tee "$RUN/upgrade-1.log"; RC_UPG=${PIPESTATUS[0]}
if [ $RC_UPG -eq 0 ]; then
  "$HARNESS_DIR/snapshot.sh" "$RUN/after-1.json" || exit 1
  "$HARNESS_DIR/compare.sh" "$RUN/before.json" "$RUN/after-1.json" > "$RUN/compare-1.txt"; RC_CMP=$?
  echo "--- compare before -> after first upgrade ($RUN/compare-1.txt):"
  head -n "${COMPARE_LINES:-60}" "$RUN/compare-1.txt"
  [ "$(wc -l < "$RUN/compare-1.txt")" -le "${COMPARE_LINES:-60}" ] || echo "... ($(wc -l < "$RUN/compare-1.txt") lines, see the file)"
  log "second setup run in upgrade mode (must change nothing)"
  "$HARNESS_DIR/upgrade.sh" "$EXT" > "$RUN/upgrade-2.log" 2>&1; RC_UPG2=$?
  grep -E 'SETUP|UPGRADE OK|Error' "$RUN/upgrade-2.log"
  if [ $RC_UPG2 -eq 0 ]; then
    "$HARNESS_DIR/snapshot.sh" "$RUN/after-2.json" || exit 1
    "$HARNESS_DIR/compare.sh" "$RUN/after-1.json" "$RUN/after-2.json" --exact > "$RUN/compare-2.txt"; RC_IDEM=$?
    echo "--- compare after first -> after second upgrade, exact ($RUN/compare-2.txt):"
    head -n 20 "$RUN/compare-2.txt"
  fi
fi
echo
echo "=== upgrade-from-3.2.5 summary ($(( $(date +%s) - T0 )) s; files in $RUN)"
echo "upgrade setup:          $([ $RC_UPG -eq 0 ] && echo OK || echo FAILED)"
[ $RC_UPG -eq 0 ] && echo "kept (before -> after): $(head -1 "$RUN/compare-1.txt")" \
  && echo "                        $(grep '^AE ipaddress check' "$RUN/compare-1.txt")"
[ $RC_UPG -eq 0 ] && echo "second upgrade run:     $([ $RC_UPG2 -eq 0 ] && echo OK || echo FAILED); $([ $RC_UPG2 -eq 0 ] && tail -1 "$RUN/compare-2.txt")"
if [ $RC_UPG -eq 0 ] && [ $RC_CMP -eq 0 ] && [ $RC_UPG2 -eq 0 ] && [ $RC_IDEM -eq 0 ]; then echo "RESULT: PASS"; exit 0; fi
echo "RESULT: FAIL"; exit 1
