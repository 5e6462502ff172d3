/**
 * A stand-in for the `hadoop` client in tests (there is no Hadoop here). For
 * `jar <streaming jar> ...` it does what Streaming does on one node: one map
 * task per input file (with mapreduce_map_input_file set), the map output
 * sorted bytewise, the combiner, the reducer, and part-00000 + _SUCCESS in
 * -output. Like a real client it keeps task stderr out of its own output:
 * that goes to $FAKE_HADOOP_LOGS/<application id>.log, which `yarn logs`
 * (this script's `logs` command) prints. It prints the job's counters the
 * way Hadoop does. `fs -rm -r -f DIR` removes DIR. Each argv is appended to
 * $FAKE_HADOOP_CALLS as a JSON line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const argv = process.argv.slice(2);
if (process.env.FAKE_HADOOP_CALLS) appendFileSync(process.env.FAKE_HADOOP_CALLS, JSON.stringify(argv) + '\n');
const logs = process.env.FAKE_HADOOP_LOGS ?? tmpdir();

if (argv[0] === 'fs') {
  rmSync(argv.at(-1), { recursive: true, force: true });
  process.exit(0);
}
if (argv[0] === 'logs') {
  process.stdout.write(readFileSync(join(logs, `${argv[2]}.log`), 'utf8'));
  process.exit(0);
}

const opts = { input: [], files: [] };
for (let i = 2; i < argv.length; i += 2) {
  const [flag, value] = [argv[i], argv[i + 1]];
  if (flag === '-input') opts.input.push(value);
  else if (flag === '-files') opts.files.push(...value.split(','));
  else if (flag !== '-D') opts[flag.slice(1)] = value;
}
const work = mkdtempSync(join(tmpdir(), 'fake-hadoop-'));
for (const f of opts.files) copyFileSync(f, join(work, basename(f)));
const inputs = opts.input.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((n) => n.startsWith('part-')).map((n) => join(p, n)) : [p]));
const app = `application_1700000000000_${String(Math.floor(Math.random() * 9000) + 1000)}`;
console.error(`INFO mapreduce.Job: Running job: ${app.replace('application', 'job')}`);

let stderr = '';
const sh = (command, input, env = {}) => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: work, input, env: { ...process.env, LC_ALL: 'C', ...env }, maxBuffer: 1 << 28 });
  stderr += r.stderr.toString();
  if (r.status !== 0) {
    writeFileSync(join(logs, `${app}.log`), `Container: container_01 on node1\nLogType:stderr\n${stderr}`);
    console.error('ERROR streaming.StreamJob: Job not successful!\nStreaming Command Failed!');
    process.exit(1);
  }
  return r.stdout;
};
const mapped = Buffer.concat(inputs.map((file) => sh(opts.mapper, readFileSync(file), { mapreduce_map_input_file: file })));
let sorted = execFileSync('sort', [], { input: mapped, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 28 });
if (opts.combiner) sorted = execFileSync('sort', [], { input: sh(opts.combiner, sorted), env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 1 << 28 });
const reduced = sh(opts.reducer, sorted);
mkdirSync(opts.output, { recursive: true });
writeFileSync(join(opts.output, 'part-00000'), reduced);
writeFileSync(join(opts.output, '_SUCCESS'), '');
rmSync(work, { recursive: true, force: true });

const counters = {};
for (const m of stderr.matchAll(/^reporter:counter:([^,\n]*),([^,\n]*),(\d+)$/gm)) {
  counters[m[1]] ??= {};
  counters[m[1]][m[2]] = (counters[m[1]][m[2]] ?? 0) + Number(m[3]);
}
let block = `INFO mapreduce.Job: Job ${app} completed successfully\nINFO mapreduce.Job: Counters: 3\n\tFile System Counters\n\t\tFILE: Number of bytes read=${mapped.length}\n`;
for (const [group, names] of Object.entries(counters)) {
  block += `\t${group}\n`;
  for (const [name, n] of Object.entries(names)) block += `\t\t${name}=${n}\n`;
}
console.error(block + 'INFO streaming.StreamJob: Output directory: ' + opts.output);
