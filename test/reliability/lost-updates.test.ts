// No lost updates, model-based: users load, save, clear, approve and reject one pair over HTTP in random orders;
// a model of the pair says what each request must answer and what must be stored.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../server/services/accounts.ts';
import { startTestServer, addUser, type TestServer } from '../support/test-server.ts';
import { insertDocument } from '../support/insert-document.ts';

type Role = 'translator' | 'reviewer';
interface View { version: number; text: string; state: number }
interface Model { pair: View; views: Map<string, View> }
interface Real { documentId: number; pairId: number }

const USERS: Record<string, Role> = { tina: 'translator', tom: 'translator', rita: 'reviewer', rob: 'reviewer' };
const NAMES = Object.keys(USERS);
let server: TestServer;
const tokens = new Map<string, string>();

async function call(user: string, method: string, url: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${tokens.get(user)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}

async function stored(real: Real): Promise<View> {
  const { body } = await call('rita', 'GET', `/api/documents/${real.documentId}/pairs`);
  const pair = (body as unknown as { id: number; tgt: string; version: number; state: number }[]).find((p) => p.id === real.pairId)!;
  return { version: pair.version, text: pair.tgt, state: pair.state };
}

/** After every command the server holds exactly what the model says. */
async function expectStored(m: Model, real: Real): Promise<void> {
  expect(await stored(real)).toEqual(m.pair);
}

class Load implements fc.AsyncCommand<Model, Real> {
  constructor(readonly user: string) {}
  check = () => true;
  async run(m: Model, real: Real) {
    const view = await stored(real);
    expect(view).toEqual(m.pair);
    m.views.set(this.user, view);
  }
  toString = () => `load(${this.user})`;
}

class Save implements fc.AsyncCommand<Model, Real> {
  constructor(readonly user: string, readonly text: string) {}
  check = (m: Readonly<Model>) => m.views.has(this.user);
  async run(m: Model, real: Real) {
    const seen = m.views.get(this.user)!;
    const res = await call(this.user, 'PUT', `/api/pairs/${real.pairId}`, { tgt: this.text, version: seen.version });
    if (seen.version !== m.pair.version) {
      expect(res.status).toBe(409);
      expect((res.body.current as View).version).toBe(m.pair.version);
    } else if (!this.text.normalize('NFC').trim()) {
      // Emptying is its own action (Clear): an empty save is refused and changes nothing.
      expect(res.status).toBe(400);
    } else {
      const next = { version: m.pair.version + 1, text: this.text.normalize('NFC').trim(), state: 20 };
      expect(res).toEqual({ status: 200, body: { version: next.version, state: next.state } });
      m.pair = next;
      m.views.set(this.user, next);
    }
    await expectStored(m, real);
  }
  toString = () => `save(${this.user}, ${JSON.stringify(this.text)})`;
}

class Clear implements fc.AsyncCommand<Model, Real> {
  constructor(readonly user: string) {}
  check = (m: Readonly<Model>) => m.views.has(this.user);
  async run(m: Model, real: Real) {
    const seen = m.views.get(this.user)!;
    const res = await call(this.user, 'POST', `/api/pairs/${real.pairId}/clear`, { version: seen.version });
    const refusal = seen.version !== m.pair.version ? 409 : !m.pair.text ? 400 : undefined;
    if (refusal) {
      expect(res.status).toBe(refusal);
    } else {
      const next = { version: m.pair.version + 1, text: '', state: 0 };
      expect(res).toEqual({ status: 200, body: { version: next.version, state: 0 } });
      m.pair = next;
      m.views.set(this.user, next);
    }
    await expectStored(m, real);
  }
  toString = () => `clear(${this.user})`;
}

class Review implements fc.AsyncCommand<Model, Real> {
  constructor(readonly user: string, readonly decision: 'approve' | 'reject', readonly comment: string) {}
  check = (m: Readonly<Model>) => m.views.has(this.user);
  async run(m: Model, real: Real) {
    const seen = m.views.get(this.user)!;
    const res = await call(this.user, 'POST', `/api/pairs/${real.pairId}/review`, { decision: this.decision, version: seen.version, comment: this.comment });
    const refusal = USERS[this.user] !== 'reviewer' ? 403
      : seen.version !== m.pair.version ? 409
      : this.decision === 'approve' && !m.pair.text ? 400
      : this.decision === 'reject' && !this.comment.trim() ? 400 : undefined;
    if (refusal) {
      expect(res.status).toBe(refusal);
    } else {
      const next = { version: m.pair.version + 1, text: m.pair.text, state: this.decision === 'approve' ? 30 : 25 };
      // An approval also says which open errors it resolved: none, since this one does not ask to (resolveErrors).
      const resolved = this.decision === 'approve' ? { resolved: [] } : {};
      expect(res).toEqual({ status: 200, body: { version: next.version, state: next.state, ...resolved } });
      m.pair = next;
      m.views.set(this.user, next);
      // What was approved or rejected is the text this reviewer loaded, not whatever is stored by now.
      const history = await call(this.user, 'GET', `/api/pairs/${real.pairId}/history`);
      const latest = (history.body as unknown as { version: number; action: string; newText: string }[])[0]!;
      expect(latest).toMatchObject({ version: next.version, action: this.decision, newText: seen.text });
    }
    await expectStored(m, real);
  }
  toString = () => `${this.decision}(${this.user}, ${JSON.stringify(this.comment)})`;
}

const user = fc.constantFrom(...NAMES);
const text = fc.oneof(
  fc.constantFrom('The two sides exchanged views.', '  Ding Xuexiang attended.  ', '', '   ', 'Cafe\u0301 talks', '双方交换了意见'),
  fc.string({ maxLength: 40 }),
);
const commands = fc.commands([
  user.map((u) => new Load(u)),
  fc.tuple(user, text).map(([u, t]) => new Save(u, t)),
  user.map((u) => new Clear(u)),
  fc.tuple(user, fc.constantFrom<'approve' | 'reject'>('approve', 'reject'), fc.constantFrom('', ' ', 'Wrong term.', '术语不对')).map(([u, d, c]) => new Review(u, d, c)),
], { maxCommands: 20 });

beforeAll(async () => {
  server = await startTestServer();
  for (const [name, role] of Object.entries(USERS)) {
    await addUser(server.store, name, role);
    tokens.set(name, await accounts(server.store).createToken(name));
  }
});

afterAll(() => server.close());

describe('several users editing and reviewing one pair over HTTP', () => {
  it('when they act in any order, then stale writes get 409 and change nothing, history replays to the text, approvals name what was seen', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(commands, async (cmds) => {
      const { documentId, pairIds } = insertDocument(server.db, `lost updates ${++run}`, ['双方还就朝鲜半岛局势交换了意见。']);
      const real = { documentId, pairId: pairIds[0]! };
      const model: Model = { pair: { version: 1, text: '', state: 0 }, views: new Map() };
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      const history = (await call('rita', 'GET', `/api/pairs/${real.pairId}/history`)).body as unknown as { version: number; oldText: string; newText: string }[];
      const oldestFirst = history.toReversed();
      expect(oldestFirst.map((r) => r.version)).toEqual(oldestFirst.map((_, i) => i + 2));
      const replayed = oldestFirst.reduce((current, r) => {
        expect(r.oldText).toBe(current);
        return r.newText;
      }, oldestFirst[0]?.oldText ?? '');
      expect(replayed).toBe(model.pair.text);
    }), { numRuns: 30 });
  });
});
