#!/usr/bin/env node
// `npx hearken …` from the project folder: the CLI runs from its TypeScript sources through
// tsx's loader, the same code `npm run cli` runs, without npm's banner on stdout.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
