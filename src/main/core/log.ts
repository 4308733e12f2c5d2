/**
 * The core's log: structured lines (a message and a few fields) on stderr, never stdout,
 * because the CLI prints its answers as JSON on stdout. Lines carry names, counts, SQL text
 * and query plans only: never customer text, bound values or key material, so a log can be
 * attached to a bug report as it is.
 */

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

export type LogValue = string | number | boolean | null | readonly LogValue[] | { readonly [key: string]: LogValue };
export type LogFields = Readonly<Record<string, LogValue>>;

export interface LogRecord {
  /** ISO 8601, UTC. */
  at: string;
  level: LogLevel;
  msg: string;
  fields: LogFields;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** Whether a line at this level would be written; check it before building costly fields. */
  enabled(level: LogLevel): boolean;
}

export interface LogSettings {
  level: LogLevel;
  sink: LogSink;
  /** A handler call that takes longer is logged with the plans of the statements it ran. */
  slowQueryMs: number;
}

export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';
export const DEFAULT_SLOW_QUERY_MS = 40;

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** `HEARKEN_LOG_LEVEL`, case-insensitive; anything else means the default. */
export function levelFromEnv(value: string | undefined): LogLevel {
  const wanted = value?.trim().toLowerCase();
  return logLevels.find((l) => l === wanted) ?? DEFAULT_LOG_LEVEL;
}

/** One JSON object per line, so a log can be read by eye and by `jq`. */
export function formatLine(record: LogRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export const stderrSink: LogSink = (record) => {
  process.stderr.write(formatLine(record));
};

export function createLogger(settings: () => Pick<LogSettings, 'level' | 'sink'>): Logger {
  const write = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    const { level: threshold, sink } = settings();
    if (rank[level] < rank[threshold]) return;
    try {
      sink({ at: new Date().toISOString(), level, msg, fields });
    } catch {
      // A closed stderr must not turn into a failed agent action.
    }
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    enabled: (level) => rank[level] >= rank[settings().level],
  };
}

let current: LogSettings = {
  level: levelFromEnv(process.env.HEARKEN_LOG_LEVEL),
  sink: stderrSink,
  slowQueryMs: DEFAULT_SLOW_QUERY_MS,
};

/** The process's core log; every core module writes here. */
export const log: Logger = createLogger(() => current);

export function logSettings(): Readonly<LogSettings> {
  return current;
}

/**
 * Changes where and what the core logs (tests capture lines with a sink and force "slow"
 * with slowQueryMs: 0). Returns a function that puts the previous settings back.
 */
export function configureLog(settings: Partial<LogSettings>): () => void {
  const previous = current;
  current = { ...current, ...settings };
  return () => {
    current = previous;
  };
}
