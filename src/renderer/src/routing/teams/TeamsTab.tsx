/**
 * Teams and tiers items are escalated to: name, e-mail, and an optional webhook that is off
 * until someone turns it on. The core refuses to delete a team that open escalations or
 * rules still name; its message is shown as it is.
 */
import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure } from '../../common/notify';
import type { EscalationTarget } from '../../../../shared/escalation/schema';
import classes from '../routing.module.css';

interface TeamForm {
  id: string | null;
  name: string;
  email: string;
  webhookUrl: string;
  webhookEnabled: boolean;
}

const blankTeam: TeamForm = { id: null, name: '', email: '', webhookUrl: '', webhookEnabled: false };
const formOf = (t: EscalationTarget): TeamForm => ({ id: t.id, name: t.name, email: t.email ?? '', webhookUrl: t.webhookUrl ?? '', webhookEnabled: t.webhookEnabled });
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function TeamDialog({ form, closed, saved }: { form: TeamForm | null; closed(): void; saved(): void }) {
  const [draft, setDraft] = useState<TeamForm>(blankTeam);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [shownFor, setShownFor] = useState<TeamForm | null>(null);
  if (form !== shownFor) {
    // A new team or another one opened: start from it (set during render, not in an effect).
    setShownFor(form);
    setDraft(form ?? blankTeam);
    setError(null);
  }
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const input = { name: draft.name, email: orNull(draft.email), webhookUrl: orNull(draft.webhookUrl), webhookEnabled: draft.webhookEnabled };
      await call('escalation.targets.save', draft.id === null ? input : { ...input, id: draft.id });
      saved();
    } catch (failure) {
      setError(toErrorInfo(failure).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened={form !== null} onClose={closed} title={draft.id === null ? 'New team' : `Edit ${form?.name ?? 'team'}`} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <TextInput label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} required data-autofocus data-testid="team-name" />
          <TextInput
            label="E-mail"
            description="Where the handoff e-mail goes. Optional."
            placeholder="billing@example.com"
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            data-testid="team-email"
          />
          <TextInput
            label="Webhook address"
            placeholder="https://hooks.example.com/hearken"
            value={draft.webhookUrl}
            onChange={(e) => setDraft({ ...draft, webhookUrl: e.currentTarget.value })}
            data-testid="team-webhook-url"
          />
          <Switch
            label="Send a webhook"
            description="Posts a JSON summary of each escalation to this address. Every call is recorded in the outbound log."
            checked={draft.webhookEnabled}
            onChange={(e) => setDraft({ ...draft, webhookEnabled: e.currentTarget.checked })}
            disabled={draft.webhookUrl.trim() === '' && !draft.webhookEnabled}
            data-testid="team-webhook-enabled"
          />
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="team-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap={8}>
            <Button variant="default" onClick={closed}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} data-testid="team-save">
              Save team
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Reads the teams; an answer overtaken by a newer read is dropped. A failure is a toast with Retry. */
async function readTargets(generation: { current: number }, loaded: (targets: EscalationTarget[]) => void): Promise<void> {
  const mine = ++generation.current;
  try {
    const { targets } = await call('escalation.targets.list', {});
    if (mine === generation.current) loaded(targets);
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the teams', () => void readTargets(generation, loaded));
  }
}

export function TeamsTab() {
  const [targets, setTargets] = useState<EscalationTarget[] | null>(null);
  const [editing, setEditing] = useState<TeamForm | null>(null);
  const [deleting, setDeleting] = useState<EscalationTarget | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(() => readTargets(generation, setTargets), []);

  useEffect(() => {
    void load();
    const offs = [onEvent('escalations.changed', () => void load()), onEvent('rules.changed', () => void load())];
    return () => offs.forEach((off) => off());
  }, [load]);

  const remove = async (target: EscalationTarget) => {
    try {
      await call('escalation.targets.delete', { id: target.id });
      setDeleting(null);
      void load();
    } catch (failure) {
      setDeleteError(toErrorInfo(failure).message);
    }
  };

  return (
    <div className={classes.scroll}>
      <Stack gap="md" maw={1000}>
        <Group justify="space-between" align="flex-end">
          <Text size="sm" c="dimmed" maw={620}>
            Where conversations are escalated to. The handoff goes by e-mail when a team has an address; a webhook is sent only when it is switched on.
          </Text>
          <Button size="compact-sm" h={30} leftSection={<IconPlus size={14} />} onClick={() => setEditing({ ...blankTeam })} data-testid="team-new">
            Add team
          </Button>
        </Group>
        <Table verticalSpacing="sm" highlightOnHover data-testid="teams-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Webhook</Table.Th>
              <Table.Th ta="right">Open</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(targets ?? []).map((t) => (
              <Table.Tr key={t.id} data-testid="team-row">
                <Table.Td fw={600}>{t.name}</Table.Td>
                <Table.Td>{t.email ?? <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                <Table.Td>
                  {t.webhookUrl === null ? (
                    <Text span c="dimmed" size="sm">
                      None
                    </Text>
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <Badge size="sm" variant={t.webhookEnabled ? 'light' : 'outline'} color={t.webhookEnabled ? 'teal' : 'gray'} leftSection={<IconWebhook size={11} />}>
                        {t.webhookEnabled ? 'On' : 'Off'}
                      </Badge>
                      <Text size="xs" c="dimmed" className={classes.ellipsis} maw={260} title={t.webhookUrl}>
                        {hostOf(t.webhookUrl)}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t.open}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Edit" openDelay={300}>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(formOf(t))} aria-label={`Edit ${t.name}`} data-testid="team-edit">
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete" openDelay={300}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setDeleteError(null);
                          setDeleting(t);
                        }}
                        aria-label={`Delete ${t.name}`}
                        data-testid="team-delete"
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <TeamDialog
        form={editing}
        closed={() => setEditing(null)}
        saved={() => {
          setEditing(null);
          void load();
        }}
      />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={`Delete the team “${deleting?.name ?? ''}”?`} centered>
        <Text size="sm">It is no longer offered when escalating. Past escalations keep its name.</Text>
        {deleteError && (
          <Alert color="red" variant="light" role="alert" mt="md" data-testid="team-delete-error">
            {deleteError}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg" gap={8}>
          <Button variant="default" onClick={() => setDeleting(null)}>
            {deleteError ? 'Close' : 'Cancel'}
          </Button>
          {!deleteError && (
            <Button color="red" onClick={() => deleting && void remove(deleting)} data-testid="team-delete-confirm" data-autofocus>
              Delete team
            </Button>
          )}
        </Group>
      </Modal>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
