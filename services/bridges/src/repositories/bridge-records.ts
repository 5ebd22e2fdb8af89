import type { BridgeContractEntity } from '../entities/bridge-contract.entity';
import type { BridgeProbeEntity } from '../entities/bridge-probe.entity';
import type { BridgeRouteEntity } from '../entities/bridge-route.entity';
import type { BridgeEntity } from '../entities/bridge.entity';

/** A contract ready to be written: checked, address checksummed. */
export type NewBridgeContract = Omit<BridgeContractEntity, 'id' | 'bridgeId' | 'createdAt'>;

/** A route ready to be written: checked, token addresses checksummed. */
export type NewBridgeRoute = Omit<BridgeRouteEntity, 'id' | 'bridgeId' | 'createdAt' | 'updatedAt'>;

/** A bridge ready to be written with its contracts and routes. */
export type NewBridge = Omit<BridgeEntity, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt'> & {
  contracts: NewBridgeContract[];
  routes: NewBridgeRoute[];
};

/** Checked changes to a bridge; absent keys keep their value. */
export type BridgeChanges = Partial<Omit<BridgeEntity, 'id' | 'slug' | 'createdAt' | 'updatedAt' | 'archivedAt'>>;

/** Checked changes to a route; absent keys keep their value. Source, destination and token never change. */
export type BridgeRouteChanges = Partial<
  Omit<BridgeRouteEntity, 'id' | 'bridgeId' | 'sourceChainId' | 'destinationChainId' | 'tokenSymbol' | 'createdAt' | 'updatedAt'>
>;

/** A probe ready to be written: checked, address checksummed. */
export type NewBridgeProbe = Omit<BridgeProbeEntity, 'id' | 'bridgeId' | 'createdAt'>;
