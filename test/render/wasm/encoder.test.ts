import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeModule } from '../../../src/render/wasm/encoder.js';
import { FuncBuilder, OPS, type Module, type Op } from '../../../src/render/wasm/instr.js';
import { instantiate, simdSupported, wasmApi } from '../../../src/render/wasm/index.js';
import { simdProbeBytes } from '../../../src/render/wasm/runtime.js';
import { printWat } from '../../../src/render/wasm/wat.js';
import { wabtBytes } from './harness.js';

const oneFunc = (b: FuncBuilder): Module => ({
  memoryPages: 2,
  imports: [{ module: 'env', field: 'exp', name: 'exp', params: ['f64'], results: ['f64'] }],
  funcs: [b.finish()],
});

describe('wasm encoder and WAT printer', () => {
  it('print constants, LEB128 immediates and memargs that wabt reads back to our bytes', () => {
    const arb = fc.record({
      f64: fc.array(fc.double(), { maxLength: 8 }),
      f32: fc.array(fc.float(), { maxLength: 8 }),
      i32: fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 8 }),
      offsets: fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const b = new FuncBuilder('f', [{ name: 'p', type: 'i32' }], []);
        for (const v of c.f64) b.op('f64.const', v).op('drop');
        for (const v of c.f32) b.op('f32.const', v).op('drop');
        for (const v of c.i32) b.i32(v).op('drop');
        for (const o of c.offsets)
          b.get(0).mem('v128.load', o, 3).op('drop').get(0).mem('f64.load', o, 3).op('drop');
        const m = oneFunc(b);
        expect(Buffer.from(wabtBytes(printWat(m))).equals(Buffer.from(encodeModule(m)))).toBe(true);
      }),
      { seed: 143, numRuns: 100 },
    );
  });

  it('encodes every opcode of the table as wabt does', () => {
    // each op once, in a function wabt does not validate (types need not match): the opcode
    // bytes and immediates are what is compared
    const b = new FuncBuilder('f', [{ name: 'x', type: 'v128' }], []);
    for (const op of Object.keys(OPS) as Op[]) {
      const imm = OPS[op].imm;
      if (op === 'block' || op === 'loop' || op === 'if') b.op(op).op('end');
      else if (op === 'else' || op === 'end') continue;
      else if (imm === 'mem') b.mem(op, 4, 0);
      else if (imm === 'shuffle')
        b.shuffle([3, 16, 0, 31, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1], 1);
      else if (imm === 'none') b.op(op);
      else if (
        imm === 'local' ||
        imm === 'label' ||
        imm === 'i32' ||
        imm === 'f32' ||
        imm === 'f64'
      )
        b.op(op, 0);
      else if (imm === 'func') b.op(op, 0);
      else b.op(op, 1);
    }
    const m = oneFunc(b);
    expect(Buffer.from(wabtBytes(printWat(m))).equals(Buffer.from(encodeModule(m)))).toBe(true);
  });

  it('runs: a named local, a loop, a call to an imported function', () => {
    const b = new FuncBuilder('f', [{ name: 'n', type: 'i32' }], ['f64']);
    const acc = b.local('f64', 'acc');
    b.note('acc = Σ exp(0) n times');
    b.op('loop').get(acc).op('f64.const', 0).op('call', 0).op('f64.add').set(acc);
    b.get(0).i32(1).op('i32.sub').tee(0).op('br_if', 0).op('end').get(acc);
    const m = oneFunc(b);
    expect(printWat(m)).toContain(';; acc = Σ exp(0) n times');
    const memory = new (wasmApi().Memory)({ initial: 2 });
    const f = instantiate(encodeModule(m), memory, { exp: Math.exp }).f as (n: number) => number;
    expect(f(5)).toBe(5);
  });

  it('shuffles lanes of two vectors as i8x16.shuffle does', () => {
    // f(x, y) = lane 0 of shuffle(splat(x), splat(y)) by 32-bit lanes [4, 1, 6, 3]: y
    const b = new FuncBuilder(
      'f',
      [
        { name: 'x', type: 'f32' },
        { name: 'y', type: 'f32' },
      ],
      ['f32'],
    );
    b.get(0).op('f32x4.splat').get(1).op('f32x4.splat').shuffle([4, 1, 6, 3], 4);
    b.op('f32x4.extract_lane', 0);
    const m = oneFunc(b);
    expect(printWat(m)).toContain('i8x16.shuffle 16 17 18 19 4 5 6 7 24 25 26 27 12 13 14 15');
    expect(Buffer.from(wabtBytes(printWat(m))).equals(Buffer.from(encodeModule(m)))).toBe(true);
    const memory = new (wasmApi().Memory)({ initial: 2 });
    const f = instantiate(encodeModule(m), memory, { exp: Math.exp }).f as (
      x: number,
      y: number,
    ) => number;
    expect(f(1, 2)).toBe(2);
    expect(() => new FuncBuilder('g', []).shuffle([0, 1, 2], 4)).toThrow(/bad lanes/);
  });

  it('probes SIMD with a module that is valid only with SIMD128', () => {
    expect(simdSupported()).toBe(true); // Node 20+ has SIMD128
    const probe = simdProbeBytes();
    expect(wasmApi().validate(probe)).toBe(true);
    // the same module with the SIMD op replaced by an unknown 0xFD sub-opcode is refused
    const broken = probe.slice();
    broken[broken.length - 3] = 0xff;
    broken[broken.length - 2] = 0x7f;
    expect(wasmApi().validate(broken)).toBe(false);
  });
});
