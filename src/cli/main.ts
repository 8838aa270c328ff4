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
import { explain, optimize } from '../rewrite/optimize.ts';
import { GRAPH_FORMATS, gradientOutputKeys, isGraphFormat, renderGraph } from './graphviz.ts';
import { CliError, loadModel } from './samples.ts';

const USAGE = `usage: gradgen <command> [options]

commands:
  compile <model.ts> [-o out.ts]   print (or write) the generated TypeScript module
  check <model.ts>                 gradient-check the model at its example point
  graph <model.ts> [--format dot|mermaid] [--no-optimize] [-o out]
                                   draw the forward and backward graphs (default: dot,
                                   optimized as compile emits them)
  explain <model.ts>               each output's symbolic form and the rewrites behind it
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

function takeSwitch(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

/** The one model file left in `args` once the command's options are taken out. */
function modelFile(args: string[], command: string): string {
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option) throw new UsageError(`${command}: unknown option '${option}'`);
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError(`${command} takes one model file`);
  return file;
}

function writeOrPrint(out: string | undefined, text: string): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new CliError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
  }
  console.error(`wrote ${out}`);
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
      const file = modelFile(args, 'compile');
      const model = await loadModel(file);
      writeOrPrint(out, emit(model.outputs, { name: model.name, inputs: model.inputs }));
      return;
    }
    case 'check': {
      const file = modelFile(args, 'check');
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
    case 'graph': {
      const out = takeFlag(args, '-o', '--out');
      const format = takeFlag(args, '--format') ?? 'dot';
      const raw = takeSwitch(args, '--no-optimize');
      if (!isGraphFormat(format)) {
        throw new UsageError(
          `unknown --format '${format}': expected one of ${GRAPH_FORMATS.join(', ')}`,
        );
      }
      const file = modelFile(args, 'graph');
      const model = await loadModel(file);
      const outputs = raw ? model.outputs : optimize(model.outputs).outputs;
      // Which outputs are gradients is read off the model as written (keys and name hints).
      const gradients = gradientOutputKeys(model.outputs);
      const title = `${model.name}${raw ? '' : ' (optimized)'}`;
      writeOrPrint(out, renderGraph(outputs, format, { title, gradients }));
      return;
    }
    case 'explain': {
      const file = modelFile(args, 'explain');
      const model = await loadModel(file);
      console.log(explain(model.outputs).text);
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
