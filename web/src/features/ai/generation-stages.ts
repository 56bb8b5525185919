/** The stages a generation reports, in order, with the words people read. */
export const GENERATION_STAGES = [
  { key: 'collecting evidence', label: 'Collecting evidence' },
  { key: 'analysing evidence', label: 'Analysing evidence' },
  { key: 'building profile', label: 'Building the competitor profile' },
  { key: 'writing claims', label: 'Writing claims' },
  { key: 'checking citations', label: 'Checking every citation' },
  { key: 'saving', label: 'Saving the card' },
] as const;

/** Index of the current stage (−1 before the first; the length once completed). */
export function stageIndex(stage: string, done: boolean): number {
  if (done || stage === 'completed') return GENERATION_STAGES.length;
  return GENERATION_STAGES.findIndex((s) => s.key === stage);
}
