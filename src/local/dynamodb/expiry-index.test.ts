import { describe, expect, it } from 'vitest';
import { createExpiryIndex } from './expiry-index';
import { keyId } from './stream-record';

const id = (table: string, key: string) => keyId(table, { id: { S: key } });

describe('expiry index', () => {
  it('hands out due items earliest first, a batch at a time, and keeps the rest', () => {
    // Prepare
    const index = createExpiryIndex();
    const times = [50, 10, 40, 1000, 20, 30, 999];
    times.forEach((at, i) => index.note(id('T', `k${i}`), at));

    // Act
    const first = index.takeDue(100, 3);
    const second = index.takeDue(100, 10);
    const none = index.takeDue(100, 10);

    // Assess
    expect(first.map((e) => e.at)).toEqual([10, 20, 30]);
    expect(second.map((e) => e.at)).toEqual([40, 50]);
    expect(none).toEqual([]);
    expect(index.size()).toBe(2);
  });

  it('follows later writes: a moved expiry, a removed one, a deleted item', () => {
    // Prepare
    const index = createExpiryIndex();
    index.note(id('T', 'moved'), 10);
    index.note(id('T', 'cleared'), 10);
    index.note(id('T', 'kept'), 10);
    index.note(id('T', 'moved'), 500);
    index.note(id('T', 'cleared'), undefined);

    // Act
    const due = index.takeDue(100, 10);
    const later = index.takeDue(1000, 10);

    // Assess
    expect(due).toEqual([{ id: id('T', 'kept'), at: 10 }]);
    expect(later).toEqual([{ id: id('T', 'moved'), at: 500 }]);
  });

  it('lets a scan fill in only what writes did not already tell', () => {
    // Prepare
    const index = createExpiryIndex();
    index.note(id('T', 'written'), 900);

    // Act
    index.noteIfUnknown(id('T', 'written'), 10);
    index.noteIfUnknown(id('T', 'scanned'), 20);

    // Assess
    expect(index.takeDue(1000, 10)).toEqual([
      { id: id('T', 'scanned'), at: 20 },
      { id: id('T', 'written'), at: 900 },
    ]);
  });

  it('forgets a whole table and nothing else', () => {
    // Prepare
    const index = createExpiryIndex();
    for (let i = 0; i < 3000; i++) index.note(id(i % 2 ? 'Odd' : 'Even', `k${i}`), i);

    // Act
    index.dropTable('Odd');
    const due = index.takeDue(10_000, 10_000);

    // Assess
    expect(index.size()).toBe(0);
    expect(due).toHaveLength(1500);
    expect(due.every((e) => e.id.startsWith('Even\u0000'))).toBe(true);
    expect(due.map((e) => e.at)).toEqual([...due.map((e) => e.at)].sort((a, b) => a - b));
  });
});
