import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * edX's conformance data, beside the repo (never copied into it: AGPL test data);
 * PIPEWRIGHT_CONFORMANCE points elsewhere, for a clone that has no ../shared beside it.
 */
export const CONFORMANCE = resolve(REPO_ROOT, process.env.PIPEWRIGHT_CONFORMANCE || '../shared/conformance/edx');
/** The built CLI, after `npm run build`. */
export const LAUNCH_TASK = resolve(REPO_ROOT, 'bin/launch-task.js');
