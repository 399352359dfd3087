import path from 'node:path';
import type { GeneratedFile } from '../../generator/context.js';
import { runPhp, type PhpVersion } from '../support/php-runner.js';
import { textOf } from '../support/project.js';

/** One `Dict::Add` call as PHP saw it: its three language arguments and its entries, in order. */
export interface DictAddCall {
  language: string;
  english: string;
  native: string;
  entries: [string, string][];
}

/** What each way of reading a dictionary file produced, by file path. */
export interface LoadedDictionaryFile {
  /** `include` of the file with a stand-in `Dict` class: PHP's own parser, as a developer's tool would read it. */
  included: DictAddCall[];
  /**
   * iTop's setup (ModelFactory): `<?php` and `?>` deleted from the text, `Dict::Add` rewritten to
   * `$this->AddToTempDictionary`, the result eval'd inside a method.
   */
  setup: DictAddCall[];
}

/** The name iTop's module discovery matches dictionary files by (ITOP-REFERENCE §2.4). */
export function isDictionaryFile(file: GeneratedFile, moduleCode: string): boolean {
  return new RegExp(`^[^.]+\\.dict\\.${moduleCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.php$`, 'i').test(path.posix.basename(file.path));
}

const LOADER = String.raw`<?php
set_error_handler(function ($iSeverity, $sMessage, $sFile, $iLine) {
	throw new ErrorException($sMessage, 0, $iSeverity, $sFile, $iLine);
});

function DictCall($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries)
{
	$aPairs = array();
	foreach ($aEntries as $sKey => $sValue)
	{
		// An integer-like key would have become an int: keep its type visible.
		$aPairs[] = array(is_string($sKey) ? $sKey : array('int' => $sKey), $sValue);
	}
	return array('language' => $sLanguageCode, 'english' => $sEnglishLanguageDesc, 'native' => $sLocalizedLanguageDesc, 'entries' => $aPairs);
}

/** The class the generated files call at runtime. */
class Dict
{
	public static $aCalls = array();

	public static function Add($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries)
	{
		self::$aCalls[] = DictCall($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries);
	}
}

/** What iTop's ModelFactory::LoadModule does with a module's dictionary files (MF@3.2.0:1176-1190). */
class ModelFactoryStandIn
{
	public $aCalls = array();

	public function AddToTempDictionary($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries)
	{
		$this->aCalls[] = DictCall($sLanguageCode, $sEnglishLanguageDesc, $sLocalizedLanguageDesc, $aEntries);
	}

	public function LoadDictionary($sPHPFile)
	{
		$sDictFileContents = file_get_contents($sPHPFile);
		$sDictFileContents = str_replace(array('<'.'?'.'php', '?'.'>'), '', $sDictFileContents);
		$sDictFileContents = str_replace('Dict::Add', '$this->AddToTempDictionary', $sDictFileContents);
		eval($sDictFileContents);
	}
}

$aResult = array();
foreach (json_decode(file_get_contents(__DIR__.'/files.json'), true) as $sFile)
{
	Dict::$aCalls = array();
	ob_start();
	include __DIR__.'/'.$sFile;
	$sStray = ob_get_clean();
	$oFactory = new ModelFactoryStandIn();
	$oFactory->LoadDictionary(__DIR__.'/'.$sFile);
	$aResult[$sFile] = array('included' => Dict::$aCalls, 'setup' => $oFactory->aCalls, 'stray' => $sStray);
}
echo json_encode($aResult, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
`;

/**
 * Loads generated dictionary files with real PHP, both ways (see LoadedDictionaryFile), and returns
 * what each `Dict::Add` received. Throws when PHP fails, prints anything else, or a file outputs text.
 */
export async function loadDictionaries(files: GeneratedFile[], version: PhpVersion = '8.3'): Promise<Record<string, LoadedDictionaryFile>> {
  const php: Record<string, string> = { 'load.php': LOADER, 'files.json': JSON.stringify(files.map((f) => `dict/${f.path}`)) };
  for (const file of files) php[`dict/${file.path}`] = textOf(file.content);
  const result = await runPhp(php, 'load.php', version);
  if (result.exitCode !== 0 || result.stderr.trim() !== '') {
    throw new Error(`PHP ${version} failed (exit ${result.exitCode}):\n${result.stderr}\n${result.stdout}`);
  }
  const parsed = JSON.parse(result.stdout) as Record<string, LoadedDictionaryFile & { stray: string }>;
  const loaded: Record<string, LoadedDictionaryFile> = {};
  for (const file of files) {
    const entry = parsed[`dict/${file.path}`];
    if (!entry) throw new Error(`PHP did not report ${file.path}`);
    if (entry.stray !== '') throw new Error(`${file.path} prints text when included: ${JSON.stringify(entry.stray)}`);
    loaded[file.path] = { included: entry.included, setup: entry.setup };
  }
  return loaded;
}
