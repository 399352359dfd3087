import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import { TARGETS, type Target } from '../../generator/targets/target.js';
import { startPhp, type PhpRuntime, type PhpVersion } from '../support/php-runner.js';
import { projectInputs, textOf } from '../support/project.js';

/** The oldest PHP our test runner has that the target's iTop accepts (php-wasm ships 7.4 and 8.x). */
const PHP_FOR: Record<string, PhpVersion> = { '3.2': '8.3', '3.1': '7.4', '2.7': '7.4' };

/**
 * iTop's module discovery (ModuleDiscovery::ListModuleFiles, ITOP-REFERENCE §2.2): strip every `<?php` and `?>`,
 * replace the literal __FILE__ by the quoted path, eval, and let SetupWebPage::AddModule record its arguments.
 */
const DISCOVERY = `<?php
class SetupWebPage {
	public static $aModules = array();
	public static function AddModule($sFilePath, $sId, $aArgs) { self::$aModules[$sId] = array('file' => $sFilePath, 'args' => $aArgs); }
}
// setup loads setup/moduleinstaller.class.inc.php before it reads module files (core modules declare installers too)
abstract class ModuleInstallerAPI {}
$sText = file_get_contents(__DIR__ . '/module.php');
$sText = str_replace(array('<?php', '?>'), '', $sText);
$sText = str_replace('__FILE__', "'/itop/extensions/br-medicaldevice/module.br-medicaldevice.php'", $sText);
eval($sText);
echo json_encode(SetupWebPage::$aModules);
`;

const MANDATORY_KEYS = ['label', 'dependencies', 'mandatory', 'visible', 'datamodel', 'data.struct', 'data.sample', 'doc.manual_setup', 'doc.more_information', 'category'];

describe.each(Object.values(TARGETS))('every generated PHP file of the iTop $id build runs in real PHP', async (target: Target) => {
  const version = PHP_FOR[target.id] ?? '8.3';
  const files = generateExtension(await projectInputs(target), target);
  const phpFiles = files.filter((f) => f.path.endsWith('.php'));
  let php: PhpRuntime;
  beforeAll(async () => {
    php = await startPhp(version);
  });
  afterAll(() => php.exit());

  it.each(phpFiles.map((f) => f.path))(`%s parses and compiles under PHP ${version}`, async (path) => {
    const result = await php.lint(textOf(phpFiles.find((f) => f.path === path)?.content ?? ''));
    expect(result.message).toBe('');
    expect(result.ok).toBe(true);
  });

  it('the module file is accepted by iTop\'s module discovery with every mandatory key, version and dependency', async () => {
    const module = textOf(files.find((f) => f.path === 'module.br-medicaldevice.php')?.content ?? '');
    const result = await php.run({ 'module.php': module, 'discover.php': DISCOVERY }, 'discover.php');
    expect(result.stderr).toBe('');
    const modules = JSON.parse(result.stdout) as Record<string, { args: Record<string, unknown> }>;
    const inputs = await projectInputs(target);
    const id = `br-medicaldevice/${inputs.release.version}`;
    expect(Object.keys(modules)).toEqual([id]);
    const args = modules[id]?.args ?? {};
    for (const key of MANDATORY_KEYS) expect(args, key).toHaveProperty([key]);
    expect(args['dependencies']).toEqual(target.dependencyModules.map((m) => `${m}/${target.itopVersionMin}`));
    // Every file listed in datamodel is shipped (2.7/3.0 fail on every page otherwise).
    for (const listed of args['datamodel'] as string[]) expect(files.map((f) => f.path)).toContain(listed);
  });
});
