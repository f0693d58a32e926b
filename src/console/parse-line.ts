import { type CommandDefinition, type CommandInput, OptionType } from '../../commands/types.ts';

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'command'; name: string; input: CommandInput }
  | { kind: 'press'; action: string }
  | { kind: 'error'; message: string };

/**
 * Reads one console line the way Discord's slash-command box would fill options:
 * `/brief estonia`, `/brief topic:latvia days:30`, `/quote speaker:"Kaja Kallas"`, `/search troops near Narva`.
 * Words that are not `option:value` fill the command's first text option. `/press <action>` clicks a button.
 * @example parseLine('/brief topic:latvia days:30', lookup)
 */
export function parseLine(line: string, lookup: (name: string) => CommandDefinition | undefined): ParsedLine {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(text);
  if (!match)
    return {
      kind: 'error',
      message: 'Commands start with a slash, for example `/brief estonia`. Type `/help` for more.',
    };
  const name = (match[1] ?? '').toLowerCase();
  const rest = match[2] ?? '';
  if (name === 'press')
    return rest.trim() ? { kind: 'press', action: rest.trim() } : { kind: 'error', message: 'Usage: /press <action>' };
  const definition = lookup(name);
  if (!definition) {
    return {
      kind: 'error',
      message: `There is no /${name.slice(0, 32)} command. Type \`/help\` to see what there is.`,
    };
  }
  let options = definition.options ?? [];
  const input: CommandInput = { options: {} };
  const words = tokenize(rest);
  if (options.some((o) => o.type === OptionType.Subcommand)) {
    const sub = words.shift()?.value.toLowerCase();
    const subcommand = options.find((o) => o.name === sub);
    if (!sub || !subcommand) {
      return { kind: 'error', message: `/${name} needs one of: ${options.map((o) => o.name).join(', ')}.` };
    }
    input.subcommand = subcommand.name;
    options = subcommand.options ?? [];
  }
  const loose: string[] = [];
  for (const word of words) {
    if (word.key === undefined) {
      loose.push(word.value);
      continue;
    }
    const option = options.find((o) => o.name === word.key);
    if (!option) {
      const known = options.map((o) => o.name).join(', ') || 'none';
      return { kind: 'error', message: `/${name} has no option “${word.key.slice(0, 32)}”. Its options: ${known}.` };
    }
    input.options[option.name] =
      option.type === OptionType.Integer && /^-?\d+$/.test(word.value) ? Number(word.value) : word.value;
  }
  if (loose.length > 0) {
    const target = options.find((o) => o.type === OptionType.String && input.options[o.name] === undefined);
    if (!target)
      return {
        kind: 'error',
        message: `Not sure what “${loose.join(' ').slice(0, 40)}” is for: name the option, as in \`option:value\`.`,
      };
    input.options[target.name] = loose.join(' ');
  }
  return { kind: 'command', name, input };
}

interface Word {
  key?: string;
  value: string;
}

/** Splits on spaces, keeping `"quoted values"` whole; `key:value` words carry their key. */
function tokenize(text: string): Word[] {
  const out: Word[] = [];
  const re = /([a-z_][a-z0-9_-]{0,31}):(?:"([^"]*)"|(\S*))|"([^"]*)"|(\S+)/giy;
  let rest = text.trimStart();
  while (rest.length > 0) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) break;
    if (m[1] !== undefined) out.push({ key: m[1].toLowerCase(), value: m[2] ?? m[3] ?? '' });
    else out.push({ value: m[4] ?? m[5] ?? '' });
    rest = rest.slice(m[0].length).trimStart();
  }
  return out;
}
