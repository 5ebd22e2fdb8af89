import { getAddress, parseEther, parseUnits, type Address, type TransactionReceipt } from 'viem';
import { bridgeEscrowArtifact, junctionUsdArtifact, multicall3Artifact, sequencerUptimeFeedArtifact } from './artifacts';
import type { DevnetChainName } from './devnet-chain';
import { DevnetError } from './devnet-error';
import type { NodeClient } from './node-client';

/** Where the devnet's demo contracts live. Fresh nodes and a fixed deploy order make these the same every run. */
export interface DevnetContracts {
  /** The Multicall3-compatible batcher, at the canonical Multicall3 address on every chain. */
  multicall3: Address;
  /** The demo ERC-20 ("Junction USD", jUSD, 6 decimals) on each chain. */
  token: Record<DevnetChainName, Address>;
  /** The pausable bridge escrow on l1, holding jUSD and native ETH. */
  escrow: { chain: 'l1'; address: Address };
  /** The same escrow contract on l2a: the other side of the demo bridge, also funded. */
  remoteEscrow: { chain: 'l2a'; address: Address };
  /** The Chainlink-style L2 sequencer uptime feed on l2a (answer 0 = up, 1 = down); starts up. */
  sequencerUptimeFeed: { chain: 'l2a'; address: Address };
}

/** The canonical Multicall3 address, which viem and most tools assume. */
export const multicall3Address: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** How much the devnet mints and funds, in base units (jUSD has 6 decimals, ETH 18). */
export const devnetFunding = {
  /** jUSD minted to the deployer on each chain. */
  tokenSupply: parseUnits('1000000000', 6),
  /** jUSD the l1 escrow holds after start-up. */
  escrowToken: parseUnits('1000000', 6),
  /** ETH the l1 escrow holds after start-up. */
  escrowNative: parseEther('100'),
  /** jUSD the l2a escrow holds after start-up. */
  remoteEscrowToken: parseUnits('250000', 6),
  /** ETH the l2a escrow holds after start-up. */
  remoteEscrowNative: parseEther('10'),
} as const;

/**
 * Deploys and funds the demo contracts on fresh nodes, every transaction from the deployer and mined at once, in a
 * fixed order per chain (so the same nonces, hence the same addresses): the token everywhere, then on l1 the
 * escrow, on l2a the remote escrow and the sequencer uptime feed; then the escrows are funded. The Multicall3
 * runtime code is installed with `anvil_setCode`, which costs no transaction.
 */
export async function deployDevnetContracts(nodes: Record<DevnetChainName, NodeClient>): Promise<DevnetContracts> {
  const [l1, l2a, l2b] = await Promise.all([
    deployChain(nodes.l1, { escrow: { token: devnetFunding.escrowToken, native: devnetFunding.escrowNative } }),
    deployChain(nodes.l2a, { escrow: { token: devnetFunding.remoteEscrowToken, native: devnetFunding.remoteEscrowNative }, sequencerUptimeFeed: true }),
    deployChain(nodes.l2b, {}),
  ]);
  if (!l1.escrow || !l2a.escrow || !l2a.sequencerUptimeFeed) throw new DevnetError('The devnet deployment skipped a contract.');
  return {
    multicall3: multicall3Address,
    token: { l1: l1.token, l2a: l2a.token, l2b: l2b.token },
    escrow: { chain: 'l1', address: l1.escrow },
    remoteEscrow: { chain: 'l2a', address: l2a.escrow },
    sequencerUptimeFeed: { chain: 'l2a', address: l2a.sequencerUptimeFeed },
  };
}

interface ChainPlan {
  escrow?: { token: bigint; native: bigint };
  sequencerUptimeFeed?: boolean;
}

interface ChainDeployment {
  token: Address;
  escrow?: Address;
  sequencerUptimeFeed?: Address;
}

async function deployChain(node: NodeClient, plan: ChainPlan): Promise<ChainDeployment> {
  await node.viem.setCode({ address: multicall3Address, bytecode: multicall3Artifact.deployedBytecode });
  const token = createdAddress(
    await node.transact((client) =>
      client.deployContract({ abi: junctionUsdArtifact.abi, bytecode: junctionUsdArtifact.bytecode, args: [devnetFunding.tokenSupply] }),
    ),
  );
  const deployment: ChainDeployment = { token };
  if (plan.escrow) {
    deployment.escrow = createdAddress(
      await node.transact((client) => client.deployContract({ abi: bridgeEscrowArtifact.abi, bytecode: bridgeEscrowArtifact.bytecode, args: [token] })),
    );
  }
  if (plan.sequencerUptimeFeed) {
    deployment.sequencerUptimeFeed = createdAddress(
      await node.transact((client) => client.deployContract({ abi: sequencerUptimeFeedArtifact.abi, bytecode: sequencerUptimeFeedArtifact.bytecode })),
    );
  }
  if (plan.escrow && deployment.escrow) {
    const escrow = deployment.escrow;
    const { token: tokenAmount, native } = plan.escrow;
    await node.transact((client) => client.writeContract({ address: token, abi: junctionUsdArtifact.abi, functionName: 'transfer', args: [escrow, tokenAmount] }));
    await node.transact((client) => client.sendTransaction({ to: escrow, value: native }));
  }
  return deployment;
}

function createdAddress(receipt: TransactionReceipt | undefined): Address {
  if (!receipt?.contractAddress) throw new DevnetError('A devnet deployment produced no contract address.', { details: { hash: receipt?.transactionHash } });
  return getAddress(receipt.contractAddress);
}
