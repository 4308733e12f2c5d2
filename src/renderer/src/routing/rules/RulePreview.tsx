/** What the draft would match now: the count and the first conversations, each opening in the inbox. */
import { Loader, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { ageLabel } from '../../format';
import { useNow } from '../../inbox/useNow';
import classes from '../routing.module.css';
import { previewItemOpened } from './flows';
import { useRules } from '../model/rules-store';

const countFormat = new Intl.NumberFormat();

export function RulePreview() {
  const preview = useRules((s) => s.preview);
  const count = preview.state === 'ready' || preview.state === 'loading' ? preview.count : null;
  const items = preview.state === 'ready' || preview.state === 'loading' ? preview.items : [];
  const now = useNow();
  return (
    <aside className={classes.previewPanel} aria-label="Preview" data-testid="rule-preview">
      <div className={classes.previewHead}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
          Preview
        </Text>
        {preview.state === 'invalid' || preview.state === 'failed' ? (
          <Text size="sm" c={preview.state === 'failed' ? 'red' : 'dimmed'} mt={4} data-testid="rule-preview-problem" style={{ display: 'flex', gap: 6 }}>
            <IconAlertCircle size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            {preview.message || 'Finish the conditions to see what the rule matches.'}
          </Text>
        ) : count === null ? (
          <Text size="sm" c="dimmed" mt={4} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Loader size={12} /> Counting…
          </Text>
        ) : (
          <Text size="sm" mt={4} style={{ opacity: preview.state === 'loading' ? 0.55 : 1 }}>
            Would match{' '}
            <Text span fw={700} fz="lg" data-testid="rule-preview-count" data-count={count}>
              {countFormat.format(count)}
            </Text>{' '}
            conversation{count === 1 ? '' : 's'}
          </Text>
        )}
      </div>
      {items.length > 0 && preview.state !== 'invalid' && (
        <ul className={classes.previewItems} aria-label="Matching conversations">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className={classes.previewItem} onClick={() => previewItemOpened(item.id)} data-testid="rule-preview-item" data-id={item.id}>
                <Text size="sm" fw={500} className={classes.ellipsis}>
                  {item.customer?.name ?? 'Unknown customer'}
                </Text>
                <Text size="xs" c="dimmed">
                  {ageLabel(item.receivedAt, now)}
                </Text>
                <Text size="xs" c="dimmed" className={classes.ellipsis} style={{ gridColumn: '1 / -1' }}>
                  {item.subject ?? item.preview}
                </Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      {preview.state === 'ready' && count !== null && count > items.length && (
        <Text size="xs" c="dimmed" px={14} py={8} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          Showing {items.length} of {countFormat.format(count)}.
        </Text>
      )}
    </aside>
  );
}
