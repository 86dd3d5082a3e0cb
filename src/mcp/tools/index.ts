// Every MCP tool, in the order clients list them. A new tool is one module plus one line here.
import type { ToolDefinition } from '../tool-definition.ts';
import { checkLinksTool } from './check-links.ts';
import { fileDiffTool } from './file-diff.ts';
import { fileHistoryTool } from './file-history.ts';
import { listPackagesTool } from './list-packages.ts';
import { listVersionsTool } from './list-versions.ts';
import { resolveRouteTool } from './resolve-route.ts';
import { whatChangedTool } from './what-changed.ts';

export const TOOLS: ToolDefinition[] = [
  whatChangedTool,
  listVersionsTool,
  listPackagesTool,
  fileDiffTool,
  fileHistoryTool,
  resolveRouteTool,
  checkLinksTool,
];
