import type { DemoCompetitor } from '../demo-types';

/** The incumbent: big, safe, expensive, AI sold as an add-on. */
export const helpforge: DemoCompetitor = {
  name: 'Helpforge',
  website: 'https://helpforge.example',
  summary:
    'The incumbent help desk on most mid-market and enterprise shortlists. Sells breadth (a 900+ app marketplace, partner network, deep reporting) and safety. Annual contracts with seat minimums; AI is a paid add-on billed per agent and per automated resolution.',
  tier: 'primary',
  tags: ['help-desk', 'incumbent', 'enterprise'],
  evidence: [
    {
      key: 'pricing',
      kind: 'webpage',
      title: 'Helpforge pricing page',
      url: 'https://helpforge.example/pricing',
      daysAgo: 12,
      paragraphs: [
        'Helpforge plans and pricing',
        'Team — $55 per agent per month, billed annually. Minimum 5 agents. Email and web form channels, macros, basic reporting, 40+ marketplace apps.',
        'Professional — $95 per agent per month, billed annually. Minimum 10 agents. Adds chat and voice channels, SLA policies, custom ticket fields, SAML single sign-on, and the full Helpforge Marketplace of 900+ apps.',
        'Enterprise — $149 per agent per month, billed annually. Minimum 25 agents. Adds sandbox environments, custom roles, audit log export and a named customer success manager. EU data residency is available on Enterprise as a paid add-on.',
        'Forge AI add-on — $40 per agent per month, available on Professional and Enterprise. Includes reply suggestions, ticket summaries and intent tagging. Automated resolutions by the Forge AI agent are billed separately at $1.20 per resolution.',
        'All plans are sold on annual contracts. Monthly billing is not offered. Light agents (read-only collaborators) are free on Enterprise and $10 per month each on other plans.',
        'Frequently asked questions',
        'Can I mix plans? No. All agents in an account must be on the same plan.',
        'What happens if I add agents mid-contract? New agents are prorated and co-termed to your annual renewal date.',
      ],
    },
    {
      key: 'copilot',
      kind: 'webpage',
      title: 'Helpforge release notes: Forge AI Copilot is generally available',
      url: 'https://helpforge.example/release-notes/forge-ai-copilot',
      daysAgo: 40,
      paragraphs: [
        'Release notes — Forge AI Copilot general availability',
        'Forge AI Copilot is now generally available for all customers on Professional and Enterprise plans with the Forge AI add-on.',
        "What's new\n- Suggested replies: Copilot drafts a reply in the agent's composer using your Helpforge Guide articles and past solved tickets.\n- Ticket summaries: one click summarizes long threads for handoffs and escalations.\n- Tone controls: agents can make a draft more formal, friendlier or shorter.",
        'Availability and limits\nCopilot currently reads knowledge from Helpforge Guide articles only. Support for external knowledge sources such as Confluence and Google Drive is planned for a future release. Suggested replies are available in English, French and German at launch.',
        'Admins must enable Copilot per group under Admin Center > AI > Copilot settings. Drafts are not sent automatically; an agent must review and send each reply.',
        'Pricing\nCopilot is included in the Forge AI add-on. Customers who bought the add-on before this release get Copilot at no additional cost until their next renewal.',
      ],
    },
    {
      key: 'incident',
      kind: 'note',
      title: 'Helpforge EU-1 incident: inbound email delayed for six hours',
      url: 'https://status.helpforge.example/incidents/eu1-email-delay',
      daysAgo: 58,
      paragraphs: [
        "Summary of Helpforge's public incident report, written up by our product marketing team.",
        "Helpforge's status page reported a major incident in the EU-1 region. Inbound email was delayed by up to 6 hours 14 minutes for customers hosted in EU-1. Tickets created through web forms and chat were not affected. Helpforge attributed the incident to a queue migration that ran during business hours and could not be rolled back quickly.",
        "Helpforge's post-incident review promises three changes: migrations in a maintenance window, a faster rollback path, and an alert when email ingestion falls more than 15 minutes behind.",
        'Context for sellers: counting entries on their public status history, this is the third incident in twelve months in which EU-1 customers lost or delayed inbound email for more than an hour. Enterprise customers with the 99.9% uptime commitment are eligible for service credits; customers on Team and Professional plans are not.',
        'Two prospects in our pipeline who are hosted in EU-1 (Harbor & Pine and a logistics company that asked not to be named) mentioned the incident on calls the following week.',
      ],
    },
    {
      key: 'loss-corvid',
      kind: 'win_loss',
      title: 'Loss interview: Corvid Logistics chose Helpforge',
      daysAgo: 68,
      paragraphs: [
        'Win/loss interview with the Director of Customer Operations at Corvid Logistics, 30 minutes, two weeks after the decision. Interviewer: product marketing.',
        'Deal: 140 agents, three regions, replacing a homegrown ticketing tool. Outcome: lost to Helpforge.',
        'Why they chose Helpforge\n1. Telephony. Their contact center runs on CallMesh, and Helpforge has a marketplace app for it that their IT team had already used at a previous company. Tidewell\'s answer was a webhook integration, which their IT team saw as a project they would have to own.\n2. Perceived safety at scale. The director said: "Nobody on our board has heard of Tidewell. Everyone has heard of Helpforge." At 140 seats they wanted a vendor with other logistics customers of that size.\n3. Price. Helpforge\'s first quote was higher than ours, but Helpforge then offered a 30% discount on year one of a three-year contract, which made year one cheaper than Tidewell.',
        'What they liked about Tidewell\n- The account context panel: "Your demo was the only one where the agent could see the customer\'s contract and open deliveries without leaving the ticket."\n- AI drafts being included in the plan price rather than sold as an add-on.',
        'What would have changed the outcome\nA native CallMesh integration, and two reference customers above 100 agents. The director noted that the year-two price with Helpforge returns to list, and that they expect a hard renewal.',
      ],
    },
    {
      key: 'win-brightpath',
      kind: 'win_loss',
      title: 'Win interview: Brightpath Analytics moved from Helpforge',
      daysAgo: 30,
      paragraphs: [
        'Win interview with the Head of Support at Brightpath Analytics (42 agents, B2B analytics software), two weeks after go-live.',
        'Background: Brightpath had been on Helpforge Professional for four years. Their renewal quote came in 22% higher than the previous year, and adding Forge AI would have cost another $40 per agent per month on top.',
        'Why they chose Tidewell\n- AI drafts included: "Getting AI in Helpforge meant another twenty thousand dollars a year. With Tidewell it came with the plan."\n- Account context: agents see plan, ARR and open opportunities from Salesforce on every ticket. Before, agents kept a second tab open to look customers up.\n- Admin effort: on Helpforge, every change to a trigger or an SLA policy went through a consultant because the previous admin had left. "We paid a partner for workflow changes we now make ourselves in ten minutes."',
        'The migration took 19 days from contract to go-live, including 310,000 historical tickets and all macros.',
        "Concerns they had, and how they were resolved\n- Reporting depth: Helpforge's Explore reports were the thing the team feared losing. Tidewell's built-in dashboards covered 9 of their 11 weekly reports; the other two were rebuilt from the CSV export.\n- Marketplace: they used 14 Helpforge apps and found they needed 4 of them; Tidewell covered those natively or through Zapier.",
      ],
    },
    {
      key: 'call-harbor',
      kind: 'call_snippet',
      title: 'Discovery call: Harbor & Pine is also evaluating Helpforge',
      daysAgo: 9,
      paragraphs: [
        'Snippet from a discovery call with Harbor & Pine (home goods marketplace, 65 support agents, hosted in Helpforge EU-1 until last year). Recorded with consent; lightly edited for length.',
        "Prospect (VP Customer Experience): Helpforge's rep was pretty direct. He said, and I quote, \"We're the safe choice, nobody gets fired for picking Helpforge,\" and that you'd struggle past 200 agents.",
        "Tidewell AE: That's fair to ask about. What's your team size plan for next year?",
        "Prospect: We're 65 today, maybe 90 by next summer. Honestly, what worries me more is the bill. Their quote for Professional plus Forge AI came to $135 per agent per month, and they wouldn't go below a 10-agent minimum for our Brussels team, which is six people.",
        'Tidewell AE: So the Brussels team would pay for four empty seats.',
        'Prospect: Exactly. And after the email outage a couple of months ago, my team lead in Brussels asked me to get uptime numbers in writing from everyone.',
        "Tidewell AE: We'll send you our uptime history and the 99.95% SLA on Enterprise. Can I ask what you need AI to do on day one?",
        'Prospect: Draft replies from our help center and from our returns policy, which lives in Google Drive, not in a help center.',
      ],
    },
    {
      key: 'analyst',
      kind: 'note',
      title: 'Analyst briefing notes: Helpforge in the mid-market',
      daysAgo: 75,
      paragraphs: [
        "Notes from a paid analyst inquiry about the help desk market, written up by our product marketing team. Opinions are the analyst's, not verified facts.",
        "- Helpforge remains the default shortlist entry in mid-market and enterprise evaluations. The analyst estimates it appears in roughly 70% of evaluations above 50 agents.\n- Helpforge's moat is its marketplace and its partner network. Implementation of the Enterprise plan typically takes three to five months with a partner.\n- The analyst hears consistent complaints about renewal uplifts of 15 to 25 percent, and about AI being sold as a separate add-on with its own per-resolution fees.\n- Admin usability is Helpforge's weakest score in buyer surveys: buyers describe the trigger and automation builder as powerful but fragile, and many teams depend on one expert admin.\n- The analyst expects Helpforge to bundle AI into its top plan within a year to answer AI-first challengers, which would weaken the add-on pricing argument against it.\n- Reference checks: buyers value Helpforge's reporting (Explore) highly; it is a common reason teams hesitate to switch.",
      ],
    },
  ],
  battlecard: {
    segment: 'Mid-market',
    title: 'Helpforge — mid-market battlecard',
    sections: {
      overview: [
        {
          text: 'Helpforge is the incumbent on most mid-market shortlists: an analyst we spoke to sees it in about 70% of evaluations above 50 agents.',
          audience: 'internal',
          confidence: 0.7,
          cites: [
            {
              evidence: 'analyst',
              quote:
                'The analyst estimates it appears in roughly 70% of evaluations above 50 agents.',
            },
          ],
        },
        {
          text: 'They sell breadth and safety: a marketplace of 900+ apps and a large partner network, on annual contracts only.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            { evidence: 'pricing', quote: 'the full Helpforge Marketplace of 900+ apps' },
            { evidence: 'pricing', quote: 'All plans are sold on annual contracts.' },
          ],
        },
      ],
      strengths: [
        {
          text: 'Marketplace depth: ready-made apps for telephony and niche tools. A CallMesh app is why Corvid Logistics chose them.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'loss-corvid',
              quote:
                'Helpforge has a marketplace app for it that their IT team had already used at a previous company',
            },
          ],
        },
        {
          text: 'Reporting (Explore) is well regarded; teams fear losing their reports when they switch.',
          audience: 'internal',
          confidence: 0.8,
          verified: true,
          cites: [
            {
              evidence: 'analyst',
              quote:
                "buyers value Helpforge's reporting (Explore) highly; it is a common reason teams hesitate to switch.",
            },
          ],
        },
        {
          text: 'Brand recognition with boards and procurement: nobody has to explain the choice.',
          audience: 'internal',
          confidence: 0.75,
          cites: [
            {
              evidence: 'loss-corvid',
              quote: 'Nobody on our board has heard of Tidewell. Everyone has heard of Helpforge.',
            },
          ],
        },
      ],
      weaknesses: [
        {
          text: 'AI is a paid add-on: $40 per agent per month, plus $1.20 for every automated resolution.',
          audience: 'shareable',
          confidence: 0.95,
          verified: true,
          cites: [
            { evidence: 'pricing', quote: 'Forge AI add-on — $40 per agent per month' },
            {
              evidence: 'pricing',
              quote:
                'Automated resolutions by the Forge AI agent are billed separately at $1.20 per resolution.',
            },
          ],
        },
        {
          text: 'Copilot only reads Helpforge Guide articles; knowledge in Confluence or Google Drive is not supported yet.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'copilot',
              quote: 'Copilot currently reads knowledge from Helpforge Guide articles only.',
            },
          ],
        },
        {
          text: 'Admin is fragile: teams depend on one expert admin or a paid partner for workflow changes.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            { evidence: 'analyst', quote: 'many teams depend on one expert admin' },
            {
              evidence: 'win-brightpath',
              quote: 'every change to a trigger or an SLA policy went through a consultant',
            },
          ],
        },
        {
          text: 'Reliability in EU-1: inbound email was delayed by up to 6 hours 14 minutes in their latest major incident, the third in twelve months.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'incident',
              quote:
                'Inbound email was delayed by up to 6 hours 14 minutes for customers hosted in EU-1.',
            },
            { evidence: 'incident', quote: 'this is the third incident in twelve months' },
          ],
        },
      ],
      how_we_win: [
        {
          text: 'Lead with total cost: AI drafts are included in Tidewell Growth, with no per-resolution fees. Brightpath avoided the Forge AI add-on entirely.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'win-brightpath',
              quote:
                'Getting AI in Helpforge meant another twenty thousand dollars a year. With Tidewell it came with the plan.',
            },
          ],
        },
        {
          text: 'Show the account context panel in the first demo: it is what buyers remember after a Helpforge bake-off.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'loss-corvid',
              quote:
                "Your demo was the only one where the agent could see the customer's contract and open deliveries without leaving the ticket.",
            },
          ],
        },
        {
          text: 'Put a dated migration plan on the table: Brightpath went live in 19 days with 310,000 historical tickets.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'win-brightpath',
              quote:
                'The migration took 19 days from contract to go-live, including 310,000 historical tickets and all macros.',
            },
          ],
        },
      ],
      objections: [
        {
          text: 'Helpforge is the safe choice; nobody gets fired for picking them.',
          response:
            'Safe should mean predictable. Ask what year two costs: Helpforge buyers report renewal uplifts of 15 to 25 percent, and AI is billed per agent and per resolution on top. Tidewell includes AI drafts in Growth and publishes one price. Then offer a reference call with a team that switched, such as Brightpath.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'call-harbor',
              quote: "We're the safe choice, nobody gets fired for picking Helpforge",
            },
            { evidence: 'analyst', quote: 'renewal uplifts of 15 to 25 percent' },
          ],
        },
        {
          text: "Tidewell won't scale past 200 agents.",
          response:
            'Ask what size they plan for: most mid-market teams we meet are under 100 agents and growing steadily. Share our uptime history and the 99.95% uptime SLA on Enterprise, and offer a load test during the trial.',
          audience: 'shareable',
          confidence: 0.75,
          cites: [
            { evidence: 'call-harbor', quote: "you'd struggle past 200 agents" },
            { evidence: 'call-harbor', quote: "We're 65 today, maybe 90 by next summer." },
          ],
        },
        {
          text: 'We rely on marketplace apps we use today.',
          response:
            'Ask for the list and count the apps in daily use. Brightpath used 14 Helpforge apps and needed 4; Tidewell covered those natively or through Zapier. Confirm telephony early: CallMesh needs our webhook integration today.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'win-brightpath',
              quote: 'they used 14 Helpforge apps and found they needed 4 of them',
            },
          ],
        },
        {
          text: 'Helpforge has better reporting.',
          response:
            "Ask for their five most-used weekly reports and rebuild them during the trial. Tidewell dashboards covered 9 of Brightpath's 11 weekly reports out of the box; the other two came from the CSV export.",
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            {
              evidence: 'win-brightpath',
              quote: "Tidewell's built-in dashboards covered 9 of their 11 weekly reports",
            },
          ],
        },
      ],
      landmines: [
        {
          text: 'Ask: "Which knowledge sources must your AI drafts read on day one?" Copilot reads Helpforge Guide only; Google Drive and Confluence are "planned".',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'copilot',
              quote:
                'Support for external knowledge sources such as Confluence and Google Drive is planned for a future release.',
            },
            {
              evidence: 'call-harbor',
              quote: 'our returns policy, which lives in Google Drive, not in a help center',
            },
          ],
        },
        {
          text: 'Ask: "How many seats will you pay for that nobody uses?" Minimums are 10 agents on Professional and 25 on Enterprise, for every team.',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            { evidence: 'pricing', quote: 'Minimum 10 agents.' },
            { evidence: 'pricing', quote: 'Minimum 25 agents.' },
            {
              evidence: 'call-harbor',
              quote: 'So the Brussels team would pay for four empty seats.',
            },
          ],
        },
        {
          text: 'Ask: "Who on your team can change an SLA policy without a partner?"',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'analyst',
              quote: 'buyers describe the trigger and automation builder as powerful but fragile',
            },
          ],
        },
        {
          text: 'Ask EU-hosted buyers which plan gets service credits after an outage: Team and Professional get none.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'incident',
              quote:
                'Enterprise customers with the 99.9% uptime commitment are eligible for service credits; customers on Team and Professional plans are not.',
            },
          ],
        },
      ],
      pricing: [
        {
          text: 'List prices per agent per month, billed annually: Team $55, Professional $95, Enterprise $149.',
          audience: 'shareable',
          confidence: 0.95,
          verified: true,
          cites: [
            { evidence: 'pricing', quote: 'Team — $55 per agent per month, billed annually.' },
            {
              evidence: 'pricing',
              quote: 'Professional — $95 per agent per month, billed annually.',
            },
            {
              evidence: 'pricing',
              quote: 'Enterprise — $149 per agent per month, billed annually.',
            },
          ],
        },
        {
          text: 'Real quotes for Professional plus Forge AI land near $135 per agent per month.',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'call-harbor',
              quote: 'Their quote for Professional plus Forge AI came to $135 per agent per month',
            },
          ],
        },
        {
          text: 'Expect a steep year-one discount (30% at Corvid) that returns to list price in year two.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'loss-corvid',
              quote: 'Helpforge then offered a 30% discount on year one of a three-year contract',
            },
            {
              evidence: 'loss-corvid',
              quote: 'the year-two price with Helpforge returns to list',
            },
          ],
        },
        {
          text: 'No monthly billing, and every agent in an account must be on the same plan.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            { evidence: 'pricing', quote: 'Monthly billing is not offered.' },
            { evidence: 'pricing', quote: 'All agents in an account must be on the same plan.' },
          ],
        },
      ],
      customers: [
        {
          text: 'Corvid Logistics (140 agents) chose Helpforge for its CallMesh app and brand recognition.',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'loss-corvid',
              quote:
                'Deal: 140 agents, three regions, replacing a homegrown ticketing tool. Outcome: lost to Helpforge.',
            },
          ],
        },
        {
          text: 'Brightpath Analytics left Helpforge Professional after four years, following a 22% renewal increase.',
          audience: 'internal',
          confidence: 0.95,
          cites: [
            {
              evidence: 'win-brightpath',
              quote: 'Their renewal quote came in 22% higher than the previous year',
            },
          ],
        },
        {
          text: 'Harbor & Pine (65 agents, Brussels team in the EU) is evaluating Helpforge against us now.',
          audience: 'internal',
          confidence: 0.9,
          cites: [{ evidence: 'call-harbor', quote: '65 support agents' }],
        },
      ],
      news: [
        {
          text: 'Forge AI Copilot is generally available, but only to Professional and Enterprise customers who buy the Forge AI add-on.',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            {
              evidence: 'copilot',
              quote:
                'Forge AI Copilot is now generally available for all customers on Professional and Enterprise plans with the Forge AI add-on.',
            },
          ],
        },
        {
          text: 'EU-1 email incident: a queue migration during business hours that could not be rolled back quickly.',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'incident',
              quote:
                'Helpforge attributed the incident to a queue migration that ran during business hours and could not be rolled back quickly.',
            },
          ],
        },
        {
          text: 'The analyst expects Helpforge to bundle AI into its top plan within a year; our add-on argument would weaken for Enterprise deals.',
          audience: 'internal',
          confidence: 0.6,
          cites: [
            {
              evidence: 'analyst',
              quote: 'The analyst expects Helpforge to bundle AI into its top plan within a year',
            },
          ],
        },
      ],
      talking_points: [
        {
          text: 'One price with AI included: Tidewell Growth comes with AI drafts, SLAs and CRM sync — no add-on and no per-resolution fees.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'pricing',
              quote:
                'Forge AI add-on — $40 per agent per month, available on Professional and Enterprise.',
            },
          ],
        },
        {
          text: 'Your agents see the whole account on every ticket: plan, ARR and open opportunities from Salesforce.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            {
              evidence: 'win-brightpath',
              quote: 'agents see plan, ARR and open opportunities from Salesforce on every ticket',
            },
          ],
        },
        {
          text: 'Workflow changes take minutes, not partner projects.',
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            {
              evidence: 'win-brightpath',
              quote: 'We paid a partner for workflow changes we now make ourselves in ten minutes.',
            },
          ],
        },
      ],
    },
  },
  deals: [
    {
      name: 'Brightpath Analytics — 42 agents',
      outcome: 'won',
      amount: 34_776,
      daysAgo: 34,
      reasons: [
        'AI drafts included in the plan price',
        'Account context from Salesforce on every ticket',
        'Went live in under three weeks',
      ],
      objections: [{ objection: 3, effective: true }],
      notes: 'Replaced Helpforge Professional after a 22% renewal increase.',
    },
    {
      name: 'Corvid Logistics — 140 agents',
      outcome: 'lost',
      amount: 166_320,
      daysAgo: 70,
      reasons: [
        'Native CallMesh telephony app',
        'Brand recognition with the board',
        '30% year-one discount on a three-year contract',
      ],
      objections: [
        { objection: 0, effective: false },
        {
          text: 'We need a native CallMesh integration.',
          responseUsed:
            'Offered our webhook integration with a setup session from solutions engineering.',
          effective: false,
        },
      ],
      notes: 'Re-engage before their year-two renewal, when the price returns to list.',
    },
    {
      name: 'Sable Systems — 75 agents',
      outcome: 'won',
      amount: 62_100,
      daysAgo: 52,
      reasons: ['Helpforge renewal uplift', 'Seat minimums for small regional teams'],
      objections: [{ objection: 1, effective: true }],
    },
    {
      name: 'Moorfield Learning — 38 agents',
      outcome: 'no_decision',
      amount: 31_464,
      daysAgo: 19,
      reasons: ['Helpforge matched with a renewal discount', 'No budget for a migration this year'],
      objections: [{ objection: 0, effective: false }],
    },
  ],
};
