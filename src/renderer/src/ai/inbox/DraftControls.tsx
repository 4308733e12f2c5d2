/**
 * The composer's AI draft: a button with its tones (and Regenerate once there is one), Stop
 * while text streams in, and the question asked before the agent's own words are replaced.
 */
import { Alert, Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconPlayerStop, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { replyTones } from '../../../../shared/ai/schema';
import { cancelDraft, replaceAnswered, requestDraft } from './draft-flows';
import { toneLabels } from './model';
import { isStreaming, useAiInbox } from './state';

const toneHints = { friendly: 'Warm and plain', formal: 'Courteous and exact', brief: 'A few lines', apologetic: 'Owns the problem first' } as const;

/** The AI draft button; nothing when no endpoint is ready. */
export function AiDraftButton({ feedbackId, compact = false }: { feedbackId: string; compact?: boolean }) {
  const ready = useAiInbox((s) => s.status?.ready ?? false);
  const run = useAiInbox((s) => s.runs[feedbackId]);
  if (!ready && !run) return null;
  if (isStreaming(run)) {
    return (
      <Button size="compact-sm" variant="light" color="gray" leftSection={<IconPlayerStop size={14} />} onClick={() => void cancelDraft(feedbackId)} disabled={!run?.draftId} data-testid="ai-draft-stop">
        Stop
      </Button>
    );
  }
  const last = run?.tone ?? null;
  return (
    <Menu position="top-end" withinPortal shadow="md" width={230}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="light"
          color="violet"
          leftSection={<IconSparkles size={14} />}
          rightSection={<IconChevronDown size={12} />}
          disabled={!ready}
          aria-label="AI draft"
          title={compact ? 'AI draft (Shift+R)' : 'A reply drafted by the AI model, grounded on templates, articles and earlier replies (Shift+R)'}
          data-testid="ai-draft"
        >
          {compact ? 'AI' : 'AI draft'}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {last && (
          <>
            <Menu.Item leftSection={<IconRefresh size={14} />} onClick={() => requestDraft(feedbackId, last)} data-testid="ai-draft-regenerate">
              Regenerate ({toneLabels[last].toLowerCase()})
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        <Menu.Label>Write a draft that is…</Menu.Label>
        {replyTones.map((tone) => (
          <Menu.Item key={tone} onClick={() => requestDraft(feedbackId, tone)} data-testid={`ai-draft-tone-${tone}`}>
            <Text size="sm">{toneLabels[tone]}</Text>
            <Text size="xs" c="dimmed">
              {toneHints[tone]}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** "Replace your draft?" before an AI draft takes the place of the agent's words. */
export function ReplaceQuestion({ feedbackId }: { feedbackId: string }) {
  const tone = useAiInbox((s) => s.replacing[feedbackId] ?? null);
  if (tone === null) return null;
  return (
    <Alert variant="light" color="violet" p={8} data-testid="ai-draft-replace">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="xs">Replace what you wrote with a {toneLabels[tone].toLowerCase()} AI draft? Undo brings your words back.</Text>
        <Group gap={6} wrap="nowrap">
          <Button size="compact-xs" variant="default" onClick={() => replaceAnswered(feedbackId, false)} data-testid="ai-draft-keep">
            Keep mine
          </Button>
          <Button size="compact-xs" color="violet" onClick={() => replaceAnswered(feedbackId, true)} data-testid="ai-draft-replace-confirm">
            Replace
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
