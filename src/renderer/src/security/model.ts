/**
 * What the Security page says and checks, with no store and no calls: the backup reasons in
 * words, the schedule form, the passphrase forms, and the exact warnings a person reads
 * before a restore or a new recovery key.
 */
import { backupScheduleSchema, passphraseSchema, type BackupInfo, type BackupReason, type BackupSchedule, type KeySource } from '../../../shared/contract';

export const reasonLabels: Record<BackupReason, string> = {
  manual: 'Manual',
  scheduled: 'Scheduled',
  'before-restore': 'Before restore',
};

export const reasonColors: Record<BackupReason, string> = {
  manual: 'blue',
  scheduled: 'gray',
  'before-restore': 'orange',
};

/** NumberInput hands back '' while a field is empty. */
export interface ScheduleForm {
  enabled: boolean;
  everyHours: number | string;
  keep: number | string;
}

export type ScheduleErrors = Partial<Record<'everyHours' | 'keep', string>>;

export function scheduleFormFrom(schedule: BackupSchedule): ScheduleForm {
  return { ...schedule };
}

export function scheduleDirty(form: ScheduleForm, saved: BackupSchedule): boolean {
  return form.enabled !== saved.enabled || Number(form.everyHours) !== saved.everyHours || Number(form.keep) !== saved.keep || form.everyHours === '' || form.keep === '';
}

const scheduleWords = {
  everyHours: 'Back up every 1 to 744 hours (31 days), in whole hours.',
  keep: 'Keep 1 to 100 backups.',
} as const;

export function scheduleInput(form: ScheduleForm): { ok: true; input: BackupSchedule } | { ok: false; errors: ScheduleErrors } {
  const candidate = { enabled: form.enabled, everyHours: form.everyHours === '' ? Number.NaN : Number(form.everyHours), keep: form.keep === '' ? Number.NaN : Number(form.keep) };
  const parsed = backupScheduleSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: ScheduleErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'everyHours' || field === 'keep') errors[field] = scheduleWords[field];
  }
  return { ok: false, errors };
}

export function scheduleSummary(schedule: BackupSchedule): string {
  const every = schedule.everyHours === 1 ? 'every hour' : schedule.everyHours % 24 === 0 ? `every ${schedule.everyHours / 24 === 1 ? 'day' : `${schedule.everyHours / 24} days`}` : `every ${schedule.everyHours} hours`;
  return schedule.enabled ? `Backs up ${every}, keeping the last ${schedule.keep}.` : `Off. Back up now keeps the last ${schedule.keep}.`;
}

export interface PassphraseForm {
  current: string;
  next: string;
  confirm: string;
}

export type PassphraseErrors = Partial<Record<keyof PassphraseForm, string>>;

/** A new passphrase typed twice, checked as the core will check it. */
export function newPassphraseErrors(next: string, confirm: string): PassphraseErrors {
  const errors: PassphraseErrors = {};
  const parsed = passphraseSchema.safeParse(next);
  if (!parsed.success) errors.next = parsed.error.issues[0]?.message ?? 'Use at least 8 characters.';
  else if (confirm !== next) errors.confirm = 'The two passphrases differ. Type the same one twice.';
  return errors;
}

export function changePassphraseErrors(form: PassphraseForm): PassphraseErrors {
  const errors = newPassphraseErrors(form.next, form.confirm);
  if (form.current === '') errors.current = 'Type the passphrase Hearken opens with now.';
  else if (!errors.next && form.next === form.current) errors.next = 'The new passphrase is the same as the current one.';
  return errors;
}

export function keySourceLabel(source: KeySource | null): string {
  if (source === 'keychain') return 'In the system keychain';
  if (source === 'passphrase') return 'Locked with your passphrase';
  return 'Nowhere on this computer yet';
}

export function keySourceDetail(source: KeySource | null, recoveredWithoutManifest: boolean): string {
  if (recoveredWithoutManifest) return 'This store was opened with its recovery key, and nothing on this computer holds its key. The next start asks for the recovery key again.';
  if (source === 'keychain') return 'Hearken opens without asking: the operating system keeps the key for your account.';
  if (source === 'passphrase') return 'Hearken asks for the passphrase each time it starts. The key itself is kept only wrapped by it.';
  return '';
}

export const noKeychainReason = 'No system keychain answered on this computer (on Linux, a Secret Service such as GNOME Keyring or KWallet), so the key can only be kept with a passphrase.';

/** What a new recovery key does, said before the person confirms. */
export function rotateWarnings(source: KeySource | null, stale = false): string[] {
  return [
    stale
      ? 'The recovery key you hold already no longer opens this store: a key change was cut off before its new key was shown. The new one replaces it.'
      : 'Your current recovery key stops opening this store as soon as the new one is made.',
    'Backups made before now keep needing the old recovery key: keep it, marked as the key of those backups, as long as you keep them. A backup made afterwards opens with the new key.',
    source === 'passphrase'
      ? 'The store is encrypted again under a new key. Your passphrase stays the same; type it below to confirm.'
      : 'The store is encrypted again under a new key, and the keychain entry is replaced.',
    'The new recovery key is shown once, right after. Have your password manager ready.',
  ];
}

/** What a restore does, said before the person confirms. */
export function restoreSteps(backup: Pick<BackupInfo, 'items'>, itemsNow: number | null): string[] {
  return [
    `Hearken checks the backup, then puts it in place of the store you have now: the inbox goes back to its ${backup.items.toLocaleString()} conversation${backup.items === 1 ? '' : 's'}${itemsNow === null ? '' : ` (you have ${itemsNow.toLocaleString()} now)`}.`,
    'The store you have now is not deleted: it is kept aside first, as a backup marked “Before restore”, so this can be undone by restoring that one.',
    'Everything in the store goes back to that moment, settings such as this schedule included: changes made since are then only in the kept copy.',
    'The window reloads the inbox afterwards.',
  ];
}
