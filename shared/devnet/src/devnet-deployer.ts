/**
 * The account that deploys and owns every devnet contract: anvil's first default dev account (funded with
 * 10,000 ETH on every chain and unlocked on the node). A well-known test key; never use it anywhere real.
 */
export const devnetDeployer = {
  /** Its address. */
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  /** Its private key, for clients that sign locally. */
  privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
} as const;
