import type { MenuDefinition } from '../../../model/schema/model.js';
import type { Target } from '../../targets/target.js';
import { leaf, typed, type Node } from '../../xml/xml.js';

/** SPEC §4 menus. Readers see them: `enable_action` is READ, where iTop's default would demand MODIFY. */
export function emitMenu(menus: Node, menu: MenuDefinition, target: Target): void {
  switch (menu.type) {
    case 'group': {
      const node = typed(menus, 'menu', menu.id, 'MenuGroup', 'define');
      leaf(node, 'rank', menu.rank);
      leaf(node, 'enable_class', menu.enableClass);
      leaf(node, 'enable_action', 'UR_ACTION_READ');
      if (target.menuDecoration) leaf(node.ele('style'), 'decoration_classes', menu.decorationClasses);
      return;
    }
    case 'section': {
      // An empty template menu is iTop's plain heading: it only groups the entries below it.
      const node = typed(menus, 'menu', menu.id, 'TemplateMenuNode', 'define');
      leaf(node, 'rank', menu.rank);
      leaf(node, 'parent', menu.parent);
      node.ele('template_file');
      return;
    }
    case 'class-list': {
      const node = typed(menus, 'menu', menu.id, 'OQLMenuNode', 'define');
      leaf(node, 'rank', menu.rank);
      leaf(node, 'parent', menu.parent);
      leaf(node, 'oql', `SELECT ${menu.class}`);
      leaf(node, 'do_search', 1);
      leaf(node, 'enable_class', menu.class);
      leaf(node, 'enable_action', 'UR_ACTION_READ');
      return;
    }
  }
}
