/**
 * A request or response body: exactly as sent (pretty-printed when it is JSON), with Copy.
 * A chat request can also be read as its messages, with real line breaks.
 */
import { ActionIcon, CopyButton, Group, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import classes from '../ai.module.css';
import { chatMessages, prettyBody } from '../model/log';

type View = 'exact' | 'messages';

export function Body({ title, text, testId, note }: { title: string; text: string | null; testId: string; note: string | null }) {
  const [view, setView] = useState<View>('exact');
  const messages = text === null ? null : chatMessages(text);
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mih={26}>
        <Text size="xs" c="dimmed" className={classes.ellipsis}>
          {title}
        </Text>
        <Group gap={6} wrap="nowrap">
          {messages !== null && (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => setView(v as View)}
              data={[
                { value: 'exact', label: 'As sent' },
                { value: 'messages', label: 'Messages' },
              ]}
              aria-label="Show the body"
              data-testid={`${testId}-view`}
            />
          )}
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
      </Group>
      {text === null ? (
        <Text size="sm" c="dimmed">
          Nothing came back.
        </Text>
      ) : view === 'messages' && messages !== null ? (
        <div className={classes.payload} data-testid={`${testId}-messages`}>
          {messages.map((m, i) => (
            <div key={i} className={classes.message}>
              <div className={classes.messageRole}>{m.role}</div>
              {m.content}
            </div>
          ))}
        </div>
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
