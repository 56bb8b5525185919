import { createServer } from 'node:http';

/**
 * The competitor sites of the `monitoring` scenario: one HTTP server answering on many ports of
 * 127.0.0.1 (each port is a "host" to the per-host limits). `/page/<i>` is a ~5 kB product
 * page, `/feed/<i>` an RSS feed. `GET /round?n=<r>` moves every site to round r: a page whose
 * number is a multiple of CHANGED_EVERY changes its price and a paragraph each round; a feed
 * gains a post each round; every other page stays the same (apart from a date and a visitor
 * counter, which normalisation must see through).
 */
const PORTS = (process.env.PORTS ?? '3200').split(',').map(Number);
const CHANGED_EVERY = Number(process.env.CHANGED_EVERY ?? 10);
let round = 0;

const PLANS = ['Starter', 'Team', 'Business', 'Enterprise'];
const TOOLS = ['Salesforce', 'HubSpot', 'Slack', 'Microsoft Teams', 'Zendesk', 'Jira'];

function page(i: number): string {
  const r = i % CHANGED_EVERY === 0 ? round : 0;
  const sections: string[] = [];
  for (let p = 0; p < 12; p++) {
    const n = i * 7 + p;
    sections.push(
      `<section><h2>${PLANS[n % 4]} plan</h2><p>The ${PLANS[n % 4]} plan costs $${19 + (n % 9) * 10 + (p === 0 ? r * 5 : 0)} per user per month, billed annually.</p>
<p>It integrates with ${TOOLS[n % 6]} and ${TOOLS[(n + 2) % 6]} out of the box, with SSO and audit logs on every plan above Starter.</p>
<p>Teams report onboarding in ${2 + (n % 5)} weeks; support answers within ${1 + (n % 4)} hours on business days.</p></section>`,
    );
  }
  if (r > 0)
    sections.push(
      `<p>Release ${r}: we launched workflow automation ${r} for operations teams.</p>`,
    );
  return `<!doctype html><html><head><title>Rival ${i} pricing</title></head><body>
<nav>Home Pricing Blog Careers</nav><main><h1>Pricing for Rival ${i}</h1>
<p>Updated ${new Date().toUTCString()} · ${1000 + Math.floor(Math.random() * 9000)} users online</p>
${sections.join('\n')}</main><footer>© 2026 Rival ${i}</footer></body></html>`;
}

function feed(i: number): string {
  const items = Array.from({ length: 10 + round }, (_, k) => k)
    .reverse()
    .slice(0, 20)
    .map(
      (k) => `<item><title>Rival ${i} post ${k}: we launched feature ${k}</title>
<link>https://rival${i}.example/blog/${k}</link><guid>rival-${i}-post-${k}</guid>
<description><![CDATA[<p>Rival ${i} announces feature ${k} for support teams, available on the Team plan.</p>]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Rival ${i} blog</title>${items}</channel></rss>`;
}

const handler: Parameters<typeof createServer>[1] = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const [, kind, id] = url.pathname.split('/');
  if (kind === 'round') {
    round = Number(url.searchParams.get('n') ?? 0);
    res.writeHead(200, { 'content-type': 'text/plain' });
    return void res.end(String(round));
  }
  const i = Number(id);
  if (kind === 'page' && Number.isInteger(i)) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return void res.end(page(i));
  }
  if (kind === 'feed' && Number.isInteger(i)) {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    return void res.end(feed(i));
  }
  res.writeHead(404).end();
};

const servers = await Promise.all(
  PORTS.map(
    (port) =>
      new Promise<ReturnType<typeof createServer>>((resolve) => {
        const server = createServer(handler);
        server.listen(port, '127.0.0.1', () => resolve(server));
      }),
  ),
);

const close = () => {
  for (const s of servers) s.close();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
