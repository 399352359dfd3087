#!/usr/bin/env bash
# snapshot.sh OUT.json -- canonical JSON of the harness instance (see snapshot.php)
#   env: RIG UPG_HOME [WEBROOT RUNDIR WEB_PORT DB_NAME]
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ $# -eq 1 ] || die "usage: $0 OUT.json"
"$PHP" "$HARNESS_DIR/snapshot.php" "$1"
