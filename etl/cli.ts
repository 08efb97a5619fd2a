/**
 * The command line of contract section 5: `npm run --silent etl -- import|figures|followup|competence|quarantine|backup|restore`,
 * and `user add|list|disable|set-password` for the dashboard's accounts.
 * Errors go to stderr with a non-zero exit; stdout carries only the requested output. Only
 * the project's own messages about the arguments are printed as they are; any other error is
 * redacted (etl/log/cliErrorMessage.ts): stderr ends up in a cron log.
 */
import { Command, Option } from 'commander';
import { kinds } from './contract/index.ts';
import type { KindName } from './contract/types.ts';
import { defaultDatabasePath } from './db/defaultPaths.ts';
import { cliErrorMessage } from './log/cliErrorMessage.ts';
import { backupCommand, restoreCommand } from './cli/backupCommand.ts';
import { competenceCommand } from './cli/competenceCommand.ts';
import { figuresCommand } from './cli/figuresCommand.ts';
import { followupCommand } from './cli/followupCommand.ts';
import { importCommand } from './cli/importCommand.ts';
import { quarantineCommand } from './cli/quarantineCommand.ts';
import { userAddCommand, userDisableCommand, userListCommand, userSetPasswordCommand } from './cli/userCommand.ts';

const program = new Command('etl').description('Ressursteam-tall: import exports and compute key figures').showHelpAfterError();

program
  .command('import')
  .argument('<paths...>', 'CSV files or folders of CSV files')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .addOption(new Option('--kind <kind>', 'file kind instead of detecting it from the header').choices(kinds.map((k) => k.kind)))
  .option('--json', 'print the import report as JSON')
  .action((paths: string[], opts: { db: string; json?: boolean; kind?: KindName }) => importCommand(paths, opts));

program
  .command('figures')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .requiredOption('--from <date>', 'period start, YYYY-MM-DD (inclusive)')
  .requiredOption('--to <date>', 'period end, YYYY-MM-DD (inclusive)')
  .option('--as-of <date>', 'as-of date, YYYY-MM-DD (default today)')
  .option('--school <id>', 'one school')
  .option('--municipality <name>', 'one municipality')
  .addOption(new Option('--level <level>', 'school level').choices(['barneskole', 'ungdomsskole', 'kombinert']))
  .addOption(new Option('--by <group>', 'break down by school or municipality').choices(['school', 'municipality']))
  .option('--json', 'print JSON')
  .action((opts) => figuresCommand(opts));

program
  .command('followup')
  .description('the year wheel followed up: the figures of contract section 4b and the lists to act on')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .requiredOption('--from <date>', 'period start, YYYY-MM-DD (inclusive)')
  .requiredOption('--to <date>', 'period end, YYYY-MM-DD (inclusive)')
  .option('--as-of <date>', 'as-of date, YYYY-MM-DD (default today)')
  .option('--school <id>', 'one school')
  .option('--municipality <name>', 'one municipality')
  .addOption(new Option('--level <level>', 'school level').choices(['barneskole', 'ungdomsskole', 'kombinert']))
  .option('--json', 'print JSON')
  .action((opts) => followupCommand(opts));

program
  .command('competence')
  .description("PPT's competence efforts: the reach, demand and challenges of contract section 4c")
  .option('--db <path>', 'database file', defaultDatabasePath())
  .requiredOption('--from <date>', 'period start, YYYY-MM-DD (inclusive)')
  .requiredOption('--to <date>', 'period end, YYYY-MM-DD (inclusive)')
  .option('--school <id>', 'one school')
  .option('--municipality <name>', 'one municipality')
  .addOption(new Option('--level <level>', 'school level').choices(['barneskole', 'ungdomsskole', 'kombinert']))
  .option('--json', 'print JSON')
  .action((opts) => competenceCommand(opts));

program
  .command('quarantine')
  .description('list rows rejected by earlier imports and still in quarantine')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .option('--batch <n>', 'only this import batch')
  .option('--all', 'also rows a later import fixed (marked «rettet i import N»)')
  .option('--json', 'print JSON')
  .action((opts) => quarantineCommand(opts));

program
  .command('backup')
  .description('write the database as Parquet (EXPORT DATABASE) and a copy of the pseudonym key into an empty folder')
  .argument('<folder>')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .action((folder: string, opts: { db: string }) => backupCommand(folder, opts));

program
  .command('restore')
  .description('build a new database file from a backup folder (and put the pseudonym key beside it)')
  .argument('<folder>')
  .requiredOption('--db <path>', 'the new database file (must not exist)')
  .option('--key <file>', 'the pseudonym key, if moved out of the backup folder')
  .action((folder: string, opts: { db: string; key?: string }) => restoreCommand(folder, opts));

const user = program.command('user').description('accounts that may sign in to the dashboard');

user
  .command('add')
  .argument('<username>')
  .requiredOption('--role <role>', 'admin, municipality, rector or ppt')
  .option('--municipality <name>', 'the municipality of a municipality or ppt user')
  .option('--school <id>', "a rector's school")
  .option('--password-stdin', 'read the password from stdin (otherwise one is generated and printed once)')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .option('--json', 'print JSON')
  .action((username: string, opts) => userAddCommand(username, opts));

user
  .command('list')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .option('--json', 'print JSON')
  .action((opts) => userListCommand(opts));

user
  .command('disable')
  .argument('<username>')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .action((username: string, opts) => userDisableCommand(username, opts));

user
  .command('set-password')
  .argument('<username>')
  .option('--password-stdin', 'read the password from stdin (otherwise one is generated and printed once)')
  .option('--db <path>', 'database file', defaultDatabasePath())
  .action((username: string, opts) => userSetPasswordCommand(username, opts));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`feil: ${cliErrorMessage(error)}\n`);
  process.exitCode = 1;
});
