/**
 * The `gradgen` command. Errors are one line on stderr and exit code 1 (2 for usage errors); a
 * stack trace only with --debug.
 */
import { writeFileSync } from 'node:fs';
import '../index.ts';
import { gradcheck } from '../check/gradcheck.ts';
import { compile } from '../emit/compile.ts';
import { emit } from '../emit/module.ts';
import { GradgenError } from '../errors.ts';
import { CliError, loadModel } from './samples.ts';

const USAGE = `usage: gradgen <command> [options]

commands:
  compile <model.ts> [-o out.ts]   print (or write) the generated TypeScript module
  check <model.ts>                 gradient-check the model at its example point
  help                             show this text

A model file exports default defineGraph({ name, outputs, example?, cost? }).
Options: --debug prints stack traces.`;

class UsageError extends Error {}

function takeFlag(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('-'))
    throw new UsageError(`${args[i]} needs a value`);
  args.splice(i, 2);
  return value;
}

async function run(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--debug');
  const command = args.shift();
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'compile': {
      const out = takeFlag(args, '-o', '--out');
      const [file, ...rest] = args;
      if (!file || rest.length > 0) throw new UsageError('compile takes one model file');
      const model = await loadModel(file);
      const text = emit(model.outputs, { name: model.name, inputs: model.inputs });
      if (out) {
        writeFileSync(out, text);
        console.error(`wrote ${out}`);
      } else process.stdout.write(text);
      return;
    }
    case 'check': {
      const [file, ...rest] = args;
      if (!file || rest.length > 0) throw new UsageError('check takes one model file');
      const model = await loadModel(file);
      if (!model.example) throw new CliError(`${file}: the model has no example point to check at`);
      const f = compile(model.outputs, { name: model.name, inputs: model.inputs });
      const at = typeof model.example === 'function' ? model.example() : model.example;
      const large = Object.values(at).some((v) => typeof v !== 'number' && v.length > 2000);
      const result = gradcheck(f, at, {
        ...(model.cost ? { cost: model.cost } : {}),
        ...(large ? { mode: 'random' as const, directions: 6 } : {}),
      });
      console.log(result.report());
      if (!result.ok) process.exitCode = 1;
      return;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

const debug = process.argv.includes('--debug');
try {
  await run(process.argv.slice(2));
} catch (e) {
  if (debug) console.error(e);
  else if (e instanceof UsageError) {
    console.error(`gradgen: ${e.message} (see gradgen help)`);
    process.exitCode = 2;
  } else if (e instanceof CliError || e instanceof GradgenError) {
    console.error(`gradgen: ${e.message}`);
    process.exitCode = 1;
  } else {
    console.error(
      `gradgen: unexpected error: ${e instanceof Error ? e.message : String(e)} (rerun with --debug)`,
    );
    process.exitCode = 1;
  }
}
