/**
 * The topic taxonomy local analysis tags with: each topic's words and phrases for every
 * language, and additions per language. Word forms match ("refunded" finds "refund").
 * New conversations use it at once; the ones already here when re-analysed.
 */
import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, TagsInput, Tabs, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconRestore, IconSparkles, IconTags, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { TopicInfo, TopicInput } from '../../../shared/contract';
import { call, onEvent, toErrorInfo } from '../api';
import { notifyFailure, notifyInfo } from '../inbox/common/notify';
import { reanalyseAll } from '../inbox/flows/reanalyse';
import { languageName } from '../../../shared/languages';
import classes from './topics.module.css';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'] as const;

interface Form {
  id: string | null;
  name: string;
  /** Words and phrases together, as the agent types them; the core sorts them apart. */
  terms: string[];
  languages: Record<string, string[]>;
}

const blank: Form = { id: null, name: '', terms: [], languages: {} };

function toForm(topic: TopicInfo): Form {
  return {
    id: topic.id,
    name: topic.name,
    terms: [...topic.keywords, ...topic.phrases],
    languages: Object.fromEntries(Object.entries(topic.languages).map(([lang, t]) => [lang, [...t.keywords, ...t.phrases]])),
  };
}

function toInput(form: Form): TopicInput {
  const split = (terms: string[]) => ({ keywords: terms.filter((t) => !t.trim().includes(' ')), phrases: terms.filter((t) => t.trim().includes(' ')) });
  const base = split(form.terms);
  return {
    name: form.name.trim(),
    ...base,
    languages: Object.fromEntries(Object.entries(form.languages).filter(([, terms]) => terms.length > 0).map(([lang, terms]) => [lang, split(terms)])),
  };
}

interface Confirming {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  run: () => void;
}

function ConfirmDialog({ confirming, onClose }: { confirming: Confirming | null; onClose: () => void }) {
  return (
    <Modal opened={confirming !== null} onClose={onClose} title={confirming?.title} centered size="md">
      <Text size="sm">{confirming?.message}</Text>
      <Group justify="flex-end" mt="lg" gap={8}>
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          color={confirming?.danger ? 'red' : undefined}
          onClick={() => {
            onClose();
            confirming?.run();
          }}
          data-testid="topic-confirm"
          data-autofocus
        >
          {confirming?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}

const sameForm = (a: Form, b: Form): boolean => JSON.stringify(toInput(a)) === JSON.stringify(toInput(b));
const termCount = (t: TopicInfo): number => t.keywords.length + t.phrases.length + Object.values(t.languages).reduce((n, l) => n + l.keywords.length + l.phrases.length, 0);

export function TopicsScreen() {
  const [topics, setTopics] = useState<TopicInfo[] | null>(null);
  const [form, setForm] = useState<Form>(blank);
  const [saved, setSaved] = useState<Form>(blank);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changedSinceAnalysis, setChangedSinceAnalysis] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const dirty = !sameForm(form, saved);

  const load = async (selectId?: string | null): Promise<void> => {
    try {
      const list = (await call('taxonomy.list', {})).topics;
      setTopics(list);
      const pick = list.find((t) => t.id === (selectId ?? form.id)) ?? (selectId === null ? undefined : list[0]);
      const next = pick ? toForm(pick) : blank;
      setForm(next);
      setSaved(next);
    } catch (failure) {
      notifyFailure(toErrorInfo(failure), 'Loading the topics', () => void load());
    }
  };

  useEffect(() => {
    void load();
    return onEvent('taxonomy.changed', () => setChangedSinceAnalysis(true));
    // Loads once; later loads follow the agent's own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = (next: Form): void => {
    const go = (): void => {
      setForm(next);
      setSaved(next);
      setError(null);
    };
    if (!dirty) go();
    else setConfirming({ title: 'Discard your changes?', message: `Your changes to “${form.name || 'the new topic'}” are not saved.`, confirmLabel: 'Discard changes', danger: true, run: go });
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(form);
      const topic = await call('taxonomy.save', form.id ? { ...input, id: form.id } : input);
      await load(topic.id);
      setChangedSinceAnalysis(true);
      notifyInfo(`Saved the topic “${topic.name}”. New conversations are tagged with it from now on.`);
    } catch (failure) {
      setError(toErrorInfo(failure).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string): Promise<void> => {
    try {
      await call('taxonomy.delete', { id });
      await load(null);
      setChangedSinceAnalysis(true);
    } catch (failure) {
      notifyFailure(toErrorInfo(failure), 'Deleting the topic');
    }
  };

  const restore = async (): Promise<void> => {
    try {
      const result = await call('taxonomy.restoreDefaults', {});
      await load();
      notifyInfo(`${result.added} added, ${result.updated} reset to their shipped words.`, 'Default topics restored');
    } catch (failure) {
      notifyFailure(toErrorInfo(failure), 'Restoring the default topics');
    }
  };

  const languageTabs = useMemo(() => LANGUAGES.map((lang) => ({ lang, count: form.languages[lang]?.length ?? 0 })), [form.languages]);

  return (
    <section className={classes.screen} aria-label="Topics" data-testid="topics-screen">
      <header className={classes.header}>
        <div>
          <Title order={2} size="h4">
            Topics
          </Title>
          <Text size="sm" c="dimmed">
            What local analysis tags conversations with. Word forms match: “refund” also finds “refunded” and “refunds”.
          </Text>
        </div>
        <Group gap={8} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" size="compact-sm" h={30} leftSection={<IconRestore size={14} />} onClick={() =>
              setConfirming({
                title: 'Restore the default topics?',
                message: 'Missing shipped topics are added, and shipped topics you changed get their shipped words back. Topics you added stay as they are.',
                confirmLabel: 'Restore defaults',
                run: () => void restore(),
              })
            }
          >
            Restore default topics
          </Button>
          <Button size="compact-sm" h={30} leftSection={<IconPlus size={14} />} onClick={() => choose(blank)} data-testid="topic-new">
            New topic
          </Button>
        </Group>
      </header>
      {changedSinceAnalysis && (
        <Alert color="blue" variant="light" mx="lg" mt="sm" icon={<IconSparkles size={16} />} data-testid="topics-reanalyse-hint">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">The topics changed. Conversations already here keep their old topic tags until they are analysed again.</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                setChangedSinceAnalysis(false);
                void reanalyseAll();
              }}
            >
              Re-analyse every conversation
            </Button>
          </Group>
        </Alert>
      )}
      <div className={classes.body}>
        <ScrollArea className={classes.list} type="auto">
          <ul className={classes.items} aria-label="Topics">
            {(topics ?? []).map((t) => (
              <li key={t.id}>
                <UnstyledButton className={classes.item} aria-current={t.id === form.id ? 'true' : undefined} onClick={() => choose(toForm(t))} data-testid="topic-item">
                  <IconTags size={15} stroke={1.6} aria-hidden />
                  <span className={classes.itemName}>{t.name}</span>
                  <Text size="xs" c="dimmed" component="span">
                    {termCount(t)} terms
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        </ScrollArea>
        <form
          className={classes.editor}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onKeyDown={(event) => {
            if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
          data-testid="topic-editor"
        >
          <Stack gap="md" maw={720}>
            <Group justify="space-between" align="flex-end">
              <TextInput
                label="Name"
                description="The tag conversations get."
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                w={320}
                required
                data-testid="topic-name"
              />
              {dirty && (
                <Badge variant="light" color="yellow">
                  Unsaved changes
                </Badge>
              )}
            </Group>
            <TagsInput
              label="Words and phrases, in every language"
              description="Press Enter after each. Product words and English terms customers use in any language belong here."
              value={form.terms}
              onChange={(terms) => setForm({ ...form, terms })}
              splitChars={[',']}
              clearable
              data-testid="topic-terms"
            />
            <div>
              <Text size="sm" fw={500}>
                Additions per language
              </Text>
              <Text size="xs" c="dimmed" mb={6}>
                Used only for conversations detected in that language, matched with that language’s word forms.
              </Text>
              <Tabs defaultValue="de" variant="outline">
                <Tabs.List>
                  {languageTabs.map(({ lang, count }) => (
                    <Tabs.Tab key={lang} value={lang} rightSection={count > 0 ? <Badge size="xs" variant="light">{count}</Badge> : undefined}>
                      {languageName(lang)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {LANGUAGES.map((lang) => (
                  <Tabs.Panel key={lang} value={lang} pt="sm">
                    <TagsInput
                      aria-label={`${languageName(lang)} words and phrases`}
                      value={form.languages[lang] ?? []}
                      onChange={(terms) => setForm({ ...form, languages: { ...form.languages, [lang]: terms } })}
                      splitChars={[',']}
                      clearable
                      placeholder={`${languageName(lang)} words and phrases`}
                    />
                  </Tabs.Panel>
                ))}
              </Tabs>
            </div>
            {error && (
              <Alert color="red" variant="light" role="alert" data-testid="topic-error">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              <Group gap={8}>
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={busy} disabled={!dirty || form.name.trim() === ''} data-testid="topic-save">
                  Save topic
                </Button>
                <Button variant="default" disabled={!dirty} onClick={() => setForm(saved)}>
                  Revert
                </Button>
              </Group>
              {form.id && (
                <Tooltip label="Tags already on conversations stay until they are re-analysed">
                  <Button
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => {
                      const id = form.id!;
                      setConfirming({
                        title: `Delete the topic “${form.name}”?`,
                        message: 'New conversations are no longer tagged with it. Tags already on conversations stay until they are re-analysed.',
                        confirmLabel: 'Delete topic',
                        danger: true,
                        run: () => void remove(id),
                      });
                    }}
                    data-testid="topic-delete"
                  >
                    Delete topic
                  </Button>
                </Tooltip>
              )}
            </Group>
          </Stack>
        </form>
      </div>
      <ConfirmDialog confirming={confirming} onClose={() => setConfirming(null)} />
    </section>
  );
}
