/**
 * A stored data set for the audit: for every audited rule at least one violator and a near-identical record that
 * keeps the rule, with the audit keys each record breaks (`breaks`). Used by the engine test (tests/audit/),
 * the PCRE test of the generated patterns, and the real-iTop test (tests/itop/audit/), which writes it into the
 * database with SQL (no check runs) and compares iTop's Audit, the `audit` command and `breaks`.
 *
 * Obsolete objects (status obsolete) are left out of iTop's Audit unless the user shows obsolete data; `hidden`
 * marks them (the `audit` command leaves them out too unless --obsolete).
 */
export interface AuditAe {
  key: string;
  org: 'A' | 'B';
  aetitle: string;
  role: 'SCU' | 'SCP' | 'BOTH';
  protocol: 'DICOM' | 'DICOM_TLS' | 'DICOMWEB' | 'OTHER';
  ipaddress: string | null;
  port: number | null;
  endpoint_url: string | null;
  modality: string | null;
  status: 'implementation' | 'production' | 'obsolete';
  breaks: string[];
}

export interface AuditLink {
  key: string;
  org: 'A' | 'B';
  source: string;
  target: string;
  direction: 'PUSH' | 'PULL' | 'BIDIR';
  status: 'planned' | 'approved' | 'production' | 'deprecated' | 'obsolete';
  breaks: string[];
}

export const AUDIT_ORGS = { A: 'Audit Test Org A', B: 'Audit Test Org B' } as const;

let n = 0;
/** A valid SCP over DICOM, then the overrides. */
function ae(overrides: Partial<AuditAe> & { breaks?: string[] }): AuditAe {
  n++;
  return {
    key: `ae${n}`,
    org: 'A',
    aetitle: `AUDIT_${n}`,
    role: 'SCP',
    protocol: 'DICOM',
    ipaddress: `10.1.0.${n}`,
    port: 104,
    endpoint_url: '',
    modality: null,
    status: 'production',
    breaks: [],
    ...overrides,
  };
}

export const AUDIT_AES: AuditAe[] = [
  // AE-1: title format
  ae({ key: 'title-backslash', aetitle: 'PACS\\1', breaks: ['AE-1'] }),
  ae({ key: 'title-ok-dash', aetitle: 'PACS-1' }),
  ae({ key: 'title-leading-space', aetitle: ' PACS2', breaks: ['AE-1'] }),
  ae({ key: 'title-trailing-space', aetitle: 'PACS3 ', breaks: ['AE-1'] }),
  ae({ key: 'title-inner-space', aetitle: 'PACS 3' }),
  ae({ key: 'title-17', aetitle: 'ABCDEFGHIJKLMNOPQ', breaks: ['AE-1'] }),
  ae({ key: 'title-16', aetitle: 'ABCDEFGHIJKLMNOP' }),
  ae({ key: 'title-kelvin', aetitle: 'PAC\u212a', breaks: ['AE-1'] }),
  ae({ key: 'title-k', aetitle: 'PAK' }),
  ae({ key: 'title-newline', aetitle: 'NEWLINE\n', breaks: ['AE-1'] }),
  ae({ key: 'title-umlaut', aetitle: 'RÖNTGEN', breaks: ['AE-1'] }),
  ae({ key: 'title-tilde', aetitle: '~ORTHANC_1~' }),
  // AE-2: unique title within the organization (case-insensitive); both objects of a pair break it
  ae({ key: 'dup-1', aetitle: 'DUPLICATE', breaks: ['AE-2'] }),
  ae({ key: 'dup-2', aetitle: 'duplicate', breaks: ['AE-2'] }),
  ae({ key: 'dup-other-org', org: 'B', aetitle: 'DUPLICATE' }),
  ae({ key: 'dup-near', aetitle: 'DUPLICATE2' }),
  // an obsolete twin: iTop's Audit hides the obsolete object, not the collision it causes
  ae({ key: 'twin-obsolete', aetitle: 'TWIN', status: 'obsolete', breaks: ['AE-2'] }),
  ae({ key: 'twin-live', aetitle: 'twin', breaks: ['AE-2'] }),
  // AE-3: SCU/BOTH over DICOM/DICOM TLS needs IP and port (AE-8 as well without modality)
  ae({ key: 'scu-no-ip', role: 'SCU', ipaddress: '', modality: 'CT', breaks: ['AE-3'] }),
  ae({ key: 'scu-ip', role: 'SCU', modality: 'CT' }),
  ae({ key: 'both-tls-no-port', role: 'BOTH', protocol: 'DICOM_TLS', port: null, modality: 'MR', breaks: ['AE-3'] }),
  ae({ key: 'both-tls-port', role: 'BOTH', protocol: 'DICOM_TLS', modality: 'MR' }),
  ae({ key: 'scu-space-ip-no-port', role: 'SCU', ipaddress: ' ', port: null, modality: 'US', breaks: ['AE-3'] }),
  ae({ key: 'scu-other-no-ip', role: 'SCU', protocol: 'OTHER', ipaddress: '', port: null, modality: 'US' }),
  // AE-4: port range
  ae({ key: 'port-0', port: 0, breaks: ['AE-4'] }),
  ae({ key: 'port-negative', port: -5, breaks: ['AE-4'] }),
  ae({ key: 'port-65536', port: 65536, breaks: ['AE-4'] }),
  ae({ key: 'port-65535', port: 65535 }),
  ae({ key: 'port-1', port: 1 }),
  ae({ key: 'port-null', port: null }),
  ae({ key: 'port-0-obsolete', port: 0, status: 'obsolete', breaks: ['AE-4'] }),
  // AE-5: DICOMweb needs an endpoint URL
  ae({ key: 'web-no-url', protocol: 'DICOMWEB', endpoint_url: '', breaks: ['AE-5'] }),
  ae({ key: 'web-null-url', protocol: 'DICOMWEB', endpoint_url: null, breaks: ['AE-5'] }),
  ae({ key: 'web-url', protocol: 'DICOMWEB', endpoint_url: 'https://pacs.example.org/dicom-web' }),
  ae({ key: 'web-space-url', protocol: 'DICOMWEB', endpoint_url: ' ', breaks: ['AE-6'] }),
  // AE-6: URL shape
  ae({ key: 'url-upper-scheme', protocol: 'DICOMWEB', endpoint_url: 'HTTPS://pacs.example.org/', breaks: ['AE-6'] }),
  ae({ key: 'url-user', protocol: 'DICOMWEB', endpoint_url: 'https://user@pacs.example.org/', breaks: ['AE-6'] }),
  ae({ key: 'url-user-pass', protocol: 'DICOMWEB', endpoint_url: 'https://user:secret@pacs.example.org/', breaks: ['AE-6'] }),
  ae({ key: 'url-no-host', protocol: 'DICOMWEB', endpoint_url: 'https://:8080/wado', breaks: ['AE-6'] }),
  ae({ key: 'url-ftp', protocol: 'DICOMWEB', endpoint_url: 'ftp://pacs.example.org/', breaks: ['AE-6'] }),
  ae({ key: 'url-inner-space', protocol: 'DICOMWEB', endpoint_url: 'https://pacs.example.org/dicom web', breaks: ['AE-6'] }),
  ae({ key: 'url-relative', protocol: 'DICOMWEB', endpoint_url: 'pacs.example.org/dicom-web', breaks: ['AE-6'] }),
  ae({ key: 'url-newline', protocol: 'DICOMWEB', endpoint_url: 'https://pacs.example.org/\n', breaks: ['AE-6'] }),
  ae({ key: 'url-ipv6', protocol: 'DICOMWEB', endpoint_url: 'http://[::1]:8042/dicom-web' }),
  ae({ key: 'url-port-query', protocol: 'DICOMWEB', endpoint_url: 'https://pacs.example.org:8443?x=1#y' }),
  ae({ key: 'url-at-in-path', protocol: 'DICOMWEB', endpoint_url: 'https://pacs.example.org/studies@2024' }),
  // AE-7: endpoint URL on a DICOM / DICOM TLS AE (warning)
  ae({ key: 'dicom-with-url', endpoint_url: 'https://pacs.example.org/', breaks: ['AE-7'] }),
  ae({ key: 'other-with-url', protocol: 'OTHER', endpoint_url: 'https://pacs.example.org/' }),
  // AE-8: SCU/BOTH without modality (warning)
  ae({ key: 'scu-no-modality', role: 'SCU', breaks: ['AE-8'] }),
  ae({ key: 'both-no-modality', role: 'BOTH', breaks: ['AE-8'] }),
  ae({ key: 'scu-modality', role: 'SCU', modality: 'NM' }),
  // AE-9: same organization, IP address and port (warning); both objects break it
  ae({ key: 'listener-1', ipaddress: '10.9.9.9', port: 11112, breaks: ['AE-9'] }),
  ae({ key: 'listener-2', ipaddress: '10.9.9.9', port: 11112, breaks: ['AE-9'] }),
  ae({ key: 'listener-other-port', ipaddress: '10.9.9.9', port: 11113 }),
  ae({ key: 'listener-other-org', org: 'B', ipaddress: '10.9.9.9', port: 11112 }),
  ae({ key: 'no-ip-1', ipaddress: '', port: 4242 }),
  ae({ key: 'no-ip-2', ipaddress: '', port: 4242 }),
  // links' ends (AE-10 mirrors LNK-2 and LNK-3)
  ae({ key: 'end-scp', role: 'SCP', breaks: ['AE-10 (LNK-2)'] }),
  ae({ key: 'end-scu', role: 'SCU', modality: 'CT', breaks: ['AE-10 (LNK-3)'] }),
  ae({ key: 'end-both-1', role: 'BOTH', modality: 'CT' }),
  ae({ key: 'end-both-2', role: 'BOTH', modality: 'MR' }),
  ae({ key: 'end-scp-2', role: 'SCP' }),
  ae({ key: 'end-scp-obsolete', role: 'SCP', status: 'obsolete', breaks: ['AE-10 (LNK-2)'] }),
];

export const AUDIT_LINKS: AuditLink[] = [
  { key: 'link-ok', org: 'A', source: 'end-both-1', target: 'end-scp-2', direction: 'PUSH', status: 'production', breaks: [] },
  { key: 'link-from-scp', org: 'A', source: 'end-scp', target: 'end-both-2', direction: 'PUSH', status: 'production', breaks: ['LNK-2'] },
  { key: 'link-from-obsolete-scp', org: 'A', source: 'end-scp-obsolete', target: 'end-both-2', direction: 'PUSH', status: 'production', breaks: ['LNK-2'] },
  { key: 'link-to-scu', org: 'A', source: 'end-both-1', target: 'end-scu', direction: 'PUSH', status: 'production', breaks: ['LNK-3'] },
  { key: 'link-loop', org: 'A', source: 'end-both-2', target: 'end-both-2', direction: 'BIDIR', status: 'planned', breaks: ['LNK-1'] },
  { key: 'link-dup-1', org: 'A', source: 'end-both-2', target: 'end-both-1', direction: 'PUSH', status: 'planned', breaks: ['LNK-4'] },
  { key: 'link-dup-2', org: 'A', source: 'end-both-2', target: 'end-both-1', direction: 'PUSH', status: 'approved', breaks: ['LNK-4'] },
  { key: 'link-dup-pull', org: 'A', source: 'end-both-2', target: 'end-both-1', direction: 'PULL', status: 'planned', breaks: [] },
  { key: 'link-dup-other-org', org: 'B', source: 'end-both-2', target: 'end-both-1', direction: 'PUSH', status: 'planned', breaks: [] },
];

/** Expected violators per audit key: AE / link keys, obsolete objects left out unless `withObsolete`. */
export function expectedViolators(withObsolete = false): Record<string, string[]> {
  const byKey: Record<string, string[]> = {};
  for (const item of [...AUDIT_AES, ...AUDIT_LINKS]) {
    if (item.status === 'obsolete' && !withObsolete) continue;
    for (const rule of item.breaks) (byKey[rule] ??= []).push(item.key);
  }
  for (const list of Object.values(byKey)) list.sort();
  return byKey;
}
