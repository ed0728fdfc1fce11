// AWS Lambda entry of the failed-text resender, run every minute by its schedule (amplify/functions/text-resender):
// customer texts End User Messaging did not take are sent again once it answers (src/core/failed-texts.ts).
import { systemClock } from '../core/system-clock';
import { createDependencyBreakers } from '../data/dependency-breaker';
import { createFailedTextResender, describeResend } from '../data/failed-text-resender';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { jsonLog } from '../observability/telemetry';

const config = loadLambdaConfig();
const log = jsonLog('text-resender');
const resend = createFailedTextResender({
  doc: createDocumentClient({ region: config.region }),
  tables: config.tables,
  sms: { client: { region: config.region }, settings: config.sms },
  // Its timeout bounds a send as the api function's does; a run stops at the first failure anyway.
  breaker: createDependencyBreakers({ clock: systemClock, log }).sms,
  clock: systemClock,
  log,
});

export const handler = async () => {
  const report = await resend();
  const line = describeResend(report);
  if (report.stoppedBy) log.warn(line ?? 'failed customer texts: the provider still fails', report);
  else if (line) log.info(line, report);
  return report;
};
