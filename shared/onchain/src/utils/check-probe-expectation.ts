import { stringify } from 'viem';
import type { ProbeExpectation, ProbeResult } from '../types/contract-probe';

/** Parameters of {@link checkProbeExpectation}. */
export interface CheckProbeExpectationParameters {
  /** What the function returned. */
  value: unknown;
  /**
   * The conditions the value must meet.
   * @default {}
   */
  expect?: ProbeExpectation;
  /** How the probe is named in the reason, e.g. `paused()`. */
  label: string;
}

/**
 * Decides whether a probe's value meets its expectation and says why, in a sentence. Integers compare as
 * bigints (a `number`, `bigint` or decimal string expectation all work), booleans also match `'true'` and
 * `'false'`, hex strings compare case-insensitively.
 *
 * @example
 * checkProbeExpectation({ value: 5n, expect: { min: 10 }, label: 'totalSupply()' });
 * // { value: 5n, passed: false, reason: 'totalSupply() returned 5; expected at least 10.' }
 */
export function checkProbeExpectation({ value, expect = {}, label }: CheckProbeExpectationParameters): ProbeResult {
  const returned = `${label} returned ${format(value)}`;
  const { equals, min, max } = expect;
  if (equals !== undefined && !isEqual(value, equals)) {
    return { value, passed: false, reason: `${returned}; expected ${format(equals)}.` };
  }
  if (min !== undefined || max !== undefined) {
    const integer = toInteger(value);
    if (integer === null) return { value, passed: false, reason: `${returned}, which is not an integer; expected a bound.` };
    if (min !== undefined && integer < BigInt(min)) {
      return { value, passed: false, reason: `${returned}; expected at least ${min}.` };
    }
    if (max !== undefined && integer > BigInt(max)) {
      return { value, passed: false, reason: `${returned}; expected at most ${max}.` };
    }
  }
  const conditions = [
    equals === undefined ? null : `equal to ${format(equals)}`,
    min === undefined ? null : `at least ${min}`,
    max === undefined ? null : `at most ${max}`,
  ].filter((condition) => condition !== null);
  const reason =
    conditions.length === 0 ? `${returned}; no expectation set.` : `${returned}, ${conditions.join(' and ')} as expected.`;
  return { value, passed: true, reason };
}

function isEqual(value: unknown, expected: string | boolean | number | bigint): boolean {
  if (typeof value === 'boolean') return String(value) === String(expected);
  const integer = toInteger(value);
  const expectedInteger = toInteger(expected);
  if (integer !== null && expectedInteger !== null) return integer === expectedInteger;
  if (typeof value === 'string' && typeof expected === 'string') {
    return /^0x[0-9a-f]*$/i.test(value) ? value.toLowerCase() === expected.toLowerCase() : value === expected;
  }
  return false;
}

function toInteger(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return null;
}

function format(value: unknown): string {
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return /^-?\d+$|^0x/i.test(value) ? value : `"${value}"`;
  return stringify(value);
}
