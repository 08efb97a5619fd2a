/**
 * autocannon's `setupRequest` in its worker thread (bench/timeLoad.ts): the client runs
 * beside the server's event loop, not on it, as real users' browsers do. A worker gets no
 * functions from the main thread, only this file and the environment: the targets come as a
 * JSON file named by RT_LOAD_TARGETS, taken in turn.
 */
/* global require, process, module */
// autocannon's worker loads this file with require(): it must be CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFileSync } = require('node:fs');

const targets = JSON.parse(readFileSync(process.env.RT_LOAD_TARGETS, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const target = targets[next++ % targets.length];
  return { ...request, path: target.path, headers: { ...request.headers, ...target.headers } };
};
