import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { LightMyRequestResponse } from 'fastify';
import { insertEvidence } from '../../test/core-factories';
import type { FileTestApp } from '../../test/test-app';
import {
  type WithCard,
  expectStatus,
  insertClaimOn,
  withCard,
} from '../battlecards/battlecards.test-support';

/** Shared set-up and readers for the export tests: real files read back by real parsers. */

export const CITED_QUOTE = '$45 per seat per month';

/** Whitespace-free text: a PDF wraps lines (and CJK anywhere), so compare without breaks. */
export const squash = (text: string) => text.replace(/\s+/g, '');

export async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text };
}

/** poppler's `pdftotext`, when installed (CI installs poppler-utils); undefined otherwise. */
export function popplerText(bytes: Buffer): string | undefined {
  if (!['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => existsSync(p))) {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ringside-export-'));
  try {
    const file = join(dir, 'card.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const docxHtml = async (bytes: Buffer) =>
  (await mammoth.convertToHtml({ buffer: bytes })).value;

export const docxText = async (bytes: Buffer) =>
  (await mammoth.extractRawText({ buffer: bytes })).value;

/** A binary response's bytes (inject keeps them in rawPayload). */
export function fileOf(res: LightMyRequestResponse): Buffer {
  expectStatus(res, 200);
  return res.rawPayload;
}

export interface ExportCard extends WithCard {
  shareable: string[];
  internal: string[];
  objection: { text: string; response: string };
  sourceTitle: string;
}

/**
 * A card like a product marketer's: claims in several sections, shareable and internal, an
 * objection with its response, a stale claim, citations of two sources (one with Unicode).
 */
export async function exportCard(t: FileTestApp): Promise<ExportCard> {
  const w = await withCard(t);
  const sourceTitle = 'Analyst note — Zürich office';
  const second = await insertEvidence(t.services, {
    workspaceId: w.workspaceId,
    competitorId: w.rival.id,
    title: sourceTitle,
    url: 'https://analyst.example/notes/zurich?id=7&lang=de',
    content: 'Teams in München and São Paulo moved off Acme after the 東京 outage in March.',
  });
  const shareable = [
    'Acme is a suite for mid-market support teams, strongest in e-mail ticketing.',
    'Customers in München, Zürich, São Paulo and 東京 report slow SLA reporting.',
  ];
  const internal = ['Their CFO told a prospect renewals go up 18% in year two (unverified).'];
  const objection = {
    text: 'Acme is cheaper per seat.',
    response: 'Only until you need SSO: it is an Enterprise add-on, so compare like for like.',
  };
  await insertClaimOn(t, w, {
    section: 'overview',
    position: 0,
    audience: 'shareable',
    text: shareable[0],
    citations: [{ evidenceId: w.evidenceId, quote: CITED_QUOTE }],
  });
  await insertClaimOn(t, w, {
    section: 'weaknesses',
    position: 0,
    audience: 'shareable',
    text: shareable[1],
    stale: true,
    staleReason: 'The cited note was updated',
    citations: [{ evidenceId: second.id, quote: 'München and São Paulo' }],
  });
  await insertClaimOn(t, w, {
    section: 'pricing',
    position: 0,
    audience: 'internal',
    text: internal[0],
  });
  await insertClaimOn(t, w, {
    section: 'objections',
    position: 0,
    audience: 'shareable',
    text: objection.text,
    response: objection.response,
    citations: [{ evidenceId: w.evidenceId, quote: CITED_QUOTE }],
  });
  return { ...w, shareable, internal, objection, sourceTitle };
}
