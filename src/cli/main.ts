import readline from 'node:readline';
import { runTool, TOOL_NAMES, type ToolName } from './language-tools.ts';

const USAGE = `Usage: baltic-brief <sentences | summarize [--sentences N] | quotes>
Reads JSON Lines {"id": …, "text": "…"} on stdin and writes one JSON line per input line:
  sentences  → {"id", "sentences": [...]}
  summarize  → {"id", "summary": [...]}          (--sentences N, default 3)
  quotes     → {"id", "quotes": [{"text", "speaker", "role", "start", "end"}]}
Example: echo '{"id":1,"text":"Hello World. My name is Jonas."}' | npm run cli -- sentences`;

/** `baltic-brief <tool>`: the language tools on JSON Lines, for users' own text and for the evaluation. */
async function main(argv: string[]): Promise<number> {
  const [tool, ...rest] = argv;
  if (!tool || tool === '--help' || tool === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return tool ? 0 : 64;
  }
  if (!(TOOL_NAMES as readonly string[]).includes(tool)) {
    process.stderr.write(`baltic-brief: unknown tool “${tool}”.\n${USAGE}\n`);
    return 64;
  }
  let sentences = 3;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--sentences') {
      sentences = Number(rest[++i]);
      if (!Number.isInteger(sentences) || sentences < 1) {
        process.stderr.write('baltic-brief: --sentences takes a whole number, 1 or more.\n');
        return 64;
      }
    } else {
      process.stderr.write(`baltic-brief: unknown option “${rest[i]}”.\n${USAGE}\n`);
      return 64;
    }
  }
  const rl = readline.createInterface({ input: process.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const out = runTool(tool as ToolName, line, { sentences });
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`baltic-brief: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
