export { ConfigError, optionalUrl, parseEnv, port } from './parse-env';
export { commonEnv } from './common';
export { z } from 'zod';
