/**
 * The `gradgen` command's help texts and version: everything `gradgen help`, `gradgen --version`
 * and `gradgen <command> --help` print, without loading the compiler.
 */
import { readFileSync } from 'node:fs';

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** Per command: its synopsis and what it does, as `gradgen <command> --help` prints it. */
export const COMMANDS = {
  compile: {
    synopsis: 'compile <model.ts> [-o out.ts]',
    about: [
      'print (or write) the generated TypeScript module (for a training model: its training',
      'module)',
    ],
  },
  check: {
    synopsis: 'check <model.ts> [--epsilon E] [--seed S] [--steps N]',
    about: [
      'gradient-check the model (exit 1 unless correct): a graph at its example point; a',
      "training model's loss at init(seed) after N training steps (default 5) on its training",
      'data',
    ],
  },
  train: {
    synopsis: 'train <model.ts> [--epochs N] [--batch B] [--seed S] [--plot out.svg]',
    about: [
      'train a training model, print its cost and accuracy and plot the cost per epoch',
      '(default: <name>-cost.svg)',
    ],
  },
  graph: {
    synopsis: 'graph <model.ts> [--format dot|mermaid] [--no-optimize] [-o out]',
    about: ['draw the forward and backward graphs (default: dot, optimized as compile emits them)'],
  },
  explain: {
    synopsis: 'explain <model.ts>',
    about: ["each output's symbolic form and the rewrites behind it"],
  },
} as const satisfies Record<string, { synopsis: string; about: readonly string[] }>;

export type Command = keyof typeof COMMANDS;

export function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMANDS, name);
}

const MODEL_FILES = [
  'A model file exports default defineGraph({ name, outputs, example?, cost? }) or',
  'defineTraining({ name, loss, outputs?, optimizer, data, defaults?, accuracy? }).',
];

/** `gradgen help`. */
export function usage(): string {
  const lines = ['usage: gradgen <command> [options]', '', 'commands:'];
  for (const { synopsis, about } of Object.values(COMMANDS)) {
    lines.push(`  ${synopsis}`, ...about.map((l) => `      ${l}`));
  }
  lines.push(
    '  help [command]',
    '      show this text, or the help of one command',
    '',
    ...MODEL_FILES,
    'Options: --debug prints stack traces; --version (-v) prints the version; <command> --help.',
  );
  return lines.join('\n');
}

/** `gradgen <command> --help`. */
export function commandUsage(command: Command): string {
  const { synopsis, about } = COMMANDS[command];
  return [`usage: gradgen ${synopsis}`, '', ...about, '', ...MODEL_FILES].join('\n');
}

/** The version in gradgen's package.json (this file is `<package>/{src,dist}/cli/usage`). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
