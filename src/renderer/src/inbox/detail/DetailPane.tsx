import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { refreshDetail } from '../flows/detail';
import { adviceFor } from '../../common/errors';
import { useDetail } from '../state/detail';
import { useDetailLayout } from '../state/detail-layout';
import { TriageCard } from '../../ai/inbox/TriageCard';
import { useFollowAi } from '../../ai/inbox/useFollowAi';
import { Composer } from './Composer';
import { DetailHeader } from './DetailHeader';
import { Properties } from './Properties';
import { Summary } from './Summary';
import { Thread } from './Thread';
import classes from './detail.module.css';

function Loading() {
  return (
    <Stack p="lg" gap="sm" aria-busy aria-label="Loading the conversation">
      <Skeleton height={20} width="70%" />
      <Skeleton height={12} width="45%" />
      <Skeleton height={26} width="60%" mt="sm" />
      <Skeleton height={90} mt="lg" />
      <Skeleton height={120} />
    </Stack>
  );
}

/** A pane at least this wide shows the details as a column beside the thread. */
const sideColumnFrom = 760;

/** Whether the pane is wide enough for a side column; only a change of answer re-renders. */
function useWide(): [(node: HTMLElement | null) => void, boolean] {
  const [wide, setWide] = useState(false);
  const [node, setNode] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!node) return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      // A collapsed pane reports 0: keep the last answer for when it opens again.
      if (width > 0) setWide(width >= sideColumnFrom);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [setNode, wide];
}

/** How long the previous conversation may stand in (inert) before a skeleton replaces it. */
const standInMs = 150;

/** True once `key` has been waited for longer than standInMs. */
function useLongWait(waiting: boolean, key: string | null): boolean {
  const [slowFor, setSlowFor] = useState<string | null>(null);
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setSlowFor(key), standInMs);
    return () => window.clearTimeout(timer);
  }, [waiting, key]);
  return waiting && slowFor === key;
}

/** The right-hand pane: the open conversation, or a quiet note on how to open one. */
export function DetailPane() {
  const openId = useDetail((s) => s.openId);
  const detail = useDetail((s) => s.detail);
  const error = useDetail((s) => s.error);
  const detailsShown = useDetailLayout((s) => s.detailsShown);
  const [paneRef, wide] = useWide();
  useFollowAi();
  // While the next conversation loads, the one before stays (inert) for a moment: the pane
  // renders once per conversation, not a skeleton in between.
  const waiting = openId !== null && detail?.id !== openId && error === null;
  const slow = useLongWait(waiting, openId);

  let content;
  // With nothing open the pane is folded away and the list has the width.
  if (openId === null) content = null;
  else if (detail === null && error !== null) {
    const advice = adviceFor(error, 'Opening the conversation');
    content = (
      <Stack p="lg">
        <Alert color="red" title={advice.title} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{advice.message}</Text>
            {advice.retry && (
              <Button size="compact-sm" variant="default" onClick={() => void refreshDetail()}>
                {advice.retry}
              </Button>
            )}
          </Stack>
        </Alert>
      </Stack>
    );
  } else if (detail === null || slow) content = slow ? <Loading /> : null;
  else {
    content = (
      <>
        <DetailHeader detail={detail} />
        {/* Siblings need keys of their own: two alike, and React would keep the old body. */}
        <div key={`body:${detail.id}`} className={classes.body} data-layout={wide ? 'columns' : 'stacked'} data-testid="detail-body">
          <div className={classes.reading}>
            {!wide && (detailsShown ? <Properties detail={detail} foldable /> : <Summary detail={detail} />)}
            {!wide && <TriageCard detail={detail} />}
            <Thread messages={detail.messages} customerName={detail.customer?.name ?? null} />
          </div>
          {wide && (
            <aside className={classes.side} aria-label="Customer and triage details">
              <TriageCard detail={detail} side />
              <Properties detail={detail} foldable={false} />
            </aside>
          )}
        </div>
        <Composer key={`composer:${detail.id}`} feedbackId={detail.id} channel={detail.channel} customerName={detail.customer?.name ?? null} />
      </>
    );
  }
  return (
    <section ref={paneRef} className={classes.pane} aria-label="Conversation" aria-busy={waiting || undefined} data-testid="detail-pane" data-open-id={waiting ? undefined : detail?.id}>
      <div className={classes.content} inert={waiting || undefined}>
        {content}
      </div>
    </section>
  );
}
