/**
 * The command line of `gradgen <command> <model.ts> [options]`, parsed by node:util's parseArgs
 * against the command's option table in usage.ts. parseArgs splits the tokens (`--epochs 5`,
 * `--epochs=5`, `-o out.ts`, `--`); the checks and their messages are ours: an unknown flag with
 * the nearest valid one, a flag given twice, a missing value, a number out of its range. Every
 * mistake is a UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import {
  COMMANDS,
  type Command,
  type CommandSpec,
  type OptionSpec,
  UsageError,
  commandError,
  isCommand,
  nearest,
} from './usage.js';

type Table<C extends Command> = (typeof COMMANDS)[C]['options'];

/** The type of an option's value, from its spec. */
type ValueOf<S> = S extends { readonly kind: 'switch' }
  ? boolean
  : S extends { readonly kind: 'path' }
    ? string
    : S extends { readonly choices: readonly (infer T)[] }
      ? T
      : number;

/** A command's option values by long name; an option not given is absent. */
export type OptionValues<C extends Command> = {
  readonly [N in keyof Table<C>]?: ValueOf<Table<C>[N]>;
};

export type ParsedCommand = {
  [C in Command]: { readonly command: C; readonly file: string; readonly options: OptionValues<C> };
}[Command];

type OptionToken = {
  readonly name: string;
  readonly rawName: string;
  readonly value?: string | undefined;
  readonly inlineValue?: boolean | undefined;
};

/** `argv` without `node`, the script and `--debug`: the command, its model file and its options. */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (!isCommand(command)) throw new UsageError(commandError(command));
  const { file, options } = parseCommandArgs(command, rest);
  return { command, file, options } as ParsedCommand;
}

/** The operands and options after `command`. */
export function parseCommandArgs<C extends Command>(
  command: C,
  args: readonly string[],
): { file: string; options: OptionValues<C> } {
  const table = COMMANDS[command].options as CommandSpec['options'];
  const config = Object.fromEntries(
    Object.entries(table).map(([name, spec]) => [
      name,
      {
        type: spec.kind === 'switch' ? ('boolean' as const) : ('string' as const),
        ...(spec.short ? { short: spec.short } : {}),
      },
    ]),
  );
  // strict: false hands every token over, unknown flags included, so the messages are ours
  const { tokens } = parseArgs({
    args: [...args],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const options: Record<string, string | number | boolean> = {};
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = table[token.name];
    if (!spec) throw new UsageError(unknownOption(command, token.rawName));
    if (Object.hasOwn(options, token.name)) {
      const also = spec.short ? ` (or -${spec.short})` : '';
      throw new UsageError(`--${token.name}${also} given more than once`);
    }
    options[token.name] = optionValue(spec, token);
  }
  const takesFile = COMMANDS[command].operands !== '';
  if (operands.length !== (takesFile ? 1 : 0)) {
    const got = operands.length === 0 ? 'none' : `${operands.length}: ${operands.join(', ')}`;
    throw new UsageError(
      `${command} takes ${takesFile ? 'one model file' : 'no operands'}, got ${got}`,
    );
  }
  // a command without operands gets '' as its file
  return { file: operands[0] ?? '', options: options as OptionValues<C> };
}

/** `unknown option '--epoch' (did you mean --epochs?)`, or where the flag belongs. */
function unknownOption(command: Command, raw: string): string {
  const table = COMMANDS[command].options as CommandSpec['options'];
  const flags = Object.entries(table).flatMap(([name, spec]) => [
    `--${name}`,
    ...(spec.short ? [`-${spec.short}`] : []),
  ]);
  const guess = nearest(raw, flags);
  const what = `${command}: unknown option '${raw}'`;
  if (guess) return `${what} (did you mean ${guess}?)`;
  const owner = (Object.keys(COMMANDS) as Command[]).find((c) =>
    Object.hasOwn(COMMANDS[c].options, raw.replace(/^--?/, '')),
  );
  if (owner) return `${what} (it is an option of ${owner})`;
  const longs = Object.keys(table).map((n) => `--${n}`);
  return `${what} (${longs.length > 0 ? `${command} takes ${longs.join(', ')}` : `${command} takes no options`})`;
}

/** A value that looks like a flag (`--plot --epochs 3`): the flag's value is missing. */
const looksLikeFlag = (v: string) => v.length > 1 && v.startsWith('-');
/** A negative number is a value, for an option that takes a number (`--seed -1`). */
const looksLikeNumber = (v: string) => /^-(\d|\.\d)/.test(v);

function optionValue(spec: OptionSpec, token: OptionToken): string | number | boolean {
  const flag = `--${token.name}`;
  if (spec.kind === 'switch') {
    if (token.value !== undefined) throw new UsageError(`${flag} takes no value`);
    return true;
  }
  const value = token.value;
  const numeric = spec.kind !== 'path' && spec.kind !== 'choice';
  const borrowed = !token.inlineValue; // the next argument, not `--flag=value`
  if (
    value === undefined ||
    (borrowed && looksLikeFlag(value) && !(numeric && looksLikeNumber(value)))
  ) {
    throw new UsageError(`${token.rawName} needs a value`);
  }
  switch (spec.kind) {
    case 'path':
      return value;
    case 'choice':
      if (!spec.choices?.includes(value)) {
        throw new UsageError(
          `unknown ${flag} '${value}': expected one of ${(spec.choices ?? []).join(', ')}`,
        );
      }
      return value;
    case 'positive-integer':
    case 'non-negative-integer':
      return integer(flag, value, spec.kind === 'positive-integer' ? 1 : 0);
    case 'positive-number':
      return positiveNumber(flag, value);
  }
}

/** An integer ≥ `min`, written in digits (not `1e3`, `0x10` or `2.0`). */
function integer(flag: string, value: string, min: number): number {
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    const what = min > 0 ? 'a positive' : 'a non-negative';
    throw new UsageError(`${flag} must be ${what} integer, got '${value}'`);
  }
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!(n > 0) || !Number.isFinite(n)) {
    throw new UsageError(`${flag} must be a positive finite number, got '${value}'`);
  }
  return n;
}
