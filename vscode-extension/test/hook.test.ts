import { describe, expect, it } from 'vitest';
import { HookOffer, parseHookStatus, type RunResult } from '../src/hook';

/** A fake server executable: answers `hook status` with the given state and records every call. */
function fixture(state: string, answers: (string | undefined)[] = [], remembered: Record<string, unknown> = {}) {
  const calls: string[][] = [];
  const asked: { message: string; actions: string[] }[] = [];
  const errors: string[] = [];
  const log: string[] = [];
  const memory = new Map(Object.entries(remembered));
  const run = async (args: string[]): Promise<RunResult> => {
    calls.push(args);
    if (args[1] === 'status') return state === 'not-a-repo'
      ? { code: 2, stdout: '', stderr: 'careerlsp: not in a git repository\n' }
      : { code: 0, stdout: `${state} /repo/.git/hooks/commit-msg\n`, stderr: '' };
    return { code: 0, stdout: 'Installed the commit-msg hook at /repo/.git/hooks/commit-msg\n', stderr: '' };
  };
  const offer = new HookOffer(run, {
    ask: async (message, ...actions) => { asked.push({ message, actions }); return answers.shift(); },
    error: (message) => errors.push(message),
    log: (line) => log.push(line),
  }, { get: <T>(key: string) => memory.get(key) as T, update: async (key, value) => { memory.set(key, value); } });
  return { offer, calls, asked, errors, log, memory };
}

describe('parseHookStatus', () => {
  it('reads the state and the path, and nothing else', () => {
    expect(parseHookStatus('outdated /r/.git/hooks/commit-msg\n')).toEqual({ state: 'outdated', path: '/r/.git/hooks/commit-msg' });
    expect(parseHookStatus('careerlsp: not in a git repository')).toBeUndefined();
  });
});

describe('HookOffer.offer (on start)', () => {
  it('installs a missing hook when the user says so', async () => {
    const f = fixture('missing', ['Install the hook']);
    await f.offer.offer('/repo');
    expect(f.calls).toEqual([['hook', 'status', '--repo', '/repo'], ['hook', 'install', '--repo', '/repo']]);
    expect(f.log).toEqual(['Installed the commit-msg hook at /repo/.git/hooks/commit-msg']);
  });

  it('asks again next time after "Not now", never again after "Never for this repository"', async () => {
    const later = fixture('missing', ['Not now']);
    await later.offer.offer('/repo');
    expect(later.calls).toHaveLength(1);
    expect(later.memory.size).toBe(0);

    const never = fixture('missing', ['Never for this repository']);
    await never.offer.offer('/repo');
    await never.offer.offer('/repo');
    expect(never.asked).toHaveLength(1);
    expect(never.calls.filter((c) => c[1] === 'install')).toEqual([]);
  });

  it('rewrites its own outdated hook without asking, and leaves installed, foreign hooks and non-repositories alone', async () => {
    const outdated = fixture('outdated');
    await outdated.offer.offer('/repo');
    expect(outdated.calls[1]).toEqual(['hook', 'install', '--repo', '/repo']);
    expect(outdated.asked).toEqual([]);
    for (const state of ['installed', 'other', 'not-a-repo']) {
      const f = fixture(state);
      await f.offer.offer('/repo');
      expect(f.calls).toHaveLength(1);
      expect(f.asked).toEqual([]);
      expect(f.errors).toEqual([]);
    }
  });
});

describe('HookOffer.installCommand', () => {
  it('asks before replacing a hook CareerLsp did not write, then installs with --force', async () => {
    const declined = fixture('other', [undefined]);
    await declined.offer.installCommand('/repo');
    expect(declined.calls).toHaveLength(1);
    const accepted = fixture('other', ['Replace it (keep a backup)']);
    await accepted.offer.installCommand('/repo');
    expect(accepted.calls[1]).toEqual(['hook', 'install', '--repo', '/repo', '--force']);
  });

  it('says why it cannot install: no folder, or not a repository', async () => {
    const none = fixture('missing');
    await none.offer.installCommand(undefined);
    expect(none.errors[0]).toContain('open a folder in a git repository');
    const outside = fixture('not-a-repo');
    await outside.offer.installCommand('/tmp');
    expect(outside.errors).toEqual(['CareerLsp: not in a git repository']);
  });
});
