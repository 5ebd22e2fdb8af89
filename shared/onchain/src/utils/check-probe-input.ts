import type { FieldError } from '@junction/errors';
import { BaseError as ViemBaseError, encodeFunctionData, getAddress, isAddress, type Address } from 'viem';
import { InvalidProbeError } from '../errors/invalid-probe-error';
import type { StoredProbe } from '../types/stored-probe';
import { parseProbe, type ParsedProbe } from './parse-probe';

/** The longest a probe's arguments may be, as JSON. */
export const MAX_PROBE_ARGS_JSON = 2000;

/** A contract probe as an operator submits it: text and JSON values, not checked yet. */
export interface ProbeInput {
  /** The contract to call: all lower-case, or mixed case with a valid EIP-55 checksum. */
  address: string;
  /** The function, as a human-readable ABI item. */
  signature: string;
  /** The function's arguments, as JSON values. */
  args: readonly unknown[];
  /**
   * What the value must be; null or absent conditions do not apply.
   * @default null (the call only has to succeed)
   */
  expect?: { equals?: string | null; min?: string | null; max?: string | null } | null;
}

/** What {@link checkProbeInput} returns. */
export interface CheckProbeInputReturnType {
  /** The probe to store, its address checksummed (meaningful only when `problems` is empty). */
  probe: StoredProbe;
  /** What is wrong with the input, in the order of its fields; empty when it may be stored. */
  problems: FieldError[];
}

/**
 * Checks an operator's contract probe before it is stored, naming each bad field under `field`: an address with a
 * valid EIP-55 checksum, arguments of at most {@link MAX_PROBE_ARGS_JSON} characters of JSON, a signature that
 * parses to a view or pure function ({@link parseProbe}, whose message is passed on), arguments that encode for it,
 * and an expectation that fits its output (`equals` of the output's kind, `min`/`max` only for integers). Reads
 * nothing on-chain.
 *
 * @param input - {@link ProbeInput}
 * @param field - Dotted path of the probe in the caller's input. @default 'input'
 * @returns The probe to store and the problems found. {@link CheckProbeInputReturnType}
 *
 * @example
 * const { problems } = checkProbeInput({ address: escrow, signature: 'function pause()', args: [] });
 * // [{ field: 'input.signature', message: '"function pause()" must be a view or pure function.' }]
 */
export function checkProbeInput(input: ProbeInput, field = 'input'): CheckProbeInputReturnType {
  const problems: FieldError[] = [];
  let address = input.address;
  if (isAddress(input.address, { strict: true })) {
    address = getAddress(input.address);
  } else {
    problems.push({
      field: `${field}.address`,
      message: `"${input.address}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)`,
    });
  }
  const expect = { equals: input.expect?.equals ?? null, min: input.expect?.min ?? null, max: input.expect?.max ?? null };
  if (JSON.stringify(input.args).length > MAX_PROBE_ARGS_JSON) {
    problems.push({ field: `${field}.args`, message: `must be at most ${MAX_PROBE_ARGS_JSON} characters as JSON` });
  } else {
    problems.push(...callProblems(input, expect, field));
  }
  return {
    probe: { address, signature: input.signature, args: [...input.args], expectEquals: expect.equals, expectMin: expect.min, expectMax: expect.max },
    problems,
  };
}

/** Problems of the call itself: signature, arguments, expectation. At most one, as `parseProbe` stops at the first. */
function callProblems(input: ProbeInput, expect: { equals: string | null; min: string | null; max: string | null }, field: string): FieldError[] {
  let parsed: ParsedProbe;
  try {
    parsed = parseProbe(
      {
        // The address is checked apart; any well-formed one will do for parsing.
        address: '0x0000000000000000000000000000000000000000' as Address,
        signature: input.signature,
        args: input.args,
        expect: { equals: expect.equals ?? undefined, min: expect.min ?? undefined, max: expect.max ?? undefined },
      },
      field,
    );
  } catch (error) {
    if (error instanceof InvalidProbeError) return error.fieldErrors;
    throw error;
  }
  try {
    encodeFunctionData({ abi: [parsed.abiItem], functionName: parsed.abiItem.name, args: parsed.args });
  } catch (error) {
    const reason = error instanceof ViemBaseError ? error.shortMessage : String(error);
    return [{ field: `${field}.args`, message: `do not fit ${parsed.label}: ${reason}` }];
  }
  const outputType = parsed.abiItem.outputs[0]?.type ?? '';
  const kind = OUTPUT_KINDS.find(({ pattern }) => pattern.test(outputType));
  if (expect.equals !== null && kind && !kind.fits(expect.equals)) {
    return [{ field: `${field}.expect.equals`, message: `must be ${kind.description}: ${parsed.label} returns ${outputType}` }];
  }
  return [];
}

/** Output types whose `equals` has a fixed form; other types (strings, bytes) take any text. */
const OUTPUT_KINDS: Array<{ pattern: RegExp; fits: (value: string) => boolean; description: string }> = [
  { pattern: /^bool$/, fits: (value) => value === 'true' || value === 'false', description: 'true or false' },
  { pattern: /^u?int\d*$/, fits: (value) => /^-?\d+$/.test(value), description: 'a decimal integer' },
  { pattern: /^address$/, fits: (value) => isAddress(value, { strict: false }), description: 'an address (0x and 40 hex digits)' },
];
