/**
 * How the governance PHP is wired into the extension (no PHP run here): the hooks per class, the module's
 * `datamodel` list, one mechanism per target, and nothing at all for a model without generated-PHP rules.
 */
import { describe, expect, it } from 'vitest';
import { planGovernance } from '../../governance/plan.js';
import { generateModule } from '../../generator/generate.js';
import { buildPhpHooks } from '../../generator/ir/php-hooks.js';
import { ITOP_27, ITOP_32 } from '../../generator/targets/target.js';
import { cloneInputs, projectInputs, textOf } from '../support/project.js';

describe('governance PHP wiring', () => {
  it('hooks every class with generated-PHP rules and lists the governance file for the module', async () => {
    const { model } = await projectInputs(ITOP_32);
    const hooks = buildPhpHooks(model, planGovernance(model), ITOP_32);
    expect(hooks.includes).toEqual(['src/BrMedicaldeviceGovernance.php']);
    expect(Object.keys(hooks.classes).sort()).toEqual(['MedicalDicomApplicationEntity', 'MedicalDicomCommunicationLink']);
    for (const [className, classHooks] of Object.entries(hooks.classes)) {
      expect(classHooks.eventListeners).toEqual([{ id: 'GovernanceRules', event: 'EVENT_DB_CHECK_TO_WRITE', callback: 'OnCheckToWriteGovernance', rank: 0 }]);
      expect(classHooks.methods.map((m) => m.id)).toEqual(['OnCheckToWriteGovernance']);
      expect(classHooks.methods[0]?.code).toContain(`BrMedicaldeviceGovernance::Check${className}($this)`);
      expect(classHooks.methods[0]?.code).toContain('public function OnCheckToWriteGovernance(\\Combodo\\iTop\\Service\\Events\\EventData $oEventData)');
    }
  });

  it('uses a DoCheckToWrite override that runs iTop\'s checks first on a do-check-to-write target', async () => {
    const { model } = await projectInputs(ITOP_27);
    const hooks = buildPhpHooks(model, planGovernance(model), ITOP_27);
    for (const classHooks of Object.values(hooks.classes)) {
      expect(classHooks.eventListeners).toEqual([]);
      expect(classHooks.methods.map((m) => m.id)).toEqual(['DoCheckToWrite']);
      const code = classHooks.methods[0]?.code ?? '';
      expect(code.indexOf('parent::DoCheckToWrite();')).toBeGreaterThan(code.indexOf('public function DoCheckToWrite()'));
      expect(code.indexOf('parent::DoCheckToWrite();')).toBeLessThan(code.indexOf('Governance::Check'));
      expect(code).toContain('$this->m_aCheckIssues[] = ');
      expect(code).toContain('$this->m_aCheckWarnings[] = ');
    }
  });

  it('emits the file at the listed path and lists it in module.<code>.php', async () => {
    for (const target of [ITOP_32, ITOP_27]) {
      const files = generateModule(await projectInputs(target), target);
      expect(files.map((f) => f.path)).toContain('src/BrMedicaldeviceGovernance.php');
      const module = textOf(files.find((f) => f.path === 'module.br-medicaldevice.php')?.content ?? '');
      expect(module).toContain("'src/BrMedicaldeviceGovernance.php',");
    }
  });

  it('emits nothing for a model whose rules are all native uniqueness rules', async () => {
    const inputs = cloneInputs(await projectInputs(ITOP_32));
    inputs.model.rules = inputs.model.rules.filter((rule) => rule.check.kind === 'unique-together');
    const hooks = buildPhpHooks(inputs.model, planGovernance(inputs.model), ITOP_32);
    expect(hooks).toEqual({ classes: {}, includes: [] });
    const files = generateModule(inputs, ITOP_32);
    expect(files.some((f) => f.path.startsWith('src/'))).toBe(false);
    expect(textOf(files.find((f) => f.path.startsWith('datamodel.'))?.content ?? '')).not.toContain('event_listener');
  });

  it('writes one comment per rule with its id and English summary, class by class in model order, in plan order', async () => {
    const inputs = await projectInputs(ITOP_32);
    const file = textOf(generateModule(inputs, ITOP_32).find((f) => f.path === 'src/BrMedicaldeviceGovernance.php')?.content ?? '');
    const commented = [...file.matchAll(/^\t\t\/\/ ([A-Z]+-\d+) \((error|warning)(?:, derived from [A-Z]+-\d+)?\): (.+)$/gm)].map((m) => m[1]);
    const generated = planGovernance(inputs.model).filter((rule) => rule.enforcement === 'generated-php');
    const byClass = inputs.model.classes.flatMap((cls) => generated.filter((rule) => rule.class === cls.name));
    expect(commented).toEqual(byClass.map((rule) => rule.id));
    for (const rule of generated) expect(file).toContain(rule.summary.en);
    expect(file).toMatch(/^<\?php\n\/\*\*\n \* Governance rules of the br-medicaldevice extension/);
    expect(file).toContain('Do not edit: change the model and regenerate.');
    expect(file).not.toMatch(/^ {2,}\S/m); // tabs, not spaces
  });
});
