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

export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
