// AWS Lambda entry of the executive summaries' fields (Req 10.6): the list with download links, and "generate now",
// which renders the week's PDF, stores it in S3 and tells the admins through their SNS topic.
import type { AppSyncResolverEvent } from 'aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { summariesRouter } from './fields/summaries';
import { createApi } from './router';
import { createStoreDeps } from './store-deps';
import { graphqlFunctionStore } from './lambda-store';
import { createSummaryStore } from '../data/summary-store';
import { createLambdaAdminNotifier } from '../lambda-runtime/lambda-admin-notifier';

const { config, doc, log, store } = graphqlFunctionStore('api-summaries');
// The PDFs live in the proof bucket under summaries/ (PROOF_BUCKET); without it the fields say they are not configured.
const summaries = config.proofBucket
  ? createSummaryStore({
      doc,
      table: config.tables.alerts,
      s3: new S3Client({ region: config.region }),
      bucket: config.proofBucket,
    })
  : undefined;
const api = createApi(summariesRouter, {
  ...createStoreDeps(store),
  ...(summaries ? { summaries } : {}),
  admins: createLambdaAdminNotifier(config, doc, log),
});

export const handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => api.resolve(event);
