/** Saved replies: list, save, delete, a JSON file in and out, and the shipped set put back. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { placeholders, TEMPLATE_FILE_FORMAT, templateFileSchema, type TemplateFile } from '../../../shared/templates';
import type { CoreContext } from '../context';
import { writeFileAtomic } from '../files';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { listTopics } from '../store/taxonomy-repo';
import { deleteTemplate, exportableTemplates, importTemplates, listTemplates, saveTemplate } from '../store/templates-repo';
import type { CoreDialogs } from '../types';
import { defineHandlers, deleted, mutation, prepare, query, saved, type Emitted } from './define';

const TEMPLATES_CHANGED: Emitted = ['templates.changed', {}];
const MAX_TEMPLATE_FILE = 20 * 1024 * 1024;
const FILE_FILTERS = [{ name: 'Hearken templates', extensions: ['json'] }];

async function readTemplateFile(path: string): Promise<TemplateFile> {
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

export function templateHandlers(ctx: CoreContext, dialogs: CoreDialogs | undefined) {
  const chooseDialogs = (): CoreDialogs => {
    if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; pass a path.');
    return dialogs;
  };
  return defineHandlers(ctx, {
    'templates.list': query((db) => ({
      templates: listTemplates(db),
      topics: listTopics(db).map((t) => t.name),
      placeholders: placeholders.map((p) => ({ ...p })),
    })),
    'templates.save': mutation((db, input, { at }) => saved('template', input, saveTemplate(db, input, at), TEMPLATES_CHANGED)),
    'templates.delete': mutation((db, { id }) => deleted('template', id, deleteTemplate(db, id), TEMPLATES_CHANGED)),
    'templates.import': prepare(
      async ({ path }) => {
        const chosen = path ?? (await chooseDialogs().chooseOpenFile({ title: 'Import templates', filters: FILE_FILTERS }));
        return chosen ? { path: chosen, file: await readTemplateFile(chosen) } : null;
      },
      mutation((db, chosen: { path: string; file: TemplateFile } | null, { at }) => {
        if (!chosen) return { result: { path: null, added: 0, updated: 0, unchanged: 0 } };
        const result = importTemplates(db, chosen.file.templates, at);
        return {
          result: { path: chosen.path, ...result },
          audit: { action: 'templates.imported', detail: { file: basename(chosen.path), ...result } },
          emit: result.added + result.updated > 0 ? TEMPLATES_CHANGED : null,
        };
      }),
    ),
    'templates.export': prepare(
      async ({ path }) => path ?? (await chooseDialogs().chooseSavePath('hearken-templates.json', { title: 'Export templates', filters: FILE_FILTERS })),
      mutation((db, chosen: string | null) => {
        if (!chosen) return { result: { path: null, count: 0 } };
        const templates = exportableTemplates(db);
        writeFileAtomic(chosen, `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, templates }, null, 2)}\n`);
        return { result: { path: chosen, count: templates.length }, audit: { action: 'templates.exported', detail: { file: basename(chosen), count: templates.length } } };
      }),
    ),
    'templates.restoreDefaults': mutation((db, _input, { at }) => {
      const result = importTemplates(db, DEFAULT_TEMPLATES, at);
      return { result, audit: { action: 'templates.restored', detail: { ...result } }, emit: result.added + result.updated > 0 ? TEMPLATES_CHANGED : null };
    }),
  });
}
