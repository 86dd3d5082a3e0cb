import { z } from 'zod';
import { listPackages } from '../../services/catalog.ts';
import { BudgetedText } from '../format/budgeted-text.ts';
import { code, plural, prose } from '../format/inline-text.ts';
import { ANSWER_BUDGET } from '../limits.ts';
import { defineTool } from '../tool-definition.ts';

const output = z.object({
  packages: z.array(
    z.object({ name: z.string(), source: z.string(), versions: z.number(), latest: z.string().nullable() }),
  ),
  total: z.number(),
  truncated: z.boolean(),
});

export const listPackagesTool = defineTool({
  name: 'list_packages',
  title: 'Tracked packages',
  description:
    'The packages whose documentation docdelta tracks, with how many versions of each are stored and the latest. ' +
    'Call it to find the `package` argument the other tools take (they need it only when more than one package is tracked).',
  input: z.strictObject({}),
  output,
  async run(ctx) {
    const packages = await listPackages(ctx);
    const text = new BudgetedText(ANSWER_BUDGET.list);
    text.add(`# Tracked packages (${packages.length})`);
    if (packages.length === 0) text.add('None yet: the server operator adds one with `docdelta sync PACKAGE`.');
    let shown = 0;
    for (const pkg of packages) {
      const latest = pkg.latest ? `, latest ${prose(pkg.latest)}` : '';
      if (!text.tryAdd(`- ${code(pkg.name)} (${prose(pkg.source)}): ${plural(pkg.versions, 'version')} stored${latest}`)) break;
      shown++;
    }
    if (shown < packages.length) text.add(`${packages.length - shown} more not shown.`);
    return {
      markdown: text.toString(),
      structured: {
        packages: packages.slice(0, shown).map(({ name, source, versions, latest }) => ({ name, source, versions, latest })),
        total: packages.length,
        truncated: shown < packages.length,
      },
    };
  },
});
