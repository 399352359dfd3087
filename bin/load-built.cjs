'use strict';
/**
 * Loads a file of build/ (CommonJS, made by scripts/build.mjs) with V8's code cache: the compiled code is kept in
 * `<file>.v8cache` beside it and reused by the next runs, so a run does not parse and compile the bundle again
 * (Node 20 has no compile cache of its own: module.enableCompileCache came with Node 22). The cache is written at
 * the end of a run that had none (or a stale one); a cache V8 rejects (other Node version, changed bundle) is
 * simply rewritten; a folder that cannot be written to only costs the speed-up. Files of build/ that a bundle
 * requires (`./<name>-command.cjs`) are loaded the same way.
 *
 * Code run from a vm.Script cannot call import() without an experimental host hook: the bundles import modules
 * outside the program (a user's model file, tsx) through globalThis.__brMedicaldeviceImport, lent here
 * (model/load/import-outside.ts). With BR_MEDICALDEVICE_DEBUG set, files are required as usual, so source maps apply.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const useCache = !process.env.BR_MEDICALDEVICE_DEBUG;
globalThis.__brMedicaldeviceImport = (specifier) => import(specifier);
const modules = new Map();

function loadBuilt(file) {
  if (!useCache) return require(file);
  const known = modules.get(file);
  if (known) return known.exports;
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {}, id: file, filename: file, loaded: false };
  modules.set(file, module);
  const nodeRequire = Module.createRequire(file);
  const dir = path.dirname(file);
  const localRequire = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadBuilt(path.join(dir, id)) : nodeRequire(id));
  localRequire.resolve = nodeRequire.resolve;
  script.runInThisContext()(module.exports, localRequire, module, file, dir);
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit: the cache then holds the functions this run compiled too, not only the top level.
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        try {
          fs.rmSync(temporary, { force: true });
        } catch {
          // nothing to clean
        }
      }
    });
  }
  return module.exports;
}

module.exports = { loadBuilt };
