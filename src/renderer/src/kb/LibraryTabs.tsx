/** Templates | Knowledge base: the two things a drafted reply is grounded on, on one page. */
import { SegmentedControl } from '@mantine/core';
import { useLibraryTab, type LibraryTab } from './state';
import classes from './kb.module.css';

export function LibraryTabs() {
  const tab = useLibraryTab((s) => s.tab);
  return (
    <div className={classes.tabs}>
      <SegmentedControl
        size="xs"
        value={tab}
        onChange={(value) => useLibraryTab.getState().tabChosen(value as LibraryTab)}
        data={[
          { value: 'templates', label: 'Templates' },
          { value: 'kb', label: 'Knowledge base' },
        ]}
        aria-label="Templates or knowledge base"
        data-testid="library-tabs"
      />
    </div>
  );
}
