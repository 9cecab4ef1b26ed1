/*
 * The Node entry of the embedding API: everything from src/api/index.ts plus `nodeHost`, the Host that gives
 * Lua the real file system, processes, environment and clocks (io, os, package, loadfile, doFile). Kept out of
 * src/api/index.ts so that the main entry imports no Node module and runs in browsers.
 *
 *   import { Lua, nodeHost } from 'moonrise/node';
 *   const lua = new Lua({ host: nodeHost });
 */
export * from './index.js';
export { nodeHost } from '../host/node.js';
