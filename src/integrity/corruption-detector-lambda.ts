// AWS Lambda entry of the corruption detector: bookings and feedback stream batches -> invariant checks, the
// CorruptItems and ItemsChecked metrics in CloudWatch's embedded metric format (Powertools Metrics), one
// structured log line and one admin alert per corrupt item. The alarm on CorruptItems lives in
// infra-cfn/templates/monitoring.yaml.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createBusinessCalendar } from '../core/business-calendar';
import { jsonLog } from '../api/deps';
import { loadLambdaConfig } from '../api/lambda-config';
import { createDocumentClient } from '../api/runtime';
import { createLambdaAdminNotifier } from '../api/lambda-admin-notifier';
import { createAlertStore } from '../data/alert-repository';
import { alertFindings, detectCorruption, type IntegrityReporter } from './corruption-detector';

const config = loadLambdaConfig();
const calendar = createBusinessCalendar(config.timeZone);
const log = jsonLog('corruption-detector');
// Namespace and service come from POWERTOOLS_METRICS_NAMESPACE and POWERTOOLS_SERVICE_NAME (amplify/backend.ts).
const metrics = new Metrics();
const doc = createDocumentClient({ region: config.region });
const alerts = {
  alerts: createAlertStore(doc, config.tables.alerts),
  admins: createLambdaAdminNotifier(config, doc, log),
};

const reporter: IntegrityReporter = {
  count(checked, corrupt) {
    metrics.addMetric('ItemsChecked', MetricUnit.Count, checked);
    metrics.addMetric('CorruptItems', MetricUnit.Count, corrupt);
  },
  corrupt(finding) {
    log.error('corrupt item', finding);
  },
};

export const handler = async (event: DynamoDBStreamEvent) => {
  const { findings } = detectCorruption(event, config.tables, calendar, reporter);
  metrics.publishStoredMetrics();
  await alertFindings(findings, config.tables, calendar, alerts, (message, detail) => log.error(message, detail));
  return { batchItemFailures: [] };
};
