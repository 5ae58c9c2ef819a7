// Types of scripts/bundle.mjs, for the TypeScript tests that bundle with it.
import type { BuildResult, LogLevel } from 'esbuild';

export interface BundleOptions {
  readonly entryPoints: readonly string[];
  readonly outfile?: string;
  readonly outdir?: string;
  readonly dirname?: string;
  readonly sourcemap?: boolean | 'inline';
  readonly external?: readonly string[];
  readonly banner?: string;
  readonly logLevel?: LogLevel;
}

export function bundleForNode(options: BundleOptions): Promise<BuildResult>;
export function bundleAndRun(options: { readonly entry: string; readonly outfile: string; readonly dirname: string; readonly cwd: string }): Promise<never>;
