/**
 * The `gradgen` command's help texts, option tables and version: everything `gradgen help`,
 * `gradgen --version` and `gradgen <command> --help` print, without loading the compiler. Each
 * command's option table is what its help lists, what `args.ts` parses and what an unknown flag
 * is compared with for a suggestion: one table, one place.
 */
import { readFileSync } from 'node:fs';

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** The line a usage error prints: the message, and where to look unless it suggests a fix. */
export function usageErrorLine(message: string): string {
  return `gradgen: ${message}${/did you mean/.test(message) ? '' : ' (see gradgen help)'}`;
}

/**
 * What an option takes: a switch takes nothing; the rest take a value (`--epochs 5` or
 * `--epochs=5`), checked as named (a number kind also accepts a negative value, to reject it by
 * its range rather than mistake it for a flag).
 */
export type OptionKind =
  'switch' | 'path' | 'choice' | 'positive-integer' | 'non-negative-integer' | 'positive-number';

export interface OptionSpec {
  readonly kind: OptionKind;
  /** A one-letter alias (`-o`). */
  readonly short?: string;
  /** The value's placeholder in the help (`N`, `out.svg`). */
  readonly value?: string;
  /** For a choice: the values it takes. */
  readonly choices?: readonly string[];
  readonly help: string;
}

export interface CommandSpec {
  /** What follows the command and its options (`<model.ts>`); '' for none. */
  readonly operands: string;
  readonly about: readonly string[];
  /** By long name (`epochs` is `--epochs`). */
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** Per command: its operands, what it does and its options, as `gradgen <command> --help` prints them. */
export const COMMANDS = {
  compile: {
    operands: '<model.ts>',
    about: [
      'print (or write) the generated TypeScript module (for a training model: its training',
      'module)',
    ],
    options: {
      out: { kind: 'path', short: 'o', value: 'out.ts', help: 'write the module to this file' },
      target: {
        kind: 'choice',
        value: 'ts|wasm',
        choices: ['ts', 'wasm'],
        help: "where the kernels run (default ts); wasm writes the kernels' text (.wat) beside --out",
      },
    },
  },
  check: {
    operands: '<model.ts>',
    about: [
      'gradient-check the model, one row per input (exit 1 unless every row passes): a graph',
      "at its example point; a training model's loss at init(seed) after N training steps",
      '(default 5) on its training data',
    ],
    options: {
      epsilon: {
        kind: 'positive-number',
        value: 'E',
        help: 'the relative step of the differences, ε·max(1, |θ|) (default 1e-7)',
      },
      'avoid-kinks': {
        kind: 'switch',
        help: 'where a perturbation crosses a kink (relu, max, …), re-sample the point (10 tries)',
      },
      guard: {
        kind: 'switch',
        help: 'check every kernel: NaN or ±Infinity names the op that made it (E_NONFINITE_OP)',
      },
      adjoint: {
        kind: 'switch',
        help: 'the adjoint check instead: ⟨J·v, w⟩ (emitted JVP) vs ⟨v, Jᵀw⟩ (the gradient), no differences',
      },
      hvp: {
        kind: 'switch',
        help: 'the second-order check instead: emitted H·v vs differences of the gradient',
      },
      seed: {
        kind: 'non-negative-integer',
        value: 'S',
        help: 'the seed of init (training models)',
      },
      steps: {
        kind: 'non-negative-integer',
        value: 'N',
        help: 'training steps before the check (training models; default 5)',
      },
    },
  },
  train: {
    operands: '<model.ts>',
    about: [
      'train a training model and print its cost per epoch (and its test cost, when the model',
      'has test data) and its accuracy; write nothing unless --plot asks for the cost plot',
    ],
    options: {
      epochs: {
        kind: 'positive-integer',
        value: 'N',
        help: "epochs (default: the model's, or 100)",
      },
      batch: {
        kind: 'positive-integer',
        value: 'B',
        help: "examples per mini-batch (default: the model's, or all)",
      },
      seed: { kind: 'non-negative-integer', value: 'S', help: 'the seed of init and shuffling' },
      lr: {
        kind: 'positive-number',
        value: 'A',
        help: "the learning rate (default: the optimizer's)",
      },
      plot: { kind: 'path', value: 'out.svg', help: 'write the cost per epoch as an SVG chart' },
      'log-x': { kind: 'switch', help: "the plot's epoch axis logarithmic" },
      guard: {
        kind: 'switch',
        help: 'check every kernel: NaN or ±Infinity names the op that made it (E_NONFINITE_OP)',
      },
    },
  },
  graph: {
    operands: '<model.ts>',
    about: ['draw the forward and backward graphs (default: dot, optimized as compile emits them)'],
    options: {
      format: {
        kind: 'choice',
        value: 'dot|mermaid',
        choices: ['dot', 'mermaid'],
        help: 'the output format (default dot)',
      },
      'no-optimize': { kind: 'switch', help: 'draw the graph as built' },
      out: { kind: 'path', short: 'o', value: 'out', help: 'write the drawing to this file' },
    },
  },
  explain: {
    operands: '<model.ts>',
    about: ["each output's symbolic form and the rewrites behind it"],
    options: {
      jvp: {
        kind: 'switch',
        help: "also the cost's JVP along tangents v_<param>, optimized (forward mode)",
      },
      hvp: {
        kind: 'switch',
        help: "also the cost's Hessian-vector products along v_<param>, optimized",
      },
    },
  },
  lint: {
    operands: '<model.ts>',
    about: [
      'report each op of the optimized forward and backward graphs that can overflow or give NaN',
      "over the inputs' ranges (sampled from a graph's example, or a training model's data and",
      'initial params), with its call site and a fix (exit 1 when there are findings)',
    ],
    options: {
      seed: {
        kind: 'non-negative-integer',
        value: 'S',
        help: 'the seed of the initial params the ranges are sampled from (training models)',
      },
    },
  },
  audit: {
    operands: '',
    about: [
      'audit every rewrite rule on an adversarial grid against a double-double reference: a row',
      'per rule (points tried, failures, worst error and where); exit 1 when a rule fails',
    ],
    options: {},
  },
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof COMMANDS;

export function isCommand(name: string): name is Command {
  return Object.hasOwn(COMMANDS, name);
}

/** `--epochs` (`-o, --out` when it has a short form). */
export function flagName(name: string, spec: OptionSpec, withShort = false): string {
  return withShort && spec.short ? `-${spec.short}, --${name}` : `--${name}`;
}

/** `train <model.ts> [--epochs N] … [--log-x]`. */
export function synopsis(command: Command): string {
  const { operands, options } = COMMANDS[command] as CommandSpec;
  const flags = Object.entries(options).map(([name, spec]) => {
    const flag = spec.short ? `-${spec.short}` : `--${name}`;
    return `[${flag}${spec.value ? ` ${spec.value}` : ''}]`;
  });
  return [command, ...(operands ? [operands] : []), ...flags].join(' ');
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * The candidate nearest to `word` by edit distance, if near enough to be a likely typo, or the one
 * candidate `word` abbreviates (`--ep` → `--epochs`).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const extending = candidates.filter((c) => c.startsWith(word));
  if (extending.length === 1 && word.replace(/^-+/, '').length >= 2) return extending[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * What is wrong with a first argument that is not a command: `unknown command 'trian' (did you
 * mean train?)`, or an option given before any command.
 */
export function commandError(name: string): string {
  if (name.startsWith('-')) {
    return `unknown option '${name}': options come after the command (gradgen <command> [options])`;
  }
  const guess = nearest(name, [...Object.keys(COMMANDS), 'help']);
  return `unknown command '${name}'${guess ? ` (did you mean ${guess}?)` : ''}`;
}

const MODEL_FILES = [
  'A model file exports default defineGraph({ name, outputs, example?, cost? }) or',
  'defineTraining({ name, loss, outputs?, optimizer, data, defaults?, accuracy? }).',
];

/** `prefix` + `text` wrapped at `width` columns, continuation lines indented by `indent`. */
function wrap(prefix: string, text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  return [...lines, line];
}

/** `gradgen help`. */
export function usage(): string {
  const lines = ['usage: gradgen <command> [options]', '', 'commands:'];
  for (const command of Object.keys(COMMANDS) as Command[]) {
    lines.push(...wrap('  ', synopsis(command), 96, '      '));
    lines.push(...COMMANDS[command].about.map((l) => `      ${l}`));
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
  const { about, options } = COMMANDS[command] as CommandSpec;
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${flagName(name, spec, true)}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.help] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  return [
    ...wrap('usage: gradgen', synopsis(command), 96, '         '),
    '',
    ...about,
    ...(rows.length > 0 ? ['', 'options:'] : []),
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
    '',
    ...MODEL_FILES,
  ].join('\n');
}

/** The version in gradgen's package.json (this file is `<package>/{src,dist}/cli/usage`). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
