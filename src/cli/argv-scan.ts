/**
 * What must be known before commander can parse anything: which modules to
 * load and which config files to read (they decide which task families and
 * parameters exist), and where the family name is.
 */
export interface ArgvScan {
  modules: string[];
  additionalConfig: string[];
  debug: boolean;
  /** Index of the task family in argv, or -1. */
  familyIndex: number;
}

/** Global options that take a value: their value is never the family name. */
export const GLOBAL_VALUE_OPTIONS = ['--module', '--additional-config', '--workers', '--streaming', '--step', '--lock-dir'] as const;

export function scanArgv(argv: readonly string[]): ArgvScan {
  const scan: ArgvScan = { modules: [], additionalConfig: [], debug: false, familyIndex: -1 };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const [flag, inline] = splitInline(token);
    const takesValue = (GLOBAL_VALUE_OPTIONS as readonly string[]).includes(flag);
    const value = takesValue ? (inline ?? argv[++i]) : undefined;
    if (flag === '--module' && value !== undefined) scan.modules.push(value);
    else if (flag === '--additional-config' && value !== undefined) scan.additionalConfig.push(value);
    else if (flag === '--debug') scan.debug = true;
    // Task options follow the family; before it only global options may appear.
    else if (!token.startsWith('-') && scan.familyIndex < 0) scan.familyIndex = i;
  }
  return scan;
}

function splitInline(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  return token.startsWith('--') && eq > 0 ? [token.slice(0, eq), token.slice(eq + 1)] : [token, undefined];
}
