import type { Migration } from '../migrate';
import * as initial from './0001-initial';
import * as search from './0002-search';
import * as views from './0003-views';
import * as customerNames from './0004-customer-names';
import * as ftsBatchIndex from './0005-fts-batch-index';
import * as storeSpeed from './0006-store-speed';
import * as imports from './0007-imports';
import * as vipAndCounts from './0008-vip-and-counts';
import * as analysis from './0009-analysis';
import * as replies from './0010-replies';
import * as taxonomy from './0011-taxonomy';
import * as jobs from './0012-jobs';
import * as importInterrupted from './0013-import-interrupted';
import * as escalation from './0014-escalation';
import * as ai from './0015-ai';
import * as reportTimes from './0016-report-times';
import * as topicDiscovery from './0017-topic-discovery';
import * as bulkSearchIndex from './0018-bulk-search-index';

/** Every migration in order. Shipped migrations are never edited: add a new file. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001-initial', up: initial.up },
  { version: 2, name: '0002-search', up: search.up },
  { version: 3, name: '0003-views', up: views.up },
  { version: 4, name: '0004-customer-names', up: customerNames.up },
  { version: 5, name: '0005-fts-batch-index', up: ftsBatchIndex.up },
  { version: 6, name: '0006-store-speed', up: storeSpeed.up },
  { version: 7, name: '0007-imports', up: imports.up },
  { version: 8, name: '0008-vip-and-counts', up: vipAndCounts.up },
  { version: 9, name: '0009-analysis', up: analysis.up },
  { version: 10, name: '0010-replies', up: replies.up },
  { version: 11, name: '0011-taxonomy', up: taxonomy.up },
  { version: 12, name: '0012-jobs', up: jobs.up },
  { version: 13, name: '0013-import-interrupted', up: importInterrupted.up },
  { version: 14, name: '0014-escalation', up: escalation.up },
  { version: 15, name: '0015-ai', up: ai.up },
  { version: 16, name: '0016-report-times', up: reportTimes.up },
  { version: 17, name: '0017-topic-discovery', up: topicDiscovery.up },
  { version: 18, name: '0018-bulk-search-index', up: bulkSearchIndex.up },
];
