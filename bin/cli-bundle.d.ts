/** The cache folder of the command-line bundle for the project at `root` (see cli-bundle.js). */
export function cacheDir(root: string): string;
/** The path of a fresh bundle of bin/cli.ts under `root`, built when missing or stale; null to run from the sources. */
export function bundledCli(root: string): Promise<string | null>;
