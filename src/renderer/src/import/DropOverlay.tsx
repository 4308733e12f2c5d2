/**
 * Files dragged anywhere over the inbox: a calm full-window target, then the import of what
 * was dropped. The bridge turns the dropped Files into read grants (in Electron the preload
 * reads their paths and main has the core mint the grants), so the page never sees a path;
 * a window without that route says to use Import… instead.
 */
import { Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { toErrorInfo } from '../api';
import { notifyInfo } from '../common/notify';
import { dropGranted } from './flows';
import classes from './import.module.css';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function DropOverlay() {
  const [over, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; a depth count says when it left the window.
    let depth = 0;
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      // Without this the drop would open the file in the window.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      const bridge = window.hearken;
      if (!bridge?.grantDroppedFiles) {
        notifyInfo('This window cannot read dropped files. Use Import… (or the command palette) to choose the file instead.', 'Drag and drop is not available here');
        return;
      }
      bridge.grantDroppedFiles(Array.from(files)).then(dropGranted, (error: unknown) => dropGranted({ ok: false, error: toErrorInfo(error) }));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!over) return null;
  return (
    <div className={classes.dropOverlay} data-testid="drop-overlay" aria-hidden>
      <div className={classes.dropTarget}>
        <Stack align="center" gap="xs">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconFileImport size={28} stroke={1.6} />
          </ThemeIcon>
          <Text fw={650} size="lg">
            Drop to import
          </Text>
          <Text size="sm" c="dimmed" ta="center" maw={360}>
            CSV, TSV, JSON, NDJSON, e-mail (.eml, mbox), Zendesk and Help Scout exports
          </Text>
        </Stack>
      </div>
    </div>
  );
}
