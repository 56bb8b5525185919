import { z } from 'zod';
import { defineJob } from '../lib/jobs/job-kind';

/** A job that only reports progress: what the fan-out test watches travel between processes. */
export const fanOutProbeJob = defineJob({
  name: 'test.fan-out-probe',
  payload: z.object({ label: z.string() }),
  retryLimit: 0,
  async handler({ label }, ctx) {
    await ctx.progress('collecting', 25);
    await ctx.progress('writing', 75);
    return { label };
  },
});
