// AWS Lambda entry of the corruption detector: bookings and feedback stream batches -> invariant checks, the
// CorruptItems and ItemsChecked metrics in CloudWatch's embedded metric format (Powertools Metrics), one
// structured log line and one admin alert per corrupt item (integrity-reporter.ts, as the local stack reports).
// The alarm on CorruptItems lives in infra-cfn/templates/monitoring.yaml.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createBusinessCalendar } from '../core/business-calendar';
import { jsonLog, serviceMetrics } from '../observability/telemetry';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { createLambdaAdminNotifier } from '../lambda-runtime/lambda-admin-notifier';
import { createAlertStore } from '../data/alert-repository';
import { alertFindings, detectCorruption } from './corruption-detector';
import { integrityReporter } from './integrity-reporter';

const config = loadLambdaConfig();
const calendar = createBusinessCalendar(config.timeZone);
const log = jsonLog('corruption-detector');
// The namespace comes from POWERTOOLS_METRICS_NAMESPACE (Courier/<environment>, amplify/cloud-operations.ts).
const metrics = serviceMetrics('corruption-detector');
const doc = createDocumentClient({ region: config.region });
const alerts = {
  alerts: createAlertStore(doc, config.tables.alerts),
  admins: createLambdaAdminNotifier(config, doc, log),
};

const reporter = integrityReporter(metrics, log);

export const handler = async (event: DynamoDBStreamEvent) => {
  const { findings } = detectCorruption(event, config.tables, calendar, reporter);
  metrics.flush();
  await alertFindings(findings, config.tables, calendar, alerts, (message, detail) => log.error(message, detail));
  return { batchItemFailures: [] };
};
