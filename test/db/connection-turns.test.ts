// The order in which waiting callers get the pool's connections: those that change something first, then the rest,
// each in arrival order; a connection given back with nobody waiting is free for the next caller at once.
import { expect, it } from 'vitest';
import { connectionTurns } from '../../server/db/postgres/connection-turns.ts';

it('when callers wait for the connections then one that changes something goes before waiting reads, each kind in arrival order', async () => {
  const turns = connectionTurns(2);
  const order: string[] = [];
  await turns.take(false);
  await turns.take(false);
  const waiting = [['read 1', false], ['write 1', true], ['read 2', false], ['write 2', true]].map(([name, first]) =>
    turns.take(first as boolean).then(() => order.push(name as string)));
  await Promise.resolve();
  expect(order).toEqual([]);
  for (let i = 0; i < 4; i++) {
    turns.give();
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(waiting);
  expect(order).toEqual(['write 1', 'write 2', 'read 1', 'read 2']);
  // Both connections are back with nobody waiting: the next two callers get them at once, the third waits.
  turns.give();
  turns.give();
  let third = false;
  await turns.take(false);
  await turns.take(true);
  void turns.take(false).then(() => (third = true));
  await new Promise((r) => setImmediate(r));
  expect(third).toBe(false);
  turns.give();
  await new Promise((r) => setImmediate(r));
  expect(third).toBe(true);
});
