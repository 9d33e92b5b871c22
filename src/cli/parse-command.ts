/**
 * The argument scaffold every command shares: parse strictly with `--help`/`-h` added, print
 * the help on `--help` (exit 0) and the problem with the help on bad arguments (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The parsed arguments, or the exit code when the command should stop here. */
export function parseCommand<const O extends Options>(args: string[], options: O, help: string, io: CliIo) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr.write(`参数错误 / bad arguments: ${(e as Error).message}\n\n${help}\n`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout.write(help + '\n');
    return 0;
  }
  return parsed;
}
