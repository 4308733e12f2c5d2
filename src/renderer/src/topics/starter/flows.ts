/** The starter taxonomy steps that talk to the core, reporting to the starter store. */
import type { StarterTaxonomy } from '../../../../shared/contract';
import { call, toErrorInfo } from '../../api';
import { notifyFailure, notifyInfo } from '../../common/notify';
import { loadTopics } from '../flows';
import { useStarter } from './state';

const store = useStarter.getState;

/** Which starters there are and whether this store chose one. Quiet on failure: the card simply does not show. */
export async function loadStarterStatus(): Promise<void> {
  try {
    const [{ starters }, { starter }] = await Promise.all([call('taxonomy.starters', {}), call('taxonomy.list', {})]);
    store().statusLoaded(starters, starter);
  } catch {
    // A locked store or a core that is going away: nothing to offer now.
  }
}

/** Adds a starter's topics to the store's, or replaces them; says what changed. */
export async function applyStarter(starter: StarterTaxonomy, mode: 'add' | 'replace'): Promise<boolean> {
  store().applyStarted(starter);
  try {
    const result = await call('taxonomy.applyStarter', { starter, mode });
    store().applyFinished(starter);
    const name = store().starters?.find((s) => s.id === starter)?.name ?? starter;
    const removed = mode === 'replace' ? `, ${result.removed} removed (tags already on conversations stay)` : '';
    const what = result.added + result.removed === 0 ? 'You have all of its topics already' : `${result.added} topics added${removed}`;
    notifyInfo(`${what}. Edit them any time under Topics.`, `Topics from “${name}”`);
    void loadTopics();
    return true;
  } catch (failure) {
    store().applyFailed();
    notifyFailure(toErrorInfo(failure), 'Applying the starter topics', () => void applyStarter(starter, mode));
    return false;
  }
}
