// Builds the API's dependencies from a DynamoDB client and table names: shared by the api Lambda and the local
// server so both run the same code against different endpoints. On top of store-deps.ts (DynamoDB alone): the
// proofs of delivery in S3, and customer SMS.
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createS3ProofStore } from '../data/proof-store';
import type { ApiDeps } from './deps';
import type { PinpointSMSVoiceV2ClientConfig } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { createSmsNotifier, type SmsSettings } from '../data/sms-notifier';
import type { DependencyBreakers } from '../data/dependency-breaker';
import { createStoreDeps, type StoreDepsOptions } from './store-deps';

export function createApiDeps(
  options: StoreDepsOptions & {
    /** The proof-of-delivery bucket and how to reach S3 (PROOF_BUCKET in the cloud, the gateway locally). */
    proofs?: { bucket: string; s3: S3ClientConfig };
    /** Customer SMS through End User Messaging SMS (the cloud); without it they are kept in the outbox only. */
    sms?: { client: PinpointSMSVoiceV2ClientConfig; settings: SmsSettings };
    /** The circuit breakers around the dependencies that can fail slowly (the SMS provider's is used here). */
    breakers?: DependencyBreakers;
  },
): ApiDeps {
  const { outbox, ...deps } = createStoreDeps(options);
  return {
    ...deps,
    ...(options.proofs ? { proofs: createProofStore(options.proofs) } : {}),
    notifier: options.sms
      ? createSmsNotifier({
          client: options.sms.client,
          settings: options.sms.settings,
          outbox,
          log: options.log,
          ...(options.breakers ? { breaker: options.breakers.sms } : {}),
        })
      : outbox,
  };
}

/** Presigned uploads must not carry a checksum of the empty body the presigner sees, hence WHEN_REQUIRED. */
function createProofStore(options: { bucket: string; s3: S3ClientConfig }) {
  const s3 = new S3Client({ ...options.s3, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return createS3ProofStore({ s3, bucket: options.bucket });
}
