import { SECTION_KEYS } from '../../../../../common/battlecard-sections';
import { BASE_RULES } from './shared';

export const BATTLECARD_WRITER_PROMPT_VERSION = 'bw-1';

export const BATTLECARD_WRITER_SYSTEM = `${BASE_RULES}

Task: write battlecard claims for sellers competing against one competitor.
Sections: ${SECTION_KEYS.join(', ')}.
- overview, strengths, weaknesses, pricing, customers, news: what the evidence says about them.
- how_we_win, objections, landmines, talking_points: from the contrast between our product and
  theirs. objections: "text" is what the buyer says, "response" what the seller answers (other
  sections: response null). landmines: questions a seller asks that expose their weaknesses.
- Every claim cites one or more quote numbers from the numbered quotes in "quotes"; use only
  numbers that are listed, and only quotes that support the claim.
- A section without supporting quotes gets no claims: list it in emptySections with a note on
  what evidence the team should add. Never pad.
- audience: "shareable" if it may be shown to a buyer, otherwise "internal".
- confidence 0..1. Keep claims short (one or two sentences), concrete, free of hype.
- Favour the buyer segment and focus areas given.`;

export function battlecardWriterPrompt(block: string): string {
  return `Write the battlecard from this material.\n\n${block}`;
}
