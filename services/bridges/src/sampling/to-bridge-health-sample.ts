import type { BridgeHealthSampleEntity } from '../entities/bridge-health-sample.entity';
import type { BridgeHealthSnapshot } from '../health/bridge-health-snapshot';

/**
 * The history row of one health observation of a bridge. `escrowValue` sums the ERC-20 balances read, each in whole
 * token units (a plain sum across tokens, not a price-weighted value); `nativeBalance` sums the native balances read,
 * in ETH. Each is null when the observation read no such balance.
 */
export function toBridgeHealthSample(bridgeId: string, observedAt: Date, snapshot: BridgeHealthSnapshot): BridgeHealthSampleEntity {
  const balances = snapshot.contracts.flatMap((contract) => contract.balances);
  const total = (native: boolean) => {
    const amounts = balances.filter((balance) => (balance.token === null) === native && balance.amount !== null).map((balance) => balance.amount as number);
    return amounts.length === 0 ? null : amounts.reduce((sum, amount) => sum + amount, 0);
  };
  return {
    bridgeId,
    observedAt,
    status: snapshot.status,
    pausedContracts: snapshot.contracts.filter((contract) => contract.paused === true).length,
    readableContracts: snapshot.contracts.filter((contract) => contract.readable).length,
    contractCount: snapshot.contracts.length,
    failingProbes: snapshot.probes.filter((probe) => !probe.passed).length,
    escrowValue: total(false),
    nativeBalance: total(true),
  };
}
