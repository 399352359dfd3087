#!/usr/bin/env bash
# npm-test-itop.sh -- entry point of `npm run test:itop`: runs the real-iTop upgrade tests when the
# environment names a rig and the baseline sources, else says they are skipped and exits 0.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# REST scenarios against the iTop named by ITOP_URL / ITOP_USER / ITOP_PWD (each reports itself skipped without one)
(cd "$HERE/../.." && npx vitest run --config vitest.itop.config.ts) || VITEST_FAILED=1
MISSING=()
for v in RIG UPG_HOME TEEMIP_SRC BRMD325_SRC; do [ -n "${!v:-}" ] || MISSING+=("$v"); done
if [ ${#MISSING[@]} -gt 0 ]; then
  echo "test:itop: real-iTop upgrade tests SKIPPED: ${MISSING[*]} not set (they need an iTop rig, MariaDB and the TeemIp and br-medicaldevice 3.2.5 sources; see tests/itop/README.md)"
  exit ${VITEST_FAILED:-0}
fi
command -v mysql >/dev/null && command -v php >/dev/null || { echo "test:itop: SKIPPED: mysql or php not on PATH"; exit 0; }
RC=${VITEST_FAILED:-0}
"$HERE/upgrade-from-3.2.5.sh" "$@" || RC=1
"$HERE/fresh-without-teemip.sh" "$@" || RC=1
exit $RC
