/**
 * The handler wrappers on an in-memory store: query and mutation supply the store or
 * answer LOCKED; a mutation stores its change and its audit rows (with the caller's
 * actor) in one transaction, and announces its events only after that commits; a change
 * that found nothing is neither audited nor announced; a slow call is logged with its
 * channel and the plans of its statements, never with the values it was given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { feedbackHandlers } from '../../src/main/core/handlers/feedback';
import { defineHandlers, mutation, prepare, query, type CoreHandlers } from '../../src/main/core/handlers/define';
import { FileGrants } from '../../src/main/core/grants';
import { templateHandlers } from '../../src/main/core/handlers/templates';
import { viewHandlers } from '../../src/main/core/handlers/views';
import { configureLog, type LogRecord } from '../../src/main/core/log';
import type { CoreContext } from '../../src/main/core/context';
import type { StoreAccess } from '../../src/main/core/secrets/store-access';
import { cached, Database, explainQueryPlan, nullArguments, recordStatements, type DB } from '../../src/main/core/store/db';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { saveView } from '../../src/main/core/store/views-repo';
import type { EventName } from '../../src/shared/contract';
import { HearkenError } from '../../src/shared/errors';
import { TEMPLATE_FILE_FORMAT } from '../../src/shared/templates';

const NOW = Date.UTC(2026, 5, 1, 9);
const AGENT = { actor: 'agent' } as const;
const CLI = { actor: 'cli' } as const;

let db: DB;
let ctx: CoreContext;
let events: { name: EventName; payload: unknown; inTransaction: boolean }[];

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  events = [];
  ctx = {
    store: {} as StoreAccess,
    now: () => NOW,
    appVersion: 'test',
    demoInboxPath: '',
    db,
    undo: new Map(),
    emit: (name, payload) => events.push({ name, payload, inTransaction: db.inTransaction }),
  };
});

afterEach(() => {
  db.close();
});

interface AuditRow {
  at: number;
  actor: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
}
const auditRows = (): AuditRow[] => db.prepare('SELECT at, actor, action, entity_type, entity_id, detail FROM audit_events ORDER BY id').all() as AuditRow[];

const FILTER = { status: ['open' as const] };

describe('query', () => {
  it('hands the body the open store, the input and the call, and answers LOCKED without a store', async () => {
    const seen: unknown[] = [];
    const handlers = defineHandlers(ctx, {
      'feedback.count': query((given, { filter }, call) => {
        seen.push(given === db, filter, call);
        return { total: 7 };
      }),
    });
    expect(await handlers['feedback.count']({ filter: FILTER }, CLI)).toEqual({ total: 7 });
    expect(seen).toEqual([true, FILTER, { actor: 'cli', at: NOW }]);

    ctx.db = null;
    expect(() => handlers['feedback.count']({ filter: FILTER }, AGENT)).toThrow(HearkenError);
    expect(() => handlers['feedback.count']({ filter: FILTER }, AGENT)).toThrow(/locked/i);
    expect(seen).toHaveLength(3);
  });
});

describe('mutation', () => {
  it('records the audit row with the caller as actor and the call time, then announces the change', async () => {
    const views = viewHandlers(ctx);
    const view = await views['views.save']({ name: 'Refunds', filter: FILTER }, CLI);
    await views['views.save']({ id: view.id, name: 'Refunds (open)', filter: FILTER }, AGENT);

    expect(auditRows()).toEqual([
      { at: NOW, actor: 'cli', action: 'view.created', entity_type: 'view', entity_id: view.id, detail: JSON.stringify({ name: 'Refunds' }) },
      { at: NOW, actor: 'agent', action: 'view.updated', entity_type: 'view', entity_id: view.id, detail: JSON.stringify({ name: 'Refunds (open)' }) },
    ]);
    expect(events).toEqual([
      { name: 'views.changed', payload: {}, inTransaction: false },
      { name: 'views.changed', payload: {}, inTransaction: false },
    ]);
  });

  it('neither audits nor announces a delete that found nothing', async () => {
    const views = viewHandlers(ctx);
    expect(await views['views.delete']({ id: '01JNOSUCHVIEW0000000000000' }, CLI)).toEqual({ deleted: false });
    expect(auditRows()).toEqual([]);
    expect(events).toEqual([]);

    const view = await views['views.save']({ name: 'Gone soon', filter: FILTER }, AGENT);
    expect(await views['views.delete']({ id: view.id }, CLI)).toEqual({ deleted: true });
    expect(auditRows().at(-1)).toMatchObject({ actor: 'cli', action: 'view.deleted', entity_id: view.id });
  });

  it('records several audit rows and several events from one body', async () => {
    const handlers = defineHandlers(ctx, {
      'views.save': mutation((store, input, { at }) => {
        const view = saveView(store, input, at);
        return {
          result: view,
          audit: [{ action: 'one' }, { action: 'two', entityType: 'view', entityId: view.id }],
          emit: [
            ['views.changed', {}],
            ['feedback.changed', { reason: 'update' }],
          ],
        };
      }),
    });
    await handlers['views.save']({ name: 'Pair', filter: FILTER }, { actor: 'system' });
    expect(auditRows().map((r) => [r.actor, r.action])).toEqual([
      ['system', 'one'],
      ['system', 'two'],
    ]);
    expect(events.map((e) => e.name)).toEqual(['views.changed', 'feedback.changed']);
  });

  it('rolls back the change with its audit rows when the body fails, and announces nothing', async () => {
    const handlers = defineHandlers(ctx, {
      'views.save': mutation((store, input, { at }) => {
        saveView(store, input, at);
        throw new HearkenError('VALIDATION', 'changed my mind');
      }),
    });
    expect(() => handlers['views.save']({ name: 'Half done', filter: FILTER }, AGENT)).toThrow('changed my mind');
    expect(db.prepare('SELECT count(*) AS n FROM saved_views').get()).toEqual({ n: 0 });
    expect(auditRows()).toEqual([]);
    expect(events).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('does not audit or announce a bulk update that changed nothing', async () => {
    const feedback = feedbackHandlers(ctx);
    expect(await feedback['feedback.update']({ ids: ['no-such-item'], change: { status: 'closed' } }, CLI)).toEqual({ updated: 0, undoToken: null });
    expect(auditRows()).toEqual([]);
    expect(events).toEqual([]);
  });
});

describe('prepare', () => {
  it('answers LOCKED before the step (a file dialog) runs, and hands the step result to the store work', async () => {
    const step = vi.fn((input: { grant?: string | undefined }) => Promise.resolve(input.grant ?? null));
    const handlers = defineHandlers(ctx, {
      'templates.export': prepare(
        step,
        mutation((_db, chosen: string | null) => ({ result: { fileName: chosen, count: 0 }, audit: chosen ? { action: 'exported' } : null })),
      ),
    });
    expect(await handlers['templates.export']({ grant: 'x.json' }, CLI)).toEqual({ fileName: 'x.json', count: 0 });
    expect(auditRows().map((r) => [r.actor, r.action])).toEqual([['cli', 'exported']]);

    ctx.db = null;
    await expect(handlers['templates.export']({}, AGENT)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(step).toHaveBeenCalledTimes(1);
  });
});

describe('templates through a file dialog', () => {
  it('imports the chosen file as the caller, records nothing when the dialog is cancelled, and opens no dialog when locked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-define-'));
    try {
      const file = join(dir, 'mine.json');
      const template = { name: 'Parcel lost', language: 'en', topics: [], keywords: 'parcel, lost', body: 'Sorry about your parcel.' };
      writeFileSync(file, JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, templates: [template] }));
      let answer: string | null = file;
      const chooseOpenFile = vi.fn(() => Promise.resolve(answer));
      const handlers = templateHandlers(ctx, new FileGrants(), { chooseOpenFile, chooseSavePath: () => Promise.resolve(null), chooseImportFiles: () => Promise.resolve([]) });

      expect(await handlers['templates.import']({}, CLI)).toEqual({ fileName: 'mine.json', added: 1, updated: 0, unchanged: 0 });
      expect(auditRows().map((r) => [r.actor, r.action, JSON.parse(r.detail!)])).toEqual([['cli', 'templates.imported', { file: 'mine.json', added: 1, updated: 0, unchanged: 0 }]]);
      expect(events.map((e) => e.name)).toEqual(['templates.changed']);

      answer = null;
      expect(await handlers['templates.import']({}, AGENT)).toEqual({ fileName: null, added: 0, updated: 0, unchanged: 0 });
      expect(auditRows()).toHaveLength(1);
      expect(events).toHaveLength(1);

      ctx.db = null;
      await expect(handlers['templates.import']({}, AGENT)).rejects.toMatchObject({ code: 'LOCKED' });
      expect(chooseOpenFile).toHaveBeenCalledTimes(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('slow calls', () => {
  const CUSTOMER_TEXT = 'my parcel to 14 Quillfeather Lane never arrived';
  const KEY_HEX = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

  function capture(slowQueryMs: number): { lines: LogRecord[]; restore: () => void } {
    const lines: LogRecord[] = [];
    const restore = configureLog({ sink: (r) => lines.push(r), level: 'debug', slowQueryMs });
    return { lines, restore };
  }

  it('logs the channel and the plan of each statement, with no value the call was given', async () => {
    const { lines, restore } = capture(0);
    try {
      const handlers = defineHandlers(ctx, {
        'feedback.count': query((store, { filter }) => {
          const row = cached(store, 'SELECT count(*) AS n FROM feedback f WHERE f.rowid IN (SELECT rowid FROM feedback_fts WHERE feedback_fts MATCH ?) AND f.status = ?').get(
            `"${filter.query ?? ''}"`,
            KEY_HEX,
          ) as { n: number };
          return { total: row.n };
        }),
      });
      expect(await handlers['feedback.count']({ filter: { query: CUSTOMER_TEXT } }, CLI)).toEqual({ total: 0 });
      // Slow lines are written after the answer has gone.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      restore();
    }
    const slow = lines.filter((l) => l.msg === 'slow query');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ level: 'warn', fields: { channel: 'feedback.count', statementCount: 1 } });
    const [statement] = (slow[0]!.fields as { statements: { sql: string; plan: string[] }[] }).statements;
    expect(statement!.sql).toMatch(/^SELECT count\(\*\) AS n FROM feedback f WHERE/);
    expect(statement!.plan.join('\n')).toMatch(/feedback_fts/);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('Quillfeather');
    expect(text).not.toContain(KEY_HEX);
  });

  it('logs nothing at warn for a call under the threshold', async () => {
    const { lines, restore } = capture(60_000);
    try {
      await viewHandlers(ctx)['views.list']({}, AGENT);
    } finally {
      restore();
    }
    expect(lines.filter((l) => l.level !== 'debug')).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ msg: 'call', fields: expect.objectContaining({ channel: 'views.list', actor: 'agent' }) })]);
  });
});

describe('the statement record', () => {
  it('notes each cached statement a call used, once, in first-use order, until stopped', () => {
    const outer = recordStatements(db);
    cached(db, 'SELECT 1');
    const inner = recordStatements(db);
    cached(db, 'SELECT 2');
    cached(db, 'SELECT 1');
    expect([...inner()]).toEqual(['SELECT 2', 'SELECT 1']);
    cached(db, 'SELECT 3');
    expect([...outer()]).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    const after = recordStatements(db);
    expect([...after()]).toEqual([]);
  });

  it('binds NULL for each parameter, ignoring look-alikes in strings and comments', () => {
    expect(nullArguments('SELECT 1')).toEqual([]);
    expect(nullArguments("SELECT * FROM t WHERE a = ? AND b IN (?, ?) AND c = '?' -- d = ?\n AND e = ?")).toEqual([null, null, null, null]);
    expect(nullArguments("UPDATE t SET a = @a /* :nope */ WHERE id = @id AND j = '$.x'")).toEqual([{ a: null, id: null }]);
    expect(explainQueryPlan(db, 'SELECT id FROM feedback WHERE status = ? AND received_at > ? ORDER BY received_at DESC').join('\n')).toMatch(/feedback/);
    expect(explainQueryPlan(db, 'SELECT * FROM no_such_table')[0]).toMatch(/^\(no plan: /);
  });
});

// Type checks (tsc runs over test/): the contract decides each handler's input and output.
export function typeChecks(c: CoreContext): Partial<CoreHandlers> {
  return defineHandlers(c, {
    // @ts-expect-error views.list answers View[], not a number
    'views.list': query(() => 3),
    // @ts-expect-error views.delete's input has no `name`
    'views.delete': mutation((_db, { name }) => ({ result: { deleted: name === 'x' } })),
    // @ts-expect-error an event payload must match the contract
    'views.save': mutation((store, input, { at }) => {
      const view = saveView(store, input, at);
      return { result: view, emit: ['feedback.changed', { reason: 'nonsense' }] };
    }),
  });
}
