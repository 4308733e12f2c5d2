/// <reference types="vite/client" />
import type { HearkenBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the preload (or the browser test bridge); missing when opened anywhere else. */
    readonly hearken?: HearkenBridge;
  }
}

export {};
