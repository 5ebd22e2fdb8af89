export {
  createChainClient,
  type ChainClient,
  type CreateChainClientErrorType,
  type CreateChainClientParameters,
  type RpcCall,
  type RpcCallObserver,
} from './clients/create-chain-client';
export type { ChainClientRankOptions } from './clients/chain-client-rank-options';

export {
  verifyChainId,
  type VerifyChainIdErrorType,
  type VerifyChainIdParameters,
  type VerifyChainIdReturnType,
} from './actions/verify-chain-id';
export {
  getChainHead,
  type GetChainHeadErrorType,
  type GetChainHeadParameters,
  type GetChainHeadReturnType,
} from './actions/get-chain-head';
export {
  getFinality,
  type FinalityCheckpoint,
  type GetFinalityErrorType,
  type GetFinalityParameters,
  type GetFinalityReturnType,
} from './actions/get-finality';
export {
  getGasPrices,
  type GetGasPricesErrorType,
  type GetGasPricesParameters,
  type GetGasPricesReturnType,
} from './actions/get-gas-prices';
export {
  probeEndpoints,
  type EndpointProbe,
  type ProbeEndpointsErrorType,
  type ProbeEndpointsParameters,
  type ProbeEndpointsReturnType,
} from './actions/probe-endpoints';
export {
  readSequencerUptime,
  type ReadSequencerUptimeErrorType,
  type ReadSequencerUptimeParameters,
  type ReadSequencerUptimeReturnType,
} from './actions/read-sequencer-uptime';
export {
  readBridgeState,
  type ReadBridgeStateErrorType,
  type ReadBridgeStateParameters,
  type ReadBridgeStateReturnType,
} from './actions/read-bridge-state';
export {
  evaluateProbes,
  type EvaluateProbesErrorType,
  type EvaluateProbesParameters,
  type EvaluateProbesReturnType,
} from './actions/evaluate-probes';
export {
  evaluateStoredProbes,
  type EvaluateStoredProbesErrorType,
  type EvaluateStoredProbesParameters,
  type EvaluateStoredProbesReturnType,
} from './actions/evaluate-stored-probes';
export {
  evaluateProbe,
  type EvaluateProbeErrorType,
  type EvaluateProbeParameters,
  type EvaluateProbeReturnType,
} from './actions/evaluate-probe';

export {
  deriveChainStatus,
  type ChainStatus,
  type ChainStatusThresholds,
  type DeriveChainStatusParameters,
  type DeriveChainStatusReturnType,
} from './status/derive-chain-status';
export {
  deriveBridgeStatus,
  type BridgeStatus,
  type DeriveBridgeStatusParameters,
  type DeriveBridgeStatusReturnType,
} from './status/derive-bridge-status';

export { OnchainError, type OnchainErrorKind, type OnchainErrorParameters, type OnchainErrorType } from './errors/onchain-error';
export {
  ChainIdMismatchError,
  type ChainIdMismatchErrorParameters,
  type ChainIdMismatchErrorType,
} from './errors/chain-id-mismatch-error';
export {
  RpcRequestFailedError,
  type RpcFailure,
  type RpcRequestFailedErrorParameters,
  type RpcRequestFailedErrorType,
} from './errors/rpc-request-failed-error';
export {
  ContractReadFailedError,
  type ContractReadFailedErrorParameters,
  type ContractReadFailedErrorType,
} from './errors/contract-read-failed-error';
export { InvalidProbeError, type InvalidProbeErrorParameters, type InvalidProbeErrorType } from './errors/invalid-probe-error';

export type { ReadResult } from './types/read-result';
export type { ContractProbe, ProbeExpectation, ProbeResult } from './types/contract-probe';
export type { StoredProbe, StoredProbeResult } from './types/stored-probe';

export { scrubUrl, REDACTED } from './utils/scrub-url';
export { scrubText } from './utils/scrub-text';
export { errorReason } from './utils/error-reason';
export { parseProbe, type ParsedProbe } from './utils/parse-probe';
export { checkProbeExpectation, type CheckProbeExpectationParameters } from './utils/check-probe-expectation';
export { checkProbeInput, MAX_PROBE_ARGS_JSON, type CheckProbeInputReturnType, type ProbeInput } from './utils/check-probe-input';
export { isUnservedBlockTagError } from './utils/is-unserved-block-tag-error';
export {
  ChainClientRegistry,
  type ChainClientRegistryOptions,
  type ChainClientTarget,
} from './clients/chain-client-registry';
