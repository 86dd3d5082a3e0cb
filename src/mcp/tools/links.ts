// resolve_route and check_links: where a docs URL went between two versions, and which links an
// upgrade breaks (with the redirects that keep old URLs working). Thin adapters over links/.
import { z } from 'zod';
import type { BrokenLink, LinkReport, RedirectRule } from '../../links/index.ts';
import { checkLinks, resolveRoute, type RouteResolution } from '../../services/links.ts';
import { ANSWER_BUDGET, BudgetedText, code, prose } from '../format.ts';
import { plural } from '../../plural.ts';
import { defineTool } from '../tool.ts';
import { packageField, routeField, versionField } from '../tool-inputs.ts';
import { callText } from './what-changed-parts.ts';

const resolveRouteInput = z.strictObject({
  route: routeField,
  from: versionField('The version the route worked in (default: the oldest stored version with a page there)').optional(),
  to: versionField('The version to look in (default: "latest")').optional(),
  package: packageField.optional(),
});

const fixOut = z.object({ target: z.string(), kind: z.string(), confidence: z.number().nullable(), note: z.string().nullable() });

const resolveRouteOutput = z.object({
  package: z.string(),
  route: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['same', 'moved', 'changed', 'removed']),
  /** What to link to in `to`; null when nothing can be said for sure (see `fix`). */
  target: z.string().nullable(),
  inferred: z.boolean(),
  page: z
    .object({ title: z.string().nullable(), path: z.string(), toPath: z.string().nullable(), via: z.string().nullable(), similarity: z.number().nullable() })
    .nullable(),
  fix: fixOut.nullable(),
  reason: z.string().nullable(),
  /** The redirect rule to add for a moved page (routes without anchors). */
  redirect: z.object({ from: z.string(), to: z.string() }).nullable(),
});

type RouteOutput = z.infer<typeof resolveRouteOutput>;

function structured(resolution: RouteResolution): RouteOutput {
  const { page, fix } = resolution;
  return {
    package: resolution.package,
    route: resolution.route,
    from: resolution.from,
    to: resolution.to,
    status: resolution.status,
    target: resolution.target,
    inferred: resolution.inferred,
    page: page ? { title: page.title, path: page.path, toPath: page.toPath, via: page.via, similarity: page.similarity } : null,
    fix: fix ? { target: fix.target, kind: fix.kind, confidence: fix.confidence, note: fix.note } : null,
    reason: resolution.reason,
    redirect: resolution.status === 'moved' && page?.to ? { from: page.route, to: page.to } : null,
  };
}

const percent = (confidence: number | null) => (confidence === null ? '' : ` (confidence ${Math.round(confidence * 100)}%, a guess: check it)`);

function describe(answer: RouteOutput): string[] {
  const route = code(answer.route);
  const title = answer.page?.title ? ` (${prose(answer.page.title)})` : '';
  const lines: string[] = [];
  switch (answer.status) {
    case 'same':
      lines.push(`${route} still works in ${prose(answer.to)}${title}.`);
      break;
    case 'moved':
      lines.push(`${route}${title} moved: link to ${code(answer.target ?? answer.fix?.target ?? '')} instead.`);
      if (answer.inferred) lines.push('Matched by its name under a moved folder rather than paired by git: check it.');
      break;
    case 'changed':
      lines.push(`The page${title} is still there, but ${route} no longer resolves: ${prose(answer.reason ?? 'its section is gone', 200)}.`);
      break;
    case 'removed':
      lines.push(`${route}${title} was removed in ${prose(answer.to)}: ${prose(answer.reason ?? 'no page replaces it', 200)}.`);
      break;
  }
  if (answer.fix && answer.status !== 'moved') lines.push(`Closest link now: ${code(answer.fix.target)}${percent(answer.fix.confidence)}.`);
  if (answer.fix?.note && answer.status !== 'removed') lines.push(`Note: ${prose(answer.fix.note, 200)}.`);
  if (answer.redirect) lines.push(`Redirect to add: ${code(`${answer.redirect.from} → ${answer.redirect.to}`)}`);
  return lines;
}

export const resolveRouteTool = defineTool({
  name: 'resolve_route',
  title: 'Where did a docs URL go',
  description:
    'Where a documentation page route (a URL path such as "/user-management/sso", optionally with #anchor, or a full docs URL) went ' +
    'between two versions: still the same, moved (with the link to use and the redirect to add), changed (page there, section gone), ' +
    'or removed (with the closest page, if any). Use it when a link or a remembered URL may be out of date.',
  input: resolveRouteInput,
  output: resolveRouteOutput,
  errorHints: { NOT_FOUND: 'list_versions shows the stored versions; what_changed shows the pages that moved or were removed.' },
  async run(ctx, args) {
    const answer = structured(await resolveRoute(ctx, args));
    const markdown = [`# ${code(answer.route)} in ${prose(answer.package)} ${prose(answer.from)} → ${prose(answer.to)}`, '', ...describe(answer)];
    return { markdown: `${markdown.join('\n')}\n`, structured: answer };
  },
});

// No `scanDir` here: it names a folder on the server's disk, which an agent has no business choosing.
const checkLinksInput = z.strictObject({
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

const checkLinksOutput = z.object({
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

type LinksOutput = z.infer<typeof checkLinksOutput>;

const redirectLine = (rule: RedirectRule) => {
  const [from, to] = rule.splat ? [`${rule.from}/*`, `${rule.to}/*`] : [rule.from, rule.to];
  return `- ${code(`${from} → ${to}`)}${rule.inferred ? ' (inferred: check it)' : ''}`;
};

function brokenLine(link: BrokenLink): string {
  const where = `${code(`${link.file}:${link.line}`)}${link.alsoAt > 0 ? ` and ${plural(link.alsoAt, 'more place', 'more places')}` : ''}`;
  const fix = link.fix ? `; use ${code(link.fix.target)}${link.fix.confidence !== null ? ` (a guess, ${Math.round(link.fix.confidence * 100)}%)` : ''}` : '';
  return `- ${code(link.target)} from ${where}: ${prose(link.reason, 120)}${fix}`;
}

const brokenOf = (link: BrokenLink): LinksOutput['upgradeBroken'][number] => ({
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

function render(report: LinkReport, pair: Record<string, string>): { markdown: string; structured: LinksOutput } {
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
  input: checkLinksInput,
  output: checkLinksOutput,
  async run(ctx, args) {
    const report = await checkLinks(ctx, { package: args.package ?? null, from: args.from, to: args.to });
    return render(report, { ...(args.package ? { package: report.package } : {}), from: report.from, to: report.to });
  },
});
