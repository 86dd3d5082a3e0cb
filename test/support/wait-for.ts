// Polling for a condition another process or a background task will make true.

/** Checks `condition` every `intervalMs` until it holds or `timeoutMs` passes; returns its last value. */
export async function waitFor(condition: () => boolean, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  return condition();
}
