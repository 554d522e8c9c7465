/** See one-core.js. */
export const ONE_CORE_FLAGS: readonly string[];
export function hasOneCoreFlags(): boolean;
export function rerunForOneCore(script: string): number | null;
export function onOneCore(): boolean;
export function cpuQuotaCores(read: (file: string) => string | null): number | null;
