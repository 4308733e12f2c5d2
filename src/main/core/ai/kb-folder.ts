/**
 * A folder of Markdown files read as knowledge-base articles: `*.md` and `*.markdown` in the
 * folder and in its sub-folders one level down. The title is the first `# heading`, else
 * the file's name; YAML-style front matter may give `tags:`. A file that is not UTF-8 text,
 * or larger than 1 MB, is skipped with its reason; nothing is written here (the caller
 * stores the whole folder in one transaction).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import type { KbFileArticle } from '../store/kb-repo';

const MAX_FILE = 1024 * 1024;
const MAX_FILES = 5_000;
const TITLE_MAX = 200;
const BODY_MAX = 100_000;
const TAG_MAX = 60;
const TAGS_MAX = 30;
const MARKDOWN = new Set(['.md', '.markdown']);

export interface KbFolder {
  folderName: string;
  articles: KbFileArticle[];
  skipped: { file: string; reason: string }[];
}

async function markdownFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (relative: string, depth: number): Promise<void> => {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth === 0) await visit(path, 1);
      else if (entry.isFile() && MARKDOWN.has(extname(entry.name).toLowerCase())) found.push(path);
    }
  };
  await visit('', 0);
  return found;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, or why it is not a Markdown article. */
function decode(bytes: Buffer): string | { reason: string } {
  if (bytes.includes(0)) return { reason: 'not a text file' };
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    return { reason: 'not UTF-8 text; save it as UTF-8 and import again' };
  }
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1).trim() : v;
}

/** `tags: [a, b]`, `tags: a, b`, or a `- a` list under `tags:`. */
function frontMatterTags(block: string): string[] {
  const lines = block.split('\n');
  const at = lines.findIndex((l) => /^tags\s*:/i.test(l));
  if (at < 0) return [];
  const inline = lines[at]!.replace(/^tags\s*:/i, '').trim();
  const values = inline
    ? inline.replace(/^\[|\]$/g, '').split(',')
    : lines
        .slice(at + 1)
        .filter((_, i, rest) => rest.slice(0, i + 1).every((l) => /^\s*-\s+/.test(l)))
        .map((l) => l.replace(/^\s*-\s+/, ''));
  const tags = values.map(unquote).filter((t) => t.length > 0).map((t) => t.slice(0, TAG_MAX));
  return [...new Set(tags)].slice(0, TAGS_MAX);
}

/** Title, body and tags of one Markdown text; `fileName` names it when it has no heading. */
export function parseMarkdownArticle(text: string, fileName: string): { title: string; body: string; tags: string[] } {
  let rest = text;
  let tags: string[] = [];
  const front = /^---\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(rest);
  if (front) {
    tags = frontMatterTags(front[1]!);
    rest = rest.slice(front[0].length);
  }
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(rest);
  let title: string;
  if (heading) {
    title = heading[1]!.trim();
    rest = rest.slice(0, heading.index) + rest.slice(heading.index + heading[0].length);
  } else {
    title = basename(fileName).replace(/\.(md|markdown)$/i, '').replace(/[-_]+/g, ' ').trim();
  }
  return { title: title.slice(0, TITLE_MAX), body: rest.trim(), tags };
}

/** Reads the folder; NOT_FOUND when it cannot be listed at all. */
export async function readKbFolder(folder: string): Promise<KbFolder> {
  let files: string[];
  try {
    files = await markdownFiles(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : 'it could not be read';
    throw new HearkenError('NOT_FOUND', `Could not open the folder ${basename(folder)}: ${why}.`);
  }
  const result: KbFolder = { folderName: basename(folder), articles: [], skipped: [] };
  for (const file of files) {
    if (result.articles.length >= MAX_FILES) {
      result.skipped.push({ file, reason: `more than ${MAX_FILES.toLocaleString('en')} articles in one folder` });
      continue;
    }
    const path = join(folder, file);
    try {
      if ((await stat(path)).size > MAX_FILE) {
        result.skipped.push({ file, reason: 'larger than 1 MB' });
        continue;
      }
      const text = decode(await readFile(path));
      if (typeof text !== 'string') {
        result.skipped.push({ file, reason: text.reason });
        continue;
      }
      const article = parseMarkdownArticle(text, file);
      if (article.body === '') result.skipped.push({ file, reason: 'no text after its title' });
      else if (article.body.length > BODY_MAX) result.skipped.push({ file, reason: 'longer than 100,000 characters' });
      else result.articles.push({ ...article, sourceFile: file });
    } catch {
      result.skipped.push({ file, reason: 'could not be read' });
    }
  }
  return result;
}
