/**
 * How well the machine's help served the team in the period: what agents did with LLM
 * drafts and local suggestions, how often they corrected sentiment and topics (per
 * language and channel, so unequal quality shows), and the LLM's calls against the budget.
 * Beside each figure, its value in the comparison when the report has one.
 */
import { Paper, Text, Title } from '@mantine/core';
import { draftParts, editDistanceText, suggestionParts } from '../model-insights';
import { useReports } from '../state';
import { LlmUsage } from './LlmUsage';
import { OverrideTable } from './OverrideTable';
import classes from './quality.module.css';
import { ShareBar } from './ShareBar';

export function AiQualityPanel() {
  const report = useReports((s) => s.report);
  if (report === null) return null;
  const ai = report.primary.ai;
  const before = report.comparison?.ai ?? null;
  const drafts = draftParts(ai.drafts);
  const suggestions = suggestionParts(ai.suggestions);
  return (
    <section className={classes.panel} aria-labelledby="ai-quality-title" data-testid="ai-quality-panel">
      <div>
        <Title order={3} size="h5" id="ai-quality-title">
          AI quality
        </Title>
        <Text size="xs" c="dimmed">
          What agents kept, changed or set aside, and where they corrected the analysis{report.comparison ? `; “was” is ${report.comparison.label}` : ''}.
        </Text>
      </div>
      <div className={classes.grid}>
        <Paper withBorder p="md" radius="md" className={classes.block}>
          <div className={classes.blockTitle}>AI reply drafts</div>
          {drafts.total === 0 ? (
            <Text size="sm" c="dimmed" data-testid="drafts-none">
              No AI drafts were written in this period.
            </Text>
          ) : (
            <>
              <ShareBar parts={drafts.parts} total={drafts.total} previous={before ? draftParts(before.drafts).parts : null} label="What agents did with AI drafts" testId="drafts-bar" />
              <Text size="xs" c="dimmed" data-testid="drafts-edit-distance">
                Edits to a draft before sending: median {editDistanceText(ai.drafts.medianEditDistance)}, mean {editDistanceText(ai.drafts.meanEditDistance)}
              </Text>
            </>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" className={classes.block}>
          <div className={classes.blockTitle}>Local reply suggestions</div>
          {suggestions.total === 0 ? (
            <Text size="sm" c="dimmed" data-testid="suggestions-none">
              No replies were sent in this period.
            </Text>
          ) : (
            <ShareBar
              parts={suggestions.parts}
              total={suggestions.total}
              previous={before ? suggestionParts(before.suggestions).parts : null}
              label="What agents did with suggested replies"
              testId="suggestions-bar"
            />
          )}
        </Paper>
      </div>
      <Paper withBorder p="md" radius="md" className={classes.block}>
        <div className={classes.blockTitle}>Sentiment and topics corrected by people</div>
        <div className={classes.stack}>
          <OverrideTable dimension="language" groups={ai.overrides.byLanguage} comparison={before?.overrides.byLanguage ?? null} drill={report.primary.drill} />
          <OverrideTable dimension="channel" groups={ai.overrides.byChannel} comparison={before?.overrides.byChannel ?? null} drill={report.primary.drill} />
        </div>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <LlmUsage llm={ai.llm} previous={before?.llm ?? null} />
      </Paper>
    </section>
  );
}
