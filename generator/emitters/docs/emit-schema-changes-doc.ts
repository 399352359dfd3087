import type { Changed, Removed, Renamed } from '../../../model/schema/model.js';
import type { Emitter } from '../../context.js';
import { compareVersions } from '../../release.js';
import { mdCode, mdText } from './markdown.js';

export const SCHEMA_CHANGES_DOC_PATH = 'SCHEMA-CHANGES.md';

/**
 * `SCHEMA-CHANGES.md`: the model's declared schema changes per release, with what the upgrade does to the data
 * (the release notes of docs/RELEASING.md take their "Schema changes" section from here).
 */
export const emitSchemaChangesDoc: Emitter = (ctx) => {
  const declared = ctx.ir.model.schemaChanges ?? {};
  const all: (Renamed | Removed | Changed)[] = [...(declared.renamed ?? []), ...(declared.removed ?? []), ...(declared.changed ?? [])];
  const releases = [...new Set(all.map((d) => d.since))].sort(compareVersions).reverse();
  const lines = [
    '# Schema changes of br-medicaldevice, per release',
    '',
    `Generated from the model's \`schemaChanges\` (release ${ctx.release.version}). Each renamed item is carried over by the`,
    "module's installer when iTop's setup upgrades a site from an earlier release; removed and changed items are",
    'left as iTop\'s setup leaves them (docs/SCHEMA-CHANGES.md). `generate` refuses any such change that is not declared.',
    '',
  ];
  if (releases.length === 0) lines.push('No schema change declared: every release so far only added classes, fields and values.', '');
  for (const since of releases) {
    lines.push(`## ${since}`, '', '| change | what | data at the upgrade from an earlier release |', '| --- | --- | --- |');
    for (const d of all.filter((x) => x.since === since)) lines.push(`| ${row(d)} |`);
    lines.push('');
  }
  return [{ path: SCHEMA_CHANGES_DOC_PATH, content: lines.join('\n') }];
};

function row(d: Renamed | Removed | Changed): string {
  const note = d.note ? ` ${mdText(d.note)}` : '';
  if ('from' in d) {
    switch (d.kind) {
      case 'enumValue':
        return `value renamed | ${mdCode(`${d.class}.${d.field}`)}: ${mdCode(d.from)} → ${mdCode(d.value)} | rows holding ${mdCode(d.from)} hold ${mdCode(d.value)} (before the schema update, iTop's RenameEnumValueInDB).${note}`;
      case 'field':
        return `field renamed | ${mdCode(d.class)}: ${mdCode(d.from)} → ${mdCode(d.field)} | column moved with its values (before the schema update, iTop's MoveColumnInDB).${note}`;
      case 'class':
        return `class renamed | ${mdCode(d.from)} → ${mdCode(d.class)} | objects keep their id, their class is renamed (after the schema update, iTop's RenameClassInDB).${note}`;
      case 'table':
        return `table renamed | ${mdCode(d.class)}: ${mdCode(d.from)} → ${mdCode(d.table)} | table renamed with its rows, before the schema update.${note}`;
    }
  }
  if (isChanged(d)) return `${d.kind} changed | ${mdCode(d.field ? `${d.class}.${d.field}` : d.class)} | acknowledged as it is.${note}`;
  const what = d.kind === 'class' ? mdCode(d.class) : d.kind === 'field' ? mdCode(`${d.class}.${d.field ?? ''}`) : `${mdCode(`${d.class}.${d.field ?? ''}`)}: ${mdCode(d.value ?? '')}`;
  const data =
    d.kind === 'enumValue'
      ? d.replacedBy
        ? `rows holding it are set to ${mdCode(d.replacedBy)} (after the schema update).`
        : 'rows keep the value; iTop keeps it in the column, but the form cannot show it.'
      : d.kind === 'field'
        ? 'the column stays in the table with its values, unread.'
        : 'its table and rows stay in the database, unreachable.';
  return `${d.kind === 'enumValue' ? 'value' : d.kind} removed | ${what} | ${data}${note}`;
}
function isChanged(d: Renamed | Removed | Changed): d is Changed {
  return ['type', 'target', 'mandatory', 'parent', 'column'].includes(d.kind);
}
