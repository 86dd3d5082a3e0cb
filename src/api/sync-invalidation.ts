// A sync (from POST /sync, the CLI in this process, or the scheduler) can move `latest`; every live
// app forgets its cached version resolutions when one finishes. Registered with the sync service
// once per process; apps are held weakly so tests that build many apps do not pile them up.
import { registerAfterSyncStep } from '../services/sync.ts';
import type { ApiToolkit } from './toolkit.ts';

const toolkits = new Set<WeakRef<ApiToolkit>>();
let registered = false;

export function invalidateAll(): void {
  for (const ref of toolkits) {
    const toolkit = ref.deref();
    if (toolkit) toolkit.invalidate();
    else toolkits.delete(ref);
  }
}

export function invalidateAfterSync(toolkit: ApiToolkit): void {
  if (!registered) {
    registerAfterSyncStep(async () => invalidateAll());
    registered = true;
  }
  toolkits.add(new WeakRef(toolkit));
}
