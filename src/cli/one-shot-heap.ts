// How a one-shot command keeps its peak RSS small (≤ 150 MB is the goal for every command).
//
// A one-shot `docdelta sync` allocates a great deal of short-lived garbage (tarball entries, parsed
// pages, statement text) while holding little. V8 answers by doubling its young generation up to
// 16 MiB per semi-space — 32 MiB of the peak RSS, about a fifth of a first sync (measured: 172 MB
// with it, 137–142 MB without), for a process that is gone a second later.
//
// The young generation's maximum is fixed when node starts (`--max-semi-space-size`), which a
// command cannot choose. Its growth factor is read each time V8 considers growing, so setting it to 1
// here keeps the semi-spaces at their initial 1 MiB: more scavenges, each as cheap as what survives,
// for ~5% more CPU. Long-running processes (`serve`, `mcp`) keep V8's default, where throughput matters.
import v8 from 'node:v8';
import vm from 'node:vm';

export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * A full collection now, for a command moving from one phase to the next: `docdelta diff` on versions
 * it has just fetched and stored leaves the sync's garbage in the old generation, which V8 would
 * otherwise grow past (measured on the default package: a peak of 157–174 MiB, 132–135 MiB with this
 * call, ~20 ms). `gc` is exposed in a new context only, as test runners' leak detectors do, so the
 * command's own globals stay as they are.
 */
export function collectGarbageNow(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
