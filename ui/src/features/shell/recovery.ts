//! The recovery screen's title, by what start-up found wrong with the data file.

import type { RecoveryProblem } from '../../lib/bindings/RecoveryProblem';

// A Record over the generated union: a new problem in the core fails svelte-check here.
const PROBLEMS: Record<RecoveryProblem, string> = {
  corrupt: 'Your data file was damaged',
  not_a_database: 'Your data file was not readable',
  empty_file: 'Your data file was empty',
  interrupted_restore: 'A restore was interrupted',
  missing_database: 'Your data file is missing',
};

export function recoveryTitle(problem: RecoveryProblem): string {
  return PROBLEMS[problem];
}
