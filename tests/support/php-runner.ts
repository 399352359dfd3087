/**
 * Real PHP for tests, through php-wasm (no PHP installation needed).
 *
 *   const php = await startPhp('8.3');          // ~0.6 s the first time in a worker: start one per test file (beforeAll), reuse it
 *   const r = await php.run({ 'lib.php': '<?php …', 'main.php': '<?php require __DIR__ . "/lib.php"; …' }, 'main.php');
 *   r.stdout; r.stderr; r.exitCode;             // stdout = what the script printed; stderr = PHP's errors and warnings
 *   const l = await php.lint(code);             // { ok, message }: parse and compile, without running
 *   php.exit();                                 // afterAll: ALWAYS, or the vitest worker never ends
 *
 * One-shot helpers `runPhp(files, entry, version)` and `lintPhp(code, version)` use the same runtime.
 *
 * Starting a PHP runtime is what these tests spend most of their time on, so a worker keeps one runtime per
 * version and hands it to every caller (the PHP test files share workers: `isolate: false` in vitest.config.ts).
 * exit() releases a caller's hold; the runtime is freed once nobody held it for a moment (the next test file of the
 * worker usually takes it over before that).
 *
 * Every run is a fresh PHP request (no class or global survives it), in a fresh folder of the virtual file
 * system that is removed afterwards. PHP's error messages go to stderr only (display_errors off, log to stderr), so stdout
 * carries exactly what the script echoes (e.g. JSON). A fatal error is not thrown: it comes back as exitCode 255.
 */
import * as phpWasmNode from '@php-wasm/node';
import * as phpWasmUniversal from '@php-wasm/universal';

// The .d.ts of @php-wasm 3.0.54 re-export './lib' without an extension, which TypeScript's NodeNext resolution
// does not follow (every export looks missing); the little of the API used here is typed locally instead.
interface PhpWasmResponse {
  text: string;
  errors: string;
  exitCode: number;
}
interface PhpWasm {
  run(request: { scriptPath: string }): Promise<PhpWasmResponse>;
  mkdir(path: string): void;
  writeFile(path: string, data: string): void;
  rmdir(path: string, options?: { recursive?: boolean }): void;
  exit(code?: number): void;
}
const { loadNodeRuntime } = phpWasmNode as unknown as { loadNodeRuntime(version: string): Promise<number> };
const { PHP, setPhpIniEntries } = phpWasmUniversal as unknown as {
  PHP: new (runtimeId: number) => PhpWasm;
  setPhpIniEntries(php: PhpWasm, entries: Record<string, string>): Promise<void>;
};

export type PhpVersion = '8.3' | '7.4';

export interface PhpResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface LintResult {
  ok: boolean;
  /** PHP's parse or compile error ('' when ok). */
  message: string;
}

export interface PhpRuntime {
  readonly version: PhpVersion;
  /** Writes `files` (paths relative to a fresh folder) and runs `entry` (one of them) as a script. */
  run(files: Record<string, string>, entry: string): Promise<PhpResult>;
  /** Parses and compiles `code` (a whole file, starting with `<?php`) without executing any of it. */
  lint(code: string): Promise<LintResult>;
  /** Frees the runtime; mandatory. */
  exit(): void;
}

/** PHP error levels as PHP's `E_ALL`. */
const E_ALL = 32767;

let runCounter = 0;

interface SharedRuntime {
  runtime: Promise<PhpRuntime>;
  holders: number;
  release?: ReturnType<typeof setTimeout>;
}
const shared = new Map<PhpVersion, SharedRuntime>();
/** How long an unused runtime is kept for the next test file of the worker. */
const KEEP_UNUSED_MS = 1000;

/** A hold on the worker's runtime of `version` (started on first use); exit() releases the hold, not the runtime. */
export async function startPhp(version: PhpVersion = '8.3'): Promise<PhpRuntime> {
  let entry = shared.get(version);
  if (!entry) {
    entry = { runtime: startOwnPhp(version), holders: 0 };
    shared.set(version, entry);
    entry.runtime.catch(() => shared.delete(version));
  }
  const held = entry;
  held.holders++;
  if (held.release) clearTimeout(held.release);
  delete held.release;
  const runtime = await held.runtime;
  let released = false;
  return {
    version,
    run: (files, entry) => runtime.run(files, entry),
    lint: (code) => runtime.lint(code),
    exit() {
      if (released) return;
      released = true;
      if (--held.holders > 0) return;
      held.release = setTimeout(() => {
        if (held.holders > 0) return;
        shared.delete(version);
        runtime.exit();
      }, KEEP_UNUSED_MS);
      held.release.unref();
    },
  };
}

/** A runtime of its own, freed by exit(). */
async function startOwnPhp(version: PhpVersion): Promise<PhpRuntime> {
  const php = new PHP(await loadNodeRuntime(version));
  await setPhpIniEntries(php, {
    display_errors: '0',
    display_startup_errors: '0',
    html_errors: '0',
    log_errors: '1',
    error_reporting: String(E_ALL),
    memory_limit: '512M',
  });

  const execute = async (scriptPath: string): Promise<PhpResult> => {
    try {
      const response = await php.run({ scriptPath });
      return { stdout: response.text, stderr: response.errors, exitCode: response.exitCode };
    } catch (error) {
      // php.run throws on a non-zero exit code; the response is attached to the error.
      const response = (error as { response?: { text: string; errors: string; exitCode: number } }).response;
      if (!response) throw error;
      return { stdout: response.text, stderr: response.errors, exitCode: response.exitCode };
    }
  };

  return {
    version,
    async run(files, entry) {
      if (!Object.hasOwn(files, entry)) throw new Error(`runPhp: the entry '${entry}' is not among the files`);
      const root = `/tests/run-${++runCounter}`;
      try {
        for (const [relative, content] of Object.entries(files)) {
          const target = `${root}/${relative}`;
          php.mkdir(target.slice(0, target.lastIndexOf('/')));
          php.writeFile(target, content);
        }
        return await execute(`${root}/${entry}`);
      } finally {
        php.rmdir(root, { recursive: true });
      }
    },
    async lint(code) {
      const root = `/tests/lint-${++runCounter}`;
      php.mkdir(root);
      php.writeFile(`${root}/source.php`, code);
      // eval() compiles the whole text before running it, and `return` ends it before the first statement:
      // parse errors and compile errors (duplicate methods, [] for reading…) surface, nothing runs.
      // Top-level classes without a parent may be declared by the compiler; each lint is a fresh request.
      php.writeFile(
        `${root}/lint.php`,
        [
          '<?php',
          'try {',
          `\teval('return true; ?>' . file_get_contents(__DIR__ . '/source.php'));`,
          "\techo 'OK';",
          '} catch (\\ParseError $e) {',
          "\techo 'Parse error: ', $e->getMessage(), ' on line ', $e->getLine();",
          '} catch (\\Throwable $e) {',
          "\techo get_class($e), ': ', $e->getMessage(), ' on line ', $e->getLine();",
          '}',
        ].join('\n'),
      );
      const result = await execute(`${root}/lint.php`).finally(() => php.rmdir(root, { recursive: true }));
      if (result.exitCode === 0 && result.stdout === 'OK' && result.stderr === '') return { ok: true, message: '' };
      const message = [result.stdout === 'OK' ? '' : result.stdout, result.stderr].filter((s) => s.trim() !== '').join('\n').trim();
      return { ok: false, message: message || `exit code ${result.exitCode}` };
    },
    exit() {
      php.exit();
    },
  };
}

/** Runs one script in the worker's runtime of `version`. */
export async function runPhp(files: Record<string, string>, entry: string, version: PhpVersion = '8.3'): Promise<PhpResult> {
  const php = await startPhp(version);
  try {
    return await php.run(files, entry);
  } finally {
    php.exit();
  }
}

/** Lints one file in the worker's runtime of `version`. */
export async function lintPhp(code: string, version: PhpVersion = '8.3'): Promise<LintResult> {
  const php = await startPhp(version);
  try {
    return await php.lint(code);
  } finally {
    php.exit();
  }
}
