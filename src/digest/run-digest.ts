// The digest run: for each package, the versions not yet announced to this webhook become one
// Slack message, posted once.
//
// Delivery guarantee — decided here, on purpose. Slack's incoming webhooks have no idempotency
// key, so a message whose fate is unknown can only be re-sent (maybe twice in the channel) or not
// (maybe never). The rule:
// - Before posting, the range's digest_deliveries row is `pending`; each attempt marks it "in flight"
//   just before the request leaves, and records Slack's answer when it comes.
// - A definite "not posted" (429, 5xx, other 4xx, refused connection) is retried: within the run
//   with backoff, then by the next run.
// - A crash between "Slack said ok" and "recorded", or while a request was in flight, leaves the row
//   in flight. The next run settles it as "outcome unknown" and does NOT post it again: at-most-once
//   for that narrow case. A duplicate digest lands in front of everyone on the channel, while a
//   missing one loses nothing that the web view and GET /jobs do not still show (the row says what
//   happened and how to resend: delete it). Crashes before the first attempt, or between attempts
//   that got a definite answer, are re-sent, since nothing can have been posted.
import { invalidInput, toDocdeltaError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { checkLinks } from '../services/links.ts';
import { listPackageRecords, listVersionRecords, type PackageRow, type VersionRow } from '../services/catalog.ts';
import { summarizePair } from '../services/doc-summary.ts';
import { type JobSummary, type JobTrigger, runJob } from '../services/jobs/run-job.ts';
import type { SlackMessage } from './block-kit.ts';
import { buildDigestMessage, DEFAULT_LAYOUT, type DigestLayout } from './build-digest.ts';
import {
  claimRange,
  listDeliveries,
  markAttemptFailed,
  markAttemptStarting,
  markDelivered,
  markFailed,
  settleInterrupted,
} from '../services/digest-deliveries.ts';
import { chooseRange } from './digest-range.ts';
import { DEFAULT_DELIVERY, type DeliveryOptions, deliverToWebhook } from './slack-webhook.ts';
import { redactWebhook, webhookHash } from './webhook-secret.ts';
import { readPages } from '../services/page-reading.ts';

/** A count of broken links, or why there is none: a check that could not check (no pages found, a route scheme matching no link). */
export interface LinkCount {
  broken: number;
  warning: string | null;
}

export type LinkCounter = (ctx: ServiceContext, range: { package: string; from: string; to: string }) => Promise<number | LinkCount>;

/**
 * The digest's broken-link count: links in the new version's own pages that lead nowhere. Links
 * into pages that moved are the upgrade's redirects (`docdelta links`), not breakage in the docs.
 * A check that checked nothing gives its warning instead, so the digest never says "no broken links" for it.
 */
export const countBrokenLinks: LinkCounter = async (ctx, range) => {
  const report = await checkLinks(ctx, range);
  const blocking = report.warnings.find((warning) => warning.blocking);
  return { broken: report.counts.internal, warning: blocking ? blocking.message : null };
};

export interface DigestRunOptions {
  /** Build the messages and return them; post nothing, write nothing. */
  dryRun?: boolean;
  trigger?: JobTrigger;
  slot?: Date;
  signal?: AbortSignal;
  /** Default: every stored package. */
  packages?: string[];
  /** Default: SLACK_WEBHOOK_URL. */
  webhookUrl?: string;
  delivery?: Partial<DeliveryOptions>;
  /** Pause between two posts of one run: Slack allows about one message per second per webhook. */
  minIntervalMs?: number;
  /** undefined: count with the link checker; null: leave broken links out (tests, or to save the check). */
  linkCounter?: LinkCounter | null;
  layout?: DigestLayout;
}

export type DigestOutcomeStatus = 'delivered' | 'failed' | 'quiet' | 'already-announced' | 'planned';

export interface DigestOutcome {
  package: string;
  status: DigestOutcomeStatus;
  from?: string;
  to?: string;
  releases?: string[];
  /** Why nothing was posted (quiet), or what went wrong (failed). */
  reason?: string;
  attempts?: number;
  /** Dry runs only: exactly what would be posted. */
  message?: SlackMessage;
}

export type DigestSummary = JobSummary<{ digests: DigestOutcome[] }>;

type Plan =
  | { kind: 'quiet'; reason: string }
  | { kind: 'digest'; from: VersionRow; to: VersionRow; releases: string[]; message: SlackMessage };

async function planDigest(
  ctx: ServiceContext,
  pkg: PackageRow,
  hash: string | null,
  linkCounter: LinkCounter | null,
  layout: DigestLayout,
): Promise<Plan> {
  const versions = await listVersionRecords(ctx, pkg);
  const deliveries = hash ? await listDeliveries(ctx, pkg.id, hash) : [];
  const decision = chooseRange(versions, deliveries);
  if (decision.kind === 'quiet') return { kind: 'quiet', reason: decision.reason };
  const { from, to } = decision;
  const summary = await summarizePair(ctx, { pkg, from, to });
  const { added, removed, modified, renamed } = summary.summary;
  if (added + removed + modified + renamed === 0) return { kind: 'quiet', reason: `no file changed from ${from.version} to ${to.version}` };
  let brokenLinks: number | null = null;
  let linkWarning: string | null = null;
  if (linkCounter) {
    try {
      const counted = await linkCounter(ctx, { package: pkg.name, from: from.version, to: to.version });
      if (typeof counted === 'number') brokenLinks = counted;
      else if (counted.warning !== null) linkWarning = counted.warning;
      else brokenLinks = counted.broken;
    } catch (error) {
      ctx.logger.warn(`digest: could not count broken links of ${pkg.name}@${to.version}; leaving the count out`, { error: toDocdeltaError(error).message });
    }
  }
  const message = buildDigestMessage(
    { summary, from, to, releases: decision.releases, docsRoot: (await readPages(ctx, pkg, to)).docsRoot, brokenLinks, linkWarning, baseUrl: ctx.config.publicBaseUrl },
    layout,
  );
  return { kind: 'digest', from, to, releases: decision.releases, message };
}

async function selectPackages(ctx: ServiceContext, names: string[] | undefined): Promise<PackageRow[]> {
  const rows = await listPackageRecords(ctx);
  if (!names) return rows;
  const unknown = names.filter((name) => !rows.some((row) => row.name === name));
  if (unknown.length > 0) throw invalidInput(`no stored package named ${unknown.join(', ')}; stored: ${rows.map((row) => row.name).join(', ') || 'none'}`);
  return rows.filter((row) => names.includes(row.name));
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

async function dryRun(ctx: ServiceContext, options: DigestRunOptions, linkCounter: LinkCounter | null): Promise<DigestSummary> {
  const started = new Date();
  const url = options.webhookUrl ?? ctx.config.slackWebhookUrl;
  const hash = url ? webhookHash(url) : null;
  const digests: DigestOutcome[] = [];
  for (const pkg of await selectPackages(ctx, options.packages)) {
    const plan = await planDigest(ctx, pkg, hash, linkCounter, options.layout ?? DEFAULT_LAYOUT);
    digests.push(
      plan.kind === 'quiet'
        ? { package: pkg.name, status: 'quiet', reason: plan.reason }
        : { package: pkg.name, status: 'planned', from: plan.from.version, to: plan.to.version, releases: plan.releases, message: plan.message },
    );
  }
  const finished = new Date();
  return {
    job: 'digest',
    runId: null,
    trigger: options.trigger ?? 'manual',
    status: 'ok',
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    counts: { packages: digests.length, planned: digests.filter((d) => d.status === 'planned').length, quiet: digests.filter((d) => d.status === 'quiet').length },
    error: null,
    details: { digests },
  };
}

export async function runDigest(ctx: ServiceContext, options: DigestRunOptions = {}): Promise<DigestSummary> {
  const linkCounter = options.linkCounter === undefined ? countBrokenLinks : options.linkCounter;
  if (options.dryRun) return dryRun(ctx, options, linkCounter);
  const url = options.webhookUrl ?? ctx.config.slackWebhookUrl;
  if (!url) throw invalidInput('SLACK_WEBHOOK_URL is not set; set it to post digests, or use --dry-run to see them');
  const hash = webhookHash(url);
  const redact = (text: string) => redactWebhook(text, url);
  const delivery = { ...DEFAULT_DELIVERY, ...options.delivery };
  const minInterval = options.minIntervalMs ?? 1_000;

  // Checked before the run starts: naming a package that does not exist is the caller's mistake.
  const packages = await selectPackages(ctx, options.packages);
  return runJob(ctx, 'digest', { trigger: options.trigger ?? 'manual', slot: options.slot, signal: options.signal, redact }, async (signal) => {
    const counts = { packages: packages.length, delivered: 0, failed: 0, quiet: 0, alreadyAnnounced: 0, outcomeUnknown: 0 };
    const digests: DigestOutcome[] = [];
    const problems: string[] = [];
    let lastPost = 0;
    for (const pkg of packages) {
      if (signal.aborted) {
        problems.push(`stopped before ${pkg.name}`);
        break;
      }
      try {
        for (const row of await settleInterrupted(ctx, pkg.id, hash)) {
          if (row.status !== 'pending') continue;
          counts.outcomeUnknown += 1;
          ctx.logger.warn(`digest: ${pkg.name} ${row.fromVersion} → ${row.toVersion} may or may not have been posted (the process stopped mid-request); not sent again`);
        }
        const plan = await planDigest(ctx, pkg, hash, linkCounter, options.layout ?? DEFAULT_LAYOUT);
        if (plan.kind === 'quiet') {
          counts.quiet += 1;
          digests.push({ package: pkg.name, status: 'quiet', reason: plan.reason });
          continue;
        }
        const range = { package: pkg.name, from: plan.from.version, to: plan.to.version, releases: plan.releases };
        const claim = await claimRange(ctx, { packageId: pkg.id, fromVersion: plan.from.version, toVersion: plan.to.version, webhookHash: hash });
        if (!claim.claimed) {
          counts.alreadyAnnounced += 1;
          digests.push({ ...range, status: 'already-announced', reason: claim.row.status });
          continue;
        }
        await sleep(lastPost + minInterval - Date.now(), signal);
        const id = claim.row.id;
        const result = await deliverToWebhook(
          url,
          plan.message,
          delivery,
          {
            beforeAttempt: (attempt) => markAttemptStarting(ctx, id, attempt),
            afterFailedAttempt: (_attempt, error) => markAttemptFailed(ctx, id, error),
          },
          signal,
        );
        lastPost = Date.now();
        if (result.delivered) {
          await markDelivered(ctx, id);
          counts.delivered += 1;
          digests.push({ ...range, status: 'delivered', attempts: result.attempts });
        } else {
          const error = redact(result.error ?? 'not delivered');
          await markFailed(ctx, id, error);
          counts.failed += 1;
          problems.push(`${pkg.name} ${plan.from.version} → ${plan.to.version}: ${error}`);
          digests.push({ ...range, status: 'failed', reason: error, attempts: result.attempts });
        }
      } catch (error) {
        const failure = toDocdeltaError(error);
        const reason = failure.code === 'INTERNAL' ? 'internal error (details in the server log)' : redact(failure.message);
        if (failure.code === 'INTERNAL') ctx.logger.error(`digest of ${pkg.name} failed`, { detail: redact(String((error as Error)?.stack ?? error)) });
        counts.failed += 1;
        problems.push(`${pkg.name}: ${reason}`);
        digests.push({ package: pkg.name, status: 'failed', reason });
      }
    }
    const error = problems.length === 0 ? null : problems.length > 5 ? `${problems.slice(0, 5).join('; ')}; and ${problems.length - 5} more` : problems.join('; ');
    return { counts, error, details: { digests } };
  });
}
