#!/usr/bin/env bash
# fresh-without-teemip.sh [EXT_DIR] -- a vanilla iTop (ITOP_SRC, no TeemIp) fresh install of the
# extension folder EXT_DIR (default <repo>/dist/br-medicaldevice) through iTop's unattended setup
# (module list computed by iTop as in install-baseline.sh). Checks that every module of the extension
# is installed EXCEPT the TeemIp bridge (BRIDGE_MODULE, default br-medicaldevice-teemip), which must be
# neither selected nor installed. Uses its own instance: $UPG_HOME/www-vanilla, database
# ${DB_NAME}_vanilla, port 8082 (override with VANILLA_WEBROOT, VANILLA_DB_NAME, VANILLA_PORT).
#   env: RIG UPG_HOME [EXT_DIR BRIDGE_MODULE ITOP_SRC]
export WEBROOT=${VANILLA_WEBROOT:-${UPG_HOME:?UPG_HOME must be set}/www-vanilla}
export RUNDIR=${VANILLA_RUNDIR:-$UPG_HOME/run-vanilla}
export DB_NAME=${VANILLA_DB_NAME:-itop_upg_vanilla}
export WEB_PORT=${VANILLA_PORT:-8082}
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
EXT=${1:-${EXT_DIR:-$REPO_DIR/dist/br-medicaldevice}}
EXT=$(cd "$EXT" 2>/dev/null && pwd) || die "no such extension folder: ${1:-${EXT_DIR:-}}"
: "${BRIDGE_MODULE:=br-medicaldevice-teemip}"
IDS=$(ext_module_ids "$EXT")
log "vanilla iTop $(itop_version "$ITOP_SRC") in $WEBROOT (database $DB_NAME) + $EXT (modules: $(echo $IDS))"
grep -q "^$BRIDGE_MODULE/" <<< "$IDS" || log "note: the extension has no module $BRIDGE_MODULE (yet): the check below is then trivially true"
"$RIG/serve.sh" db >/dev/null || die "MariaDB is not available"
web_stop
rm -rf "$WEBROOT" && mkdir -p "$WEBROOT" && cp -a "$ITOP_SRC/." "$WEBROOT/" || die "copy of $ITOP_SRC failed"
rm -rf "$WEBROOT/conf/production" "$WEBROOT/env-production" "$WEBROOT/data/cache-production"
mkdir -p "$WEBROOT/extensions" "$WEBROOT/log"
cp -a "$EXT" "$WEBROOT/extensions/$(basename "$EXT")" || die "copy of $EXT failed"
mysql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" || die "cannot (re)create $DB_NAME"
MODS=$(compute_modules install "$(itil_choices)") || exit 1
FAIL=0
if grep -qx "$BRIDGE_MODULE" <<< "$MODS"; then echo "Error: $BRIDGE_MODULE was selected by iTop's computation without TeemIp"; FAIL=1; fi
run_setup install "$MODS" "$(itil_choices) $(ext_codes "$EXT")" vanilla || exit 1
INSTALLED=$(installed_modules)
for id in $IDS; do
  if [ "${id%%/*}" = "$BRIDGE_MODULE" ]; then
    if grep -qx "$id" <<< "$INSTALLED"; then echo "Error: $id is installed on an iTop without TeemIp"; FAIL=1; else log "ok: $id not installed"; fi
  else
    if grep -qx "$id" <<< "$INSTALLED"; then log "ok: $id installed"; else echo "Error: $id is not installed"; FAIL=1; fi
  fi
done
grep -q '^teemip-' <<< "$INSTALLED" && { echo "Error: TeemIp modules installed on the vanilla instance"; FAIL=1; }
web_stop
[ $FAIL -eq 0 ] && echo "RESULT: PASS (vanilla iTop without TeemIp: $BRIDGE_MODULE not selected, not installed)" && exit 0
echo "RESULT: FAIL"; exit 1
