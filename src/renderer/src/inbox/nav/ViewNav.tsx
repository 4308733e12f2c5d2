import { ActionIcon, Menu, Skeleton, Text } from '@mantine/core';
import {
  IconArrowBackUp,
  IconBookmark,
  IconCircleCheck,
  IconCrown,
  IconDots,
  IconFlag3,
  IconInbox,
  IconMailOpened,
  IconPencil,
  IconRefresh,
  IconStack2,
  IconTags,
  IconTemplate,
  IconTrash,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { View } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { ImportStatusCard } from '../../import/ImportStatusCard';
import { useWorkspace, type WorkspacePage } from '../../stores/workspace';
import { Shortcut } from '../../common/Shortcut';
import { notifyDone, notifyFailure } from '../../common/notify';
import { deleteView, loadViews, openView, updateViewFilter } from '../flows/views';
import { useOverlay } from '../state/overlay';
import { selectFilterModified, useQuery } from '../state/query';
import { useViews } from '../state/views';
import classes from './nav.module.css';

const builtInIcons: Record<string, ComponentType<IconProps>> = {
  'builtin:inbox': IconInbox,
  'builtin:unread': IconMailOpened,
  'builtin:vip': IconCrown,
  'builtin:escalated': IconFlag3,
  'builtin:replied': IconArrowBackUp,
  'builtin:done': IconCircleCheck,
  'builtin:all': IconStack2,
};

const countFormat = new Intl.NumberFormat();

async function removeView(view: View): Promise<void> {
  try {
    await deleteView(view);
    // Views are not in the core's undo log; saving the same name and filter brings it back.
    notifyDone(`Deleted the view “${view.name}”`, () => {
      void call('views.save', { name: view.name, filter: view.filter })
        .then(() => loadViews())
        .catch((error: unknown) => notifyFailure(toErrorInfo(error), 'Restoring the view'));
    }, false);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Deleting the view', () => void removeView(view));
  }
}

function SavedViewMenu({ view }: { view: View }) {
  const isCurrent = useQuery((s) => s.viewId === view.id);
  const modified = useQuery(selectFilterModified);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon className={classes.menu} size="sm" variant="subtle" color="gray" aria-label={`Options for the view ${view.name}`}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => useOverlay.getState().overlayOpened({ kind: 'renameView', viewId: view.id })}>
          Rename…
        </Menu.Item>
        {isCurrent && modified && (
          <Menu.Item
            leftSection={<IconRefresh size={14} />}
            onClick={() => void updateViewFilter(view).catch((error: unknown) => notifyFailure(toErrorInfo(error), 'Updating the view'))}
          >
            Save the current filters to this view
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void removeView(view)}>
          Delete view
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ViewLink({ view, current }: { view: View; current: boolean }) {
  const Icon = builtInIcons[view.id] ?? IconBookmark;
  return (
    <li className={classes.item}>
      <button
        type="button"
        className={classes.link}
        aria-current={current ? 'page' : undefined}
        onClick={() => openView(view)}
        data-testid="view-link"
        data-view-id={view.id}
      >
        <span className={classes.icon}>
          <Icon size={16} stroke={1.7} aria-hidden />
        </span>
        <span className={classes.name}>{view.name}</span>
        <span className={classes.count} aria-label={`${view.count} conversations`} data-testid="view-count">
          {countFormat.format(view.count)}
        </span>
      </button>
      {!view.builtIn && <SavedViewMenu view={view} />}
    </li>
  );
}

function PageLink({ page, label, hint, icon: Icon }: { page: WorkspacePage; label: string; hint: string; icon: ComponentType<IconProps> }) {
  const current = useWorkspace((s) => s.page === page);
  return (
    <li className={classes.item}>
      <button
        type="button"
        className={classes.link}
        aria-current={current ? 'page' : undefined}
        onClick={() => useWorkspace.getState().pageOpened(page)}
        title={hint}
        data-testid={`${page}-link`}
      >
        <span className={classes.icon}>
          <Icon size={16} stroke={1.7} aria-hidden />
        </span>
        <span className={classes.name}>{label}</span>
      </button>
    </li>
  );
}

/** The left pane: built-in views, then the agent's saved views, each with a live count; then the template library. */
export function ViewNav() {
  const views = useViews((s) => s.views);
  const inInbox = useWorkspace((s) => s.page === 'inbox');
  const queryViewId = useQuery((s) => s.viewId);
  // Away from the inbox no view is the current page.
  const viewId = inInbox ? queryViewId : null;
  const builtIn = views?.filter((v) => v.builtIn) ?? [];
  const saved = views?.filter((v) => !v.builtIn) ?? [];
  return (
    <nav className={classes.nav} aria-label="Views">
      {views === null ? (
        <div>
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} height={22} my={6} radius="sm" />
          ))}
        </div>
      ) : (
        <>
          <ul className={classes.list}>
            {builtIn.map((view) => (
              <ViewLink key={view.id} view={view} current={view.id === viewId} />
            ))}
          </ul>
          <h2 className={classes.section}>Saved views</h2>
          {saved.length === 0 ? (
            <Text size="xs" c="dimmed" px={10}>
              Filter or search, then “Save as view” to keep it here.
            </Text>
          ) : (
            <ul className={classes.list} data-testid="saved-views">
              {saved.map((view) => (
                <ViewLink key={view.id} view={view} current={view.id === viewId} />
              ))}
            </ul>
          )}
        </>
      )}
      <h2 className={classes.section}>Workspace</h2>
      <ul className={classes.list}>
        <PageLink page="templates" label="Reply templates" hint="Saved replies with placeholders (g then t)" icon={IconTemplate} />
        <PageLink page="topics" label="Topics" hint="What local analysis tags conversations with" icon={IconTags} />
      </ul>
      <div className={classes.bottom}>
        <ImportStatusCard />
        <div className={classes.footer}>
          <Shortcut keys={['?']} /> shortcuts <Shortcut keys={['Mod+K']} /> commands
        </div>
      </div>
    </nav>
  );
}
