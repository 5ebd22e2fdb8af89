import { HttpRequestError } from 'viem';
import { inspect } from 'node:util';
import { RpcRequestFailedError, scrubText, scrubUrl } from '@junction/onchain';

describe('scrubUrl', () => {
  it.each([
    ['userinfo', 'http://user:secret@127.0.0.1:8545/', 'http://***@127.0.0.1:8545/'],
    ['a user without password', 'https://token@rpc.example.org/', 'https://***@rpc.example.org/'],
    ['an Alchemy key after /v2/', 'https://eth-mainnet.g.alchemy.com/v2/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z', 'https://eth-mainnet.g.alchemy.com/v2/***'],
    ['an Infura project id after /v3/', 'https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef', 'https://mainnet.infura.io/v3/***'],
    ['a shorter key with a digit after a version', 'https://rpc.example.org/v1/k3y-0f-14-chars', 'https://rpc.example.org/v1/***'],
    ['a 40-hex QuickNode token mid-path', 'https://x.quiknode.pro/0123456789abcdef0123456789abcdef01234567/', 'https://x.quiknode.pro/***/'],
    ['an Ankr 64-hex key', `https://rpc.ankr.com/eth/${'ab'.repeat(32)}`, 'https://rpc.ankr.com/eth/***'],
    ['a UUID', 'https://rpc.example.org/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b', 'https://rpc.example.org/***'],
    ['?apikey=', 'https://api.example.org/rpc?apikey=s3cret&chain=1', 'https://api.example.org/rpc?apikey=***&chain=1'],
    ['?api_key= and ?access_token=', 'https://x.org/?api_key=a&access_token=b', 'https://x.org/?api_key=***&access_token=***'],
    ['a key-like query value under any name', `https://x.org/?dkey2=${'f'.repeat(32)}&id=7`, 'https://x.org/?dkey2=***&id=7'],
    ['a fragment', 'https://x.org/rpc#secret', 'https://x.org/rpc'],
    ['everything at once', 'http://user:secret@127.0.0.1:9/v2/abcdef0123456789abcdef0123456789?apikey=k', 'http://***@127.0.0.1:9/v2/***?apikey=***'],
  ])('removes %s', (_, url, scrubbed) => {
    expect(scrubUrl(url)).toBe(scrubbed);
  });

  it.each([
    'http://127.0.0.1:8545',
    'https://mainnet.base.org',
    'https://rpc.ankr.com/eth',
    'https://arbitrum-one-rpc.publicnode.com/',
    'https://eth-mainnet.g.alchemy.com/v2/demo',
    'https://x.org/v1/ethereum-mainnet?chain=1',
    'wss://x.org/ws',
  ])('leaves %s exactly as it is', (url) => {
    expect(scrubUrl(url)).toBe(url);
  });

  it('redacts a string that is not a URL, since no part of it can be trusted', () => {
    expect(scrubUrl('not a url with s3cret')).toBe('***');
  });
});

describe('scrubText', () => {
  it('scrubs every URL in a message and keeps the punctuation around it', () => {
    const text = 'URL: http://u:p@h:1/v3/0123456789abcdef0123456789abcdef. Then (https://x.org/?token=t), done.';
    expect(scrubText(text)).toBe('URL: http://***@h:1/v3/***. Then (https://x.org/?token=***), done.');
  });
});

describe('errors scrub credentials', () => {
  const secretUrl = 'http://user:secret@127.0.0.1:9/v2/abcdef0123456789abcdef0123456789?apikey=k3y';

  it('keep an RPC key out of the message, the fields and the whole cause chain', () => {
    const viemError = new HttpRequestError({ url: secretUrl, cause: new Error(`connect to ${secretUrl} refused`) });
    const error = new RpcRequestFailedError({ cause: viemError, operation: 'getChainHead', chainId: 1 });

    expect(error.shortMessage).toBe('getChainHead on chain 1 failed: the RPC endpoint could not be reached.');
    expect(error.url).toBe('http://***@127.0.0.1:9/v2/***?apikey=***');
    expect(error.failure).toBe('unreachable');
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.cause).toBe(viemError);
    const everything = `${error.message}\n${error.stack}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error.details)}`;
    for (const secret of ['secret', 'user:', 'abcdef0123456789abcdef0123456789', 'k3y']) expect(everything).not.toContain(secret);
  });
});
