// A logger that keeps every line, so tests can check what was logged — and what never was.
import type { Logger } from '../../src/logger.ts';

export interface CapturedLogger extends Logger {
  lines: string[];
  text(): string;
}

export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  };
  return { lines, text: () => lines.join('\n'), info: write('info'), warn: write('warn'), error: write('error') };
}
