#!/usr/bin/env bash
# tests/itop/schema-changes.sh [declared|undeclared] -- issue #16 on a real iTop, in the harness's own instance.
#
#   declared (default): release A = the committed dist/ (without the TeemIp bridge), release B = the same model with
#     the DICOM AE's modality value OT renamed to OTHER and its field description renamed to notes, declared in
#     schemaChanges (tests/itop/schema-changes/release-b.model.ts), version RELEASE_B_VERSION (default 4.1.0), built
#     in a temporary copy of the repository whose dist/ is release A. Checks that `generate` refuses the same edit
#     undeclared (exit 1) and accepts it declared; installs A, creates data through REST, upgrades to B with iTop's
#     unattended setup, and checks the values were carried over (REST and SQL); then runs the setup once more
#     (the steps must not run again).
#   undeclared: measures what iTop's setup does with changes nobody declared (release-undeclared.model.ts: an enum
#     value, a field and a class removed, a field renamed): prints the columns, tables and rows after the upgrade.
#
#   env: RIG UPG_HOME (see tests/itop/README.md; WEBROOT RUNDIR WEB_PORT DB_NAME override the instance)
# Prints SKIPPED and exits 0 without RIG and UPG_HOME. Ends with RESULT: PASS / FAIL (declared) or MEASURED.
if [ -z "${RIG:-}" ] || [ -z "${UPG_HOME:-}" ]; then echo "SKIPPED: set RIG and UPG_HOME to run the schema-change scenario on a real iTop (tests/itop/README.md)"; exit 0; fi
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MODE=${1:-declared}
VERSION_B=${RELEASE_B_VERSION:-4.1.0}
WORK="$UPG_HOME/schema-changes"
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }

rm -rf "$WORK" && mkdir -p "$WORK/A" "$WORK/src" || die "cannot create $WORK"
cp -a "$REPO_DIR/dist/br-medicaldevice" "$WORK/A/" && rm -rf "$WORK/A/br-medicaldevice/br-medicaldevice-teemip"
# a copy of the repository (its working files) with version B, whose dist/ is release A
(cd "$REPO_DIR" && git ls-files -co --exclude-standard -z | grep -zv '^dist/' | xargs -0 tar -cf -) | tar -xf - -C "$WORK/src"
ln -s "$REPO_DIR/node_modules" "$WORK/src/node_modules"
mkdir -p "$WORK/src/dist" && cp -a "$REPO_DIR/dist/br-medicaldevice" "$WORK/src/dist/"
sed -i "s/\"version\": \"[0-9.]*\"/\"version\": \"$VERSION_B\"/" "$WORK/src/package.json"
gen() { (cd "$WORK/src" && node_modules/.bin/tsx generator/cli/run.ts generate --no-docs "$@"); }

if [ "$MODE" = declared ]; then
  log "generate, the renames undeclared (must be refused):"
  RELEASE_B_UNDECLARED=1 gen --model tests/itop/schema-changes/release-b.model.ts | sed 's/^/    /'
  rc=${PIPESTATUS[0]}; [ "$rc" = 1 ] || fail "undeclared renames: generate exited $rc, expected 1"
  log "generate, the renames declared:"
  RELEASE_B_SINCE=$VERSION_B gen --model tests/itop/schema-changes/release-b.model.ts | sed 's/^/    /'
  rc=${PIPESTATUS[0]}; [ "$rc" = 0 ] || { fail "declared renames: generate exited $rc"; echo "RESULT: FAIL"; exit 1; }
  EXT_B="$WORK/src/dist/br-medicaldevice"
else
  gen --model tests/itop/schema-changes/release-undeclared.model.ts --out "$WORK/undeclared" >/dev/null || die "could not generate the measurement release"
  EXT_B="$WORK/undeclared/br-medicaldevice"
fi
rm -rf "$EXT_B/br-medicaldevice-teemip"
sed -i "s:br-medicaldevice/[0-9.]*':br-medicaldevice/$VERSION_B':" "$EXT_B/br-medicaldevice/module.br-medicaldevice.php"

log "install release A ($(ext_module_ids "$WORK/A" | tr '\n' ' '))"
"$RIG/check-extension.sh" "$WORK/A/br-medicaldevice" > "$WORK/install-A.log" 2>&1 || { tail -20 "$WORK/install-A.log"; die "install of release A failed"; }
grant_rest; web_restart

rest() { curl -s "$ITOP_URL/webservices/rest.php?version=1.3" --data-urlencode "auth_user=$ITOP_USER" --data-urlencode "auth_pwd=$ITOP_PWD" --data-urlencode "json_data=$1"; }
create() { rest "{\"operation\":\"core/create\",\"comment\":\"schema-changes\",\"class\":\"$1\",\"output_fields\":\"id\",\"fields\":$2}" | jq -r '.objects // {} | to_entries[0].value.key // empty'; }
ORG=$(create Organization '{"name":"Schema Changes Org"}')
[ -n "$ORG" ] || die "REST create failed: $(rest '{"operation":"list_operations"}' | head -c 300)"
AE_OT=$(create MedicalDicomApplicationEntity "{\"aetitle\":\"REGEN_OT\",\"org_id\":$ORG,\"role\":\"SCP\",\"protocol\":\"DICOM\",\"port\":104,\"modality\":\"OT\",\"status\":\"production\",\"description\":\"stored before the upgrade (é)\"}")
AE_CT=$(create MedicalDicomApplicationEntity "{\"aetitle\":\"REGEN_CT\",\"org_id\":$ORG,\"role\":\"BOTH\",\"protocol\":\"DICOM\",\"ipaddress\":\"10.0.0.5\",\"port\":11112,\"modality\":\"CT\",\"status\":\"production\",\"description\":\"second AE\"}")
LINK=$(create MedicalDicomCommunicationLink "{\"org_id\":$ORG,\"source_ae_id\":$AE_CT,\"target_ae_id\":$AE_OT,\"direction\":\"PUSH\",\"status\":\"production\",\"description\":\"link note\"}")
TS=$(create MedicalDeviceTubeSorter "{\"name\":\"TS-REGEN\",\"org_id\":$ORG}")
log "created: org $ORG, AEs $AE_OT (modality OT) and $AE_CT (CT), link $LINK, tube sorter $TS"
[ -n "$AE_OT" ] && [ -n "$AE_CT" ] && [ -n "$LINK" ] && [ -n "$TS" ] || die "REST creation failed"

OLD_EXT_NAME=br-medicaldevice "$HARNESS_DIR/upgrade.sh" "$EXT_B" > "$WORK/upgrade-B.log" 2>&1
grep -q 'UPGRADE OK' "$WORK/upgrade-B.log" || { tail -30 "$WORK/upgrade-B.log"; echo "RESULT: FAIL (upgrade to B)"; exit 1; }
log "upgraded to $(installed_modules | grep '^br-medicaldevice/')"
grep -h 'br-medicaldevice:\|Changing enum\|Rename' "$(ls -t "$RUNDIR"/setup-upgrade-*.setup.log | head -1)" 2>/dev/null | tail -n 12 | sed 's/^/    setup.log: /'

get() { rest "{\"operation\":\"core/get\",\"class\":\"$1\",\"key\":\"$2\",\"output_fields\":\"$3\"}"; }
echo "--- after the upgrade (SQL)"
DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity WHERE Field IN ('modality','description','notes')" | sed 's/^/    AE column: /'
DBQ "SELECT id, aetitle, modality, $(DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity LIKE 'notes'" | grep -q notes && echo 'notes,') $(DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity LIKE 'description'" | grep -q description && echo 'description,') port FROM medicaldicomapplicationentity WHERE id IN ($AE_OT,$AE_CT)" | sed 's/^/    AE row: /'

if [ "$MODE" = declared ]; then
  echo "--- after the upgrade (REST)"
  OUT=$(get MedicalDicomApplicationEntity "$AE_OT" "aetitle,modality,notes")
  echo "$OUT" | jq -c '.objects[]?.fields' | sed 's/^/    /'
  [ "$(echo "$OUT" | jq -r '.objects[]?.fields.modality')" = OTHER ] || fail "AE $AE_OT: modality is not OTHER"
  [ "$(echo "$OUT" | jq -r '.objects[]?.fields.notes')" = "stored before the upgrade (é)" ] || fail "AE $AE_OT: notes does not hold the former description"
  [ "$(get MedicalDicomApplicationEntity "$AE_CT" modality | jq -r '.objects[]?.fields.modality')" = CT ] || fail "AE $AE_CT: modality changed"
  DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity LIKE 'description'" | grep -q . && fail "column description still there (not moved)"
  DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity LIKE 'modality'" | grep -q "'OT'" && fail "modality column still accepts OT"
  DBQ "SHOW COLUMNS FROM medicaldicomapplicationentity LIKE 'notes'" | grep -q "'NULL'" && fail "notes has the text 'NULL' as its default"
  log "setup once more (B -> B: the steps must not run again)"
  OLD_EXT_NAME=br-medicaldevice "$HARNESS_DIR/upgrade.sh" "$EXT_B" > "$WORK/upgrade-B2.log" 2>&1
  grep -q 'UPGRADE OK' "$WORK/upgrade-B2.log" || fail "second setup failed"
  grep -q 'schema changes of' "$WEBROOT/log/setup.log" && fail "the rename steps ran again on B -> B"
  [ "$(get MedicalDicomApplicationEntity "$AE_OT" notes | jq -r '.objects[]?.fields.notes')" = "stored before the upgrade (é)" ] || fail "notes lost at the second setup"
  [ $FAILS -eq 0 ] && echo "RESULT: PASS" || echo "RESULT: FAIL"
  [ $FAILS -eq 0 ]; exit
fi

echo "--- removed enum value: AE $AE_OT through REST"
get MedicalDicomApplicationEntity "$AE_OT" "aetitle,modality,notes" | jq -c '{code, message, fields: .objects[]?.fields}' | sed 's/^/    /'
echo "--- removed field: the link's description column"
DBQ "SHOW COLUMNS FROM medicaldicomcommunicationlink LIKE 'description'" | sed 's/^/    link column: /'
DBQ "SELECT id, description FROM medicaldicomcommunicationlink WHERE id = $LINK" | sed 's/^/    link row: /'
echo "--- removed class: MedicalDeviceTubeSorter"
DBQ "SHOW TABLES LIKE 'medicaldevicetubesorter'" | sed 's/^/    table: /'
DBQ "SELECT id FROM medicaldevicetubesorter" | sed 's/^/    row: /'
DBQ "SELECT id, name, finalclass FROM functionalci WHERE id = $TS" | sed 's/^/    functionalci row: /'
get FunctionalCI "$TS" "name" | jq -c '{code, message}' | sed 's/^/    REST core\/get FunctionalCI '"$TS"': /'
get FunctionalCI "SELECT FunctionalCI WHERE org_id = $ORG" "name" | jq -c '{code, message, n: (.objects // {} | length)}' | sed 's/^/    REST SELECT FunctionalCI of the org: /'
get PhysicalDevice "SELECT PhysicalDevice" "name" | jq -c '{code, message, n: (.objects // {} | length)}' | sed 's/^/    REST SELECT PhysicalDevice: /'
echo "RESULT: MEASURED"
