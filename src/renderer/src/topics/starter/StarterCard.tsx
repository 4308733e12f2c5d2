/**
 * The first-run offer of a starter taxonomy: a calm card, never a modal, shown while this
 * store has not chosen. "Keep general topics" records that choice too. As a notice (the
 * empty inbox) it can be put away for the session; the Topics screen keeps offering it.
 */
import { Button, CloseButton, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconLayoutList } from '@tabler/icons-react';
import { useEffect } from 'react';
import { applyStarter, loadStarterStatus } from './flows';
import { useStarter } from './state';
import { StarterDialog } from './StarterDialog';

export interface StarterCardProps {
  /** 'notice': the smaller, dismissible form for the inbox. */
  variant?: 'card' | 'notice';
}

export function StarterCard({ variant = 'card' }: StarterCardProps) {
  const chosen = useStarter((s) => s.chosen);
  const dismissed = useStarter((s) => s.noticeDismissed);
  const dialogOpen = useStarter((s) => s.dialogOpen);
  const applying = useStarter((s) => s.applying);
  const { dialogOpened, dialogClosed, noticePutAway } = useStarter.getState();

  useEffect(() => {
    void loadStarterStatus();
  }, []);

  const hidden = chosen !== null || (variant === 'notice' && dismissed);
  return (
    <>
      {!hidden && (
        <Paper withBorder radius="md" p={variant === 'notice' ? 'sm' : 'md'} maw={variant === 'notice' ? 560 : undefined} w="100%" ta="left" data-testid="starter-card">
          <Group wrap="nowrap" align="flex-start" gap="sm">
            <ThemeIcon variant="light" radius="md" size={32}>
              <IconLayoutList size={18} stroke={1.6} />
            </ThemeIcon>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fw={600} size="sm">
                Pick topics that fit your team
              </Text>
              <Text size="sm" c="dimmed">
                Conversations are tagged with general support topics. Banking, e-commerce, SaaS and travel teams can start from topics made for them. Every topic stays editable.
              </Text>
              <Group gap={8} mt="sm">
                <Button size="xs" onClick={dialogOpened} data-testid="starter-choose">
                  Choose starter topics…
                </Button>
                <Button size="xs" variant="subtle" loading={applying === 'general'} onClick={() => void applyStarter('general', 'add')} data-testid="starter-keep-general">
                  Keep general topics
                </Button>
              </Group>
            </div>
            {variant === 'notice' && <CloseButton size="sm" aria-label="Not now" onClick={noticePutAway} />}
          </Group>
        </Paper>
      )}
      <StarterDialog opened={dialogOpen} onClose={dialogClosed} />
    </>
  );
}
