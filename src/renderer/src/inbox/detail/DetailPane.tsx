import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { Shortcut } from '../../common/Shortcut';
import { refreshDetail } from '../flows/detail';
import { adviceFor } from '../../common/errors';
import { useDetail } from '../state/detail';
import { Composer } from './Composer';
import { DetailHeader } from './DetailHeader';
import { Properties } from './Properties';
import { Thread } from './Thread';
import classes from './detail.module.css';

const hints: { keys: string[]; label: string }[] = [
  { keys: ['j'], label: 'next conversation' },
  { keys: ['k'], label: 'previous conversation' },
  { keys: ['Enter'], label: 'open' },
  { keys: ['/'], label: 'search' },
  { keys: ['?'], label: 'all shortcuts' },
];

function NothingOpen() {
  return (
    <Stack align="center" justify="center" h="100%" gap="md" p="xl" data-testid="detail-empty">
      <IconMessages size={32} stroke={1.3} color="var(--mantine-color-dimmed)" aria-hidden />
      <Text size="sm" c="dimmed" ta="center" maw={280}>
        Open a conversation to read it and triage it here.
      </Text>
      <Stack gap={6}>
        {hints.map((hint) => (
          <Text key={hint.label} size="xs" c="dimmed" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <span style={{ width: 52, display: 'inline-flex', justifyContent: 'flex-end' }}>
              <Shortcut keys={hint.keys} />
            </span>
            {hint.label}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function Loading() {
  return (
    <Stack p="lg" gap="sm" aria-busy aria-label="Loading the conversation">
      <Skeleton height={20} width="70%" />
      <Skeleton height={12} width="45%" />
      <Skeleton height={26} width="60%" mt="sm" />
      <Skeleton height={90} mt="lg" />
      <Skeleton height={120} />
    </Stack>
  );
}

/** The right-hand pane: the open conversation, or a quiet note on how to open one. */
export function DetailPane() {
  const openId = useDetail((s) => s.openId);
  const detail = useDetail((s) => s.detail);
  const error = useDetail((s) => s.error);

  let content;
  if (openId === null) content = <NothingOpen />;
  else if (detail === null && error !== null) {
    const advice = adviceFor(error, 'Opening the conversation');
    content = (
      <Stack p="lg">
        <Alert color="red" title={advice.title} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{advice.message}</Text>
            {advice.retry && (
              <Button size="compact-sm" variant="default" onClick={() => void refreshDetail()}>
                {advice.retry}
              </Button>
            )}
          </Stack>
        </Alert>
      </Stack>
    );
  } else if (detail === null) content = <Loading />;
  else {
    content = (
      <>
        <DetailHeader detail={detail} />
        <div key={detail.id} className={classes.body} data-testid="detail-body">
          <Properties detail={detail} />
          <Thread messages={detail.messages} customerName={detail.customer?.name ?? null} />
        </div>
        <Composer key={detail.id} feedbackId={detail.id} channel={detail.channel} customerName={detail.customer?.name ?? null} />
      </>
    );
  }
  return (
    <section className={classes.pane} aria-label="Conversation" data-testid="detail-pane" data-open-id={detail?.id}>
      {content}
    </section>
  );
}
