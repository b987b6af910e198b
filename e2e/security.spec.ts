// A web page from another origin, open in the same browser as SocketBench, must not reach the
// engine's WebSocket: not with the token in its URL, not riding on the cookie of an open tab.
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';

interface ForeignSite {
  /** The URL of a page whose own script opens a WebSocket to `target`. */
  pageFor(target: string): string;
  close(): Promise<void>;
}

/** A site on another port of this machine: the closest an attacker's page gets (same site, other origin). */
async function startForeignSite(host: '127.0.0.1' | 'localhost'): Promise<ForeignSite> {
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://foreign.invalid').searchParams.get('target') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>probing</title><script>
      const ws = new WebSocket(${JSON.stringify(target)});
      ws.onopen = () => { document.title = 'opened'; ws.close(); };
      ws.onclose = () => { if (document.title !== 'opened') document.title = 'refused'; };
    </script>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the foreign site has no port');
  return {
    pageFor: (target) => `http://${host}:${address.port}/?target=${encodeURIComponent(target)}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** What became of the probe's WebSocket: 'opened' or 'refused'. */
async function probe(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await expect(page).toHaveTitle(/^(opened|refused)$/);
  return page.title();
}

for (const host of ['127.0.0.1', 'localhost'] as const) {
  test(`a page from http://${host}:<other port> cannot open the engine's WebSocket, even with the token`, async ({
    page,
    context,
    webApp,
  }) => {
    const site = await startForeignSite(host);
    const rpc = `${webApp.origin.replace('http:', 'ws:')}/rpc`;
    try {
      // A browser that never opened SocketBench, handed the whole token.
      expect(await probe(page, site.pageFor(`${rpc}?token=${webApp.token}`))).toBe('refused');

      // The user has SocketBench open in another tab: its cookie goes along (same site), the Origin does not match.
      const bench = new BenchPage(await context.newPage());
      await bench.open(webApp.url);
      expect(await probe(page, site.pageFor(rpc))).toBe('refused');
      expect(await probe(page, site.pageFor(`${rpc}?token=${webApp.token}`))).toBe('refused');

      // The same probe from SocketBench's own page opens: the refusals above are the Origin check at work.
      const own = await bench.page.evaluate(
        (url) =>
          new Promise<string>((done) => {
            const ws = new WebSocket(url);
            ws.onopen = () => {
              done('opened');
              ws.close();
            };
            ws.onclose = () => done('refused');
          }),
        rpc,
      );
      expect(own).toBe('opened');
      await expect(bench.page.getByText('engine connected')).toBeVisible();
    } finally {
      await site.close();
    }
  });
}
