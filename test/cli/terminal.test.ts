import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, colorChoiceFrom, colorPatch, pagerCommand, paintFor, startPager, terminalWidth, useColor } from '../../src/cli/terminal.ts';
import { PLAIN } from '../../src/diff/paint.ts';
import { tempDir } from '../support/context.ts';

const tty = { isTTY: true, columns: 120 } as NodeJS.WritableStream & { isTTY: boolean; columns: number };
const pipe = {} as NodeJS.WritableStream;

describe('colour', () => {
  it('is on for a terminal, off for a pipe, off with NO_COLOR or --no-color, forced with --color', () => {
    expect(useColor('auto', tty, {})).toBe(true);
    expect(useColor('auto', pipe, {})).toBe(false);
    expect(useColor('auto', tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColor('auto', tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor('auto', tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor('always', pipe, { NO_COLOR: '1' })).toBe(true);
    expect(useColor('never', tty, {})).toBe(false);
  });

  it('takes the last of --color, --no-color and --color=WHEN, as git does', () => {
    expect(colorChoiceFrom([])).toBe('auto');
    expect(colorChoiceFrom(['--color'])).toBe('always');
    expect(colorChoiceFrom(['--color', '--no-color'])).toBe('never');
    expect(colorChoiceFrom(['--no-color', '--color=always'])).toBe('always');
    expect(colorChoiceFrom(['--color=never', '--color=auto'])).toBe('auto');
  });

  it('colours a patch like git: headers bold, hunk ranges cyan, additions green, deletions red', () => {
    const patch = 'diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@ heading\n-old\n+new\n same\n';
    const coloured = colorPatch(patch, ANSI);
    expect(coloured).toContain('\x1b[1mdiff --git a/x b/x\x1b[m');
    expect(coloured).toContain('\x1b[36m@@ -1 +1 @@\x1b[m heading');
    expect(coloured).toContain('\x1b[31m-old\x1b[m');
    expect(coloured).toContain('\x1b[32m+new\x1b[m');
    expect(coloured).toContain('\n same\n');
    expect(colorPatch(patch, PLAIN)).toBe(patch);
    expect(paintFor(false)).toBe(PLAIN);
  });

  it('reads the width from COLUMNS, then the terminal, else 80', () => {
    expect(terminalWidth(tty, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth(tty, {})).toBe(120);
    expect(terminalWidth(pipe, {})).toBe(80);
  });
});

describe('pager', () => {
  it('runs on a terminal only: $DOCDELTA_PAGER, then $PAGER, then less -FRX; none for cat, empty or --no-pager', () => {
    expect(pagerCommand(tty, {}, false)).toBe('less -FRX');
    expect(pagerCommand(tty, { PAGER: 'more' }, false)).toBe('more');
    expect(pagerCommand(tty, { PAGER: 'more', DOCDELTA_PAGER: 'most' }, false)).toBe('most');
    expect(pagerCommand(tty, { DOCDELTA_PAGER: 'cat' }, false)).toBeNull();
    expect(pagerCommand(tty, { PAGER: '' }, false)).toBeNull();
    expect(pagerCommand(tty, {}, true)).toBeNull();
    expect(pagerCommand(pipe, {}, false)).toBeNull();
  });

  it('feeds the pager through the shell and waits for it, with LESS=FRX set for it', async () => {
    const dir = await tempDir('docdelta-pager-');
    const out = path.join(dir, 'paged.txt');
    const pager = await startPager(`cat > '${out}'; printf '%s' "$LESS" >> '${out}'`, { PATH: process.env.PATH });
    expect(pager).not.toBeNull();
    pager!.stream.write('line one\nline two\n');
    await pager!.close();
    expect(await readFile(out, 'utf8')).toBe('line one\nline two\nFRX');
  });
});
