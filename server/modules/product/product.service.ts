import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Product, ProductBodySchema } from '../../../common/product';
import { hasRole, PERMISSIONS } from '../../../common/permissions';
import { product, user, workspace } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';

const canEdit = (ctx: RequestContext) => hasRole(ctx.actor.role, PERMISSIONS['content.edit']);

async function readProduct(db: DbOrTx, ctx: RequestContext): Promise<Product> {
  const [row] = await db
    .select({ product, updatedBy: { id: user.id, name: user.name } })
    .from(product)
    .leftJoin(user, eq(user.id, product.updatedBy))
    .where(eq(product.workspaceId, ctx.workspaceId));
  if (row) {
    const { product: p, updatedBy } = row;
    return {
      name: p.name,
      pitch: p.pitch,
      capabilities: p.capabilities,
      pricing: p.pricing,
      proofPoints: p.proofPoints,
      updatedAt: p.updatedAt.toISOString(),
      updatedBy: updatedBy?.id ? { id: updatedBy.id, name: updatedBy.name } : null,
      configured: true,
      canEdit: canEdit(ctx),
    };
  }
  // Never saved: start from the workspace's name, which is usually the company's.
  const [ws] = await db
    .select({ name: workspace.name })
    .from(workspace)
    .where(eq(workspace.id, ctx.workspaceId));
  return {
    name: ws?.name ?? '',
    pitch: '',
    capabilities: [],
    pricing: '',
    proofPoints: [],
    updatedAt: null,
    updatedBy: null,
    configured: false,
    canEdit: canEdit(ctx),
  };
}

/** Our product profile; every member may read it, battlecards compare against it. */
export async function getProduct(ctx: RequestContext): Promise<Product> {
  authorize(ctx, 'content.read');
  return readProduct(ctx.db, ctx);
}

/** Replaces the profile (PUT: fields left out go back to their defaults). */
export async function saveProduct(
  ctx: RequestContext,
  input: z.infer<typeof ProductBodySchema>,
): Promise<Product> {
  authorize(ctx, 'content.edit');
  return ctx.db.transaction(async (tx) => {
    const fields = {
      name: input.name,
      pitch: input.pitch,
      capabilities: input.capabilities,
      pricing: input.pricing,
      proofPoints: input.proofPoints,
      updatedBy: ctx.actor.userId,
    };
    await tx
      .insert(product)
      .values({ workspaceId: ctx.workspaceId, ...fields })
      .onConflictDoUpdate({
        target: product.workspaceId,
        set: { ...fields, updatedAt: sql`now()` },
      });
    await recordAction(tx, ctx, 'product.updated', ctx.workspaceId, { name: input.name });
    return readProduct(tx, ctx);
  });
}
