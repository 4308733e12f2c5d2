/**
 * The core's log: levels filter, lines are structured JSON, they go to stderr and never to
 * stdout (the CLI's answers are JSON on stdout), HEARKEN_LOG_LEVEL sets the level, and a
 * broken sink never breaks the caller.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureLog, createLogger, levelFromEnv, log, logSettings, stderrSink, type LogLevel, type LogRecord } from '../../src/main/core/log';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('levels', () => {
  it('reads HEARKEN_LOG_LEVEL case-insensitively and falls back to warn', () => {
    expect(levelFromEnv(undefined)).toBe('warn');
    expect(levelFromEnv('')).toBe('warn');
    expect(levelFromEnv('DEBUG')).toBe('debug');
    expect(levelFromEnv(' error ')).toBe('error');
    expect(levelFromEnv('verbose')).toBe('warn');
  });

  it('writes only lines at or above the level', () => {
    const lines: LogRecord[] = [];
    let level: LogLevel = 'warn';
    const logger = createLogger(() => ({ level, sink: (r) => lines.push(r) }));
    logger.debug('d');
    logger.info('i');
    logger.warn('w', { n: 1 });
    logger.error('e');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
    expect(lines[0]!.fields).toEqual({ n: 1 });
    expect(Date.parse(lines[0]!.at)).not.toBeNaN();
    expect(logger.enabled('info')).toBe(false);
    level = 'debug';
    expect(logger.enabled('info')).toBe(true);
    logger.debug('d2');
    expect(lines.at(-1)!.msg).toBe('d2');
  });

  it('takes its level from HEARKEN_LOG_LEVEL when the core starts', async () => {
    vi.stubEnv('HEARKEN_LOG_LEVEL', 'debug');
    vi.resetModules();
    const fresh = await import('../../src/main/core/log');
    expect(fresh.logSettings().level).toBe('debug');
    vi.stubEnv('HEARKEN_LOG_LEVEL', 'nonsense');
    vi.resetModules();
    expect((await import('../../src/main/core/log')).logSettings().level).toBe('warn');
  });
});

describe('where lines go', () => {
  it('writes one JSON line to stderr by default and nothing to stdout', () => {
    expect(logSettings().sink).toBe(stderrSink);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const restore = configureLog({ level: 'info' });
    try {
      log.info('store opened', { ms: 12 });
    } finally {
      restore();
    }
    expect(out).not.toHaveBeenCalled();
    expect(err).toHaveBeenCalledTimes(1);
    const line = String(err.mock.calls[0]![0]);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'store opened', fields: { ms: 12 } });
  });

  it('puts the previous settings back, and survives a sink that throws', () => {
    const before = logSettings();
    const restore = configureLog({
      sink: () => {
        throw new Error('stderr closed');
      },
      slowQueryMs: 0,
    });
    expect(logSettings().slowQueryMs).toBe(0);
    expect(() => log.error('anything')).not.toThrow();
    restore();
    expect(logSettings()).toBe(before);
  });
});
