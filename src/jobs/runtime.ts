// The batch jobs' AWS clients in the cloud (Lambda or Fargate task alike): the default credential chain and
// the Region's endpoints.
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { systemClock } from '../core/system-clock';
import { createSnsPublish } from '../data/sns-admin-notifier';
import type { JobConfig, JobRuntime } from './jobs';

export function createJobRuntime(config: JobConfig, log: JobRuntime['log']): JobRuntime {
  const credentials = fromNodeProviderChain();
  return {
    doc: createDocumentClient({ region: config.region }),
    s3: new S3Client({ region: config.region }),
    publishSns: createSnsPublish({ region: config.region, credentials }),
    clock: systemClock,
    log,
  };
}
