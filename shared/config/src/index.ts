export { ConfigError, optionalUrl, parseEnv, port } from './parse-env';
export { commonEnv, principalSecretEnv } from './common';
export { commandEnv, withAbsoluteDataDir } from './command-env';
export { z } from 'zod';
