import { describe, expect, it } from 'vitest';
import { validate, type Issue, type Write } from '../../governance/engine/index.js';
import { AE, LINK, newLink, newScu, standardContext, update } from './fixtures.js';

interface Case {
  given: Write;
  want: Issue[];
}

const run = ({ given, want }: Case) => expect(validate(given, standardContext())).toEqual(want);

describe('text-format (AE-1)', () => {
  const cases: [string, Case][] = [
    ['rejects 17 characters', {
      given: newScu({ aetitle: 'ABCDEFGHIJKLMNOPQ' }),
      want: [{ ruleId: 'AE-1', severity: 'error', field: 'aetitle', message: 'AE title "ABCDEFGHIJKLMNOPQ" is invalid: use 1 to 16 printable ASCII characters, no backslash and no leading or trailing space.' }],
    }],
    ['accepts 16 characters', { given: newScu({ aetitle: 'ABCDEFGHIJKLMNOP' }), want: [] }],
    ['rejects a backslash', {
      given: newScu({ aetitle: 'US\\3' }),
      want: [{ ruleId: 'AE-1', severity: 'error', field: 'aetitle', message: 'AE title "US\\3" is invalid: use 1 to 16 printable ASCII characters, no backslash and no leading or trailing space.' }],
    }],
    ['accepts a slash', { given: newScu({ aetitle: 'US/3' }), want: [] }],
    ['rejects a trailing space', {
      given: newScu({ aetitle: 'US 3 ' }),
      want: [{ ruleId: 'AE-1', severity: 'error', field: 'aetitle', message: 'AE title "US 3 " is invalid: use 1 to 16 printable ASCII characters, no backslash and no leading or trailing space.' }],
    }],
    ['accepts an inner space', { given: newScu({ aetitle: 'US 3' }), want: [] }],
    ['rejects DEL', {
      given: newScu({ aetitle: 'US\u007f' }),
      want: [{ ruleId: 'AE-1', severity: 'error', field: 'aetitle', message: 'AE title "US\u007f" is invalid: use 1 to 16 printable ASCII characters, no backslash and no leading or trailing space.' }],
    }],
    ['accepts a tilde (0x7E)', { given: newScu({ aetitle: 'US~' }), want: [] }],
    ['leaves an empty title to the mandatory check', {
      given: newScu({ aetitle: '' }),
      want: [{ ruleId: 'ITOP-MANDATORY', severity: 'error', field: 'aetitle', message: "Unexpected value for attribute 'AE Title' (aetitle) : Null not allowed" }],
    }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('required-when (AE-3, AE-5, AE-8)', () => {
  const ae3 = 'An AE with role SCU or BOTH over DICOM or DICOM TLS needs an IP address and a port.';
  const cases: [string, Case][] = [
    ['rejects an SCU over DICOM without IP and port with ONE issue, on the first field declared (ipaddress)', {
      given: newScu({ ipaddress: '', port: null }),
      want: [{ ruleId: 'AE-3', severity: 'error', field: 'ipaddress', message: ae3 }],
    }],
    ['rejects an SCU over DICOM without port only: the issue is on port', {
      given: newScu({ port: null }),
      want: [{ ruleId: 'AE-3', severity: 'error', field: 'port', message: ae3 }],
    }],
    ['rejects an SCU over DICOM without IP only: the issue is on ipaddress', {
      given: newScu({ ipaddress: '' }),
      want: [{ ruleId: 'AE-3', severity: 'error', field: 'ipaddress', message: ae3 }],
    }],
    ['accepts the same AE over OTHER', { given: newScu({ ipaddress: '', port: null, protocol: 'OTHER' }), want: [] }],
    ['accepts the same AE as SCP', { given: newScu({ ipaddress: '', port: null, role: 'SCP' }), want: [] }],
    ['rejects DICOMweb without URL', {
      given: newScu({ protocol: 'DICOMWEB' }),
      want: [{ ruleId: 'AE-5', severity: 'error', field: 'endpoint_url', message: 'A DICOMweb AE needs an endpoint URL.' }],
    }],
    ['accepts DICOMweb with URL', { given: newScu({ protocol: 'DICOMWEB', endpoint_url: 'https://us3.example.org/dicom-web' }), want: [] }],
    ['warns about an SCU without modality', {
      given: newScu({ modality: '' }),
      want: [{ ruleId: 'AE-8', severity: 'warning', field: 'modality', message: 'A modality is recommended for an AE with role SCU or BOTH.' }],
    }],
    ['accepts an SCP without modality', { given: newScu({ modality: '', role: 'SCP' }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('empty-when (AE-7)', () => {
  const cases: [string, Case][] = [
    ['warns about a URL over DICOM TLS', {
      given: newScu({ protocol: 'DICOM_TLS', endpoint_url: 'https://us3.example.org/dicom-web' }),
      want: [{ ruleId: 'AE-7', severity: 'warning', field: 'endpoint_url', message: 'An endpoint URL is documented for a DICOM or DICOM TLS AE; it is meant for DICOMweb endpoints.' }],
    }],
    ['accepts the URL over OTHER', { given: newScu({ protocol: 'OTHER', endpoint_url: 'https://us3.example.org/dicom-web' }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('range (AE-4)', () => {
  const cases: [string, Case][] = [
    ['rejects port 0', {
      given: newScu({ port: 0 }),
      want: [{ ruleId: 'AE-4', severity: 'error', field: 'port', message: 'Port 0 is out of range: use a number from 1 to 65535.' }],
    }],
    ['accepts port 1', { given: newScu({ port: 1 }), want: [] }],
    ['rejects port 65536 given as text', {
      given: newScu({ port: '65536' }),
      want: [{ ruleId: 'AE-4', severity: 'error', field: 'port', message: 'Port 65536 is out of range: use a number from 1 to 65535.' }],
    }],
    ['accepts port 65535 given as text', { given: newScu({ port: '65535' }), want: [] }],
    ['rejects -1 once: iTop has no integer syntax check, only the range fails', {
      given: newScu({ port: -1 }),
      want: [{ ruleId: 'AE-4', severity: 'error', field: 'port', message: 'Port -1 is out of range: use a number from 1 to 65535.' }],
    }],
    ['rejects "abc" as port 0, as iTop\'s (int) cast holds it', {
      given: newScu({ port: 'abc' }),
      want: [{ ruleId: 'AE-4', severity: 'error', field: 'port', message: 'Port 0 is out of range: use a number from 1 to 65535.' }],
    }],
    ['accepts "12abc" as port 12', { given: newScu({ port: '12abc' }), want: [] }],
    ['rejects "1e5" as port 100000', {
      given: newScu({ port: '1e5' }),
      want: [{ ruleId: 'AE-4', severity: 'error', field: 'port', message: 'Port 100000 is out of range: use a number from 1 to 65535.' }],
    }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('url (AE-6)', () => {
  const web = (endpoint_url: string) => newScu({ protocol: 'DICOMWEB', endpoint_url });
  const ae6 = (url: string): Issue => ({
    ruleId: 'AE-6', severity: 'error', field: 'endpoint_url',
    message: `Endpoint URL "${url}" is invalid: use an absolute http:// or https:// URL with a host, without spaces or credentials.`,
  });
  const itopUrl = (url: string): Issue => ({
    ruleId: 'ITOP-URL', severity: 'error', field: 'endpoint_url', message: `Unexpected value for attribute 'Endpoint URL' (endpoint_url) : Wrong format [${url}]`,
  });
  const cases: [string, Case][] = [
    ['rejects ftp', { given: web('ftp://files.example.org/dicom'), want: [ae6('ftp://files.example.org/dicom')] }],
    ['accepts http', { given: web('http://files.example.org/dicom'), want: [] }],
    ['rejects credentials', { given: web('https://u:p@pacs.example.org/dicom-web'), want: [ae6('https://u:p@pacs.example.org/dicom-web')] }],
    ['accepts an @ in the query (not the authority)', { given: web('https://pacs.example.org/dicom-web?user=a@b'), want: [] }],
    ['rejects an upper-case scheme (and iTop too)', { given: web('HTTP://pacs.example.org'), want: [itopUrl('HTTP://pacs.example.org'), ae6('HTTP://pacs.example.org')] }],
    ['rejects a missing host (and iTop too)', { given: web('https:///dicom-web'), want: [itopUrl('https:///dicom-web'), ae6('https:///dicom-web')] }],
    ['accepts a host with a port', { given: web('https://pacs.example.org:8443/dicom-web'), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('distinct-fields (LNK-1)', () => {
  const cases: [string, Case][] = [
    ['rejects the same AE on both ends', {
      given: newLink({ source_ae_id: 3, target_ae_id: 3 }),
      want: [{ ruleId: 'LNK-1', severity: 'error', field: 'target_ae_id', message: 'Source and target AE must not be identical.' }],
    }],
    ['accepts two different AEs', { given: newLink({ source_ae_id: 3, target_ae_id: 2 }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('referenced-value-not-in (LNK-2, LNK-3)', () => {
  const cases: [string, Case][] = [
    ['rejects an SCP-only source', {
      given: newLink({ source_ae_id: 2 }),
      want: [{ ruleId: 'LNK-2', severity: 'error', field: 'source_ae_id', message: 'The source AE has role SCP only and cannot send or initiate communication.' }],
    }],
    ['accepts a BOTH source', { given: newLink({ source_ae_id: 3 }), want: [] }],
    ['rejects an SCU-only target', {
      given: newLink({ target_ae_id: 4 }),
      want: [{ ruleId: 'LNK-3', severity: 'error', field: 'target_ae_id', message: 'The target AE has role SCU only and cannot receive communication.' }],
    }],
    ['accepts a BOTH target', { given: newLink({ target_ae_id: 3 }), want: [] }],
    ['skips a missing AE (ITOP-EXTKEY reports it)', {
      given: newLink({ target_ae_id: 99 }),
      want: [{ ruleId: 'ITOP-EXTKEY', severity: 'error', field: 'target_ae_id', message: "Unexpected value for attribute 'Target AE' (target_ae_id) : Target object not found (MedicalDicomApplicationEntity::99)" }],
    }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('referenced-by (AE-10, derived)', () => {
  const cases: [string, Case][] = [
    ['rejects the source of a link becoming SCP', {
      given: update(AE, 1, { role: 'SCP' }),
      want: [{ ruleId: 'AE-10', severity: 'error', field: 'role', message: 'AE "CT_1" is the source of at least one communication link and cannot become SCP only.' }],
    }],
    ['accepts an unlinked AE becoming SCP', { given: update(AE, 4, { role: 'SCP' }), want: [] }],
    ['rejects the target of a link becoming SCU', {
      given: update(AE, 2, { role: 'SCU', modality: 'OT' }),
      want: [{ ruleId: 'AE-10', severity: 'error', field: 'role', message: 'AE "PACS_1" is the target of at least one communication link and cannot become SCU only.' }],
    }],
    ['accepts the target of a link becoming BOTH', { given: update(AE, 2, { role: 'BOTH', modality: 'OT' }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('unique-together (AE-2, AE-9, LNK-4)', () => {
  const cases: [string, Case][] = [
    ['rejects a title used in the organization, by case', {
      given: newScu({ aetitle: 'pacs_1' }),
      want: [{ ruleId: 'AE-2', severity: 'error', field: null, message: 'AE title "pacs_1" is already used by another AE of this organization.' }],
    }],
    ['accepts the title in another organization', { given: newScu({ aetitle: 'pacs_1', org_id: 2 }), want: [] }],
    ['warns about a shared IP and port', {
      given: newScu({ ipaddress: '10.0.0.5', port: '104' }),
      want: [{ ruleId: 'AE-9', severity: 'warning', field: null, message: 'Another AE of this organization already listens on 10.0.0.5:104.' }],
    }],
    ['accepts the same IP on another port', { given: newScu({ ipaddress: '10.0.0.5', port: 11112 }), want: [] }],
    ['rejects a second PUSH link', {
      given: newLink({ target_ae_id: 2 }),
      want: [{ ruleId: 'LNK-4', severity: 'error', field: null, message: 'A PUSH link between these two AEs already exists in this organization.' }],
    }],
    ['accepts a PULL beside the PUSH', { given: newLink({ target_ae_id: 2, direction: 'PULL' }), want: [] }],
    ['excludes the object itself on update', { given: update(LINK, 1, { status: 'deprecated' }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});

describe('iTop attribute checks', () => {
  const cases: [string, Case][] = [
    ['mandatory external key', {
      given: newLink({ org_id: null }),
      want: [{ ruleId: 'ITOP-MANDATORY', severity: 'error', field: 'org_id', message: "Unexpected value for attribute 'Organization' (org_id) : Null not allowed" }],
    }],
    ['enum', {
      given: newLink({ direction: 'push' }),
      want: [{ ruleId: 'ITOP-ENUM', severity: 'error', field: 'direction', message: "Unexpected value for attribute 'Direction' (direction) : Value not allowed [push]" }],
    }],
    ['IP address', {
      given: newScu({ ipaddress: '010.0.0.1' }),
      want: [{ ruleId: 'ITOP-IPADDRESS', severity: 'error', field: 'ipaddress', message: "Unexpected value for attribute 'IP Address' (ipaddress) : Wrong format [010.0.0.1]" }],
    }],
    ['only changed attributes on update', { given: update(AE, 1, { description: 'x' }), want: [] }],
  ];
  it.each(cases)('%s', (_name, c) => run(c));
});
