// `/status`: the scheduler's plan (sync and digest schedules, when each fires next, whether the
// digest can post, how each last ran) and what became of recent runs — including skipped ticks and
// why — and of digest deliveries; with the API token, a sync can be started here. Data: GET /jobs.
import { getJson } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { formatCount, plural } from '../format.js';
import { rememberToken, sendWithToken, tokenInput } from './api-token.js';
import { nextRun } from './cron-next.js';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : `${timeFormat.format(date)} UTC`;
}

function duration(run) {
  if (!run.finishedAt) return 'running';
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function countsText(counts) {
  const parts = Object.entries(counts ?? {})
    .filter(([, value]) => typeof value === 'number')
    .map(([key, value]) => `${key.replace(/([A-Z])/g, ' $1').toLowerCase()} ${formatCount(value)}`);
  return parts.join(' · ');
}

/** "in 7 min", "in 3 h", "in 2 days": how far off a time is. */
function fromNow(date, now = Date.now()) {
  const minutes = Math.max(1, Math.round((date.getTime() - now) / 60_000));
  if (minutes < 90) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `in ${hours} h` : `in ${Math.round(hours / 24)} days`;
}

function lastRunCell(runs, job) {
  const last = runs.find((run) => run.job === job);
  if (!last) return h('span', { class: 'muted', text: 'not yet' });
  return h('span', {}, h('span', { class: `status-word run-status-${last.status}`, text: last.status }), ` ${when(last.startedAt)}`);
}

function nextRunCell(entry, enabled) {
  if (!enabled) return h('span', { class: 'muted', text: '—' });
  const next = nextRun(entry.cron, entry.timezone);
  return next ? h('span', { class: 'next-run', title: next.toISOString() }, `${when(next.toISOString())} `, h('span', { class: 'muted', text: `(${fromNow(next)})` })) : h('span', { class: 'muted', text: 'see the cron expression' });
}

/** A scrolling data table; a header is its text, or the attributes of its <th>. */
function scrollTable(tableClass, headers, rows) {
  const ths = headers.map((header) => h('th', typeof header === 'string' ? { text: header } : header));
  return h('div', { class: 'table-scroll' }, h('table', { class: tableClass }, h('thead', {}, h('tr', {}, ths)), h('tbody', {}, rows)));
}

function schedulePanel(schedule, runs) {
  const row = (name, entry, extra, enabled = true) =>
    h('tr', {}, h('th', { scope: 'row', text: name }), h('td', {}, h('code', { text: entry.cron })), h('td', { text: entry.timezone }), h('td', {}, nextRunCell(entry, enabled)), h('td', {}, lastRunCell(runs, name)), h('td', {}, extra));
  return h(
    'section',
    { class: 'panel schedule', 'aria-label': 'Schedule' },
    h('h2', { text: 'Schedule' }),
    scrollTable('data-table', ['Job', 'Cron', 'Time zone', 'Next run', 'Last run', {}], [
      row('sync', schedule.sync, h('span', { class: 'muted', text: 'ingests new versions of every tracked package' })),
      row(
        'digest',
        schedule.digest,
        schedule.digest.enabled
          ? h('span', { class: 'status-word status-added', text: 'posts to Slack' })
          : h('span', { class: 'muted' }, 'off: ', h('code', { text: 'SLACK_WEBHOOK_URL' }), ' is not set'),
        schedule.digest.enabled,
      ),
    ]),
  );
}

function runsPanel(runs) {
  const body = runs.length
    ? scrollTable(
        'data-table runs',
        ['Job', 'Started', 'Took', 'Trigger', 'Outcome'],
        runs.map((run) =>
          h(
            'tr',
            { class: `run run-${run.status}` },
            h('td', {}, h('code', { text: run.job })),
            h('td', { class: 'date', text: when(run.startedAt) }),
            h('td', { class: 'num', text: duration(run) }),
            h('td', { text: run.trigger }),
            h(
              'td',
              {},
              h('span', { class: `status-word run-status-${run.status}`, text: run.status }),
              countsText(run.counts) ? h('span', { class: 'muted small', text: ` ${countsText(run.counts)}` }) : null,
              run.error ? h('div', { class: 'error-message small', text: run.error }) : null,
            ),
          ),
        ),
      )
    : h('p', { class: 'muted', text: 'No job has run yet.' });
  return h('section', { class: 'panel', 'aria-label': 'Recent runs' }, h('h2', { text: 'Recent runs' }), body);
}

function deliveriesPanel(deliveries) {
  if (deliveries.length === 0) return h('section', { class: 'panel', 'aria-label': 'Digest deliveries' }, h('h2', { text: 'Digest deliveries' }), h('p', { class: 'muted', text: 'No digest has been posted yet.' }));
  return h(
    'section',
    { class: 'panel', 'aria-label': 'Digest deliveries' },
    h('h2', { text: 'Digest deliveries' }),
    scrollTable(
      'data-table',
      ['Package', 'Versions', 'Status', { class: 'num', text: 'Attempts' }, 'Delivered'],
      deliveries.map((delivery) =>
        h(
          'tr',
          {},
          h('td', {}, h('code', { text: delivery.package })),
          h('td', {}, h('code', { text: `${delivery.from} → ${delivery.to}` })),
          h('td', {}, h('span', { class: 'status-word', text: delivery.status }), delivery.lastError ? h('div', { class: 'error-message small', text: delivery.lastError }) : null),
          h('td', { class: 'num', text: String(delivery.attempts) }),
          h('td', { class: 'date', text: when(delivery.deliveredAt) }),
        ),
      ),
    ),
  );
}

/** "Sync now": POST /sync with the API token, then the page redraws with the new run. */
function syncNowPanel(onDone) {
  const token = tokenInput();
  const status = h('p', { class: 'admin-status', role: 'status' });
  const button = h('button', { type: 'submit', class: 'button primary', text: 'Sync now' });
  const form = h(
    'form',
    {
      class: 'sync-now',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const secret = token.value.trim();
          if (!secret) {
            status.textContent = 'Enter the API token first.';
            return;
          }
          button.disabled = true;
          status.textContent = 'Syncing… (new versions are fetched and stored; this can take a while)';
          try {
            const result = await sendWithToken('POST', '/sync', secret);
            rememberToken(secret);
            const ingested = result.reports.reduce((count, report) => count + report.ingested.length, 0);
            status.textContent = `Run #${result.runId}: ${result.status}; ${plural(ingested, 'new version')} stored.`;
            await onDone();
          } catch (error) {
            status.textContent = `Could not sync: ${error.message}`;
          } finally {
            button.disabled = false;
          }
        },
      },
    },
    h('label', { class: 'muted small token-label' }, 'API token ', token),
    button,
  );
  return h('details', { class: 'panel sync-panel' }, h('summary', { text: 'Run a sync now' }), form, status);
}

function statusPanels(history) {
  return [schedulePanel(history.schedule, history.runs), runsPanel(history.runs), deliveriesPanel(history.deliveries)];
}

export async function renderStatus(main, context, data) {
  const history = await data;
  if (!context.isCurrent()) return null;
  document.title = 'Jobs and schedule — docdelta';
  const panels = h('div', { class: 'status-panels' }, statusPanels(history));
  const refresh = async () => {
    const fresh = await getJson('/jobs');
    if (context.isCurrent()) replaceChildren(panels, statusPanels(fresh));
  };
  replaceChildren(
    main,
    h('nav', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true, text: 'Packages' }), ' / status'),
    h('h1', { text: 'Jobs and schedule' }),
    h('p', { class: 'muted small', text: 'The scheduler runs inside docdelta serve; runs started from the command line or over HTTP are listed too. Times are UTC.' }),
    panels,
    syncNowPanel(refresh),
  );
  window.scrollTo(0, 0);
  return null;
}
