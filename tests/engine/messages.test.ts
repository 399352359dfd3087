import { describe, expect, it } from 'vitest';
import { validate, type Issue } from '../../governance/engine/index.js';
import { AE, newLink, newScu, standardContext, update } from './fixtures.js';

const messages = (issues: Issue[]) => issues.map((i) => [i.ruleId, i.message]);

describe('messages in de and fr', () => {
  it.each([
    ['de', [
      ['ITOP-IPADDRESS', "Ungültiger Attributwert 'IP-Adresse' (ipaddress) : Wrong format [010.0.0.1]"],
      ['AE-4', 'Der Port -5 liegt außerhalb des gültigen Bereichs: zulässig sind Werte von 1 bis 65535.'],
      ['AE-8', 'Für eine AE mit Rolle SCU oder BEIDE wird eine Modalität empfohlen.'],
    ]],
    ['fr', [
      ['ITOP-IPADDRESS', "Valeur de l'attribut incorrecte 'Adresse IP' (ipaddress) : Wrong format [010.0.0.1]"],
      ['AE-4', 'Le port -5 est hors plage : utilisez un nombre compris entre 1 et 65535.'],
      ['AE-8', 'Une modalité est recommandée pour une AE de rôle SCU ou LES DEUX.'],
    ]],
  ] as const)('%s: local rules and iTop checks', (lang, want) => {
    expect(messages(validate(newScu({ port: '-5', modality: null, ipaddress: '010.0.0.1' }), standardContext(), { lang }))).toEqual(want);
  });

  it.each([
    ['de', 'Der AE-Titel „pacs_1“ wird bereits von einer anderen AE dieser Organisation verwendet.', 'Eine andere AE dieser Organisation lauscht bereits auf 10.0.0.5:104.'],
    ['fr', 'Le titre AE « pacs_1 » est déjà utilisé par une autre AE de cette organisation.', "Une autre AE de cette organisation écoute déjà sur 10.0.0.5:104."],
  ] as const)('%s: uniqueness rules', (lang, ae2, ae9) => {
    expect(messages(validate(newScu({ aetitle: 'pacs_1', ipaddress: '10.0.0.5' }), standardContext(), { lang }))).toEqual([['AE-2', ae2], ['AE-9', ae9]]);
  });

  it.each([
    ['de', 'Die Ziel-AE hat nur die Rolle SCU und kann keine Kommunikation empfangen.', 'Die AE „CT_1“ ist die Quelle mindestens einer Kommunikationsverbindung und kann nicht zu einem reinen SCP werden.'],
    ['fr', "L'AE cible a uniquement le rôle SCU et ne peut pas recevoir de communication.", "L'AE « CT_1 » est la source d'au moins un lien de communication et ne peut pas devenir uniquement SCP."],
  ] as const)('%s: remote rules', (lang, lnk3, ae10) => {
    expect(messages(validate(newLink({ target_ae_id: 4 }), standardContext(), { lang }))).toEqual([['LNK-3', lnk3]]);
    expect(messages(validate(update(AE, 1, { role: 'SCP' }), standardContext(), { lang }))).toEqual([['AE-10', ae10]]);
  });

  it('defaults to English', () => {
    expect(messages(validate(newLink({ target_ae_id: 1 }), standardContext()))).toEqual([['LNK-1', 'Source and target AE must not be identical.']]);
  });
});
