import type { DemoCompetitor } from '../demo-types';

/** The AI-first challenger: an autonomous agent priced per resolution. */
export const replyloop: DemoCompetitor = {
  name: 'Replyloop',
  website: 'https://replyloop.example',
  summary:
    'An AI agent that answers email and chat on top of an existing help desk, priced per automated resolution. Freshly funded ($28M Series A) and building its own inbox to replace help desks outright. Strong story, young product: no SLAs or CRM integrations in its inbox yet, US-only data processing.',
  tier: 'emerging',
  tags: ['ai-agent', 'automation', 'venture-backed'],
  evidence: [
    {
      key: 'funding',
      kind: 'note',
      title: 'Replyloop raises a $28M Series A',
      url: 'https://replyloop.example/blog/series-a',
      daysAgo: 45,
      paragraphs: [
        "Summary of Replyloop's funding announcement and the press coverage around it, written up by our product marketing team.",
        'Replyloop, founded in 2022, announced a $28 million Series A led by Meridian Ventures, with participation from its seed investors. The company says it has 70 employees and more than 300 customers, most of them software companies with 10 to 100 support agents.',
        "Replyloop sells an AI agent that answers customer questions by email and chat, resolving what it can and handing the rest to human agents in the customer's existing help desk. It integrates today with Helpforge and Querybird.",
        'In the announcement, the CEO said the money will be used to "build the first help desk designed around an AI agent, not bolted onto one". Replyloop plans to launch its own inbox for human agents, which would make it a direct alternative to traditional help desks rather than an add-on to them.',
        'The announcement repeats Replyloop\'s headline claim that customers resolve "up to 60% of conversations" without a human. The company did not say how it measures a resolution.',
      ],
    },
    {
      key: 'pricing',
      kind: 'webpage',
      title: 'Replyloop pricing page',
      url: 'https://replyloop.example/pricing',
      daysAgo: 18,
      paragraphs: [
        'Replyloop pricing',
        'Platform — $500 per month, billed annually. Includes the Replyloop AI agent on email and chat, connectors for Helpforge and Querybird, and up to 3 knowledge sources.',
        'Resolutions — $0.99 per automated resolution. A conversation counts as resolved when the AI agent answers and the customer does not reply or ask for a human within 24 hours.',
        'Handoffs to human agents are free. Volume discounts are available on annual commitments above 20,000 resolutions per year.',
        'Enterprise — custom pricing. Adds unlimited knowledge sources, SSO, a dedicated success manager and custom data retention.',
        'FAQ\nDo I need a help desk? Today, yes: Replyloop hands conversations to your existing help desk. Loop Inbox, our own inbox for human agents, is in beta.\nCan I set a spending cap? You can set a monthly cap. When the cap is reached, new conversations go straight to human agents.',
      ],
    },
    {
      key: 'inbox-beta',
      kind: 'webpage',
      title: 'Replyloop changelog: Loop Inbox beta',
      url: 'https://replyloop.example/changelog/loop-inbox-beta',
      daysAgo: 15,
      paragraphs: [
        'Changelog — Loop Inbox (beta)',
        'Loop Inbox is now in private beta for a limited number of customers. Loop Inbox lets your human agents work on the conversations the AI agent hands off, without a separate help desk.',
        'Included in the beta\n- Email and chat conversations in one inbox\n- Assignment to agents and teams\n- Internal notes and @mentions\n- AI summaries of every handoff',
        'Not yet available\n- SLA policies and breach alerts\n- Reporting beyond daily conversation volume\n- CRM integrations\n- Phone and social channels',
        'Beta limits\nDuring the beta, Loop Inbox supports up to 25 human agents per account and keeps conversation history for 12 months. Conversations the AI agent resolves on its own also appear in Loop Inbox, marked as resolved, so your team can review them.',
        'Join the waitlist from your Replyloop dashboard. Beta customers use Loop Inbox at no extra cost during the beta.',
      ],
    },
    {
      key: 'call-quillstone',
      kind: 'call_snippet',
      title: 'Discovery call: Quillstone asks about AI agents',
      daysAgo: 5,
      paragraphs: [
        'Snippet from a discovery call with Quillstone (tax software for accountants, 48 support agents, seasonal peaks). Recorded with consent.',
        "Prospect (VP Support): We're talking to Replyloop too. They told us they'd resolve 60% of our tickets from day one, and that we could cut seasonal hiring.",
        'Tidewell AE: What did they base the 60% on?',
        "Prospect: Their average across customers, I think. They haven't looked at our tickets yet.",
        "Tidewell AE: In tax season, what share of your tickets need someone to look at the customer's actual account or filing?",
        'Prospect: Most of them, honestly. "Where is my refund" means someone checking their filing status. But the password resets and "how do I export" questions could go to a bot.',
        'Tidewell AE: And how would you budget for the resolutions?',
        "Prospect: That's my finance team's first question. In January we get five times our normal volume. At 99 cents a resolution, I can't give them a number.",
      ],
    },
    {
      key: 'pilot-solace',
      kind: 'win_loss',
      title: 'Win interview: Solace Health Billing after a Replyloop pilot',
      daysAgo: 28,
      paragraphs: [
        'Win interview with the Director of Support at Solace Health Billing (medical billing software, 30 agents), after they chose Tidewell Growth.',
        'Background: Solace ran a six-week pilot of Replyloop on top of their old help desk before evaluating new help desks.',
        'What happened in the pilot\n- Replyloop auto-resolved 23% of conversations, against the 60% in the sales deck. Most billing questions needed account data Replyloop could not see.\n- Twice, the AI agent quoted an old refund policy from an outdated help article. One of those answers went to a customer who then filed a complaint.\n- The bill was hard to predict: resolutions were counted when customers simply stopped replying, including some who gave up.',
        "Why they chose Tidewell\n- Drafts, not autopilot: agents review AI drafts, and every draft links to the article it came from, so outdated articles get noticed and fixed.\n- Account context: agents see the customer's plan and open invoices on every ticket.\n- A fixed price per agent that finance could approve.",
        'What they still like about Replyloop\nThe director thinks autonomous answers will be right for simple questions "in a year or two" and asked whether Tidewell plans to offer automated answers for password resets and similar requests.',
      ],
    },
    {
      key: 'security',
      kind: 'note',
      title: 'Security questionnaire notes: Replyloop',
      daysAgo: 60,
      paragraphs: [
        "Notes from a security questionnaire with Replyloop's answers, which a shared prospect forwarded to us and allowed us to keep. Summarised by our product marketing team.",
        '- Certifications: Replyloop holds a SOC 2 Type II report covering the last six months.\n- Data location: all customer data is processed and stored in the United States. There is no EU data residency option today.\n- Subprocessors: two third-party large language model providers process conversation content.\n- Retention: conversation content is retained for 30 days to improve answer quality unless the customer opts out in writing.\n- Access controls: SSO is available on Enterprise only; there is no SCIM provisioning.\n- Incident history: Replyloop reported no security incidents in its answers.',
        'For EU-based buyers, the lack of EU data residency and the US-only processing are likely blockers.',
      ],
    },
  ],
  battlecard: {
    segment: 'Mid-market',
    title: 'Replyloop — AI agent evaluations',
    sections: {
      overview: [
        {
          text: 'Replyloop sells an AI agent that answers email and chat on top of an existing help desk. It just raised a $28M Series A.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'funding',
              quote: 'announced a $28 million Series A led by Meridian Ventures',
            },
            {
              evidence: 'funding',
              quote:
                'Replyloop sells an AI agent that answers customer questions by email and chat',
            },
          ],
        },
        {
          text: 'It is building its own inbox (Loop Inbox, in beta) to replace help desks rather than sit on top of them.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'funding',
              quote: 'build the first help desk designed around an AI agent, not bolted onto one',
            },
            {
              evidence: 'inbox-beta',
              quote: 'Loop Inbox is now in private beta for a limited number of customers.',
            },
          ],
        },
      ],
      strengths: [
        {
          text: 'A strong, simple story: "up to 60%" of conversations resolved without a human.',
          audience: 'internal',
          confidence: 0.8,
          cites: [{ evidence: 'funding', quote: 'up to 60% of conversations' }],
        },
        {
          text: 'Works with the help desk the buyer already has, so a pilot starts quickly.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            { evidence: 'funding', quote: 'It integrates today with Helpforge and Querybird.' },
          ],
        },
        {
          text: 'Momentum: fresh funding, 70 employees and more than 300 customers.',
          audience: 'internal',
          confidence: 0.75,
          cites: [
            {
              evidence: 'funding',
              quote: 'The company says it has 70 employees and more than 300 customers',
            },
          ],
        },
        {
          text: 'Holds a SOC 2 Type II report.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'security',
              quote: 'Replyloop holds a SOC 2 Type II report covering the last six months.',
            },
          ],
        },
      ],
      weaknesses: [
        {
          text: 'Real automation rates fall well short of the pitch: 23% in one six-week pilot, against 60% in the deck.',
          audience: 'internal',
          confidence: 0.85,
          verified: true,
          cites: [
            {
              evidence: 'pilot-solace',
              quote:
                'Replyloop auto-resolved 23% of conversations, against the 60% in the sales deck.',
            },
          ],
        },
        {
          text: 'Autopilot answers from outdated articles reach customers unchecked.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'pilot-solace',
              quote:
                'Twice, the AI agent quoted an old refund policy from an outdated help article.',
            },
          ],
        },
        {
          text: 'Loop Inbox has no SLA policies, no CRM integrations and almost no reporting yet, and the beta stops at 25 human agents.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            { evidence: 'inbox-beta', quote: 'SLA policies and breach alerts' },
            { evidence: 'inbox-beta', quote: 'Reporting beyond daily conversation volume' },
            { evidence: 'inbox-beta', quote: 'CRM integrations' },
            { evidence: 'inbox-beta', quote: 'supports up to 25 human agents per account' },
          ],
        },
        {
          text: 'US-only data processing with no EU residency; SSO on Enterprise only, and no SCIM.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            { evidence: 'security', quote: 'There is no EU data residency option today.' },
            {
              evidence: 'security',
              quote: 'SSO is available on Enterprise only; there is no SCIM provisioning.',
            },
          ],
        },
      ],
      how_we_win: [
        {
          text: 'Reframe to drafts with sources: agents approve every AI reply, and each draft links to the article it came from.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            {
              evidence: 'pilot-solace',
              quote:
                'every draft links to the article it came from, so outdated articles get noticed and fixed.',
            },
          ],
        },
        {
          text: 'Sell predictability to finance: a fixed price per agent instead of a per-resolution bill that spikes in peak season.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'call-quillstone',
              quote: "At 99 cents a resolution, I can't give them a number.",
            },
            {
              evidence: 'pilot-solace',
              quote: 'A fixed price per agent that finance could approve.',
            },
          ],
        },
        {
          text: "Show account context: most real tickets need the customer's data, which an agent bolted onto a help desk cannot see.",
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            {
              evidence: 'pilot-solace',
              quote: 'Most billing questions needed account data Replyloop could not see.',
            },
          ],
        },
      ],
      objections: [
        {
          text: 'Replyloop will resolve 60% of our tickets from day one.',
          response:
            "Ask what the 60% is measured on and how a resolution is counted. Replyloop counts a conversation as resolved when the customer does not reply within 24 hours — including customers who give up. In a pilot we know of, the real rate was 23%. Offer to sort 200 of the buyer's recent tickets together by whether they need account data.",
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'pricing',
              quote:
                'A conversation counts as resolved when the AI agent answers and the customer does not reply or ask for a human within 24 hours.',
            },
            { evidence: 'pilot-solace', quote: 'Replyloop auto-resolved 23% of conversations' },
          ],
        },
        {
          text: 'An AI agent lets us cut seasonal hiring.',
          response:
            "Peaks are where per-resolution pricing hurts most: five times the volume means five times the AI bill. Tidewell's drafts make every agent faster at a fixed price that doesn't move with volume.",
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            {
              evidence: 'call-quillstone',
              quote: 'In January we get five times our normal volume.',
            },
          ],
        },
        {
          text: 'Why not add Replyloop and keep our help desk?',
          response:
            'Then you pay twice: a $500 monthly platform fee and every resolution on top of the help desk, and your agents still switch tools on each handoff. Tidewell gives agents AI drafts, account context and SLAs in one place.',
          audience: 'shareable',
          confidence: 0.8,
          cites: [{ evidence: 'pricing', quote: 'Platform — $500 per month, billed annually.' }],
        },
      ],
      landmines: [
        {
          text: 'Ask: "How is a resolution counted, and can we audit the ones we are billed for?"',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'pilot-solace',
              quote:
                'resolutions were counted when customers simply stopped replying, including some who gave up.',
            },
          ],
        },
        {
          text: 'Ask EU buyers: "Where will conversation content be processed and stored?"',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'security',
              quote: 'all customer data is processed and stored in the United States.',
            },
          ],
        },
        {
          text: 'Ask: "Is conversation content used to improve the vendor\'s answers, and how long is it kept?"',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'security',
              quote:
                'conversation content is retained for 30 days to improve answer quality unless the customer opts out in writing.',
            },
          ],
        },
      ],
      pricing: [
        {
          text: '$500 a month platform fee (billed annually) plus $0.99 per automated resolution; handoffs to humans are free.',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            { evidence: 'pricing', quote: 'Resolutions — $0.99 per automated resolution.' },
            { evidence: 'pricing', quote: 'Handoffs to human agents are free.' },
          ],
        },
        {
          text: 'A monthly spending cap exists, but once it is hit every new conversation goes to humans.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            {
              evidence: 'pricing',
              quote: 'When the cap is reached, new conversations go straight to human agents.',
            },
          ],
        },
      ],
      customers: [
        {
          text: 'Solace Health Billing (30 agents) piloted Replyloop for six weeks, then chose Tidewell Growth.',
          audience: 'internal',
          confidence: 0.95,
          cites: [
            {
              evidence: 'pilot-solace',
              quote: 'Solace ran a six-week pilot of Replyloop on top of their old help desk',
            },
          ],
        },
        {
          text: 'Quillstone (48 agents, tax software) is evaluating Replyloop against us now.',
          audience: 'internal',
          confidence: 0.9,
          cites: [{ evidence: 'call-quillstone', quote: "We're talking to Replyloop too." }],
        },
        {
          text: 'Typical customer: a software company with 10 to 100 support agents.',
          audience: 'internal',
          confidence: 0.7,
          cites: [
            {
              evidence: 'funding',
              quote: 'most of them software companies with 10 to 100 support agents',
            },
          ],
        },
      ],
      news: [
        {
          text: '$28M Series A led by Meridian Ventures, to build a help desk designed around an AI agent.',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            {
              evidence: 'funding',
              quote: 'announced a $28 million Series A led by Meridian Ventures',
            },
          ],
        },
        {
          text: 'Loop Inbox entered private beta, free during the beta.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'inbox-beta',
              quote: 'Beta customers use Loop Inbox at no extra cost during the beta.',
            },
          ],
        },
      ],
      talking_points: [
        {
          text: 'AI that shows its sources: every Tidewell draft links to the article it came from.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            { evidence: 'pilot-solace', quote: 'every draft links to the article it came from' },
          ],
        },
        {
          text: 'Automate the simple questions; keep people on the ones that need account data.',
          audience: 'shareable',
          confidence: 0.75,
          cites: [
            {
              evidence: 'call-quillstone',
              quote: 'But the password resets and "how do I export" questions could go to a bot.',
            },
          ],
        },
        {
          text: 'A support budget finance can approve in January: per-agent pricing that does not spike with volume.',
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            { evidence: 'call-quillstone', quote: "That's my finance team's first question." },
          ],
        },
      ],
    },
  },
  deals: [
    {
      name: 'Solace Health Billing — 30 agents',
      outcome: 'won',
      amount: 24_840,
      daysAgo: 26,
      reasons: [
        'Agents review AI drafts that cite their source',
        'Account context on every ticket',
        'A fixed price per agent',
      ],
      objections: [{ objection: 0, effective: true }],
      notes: 'Chose Tidewell Growth after a six-week Replyloop pilot.',
    },
    {
      name: 'Tern Mobility — 20 agents',
      outcome: 'lost',
      amount: 16_560,
      daysAgo: 48,
      reasons: ['Wanted autonomous answers for order tracking', 'Kept their existing help desk'],
      objections: [{ objection: 2, effective: false }],
    },
    {
      name: 'Bramble Learning — 26 agents',
      outcome: 'no_decision',
      amount: 21_528,
      daysAgo: 12,
      reasons: ['AI project postponed to the next fiscal year'],
      objections: [{ objection: 1, effective: true }],
    },
  ],
};
