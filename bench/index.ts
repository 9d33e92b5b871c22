/**
 * `npm run bench`: prints speed figures, each measured against a reference in the same run.
 * Every bench module exports `run()`, which prints its own table.
 */
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  extraction: () => import('./extraction'),
  charts: () => import('./charts'),
  progress: () => import('./progress'),
  storage: () => import('./storage'),
  http: () => import('./http'),
  'first-visit': () => import('./first-visit'),
  scale: () => import('./scale'),
};

const only = process.argv.slice(2);
for (const [name, load] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const mod = await load().catch((e: unknown) => {
    console.log(`(skipped: ${(e as Error).message})`);
    return null;
  });
  if (mod) await mod.run();
}
export {};
