/**
 * Below the reply while it is an AI draft: that it is AI-written, the sources it was grounded
 * on (each opens what it names), the promises no source supports, and the text with its
 * [S1] markers as chips. While text streams in, a line says so; a failure offers Retry.
 */
import { Alert, Button, Group, Loader, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconBook2, IconChevronDown, IconChevronRight, IconHistory, IconRefresh, IconSparkles, IconTemplate } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { AiDraft, DraftSource, DraftSourceKind } from '../../../../shared/ai/schema';
import { useReplies } from '../../inbox/state/replies';
import { openSource, startDraft } from './draft-flows';
import { draftingLine, draftParts, promiseLines, sourceKindLabels } from './model';
import { isStreaming, useAiInbox } from './state';
import classes from './ai.module.css';

const kindIcons: Record<DraftSourceKind, typeof IconTemplate> = { template: IconTemplate, kb: IconBook2, reply: IconHistory };

function SourceChip({ source, cited }: { source: DraftSource; cited: boolean }) {
  const Icon = kindIcons[source.kind];
  return (
    <Tooltip label={`${sourceKindLabels[source.kind]}${cited ? '' : ' · retrieved, not cited'} · ${source.excerpt}`} multiline w={320} openDelay={300}>
      <UnstyledButton className={classes.sourceChip} data-cited={cited} onClick={() => openSource(source)} data-testid="ai-source" data-kind={source.kind} data-marker={source.marker}>
        <span className={classes.marker}>{source.marker}</span>
        <Icon size={13} stroke={1.6} aria-hidden />
        <span className={classes.sourceTitle}>{source.title}</span>
      </UnstyledButton>
    </Tooltip>
  );
}

function Preview({ draft }: { draft: AiDraft }) {
  const parts = useMemo(() => draftParts(draft.text, draft.unsupportedPromises), [draft.text, draft.unsupportedPromises]);
  const byMarker = new Map(draft.sources.map((s) => [s.marker, s]));
  return (
    <div className={classes.preview} data-testid="ai-draft-preview">
      {parts.map((part, i) => {
        if (part.kind === 'cite') {
          const source = byMarker.get(part.marker);
          return (
            <button
              key={i}
              type="button"
              className={classes.previewCite}
              onClick={() => source && openSource(source)}
              title={source ? `${sourceKindLabels[source.kind]}: ${source.title}` : part.marker}
              data-testid="ai-cite"
            >
              {part.marker}
            </button>
          );
        }
        if (part.promise) {
          return (
            <mark key={i} className={classes.promise} title="No source supports this promise" data-testid="ai-promise-mark">
              {part.text}
            </mark>
          );
        }
        return <span key={i}>{part.text}</span>;
      })}
    </div>
  );
}

function Finished({ draft, edited, roomy }: { draft: AiDraft; edited: boolean; roomy: boolean }) {
  // A short window keeps the marked-up copy folded: the box above already holds the text.
  const [showPreview, setShowPreview] = useState(roomy);
  const lines = promiseLines(draft.unsupportedPromises);
  const cited = new Set(draft.cited);
  // The sources a sentence rests on first; what was retrieved but not used waits behind a click.
  const [allSources, setAllSources] = useState(false);
  const shownSources = allSources || draft.cited.length === 0 ? draft.sources : draft.sources.filter((s) => cited.has(s.marker));
  const hiddenCount = draft.sources.length - shownSources.length;
  return (
    <>
      {lines.length > 0 && (
        <Alert variant="light" color="orange" py={6} px={10} icon={<IconAlertTriangle size={15} />} aria-label="Promises to check before sending" data-testid="ai-promises">
          {lines.map((line) => (
            <Text key={line} size="xs" data-testid="ai-promise">
              {line}
            </Text>
          ))}
        </Alert>
      )}
      {draft.sources.length > 0 ? (
        <div className={classes.sources} data-testid="ai-sources">
          <Text size="xs" fw={600} c="dimmed" component="span">
            Sources
          </Text>
          {shownSources.map((source) => (
            <SourceChip key={source.marker} source={source} cited={cited.has(source.marker)} />
          ))}
          {hiddenCount > 0 && (
            <UnstyledButton className={classes.quiet} onClick={() => setAllSources(true)} data-testid="ai-sources-more">
              +{hiddenCount} retrieved, not cited
            </UnstyledButton>
          )}
        </div>
      ) : (
        <Text size="xs" c="dimmed" data-testid="ai-sources-none">
          No template, article or earlier reply matched: this draft rests on the conversation alone.
        </Text>
      )}
      {!edited && (draft.cited.length > 0 || draft.unsupportedPromises.length > 0) && (
        <div>
          <UnstyledButton className={classes.quiet} onClick={() => setShowPreview(!showPreview)} aria-expanded={showPreview}>
            {showPreview ? <IconChevronDown size={13} aria-hidden /> : <IconChevronRight size={13} aria-hidden />}
            {showPreview ? 'The draft with its sources and promises marked' : 'Show the draft with its sources and promises marked'}
          </UnstyledButton>
          {showPreview && <Preview draft={draft} />}
        </div>
      )}
    </>
  );
}

/** The AI draft's panel for this conversation; nothing when the reply is not (or no longer) an AI draft. */
export function DraftPanel({ feedbackId, compact = false }: { feedbackId: string; compact?: boolean }) {
  const run = useAiInbox((s) => s.runs[feedbackId]);
  const draftText = useReplies((s) => s.drafts[feedbackId]?.text ?? '');
  const tiedTo = useReplies((s) => s.drafts[feedbackId]?.aiDraftId ?? null);
  if (!run) return null;
  if (run.phase === 'failed') {
    return (
      <Alert variant="light" color="red" p={8} icon={<IconAlertTriangle size={16} />} role="alert" data-testid="ai-draft-failed">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="xs">{run.error ?? 'The AI draft failed.'}</Text>
          <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={12} />} onClick={() => void startDraft(feedbackId, run.tone)} data-testid="ai-draft-retry">
            Retry
          </Button>
        </Group>
      </Alert>
    );
  }
  if (isStreaming(run)) {
    return (
      <div className={classes.quiet} data-testid="ai-draft-streaming" aria-live="polite">
        <Loader size={12} color="violet" />
        {draftingLine(run.tone, run.phase === 'starting')}
      </div>
    );
  }
  // The agent cleared it, sent it or started from a suggestion instead: the panel steps aside.
  if (run.draftId === null || tiedTo !== run.draftId || draftText === '') return null;
  const draft = run.draft;
  return (
    <div className={classes.aiPanel} data-testid="ai-draft-panel">
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        <span className={classes.aiNote} data-testid="ai-written">
          <IconSparkles size={13} aria-hidden /> AI-written — check before sending
          {run.phase === 'cancelled' && ' · stopped early'}
        </span>
        <Text size="xs" c="dimmed" truncate="end" title="Markers like [S1] say which source a sentence rests on. Mark as sent takes them out of the reply.">
          [S1] markers are taken out when sent
        </Text>
      </Group>
      {draft && <Finished draft={draft} edited={draftText !== draft.text} roomy={!compact} />}
    </div>
  );
}
