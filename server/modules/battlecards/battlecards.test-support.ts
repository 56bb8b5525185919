import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  type Battlecard,
  type Claim,
  type CreateClaimBody,
  SECTION_KEYS,
} from '../../../common/battlecards';
import type { Role } from '../../../common/permissions';
import type { battlecard, claim } from '../../db/schema';
import {
  insertBattlecard,
  insertClaim,
  insertCompetitor,
  insertEvidence,
} from '../../test/core-factories';
import { type Account, addMember, registerOwner } from '../../test/factories';
import type { FileTestApp, Method } from '../../test/test-app';

/** Shared set-up for the battlecards tests: each test makes its own workspace through these. */

export const PRICING_TEXT =
  'Acme Cloud costs $45 per seat per month on the Team plan. SSO is only on Enterprise.';

/** A request as one account; `payload` is sent as the JSON body. */
export type Call = (
  method: Method,
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

/** Requests as `account`. */
export const caller =
  (t: FileTestApp, account: Account): Call =>
  (method, url, payload) =>
    t.call(account, method, url, payload);

export interface Workspace {
  owner: Account;
  workspaceId: string;
  as: Call;
  rival: { id: string; name: string };
  /** A pricing-page evidence of `rival` whose content is PRICING_TEXT. */
  evidenceId: string;
}

/** A new owner with their own workspace, one competitor and one piece of evidence. */
export async function newWorkspace(t: FileTestApp, name = 'Olivia Owner'): Promise<Workspace> {
  const owner = await registerOwner(t.app, { name });
  const workspaceId = owner.auth.workspace.id;
  const rival = await insertCompetitor(t.services, workspaceId, {
    name: `Acme ${Math.random().toString(36).slice(2, 8)}`,
    logoUrl: 'https://acme.example/logo.png',
  });
  const evidence = await insertEvidence(t.services, {
    workspaceId,
    competitorId: rival.id,
    title: 'Acme pricing page',
    url: 'https://acme.example/pricing',
    content: PRICING_TEXT,
  });
  return { owner, workspaceId, as: caller(t, owner), rival, evidenceId: evidence.id };
}

/** Requests as a new member of the workspace with `role`. */
export async function asMember(
  t: FileTestApp,
  w: Workspace,
  role: Role,
  name?: string,
): Promise<Call> {
  return caller(t, await addMember(t.app, w.owner, role, name));
}

export interface WithCard extends Workspace {
  cardId: string;
  /** `/api/v1/battlecards/<cardId>` */
  url: string;
}

/**
 * A new workspace (`newWorkspace`) with a card of its rival, inserted directly: a draft owned
 * by the owner and titled as the API would title it, unless `card` says otherwise. For tests
 * whose subject is not creating the card; each write through the API then drops it from the
 * cache as usual.
 */
export async function withCard(
  t: FileTestApp,
  card: Partial<typeof battlecard.$inferInsert> = {},
): Promise<WithCard> {
  const w = await newWorkspace(t);
  const row = await insertBattlecard(t.services, {
    workspaceId: w.workspaceId,
    competitorId: w.rival.id,
    ownerId: w.owner.auth.user.id,
    title: `${w.rival.name} battlecard`,
    ...card,
  });
  return { ...w, cardId: row.id, url: `/api/v1/battlecards/${row.id}` };
}

/**
 * A claim inserted straight into the card (the first strength unless told). It bypasses the
 * cache's invalidation, so arrange claims before the card is first read; citations must quote
 * their evidence exactly, as the API would check.
 */
export function insertClaimOn(
  t: FileTestApp,
  w: WithCard,
  values: Omit<Partial<typeof claim.$inferInsert>, 'workspaceId' | 'battlecardId'> = {},
) {
  return insertClaim(t.services, { workspaceId: w.workspaceId, battlecardId: w.cardId, ...values });
}

export function expectStatus(res: LightMyRequestResponse, status: number): void {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  }
}

export async function createCard(
  as: Call,
  competitorId: string,
  extra: Record<string, unknown> = {},
): Promise<Battlecard> {
  const res = await as('POST', '/api/v1/battlecards', { competitorId, ...extra });
  expectStatus(res, 201);
  return res.json<Battlecard>();
}

export async function addClaim(as: Call, cardId: string, body: CreateClaimBody): Promise<Claim> {
  const res = await as('POST', `/api/v1/battlecards/${cardId}/claims`, body);
  expectStatus(res, 201);
  return res.json<Claim>();
}

export async function getCard(as: Call, cardId: string): Promise<Battlecard> {
  const res = await as('GET', `/api/v1/battlecards/${cardId}`);
  expectStatus(res, 200);
  return res.json<Battlecard>();
}

/** Claim ids of one section, in the order the card shows them. */
export const idsIn = (card: Battlecard, section: (typeof SECTION_KEYS)[number]) =>
  card.sections.find((s) => s.key === section)?.claims.map((c) => c.id) ?? [];

/** Exactly these keys, no more, no fewer (the contract's shape, with nothing extra leaking). */
export function expectKeys(value: object, keys: string[]): void {
  expect(Object.keys(value).sort()).toEqual([...keys].sort());
}

const CARD_KEYS = [
  'id',
  'competitorId',
  'competitor',
  'segment',
  'title',
  'status',
  'visibility',
  'owner',
  'version',
  'publishedAt',
  'hasUnpublishedChanges',
  'freshness',
  'createdAt',
  'updatedAt',
  'sections',
  'permissions',
];
/** The keys of a claim (an objection's with a response: also `response`). */
export const CLAIM_KEYS = [
  'id',
  'text',
  'audience',
  'confidence',
  'stale',
  'staleReason',
  'verifiedBy',
  'verifiedAt',
  'citations',
];

/**
 * The card's exact shape: the contract's keys at every level, every section in the fixed order,
 * `response` on objection claims only.
 */
export function expectExactCardShape(card: Battlecard): void {
  expectKeys(card, CARD_KEYS);
  expectKeys(card.competitor, ['id', 'name', 'logoUrl']);
  expectKeys(card.freshness, ['status', 'staleClaims', 'newestEvidenceAt']);
  expectKeys(card.permissions, ['canEdit', 'canPublish', 'canDelete']);
  expect(card.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
  for (const section of card.sections) {
    expectKeys(section, ['key', 'title', 'claims']);
    for (const claim of section.claims) {
      const withResponse = section.key === 'objections' && claim.response !== undefined;
      expectKeys(claim, withResponse ? [...CLAIM_KEYS, 'response'] : CLAIM_KEYS);
      for (const citation of claim.citations) {
        expectKeys(citation, ['evidenceId', 'quote', 'url', 'capturedAt', 'title']);
      }
    }
  }
}
