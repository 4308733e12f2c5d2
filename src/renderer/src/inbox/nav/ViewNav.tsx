import { ActionIcon, Menu, RingProgress, Skeleton, Text, Tooltip } from '@mantine/core';
import {
  IconSparkles,
  IconAlarm,
  IconArrowBackUp,
  IconBookmark,
  IconClockExclamation,
  IconCircleCheck,
  IconCrown,
  IconDots,
  IconFileImport,
  IconArrowBigUpLines,
  IconChartBar,
  IconFlagBolt,
  IconFlag3,
  IconInbox,
  IconKeyboard,
  IconMailOpened,
  IconPencil,
  IconRefresh,
  IconRoute,
  IconShieldLock,
  IconStack2,
  IconTags,
  IconTemplate,
  IconTrash,
  type IconProps,
} from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import type { View } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { ImportStatusCard } from '../../import/ImportStatusCard';
import { importTitle } from '../../import/model/wording';
import { useImport } from '../../import/state';
import { progressPercent } from '../../import/steps/ProgressStep';
import { useWorkspace, type WorkspacePage } from '../../stores/workspace';
import { Shortcut } from '../../common/Shortcut';
import { notifyDone, notifyFailure } from '../../common/notify';
import { useNavCollapsed } from '../../workspace/layout';
import { selectOpenCount, useEscalation } from '../../escalation/state';
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
  'builtin:flagged': IconFlagBolt,
  'builtin:due-soon': IconClockExclamation,
  'builtin:breached': IconAlarm,
  'builtin:replied': IconArrowBackUp,
  'builtin:done': IconCircleCheck,
  'builtin:all': IconStack2,
};

/** Counts that ask for attention when above zero: the SLA views. */
const countTones: Record<string, 'due-soon' | 'breached'> = { 'builtin:due-soon': 'due-soon', 'builtin:breached': 'breached' };

const countFormat = new Intl.NumberFormat();
/** About what fits beside the icon and the count in the open nav; a longer name gets a tooltip. */
const longName = 20;
const tooltipDelay = 300;

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

/** The options of a saved view: behind its dots, or (in the rail) a right-click on its icon. */
function SavedViewMenu({ view, rail }: { view: View; rail?: { opened: boolean; onChange: (opened: boolean) => void } }) {
  const isCurrent = useQuery((s) => s.viewId === view.id);
  const modified = useQuery(selectFilterModified);
  return (
    <Menu position={rail ? 'right-start' : 'bottom-end'} withinPortal opened={rail?.opened} onChange={rail?.onChange}>
      <Menu.Target>
        {rail ? (
          <span className={classes.railAnchor} aria-hidden />
        ) : (
          <ActionIcon className={classes.menu} size="sm" variant="subtle" color="gray" aria-label={`Options for the view ${view.name}`}>
            <IconDots size={14} />
          </ActionIcon>
        )}
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

function ViewLink({ view, current, collapsed }: { view: View; current: boolean; collapsed: boolean }) {
  const Icon = builtInIcons[view.id] ?? IconBookmark;
  const count = countFormat.format(view.count);
  // The rail has no room for the dots; the context menu key or a right-click opens the options.
  const [railMenu, setRailMenu] = useState(false);
  const railOptions = collapsed && !view.builtIn;
  return (
    <li className={classes.item}>
      <Tooltip
        label={collapsed ? `${view.name} · ${count}` : view.name}
        position="right"
        withArrow
        openDelay={tooltipDelay}
        disabled={!collapsed && view.name.length <= longName}
      >
        <button
          type="button"
          className={classes.link}
          aria-current={current ? 'page' : undefined}
          onClick={() => openView(view)}
          onContextMenu={
            railOptions
              ? (event) => {
                  event.preventDefault();
                  setRailMenu(true);
                }
              : undefined
          }
          data-testid="view-link"
          data-view-id={view.id}
        >
          <span className={classes.icon}>
            <Icon size={collapsed ? 18 : 16} stroke={1.7} aria-hidden />
          </span>
          <span className={classes.name}>{view.name}</span>
          <span className={classes.count} data-tone={view.count > 0 ? countTones[view.id] : undefined} aria-label={`${view.count} conversations`} data-testid="view-count">
            {count}
          </span>
        </button>
      </Tooltip>
      {!view.builtIn && (railOptions ? <SavedViewMenu view={view} rail={{ opened: railMenu, onChange: setRailMenu }} /> : <SavedViewMenu view={view} />)}
    </li>
  );
}

function PageLink({
  page,
  label,
  hint,
  icon: Icon,
  collapsed,
  count = null,
}: {
  page: WorkspacePage;
  label: string;
  hint: string;
  icon: ComponentType<IconProps>;
  collapsed: boolean;
  count?: number | null;
}) {
  const current = useWorkspace((s) => s.page === page);
  return (
    <li className={classes.item}>
      <Tooltip
        label={collapsed ? `${label}${count !== null ? ` · ${countFormat.format(count)}` : ''}: ${hint}` : hint}
        position="right"
        withArrow
        openDelay={collapsed ? tooltipDelay : 800}
        multiline
        maw={260}
      >
        <button
          type="button"
          className={classes.link}
          aria-current={current ? 'page' : undefined}
          onClick={() => useWorkspace.getState().pageOpened(page)}
          data-testid={`${page}-link`}
        >
          <span className={classes.icon}>
            <Icon size={collapsed ? 18 : 16} stroke={1.7} aria-hidden />
          </span>
          <span className={classes.name}>{label}</span>
          {count !== null && (
            <span className={classes.count} aria-label={`${count} open`} data-testid={`${page}-count`}>
              {countFormat.format(count)}
            </span>
          )}
        </button>
      </Tooltip>
    </li>
  );
}

/** The import put away, as one icon in the narrow nav: its progress on hover, the dialog on click. */
function ImportStatusIcon() {
  const stage = useImport((s) => s.stage);
  const dialogOpen = useImport((s) => s.dialogOpen);
  if (dialogOpen || (stage.name !== 'running' && stage.name !== 'finished')) return null;
  const running = stage.name === 'running';
  const percent = running ? progressPercent(stage) : 100;
  const label = running ? `Importing ${stage.fileName}: ${Math.floor(percent)}%` : `${importTitle(stage.report.state)}: view the report`;
  return (
    <Tooltip label={label} position="right" withArrow>
      <button type="button" className={classes.link} onClick={() => useImport.getState().dialogShown()} aria-label={label} data-testid="import-status-icon">
        <RingProgress
          size={30}
          thickness={2.5}
          roundCaps
          sections={[{ value: percent, color: running ? 'blue' : 'teal' }]}
          label={<IconFileImport size={14} stroke={1.7} style={{ display: 'block', margin: 'auto' }} aria-hidden />}
        />
      </button>
    </Tooltip>
  );
}

/**
 * The left pane: built-in views, then the agent's saved views, each with a live count; then
 * the template library. In a narrow window it is a rail of icons, names and counts on hover.
 */
export function ViewNav() {
  const views = useViews((s) => s.views);
  const inInbox = useWorkspace((s) => s.page === 'inbox');
  const queryViewId = useQuery((s) => s.viewId);
  const collapsed = useNavCollapsed();
  const openEscalations = useEscalation(selectOpenCount);
  // Away from the inbox no view is the current page.
  const viewId = inInbox ? queryViewId : null;
  const builtIn = views?.filter((v) => v.builtIn) ?? [];
  const saved = views?.filter((v) => !v.builtIn) ?? [];
  return (
    <nav className={classes.nav} aria-label="Views" data-collapsed={collapsed || undefined}>
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
              <ViewLink key={view.id} view={view} current={view.id === viewId} collapsed={collapsed} />
            ))}
          </ul>
          {/* The rail draws sections as rules: without saved views, one rule is enough. */}
          {!(collapsed && saved.length === 0) && <h2 className={classes.section}>Saved views</h2>}
          {saved.length === 0 ? (
            !collapsed && (
              <Text size="xs" c="dimmed" px={10}>
                Filter or search, then “Save as view” to keep it here.
              </Text>
            )
          ) : (
            <ul className={classes.list} data-testid="saved-views">
              {saved.map((view) => (
                <ViewLink key={view.id} view={view} current={view.id === viewId} collapsed={collapsed} />
              ))}
            </ul>
          )}
        </>
      )}
      <h2 className={classes.section}>Workspace</h2>
      <ul className={classes.list}>
        <PageLink page="escalations" label="Escalations" hint="The queue of conversations handed to other teams (g then e)" icon={IconArrowBigUpLines} collapsed={collapsed} count={openEscalations} />
        <PageLink page="reports" label="Reports" hint="Figures and trends for a period, against a comparison (g then o)" icon={IconChartBar} collapsed={collapsed} />
        <PageLink page="templates" label="Reply templates" hint="Saved replies with placeholders (g then t)" icon={IconTemplate} collapsed={collapsed} />
        <PageLink page="topics" label="Topics" hint="What local analysis tags conversations with" icon={IconTags} collapsed={collapsed} />
        <PageLink page="routing" label="Rules & SLA" hint="Routing rules, teams, SLA targets and business hours, and what left this machine" icon={IconRoute} collapsed={collapsed} />
        <PageLink page="ai" label="AI & privacy" hint="The LLM endpoint, its queue, and what left this machine (g then p)" icon={IconSparkles} collapsed={collapsed} />
        <PageLink page="security" label="Security" hint="Encrypted backups, the passphrase and the recovery key" icon={IconShieldLock} collapsed={collapsed} />
      </ul>
      {collapsed ? (
        <div className={classes.bottom}>
          <ImportStatusIcon />
          <Tooltip
            label={
              <span className={classes.hints}>
                <Shortcut keys={['?']} /> shortcuts <Shortcut keys={['Mod+K']} /> commands
              </span>
            }
            position="right"
            withArrow
          >
            <button type="button" className={classes.link} onClick={() => useOverlay.getState().overlayOpened({ kind: 'shortcuts' })} aria-label="Keyboard shortcuts" data-testid="shortcuts-link">
              <span className={classes.icon}>
                <IconKeyboard size={18} stroke={1.7} aria-hidden />
              </span>
            </button>
          </Tooltip>
        </div>
      ) : (
        <div className={classes.bottom}>
          <ImportStatusCard />
          <div className={classes.footer}>
            <Shortcut keys={['?']} /> shortcuts <Shortcut keys={['Mod+K']} /> commands
          </div>
        </div>
      )}
    </nav>
  );
}
