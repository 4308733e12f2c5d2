/**
 * The open topic: its name, the words and phrases for every language, and additions per
 * language. Mod+S saves from any field.
 */
import { Alert, Badge, Button, Group, Stack, TagsInput, Tabs, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { languageName } from '../../../shared/languages';
import { saveTopic } from './flows';
import { languageCounts, topicLanguages } from './model';
import { selectDirty, useTopics } from './state';
import classes from './topics.module.css';

export function TopicEditor() {
  const form = useTopics((s) => s.form);
  const dirty = useTopics(selectDirty);
  const saving = useTopics((s) => s.saving);
  const saveError = useTopics((s) => s.saveError);
  const { formEdited, formReverted, confirmationAsked } = useTopics.getState();
  const openId = form.id;

  return (
    <form
      className={classes.editor}
      onSubmit={(event) => {
        event.preventDefault();
        void saveTopic();
      }}
      onKeyDown={(event) => {
        if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void saveTopic();
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
            onChange={(e) => formEdited({ name: e.currentTarget.value })}
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
          onChange={(terms) => formEdited({ terms })}
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
              {languageCounts(form).map(({ lang, count }) => (
                <Tabs.Tab key={lang} value={lang} rightSection={count > 0 ? <Badge size="xs" variant="light">{count}</Badge> : undefined}>
                  {languageName(lang)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {topicLanguages.map((lang) => (
              <Tabs.Panel key={lang} value={lang} pt="sm">
                <TagsInput
                  aria-label={`${languageName(lang)} words and phrases`}
                  value={form.languages[lang] ?? []}
                  onChange={(terms) => formEdited({ languages: { ...form.languages, [lang]: terms } })}
                  splitChars={[',']}
                  clearable
                  placeholder={`${languageName(lang)} words and phrases`}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </div>
        {saveError && (
          <Alert color="red" variant="light" role="alert" data-testid="topic-error">
            {saveError}
          </Alert>
        )}
        <Group justify="space-between">
          <Group gap={8}>
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!dirty || form.name.trim() === ''} data-testid="topic-save">
              Save topic
            </Button>
            <Button variant="default" disabled={!dirty} onClick={formReverted}>
              Revert
            </Button>
          </Group>
          {openId && (
            <Tooltip label="Tags already on conversations stay until they are re-analysed">
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => confirmationAsked({ kind: 'delete', id: openId, name: form.name })}
                data-testid="topic-delete"
              >
                Delete topic
              </Button>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </form>
  );
}
