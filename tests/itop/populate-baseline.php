<?php
/**
 * tests/itop/populate-baseline.php -- fills a fresh iTop 3.2.0 + TeemIp + br-medicaldevice 3.2.5 instance
 * through REST (version 1.3) with objects of every 3.2.5 class, then applies the few "legacy" edits
 * that 3.2.5's own checks refuse but that sites can hold (see LEGACY below).
 *
 * Run through populate-baseline.sh (it exports the settings). Deterministic: same data every run
 * (no dates from the clock), so two baselines compare equal except for ids if the order changes.
 */
require __DIR__.'/rest.inc.php';

$iCreated = 0;
$aErrors = [];

/** core/create; returns the new id (dies on error: the baseline must be complete). */
function create(string $sClass, array $aFields, string $sWhy = ''): int
{
	global $iCreated;
	$a = rest(['operation' => 'core/create', 'comment' => 'upgrade harness baseline', 'class' => $sClass,
		'fields' => $aFields, 'output_fields' => 'id']);
	if (($a['code'] ?? -1) !== 0) {
		fwrite(STDERR, "create $sClass failed ($sWhy): ".json_encode($a)."\n".json_encode($aFields)."\n");
		exit(1);
	}
	$aObj = reset($a['objects']);
	$iCreated++;
	return (int) $aObj['key'];
}

/** core/update of one object; dies on error. */
function update(string $sClass, int $iId, array $aFields, string $sWhy = ''): void
{
	$a = rest(['operation' => 'core/update', 'comment' => 'upgrade harness baseline', 'class' => $sClass,
		'key' => $iId, 'fields' => $aFields, 'output_fields' => 'id']);
	if (($a['code'] ?? -1) !== 0) {
		fwrite(STDERR, "update $sClass::$iId failed ($sWhy): ".json_encode($a)."\n");
		exit(1);
	}
}

/** A tiny PNG (8x8, one colour) generated with GD, as REST wants an AttributeImage value. */
function png(string $sName, int $iR, int $iG, int $iB): array
{
	$oImg = imagecreatetruecolor(8, 8);
	imagefill($oImg, 0, 0, imagecolorallocate($oImg, $iR, $iG, $iB));
	imagesetpixel($oImg, 0, 0, imagecolorallocate($oImg, 255 - $iR, 255 - $iG, 255 - $iB));
	ob_start();
	imagepng($oImg);
	$sData = ob_get_clean();
	return ['data' => base64_encode($sData), 'mimetype' => 'image/png', 'filename' => $sName.'.png'];
}

// ---------------------------------------------------------------------------------------------------
// Supporting objects (not counted by the snapshot unless linked: organizations, locations, contacts,
// documents, a Server hosting PACS AEs)
$aOrg = [
	'N' => create('Organization', ['name' => 'Clinic North', 'code' => 'CLN']),
	'S' => create('Organization', ['name' => 'Clinic South', 'code' => 'CLS']),
];
$aLoc = [
	'N' => create('Location', ['name' => 'North Lab Building', 'org_id' => $aOrg['N'], 'city' => 'Nordstadt', 'country' => 'DE']),
	'S' => create('Location', ['name' => 'South Imaging Wing', 'org_id' => $aOrg['S'], 'city' => 'Suedstadt', 'country' => 'DE']),
];
$aPerson = [
	create('Person', ['name' => 'Keller', 'first_name' => 'Anna', 'org_id' => $aOrg['N'], 'email' => 'anna.keller@example.org']),
	create('Person', ['name' => 'Martin', 'first_name' => 'Luc', 'org_id' => $aOrg['S'], 'email' => 'luc.martin@example.org']),
];
$iTeam = create('Team', ['name' => 'Medical Engineering', 'org_id' => $aOrg['N'], 'email' => 'medtech@example.org']);
$aDoc = [
	create('DocumentNote', ['name' => 'Validation report analysers', 'org_id' => $aOrg['N'], 'status' => 'published', 'text' => 'IQ/OQ done.']),
	create('DocumentNote', ['name' => 'Modality worklist setup', 'org_id' => $aOrg['S'], 'status' => 'draft', 'text' => 'MWL via PACS_1.']),
	create('DocumentWeb', ['name' => 'Vendor service portal', 'org_id' => $aOrg['N'], 'status' => 'published', 'url' => 'https://service.example.com/portal']),
];
$iServer = create('Server', ['name' => 'pacs-srv-01', 'org_id' => $aOrg['S'], 'business_criticity' => 'high', 'status' => 'production',
	'serialnumber' => 'SRV-0001', 'location_id' => $aLoc['S'], 'description' => 'PACS server']);

// ---------------------------------------------------------------------------------------------------
// MedicalBrand (with logo) and MedicalModel (with picture; one model per value of `type`)
$aBrandSpec = [
	'Roche Diagnostics' => [200, 30, 30],
	'Siemens Healthineers' => [30, 120, 200],
	'Eppendorf' => [30, 160, 60],
	'Nikon' => [230, 200, 20],
];
$aBrand = [];
foreach ($aBrandSpec as $sName => $aRgb) {
	$aBrand[$sName] = create('MedicalBrand', ['name' => $sName, 'logo' => png('logo-'.strtolower(strtok($sName, ' ')), ...$aRgb)]);
}
// type => [brand, model name]; the type is the device class the model may be used for
$aModelSpec = [
	'MedicalDevice' => ['Siemens Healthineers', 'Generic Device G1'],
	'MedicalDeviceAnalyser' => ['Roche Diagnostics', 'cobas 8000'],
	'MedicalDeviceCentrifuge' => ['Eppendorf', 'Centrifuge 5810 R'],
	'MedicalDeviceIncubator' => ['Eppendorf', 'CellXpert C170i'],
	'MedicalDeviceLiquidHandlingSystem' => ['Eppendorf', 'epMotion 5075'],
	'MedicalDeviceMIE' => ['Siemens Healthineers', 'SOMATOM go.Up'],
	'MedicalDeviceMicroscope' => ['Nikon', 'Eclipse Ti2'],
	'MedicalDevicePOCT' => ['Roche Diagnostics', 'cobas b 101'],
	'MedicalDeviceRefrigerator' => ['Eppendorf', 'CryoCube F740'],
	'MedicalDeviceSafetyCabinet' => ['Eppendorf', 'SafeFlow 1.2'],
	'MedicalDeviceSamplePreparation' => ['Roche Diagnostics', 'cobas p 312'],
	'MedicalDeviceTubeSorter' => ['Roche Diagnostics', 'cobas p 501'],
];
$aModel = [];
$i = 0;
foreach ($aModelSpec as $sType => [$sBrand, $sName]) {
	$i++;
	$aModel[$sType] = create('MedicalModel', ['name' => $sName, 'medicalbrand_id' => $aBrand[$sBrand], 'type' => $sType,
		'picture' => png('model-'.$i, 20 * $i, 255 - 20 * $i, 128)]);
}

// ---------------------------------------------------------------------------------------------------
// MedicalDevice and its eleven subclasses: two of each (MIE: four), every PhysicalDevice/FunctionalCI
// field filled, each with its brand and a model of the matching type
$aDeviceClasses = array_keys($aModelSpec);
$aStatus = ['production', 'implementation', 'stock', 'obsolete'];
$aCrit = ['high', 'medium', 'low'];
$aDevice = [];
$n = 0;
foreach ($aDeviceClasses as $sClass) {
	$iCount = ($sClass === 'MedicalDeviceMIE') ? 4 : 2;
	for ($k = 1; $k <= $iCount; $k++) {
		$n++;
		$sSide = ($n % 3 === 0) ? 'S' : 'N';
		if ($sClass === 'MedicalDeviceMIE') {
			$sSide = ($k <= 2) ? 'S' : 'N';
		}
		$sShort = ($sClass === 'MedicalDevice') ? 'DEV' : strtoupper(substr($sClass, strlen('MedicalDevice'), 4));
		$aFields = [
			'name' => sprintf('%s-%02d %s', $sShort, $k, $aModelSpec[$sClass][1]),
			'org_id' => $aOrg[$sSide],
			'description' => "Baseline $sClass #$k\nsecond line with umlauts: Prüfgerät, déjà vu",
			'business_criticity' => $aCrit[$n % 3],
			'move2production' => sprintf('2024-%02d-%02d', 1 + $n % 12, 1 + $n % 28),
			'serialnumber' => sprintf('SN-%s-%04d', $sShort, 1000 + $n),
			'asset_number' => sprintf('INV-%05d', 20000 + $n),
			'location_id' => $aLoc[$sSide],
			'status' => $aStatus[$n % 4],
			'purchase_date' => sprintf('2023-%02d-%02d', 1 + $n % 12, 2 + $n % 27),
			'end_of_warranty' => sprintf('2028-%02d-%02d', 1 + $n % 12, 3 + $n % 26),
			'medicalbrand_id' => $aBrand[$aModelSpec[$sClass][0]],
			'medicalmodel_id' => $aModel[$sClass],
		];
		if ($k === 2 && $sClass !== 'MedicalDeviceMIE') {
			// a device with brand but no model, and one field left empty: empty values must survive too
			unset($aFields['medicalmodel_id'], $aFields['asset_number']);
		}
		$aDevice[$sClass][$k] = create($sClass, $aFields);
	}
}
$aMie = $aDevice['MedicalDeviceMIE']; // 1,2: Clinic South; 3,4: Clinic North

// contacts and documents linked to some devices (lnkContactToFunctionalCI, lnkDocumentToFunctionalCI)
$aContactLinks = [
	[$aDevice['MedicalDeviceAnalyser'][1], $aPerson[0]],
	[$aDevice['MedicalDeviceAnalyser'][1], $iTeam],
	[$aDevice['MedicalDeviceCentrifuge'][1], $aPerson[0]],
	[$aMie[1], $aPerson[1]],
	[$aMie[2], $aPerson[1]],
	[$aDevice['MedicalDevicePOCT'][1], $iTeam],
];
foreach ($aContactLinks as [$iCi, $iContact]) {
	create('lnkContactToFunctionalCI', ['functionalci_id' => $iCi, 'contact_id' => $iContact]);
}
$aDocLinks = [
	[$aDevice['MedicalDeviceAnalyser'][1], $aDoc[0]],
	[$aDevice['MedicalDeviceAnalyser'][2], $aDoc[0]],
	[$aMie[1], $aDoc[1]],
	[$aDevice['MedicalDeviceMicroscope'][1], $aDoc[2]],
	[$aDevice['MedicalDeviceRefrigerator'][1], $aDoc[2]],
];
foreach ($aDocLinks as [$iCi, $iDocId]) {
	create('lnkDocumentToFunctionalCI', ['functionalci_id' => $iCi, 'document_id' => $iDocId]);
}

// ---------------------------------------------------------------------------------------------------
// TeemIp IP addresses (IPv4 with IP text; one IPv6, which an AE may point at in 3.2.5)
$aIp = [];
foreach (['S' => ['10.20.0.11', '10.20.0.12', '10.20.0.13', '10.20.0.50', '10.20.0.51', '10.20.0.52'],
	'N' => ['10.10.0.21', '10.10.0.22', '10.10.0.23', '192.168.100.5']] as $sSide => $aIps) {
	foreach ($aIps as $sIp) {
		$aIp[$sIp] = create('IPv4Address', ['org_id' => $aOrg[$sSide], 'ip' => $sIp, 'status' => 'allocated',
			'short_name' => 'host-'.str_replace('.', '-', $sIp), 'comment' => "AE host $sIp"]);
	}
}
$aIp['fd00:20::60'] = create('IPv6Address', ['org_id' => $aOrg['S'], 'ip' => 'fd00:20::60', 'status' => 'allocated', 'comment' => 'IPv6 PACS gateway']);

// ---------------------------------------------------------------------------------------------------
// MedicalDicomApplicationEntity: on MIE equipment and on the Server; every role, modalities, ports
function ae(string $sTitle, string $sOrg, string $sRole, ?string $sIp, ?int $iPort, ?string $sMod, array $aExtra = []): int
{
	global $aOrg, $aIp;
	$aFields = ['aetitle' => $sTitle, 'org_id' => $aOrg[$sOrg], 'role' => $sRole,
		'description' => "AE $sTitle ($sRole)"] + $aExtra;
	if ($sIp !== null) {
		$aFields['ipaddress_id'] = $aIp[$sIp];
	}
	// 3.2.5 defaults port to 104 when not given; "no port" is written explicitly as empty
	$aFields['port'] = $iPort ?? '';
	if ($sMod !== null) {
		$aFields['modality'] = $sMod;
	}
	return create('MedicalDicomApplicationEntity', $aFields, $sTitle);
}
$aAe = [];
// Clinic South: CT and MR modalities (MIE), PACS on the server
$aAe['CT_SOUTH_1'] = ae('CT_SOUTH_1', 'S', 'SCU', '10.20.0.11', 104, 'CT', ['medicaldevicemie_id' => $aMie[1], 'status' => 'production']);
$aAe['CT_SOUTH_1Q'] = ae('CT_SOUTH_1Q', 'S', 'BOTH', '10.20.0.11', 11112, 'CT', ['medicaldevicemie_id' => $aMie[1], 'status' => 'implementation']);
$aAe['MR_SOUTH_2'] = ae('MR_SOUTH_2', 'S', 'BOTH', '10.20.0.12', 104, 'MR', ['medicaldevicemie_id' => $aMie[2]]);
$aAe['US_SOUTH_3'] = ae('US_SOUTH_3', 'S', 'SCU', '10.20.0.13', 104, 'US', ['medicaldevicemie_id' => $aMie[2], 'status' => 'obsolete']);
$aAe['PACS_1'] = ae('PACS_1', 'S', 'SCP', '10.20.0.50', 104, null, ['functionalci_id' => $iServer]);
$aAe['PACS_1_QR'] = ae('PACS_1_QR', 'S', 'BOTH', '10.20.0.50', 11112, 'OT', ['functionalci_id' => $iServer]);
$aAe['WORKLIST'] = ae('WORKLIST', 'S', 'SCP', '10.20.0.51', 4242, null, ['functionalci_id' => $iServer]);
$aAe['ARCHIVE_V6'] = ae('ARCHIVE_V6', 'S', 'SCP', 'fd00:20::60', 104, 'OT', ['functionalci_id' => $iServer]); // IPv6 target
$aAe['ROUTER_1'] = ae('ROUTER_1', 'S', 'SCP', '10.20.0.52', 2762, 'SC');
// Clinic North: two MIE, a viewer without IP, edge ports
$aAe['XA_NORTH_1'] = ae('XA_NORTH_1', 'N', 'SCU', '10.10.0.21', 104, 'XA', ['medicaldevicemie_id' => $aMie[3]]);
$aAe['NM_NORTH_2'] = ae('NM_NORTH_2', 'N', 'BOTH', '10.10.0.22', 104, 'NM', ['medicaldevicemie_id' => $aMie[4]]);
$aAe['PACS_1N'] = ae('PACS_1', 'N', 'SCP', '10.10.0.23', 104, 'OT'); // same title as South's PACS_1: legal across organizations
$aAe['VIEWER_NOIP'] = ae('VIEWER_NOIP', 'N', 'SCP', null, 104, 'DX'); // AE without IP address
$aAe['SCP_PORT0'] = ae('SCP_PORT0', 'N', 'SCP', '192.168.100.5', 0, 'CR'); // port 0: 3.2.5 accepts (only >0 is range-checked)
$aAe['SCP_NOPORT'] = ae('SCP_NOPORT', 'N', 'SCP', '192.168.100.5', null, 'PT'); // SCP without port
$aAe['SCP_NEGPORT'] = ae('SCP_NEGPORT', 'N', 'SCP', null, -1, 'MR'); // negative port: 3.2.5 accepts it
$aAe['SCU_NOPORT'] = ae('SCU_NOPORT', 'N', 'SCU', '10.10.0.21', 4100, 'DX'); // made port-less below (LEGACY)

// ---------------------------------------------------------------------------------------------------
// MedicalDicomCommunicationLink: every direction and every status
function dicom_link(string $sOrg, string $sSrc, string $sDst, string $sDir, string $sStatus): int
{
	global $aOrg, $aAe;
	return create('MedicalDicomCommunicationLink', ['org_id' => $aOrg[$sOrg], 'source_ae_id' => $aAe[$sSrc],
		'target_ae_id' => $aAe[$sDst], 'direction' => $sDir, 'status' => $sStatus,
		'description' => "$sSrc -> $sDst ($sDir, $sStatus)"], $sSrc.' -> '.$sDst);
}
dicom_link('S', 'CT_SOUTH_1', 'PACS_1', 'PUSH', 'production');
dicom_link('S', 'MR_SOUTH_2', 'PACS_1', 'PUSH', 'approved');
dicom_link('S', 'US_SOUTH_3', 'PACS_1', 'PUSH', 'obsolete');
dicom_link('S', 'CT_SOUTH_1Q', 'PACS_1_QR', 'PULL', 'production');
dicom_link('S', 'PACS_1_QR', 'MR_SOUTH_2', 'BIDIR', 'planned');
dicom_link('S', 'MR_SOUTH_2', 'WORKLIST', 'PULL', 'deprecated');
dicom_link('S', 'PACS_1_QR', 'ARCHIVE_V6', 'PUSH', 'production');
dicom_link('S', 'CT_SOUTH_1', 'ROUTER_1', 'PUSH', 'planned');
dicom_link('N', 'XA_NORTH_1', 'PACS_1N', 'PUSH', 'production');
dicom_link('N', 'NM_NORTH_2', 'PACS_1N', 'BIDIR', 'approved');
dicom_link('N', 'NM_NORTH_2', 'VIEWER_NOIP', 'PUSH', 'deprecated');
dicom_link('N', 'SCU_NOPORT', 'SCP_PORT0', 'PULL', 'obsolete');
$iLinkSrcScp = dicom_link('N', 'XA_NORTH_1', 'SCP_NOPORT', 'PUSH', 'planned');

// 3.2.5 lets a role change through even when links then start at an SCP-only AE or end at an
// SCU-only AE (its AE check does not look at links): XA_NORTH_1 becomes SCP, MR_SOUTH_2 becomes SCU.
update('MedicalDicomApplicationEntity', $aAe['XA_NORTH_1'], ['role' => 'SCP'], 'links now start at an SCP-only AE');
update('MedicalDicomApplicationEntity', $aAe['MR_SOUTH_2'], ['role' => 'SCU'], 'PACS_1_QR -> MR_SOUTH_2 now ends at an SCU-only AE');

// ---------------------------------------------------------------------------------------------------
// LEGACY: rows 3.2.5's own checks refuse through REST/UI/CSV, but that sites hold (edited in the
// database, or written before the 3.2.4 validators). Applied with SQL, documented in the README.
$oDb = db();
$aLegacy = [
	'UPDATE medicaldicomapplicationentity SET port = NULL WHERE id = '.(int) $aAe['SCU_NOPORT'],     // SCU without port
	'UPDATE medicaldicomapplicationentity SET port = 70000 WHERE id = '.(int) $aAe['ROUTER_1'],      // port out of range
	'UPDATE medicaldicomapplicationentity SET modality = NULL WHERE id = '.(int) $aAe['CT_SOUTH_1Q'], // BOTH without modality
];
foreach ($aLegacy as $sSql) {
	$oDb->query($sSql);
}

printf("populate: %d objects created through REST (+ %d legacy SQL edits)\n", $iCreated, count($aLegacy));
