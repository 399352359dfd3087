import type { EnumField, Field } from '../../../model/schema/model.js';
import type { Target } from '../../targets/target.js';
import { attributeList, leaf, typed, type Node } from '../../xml/xml.js';

const ITOP_TYPES: Record<Field['type'], string> = {
  string: 'AttributeString',
  text: 'AttributeText',
  integer: 'AttributeInteger',
  ipAddress: 'AttributeIPAddress',
  url: 'AttributeURL',
  image: 'AttributeImage',
  enum: 'AttributeEnum',
  externalKey: 'AttributeExternalKey',
  externalField: 'AttributeExternalField',
  linkedSet: 'AttributeLinkedSet',
};

export function itopAttributeType(field: Field): string {
  return ITOP_TYPES[field.type];
}

/** One `<field>` of a class, with the children its iTop attribute type expects (ITOP-REFERENCE §4.5). */
export function emitField(fields: Node, field: Field, target: Target, delta?: string): void {
  const node = typed(fields, 'field', field.code, ITOP_TYPES[field.type], delta);
  switch (field.type) {
    case 'externalField':
      leaf(node, 'extkey_attcode', field.externalKey);
      leaf(node, 'target_attcode', field.targetAttribute);
      return;
    case 'linkedSet':
      leaf(node, 'linked_class', field.linkedClass);
      leaf(node, 'ext_key_to_me', field.externalKeyToMe);
      leaf(node, 'edit_mode', field.editMode);
      leaf(node, 'count_min', 0);
      leaf(node, 'count_max', 0);
      if (field.dependencies?.length) attributeList(node, field.dependencies, 'dependencies');
      return;
    case 'enum':
      emitEnumValues(node, field, target);
      break;
    case 'image':
      // No <sql>: an image is stored in three columns named after the code (_data, _mimetype, _filename).
      leaf(node, 'display_max_width', field.display.width);
      leaf(node, 'display_max_height', field.display.height);
      leaf(node, 'storage_max_width', field.storage.width);
      leaf(node, 'storage_max_height', field.storage.height);
      leaf(node, 'is_null_allowed', !field.mandatory);
      return;
    default:
      break;
  }
  leaf(node, 'sql', field.code);
  switch (field.type) {
    case 'externalKey':
      leaf(node, 'target_class', field.target);
      if (field.filter) leaf(node, 'filter', field.filter);
      if (field.dependencies?.length) attributeList(node, field.dependencies, 'dependencies');
      leaf(node, 'is_null_allowed', !field.mandatory);
      leaf(node, 'on_target_delete', field.onTargetDelete);
      return;
    case 'enum':
      if (field.default !== undefined) leaf(node, 'default_value', field.default);
      leaf(node, 'is_null_allowed', !field.mandatory);
      leaf(node, 'display_style', field.displayStyle ?? 'list');
      return;
    case 'string':
    case 'integer':
      if (field.default !== undefined) leaf(node, 'default_value', field.default);
      leaf(node, 'is_null_allowed', !field.mandatory);
      return;
    case 'url':
      leaf(node, 'is_null_allowed', !field.mandatory);
      leaf(node, 'target', '_blank');
      return;
    default:
      leaf(node, 'is_null_allowed', !field.mandatory);
  }
}

function emitEnumValues(node: Node, field: EnumField, target: Target): void {
  const values = node.ele('values');
  field.values.forEach((value, index) => {
    if (target.enumValueSyntax === 'text') {
      values.ele('value', { id: value.code }).txt(value.code);
      return;
    }
    const entry = values.ele('value', { id: value.code });
    leaf(entry, 'code', value.code);
    if (target.enumRanks) leaf(entry, 'rank', (index + 1) * 10);
    if (target.enumStyles && value.style) {
      const style = entry.ele('style');
      leaf(style, 'main_color', value.style.mainColor);
      leaf(style, 'complementary_color', value.style.complementaryColor);
    }
  });
  // Without it, 3.1+ sorts values alphabetically by code instead of in the model's order.
  if (target.enumRanks) leaf(node, 'sort_type', 'rank');
}
