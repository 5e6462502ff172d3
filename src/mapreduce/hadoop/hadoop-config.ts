import { registry, UsageError } from '../../core/index.js';

registry.declareSection('hadoop', ['command', 'streaming_jar', 'launch_command', 'files', 'yarn_command']);

/** `[hadoop]` in the config: how to reach Hadoop and how its nodes run Pipewright. */
export interface HadoopConfig {
  /** The hadoop client (`[hadoop] command`, default `hadoop`). */
  command: string;
  /** `[hadoop] streaming_jar`: path of hadoop-streaming*.jar; required. */
  streamingJar: string;
  /** How a node starts Pipewright (`[hadoop] launch_command`, default `launch-task`): must be installed there. */
  launchCommand: string;
  /** Extra files shipped with every step (`[hadoop] files`, comma-separated), e.g. a bundled job module. */
  files: string[];
  /** Fetches task logs after a failure (`[hadoop] yarn_command`, default `yarn`; empty to skip). */
  yarnCommand: string;
}

export function hadoopConfig(family: string): HadoopConfig {
  const get = (key: string) => registry.config.get('hadoop', key)?.trim();
  const streamingJar = get('streaming_jar');
  if (!streamingJar) throw new UsageError(`${family} runs on Hadoop but no streaming jar is configured; set [hadoop] streaming_jar = /path/to/hadoop-streaming.jar (or use --runner local).`);
  return {
    command: get('command') || 'hadoop',
    streamingJar,
    launchCommand: get('launch_command') || 'launch-task',
    files: (get('files') ?? '').split(',').map((f) => f.trim()).filter(Boolean),
    yarnCommand: get('yarn_command') ?? 'yarn',
  };
}
