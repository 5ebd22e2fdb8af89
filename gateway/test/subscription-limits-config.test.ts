import { TEST_PRINCIPAL_SECRET } from '@junction/testing';
import { loadGatewayConfig } from '../src/config';
import { DEFAULT_SUBSCRIPTION_LIMITS, withDefaultSubscriptionLimits } from '../src/subscriptions/subscription-limits';

const load = (env: Record<string, string>) => loadGatewayConfig({ JUNCTION_PRINCIPAL_SECRET: TEST_PRINCIPAL_SECRET, ...env });

describe('GATEWAY_SUBSCRIPTION_LIMITS', () => {
  it('keeps the defaults when unset, and changes only the roles it names', () => {
    expect(withDefaultSubscriptionLimits(load({}).subscriptionLimits)).toEqual({ PUBLIC: 5, PARTNER: 20, OPERATOR: 100, ADMIN: 100 });
    expect(load({ GATEWAY_SUBSCRIPTION_LIMITS: 'public=2, PARTNER=50' }).subscriptionLimits).toEqual({ PUBLIC: 2, PARTNER: 50 });
    expect(withDefaultSubscriptionLimits({ PUBLIC: 0 })).toEqual({ ...DEFAULT_SUBSCRIPTION_LIMITS, PUBLIC: 0 });
  });

  it('stops the start with a sentence naming the bad entry', () => {
    expect(() => load({ GATEWAY_SUBSCRIPTION_LIMITS: 'PARTNER=lots' })).toThrow('"PARTNER=lots" is not ROLE=N; write ROLE=N separated by commas, e.g. PUBLIC=5,PARTNER=20');
    expect(() => load({ GATEWAY_SUBSCRIPTION_LIMITS: 'GUEST=1' })).toThrow('"GUEST=1" names the unknown role GUEST; the roles are PUBLIC, PARTNER, OPERATOR, ADMIN');
    expect(() => load({ GATEWAY_SUBSCRIPTION_LIMITS: 'PUBLIC=1,PUBLIC=2' })).toThrow('PUBLIC is given twice; give each role once');
  });
});
