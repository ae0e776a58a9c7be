// The console's MCP server with a real MCP client: the official TypeScript SDK (@modelcontextprotocol/sdk) over
// streamable HTTP, with the user's Keycloak access token as its bearer token. Without a token the server answers 401
// and names its protected-resource metadata, which points at Keycloak. camille (soleil) lists the tools and calls each
// one: a draft checked in dry run, then written for real (its history names the MCP client); noe (agency nord) is
// refused cafe-lumiere's inbox as if it did not exist.
import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CONSOLE, KEYCLOAK, PUBLISHING, check, step, token } from './lib.mjs';

const CLIENT = 'tribu-e2e';
const TOOLS = ['act_on_inbox_item', 'draft_post', 'list_inbox', 'propose_slots', 'search_mentions', 'summarise_period'];

async function connect(user) {
  const client = new Client({ name: CLIENT, version: '1.0.0' });
  const bearer = await token(user);
  await client.connect(new StreamableHTTPClientTransport(new URL(`${CONSOLE}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
  }));
  return client;
}

/** A tool's answer: its JSON (text content) or, for a refusal, the text itself with isError. */
async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  const text = result.content?.[0]?.text ?? '';
  if (result.isError) return { error: true, text };
  return { error: false, text, json: JSON.parse(text) };
}

export async function mcpScenarios() {
  await step('MCP: without a token, 401 naming the protected-resource metadata, which points at Keycloak', async () => {
    const refused = await fetch(`${CONSOLE}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    });
    check(refused.status === 401, `expected 401 without a token, got ${refused.status}`);
    const challenge = refused.headers.get('www-authenticate') ?? '';
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    check(metadataUrl, `no resource_metadata in WWW-Authenticate: ${challenge}`);
    const metadata = await (await fetch(metadataUrl)).json();
    check(metadata.authorization_servers?.[0] === KEYCLOAK,
      `the metadata should name ${KEYCLOAK}: ${JSON.stringify(metadata)}`);
  });

  await step('MCP: camille lists the tools and calls each; a draft in dry run, then for real, its history names the client', async () => {
    const client = await connect('camille');
    try {
      const names = (await client.listTools()).tools.map((tool) => tool.name).sort();
      check(JSON.stringify(names) === JSON.stringify(TOOLS), `tools: ${names}`);

      const mentions = await call(client, 'search_mentions', { brand: 'cafe-lumiere', limit: 5 });
      check(!mentions.error && Array.isArray(mentions.json.mentions), `search_mentions: ${mentions.text}`);
      const summary = await call(client, 'summarise_period', { brand: 'cafe-lumiere' });
      check(!summary.error && typeof summary.json.mentions === 'number' && summary.json.sentiment,
        `summarise_period: ${summary.text.slice(0, 300)}`);
      const slots = await call(client, 'propose_slots', { brand: 'cafe-lumiere', count: 3 });
      check(!slots.error && Array.isArray(slots.json.slots), `propose_slots: ${slots.text.slice(0, 300)}`);

      const inbox = await call(client, 'list_inbox', { brand: 'cafe-lumiere', limit: 5 });
      check(!inbox.error && inbox.json.items.length > 0, `list_inbox: ${inbox.text.slice(0, 300)}`);
      const item = inbox.json.items[0];
      const plan = await call(client, 'act_on_inbox_item', {
        brand: 'cafe-lumiere', itemId: item.id, action: 'escalate', expectedVersion: item.version, dryRun: true,
      });
      check(!plan.error && plan.json.dryRun === true && plan.json.allowed === true
        && plan.json.outcome.includes(`MCP, client ${CLIENT}`), `act_on_inbox_item dry run: ${plan.text}`);
      const after = await call(client, 'list_inbox', { brand: 'cafe-lumiere', limit: 5 });
      const same = after.json.items.find((i) => i.id === item.id);
      check(!same || same.version === item.version, 'a dry run changed the item');

      const title = `MCP ${randomUUID().slice(0, 8)}`;
      const variants = [{ network: 'mastodon', text: 'Un chocolat chaud offert ce soir ☕' },
        { network: 'bluesky', text: 'x'.repeat(301) }];
      const tooLong = await call(client, 'draft_post', { brand: 'cafe-lumiere', title, variants, dryRun: true });
      check(tooLong.error && tooLong.text.includes('variants[1].text'), `dry run of a too long variant: ${tooLong.text}`);
      variants[1].text = 'Chocolat chaud offert ce soir ☕';
      const checked = await call(client, 'draft_post', { brand: 'cafe-lumiere', title, variants, dryRun: true });
      check(!checked.error && checked.json.valid === true && !checked.json.post.id, `dry run: ${checked.text}`);
      const written = await call(client, 'draft_post', { brand: 'cafe-lumiere', title, variants, submitForReview: true });
      check(!written.error && written.json.status === 'in-review', `draft_post: ${written.text}`);
      const history = await (await fetch(`${PUBLISHING}/brands/cafe-lumiere/posts/${written.json.id}/history`, {
        headers: { Authorization: `Bearer ${await token('camille')}` },
      })).json();
      check(history[0].action === 'create' && history[0].actor === 'camille' && history[0].via === `MCP, client ${CLIENT}`,
        `the history should name the MCP client: ${JSON.stringify(history)}`);
    } finally {
      await client.close();
    }
  });

  await step('MCP: noe (agency nord) is refused cafe-lumiere (soleil) like a brand that does not exist', async () => {
    const client = await connect('noe');
    try {
      const refused = await call(client, 'list_inbox', { brand: 'cafe-lumiere' });
      check(refused.error && refused.text.includes('(404)'), `noe on cafe-lumiere: ${refused.text}`);
      const draft = await call(client, 'draft_post', {
        brand: 'cafe-lumiere', title: 'intrus', variants: [{ network: 'mastodon', text: 'hello' }], dryRun: true,
      });
      check(draft.error && draft.text.includes('(404)'), `noe's draft on cafe-lumiere: ${draft.text}`);
      const own = await call(client, 'list_inbox', { brand: 'biscuits-nord' });
      check(!own.error, `noe on her own brand: ${own.text}`);
    } finally {
      await client.close();
    }
  });
}
