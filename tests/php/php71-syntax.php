<?php
/**
 * Lists the syntax newer than PHP 7.1 found in source.php (beside this file), one finding per line.
 * Run it on PHP 8.x (its tokenizer knows every token below). Covers what a PHP 7.4 parse cannot catch:
 * arrow functions, `??=`, typed properties, trailing commas in calls (7.3), and the 8.x syntax (match,
 * nullsafe operator, attributes, named arguments, enums, readonly).
 */
$sSource = file_get_contents(__DIR__.'/source.php');
$aTokens = array_values(array_filter(token_get_all($sSource, TOKEN_PARSE), function ($token) {
	return !is_array($token) || !in_array($token[0], array(T_WHITESPACE, T_COMMENT, T_DOC_COMMENT), true);
}));

$aForbidden = array(
	'T_FN' => 'arrow function (7.4)',
	'T_COALESCE_EQUAL' => '??= (7.4)',
	'T_MATCH' => 'match (8.0)',
	'T_NULLSAFE_OBJECT_OPERATOR' => 'nullsafe operator ?-> (8.0)',
	'T_ATTRIBUTE' => 'attribute #[...] (8.0)',
	'T_ENUM' => 'enum (8.1)',
	'T_READONLY' => 'readonly (8.1)',
);
$aFindings = array();
$aParens = array();
foreach ($aTokens as $i => $token)
{
	$sText = is_array($token) ? $token[1] : $token;
	$iLine = is_array($token) ? $token[2] : 0;
	$sName = is_array($token) ? token_name($token[0]) : $token;
	if (isset($aForbidden[$sName]))
	{
		$aFindings[] = "line $iLine: ".$aForbidden[$sName];
	}
	$previous = ($i > 0) ? $aTokens[$i - 1] : null;
	$next = isset($aTokens[$i + 1]) ? $aTokens[$i + 1] : null;
	// Typed property: visibility (or static/var) directly followed by a type, then the variable.
	if (is_array($token) && in_array($token[0], array(T_PUBLIC, T_PROTECTED, T_PRIVATE, T_VAR), true))
	{
		$j = $i + 1;
		while (isset($aTokens[$j]) && is_array($aTokens[$j]) && ($aTokens[$j][0] === T_STATIC))
		{
			$j++;
		}
		if (isset($aTokens[$j], $aTokens[$j + 1]) && ($aTokens[$j] === '?' || (is_array($aTokens[$j]) && in_array(token_name($aTokens[$j][0]), array('T_STRING', 'T_ARRAY', 'T_NAME_QUALIFIED', 'T_NAME_FULLY_QUALIFIED'), true))))
		{
			$k = ($aTokens[$j] === '?') ? $j + 2 : $j + 1;
			if (isset($aTokens[$k]) && is_array($aTokens[$k]) && ($aTokens[$k][0] === T_VARIABLE))
			{
				$aFindings[] = "line $iLine: typed property (7.4)";
			}
		}
	}
	// Named argument: `name:` right after `(` or `,` inside a call.
	if (is_array($token) && ($token[0] === T_STRING) && ($next === ':') && (($previous === '(') || ($previous === ',')))
	{
		$aFindings[] = "line $iLine: named argument $sText: (8.0)";
	}
	if ($sText === '(')
	{
		$aParens[] = (is_array($previous) && in_array($previous[0], array(T_ARRAY, T_LIST), true)) ? 'array' : 'call';
	}
	if ($sText === ')')
	{
		$sKind = array_pop($aParens);
		if (($previous === ',') && ($sKind === 'call'))
		{
			$aFindings[] = "line $iLine: trailing comma in a call or declaration (7.3/8.0)";
		}
	}
}
echo json_encode($aFindings);
