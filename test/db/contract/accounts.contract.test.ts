// The contract of users, sessions, tokens, document access, login counters and devices, on both databases.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

contract('accounts repository', (store) => {
  it('when users are added then they are found by name and id, counted, and a taken name is refused', async () => {
    const { accounts } = store().repos;
    const lin = await addUser(store(), 'lin', 'reviewer');
    const mei = await addUser(store(), 'mei');
    expect(lin).toBeTypeOf('number');
    expect(mei).toBeGreaterThan(lin);
    expect(await accounts.userByName('lin')).toEqual({
      id: lin, name: 'lin', role: 'reviewer', password_hash: 'scrypt$hash-of-lin', language: null, deactivated_at: null, must_change_password: 0 });
    expect(await accounts.userById(mei)).toMatchObject({ id: mei, name: 'mei', role: 'translator' });
    expect(await accounts.userByName('nobody')).toBeUndefined();
    expect(await accounts.countUsers()).toBe(2);
    await expect(addUser(store(), 'lin')).rejects.toThrow(/users_name_unique|UNIQUE/);
  });

  it('when sessions are stored then they read back as written, and only expired ones are swept', async () => {
    const { accounts } = store().repos;
    const user = await addUser(store(), 'lin');
    const live = { id: 'live', user_id: user, csrf_token: 'c1', expires_at: '2026-12-05T04:00:00.000Z' };
    await accounts.insertSession(live);
    await accounts.insertSession({ id: 'old', user_id: user, csrf_token: 'c2', expires_at: '2026-12-03T04:00:00.000Z' });
    expect(await accounts.session('live')).toEqual(live);
    expect((await accounts.deleteExpiredSessions('2026-12-04T04:00:00.000Z')).changes).toBe(1);
    expect(await accounts.session('old')).toBeUndefined();
    await accounts.deleteSession('live');
    expect(await accounts.session('live')).toBeUndefined();
  });

  it('when a token is used then its user is found by the hash and its last use is kept', async () => {
    const { accounts } = store().repos;
    const user = await addUser(store(), 'lin', 'admin');
    await accounts.insertToken(user, 'hash-1');
    expect(await accounts.userByTokenHash('hash-1')).toEqual({
      id: user, name: 'lin', role: 'admin', password_hash: 'scrypt$hash-of-lin', language: null, deactivated_at: null, must_change_password: 0, last_used_at: null });
    await accounts.touchToken('hash-1', '2026-12-04T04:45:00.123Z');
    expect(await accounts.userByTokenHash('hash-1')).toMatchObject({ last_used_at: '2026-12-04T04:45:00.123Z' });
    expect(await accounts.userByTokenHash('hash-2')).toBeUndefined();
  });

  it('when the last active admin would lose the role or be deactivated then the change is refused', async () => {
    const { accounts } = store().repos;
    const lin = await addUser(store(), 'lin', 'admin');
    const mei = await addUser(store(), 'mei', 'admin');
    expect(await accounts.setRole(mei, 'reviewer')).toBe(1);
    expect(await accounts.setRole(lin, 'translator')).toBe(0);
    expect(await accounts.deactivate(lin, '2026-12-04T05:00:00.000Z')).toBe(0);
    expect(await accounts.setRole(mei, 'admin')).toBe(1);
    expect(await accounts.deactivate(lin, '2026-12-04T05:00:00.000Z')).toBe(1);
    expect(await accounts.deactivate(lin, '2026-12-04T06:00:00.000Z')).toBe(0);
    expect(await accounts.setRole(mei, 'reviewer')).toBe(0);
    expect(await accounts.setRole(lin, 'translator')).toBe(1);
    expect(await accounts.reactivate(lin)).toBe(1);
    expect(await accounts.listedUser(lin)).toMatchObject({ role: 'translator', deactivated_at: null, last_login_at: null });
  });

  it('when accounts are managed then the list, sign-in time, one-time password, sessions and named tokens follow', async () => {
    const { accounts } = store().repos;
    const mei = await addUser(store(), 'mei');
    const lin = (await accounts.insertUser('Lin', 'reviewer', 'scrypt$once', true));
    expect((await accounts.listUsers()).map((u) => u.name)).toEqual(['Lin', 'mei']);
    expect(await accounts.userById(lin)).toMatchObject({ must_change_password: 1 });
    await accounts.setLanguage(lin, 'zh-CN');
    expect(await accounts.userByName('Lin')).toMatchObject({ language: 'zh-CN' });
    await accounts.setPassword(lin, 'scrypt$own', false);
    await accounts.touchLogin(lin, '2026-12-04T05:00:00.123Z');
    expect(await accounts.listedUser(lin)).toMatchObject({ must_change_password: 0, last_login_at: '2026-12-04T05:00:00.123Z' });
    for (const id of ['a', 'b', 'c']) await accounts.insertSession({ id, user_id: lin, csrf_token: id, expires_at: '2099-01-01T00:00:00.000Z' });
    await accounts.deleteSessionsOf(lin, 'b');
    expect([await accounts.session('a'), await accounts.session('c')]).toEqual([undefined, undefined]);
    expect(await accounts.session('b')).toBeDefined();
    const first = await accounts.insertToken(lin, 'h1', 'laptop');
    const second = await accounts.insertToken(lin, 'h2');
    expect((await accounts.tokensOf(lin)).map((t) => [t.id, t.name, t.last_used_at])).toEqual([[first, 'laptop', null], [second, null, null]]);
    expect(await accounts.deleteToken(mei, first)).toBe(0);
    expect(await accounts.deleteToken(lin, first)).toBe(1);
    await accounts.deleteTokensOf(lin);
    expect(await accounts.tokensOf(lin)).toEqual([]);
  });
});

contract('access repository', (store) => {
  it('when the document page reads its head then it is the header, the sharing for that user, the members in code-point order and the source format, in one', async () => {
    const { documents, access } = store().repos;
    const owner = await addUser(store(), 'owner');
    const members = [await addUser(store(), '李华'), await addUser(store(), 'Zoe'), await addUser(store(), 'anna')];
    const stranger = await addUser(store(), 'stranger');
    const closed = await insertDocument(store(), '会见 closed', SAMPLE, { createdBy: owner, shared: false });
    for (const m of members) await access.addMember(closed.documentId, m);
    const head = await documents.head(closed.documentId, members[0]!);
    expect(head).toEqual({
      ...(await documents.header(closed.documentId)), ...(await access.sharing(closed.documentId, members[0]!)),
      members: await access.members(closed.documentId), source_format: null,
    });
    expect(head!.members.map((m) => m.name)).toEqual(['Zoe', 'anna', '李华']);
    expect(head).toMatchObject({ title: '会见 closed', shared: 0, owner_id: owner, owner: 'owner', trashed_at: null, visible: 1 });
    expect((await documents.head(closed.documentId, stranger))?.visible).toBe(0);
    expect((await documents.head(closed.documentId, null))?.visible).toBe(0);
    const open = await insertDocument(store(), 'open', SAMPLE);
    expect(await documents.head(open.documentId, stranger)).toMatchObject({ shared: 1, owner_id: null, owner: null, visible: 1, members: [] });
    expect(await documents.head(open.documentId + 1000, stranger)).toBeUndefined();
  });

  it('when a document is members-only then its creator and members see it, and sharing opens it to everyone', async () => {
    const { access } = store().repos;
    const owner = await addUser(store(), 'owner');
    const member = await addUser(store(), 'Member');
    const stranger = await addUser(store(), 'stranger');
    const shared = await insertDocument(store(), 'shared', SAMPLE);
    const closed = await insertDocument(store(), 'closed', SAMPLE, { createdBy: owner, shared: false });
    await access.addMember(closed.documentId, member);
    await access.addMember(closed.documentId, member);
    await access.addMember(closed.documentId, stranger);
    expect(await access.members(closed.documentId)).toEqual([
      { id: member, name: 'Member', role: 'translator' }, { id: stranger, name: 'stranger', role: 'translator' }]);
    expect(await access.removeMember(closed.documentId, stranger)).toBe(1);
    expect(await access.removeMember(closed.documentId, stranger)).toBe(0);
    expect((await access.reach('document', closed.documentId, owner))?.visible).toBe(1);
    expect((await access.reach('document', closed.documentId, member))?.visible).toBe(1);
    expect((await access.reach('document', closed.documentId, stranger))?.visible).toBe(0);
    // The gate's read: by the document or by one of its pairs, for whoever asks (a user without an id sees nothing unshared).
    for (const [target, id] of [['document', closed.documentId], ['pair', closed.pairIds[0]!]] as const) {
      expect(await access.reach(target, id, member)).toEqual({ trashed_at: null, visible: 1 });
      expect(await access.reach(target, id, owner)).toEqual({ trashed_at: null, visible: 1 });
      expect(await access.reach(target, id, stranger)).toEqual({ trashed_at: null, visible: 0 });
      expect(await access.reach(target, id, null)).toEqual({ trashed_at: null, visible: 0 });
    }
    expect(await access.visibleIds(stranger)).toEqual(new Set([shared.documentId]));
    expect(await access.visibleIds(member)).toEqual(new Set([shared.documentId, closed.documentId]));
    expect(await access.sharing(closed.documentId, stranger)).toEqual({ shared: 0, owner_id: owner, owner: 'owner', trashed_at: null, visible: 0 });
    expect(await access.sharing(closed.documentId, member)).toMatchObject({ visible: 1 });
    await access.setShared(closed.documentId, true);
    expect((await access.reach('document', closed.documentId, stranger))?.visible).toBe(1);
    expect(await access.sharing(shared.documentId, null)).toEqual({ shared: 1, owner_id: null, owner: null, trashed_at: null, visible: 1 });
    expect(await access.reach('pair', closed.pairIds[1]!, stranger)).toEqual({ trashed_at: null, visible: 1 });
    expect(await access.reach('pair', -1, stranger)).toBeUndefined();
    expect(await access.reach('document', -1, null)).toBeUndefined();
    expect(await access.userByName('Member')).toEqual({ id: member, name: 'Member', role: 'translator' });
  });
});

contract('login counters', (store) => {
  it('when failures are counted then each adds one inside the window, a new window starts over, and a lock never shrinks', async () => {
    const { loginCounters: counters } = store().repos;
    expect(await counters.get('a:lin')).toBeUndefined();
    const counts = [];
    for (let i = 0; i < 5; i++) counts.push(await counters.fail('a:lin', 1000 + i, 60_000));
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    await counters.lock('a:lin', 9000);
    await counters.lock('a:lin', 5000);
    expect(await counters.get('a:lin')).toEqual({ failures: 5, windowStart: 1000, lockedUntil: 9000 });
    expect(await counters.fail('a:lin', 61_000, 60_000)).toBe(1);
    expect(await counters.get('a:lin')).toEqual({ failures: 1, windowStart: 61_000, lockedUntil: 9000 });
  });

  it('when counters are cleared or quiet then they go, and the others stay', async () => {
    const { loginCounters: counters } = store().repos;
    await counters.fail('a:lin', 1000, 60_000);
    await counters.fail('i:10.0.0.1', 1000, 60_000);
    await counters.fail('i:10.0.0.2', 50_000, 60_000);
    await counters.lock('i:10.0.0.1', 200_000);
    expect(await counters.size()).toBe(3);
    await counters.clear('a:lin');
    await counters.prune(100_000, 40_000);
    expect(await counters.size()).toBe(2);
    expect(await counters.get('i:10.0.0.2')).toBeDefined();
  });

  it('when a device logged in then its token names the account until it expires', async () => {
    const { loginDevices: devices } = store().repos;
    const user = await addUser(store(), 'lin');
    await devices.insert('device-hash', user, 5000);
    expect(await devices.account('device-hash', 4000)).toBe('lin');
    expect(await devices.account('device-hash', 5000)).toBeUndefined();
    await devices.deleteExpired(5000);
    expect(await devices.account('device-hash', 0)).toBeUndefined();
  });
});
