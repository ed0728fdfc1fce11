// Executive summaries: the PDF in S3 (summaries/<week>.pdf, the storage bucket), its listing in the Alerts
// table (`summaries` / <week>), downloads through presigned URLs.
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SummaryMeta, SummaryStore } from '../core/executive-summary';
import { NotFoundError } from '../core/errors';

const PK = 'summaries';
const keyOf = (week: string) => `summaries/${week}.pdf`;

export function createSummaryStore(options: {
  doc: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
}): SummaryStore {
  const { doc, table, s3, bucket } = options;
  return {
    async save(summary, pdf) {
      const key = keyOf(summary.week);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: pdf, ContentType: 'application/pdf' }));
      const meta: SummaryMeta = {
        week: summary.week,
        from: summary.from,
        to: summary.to,
        generatedAt: summary.generatedAt,
        key,
      };
      await doc.send(new PutCommand({ TableName: table, Item: { pk: PK, sk: summary.week, ...meta } }));
      return meta;
    },
    async list(limit) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PK },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (Items ?? []).map(({ pk: _pk, sk: _sk, ...meta }) => meta as SummaryMeta);
    },
    async has(week) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: { pk: PK, sk: week }, ConsistentRead: true }),
      );
      return Item !== undefined;
    },
    async url(week) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { pk: PK, sk: week } }));
      if (!Item)
        throw new NotFoundError(`There is no executive summary for the week of ${week}.`, {
          resolution: 'Generate it first.',
        });
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: keyOf(week) }), { expiresIn: 15 * 60 });
    },
  };
}
