import type { DemoCompetitor } from '../demo-types';

/** The low-cost shared inbox moving upmarket. */
export const querybird: DemoCompetitor = {
  name: 'Querybird',
  website: 'https://querybird.example',
  summary:
    'A low-cost shared inbox loved by small teams for its price and same-day setup. Its new Business plan (SLA rules, round-robin, SAML SSO) targets teams of 20 to 200. Gaps: no native Salesforce integration, shallow reporting, and only a SOC 2 Type I report so far.',
  tier: 'secondary',
  tags: ['shared-inbox', 'smb', 'low-cost'],
  evidence: [
    {
      key: 'pricing',
      kind: 'webpage',
      title: 'Querybird pricing page',
      url: 'https://querybird.example/pricing',
      daysAgo: 20,
      paragraphs: [
        'Querybird pricing',
        'Free — $0 for up to 2 users. One shared inbox, email only, 30 days of conversation history.',
        'Essentials — $15 per user per month, billed annually ($19 billed monthly). Unlimited shared inboxes, email and live chat, canned replies, HubSpot contact sidebar, 90 days of reporting history.',
        'Business — $39 per user per month, billed annually ($49 billed monthly). Everything in Essentials, plus SLA rules, round-robin assignment, audit log, SAML single sign-on, two-way HubSpot sync and unlimited reporting history. AI Assist includes 500 AI replies per month; additional AI replies are $0.50 each.',
        'Salesforce: connect through our Zapier app. A native Salesforce integration is on our roadmap.',
        'Security: SOC 2 Type I report available on request under NDA.',
        'No minimum number of users on any plan. Cancel anytime on monthly plans.',
      ],
    },
    {
      key: 'business-launch',
      kind: 'webpage',
      title: 'Querybird blog: Introducing Querybird Business',
      url: 'https://querybird.example/blog/introducing-business',
      daysAgo: 50,
      paragraphs: [
        'Introducing Querybird Business: built for growing support teams',
        "Since we launched, more than 18,000 small teams have used Querybird to answer customers from a shared inbox. Many of you have grown into teams of 20, 50 and even 200 people, and you've told us what you need next. Today we're launching Querybird Business.",
        'Querybird Business adds the controls growing teams ask for:\n- SLA rules that warn agents before a first reply or resolution target is missed\n- Round-robin assignment with agent capacity limits\n- An audit log of every change to inboxes, rules and users\n- SAML single sign-on with Okta, Microsoft Entra ID and Google',
        "We're also investing in trust. Our SOC 2 Type I report is available today, and our SOC 2 Type II audit is under way, with the report expected next quarter.",
        'Business is $39 per user per month on annual plans. Existing Essentials customers can try it free for 30 days.',
        "What's next: custom reports and a native Salesforce integration are the two most requested features on our public roadmap, and both are planned for later this year.",
      ],
    },
    {
      key: 'loss-pinecrest',
      kind: 'win_loss',
      title: 'Loss interview: Pinecrest Clinic Software chose Querybird',
      daysAgo: 35,
      paragraphs: [
        'Loss interview with the Operations Manager at Pinecrest Clinic Software (scheduling software for dental clinics), 20 minutes.',
        'Deal: 12 agents, plus 6 part-time helpers from the onboarding team. Outcome: lost to Querybird Essentials.',
        'Why they chose Querybird\n- Price: "For a team our size the difference was real money." Querybird Essentials at $15 per user was less than a quarter of what they would pay for Tidewell Growth.\n- Setup speed: they connected their inbox and were answering customers the same afternoon, without a call with anyone.\n- The part-time helpers: Querybird\'s free plan let the onboarding team answer their own inbox without paid seats.',
        'What they liked about Tidewell\n- The AI drafts: the manager called them "clearly better" than Querybird\'s AI Assist in side-by-side tests on their own help articles.\n- SLA alerts, which they don\'t get on Querybird Essentials.',
        'What would have changed the outcome\nA cheaper entry plan with AI drafts, or free light seats for occasional helpers. The manager said they would "look again in a year" when the team reaches 20.',
      ],
    },
    {
      key: 'win-ardent',
      kind: 'win_loss',
      title: 'Win interview: Ardent Payroll chose Tidewell over Querybird',
      daysAgo: 22,
      paragraphs: [
        'Win interview with the Senior Manager of Customer Support at Ardent Payroll (payroll software for mid-sized employers, 55 agents), one week after signing.',
        'Shortlist: Tidewell and Querybird Business. Querybird was the incumbent for their onboarding team of 8.',
        "Why they chose Tidewell\n1. Security review. Ardent's security team requires a SOC 2 Type II report from every vendor that handles customer payroll questions. Querybird could only provide a Type I report, and the vendor review stopped there.\n2. Salesforce. Ardent runs sales and account management on Salesforce. Querybird's answer was a Zapier connection, which their RevOps team rejected because it syncs one way and can't be audited.\n3. Reporting by plan. They report first-response time separately for their Premier customers. In Querybird they could not split reports by a customer field without exporting to a spreadsheet.",
        'What they liked about Querybird\nThe agents who used it liked the interface: "fast, simple, nothing in the way." Price was lower, but not a deciding factor at their size.',
        'Risk to watch: if Querybird ships its Type II report and a native Salesforce integration, this comparison gets much closer.',
      ],
    },
    {
      key: 'call-kestrel',
      kind: 'call_snippet',
      title: 'Renewal call: Kestrel Robotics got a Querybird offer',
      daysAgo: 7,
      paragraphs: [
        'Snippet from a renewal call with Kestrel Robotics (Tidewell Growth customer, 24 agents). Recorded with consent.',
        "Customer (Support Lead): I'll be honest, Querybird reached out. Their rep offered us Business at $39 a user and said they'd match our AI features for free for the first year.",
        'Tidewell CSM: Thanks for telling me. Did they say how their AI replies are billed after the 500 included each month?',
        "Customer: No, it didn't come up. We send about 4,000 AI-drafted replies a month now.",
        "Tidewell CSM: At 4,000 replies, 3,500 would be over the included amount. At fifty cents each, that's $1,750 a month on top of seats.",
        'Customer: Huh. That changes it. The other thing is our SLA reporting for the enterprise accounts — our CFO reads it every Monday.',
        "Tidewell CSM: Let's put both in writing for you: the cost comparison at your volume and a copy of your Monday SLA report, so you can compare line by line.",
      ],
    },
    {
      key: 'forum',
      kind: 'note',
      title: 'Querybird community forum: "Reporting is holding us back"',
      url: 'https://community.querybird.example/t/reporting-is-holding-us-back',
      daysAgo: 64,
      paragraphs: [
        'Summary of a long thread on Querybird\'s public community forum titled "Reporting is holding us back", with 140 replies at the time of capture. Written up by our product marketing team; posts paraphrased.',
        'Main complaints\n- Reports cannot be filtered by custom contact fields such as plan or region; several posters export to spreadsheets every week.\n- Essentials keeps only 90 days of reporting history, which makes quarter-over-quarter comparisons impossible without an upgrade.\n- There is no way to schedule a report by email; managers screenshot dashboards for their leadership.\n- CSAT is measured per conversation only, not per agent or per team.',
        'Querybird\'s response\nA Querybird product manager replied that custom reports are "a top priority" and that a reporting beta would open to Business customers first. No date was given.',
        "Takeaway for sellers: reporting is Querybird's most visible gap for teams above 20 agents. Ask early how the buyer's leadership receives support metrics today.",
      ],
    },
  ],
  battlecard: {
    segment: 'SMB',
    title: 'Querybird — growing teams battlecard',
    sections: {
      overview: [
        {
          text: 'Querybird is a low-cost shared inbox used by more than 18,000 small teams; its new Business plan targets teams of 20 to 200.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'business-launch',
              quote: 'more than 18,000 small teams have used Querybird',
            },
            {
              evidence: 'business-launch',
              quote: 'Many of you have grown into teams of 20, 50 and even 200 people',
            },
          ],
        },
        {
          text: 'Buyers pick it for price and speed of setup, not for depth.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'loss-pinecrest',
              quote: 'they connected their inbox and were answering customers the same afternoon',
            },
          ],
        },
      ],
      strengths: [
        {
          text: 'Very low entry price, and a free plan for up to 2 users.',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            { evidence: 'pricing', quote: 'Free — $0 for up to 2 users.' },
            {
              evidence: 'pricing',
              quote: 'Essentials — $15 per user per month, billed annually',
            },
          ],
        },
        {
          text: 'Agents like the interface: fast and simple, and teams set it up themselves.',
          audience: 'internal',
          confidence: 0.85,
          cites: [{ evidence: 'win-ardent', quote: 'fast, simple, nothing in the way.' }],
        },
        {
          text: 'No user minimums, and monthly billing on every paid plan.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            { evidence: 'pricing', quote: 'No minimum number of users on any plan.' },
            { evidence: 'pricing', quote: '($49 billed monthly)' },
          ],
        },
      ],
      weaknesses: [
        {
          text: 'No SOC 2 Type II report yet: only a Type I report, shared under NDA.',
          audience: 'internal',
          confidence: 0.7,
          staleReason:
            'Querybird expected its SOC 2 Type II report "next quarter" — check their trust page before repeating this.',
          cites: [
            {
              evidence: 'pricing',
              quote: 'Security: SOC 2 Type I report available on request under NDA.',
            },
            {
              evidence: 'business-launch',
              quote: 'our SOC 2 Type II audit is under way, with the report expected next quarter.',
            },
          ],
        },
        {
          text: 'No native Salesforce integration: Salesforce customers are pointed to Zapier.',
          audience: 'shareable',
          confidence: 0.9,
          verified: true,
          cites: [{ evidence: 'pricing', quote: 'Salesforce: connect through our Zapier app.' }],
        },
        {
          text: 'Reports cannot be filtered by plan or region, and Essentials keeps only 90 days of reporting history.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            {
              evidence: 'forum',
              quote: 'Reports cannot be filtered by custom contact fields such as plan or region',
            },
            { evidence: 'pricing', quote: '90 days of reporting history' },
          ],
        },
        {
          text: 'SLA rules are on Business only; Essentials teams get no SLA alerts.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'loss-pinecrest',
              quote: "SLA alerts, which they don't get on Querybird Essentials.",
            },
          ],
        },
      ],
      how_we_win: [
        {
          text: "Bring security in early: Ardent's vendor review stopped at Querybird's missing Type II report.",
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'win-ardent',
              quote:
                'Querybird could only provide a Type I report, and the vendor review stopped there.',
            },
          ],
        },
        {
          text: 'Win Salesforce-run accounts with a two-way sync that RevOps can audit.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [
            {
              evidence: 'win-ardent',
              quote:
                "which their RevOps team rejected because it syncs one way and can't be audited.",
            },
          ],
        },
        {
          text: "Run a side-by-side AI draft test on the buyer's own help articles; even buyers who chose Querybird rated our drafts higher.",
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'loss-pinecrest',
              quote:
                'the manager called them "clearly better" than Querybird\'s AI Assist in side-by-side tests on their own help articles',
            },
          ],
        },
      ],
      objections: [
        {
          text: 'Querybird costs a quarter of the price.',
          response:
            "At list price, for small teams, yes. Price it at the buyer's AI volume: Business includes 500 AI replies a month and charges $0.50 for each one after that. A team sending 4,000 AI-drafted replies pays about $1,750 a month on top of seats. Tidewell includes AI drafts in Growth.",
          audience: 'internal',
          confidence: 0.85,
          verified: true,
          cites: [
            { evidence: 'pricing', quote: 'additional AI replies are $0.50 each' },
            {
              evidence: 'call-kestrel',
              quote: "At fifty cents each, that's $1,750 a month on top of seats.",
            },
          ],
        },
        {
          text: 'Querybird will match your AI features for free.',
          response:
            'Ask for it in the contract, with the price after year one and the per-reply rate above 500 replies a month. Free for a year is a discount, not a feature.',
          audience: 'internal',
          confidence: 0.8,
          cites: [
            {
              evidence: 'call-kestrel',
              quote: "said they'd match our AI features for free for the first year",
            },
          ],
        },
        {
          text: 'We can connect Salesforce with Zapier.',
          response:
            'For a contact lookup, perhaps. Ask RevOps whether a one-way sync they cannot audit meets their standard — at Ardent it did not. Tidewell syncs both ways and logs every change.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [{ evidence: 'win-ardent', quote: "Querybird's answer was a Zapier connection" }],
        },
      ],
      landmines: [
        {
          text: 'Ask: "Does your security review require SOC 2 Type II from every vendor?"',
          audience: 'internal',
          confidence: 0.85,
          cites: [
            {
              evidence: 'win-ardent',
              quote: 'requires a SOC 2 Type II report from every vendor',
            },
          ],
        },
        {
          text: 'Ask: "How does your leadership receive support metrics today?" Querybird cannot schedule reports by email.',
          audience: 'internal',
          confidence: 0.85,
          cites: [{ evidence: 'forum', quote: 'There is no way to schedule a report by email' }],
        },
        {
          text: 'Ask: "How many AI-drafted replies will you send a month?" Anything over 500 is billed per reply.',
          audience: 'internal',
          confidence: 0.8,
          cites: [{ evidence: 'pricing', quote: 'AI Assist includes 500 AI replies per month' }],
        },
      ],
      pricing: [
        {
          text: 'Free (2 users); Essentials $15 and Business $39 per user per month on annual plans ($19 and $49 monthly).',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            {
              evidence: 'pricing',
              quote: 'Business — $39 per user per month, billed annually ($49 billed monthly).',
            },
            { evidence: 'pricing', quote: '($19 billed monthly)' },
          ],
        },
        {
          text: 'AI Assist: 500 replies a month included on Business, then $0.50 per reply.',
          audience: 'shareable',
          confidence: 0.9,
          cites: [
            {
              evidence: 'pricing',
              quote:
                'AI Assist includes 500 AI replies per month; additional AI replies are $0.50 each.',
            },
          ],
        },
      ],
      customers: [
        {
          text: 'Pinecrest Clinic Software (12 agents) chose Querybird Essentials on price and free seats for part-time helpers.',
          audience: 'internal',
          confidence: 0.9,
          cites: [{ evidence: 'loss-pinecrest', quote: 'Outcome: lost to Querybird Essentials.' }],
        },
        {
          text: "Ardent Payroll's onboarding team of 8 ran on Querybird before the company chose Tidewell.",
          audience: 'internal',
          confidence: 0.9,
          cites: [
            {
              evidence: 'win-ardent',
              quote: 'Querybird was the incumbent for their onboarding team of 8.',
            },
          ],
        },
        {
          text: 'Querybird is pitching Kestrel Robotics (24 agents, our customer) at renewal.',
          audience: 'internal',
          confidence: 0.9,
          cites: [
            { evidence: 'call-kestrel', quote: 'Their rep offered us Business at $39 a user' },
          ],
        },
      ],
      news: [
        {
          text: 'Launched Querybird Business: SLA rules, round-robin assignment, audit log and SAML SSO.',
          audience: 'shareable',
          confidence: 0.95,
          cites: [
            { evidence: 'business-launch', quote: "Today we're launching Querybird Business." },
          ],
        },
        {
          text: 'Custom reports and a native Salesforce integration are on their public roadmap for later this year.',
          audience: 'internal',
          confidence: 0.7,
          cites: [
            {
              evidence: 'business-launch',
              quote:
                'custom reports and a native Salesforce integration are the two most requested features on our public roadmap, and both are planned for later this year.',
            },
          ],
        },
        {
          text: 'A reporting beta will open to Business customers first; no date given.',
          audience: 'internal',
          confidence: 0.6,
          cites: [
            {
              evidence: 'forum',
              quote: 'a reporting beta would open to Business customers first',
            },
          ],
        },
      ],
      talking_points: [
        {
          text: 'Tidewell grows with you: SLA alerts and AI drafts on the plan you start with, and no per-reply fees.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [{ evidence: 'pricing', quote: 'additional AI replies are $0.50 each' }],
        },
        {
          text: 'Report by the fields your leadership cares about — plan, region, ARR — and send it to them every Monday.',
          audience: 'shareable',
          confidence: 0.85,
          cites: [{ evidence: 'call-kestrel', quote: 'our CFO reads it every Monday' }],
        },
        {
          text: 'Pass security review the first time: SOC 2 Type II, SAML SSO and SCIM.',
          audience: 'shareable',
          confidence: 0.8,
          cites: [
            {
              evidence: 'win-ardent',
              quote: "Ardent's security team requires a SOC 2 Type II report from every vendor",
            },
          ],
        },
      ],
    },
  },
  deals: [
    {
      name: 'Pinecrest Clinic Software — 12 agents',
      outcome: 'lost',
      amount: 9_936,
      daysAgo: 38,
      reasons: [
        'Lower price per seat',
        'Free seats for part-time helpers',
        'Self-serve setup the same day',
      ],
      objections: [{ objection: 0, effective: false }],
      notes: 'They plan to look again when the team reaches 20 agents.',
    },
    {
      name: 'Ardent Payroll — 55 agents',
      outcome: 'won',
      amount: 45_540,
      daysAgo: 24,
      reasons: [
        'SOC 2 Type II required by their security review',
        'Native two-way Salesforce sync',
        'Reporting by customer plan',
      ],
      objections: [{ objection: 2, effective: true }],
    },
    {
      name: 'Kestrel Robotics renewal — 24 agents',
      outcome: 'won',
      amount: 19_872,
      daysAgo: 3,
      reasons: ['AI reply cost at their volume', 'SLA reporting their CFO relies on'],
      objections: [
        { objection: 1, effective: true },
        { objection: 0, effective: true },
      ],
    },
    {
      name: 'Wren & Co Bookkeeping — 15 agents',
      outcome: 'no_decision',
      amount: 12_420,
      daysAgo: 44,
      reasons: ['Stayed on a plain email inbox for another year'],
      objections: [],
    },
  ],
};
