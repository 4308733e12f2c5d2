import type { CopyFacts, Inspection } from './backup-db';

/** `copy`: the store into `tempPath` (chosen by the caller in the backup folder); `inspect`: what a backup file holds. */
export type BackupJobParams = { op: 'copy'; tempPath: string } | { op: 'inspect'; file: string };

export type BackupJobResult = { state: 'done'; op: 'copy'; facts: CopyFacts; sizeBytes: number } | { state: 'done'; op: 'inspect'; inspection: Inspection };
