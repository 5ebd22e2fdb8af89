import { CreateIncidents1732700000000 } from './1732700000000-create-incidents';
import { CreateIncidentEvents1732800000000 } from './1732800000000-create-incident-events';
import { CreateWebhooks1732900000000 } from './1732900000000-create-webhooks';
import { WebhookSecretOverlap1733000000000 } from './1733000000000-webhook-secret-overlap';
import { SealedWebhookSecrets1733100000000 } from './1733100000000-sealed-webhook-secrets';

/** Every migration of the incidents service, oldest first. */
export const migrations = [CreateIncidents1732700000000, CreateIncidentEvents1732800000000, CreateWebhooks1732900000000, WebhookSecretOverlap1733000000000, SealedWebhookSecrets1733100000000];
