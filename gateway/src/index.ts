import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

/** Runs the gateway on its own (the distributed layout). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = createGateway(config);
  const url = await gateway.listen(config.port, config.host);
  console.log(JSON.stringify({ level: 'info', msg: 'gateway listening', url }));
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
