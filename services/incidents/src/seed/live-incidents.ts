import { IncidentDetectionSource, IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from '../types/enums';
import type { SeedIncident } from './catalogue';

const MINUTE = 60_000;

/**
 * Two open incidents, dated relative to `now` so a first query shows something live: a PUBLIC finality delay on
 * Arbitrum One in MONITORING, and a PARTNERS-only RPC outage of Alchemy on Polygon PoS in INVESTIGATING.
 */
export function liveIncidents(now: Date): SeedIncident[] {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
  return [
    {
      slug: 'arbitrum-one-finality-delay-live',
      title: 'Arbitrum One batches reaching Ethereum late',
      summary:
        'The Arbitrum One safe head lags the unsafe head by more than 30 minutes (target: under 10), so deposits ' +
        'and withdrawals that wait for batch inclusion on Ethereum are delayed. Transactions on Arbitrum One itself are unaffected.',
      kind: IncidentKind.FINALITY_DELAY,
      severity: IncidentSeverity.SEV3,
      visibility: IncidentVisibility.PUBLIC,
      dedupKey: 'finality-lag:arbitrum-one',
      detectedBy: { source: IncidentDetectionSource.RULE, ruleKey: 'finality-lag' },
      chains: ['arbitrum-one'],
      bridges: ['arbitrum-bridge'],
      partners: ['offchain-labs'],
      startedAt: ago(125),
      timeline: [
        {
          at: ago(118),
          status: IncidentStatus.INVESTIGATING,
          author: 'alert rule finality-lag',
          message: 'Arbitrum One safe head lags the unsafe head by 31 minutes (threshold 30).',
        },
        {
          at: ago(84),
          status: IncidentStatus.IDENTIFIED,
          author: 'Offchain Labs on-call',
          message: 'The batch poster fell behind during an Ethereum blob fee spike; it now posts calldata until blob fees settle.',
        },
        {
          at: ago(35),
          status: IncidentStatus.MONITORING,
          author: 'Offchain Labs on-call',
          message: 'The safe head lag is down to 12 minutes and falling; watching until it is back under 10.',
        },
      ],
      acknowledgements: [{ partner: 'offchain-labs', by: 'Offchain Labs on-call', note: 'Batch poster team engaged.', at: ago(110) }],
    },
    {
      slug: 'polygon-pos-alchemy-rpc-outage-live',
      title: 'Alchemy RPC for Polygon PoS timing out',
      summary:
        "Alchemy's Polygon PoS endpoints time out for most health probes. Partners whose frontends read Polygon PoS " +
        'through Alchemy see failed requests; public endpoints answer normally.',
      kind: IncidentKind.RPC_OUTAGE,
      severity: IncidentSeverity.SEV2,
      visibility: IncidentVisibility.PARTNERS,
      dedupKey: 'rpc-unreachable:polygon-pos:alchemy',
      detectedBy: { source: IncidentDetectionSource.RULE, ruleKey: 'rpc-unreachable' },
      chains: ['polygon-pos'],
      bridges: [],
      partners: ['alchemy', 'polygon-labs'],
      startedAt: ago(25),
      timeline: [
        {
          at: ago(22),
          status: IncidentStatus.INVESTIGATING,
          author: 'alert rule rpc-unreachable',
          message: '4 of the last 5 probes of the Alchemy Polygon PoS endpoint timed out after 5 s.',
        },
      ],
      acknowledgements: [
        { partner: 'alchemy', by: 'Alchemy infrastructure on-call', note: 'Elevated error rates on polygon-mainnet; investigating.', at: ago(15) },
      ],
    },
  ];
}
