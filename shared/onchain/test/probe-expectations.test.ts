import { checkProbeExpectation, checkProbeInput, InvalidProbeError, MAX_PROBE_ARGS_JSON, parseProbe } from '@junction/onchain';

const address = '0x00000000000000000000000000000000000000e1' as const;

describe('checkProbeExpectation', () => {
  it.each([
    [false, { equals: false }, true, 'paused() returned false, equal to false as expected.'],
    [true, { equals: false }, false, 'paused() returned true; expected false.'],
    [true, { equals: 'true' }, true, 'paused() returned true, equal to "true" as expected.'],
    [5n, { min: 10 }, false, 'paused() returned 5; expected at least 10.'],
    [50n, { min: 10n, max: '100' }, true, 'paused() returned 50, at least 10 and at most 100 as expected.'],
    [500n, { max: 100 }, false, 'paused() returned 500; expected at most 100.'],
    [7n, { equals: '7' }, true, 'paused() returned 7, equal to 7 as expected.'],
    ['0xAbC0000000000000000000000000000000000001', { equals: '0xabc0000000000000000000000000000000000001' }, true, null],
    [3n, {}, true, 'paused() returned 3; no expectation set.'],
  ])('%p against %p passes: %p', (value, expectation, passed, reason) => {
    const result = checkProbeExpectation({ value, expect: expectation, label: 'paused()' });
    expect(result.passed).toBe(passed);
    if (reason) expect(result.reason).toBe(reason);
  });
});

describe('parseProbe', () => {
  it('parses a human-readable view function and turns decimal string arguments into bigints', () => {
    const parsed = parseProbe({ address, signature: 'function allowance(address owner, uint256 id) view returns (uint256)', args: [address, '42'] });
    expect(parsed.label).toBe('allowance(address,uint256)');
    expect(parsed.args).toEqual([address, 42n]);
  });

  it.each([
    ['an unparseable signature', { signature: 'paused(' }, 'probes.3.signature'],
    ['a state-changing function', { signature: 'function pause()' }, 'probes.3.signature'],
    ['an event', { signature: 'event Paused(address account)' }, 'probes.3.signature'],
    ['the wrong number of arguments', { signature: 'function balanceOf(address) view returns (uint256)', args: [] }, 'probes.3.args'],
    ['a bound on a boolean', { signature: 'function paused() view returns (bool)', expect: { min: 1 } }, 'probes.3.expect'],
    ['a bound that is not an integer', { signature: 'function totalSupply() view returns (uint256)', expect: { max: 'lots' } }, 'probes.3.expect.max'],
    ['an expectation on two outputs', { signature: 'function f() view returns (uint256, bool)', expect: { equals: 1 } }, 'probes.3.expect'],
  ])('rejects %s, naming the field', (_, probe, field) => {
    let caught: unknown;
    try {
      parseProbe({ address, ...probe }, 'probes.3');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidProbeError);
    const error = caught as InvalidProbeError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors).toEqual([{ field, message: expect.any(String) }]);
  });
});

describe('checkProbeInput', () => {
  const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

  it('turns a valid input into the probe to store: address checksummed, expectation as text, null where not set', () => {
    const checked = checkProbeInput({ address: token.toLowerCase(), signature: 'function balanceOf(address) view returns (uint256)', args: [token], expect: { min: '10' } });
    expect(checked).toEqual({
      probe: { address: token, signature: 'function balanceOf(address) view returns (uint256)', args: [token], expectEquals: null, expectMin: '10', expectMax: null },
      problems: [],
    });
  });

  it('names the address and the call problems under the given field, and keeps the address as given', () => {
    const wrongChecksum = '0x5fbDB2315678afecb367f032d93F642f64180aa3';
    const checked = checkProbeInput({ address: wrongChecksum, signature: 'function paused() view returns (bool)', args: [], expect: { equals: 'yes' } }, 'input.probes.0');
    expect(checked.probe.address).toBe(wrongChecksum);
    expect(checked.problems).toEqual([
      { field: 'input.probes.0.address', message: `"${wrongChecksum}" is not a valid EVM address (0x and 40 hex digits; mixed case must match its EIP-55 checksum)` },
      { field: 'input.probes.0.expect.equals', message: 'must be true or false: paused() returns bool' },
    ]);
  });

  it('refuses arguments longer than the limit as JSON without parsing them', () => {
    const checked = checkProbeInput({ address: token, signature: 'not a signature', args: ['x'.repeat(MAX_PROBE_ARGS_JSON)] });
    expect(checked.problems).toEqual([{ field: 'input.args', message: `must be at most ${MAX_PROBE_ARGS_JSON} characters as JSON` }]);
  });
});
