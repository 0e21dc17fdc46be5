// A resume's read-back runs at most `limit` items ahead of its restores, so what it saw is fresh
// when the item is put back; a batch larger than the limit still goes, alone.
import { describe, expect, it } from 'vitest';
import { LookAhead } from '../../src/pauses/look-ahead.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LookAhead', () => {
  it('lets reads run ahead up to the limit, then waits for restores to catch up', async () => {
    const ahead = new LookAhead(10);
    const granted: string[] = [];
    await ahead.reserve(6);
    void ahead.reserve(6).then(() => granted.push('second'));
    void ahead.reserve(3).then(() => granted.push('third'));
    await settle();
    expect(granted).toEqual(['third']); // 6 + 3 fit, 6 + 6 do not
    ahead.release(5);
    await settle();
    expect(granted).toEqual(['third', 'second']); // 1 + 3 + 6
  });

  it('lets a batch larger than the limit go when nothing else is ahead', async () => {
    const ahead = new LookAhead(10);
    await ahead.reserve(25);
    let second = false;
    void ahead.reserve(1).then(() => (second = true));
    await settle();
    expect(second).toBe(false);
    ahead.release(25);
    await settle();
    expect(second).toBe(true);
  });
});
