import type { Migration } from '../migrate';
import * as initial from './0001-initial';
import * as search from './0002-search';
import * as views from './0003-views';

/** Every migration in order. Shipped migrations are never edited: add a new file. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: initial.up },
  { version: 2, name: '0002-search', up: search.up },
  { version: 3, name: '0003-views', up: views.up },
];
