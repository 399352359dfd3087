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
// iTop loads its installer API before it reads module files (setup/moduleinstaller.class.inc.php).
abstract class ModuleInstallerAPI {}
class SetupWebPage {
	public static $aModules = array();
	public static function AddModule($sFilePath, $sId, $aArgs) { self::$aModules[$sId] = array('file' => $sFilePath, 'args' => $aArgs); }
}
$sText = file_get_contents(__DIR__ . '/module.php');
$sText = str_replace(array('<?php', '?>'), '', $sText);
$sText = str_replace('__FILE__', "'/itop/extensions/br-medicaldevice/module.php'", $sText);
eval($sText);
foreach (SetupWebPage::$aModules as $sId => $aModule) {
	$sInstaller = isset($aModule['args']['installer']) ? $aModule['args']['installer'] : null;
	SetupWebPage::$aModules[$sId]['installer_ok'] = $sInstaller === null || (class_exists($sInstaller) && is_subclass_of($sInstaller, 'ModuleInstallerAPI') && is_callable(array($sInstaller, 'AfterDatabaseCreation')));
}
echo json_encode(SetupWebPage::$aModules);
`;

const MANDATORY_KEYS = ['label', 'dependencies', 'mandatory', 'visible', 'datamodel', 'data.struct', 'data.sample', 'doc.manual_setup', 'doc.more_information', 'category'];

describe.each(Object.values(TARGETS))('every generated PHP file of the iTop $id build runs in real PHP', async (target: Target) => {
  const phpVersion = PHP_FOR[target.id] ?? '8.3';
  const inputs = await projectInputs(target);
  const files = generateExtension(inputs, target);
  const version = inputs.release.version;
  const phpFiles = files.filter((f) => f.path.endsWith('.php'));
  let php: PhpRuntime;
  beforeAll(async () => {
    php = await startPhp(phpVersion);
  });
  afterAll(() => php.exit());

  it.each(phpFiles.map((f) => f.path))(`%s parses and compiles under PHP ${phpVersion}`, async (path) => {
    const result = await php.lint(textOf(phpFiles.find((f) => f.path === path)?.content ?? ''));
    expect(result.message).toBe('');
    expect(result.ok).toBe(true);
  });

  /** Runs one module file through the discovery emulation; returns the one module it declares. */
  async function discover(path: string) {
    const module = textOf(files.find((f) => f.path === path)?.content ?? '');
    const result = await php.run({ 'module.php': module, 'discover.php': DISCOVERY }, 'discover.php');
    expect(result.stderr).toBe('');
    const modules = JSON.parse(result.stdout) as Record<string, { args: Record<string, unknown>; installer_ok: boolean }>;
    expect(Object.keys(modules)).toHaveLength(1);
    const [id, found] = Object.entries(modules)[0]!;
    for (const key of MANDATORY_KEYS) expect(found.args, key).toHaveProperty([key]);
    // Every file listed in datamodel is shipped (2.7/3.0 fail on every page otherwise).
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    for (const listed of found.args['datamodel'] as string[]) expect(files.map((f) => f.path)).toContain(folder + listed);
    return { id, args: found.args, installerOk: found.installer_ok };
  }

  it("the main module file is accepted by iTop's module discovery with every mandatory key, version, dependency and its installer", async () => {
    const { id, args, installerOk } = await discover('br-medicaldevice/module.br-medicaldevice.php');
    expect(id).toBe(`br-medicaldevice/${version}`);
    expect(args['dependencies']).toEqual(target.dependencyModules.map((m) => `${m}/${target.itopVersionMin}`));
    expect(args['installer']).toBe('BrMedicaldeviceInstaller');
    expect(installerOk).toBe(true);
    expect(args['visible']).toBe(true);
  });

  it('the TeemIp bridge module is invisible, selected by itself where TeemIp is, and needs only our module', async () => {
    const { id, args } = await discover('br-medicaldevice-teemip/module.br-medicaldevice-teemip.php');
    expect(id).toBe(`br-medicaldevice-teemip/${version}`);
    expect(args['visible']).toBe(false);
    expect(args['auto_select']).toBe('SetupInfo::ModuleIsSelected("teemip-ip-mgmt")');
    expect(args['dependencies']).toEqual([`br-medicaldevice/${version}`]);
  });
});
