// Service-quality alerts (Req 10.5): deliveries running late against their ETA, and a day's complaint rate
// above the threshold the admin sets; and data-integrity alerts (Req 6.8): an item written in a state the app
// never writes. Raised once each (an alert's key says what it is about), shown live on the dashboard through the
// change feed, and sent to the admins through the notification port.
import { z } from 'zod';
import { minutesLate, type DeliveryWatch } from './analytics';
import { addDays } from './business-calendar';
import { ConflictError, ForbiddenError } from './errors';
import { parseInput } from './input-validation';
import type { Principal } from './model';

export type AlertSettings = {
  /** Complaints of the day's feedback above which an alert is raised (0.25 = a quarter). */
  complaintRateThreshold: number;
  /** Feedback a day needs before its complaint rate counts. */
  minFeedback: number;
  /** Minutes past its ETA before an open delivery is reported late. */
  lateGraceMinutes: number;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
};

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  complaintRateThreshold: 0.25,
  minFeedback: 4,
  lateGraceMinutes: 15,
  version: 0,
};

export type ServiceAlert = {
  day: string;
  /**
   * What it is about: `LATE#<reference>#<eta>`, `COMPLAINTS#<day>#<threshold>` or
   * `INTEGRITY#<table>#<reference>#<write>`; one alert per key.
   */
  key: string;
  kind: 'LATE_DELIVERY' | 'COMPLAINT_RATE' | 'DATA_INTEGRITY';
  raisedAt: string;
  message: string;
  reference?: string;
  minutesLate?: number;
  complaints?: number;
  feedback?: number;
  rate?: number;
  threshold?: number;
  /** DATA_INTEGRITY: the table holding the corrupt item, and how to recover it. */
  table?: string;
  recovery?: string;
};

export type AlertStore = {
  settings(): Promise<AlertSettings>;
  /** ConflictError when the stored version is not `expectedVersion`. */
  saveSettings(settings: AlertSettings, expectedVersion: number): Promise<AlertSettings>;
  /** Stores an alert unless its key was raised before; true when it is new. */
  raise(alert: ServiceAlert): Promise<boolean>;
  get(day: string, key: string): Promise<ServiceAlert | undefined>;
  /** A day's alerts, newest first. */
  list(day: string, limit: number): Promise<ServiceAlert[]>;
};

/** What admins are told: a subject, a plain-text body with the figures, and where the app shows the item. */
export type AdminNotice = {
  subject: string;
  text: string;
  kind: string;
  /** The app's page of the item (e.g. `/bookings/K7M-4QX-9`), made a full link where the app's URL is known. */
  path?: string;
};

/** The admins' notification port: Amazon SNS in the cloud (recorded in the outbox too), the outbox locally. */
export type AdminNotifier = { notify(message: AdminNotice): Promise<void> };

/** The app page that shows an alert: the booking it is about, the day's feedback, or the dashboard's alerts. */
export function alertPath(alert: ServiceAlert): string {
  if (alert.reference) return `/bookings/${encodeURIComponent(alert.reference)}`;
  return alert.kind === 'COMPLAINT_RATE' ? '/analytics/feedback' : '/dashboard';
}

export type AlertDeps = { alerts: AlertStore; admins: AdminNotifier };

async function raiseAndNotify(alert: ServiceAlert, deps: AlertDeps): Promise<boolean> {
  const fresh = await deps.alerts.raise(alert);
  if (fresh)
    await deps.admins.notify({
      subject: `Service alert: ${alert.kind}`,
      text: alert.message,
      kind: alert.kind,
      path: alertPath(alert),
    });
  return fresh;
}

/**
 * A day's complaint rate against the threshold: checked by the change feed when feedback arrives. One alert a
 * day per threshold (raising the threshold after an alert can alert again at the new one).
 */
export async function checkComplaintRate(
  day: string,
  counts: { feedback: number; complaints: number },
  now: Date,
  deps: AlertDeps,
): Promise<ServiceAlert | undefined> {
  const settings = await deps.alerts.settings();
  if (counts.feedback < settings.minFeedback || counts.feedback === 0) return undefined;
  const rate = counts.complaints / counts.feedback;
  if (rate <= settings.complaintRateThreshold) return undefined;
  const alert: ServiceAlert = {
    day,
    key: `COMPLAINTS#${day}#${settings.complaintRateThreshold}`,
    kind: 'COMPLAINT_RATE',
    raisedAt: now.toISOString(),
    message:
      `Complaints on ${day} are ${Math.round(rate * 100)}% of feedback (${counts.complaints} of ${counts.feedback}), ` +
      `above the ${Math.round(settings.complaintRateThreshold * 100)}% threshold.`,
    complaints: counts.complaints,
    feedback: counts.feedback,
    rate,
    threshold: settings.complaintRateThreshold,
  };
  return (await raiseAndNotify(alert, deps)) ? alert : undefined;
}

/** An item the change feed found written in a state the app never writes (src/integrity's invariants). */
export type IntegrityFinding = {
  kind: 'bookings' | 'feedback';
  /** The table's name in this deployment: what the restore script is given. */
  tableName: string;
  /** The item's reference (a booking's or a feedback entry's). */
  reference: string;
  /** The stream record of the write: each corrupt write alerts once. */
  writeId: string;
  /** When the write happened, if the stream said; the restore goes back to just before it. */
  writtenAt?: Date;
  violations: { rule: string; message: string }[];
};

/**
 * A corrupt item (Req 6.8), as the admins must hear of it: which item, what is wrong with it, and how to put it back
 * as it was before the write — the point-in-time restore of its table into a copy, then that item copied back
 * (scripts/restore-table.ts; the README's "Restore a table").
 */
export async function raiseIntegrityAlert(
  finding: IntegrityFinding,
  now: Date,
  day: string,
  deps: AlertDeps,
): Promise<ServiceAlert | undefined> {
  const before = new Date((finding.writtenAt ?? now).getTime() - 60_000).toISOString();
  const item = finding.kind === 'bookings' ? `Booking ${finding.reference}` : `Feedback ${finding.reference}`;
  const problems = finding.violations.map((v) => v.message.replace(/\.$/, '')).join('; ');
  const alert: ServiceAlert = {
    day,
    key: `INTEGRITY#${finding.kind}#${finding.reference}#${finding.writeId}`,
    kind: 'DATA_INTEGRITY',
    raisedAt: now.toISOString(),
    message: `${item} was written in a state the app never writes: ${problems}.`,
    ...(finding.kind === 'bookings' ? { reference: finding.reference } : {}),
    table: finding.tableName,
    recovery:
      `Restore ${finding.tableName} as it was a minute before the write into a copy ` +
      `(npx tsx scripts/restore-table.ts --table ${finding.tableName} --at ${before}), check the item there, then ` +
      `copy it back (npx tsx scripts/restore-table.ts --copy-back --from <the copy> --table ${finding.tableName} ` +
      `--keys ${finding.reference}). Until then the app and the bot may report it wrongly.`,
  };
  return (await raiseAndNotify(alert, deps)) ? alert : undefined;
}

/**
 * Open deliveries more than the grace past their ETA: checked on a schedule (time passing writes nothing), one
 * alert per booking and ETA (a new ETA that is missed again alerts again).
 */
export async function checkLateDeliveries(
  day: string,
  now: Date,
  deps: AlertDeps & { overdue(day: string, before: Date, limit: number): Promise<DeliveryWatch[]> },
): Promise<ServiceAlert[]> {
  const settings = await deps.alerts.settings();
  const before = new Date(now.getTime() - settings.lateGraceMinutes * 60_000);
  const raised: ServiceAlert[] = [];
  for (const watch of await deps.overdue(day, before, 100)) {
    const late = minutesLate(watch, now);
    const alert: ServiceAlert = {
      day,
      key: `LATE#${watch.reference}#${watch.eta}`,
      kind: 'LATE_DELIVERY',
      raisedAt: now.toISOString(),
      message: `Delivery ${watch.reference} is ${late} minutes past its ETA${watch.courierId ? ` (courier ${watch.courierId})` : ''}.`,
      reference: watch.reference,
      minutesLate: late,
    };
    if (await raiseAndNotify(alert, deps)) raised.push(alert);
  }
  return raised;
}

/**
 * The scheduled check (the local stack's timer, the late-deliveries batch job on EventBridge Scheduler in the
 * cloud): deliveries are watched under their pickup day, so today's and yesterday's are looked at (a delivery
 * picked up late in the evening can run late after midnight).
 */
export async function checkRecentLateDeliveries(
  today: string,
  now: Date,
  deps: Parameters<typeof checkLateDeliveries>[2],
): Promise<ServiceAlert[]> {
  return [
    ...(await checkLateDeliveries(addDays(today, -1), now, deps)),
    ...(await checkLateDeliveries(today, now, deps)),
  ];
}

const settingsSchema = z.object({
  complaintRateThreshold: z
    .number({ invalid_type_error: 'complaintRateThreshold must be a number between 0 and 1, e.g. 0.25.' })
    .gt(0, { message: 'complaintRateThreshold must be above 0; use e.g. 0.25 for a quarter of the feedback.' })
    .max(1, { message: 'complaintRateThreshold is a share of the feedback: at most 1 (use 0.25 for 25 %).' }),
  minFeedback: z
    .number()
    .int({ message: 'minFeedback must be a whole number of feedback entries, e.g. 4.' })
    .min(1, { message: 'minFeedback must be at least 1.' })
    .max(10_000, { message: 'minFeedback can be at most 10000.' }),
  lateGraceMinutes: z
    .number()
    .int({ message: 'lateGraceMinutes must be a whole number of minutes, e.g. 15.' })
    .min(0, { message: 'lateGraceMinutes cannot be negative; use 0 to alert as soon as an ETA passes.' })
    .max(1440, { message: 'lateGraceMinutes can be at most 1440 (a day).' }),
  expectedVersion: z.number().int({ message: 'expectedVersion must be the version you read (a whole number).' }),
});

function assertAdmin(principal: Principal) {
  if (principal.role !== 'ADMIN')
    throw new ForbiddenError('Only administrators can read or set the alert thresholds and alerts.', {
      resolution: 'Sign in with an administrator account.',
    });
}

export async function getAlertSettings(principal: Principal, deps: Pick<AlertDeps, 'alerts'>) {
  assertAdmin(principal);
  return deps.alerts.settings();
}

export async function updateAlertSettings(
  input: unknown,
  principal: Principal,
  deps: Pick<AlertDeps, 'alerts'> & { clock: { now(): Date } },
): Promise<AlertSettings> {
  assertAdmin(principal);
  const parsed = parseInput(settingsSchema, input, 'alert settings');
  const current = await deps.alerts.settings();
  if (current.version !== parsed.expectedVersion)
    throw new ConflictError(`The alert settings changed (now version ${current.version}).`, {
      resolution: 'Reload them and apply your change again.',
    });
  const { expectedVersion, ...values } = parsed;
  return deps.alerts.saveSettings(
    {
      ...values,
      version: expectedVersion + 1,
      updatedAt: deps.clock.now().toISOString(),
      updatedBy: principal.role === 'ADMIN' ? (principal.name ?? principal.sub) : undefined,
    },
    expectedVersion,
  );
}

export async function listServiceAlerts(
  day: string,
  principal: Principal,
  deps: Pick<AlertDeps, 'alerts'>,
): Promise<ServiceAlert[]> {
  assertAdmin(principal);
  return deps.alerts.list(day, 100);
}
