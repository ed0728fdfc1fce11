// The admin dashboard (Req 2.3–2.4, 9.11): a day's KPIs and alerts read from rollups the change feed keeps
// current, plus the system's health. Reads a bounded number of items whatever the day's volume.
import { ForbiddenError, ValidationError } from './errors';
import { isDay, type BusinessCalendar } from './business-calendar';
import { dayKpis, minutesLate, type Counters, type DayKpis, type DeliveryWatch } from './analytics';
import type { Feedback, Principal } from './model';
import type { Clock, FeedbackRepository } from './ports';

/** What the dashboard reads: the rollups written by the change-feed aggregator. */
export type RollupReader = {
  /** The day's counters, summed over its shards. */
  readDay(day: string): Promise<Counters>;
  /** Watched deliveries of the day whose ETA is before `now`, most overdue first. */
  overdue(day: string, now: Date, limit: number): Promise<DeliveryWatch[]>;
  /** When the change feed last delivered an event, and when the voicebot last took a call. */
  feedHealth(): Promise<{ lastEventAt?: string; lastVoiceCallAt?: string }>;
  /** The last recorded state of each dependency's circuit breaker, as any runtime last saw it change. */
  dependencies?(): Promise<DependencyHealth[]>;
};

/** A dependency that can fail slowly (Comprehend, SMS), as its circuit breaker last changed state. */
export type DependencyHealth = {
  /** What it is, in the admin's words: "Sentiment (Amazon Comprehend)". */
  name: string;
  state: 'CLOSED' | 'OPEN' | 'HALF_OPEN';
  /** When it entered this state. */
  since: string;
  /** What the system does meanwhile, in the admin's words. */
  fallback: string;
  /** The last failure that counted, as the dependency reported it (no stack). */
  lastError?: string;
};

export type VoicebotState = { state: 'NOT_DEPLOYED' | 'DEPLOYING' | 'DEPLOYED' | 'FAILED'; detail?: string };
export type VoicebotStatusSource = { status(): Promise<VoicebotState> };

export type DelayedDelivery = Omit<DeliveryWatch, 'day' | 'version'> & { minutesLate: number };

export type Dashboard = {
  day: string;
  generatedAt: string;
  health: {
    api: boolean;
    database: boolean;
    lastChangeFeedEventAt?: string;
    lastVoiceCallAt?: string;
    voicebot: VoicebotState;
    /** Every dependency whose breaker has ever changed state; one closed since its last trouble reads healthy. */
    dependencies: DependencyHealth[];
  };
  kpis?: DayKpis;
  alerts: { complaints: Feedback[]; delayed: DelayedDelivery[] };
};

export type DashboardDeps = {
  rollups: RollupReader;
  feedback: FeedbackRepository;
  clock: Clock;
  calendar: BusinessCalendar;
  voicebot?: VoicebotStatusSource;
  log: { error(message: string, detail?: unknown): void };
};

/** Alerts shown per kind: the dashboard links to the full lists. */
export const ALERT_LIMIT = 20;

const NO_VOICEBOT: VoicebotState = {
  state: 'NOT_DEPLOYED',
  detail: 'No voicebot deployment is configured for this environment.',
};

/**
 * Database trouble is part of what the dashboard reports, so a failed read yields `database: false` and no
 * figures rather than an error; the detail goes to the log.
 */
export async function getDashboard(
  day: string | undefined,
  principal: Principal,
  deps: DashboardDeps,
): Promise<Dashboard> {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError('Only administrators can open the dashboard.', {
      resolution: 'Sign in with an administrator account.',
    });
  }
  const now = deps.clock.now();
  const theDay = day ?? deps.calendar.dayOf(now);
  if (!isDay(theDay)) {
    throw new ValidationError('day must be a date like 2026-03-01.', { field: 'day' });
  }
  const voicebot = deps.voicebot
    ? await deps.voicebot.status().catch((error: unknown) => {
        deps.log.error('voicebot status unavailable', error);
        return { state: 'FAILED', detail: 'The voicebot deployment state could not be read.' } as VoicebotState;
      })
    : NO_VOICEBOT;

  try {
    const [counters, overdue, complaints, feed, dependencies] = await Promise.all([
      deps.rollups.readDay(theDay),
      deps.rollups.overdue(theDay, now, ALERT_LIMIT),
      deps.feedback.query({ by: 'flagged', day: theDay }, { limit: ALERT_LIMIT }),
      deps.rollups.feedHealth(),
      deps.rollups.dependencies?.() ?? Promise.resolve([]),
    ]);
    return {
      day: theDay,
      generatedAt: now.toISOString(),
      health: {
        api: true,
        database: true,
        ...(feed.lastEventAt ? { lastChangeFeedEventAt: feed.lastEventAt } : {}),
        ...(feed.lastVoiceCallAt ? { lastVoiceCallAt: feed.lastVoiceCallAt } : {}),
        voicebot,
        dependencies,
      },
      kpis: dayKpis(counters),
      alerts: {
        complaints: complaints.items,
        delayed: overdue.map(({ day: _day, version: _version, ...watch }) => ({
          ...watch,
          minutesLate: minutesLate(watch, now),
        })),
      },
    };
  } catch (error) {
    deps.log.error('dashboard read failed', error);
    return {
      day: theDay,
      generatedAt: now.toISOString(),
      health: { api: true, database: false, voicebot, dependencies: [] },
      alerts: { complaints: [], delayed: [] },
    };
  }
}
