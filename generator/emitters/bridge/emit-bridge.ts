import type { BridgeModule, ClassDefinition } from '../../../model/schema/model.js';
import type { GeneratedFile, GeneratorContext } from '../../context.js';
import { fieldsetKey, type DictionaryEntry } from '../../ir/dictionary.js';
import { phpString } from '../../php/php-string.js';
import { designDocument, leaf, type Node } from '../../xml/xml.js';
import { generatedHeader } from '../datamodel/emit-datamodel.js';
import { emitField } from '../datamodel/field-xml.js';
import { renderDictionaries } from '../dictionary/emit-dictionaries.js';
import { modelPlaceholders } from '../module/emit-model-placeholder.js';
import { renderModuleFile } from '../module/emit-module.js';

/**
 * The files of one bridge module, relative to its own folder, which sits beside the main module's folder and
 * under no extension.xml. iTop's setup then makes the module an extension of its own, invisible because the
 * module is (setup/extensionsmap.class.inc.php@3.2.0:320-350): never offered, never selected with ours, and
 * selected by `auto_select` where `whenModule` is installed. It depends on our main module only: a module with an
 * unmet dependency hides its extension and makes a setup that is told to install it stop. Forced onto an iTop
 * without `whenModule`, iTop drops the key to the missing class and the module does nothing (measured on 3.2.0).
 */
export function emitBridge(ctx: GeneratorContext, bridge: BridgeModule): GeneratedFile[] {
  const cls = ctx.ir.model.classes.find((c) => c.name === bridge.class);
  if (!cls) throw new Error(`bridge ${bridge.code}: no class ${bridge.class}`);
  const placeholders = modelPlaceholders(ctx, bridge.code);
  return [
    {
      path: `module.${bridge.code}.php`,
      content: renderModuleFile(ctx, {
        code: bridge.code,
        label: bridge.label,
        dependencies: [`${ctx.ir.model.module.code}/${ctx.release.version}`],
        autoSelect: `SetupInfo::ModuleIsSelected("${bridge.whenModule}")`,
        datamodel: placeholders.map((file) => file.path),
      }),
    },
    { path: `datamodel.${bridge.code}.xml`, content: bridgeDatamodel(ctx, bridge, cls) },
    ...renderDictionaries(ctx, bridge.code, bridgeDictionary(bridge)),
    ...placeholders,
  ];
}

function bridgeDatamodel(ctx: GeneratorContext, bridge: BridgeModule, cls: ClassDefinition): string {
  const { root, end } = designDocument(ctx.target.designVersion, generatedHeader(ctx));
  const node = root.ele('classes').ele('class', { id: bridge.class, _delta: 'must_exist' });
  const fields = node.ele('fields');
  for (const field of bridge.fields) emitField(fields, field, ctx.target, 'define');
  const method = node.ele('methods').ele('method', { id: 'ComputeValues', _delta: 'define' });
  method.ele('code').dat(mirrorMethod(bridge));
  emitPresentation(node.ele('presentation'), bridge, cls);
  return end();
}

/**
 * ComputeValues runs before CheckToWrite on every insert and update (DBObject::DBInsertNoReload and
 * DBUpdate, core/dbobject.class.php@3.2.0), on every write path, and when a form refreshes dependent fields.
 */
function mirrorMethod(bridge: BridgeModule): string {
  const { key, attribute, into } = bridge.mirror;
  const target = bridge.fields.find((f) => f.code === key);
  const foreignClass = target?.type === 'externalKey' ? target.target : '';
  return `
	public function ComputeValues()
	{
		parent::ComputeValues();
		// Installed without ${bridge.whenModule} (forced), iTop drops a key to a class it does not have: then do nothing.
		if (!MetaModel::IsValidAttCode(get_class($this), ${phpString(key)})) {
			return;
		}
		// ${bridge.code}: ${into} follows the ${attribute} of the ${foreignClass} that ${key} points at (generated, do not edit).
		$iKey = (int) $this->Get(${phpString(key)});
		if ($iKey <= 0) {
			return;
		}
		$oTarget = MetaModel::GetObject(${phpString(foreignClass)}, $iKey, false, true);
		if ($oTarget === null || !MetaModel::IsValidAttCode(get_class($oTarget), ${phpString(attribute)})) {
			return;
		}
		$sValue = (string) $oTarget->Get(${phpString(attribute)});
		if ((string) $this->Get(${phpString(into)}) !== $sValue) {
			$this->Set(${phpString(into)}, $sValue);
		}
	}
`;
}

/** The bridge key right before `showBefore` in the form's fieldset, and in the search and list columns. */
function emitPresentation(presentation: Node, bridge: BridgeModule, cls: ClassDefinition): void {
  const key = bridge.mirror.key;
  for (const entry of cls.presentation.details) {
    if (typeof entry === 'string') continue;
    for (const fieldset of entry.fieldsets) {
      const index = fieldset.attributes.indexOf(bridge.showBefore);
      if (index < 0) continue;
      const items = presentation
        .ele('details')
        .ele('items')
        .ele('item', { id: `col:${entry.column}` })
        .ele('items')
        .ele('item', { id: `fieldset:${fieldsetKey(cls.name, fieldset.id)}` })
        .ele('items');
      leaf(items.ele('item', { id: key, _delta: 'define' }), 'rank', (index + 1) * 10 - 5);
    }
  }
  for (const [zlist, codes] of [['search', cls.presentation.search], ['list', cls.presentation.list]] as const) {
    const index = codes.indexOf(bridge.showBefore);
    const rank = index < 0 ? (codes.length + 1) * 10 : (index + 1) * 10 - 5;
    leaf(presentation.ele(zlist).ele('items').ele('item', { id: key, _delta: 'define' }), 'rank', rank);
  }
}

/** Labels and help texts of the bridge's fields, in the bridge module's own dictionaries. */
function bridgeDictionary(bridge: BridgeModule): DictionaryEntry[] {
  return bridge.fields.flatMap((field) => {
    const key = `Class:${bridge.class}/Attribute:${field.code}`;
    return [{ key, text: field.label }, ...(field.help ? [{ key: `${key}+`, text: field.help }] : [])];
  });
}
