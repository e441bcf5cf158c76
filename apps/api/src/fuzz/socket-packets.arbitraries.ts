import fc from 'fast-check';
import { hostileString } from './hostile-text.arbitraries.ts';

/*
 * socket.io packets written by hand (`<type>[<attachments>-][<namespace>,][<ack id>][<json>]`), sent
 * over a real engine.io connection: what a client library never sends, but a hostile one can.
 * `TOKEN` and `VISITOR` stand for a valid agent and visitor token, so events reach the handlers.
 */

export type Packet = string | { binary: number[] };

const packets: fc.Arbitrary<Packet> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '0/agent,{"token":"TOKEN"}',
      '0/visitor,{"visitorToken":"VISITOR"}',
      '0/agent,',
      '0/agent,"TOKEN"',
      '0/agent,123',
      '0/agent,[1]',
      '0/agent,{"token":{"$ne":null}}',
      '0/agent,{"token":"not-a-session"}',
      '0/agent,{"__proto__":{"token":"TOKEN"}}',
      '0/visitor,null',
      '0/nope,{}',
      '0/,{}',
      '0',
      '1/agent,',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '2/agent,["sync",{"lastEventId":0}]',
      '2/agent,7["sync",{"lastEventId":0}]',
      '2/agent,7["sync"]',
      '2/agent,8["sync",null,null]',
      '2/agent,9[]',
      '2/agent,9[1]',
      '2/agent,9[{}]',
      '2/agent,10["connect"]',
      '2/agent,11["disconnecting"]',
      '2/agent,99999999999999999999["sync",{"lastEventId":0}]',
      '2/agent,-1["sync",{}]',
      '2/agent,12["sync",{"lastEventId":0},"extra"]',
      '2/visitor,13["message.receipt",{"messageIds":[1],"status":"read"}]',
      '2/visitor,14["message.receipt"]',
      '2/visitor,15["sync",{"lastEventId":1e400}]',
      '2["sync",{"lastEventId":0}]',
      '3/agent,1[{"ok":true}]',
      '51-/agent,16["sync",{"_placeholder":true,"num":0}]',
      '51-/agent,17["sync",{"_placeholder":true,"num":5}]',
      '52-/agent,18["sync",{"_placeholder":true,"num":1}]',
      '51-/agent,19["sync",{"_placeholder":"x","num":"0"}]',
      '6/agent,20["sync",{}]',
    ),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes): Packet => ({ binary: [...bytes] })) },
  { weight: 2, arbitrary: hostileString.filter((text) => text.length < 20_000) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(70_000)) },
);

export interface PacketCase {
  packets: Packet[];
}

/** Mostly after a valid CONNECT to a namespace, so the events reach its handlers. */
const opening = fc.constantFrom<Packet[]>(['0/agent,{"token":"TOKEN"}'], ['0/agent,{"token":"TOKEN"}'], ['0/visitor,{"visitorToken":"VISITOR"}'], []);

export const packetCaseArbitrary: fc.Arbitrary<PacketCase> = fc
  .tuple(opening, fc.array(packets, { minLength: 1, maxLength: 5 }))
  .map(([first, rest]) => ({ packets: [...first, ...rest] }))
  .map((testCase) => Object.assign(testCase, { [fc.toStringMethod]: () => JSON.stringify(testCase.packets.map((p) => (typeof p === 'string' ? p.slice(0, 120) : p))) }));
