import type { CommandDefinition, CommandOptionDefinition } from './types.ts';

/** Discord's rule for command and option names (chat input): lower-case letters, digits, `-` and `_`, 1–32 long. */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const MAX_COMMANDS = 100;
/** Discord caps a command's name, description and all its options' names, descriptions and choices together. */
const MAX_TOTAL_TEXT = 4000;

const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function checkName(name: string, where: string, problems: string[]): void {
  if (!NAME.test(name)) problems.push(`${where}: name "${name}" must be 1–32 letters, digits, "-" or "_"`);
  else if (name !== name.toLowerCase()) problems.push(`${where}: name "${name}" must be lower-case`);
}

function checkDescription(description: string, where: string, problems: string[]): void {
  const length = [...description].length;
  if (length < 1 || length > 100) problems.push(`${where}: description must be 1–100 characters (has ${length})`);
}

function textLength(option: CommandOptionDefinition): number {
  let n = option.name.length + option.description.length;
  for (const c of option.choices ?? []) n += c.name.length + String(c.value).length;
  for (const o of option.options ?? []) n += textLength(o);
  return n;
}

function checkOptions(
  options: readonly CommandOptionDefinition[],
  where: string,
  depth: number,
  problems: string[],
): void {
  if (options.length > MAX_OPTIONS) problems.push(`${where}: at most ${MAX_OPTIONS} options (has ${options.length})`);
  const names = new Set<string>();
  let sawOptional = false;
  const nested = options.filter((o) => o.type === SUBCOMMAND || o.type === SUBCOMMAND_GROUP).length;
  if (nested > 0 && nested < options.length) {
    problems.push(`${where}: subcommands cannot be mixed with other options`);
  }
  for (const option of options) {
    const at = `${where} > ${option.name}`;
    checkName(option.name, at, problems);
    checkDescription(option.description, at, problems);
    if (names.has(option.name)) problems.push(`${at}: duplicate option name`);
    names.add(option.name);
    if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP) {
      // Groups hold subcommands; subcommands hold plain options; nothing nests deeper.
      if (depth >= 2 || (depth === 1 && option.type === SUBCOMMAND_GROUP)) problems.push(`${at}: nested too deeply`);
      if (option.type === SUBCOMMAND_GROUP && option.options?.some((o) => o.type !== SUBCOMMAND)) {
        problems.push(`${at}: a subcommand group may only contain subcommands`);
      }
      checkOptions(option.options ?? [], at, depth + 1, problems);
      continue;
    }
    if (option.options?.length) problems.push(`${at}: only subcommands can have options`);
    if (option.required) {
      if (sawOptional) problems.push(`${at}: required options must come before optional ones`);
    } else {
      sawOptional = true;
    }
    const choices = option.choices ?? [];
    if (choices.length > MAX_CHOICES) problems.push(`${at}: at most ${MAX_CHOICES} choices (has ${choices.length})`);
    if (choices.length && option.autocomplete) problems.push(`${at}: choices and autocomplete cannot both be set`);
    for (const choice of choices) {
      const nameLength = [...choice.name].length;
      if (nameLength < 1 || nameLength > 100) problems.push(`${at}: choice "${choice.name}" must be 1–100 characters`);
      if (typeof choice.value === 'string' && (choice.value.length < 1 || choice.value.length > 100)) {
        problems.push(`${at}: choice value "${choice.value}" must be 1–100 characters`);
      }
    }
    if (option.min_value !== undefined && option.max_value !== undefined && option.min_value > option.max_value) {
      problems.push(`${at}: min_value is above max_value`);
    }
    if (option.min_length !== undefined && (option.min_length < 0 || option.min_length > 6000)) {
      problems.push(`${at}: min_length must be 0–6000`);
    }
    if (option.max_length !== undefined && (option.max_length < 1 || option.max_length > 6000)) {
      problems.push(`${at}: max_length must be 1–6000`);
    }
  }
}

/**
 * Every problem Discord would refuse in these chat-input command definitions, as readable lines naming the command
 * and option; empty when all are valid. Run before registering, and at start-up by the registry.
 * @example validateCommandDefinitions([{ name: 'Brief', description: '' }])
 * // ['/Brief: name "Brief" must be lower-case', '/Brief: description must be 1–100 characters (has 0)']
 */
export function validateCommandDefinitions(definitions: readonly CommandDefinition[]): string[] {
  const problems: string[] = [];
  if (definitions.length > MAX_COMMANDS) problems.push(`at most ${MAX_COMMANDS} commands (has ${definitions.length})`);
  const names = new Set<string>();
  for (const def of definitions) {
    const where = `/${def.name}`;
    checkName(def.name, where, problems);
    checkDescription(def.description, where, problems);
    if (names.has(def.name)) problems.push(`${where}: defined twice`);
    names.add(def.name);
    checkOptions(def.options ?? [], where, 0, problems);
    const total = def.name.length + def.description.length + (def.options ?? []).reduce((n, o) => n + textLength(o), 0);
    if (total > MAX_TOTAL_TEXT)
      problems.push(`${where}: names, descriptions and choices total ${total} > ${MAX_TOTAL_TEXT}`);
    if (def.default_member_permissions != null && !/^\d+$/.test(def.default_member_permissions)) {
      problems.push(`${where}: default_member_permissions must be a bitfield string such as "32"`);
    }
  }
  return problems;
}
