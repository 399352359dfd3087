#!/usr/bin/env bash
# populate-baseline.sh -- fills the harness instance (installed by install-baseline.sh) with the
# baseline data set through REST, then saves the instance (database dump + file copy) in
# $BASELINE_DIR so that later runs only restore it (REUSE_BASELINE=1 of the drivers).
#   env: RIG UPG_HOME [WEBROOT RUNDIR WEB_PORT DB_NAME BASELINE_DIR]
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
web_restart
"$PHP" "$HARNESS_DIR/populate-baseline.php" || die "populate failed"
"$HARNESS_DIR/baseline-state.sh" save
