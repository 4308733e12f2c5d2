/**
 * Choosing a starter taxonomy: each starter with what it is for and the topics it brings,
 * added to the store's topics or replacing them. Replacing asks first and says that tags
 * already on conversations stay. Every topic stays editable afterwards.
 */
import { Alert, Badge, Button, Group, Modal, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StarterTaxonomy } from '../../../../shared/contract';
import { applyStarter, loadStarterStatus } from './flows';
import { useStarter } from './state';

export interface StarterDialogProps {
  opened: boolean;
  onClose(): void;
  /** The starter selected when the dialog opens (else the one chosen before, else 'general'). */
  initial?: StarterTaxonomy;
}

export function StarterDialog({ opened, onClose, initial }: StarterDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Start from a set of topics" size="lg" centered data-testid="starter-dialog">
      {/* Mounted while open, so each opening starts from the current choice. */}
      {opened && <StarterChooser onClose={onClose} initial={initial} />}
    </Modal>
  );
}

function StarterChooser({ onClose, initial }: { onClose(): void; initial: StarterTaxonomy | undefined }) {
  const starters = useStarter((s) => s.starters);
  const chosen = useStarter((s) => s.chosen);
  const applying = useStarter((s) => s.applying);
  const [selected, setSelected] = useState<StarterTaxonomy>(initial ?? chosen ?? 'general');
  const [confirmingReplace, setConfirmingReplace] = useState(false);

  useEffect(() => {
    void loadStarterStatus();
  }, []);

  const picked = starters?.find((s) => s.id === selected) ?? null;
  async function apply(mode: 'add' | 'replace') {
    if (await applyStarter(selected, mode)) onClose();
  }

  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        Topics tag every conversation as it arrives. Pick the set closest to what your customers write about; you can rename, edit or delete any topic afterwards.
      </Text>
      <ScrollArea.Autosize mah="55vh" type="auto" offsetScrollbars>
        <Radio.Group value={selected} onChange={(v) => setSelected(v as StarterTaxonomy)} aria-label="Starter topics">
          <Stack gap={8}>
            {(starters ?? []).map((s) => (
              <Radio.Card key={s.id} value={s.id} radius="md" p="sm" withBorder data-testid={`starter-${s.id}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Group gap={8}>
                      <Text fw={600} size="sm">
                        {s.name}
                      </Text>
                      {chosen === s.id && (
                        <Badge size="xs" variant="light" color="gray">
                          current
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {s.description}
                    </Text>
                    <Group gap={4} mt={6}>
                      {s.topics.map((t) => (
                        <Badge key={t} size="sm" variant="light" tt="none" fw={500}>
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
      </ScrollArea.Autosize>
      {confirmingReplace && picked ? (
        <Alert mt="md" color="orange" title={`Replace your topics with “${picked.name}”?`} data-testid="starter-replace-question">
          <Text size="sm">Topics that are not in this set are removed from your list. Tags already on conversations stay.</Text>
          <Group justify="flex-end" mt="sm" gap={8}>
            <Button variant="default" size="xs" onClick={() => setConfirmingReplace(false)}>
              Cancel
            </Button>
            <Button color="orange" size="xs" loading={applying === selected} onClick={() => void apply('replace')} data-testid="starter-replace-confirm">
              Replace my topics
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="flex-end" mt="md" gap={8}>
          <Button variant="default" onClick={() => setConfirmingReplace(true)} disabled={!picked} data-testid="starter-replace">
            Replace my topics…
          </Button>
          <Button onClick={() => void apply('add')} loading={applying === selected} disabled={!picked} data-testid="starter-add">
            Add to my topics
          </Button>
        </Group>
      )}
    </>
  );
}
