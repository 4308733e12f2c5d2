/**
 * A fresh process that measures the resident memory the analysis modules and their tables
 * add: RSS after a GC, before importing analyze(), and again after importing it and running
 * it over the given texts (every generator language). Mode 'eld' also loads eld's
 * extrasmall build and runs it on the same texts: the language table the analysis used
 * before (for the before/after figure in docs/analysis.md).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { childInput, finishChild, memoryMb } from '../lib/child';
import { benchGenerator } from '../lib/items';

interface Input {
  count: number;
  mode: 'hearken' | 'eld';
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = (): number => {
  for (let i = 0; i < 3; i++) gc();
  return memoryMb().rss ?? Number.NaN;
};

const input = childInput<Input>();
const gen = benchGenerator(input.count);
const texts: string[] = [];
for (let i = 0; i < input.count; i++) {
  const item = gen.item(i);
  texts.push(item.subject ? `${item.subject}\n${item.body}` : item.body);
}
const before = settle();
const { analyze } = await import('../../src/main/core/analysis/analyze');
let topics = 0;
for (const text of texts) topics += analyze({ text }).topics.length;
if (input.mode === 'eld') {
  const { eld } = await import('eld/extrasmall');
  for (const text of texts) eld.detect(text.slice(0, 160));
}
const after = settle();
finishChild({ before, after, addedMb: after - before, topics });
