<?php
/**
 * tests/itop/snapshot.php OUT.json -- canonical JSON of every object of the classes of interest, read
 * two ways:
 *   sql:  every column of every row of the br-medicaldevice 3.2.5 tables (medical*), and of the parent
 *         and neighbour tables for those ids: typology (brands, models), functionalci / physicaldevice /
 *         connectableci (devices + the CIs hosting AEs), the lnk tables rows of those CIs, and the TeemIp
 *         tables of every IP address (ipobject, ipaddress, ipaddressv4, ipaddressv6);
 *   rest: core/get "SELECT <Class>" with output_fields "*+" (every attribute of the object's actual
 *         class) per class of interest.
 * Blobs (images) are reduced to "sha256:<hash> (<n> bytes)". Keys are sorted, so two snapshots diff
 * cleanly. Settings: see rest.inc.php (exported by lib.sh).
 */
require __DIR__.'/rest.inc.php';

if ($argc < 2) {
	fwrite(STDERR, "usage: php snapshot.php OUT.json\n");
	exit(2);
}
$sOut = $argv[1];

// classes of interest (REST). For lnk classes only the rows of the CIs of interest are read.
const REST_CLASSES = [
	'MedicalBrand', 'MedicalModel', 'MedicalDevice', 'MedicalDicomApplicationEntity',
	'MedicalDicomCommunicationLink', 'IPAddress', 'lnkContactToFunctionalCI', 'lnkDocumentToFunctionalCI',
];

$sDb = env('DB_NAME');
$aColumns = []; // table => [column => data_type]
foreach (sql_rows("SELECT TABLE_NAME t, COLUMN_NAME c, DATA_TYPE d FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = '".db()->real_escape_string($sDb)."' ORDER BY TABLE_NAME, ORDINAL_POSITION") as $a) {
	$aColumns[$a['t']][$a['c']] = $a['d'];
}

function ids(string $sSql): array
{
	$a = array_map(fn($r) => (int) reset($r), sql_rows($sSql));
	$a = array_values(array_unique(array_filter($a, fn($i) => $i > 0)));
	sort($a);
	return $a;
}
function has_table(string $sTable): bool { global $aColumns; return isset($aColumns[$sTable]); }
function has_column(string $sTable, string $sCol): bool { global $aColumns; return isset($aColumns[$sTable][$sCol]); }

function read_rows(string $sTable, ?array $aIds, string $sKey = 'id'): array
{
	global $aColumns;
	if (!has_table($sTable) || ($aIds !== null && count($aIds) === 0)) {
		return [];
	}
	$sWhere = ($aIds === null) ? '' : " WHERE `$sKey` IN (".implode(',', $aIds).')';
	$aOut = [];
	foreach (sql_rows("SELECT * FROM `$sTable`$sWhere ORDER BY id") as $aRow) {
		$aVals = [];
		foreach ($aRow as $sCol => $v) {
			if ($v !== null && in_array($aColumns[$sTable][$sCol], ['blob', 'longblob', 'mediumblob', 'tinyblob', 'binary', 'varbinary'], true)) {
				$v = 'sha256:'.hash('sha256', $v).' ('.strlen($v).' bytes)';
			}
			$aVals[$sCol] = $v;
		}
		ksort($aVals);
		$aOut[(string) $aRow['id']] = $aVals;
	}
	return $aOut;
}

// ---------------------------------------------------------------------------------------------- SQL
$aSql = [];
$aMedTables = array_values(array_filter(array_keys($aColumns), fn($t) => strpos($t, 'medical') === 0));
foreach ($aMedTables as $sTable) {
	$aSql[$sTable] = read_rows($sTable, null);
}
$aTypologyIds = array_merge(
	has_table('medicalbrand') ? ids('SELECT id FROM medicalbrand') : [],
	has_table('medicalmodel') ? ids('SELECT id FROM medicalmodel') : []
);
$aCiIds = has_table('medicaldevice') ? ids('SELECT id FROM medicaldevice') : [];
$sAe = 'medicaldicomapplicationentity';
foreach (['functionalci_id', 'medicaldevicemie_id'] as $sCol) {
	if (has_column($sAe, $sCol)) {
		$aCiIds = array_merge($aCiIds, ids("SELECT `$sCol` FROM `$sAe`"));
	}
}
$aCiIds = array_values(array_unique($aCiIds));
sort($aCiIds);
$aSql['typology'] = read_rows('typology', $aTypologyIds);
foreach (['functionalci', 'physicaldevice', 'connectableci'] as $sTable) {
	$aSql[$sTable] = read_rows($sTable, $aCiIds);
}
foreach (['lnkcontacttofunctionalci', 'lnkdocumenttofunctionalci'] as $sTable) {
	$aSql[$sTable] = read_rows($sTable, $aCiIds, 'functionalci_id');
}
$aIpIds = has_table('ipaddress') ? ids('SELECT id FROM ipaddress') : [];
foreach (['ipobject', 'ipaddress', 'ipaddressv4', 'ipaddressv6'] as $sTable) {
	$aSql[$sTable] = read_rows($sTable, $aIpIds);
}
ksort($aSql);

// --------------------------------------------------------------------------------------------- REST
/** One REST value in a canonical, comparable form. */
function canon($v)
{
	if (!is_array($v)) {
		return $v === null ? null : (string) $v;
	}
	if (array_key_exists('data', $v) && array_key_exists('mimetype', $v)) { // AttributeImage / blob
		$sData = base64_decode((string) $v['data']);
		return ($sData === '') ? '' : 'sha256:'.hash('sha256', $sData).' ('.strlen($sData).' bytes) '.$v['mimetype'].' '.($v['filename'] ?? '');
	}
	// linked set: the sorted identities of its elements (the elements are snapshot as objects anyway);
	// identity = friendlyname, else name, else aetitle, else its external keys
	$aIds = [];
	foreach ($v as $aElem) {
		if (!is_array($aElem)) {
			$aIds[] = (string) $aElem;
			continue;
		}
		$s = $aElem['friendlyname'] ?? $aElem['name'] ?? $aElem['aetitle'] ?? null;
		if ($s === null) {
			$aKeys = array_filter($aElem, fn($k) => substr($k, -3) === '_id', ARRAY_FILTER_USE_KEY);
			ksort($aKeys);
			$s = json_encode($aKeys);
		}
		$aIds[] = (string) $s;
	}
	sort($aIds);
	return $aIds;
}

$aRest = [];
$aRestErrors = [];
foreach (REST_CLASSES as $sClass) {
	$sOql = "SELECT $sClass";
	if (strpos($sClass, 'lnk') === 0) {
		if (count($aCiIds) === 0) {
			continue;
		}
		$sOql .= ' WHERE functionalci_id IN ('.implode(',', $aCiIds).')';
	}
	$a = rest(['operation' => 'core/get', 'class' => $sClass, 'key' => $sOql, 'output_fields' => '*+']);
	if (($a['code'] ?? -1) !== 0) {
		$aRestErrors[$sClass] = $a['message'] ?? json_encode($a);
		continue;
	}
	$aObjs = [];
	foreach (($a['objects'] ?? []) as $aObj) {
		$aFields = [];
		foreach ($aObj['fields'] as $sAtt => $v) {
			$aFields[$sAtt] = canon($v);
		}
		ksort($aFields);
		$aObjs[(string) $aObj['key']] = ['class' => $aObj['class'], 'fields' => $aFields];
	}
	ksort($aObjs, SORT_NUMERIC);
	$aRest[$sClass] = $aObjs;
}

$aModules = sql_rows("SELECT name, version FROM priv_module_install
	WHERE parent_id = (SELECT MAX(id) FROM priv_module_install WHERE name = 'iTop') ORDER BY name");
$aSnap = [
	'meta' => [
		'modules' => array_map(fn($r) => $r['name'].'/'.$r['version'], $aModules),
		'rest_errors' => (object) $aRestErrors,
	],
	'sql' => $aSql,
	'rest' => $aRest,
];
file_put_contents($sOut, json_encode($aSnap, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)."\n");
$iRows = array_sum(array_map('count', $aSql));
$iObjs = array_sum(array_map('count', $aRest));
printf("snapshot %s: %d SQL rows in %d tables, %d REST objects in %d classes%s\n", $sOut, $iRows, count($aSql), $iObjs,
	count($aRest), $aRestErrors ? ' (REST errors: '.implode(', ', array_keys($aRestErrors)).')' : '');
