/** Deterministic synthetic support feedback (pure: usable from the CLI, bench and tests). */
export { createGenerator, DEFAULT_END, type Generator, type GeneratorOptions, type SyntheticCustomer, type SyntheticItem, type SyntheticMessage } from './generate';
export { csvColumns, csvField, csvHeader, csvRecord, itemToCsv } from './csv';
export { languagePacks, languageWeights, products, topics, type Topic } from './fragments';
export { mix32, Rng, Weighted } from './rng';
