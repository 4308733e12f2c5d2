/**
 * Service levels: business hours or around the clock, the team's time zone and week,
 * holidays, and targets per priority. Saving works out every open item's clocks again.
 */
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import type { SlaSettings } from '../../../../shared/escalation/schema';
import { slaProblem, sortedHolidays } from '../model/sla-week';
import classes from '../routing.module.css';
import { DurationField } from './DurationField';
import { Holidays } from './Holidays';
import { Policies } from './Policies';
import { WeekGrid } from './WeekGrid';

// Chromium's list leaves out UTC itself; the saved zone is added when it is missing.
const timeZones = (() => {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC'];
  }
})();

type Summary = { dueSoon: number; breached: number; running: number; paused: number };

export function SlaSummaryLine({ summary }: { summary: Summary | null }) {
  if (summary === null) return null;
  return (
    <Group gap={6} data-testid="sla-summary">
      <Badge variant="light" color={summary.dueSoon > 0 ? 'yellow' : 'gray'}>
        Due soon {summary.dueSoon}
      </Badge>
      <Badge variant="light" color={summary.breached > 0 ? 'red' : 'gray'}>
        Breached {summary.breached}
      </Badge>
      <Text size="xs" c="dimmed">
        {summary.running} clocks running, {summary.paused} paused
      </Text>
    </Group>
  );
}

/** Reads the settings and the counts; an answer overtaken by a newer read is dropped. A failure is a toast with Retry. */
async function readSettings(generation: { current: number }, loaded: (settings: SlaSettings, summary: Summary) => void): Promise<void> {
  const mine = ++generation.current;
  try {
    const [settings, counts] = await Promise.all([call('sla.get', {}), call('sla.summary', {})]);
    if (mine === generation.current) loaded(settings, counts);
  } catch (failure) {
    notifyFailure(toErrorInfo(failure), 'Loading the SLA settings', () => void readSettings(generation, loaded));
  }
}

export function SlaTab() {
  const [saved, setSaved] = useState<SlaSettings | null>(null);
  const [draft, setDraft] = useState<SlaSettings | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [importNotice, setImportNotice] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const generation = useRef(0);
  const dirty = draft !== null && saved !== null && JSON.stringify(draft) !== JSON.stringify(saved);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const load = useCallback(
    (force: boolean) =>
      void readSettings(generation, (settings, counts) => {
        setSaved(settings);
        setSummary(counts);
        // A change made elsewhere replaces the form only when nothing here is unsaved.
        if (force || !dirtyRef.current) setDraft(settings);
      }),
    [],
  );

  useEffect(() => {
    load(true);
    const offs = [onEvent('sla.changed', () => load(false)), onEvent('feedback.changed', () => void call('sla.summary', {}).then(setSummary, () => undefined))];
    return () => offs.forEach((off) => off());
  }, [load]);

  if (draft === null) return <div className={classes.scroll} />;
  const edit = (patch: Partial<SlaSettings>) => {
    setError(null);
    setDraft({ ...draft, ...patch });
  };
  const calendar = (patch: Partial<SlaSettings['calendar']>) => edit({ calendar: { ...draft.calendar, ...patch } });
  const validity = (key: string, ok: boolean) =>
    setUnreadable((s) => {
      if (ok === !s.has(key)) return s;
      const next = new Set(s);
      if (ok) next.delete(key);
      else next.add(key);
      return next;
    });

  const save = async () => {
    const problem = unreadable.size > 0 ? 'Some times cannot be read. Write them as 30m, 4h, 2d or 1h 30m.' : slaProblem(draft);
    if (problem !== null) {
      setError(problem);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const stored = await call('sla.save', draft);
      setSaved(stored);
      setDraft(stored);
      setSummary(await call('sla.summary', {}));
      notifyInfo('Saved. Every open conversation’s clocks were worked out again.', 'SLA settings');
    } catch (failure) {
      setError(toErrorInfo(failure).message);
    } finally {
      setSaving(false);
    }
  };

  const importHolidays = async () => {
    setImporting(true);
    setImportNotice(null);
    try {
      const result = await call('sla.importHolidays', {});
      if (result.fileName === null) return;
      const fresh = await call('sla.get', {});
      setSaved((s) => (s === null ? fresh : { ...s, calendar: { ...s.calendar, holidays: fresh.calendar.holidays } }));
      setDraft((d) => (d === null ? fresh : { ...d, calendar: { ...d.calendar, holidays: sortedHolidays([...d.calendar.holidays, ...fresh.calendar.holidays]) } }));
      const skipped = result.skipped > 0 ? ` (${result.skipped} timed event${result.skipped === 1 ? '' : 's'} skipped)` : '';
      setImportNotice(`Added ${result.added} holiday${result.added === 1 ? '' : 's'} from ${result.fileName}${skipped}`);
    } catch (failure) {
      notifyFailure(toErrorInfo(failure), 'Importing holidays');
    } finally {
      setImporting(false);
    }
  };

  return (
    <div className={classes.scroll}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="sla-form"
      >
        <Stack gap="lg" maw={1080}>
          <Group justify="space-between" align="center" className={classes.stickyBar}>
            <SlaSummaryLine summary={summary} />
            <Group gap={8}>
              {dirty && (
                <Badge variant="light" color="yellow">
                  Unsaved changes
                </Badge>
              )}
              <Button variant="default" size="compact-sm" h={30} disabled={!dirty} onClick={() => saved && setDraft(saved)}>
                Revert
              </Button>
              <Button type="submit" size="compact-sm" h={30} leftSection={<IconDeviceFloppy size={14} />} loading={saving} disabled={!dirty} data-testid="sla-save">
                Save SLA settings
              </Button>
            </Group>
          </Group>
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="sla-error">
              {error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="lg" style={{ alignItems: 'start' }}>
            <Paper withBorder radius="md" p="md">
              <Stack gap="md">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Switch
                    label="Measure in business hours"
                    description={draft.businessHours ? 'Clocks run only in the hours below, not on holidays.' : 'Off: clocks run around the clock.'}
                    checked={draft.businessHours}
                    onChange={(e) => edit({ businessHours: e.currentTarget.checked })}
                    data-testid="sla-business-hours"
                    maw={300}
                  />
                  <Select
                    label="Time zone"
                    data={timeZones.includes(draft.calendar.timeZone) ? timeZones : [draft.calendar.timeZone, ...timeZones]}
                    value={draft.calendar.timeZone}
                    onChange={(v) => v && calendar({ timeZone: v })}
                    searchable
                    allowDeselect={false}
                    limit={200}
                    w={220}
                    data-testid="sla-time-zone"
                  />
                </Group>
                <WeekGrid week={draft.calendar.week} changed={(week) => calendar({ week })} disabled={!draft.businessHours} />
                <Holidays
                  holidays={draft.calendar.holidays}
                  changed={(holidays) => calendar({ holidays })}
                  importRequested={() => void importHolidays()}
                  importing={importing}
                  importNotice={importNotice}
                />
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Stack gap="md">
                <Policies policies={draft.policies} changed={(policies) => edit({ policies })} validity={validity} />
                <Group gap="sm" align="flex-end">
                  <DurationField
                    label="Due soon"
                    minutes={draft.dueSoonMinutes}
                    changed={(m) => m !== null && edit({ dueSoonMinutes: m })}
                    validity={(ok) => validity('due-soon', ok)}
                    required
                    w={120}
                    data-testid="sla-due-soon"
                  />
                  <Text size="xs" c="dimmed" pb={8} style={{ flex: 1 }}>
                    A running clock this close to its deadline shows as due soon.
                  </Text>
                </Group>
              </Stack>
            </Paper>
          </SimpleGrid>
        </Stack>
      </form>
    </div>
  );
}
