/**
 * `npm run bench` (see ./run.ts for what it measures). tfjs-core's ES-module build imports
 * directories (`export * from './gradients'`), which Node's ESM resolver refuses; its gradient
 * functions live only there (`dist/register_all_gradients`), so before loading anything this
 * registers a resolve hook that retries a refused directory import as `<dir>.js` (tfjs has both
 * `gradients/` and `gradients.js`), then `<dir>/index.js`.
 * Static imports are linked before any code runs, hence the dynamic import of ./run.ts. Its
 * failure is printed here: TF.js's wasm backend installs a process-wide unhandledRejection
 * handler that rethrows, which would report any error as "undefined".
 */
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!e || e.code !== 'ERR_UNSUPPORTED_DIR_IMPORT') throw e;
    try {
      return await next(specifier + '.js', context);
    } catch {
      return next(specifier + '/index.js', context);
    }
  }
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
try {
  await import('./run.js');
} catch (e) {
  console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
}
