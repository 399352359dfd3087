<?php
/**
 * Runs writes through the stand-in iTop and the generated PHP, JSON in, JSON out (one PHP request for all).
 *
 * input.json (beside this file): {
 *   "description": { classes, parents, rule_ids_by_message_key, collation_folding },  (StandIn::Configure)
 *   "includes": [ files to include, in order: dictionaries, governance PHP, compiled classes ],
 *   "writes": [ { "name", "existing": { class: [records] }, "write": { class, op, id?, values } } ]
 * }
 * stdout: JSON array, one entry per write: { name, checked, issues: [{message, rule}], warnings: [...],
 *   queries: [...], error? }. `checked` is false for an update without changes (iTop's DBUpdate returns
 *   before CheckToWrite).
 *
 * With "direct": { "class": governance class, "methods": { model class: check method } } in input.json, the
 * governance check method of the written class is called instead of CheckToWrite (no iTop check, no glue), and
 * each entry carries `governance`: the issues it returned as they are ({rule, severity, field, message}). With
 * "direct": { …, "and_check_to_write": true } the method is called first, then CheckToWrite as without "direct"
 * (the entry carries both; `queries` are those of CheckToWrite).
 *
 * A write may carry "language" (an iTop language code, 'EN US' by default): the user language of its run.
 */
foreach (array('StandIn', 'Dict', 'DBObject', 'DBSearch', 'CMDBSource', 'EventData') as $sName)
{
	require_once __DIR__.'/standin/'.$sName.'.php';
}

$aInput = json_decode(file_get_contents(__DIR__.'/input.json'), true);
StandIn::Configure($aInput['description']);
foreach ($aInput['includes'] as $sFile)
{
	require_once __DIR__.'/'.$sFile;
}

/**
 * @param string[] $aMessages
 *
 * @return array[]
 */
function StandInDescribeMessages(array $aMessages)
{
	$aResult = array();
	foreach ($aMessages as $sMessage)
	{
		$aResult[] = array('message' => $sMessage, 'rule' => StandIn::RuleIdOf($sMessage));
	}
	return $aResult;
}

$aResults = array();
foreach ($aInput['writes'] as $aCase)
{
	$aResult = array('name' => $aCase['name'], 'checked' => false, 'issues' => array(), 'warnings' => array(), 'queries' => array());
	try
	{
		StandIn::Reset();
		Dict::SetUserLanguage(isset($aCase['language']) ? $aCase['language'] : 'EN US');
		foreach ($aCase['existing'] as $sClass => $aRecords)
		{
			StandIn::Load($sClass, $aRecords);
		}
		$aWrite = $aCase['write'];
		$sClass = $aWrite['class'];
		if (!class_exists($sClass))
		{
			throw new StandInException("no compiled class $sClass");
		}
		if ($aWrite['op'] === 'create')
		{
			$oObject = new $sClass();
		}
		else
		{
			$aRecord = StandIn::Find($sClass, $aWrite['id']);
			if ($aRecord === null)
			{
				throw new StandInException("$sClass::{$aWrite['id']} does not exist");
			}
			$oObject = StandIn::Instantiate($sClass, $aRecord);
		}
		foreach ($aWrite['values'] as $sAttCode => $value)
		{
			$oObject->Set($sAttCode, $value);
		}
		StandIn::$aQueries = array();
		if (!$oObject->IsNew() && (count($oObject->ListChanges()) === 0))
		{
			// DBUpdate() of an object without changes returns before CheckToWrite (dbobject@3.2.0:3647-3652).
			$aResults[] = $aResult;
			continue;
		}
		if (isset($aInput['direct']))
		{
			$aResult['checked'] = true;
			$aResult['governance'] = isset($aInput['direct']['methods'][$sClass])
				? call_user_func(array($aInput['direct']['class'], $aInput['direct']['methods'][$sClass]), $oObject)
				: array();
			$aResult['queries'] = StandIn::$aQueries;
			if (empty($aInput['direct']['and_check_to_write']))
			{
				$aResults[] = $aResult;
				continue;
			}
			StandIn::$aQueries = array();
		}
		list(, $aIssues) = $oObject->CheckToWrite();
		$aResult['checked'] = true;
		$aResult['issues'] = StandInDescribeMessages($aIssues);
		$aResult['warnings'] = StandInDescribeMessages($oObject->GetCheckWarnings());
		$aResult['queries'] = StandIn::$aQueries;
	}
	catch (Throwable $e)
	{
		$aResult['error'] = get_class($e).': '.$e->getMessage().' at '.basename($e->getFile()).':'.$e->getLine();
	}
	$aResults[] = $aResult;
}
echo json_encode($aResults, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT);
