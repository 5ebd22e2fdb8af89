import { BadUserInputError, type FieldError } from '@junction/errors';
import type { EntityDirectory } from '@junction/federation';
import type { BridgeChanges, BridgeRouteChanges, NewBridge, NewBridgeContract, NewBridgeProbe, NewBridgeRoute } from '../repositories/bridge-records';
import type { BridgeRepository } from '../repositories/bridge.repository';
import type { BridgeContractInput } from '../types/bridge-contract-input';
import type { CreateBridgeInput, UpdateBridgeInput } from '../types/bridge-inputs';
import type { BridgeProbeInput } from '../types/bridge-probe-input';
import type { BridgeRouteInput, UpdateBridgeRouteInput } from '../types/bridge-route-inputs';
import { checkContract } from './contract-problems';
import { checkOptionalAddress } from './evm-address';
import { checkProbe } from './probe-problems';
import { findMissingReferences, unknownPartnerMessage, type MissingReferences } from './references';
import { checkRoute } from './route-problems';

/** Fields of `UpdateBridgeInput` that cannot be cleared: null is refused rather than written. */
const REQUIRED_BRIDGE_FIELDS = [
  'name',
  'kind',
  'provider',
  'securityModel',
  'validatedBy',
  'arbitraryMessaging',
  'nativeTokenRequired',
  'supportedChainsCount',
  'status',
] as const;

/** Fields of `UpdateBridgeRouteInput` that cannot be cleared. */
const REQUIRED_ROUTE_FIELDS = ['expectedDurationSeconds', 'feeUsdMin', 'feeUsdMax', 'confirmationsRequired', 'enabled'] as const;

const NOT_NULL_MESSAGE = 'cannot be null; leave it out to keep the current value';

/**
 * The domain checks of every bridge mutation, run before any transaction: references to other subgraphs' chains
 * and partners (one directory call per owner and mutation), EVM addresses (checksummed on the way in), fee
 * ranges, repeats inside one input, and slug uniqueness. Each method returns the records to write, or throws one
 * `BAD_USER_INPUT` naming every bad field.
 */
export class BridgeInputCheck {
  constructor(
    private readonly directory: EntityDirectory,
    private readonly bridges: BridgeRepository,
  ) {}

  /** Checks a whole new bridge with its contracts and routes. */
  async forCreate(input: CreateBridgeInput): Promise<NewBridge> {
    const operatorPartnerId = input.operatorPartnerId ?? null;
    const [missing, slugOwner] = await Promise.all([
      this.missing(
        [...input.contracts.map((c) => c.chainId), ...input.routes.flatMap((r) => [r.sourceChainId, r.destinationChainId])],
        operatorPartnerId,
      ),
      this.bridges.findBySlug(input.slug),
    ]);
    const problems: FieldError[] = [];
    if (slugOwner) problems.push({ field: 'input.slug', message: `"${input.slug}" is already used by ${slugOwner.name}; pick another slug` });
    problems.push(...operatorProblems(operatorPartnerId, missing));

    const contracts: NewBridgeContract[] = [];
    const contractKeys = new Map<string, number>();
    input.contracts.forEach((contractInput, index) => {
      const field = `input.contracts.${index}`;
      const checked = checkContract(contractInput, field, missing);
      problems.push(...checked.problems);
      const key = `${checked.record.chainId}|${checked.record.address.toLowerCase()}`;
      const first = contractKeys.get(key);
      if (first === undefined) contractKeys.set(key, index);
      else problems.push({ field: `${field}.address`, message: `repeats input.contracts.${first}: same chain and address` });
      contracts.push(checked.record);
    });

    const routes: NewBridgeRoute[] = [];
    const routeKeys = new Map<string, number>();
    input.routes.forEach((routeInput, index) => {
      const field = `input.routes.${index}`;
      const checked = checkRoute(routeInput, field, missing);
      problems.push(...checked.problems);
      const key = `${routeInput.sourceChainId}|${routeInput.destinationChainId}|${routeInput.tokenSymbol.toLowerCase()}`;
      const first = routeKeys.get(key);
      if (first === undefined) routeKeys.set(key, index);
      else problems.push({ field: `${field}.tokenSymbol`, message: `repeats input.routes.${first}: same source, destination and token` });
      routes.push(checked.record);
    });

    if (problems.length > 0) throw new BadUserInputError(problems);
    const { contracts: _contracts, routes: _routes, ...fields } = input;
    return {
      ...fields,
      operatorPartnerId,
      websiteUrl: input.websiteUrl ?? null,
      docsUrl: input.docsUrl ?? null,
      notes: input.notes ?? null,
      contracts,
      routes,
    };
  }

  /** Checks changes to a bridge: no nulls where a value is required, a known operator. */
  async forUpdate(input: UpdateBridgeInput): Promise<BridgeChanges> {
    const problems = notNullProblems(input, REQUIRED_BRIDGE_FIELDS);
    if (input.operatorPartnerId !== undefined && input.operatorPartnerId !== null) {
      const missing = await this.missing([], input.operatorPartnerId);
      problems.push(...operatorProblems(input.operatorPartnerId, missing));
    }
    if (problems.length > 0) throw new BadUserInputError(problems);
    return definedOnly({ ...input }) as BridgeChanges;
  }

  /** Checks a contract added to an existing bridge (fields under `input`). */
  async forContract(input: BridgeContractInput): Promise<NewBridgeContract> {
    const checked = checkContract(input, 'input', await this.missing([input.chainId], null));
    if (checked.problems.length > 0) throw new BadUserInputError(checked.problems);
    return checked.record;
  }

  /** Checks a route added to an existing bridge (fields under `input`). */
  async forRoute(input: BridgeRouteInput): Promise<NewBridgeRoute> {
    const checked = checkRoute(input, 'input', await this.missing([input.sourceChainId, input.destinationChainId], null));
    if (checked.problems.length > 0) throw new BadUserInputError(checked.problems);
    return checked.record;
  }

  /** Checks a contract probe added to an existing bridge (fields under `input`). */
  async forProbe(input: BridgeProbeInput): Promise<NewBridgeProbe> {
    const checked = checkProbe(input, await this.missing([input.chainId], null));
    if (checked.problems.length > 0) throw new BadUserInputError(checked.problems);
    return checked.record;
  }

  /**
   * Checks changes to a route that need no stored values (nulls, token addresses). The fee ranges are checked
   * against the stored route inside the write.
   */
  forRouteChanges(input: UpdateBridgeRouteInput): BridgeRouteChanges {
    const problems = notNullProblems(input, REQUIRED_ROUTE_FIELDS);
    const changes = definedOnly({
      ...input,
      sourceTokenAddress: checkOptionalAddress('input.sourceTokenAddress', input.sourceTokenAddress, problems),
      destinationTokenAddress: checkOptionalAddress('input.destinationTokenAddress', input.destinationTokenAddress, problems),
    });
    if (problems.length > 0) throw new BadUserInputError(problems);
    return changes as BridgeRouteChanges;
  }

  private missing(chainIds: readonly string[], operatorPartnerId: string | null): Promise<MissingReferences> {
    return findMissingReferences(this.directory, { chainIds, partnerIds: operatorPartnerId === null ? [] : [operatorPartnerId] });
  }
}

function operatorProblems(operatorPartnerId: string | null, missing: MissingReferences): FieldError[] {
  return operatorPartnerId !== null && missing.partnerIds.has(operatorPartnerId)
    ? [{ field: 'input.operatorPartnerId', message: unknownPartnerMessage(operatorPartnerId) }]
    : [];
}

function notNullProblems<T extends object>(input: T, required: readonly (keyof T & string)[]): FieldError[] {
  return required.filter((key) => input[key] === null).map((key) => ({ field: `input.${key}`, message: NOT_NULL_MESSAGE }));
}

/** The entries whose value is not undefined: omitted input fields keep the stored value. */
function definedOnly(values: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
