// AWS Lambda entry of the retention archiver: TTL deletions on the bookings and feedback streams -> JSON-lines
// objects in the archive bucket (ARCHIVE_BUCKET, SSE-KMS with the tables' key).
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createBusinessCalendar } from '../core/business-calendar';
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { archiveExpiredItems } from './expired-item-archiver';

const config = loadLambdaConfig();
const bucket = process.env.ARCHIVE_BUCKET;
if (!bucket) throw new Error('Invalid Lambda configuration: ARCHIVE_BUCKET is required');
const s3 = new S3Client({ region: config.region });
const calendar = createBusinessCalendar(config.timeZone);
const log = jsonLog('retention-archiver');

export const handler = async (event: DynamoDBStreamEvent) => {
  const written = await archiveExpiredItems(
    event,
    { bookings: config.tables.bookings, feedback: config.tables.feedback },
    calendar,
    async (key, body) => {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/x-ndjson' }),
      );
    },
    new Date(),
  );
  if (written.length > 0) log.info('archived expired items', written);
};
