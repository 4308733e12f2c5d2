import { Command, CommanderError } from 'commander';
import { HearkenError } from '../shared/errors';
import { analyzeCommand } from './commands/analyze';
import { demo } from './commands/demo';
import { doctor } from './commands/doctor';
import { generate } from './commands/generate';
import { importFile, type ImportOptions } from './commands/import';
import { init } from './commands/init';
import { stats } from './commands/stats';
import { defaultDataDir } from './paths';
import { CliSession, type GlobalOptions } from './session';
import { registerBackupCommands } from './commands/backup';
import { registerKeyCommands } from './commands/keys';
import { exportTemplates, importTemplates } from './commands/templates';
import { aiDraft, aiJobs, aiLog, aiSet, aiTest, aiTriage, type AiSetOptions, type AiTriageOptions } from './commands/ai';
import { escalate, escalations, listItems, rulesList, rulesPreview, slaCounts, type EscalateOptions } from './commands/escalations';
import { pdfPrinter, planReport, report, type ReportOptions } from './commands/report';
import { exportRows, planExport, type ExportOptions } from './commands/export';
import { planSuggest, topicsSuggest, type TopicsSuggestOptions } from './commands/topics';

/**
 * `npx hearken <command>` (or `npm run -s cli -- <command>`): the same core the app uses, for scripting and for team
 * leads' scheduled jobs. Failures print one line saying what to do; exit codes are
 * 0 ok, 1 a problem with the store or its input, 2 a usage error.
 */
type Action = (session: CliSession, opts: { json?: boolean }) => Promise<boolean | void>;

function withSession(program: Command, action: Action) {
  return async (opts: { json?: boolean }): Promise<void> => {
    const global = program.opts<GlobalOptions>();
    const session = await CliSession.open(global);
    try {
      const ok = await action(session, opts);
      if (ok === false) process.exitCode = 1;
    } finally {
      await session.close();
    }
  };
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('hearken')
    .description('Hearken: an encrypted, offline customer-feedback inbox.')
    .option('--data-dir <dir>', 'folder of the inbox', defaultDataDir())
    .option('--passphrase-env <VAR>', 'environment variable holding the passphrase')
    .option('--recovery-key-env <VAR>', 'environment variable holding the recovery key')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // A subcommand's --help names the folder and unlock options too: they may follow the
  // subcommand (`hearken stats --data-dir ./inbox`), and people read the subcommand's help.
  const storeCommand = (name: string): Command => program.command(name).configureHelp({ showGlobalOptions: true });

  storeCommand('init').description('create an encrypted store and print its recovery key').option('--json', 'print JSON').action(withSession(program, init));
  storeCommand('doctor').description('check the keychain and the store; exits 1 on a problem').option('--json', 'print JSON').action(withSession(program, doctor));
  storeCommand('stats').description('counts by status, sentiment and channel').option('--json', 'print JSON').action(withSession(program, stats));
  storeCommand('demo').description('load the demo inbox').option('--json', 'print JSON').action(withSession(program, demo));
  program
    .command('generate')
    .description('write synthetic support feedback (deterministic per seed) as CSV or JSON lines; needs no store')
    .requiredOption('--count <n>', 'how many items')
    .requiredOption('--out <file>', 'output file, or - for stdout')
    .option('--seed <n>', 'random seed', '1')
    .option('--format <csv|jsonl>', 'output format', 'csv')
    .option('--end <date>', 'end of the generated year (default 2025-06-01)')
    .option('--days <n>', 'length of the period in days', '365')
    .option('--handles <x>', 'share of social/review authors without e-mail, as a multiple of the default (0 = none)', '1')
    .action(generate);
  program
    .command('analyze')
    .description('sentiment, language and topics of JSON lines {"id","text"} on stdin, one JSON line out per line in; needs no store')
    .option('--jsonl', 'read and write JSON lines (the default; kept for scripts that pass it)')
    .action(analyzeCommand);
  storeCommand('import')
    .description('import feedback from a CSV, TSV, JSON, NDJSON, .eml, mbox or helpdesk export (a file or a folder of e-mails)')
    .argument('<path>', 'file or folder to import')
    .option('--format <format>', 'csv, tsv, json, ndjson, eml, mbox, zendesk or helpscout (default: detected)')
    .option('--mapping <file>', 'column mapping as JSON, see docs/import-mapping.md (default: the mapping saved for these columns, else the guessed one)')
    .option('--time-zone <zone>', 'IANA time zone for dates without an offset, e.g. Europe/Berlin')
    .option('--origin <name>', 'the system the file comes from: ids count as already imported only within one origin (default: the saved one, else the file itself; "" for the file itself)')
    .option('--json', 'print {"read","imported","duplicates","failed","mapping","origin"} as JSON')
    .option('--progress', 'print progress lines on stderr even when it is not a terminal')
    .action(async (path: string, opts: ImportOptions) => {
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        await importFile(session, path, opts);
      } finally {
        await session.close();
      }
    });

  const templates = storeCommand('templates').description('reply templates as a hearken.templates JSON file');
  for (const [name, description, action] of [
    ['export', 'write every template to <file>', exportTemplates],
    ['import', 'add the templates in <file>; a template with the name of an existing one replaces it (all or nothing)', importTemplates],
  ] as const) {
    templates
      .command(name)
      .configureHelp({ showGlobalOptions: true })
      .description(description)
      .argument('<file>', 'the JSON file')
      .option('--json', 'print the result as JSON')
      .action(async (file: string, opts: { json?: boolean }) => {
        const session = await CliSession.open(program.opts<GlobalOptions>());
        try {
          await action(session, file, opts);
        } finally {
          await session.close();
        }
      });
  }

  storeCommand('escalate')
    .description('escalate items to a team; without --reason or --priority the matching rules suggest them')
    .argument('<ids...>', 'feedback ids (see `list --json`)')
    .requiredOption('--to <team>', 'the team, by name or id (e.g. Billing)')
    .option('--reason <text>', 'why it is escalated')
    .option('--priority <level>', 'low, normal, high or urgent')
    .option('--note <text>', 'a note for the team')
    .option('--json', 'print the result as JSON')
    .action(async (ids: string[], opts: EscalateOptions) => {
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        await escalate(session, ids, opts);
      } finally {
        await session.close();
      }
    });
  storeCommand('escalations')
    .description('the open escalation queue by team, with age and SLA state')
    .option('--closed', 'resolved and de-escalated ones instead')
    .option('--json', 'print JSON')
    .action(withSession(program, escalations));
  const rules = storeCommand('rules').description('routing rules (the predefined criteria)');
  rules.command('list').configureHelp({ showGlobalOptions: true }).description('the rules in order, with the items each flags now').option('--json', 'print JSON').action(withSession(program, rulesList));
  rules.command('preview').configureHelp({ showGlobalOptions: true }).description('each rule evaluated over the store now, with its count').option('--json', 'print JSON').action(withSession(program, rulesPreview));
  storeCommand('sla').description('SLA counts: breached, due soon, running, paused').option('--json', 'print JSON').action(withSession(program, slaCounts));
  storeCommand('list')
    .description("a view's items with their ids, escalation and SLA state")
    .option('--view <name>', 'a view by name or id: inbox, breached, due-soon, flagged, escalated, or a saved view', 'inbox')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { view?: string; limit?: string; json?: boolean }) => {
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        await listItems(session, opts);
      } finally {
        await session.close();
      }
    });

  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  const ai = storeCommand('ai').description('the LLM: endpoint settings, triage, reply drafts, the queue and what left this machine');
  const aiCommand = (name: string): Command => ai.command(name).configureHelp({ showGlobalOptions: true });
  aiCommand('set')
    .description('point Hearken at an OpenAI-compatible endpoint (a base URL turns the AI on)')
    .option('--base-url <url>', 'e.g. http://127.0.0.1:11434/v1 (Ollama)')
    .option('--model <name>', 'the default model (Azure: the deployment)')
    .option('--provider <p>', 'openai, azure, ollama, lmstudio, llamacpp or custom')
    .option('--purpose-model <purpose=name>', 'a model for one purpose: triage, draft or summary (repeatable)', collect)
    .option('--api-key-env <VAR>', 'environment variable holding the API key (never given on the command line)')
    .option('--redact <on|off|auto>', 'PII redaction; auto redacts for every endpoint not on this machine')
    .option('--budget <tokens>', 'monthly token budget (none for no limit)')
    .option('--concurrency <n>', 'calls in flight at once')
    .option('--enable', 'turn the AI on')
    .option('--disable', 'turn the AI off')
    .option('--json', 'print the status as JSON')
    .action(withSession(program, (session, opts) => aiSet(session, opts as AiSetOptions)));
  aiCommand('test').description('list the models and find what the endpoint supports; exits 1 when it fails').option('--json', 'print JSON').action(withSession(program, aiTest));
  aiCommand('triage')
    .description('queue a triage of a view, every item or named items')
    .option('--view <name>', 'a view by name or id')
    .option('--all', 'every item')
    .option('--id <id>', 'an item (repeatable)', collect)
    .option('--force', 'triage items that already have a triage again')
    .option('--wait', 'run the queue here until nothing is pending (progress on stderr)')
    .option('--json', 'print JSON')
    .action(withSession(program, (session, opts) => aiTriage(session, opts as AiTriageOptions)));
  aiCommand('draft')
    .description('write a reply draft for an item and print it with its sources and unsupported promises')
    .argument('<id>', 'the item')
    .option('--tone <tone>', 'friendly, formal, brief or apologetic', 'friendly')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { tone?: string; json?: boolean }) => {
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        if (!(await aiDraft(session, id, opts))) process.exitCode = 1;
      } finally {
        await session.close();
      }
    });
  aiCommand('jobs').description('the LLM queue').option('--json', 'print JSON').action(withSession(program, aiJobs));
  aiCommand('log').description('what left this machine: LLM calls and escalation webhooks, newest first').option('--limit <n>', 'at most this many', '200').option('--json', 'print JSON').action(withSession(program, aiLog));

  storeCommand('report')
    .description('a team-lead report for local dates (the SLA calendar’s zone): PDF, HTML, XLSX, a folder of CSV tables, JSON, or a summary')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (included)')
    .option('--compare <what>', 'previous, year, product:A,B or channel:A,B')
    .option('--format <format>', 'pdf, html, xlsx or csv (a folder of tables); default from --out’s extension')
    .option('--out <path>', 'the file to write (for csv, the folder; created)')
    .option('--json', 'print the report’s figures as JSON (with --out, the file is written too)')
    .option('--calendar-time', 'show reply and resolution times in calendar time first, not business hours')
    .option('--chromium <path>', 'the Chromium or Chrome that prints the PDF (default: found on this computer)')
    .option('--time-zone <zone>', 'IANA zone of the dates (default: the SLA calendar’s)')
    .option('--channel <channel>', 'only this channel (repeatable)', collect)
    .option('--product <product>', 'only this product (repeatable)', collect)
    .action(async (opts: ReportOptions) => {
      const plan = planReport(opts);
      const printer = pdfPrinter(plan, opts);
      if (printer === null) {
        process.exitCode = 1;
        return;
      }
      const session = await CliSession.open(program.opts<GlobalOptions>(), undefined, printer ? { printToPdf: printer } : {});
      try {
        await report(session, plan, opts);
      } finally {
        await session.close();
        await printer?.close();
      }
    });
  storeCommand('export')
    .description('one row per conversation (fields, tags, sentiment, topics, escalation, SLA times) as CSV, XLSX or JSON lines')
    .option('--view <name>', 'a view by name or id (default: every item)')
    .option('--format <format>', 'csv, xlsx or jsonl (default from --out’s extension)')
    .requiredOption('--out <file>', 'the file to write')
    .option('--json', 'print {"path","view","format","count"} as JSON')
    .option('--progress', 'print progress on stderr even when it is not a terminal')
    .action(async (opts: ExportOptions) => {
      const plan = planExport(opts);
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        await exportRows(session, plan, opts);
      } finally {
        await session.close();
      }
    });

  storeCommand('topics')
    .description('topic discovery: proposals for topics the taxonomy lacks')
    .command('suggest')
    .configureHelp({ showGlobalOptions: true })
    .description('group the conversations without a topic (or a view\'s, or all) by what they share, offline; the window shows the same proposals to accept or reject')
    .option('--view <name>', 'the conversations of a view, by name or id')
    .option('--all', 'every conversation, also those that have a topic')
    .option('--min-size <n>', 'the smallest group worth proposing (default 5)')
    .option('--json', 'print {"run", "proposals": [{"name","keywords","size","externalIds","ids"}]}: externalIds are the items\' ids in the system they came from; items imported without one are in "ids" by their Hearken id')
    .option('--progress', 'print progress on stderr even when it is not a terminal')
    .action(async (opts: TopicsSuggestOptions) => {
      const plan = planSuggest(opts);
      const session = await CliSession.open(program.opts<GlobalOptions>());
      try {
        await topicsSuggest(session, plan, opts);
      } finally {
        await session.close();
      }
    });

  const openSession = (): Promise<CliSession> => CliSession.open(program.opts<GlobalOptions>());
  registerBackupCommands(storeCommand, openSession);
  registerKeyCommands(storeCommand, openSession);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof HearkenError) {
      process.stderr.write(`hearken: ${error.message} [${error.code}]\n`);
      return 1;
    }
    process.stderr.write(`hearken: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
