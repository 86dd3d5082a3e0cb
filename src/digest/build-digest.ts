// One Slack message per package and version range: a header, a short overview led by the biggest
// change, counts, then folder moves, new and removed pages, pages moved on their own and the most
// changed pages, each linking to the web diff view. Pure: data in, Block Kit out, always within
// Slack's limits however large the diff or hostile its text.
import { diffPageUrl } from '../api/web-urls.ts';
import type { DocSummary } from '../diff/index.ts';
import { mrkdwn, packLines, section, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './block-kit.ts';
import { type DigestPage, digestView, folderName, overviewLines } from './digest-view.ts';
import { plural } from '../plural.ts';
import { bold, clampMrkdwn, code, link, oneLine, plain, truncate } from './mrkdwn.ts';

export interface DigestVersion {
  version: string;
  publishedAt: Date | null;
}

export interface DigestInput {
  /** The range's doc summary (services/doc-summary.ts), the one the changelog and MCP read too. */
  summary: DocSummary;
  from: DigestVersion;
  to: DigestVersion;
  /** Versions after `from` up to and including `to`, oldest first. */
  releases: string[];
  docsRoot: string | null;
  /** Broken links in `to`, when a link check ran; null leaves the line out. */
  brokenLinks: number | null;
  /** Set when the link check could not check (no pages found, routes matching no link): said instead of a count. */
  linkWarning?: string | null;
  /** PUBLIC_BASE_URL: where the web diff view lives. */
  baseUrl: string;
}

/** How many items each list shows before "…and N more"; a digest is a summary, the web view has it all. */
export interface DigestLayout {
  moves: number;
  added: number;
  removed: number;
  movedAlone: number;
  mostChanged: number;
}

export const DEFAULT_LAYOUT: DigestLayout = { moves: 25, added: 15, removed: 15, movedAlone: 10, mostChanged: 5 };

const MAX_SECTIONS_PER_LIST = 8;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function headerText(input: DigestInput): string {
  const pkg = oneLine(input.summary.package);
  const versions = `${truncate(oneLine(input.from.version), 30)} → ${truncate(oneLine(input.to.version), 30)}`;
  const [fromDay, toDay] = [day(input.from.publishedAt), day(input.to.publishedAt)];
  const dates = fromDay && toDay ? ` (${fromDay} → ${toDay})` : toDay ? ` (${toDay})` : '';
  const room = SLACK_LIMITS.headerText - versions.length - dates.length - 1;
  return truncate(`${truncate(pkg, Math.max(room, 20))} ${versions}${dates}`, SLACK_LIMITS.headerText);
}

function countFields(input: DigestInput): SlackBlock {
  const { summary } = input.summary;
  const fields = [
    `*Added*\n${summary.added}`,
    `*Removed*\n${summary.removed}`,
    `*Modified*\n${summary.modified}`,
    `*Renamed*\n${summary.renamed}`,
    `*Lines*\n+${summary.additions} −${summary.deletions}`,
  ];
  if (input.brokenLinks !== null) fields.push(`*Broken links*\n${input.brokenLinks}`);
  return { type: 'section', fields: fields.map(mrkdwn) };
}

function fallbackText(input: DigestInput): string {
  const { summary } = input.summary;
  const counts = `${summary.added} added, ${summary.removed} removed, ${summary.modified} modified, ${summary.renamed} renamed`;
  return clampMrkdwn(`${plain(input.summary.package, 100)} ${plain(input.from.version, 40)} → ${plain(input.to.version, 40)}: ${counts}`, 500);
}

function pageDetails(page: DigestPage): string {
  const doc = page.change.doc;
  if (!doc) return '';
  const parts: string[] = [];
  const retitled = doc.titleBefore !== doc.titleAfter;
  if (retitled && doc.titleBefore) parts.push(`was ${plain(doc.titleBefore, 60)}`);
  // A renamed page's top heading usually follows its title; saying so twice is noise.
  const added = doc.sections.added.filter((name) => !(retitled && name === doc.titleAfter));
  const removed = doc.sections.removed.filter((name) => !(retitled && name === doc.titleBefore));
  const names = (list: string[]) => list.slice(0, 3).map((name) => plain(name, 40)).join(', ') + (list.length > 3 ? ` +${list.length - 3}` : '');
  if (added.length > 0) parts.push(`new: ${names(added)}`);
  if (removed.length > 0) parts.push(`gone: ${names(removed)}`);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}

export function buildDigestMessage(input: DigestInput, layout: DigestLayout = DEFAULT_LAYOUT): SlackMessage {
  const view = digestView(input.summary, input.docsRoot);
  // The web diff viewer owns its URL scheme (src/api/web-urls.ts); a file's anchor is its new path.
  const target = { package: input.summary.package, from: input.from.version, to: input.to.version };
  const fullDiffUrl = diffPageUrl(input.baseUrl, target);
  const fileUrl = (page: DigestPage) => diffPageUrl(input.baseUrl, { ...target, path: page.path });
  const pageLabel = (page: DigestPage) => (page.title ? plain(page.title, 120) : code(page.shownPath));
  const pagePath = (page: DigestPage) => (page.title ? ` ${code(page.shownPath)}` : '');
  const overflow = (hidden: number) => `…and ${hidden} more: ${link(fullDiffUrl, 'see the full diff')}`;

  // Only the lines that can be shown are rendered: a diff may list thousands of pages.
  const list = <T>(title: string, items: readonly T[], maxItems: number, render: (item: T) => string) => ({
    title,
    maxItems,
    total: items.length,
    lines: items.slice(0, maxItems).map(render),
  });
  const lists = [
    list(bold(`Folder moves (${view.moves.length})`), view.moves, layout.moves, (move) =>
      `• ${code(folderName(move.from))} → ${code(folderName(move.to))}: ${plural(move.files, 'file')}${move.edited > 0 ? `, ${move.edited} edited` : ''}`,
    ),
    list(
      bold(`New pages (${view.added.length})`) + (view.otherFilesAdded > 0 ? ` and ${plural(view.otherFilesAdded, 'other file')}` : ''),
      view.added,
      layout.added,
      (page) => `• ${link(fileUrl(page), pageLabel(page))}${pagePath(page)}`,
    ),
    list(
      bold(`Removed pages (${view.removed.length})`) + (view.otherFilesRemoved > 0 ? ` and ${plural(view.otherFilesRemoved, 'other file')}` : ''),
      view.removed,
      layout.removed,
      (page) => `• ${link(fileUrl(page), pageLabel(page))}${pagePath(page)}`,
    ),
    list(bold(`Pages moved (${view.movedAlone.length})`), view.movedAlone, layout.movedAlone, (page) =>
      `• ${link(fileUrl(page), page.title ? plain(page.title, 120) : 'page')} ${code(page.oldShownPath)} → ${code(page.shownPath)}`,
    ),
    list(
      bold(view.editedPages > layout.mostChanged ? `Most changed pages (top ${layout.mostChanged} of ${view.editedPages})` : `Changed pages (${view.editedPages})`),
      view.mostChanged,
      layout.mostChanged,
      (page) => `• ${link(fileUrl(page), pageLabel(page))} +${page.change.additions} −${page.change.deletions}${pageDetails(page)}`,
    ),
  ].filter((entry) => entry.total > 0);

  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headerText(input), emoji: true } },
    section(
      clampMrkdwn(
        overviewLines({ view, summary: input.summary.summary, releases: input.releases, to: input.to.version, brokenLinks: input.brokenLinks, linkWarning: input.linkWarning ?? null }).join('\n'),
        SLACK_LIMITS.sectionText,
      ),
    ),
    countFields(input),
  ];
  const footer: SlackBlock = { type: 'context', elements: [mrkdwn(`${link(fullDiffUrl, 'Open the full diff')} · sent by docdelta`)] };

  let budget = SLACK_LIMITS.blocksPerMessage - blocks.length - 1;
  lists.forEach((entry, index) => {
    // Share what is left fairly between this list and the ones after it.
    const maxSections = Math.min(MAX_SECTIONS_PER_LIST, Math.floor(budget / (lists.length - index)));
    const texts = packLines(entry.title, entry.lines, {
      maxItems: entry.maxItems,
      total: entry.total,
      maxSections,
      maxChars: SLACK_LIMITS.sectionText,
      overflow,
    });
    blocks.push(...texts.map(section));
    budget -= texts.length;
  });
  blocks.push(footer);
  return { text: fallbackText(input), blocks, unfurl_links: false, unfurl_media: false };
}
