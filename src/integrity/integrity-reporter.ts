// The corruption detector's reporter, the same in the Lambda and the local stack: per batch the ItemsChecked and
// CorruptItems metrics (EMF, the CorruptItems alarm's source in infra-cfn/templates/monitoring.yaml) and one
// structured error line per corrupt item, naming the table, the item and the broken rules.
import type { Log, ServiceMetrics } from '../observability/telemetry';
import type { IntegrityReporter } from './corruption-detector';

export function integrityReporter(metrics: ServiceMetrics, log: Log): IntegrityReporter {
  return {
    count(checked, corrupt) {
      metrics.count('ItemsChecked', checked);
      metrics.count('CorruptItems', corrupt);
    },
    corrupt(finding) {
      log.error('corrupt item', finding);
    },
  };
}
