/**
 * Topic discovery: groups texts by what they share, offline, and names each group.
 * (Interface fixed for the handlers, the CLI and the evaluation; the grouping is being built.)
 */

export interface DiscoveryDoc {
  text: string;
  /** ISO 639-1, null when unknown: picks the stemmer and stop words. */
  language: string | null;
}

export interface DiscoveryOptions {
  /** The smallest group worth proposing. */
  minSize?: number;
  /** At most this many proposals, largest first. */
  maxTopics?: number;
  /** Keyword sets of rejected proposals: a group that matches one is not proposed again. */
  avoid?: readonly (readonly string[])[];
  /** Names and keywords of topics that exist: not proposed again. */
  known?: readonly string[];
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface DiscoveredTopic {
  /** A short readable name, e.g. "card delivery". */
  name: string;
  /** The words its members share, strongest first, as written most often. */
  keywords: string[];
  /** Two-word phrases its members share. */
  phrases: string[];
  /** The language most members are in; null when mixed. */
  language: string | null;
  /** Indexes into the docs, most typical first. */
  members: number[];
  /** Up to five of the members, most typical first. */
  samples: number[];
}

export function discoverTopics(docs: readonly DiscoveryDoc[], options: DiscoveryOptions = {}): DiscoveredTopic[] {
  void docs;
  void options;
  throw new Error('Topic discovery is being built.');
}
