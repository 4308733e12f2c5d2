/** The knowledge base: list and search, write, delete, and a folder of Markdown files in. */
import { HearkenError } from '../../../shared/errors';
import { readKbFolder, type KbFolder } from '../ai/kb-folder';
import { tokenize } from '../analysis/tokenize';
import type { CoreContext } from '../context';
import type { FileGrants } from '../grants';
import { QUERY_STOPWORDS } from '../replies/stopwords';
import { deleteKbArticle, importKbArticles, listKbArticles, saveKbArticle, searchKb } from '../store/kb-repo';
import type { CoreDialogs } from '../types';
import { defineHandlers, deleted, mutation, prepare, query, type Emitted } from './define';

const KB_CHANGED: Emitted = ['kb.changed', {}];
const SEARCH_RESULTS = 100;

export function kbHandlers(ctx: CoreContext, grants: FileGrants, dialogs: CoreDialogs | undefined) {
  return defineHandlers(ctx, {
    // A search box: every word must match (the last as a prefix, as it is being typed), ranked
    // by bm25; without words, every article by title.
    'kb.list': query((db, { query: text }) => {
      const all = [...new Set(tokenize(text ?? ''))];
      // "when does my parcel arrive" asks for parcel and arrive.
      const telling = all.filter((w) => w.length >= 3 && !QUERY_STOPWORDS.has(w));
      const words = telling.length > 0 ? telling : all;
      if (words.length === 0) return { articles: listKbArticles(db) };
      const match = words.map((w, i) => `"${w.replaceAll('"', '""')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
      return { articles: searchKb(db, match, SEARCH_RESULTS).map((hit) => hit.article) };
    }),
    'kb.save': mutation((db, input, { at }) => {
      const article = saveKbArticle(db, input, at);
      return {
        result: { article },
        audit: { action: `kb.${input.id ? 'updated' : 'created'}`, entityType: 'kb', entityId: article.id, detail: { title: article.title } },
        emit: KB_CHANGED,
      };
    }),
    'kb.delete': mutation((db, { id }) => deleted('kb', id, deleteKbArticle(db, id), KB_CHANGED)),
    // A folder comes from a read grant or from the host's own dialog, never from the input.
    'kb.import': prepare(
      async ({ grant }): Promise<KbFolder | null> => {
        let folder: string | null;
        if (grant !== undefined) folder = grants.path(grant, 'read');
        else if (dialogs?.chooseFolder) folder = await dialogs.chooseFolder({ title: 'Import knowledge-base articles (a folder of Markdown files)' });
        else throw new HearkenError('VALIDATION', 'Folder dialogs are not available here; name the folder through its grant.');
        return folder === null ? null : readKbFolder(folder);
      },
      mutation((db, folder: KbFolder | null, { at }) => {
        if (!folder) return { result: { folderName: null, added: 0, updated: 0, skipped: [] } };
        const counts = importKbArticles(db, folder.articles, at);
        return {
          result: { folderName: folder.folderName, added: counts.added, updated: counts.updated, skipped: folder.skipped },
          audit: { action: 'kb.imported', detail: { folder: folder.folderName, ...counts, skipped: folder.skipped.length } },
          emit: counts.added + counts.updated > 0 ? KB_CHANGED : null,
        };
      }),
    ),
  });
}
