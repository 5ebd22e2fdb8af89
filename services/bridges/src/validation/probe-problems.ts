import type { FieldError } from '@junction/errors';
import { InvalidProbeError, parseProbe, type ParsedProbe } from '@junction/onchain';
import { BaseError as ViemBaseError, encodeFunctionData, isAddress, type Address } from 'viem';
import type { NewBridgeProbe } from '../repositories/bridge-records';
import type { BridgeProbeInput } from '../types/bridge-probe-input';
import { checkAddress } from './evm-address';
import { unknownChainMessage, type MissingReferences } from './references';

/** The longest a probe's arguments may be, as JSON. */
export const MAX_PROBE_ARGS_JSON = 2000;

/** A probe input turned into a record, with what is wrong with it. */
export interface CheckedProbe {
  /** The record to write (meaningful only when `problems` is empty). */
  record: NewBridgeProbe;
  /** Problems, in the order of the input's fields. */
  problems: FieldError[];
}

/**
 * Checks a probe input (fields under `input`): a known chain, a checksummed address, a signature that parses to a
 * view or pure function (`parseProbe`, whose message is passed on), arguments that encode for it, and an
 * expectation that fits its output (`equals` of the output's kind, `min`/`max` only for integers).
 */
export function checkProbe(input: BridgeProbeInput, missing: MissingReferences): CheckedProbe {
  const problems: FieldError[] = [];
  if (missing.chainIds.has(input.chainId)) problems.push({ field: 'input.chainId', message: unknownChainMessage(input.chainId) });
  const address = checkAddress('input.address', input.address, problems) ?? input.address;
  const expect = { equals: input.expect?.equals ?? null, min: input.expect?.min ?? null, max: input.expect?.max ?? null };
  if (JSON.stringify(input.args).length > MAX_PROBE_ARGS_JSON) {
    problems.push({ field: 'input.args', message: `must be at most ${MAX_PROBE_ARGS_JSON} characters as JSON` });
  } else {
    problems.push(...callProblems(input, expect));
  }
  return {
    record: {
      chainId: input.chainId,
      address,
      signature: input.signature,
      args: input.args,
      expectEquals: expect.equals,
      expectMin: expect.min,
      expectMax: expect.max,
      label: input.label,
    },
    problems,
  };
}

/** Problems of the call itself: signature, arguments, expectation. At most one, as `parseProbe` stops at the first. */
function callProblems(input: BridgeProbeInput, expect: { equals: string | null; min: string | null; max: string | null }): FieldError[] {
  let parsed: ParsedProbe;
  try {
    parsed = parseProbe(
      {
        // The address is checked above; any well-formed one will do for parsing.
        address: '0x0000000000000000000000000000000000000000' as Address,
        signature: input.signature,
        args: input.args,
        expect: { equals: expect.equals ?? undefined, min: expect.min ?? undefined, max: expect.max ?? undefined },
      },
      'input',
    );
  } catch (error) {
    if (error instanceof InvalidProbeError) return error.fieldErrors;
    throw error;
  }
  try {
    encodeFunctionData({ abi: [parsed.abiItem], functionName: parsed.abiItem.name, args: parsed.args });
  } catch (error) {
    const reason = error instanceof ViemBaseError ? error.shortMessage : String(error);
    return [{ field: 'input.args', message: `do not fit ${parsed.label}: ${reason}` }];
  }
  const outputType = parsed.abiItem.outputs[0]?.type ?? '';
  const kind = OUTPUT_KINDS.find(({ pattern }) => pattern.test(outputType));
  if (expect.equals !== null && kind && !kind.fits(expect.equals)) {
    return [{ field: 'input.expect.equals', message: `must be ${kind.description}: ${parsed.label} returns ${outputType}` }];
  }
  return [];
}

/** Output types whose `equals` has a fixed form; other types (strings, bytes) take any text. */
const OUTPUT_KINDS: Array<{ pattern: RegExp; fits: (value: string) => boolean; description: string }> = [
  { pattern: /^bool$/, fits: (value) => value === 'true' || value === 'false', description: 'true or false' },
  { pattern: /^u?int\d*$/, fits: (value) => /^-?\d+$/.test(value), description: 'a decimal integer' },
  { pattern: /^address$/, fits: (value) => isAddress(value, { strict: false }), description: 'an address (0x and 40 hex digits)' },
];
