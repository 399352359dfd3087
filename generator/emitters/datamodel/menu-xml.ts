import type { DashboardExtension, Dashlet, MenuDefinition } from '../../../model/schema/model.js';
import type { Target } from '../../targets/target.js';
import { leaf, typed, type Node } from '../../xml/xml.js';
import { dashletTitleKey } from '../../ir/dictionary.js';

/** SPEC §4 menus. Readers see them: `enable_action` is READ, where iTop's default would demand MODIFY. */
export function emitMenu(menus: Node, menu: MenuDefinition, target: Target, moduleFolder: string): void {
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
    case 'dashboard': {
      const node = typed(menus, 'menu', menu.id, 'DashboardMenuNode', 'define');
      leaf(node, 'rank', menu.rank);
      leaf(node, 'parent', menu.parent);
      const definition = node.ele('definition');
      leaf(definition, 'layout', 'DashboardLayoutOneCol');
      leaf(definition, 'title', `Menu:${menu.id}`);
      const cells = definition.ele('cells');
      menu.cells.forEach((dashlets, i) => {
        const cell = cells.ele('cell', { id: String(i) });
        leaf(cell, 'rank', i);
        const list = cell.ele('dashlets');
        dashlets.forEach((dashlet, j) => emitDashlet(list, `${menu.id}-${i}-${j}`, j, dashlet, menu.id, moduleFolder));
      });
      return;
    }
  }
}

function emitDashlet(dashlets: Node, id: string, rank: number, dashlet: Dashlet, menuId: string, moduleFolder: string): void {
  switch (dashlet.type) {
    case 'badge': {
      const node = typed(dashlets, 'dashlet', id, 'DashletBadge');
      leaf(node, 'rank', rank);
      leaf(node, 'class', dashlet.class);
      return;
    }
    case 'header': {
      const node = typed(dashlets, 'dashlet', id, 'DashletHeaderStatic');
      leaf(node, 'rank', rank);
      leaf(node, 'title', dashletTitleKey(menuId, dashlet.id));
      // Relative to the compiled modules' root, where each module sits in a folder named after it.
      leaf(node, 'icon', `${moduleFolder}/images/${dashlet.icon}`);
      return;
    }
    case 'group-by': {
      const type = { pie: 'DashletGroupByPie', bars: 'DashletGroupByBars', table: 'DashletGroupByTable' }[dashlet.style];
      const node = typed(dashlets, 'dashlet', id, type);
      leaf(node, 'rank', rank);
      leaf(node, 'title', dashletTitleKey(menuId, dashlet.id));
      leaf(node, 'query', `SELECT ${dashlet.class}`);
      leaf(node, 'group_by', dashlet.groupBy);
      leaf(node, 'style', dashlet.style);
      return;
    }
  }
}

/** Badges added to a dashboard of iTop's; iTop's own modules extend `Typology` the same way (itop-config-mgmt). */
export function emitDashboardExtension(menus: Node, extension: DashboardExtension): void {
  const node = typed(menus, 'menu', extension.menu, 'DashboardMenuNode', 'if_exists');
  const dashlets = node.ele('definition').ele('cells').ele('cell', { id: '0' }).ele('dashlets');
  extension.dashlets.forEach((dashlet, j) => {
    const entry = typed(dashlets, 'dashlet', `br-medicaldevice-${dashlet.class}`, 'DashletBadge', 'define');
    leaf(entry, 'rank', 100 + j);
    leaf(entry, 'class', dashlet.class);
  });
}
