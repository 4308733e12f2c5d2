/**
 * Templates, suggestions and sent replies (issue 6). Sending is "Mark as sent": Hearken
 * does not deliver mail; it records the reply, sets the status to replied, and the window
 * copies the text to the clipboard for the agent's channel.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { compareToSuggestion, placeholders, TEMPLATE_FILE_FORMAT, templateFileSchema, type ReplyOutcome } from '../../../shared/templates';
import { requireDb, type CoreContext } from '../context';
import { writeFileAtomic } from '../files';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { suggestReplies } from '../replies/suggest';
import { recordAudit } from '../store/audit';
import { getFeedback } from '../store/feedback-repo';
import { agentName, feedbackExists, recordOutcome, recordSentReply, saveAgentName } from '../store/replies-repo';
import { listTopics, loadTaxonomy } from '../store/taxonomy-repo';
import { deleteTemplate, exportableTemplates, importTemplates, listTemplates, saveTemplate } from '../store/templates-repo';
import type { CoreDialogs } from '../types';

type ReplyHandlers = Pick<
  Handlers,
  | 'templates.list'
  | 'templates.save'
  | 'templates.delete'
  | 'templates.import'
  | 'templates.export'
  | 'templates.restoreDefaults'
  | 'profile.get'
  | 'profile.save'
  | 'suggestions.list'
  | 'replies.send'
  | 'replies.discard'
>;

const MAX_TEMPLATE_FILE = 20 * 1024 * 1024;

async function readTemplateFile(path: string): Promise<ReturnType<typeof templateFileSchema.parse>> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_TEMPLATE_FILE) throw new HearkenError('VALIDATION', `${basename(path)} is larger than 20 MB; a templates file is much smaller. Check that this is the right file.`);
    text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof HearkenError) throw error;
    throw new HearkenError('NOT_FOUND', `Could not read ${basename(path)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HearkenError('VALIDATION', `${basename(path)} is not valid JSON (${(error as Error).message}). Nothing was imported.`);
  }
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new HearkenError('VALIDATION', `${basename(path)} is not a templates file Hearken can import${where}: ${issue.message} Nothing was imported.`);
  }
  return parsed.data;
}

export function replyHandlers(ctx: CoreContext, dialogs: CoreDialogs | undefined): ReplyHandlers {
  const changed = (): void => ctx.emit('templates.changed', {});
  const chooseDialogs = (): CoreDialogs => {
    if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; pass a path.');
    return dialogs;
  };
  return {
    'templates.list': () => ({
      templates: listTemplates(requireDb(ctx)),
      topics: listTopics(requireDb(ctx)).map((t) => t.name),
      placeholders: placeholders.map((p) => ({ ...p })),
    }),
    'templates.save': (input) => {
      const db = requireDb(ctx);
      const template = saveTemplate(db, input, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: input.id ? 'template.updated' : 'template.created', entityType: 'template', entityId: template.id, detail: { name: template.name } });
      changed();
      return template;
    },
    'templates.delete': ({ id }) => {
      const db = requireDb(ctx);
      const deleted = deleteTemplate(db, id);
      if (deleted) {
        recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'template.deleted', entityType: 'template', entityId: id });
        changed();
      }
      return { deleted };
    },
    'templates.import': async ({ path }) => {
      const db = requireDb(ctx);
      const chosen = path ?? (await chooseDialogs().chooseOpenFile({ title: 'Import templates', filters: [{ name: 'Hearken templates', extensions: ['json'] }] }));
      if (!chosen) return { path: null, added: 0, updated: 0, unchanged: 0 };
      const file = await readTemplateFile(chosen);
      const result = importTemplates(db, file.templates, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'templates.imported', detail: { file: basename(chosen), ...result } });
      if (result.added + result.updated > 0) changed();
      return { path: chosen, ...result };
    },
    'templates.export': async ({ path }) => {
      const db = requireDb(ctx);
      const chosen = path ?? (await chooseDialogs().chooseSavePath('hearken-templates.json', { title: 'Export templates', filters: [{ name: 'Hearken templates', extensions: ['json'] }] }));
      if (!chosen) return { path: null, count: 0 };
      const templates = exportableTemplates(db);
      writeFileAtomic(chosen, `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, templates }, null, 2)}\n`);
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'templates.exported', detail: { file: basename(chosen), count: templates.length } });
      return { path: chosen, count: templates.length };
    },
    'templates.restoreDefaults': () => {
      const db = requireDb(ctx);
      const result = importTemplates(db, DEFAULT_TEMPLATES, ctx.now());
      recordAudit(db, { at: ctx.now(), actor: 'agent', action: 'templates.restored', detail: { ...result } });
      if (result.added + result.updated > 0) changed();
      return result;
    },
    'profile.get': () => ({ agentName: agentName(requireDb(ctx)) }),
    'profile.save': ({ agentName: name }) => ({ agentName: saveAgentName(requireDb(ctx), name, ctx.now()) }),
    'suggestions.list': ({ feedbackId, limit }) => {
      const db = requireDb(ctx);
      return suggestReplies(db, getFeedback(db, feedbackId), { agentName: agentName(db), taxonomy: loadTaxonomy(db) }, limit);
    },
    'replies.send': ({ feedbackId, body, suggestion }) => {
      const db = requireDb(ctx);
      if (!feedbackExists(db, feedbackId)) throw new HearkenError('NOT_FOUND', 'That conversation no longer exists; the reply was not recorded.');
      let outcome: ReplyOutcome = 'written';
      let editDistance: number | null = null;
      if (suggestion) ({ outcome, editDistance } = compareToSuggestion(suggestion.text, body));
      const now = ctx.now();
      const author = agentName(db) || null;
      const sent = recordSentReply(db, { feedbackId, body, author, suggestion, outcome, editDistance }, now);
      recordAudit(db, {
        at: now,
        actor: 'agent',
        action: 'reply.sent',
        entityType: 'feedback',
        entityId: feedbackId,
        detail: { messageId: sent.messageId, outcome, editDistance, source: suggestion ? { kind: suggestion.kind, id: suggestion.sourceId, rank: suggestion.rank } : null },
      });
      ctx.emit('feedback.changed', { reason: 'reply', ids: [feedbackId] });
      return { messageId: sent.messageId, outcome, editDistance, status: sent.status };
    },
    'replies.discard': ({ feedbackId, suggestion }) => {
      const db = requireDb(ctx);
      if (!feedbackExists(db, feedbackId)) throw new HearkenError('NOT_FOUND', 'That conversation no longer exists.');
      recordOutcome(db, { feedbackId, messageId: null, suggestion, outcome: 'discarded', editDistance: null, author: agentName(db) || null }, ctx.now());
      return { recorded: true };
    },
  };
}
