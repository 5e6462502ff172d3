import type { DistributionRow } from '../../../../src/tasks/answer-distribution/columns.js';

/** A stage 2 row with empty values and one last response, for the tests that vary a cell or two. */
export const distributionRow = (overrides: Partial<DistributionRow>): DistributionRow => ({
  ModuleID: 'm',
  PartID: 'p_2_1',
  ValueID: '',
  AnswerValue: '',
  Variant: '',
  'Problem Display Name': '',
  Question: '',
  'Correct Answer': '0',
  'First Response Count': 0,
  'Last Response Count': 1,
  ...overrides,
});
