import type { CopyFacts } from './backup-db';

/** The copy's temporary path, chosen by the caller in the backup folder. */
export interface BackupJobParams {
  tempPath: string;
}

export interface BackupJobResult extends CopyFacts {
  state: 'done';
  sizeBytes: number;
}
