import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Config, registry } from '../../src/core/index.js';
import { groupSorted } from '../../src/mapreduce/grouping.js';
import { compareUtf8, encodeJson, partitionOf } from '../../src/mapreduce/keys.js';
import { MapOutputBuffer, segmentsOf } from '../../src/mapreduce/local/map-output-buffer.js';
import { mergeSorted } from '../../src/mapreduce/local/merge.js';
import { RecordBuffer } from '../../src/mapreduce/local/record-buffer.js';
import { readSegment } from '../../src/mapreduce/local/segment-reader.js';
import { compactSpills } from '../../src/mapreduce/local/spill-merge.js';
import { WordCount } from './jobs/word-count.js';
import { tempDir } from './support.js';

const WORDS = ['b', 'a', '𝒳', '\uFFFD', 'é', 'ab', 'a', '日本', 'z', '', 'b', '\uE000', '😀', 'a'];
const KEYS = [...WORDS.map((w) => encodeJson(w)), ...WORDS.map((w) => encodeJson(['course-v1:X+Y+Z', w])), encodeJson(10), encodeJson(9)];

function sortedByCompareUtf8(keys: string[]): string[] {
  return [...keys].sort(compareUtf8);
}

describe('local runner internals', () => {
  it('the record buffer sorts keys in the one key order, however long their common prefix', () => {
    const buffer = new RecordBuffer(1024);
    KEYS.forEach((k, i) => buffer.add(0, k, String(i)));
    const order = buffer.sortedOrder();
    expect([...order].map((i) => buffer.key(i))).toEqual(sortedByCompareUtf8(KEYS));
    // Equal keys keep their arrival order.
    const as = [...order].filter((i) => buffer.key(i) === '"a"').map((i) => buffer.value(i));
    expect(as).toEqual([...as].sort((x, y) => Number(x) - Number(y)));
  });

  it('a tiny sort buffer spills many sorted runs; runs merge (at most 2 at a time here) into one sorted run per partition', () => {
    const dir = tempDir();
    const buffer = new MapOutputBuffer(3, 200, join(dir, 'map-00000'));
    for (let round = 0; round < 20; round++) for (const key of KEYS) buffer.emit(key, encodeJson(round));
    buffer.spill();
    expect(buffer.spills.length).toBeGreaterThan(10);
    const merged = compactSpills(buffer.spills, 3, join(dir, 'm'), { target: 1, ownsInputs: true, factor: 2 });
    expect(merged).toHaveLength(1);
    expect(readdirSync(dir)).toHaveLength(1); // the merged-away runs are gone
    let total = 0;
    for (let p = 0; p < 3; p++) {
      const keys = [...mergeSorted(segmentsOf(merged, p).map((s) => readSegment(s, 7)))].map(([k]) => k);
      expect(keys).toEqual(sortedByCompareUtf8(keys));
      for (const k of keys) expect(partitionOf(k, 3)).toBe(p);
      total += keys.length;
    }
    expect(total).toBe(20 * KEYS.length);
  });

  it('groups: a reducer may leave values unread, and may not read them twice', () => {
    const records = [['"a"', '1'], ['"a"', '2'], ['"b"', '3'], ['"c"', '4'], ['"c"', '5']] as const;
    const seen: [string, string[]][] = [];
    for (const group of groupSorted(records)) {
      if (group.encodedKey === '"a"') {
        for (const v of group.values) {
          seen.push([group.encodedKey, [v]]);
          break;
        }
        continue;
      }
      seen.push([group.encodedKey, [...group.values]]);
      expect(() => [...group.values]).toThrow(/read only once/);
    }
    expect(seen).toEqual([['"a"', ['1']], ['"b"', ['3']], ['"c"', ['4', '5']]]);
  });
});

describe('[mapreduce] runner', () => {
  const saved = registry.config;
  afterEach(() => {
    registry.config = saved;
  });
  it('is the default runner when set, local otherwise; a bad value names the parameter', () => {
    expect(new WordCount({ src: [], dest: '/tmp/x' }).runner).toBe('local');
    registry.config = saved.overlay(new Config());
    registry.config.set('mapreduce', 'runner', 'inline');
    expect(new WordCount({ src: [], dest: '/tmp/x' }).runner).toBe('inline');
    expect(new WordCount({ src: [], dest: '/tmp/x', runner: 'hadoop' }).runner).toBe('hadoop');
    registry.config.set('mapreduce', 'runner', 'spark');
    expect(() => new WordCount({ src: [], dest: '/tmp/x' })).toThrow(/\[mapreduce\] runner = spark is not a runner/);
  });
});
