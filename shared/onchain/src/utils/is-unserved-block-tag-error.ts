import { BaseError as ViemBaseError, BlockNotFoundError, RpcError } from 'viem';

/** JSON-RPC codes nodes use to refuse a block tag: invalid params, geth's generic -32000, resource not found. */
const REFUSAL_CODES = new Set([-32602, -32000, -32001]);

/** What nodes say when they do not serve `safe`/`finalized` (geth, Erigon, Nethermind, zkSync, Polygon bor …). */
const REFUSAL_MESSAGE = /safe|finali[sz]ed|unknown block|block not found|invalid block|not supported|unsupported/i;

/**
 * Whether `error` says the node does not serve a block tag (`safe`, `finalized`), as opposed to the node not
 * answering: viem's `BlockNotFoundError` (the node answered `null`), JSON-RPC `-32602` invalid params, or a
 * `-32000`/`-32001` error whose message is about the block or tag. Transport errors and timeouts are not.
 */
export function isUnservedBlockTagError(error: unknown): boolean {
  if (!(error instanceof ViemBaseError)) return false;
  if (error.walk((inner) => inner instanceof BlockNotFoundError)) return true;
  const rpcError = error.walk((inner) => inner instanceof RpcError) as RpcError | null;
  if (!rpcError || !REFUSAL_CODES.has(rpcError.code)) return false;
  return rpcError.code === -32602 || REFUSAL_MESSAGE.test(`${rpcError.details} ${rpcError.shortMessage}`);
}
