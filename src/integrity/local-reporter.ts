// The corruption detector's reporter for the local stack: the same findings and counts the Lambda sends to
// CloudWatch, as structured JSON lines in the stack's log (one place with every local service's logs).
import type { IntegrityReporter } from './corruption-detector';

export function localIntegrityReporter(log: (line: string) => void): IntegrityReporter {
  return {
    count(checked, corrupt) {
      if (corrupt > 0)
        log(
          JSON.stringify({
            level: 'error',
            service: 'corruption-detector',
            metric: 'CorruptItems',
            value: corrupt,
            checked,
          }),
        );
    },
    corrupt(finding) {
      log(JSON.stringify({ level: 'error', service: 'corruption-detector', message: 'corrupt item', detail: finding }));
    },
  };
}
