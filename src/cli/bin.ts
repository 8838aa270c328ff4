#!/usr/bin/env node
/**
 * The `gradgen` executable. Help and the version are answered here, before the compiler (and the
 * TypeScript loader for model files) are loaded: `gradgen --version` starts in a few tens of ms.
 */
import { commandError, commandUsage, isCommand, usage, usageErrorLine, version } from './usage.js';

const argv = process.argv.slice(2);
const [first, ...rest] = argv.filter((a) => a !== '--debug');
const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

if (first === undefined || first === '--help' || first === '-h') {
  console.log(usage());
} else if (first === '--version' || first === '-v' || first === 'version') {
  console.log(version());
} else if (first === 'help') {
  const [topic] = rest;
  if (topic === undefined) console.log(usage());
  else if (isCommand(topic)) console.log(commandUsage(topic));
  else {
    console.error(usageErrorLine(commandError(topic)));
    process.exitCode = 2;
  }
} else if (!isCommand(first)) {
  // answered here too: a typo need not wait for the compiler to load
  console.error(usageErrorLine(commandError(first)));
  process.exitCode = 2;
} else if (wantsHelp(rest)) {
  console.log(commandUsage(first));
} else {
  // `gradgen … | head`: a closed pipe ends the command quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const { main } = await import('./main.js');
  await main(argv);
}
