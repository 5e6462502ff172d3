import { p, registry, type Task } from '../../core/index.js';
import { DEFAULT_VALID_RESPONSE_TYPES } from './columns.js';

registry.declareSection('answer-distribution', ['valid_response_types']);

/** Counter group of every answer-distribution count in the run summary. */
export const COUNTERS = 'Answer distribution';

/**
 * The parameters every answer-distribution task shares, with edX's names
 * (BaseAnswerDistributionDownstreamMixin, AnswerDistributionDownstreamMixin).
 * `--src`, `--include` and `--manifest` come from WithPathSetInput.
 */
export const runParameters = {
  name: p.string({ description: 'A name for this run: the output folders under --dest are named after it, so each run has its own.' }),
  dest: p.path({ description: 'Directory for the intermediate outputs (problem_check_events_<name>/, answer_distribution_per_course_<name>/).' }),
  libJar: p.list(p.string(), { default: [], identity: false, description: 'Hadoop only (edX --lib-jar): jars for the streaming job; the inline and local runners ignore it.' }),
};

/** Parameters of stage 2 and the tasks after it. */
export const distributionParameters = {
  ...runParameters,
  baseInputFormat: p.string({
    default: '',
    identity: false,
    description: 'Hadoop only (edX --base-input-format): input format of the first job; the inline and local runners ignore it.',
  }),
  answerMetadata: p.string({
    default: '',
    description:
      'A JSON file of answer metadata keyed by answer id (problem_display_name, input_type, response_type, question, answer_value_id_map), so parts answered only by pre-2014 events are counted. Default: none.',
  }),
  validResponseTypes: p.string({
    default: '',
    description: `Comma-separated response types whose parts are counted. Default: [answer-distribution] valid_response_types, else ${DEFAULT_VALID_RESPONSE_TYPES}.`,
  }),
};

/** The config default of --valid-response-types, filled in before a task is built so worker threads get the same value. */
export function withValidTypesDefault(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const given = params?.validResponseTypes;
  if (typeof given === 'string' && given !== '') return params!;
  const configured = registry.config.get('answer-distribution', 'valid_response_types');
  return { ...params, validResponseTypes: configured ?? DEFAULT_VALID_RESPONSE_TYPES };
}

/**
 * Overrides for `task.clone(...)`, how each task builds the one it requires:
 * an empty --src is not passed on (undefined = not given), so stage 1 falls
 * back to `[event-logs] source` as edX's PathSetTask does.
 */
export function srcFallback(task: Task): Record<string, unknown> {
  const src = task.params.src;
  return Array.isArray(src) && src.length === 0 ? { src: undefined } : {};
}

/** --src on the tasks after stage 1: passed through to it; empty means `[event-logs] source`. */
export const passThroughSrc = {
  src: p.list(p.string(), { default: [], description: 'Directories or files holding tracking logs (a JSON list as edX passes it). Default: [event-logs] source.' }),
};

/** One line on stderr when a Hadoop-only flag is given to a runner that does not use it. */
export function noteHadoopOnlyFlags(task: Task & { runner?: string }, flags: Record<string, unknown>): void {
  if (task.runner === 'hadoop') return;
  for (const [flag, value] of Object.entries(flags))
    if ((Array.isArray(value) && value.length > 0) || (typeof value === 'string' && value !== ''))
      process.stderr.write(`${task.family}: ${flag} is for the Hadoop runner; the ${task.runner ?? 'local'} runner ignores it.\n`);
}
