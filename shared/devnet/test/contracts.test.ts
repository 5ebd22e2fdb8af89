import {
  bridgeEscrowArtifact,
  devnetChainNames,
  devnetDeployer,
  devnetFunding,
  junctionUsdArtifact,
  multicall3Artifact,
  sequencerUptimeFeedArtifact,
  startDevnet,
  type Devnet,
  type DevnetChainName,
} from '@junction/devnet';
import { BaseError, ContractFunctionRevertedError, createTestClient, http, parseEventLogs, publicActions, walletActions, type Hash } from 'viem';

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.close();
});

/** A client on the chain's node that can read, send as the deployer (signed by the node) and mine. */
const clientOf = (name: DevnetChainName) =>
  createTestClient({ mode: 'anvil', account: devnetDeployer.address, transport: http(devnet.chains[name].rpcUrl, { retryCount: 0 }) })
    .extend(publicActions)
    .extend(walletActions);

/** Mines `hash` at once instead of waiting for the next interval block. */
async function mined(name: DevnetChainName, hash: Hash) {
  const client = clientOf(name);
  await client.mine({ blocks: 1 });
  return client.getTransactionReceipt({ hash });
}

const readPaused = (name: DevnetChainName, address: `0x${string}`) =>
  clientOf(name).readContract({ address, abi: bridgeEscrowArtifact.abi, functionName: 'paused' });

const feedRound = () =>
  clientOf('l2a').readContract({ address: devnet.contracts.sequencerUptimeFeed.address, abi: sequencerUptimeFeedArtifact.abi, functionName: 'latestRoundData' });

describe('devnet contracts', () => {
  it('deploys to the same addresses on every run (fresh nodes, fixed nonce order)', () => {
    const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    expect(devnet.contracts).toEqual({
      multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
      token: { l1: token, l2a: token, l2b: token },
      escrow: { chain: 'l1', address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' },
      remoteEscrow: { chain: 'l2a', address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' },
      sequencerUptimeFeed: { chain: 'l2a', address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' },
    });
  });

  it('serves Multicall3 aggregate3 on every chain through viem multicall, in one eth_call', async () => {
    for (const name of devnetChainNames) {
      const endpoint = devnet.chains[name].endpoints[0];
      const client = createTestClient({ mode: 'anvil', transport: http(endpoint.url, { retryCount: 0 }) }).extend(publicActions);
      expect(await client.getCode({ address: devnet.contracts.multicall3 })).toBe(multicall3Artifact.deployedBytecode);
      endpoint.reset();
      const multicall3 = { address: devnet.contracts.multicall3, abi: multicall3Artifact.abi } as const;
      const token = { address: devnet.contracts.token[name], abi: junctionUsdArtifact.abi } as const;
      const [symbol, decimals, supply, ethBalance, blockNumber, timestamp, failing] = await client.multicall({
        multicallAddress: devnet.contracts.multicall3,
        contracts: [
          { ...token, functionName: 'symbol' },
          { ...token, functionName: 'decimals' },
          { ...token, functionName: 'totalSupply' },
          { ...multicall3, functionName: 'getEthBalance', args: [devnetDeployer.address] },
          { ...multicall3, functionName: 'getBlockNumber' },
          { ...multicall3, functionName: 'getCurrentBlockTimestamp' },
          { ...token, functionName: 'transferFrom', args: [devnet.contracts.multicall3, devnetDeployer.address, 1n] },
        ],
      });
      expect([symbol.result, decimals.result, supply.result]).toEqual(['jUSD', 6, devnetFunding.tokenSupply]);
      expect(ethBalance.result).toBeGreaterThan(0n);
      expect(blockNumber.result).toBeGreaterThan(0n);
      expect(Number(timestamp.result)).toBeGreaterThan(Date.now() / 1000 - 30);
      expect(failing.status).toBe('failure');
      expect(endpoint.calls()).toEqual({ __requests: 1, eth_call: 1 });
    }
  });

  it('funds the escrows with jUSD and ETH', async () => {
    const balances = async (name: DevnetChainName, address: `0x${string}`) => {
      const client = clientOf(name);
      const token = await client.readContract({ address: devnet.contracts.token[name], abi: junctionUsdArtifact.abi, functionName: 'balanceOf', args: [address] });
      return { token, native: await client.getBalance({ address }) };
    };
    expect(await balances('l1', devnet.contracts.escrow.address)).toEqual({ token: devnetFunding.escrowToken, native: devnetFunding.escrowNative });
    expect(await balances('l2a', devnet.contracts.remoteEscrow.address)).toEqual({ token: devnetFunding.remoteEscrowToken, native: devnetFunding.remoteEscrowNative });
    expect((await balances('l1', devnetDeployer.address)).token).toBe(devnetFunding.tokenSupply - devnetFunding.escrowToken);
    expect((await balances('l2b', devnetDeployer.address)).token).toBe(devnetFunding.tokenSupply);
    const token = { address: devnet.contracts.token.l2b, abi: junctionUsdArtifact.abi } as const;
    const client = clientOf('l2b');
    expect(await client.readContract({ ...token, functionName: 'name' })).toBe('Junction USD');
    expect(await client.getCode({ address: devnet.contracts.escrow.address })).toBeUndefined();
  });

  it('pauses and unpauses the bridge on both sides, with Paused/Unpaused events, idempotently even when called concurrently', async () => {
    const { escrow, remoteEscrow } = devnet.contracts;
    expect(await clientOf('l1').readContract({ address: escrow.address, abi: bridgeEscrowArtifact.abi, functionName: 'owner' })).toBe(devnetDeployer.address);
    expect([await readPaused('l1', escrow.address), await readPaused('l2a', remoteEscrow.address)]).toEqual([false, false]);

    const fromBlock = await clientOf('l1').getBlockNumber();
    await Promise.all([devnet.pauseBridge(), devnet.pauseBridge()]);
    await devnet.pauseBridge();
    expect([await readPaused('l1', escrow.address), await readPaused('l2a', remoteEscrow.address)]).toEqual([true, true]);
    const logs = await clientOf('l1').getLogs({ address: escrow.address, fromBlock });
    expect(parseEventLogs({ abi: bridgeEscrowArtifact.abi, logs }).map((log) => [log.eventName, log.args])).toEqual([['Paused', { account: devnetDeployer.address }]]);

    await devnet.unpauseBridge();
    await devnet.unpauseBridge();
    expect([await readPaused('l1', escrow.address), await readPaused('l2a', remoteEscrow.address)]).toEqual([false, false]);
  });

  it('takes deposits with transferFrom while open and refuses them while paused', async () => {
    const client = clientOf('l1');
    const { escrow, token } = devnet.contracts;
    const amount = 5_000_000n;
    await mined('l1', await client.writeContract({ address: token.l1, abi: junctionUsdArtifact.abi, functionName: 'approve', args: [escrow.address, amount * 2n], chain: null }));
    const receipt = await mined('l1', await client.writeContract({ address: escrow.address, abi: bridgeEscrowArtifact.abi, functionName: 'deposit', args: [amount], chain: null }));
    expect(receipt.status).toBe('success');
    expect(await client.readContract({ address: token.l1, abi: junctionUsdArtifact.abi, functionName: 'balanceOf', args: [escrow.address] })).toBe(devnetFunding.escrowToken + amount);

    await devnet.pauseBridge();
    const refused = await client
      .simulateContract({ address: escrow.address, abi: bridgeEscrowArtifact.abi, functionName: 'deposit', args: [amount] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BaseError);
    const revert = (refused as BaseError).walk((cause) => cause instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError;
    expect(revert.data?.errorName).toBe('EnforcedPause');
    await devnet.unpauseBridge();
  });

  it('reports the sequencer down and up on the uptime feed, with startedAt at the change', async () => {
    const client = clientOf('l2a');
    const feed = { address: devnet.contracts.sequencerUptimeFeed.address, abi: sequencerUptimeFeedArtifact.abi } as const;
    expect(await client.readContract({ ...feed, functionName: 'decimals' })).toBe(0);
    expect(await client.readContract({ ...feed, functionName: 'description' })).toBe('L2 Sequencer Uptime Status Feed');
    const [firstRound, upAnswer] = await feedRound();
    expect([firstRound, upAnswer]).toEqual([1n, 0n]);

    const fromBlock = await client.getBlockNumber();
    await devnet.setSequencerStatus(false);
    const [downRound, downAnswer, downStartedAt, downUpdatedAt, answeredInRound] = await feedRound();
    const [newRound] = await client.getContractEvents({ ...feed, eventName: 'NewRound', fromBlock });
    expect(newRound.args.roundId).toBe(2n);
    const changeBlock = await client.getBlock({ blockNumber: newRound.blockNumber });
    expect([downRound, downAnswer, answeredInRound]).toEqual([2n, 1n, 2n]);
    expect(downStartedAt).toBe(changeBlock.timestamp);
    expect(downUpdatedAt).toBe(changeBlock.timestamp);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await devnet.setSequencerStatus(false);
    const [sameRound, sameAnswer, sameStartedAt, refreshedAt] = await feedRound();
    expect([sameRound, sameAnswer, sameStartedAt]).toEqual([2n, 1n, downStartedAt]);
    expect(refreshedAt).toBeGreaterThan(downUpdatedAt);

    await devnet.setSequencerStatus(true);
    const [upRound, upAgain, upStartedAt] = await feedRound();
    expect([upRound, upAgain]).toEqual([3n, 0n]);
    expect(upStartedAt).toBeGreaterThan(downStartedAt);
  });
});
