/**
 * The scenario library: every kind of feedback the generator can write, by sentiment.
 * The order is part of the output: the generator filters and draws from this list in order,
 * so reordering it (or the two negative parts) changes the generated inbox.
 */
import type { Scenario } from '../types';
import { NEGATIVE_1 } from './negative-1';
import { NEGATIVE_2 } from './negative-2';
import { NEUTRAL } from './neutral';
import { POSITIVE } from './positive';

const NEGATIVE: Scenario[] = [...NEGATIVE_1, ...NEGATIVE_2];

export const SCENARIOS: Scenario[] = [...NEGATIVE, ...NEUTRAL, ...POSITIVE];
