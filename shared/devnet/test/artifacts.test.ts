import { readFileSync } from 'node:fs';

const compile: {
  compileContracts(): Record<string, { abi: unknown[]; bytecode: string; deployedBytecode: string }>;
  renderArtifacts(compiled: ReturnType<typeof compile.compileContracts>): string;
  artifactsFile: string;
} = require('../scripts/compile.js');

describe('contract artifacts', () => {
  it('match what contracts/*.sol compile to (run `npm run compile -w shared/devnet` after changing a source)', () => {
    const compiled = compile.compileContracts();
    expect(Object.keys(compiled)).toEqual(['JunctionUsd', 'BridgeEscrow', 'SequencerUptimeFeed', 'Multicall3']);
    expect(compile.renderArtifacts(compiled)).toBe(readFileSync(compile.artifactsFile, 'utf8'));
  });
});
