import { deriveChainStatus, type DeriveChainStatusParameters } from '@junction/onchain';

/** A healthy sample of a chain with 2 s blocks and two endpoints, to vary one field at a time. */
const healthy: DeriveChainStatusParameters = {
  chainIdOk: true,
  reachableEndpoints: 2,
  totalEndpoints: 2,
  headAgeSeconds: 3,
  expectedBlockTimeMs: 2000,
};

describe('deriveChainStatus', () => {
  it('is HEALTHY when every endpoint answers the right chain with a fresh head', () => {
    expect(deriveChainStatus(healthy)).toBe('HEALTHY');
  });

  it('is MISCONFIGURED on a chain id mismatch, whatever else holds', () => {
    expect(deriveChainStatus({ ...healthy, chainIdOk: false, headAgeSeconds: 1_000, sequencerUp: false })).toBe('MISCONFIGURED');
  });

  it('is UNREACHABLE when no endpoint answers or the head cannot be read', () => {
    expect(deriveChainStatus({ ...healthy, chainIdOk: null, reachableEndpoints: 0, headAgeSeconds: null })).toBe('UNREACHABLE');
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: null })).toBe('UNREACHABLE');
  });

  it('is HALTED past haltedAfterBlocks block times (20 × 2 s = 40 s), and not at the boundary', () => {
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 40 })).toBe('DEGRADED');
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 40.5 })).toBe('HALTED');
  });

  it('is never HALTED younger than minHaltedSeconds on a fast chain (20 × 0.25 s = 5 s < 10 s)', () => {
    const fast = { ...healthy, expectedBlockTimeMs: 250 };
    expect(deriveChainStatus({ ...fast, headAgeSeconds: 9 })).toBe('DEGRADED');
    expect(deriveChainStatus({ ...fast, headAgeSeconds: 11 })).toBe('HALTED');
  });

  it('is HALTED when the sequencer uptime feed says down, even with a fresh head', () => {
    expect(deriveChainStatus({ ...healthy, sequencerUp: false })).toBe('HALTED');
    expect(deriveChainStatus({ ...healthy, sequencerUp: true })).toBe('HEALTHY');
  });

  it('is DEGRADED past degradedAfterBlocks block times (5 × 2 s = 10 s)', () => {
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 10 })).toBe('HEALTHY');
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 10.5 })).toBe('DEGRADED');
  });

  it('is DEGRADED when some endpoints do not answer', () => {
    expect(deriveChainStatus({ ...healthy, reachableEndpoints: 1 })).toBe('DEGRADED');
  });

  it('is DEGRADED when a contract probe fails, but a worse status stays', () => {
    expect(deriveChainStatus({ ...healthy, failedProbes: 1 })).toBe('DEGRADED');
    expect(deriveChainStatus({ ...healthy, failedProbes: 0 })).toBe('HEALTHY');
    expect(deriveChainStatus({ ...healthy, failedProbes: 2, sequencerUp: false })).toBe('HALTED');
  });

  it('honours custom thresholds', () => {
    const thresholds = { degradedAfterBlocks: 2, haltedAfterBlocks: 4, minHaltedSeconds: 0 };
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 5, thresholds })).toBe('DEGRADED');
    expect(deriveChainStatus({ ...healthy, headAgeSeconds: 9, thresholds })).toBe('HALTED');
  });

  it('does not flap to DEGRADED on a sub-second chain whose fresh head looks a second old', () => {
    expect(deriveChainStatus({ ...healthy, expectedBlockTimeMs: 250, headAgeSeconds: 1.6 })).toBe('HEALTHY');
  });
});
