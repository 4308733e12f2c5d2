/**
 * How often people corrected the sentiment and topics the machine (local analysis or the
 * LLM) gave, per language or channel. A group clearly above the overall rate is flagged,
 * so analysis that serves some customers worse than others shows; each row opens its inbox.
 */
import { Badge, Progress, Table, Text, Tooltip } from '@mantine/core';
import { channelLabels, type Channel } from '../../../../shared/domain';
import { languageName } from '../../../../shared/languages';
import type { OverrideGroup } from '../../../../shared/reports/schema';
import { openInboxWith } from '../insights/open-inbox';
import { countText, groupDrill, overallRates, overrideRows, percentText, type OverrideRow } from '../model-insights';
import classes from './quality.module.css';

export type OverrideDimension = 'language' | 'channel';

function groupName(dimension: OverrideDimension, key: string): string {
  if (dimension === 'channel') return channelLabels[key as Channel] ?? key;
  return key === '' || key === 'und' || key === 'unknown' ? 'Unknown' : `${languageName(key)} (${key})`;
}

function RateCell({ rate, count, flag, previous }: { rate: number | null; count: number; flag: boolean; previous: number | null | undefined }) {
  return (
    <div className={classes.rateCell}>
      <Progress className={classes.rateBar} value={rate === null ? 0 : Math.min(100, rate * 100)} color={flag ? 'red' : 'blue'} size="sm" aria-hidden />
      <Text size="xs" className={classes.num} fw={flag ? 600 : 400} c={flag ? 'red' : undefined}>
        {percentText(rate)}
        <Text span size="xs" c="dimmed">
          {' '}
          ({countText(count)})
        </Text>
      </Text>
      {previous !== undefined && (
        <Text size="xs" c="dimmed" className={classes.num} data-testid="override-previous">
          was {percentText(previous)}
        </Text>
      )}
      {flag && (
        <Tooltip label="Clearly above the overall rate: the analysis may serve this group worse.">
          <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }} data-testid="override-flag">
            Above overall
          </Badge>
        </Tooltip>
      )}
    </div>
  );
}

function Row({ row, dimension, drill }: { row: OverrideRow; dimension: OverrideDimension; drill: Record<string, unknown> }) {
  const open = (): void => openInboxWith(groupDrill(drill, dimension, row.key));
  const name = groupName(dimension, row.key);
  return (
    <Table.Tr
      className={classes.row}
      tabIndex={0}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      }}
      aria-label={`${name}: open its conversations in the inbox`}
      data-testid="override-row"
      data-key={row.key}
      data-flagged={row.sentimentFlag || row.topicFlag}
    >
      <Table.Td>
        <Text size="sm">{name}</Text>
      </Table.Td>
      <Table.Td className={classes.num}>
        <Text size="xs">{countText(row.items)}</Text>
      </Table.Td>
      <Table.Td>
        <RateCell rate={row.sentimentRate} count={row.sentimentOverrides} flag={row.sentimentFlag} previous={row.previous?.sentimentRate} />
      </Table.Td>
      <Table.Td>
        <RateCell rate={row.topicRate} count={row.topicOverrides} flag={row.topicFlag} previous={row.previous?.topicRate} />
      </Table.Td>
    </Table.Tr>
  );
}

export function OverrideTable({
  dimension,
  groups,
  comparison,
  drill,
}: {
  dimension: OverrideDimension;
  groups: OverrideGroup[];
  comparison: OverrideGroup[] | null;
  drill: Record<string, unknown>;
}) {
  const title = dimension === 'language' ? 'By language' : 'By channel';
  if (groups.length === 0) {
    return (
      <div className={classes.block}>
        <div className={classes.blockTitle}>{title}</div>
        <Text size="sm" c="dimmed" data-testid={`overrides-${dimension}-none`}>
          No corrections to show for this period.
        </Text>
      </div>
    );
  }
  const rows = overrideRows(groups, comparison);
  const overall = overallRates(groups);
  return (
    <div className={classes.block} data-testid={`overrides-${dimension}`}>
      <div className={classes.blockTitle}>{title}</div>
      <Table.ScrollContainer minWidth={460}>
        <Table verticalSpacing={4} horizontalSpacing="xs" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{dimension === 'language' ? 'Language' : 'Channel'}</Table.Th>
              <Table.Th className={classes.num}>Items</Table.Th>
              <Table.Th>Sentiment corrected</Table.Th>
              <Table.Th>Topics corrected</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Row key={row.key} row={row} dimension={dimension} drill={drill} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  Overall
                </Text>
              </Table.Td>
              <Table.Td className={classes.num}>
                <Text size="xs" c="dimmed">
                  {countText(overall.items)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" data-testid="override-overall-sentiment">
                  {percentText(overall.sentiment)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {percentText(overall.topic)}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
