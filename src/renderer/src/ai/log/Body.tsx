/** A request or response body: monospace, pretty-printed when it is JSON, with Copy. */
import { ActionIcon, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import classes from '../ai.module.css';
import { prettyBody } from '../model/log';

export function Body({ title, text, testId, note }: { title: string; text: string | null; testId: string; note: string | null }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" className={classes.ellipsis}>
          {title}
        </Text>
        {text !== null && (
          <CopyButton value={text} timeout={1500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy exactly as sent'}>
                <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy: ${title}`} data-testid={`${testId}-copy`}>
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        )}
      </Group>
      {text === null ? (
        <Text size="sm" c="dimmed">
          Nothing came back.
        </Text>
      ) : (
        <pre className={classes.payload} data-testid={testId}>
          {prettyBody(text)}
        </pre>
      )}
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Stack>
  );
}
