import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLog, serviceMetrics } from './telemetry';

type Line = Record<string, unknown>;
const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line);

afterEach(() => vi.restoreAllMocks());

describe('jsonLog', () => {
  it('writes Powertools Logger lines: level, message, service, timestamp, and the detail or the error', () => {
    // Prepare
    const lines: string[] = [];
    const log = jsonLog('api', (line) => lines.push(line));

    // Act
    log.info('booked', { reference: 'K7M-4QX-9', weightKg: 2n });
    log.warn('slow');
    log.error('write failed', new Error('throttled'));

    // Assess
    const [info, warn, error] = parsed(lines);
    expect(info).toMatchObject({ level: 'INFO', message: 'booked', service: 'api' });
    expect(info!.detail).toEqual({ reference: 'K7M-4QX-9', weightKg: '2' });
    expect(Date.parse(info!.timestamp as string)).not.toBeNaN();
    expect(warn).toMatchObject({ level: 'WARN', message: 'slow', service: 'api' });
    expect(warn).not.toHaveProperty('detail');
    expect(error).toMatchObject({ level: 'ERROR', message: 'write failed', service: 'api' });
    expect(error!.error).toMatchObject({ name: 'Error', message: 'throttled' });
  });

  it('writes to stdout, errors to stderr, where Lambda and ECS collect them, when no sink is given', () => {
    // Prepare
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = jsonLog('mcp');

    // Act
    log.info('listening', { port: 8787 });
    log.error('tool failed', new Error('boom'));

    // Assess
    const printed = (spy: typeof out) => spy.mock.calls.map(([chunk]) => JSON.parse(String(chunk)) as Line);
    expect(printed(out)).toEqual([
      expect.objectContaining({ service: 'mcp', message: 'listening', detail: { port: 8787 } }),
    ]);
    expect(printed(err)).toEqual([expect.objectContaining({ service: 'mcp', level: 'ERROR', message: 'tool failed' })]);
  });

  it('survives a detail that refers to itself', () => {
    const lines: string[] = [];
    const detail: Record<string, unknown> = { step: 'CreateBot' };
    detail.self = detail;
    jsonLog('provisioner', (line) => lines.push(line)).warn('retrying', detail);
    // The line is written; the cycle is cut (Powertools drops the repeated reference).
    expect(parsed(lines)[0]!.detail).toMatchObject({ step: 'CreateBot' });
  });
});

describe('serviceMetrics', () => {
  it('flushes one CloudWatch EMF document per unit of work, dimensioned by service', () => {
    // Prepare
    const lines: string[] = [];
    const metrics = serviceMetrics('corruption-detector', { namespace: 'Courier/dev', sink: (l) => lines.push(l) });

    // Act
    metrics.flush();
    metrics.count('ItemsChecked', 12);
    metrics.count('CorruptItems', 1);
    metrics.milliseconds('BatchDuration', 40);
    metrics.flush();
    metrics.flush();

    // Assess: nothing for the empty flushes; the values and their declarations in the EMF envelope.
    expect(lines).toHaveLength(1);
    const [document] = parsed(lines) as [
      Line & {
        _aws: {
          Timestamp: number;
          CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: unknown[] }[];
        };
      },
    ];
    expect(document).toMatchObject({
      service: 'corruption-detector',
      ItemsChecked: 12,
      CorruptItems: 1,
      BatchDuration: 40,
    });
    const [directive] = document._aws.CloudWatchMetrics;
    expect(directive).toEqual({
      Namespace: 'Courier/dev',
      Dimensions: [['service']],
      Metrics: expect.arrayContaining([
        { Name: 'ItemsChecked', Unit: 'Count' },
        { Name: 'CorruptItems', Unit: 'Count' },
        { Name: 'BatchDuration', Unit: 'Milliseconds' },
      ]) as unknown,
    });
  });
});
