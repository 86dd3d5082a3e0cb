import { DocdeltaError } from '../errors.ts';
import { checkLinks } from '../services/links.ts';
import { renderNetlify, renderNextjs } from '../links/redirects.ts';
import { renderTable } from '../links/link-report.ts';
import { oneOf, parseCommandArgs } from './args.ts';
import { type Command, outputOf, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

const FORMATS = ['table', 'json', 'netlify', 'nextjs'] as const;

/** `/docs` or empty: the prefix redirect rules need when the docs are served under a path. */
function basePathArg(value: string | undefined): string {
  if (value === undefined || value === '' || value === '/') return '';
  if (!/^\/[A-Za-z0-9._~/-]{1,200}$/.test(value)) throw new UsageError(`--base-path must be a path such as /docs; got ${JSON.stringify(value.slice(0, 60))}`);
  return value.replace(/\/+$/, '');
}

export const linksCommand: Command = {
  ...commandInfo('links'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      package: { type: 'string' },
      scan: { type: 'string' },
      'base-url': { type: 'string' },
      'base-path': { type: 'string' },
      format: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError(`expected FROM and TO versions; got ${positionals.length} argument(s)`);
    const format = oneOf(values.format, FORMATS, '--format', 'table');
    const basePath = basePathArg(values['base-path']);
    const [from, to] = positionals as [string, string];
    const ctx = await env.context();
    let report;
    try {
      report = await checkLinks(ctx, { package: values.package ?? null, from, to, scanDir: values.scan ?? null, baseUrl: values['base-url'] ?? null });
    } catch (error) {
      // Exit 1 means "links are broken" to CI; a version or package that does not exist is a usage error.
      if (error instanceof DocdeltaError && error.code === 'NOT_FOUND') throw new UsageError(error.message);
      throw error;
    }
    const header = { package: report.package, from: report.from, to: report.to, basePath };
    // No silent all-clear: a check that found no pages or matched no link is not a pass, whatever the format.
    const blocking = report.warnings.filter((warning) => warning.blocking);
    const verdict = () => {
      for (const warning of blocking) env.io.stderr.write(`docdelta links: ${warning.message}\n`);
      return blocking.length > 0 ? 2 : null;
    };
    switch (format) {
      case 'json':
        outputOf(env).write(`${JSON.stringify(report, null, 2)}\n`);
        break;
      case 'table':
        outputOf(env).write(renderTable(report));
        break;
      case 'netlify':
      case 'nextjs':
        outputOf(env).write(format === 'netlify' ? renderNetlify(report.redirects, header) : renderNextjs(report.redirects, header));
        if (report.redirects.warnings.length > 0) {
          env.io.stderr.write(`docdelta links: ${report.redirects.warnings.length} removed page(s) are not redirected; see the comments in the output\n`);
        }
        // A redirects file is a build artefact: writing it succeeded whatever the links say.
        return verdict() ?? 0;
    }
    return verdict() ?? (report.broken.length > 0 ? 1 : 0);
  },
};
