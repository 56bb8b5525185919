import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, addMember } from '../../test/factories';
import { type TestApp, buildTestApp } from '../../test/harness';
import { searchHelpers, uniqueWord } from './test-support';

/** Private cards and their claims show only to their owner and to admins — cached or not. */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const { searchOk, insertCard, insertClaim, workspaceWithCard } = searchHelpers(() => t);

/** A workspace with two editors, a viewer and a private card of the first editor's. */
async function teamWithPrivateCard() {
  const word = uniqueWord();
  const { owner, workspaceId, rival } = await workspaceWithCard();
  const editor = await addMember(t.app, owner, 'editor', 'Erin Editor');
  const otherEditor = await addMember(t.app, owner, 'editor', 'Eli Editor');
  const viewer = await addMember(t.app, owner, 'viewer', 'Vic Viewer');
  const privateCard = await insertCard(workspaceId, rival.id, {
    title: `Draft plan ${word}`,
    visibility: 'private',
    ownerId: editor.auth.user.id,
  });
  const idsFor = async (account: Account) =>
    (await searchOk(account, { q: word })).items.map((i) => i.id).sort();
  return { word, owner, workspaceId, rival, editor, otherEditor, viewer, privateCard, idsFor };
}

describe('search and private cards', () => {
  it('shows private cards and their claims only to their owner and to admins', async () => {
    const team = await teamWithPrivateCard();
    const { word, owner, workspaceId, rival, editor, otherEditor, viewer, privateCard } = team;
    const admin = await addMember(t.app, owner, 'admin', 'Ada Admin');
    const privateClaim = await insertClaim(privateCard, `Private angle on ${word}.`);
    const sharedCard = await insertCard(workspaceId, rival.id, { title: `Shared ${word}` });
    const { idsFor } = team;
    const everything = [privateCard.id, privateClaim.id, sharedCard.id].sort();
    expect(await idsFor(editor)).toEqual(everything);
    expect(await idsFor(admin)).toEqual(everything);
    expect(await idsFor(owner)).toEqual(everything);
    expect(await idsFor(otherEditor)).toEqual([sharedCard.id]);
    expect(await idsFor(viewer)).toEqual([sharedCard.id]);
  });

  it('shares cached results between people who own no private card, never with an owner', async () => {
    const { word, owner, workspaceId, rival, editor, otherEditor, viewer, privateCard, idsFor } =
      await teamWithPrivateCard();
    // A private card whose owner left: nobody but admins sees it.
    const orphan = await insertCard(workspaceId, rival.id, {
      title: `Orphan ${word}`,
      visibility: 'private',
      ownerId: null,
    });
    const shared = await insertCard(workspaceId, rival.id, { title: `Shared ${word}` });

    expect(await idsFor(otherEditor)).toEqual([shared.id]);
    // Written behind the API's back (no event): the content version stays, so a cached page
    // is served as it was — to everyone who asks the same search.
    const later = await insertCard(workspaceId, rival.id, { title: `Later ${word}` });
    expect(await idsFor(viewer)).toEqual([shared.id]);
    // The private card's owner asks their own search, computed afresh.
    expect(await idsFor(editor)).toEqual([privateCard.id, shared.id, later.id].sort());
    expect(await idsFor(owner)).toEqual([privateCard.id, orphan.id, shared.id, later.id].sort());
  });
});
