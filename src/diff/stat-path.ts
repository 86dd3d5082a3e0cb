// Git's compact name for a renamed path (rename-spec section 6): the common leading folders and the
// common trailing folders + file name stay outside braces, `docs/{user-management → authkit}/a.mdx`.
// Paths git would quote are shown quoted and not folded, as git does.
import { needsQuoting, quotePath } from './quote-path.ts';

export const ARROW = '→';

export function foldRenamePath(oldPath: string, newPath: string, arrow = ARROW): string {
  if (needsQuoting(oldPath) || needsQuoting(newPath)) return `${quotePath(oldPath)} ${arrow} ${quotePath(newPath)}`;
  const a = oldPath;
  const b = newPath;

  let prefix = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === '/') prefix = i + 1;

  // Walk back from the ends (the virtual terminators compare equal); the suffix may begin on the
  // prefix's own trailing slash, which is what yields `a/{ => c}/b.txt`.
  const floor = prefix > 0 ? prefix - 1 : 0;
  let suffix = 0;
  for (let i = a.length, j = b.length; i >= floor && j >= floor; i--, j--) {
    const x = i === a.length ? '' : a[i];
    const y = j === b.length ? '' : b[j];
    if (x !== y) break;
    if (x === '/') suffix = a.length - i;
  }

  const midA = Math.max(0, a.length - prefix - suffix);
  const midB = Math.max(0, b.length - prefix - suffix);
  if (prefix + suffix === 0) return `${a} ${arrow} ${b}`;
  return `${a.slice(0, prefix)}{${a.substr(prefix, midA)} ${arrow} ${b.substr(prefix, midB)}}${a.slice(a.length - suffix)}`;
}
