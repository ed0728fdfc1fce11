import { describe, expect, it, vi } from 'vitest';
import { firstDayPageRequest } from './day-request';

const asked = vi.hoisted(() => [] as Array<{ query: string; variables: unknown }>);
vi.mock('../../../lib/graphql-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/graphql-client')>()),
  runOperation: (document: { toString(): string }, variables: unknown) => {
    asked.push({ query: document.toString(), variables });
    return Promise.resolve({ listBookings: { items: [], nextToken: null } });
  },
}));

describe('firstDayPageRequest', () => {
  it("is exactly the day's first request the app makes, so the page's entry can send it for the app", async () => {
    // Prepare
    const { prefetchCourierDay } = await import('../hooks/use-courier-day');

    // Act
    prefetchCourierDay('2026-12-06');
    await vi.waitFor(() => expect(asked).toHaveLength(1));

    // Assess
    expect(asked[0]).toEqual(firstDayPageRequest('2026-12-06'));
    expect(firstDayPageRequest('2026-12-06').variables).toMatchObject({ day: '2026-12-06', nextToken: null });
  });
});
