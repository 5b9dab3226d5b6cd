#!/usr/bin/env node
// The gongkai command. The services run from their TypeScript sources through tsx,
// so a clone needs no compile step and there is one copy of the code to trust.
import { register } from 'tsx/esm/api';

register();
const cli = await import(new URL('../services/cli/main.ts', import.meta.url).href);
await cli.run(process.argv.slice(2));
