/**
 * The page's title row: how many templates there are, the agent's name for
 * {{agent.name}}, and the library's file actions (JSON import and export, shipped defaults).
 */
import { ActionIcon, Button, Group, Menu, Popover, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDots, IconDownload, IconRestore, IconUpload, IconUserEdit } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { toErrorInfo } from '../api';
import { countLabel } from '../format';
import { exportTemplateFile, importTemplateFile, saveAgentName } from './flows';
import { useTemplates } from './state';
import classes from './templates.module.css';

function AgentNameForm({ initial, onDone }: { initial: string; onDone: () => void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await saveAgentName(name.trim());
      onDone();
    } catch (caught) {
      setError(toErrorInfo(caught).message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextInput
        label="Your name in replies"
        description="Fills {{agent.name}} in the replies Hearken suggests. Left empty, each template's fallback is used."
        placeholder="Sam Rivera"
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          setError(null);
        }}
        error={error}
        maxLength={120}
        data-autofocus
        data-testid="agent-name-input"
      />
      <Group justify="flex-end" gap="xs" mt="sm">
        <Button size="compact-sm" variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button size="compact-sm" type="submit" loading={busy} data-testid="agent-name-save">
          Save name
        </Button>
      </Group>
    </form>
  );
}

function AgentName() {
  const agentName = useTemplates((s) => s.agentName);
  const [opened, setOpened] = useState(false);
  const shown = agentName?.trim() ? agentName.trim() : 'not set';
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} trapFocus withArrow shadow="md">
      <Popover.Target>
        <Button
          variant="default"
          size="compact-sm"
          h={30}
          leftSection={<IconUserEdit size={14} />}
          onClick={() => setOpened((o) => !o)}
          aria-label={`Your name in replies: ${shown}. Change it`}
          data-testid="agent-name-open"
        >
          <Text span size="sm" c="dimmed" mr={4}>
            Your name in replies:
          </Text>
          <span data-testid="agent-name">{shown}</span>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>{opened && <AgentNameForm initial={agentName ?? ''} onDone={() => setOpened(false)} />}</Popover.Dropdown>
    </Popover>
  );
}

export function LibraryHeader() {
  const count = useTemplates((s) => (s.phase === 'ready' ? s.templates.length : null));
  const ask = useTemplates((s) => s.confirmationAsked);
  return (
    <header className={classes.pageHeader}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <h2 className={classes.pageTitle} id="templates-title">
          Reply templates
        </h2>
        <div className={classes.pageSubtitle} data-testid="template-count">
          {count === null ? 'Loading…' : `${countLabel(count, 'template')} · suggested in replies by topic, keywords and language`}
        </div>
      </div>
      <Group gap={8} wrap="nowrap">
        <AgentName />
        <Tooltip label="Add or update templates from a Hearken templates file">
          <Button variant="default" size="compact-sm" h={30} leftSection={<IconUpload size={14} />} onClick={() => void importTemplateFile()} data-testid="templates-import">
            Import JSON…
          </Button>
        </Tooltip>
        <Tooltip label="Save every template to a file to share with your team">
          <Button
            variant="default"
            size="compact-sm"
            h={30}
            leftSection={<IconDownload size={14} />}
            disabled={count === 0}
            onClick={() => void exportTemplateFile()}
            data-testid="templates-export"
          >
            Export JSON…
          </Button>
        </Tooltip>
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="default" size={30} aria-label="More template library actions" data-testid="templates-more">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => ask('restoreDefaults')} data-testid="templates-restore">
              Restore default templates…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </header>
  );
}
