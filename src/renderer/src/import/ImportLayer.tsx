/** Everything the import adds over the inbox: the dialog, the drop target, and following progress. */
import { useEffect } from 'react';
import { DropOverlay } from './DropOverlay';
import { followImports } from './flows';
import { ImportDialog } from './ImportDialog';

export function ImportLayer() {
  useEffect(() => followImports(), []);
  return (
    <>
      <ImportDialog />
      <DropOverlay />
    </>
  );
}
