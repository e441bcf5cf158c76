import { describe, expect, it } from 'vitest';
import { CommitSignal, decodeCommitMessage, encodeCommitMessage } from './commit-signal.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A channel that records what is published and resolves each publish when told (Redis answering). */
function channel() {
  const published: string[] = [];
  const pending: (() => void)[] = [];
  return {
    published,
    publish(message: string) {
      published.push(message);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    answerAll() {
      pending.splice(0).forEach((resolve) => resolve());
    },
  };
}

function signalOn(ch: ReturnType<typeof channel>, instanceId = 'proc-a') {
  const heard: number[] = [];
  const errors: unknown[] = [];
  const signal = new CommitSignal({ instanceId, publish: (message) => ch.publish(message), onCommittedElsewhere: (id) => heard.push(id), onError: (error) => errors.push(error) });
  return { signal, heard, errors };
}

describe('the commit signal between API processes', () => {
  it('publishes everything committed in one turn of the event loop as one message with the newest id', async () => {
    const ch = channel();
    const { signal } = signalOn(ch);
    for (const id of [3, 4, 9, 7, 8]) signal.committed(id);
    expect(ch.published).toEqual([]);
    await nextTurn();
    expect(ch.published).toEqual(['proc-a 9']);
  });

  it('sends one message per turn that committed, and none for a turn that did not', async () => {
    const ch = channel();
    const { signal } = signalOn(ch);
    signal.committed(1);
    await nextTurn();
    ch.answerAll();
    await nextTurn();
    await nextTurn();
    signal.committed(2);
    await nextTurn();
    ch.answerAll();
    await nextTurn();
    await nextTurn();
    expect(ch.published).toEqual(['proc-a 1', 'proc-a 2']);
  });

  it('keeps at most one publish in flight: commits meanwhile leave together when Redis answers', async () => {
    const ch = channel();
    const { signal } = signalOn(ch);
    signal.committed(10);
    await nextTurn();
    // Redis is away (or slow): the first publish waits; a hundred more turns commit meanwhile.
    for (let id = 11; id <= 110; id += 1) {
      signal.committed(id);
      await nextTurn();
    }
    expect(ch.published).toEqual(['proc-a 10']);
    ch.answerAll();
    await nextTurn();
    await nextTurn();
    expect(ch.published).toEqual(['proc-a 10', 'proc-a 110']);
  });

  it('does not publish again an id already sent, such as a late callback of an older commit', async () => {
    const ch = channel();
    const { signal } = signalOn(ch);
    signal.committed(5);
    await nextTurn();
    ch.answerAll();
    await nextTurn();
    signal.committed(4);
    await nextTurn();
    expect(ch.published).toEqual(['proc-a 5']);
  });

  it('ignores its own messages and hands on those of other processes', () => {
    const ch = channel();
    const { signal, heard } = signalOn(ch, 'host:1:aa');
    signal.received(encodeCommitMessage('host:1:aa', 12));
    signal.received(encodeCommitMessage('host:2:bb', 13));
    expect(heard).toEqual([13]);
  });

  it('ignores messages that are not commit signals', () => {
    const ch = channel();
    const { signal, heard } = signalOn(ch);
    for (const junk of ['', '42', 'proc-b', 'proc-b -1', 'proc-b 1.5', 'proc-b 99999999999999999999', ' 7']) signal.received(junk);
    expect(heard).toEqual([]);
    expect(decodeCommitMessage('a b 17')).toEqual({ instanceId: 'a b', newestId: 17 });
  });

  it('reports a failed publish once and goes on with the next commit', async () => {
    const published: string[] = [];
    const errors: unknown[] = [];
    let fail = true;
    const signal = new CommitSignal({
      instanceId: 'proc-a',
      publish: async (message) => {
        published.push(message);
        if (fail) throw new Error('NOPERM');
      },
      onCommittedElsewhere: () => undefined,
      onError: (error) => errors.push(error),
    });
    signal.committed(1);
    await nextTurn();
    await nextTurn();
    fail = false;
    signal.committed(2);
    await nextTurn();
    await nextTurn();
    expect(published).toEqual(['proc-a 1', 'proc-a 2']);
    expect(errors).toHaveLength(1);
  });
});
