#!/usr/bin/env node
// The `baltic-brief` command: runs the TypeScript CLI through tsx, so no build step is needed after install.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
