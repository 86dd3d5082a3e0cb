import { z } from 'zod';
import type { BrokenLink, LinkReport, RedirectRule } from '../../links/index.ts';
import { checkLinks } from '../../services/links.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { code, plural, prose } from '../format/inline-text.ts';
import { packageField, versionField } from '../input-fields.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import { defineTool } from '../tool-definition.ts';
import { callText } from '../what-changed/next-calls.ts';

// No `scanDir` here: it names a folder on the server's disk, which an agent has no business choosing.
const input = z.strictObject({
  from: versionField('The version your links were written against'),
  to: versionField('The version you upgrade to'),
  package: packageField.optional(),
});

const redirectOut = z.object({ from: z.string(), to: z.string(), splat: z.boolean(), inferred: z.boolean() });
const brokenOut = z.object({
  target: z.string(),
  file: z.string(),
  line: z.number(),
  alsoAt: z.number(),
  code: z.string(),
  reason: z.string(),
  fix: z.object({ target: z.string(), kind: z.string(), confidence: z.number().nullable() }).nullable(),
});

const output = z.object({
  package: z.string(),
  from: z.string(),
  to: z.string(),
  routes: z.object({ same: z.number(), moved: z.number(), inferred: z.number(), removed: z.number() }),
  broken: z.object({ upgrade: z.number(), internal: z.number() }),
  redirects: z.array(redirectOut),
  upgradeBroken: z.array(brokenOut),
  internalBroken: z.array(brokenOut),
  truncated: z.boolean(),
  more: z.array(z.string()),
  warnings: z.array(z.string()),
});

type Output = z.infer<typeof output>;

const redirectLine = (rule: RedirectRule) => {
  const [from, to] = rule.splat ? [`${rule.from}/*`, `${rule.to}/*`] : [rule.from, rule.to];
  return `- ${code(`${from} → ${to}`)}${rule.inferred ? ' (inferred: check it)' : ''}`;
};

function brokenLine(link: BrokenLink): string {
  const where = `${code(`${link.file}:${link.line}`)}${link.alsoAt > 0 ? ` and ${plural(link.alsoAt, 'more place', 'more places')}` : ''}`;
  const fix = link.fix ? `; use ${code(link.fix.target)}${link.fix.confidence !== null ? ` (a guess, ${Math.round(link.fix.confidence * 100)}%)` : ''}` : '';
  return `- ${code(link.target)} from ${where}: ${prose(link.reason, 120)}${fix}`;
}

const brokenOf = (link: BrokenLink): Output['upgradeBroken'][number] => ({
  target: link.target,
  file: link.file,
  line: link.line,
  alsoAt: link.alsoAt,
  code: link.code,
  reason: link.reason,
  fix: link.fix ? { target: link.fix.target, kind: link.fix.kind, confidence: link.fix.confidence } : null,
});

/** Adds a section's lines while they fit; returns how many items it showed. */
function section<T>(text: BudgetedText, heading: string, items: readonly T[], line: (item: T) => string, reserve: number): number {
  if (items.length === 0) return 0;
  if (!text.tryAdd('') || !text.tryAdd(heading)) return 0;
  let shown = 0;
  while (shown < items.length && text.remaining > reserve && text.tryAdd(line(items[shown]!))) shown++;
  if (shown < items.length) text.add(`- … ${items.length - shown} more`);
  return shown;
}

function render(report: LinkReport, pair: Record<string, string>): { markdown: string; structured: Output } {
  const { counts } = report;
  const text = new BudgetedText(ANSWER_BUDGET.links - 500);
  text.add(`# Links after upgrading ${prose(report.package)} ${prose(report.from)} → ${prose(report.to)}`);
  text.add('');
  const routes = counts.routes;
  text.add(
    `Page routes of ${prose(report.from)}: ${routes.same} unchanged, ${routes.moved} moved (${routes.inferred} of them inferred), ${routes.removed} removed.`,
  );
  // Said first: a check that found no pages or matched no link is no all-clear, and the agent must know.
  for (const warning of report.warnings.filter((entry) => entry.blocking)) text.add(`**Warning:** ${prose(warning.message, 400)}`);
  text.add(`Broken: ${counts.upgrade} link targets that worked in ${prose(report.from)} fail in ${prose(report.to)}; ${counts.internal} links inside ${prose(report.to)}'s own pages are broken.`);
  const rules = report.redirects.rules;
  const shownRules = section(text, `## Redirects to add (${rules.length})`, rules, redirectLine, 1_500);
  const shownUpgrade = section(text, `## Links the upgrade breaks (${report.upgrade.length})`, report.upgrade, brokenLine, 600);
  const shownInternal = section(text, `## Broken inside ${prose(report.to)} (${report.internal.length})`, report.internal, brokenLine, 0);
  const truncated = shownRules < rules.length || shownUpgrade < report.upgrade.length || shownInternal < report.internal.length;
  const more = [callText('resolve_route', { ...pair, route: '/old/route' })];
  text.add('');
  text.add(
    truncated
      ? `More: \`resolve_route\` answers for one route (e.g. \`${more[0]}\`); the whole report is \`docdelta links ${report.from} ${report.to} --format json\` or GET /links.`
      : `\`resolve_route\` answers for any one route.`,
  );
  return {
    markdown: text.toString(),
    structured: {
      package: report.package,
      from: report.from,
      to: report.to,
      routes: { ...routes },
      broken: { upgrade: counts.upgrade, internal: counts.internal },
      redirects: rules.slice(0, shownRules).map(({ from, to, splat, inferred }) => ({ from, to, splat, inferred })),
      upgradeBroken: report.upgrade.slice(0, shownUpgrade).map(brokenOf),
      internalBroken: report.internal.slice(0, shownInternal).map(brokenOf),
      truncated,
      more: truncated ? more : [],
      warnings: report.warnings.map((warning) => warning.message),
    },
  };
}

export const checkLinksTool = defineTool({
  name: 'check_links',
  title: 'Links an upgrade breaks',
  description:
    'Which documentation links break when moving from one version to another: how many page routes stayed, moved or were removed, ' +
    'the redirects that keep old URLs working, links that worked before and fail now (with the replacement to use), and broken links ' +
    'inside the new version. Use it before upgrading docs links in code, emails or a help centre; resolve_route checks a single URL.',
  input,
  output,
  errorHints: { NOT_FOUND: 'list_packages and list_versions show what is stored.' },
  async run(ctx, args) {
    const report = await checkLinks(ctx, { package: args.package ?? null, from: args.from, to: args.to });
    return render(report, { ...(args.package ? { package: report.package } : {}), from: report.from, to: report.to });
  },
});
