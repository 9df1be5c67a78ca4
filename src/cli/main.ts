/**
 * The `fazhi` command line. Each module registers its own sub-commands here.
 */
import { Command } from 'commander';
import { registerPlatformCommands } from './platform.cli';
import { registerDeadlineCommands } from '../modules/calendar/calendar.cli';
import { platformDeadlineDeps, registerCalendarCommands } from '../modules/calendar/calendar.commands';
import { registerCheckerCommands } from '../modules/checker/checker.cli';
import { registerDisclosureCommands } from '../modules/disclosure/disclosure.cli';

// `fazhi … | head` closes the pipe early: end quietly instead of printing an EPIPE stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command();
program.name('fazhi').description('法治政府建设工作平台 Fazhi 命令行').showHelpAfterError();

// Module commands are registered below (one line per module).
registerPlatformCommands(program);
registerDeadlineCommands(program, platformDeadlineDeps);
registerCalendarCommands(program);
registerCheckerCommands(program);
registerDisclosureCommands(program);

await program.parseAsync(process.argv);
