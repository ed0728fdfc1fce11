// Calls the IAM-only publish mutations on the GraphQL API with a SigV4-signed POST: AppSync in the
// cloud, the local AppSync-compatible server locally. The notifier's only way to reach subscribers.
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import type { Publication, Publisher } from './change-feed';
import { NodeSha256 } from '../data/node-sha256';
import { signedPostHeaders } from '../data/signed-post';
import {
  publishAlertRaised,
  publishBookingChanged,
  publishCourierMoved,
  publishDeploymentChanged,
} from '../generated/graphql';

// The documents select every field subscribers may ask for: AppSync delivers to subscribers only
// what the triggering mutation selected.
const PUBLISH_BOOKING = publishBookingChanged;
const PUBLISH_COURIER = publishCourierMoved;

export function createGraphQLPublisher(options: {
  url: string;
  region: string;
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
}): Publisher {
  const signer = new SignatureV4({
    service: 'appsync',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const url = new URL(options.url);

  return async (p: Publication) => {
    const body =
      p.kind === 'bookingChanged'
        ? JSON.stringify({ query: PUBLISH_BOOKING, variables: { reference: p.reference } })
        : p.kind === 'deploymentChanged'
          ? JSON.stringify({ query: publishDeploymentChanged, variables: { id: p.id } })
          : p.kind === 'alertRaised'
            ? JSON.stringify({ query: publishAlertRaised, variables: { day: p.day, key: p.key } })
            : JSON.stringify({ query: PUBLISH_COURIER, variables: { ...p, kind: undefined } });
    const headers = await signedPostHeaders(signer, url, { 'content-type': 'application/json' }, body);
    const res = await fetch(url, { method: 'POST', headers, body });
    const json = (await res.json().catch(() => ({}))) as { errors?: { message: string; errorType?: string }[] };
    if (!res.ok || json.errors?.length) {
      const detail =
        json.errors?.map((e) => `${e.errorType ?? 'Error'}: ${e.message}`).join('; ') ?? `HTTP ${res.status}`;
      throw new Error(`publish ${p.kind} failed: ${detail}`);
    }
  };
}
