/**
 * What a lowered step reads of its function (src/emit/scope.ts) is found by a scan of character
 * codes: it finds what the regular expressions it replaced found — the identifiers of a line
 * (not property names, not numbers), the names a step declares, and the top-level names it reads
 * — on every line of lowered random scalar and tensor graphs, and on random code-like text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/grad.ts';
import { randomScalarGraph } from '../../src/bench/compileTime.ts';
import { Namer } from '../../src/emit/names.ts';
import {
  codeNames,
  codeOf,
  localNames,
  stepReads,
  topLevelNames,
  type Kind,
} from '../../src/emit/scope.ts';
import { leavesOf } from '../../src/ir/graph.ts';
import type { Node } from '../../src/ir/node.ts';
import { lower, type LoweredStep } from '../../src/lower/lower.ts';
import { buildGraph, recipeArb } from '../props/tensorArbitraries.ts';

// ---- the regular expressions the scan replaced, as the reference ----------------------------

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /\d[\d.]*(?:[eE][+-]?\d+)?/y;
const DECLARATION = /\b(?:const|let)\s+([A-Za-z_$][\w$]*)/g;

function referenceNames(code: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < code.length;) {
    if (/\d/.test(code[i]!)) {
      NUMBER.lastIndex = i;
      i = NUMBER.exec(code) ? NUMBER.lastIndex : i + 1;
      continue;
    }
    if (!/[A-Za-z_$]/.test(code[i]!)) {
      i++;
      continue;
    }
    IDENT.lastIndex = i;
    const m = IDENT.exec(code)!;
    if (code[i - 1] !== '.') names.push(m[0]);
    i = IDENT.lastIndex;
  }
  return names;
}

function referenceCodeOf(line: string): string {
  if (line.startsWith('//')) return '';
  const at = line.indexOf(' // ');
  return at < 0 ? line : line.slice(0, at);
}

function referenceLocals(step: LoweredStep): Set<string> {
  const declared = new Set<string>();
  for (const line of step.lines) {
    if (!line.includes('const') && !line.includes('let')) continue;
    for (const d of referenceCodeOf(line).matchAll(DECLARATION)) declared.add(d[1]!);
  }
  return declared;
}

function referenceReads(step: LoweredStep, kinds: ReadonlyMap<string, Kind>): string[] {
  const declared = referenceLocals(step);
  declared.delete(step.name);
  const reads: string[] = [];
  for (const line of step.lines) {
    for (const n of referenceNames(referenceCodeOf(line))) {
      if (n !== step.name && kinds.has(n) && !declared.has(n) && !reads.includes(n)) reads.push(n);
    }
  }
  return reads;
}

// -----------------------------------------------------------------------------------------------

function expectAsReference(outputs: Record<string, Node>): number {
  const program = lower(outputs, leavesOf(Object.values(outputs)), 'float64', new Namer(), 'test');
  const kinds = topLevelNames(program);
  let reads = 0;
  for (const step of program.steps) {
    for (const line of step.lines) {
      expect(codeOf(line)).toBe(referenceCodeOf(line));
      expect(codeNames(codeOf(line))).toEqual(referenceNames(referenceCodeOf(line)));
    }
    expect(localNames(step)).toEqual(referenceLocals(step));
    const found = stepReads(step, kinds);
    expect(found).toEqual(referenceReads(step, kinds));
    reads += found.length;
  }
  return reads;
}

function withGradients(y: Node, leaves: readonly Node[]): Record<string, Node> {
  const outputs: Record<string, Node> = { y };
  grad(y, leaves).forEach((g, i) => (outputs[`d${i}`] = g));
  return outputs;
}

describe('the scan finds what the regular expressions found', () => {
  it('on every step of lowered random tensor graphs and their gradients', () => {
    fc.assert(
      fc.property(recipeArb({ maxSteps: 10 }), (recipe) => {
        const g = buildGraph(recipe);
        expectAsReference(
          withGradients(
            g.cost,
            g.leaves.map((l) => l.node),
          ),
        );
      }),
      { seed: 0x5c0be, numRuns: 60 },
    );
  });

  it("on every step of the compile bench's random scalar graphs", () => {
    const { y, inputs } = randomScalarGraph(300, 3);
    expect(expectAsReference(withGradients(y, inputs))).toBeGreaterThan(300);
  });

  it('on random code-like text', () => {
    const pieces = [
      ...['const ', 'let ', 'const', 'let', 'letter ', 'constant ', '$', '_', 'x', 'A1', 'e'],
      ...['1', '2.5', '1e', '1e+', '3e-7', '.', ' ', '\t', '(', ')', '[', ']', ' = ', '+', '-'],
      ...[' // ', '//', 'Math.exp', 'a.b', ';', '!', '0x1f', '`', "'", '"', 'é'],
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (lines) => {
        for (const line of lines) {
          expect(codeOf(line)).toBe(referenceCodeOf(line));
          expect(codeNames(line)).toEqual(referenceNames(line));
        }
        const names = lines.flatMap((l) => referenceNames(l));
        const kinds = new Map<string, Kind>(names.map((n) => [n, 'number']));
        const step = {
          node: undefined as unknown as Node,
          nodes: [],
          name: names[0] ?? 'x',
          comment: '',
          lines,
          kind: 'kernel' as const,
        };
        expect(localNames(step)).toEqual(referenceLocals(step));
        expect(stepReads(step, kinds)).toEqual(referenceReads(step, kinds));
      }),
      { seed: 0x5c0be, numRuns: 3000 },
    );
  });
});
