import type { BenchContext } from './cases.js';
import { ensureDataSet, type DataSet, type DataSetSpec } from './datasets.js';
import { answerDistributionPerCourse } from './pipewright-cases.js';
import type { ScaleResult } from './results.js';
import { runCase, type CaseResult, type RunCaseOptions } from './run-case.js';

/**
 * Peak RSS of AnswerDistributionPerCourse as the input grows: it must stay
 * flat (the local runner spills past its sort buffer). Reuses the plain-set
 * rows already measured and runs the extra sizes (4 GB with --scale) once each.
 */
export async function measureScale(
  measured: CaseResult[],
  sets: DataSet[],
  extraSpecs: DataSetSpec[],
  options: { context: BenchContext; cacheRoot: string; generator: string; runOptions: RunCaseOptions },
): Promise<ScaleResult[]> {
  const rows: ScaleResult[] = [];
  for (const set of sets.filter((s) => !s.gzip)) {
    const row = measured.find((r) => r.caseId === answerDistributionPerCourse.id && r.set === set.name && !r.gzip);
    if (row) rows.push(toScale(row, set));
  }
  for (const spec of extraSpecs) {
    const set = await ensureDataSet(spec, options.cacheRoot, options.generator, options.runOptions.log);
    options.runOptions.log(`${set.name} (${(set.uncompressedBytes / 1e6).toFixed(0)} MB):`);
    rows.push(toScale(await runCase(answerDistributionPerCourse, set, options.context, { ...options.runOptions, repetitions: 1 }), set));
  }
  return rows;
}

function toScale(row: CaseResult, set: DataSet): ScaleResult {
  if (row.status !== 'ok') return { set: set.name, uncompressedBytes: set.uncompressedBytes, status: row.status, note: row.note };
  return {
    set: set.name,
    uncompressedBytes: set.uncompressedBytes,
    status: 'ok',
    peakRssMb: row.peakRssMb ? row.peakRssMb.max : null,
    mbPerSecond: row.mbPerSecond!.median,
  };
}
