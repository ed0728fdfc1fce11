// The proof-of-delivery bucket where no CloudFormation makes it: the local stack creates it on the gateway's
// S3 at start, as the Amplify storage stack does in the cloud.
import { CreateBucketCommand, HeadBucketCommand, NotFound, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/** Creates `bucket` unless it exists already (data persists across local restarts). */
export async function ensureProofBucket(s3Config: S3ClientConfig, bucket: string): Promise<void> {
  const s3 = new S3Client(s3Config);
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (!(e instanceof NotFound) && status !== 404) throw e;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    s3.destroy();
  }
}
