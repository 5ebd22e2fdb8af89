import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { DevnetError } from './devnet-error';

/** The `@foundry-rs/anvil` package that carries the native binary, by `${process.platform}-${process.arch}`. */
const platformPackages: Readonly<Record<string, string>> = {
  'linux-x64': '@foundry-rs/anvil-linux-amd64',
  'linux-arm64': '@foundry-rs/anvil-linux-arm64',
  'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
  'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
  'win32-x64': '@foundry-rs/anvil-win32-amd64',
};

/**
 * Finds the anvil executable that `@foundry-rs/anvil` installed for this platform (an optional dependency of it,
 * hoisted to the top-level `node_modules` or nested under the wrapper package). Throws a {@link DevnetError} that
 * says what to install when it is missing.
 */
export function resolveAnvilBinary(): string {
  const platform = `${process.platform}-${process.arch}`;
  const packageName = platformPackages[platform];
  if (!packageName) {
    throw new DevnetError(`anvil has no npm binary for ${platform}; the devnet cannot start on this machine.`, {
      details: { supported: Object.keys(platformPackages).join(', ') },
    });
  }
  const request = `${packageName}/bin/${process.platform === 'win32' ? 'anvil.exe' : 'anvil'}`;
  const searchPaths: Array<string[] | undefined> = [undefined];
  try {
    searchPaths.push([path.dirname(require.resolve('@foundry-rs/anvil/package.json'))]);
  } catch {
    // the wrapper package is missing too; the error below says what to install
  }
  for (const paths of searchPaths) {
    try {
      const binary = require.resolve(request, paths ? { paths } : undefined);
      accessSync(binary, constants.X_OK);
      return binary;
    } catch {
      // try the next place
    }
  }
  throw new DevnetError(`The anvil binary (${packageName}) is not installed or not executable; run \`npm install\` with optional dependencies enabled.`, {
    details: { looked_for: request },
  });
}
