/**
 * The handoff packet for one conversation: the Markdown another team gets, read again
 * (debounced) as the team, reason or note change; copy it, save it, or e-mail it.
 */
import { Button, Group, Loader, ScrollArea, Text, Tooltip } from '@mantine/core';
import { IconCopy, IconFileDownload, IconMail } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { EscalationTarget } from '../../../shared/escalation/schema';
import { toErrorInfo } from '../api';
import { copyHandoff, readHandoff, saveHandoff, type HandoffAsk } from './flows';
import classes from './escalation.module.css';

const debounceMs = 250;

interface Packet {
  markdown: string;
  subject: string;
  mailto: string | null;
}

export function HandoffPanel({ ask, target }: { ask: HandoffAsk; target: EscalationTarget | null }) {
  const [packet, setPacket] = useState<Packet | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { feedbackId, targetId, reason, note } = ask;

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      readHandoff({ feedbackId, targetId, reason, note })
        .then((next) => {
          if (!current) return;
          setPacket(next);
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (current) setProblem(toErrorInfo(error).message);
        });
    }, debounceMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [feedbackId, targetId, reason, note]);

  const mailto = packet?.mailto ?? null;
  const name = target?.name ?? 'the team';
  return (
    <div data-testid="handoff-panel">
      <div className={classes.handoffBox}>
        <ScrollArea.Autosize mah="min(42vh, 380px)" type="auto">
          {packet ? (
            <pre className={classes.handoff} data-testid="handoff-markdown">
              {packet.markdown}
            </pre>
          ) : problem ? (
            <Text size="sm" c="red" p="md" role="alert">
              {problem}
            </Text>
          ) : (
            <Group justify="center" py="xl">
              <Loader size="sm" />
            </Group>
          )}
        </ScrollArea.Autosize>
      </div>
      <Group gap={6} mt="sm" wrap="wrap">
        <Button size="compact-sm" variant="default" leftSection={<IconCopy size={14} />} disabled={!packet} onClick={() => packet && void copyHandoff(packet.markdown)} data-testid="handoff-copy">
          Copy
        </Button>
        <Button size="compact-sm" variant="default" leftSection={<IconFileDownload size={14} />} disabled={!packet} onClick={() => void saveHandoff(ask, 'md')} data-testid="handoff-save-md">
          Save .md
        </Button>
        <Button size="compact-sm" variant="default" leftSection={<IconFileDownload size={14} />} disabled={!packet} onClick={() => void saveHandoff(ask, 'eml')} data-testid="handoff-save-eml">
          Save .eml
        </Button>
        <div style={{ flex: 1 }} />
        <Tooltip label={mailto ? `A new e-mail to ${target?.email ?? name}` : `${name} has no e-mail address (add one in Rules & SLA)`} withArrow>
          {/* Disabled buttons take no pointer events; the wrapper keeps the tooltip reachable. */}
          <span style={{ display: 'inline-flex' }} tabIndex={mailto ? undefined : 0}>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconMail size={14} />}
              disabled={!mailto}
              onClick={() => mailto && window.open(mailto)}
              data-testid="handoff-email"
            >
              E-mail {name}
            </Button>
          </span>
        </Tooltip>
      </Group>
    </div>
  );
}
