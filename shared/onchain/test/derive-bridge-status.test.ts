import { deriveBridgeStatus, type ReadBridgeStateReturnType } from '@junction/onchain';

const escrow = '0x00000000000000000000000000000000000000e1' as const;

function state({ paused = false, balanceOk = true } = {}): ReadBridgeStateReturnType {
  return {
    contracts: [{ address: escrow, pausable: true, ok: true, value: paused, error: null }],
    balances: [
      balanceOk
        ? { holder: escrow, token: 'native', ok: true, value: 10n ** 18n, error: null }
        : { holder: escrow, token: 'native', ok: false, value: null, error: 'The contract function "getEthBalance" reverted.' },
    ],
  };
}

describe('deriveBridgeStatus', () => {
  it('is OPERATIONAL when every read succeeds, nothing is paused and the chains are healthy', () => {
    expect(deriveBridgeStatus({ states: [state(), state()], chainStatuses: ['HEALTHY', 'HEALTHY'] })).toBe('OPERATIONAL');
  });

  it('is PAUSED when any contract is paused', () => {
    expect(deriveBridgeStatus({ states: [state(), state({ paused: true })] })).toBe('PAUSED');
  });

  it('is UNREACHABLE when no chain could be read', () => {
    expect(deriveBridgeStatus({ states: [null, null] })).toBe('UNREACHABLE');
  });

  it('is DEGRADED when one chain could not be read, a read failed, or a connected chain is unhealthy', () => {
    expect(deriveBridgeStatus({ states: [state(), null] })).toBe('DEGRADED');
    expect(deriveBridgeStatus({ states: [state({ balanceOk: false })] })).toBe('DEGRADED');
    expect(deriveBridgeStatus({ states: [state()], chainStatuses: ['HEALTHY', 'HALTED'] })).toBe('DEGRADED');
  });
});
