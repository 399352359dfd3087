/** The audit data set (dataset.ts) as stored records in the engine's in-memory context. */
import { InMemoryContext } from '../../governance/engine/context.js';
import type { StoredRecord } from '../../governance/engine/types.js';
import { AUDIT_AES, AUDIT_LINKS } from './dataset.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

/** The data set as stored records: orgs 1 (A) and 2 (B), AEs from 100, links from 500. */
export function storedDataset() {
  const ids = new Map<string, number>();
  AUDIT_AES.forEach((ae, i) => ids.set(ae.key, 100 + i));
  AUDIT_LINKS.forEach((link, i) => ids.set(link.key, 500 + i));
  const org = (letter: 'A' | 'B') => (letter === 'A' ? 1 : 2);
  const aes: StoredRecord[] = AUDIT_AES.map((ae) => ({
    id: ids.get(ae.key) as number,
    aetitle: ae.aetitle,
    org_id: org(ae.org),
    role: ae.role,
    protocol: ae.protocol,
    ipaddress: ae.ipaddress,
    port: ae.port,
    endpoint_url: ae.endpoint_url,
    modality: ae.modality,
    status: ae.status,
  }));
  const links: StoredRecord[] = AUDIT_LINKS.map((link) => ({
    id: ids.get(link.key) as number,
    org_id: org(link.org),
    source_ae_id: ids.get(link.source) as number,
    target_ae_id: ids.get(link.target) as number,
    direction: link.direction,
    status: link.status,
  }));
  const context = new InMemoryContext({ Organization: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }], [AE]: aes, [LINK]: links });
  return { ids, aes, links, context };
}

