import type { UserRights } from '../../../model/schema/model.js';
import { leaf, type Node } from '../../xml/xml.js';

/** SPEC §4 user rights: our groups, granted to iTop's Configuration Manager and to our own profiles (ITOP-REFERENCE §6). */
export function emitUserRights(root: Node, rights: UserRights): void {
  const node = root.ele('user_rights');
  const groups = node.ele('groups');
  for (const group of rights.groups) {
    const classes = groups.ele('group', { id: group.id, _delta: 'define' }).ele('classes');
    for (const name of group.classes) classes.ele('class', { id: name });
  }
  const profiles = node.ele('profiles');
  for (const profile of rights.profiles) {
    const entry = profiles.ele('profile', { id: String(profile.id), _delta: profile.existing ? 'must_exist' : 'define' });
    if (!profile.existing) {
      leaf(entry, 'name', profile.name);
      leaf(entry, 'description', profile.description);
    }
    const granted = entry.ele('groups');
    for (const grant of profile.grants) {
      // Inside a `define` subtree no further _delta is allowed; under must_exist each group is new.
      const group = granted.ele('group', profile.existing ? { id: grant.group, _delta: 'define' } : { id: grant.group });
      const actions = group.ele('actions');
      for (const action of grant.actions) actions.ele('action', { id: `action:${action}` }).txt('allow');
    }
  }
}
