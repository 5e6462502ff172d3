import { Command, Option } from 'commander';
import { ParameterValueError, toKebab, type Parameter } from '../core/parameters/parameter.js';
import { ListParameter } from '../core/parameters/list.js';
import { DefinitionError, UsageError } from '../core/errors.js';
import { familyOf } from '../core/registry.js';
import type { TaskClass } from '../core/task.js';
import { addGlobalOptions, type GlobalOptions } from './global-options.js';

export interface ParsedTaskCommand {
  globals: GlobalOptions;
  /** Raw parameter values by camelCase name, for the task constructor to parse. */
  params: Record<string, unknown>;
}

/**
 * One commander command per task family: its parameters become flags
 * (`nReduceTasks` -> `--n-reduce-tasks <int>`), bools get `--x`, `--no-x`
 * and `--x false`, and list flags may repeat. Values stay text here so the
 * task constructor parses them and reports a bad one in a single line.
 */
export function buildTaskCommand(cls: TaskClass): Command {
  const family = familyOf(cls);
  const command = new Command(`launch-task ${family}`).usage('[parameters] [launch options]').optionsGroup(`Parameters of ${family}:`);
  if (cls.description) command.description(cls.description);
  for (const [name, spec] of Object.entries(cls.parameters)) {
    const flag = `--${toKebab(name)}`;
    const help = describeParameter(spec);
    if (spec.isFlag) {
      command.addOption(new Option(`${flag} [true|false]`, help));
      command.addOption(new Option(`--no-${toKebab(name)}`, `same as ${flag} false`).hideHelp());
    } else if (spec instanceof ListParameter) {
      command.addOption(new Option(`${flag} <${spec.typeName}>`, `${help}; repeat the flag to add items`).argParser(appendText));
    } else command.addOption(new Option(`${flag} <${valueName(spec)}>`, help));
  }
  try {
    return addGlobalOptions(command).helpOption('-h, --help', 'show this help');
  } catch (error) {
    // A parameter named like a launch option (workers, module, debug...) cannot have a flag.
    throw new DefinitionError(`${family}: ${error instanceof Error ? error.message : String(error)}; rename that parameter.`);
  }
}

export function parseTaskCommand(cls: TaskClass, command: Command, args: readonly string[]): ParsedTaskCommand {
  command.parse(args as string[], { from: 'user' });
  const options = command.opts<Record<string, unknown>>();
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(cls.parameters)) {
    const value = options[name];
    if (value === undefined) continue;
    params[name] = spec instanceof ListParameter ? joinListTexts(familyOf(cls), name, spec, value as string[]) : value === true ? 'true' : value;
  }
  return { globals: command.opts<GlobalOptions>(), params };
}

function appendText(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--src a --src '["b","c"]'` -> [a, b, c]. */
function joinListTexts(family: string, name: string, spec: ListParameter<unknown>, texts: string[]): unknown {
  if (texts.length === 1) return texts[0];
  try {
    return texts.flatMap((text) => spec.parse(text));
  } catch (error) {
    if (!(error instanceof ParameterValueError)) throw error;
    throw new UsageError(`${family}: bad value ${JSON.stringify(texts)} for --${toKebab(name)}: ${error.message}.`);
  }
}

function valueName(spec: Parameter): string {
  return spec.typeName.startsWith('one of ') ? spec.typeName.slice(7) : spec.typeName;
}

/** `number of reducers (int, default: 1)` */
export function describeParameter(spec: Parameter): string {
  const facts = [spec.typeName];
  if (spec.defaultText) facts.push(`default: ${spec.defaultText}`);
  else if (!spec.hasDefault) facts.push('required');
  else if (spec.defaultValue !== undefined && spec.defaultValue !== null && spec.defaultValue !== '') facts.push(`default: ${spec.serialize(spec.defaultValue as never)}`);
  if (!spec.identity) facts.push('not part of the task id');
  return `${spec.description ? spec.description + ' ' : ''}(${facts.join(', ')})`;
}
