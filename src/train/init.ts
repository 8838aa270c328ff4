/**
 * Parameter initialization from a seed (the project's Rng: xoshiro128** + Box–Muller), so one
 * seed gives bit-identical parameters on every machine. For W of shape (n_out, n_in):
 * zeros; normal = 0.01·N(0, 1) (the course's default); xavier: Var = 1/n_in; he: Var = 2/n_in;
 * glorot: Var = 2/(n_in + n_out).
 */
import type { ParamNode } from '../ir/node.js';
import { GradgenError } from '../errors.js';
import { Rng } from '../rng.js';

function fans(p: ParamNode): { fanIn: number; fanOut: number; size: number } {
  const dims = p.shape.map((d) => {
    if (typeof d !== 'number') {
      throw new GradgenError(
        'E_SHAPE',
        `param '${p.name}' has a batch dimension: parameters must have a fixed shape`,
      );
    }
    return d;
  });
  const size = dims.reduce((a, b) => a * b, 1);
  const fanOut = dims[0] ?? 1;
  const fanIn = dims.length > 1 ? dims.slice(1).reduce((a, b) => a * b, 1) : (dims[0] ?? 1);
  return { fanIn, fanOut, size };
}

export function initialValues(p: ParamNode, rng: Rng): Float64Array {
  const { fanIn, fanOut, size } = fans(p);
  const scale = {
    zeros: 0,
    normal: 0.01,
    xavier: Math.sqrt(1 / fanIn),
    he: Math.sqrt(2 / fanIn),
    glorot: Math.sqrt(2 / (fanIn + fanOut)),
  }[p.init];
  const out = new Float64Array(size);
  if (scale === 0) return out;
  for (let i = 0; i < size; i++) out[i] = scale * rng.normal();
  return out;
}

export function parameterSize(p: ParamNode): number {
  return fans(p).size;
}
