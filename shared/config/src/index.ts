export { ConfigError, optionalUrl, parseEnv, port } from './parse-env';
export { commonEnv, principalSecretEnv } from './common';
export { z } from 'zod';
