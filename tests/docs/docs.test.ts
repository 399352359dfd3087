import { describe, expect, it } from 'vitest';
import { generateDocs } from '../../generator/generate.js';
import type { GeneratorInputs } from '../../generator/inputs.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import { planGovernance } from '../../governance/plan.js';
import { validateModel } from '../../model/load/load-model.js';
import type { MenuDefinition, ModelDefinition } from '../../model/schema/model.js';
import { mdCode, mdTable, mdText } from '../../generator/emitters/docs/markdown.js';
import { cloneInputs, projectInputs, textOf } from '../support/project.js';

const DOC = 'DICOM.md';

function docOf(inputs: GeneratorInputs): string {
  const file = generateDocs(inputs, ITOP_32).find((f) => f.path === DOC);
  if (!file) throw new Error(`generateDocs produced no ${DOC}`);
  return textOf(file.content);
}

/** Cells of a GFM table row: split on pipes that no backslash escapes (as cmark-gfm does). */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  const body = row.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      cell += c + body[i + 1];
      i++;
    } else if (c === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') out.push(cell.trim());
  return out;
}

interface Table {
  header: string[];
  rows: string[][];
  /** Raw lines of the body, to check that none was split by a newline. */
  lines: string[];
}

/** Every table of a Markdown text: a header line, a `| --- |` line, then the lines starting with `|`. */
function tables(markdown: string): Table[] {
  const lines = markdown.split('\n');
  const found: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|( *-+ *\|)+$/.test(lines[i + 1]!)) continue;
    const body: string[] = [];
    let j = i + 2;
    while (j < lines.length && lines[j]!.startsWith('|')) body.push(lines[j++]!);
    found.push({ header: cells(lines[i]!), rows: body.map(cells), lines: body });
    i = j - 1;
  }
  return found;
}

/** The text from a heading line that contains `marker` to the next heading of the same or a higher level. */
function section(markdown: string, level: number, marker: string): string {
  const lines = markdown.split('\n');
  const prefix = '#'.repeat(level) + ' ';
  const start = lines.findIndex((l) => l.startsWith(prefix) && l.includes(marker));
  if (start < 0) throw new Error(`no heading '${prefix}…${marker}…'`);
  let end = start + 1;
  for (; end < lines.length; end++) {
    const heading = /^(#{1,6}) /.exec(lines[end]!);
    if (heading && heading[1]!.length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}

function attributeTableOf(markdown: string, className: string): Table {
  const table = tables(section(markdown, 3, `(\`${className}\`)`)).find((t) => t.header[0] === 'Code' && t.header.includes('Mandatory'));
  if (!table) throw new Error(`no attribute table for ${className}`);
  return table;
}

function governanceTableOf(markdown: string): Table {
  const table = tables(section(markdown, 2, 'Governance rules')).find((t) => t.header[0] === 'Id');
  if (!table) throw new Error('no governance table');
  return table;
}

/** Menu path of a menu, computed here independently of the emitter: labels from the root down. */
function menuPath(menus: MenuDefinition[], menu: MenuDefinition): string {
  const labels = [menu.label.en];
  for (let m = menu; m.type !== 'group'; ) {
    const parent = menus.find((p) => p.id === (m as { parent: string }).parent);
    if (!parent) break;
    labels.unshift(parent.label.en);
    m = parent;
  }
  return labels.join(' → ');
}

describe('generated documentation DICOM.md, from the project model', async () => {
  const inputs = await projectInputs();
  const { model } = inputs;
  const doc = docOf(inputs);
  const plan = planGovernance(model);

  it('is deterministic (same inputs, same bytes; no release date in it), beside the schema changes list (issue #16)', () => {
    expect(generateDocs(inputs, ITOP_32).map((f) => f.path)).toEqual([DOC, 'SCHEMA-CHANGES.md']);
    expect(docOf(cloneInputs(inputs))).toBe(doc);
    expect(doc).not.toContain(inputs.release.releaseDate);
  });

  it('states the purpose of the model', () => {
    expect(doc).toContain(mdText(model.purpose.en));
  });

  describe.each(model.classes.map((cls) => [cls.name, cls] as const))('class %s', (name, cls) => {
    it('has a section with its label, description, table and parent', () => {
      const text = section(doc, 3, `(\`${name}\`)`);
      expect(text.split('\n')[0]).toBe(`### ${mdText(cls.label.en)} (${mdCode(name)})`);
      expect(text).toContain(mdText(cls.description.en));
      expect(text).toContain(`| Database table | ${mdCode(cls.dbTable)} |`);
      expect(text).toMatch(new RegExp(`\\| Parent class \\| [^\\n]*\`${cls.parent}\``));
    });

    it('lists every attribute once, with its label, and every enum value', () => {
      if (cls.fields.length === 0) {
        expect(section(doc, 3, `(\`${name}\`)`)).toContain('adds no attribute of its own');
        return;
      }
      const table = attributeTableOf(doc, name);
      expect(table.rows.map((r) => r[0])).toEqual(cls.fields.map((f) => mdCode(f.code)));
      expect(table.rows.map((r) => r[1])).toEqual(cls.fields.map((f) => mdText(f.label.en)));
      const text = section(doc, 3, `(\`${name}\`)`);
      for (const field of cls.fields) {
        if (field.type !== 'enum') continue;
        const values = tables(section(text, 4, `(${mdCode(field.code)})`))[0];
        expect(values?.rows.map((r) => r[0])).toEqual(field.values.map((v) => mdCode(v.code)));
      }
    });

    it('names its reconciliation keys', () => {
      const row = section(doc, 3, `(\`${name}\`)`).split('\n').find((l) => l.startsWith('| Reconciliation keys'));
      for (const code of cls.reconciliation) expect(row).toContain(mdCode(code));
    });
  });

  it('lists every rule of the governance plan, declared and derived, in one row each', () => {
    const table = governanceTableOf(doc);
    expect(table.rows.map((r) => r[0])).toEqual(plan.map((rule) => rule.id));
    table.rows.forEach((row, i) => {
      const rule = plan[i]!;
      expect(row[2]).toBe(rule.severity);
      expect(row[5]).toContain(rule.enforcement === 'native-uniqueness' ? 'iTop uniqueness rule' : 'generated CheckToWrite');
      expect(row[6]).toBe(rule.derivedFrom ?? '');
    });
  });

  it('mentions no rule id in its prose that the plan does not have', () => {
    const ids = new Set(plan.map((rule) => rule.id));
    const mentioned = new Set(doc.match(/\b[A-Z]+-\d+\b/g) ?? []);
    expect([...mentioned].filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(model.menus.filter((m) => m.type === 'class-list').map((m) => [m.id, m] as const))('shows the menu path of %s', (_, menu) => {
    const path = menuPath(model.menus, menu);
    expect(path.split(' → ').length).toBeGreaterThan(1);
    expect(doc).toContain(mdText(path));
  });

  it('has a Mermaid class diagram naming every model class and every iTop class they point at or derive from', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    expect(block!.split('\n')[0]).toBe('classDiagram');
    const names = new Set(model.classes.map((c) => c.name));
    for (const cls of model.classes) {
      expect(block).toMatch(new RegExp(`^  class ${cls.name}\\b`, 'm'));
      for (const field of cls.fields) {
        if (field.type !== 'externalKey') continue;
        expect(block).toMatch(new RegExp(`^  ${cls.name} "\\*" --> "[01.]+" ${field.target} : ${field.code}\\b`, 'm'));
        if (!names.has(field.target)) expect(block).toContain(`<<iTop>> ${field.target}`);
      }
      if (cls.parent !== 'cmdbAbstractObject') expect(block).toContain(`${cls.parent} <|-- ${cls.name}`);
    }
  });

  it('names the user-rights groups and profiles', () => {
    const text = section(doc, 2, 'User rights');
    for (const group of model.userRights.groups) expect(text).toContain(mdCode(group.id));
    for (const profile of model.userRights.profiles) expect(text).toContain(profile.existing ? profile.note : profile.name);
  });

  it('covers the example patterns, best practices and limitations of the source document', () => {
    for (const heading of ['## Purpose and scope', '## Governance rules', '## Lifecycle management', '## Example modelling patterns', '## Best practices', '## Limitations', '### Endpoint URL']) {
      expect(doc).toContain(`\n${heading}\n`);
    }
    expect(doc).toContain('It is a CMDB and governance model only.');
  });

  it('has no table whose rows disagree with their header on the number of cells', () => {
    for (const table of tables(doc)) for (const row of table.rows) expect(row.length).toBe(table.header.length);
  });
});

describe('model text that would break Markdown', async () => {
  const HOSTILE = 'Pipe | in *the* label\nsecond line \\| with `code` <b>&amp; [x](y)';
  const base = await projectInputs();

  /** A copy of the project model with hostile English texts in labels, help texts and rule summaries. */
  function hostileInputs(): { inputs: GeneratorInputs; model: ModelDefinition } {
    const inputs = cloneInputs(base);
    const model = inputs.model;
    for (const cls of model.classes) {
      cls.description.en = `${cls.description.en} ${HOSTILE}`;
      for (const field of cls.fields) {
        field.label.en = `${field.label.en} ${HOSTILE}`;
        if (field.help) field.help.en = `${field.help.en}\r\n${HOSTILE}`;
        if (field.type === 'enum') for (const value of field.values) value.label.en = `${value.label.en} ${HOSTILE}`;
      }
    }
    for (const rule of model.rules) {
      rule.summary.en = `${rule.summary.en} ${HOSTILE}`;
      rule.message.en = `${rule.message.en} ${HOSTILE}`;
    }
    return { inputs, model: validateModel(model, 'hostile copy') };
  }

  const { inputs, model } = hostileInputs();
  const doc = docOf(inputs);

  it.each(model.classes.filter((c) => c.fields.length > 0).map((c) => [c.name, c] as const))(
    'keeps one row per attribute of %s, each with all its cells',
    (name, cls) => {
      const table = attributeTableOf(doc, name);
      expect(table.rows).toHaveLength(cls.fields.length);
      for (const row of table.rows) expect(row).toHaveLength(table.header.length);
      expect(table.rows.map((r) => r[1])).toEqual(cls.fields.map((f) => mdText(f.label.en)));
    },
  );

  it('keeps one row per rule in the governance table', () => {
    const table = governanceTableOf(doc);
    expect(table.rows).toHaveLength(planGovernance(model).length);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('leaves no table row split over two lines and no raw HTML from the model', () => {
    for (const table of tables(doc)) for (const row of table.rows) expect(row.length).toBe(table.header.length);
    expect(doc).not.toContain('<b>');
    expect(doc).not.toMatch(/[^\\]\[x\]\(y\)/);
  });

  it('keeps class headings on one line', () => {
    for (const cls of model.classes) expect(doc).toContain(`(${mdCode(cls.name)})\n`);
  });
});

describe('Markdown helpers', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['a\\|b', 'a\\\\\\|b'],
    ['line\nnext', 'line<br>next'],
    ['crlf\r\nnext', 'crlf<br>next'],
    ['*x* _y_ `z` <b> & [l](u) ~s~', '\\*x\\* \\_y\\_ \\`z\\` \\<b\\> \\& \\[l\\](u) \\~s\\~'],
  ])('mdText(%j) = %j', (given, want) => {
    expect(mdText(given)).toBe(want);
  });

  it.each([
    ['aetitle', '`aetitle`'],
    ["a = 'x' | b", "`a = 'x' \\| b`"],
    ['has `tick`', '`` has `tick` ``'],
  ])('mdCode(%j) = %j', (given, want) => {
    expect(mdCode(given)).toBe(want);
  });

  it('mdTable refuses a row with the wrong number of cells', () => {
    expect(() => mdTable(['a', 'b'], [['1']])).toThrow(/1 cells/);
  });
});
