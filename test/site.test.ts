/**
 * Call sites from stack traces as Node, Chromium and Firefox print them (the browser bundle
 * runs the same parser): the user's frame, relative to the working directory, skipping gradgen's
 * own frames; a bundle degrades to no site, and nothing throws on a stack it cannot read.
 */
import { describe, expect, it } from 'vitest';
import { siteFromStack, userCallSite, withCallSite } from '../src/ir/site.ts';

const nodeOwn = {
  folder: '/app/node_modules/gradgen/dist',
  file: '/app/node_modules/gradgen/dist/ir/site.js',
};

describe('call sites from stack traces', () => {
  it('Node: file URLs (decoded) and paths, relative to the working directory', () => {
    const stack = [
      'Error',
      '    at input (file:///app/node_modules/gradgen/dist/builder/core.js:90:11)',
      '    at file:///app/my%20model/planar.mjs:12:7',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
    ].join('\n');
    expect(siteFromStack(stack, nodeOwn, '/app')).toBe('my model/planar.mjs:12');
    expect(siteFromStack(stack, nodeOwn, '/elsewhere')).toBe('/app/my model/planar.mjs:12');
    expect(siteFromStack(stack, nodeOwn, undefined)).toBe('/app/my model/planar.mjs:12');
  });

  it('Chromium and Firefox: http URLs, with and without function names', () => {
    const own = {
      folder: 'http://localhost:8080/node_modules/gradgen/dist',
      file: 'http://localhost:8080/node_modules/gradgen/dist/ir/site.js',
    };
    const chrome = [
      'Error',
      '    at input (http://localhost:8080/node_modules/gradgen/dist/builder/core.js:90:11)',
      '    at buildNet (http://localhost:8080/src/net.js:31:15)',
    ].join('\n');
    const firefox = [
      'input@http://localhost:8080/node_modules/gradgen/dist/builder/core.js:90:11',
      'buildNet@http://localhost:8080/src/net.js:31:15',
      '@http://localhost:8080/src/main.js:3:1',
    ].join('\n');
    expect(siteFromStack(chrome, own, undefined)).toBe('http://localhost:8080/src/net.js:31');
    expect(siteFromStack(firefox, own, undefined)).toBe('http://localhost:8080/src/net.js:31');
  });

  it('a bundle (gradgen and the user in one file) gives no site rather than a wrong one', () => {
    const own = { folder: '\u0000', file: 'http://localhost:8080/out/page.js' };
    const stack = [
      'Error',
      '    at input (http://localhost:8080/out/page.js:900:11)',
      '    at trainPlanar (http://localhost:8080/out/page.js:4100:13)',
    ].join('\n');
    expect(siteFromStack(stack, own, undefined)).toBeUndefined();
  });

  it('a stack it cannot read gives no site', () => {
    for (const stack of ['', 'Error', 'weird\nlines without locations', '    at <anonymous>']) {
      expect(siteFromStack(stack, nodeOwn, '/app')).toBeUndefined();
    }
  });
});

describe('withCallSite', () => {
  it('gives its site (undefined too) to what runs inside, nested, and restores it on the way out', () => {
    const here = userCallSite();
    expect(here).toMatch(/site\.test\.ts:\d+$/);
    const seen = withCallSite('a.ts:1', () => {
      const inner = withCallSite(undefined, () => userCallSite());
      expect(() =>
        withCallSite('c.ts:3', () => {
          throw new Error('x');
        }),
      ).toThrow('x');
      return [userCallSite(), inner, withCallSite('b.ts:2', () => userCallSite())];
    });
    expect(seen).toEqual(['a.ts:1', undefined, 'b.ts:2']);
    expect(userCallSite()).toMatch(/site\.test\.ts:\d+$/);
  });
});
