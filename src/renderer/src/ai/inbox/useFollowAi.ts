import { useEffect } from 'react';
import { followAi } from './follow';
import { loadAiStatus } from './status';

/** While the inbox shows: whether AI is ready, and the core's AI pushes (triages done, draft text). */
export function useFollowAi(): void {
  useEffect(() => {
    void loadAiStatus();
    return followAi();
  }, []);
}
