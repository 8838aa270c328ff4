#!/usr/bin/env node
// The `gradgen` command run from this repository's sources: registers the TypeScript loader,
// then runs the CLI's entry (the installed package runs dist/cli/bin.js with plain node).
import { register } from 'tsx/esm/api';

register();
await import('./bin.ts');
