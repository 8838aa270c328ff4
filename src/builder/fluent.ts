/** Installs the fluent methods declared on `NodeBase`: `a.add(b).mul(3)` ≡ `mul(add(a, b), 3)`. */
import { NodeBase, type Node } from '../ir/node.js';
import * as B from './core.js';
import { stopGradient } from './gradients.js';

/** The methods: every string-named member of a node except its data fields. */
type Fluent = Pick<
  NodeBase,
  Exclude<Extract<keyof NodeBase, string>, 'id' | 'hash' | 'shape' | 'site'>
>;
const methods: Fluent & ThisType<Node> = {
  add(o) {
    return B.add(this, o);
  },
  sub(o) {
    return B.sub(this, o);
  },
  mul(o) {
    return B.mul(this, o);
  },
  div(o) {
    return B.div(this, o);
  },
  neg() {
    return B.neg(this);
  },
  exp() {
    return B.exp(this);
  },
  log() {
    return B.log(this);
  },
  log1p() {
    return B.log1p(this);
  },
  expm1() {
    return B.expm1(this);
  },
  sqrt() {
    return B.sqrt(this);
  },
  square() {
    return B.square(this);
  },
  abs() {
    return B.abs(this);
  },
  pow(k) {
    return B.pow(this, k);
  },
  sigmoid() {
    return B.sigmoid(this);
  },
  tanh() {
    return B.tanh(this);
  },
  relu() {
    return B.relu(this);
  },
  leakyRelu(slope?: number) {
    return B.leakyRelu(this, slope);
  },
  clip(lo: number, hi: number) {
    return B.clip(this, lo, hi);
  },
  max(o) {
    return B.max(this, o);
  },
  min(o) {
    return B.min(this, o);
  },
  stopGradient() {
    return stopGradient(this);
  },
  named(name: string) {
    return B.named(this, name) as never;
  },
};
Object.assign(NodeBase.prototype, methods);
