/**
 * The generated audit in real PHP (php-wasm), without a database:
 * - the REGEXP patterns of the audit queries, read back as iTop's OQL parser reads them (stripslashes), run in
 *   PCRE2 (the library MariaDB's REGEXP uses) case-insensitively and in UTF mode, as MariaDB runs them under
 *   iTop's utf8mb4_unicode_ci collation: they select exactly the engine's violators of the data set;
 * - the installer class of the module file, against a stand-in of iTop's object API: a first install creates
 *   the categories and rules, a second run changes nothing, hand edits are undone, duplicates and retired rules
 *   of ours are deleted, foreign rules are kept, and the language follows iTop's default language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultModel from '../../model/br-medicaldevice/index.js';
import { createAuditor } from '../../governance/engine/audit.js';
import { planGovernance } from '../../governance/plan.js';
import { buildAudit } from '../../generator/ir/audit.js';
import { ITOP_27, ITOP_32 } from '../../generator/targets/target.js';
import { generate, fileOf } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { storedDataset } from './stored.js';

let php: PhpRuntime;
beforeAll(async () => {
  php = await startPhp('8.3');
});
afterAll(() => php?.exit());

const audit = buildAudit(defaultModel, planGovernance(defaultModel));

describe('REGEXP patterns in PCRE2', () => {
  it('select exactly the violators of the text-format and url rules', async () => {
    const { aes, context, ids } = storedDataset();
    const auditor = createAuditor(defaultModel);
    const keyOf = new Map([...ids].map(([key, id]) => [id, key]));
    const cases: { key: string; field: string; literal: string; expected: string[] }[] = [];
    for (const rule of audit.categories.flatMap((c) => c.rules)) {
      const match = /^SELECT \w+ WHERE \w+\.(\w+) REGEXP ('(?:[^\\']|\\'|\\\\)*')$/.exec(rule.oql);
      if (!match) continue;
      const expected = aes.filter((ae) => auditor.audit('MedicalDicomApplicationEntity', ae, context).some((i) => i.auditKey === rule.key)).map((ae) => keyOf.get(ae.id) as string);
      cases.push({ key: rule.key, field: match[1] as string, literal: match[2] as string, expected: expected.sort() });
    }
    expect(cases.map((c) => c.key)).toEqual(['AE-1', 'AE-6']);
    const values = aes.map((ae) => ({ key: keyOf.get(ae.id), values: ae }));
    const script = `<?php
$cases = json_decode(file_get_contents(__DIR__.'/cases.json'), true);
$rows = json_decode(file_get_contents(__DIR__.'/rows.json'), true);
$out = array();
foreach ($cases as $case) {
  $pattern = stripslashes(substr($case['literal'], 1, -1)); // iTop's OQL parser (str_value)
  $hits = array();
  foreach ($rows as $row) {
    $value = $row['values'][$case['field']];
    if ($value === null) continue; // NULL REGEXP … is NULL
    $r = preg_match("\\x01".$pattern."\\x01iu", $value);
    if ($r === false) { echo 'PCRE error in '.$case['key']; exit(1); }
    if ($r === 1) $hits[] = $row['key'];
  }
  sort($hits);
  $out[$case['key']] = $hits;
}
echo json_encode($out);`;
    const result = await php.run({ 'main.php': script, 'cases.json': JSON.stringify(cases), 'rows.json': JSON.stringify(values) }, 'main.php');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(Object.fromEntries(cases.map((c) => [c.key, c.expected])));
  });

  it('tell empty values from filled ones as iTop does (spaces and newlines are values)', async () => {
    const result = await php.run({ 'main.php': `<?php foreach (array('', ' ', "\\n", 'x', 'é') as $v) echo preg_match("\\x01.|[[:space:]]\\x01iu", $v);` }, 'main.php');
    expect(result.stdout).toBe('01111');
  });
});

const STANDIN = String.raw`<?php
class SetupWebPage { public static function AddModule($sFile, $sId, $aModule) { $GLOBALS['aModule'] = $aModule; } }
abstract class ModuleInstallerAPI {}
class Config { public $sLanguage; public function __construct($s) { $this->sLanguage = $s; } public function GetDefaultLanguage() { return $this->sLanguage; } }
class utils { public static $oConfig; public static function GetConfig($bReload = false) { return self::$oConfig; } }
class SetupLog { public static $aLines = array(); public static function Info($s) { self::$aLines[] = $s; } public static function Warning($s) { self::$aLines[] = $s; } public static function Error($s) { self::$aLines[] = 'ERROR '.$s; } }
class CMDBObject { public static function SetTrackInfo($s) {} }
class Store { public static $aRows = array('AuditCategory' => array(), 'AuditRule' => array()); public static $iNext = 1; public static $aWrites = array(); }
class DBObject {
	public $sClass; public $aValues = array(); public $iKey = null; public $bModified = false;
	public function Get($s) { return isset($this->aValues[$s]) ? $this->aValues[$s] : ''; }
	public function Set($s, $v) { if ($this->Get($s) !== $v) { $this->aValues[$s] = $v; $this->bModified = true; } }
	public function GetKey() { return $this->iKey; }
	public function IsNew() { return $this->iKey === null; }
	public function IsModified() { return $this->bModified; }
	public function DBInsert() { $this->iKey = Store::$iNext++; Store::$aRows[$this->sClass][$this->iKey] = $this->aValues; Store::$aWrites[] = 'insert '.$this->sClass; }
	public function DBUpdate() { Store::$aRows[$this->sClass][$this->iKey] = $this->aValues; Store::$aWrites[] = 'update '.$this->sClass.' '.$this->iKey; }
	public function DBDelete() { unset(Store::$aRows[$this->sClass][$this->iKey]); Store::$aWrites[] = 'delete '.$this->sClass.' '.$this->iKey; }
}
class MetaModel { public static function NewObject($s) { $o = new DBObject(); $o->sClass = $s; return $o; } }
class DBObjectSearch { public $sClass; public $aConditions = array(); public function __construct($s) { $this->sClass = $s; } public function AllowAllData() {} public function AddCondition($s, $v, $op = '=') { $this->aConditions[$s] = $v; } }
class DBObjectSet {
	private $aItems = array();
	public function __construct($oSearch) {
		foreach (Store::$aRows[$oSearch->sClass] as $iKey => $aValues) {
			foreach ($oSearch->aConditions as $s => $v) { if ($aValues[$s] != $v) continue 2; }
			$o = new DBObject(); $o->sClass = $oSearch->sClass; $o->iKey = $iKey; $o->aValues = $aValues; $this->aItems[] = $o;
		}
	}
	public function Fetch() { return array_shift($this->aItems); }
}
`;

const SCENARIO = String.raw`
require __DIR__.'/standin.php';
require __DIR__.'/module.php';
$sClass = $GLOBALS['aModule']['installer'];
function Run($sClass, $sLanguage, $sPrevious) { Store::$aWrites = array(); utils::$oConfig = new Config($sLanguage); $sClass::AfterDataLoad(new Config('EN US'), $sPrevious, '4.0.0'); return Store::$aWrites; }
function Rules() { $a = array(); foreach (Store::$aRows['AuditRule'] as $iKey => $r) { $a[] = array('id' => $iKey, 'name' => $r['name'], 'query' => $r['query'], 'category' => $r['category_id'], 'valid' => $r['valid_flag']); } return $a; }
$aOut = array();
$aOut['install'] = Run($sClass, 'EN US', '');
$aOut['afterInstall'] = array('categories' => array_values(Store::$aRows['AuditCategory']), 'rules' => Rules());
$aOut['again'] = Run($sClass, 'EN US', '4.0.0');
// hand edits: a query changed, a rule renamed in its key, a duplicate, a retired rule of ours, a rule of the administrator
$aRuleIds = array_keys(Store::$aRows['AuditRule']);
Store::$aRows['AuditRule'][$aRuleIds[0]]['query'] = 'SELECT Foo';
$aDup = Store::$aRows['AuditRule'][$aRuleIds[1]]; Store::$aRows['AuditRule'][900] = $aDup;
Store::$aRows['AuditRule'][901] = array('name' => 'AE-99: retired', 'description' => '', 'query' => 'SELECT X', 'valid_flag' => 'false', 'category_id' => $aDup['category_id']);
Store::$aRows['AuditRule'][902] = array('name' => 'Mine: port 42', 'description' => '', 'query' => 'SELECT X', 'valid_flag' => 'false', 'category_id' => $aDup['category_id']);
$aOut['repair'] = Run($sClass, 'EN US', '4.0.0');
$aOut['afterRepair'] = Rules();
$aOut['german'] = Run($sClass, 'DE DE', '4.0.0');
$aOut['afterGerman'] = array('categories' => array_values(Store::$aRows['AuditCategory']), 'rules' => Rules());
$aOut['log'] = SetupLog::$aLines;
echo json_encode($aOut);
`;

describe.each([ITOP_32, ITOP_27])('the installer class of the module file (iTop $id)', (target) => {
  it('creates the audit once, keeps it up to date by identity and follows the default language', async () => {
    const built = await generate(target);
    const moduleFile = fileOf(built, 'module.br-medicaldevice.php');
    const result = await php.run({ 'standin.php': STANDIN, 'module.php': moduleFile, 'main.php': `<?php${SCENARIO}` }, 'main.php');
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout);
    expect(out.log.filter((line: string) => line.startsWith('ERROR'))).toEqual([]);
    const generated = audit.categories.flatMap((c) => c.rules);
    expect(out.install.filter((w: string) => w === 'insert AuditCategory')).toHaveLength(audit.categories.length);
    expect(out.install.filter((w: string) => w === 'insert AuditRule')).toHaveLength(generated.length);
    expect(out.afterInstall.rules.map((r: { name: string }) => r.name)).toEqual(generated.map((r) => r.name.en));
    expect(out.afterInstall.rules.map((r: { query: string }) => r.query)).toEqual(generated.map((r) => r.oql));
    expect(new Set(out.afterInstall.rules.map((r: { valid: string }) => r.valid))).toEqual(new Set(['false']));
    expect(out.again).toEqual([]);
    expect(out.repair.sort()).toEqual([`delete AuditRule 900`, `delete AuditRule 901`, `update AuditRule ${out.afterInstall.rules[0].id}`].sort());
    expect(out.afterRepair.filter((r: { id: number }) => r.id !== 902)).toEqual(out.afterInstall.rules);
    expect(out.afterRepair.find((r: { id: number }) => r.id === 902)?.name).toBe('Mine: port 42');
    expect(out.afterGerman.categories.map((c: { name: string }) => c.name)).toEqual(audit.categories.map((c) => c.name.de));
    expect(out.afterGerman.rules.filter((r: { id: number }) => r.id !== 902).map((r: { name: string }) => r.name)).toEqual(generated.map((r) => r.name.de));
    expect(out.german.filter((w: string) => w.startsWith('insert') || w.startsWith('delete'))).toEqual([]);
  });
});
