import path from 'node:path';
import { z } from 'zod';
import { commonEnv } from './common';

/**
 * Variables a service's command-line tool reads to open the service's store: those of {@link commonEnv}, and
 * `INIT_CWD`, set by npm to the directory `npm run` was started in (`npm run <command> -w services/<name>` runs in
 * the workspace), from which a relative `JUNCTION_DATA_DIR` is resolved (@default the current directory).
 */
export const commandEnv = {
  ...commonEnv,
  INIT_CWD: z.string().optional(),
};

/** `config` with a relative `JUNCTION_DATA_DIR` made absolute from where `npm run` started, as `npm start` at the root resolves it. */
export function withAbsoluteDataDir<Config extends { JUNCTION_DATA_DIR: string; INIT_CWD?: string }>(config: Config): Config {
  return { ...config, JUNCTION_DATA_DIR: path.resolve(config.INIT_CWD ?? process.cwd(), config.JUNCTION_DATA_DIR) };
}
