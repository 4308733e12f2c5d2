import { describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../src/shared/contract';
import { cacheEpoch, cachedDetail, detailCached, detailsForgotten } from '../../src/renderer/src/inbox/state/detail-cache';

const detail = (id: string, subject = `Subject ${id}`): FeedbackDetail => ({ id, subject }) as unknown as FeedbackDetail;

describe('conversations read ahead', () => {
  it('keeps what was read and gives it back', () => {
    detailsForgotten(undefined);
    detailCached(detail('a'), cacheEpoch());
    expect(cachedDetail('a')?.id).toBe('a');
    expect(cachedDetail('b')).toBeUndefined();
  });

  it('drops what the core says changed, and only that', () => {
    detailsForgotten(undefined);
    detailCached(detail('a'), cacheEpoch());
    detailCached(detail('b'), cacheEpoch());
    detailsForgotten(['a']);
    expect(cachedDetail('a')).toBeUndefined();
    expect(cachedDetail('b')?.id).toBe('b');
    detailsForgotten(undefined);
    expect(cachedDetail('b')).toBeUndefined();
  });

  it('does not keep a read that started before a change: it may hold the old values', () => {
    detailsForgotten(undefined);
    const startedAt = cacheEpoch();
    detailsForgotten(['a']);
    detailCached(detail('a', 'before the change'), startedAt);
    expect(cachedDetail('a')).toBeUndefined();
  });

  it('keeps a read of one conversation that was under way while another changed', () => {
    detailsForgotten(undefined);
    const startedAt = cacheEpoch();
    detailsForgotten(['b']);
    detailCached(detail('a'), startedAt);
    expect(cachedDetail('a')?.id).toBe('a');
    // A change to everything drops reads that were under way.
    const again = cacheEpoch();
    detailsForgotten(undefined);
    detailCached(detail('c'), again);
    expect(cachedDetail('c')).toBeUndefined();
  });

  it('holds a bounded number, letting the least recently used go first', () => {
    detailsForgotten(undefined);
    for (let i = 0; i < 24; i++) detailCached(detail(`x${i}`), cacheEpoch());
    // Used again, so x0 is now the most recent; x1 is the oldest.
    expect(cachedDetail('x0')).toBeDefined();
    detailCached(detail('new'), cacheEpoch());
    expect(cachedDetail('x1')).toBeUndefined();
    expect(cachedDetail('x0')).toBeDefined();
    expect(cachedDetail('new')).toBeDefined();
  });
});
