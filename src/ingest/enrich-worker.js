// Entry of an enrichment worker thread: registers tsx in this thread (its loader does not reach workers started
// from a tsx process), then runs the TypeScript worker. Same pattern as src/cli/bin.js.
import { register } from 'tsx/esm/api';

register();
await import('./enrich-worker.ts');
