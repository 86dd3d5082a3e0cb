// The synthetic cases 01-16 of shared/rename-spec.md: docdelta's pairing and counts must equal the
// outputs recorded there, and the machine's git wherever its version agrees with the modern rules.
import { afterEach, describe, expect, it } from 'vitest';
import { diffTrees, type DiffOptions } from '../../src/diff/index.ts';
import {
  gitNameStatus,
  gitNumstat,
  gitTreePair,
  inputFiles,
  lines,
  L,
  nameStatusOf,
  numstatOf,
  type GitTreePair,
  type Tree,
} from '../support/git-trees.ts';

const pairs: GitTreePair[] = [];
afterEach(() => {
  for (const pair of pairs.splice(0)) pair.dispose();
});

function ours(oldTree: Tree, newTree: Tree, options?: DiffOptions) {
  const result = diffTrees(inputFiles(oldTree), inputFiles(newTree), options);
  return { ...result, nameStatus: nameStatusOf(result.files), numstat: numstatOf(result.files) };
}

function expectSameAsGit(oldTree: Tree, newTree: Tree, options?: DiffOptions, gitArgs: string[] = []) {
  const result = ours(oldTree, newTree, options);
  const pair = gitTreePair(oldTree, newTree);
  pairs.push(pair);
  expect(result.nameStatus).toEqual(gitNameStatus(pair, gitArgs));
  expect(result.numstat).toEqual(gitNumstat(pair, ['--minimal', ...gitArgs]));
  return result;
}

const repeat = (line: string, times: number) => line.repeat(times);

describe('rename-spec synthetic cases', () => {
  it('01: accepts a rename at exactly 50% and rejects one at 49%', () => {
    const result = expectSameAsGit(
      { 'fifty_src.txt': lines(0, 9), 'fortynine_src.txt': lines(1000, 1099) },
      { 'fifty_dst.txt': lines(0, 4) + lines(100, 104), 'fortynine_dst.txt': lines(1000, 1048) + lines(2000, 2050) },
    );
    expect(result.nameStatus).toEqual(['R050\tfifty_src.txt\tfifty_dst.txt', 'A\tfortynine_dst.txt', 'D\tfortynine_src.txt']);
    expect(result.numstat).toEqual(['5\t5\tfifty_dst.txt', '100\t0\tfortynine_dst.txt', '0\t100\tfortynine_src.txt']);
  });

  it('02: lets 100 -> 200 bytes through the size pre-filter and rejects 100 -> 201 bytes', () => {
    const result = expectSameAsGit(
      { 'base.txt': lines(0, 9), 'base2.txt': lines(100, 109) },
      { 'grown.txt': lines(0, 19), 'grown2.txt': `${lines(100, 119)}z` },
    );
    expect(result.nameStatus).toEqual(['D\tbase2.txt', 'R050\tbase.txt\tgrown.txt', 'A\tgrown2.txt']);
    expect(result.numstat).toEqual(['0\t10\tbase2.txt', '10\t0\tgrown.txt', '21\t0\tgrown2.txt']);
  });

  it('03: prefers an exact rename over an inexact one with the same file name', () => {
    const result = expectSameAsGit(
      { 'src1/foo.txt': lines(0, 19), 'src2/other.txt': lines(0, 20) },
      { 'dst/foo.txt': lines(0, 20) },
    );
    expect(result.nameStatus).toEqual(['R100\tsrc2/other.txt\tdst/foo.txt', 'D\tsrc1/foo.txt']);
  });

  it('04: pairs identical content by file name first and uses each source once', () => {
    const x = lines(0, 19);
    const result = expectSameAsGit(
      { 'one/data.txt': x, 'two/report.txt': x },
      { 'new/report.txt': x, 'new/zcopy.txt': x, 'new/zzz.txt': x },
    );
    expect(result.nameStatus).toEqual([
      'R100\ttwo/report.txt\tnew/report.txt',
      'R100\tone/data.txt\tnew/zcopy.txt',
      'A\tnew/zzz.txt',
    ]);
    expect(result.numstat).toEqual(['0\t0\tnew/report.txt', '0\t0\tnew/zcopy.txt', '20\t0\tnew/zzz.txt']);
  });

  it('05: commits a same-name pair at 75% or more before the matrix sees a better source', () => {
    const result = expectSameAsGit(
      { 'old/util.js': lines(0, 79) + lines(500, 519), 'old/helpers.js': lines(0, 94) + lines(600, 604) },
      { 'new/util.js': lines(0, 99) },
    );
    expect(result.nameStatus).toEqual(['R080\told/util.js\tnew/util.js', 'D\told/helpers.js']);
    expect(result.numstat).toEqual(['20\t20\tnew/util.js', '0\t100\told/helpers.js']);
  });

  it('06: leaves a same-name pair below 75% to the matrix, where the better source wins', () => {
    const result = expectSameAsGit(
      { 'old/util.js': lines(0, 69) + lines(500, 529), 'old/helpers.js': lines(0, 94) + lines(600, 604) },
      { 'new/util.js': lines(0, 99) },
    );
    expect(result.nameStatus).toEqual(['R095\told/helpers.js\tnew/util.js', 'D\told/util.js']);
  });

  it('07: breaks score ties by file name, then by the earlier source', () => {
    const result = expectSameAsGit(
      {
        'a_first/x.txt': lines(0, 59) + lines(700, 739),
        'z/target.txt': lines(0, 59) + lines(800, 839),
        'm1.txt': lines(1000, 1059) + lines(1100, 1139),
        'm2.txt': lines(1000, 1059) + lines(1200, 1239),
      },
      { 'new/target.txt': lines(0, 99), 'q.txt': lines(1000, 1099) },
    );
    expect(result.nameStatus).toEqual([
      'D\ta_first/x.txt',
      'D\tm2.txt',
      'R060\tz/target.txt\tnew/target.txt',
      'R060\tm1.txt\tq.txt',
    ]);
  });

  it('08: gives a source to its best destination and breaks destination ties by path order', () => {
    const result = expectSameAsGit(
      { 'src.txt': lines(0, 99), 't.txt': lines(1000, 1099) },
      {
        'd1.txt': lines(0, 89) + lines(300, 309),
        'd2.txt': lines(0, 94) + lines(400, 404),
        't1.txt': lines(1000, 1089) + lines(1300, 1309),
        't2.txt': lines(1000, 1089) + lines(1400, 1409),
      },
    );
    expect(result.nameStatus).toEqual(['A\td1.txt', 'R095\tsrc.txt\td2.txt', 'R090\tt.txt\tt1.txt', 'A\tt2.txt']);
  });

  it('09: pairs empty files exactly, in destination order', () => {
    const result = expectSameAsGit(
      { 'dir/same.txt': '', e1: '', 'nonempty_src.txt': 'hello\n' },
      { e2: '', f: 'hello\nworld\n', 'x/same.txt': '' },
    );
    expect(result.nameStatus).toEqual(['R100\tdir/same.txt\te2', 'R050\tnonempty_src.txt\tf', 'R100\te1\tx/same.txt']);
    expect(result.numstat).toEqual(['0\t0\te2', '1\t0\tf', '0\t0\tx/same.txt']);
  });

  it('10: ignores the CR of CRLF in the estimate but counts every converted line as changed', () => {
    const unix = Array.from({ length: 10 }, (_, i) => `abcdefg${i}\n`).join('');
    const short = 'abcdefghij'.split('').map((c) => `${c}\n`).join('');
    const result = expectSameAsGit(
      { 'unix.txt': unix, 'short.txt': short },
      { 'dos.txt': unix.replace(/\n/g, '\r\n'), 'short_dos.txt': short.replace(/\n/g, '\r\n') },
    );
    expect(result.nameStatus).toEqual(['R090\tunix.txt\tdos.txt', 'R066\tshort.txt\tshort_dos.txt']);
    expect(result.numstat).toEqual(['10\t10\tdos.txt', '10\t10\tshort_dos.txt']);
  });

  it('11: scores shuffled lines as 100% similar although the files differ', () => {
    const reversed = Array.from({ length: 10 }, (_, i) => L(9 - i)).join('');
    const result = expectSameAsGit({ 's.txt': lines(0, 9) }, { 't.txt': reversed });
    expect(result.nameStatus).toEqual(['R100\ts.txt\tt.txt']);
    expect(result.numstat).toEqual(['9\t9\tt.txt']);
    expect(result.moves).toEqual([]);
  });

  it('12: counts a final chunk without LF (git >= 2.43.2) and treats a missing final LF as a changed line', () => {
    const result = ours(
      { 'n1.txt': `a\n${repeat('b', 38)}`, 'same.txt': 'l1\nl2' },
      { 'n2.txt': `c\n${repeat('b', 38)}`, 'same.txt': 'l1\nl2\n' },
    );
    expect(result.nameStatus).toEqual(['R095\tn1.txt\tn2.txt', 'M\tsame.txt']);
    expect(result.numstat).toEqual(['1\t1\tn2.txt', '1\t1\tsame.txt']);
  });

  it('12: agrees with the machine git on the final-LF line counts, which no version changed', () => {
    expectSameAsGit({ 'same.txt': 'l1\nl2' }, { 'same.txt': 'l1\nl2\n' });
  });

  it('13: keeps exact renames and says so when a rename limit skips the matrix', () => {
    const oldTree = { 'exact.txt': lines(200, 209), 'p.txt': lines(0, 9), 'q.txt': lines(100, 109) };
    const newTree = {
      'exact2.txt': lines(200, 209),
      'p2.txt': lines(0, 8) + L(90),
      'q2.txt': lines(100, 108) + L(190),
    };
    const limited = expectSameAsGit(oldTree, newTree, { renameLimit: 1 }, ['-l1']);
    expect(limited.renameLimitApplied).toBe(true);
    expect(limited.nameStatus).toEqual(['R100\texact.txt\texact2.txt', 'D\tp.txt', 'A\tp2.txt', 'D\tq.txt', 'A\tq2.txt']);

    const unlimited = ours(oldTree, newTree);
    expect(unlimited.renameLimitApplied).toBe(false);
    expect(unlimited.nameStatus).toEqual(['R100\texact.txt\texact2.txt', 'R090\tp.txt\tp2.txt', 'R090\tq.txt\tq2.txt']);
  });

  it('14: keeps only the 4 best sources per destination', () => {
    const original = Array.from({ length: 100 }, (_, i) => L(i));
    const replaced = (base: string[], from: number, to: number, fresh: number) =>
      base.map((line, i) => (i >= from && i <= to ? L(fresh + i) : line));
    const oldTree: Tree = {};
    const newTree: Tree = { 'd0.txt': original.join('') };
    for (let k = 1; k <= 4; k++) {
      const s = replaced(original, 10 * (k - 1), 10 * k - 1, 1000 * k);
      oldTree[`s${k}.txt`] = s.join('');
      newTree[`d${k}.txt`] = replaced(s, 55 + 5 * k, 59 + 5 * k, 1000 * k + 500).join('');
    }
    oldTree['s5.txt'] = replaced(original, 0, 39, 9000).join('');
    const result = expectSameAsGit(oldTree, newTree);
    expect(result.nameStatus).toEqual([
      'A\td0.txt',
      'R095\ts1.txt\td1.txt',
      'R095\ts2.txt\td2.txt',
      'R095\ts3.txt\td3.txt',
      'R095\ts4.txt\td4.txt',
      'D\ts5.txt',
    ]);
  });

  it('15: counts lines minimally where git 2.39.5 --minimal still discards a frequent line', () => {
    const oldText = ['uniqA1', 'uniqA2', 'uniqA3', 'uniqA4', '', 'uniqA5', 'uniqA6', 'uniqA7', 'uniqA8'].join('\n') + '\n';
    const result = ours({ 'm.txt': oldText }, { 'm.txt': '\n\n\n\nw1\n' });
    expect(result.numstat).toEqual(['4\t8\tm.txt']);
  });

  it('16: pairs the path-rendering renames exactly as git does', () => {
    const moves: [string, string][] = [
      ['a/b.txt', 'a/c/b.txt'],
      ['a/c/d.txt', 'a/d.txt'],
      ['docs/user-management/actions.mdx', 'docs/authkit/actions.mdx'],
      ['lib/x/deep/file.c', 'lib/y/deep/file.c'],
      ['pkg/foo/bar.go', 'pkgs/foo/bar.go'],
      ['reference/api-keys.mdx', 'reference/api-authentication/index.mdx'],
      ['src/café.txt', 'src/cafe.txt'],
      ['top.txt', 'top2.txt'],
    ];
    const oldTree: Tree = {};
    const newTree: Tree = {};
    moves.forEach(([from, to], i) => {
      oldTree[from] = newTree[to] = lines(100 * i, 100 * i + 4);
    });
    const result = expectSameAsGit(oldTree, newTree);
    expect(result.nameStatus).toEqual(moves.map(([from, to]) => `R100\t${from}\t${to}`));
  });

  it('looks at no more than 100 identical sources for one with the same file name, like git', () => {
    const content = lines(0, 4);
    const oldTree: Tree = { 'zz/target.txt': content };
    for (let i = 0; i < 101; i++) oldTree[`s${String(i).padStart(3, '0')}.txt`] = content;
    const result = expectSameAsGit(oldTree, { 'new/target.txt': content });
    expect(result.nameStatus).toContain('R100\ts000.txt\tnew/target.txt');
  });

  it('14: forgets a fifth source that only ties the 4 already kept for a destination', () => {
    const original = Array.from({ length: 100 }, (_, i) => L(i));
    const replaced = (base: string[], from: number, to: number, fresh: number) =>
      base.map((line, i) => (i >= from && i <= to ? L(fresh + i) : line));
    const oldTree: Tree = {};
    const newTree: Tree = { 'd0.txt': original.join('') };
    for (let k = 1; k <= 5; k++) {
      const s = replaced(original, 10 * (k - 1), 10 * k - 1, 1000 * k);
      oldTree[`s${k}.txt`] = s.join('');
      if (k <= 4) newTree[`d${k}.txt`] = replaced(s, 55 + 5 * k, 59 + 5 * k, 1000 * k + 500).join('');
    }
    const result = expectSameAsGit(oldTree, newTree);
    expect(result.nameStatus).toContain('A\td0.txt');
    expect(result.nameStatus).toContain('D\ts5.txt');
  });
});
