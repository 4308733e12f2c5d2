import { Button, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { registerFocusTarget } from '../keyboard/focus';
import classes from './detail.module.css';

/** Room for the reply. Drafting and sending arrive with suggested replies; this only holds text. */
export function Composer({ customerName }: { customerName: string | null }) {
  const [text, setText] = useState('');
  const setField = useCallback((node: HTMLTextAreaElement | null) => registerFocusTarget('reply', node), []);
  return (
    <div className={classes.composer}>
      <Textarea
        ref={setField}
        label={`Reply${customerName ? ` to ${customerName}` : ''}`}
        placeholder="Write a reply…  (r)"
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        size="sm"
        data-testid="reply-input"
        styles={{ label: { fontSize: 'var(--mantine-font-size-xs)', fontWeight: 600, color: 'var(--mantine-color-dimmed)', marginBottom: 4 } }}
      />
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="xs" c="dimmed">
          Drafting and sending arrive with suggested replies.
        </Text>
        <Tooltip label="Sending arrives with suggested replies">
          <span tabIndex={0}>
            <Button size="compact-sm" leftSection={<IconSend size={14} />} disabled style={{ pointerEvents: 'none' }}>
              Send
            </Button>
          </span>
        </Tooltip>
      </Group>
    </div>
  );
}
