import { sentiments, statuses, statusLabels, type Sentiment, type Status } from '../../../../shared/domain';
import { addTag, assign, overrideSentiment, removeTag, setStatus } from '../flows/triage';
import { sentimentColors, sentimentLabels, statusColors } from '../model/labels';
import { useDetail } from '../state/detail';
import { useList } from '../state/list';
import { useOverlay, type PickerKind } from '../state/overlay';
import { useViews } from '../state/views';
import { PickerModal, type PickerOption } from './PickerModal';

interface Known {
  tags: string[];
  sentiment: Sentiment | null;
  status: Status | null;
  assignee: string | null;
}

/** What the targets have now, from the open conversation or the loaded rows. */
function known(ids: readonly string[]): Known[] {
  const detail = useDetail.getState().detail;
  const items = useList.getState().items;
  return ids.map((id) => {
    if (detail?.id === id) return { tags: detail.tags.map((t) => t.name), sentiment: detail.sentiment, status: detail.status, assignee: detail.assignee };
    const item = items.find((i) => i.id === id);
    return { tags: item?.tags.map((t) => t.name) ?? [], sentiment: item?.sentiment ?? null, status: item?.status ?? null, assignee: null };
  });
}

function sharedValue<T>(values: T[]): T | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

function matches(label: string, query: string): boolean {
  return label.toLowerCase().includes(query.trim().toLowerCase());
}

function conversationsLabel(count: number): string {
  return count === 1 ? 'conversation' : `${count} conversations`;
}

export function TriagePickers() {
  const overlay = useOverlay((s) => s.overlay);
  const close = useOverlay((s) => s.overlayClosed);
  const facets = useViews((s) => s.facets);
  const kind: PickerKind | null = overlay && 'ids' in overlay ? overlay.kind : null;
  const ids = overlay && 'ids' in overlay ? overlay.ids : [];
  const what = conversationsLabel(ids.length);

  const pick = (run: () => Promise<boolean>) => {
    close();
    void run();
  };

  function tagOptions(query: string): PickerOption[] {
    const current = known(ids);
    const onAll = (name: string): boolean => current.length > 0 && current.every((k) => k.tags.includes(name));
    const names = new Map<string, number | undefined>();
    for (const k of current) for (const name of k.tags) names.set(name, undefined);
    for (const tag of facets?.tags ?? []) names.set(tag.name, tag.count);
    const options: PickerOption[] = [...names.entries()]
      .filter(([name]) => matches(name, query))
      .map(([name, count]) => ({ value: name, label: name, checked: onAll(name), hint: onAll(name) ? 'remove' : count }))
      .sort((a, b) => Number(b.checked) - Number(a.checked));
    const typed = query.trim();
    if (typed && !names.has(typed)) options.unshift({ value: typed, label: `Create tag “${typed}”`, create: true });
    return options;
  }

  function sentimentOptions(): PickerOption[] {
    const current = sharedValue(known(ids).map((k) => k.sentiment));
    return sentiments.map((s, i) => ({
      value: s,
      label: sentimentLabels[s],
      checked: s === current,
      digit: String(i + 1),
      leading: <span aria-hidden style={{ width: 8, height: 8, borderRadius: 8, background: `var(--mantine-color-${sentimentColors[s]}-filled)` }} />,
    }));
  }

  function statusOptions(query: string): PickerOption[] {
    const current = sharedValue(known(ids).map((k) => k.status));
    return statuses
      .filter((s) => matches(statusLabels[s], query))
      .map((s, i) => ({
        value: s,
        label: statusLabels[s],
        checked: s === current,
        digit: String(i + 1),
        leading: <span aria-hidden style={{ width: 8, height: 8, borderRadius: 8, background: `var(--mantine-color-${statusColors[s]}-filled)` }} />,
      }));
  }

  function assignOptions(query: string): PickerOption[] {
    const typed = query.trim();
    const people = (facets?.assignees ?? []).filter((name) => matches(name, query)).map((name) => ({ value: name, label: name }));
    const options: PickerOption[] = [{ value: '', label: 'Unassigned', hint: 'nobody' }, ...people].filter((o) => o.value !== '' || matches('unassigned', query));
    if (typed && !facets?.assignees.some((name) => name.toLowerCase() === typed.toLowerCase())) {
      options.unshift({ value: typed, label: `Assign to “${typed}”`, create: true });
    }
    return options;
  }

  return (
    <>
      <PickerModal
        opened={kind === 'tags'}
        title={`Tag ${what}`}
        placeholder="Find or create a tag"
        options={tagOptions}
        onPick={(o) => pick(() => (o.checked ? removeTag(o.value, ids) : addTag(o.value, ids)))}
        onClose={close}
        testId="tag-picker"
        note="Tags you set are marked as yours and win over automatic ones."
      />
      <PickerModal
        opened={kind === 'sentiment'}
        title={`Sentiment of ${what}`}
        placeholder="Set the sentiment"
        options={sentimentOptions}
        onPick={(o) => pick(() => overrideSentiment(o.value as Sentiment, ids))}
        onClose={close}
        testId="sentiment-picker"
        note="Your choice overrides the automatic label and is remembered."
      />
      <PickerModal
        opened={kind === 'status'}
        title={`Status of ${what}`}
        placeholder="Set the status"
        options={statusOptions}
        onPick={(o) => pick(() => setStatus(o.value as Status, ids))}
        onClose={close}
        testId="status-picker"
      />
      <PickerModal
        opened={kind === 'assign'}
        title={`Assign ${what}`}
        placeholder="Find or type a name"
        options={assignOptions}
        onPick={(o) => pick(() => assign(o.value === '' ? null : o.value, ids))}
        onClose={close}
        testId="assign-picker"
      />
    </>
  );
}
