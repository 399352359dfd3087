/**
 * Messages of the import-level findings (what iTop's import reports before CheckToWrite: references that match
 * nothing, enum labels it cannot read, ambiguous reconciliation) and of the report, in every language.
 */
import type { Language, LocalizedText } from '../../model/schema/model.js';
import { renderMessage } from '../../governance/plan.js';

/** Rule ids of the findings that do not come from the governance engine. */
export const IMPORT_RULE_IDS = {
  /** A reference (external key) that matches no object or several: iTop's "No match" / "ambiguous". */
  externalKey: 'ITOP-EXTKEY',
  /** An enum cell that is not a label of the header's language (localized import). */
  enum: 'ITOP-ENUM',
  /** Several existing objects match the row's reconciliation key: iTop rejects the row as ambiguous. */
  reconciliation: 'ITOP-RECONCILIATION',
  /** The row has the reconciliation key of an earlier row of the file: iTop updates that row's object. */
  duplicate: 'IMPORT-DUPLICATE',
  /** A reference of an exported object that matches nothing: left empty. */
  exportReference: 'EXPORT-EXTKEY',
} as const;

const TEXTS = {
  noMatch: {
    en: 'No {target} matches {criteria}.',
    de: 'Kein Objekt der Klasse {target} passt zu {criteria}.',
    fr: 'Aucun objet de la classe {target} ne correspond à {criteria}.',
  },
  ambiguous: {
    en: '{count} objects of class {target} match {criteria}: the reference is ambiguous.',
    de: '{count} Objekte der Klasse {target} passen zu {criteria}: der Verweis ist nicht eindeutig.',
    fr: '{count} objets de la classe {target} correspondent à {criteria} : la référence est ambiguë.',
  },
  /** iTop's `Core:CheckValueError`, as the engine words its own attribute checks. */
  checkValue: {
    en: "Unexpected value for attribute '{label}' ({code}) : {reason}",
    de: "Ungültiger Attributwert '{label}' ({code}) : {reason}",
    fr: "Valeur de l'attribut incorrecte '{label}' ({code}) : {reason}",
  },
  notALabel: {
    en: 'Value not allowed [{value}]; allowed values: {allowed}',
    de: 'Value not allowed [{value}]; allowed values: {allowed}',
    fr: 'Value not allowed [{value}]; allowed values: {allowed}',
  },
  reconciliation: {
    en: '{count} existing objects have this reconciliation key ({attributes}): iTop cannot tell which one to update.',
    de: '{count} vorhandene Objekte haben diesen Abgleichsschlüssel ({attributes}): iTop kann nicht entscheiden, welches aktualisiert wird.',
    fr: '{count} objets existants ont cette clé de réconciliation ({attributes}) : iTop ne peut pas choisir lequel mettre à jour.',
  },
  duplicate: {
    en: 'Same reconciliation key as line {line}: iTop updates the object of that line instead of creating a second one.',
    de: 'Gleicher Abgleichsschlüssel wie Zeile {line}: iTop aktualisiert das Objekt dieser Zeile, statt ein zweites anzulegen.',
    fr: 'Même clé de réconciliation que la ligne {line} : iTop met à jour l’objet de cette ligne au lieu d’en créer un second.',
  },
  exportReference: {
    en: 'Existing object: no {target} matches {criteria}; the reference is left empty for the check.',
    de: 'Vorhandenes Objekt: kein Objekt der Klasse {target} passt zu {criteria}; der Verweis bleibt für die Prüfung leer.',
    fr: 'Objet existant : aucun objet de la classe {target} ne correspond à {criteria} ; la référence reste vide pour la vérification.',
  },
  assumed: {
    en: 'Assumed to exist, not checked (no --itop, no export of the class): {list}.',
    de: 'Als vorhanden angenommen, nicht geprüft (kein --itop, kein Export der Klasse): {list}.',
    fr: 'Supposés exister, non vérifiés (ni --itop ni export de la classe) : {list}.',
  },
  summary: {
    en: '{rows} rows checked ({files}): {errors} errors, {warnings} warnings. iTop would create {created}, update {updated}, leave {unchanged} unchanged and reject {rejected} rows.',
    de: '{rows} Zeilen geprüft ({files}): {errors} Fehler, {warnings} Warnungen. iTop würde {created} anlegen, {updated} aktualisieren, {unchanged} unverändert lassen und {rejected} Zeilen ablehnen.',
    fr: '{rows} lignes vérifiées ({files}) : {errors} erreurs, {warnings} avertissements. iTop créerait {created}, mettrait à jour {updated}, laisserait {unchanged} inchangées et rejetterait {rejected} lignes.',
  },
} satisfies Record<string, LocalizedText>;

export type MessageId = keyof typeof TEXTS;

export function message(id: MessageId, language: Language, values: Record<string, unknown>): string {
  return renderMessage(TEXTS[id][language], values);
}
