import type { JobBody, JobKind } from '../types';
import { analysisJob } from './analysis';
import { backupJob } from './backup';
import { discoveryJob } from './discovery';
import { exportJob } from './export';
import { importJob } from './import';

/** Every job body by kind; the job thread and the in-thread runner both look them up here. */
export const jobBodies: { [K in JobKind]: JobBody<K> } = {
  import: importJob,
  analysis: analysisJob,
  export: exportJob,
  discover: discoveryJob,
  backup: backupJob,
};
