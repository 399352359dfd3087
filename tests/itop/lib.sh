# tests/itop/lib.sh -- shared settings and helpers of the real-iTop upgrade harness (sourced, not run).
#
# Every path comes from the environment (see tests/itop/README.md). The harness runs its OWN iTop
# instance beside the rig's default one: it refuses the rig's default web root, port 8080 and
# database `itop`.
set -u
HARNESS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$HARNESS_DIR/../.." && pwd)

die() { echo "itop-harness: $*" >&2; exit 2; }
log() { echo "[$(date +%H:%M:%S)] $*"; }

: "${RIG:?RIG must point at the iTop rig folder (rig.conf, serve.sh, itop-src-3.2.0)}"
: "${UPG_HOME:?UPG_HOME must point at a work folder for the harness instance (created if missing)}"
# instance defaults (each may be overridden); rig.conf fills in the DB account and PHP
: "${WEBROOT:=$UPG_HOME/www}"
: "${RUNDIR:=$UPG_HOME/run}"
: "${WEB_PORT:=8081}"
: "${DB_NAME:=itop_upg}"
: "${BASELINE_DIR:=$UPG_HOME/baseline}"     # saved instance (database dump + file copy) after populate
: "${SNAP_DIR:=$UPG_HOME/snapshots}"
: "${ITOP_SRC:=$RIG/itop-src-3.2.0}"
[ -f "$RIG/rig.conf" ] || die "RIG=$RIG holds no rig.conf"
. "$RIG/rig.conf"
# admin account of the rig (itop.env); the URL is ours, not the rig's
if [ -f "$RIG/itop.env" ]; then . "$RIG/itop.env"; fi
: "${ITOP_USER:=admin}"
: "${ITOP_PWD:?ITOP_PWD must be set: source the itop.env of the rig, or export it}"
export ITOP_URL="http://$WEB_HOST:$WEB_PORT"
export ITOP_USER ITOP_PWD WEBROOT RUNDIR WEB_PORT DB_NAME BASELINE_DIR SNAP_DIR ITOP_SRC

case "$WEBROOT" in ""|/|"$RIG/www"|"$RIG/www/") die "refusing WEBROOT=$WEBROOT (the rig's default instance)";; esac
[ "$WEB_PORT" != 8080 ] || die "refusing WEB_PORT=8080 (the rig's default instance)"
[ "$DB_NAME" != itop ] || die "refusing DB_NAME=itop (the rig's default instance)"
case "$WEB_HOST:$DB_HOST" in 127.*:127.*|localhost:*|*:localhost) ;; *) die "loopback addresses only (WEB_HOST=$WEB_HOST DB_HOST=$DB_HOST)";; esac
mkdir -p "$RUNDIR" "$SNAP_DIR"

DBQ() { mysql -N -B "$DB_NAME" -e "$1"; }

# version of the iTop sources in $1 (defaults to $WEBROOT)
itop_version() {
  local d=${1:-$WEBROOT} v
  v=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$d/datamodels/2.x/version.xml" 2>/dev/null | head -1)
  [ -n "$v" ] || v=$(sed -n "s/.*define('ITOP_CORE_VERSION', *'\([^']*\)').*/\1/p" "$d/approot.inc.php")
  echo "$v"
}

# module ids (code/version) declared by the module.*.php files under $1
ext_module_ids() {
  local f
  while IFS= read -r -d '' f; do
    perl -0777 -ne 'while (/AddModule\s*\(\s*__FILE__\s*,(?:\s|\/\/[^\n]*\n|\/\*.*?\*\/|#[^\n]*\n)*[\x27"]([^\x27"]+)[\x27"]/sg) { print "$1\n" }' "$f"
  done < <(find "$1" -name 'module.*.php' -print0)
}
# extension codes of the extension.xml files under $1 (surrounding blanks and CDATA removed)
ext_codes() {
  local f
  while IFS= read -r -d '' f; do
    perl -0777 -ne 'if (/<extension_code>\s*(?:<!\[CDATA\[)?\s*([^\]<\s]+)/s) { print "$1\n" }' "$f"
  done < <(find "$1" -name 'extension.xml' -print0)
}

# the ITIL choices of iTop's own sample (what the rig's check-extension.sh installs)
itil_choices() {
  sed -n '/<selected_extensions/,/<\/selected_extensions>/s:.*<item>\(.*\)</item>.*:\1:p' \
    "$WEBROOT/setup/unattended-install/xml_setup/itil-fresh-install.xml"
}

xml_items() { local x; for x in "$@"; do [ -n "$x" ] && printf '    <item>%s</item>\n' "$x"; done; }

# write_setup_xml FILE MODE(install|upgrade) "MODULE..." "EXTENSION..."
write_setup_xml() {
  local file=$1 mode=$2 prev=''
  [ "$mode" = upgrade ] && prev="$WEBROOT/conf/production/config-itop.php"
  cat > "$file" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<installation>
  <mode>$mode</mode>
  <preinstall></preinstall>
  <source_dir>datamodels/2.x/</source_dir>
  <datamodel_version>$(itop_version)</datamodel_version>
  <previous_configuration_file>$prev</previous_configuration_file>
  <extensions_dir>extensions</extensions_dir>
  <target_env>production</target_env>
  <workspace_dir></workspace_dir>
  <database>
    <server>$DB_HOST:$DB_PORT</server>
    <user>$DB_USER</user>
    <pwd>$DB_PWD</pwd>
    <name>$DB_NAME</name>
    <db_tls_enabled>0</db_tls_enabled>
    <db_tls_ca></db_tls_ca>
    <prefix></prefix>
  </database>
  <url>$ITOP_URL/</url>
  <graphviz_path>/usr/bin/dot</graphviz_path>
  <admin_account>
    <user>$ITOP_USER</user>
    <pwd>$ITOP_PWD</pwd>
    <language>EN US</language>
  </admin_account>
  <language>EN US</language>
  <selected_modules type="array">
$(xml_items $3)
  </selected_modules>
  <selected_extensions type="array">
$(xml_items $4)
  </selected_extensions>
  <sample_data>0</sample_data>
  <old_addon></old_addon>
  <options type="array"/>
  <mysql_bindir></mysql_bindir>
</installation>
XML
}

# compute_modules MODE "EXTENSION..." -> prints the module names iTop's own computation selects
# (setup/unattended-install with --installation_xml and --install=0: installation choices, every
# manually added extension of extensions/, then every auto_select expression).
compute_modules() {
  local mode=$1 exts=$2 f="$RUNDIR/dryrun-$1.xml" out="$RUNDIR/dryrun-$1.log"
  write_setup_xml "$f" "$mode" "" "$exts"
  (cd "$WEBROOT" && "$PHP" setup/unattended-install/unattended-install.php --param-file="$f" \
      --installation_xml="$WEBROOT/datamodels/2.x/installation.xml" --install=0) > "$out" 2>&1
  local computed; computed=$(grep -A1 '^Computed modules to install' "$out" | tail -1)
  [ -n "$computed" ] || { echo "iTop could not compute the module list (see $out):" >&2; grep -i error "$out" | head -20 >&2; return 1; }
  tr ',' '\n' <<< "$computed" | sed 's:/.*::' | sort -u
}

# run_setup MODE "MODULE..." "EXTENSION..." LABEL -> runs iTop's unattended setup, prints the verdict
run_setup() {
  local mode=$1 mods=$2 exts=$3 label=$4 stamp; stamp=$(date +%Y%m%d-%H%M%S)
  local f="$RUNDIR/setup-$label-$stamp.xml" out="$RUNDIR/setup-$label-$stamp.log" rc t0 t1
  write_setup_xml "$f" "$mode" "$mods" "$exts"
  cp -f "$f" "$RUNDIR/setup-$label-last.xml"
  rm -f "$WEBROOT/data/.maintenance" "$WEBROOT/data/.readonly"
  : > "$WEBROOT/log/setup.log" 2>/dev/null || true
  t0=$(date +%s)
  (cd "$WEBROOT" && "$PHP" setup/unattended-install/unattended-install.php --param-file="$f") > "$out" 2>&1
  rc=$?; t1=$(date +%s)
  # iTop's own setup log of this run (the installers' lines), kept beside its output
  cp -f "$WEBROOT/log/setup.log" "$RUNDIR/setup-$label-$stamp.setup.log" 2>/dev/null || true
  ln -sf "$(basename "$out")" "$RUNDIR/setup-$label-last.log"
  if [ $rc -ne 0 ] || ! tail -n 3 "$out" | grep -q 'installed!'; then
    echo "SETUP FAILED ($mode, exit $rc, $((t1-t0)) s); last step: $(grep "^Executing '" "$out" | tail -1)"
    { grep -E 'Error|ERROR|Fatal|Exception|failed' "$out"; \
      grep -E '\| Error|ERROR|Fatal|Exception' "$WEBROOT/log/setup.log" 2>/dev/null; } | awk '!seen[$0]++' | head -60
    echo "(full output: $out ; setup log: $WEBROOT/log/setup.log ; parameters: $f)"
    return 1
  fi
  echo "SETUP OK ($mode, $((t1-t0)) s; output: $out)"
}

# the admin must hold Administrator + REST Services User (the rig's convention)
grant_rest() {
  DBQ "INSERT INTO priv_urp_userprofile (userid, profileid, description)
       SELECT u.id, p.id, 'harness: REST access' FROM priv_user u JOIN priv_urp_profiles p
       WHERE u.login='$ITOP_USER' AND p.name IN ('Administrator','REST Services User')
         AND NOT EXISTS (SELECT 1 FROM priv_urp_userprofile x WHERE x.userid=u.id AND x.profileid=p.id)"
}

# php -S for the harness instance, through the rig's serve.sh (pid file in our RUNDIR, our port);
# restarted after every setup: iTop caches the compiled model in APCu
web_restart() { PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-2} "$RIG/serve.sh" restart-web >/dev/null; }
web_stop() { "$RIG/serve.sh" stop-web >/dev/null; }

installed_modules() { DBQ "SELECT CONCAT(name,'/',version) FROM priv_module_install
  WHERE parent_id = (SELECT MAX(id) FROM priv_module_install WHERE name='iTop')" | LC_ALL=C sort; }
