import { LANGUAGES, type LocalizedText, type ModelDefinition } from '../../../model/schema/model.js';
import type { AuditIR } from '../../ir/audit.js';
import type { InstallerStep } from '../../ir/installer-steps.js';
import type { Target } from '../../targets/target.js';
import { phpString } from '../php-string.js';

const localized = (text: LocalizedText): string => `array(${LANGUAGES.map((language) => `${phpString(language)} => ${phpString(text[language])}`).join(', ')})`;

/**
 * The installer step that writes the audit (generator/ir/audit.ts) into iTop: AuditCategory and AuditRule are
 * data, and `data.struct` files load at a module's first install only, so the installer upserts them after the
 * data load of every install and upgrade. Existing objects are found by identity (category: marker at the end
 * of its description, or its name in any of our languages; rule: name starting with its key and ':') and
 * updated; rules of ours (`ID:` / `ID (ID):` names) that the model no longer audits are deleted; nothing else
 * is touched.
 */
export function auditInstallerStep(model: ModelDefinition, audit: AuditIR, _target: Target): InstallerStep {
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
    `self::UpsertAudit($aCategories, self::AuditLanguage($oConfiguration, $sPreviousVersion), ${phpString(`${model.module.code} setup: audit rules`)});`,
  ].join('\n');
  return { id: 'AuditRules', hook: 'AfterDataLoad', summary: 'creates or updates the audit categories and rules derived from the governance rules', body, helpers: HELPERS };
}

const HELPERS = String.raw`/**
 * Language of the audit names: iTop's default language (read from the configuration file on an upgrade, as
 * itop-structure does), 'en' unless it is German or French.
 */
private static function AuditLanguage(Config $oConfiguration, $sPreviousVersion)
{
	$sLanguage = $oConfiguration->GetDefaultLanguage();
	if ((string) $sPreviousVersion !== '')
	{
		try
		{
			$sLanguage = utils::GetConfig(true)->GetDefaultLanguage();
		}
		catch (Exception $e)
		{
			// keep the language of the configuration given to the installer
		}
	}
	$sPrefix = strtoupper(substr((string) $sLanguage, 0, 2));
	if ($sPrefix === 'DE')
	{
		return 'de';
	}
	if ($sPrefix === 'FR')
	{
		return 'fr';
	}
	return 'en';
}

/** Creates or updates each category and its rules by identity; deletes our rules the model no longer has. */
private static function UpsertAudit($aCategories, $sLanguage, $sTrackInfo)
{
	CMDBObject::SetTrackInfo($sTrackInfo);
	$oSearch = new DBObjectSearch('AuditCategory');
	$oSearch->AllowAllData();
	$oSet = new DBObjectSet($oSearch);
	$aExisting = array();
	while ($oObject = $oSet->Fetch())
	{
		$aExisting[] = $oObject;
	}
	foreach ($aCategories as $aCategory)
	{
		$oCategory = null;
		foreach ($aExisting as $oObject)
		{
			$sDescription = (string) $oObject->Get('description');
			$sMarker = $aCategory['marker'];
			if ((substr($sDescription, -strlen($sMarker)) === $sMarker) || in_array((string) $oObject->Get('name'), $aCategory['name'], true))
			{
				$oCategory = $oObject;
				break;
			}
		}
		if ($oCategory === null)
		{
			$oCategory = MetaModel::NewObject('AuditCategory');
		}
		$oCategory->Set('name', $aCategory['name'][$sLanguage]);
		$oCategory->Set('description', $aCategory['description'][$sLanguage]);
		$oCategory->Set('definition_set', $aCategory['definition_set']);
		self::WriteAuditObject($oCategory);
		$iCategory = $oCategory->GetKey();

		$oRuleSearch = new DBObjectSearch('AuditRule');
		$oRuleSearch->AllowAllData();
		$oRuleSearch->AddCondition('category_id', $iCategory, '=');
		$oRuleSet = new DBObjectSet($oRuleSearch);
		$aRules = array();
		while ($oObject = $oRuleSet->Fetch())
		{
			$aRules[] = $oObject;
		}
		$aKept = array();
		foreach ($aCategory['rules'] as $aRule)
		{
			$oRule = null;
			foreach ($aRules as $oObject)
			{
				if (!isset($aKept[$oObject->GetKey()]) && (strpos((string) $oObject->Get('name'), $aRule['key'].':') === 0))
				{
					$oRule = $oObject;
					break;
				}
			}
			if ($oRule === null)
			{
				$oRule = MetaModel::NewObject('AuditRule');
				$oRule->Set('category_id', $iCategory);
			}
			$oRule->Set('name', $aRule['name'][$sLanguage]);
			$oRule->Set('description', $aRule['description'][$sLanguage]);
			$oRule->Set('query', $aRule['query']);
			$oRule->Set('valid_flag', 'false');
			self::WriteAuditObject($oRule);
			$aKept[$oRule->GetKey()] = true;
		}
		foreach ($aRules as $oObject)
		{
			if (!isset($aKept[$oObject->GetKey()]) && preg_match('/^[A-Z]+-[0-9]+( \([A-Z]+-[0-9]+\))?:/', (string) $oObject->Get('name')))
			{
				$oObject->DBDelete();
			}
		}
		SetupLog::Info($sTrackInfo.': category "'.$oCategory->Get('name').'" holds '.count($aKept).' generated rules');
	}
}

private static function WriteAuditObject(DBObject $oObject)
{
	if ($oObject->IsNew())
	{
		$oObject->DBInsert();
	}
	elseif ($oObject->IsModified())
	{
		$oObject->DBUpdate();
	}
}`;
