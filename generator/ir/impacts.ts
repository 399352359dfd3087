import type { ImpactNeighbour, ModelDefinition } from '../../model/schema/model.js';

/**
 * Neighbours to declare on impacting classes for every `impactedBy` of the model: iTop computes impact
 * analysis from the impacting side (MetaModel::ComputeRelationQueries), so "the host impacts its AEs"
 * must be written on the host's class. Keyed by that class.
 */
export function buildImpactsOn(model: ModelDefinition): Record<string, ImpactNeighbour[]> {
  const impactsOn: Record<string, ImpactNeighbour[]> = {};
  for (const cls of model.classes) {
    for (const reference of cls.impactedBy ?? []) {
      const key = cls.fields.find((f) => f.code === reference.attribute);
      if (!key || key.type !== 'externalKey') continue;
      (impactsOn[key.target] ??= []).push({
        id: reference.id,
        direction: 'both',
        queryDown: `SELECT ${cls.name} WHERE ${reference.attribute} = :this->id`,
        queryUp: `SELECT ${key.target} WHERE id = :this->${reference.attribute}`,
      });
    }
  }
  return impactsOn;
}
