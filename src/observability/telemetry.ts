// One structured log and metric format for every service, wherever it runs (Lambda, Fargate, the local stack):
// Powertools Logger's JSON lines and Powertools Metrics' CloudWatch embedded metric format (EMF). In the cloud
// both go to stdout, which CloudWatch Logs collects (EMF lines become metrics there); locally a sink takes them
// instead, so the stack can gather every service's lines in one place (src/local/local-telemetry.ts).
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The logger every handler takes: a message, and a detail (an object, or an Error) to go with it. */
export type Log = {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
};

/** Where a service's serialized lines go instead of stdout (one JSON object a line). */
export type TelemetrySink = (line: string) => void;

/** JSON.stringify's replacer for what a log detail may hold: BigInts as strings, cycles cut, Errors whole. */
function safeReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (_key, value) => {
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    if (value && typeof value === 'object') {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  };
}

/** Powertools' logger with its lines handed to a sink rather than printed (same attributes, same order). */
class SinkLogger extends Logger {
  // A plain field, not #private: Logger's constructor may print before a subclass's fields exist.
  private sink?: TelemetrySink;

  constructor(serviceName: string, sink: TelemetrySink) {
    super({ serviceName });
    this.sink = sink;
  }

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.sink?.(JSON.stringify(log.getAttributes(), safeReplacer()));
  }
}

/**
 * The service's structured log (Powertools Logger: `level`, `message`, `service`, `timestamp`, the X-Ray trace
 * id in Lambda). A detail that is an Error is logged under `error` (name, location, message, stack); anything
 * else under `detail`. Without a sink the lines go to stdout (stderr for errors), as Lambda and ECS collect them.
 */
export function jsonLog(service: string, sink?: TelemetrySink): Log {
  const logger = sink ? new SinkLogger(service, sink) : new Logger({ serviceName: service });
  const write = (level: 'info' | 'warn' | 'error', message: string, detail: unknown) => {
    if (detail === undefined) logger[level](message);
    else if (detail instanceof Error) logger[level](message, detail);
    else logger[level](message, { detail } as LogAttributes);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

/** Powertools' metrics with the EMF document handed to a sink rather than printed. */
class SinkMetrics extends Metrics {
  private readonly sink: TelemetrySink;

  constructor(options: ConstructorParameters<typeof Metrics>[0], sink: TelemetrySink) {
    super(options);
    this.sink = sink;
  }

  override publishStoredMetrics(): this {
    try {
      if (this.hasStoredMetrics() && !this.isDisabled()) this.sink(JSON.stringify(this.serializeMetrics()));
    } finally {
      this.clearMetrics();
      this.clearDimensions();
      this.clearMetadata();
    }
    return this;
  }
}

/** A service's counters, flushed as one EMF document per unit of work (a batch, a request, a job). */
export type ServiceMetrics = {
  count(name: string, value: number): void;
  milliseconds(name: string, value: number): void;
  /** Writes what was counted since the last flush (nothing when nothing was). */
  flush(): void;
};

/**
 * The service's metrics in CloudWatch's embedded metric format (Powertools Metrics), dimensioned by `service`,
 * in the namespace POWERTOOLS_METRICS_NAMESPACE names (`Courier/<environment>`; set on every function and task)
 * unless one is given.
 */
export function serviceMetrics(service: string, options: { namespace?: string; sink?: TelemetrySink } = {}) {
  const settings = { serviceName: service, ...(options.namespace ? { namespace: options.namespace } : {}) };
  const metrics = options.sink ? new SinkMetrics(settings, options.sink) : new Metrics(settings);
  const api: ServiceMetrics = {
    count: (name, value) => void metrics.addMetric(name, MetricUnit.Count, value),
    milliseconds: (name, value) => void metrics.addMetric(name, MetricUnit.Milliseconds, value),
    flush: () => {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
  return api;
}
