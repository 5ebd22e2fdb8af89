import { BlockNotFoundError, HttpRequestError, InternalRpcError, InvalidInputRpcError, InvalidParamsRpcError, RpcRequestError, TimeoutError } from 'viem';
import { isUnservedBlockTagError } from '@junction/onchain';

/** The JSON-RPC error viem raises for a node's error object, as it arrives from the wire. */
const fromNode = (code: number, message: string) =>
  new RpcRequestError({ body: { method: 'eth_getBlockByNumber', params: ['finalized', false] }, error: { code, message }, url: 'http://node' });

describe('isUnservedBlockTagError', () => {
  it.each([
    ['a null block', new BlockNotFoundError({ blockNumber: undefined })],
    ["geth's -32000 'finalized block not found'", new InvalidInputRpcError(fromNode(-32000, 'finalized block not found'))],
    ['-32602 invalid params', new InvalidParamsRpcError(fromNode(-32602, 'invalid argument 0: hex string without 0x prefix'))],
  ])('is true for %s', (_, error) => {
    expect(isUnservedBlockTagError(error)).toBe(true);
  });

  it.each([
    ['an unreachable node', new HttpRequestError({ url: 'http://node', cause: new Error('fetch failed') })],
    ['a timeout', new TimeoutError({ body: {}, url: 'http://node' })],
    ['an internal error', new InternalRpcError(fromNode(-32603, 'internal error'))],
    ['an unrelated -32000', new InvalidInputRpcError(fromNode(-32000, 'header not found for request'))],
    ['a plain error', new Error('finalized')],
  ])('is false for %s', (_, error) => {
    expect(isUnservedBlockTagError(error)).toBe(false);
  });
});
