import { and, eq } from 'drizzle-orm';
import { diffLines, findChangedLine, ignorePatternForLine } from '../../../common/diff-lines';
import type { IgnoreLineResult } from '../../../common/monitoring';
import { IGNORE_RULES_MAX, regexProblem } from '../../../common/monitoring-values';
import { change, evidence, source } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, badRequest, notFound } from '../../lib/errors';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { comparableFromText } from './detect-change';

/**
 * "Ignore this line" from a change's diff: adds an ignore pattern for that line to the change's
 * source (editors). The source's comparison hash is recomputed from its last snapshot with the
 * new rule, so the next check compares like with like — a page whose only difference is that
 * line is unchanged, and no new baseline is needed.
 */
export async function ignoreLine(
  ctx: RequestContext,
  changeId: string,
  lineText: string,
): Promise<IgnoreLineResult> {
  authorize(ctx, 'content.edit');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ diff: change.diff, sourceId: change.sourceId })
      .from(change)
      .where(and(eq(change.id, changeId), eq(change.workspaceId, ctx.workspaceId)));
    if (!row) throw notFound('Change', 'change_not_found');
    const line = findChangedLine(diffLines(row.diff), lineText);
    if (!line) {
      throw badRequest('line_not_in_change', 'That line is not one this change added or removed.');
    }
    const pattern = ignorePatternForLine(line, lineText);
    if (!pattern || regexProblem(pattern)) {
      throw badRequest('line_not_ignorable', 'That line cannot be turned into an ignore rule.');
    }
    if (!row.sourceId) {
      throw new AppError('source_deleted', 409, 'The source of this change is no longer watched.');
    }
    const [src] = await tx
      .select()
      .from(source)
      .where(and(eq(source.id, row.sourceId), eq(source.workspaceId, ctx.workspaceId)))
      .for('update');
    if (!src)
      throw new AppError('source_deleted', 409, 'The source of this change is no longer watched.');
    const { patterns } = src.ignoreRules;
    if (patterns.includes(pattern)) {
      return { sourceId: src.id, pattern, ignoreRules: src.ignoreRules };
    }
    if (patterns.length >= IGNORE_RULES_MAX) {
      throw badRequest(
        'too_many_ignore_rules',
        `A source has at most ${IGNORE_RULES_MAX} ignore patterns; remove one first.`,
      );
    }
    const ignoreRules = { selectors: src.ignoreRules.selectors, patterns: [...patterns, pattern] };
    const [snapshot] = src.lastSnapshotId
      ? await tx
          .select({ content: evidence.content })
          .from(evidence)
          .where(eq(evidence.id, src.lastSnapshotId))
      : [];
    await tx
      .update(source)
      .set({
        ignoreRules,
        ...(snapshot
          ? { contentHash: comparableFromText(snapshot.content, ignoreRules.patterns).hash }
          : {}),
      })
      .where(eq(source.id, src.id));
    await recordAction(tx, ctx, 'source.ignore_rule_added', src.id, { changeId, pattern });
    return { sourceId: src.id, pattern, ignoreRules };
  });
}
