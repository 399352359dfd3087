#!/usr/bin/env bash
# upgrade.sh [EXT_DIR] -- replaces br-medicaldevice in the harness instance by the extension folder
# EXT_DIR (default $EXT_DIR, else <repo>/dist/br-medicaldevice) and runs iTop's unattended setup in
# UPGRADE mode. Prints "UPGRADE OK" or "SETUP FAILED" with iTop's error lines (exit 1).
#   env: RIG UPG_HOME [EXT_DIR OLD_EXT_NAME BRIDGE_MODULE WEBROOT RUNDIR WEB_PORT DB_NAME]
#
# Module selection (what iTop's setup wizard does on an upgrade, made explicit):
#   every module recorded as installed (priv_module_install), that still exists on disk
#   + every module iTop's own computation selects (unattended-install --install=0 with
#     installation.xml: installation choices, the manually added extensions of extensions/, then the
#     auto_select expressions, e.g. a bridge module selected when teemip-ip-mgmt is).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
EXT=${1:-${EXT_DIR:-$REPO_DIR/dist/br-medicaldevice}}
EXT=$(cd "$EXT" 2>/dev/null && pwd) || die "no such extension folder: ${1:-${EXT_DIR:-}}"
: "${OLD_EXT_NAME:=br-medicaldevice}"      # folder of the installed release under extensions/
[ -f "$WEBROOT/conf/production/config-itop.php" ] || die "no installed iTop in $WEBROOT (install or restore the baseline first)"
NEW_NAME=$(basename "$EXT")
NEW_IDS=$(ext_module_ids "$EXT"); [ -n "$NEW_IDS" ] || die "no module.*.php in $EXT"
NEW_CODES=$(ext_codes "$EXT")
log "upgrade: extensions/$OLD_EXT_NAME -> $EXT (modules: $(echo $NEW_IDS))"

BEFORE=$(installed_modules)
web_stop
rm -rf "$WEBROOT/extensions/$OLD_EXT_NAME" "$WEBROOT/extensions/$NEW_NAME"
cp -a "$EXT" "$WEBROOT/extensions/$NEW_NAME" || die "copy of $EXT failed"

# installed extension codes (as recorded) + ITIL choices + the new extension's codes
EXTS=$( { DBQ "SELECT code FROM priv_extension_install WHERE installed = (SELECT MAX(installed) FROM priv_extension_install)"; \
          itil_choices; echo "$NEW_CODES"; } | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$' | sort -u)
COMPUTED=$(compute_modules upgrade "$(itil_choices)") || exit 1
ON_DISK=$(find "$WEBROOT/datamodels/2.x" "$WEBROOT/extensions" -iname 'module.*.php' | sed 's:.*/module\.\(.*\)\.php$:\1:I' | sort -u)
MODS=$( { sed 's:/.*::' <<< "$BEFORE"; echo "$COMPUTED"; } | sort -u | grep -vx -e '' -e datamodel -e iTop | grep -Fx -f <(echo "$ON_DISK"))
DROPPED=$(sed 's:/.*::' <<< "$BEFORE" | grep -vFx -f <(echo "$MODS") || true)
[ -z "$DROPPED" ] || log "installed modules no longer on disk (not selected): $(echo $DROPPED)"
for id in $NEW_IDS; do
  m=${id%%/*}
  if grep -qx "$m" <<< "$MODS"; then log "  selected: $id"; else log "  NOT selected: $id (auto_select false or dependency missing)"; fi
done
# the TeemIp bridge (BRIDGE_MODULE) must come along on an instance that has TeemIp's IP management
: "${BRIDGE_MODULE:=br-medicaldevice-teemip}"
if grep -q "^$BRIDGE_MODULE/" <<< "$NEW_IDS" && grep -q '^teemip-ip-mgmt/' <<< "$BEFORE" && ! grep -qx "$BRIDGE_MODULE" <<< "$MODS"; then
  echo "Error: $BRIDGE_MODULE is not selected although teemip-ip-mgmt is installed (check its auto_select and dependencies; iTop's computation: $RUNDIR/dryrun-upgrade.log)"
  exit 1
fi
run_setup upgrade "$MODS" "$EXTS" upgrade || { web_restart; exit 1; }
grant_rest || die "could not grant the REST profile to $ITOP_USER"
web_restart
AFTER=$(installed_modules)
log "modules added: $(LC_ALL=C comm -13 <(echo "$BEFORE") <(echo "$AFTER") | tr '\n' ' ')"
log "modules gone:  $(LC_ALL=C comm -23 <(echo "$BEFORE") <(echo "$AFTER") | tr '\n' ' ')"
MISSING=0
for id in $NEW_IDS; do
  if grep -qx "$id" <<< "$AFTER"; then :; elif grep -qx "${id%%/*}" <<< "$MODS"; then echo "Error: $id selected but not recorded as installed"; MISSING=1; fi
done
[ $MISSING -eq 0 ] || exit 1
echo "UPGRADE OK"
