// The patch loader is a service verb (services/patch-inputs.ts): MCP reads blobs only through it.
export { type PatchLoader, patchLoader } from '../../services/patch-inputs.ts';
