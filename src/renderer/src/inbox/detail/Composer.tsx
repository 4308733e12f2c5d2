/**
 * The reply: suggested replies to start from (templates and earlier replies, each saying
 * why), the draft, and Mark as sent. A suggestion is only ever a starting point: the agent
 * reads, edits and decides (the outcome, unchanged or edited, is recorded for the
 * AI-quality figures).
 */
import { ActionIcon, Alert, Badge, Button, Group, HoverCard, Loader, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconChevronDown, IconChevronRight, IconHistory, IconSend, IconSparkles, IconTemplate, IconX } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Suggestion } from '../../../../shared/contract';
import { channelLabels, type Channel } from '../../../../shared/domain';
import { compareToSuggestion, unfilledPlaceholders } from '../../../../shared/templates';
import { Shortcut } from '../../common/Shortcut';
import { discardDraft, loadSuggestions, markSent, pickSuggestion } from '../flows/replies';
import { registerFocusTarget } from '../keyboard/focus';
import { adviceFor } from '../../common/errors';
import { draftOf, useReplies } from '../state/replies';
import { AiDraftButton, ReplaceQuestion } from '../../ai/inbox/DraftControls';
import { DraftPanel } from '../../ai/inbox/DraftPanel';
import { loadDraft } from '../../ai/inbox/draft-flows';
import { isStreaming, useAiInbox } from '../../ai/inbox/state';
import classes from './detail.module.css';
import aiClasses from '../../ai/inbox/ai.module.css';

const SUGGEST_AFTER_MS = 250;
/** From this window height the suggestions show as rows with their reasons; below, a strip. */
const tallFrom = 880;

function SuggestionRow({ suggestion, rank, onPick, replacing }: { suggestion: Suggestion; rank: number; onPick: () => void; replacing: boolean }) {
  const Icon = suggestion.kind === 'template' ? IconTemplate : IconHistory;
  return (
    <HoverCard width={440} position="top-start" openDelay={450} shadow="md" withinPortal>
      <HoverCard.Target>
        <UnstyledButton
          className={classes.suggestion}
          onClick={onPick}
          data-testid="suggestion"
          data-kind={suggestion.kind}
          aria-label={`${replacing ? 'Replace the draft with' : 'Start from'} ${suggestion.title}. ${suggestion.reason}`}
        >
          <Icon size={16} stroke={1.6} className={classes.suggestionIcon} aria-hidden />
          <span className={classes.suggestionText}>
            <span className={classes.suggestionTitle}>{suggestion.title}</span>
            <span className={classes.suggestionReason} data-testid="suggestion-reason">
              {suggestion.reason}
            </span>
          </span>
          <span className={classes.suggestionKey}>
            <Shortcut keys={[`Alt+${rank}`]} />
          </span>
        </UnstyledButton>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Text size="xs" c="dimmed" mb={6}>
          {suggestion.kind === 'template' ? 'Template' : 'Earlier reply'}, filled for this customer · {suggestion.reason}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={14}>
          {suggestion.text}
        </Text>
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

function Suggestions({ feedbackId, replacing, compact }: { feedbackId: string; replacing: boolean; compact: boolean }) {
  const state = useReplies((s) => s.suggestions[feedbackId]);
  const picked = useReplies((s) => s.drafts[feedbackId]?.picked ?? null);
  const aiDraftId = useReplies((s) => s.drafts[feedbackId]?.aiDraftId ?? null);
  // Once a suggestion or an AI draft is in the box, the list steps aside for the editor (until reopened).
  const pickedKey = picked ? `${picked.suggestion.kind}:${picked.suggestion.sourceId}` : aiDraftId ? `ai:${aiDraftId}` : '';
  const [toggled, setToggled] = useState<{ key: string; open: boolean } | null>(null);
  const open = toggled?.key === pickedKey ? toggled.open : pickedKey === '';
  const setOpen = (next: boolean): void => setToggled({ key: pickedKey, open: next });

  if (!state || state.status === 'loading') {
    return (
      <Group gap={6} h={22} data-testid="suggestions-loading">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Finding replies to start from…
        </Text>
      </Group>
    );
  }
  if (state.status === 'failed') {
    const advice = adviceFor(state.error, 'Finding suggested replies');
    return (
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="red" role="alert">
          {advice.message}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void loadSuggestions(feedbackId, true)}>
          Try again
        </Button>
      </Group>
    );
  }
  if (state.items.length === 0) {
    return (
      <Text size="xs" c="dimmed" data-testid="suggestions-none">
        Nothing fits this conversation closely enough to suggest. Write a reply, and it will be offered for similar ones.
      </Text>
    );
  }
  const list = (
    <div className={classes.suggestions} role="list" aria-label="Suggested replies">
      {state.items.map((s, i) => (
        <div role="listitem" key={`${s.kind}:${s.sourceId}`} className={classes.suggestionItem}>
          <SuggestionRow suggestion={s} rank={i + 1} replacing={replacing} onPick={() => pickSuggestion(feedbackId, s, i + 1)} />
        </div>
      ))}
    </div>
  );
  // A short window: one strip of titles that opens into rows with reasons while focused.
  if (compact) {
    return (
      <div className={classes.suggestionStrip} data-testid="suggestions" data-compact>
        <IconSparkles size={14} stroke={1.6} aria-hidden className={classes.stripIcon} />
        {list}
      </div>
    );
  }
  return (
    <div data-testid="suggestions">
      <UnstyledButton className={classes.suggestionsToggle} onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
        <IconSparkles size={14} stroke={1.6} aria-hidden />
        <Text size="xs" fw={600} c="dimmed" component="span">
          Suggested replies ({state.items.length})
        </Text>
      </UnstyledButton>
      {open && list}
    </div>
  );
}

/** How far the draft has moved from the suggestion it started from. */
function PickedFrom({ feedbackId }: { feedbackId: string }) {
  const { text, picked } = useReplies(draftOf(feedbackId));
  const comparison = useMemo(() => (picked ? compareToSuggestion(picked.suggestion.text, text) : null), [picked, text]);
  if (!picked || !comparison) return null;
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" data-testid="picked-from">
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" truncate="end">
          From {picked.suggestion.kind === 'template' ? 'template' : 'an earlier reply'} “{picked.suggestion.title}”
        </Text>
        <Badge size="xs" variant="light" color={comparison.outcome === 'unchanged' ? 'gray' : 'blue'} data-testid="draft-outcome">
          {comparison.outcome === 'unchanged' ? 'As suggested' : 'Edited'}
        </Badge>
      </Group>
      <Tooltip label="Set this suggestion aside and clear the draft">
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} />} onClick={() => discardDraft(feedbackId)} data-testid="discard-draft">
          Discard
        </Button>
      </Tooltip>
    </Group>
  );
}

/** Room for the reply: suggestions to start from, the draft, and Mark as sent. */
export const Composer = memo(function Composer({ feedbackId, customerName, channel }: { feedbackId: string; customerName: string | null; channel: Channel }) {
  const compact = useMediaQuery(`(max-height: ${tallFrom - 0.02}px)`, window.innerHeight < tallFrom, { getInitialValueInEffect: false });
  const { text, picked } = useReplies(draftOf(feedbackId));
  const sending = useReplies((s) => s.sending === feedbackId);
  // While an AI draft streams in, the box is its to write: typing waits until it is done or stopped.
  const streaming = useAiInbox((s) => isStreaming(s.runs[feedbackId]));
  const [problem, setProblem] = useState<string | null>(null);
  const setField = useCallback((node: HTMLTextAreaElement | null) => registerFocusTarget('reply', node), []);
  const unfilled = useMemo(() => unfilledPlaceholders(text), [text]);

  // Suggestions are asked for once the conversation stays open a moment: an agent moving
  // through the list with j/k should not queue a search per row ahead of the next row.
  useEffect(() => {
    const timer = window.setTimeout(() => void loadSuggestions(feedbackId), SUGGEST_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [feedbackId]);
  useEffect(() => {
    void loadDraft(feedbackId);
  }, [feedbackId]);

  const send = async (): Promise<void> => {
    const result = await markSent(feedbackId, channelLabels[channel].toLowerCase());
    setProblem(result.ok ? null : result.reason);
  };

  return (
    <div className={classes.composer} data-testid="composer" data-filled={text !== '' || undefined}>
      <div className={aiClasses.composerTop}>
        <div className={aiClasses.composerTopMain}>
          <Suggestions feedbackId={feedbackId} replacing={text.trim() !== '' && picked === null} compact={compact} />
        </div>
        <AiDraftButton feedbackId={feedbackId} compact={compact} />
      </div>
      <PickedFrom feedbackId={feedbackId} />
      <Textarea
        ref={setField}
        aria-label={`Reply${customerName ? ` to ${customerName}` : ''}`}
        placeholder={streaming ? 'The AI draft appears here as it is written…' : `Write a reply${customerName ? ` to ${customerName}` : ''}, or start from a suggestion…  (r)`}
        // Grows with the text by CSS (field-sizing), not by measuring in script: the JS
        // autosize forced a layout of the whole pane on every conversation opened.
        classNames={{ input: picked ? classes.replyInputPicked : classes.replyInput }}
        value={text}
        readOnly={streaming}
        aria-busy={streaming || undefined}
        onChange={(event) => {
          useReplies.getState().draftEdited(feedbackId, event.currentTarget.value);
          if (problem) setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void send();
          }
        }}
        size="sm"
        data-testid="reply-input"
      />
      <ReplaceQuestion feedbackId={feedbackId} />
      <DraftPanel feedbackId={feedbackId} compact={compact} />
      {unfilled.length > 0 && (
        <Alert variant="light" color="yellow" p={6} icon={<IconAlertTriangle size={14} />} data-testid="unfilled-placeholders">
          <Text size="xs">
            Replace {unfilled.map((k) => `{{${k}}}`).join(', ')} before sending: this conversation has no value for {unfilled.length === 1 ? 'it' : 'them'}.
          </Text>
        </Alert>
      )}
      {problem && (
        <Text size="xs" c="red" role="alert" data-testid="send-problem">
          {problem}
        </Text>
      )}
      <Group justify="space-between" wrap="nowrap" gap="sm" className={classes.composerFooter}>
        <Text size="xs" c="dimmed" style={{ minWidth: 0 }} lineClamp={2}>
          Records the reply, sets <b>Replied</b> and copies it for the {channelLabels[channel].toLowerCase()} channel.
        </Text>
        <Group gap={6} wrap="nowrap">
          {text !== '' && picked === null && !streaming && (
            <Tooltip label="Clear the draft">
              <ActionIcon variant="subtle" color="gray" aria-label="Clear the draft" onClick={() => discardDraft(feedbackId)}>
                <IconArrowBackUp size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Button
            size="compact-sm"
            leftSection={<IconSend size={14} />}
            rightSection={<Shortcut keys={['Mod+Enter']} />}
            onClick={() => void send()}
            loading={sending}
            disabled={text.trim() === '' || unfilled.length > 0 || streaming}
            data-testid="mark-sent"
          >
            Mark as sent
          </Button>
        </Group>
      </Group>
    </div>
  );
});
