import { z } from 'zod';
import { resolveRoute, type RouteResolution } from '../../services/links.ts';
import { code, prose } from '../format/inline-text.ts';
import { packageField, routeField, versionField } from '../input-fields.ts';
import { defineTool } from '../tool-definition.ts';

const input = z.strictObject({
  route: routeField,
  from: versionField('The version the route worked in (default: the oldest stored version with a page there)').optional(),
  to: versionField('The version to look in (default: "latest")').optional(),
  package: packageField.optional(),
});

const fixOut = z.object({ target: z.string(), kind: z.string(), confidence: z.number().nullable(), note: z.string().nullable() });

const output = z.object({
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

type Output = z.infer<typeof output>;

function structured(resolution: RouteResolution): Output {
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

function describe(answer: Output): string[] {
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
  input,
  output,
  errorHints: { NOT_FOUND: 'list_versions shows the stored versions; what_changed shows the pages that moved or were removed.' },
  async run(ctx, args) {
    const answer = structured(await resolveRoute(ctx, args));
    const markdown = [`# ${code(answer.route)} in ${prose(answer.package)} ${prose(answer.from)} → ${prose(answer.to)}`, '', ...describe(answer)];
    return { markdown: `${markdown.join('\n')}\n`, structured: answer };
  },
});
