/** A strict consumer of `gradgen/node`: it needs no @types/node (test/types.test.ts checks). */
import { compile, input, loadModel, writeText, type Model } from 'gradgen/node';

const x = input('x');
const f = compile({ y: x.square() });
const y: number = f({ x: 3 }).y;
const model: Promise<Model> = loadModel('model.ts');
writeText('out.ts', f.source);

export { y, model };
