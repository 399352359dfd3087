<?php
/**
 * tests/itop/rest.inc.php -- tiny client of iTop's REST API (webservices/rest.php, version 1.3) and of
 * the harness database, shared by populate-baseline.php and snapshot.php.
 * Settings come from the environment exported by lib.sh: ITOP_URL, ITOP_USER, ITOP_PWD,
 * DB_HOST, DB_PORT, DB_USER, DB_PWD, DB_NAME.
 */

function env(string $sName): string
{
	$s = getenv($sName);
	if ($s === false || $s === '') {
		fwrite(STDERR, "missing environment variable $sName (run through the tests/itop shell scripts)\n");
		exit(2);
	}
	return $s;
}

/** Posts one operation; returns the decoded answer (throws on transport or JSON errors). */
function rest(array $aOperation): array
{
	$oCurl = curl_init(env('ITOP_URL').'/webservices/rest.php?version=1.3');
	curl_setopt_array($oCurl, [
		CURLOPT_POST => true,
		CURLOPT_RETURNTRANSFER => true,
		CURLOPT_TIMEOUT => 120,
		CURLOPT_POSTFIELDS => http_build_query([
			'auth_user' => env('ITOP_USER'),
			'auth_pwd' => env('ITOP_PWD'),
			'json_data' => json_encode($aOperation),
		]),
	]);
	$sBody = curl_exec($oCurl);
	if ($sBody === false) {
		throw new RuntimeException('REST transport error: '.curl_error($oCurl));
	}
	$aAnswer = json_decode($sBody, true);
	if (!is_array($aAnswer)) {
		throw new RuntimeException('REST answer is not JSON: '.substr($sBody, 0, 500));
	}
	return $aAnswer;
}

function db(): mysqli
{
	static $oDb = null;
	if ($oDb === null) {
		mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
		$oDb = new mysqli(env('DB_HOST'), env('DB_USER'), env('DB_PWD'), env('DB_NAME'), (int) env('DB_PORT'));
		$oDb->set_charset('utf8mb4');
	}
	return $oDb;
}

/** @return array<int, array<string, ?string>> */
function sql_rows(string $sSql): array
{
	$oRes = db()->query($sSql);
	$aRows = [];
	while ($aRow = $oRes->fetch_assoc()) {
		$aRows[] = $aRow;
	}
	return $aRows;
}
