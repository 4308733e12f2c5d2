import type { CommandRegistrar } from '../session';

/** Being built. */
export const registerBackupCommands: CommandRegistrar = () => {};
