// What every jobs/*.ts shares: run once, turn a bad configuration or an error into a message and
// an exit code (0 ok, 1 failed, 2 configuration or input).
import { ConfigError } from '../src/config.ts';
import { DocdeltaError } from '../src/errors.ts';
import { stderrLogger } from '../src/logger.ts';

export async function runEntryPoint(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError || (error instanceof DocdeltaError && error.code === 'INVALID_INPUT')) {
      stderrLogger.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof DocdeltaError) {
      stderrLogger.error(`${error.code}: ${error.message}`);
      process.exitCode = 1;
    } else {
      stderrLogger.error(`unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      process.exitCode = 1;
    }
  }
}
