/**
 * The editor: name, language, topics, keywords and the reply text with its placeholders,
 * checked as the agent writes, beside a live preview. Save with Mod+S; Revert, Duplicate
 * and Delete sit in the bar with how the template has fared.
 */
import { Alert, Button, Group, MultiSelect, Select, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowBackUp, IconCopy, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import type { Template } from '../../../shared/contract';
import { Shortcut } from '../common/Shortcut';
import { adviceFor } from '../common/errors';
import { saveDraft, switchRequested } from './flows';
import { usageSentence } from '../../../shared/template-words';
import { ANY_LANGUAGE, draftProblems, emptyDraft, keywordList, keywordText, languageOptions, placeholderToken, type Draft } from './model';
import { PlaceholderMenu } from './PlaceholderMenu';
import { ReplyField } from './ReplyField';
import { selectDirty, selectOpenTemplate, useTemplates } from './state';
import { TemplatePreview } from './TemplatePreview';
import classes from './templates.module.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateLabel = (at: number): string => dateFormat.format(at);

const edit = (patch: Partial<Draft>): void => useTemplates.getState().draftEdited(patch);

function usageDetail(template: Template): string {
  return `${usageSentence(template.usage)} · last changed ${dateLabel(template.updatedAt)}`;
}

function StatusLine() {
  const dirty = useTemplates(selectDirty);
  const isNew = useTemplates((s) => s.openId === null);
  const savedAt = useTemplates((s) => s.savedAt);
  const template = useTemplates(selectOpenTemplate);
  let status: { color: string; label: string };
  if (isNew) status = { color: 'var(--mantine-color-orange-filled)', label: 'New template · not saved yet' };
  else if (dirty) status = { color: 'var(--mantine-color-orange-filled)', label: 'Unsaved changes' };
  else if (savedAt !== null) status = { color: 'var(--mantine-color-teal-filled)', label: 'Saved' };
  else status = { color: 'var(--mantine-color-gray-5)', label: 'No changes' };
  return (
    <>
      <span className={classes.status} data-testid="template-status" data-dirty={dirty || isNew ? 'true' : 'false'} aria-live="polite">
        <span style={{ width: 7, height: 7, borderRadius: 7, background: status.color }} aria-hidden />
        {status.label}
      </span>
      <span className={classes.statusDetail} title={template ? usageDetail(template) : undefined}>
        {template ? usageDetail(template) : ''}
      </span>
    </>
  );
}

/**
 * A bar button whose word folds away when the editor is narrow (a small window), leaving
 * its icon, its name for screen readers and a tooltip, so the bar never clips.
 */
function barButton(name: string) {
  return {
    size: 'compact-sm',
    variant: 'subtle',
    'aria-label': name,
    title: name,
    className: classes.barButton,
    classNames: { label: classes.barLabel, section: classes.barSection },
  } as const;
}

function EditorBar() {
  const dirty = useTemplates(selectDirty);
  const isNew = useTemplates((s) => s.openId === null);
  const saving = useTemplates((s) => s.saving);
  const ask = useTemplates((s) => s.confirmationAsked);
  return (
    <div className={classes.editorBar} role="toolbar" aria-label="Template actions">
      <StatusLine />
      {isNew ? (
        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => useTemplates.getState().draftDiscarded()} data-testid="template-discard">
          Discard
        </Button>
      ) : (
        <>
          <Button
            {...barButton('Revert to the saved text')}
            color="gray"
            leftSection={<IconArrowBackUp size={14} />}
            disabled={!dirty}
            onClick={() => useTemplates.getState().draftReverted()}
            data-testid="template-revert"
          >
            Revert
          </Button>
          <Button {...barButton('Duplicate')} color="gray" leftSection={<IconCopy size={14} />} onClick={() => switchRequested({ kind: 'duplicate' })} data-testid="template-duplicate">
            Duplicate
          </Button>
          <Button {...barButton('Delete…')} color="red" leftSection={<IconTrash size={14} />} onClick={() => ask('delete')} data-testid="template-delete">
            Delete…
          </Button>
        </>
      )}
      <Tooltip label={<Group gap={6}>Save <Shortcut keys={['Mod+S']} /></Group>}>
        <Button
          size="compact-sm"
          h={30}
          px={12}
          style={{ flexShrink: 0 }}
          leftSection={<IconDeviceFloppy size={15} />}
          disabled={!dirty && !isNew}
          loading={saving}
          onClick={() => void saveDraft()}
          data-testid="template-save"
        >
          Save
        </Button>
      </Tooltip>
    </div>
  );
}

function SaveError() {
  const error = useTemplates((s) => s.saveError);
  const name = useTemplates((s) => s.draft?.name.trim());
  if (!error) return null;
  const advice = adviceFor(error, name ? `Saving “${name}”` : 'Saving the template');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={advice.title} role="alert" data-testid="template-save-error">
      {advice.message}
    </Alert>
  );
}

export function TemplateEditor() {
  const draft = useTemplates((s) => s.draft);
  const openId = useTemplates((s) => s.openId);
  const templates = useTemplates((s) => s.templates);
  const topics = useTemplates((s) => s.topics);
  const placeholders = useTemplates((s) => s.placeholders);
  const attempted = useTemplates((s) => s.attempted);
  const agentName = useTemplates((s) => s.agentName);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const current = draft ?? emptyDraft;
  // Problems show once the agent pauses, not at every keystroke of a half-typed {{placeholder}}.
  const [settled] = useDebouncedValue(current, 450);
  const problems = useMemo(() => draftProblems(attempted ? current : settled, templates, openId), [attempted, current, settled, templates, openId]);
  const topicOptions = useMemo(() => [...new Set([...topics, ...current.topics])], [topics, current.topics]);
  const keywords = useMemo(() => keywordList(current.keywords), [current.keywords]);

  if (draft === null) return null;
  // An empty field is only a problem once the agent tries to save; a clash or a bad placeholder shows at once.
  const nameError = problems.name !== null && (attempted || settled.name.trim() !== '') ? problems.name : null;
  const bodyError = problems.body !== null && (attempted || settled.body.trim() !== '') ? problems.body : null;

  function insertPlaceholder(key: string): void {
    const element = bodyRef.current;
    const body = useTemplates.getState().draft?.body ?? '';
    const start = element?.selectionStart ?? body.length;
    const end = element?.selectionEnd ?? start;
    const token = placeholderToken(key);
    edit({ body: body.slice(0, start) + token.text + body.slice(end) });
    window.requestAnimationFrame(() => {
      if (!element) return;
      element.focus();
      // The fallback is selected, ready to be replaced by the agent's own words.
      if (token.fallback !== null) {
        const fallbackEnd = start + token.text.length - 2;
        element.setSelectionRange(fallbackEnd - token.fallback.length, fallbackEnd);
      } else element.setSelectionRange(start + token.text.length, start + token.text.length);
    });
  }

  return (
    <div className={classes.editor} data-testid="template-editor">
      <EditorBar />
      <div className={classes.editorScroll} data-testid="template-editor-scroll">
        <form
          className={classes.editorInner}
          noValidate
          aria-label="Edit the template"
          onSubmit={(event) => {
            event.preventDefault();
            void saveDraft();
          }}
        >
          <SaveError />
          <div className={classes.nameRow}>
            <TextInput
              label="Name"
              placeholder="Topic: what it answers"
              description="Shown in the composer's suggestions"
              value={draft.name}
              onChange={(event) => edit({ name: event.currentTarget.value })}
              error={nameError}
              maxLength={120}
              classNames={{ input: classes.nameInput }}
              data-template-focus="name"
              data-testid="template-name"
            />
            <Select
              label="Language"
              description="Suggested in this language"
              data={languageOptions(draft.language)}
              value={draft.language ?? ANY_LANGUAGE}
              onChange={(value) => edit({ language: value === null || value === ANY_LANGUAGE ? null : value })}
              allowDeselect={false}
              data-testid="template-language"
            />
          </div>
          <div className={classes.props}>
            <MultiSelect
              label="Topics"
              description="Suggested first for these topics"
              placeholder={draft.topics.length === 0 ? 'Any topic' : undefined}
              data={topicOptions}
              value={draft.topics}
              onChange={(value) => edit({ topics: value })}
              searchable
              clearable
              nothingFoundMessage="No such topic"
              data-testid="template-topics"
            />
            <TagsInput
              label="Keywords"
              description="Words that bring it up, comma-separated"
              placeholder={keywords.length === 0 ? 'refund, money back' : undefined}
              value={keywords}
              onChange={(value) => edit({ keywords: keywordText(value) })}
              splitChars={[',']}
              clearable
              data-testid="template-keywords"
            />
          </div>
          <div className={classes.compose}>
            <div>
              <div className={classes.fieldHead}>
                <label className={classes.fieldLabel} htmlFor="template-body">
                  Reply
                </label>
                <PlaceholderMenu placeholders={placeholders} onInsert={insertPlaceholder} />
              </div>
              <ReplyField textareaRef={bodyRef} value={draft.body} onChange={(body) => edit({ body })} error={bodyError} />
              <p className={classes.hint} id="template-body-hint">
                Placeholders are filled in when the template is suggested for a conversation. Add a fallback after a bar for when the value is unknown:{' '}
                <code>{'{{customer.first_name|there}}'}</code> reads “Hi there” for a customer known only by a handle. An empty fallback,{' '}
                <code>{'{{customer.first_name|}}'}</code>, leaves the name out.
              </p>
            </div>
            <TemplatePreview body={draft.body} placeholders={placeholders} agentName={agentName} />
          </div>
        </form>
      </div>
    </div>
  );
}
