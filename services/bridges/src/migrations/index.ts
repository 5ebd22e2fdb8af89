import { CreateBridges1732700000000 } from './1732700000000-create-bridges';
import { BridgeHealth1732900000000 } from './1732900000000-bridge-health';
import { BridgeHealthSample1733100000000 } from './1733100000000-bridge-health-sample';

/** Every migration of the bridges service, oldest first. */
export const migrations = [CreateBridges1732700000000, BridgeHealth1732900000000, BridgeHealthSample1733100000000];
