import { describe, expect, it } from 'vitest';
import { matchesItopIpAddress, matchesItopUrl, pcreToRegExp, phpIntCast } from '../../governance/engine/index.js';

/** ITOP-REFERENCE §9: measured on a real iTop 3.2.0 with the default URL pattern. */
describe('iTop 3.2.0 URL pattern', () => {
  it.each([
    'https://example.com',
    'http://localhost',
    'http://10.0.0.1:8080/x',
    'https://example.com/path?a=1&b=2',
    'https://example.com/a:b', // 3.x accepts a:b in paths
    'https://example.com/x#1abc', // 3.x accepts digit-leading fragments
    'ftp://files.example.org/dicom',
    'https://user:secret@pacs.example.org/dicom-web',
  ])('accepts %s', (url) => expect(matchesItopUrl(url)).toBe(true));

  it.each([
    'HTTPS://example.com',
    'https://exa mple.com',
    'https://example.com/a b',
    'https://example.com/~user',
    'https://example.com/a(b)',
    'https://example.com/#/route',
    'https://example.com//x',
    'https://bücher.de',
    'http://[::1]/',
    'file:///etc/passwd',
    'https://example.com/?1=a',
    'https://example.com/a,b',
  ])('rejects %s', (url) => expect(matchesItopUrl(url)).toBe(false));
});

describe('iTop 3.2.0 IP address pattern', () => {
  it.each([['10.0.0.1', true], ['0.0.0.0', true], ['255.255.255.255', true], ['010.0.0.1', false], ['::1', false], [' 10.0.0.1', false], ['256.1.1.1', false], ['1.2.3', false]] as const)(
    '%s → %s',
    (ip, ok) => expect(matchesItopIpAddress(ip)).toBe(ok),
  );
});

/** AttributeInteger::MakeRealValue = PHP (int): no syntax check, a leading numeric prefix or 0 (PHP 7.4 and 8.3 alike). */
describe('iTop 3.2.0 integer conversion (PHP (int) cast)', () => {
  it.each([
    ['104', 104], ['0104', 104], ['abc', 0], ['12abc', 12], ['-5', -5], ['+80', 80], [' 104', 104], ['\t\n\v\f\r 7', 7], ['104 ', 104],
    ['1e3', 1000], ['1E+2', 100], ['1e-3', 0], ['1e', 1], ['1e+', 1], ['12.5e1', 125], ['1.9', 1], ['-1.9', -1], ['.5', 0], ['-.5', 0],
    ['1.', 1], ['0x1A', 0], ['1_000', 1], ['- 5', 0], [' ', 0], ['\u00a05', 0], ['1e999', 0], ['-1e999', 0],
    ['99999999999999999999999', 2 ** 63 - 1], ['-99999999999999999999999', -(2 ** 63)],
    [104.5, 104], [-104.5, -104], [-0.5, 0], [1e19, -8446744073709551616], [-1e19, 8446744073709551616],
  ] as const)('%j → %s', (value, int) => {
    expect(phpIntCast(value)).toBe(int);
    expect(Object.is(phpIntCast(value), -0)).toBe(false);
  });
});

describe('pcreToRegExp', () => {
  it('lets a final $ match before one trailing newline, as PCRE does', () => {
    expect(pcreToRegExp('^abc$').test('abc\n')).toBe(true);
    expect(pcreToRegExp('^abc$').test('abc\n\n')).toBe(false);
    expect(pcreToRegExp('^abc\\$').test('abc$')).toBe(true);
  });
});
