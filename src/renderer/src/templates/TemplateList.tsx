/**
 * The library's left column: search, order, "New template", and the templates grouped by
 * language with their topics and how often they were sent unchanged. Arrow keys move
 * between templates; Enter or a click opens one.
 */
import { ActionIcon, Button, CloseButton, Group, Highlight, Menu, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowsSort, IconCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { Template } from '../../../shared/contract';
import { Shortcut } from '../common/Shortcut';
import { switchRequested } from './flows';
import { arrangeTemplates, languageLabel, searchTerms, sortLabels, usageLabel, type TemplateSort } from './model';
import { selectDirty, useTemplates } from './state';
import classes from './templates.module.css';

function SortMenu() {
  const sort = useTemplates((s) => s.sort);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Tooltip label={`Order: ${sortLabels[sort]}`}>
          <ActionIcon variant="default" size={30} aria-label={`Order: ${sortLabels[sort]}`} data-testid="template-sort">
            <IconArrowsSort size={15} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Order templates</Menu.Label>
        {(Object.keys(sortLabels) as TemplateSort[]).map((option) => (
          <Menu.Item
            key={option}
            leftSection={option === sort ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
            onClick={() => useTemplates.getState().sortChanged(option)}
          >
            {sortLabels[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function SearchField() {
  const search = useTemplates((s) => s.search);
  return (
    <TextInput
      size="sm"
      flex={1}
      placeholder="Search templates"
      aria-label="Search templates by name, keywords or text"
      leftSection={<IconSearch size={15} />}
      rightSection={
        search ? (
          <CloseButton size="sm" aria-label="Clear the search" onClick={() => useTemplates.getState().searchChanged('')} />
        ) : (
          <Shortcut keys={['/']} />
        )
      }
      value={search}
      onChange={(event) => useTemplates.getState().searchChanged(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && search) {
          event.stopPropagation();
          useTemplates.getState().searchChanged('');
        } else if (event.key === 'ArrowDown') {
          event.preventDefault();
          document.querySelector<HTMLElement>('[data-template-focus="list"] button')?.focus();
        }
      }}
      data-template-focus="search"
      data-testid="template-search"
    />
  );
}

function TemplateRow({ template, current, dirty, terms }: { template: Template; current: boolean; dirty: boolean; terms: string[] }) {
  const shownTopics = template.topics.slice(0, 2);
  return (
    <li>
      <button
        type="button"
        className={classes.item}
        aria-current={current ? 'true' : undefined}
        onClick={() => switchRequested({ kind: 'open', id: template.id })}
        data-testid="template-item"
        data-id={template.id}
        data-name={template.name}
      >
        <span className={classes.itemLine}>
          {dirty && <span className={classes.unsavedDot} aria-label="Unsaved changes" role="img" />}
          <Highlight component="span" highlight={terms} className={classes.itemName}>
            {template.name}
          </Highlight>
          <span className={classes.lang} title={languageLabel(template.language)} aria-label={languageLabel(template.language)}>
            {template.language ?? 'Any'}
          </span>
        </span>
        <span className={classes.itemMeta}>
          <span className={classes.topics}>
            {shownTopics.map((topic) => (
              <span key={topic} className={classes.topic}>
                {topic}
              </span>
            ))}
            {template.topics.length > shownTopics.length && <span>+{template.topics.length - shownTopics.length}</span>}
          </span>
          <span className={classes.usage} title={usageLabel(template.usage)} data-testid="template-usage">
            {usageLabel(template.usage)}
          </span>
        </span>
      </button>
    </li>
  );
}

function NewDraftRow({ name }: { name: string }) {
  return (
    <ul className={classes.group}>
      <li>
        <button type="button" className={classes.item} aria-current="true" data-testid="template-item-new" onClick={() => document.querySelector<HTMLElement>('[data-template-focus="name"]')?.focus()}>
          <span className={classes.itemLine}>
            <span className={classes.unsavedDot} aria-label="Not saved yet" role="img" />
            <span className={`${classes.itemName} ${name ? '' : classes.itemNew}`}>{name || 'Untitled template'}</span>
          </span>
          <span className={classes.itemMeta}>New · not saved yet</span>
        </button>
      </li>
    </ul>
  );
}

/** Up and down move between the list's buttons, Home and End jump to the ends. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  const step = keys[event.key];
  if (step === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
  if (buttons.length === 0) return;
  event.preventDefault();
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (step === -1 && at <= 0) {
    document.querySelector<HTMLElement>('[data-template-focus="search"]')?.focus();
    return;
  }
  const next = step === -Infinity ? 0 : step === Infinity ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, at + step));
  buttons[next]?.focus();
  buttons[next]?.scrollIntoView({ block: 'nearest' });
}

export function TemplateList() {
  const templates = useTemplates((s) => s.templates);
  const search = useTemplates((s) => s.search);
  const sort = useTemplates((s) => s.sort);
  const openId = useTemplates((s) => s.openId);
  const newDraft = useTemplates((s) => (s.openId === null && s.draft !== null ? s.draft.name : null));
  const dirty = useTemplates(selectDirty);
  const groups = useMemo(() => arrangeTemplates(templates, search, sort), [templates, search, sort]);
  const terms = useMemo(() => searchTerms(search).length > 0 ? search.trim().split(/\s+/) : [], [search]);
  const shown = groups.reduce((n, g) => n + g.templates.length, 0);
  const drafting = newDraft !== null;

  // The open template stays in sight when it changes from elsewhere (a save, an import, Undo).
  useEffect(() => {
    document.querySelector('[data-template-focus="list"] [aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [openId, drafting]);

  return (
    <div className={classes.listPane}>
      <div className={classes.listTools}>
        <Group gap={8} wrap="nowrap">
          <SearchField />
          <SortMenu />
        </Group>
        <Button fullWidth size="sm" leftSection={<IconPlus size={15} />} onClick={() => switchRequested({ kind: 'new' })} data-testid="template-new">
          New template
        </Button>
      </div>
      <div className={classes.listScroll} onKeyDown={moveFocus} data-template-focus="list" role="navigation" aria-label="Templates">
        {newDraft !== null && <NewDraftRow name={newDraft} />}
        {shown === 0 && templates.length > 0 && (
          <Group justify="center" p="lg" gap={6} style={{ flexDirection: 'column' }}>
            <Text size="sm" c="dimmed" ta="center" data-testid="template-no-match">
              No template matches “{search.trim()}”.
            </Text>
            <Button size="compact-sm" variant="subtle" onClick={() => useTemplates.getState().searchChanged('')}>
              Clear the search
            </Button>
          </Group>
        )}
        {groups.map((group) => (
          <section key={group.key} aria-label={group.label ?? 'Templates'}>
            {group.label !== null && (
              <h3 className={classes.groupLabel}>
                <span>{group.label}</span>
                <span aria-label={`${group.templates.length} templates`}>{group.templates.length}</span>
              </h3>
            )}
            <ul className={classes.group}>
              {group.templates.map((template) => (
                <TemplateRow key={template.id} template={template} current={template.id === openId} dirty={dirty && template.id === openId} terms={terms} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
