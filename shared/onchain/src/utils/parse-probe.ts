import { parseAbiItem, toFunctionSignature, type AbiFunction } from 'viem';
import { InvalidProbeError } from '../errors/invalid-probe-error';
import type { ContractProbe } from '../types/contract-probe';

/** A {@link ContractProbe} ready to call: its ABI item parsed and integer arguments as bigints. */
export interface ParsedProbe {
  /** The parsed function. */
  abiItem: AbiFunction;
  /** The arguments, with decimal strings for integer inputs turned into bigints. */
  args: unknown[];
  /** How the probe is named in reasons, e.g. `balanceOf(address)`. */
  label: string;
}

/**
 * Checks an operator-defined probe and prepares it for a call: its `signature` must parse (viem `parseAbiItem`)
 * to a `view` or `pure` function, `args` must match its inputs, and an expectation needs exactly one output
 * (`min`/`max` an integer one). Use it to validate probes when they are saved.
 *
 * @param probe - The probe.
 * @param field - Dotted path of the probe in the caller's input, for the error.
 * @throws {@link InvalidProbeError} naming the field that is wrong.
 */
export function parseProbe(probe: ContractProbe, field = 'probe'): ParsedProbe {
  const { signature, args = [], expect = {} } = probe;
  let abiItem: ReturnType<typeof parseAbiItem>;
  try {
    abiItem = parseAbiItem(signature);
  } catch (cause) {
    throw new InvalidProbeError({
      field: `${field}.signature`,
      message: `"${signature}" is not a human-readable ABI item; write it like "function paused() view returns (bool)".`,
      cause,
    });
  }
  if (abiItem.type !== 'function' || (abiItem.stateMutability !== 'view' && abiItem.stateMutability !== 'pure')) {
    throw new InvalidProbeError({ field: `${field}.signature`, message: `"${signature}" must be a view or pure function.` });
  }
  if (args.length !== abiItem.inputs.length) {
    throw new InvalidProbeError({
      field: `${field}.args`,
      message: `${abiItem.name} takes ${abiItem.inputs.length} argument(s), but ${args.length} were given.`,
    });
  }
  const hasExpectation = expect.equals !== undefined || expect.min !== undefined || expect.max !== undefined;
  if (hasExpectation && abiItem.outputs.length !== 1) {
    throw new InvalidProbeError({
      field: `${field}.expect`,
      message: `${abiItem.name} returns ${abiItem.outputs.length} values; an expectation needs a function with one output.`,
    });
  }
  for (const bound of ['min', 'max'] as const) {
    const limit = expect[bound];
    const isInteger =
      typeof limit === 'bigint' || Number.isInteger(limit) || (typeof limit === 'string' && /^-?\d+$/.test(limit));
    if (limit !== undefined && !isInteger) {
      const message = `${bound} must be an integer (a number, bigint or decimal string).`;
      throw new InvalidProbeError({ field: `${field}.expect.${bound}`, message });
    }
  }
  const integerOutput = /^u?int\d*$/.test(abiItem.outputs[0]?.type ?? '');
  if ((expect.min !== undefined || expect.max !== undefined) && !integerOutput) {
    throw new InvalidProbeError({ field: `${field}.expect`, message: `min and max need a function that returns an integer.` });
  }
  const coercedArgs = args.map((arg, index) =>
    /^u?int\d*$/.test(abiItem.inputs[index].type) && typeof arg === 'string' && /^-?\d+$/.test(arg) ? BigInt(arg) : arg,
  );
  const label = toFunctionSignature(abiItem);
  return { abiItem, args: coercedArgs, label };
}
