/** Command-line options of `npm run bench`. */

export interface BenchArgs {
  quick: boolean;
  /** Items in the store (100,000 with --quick, 1,000,000 otherwise). */
  items: number;
  /** Where the JSON goes; default bench/results/<timestamp>.json. */
  out: string | null;
  /** An earlier run to compare with. */
  compare: string | null;
  /** With --compare: compare this file instead of running. */
  against: string | null;
  /** Run only these measures (names as in bench/measures). */
  only: string[] | null;
  skip: string[];
  batchSize: number;
  /** Also run these store experiments (bench-only copies of store code and schema); empty = none. */
  experiments: ExperimentName[];
  /** Do not start a private Secret Service when no keychain answers. */
  noKeyring: boolean;
  /** Do not drop the OS page cache for the cold-open measure. */
  noDropCaches: boolean;
  /** The soak's length in minutes; null: 2 with --quick, else 30. */
  soakMinutes: number | null;
  help: boolean;
}

export const measureNames = ['generator', 'insert', 'open', 'inbox', 'search', 'suggestions', 'memory', 'cipher-migration', 'renderer', 'import', 'import-memory', 'mbox-memory', 'analysis', 'discovery', 'escalation', 'concurrency', 'ai', 'reports', 'soak'] as const;
/** Measures that run only when --only names them (the soak takes 30 minutes). */
const optInMeasures: readonly MeasureName[] = ['soak'];
export const experimentNames = ['insert', 'queries', 'deep', 'counts'] as const;
export type ExperimentName = (typeof experimentNames)[number];
export type MeasureName = (typeof measureNames)[number];

export const usage = `Usage: npm run bench -- [options]

  --quick              100,000 items (under 3 minutes) instead of 1,000,000
  --items N            any other size
  --out FILE           write the JSON to FILE (default bench/results/<timestamp>.json)
  --compare OLD.json   after the run, print each figure's ratio to OLD.json
  --against NEW.json   with --compare: compare two files without running anything
  --only a,b           run only these measures: ${measureNames.join(', ')}
  --skip a,b           skip these measures
  --batch N            items per insert transaction (default 5000)
  --experiments [a,b]  also run store experiments on bench-only copies of store code/schema:
                       ${experimentNames.join(', ')} (default: all)
  --no-keyring         do not start a private Secret Service when no keychain answers
  --no-drop-caches     cold open = fresh process only, without dropping the OS page cache
  --soak-minutes N     length of the soak (default 30; 2 with --quick); it runs only with --only soak
`;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    quick: false,
    items: 0,
    out: null,
    compare: null,
    against: null,
    only: null,
    skip: [],
    batchSize: 5000,
    experiments: [],
    noKeyring: false,
    noDropCaches: false,
    soakMinutes: null,
    help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    switch (flag) {
      case '--quick':
        args.quick = true;
        break;
      case '--items':
        args.items = Number(value(i++, flag).replace(/[_,]/g, ''));
        if (!Number.isInteger(args.items) || args.items < 1000) throw new Error('--items needs a whole number of at least 1000');
        break;
      case '--out':
        args.out = value(i++, flag);
        break;
      case '--compare':
        args.compare = value(i++, flag);
        break;
      case '--against':
        args.against = value(i++, flag);
        break;
      case '--only':
        args.only = list(value(i++, flag));
        break;
      case '--skip':
        args.skip = list(value(i++, flag));
        break;
      case '--batch':
        args.batchSize = Number(value(i++, flag));
        if (!Number.isInteger(args.batchSize) || args.batchSize < 1) throw new Error('--batch needs a positive whole number');
        break;
      case '--experiments': {
        const next = argv[i + 1];
        const names = next !== undefined && !next.startsWith('--') ? (i++, list(next)) : [...experimentNames];
        for (const name of names) if (!(experimentNames as readonly string[]).includes(name)) throw new Error(`Unknown experiment "${name}" (known: ${experimentNames.join(', ')})`);
        args.experiments = names as ExperimentName[];
        break;
      }
      case '--no-keyring':
        args.noKeyring = true;
        break;
      case '--no-drop-caches':
        args.noDropCaches = true;
        break;
      case '--soak-minutes':
        args.soakMinutes = Number(value(i++, flag));
        if (!(args.soakMinutes > 0)) throw new Error('--soak-minutes needs a number of minutes above 0');
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}`);
    }
  }
  for (const name of [...(args.only ?? []), ...args.skip]) {
    if (!(measureNames as readonly string[]).includes(name)) throw new Error(`Unknown measure "${name}" (known: ${measureNames.join(', ')})`);
  }
  if (args.items === 0) args.items = args.quick ? 100_000 : 1_000_000;
  return args;
}

export function shouldRun(args: BenchArgs, name: MeasureName): boolean {
  if (args.only && !args.only.includes(name)) return false;
  if (!args.only && optInMeasures.includes(name)) return false;
  return !args.skip.includes(name);
}
