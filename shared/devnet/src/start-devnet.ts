import { bridgeEscrowArtifact, sequencerUptimeFeedArtifact } from './artifacts';
import { deployDevnetContracts, type DevnetContracts } from './deploy-devnet-contracts';
import { devnetChainNames, devnetChainSpecs, type DevnetChain, type DevnetChainName } from './devnet-chain';
import { DevnetError } from './devnet-error';
import { createNodeClient, type NodeClient } from './node-client';
import { resolveAnvilBinary } from './resolve-anvil-binary';
import { startRpcProxy, type RpcProxy } from './rpc-proxy';
import { startAnvilNode, type AnvilNode } from './start-anvil-node';

/** Options of {@link startDevnet}. */
export interface StartDevnetOptions {
  /** The loopback address nodes and proxies listen on. @default '127.0.0.1' */
  host?: string;
  /** Whole seconds between blocks, per chain (at least 1). @default { l1: 2, l2a: 1, l2b: 2 } */
  blockTimeSeconds?: Partial<Record<DevnetChainName, number>>;
  /**
   * The first of nine consecutive ports: for l1, l2a and l2b in turn, the node, the primary proxy and the
   * secondary proxy (l1's node on `basePort`, l2b's secondary proxy on `basePort + 8`). 0 takes any free ports.
   * @default 0
   */
  basePort?: number;
  /**
   * Blocks per epoch, per chain: anvil answers `safe` with latest − n and `finalized` with latest − 2n.
   * @default 32 on every chain
   */
  slotsInAnEpoch?: Partial<Record<DevnetChainName, number>>;
  /** The anvil executable. @default resolveAnvilBinary() */
  anvilBinary?: string;
}

/** A running devnet: three anvil nodes with their proxies and demo contracts, and the levers tests pull. */
export interface Devnet {
  /** The chains, by name. */
  chains: Record<DevnetChainName, DevnetChain>;
  /** Where the demo contracts are. */
  contracts: DevnetContracts;
  /** Stops the chain producing blocks (interval mining and automine off). Idempotent. */
  halt(chain: DevnetChainName): Promise<void>;
  /** Produces blocks again at the chain's block time. Idempotent. */
  resume(chain: DevnetChainName): Promise<void>;
  /**
   * Pauses the escrow on l1 and the remote escrow on l2a: one transaction each unless already paused, mined at once
   * in a block of its own. That block is mined even on a halted chain, so pause first, then halt.
   */
  pauseBridge(): Promise<void>;
  /** Unpauses both escrows, like {@link Devnet.pauseBridge} (nothing happens where already unpaused). */
  unpauseBridge(): Promise<void>;
  /**
   * Reports the l2a sequencer up or down on the uptime feed (one transaction, mined at once in a block of its own,
   * even while l2a is halted): a change starts a new round with `startedAt` = that block's timestamp; the same
   * status again only refreshes `updatedAt`.
   */
  setSequencerStatus(up: boolean): Promise<void>;
  /** Kills the proxies and the anvil processes and waits until they are gone. Idempotent. */
  close(): Promise<void>;
}

/**
 * The gas limit of the devnet's control transactions (pause, sequencer status). Not estimated: an estimate runs
 * against a block whose timestamp may equal a stored `updatedAt`, where writing it again is a cheap no-op, while
 * the block that mines it has a later timestamp and pays the full write; the transaction then ran out of gas.
 */
const CONTROL_GAS = 200_000n;

/**
 * Starts the devnet: three anvil nodes (l1 900001, l2a 900002, l2b 900003) as child processes on loopback, the
 * demo contracts deployed and funded, two JSON-RPC proxies per node, then blocks at each chain's block time.
 * Takes about a second. Anything started is stopped again if a later step fails, and the anvil processes die
 * with this process if `close()` is never called.
 */
export async function startDevnet({
  host = '127.0.0.1',
  blockTimeSeconds = {},
  basePort = 0,
  slotsInAnEpoch = {},
  anvilBinary,
}: StartDevnetOptions = {}): Promise<Devnet> {
  const blockTimes = {} as Record<DevnetChainName, number>;
  for (const name of devnetChainNames) {
    const seconds = blockTimeSeconds[name] ?? devnetChainSpecs[name].defaultBlockTimeSeconds;
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new DevnetError(`blockTimeSeconds.${name} must be a whole number of seconds, at least 1 (anvil mines in whole seconds); got ${seconds}.`);
    }
    blockTimes[name] = seconds;
  }
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535 - 8) {
    throw new DevnetError(`basePort must be 0 (any free ports) or a port from 1 to 65527; got ${basePort}.`);
  }
  const binary = anvilBinary ?? resolveAnvilBinary();
  const portFor = (index: number, offset: number) => (basePort === 0 ? 0 : basePort + index * 3 + offset);

  const nodes = new Map<DevnetChainName, AnvilNode>();
  const proxies = new Map<DevnetChainName, [RpcProxy, RpcProxy]>();
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await Promise.allSettled([...proxies.values()].flat().map((proxy) => proxy.kill()));
      await Promise.allSettled([...nodes.values()].map((node) => node.stop()));
    })();
    return closing;
  };

  try {
    await settleAll(
      devnetChainNames.map(async (name, index) => {
        const node = await startAnvilNode({
          chainId: devnetChainSpecs[name].chainId,
          host,
          port: portFor(index, 0),
          slotsInAnEpoch: slotsInAnEpoch[name] ?? 32,
          binary,
        });
        nodes.set(name, node);
      }),
    );
    const clients = {} as Record<DevnetChainName, NodeClient>;
    for (const name of devnetChainNames) {
      clients[name] = createNodeClient({ url: nodeOf(nodes, name).url, chainId: devnetChainSpecs[name].chainId, label: devnetChainSpecs[name].label });
    }
    const contracts = await deployDevnetContracts(clients);
    await settleAll(
      devnetChainNames.map(async (name, index) => {
        const upstreamUrl = nodeOf(nodes, name).url;
        const started = await Promise.allSettled([1, 2].map((offset) => startRpcProxy({ upstreamUrl, host, port: portFor(index, offset) })));
        const [primary, secondary] = started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
        if (primary && secondary) proxies.set(name, [primary, secondary]);
        else {
          await Promise.all([primary?.kill(), secondary?.kill()]);
          throw started.find((outcome) => outcome.status === 'rejected')?.reason;
        }
      }),
    );
    await Promise.all(devnetChainNames.map((name) => clients[name].viem.setIntervalMining({ interval: blockTimes[name] })));

    const chains = {} as Record<DevnetChainName, DevnetChain>;
    for (const name of devnetChainNames) {
      const node = nodeOf(nodes, name);
      const endpoints = proxies.get(name);
      if (!endpoints) throw new DevnetError(`The ${name} proxies did not start.`);
      chains[name] = {
        name,
        label: devnetChainSpecs[name].label,
        chainId: devnetChainSpecs[name].chainId,
        blockTimeSeconds: blockTimes[name],
        rpcUrl: node.url,
        pid: node.pid,
        endpoints,
      };
    }

    const assertOpen = () => {
      if (closing) throw new DevnetError('The devnet is closed.');
    };
    const clientFor = (name: DevnetChainName): NodeClient => {
      assertOpen();
      if (!devnetChainNames.includes(name)) throw new DevnetError(`There is no devnet chain "${String(name)}"; use one of ${devnetChainNames.join(', ')}.`);
      return clients[name];
    };
    const escrows = [
      { client: clients.l1, address: contracts.escrow.address },
      { client: clients.l2a, address: contracts.remoteEscrow.address },
    ];
    const setPaused = async (paused: boolean) => {
      assertOpen();
      await Promise.all(
        escrows.map(({ client, address }) =>
          client.transact(async (viem) => {
            const current = await viem.readContract({ address, abi: bridgeEscrowArtifact.abi, functionName: 'paused' });
            return current === paused ? undefined : viem.writeContract({ address, abi: bridgeEscrowArtifact.abi, functionName: paused ? 'pause' : 'unpause', gas: CONTROL_GAS });
          }),
        ),
      );
    };

    return {
      chains,
      contracts,
      async halt(name) {
        const client = clientFor(name);
        await client.viem.setAutomine(false);
        await client.viem.setIntervalMining({ interval: 0 });
      },
      async resume(name) {
        await clientFor(name).viem.setIntervalMining({ interval: blockTimes[name] });
      },
      pauseBridge: () => setPaused(true),
      unpauseBridge: () => setPaused(false),
      async setSequencerStatus(up) {
        await clientFor('l2a').transact((viem) =>
          viem.writeContract({
            address: contracts.sequencerUptimeFeed.address,
            abi: sequencerUptimeFeedArtifact.abi,
            functionName: 'setStatus',
            args: [up ? 0n : 1n],
            gas: CONTROL_GAS,
          }),
        );
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits for every task (so none is still starting something when cleanup runs), then throws the first failure. */
async function settleAll(tasks: Array<Promise<void>>): Promise<void> {
  const outcomes = await Promise.allSettled(tasks);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

function nodeOf(nodes: Map<DevnetChainName, AnvilNode>, name: DevnetChainName): AnvilNode {
  const node = nodes.get(name);
  if (!node) throw new DevnetError(`The ${name} node did not start.`);
  return node;
}
