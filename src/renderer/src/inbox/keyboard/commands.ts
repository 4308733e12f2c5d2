/**
 * Every command an agent can give, once: the key handler, the shortcut sheet and the
 * command palette all read this list, so a key never works without being documented.
 */
import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { useMemo } from 'react';
import type { View } from '../../../../shared/contract';
import { toErrorInfo } from '../../api';
import { importRequested } from '../../import/flows';
import { notifyFailure } from '../../common/notify';
import { loadDemoInbox } from '../list/EmptyInbox';
import { openActive, moveCursor, selectRangeToActive, stepBack, toggleActiveSelected } from '../flows/navigation';
import { actionTargets, resolve, toggleUnread, undoLast } from '../flows/triage';
import { openView, openViewById } from '../flows/views';
import { openFeedback } from '../flows/detail';
import { pickSuggestionByRank, sendOpenDraft } from '../flows/replies';
import { reanalyze } from '../../common/reanalyze';
import { isEmptyFilter } from '../model/filters';
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useOverlay, type PickerKind } from '../state/overlay';
import { useQuery } from '../state/query';
import { useSelection } from '../state/selection';
import { useViews } from '../state/views';
import { useWorkspace, type WorkspacePage } from '../../stores/workspace';
import { deescalateAtCursor, escalate, moveQueueCursor, openQueueEntry, reassignAtCursor, resolveAtCursor } from '../../escalation/flows';
import { focusTarget } from './focus';
import { draftForOpen } from '../../ai/inbox/draft-flows';
import { triageView, triageWithAi } from '../../ai/inbox/triage-flows';
import { useLibraryTab } from '../../kb/state';
import { exportRows, rowFormatNames } from '../../reports/export/flows';
import { openSuggestions } from '../../topics/discovery/flows';

export type CommandGroup = 'Move around' | 'Select' | 'Triage' | 'Escalations' | 'Go to a view' | 'Hearken';

export interface Command {
  id: string;
  label: string;
  group: CommandGroup;
  /** Alternative key sequences, each a list of steps: [['j'], ['ArrowDown']], [['g', 'i']]. */
  keys?: string[][];
  run: () => void;
  /** Offered in the command palette (keyboard-only moves like "next" are not). */
  inPalette?: boolean;
  keywords?: string;
  /** Works on every page (the palette, the theme, going to a page). */
  everywhere?: boolean;
  /** The pages it works on when not everywhere; the inbox when not said. */
  pages?: readonly WorkspacePage[];
}

/** Whether a command answers its keys and is listed (sheet, palette) on this page. */
export function availableOn(command: Pick<Command, 'everywhere' | 'pages'>, page: WorkspacePage): boolean {
  return command.everywhere === true || (command.pages ?? ['inbox']).includes(page);
}

const inQueue = ['escalations'] as const;

function openPicker(kind: PickerKind): void {
  const ids = actionTargets();
  if (ids.length === 0) return;
  useOverlay.getState().overlayOpened({ kind, ids });
}

/** Moving through the list takes focus there, so Enter then opens rather than pressing a button. */
function inList(move: () => void): void {
  move();
  focusTarget('list');
}

function focusReply(): void {
  const { openId } = useDetail.getState();
  const { activeId } = useSelection.getState();
  if (openId === null && activeId !== null) void openFeedback(activeId);
  else if (openId === null) return;
  focusTarget('reply');
}

function clearFilters(): void {
  const { filter, viewFilter } = useQuery.getState();
  if (isEmptyFilter(filter)) return;
  useQuery.getState().filterChanged(filter === viewFilter ? {} : viewFilter);
}

const viewKeys: Record<string, string> = {
  'builtin:inbox': 'i',
  'builtin:unread': 'u',
  'builtin:vip': 'v',
  'builtin:flagged': 'f',
  'builtin:due-soon': 's',
  'builtin:breached': 'b',
  'builtin:replied': 'r',
  'builtin:done': 'd',
  'builtin:all': 'a',
};

function viewCommand(view: View): Command {
  const key = viewKeys[view.id];
  return {
    id: `view:${view.id}`,
    label: `Go to ${view.name}`,
    group: 'Go to a view',
    keys: key ? [['g', key]] : undefined,
    run: () => openView(view),
    inPalette: true,
    everywhere: true,
    keywords: `view open ${view.builtIn ? '' : 'saved'}`,
  };
}

export function useCommands(): Command[] {
  const views = useViews((s) => s.views);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });

  return useMemo(() => {
    const nextScheme = scheme === 'dark' ? 'light' : 'dark';
    const goToViews = (views ?? []).map(viewCommand);
    // Before views load, g i still works from the built-in id.
    if (!views) goToViews.push({ id: 'view:builtin:inbox', label: 'Go to Inbox', group: 'Go to a view', keys: [['g', 'i']], run: () => openViewById('builtin:inbox'), everywhere: true });
    const commands: Command[] = [
      { id: 'next', label: 'Next conversation', group: 'Move around', keys: [['j'], ['ArrowDown']], run: () => inList(() => moveCursor(1)) },
      { id: 'previous', label: 'Previous conversation', group: 'Move around', keys: [['k'], ['ArrowUp']], run: () => inList(() => moveCursor(-1)) },
      { id: 'open', label: 'Open the conversation', group: 'Move around', keys: [['Enter']], run: openActive },
      { id: 'back', label: 'Back: close, then clear the selection', group: 'Move around', keys: [['Esc']], run: () => void stepBack() },
      { id: 'search', label: 'Search', group: 'Move around', keys: [['/']], run: () => focusTarget('search'), inPalette: true, keywords: 'find' },
      { id: 'reply', label: 'Reply', group: 'Move around', keys: [['r']], run: focusReply, inPalette: true, keywords: 'compose answer' },
      {
        id: 'pick-suggestion',
        label: 'Start the reply from suggestion 1, 2 or 3',
        group: 'Move around',
        keys: [['Alt+1'], ['Alt+2'], ['Alt+3']],
        // The key handler picks by the digit pressed; from the palette, the first one.
        run: () => {
          if (pickSuggestionByRank(1)) focusTarget('reply');
        },
        inPalette: true,
        keywords: 'suggested reply template answer',
      },
      { id: 'send', label: 'Mark the reply as sent', group: 'Move around', keys: [['Mod+Enter']], run: sendOpenDraft, inPalette: true, keywords: 'send reply copy' },
      { id: 'select', label: 'Select or unselect the conversation', group: 'Select', keys: [['x']], run: () => inList(toggleActiveSelected) },
      { id: 'select-range', label: 'Select every conversation up to here', group: 'Select', keys: [['Shift+X']], run: () => inList(selectRangeToActive) },
      {
        id: 'select-all',
        label: 'Select all loaded conversations',
        group: 'Select',
        run: () => useSelection.getState().allToggled(useList.getState().items.map((i) => i.id)),
        inPalette: true,
      },
      { id: 'resolve', label: 'Resolve', group: 'Triage', keys: [['a']], run: () => void resolve(), inPalette: true, keywords: 'done close archive' },
      { id: 'unread', label: 'Mark unread (or read)', group: 'Triage', keys: [['u']], run: () => void toggleUnread(), inPalette: true },
      { id: 'tag', label: 'Tag…', group: 'Triage', keys: [['t']], run: () => openPicker('tags'), inPalette: true, keywords: 'label topic' },
      { id: 'sentiment', label: 'Override sentiment…', group: 'Triage', keys: [['s']], run: () => openPicker('sentiment'), inPalette: true, keywords: 'mood' },
      { id: 'status', label: 'Set status…', group: 'Triage', keys: [['Shift+S']], run: () => openPicker('status'), inPalette: true, keywords: 'open pending replied closed' },
      { id: 'assign', label: 'Assign…', group: 'Triage', keys: [['Shift+A']], run: () => openPicker('assign'), inPalette: true, keywords: 'owner agent' },
      { id: 'escalate', label: 'Escalate…', group: 'Triage', keys: [['e']], run: () => escalate(), inPalette: true, keywords: 'escalation team tier hand off handoff billing engineering legal' },
      { id: 'undo', label: 'Undo the last change', group: 'Triage', keys: [['Mod+Z']], run: undoLast, inPalette: true },
      {
        id: 'ai-triage',
        label: 'Triage with AI',
        group: 'Triage',
        keys: [['Shift+T']],
        run: () => void triageWithAi(),
        inPalette: true,
        keywords: 'llm model suggest sentiment topics priority language classify',
      },
      {
        id: 'ai-triage-view',
        label: 'Triage this view with AI',
        group: 'Triage',
        run: () => void triageView(),
        inPalette: true,
        keywords: 'llm model bulk all filter classify queue',
      },
      {
        id: 'ai-draft',
        label: 'Write an AI draft of the reply',
        group: 'Triage',
        keys: [['Shift+R']],
        run: () => void draftForOpen(),
        inPalette: true,
        keywords: 'llm model compose answer generate grounded sources friendly',
      },
      // The escalation queue's own keys: the same letters mean the same things there.
      { id: 'queue-next', label: 'Next escalation', group: 'Escalations', keys: [['j'], ['ArrowDown']], run: () => moveQueueCursor(1), pages: inQueue },
      { id: 'queue-previous', label: 'Previous escalation', group: 'Escalations', keys: [['k'], ['ArrowUp']], run: () => moveQueueCursor(-1), pages: inQueue },
      { id: 'queue-open', label: 'Open the conversation in the inbox', group: 'Escalations', keys: [['Enter']], run: () => openQueueEntry(), inPalette: true, pages: inQueue },
      { id: 'queue-resolve', label: 'Resolve the escalation', group: 'Escalations', keys: [['a']], run: resolveAtCursor, inPalette: true, pages: inQueue, keywords: 'done close' },
      { id: 'queue-deescalate', label: 'De-escalate (back to the inbox)', group: 'Escalations', keys: [['d']], run: deescalateAtCursor, inPalette: true, pages: inQueue, keywords: 'take back cancel' },
      { id: 'queue-reassign', label: 'Move to another team…', group: 'Escalations', keys: [['m']], run: reassignAtCursor, inPalette: true, pages: inQueue, keywords: 'reassign transfer' },
      { id: 'queue-undo', label: 'Undo the last change', group: 'Escalations', keys: [['Mod+Z']], run: undoLast, inPalette: true, pages: inQueue },
      ...goToViews,
      {
        id: 'save-view',
        label: 'Save the filters as a view…',
        group: 'Go to a view',
        run: () => useOverlay.getState().overlayOpened({ kind: 'saveView' }),
        inPalette: true,
      },
      { id: 'clear-filters', label: 'Clear filters and search', group: 'Go to a view', run: clearFilters, inPalette: true },
      {
        id: 'escalations',
        label: 'Go to Escalations',
        group: 'Go to a view',
        keys: [['g', 'e']],
        run: () => useWorkspace.getState().pageOpened('escalations'),
        inPalette: true,
        everywhere: true,
        keywords: 'escalated queue teams sla page',
      },
      {
        id: 'reports',
        label: 'Go to Reports',
        group: 'Go to a view',
        keys: [['g', 'o']],
        run: () => useWorkspace.getState().pageOpened('reports'),
        inPalette: true,
        everywhere: true,
        keywords: 'reports dashboard figures charts trends team lead compare period statistics stats export',
      },
      {
        id: 'routing',
        label: 'Go to Rules & SLA',
        group: 'Go to a view',
        run: () => useWorkspace.getState().pageOpened('routing'),
        inPalette: true,
        everywhere: true,
        keywords: 'rules routing sla teams targets webhooks business hours holidays outbound log settings',
      },
      {
        id: 'ai',
        label: 'Go to AI & privacy',
        group: 'Go to a view',
        keys: [['g', 'p']],
        run: () => useWorkspace.getState().pageOpened('ai'),
        inPalette: true,
        everywhere: true,
        keywords: 'llm openai azure ollama lm studio llama model api key budget redaction privacy what left this machine log queue jobs',
      },
      {
        id: 'security',
        label: 'Go to Security (backups and keys)',
        group: 'Go to a view',
        run: () => useWorkspace.getState().pageOpened('security'),
        inPalette: true,
        everywhere: true,
        keywords: 'backup restore verify schedule passphrase keychain recovery key rotate encryption settings',
      },
      {
        id: 'templates',
        label: 'Open the reply templates',
        group: 'Go to a view',
        keys: [['g', 't']],
        run: () => {
          useLibraryTab.getState().tabChosen('templates');
          useWorkspace.getState().pageOpened('templates');
        },
        inPalette: true,
        everywhere: true,
        keywords: 'saved replies canned responses macros snippets edit',
      },
      {
        id: 'knowledge-base',
        label: 'Open the knowledge base',
        group: 'Go to a view',
        run: () => {
          useLibraryTab.getState().tabChosen('kb');
          useWorkspace.getState().pageOpened('templates');
        },
        inPalette: true,
        everywhere: true,
        keywords: 'kb articles help center docs markdown import folder ai draft sources grounding',
      },
      {
        id: 'topics',
        label: 'Edit the topics (taxonomy)',
        group: 'Go to a view',
        run: () => useWorkspace.getState().pageOpened('topics'),
        inPalette: true,
        everywhere: true,
        keywords: 'taxonomy categories keywords analysis tags',
      },
      {
        id: 'suggest-topics',
        label: 'Suggest topics',
        group: 'Go to a view',
        run: openSuggestions,
        inPalette: true,
        everywhere: true,
        keywords: 'discover topics group cluster proposals untagged taxonomy missing',
      },
      { id: 'palette', label: 'Command palette', group: 'Hearken', keys: [['Mod+K']], run: () => spotlight.open(), everywhere: true },
      {
        id: 'shortcuts',
        label: 'Show keyboard shortcuts',
        group: 'Hearken',
        keys: [['?']],
        run: () => useOverlay.getState().overlayOpened({ kind: 'shortcuts' }),
        inPalette: true,
        everywhere: true,
        keywords: 'help keys',
      },
      { id: 'theme', label: `Switch to ${nextScheme} theme`, group: 'Hearken', run: () => setColorScheme(nextScheme), inPalette: true, everywhere: true, keywords: 'dark light mode colour color' },
      {
        id: 'import',
        label: 'Import feedback from a file…',
        group: 'Hearken',
        keys: [['Mod+I']],
        run: () => void importRequested(),
        inPalette: true,
        everywhere: true,
        keywords: 'csv tsv json ndjson email eml mbox zendesk help scout upload file',
      },
      {
        id: 'reanalyze',
        label: 'Re-analyse this view',
        group: 'Hearken',
        run: () => void reanalyze(useQuery.getState().filter, 'Re-analysing this view'),
        inPalette: true,
        keywords: 'analysis sentiment topics urgency language local refresh',
      },
      // Typing "Export this view" in the palette lists the three formats.
      ...(['csv', 'xlsx', 'jsonl'] as const).map(
        (format): Command => ({
          id: `export-view-${format}`,
          label: `Export this view as ${rowFormatNames[format]}…`,
          group: 'Hearken',
          run: () => void exportRows(useQuery.getState().filter, format, `This view as ${rowFormatNames[format]}`),
          inPalette: true,
          keywords: 'export download save rows conversations spreadsheet csv xlsx excel json jsonl lines',
        }),
      ),
      {
        id: 'demo',
        label: 'Load the demo inbox',
        group: 'Hearken',
        run: () => void loadDemoInbox().catch((error: unknown) => notifyFailure(toErrorInfo(error), 'Loading the demo inbox', () => void loadDemoInbox())),
        inPalette: true,
        keywords: 'sample example',
      },
    ];
    return commands;
  }, [views, scheme, setColorScheme]);
}
