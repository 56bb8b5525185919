/** The stages a generation reports, with the percent each starts at. */
export const STAGES = {
  collecting: ['collecting evidence', 2],
  analysing: ['analysing evidence', 5],
  profiling: ['building profile', 65],
  writing: ['writing claims', 75],
  checking: ['checking citations', 88],
  saving: ['saving', 94],
} as const;

export type StageKey = keyof typeof STAGES;

/** Reports a stage, `extra` percent into it. */
export type ReportStage = (key: StageKey, extra?: number) => Promise<void>;
