//! The recovery screen's title, by what start-up found wrong with the data file.

const PROBLEMS: Record<string, string> = {
  corrupt: 'Your data file was damaged',
  not_a_database: 'Your data file was not readable',
  empty_file: 'Your data file was empty',
};

export function recoveryTitle(problem: string): string {
  return PROBLEMS[problem] ?? 'Your data file could not be used';
}
