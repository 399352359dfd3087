import { Command, CommanderError } from 'commander';
import { DEFAULT_MODEL_FILE } from '../../model/default-model.js';
import { DEFAULT_TARGET } from '../targets/target.js';
import { EXIT, reportError } from './errors.js';

/** The options every command that reads the model and package.json takes. */
function withModelOptions(command: Command, itopHelp: string): Command {
  return command
    .option('--model <file>', 'model file (.ts, .js or .json)', DEFAULT_MODEL_FILE)
    .option('--itop <version>', itopHelp, DEFAULT_TARGET)
    .option('--release-date <date>', 'release date (YYYY-MM-DD) instead of package.json itopExtension.releaseDate')
    .option('--itop-min <version>', "minimum iTop version for extension.xml and the module dependencies (default: the target's)");
}

const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Builds the command line; each action stores its exit code instead of exiting, so tests can drive it.
 * Each command loads its code on use: `check` must start fast on large imports (docs/IMPORT-CHECK.md).
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('br-medicaldevice-gen')
    .description('Generates the br-medicaldevice iTop extension from its model')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const run = (action: () => Promise<number>) => async () => setExitCode(await action().catch((error: unknown) => reportError(error)));

  withModelOptions(
    program
      .command('generate')
      .description('model → dist/<module>/ (replaced atomically)')
      .option('--out <dir>', 'folder that receives the extension folder', 'dist')
      .option('--docs <dir>', 'folder that receives the generated documentation', 'docs/generated')
      .option('--no-docs', 'do not write the documentation')
      .option('--check', 'write nothing; exit 1 and list the files that differ when the output is stale')
      .option('--since <dir|zip>', 'release to compare the schema with (default: the extension folder in --out, before it is overwritten)'),
    'iTop version to generate for',
  ).action(function (this: Command) {
    return run(async () => (await import('./generate-command.js')).runGenerate(this.opts(), log))();
  });

  program
    .command('validate')
    .description('load and check the model, write nothing')
    .option('--model <file>', 'model file (.ts, .js or .json)', DEFAULT_MODEL_FILE)
    .action(function (this: Command) {
      return run(async () => (await import('./generate-command.js')).runValidate({ ...this.opts(), itop: DEFAULT_TARGET } as { model: string; itop: string }, log))();
    });

  withModelOptions(
    program
      .command('package')
      .description('model → release zip <out>/<module>-<version>.zip and its .sha256 (same commit, same bytes)')
      .option('--out <dir>', 'folder that receives the zip and its .sha256', 'dist'),
    'iTop version to package for (its zip suffix is added to the name)',
  ).action(function (this: Command) {
    return run(async () => (await import('./package-command.js')).runPackage(this.opts(), log))();
  });

  // check: loaded on use, so the other commands do not load the CSV reader.
  program
    .command('check')
    .description("check CSV files for iTop's import against every rule before importing them (exit 1: errors, 2: unusable input)")
    .option('--ae <file>', 'CSV file of DICOM AEs (MedicalDicomApplicationEntity)')
    .option('--links <file>', 'CSV file of DICOM communication links (MedicalDicomCommunicationLink)')
    .option('--existing <[class:]file>', 'iTop export of existing objects (AEs, links, organizations…); repeatable', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--format <format>', 'text or json', 'text')
    .option('--lang <language>', 'language of the messages: en, de or fr', 'en')
    .option('--strict', 'exit 1 on warnings too')
    .option('--encoding <charset>', 'utf-8 (a BOM is allowed), iso-8859-1 or windows-1252', 'utf-8')
    .option('--separator <char>', "',', ';' or tab (default: detected on the header line)")
    .option('--itop <url>', 'read the existing objects the files touch from this iTop (REST, read only); credentials: ITOP_USER / ITOP_PWD or ITOP_TOKEN')
    .option('--itop-user <user>', 'REST user (default: ITOP_USER)')
    .option('--itop-password-file <file>', 'file holding the password (default: ITOP_PWD)')
    .option('--itop-token-file <file>', 'file holding an iTop token (default: ITOP_TOKEN; authent-token extension)')
    .option('--itop-page-size <n>', 'objects per REST request (default 1000)')
    .option('--insecure', 'with --itop over https: do not verify the certificate (prefer NODE_EXTRA_CA_CERTS)')
    .action(function (this: Command) {
      return run(async () => {
        const { runCheck } = await import('./check-command.js');
        return runCheck(this.opts(), (text) => process.stdout.write(text));
      })();
    });

  // audit: loaded on use, like check.
  program
    .command('audit')
    .description('list the stored objects of iTop exports that break a governance rule, as iTop\'s Audit does (exit 1: errors, 2: unusable input)')
    .argument('<exports...>', 'iTop exports of AEs, links, organizations… ([class:]file)')
    .option('--format <format>', 'text or json', 'text')
    .option('--lang <language>', 'language of the messages: en, de or fr', 'en')
    .option('--strict', 'exit 1 on warnings too')
    .option('--obsolete', 'audit obsolete objects too (iTop shows them only with "show obsolete data")')
    .option('--encoding <charset>', 'utf-8 (a BOM is allowed), iso-8859-1 or windows-1252', 'utf-8')
    .option('--separator <char>', "',', ';' or tab (default: detected on the header line)")
    .action(function (this: Command, exports: string[]) {
      return run(async () => (await import('./audit-command.js')).runAuditCommand(exports, this.opts(), (text) => process.stdout.write(text)))();
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    return reportError(error);
  }
  return exitCode;
}
