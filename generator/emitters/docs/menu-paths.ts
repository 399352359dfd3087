import type { MenuDefinition } from '../../../model/schema/model.js';

/** A searchable list of a class, with the path a user follows in iTop's left menu to reach it. */
export interface ClassMenuPath {
  menuId: string;
  className: string;
  /** English labels from the menu group down to the entry. */
  labels: string[];
}

/** Every class-list menu with its path, in the order iTop shows them (rank within each parent). */
export function classMenuPaths(menus: MenuDefinition[]): ClassMenuPath[] {
  const byId = new Map(menus.map((menu) => [menu.id, menu]));
  /** The menu and its ancestors, root first; a cycle (rejected by model validation) cannot loop here. */
  const chainOf = (menu: MenuDefinition): MenuDefinition[] => {
    const chain: MenuDefinition[] = [];
    for (let m: MenuDefinition | undefined = menu; m && !chain.includes(m); m = m.type === 'group' ? undefined : byId.get(m.parent)) chain.unshift(m);
    return chain;
  };
  return menus
    .filter((menu): menu is Extract<MenuDefinition, { type: 'class-list' }> => menu.type === 'class-list')
    .map((menu) => ({ menu, chain: chainOf(menu) }))
    .sort((a, b) => compareRanks(a.chain.map((m) => m.rank), b.chain.map((m) => m.rank)))
    .map(({ menu, chain }) => ({ menuId: menu.id, className: menu.class, labels: chain.map((m) => m.label.en) }));
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
