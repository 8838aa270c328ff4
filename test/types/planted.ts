/** Errors the check must report (so that it cannot pass vacuously); each line says which. */
import { compile, grad, input } from 'gradgen';

const x = input('x');
const f = compile({ y: x.square() });
f({ xx: 3 }); // planted: TS2353 (an input name the function does not take)
const [dx] = grad(f.graph.outputs.y, [x]);
const d: string = dx; // planted: TS2322 (a node is not a string)

export { d };
