/**
 * The knowledge base editor: articles AI drafts are grounded on and cite. A searchable list
 * on the left, the open article on the right (title, tags, Markdown body), and a folder of
 * Markdown files to import. Mod+S saves.
 */
import { Alert, Button, EmptyState, Group, Popover, Skeleton, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconBook2, IconFolderOpen, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { kbArticleInputSchema, type KbArticle } from '../../../shared/ai/schema';
import { adviceFor } from '../common/errors';
import { deleteArticle, followKbChanges, importFolder, loadArticles, saveArticle, searchArticles } from './flows';
import { useKb } from './state';
import classes from './kb.module.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function ArticleList() {
  const articles = useKb((s) => s.articles);
  const open = useKb((s) => s.open);
  const query = useKb((s) => s.query);
  const [typed, setTyped] = useState(query);
  const search = useDebouncedCallback((value: string) => searchArticles(value), 180);
  return (
    <div className={classes.listPane}>
      <div className={classes.listTools}>
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          leftSection={<IconSearch size={14} />}
          placeholder="Search articles"
          aria-label="Search articles"
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
          data-testid="kb-search"
        />
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => useKb.getState().openRequested({ kind: 'new' })} data-testid="kb-new">
          New
        </Button>
      </div>
      <ul className={classes.listScroll} aria-label="Articles" data-testid="kb-list">
        {open?.kind === 'new' && (
          <li>
            <button type="button" className={classes.item} aria-current="true">
              <span className={classes.itemTitle} style={{ fontStyle: 'italic' }}>
                New article
              </span>
            </button>
          </li>
        )}
        {articles.map((article) => (
          <li key={article.id}>
            <button
              type="button"
              className={classes.item}
              aria-current={open?.kind === 'article' && open.id === article.id}
              onClick={() => useKb.getState().openRequested({ kind: 'article', id: article.id })}
              data-testid="kb-item"
            >
              <span className={classes.itemTitle}>{article.title}</span>
              <span className={classes.itemMeta}>
                {[article.tags.join(', ') || null, article.sourceFile, `updated ${dateFormat.format(article.updatedAt)}`].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
        {articles.length === 0 && query.trim() !== '' && (
          <Text size="xs" c="dimmed" p="md">
            No article matches “{query.trim()}”.
          </Text>
        )}
      </ul>
    </div>
  );
}

function DeleteButton({ article }: { article: KbArticle }) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-end" width={280} withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={14} />} onClick={() => setOpened((o) => !o)} data-testid="kb-delete">
          Delete
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="sm">
          Delete “{article.title}”? Drafts will no longer be grounded on it.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
            Keep it
          </Button>
          <Button
            size="compact-sm"
            color="red"
            onClick={() => {
              setOpened(false);
              void deleteArticle(article.id, article.title);
            }}
            data-testid="kb-delete-confirm"
          >
            Delete
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

function ArticleForm({ article }: { article: KbArticle | null }) {
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [tags, setTags] = useState<string[]>(article?.tags ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const dirty = title !== (article?.title ?? '') || body !== (article?.body ?? '') || tags.join('\n') !== (article?.tags ?? []).join('\n');

  const pending = useKb((s) => s.pending);
  useEffect(() => {
    useKb.getState().dirtyChanged(dirty);
  }, [dirty]);
  useEffect(() => () => useKb.getState().dirtyChanged(false), []);

  const save = async (): Promise<boolean> => {
    const parsed = kbArticleInputSchema.safeParse({ title, body, tags });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the article.');
      return false;
    }
    setSaving(true);
    const error = await saveArticle(article?.id ?? null, parsed.data);
    setSaving(false);
    setProblem(error);
    if (error === null) setSavedAt(Date.now());
    return error === null;
  };
  useHotkeys([['mod+S', () => void save()]], [], true);

  return (
    <form
      className={classes.editor}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-label={article ? `Edit ${article.title}` : 'New article'}
      data-testid="kb-editor"
    >
      {pending !== undefined && (
        <Alert variant="light" color="yellow" p={8} data-testid="kb-unsaved">
          <Group justify="space-between" gap="sm">
            <Text size="sm">This article has changes you have not saved.</Text>
            <Group gap={6}>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => useKb.getState().pendingSettled(false)}>
                Stay
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => useKb.getState().pendingSettled(true)} data-testid="kb-discard">
                Discard changes
              </Button>
              <Button
                size="compact-xs"
                onClick={() => void save().then((saved) => saved && useKb.getState().pendingSettled(true))}
                data-testid="kb-save-and-go"
              >
                Save and go on
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} data-autofocus={article === null || undefined} data-testid="kb-title" />
      <TagsInput label="Tags" description="Words that help a draft find it, e.g. billing, shipping." value={tags} onChange={setTags} maxTags={30} clearable data-testid="kb-tags" />
      <Textarea
        label="Article"
        description="Markdown. Drafts quote from it and cite it as a source; the customer never sees it as such."
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={10}
        maxRows={24}
        className={classes.body}
        data-testid="kb-body"
      />
      {problem && (
        <Text size="sm" c="red" role="alert" data-testid="kb-problem">
          {problem}
        </Text>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <Button type="submit" size="compact-md" loading={saving} disabled={!dirty && article !== null} data-testid="kb-save">
            Save article
          </Button>
          <Text size="xs" c="dimmed">
            {savedAt !== null && !dirty ? 'Saved just now' : dirty ? 'Unsaved changes · Mod+S saves' : article?.sourceFile ? `Imported from ${article.sourceFile}` : ''}
          </Text>
        </Group>
        {article && <DeleteButton article={article} />}
      </Group>
    </form>
  );
}

function OpenArticle() {
  const open = useKb((s) => s.open);
  const edition = useKb((s) => s.edition);
  const article = useKb((s) => (s.open?.kind === 'article' ? (s.articles.find((a) => a.id === (s.open as { id: string }).id) ?? null) : null));
  if (open === null) return null;
  if (open.kind === 'article' && article === null) return <Stack p="xl"><Skeleton height={36} /><Skeleton height={240} /></Stack>;
  return <ArticleForm key={`${edition}:${article?.id ?? 'new'}`} article={article} />;
}

function EmptyKb() {
  return (
    <EmptyState
      py={72}
      px="md"
      icon={<IconBook2 size={28} stroke={1.5} />}
      title="No articles yet"
      description="Knowledge-base articles are what your team knows: policies, how-tos, known issues. AI drafts are grounded on them (and on templates and earlier replies) and cite them, so you can check what a draft says."
      data-testid="kb-empty"
    >
      <EmptyState.Actions>
        <Button leftSection={<IconPlus size={16} />} onClick={() => useKb.getState().openRequested({ kind: 'new' })}>
          New article
        </Button>
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void importFolder()}>
          Import a folder of Markdown files…
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

function KbBody() {
  const phase = useKb((s) => s.phase);
  const error = useKb((s) => s.error);
  const empty = useKb((s) => s.articles.length === 0 && s.query === '' && s.open?.kind !== 'new');
  if (phase === 'loading') return <Stack p="xl" aria-busy><Skeleton height={36} /><Skeleton height={240} /></Stack>;
  if (phase === 'failed' && error) {
    const advice = adviceFor(error, 'Loading the knowledge base');
    return (
      <Group justify="center" p="xl">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={advice.title} role="alert" maw={520}>
          {advice.message}
          <Group mt="sm">
            <Button size="compact-sm" variant="default" onClick={() => void loadArticles()}>
              {advice.retry ?? 'Try again'}
            </Button>
          </Group>
        </Alert>
      </Group>
    );
  }
  if (empty) return <EmptyKb />;
  return (
    <div className={classes.columns}>
      <ArticleList />
      <OpenArticle />
    </div>
  );
}

export function KbEditor() {
  const count = useKb((s) => (s.phase === 'ready' && s.query === '' ? s.articles.length : null));
  useEffect(() => {
    void loadArticles();
    return followKbChanges();
  }, []);
  return (
    <section className={classes.screen} aria-labelledby="kb-title" data-testid="kb-screen">
      <header className={classes.header}>
        <div style={{ minWidth: 0, flex: 1 }}>
          <h2 className={classes.title} id="kb-title">
            Knowledge base
          </h2>
          <div className={classes.subtitle}>
            {count === null ? 'Articles AI drafts are grounded on and cite' : `${count} ${count === 1 ? 'article' : 'articles'} · AI drafts are grounded on them and cite them`}
          </div>
        </div>
        <Button variant="default" size="compact-sm" h={30} leftSection={<IconFolderOpen size={14} />} onClick={() => void importFolder()} data-testid="kb-import">
          Import a folder of Markdown files…
        </Button>
      </header>
      <KbBody />
    </section>
  );
}
