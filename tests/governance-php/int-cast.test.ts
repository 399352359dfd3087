/**
 * The engine's `phpIntCast` (what iTop's AttributeInteger::MakeRealValue holds: PHP `(int)`) against real PHP
 * 8.3 and 7.4, on strings and JSON numbers. iTop checks no integer syntax on the server, so this cast is all
 * that stands between a REST/CSV value and the AE-4 range rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phpIntCast } from '../../governance/engine/index.js';
import { startPhp, type PhpRuntime, type PhpVersion } from '../support/php-runner.js';

const STRINGS = [
  '104', '0104', '0', '-0', 'abc', '12abc', '-5', '+80', ' 104', '\t\n\v\f\r 7', '104 ', '\u00a05', ' ', '',
  '1e3', '1E+2', '1e-3', '1e', '1e+', '1e3abc', '12.5e1', '1.9', '-1.9', '.5', '-.5', '+.5e1', '1.', '.e3', '1.e3',
  '0x1A', '0b11', '1_000', '- 5', '--5', '+-5', '65535.9', '65536', '١٢', '1e999', '-1e999',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '99999999999999999999999', '-99999999999999999999999',
  '00000000000000000000000000012', '1e18', '1e19', 'NaN', 'INF', 'null', 'true',
];
const NUMBERS = [104, -5, 104.5, -104.5, 0.5, -0.5, 65535.9, 1e18, 1e19, -1e19, 1e30, 2 ** 53 + 2];

const SCRIPT = `<?php
$aIn = json_decode(file_get_contents(__DIR__.'/in.json'), true);
$aOut = array();
foreach ($aIn as $value) { $aOut[] = (int)$value; }
echo json_encode(array('size' => PHP_INT_SIZE, 'ints' => $aOut));`;

const runtimes: Partial<Record<PhpVersion, PhpRuntime>> = {};
beforeAll(async () => {
  runtimes['8.3'] = await startPhp('8.3');
  runtimes['7.4'] = await startPhp('7.4');
});
afterAll(() => Object.values(runtimes).forEach((php) => php?.exit()));

describe.each(['8.3', '7.4'] as const)('phpIntCast is PHP %s (int)', (version) => {
  it('on strings and numbers', async () => {
    const values = [...STRINGS, ...NUMBERS];
    const result = await (runtimes[version] as PhpRuntime).run({ 'main.php': SCRIPT, 'in.json': JSON.stringify(values) }, 'main.php');
    expect(result.stderr).toBe('');
    const { size, ints } = JSON.parse(result.stdout) as { size: number; ints: number[] };
    expect(size).toBe(8);
    // JSON.parse reads PHP's exact 64-bit integers as the nearest doubles, the precision the engine holds.
    const mismatches = values.map((value, i) => ({ value, php: ints[i], ts: phpIntCast(value) })).filter((m) => m.php !== m.ts);
    expect(mismatches).toEqual([]);
  });
});
