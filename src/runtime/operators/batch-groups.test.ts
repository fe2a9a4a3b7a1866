import { describe, expect, it } from 'vitest';
import { BatchGroups } from './batch-groups.js';

describe('BatchGroups', () => {
  it('keeps groups in first-touch order and starts empty after take', () => {
    const groups = new BatchGroups<{ n: number }>();
    groups.add(7, { n: 1 });
    groups.add('s:a', { n: 2 });
    groups.get(7)!.n++;
    expect(groups.get('s:a')).toEqual({ n: 2 });
    expect(groups.get(8)).toBeUndefined();
    expect(groups.take()).toEqual({ hashes: [7, 's:a'], values: [{ n: 2 }, { n: 2 }] });
    expect(groups.get(7)).toBeUndefined();
    groups.add(8, { n: 3 });
    expect(groups.take()).toEqual({ hashes: [8], values: [{ n: 3 }] });
  });
});
