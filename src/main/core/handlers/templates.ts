/** Saved replies: list, save, delete, a JSON file in and out, and the shipped set put back. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { placeholders, TEMPLATE_FILE_FORMAT, templateFileSchema, type TemplateFile } from '../../../shared/templates';
import type { CoreContext } from '../context';
import { writeFileAtomic } from '../files';
import type { FileGrants } from '../grants';
import { jsonSyntaxErrorOffset, positionAt } from '../json-syntax';
import { DEFAULT_TEMPLATES } from '../replies/default-templates';
import { listTopics } from '../store/taxonomy-repo';
import { deleteTemplate, exportableTemplates, importTemplates, listTemplates, saveTemplate } from '../store/templates-repo';
import type { CoreDialogs } from '../types';
import { defineHandlers, deleted, mutation, prepare, query, saved, type Emitted } from './define';

const TEMPLATES_CHANGED: Emitted = ['templates.changed', {}];
const MAX_TEMPLATE_FILE = 20 * 1024 * 1024;
const FILE_FILTERS = [{ name: 'Hearken templates', extensions: ['json'] }];

/** Why a chosen file could not be read, in words: the system's message names the full path. */
function readFailure(code: string | undefined): string {
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission was refused';
  if (code === 'EISDIR') return 'it is a folder';
  return 'the file could not be read';
}

async function readTemplateFile(path: string): Promise<TemplateFile> {
  const name = basename(path);
  let text: string;
  try {
    if ((await stat(path)).size > MAX_TEMPLATE_FILE) throw new HearkenError('VALIDATION', `${name} is larger than 20 MB; a templates file is much smaller. Check that this is the right file.`);
    text = (await readFile(path)).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof HearkenError) throw error;
    throw new HearkenError('NOT_FOUND', `Could not read ${name}: ${readFailure((error as NodeJS.ErrnoException).code)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault; a file picked by mistake may
    // hold secrets, so the message says where, never what.
    const offset = jsonSyntaxErrorOffset(text);
    const where = offset === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(positionAt(text, offset));
    throw new HearkenError('VALIDATION', `${name} is not a valid template file: JSON syntax error${where}. Nothing was imported.`);
  }
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new HearkenError('VALIDATION', `${name} is not a templates file Hearken can import${where}: ${issue.message} Nothing was imported.`);
  }
  return parsed.data;
}

export function templateHandlers(ctx: CoreContext, grants: FileGrants, dialogs: CoreDialogs | undefined) {
  const chooseDialogs = (): CoreDialogs => {
    if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
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
    // A path comes from a read grant or from the host's own dialog, never from the input.
    'templates.import': prepare(
      async ({ grant }) => {
        const chosen = grant !== undefined ? grants.path(grant, 'read') : await chooseDialogs().chooseOpenFile({ title: 'Import templates', filters: FILE_FILTERS });
        return chosen ? { fileName: basename(chosen), file: await readTemplateFile(chosen) } : null;
      },
      mutation((db, chosen: { fileName: string; file: TemplateFile } | null, { at }) => {
        if (!chosen) return { result: { fileName: null, added: 0, updated: 0, unchanged: 0 } };
        const result = importTemplates(db, chosen.file.templates, at);
        return {
          result: { fileName: chosen.fileName, ...result },
          audit: { action: 'templates.imported', detail: { file: chosen.fileName, ...result } },
          emit: result.added + result.updated > 0 ? TEMPLATES_CHANGED : null,
        };
      }),
    ),
    // Writing needs a write grant: a read grant (a file chosen for import) never becomes a target.
    'templates.export': prepare(
      async ({ grant }) =>
        grant !== undefined
          ? grants.path(grant, 'write')
          : await chooseDialogs().chooseSavePath('hearken-templates.json', { title: 'Export templates', filters: FILE_FILTERS }),
      mutation((db, chosen: string | null) => {
        if (!chosen) return { result: { fileName: null, count: 0 } };
        const templates = exportableTemplates(db);
        writeFileAtomic(chosen, `${JSON.stringify({ format: TEMPLATE_FILE_FORMAT, version: 1, templates }, null, 2)}\n`);
        return { result: { fileName: basename(chosen), count: templates.length }, audit: { action: 'templates.exported', detail: { file: basename(chosen), count: templates.length } } };
      }),
    ),
    'templates.restoreDefaults': mutation((db, _input, { at }) => {
      const result = importTemplates(db, DEFAULT_TEMPLATES, at);
      return { result, audit: { action: 'templates.restored', detail: { ...result } }, emit: result.added + result.updated > 0 ? TEMPLATES_CHANGED : null };
    }),
  });
}
