/** Records and writes shared by the engine tests. */
import { InMemoryContext, classParentsOf, type StoredRecord, type Write, type WriteValue } from '../../governance/engine/index.js';
import model from '../../model/br-medicaldevice/index.js';

export const AE = 'MedicalDicomApplicationEntity';
export const LINK = 'MedicalDicomCommunicationLink';

export function aeRecord(id: number, aetitle: string, over: Partial<StoredRecord> = {}): StoredRecord {
  return {
    id, aetitle, org_id: 1, role: 'SCP', protocol: 'DICOM', ipaddress: '', port: 104, endpoint_url: '', modality: null,
    status: 'production', medicaldevicemie_id: 0, functionalci_id: 0, description: '', ...over,
  };
}

export function linkRecord(id: number, source: number, target: number, direction = 'PUSH', over: Partial<StoredRecord> = {}): StoredRecord {
  return { id, org_id: 1, source_ae_id: source, target_ae_id: target, direction, status: 'production', description: '', ...over };
}

/** CT_1 (SCU) → PACS_1 (SCP); WS_1 (BOTH) and MR_1 (SCU) unlinked; PACS_2 (SCP) unlinked. */
export function standardData(): Record<string, StoredRecord[]> {
  return {
    Organization: [{ id: 1, name: 'Org A' }, { id: 2, name: 'Org B' }],
    [AE]: [
      aeRecord(1, 'CT_1', { role: 'SCU', ipaddress: '10.0.0.21', modality: 'CT' }),
      aeRecord(2, 'PACS_1', { ipaddress: '10.0.0.5' }),
      aeRecord(3, 'WS_1', { role: 'BOTH', ipaddress: '10.0.0.31', modality: 'OT' }),
      aeRecord(4, 'MR_1', { role: 'SCU', ipaddress: '10.0.0.22', modality: 'MR' }),
      aeRecord(5, 'PACS_2', { ipaddress: '10.0.0.6' }),
    ],
    [LINK]: [linkRecord(1, 1, 2, 'PUSH')],
  };
}

export function standardContext(extra: Record<string, StoredRecord[]> = {}): InMemoryContext {
  const data = standardData();
  for (const [cls, records] of Object.entries(extra)) data[cls] = [...(data[cls] ?? []), ...records];
  return new InMemoryContext(data, { parents: classParentsOf(model) });
}

/** A valid SCU over DICOM, ready to create. */
export function newScu(over: Record<string, WriteValue> = {}): Write {
  return {
    class: AE,
    op: 'create',
    values: { aetitle: 'US_ROOM_3', org_id: 1, role: 'SCU', protocol: 'DICOM', ipaddress: '10.0.0.33', port: 104, modality: 'US', status: 'production', ...over },
  };
}

/** A valid link CT_1 → PACS_2, ready to create. */
export function newLink(over: Record<string, WriteValue> = {}): Write {
  return { class: LINK, op: 'create', values: { org_id: 1, source_ae_id: 1, target_ae_id: 5, direction: 'PUSH', status: 'planned', ...over } };
}

export function update(cls: string, id: number, values: Record<string, WriteValue>): Write {
  return { class: cls, op: 'update', id, values };
}
