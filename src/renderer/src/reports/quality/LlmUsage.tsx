/** The period's LLM calls and tokens by purpose, and the month's use against the token budget. */
import { Group, Progress, Table, Text } from '@mantine/core';
import type { AiQuality } from '../../../../shared/reports/schema';
import { budgetUse, countText, purposeLabel, totalTokens } from '../model-insights';
import classes from './quality.module.css';

function Figure({ label, value, was, testId }: { label: string; value: string; was: string | null; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={600} className={classes.num} data-testid={testId}>
        {value}
      </Text>
      {was !== null && (
        <Text size="xs" c="dimmed" className={classes.num}>
          was {was}
        </Text>
      )}
    </div>
  );
}

export function LlmUsage({ llm, previous }: { llm: AiQuality['llm']; previous: AiQuality['llm'] | null }) {
  const budget = budgetUse(llm);
  const tokens = totalTokens(llm);
  return (
    <div className={classes.block} data-testid="llm-usage">
      <div className={classes.blockTitle}>LLM usage</div>
      <Group gap="xl">
        <Figure label="Calls" value={countText(llm.calls)} was={previous ? countText(previous.calls) : null} testId="llm-calls" />
        <Figure label="Failed" value={countText(llm.failed)} was={previous ? countText(previous.failed) : null} testId="llm-failed" />
        <Figure label="Tokens" value={countText(tokens)} was={previous ? countText(totalTokens(previous)) : null} testId="llm-tokens" />
      </Group>
      {llm.estimatedTokens > 0 && (
        <Text size="xs" c="dimmed">
          {countText(llm.estimatedTokens)} of the tokens are estimated: the server did not report its usage.
        </Text>
      )}
      {llm.byPurpose.length > 0 && (
        <Table verticalSpacing={2} horizontalSpacing="xs" fz="xs" data-testid="llm-by-purpose">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th className={classes.num}>Calls</Table.Th>
              <Table.Th className={classes.num}>Tokens</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {llm.byPurpose.map((p) => (
              <Table.Tr key={p.purpose}>
                <Table.Td>{purposeLabel(p.purpose)}</Table.Td>
                <Table.Td className={classes.num}>{countText(p.calls)}</Table.Td>
                <Table.Td className={classes.num}>{countText(p.tokens)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <div data-testid="llm-budget">
        {budget.percent !== null && <Progress value={budget.percent} color={budget.color} size="md" radius="xl" aria-label={`Monthly budget used: ${budget.percent}%`} />}
        <Text size="xs" mt={4} c={budget.percent === null ? 'dimmed' : undefined} data-testid="llm-budget-label">
          {budget.label}
        </Text>
      </div>
    </div>
  );
}
