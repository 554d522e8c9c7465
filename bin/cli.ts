/**
 * The `parallax` command line: a thin shell over lib/ that prints the same JSON reports the UI reads,
 * or a readable summary. Errors name the file and what to do; no stack traces for bad input.
 */

const USAGE = `Usage: parallax <command> [options]

Commands:
  analyze [PATH...]          label terms and flag boilerplate (default: the bundled corpus)
      --json                 print the report as JSON on stdout
      --lexicons DIR         read lexicons from DIR (default: lexicons/)
      --no-lexicon           analyse without any lexicon

  compare ID_OR_PATH...       align 2 to 6 reports of one event: rows, word changes,
                             omissions, the term x outlet table and sources
      --json                 print the comparison report as JSON
      --lexicons DIR, --no-lexicon   as for analyze

  export ID_OR_PATH... --pdf FILE
                             print the comparison as an annotated PDF (needs Chromium)
      --paper a4|letter      paper size (default a4)
      --orientation auto|portrait|landscape   (auto: landscape for 3+ articles)
      --hide REFERENT,...    switch off highlights for these referents
      --blind                a classroom worksheet: outlets hidden, questions for
                             discussion; the answer key goes to FILE-answer-key.pdf
      --focus REFERENT,...   (with --blind) referents the questions ask about
      --question TEXT        (with --blind, repeatable) a question of your own

Paths may be .txt, .md or .markdown files, or folders of them.
`;

export type Command = (args: string[]) => Promise<number>;

// Loaded on demand: each command pulls in only the part of lib/ it needs, so `--help` stays instant.
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze')).runAnalyze,
  compare: async () => (await import('./commands/compare')).runCompare,
  export: async () => (await import('./commands/export')).runExport,
};

/** Runs one command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`parallax: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  // A reader that stops early (`parallax analyze --json | head`) closes the pipe: stop quietly, as
  // command-line tools do, rather than dying with an unhandled EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    const command = await load();
    return await command(rest);
  } catch (e) {
    // Bad arguments surface here as ordinary errors: say what is wrong, not where in the code.
    process.stderr.write(`parallax ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.PARALLAX_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}
