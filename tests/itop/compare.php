<?php
/**
 * tests/itop/compare.php BEFORE.json AFTER.json [--exact] -- compares two snapshots of snapshot.php.
 *
 *  objects kept : every REST object of BEFORE is found in AFTER with the same id and the same class
 *  values kept  : every stored REST attribute value of BEFORE, per (class, id, attribute), is equal in
 *                 AFTER (an attribute gone from an object counts as lost). Derived values (friendlyname,
 *                 *_friendlyname, obsolescence flags, class recalls, linked sets) are counted and
 *                 listed apart: they change when presentation changes, without data loss
 *  SQL values   : every column value of BEFORE, per (table, id, column), is equal in AFTER
 *  new          : attributes / columns only in AFTER are listed apart, not counted as losses
 *                 (--exact: any new attribute, column, table or object is a difference too; used to
 *                 check that a second upgrade run changes nothing)
 *  AE ipaddress : when AFTER's MedicalDicomApplicationEntity has `ipaddress`, it must equal the IP text
 *                 of the AE's BEFORE `ipaddress_id` target ('' when it had none)
 * Prints the counts, then every difference. Exit 0 when nothing was lost, 1 otherwise.
 */
if ($argc < 3) {
	fwrite(STDERR, "usage: php compare.php BEFORE.json AFTER.json [--exact]\n");
	exit(2);
}
$aB = json_decode(file_get_contents($argv[1]), true);
$aA = json_decode(file_get_contents($argv[2]), true);
$bExact = in_array('--exact', $argv, true);
if (!is_array($aB) || !is_array($aA)) {
	fwrite(STDERR, "cannot read the snapshots\n");
	exit(2);
}

function show($v): string
{
	if ($v === null) {
		return 'NULL';
	}
	$s = is_array($v) ? json_encode($v, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : '"'.$v.'"';
	return (strlen($s) > 160) ? substr($s, 0, 157).'...' : $s;
}

$aLost = [];      // lines
$aNew = [];       // what => count
$iObj = $iObjKept = $iVal = $iValKept = $iSql = $iSqlKept = $iDer = $iDerKept = 0;
$aDerived = [];   // differences of derived values (informational unless --exact)

/** Derived (computed, not stored) REST values: names, linked sets, obsolescence flags, class recalls. */
function is_derived(string $sAtt, $v): bool
{
	return is_array($v) || $sAtt === 'friendlyname' || $sAtt === 'obsolescence_flag'
		|| preg_match('/_(friendlyname|obsolescence_flag|finalclass_recall)$/', $sAtt) === 1;
}
$aLostByClass = [];

// ------------------------------------------------------------------------------------- REST objects
foreach ($aB['rest'] as $sClass => $aObjs) {
	$aAfterObjs = $aA['rest'][$sClass] ?? null;
	foreach ($aObjs as $sId => $aObj) {
		$iObj++;
		$sFinal = $aObj['class'];
		$aAfter = $aAfterObjs[$sId] ?? null;
		foreach ($aObj['fields'] as $sAtt => $v) {
			if (is_derived($sAtt, $v)) { $iDer++; } else { $iVal++; }
		}
		if ($aAfter === null || $aAfter['class'] !== $sFinal) {
			$aLostByClass[$sFinal] = ($aLostByClass[$sFinal] ?? 0) + 1;
			$aLost[] = sprintf('object lost: %s::%s (%s)%s%s', $sFinal, $sId, $aObj['fields']['friendlyname'] ?? '',
				($aAfterObjs === null) ? ' - class '.$sClass.' not readable after: '.($aA['meta']['rest_errors'][$sClass] ?? '?') : '',
				($aAfter !== null) ? ' - now of class '.$aAfter['class'] : '');
			continue;
		}
		$iObjKept++;
		foreach ($aObj['fields'] as $sAtt => $v) {
			$bDerived = is_derived($sAtt, $v);
			if (!array_key_exists($sAtt, $aAfter['fields'])) {
				$sLine = sprintf('value lost: %s::%s %s = %s (attribute gone)', $sFinal, $sId, $sAtt, show($v));
			} elseif ($aAfter['fields'][$sAtt] !== $v) {
				$sLine = sprintf('value changed: %s::%s %s: %s -> %s', $sFinal, $sId, $sAtt, show($v), show($aAfter['fields'][$sAtt]));
			} else {
				$sLine = null;
				if ($bDerived) { $iDerKept++; } else { $iValKept++; }
			}
			if ($sLine !== null) {
				if ($bDerived) { $aDerived[] = $sLine; } else { $aLost[] = $sLine; }
			}
		}
		foreach (array_diff_key($aAfter['fields'], $aObj['fields']) as $sAtt => $v) {
			$aNew["attribute $sFinal.$sAtt"] = ($aNew["attribute $sFinal.$sAtt"] ?? 0) + 1;
		}
	}
	foreach (array_diff_key($aAfterObjs ?? [], $aObjs) as $sId => $aObj) {
		$aNew["object of {$aObj['class']} (e.g. id $sId)"] = ($aNew["object of {$aObj['class']} (e.g. id $sId)"] ?? 0) + 1;
	}
}
foreach (array_diff_key($aA['rest'], $aB['rest']) as $sClass => $aObjs) {
	$aNew["REST class $sClass"] = count($aObjs);
}

// -------------------------------------------------------------------------------------- SQL values
$aSqlLost = [];
foreach ($aB['sql'] as $sTable => $aRows) {
	foreach ($aRows as $sId => $aRow) {
		$aAfterRow = $aA['sql'][$sTable][$sId] ?? null;
		foreach ($aRow as $sCol => $v) {
			$iSql++;
			if ($aAfterRow === null) {
				$aSqlLost["$sTable#$sId"] = "sql row lost: $sTable id $sId";
			} elseif (!array_key_exists($sCol, $aAfterRow)) {
				$aSqlLost[] = "sql value lost: $sTable id $sId $sCol = ".show($v).' (column gone)';
			} elseif ($aAfterRow[$sCol] !== $v) {
				$aSqlLost[] = "sql value changed: $sTable id $sId $sCol: ".show($v).' -> '.show($aAfterRow[$sCol]);
			} else {
				$iSqlKept++;
			}
		}
		if ($aAfterRow !== null) {
			foreach (array_diff_key($aAfterRow, $aRow) as $sCol => $v) {
				$aNew["column $sTable.$sCol"] = ($aNew["column $sTable.$sCol"] ?? 0) + 1;
			}
		}
	}
	foreach (array_diff_key($aA['sql'][$sTable] ?? [], $aRows) as $sId => $aRow) {
		$aNew["row of $sTable"] = ($aNew["row of $sTable"] ?? 0) + 1;
	}
}
foreach (array_diff_key($aA['sql'], $aB['sql']) as $sTable => $aRows) {
	$aNew["table $sTable"] = count($aRows);
}

// ------------------------------------------------------------------------- AE ipaddress = IP text
$aIpCheck = [];
$iIpOk = $iIpAll = 0;
$aAeAfter = $aA['rest']['MedicalDicomApplicationEntity'] ?? [];
$bHasIp = false;
foreach ($aAeAfter as $aObj) {
	$bHasIp = $bHasIp || array_key_exists('ipaddress', $aObj['fields']);
}
$bHadIpId = false; // the check is about migrating 3.2.5's ipaddress_id: only when BEFORE has it
foreach ($aB['rest']['MedicalDicomApplicationEntity'] ?? [] as $aObj) {
	$bHadIpId = $bHadIpId || array_key_exists('ipaddress_id', $aObj['fields']);
}
$bHasIp = $bHasIp && $bHadIpId;
if ($bHasIp) {
	foreach ($aB['rest']['MedicalDicomApplicationEntity'] ?? [] as $sId => $aObj) {
		if (!isset($aAeAfter[$sId])) {
			continue; // already reported as lost
		}
		$iIpAll++;
		$iTarget = (int) ($aObj['fields']['ipaddress_id'] ?? 0);
		$sExpected = '';
		$sWhere = 'no ipaddress_id';
		if ($iTarget > 0) {
			$aIp = $aB['rest']['IPAddress'][(string) $iTarget] ?? null;
			$sExpected = (string) ($aIp['fields']['ip'] ?? '?');
			$sWhere = ($aIp['class'] ?? 'IPAddress')."::$iTarget";
		}
		$sGot = (string) ($aAeAfter[$sId]['fields']['ipaddress'] ?? '');
		if ($sGot === $sExpected) {
			$iIpOk++;
		} else {
			$aIpCheck[] = sprintf('AE ipaddress: MedicalDicomApplicationEntity::%s %s: ipaddress = %s, expected %s (IP text of %s)',
				$sId, $aObj['fields']['aetitle'] ?? '', show($sGot), show($sExpected), $sWhere);
		}
	}
}

// ---------------------------------------------------------------------------------------- report
printf("objects kept %d/%d, values kept %d/%d (stored attributes, REST), SQL values kept %d/%d, derived values kept %d/%d\n",
	$iObjKept, $iObj, $iValKept, $iVal, $iSqlKept, $iSql, $iDerKept, $iDer);
if ($aLostByClass) {
	ksort($aLostByClass);
	echo 'objects lost by class: '.implode(', ', array_map(fn($k, $v) => "$k $v", array_keys($aLostByClass), $aLostByClass))."\n";
}
echo $bHasIp ? sprintf("AE ipaddress check: %d/%d AEs hold the IP text of their ipaddress_id target\n", $iIpOk, $iIpAll)
	: "AE ipaddress check: skipped (needs `ipaddress_id` before and `ipaddress` after on MedicalDicomApplicationEntity)\n";
if (!empty($aA['meta']['rest_errors'])) {
	foreach ($aA['meta']['rest_errors'] as $sClass => $sMsg) {
		echo "REST error after, class $sClass: $sMsg\n";
	}
}
$aSqlLost = array_values($aSqlLost);
foreach ([['differences (REST, stored attributes and objects)', $aLost], ['differences (SQL)', $aSqlLost], ['AE ipaddress mismatches', $aIpCheck],
	['differences of derived values (friendly names, linked sets, flags; '.($bExact ? 'counted: --exact' : 'not counted as losses').')', $aDerived]] as [$sTitle, $aLines]) {
	if ($aLines) {
		echo "\n$sTitle: ".count($aLines)."\n  ".implode("\n  ", $aLines)."\n";
	}
}
if ($aNew) {
	ksort($aNew);
	echo "\nonly after (".($bExact ? 'counted as differences: --exact' : 'not losses')."):\n";
	foreach ($aNew as $sWhat => $iCount) {
		echo "  $sWhat ($iCount)\n";
	}
}
$bLoss = ($iObjKept < $iObj) || ($iValKept < $iVal) || ($iSqlKept < $iSql) || $aIpCheck || ($bExact && ($aNew || $aDerived));
echo "\n".($bLoss ? 'COMPARE: DIFFERENCES FOUND' : 'COMPARE: EVERYTHING KEPT')."\n";
exit($bLoss ? 1 : 0);
