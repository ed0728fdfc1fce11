// The local stack's one place for every service's structured logs and metrics (Req 13.8): the same Powertools
// Logger lines and EMF metric documents the functions and tasks write to CloudWatch in the cloud, appended to one
// JSON-lines file (DATA_DIR/telemetry.jsonl) that `tail -f` or `jq` reads, the stack's own notices included.
// Log lines are also printed where the stack prints (the `npm start` terminal); metrics only go to the file.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsonLog, serviceMetrics, type Log, type ServiceMetrics } from '../observability/telemetry';

/** Past this size the file is moved to telemetry.1.jsonl at the next start (one previous file kept). */
const ROTATE_BYTES = 20 * 1024 * 1024;

/** The metrics namespace of the local stack, as `Courier/<environment>` is in the cloud. */
export const LOCAL_METRICS_NAMESPACE = 'Courier/local';

export type LocalTelemetry = {
  /** The file every line goes to. */
  file: string;
  /** A service's structured log (Powertools Logger), into the file and the stack's printed log. */
  log(service: string): Log;
  /** A service's metrics (Powertools Metrics, EMF), into the file. */
  metrics(service: string): ServiceMetrics;
  /**
   * A line of the stack's own (`[rollups] built …`): printed as given, and filed as a Powertools line of the
   * `stack` service; a line that is a JSON object already is filed as it is.
   */
  note(line: string): void;
  /** Every line written so far is on disk. */
  close(): Promise<void>;
};

export function createLocalTelemetry(options: { file: string; print?: (line: string) => void }): LocalTelemetry {
  const { file } = options;
  const print = options.print ?? (() => {});
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file) && statSync(file).size > ROTATE_BYTES) renameSync(file, file.replace(/\.jsonl$/, '.1.jsonl'));
  const out = createWriteStream(file, { flags: 'a' });
  let closed = false;
  // A file that cannot be written (its folder removed under a running stack) stops the filing, not the stack.
  out.on('error', () => (closed = true));
  const write = (line: string) => {
    if (!closed) out.write(line + '\n');
  };
  const stackLog = jsonLog('stack', write);
  const isJsonObject = (line: string) => {
    if (!line.startsWith('{')) return false;
    try {
      return typeof JSON.parse(line) === 'object';
    } catch {
      return false;
    }
  };

  return {
    file,
    log: (service) =>
      jsonLog(service, (line) => {
        write(line);
        print(line);
      }),
    metrics: (service) => serviceMetrics(service, { namespace: LOCAL_METRICS_NAMESPACE, sink: write }),
    note(line) {
      print(line);
      if (isJsonObject(line)) write(line);
      else stackLog.info(line);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        out.end(() => resolve());
      }),
  };
}
