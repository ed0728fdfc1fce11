// The comments behind a feedback figure (Req 10.3): the feedback of a range that matches one figure (a
// category, a severity, a sentiment, a rating), newest day first. Lists records through the by-day index, a
// page at a time; it computes no figure.
import { z } from 'zod';
import { addDays, daysBetween } from './business-calendar';
import { ValidationError } from './errors';
import { optionalEnum, pageSchema, parseInput, type PageInput } from './input-validation';
import { COMPLAINT_CATEGORIES, FEEDBACK_TYPES, SEVERITIES, type Feedback, type Principal } from './model';
import type { FeedbackRepository, Page } from './ports';
import { assertAnalyticsReader } from './analytics-reports';
import type { DayRange } from './analytics-range';

export const commentFilterSchema = z.object({
  type: optionalEnum([...FEEDBACK_TYPES]),
  category: optionalEnum([...COMPLAINT_CATEGORIES]),
  severity: optionalEnum([...SEVERITIES]),
  sentiment: optionalEnum(['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED']),
  rating: z
    .number()
    .int({ message: 'rating must be a whole number from 1 to 5.' })
    .min(1, { message: 'rating must be from 1 to 5.' })
    .max(5, { message: 'rating must be from 1 to 5.' })
    .nullish()
    .transform((v) => v ?? undefined),
});
export type CommentFilter = z.output<typeof commentFilterSchema>;

/** Day pages read per request at most: a rare figure over a long range is paged through with nextToken. */
export const MAX_DAY_PAGES = 62;

function matches(f: Feedback, filter: CommentFilter): boolean {
  if (filter.type && f.type !== filter.type) return false;
  if (filter.category && (f.type !== 'COMPLAINT' || (f.complaintCategory ?? 'OTHER') !== filter.category)) return false;
  if (filter.severity && (f.type !== 'COMPLAINT' || (f.severity ?? 'LOW') !== filter.severity)) return false;
  if (filter.sentiment && f.sentiment.label !== filter.sentiment) return false;
  if (filter.rating !== undefined && f.rating !== filter.rating) return false;
  return true;
}

type Cursor = { day: string; token?: string };

function decodeCursor(raw: string, range: DayRange): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (
      typeof cursor.day === 'string' &&
      daysBetween(range.from, cursor.day) >= 0 &&
      daysBetween(cursor.day, range.to) >= 0
    )
      return cursor;
  } catch {
    // fall through
  }
  throw new ValidationError('nextToken is not one we issued for this range; start again without it.', {
    field: 'nextToken',
  });
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

export async function listFeedbackComments(
  range: DayRange,
  filter: unknown,
  page: PageInput,
  principal: Principal,
  deps: { feedback: FeedbackRepository },
): Promise<Page<Feedback>> {
  assertAnalyticsReader(principal);
  const f = parseInput(commentFilterSchema, filter, 'filter');
  const p = parseInput(pageSchema, page, 'page');
  let cursor: Cursor | undefined = p.nextToken ? decodeCursor(p.nextToken, range) : { day: range.to };
  const items: Feedback[] = [];
  for (let pages = 0; cursor && pages < MAX_DAY_PAGES && items.length < p.limit; pages++) {
    const got: Page<Feedback> = await deps.feedback.query(
      { by: 'day', day: cursor.day },
      { limit: 100, ...(cursor.token ? { nextToken: cursor.token } : {}) },
    );
    const newestFirst = [...got.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    items.push(...newestFirst.filter((x) => matches(x, f)));
    if (got.nextToken) cursor = { day: cursor.day, token: got.nextToken };
    else cursor = cursor.day === range.from ? undefined : { day: addDays(cursor.day, -1) };
  }
  // A page can overshoot the limit by what one day held; the rest of that day is not lost, only shown now.
  return { items, ...(cursor ? { nextToken: encodeCursor(cursor) } : {}) };
}
