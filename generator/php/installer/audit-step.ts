import { LANGUAGES, type LocalizedText, type ModelDefinition } from '../../../model/schema/model.js';
import type { AuditIR } from '../../ir/audit.js';
import type { InstallerStep } from '../../ir/installer.js';
import { phpString } from '../php-string.js';

const localized = (text: LocalizedText): string => `array(${LANGUAGES.map((language) => `${phpString(language)} => ${phpString(text[language])}`).join(', ')})`;

/**
 * The installer step that writes the audit (generator/ir/audit.ts) into iTop: AuditCategory and AuditRule are
 * data, and `data.struct` files load at a module's first install only, so the installer upserts them after the
 * data load of every install and upgrade. Existing objects are found by identity (category: marker at the end
 * of its description, or its name in any of our languages; rule: name starting with its key and ':') and
 * updated; rules of ours (`ID:` / `ID (ID):` names) that the model no longer audits are deleted; nothing else
 * is touched. A failure is logged, never fatal: the audit must not block an install or an upgrade.
 * PHP 7.1 syntax; closures instead of helper methods, so the step is plain statements of its hook.
 */
export function auditInstallerStep(model: ModelDefinition, audit: AuditIR): InstallerStep {
  const categories = audit.categories.map((category) => {
    const rules = category.rules.map(
      (rule) =>
        [
          'array(',
          `\t'key' => ${phpString(rule.key)},`,
          `\t'name' => ${localized(rule.name)},`,
          `\t'description' => ${localized(rule.description)},`,
          `\t'query' => ${phpString(rule.oql)},`,
          '),',
        ].join('\n'),
    );
    return [
      'array(',
      `\t'marker' => ${phpString(category.marker)},`,
      `\t'name' => ${localized(category.name)},`,
      `\t'description' => ${localized(category.description)},`,
      `\t'definition_set' => ${phpString(category.definitionSet)},`,
      `\t'rules' => array(`,
      ...rules.map((rule) => rule.replace(/^/gm, '\t\t')),
      '\t),',
      '),',
    ].join('\n');
  });
  const body = [
    '$aCategories = array(',
    ...categories.map((category) => category.replace(/^/gm, '\t')),
    ');',
    `$sTrackInfo = ${phpString(`${model.module.code} setup: audit rules`)};`,
    UPSERT,
  ].join('\n');
  return { hook: 'AfterDataLoad', comment: 'Audit categories and rules derived from the governance rules: created, or updated by identity (docs/AUDIT.md).', code: body };
}

const UPSERT = String.raw`try {
	// Language of the names: iTop's default language (read from the configuration file on an upgrade, as
	// itop-structure does); 'en' unless it is German or French.
	$sDefaultLanguage = $oConfiguration->GetDefaultLanguage();
	if ((string) $sPreviousVersion !== '') {
		try {
			$sDefaultLanguage = utils::GetConfig(true)->GetDefaultLanguage();
		} catch (Exception $e) {
			// keep the language of the configuration given to the installer
		}
	}
	$sPrefix = strtoupper(substr((string) $sDefaultLanguage, 0, 2));
	$sLanguage = ($sPrefix === 'DE') ? 'de' : (($sPrefix === 'FR') ? 'fr' : 'en');
	$fWrite = function (DBObject $oObject) {
		if ($oObject->IsNew()) {
			$oObject->DBInsert();
		} elseif ($oObject->IsModified()) {
			$oObject->DBUpdate();
		}
	};
	$fAll = function (DBObjectSearch $oSearch) {
		$oSearch->AllowAllData();
		$oSet = new DBObjectSet($oSearch);
		$aObjects = array();
		while ($oObject = $oSet->Fetch()) {
			$aObjects[] = $oObject;
		}
		return $aObjects;
	};
	CMDBObject::SetTrackInfo($sTrackInfo);
	$aExisting = $fAll(new DBObjectSearch('AuditCategory'));
	foreach ($aCategories as $aCategory) {
		// A category: the marker at the end of its description, or its name in one of our languages.
		$oCategory = null;
		foreach ($aExisting as $oObject) {
			$sDescription = (string) $oObject->Get('description');
			$sMarker = $aCategory['marker'];
			if ((substr($sDescription, -strlen($sMarker)) === $sMarker) || in_array((string) $oObject->Get('name'), $aCategory['name'], true)) {
				$oCategory = $oObject;
				break;
			}
		}
		if ($oCategory === null) {
			$oCategory = MetaModel::NewObject('AuditCategory');
		}
		$oCategory->Set('name', $aCategory['name'][$sLanguage]);
		$oCategory->Set('description', $aCategory['description'][$sLanguage]);
		$oCategory->Set('definition_set', $aCategory['definition_set']);
		$fWrite($oCategory);
		$iCategory = $oCategory->GetKey();

		// Its rules: the one whose name starts with the rule's key and ':'.
		$oRuleSearch = new DBObjectSearch('AuditRule');
		$oRuleSearch->AddCondition('category_id', $iCategory, '=');
		$aRules = $fAll($oRuleSearch);
		$aKept = array();
		foreach ($aCategory['rules'] as $aRule) {
			$oRule = null;
			foreach ($aRules as $oObject) {
				if (!isset($aKept[$oObject->GetKey()]) && (strpos((string) $oObject->Get('name'), $aRule['key'].':') === 0)) {
					$oRule = $oObject;
					break;
				}
			}
			if ($oRule === null) {
				$oRule = MetaModel::NewObject('AuditRule');
				$oRule->Set('category_id', $iCategory);
			}
			$oRule->Set('name', $aRule['name'][$sLanguage]);
			$oRule->Set('description', $aRule['description'][$sLanguage]);
			$oRule->Set('query', $aRule['query']);
			$oRule->Set('valid_flag', 'false');
			$fWrite($oRule);
			$aKept[$oRule->GetKey()] = true;
		}
		// Duplicates, and rules of ours the model no longer audits; the administrator's own rules stay.
		foreach ($aRules as $oObject) {
			if (!isset($aKept[$oObject->GetKey()]) && preg_match('/^[A-Z]+-[0-9]+( \([A-Z]+-[0-9]+\))?:/', (string) $oObject->Get('name'))) {
				$oObject->DBDelete();
			}
		}
		static::Log('info', 'audit category "'.$oCategory->Get('name').'" holds '.count($aKept).' generated rules');
	}
} catch (Exception $e) {
	static::Log('error', 'audit rules not installed: '.$e->getMessage());
}`;
