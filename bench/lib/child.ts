/**
 * Child processes for the measures that need a fresh process (cold open, peak RSS). The
 * child runs under the same tsx loader as the parent and prints one JSON line last.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildResult<T> {
  value: T;
  wallMs: number;
}

export function runChild<T>(script: string, input: unknown, timeoutMs = 600_000): Promise<ChildResult<T>> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HEARKEN_BENCH_CHILD_INPUT: JSON.stringify(input) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code ?? signal}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      try {
        resolve({ value: JSON.parse(last) as T, wallMs: performance.now() - t0 });
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last.slice(0, 200)} ${err.slice(0, 300)}`));
      }
    });
  });
}

/** In a child: its input, as given to runChild. */
export function childInput<T>(): T {
  const raw = process.env.HEARKEN_BENCH_CHILD_INPUT;
  if (!raw) throw new Error('This script is run by the bench (runChild), not directly.');
  return JSON.parse(raw) as T;
}

export function finishChild(value: unknown): void {
  process.stdout.write(`\n${JSON.stringify(value)}\n`);
}

/** Peak and current resident set size of this process from /proc/self/status, in MiB. */
export function memoryMb(): { peakRss: number | null; rss: number | null } {
  try {
    const text = readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string): number | null => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) / 1024 : null;
    };
    return { peakRss: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return { peakRss: null, rss: null };
  }
}
