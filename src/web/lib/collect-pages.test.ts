import { describe, expect, it } from 'vitest';
import { collectPages } from './graphql-client';

describe('collectPages', () => {
  it('follows nextToken to the last page, keeping the order of items', async () => {
    // Prepare
    const pages: Record<string, { items: number[]; nextToken?: string | null }> = {
      start: { items: [1, 2], nextToken: 'b' },
      b: { items: [3], nextToken: 'c' },
      c: { items: [4, 5], nextToken: null },
    };
    const asked: (string | null)[] = [];
    // Act
    const items = await collectPages(async (token) => {
      asked.push(token);
      return pages[token ?? 'start']!;
    });
    // Assess
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([null, 'b', 'c']);
  });
});
