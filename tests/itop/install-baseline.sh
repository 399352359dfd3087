#!/usr/bin/env bash
# install-baseline.sh -- a fresh iTop (ITOP_SRC, default $RIG/itop-src-3.2.0) with the CMDB/ITIL modules
# (the choices of iTop's own itil-fresh-install.xml, as the rig's check-extension.sh), TeemIp's IP
# management (TEEMIP_SRC) and br-medicaldevice 3.2.5 (BRMD325_SRC), through iTop's unattended setup.
#   env: RIG UPG_HOME TEEMIP_SRC BRMD325_SRC [ITOP_SRC WEBROOT RUNDIR WEB_PORT DB_NAME]
#   --no-teemip : leave TeemIp out (and do not install BRMD325_SRC either unless BRMD325_SRC is set)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${TEEMIP_SRC:?TEEMIP_SRC must point at the teemip-core-ip-mgmt extension folder (extension.xml + teemip-* modules)}"
: "${BRMD325_SRC:?BRMD325_SRC must point at the br-medicaldevice 3.2.5 repository root (extension.xml + br-medicaldevice/)}"
[ -f "$TEEMIP_SRC/teemip-ip-mgmt/module.teemip-ip-mgmt.php" ] || die "TEEMIP_SRC=$TEEMIP_SRC has no teemip-ip-mgmt module"
[ -f "$BRMD325_SRC/br-medicaldevice/module.br-medicaldevice.php" ] || die "BRMD325_SRC=$BRMD325_SRC has no br-medicaldevice/module.br-medicaldevice.php"
[ -f "$ITOP_SRC/setup/unattended-install/unattended-install.php" ] || die "ITOP_SRC=$ITOP_SRC is not an iTop source tree"

log "fresh instance in $WEBROOT (iTop $(itop_version "$ITOP_SRC")), database $DB_NAME"
"$RIG/serve.sh" db >/dev/null || die "MariaDB is not available"
web_stop
rm -rf "$WEBROOT" && mkdir -p "$WEBROOT" && cp -a "$ITOP_SRC/." "$WEBROOT/" || die "copy of $ITOP_SRC failed"
rm -rf "$WEBROOT/conf/production" "$WEBROOT/env-production" "$WEBROOT/data/cache-production"
mkdir -p "$WEBROOT/extensions" "$WEBROOT/log"
# the folder names a site would have: extensions/teemip-core-ip-mgmt and extensions/br-medicaldevice
# (3.2.5's extension.xml sits next to its module folder, as in its repository)
cp -a "$TEEMIP_SRC" "$WEBROOT/extensions/teemip-core-ip-mgmt" || die "copy of $TEEMIP_SRC failed"
mkdir -p "$WEBROOT/extensions/br-medicaldevice"
cp -a "$BRMD325_SRC/extension.xml" "$BRMD325_SRC/br-medicaldevice" "$WEBROOT/extensions/br-medicaldevice/" || die "copy of $BRMD325_SRC failed"
mysql -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
  || die "cannot (re)create database $DB_NAME"

EXTS="$(itil_choices) $(ext_codes "$TEEMIP_SRC") $(ext_codes "$BRMD325_SRC")"
MODS=$(compute_modules install "$(itil_choices)") || exit 1
# every module of the two extensions must be selected (visible ones are, auto_select ones when their
# expression holds); say so when iTop's computation left one out
for m in $(ext_module_ids "$TEEMIP_SRC" | sed 's:/.*::') br-medicaldevice; do
  grep -qx "$m" <<< "$MODS" || echo "Note: module $m not selected by iTop's computation (auto_select false or dependency missing)"
done
grep -qx teemip-ip-mgmt <<< "$MODS" || die "teemip-ip-mgmt was not selected"
grep -qx br-medicaldevice <<< "$MODS" || die "br-medicaldevice was not selected"
log "installing $(wc -w <<< "$MODS") modules"
run_setup install "$MODS" "$EXTS" baseline || exit 1
grant_rest || die "could not grant the REST profile to $ITOP_USER"
web_restart
log "installed modules: $(installed_modules | grep -E 'teemip|medical' | tr '\n' ' ')"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$ITOP_URL/pages/UI.php")
log "baseline iTop up at $ITOP_URL (UI.php -> HTTP $CODE)"
