// What users install, as `npm run package` leaves it in dist/: one VSIX per VS Code target, each
// with a server of the right executable format; the CLI archives; the .NET tool installed offline
// from dist/; and the packaged linux-x64 server run where no .NET can be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, tempRepository } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const version = JSON.parse(readFileSync(join(root, 'vscode-extension', 'package.json'), 'utf8')).version;
// What ships beside the server: every Markdown page of docs/ (the rule pages diagnostics link to among them).
const docPages = (function pages(dir, prefix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
    ? pages(join(dir, e.name), `${prefix}${e.name}/`)
    : e.name.endsWith('.md') ? [`${prefix}${e.name}`] : []);
})(join(root, 'docs'), 'docs/').sort();

// VS Code target, .NET RID, and the executable format each must carry.
const targets = [
  { target: 'linux-x64', rid: 'linux-x64', format: 'ELF x86-64' },
  { target: 'linux-arm64', rid: 'linux-arm64', format: 'ELF AArch64' },
  { target: 'win32-x64', rid: 'win-x64', format: 'PE x86-64' },
  { target: 'darwin-x64', rid: 'osx-x64', format: 'Mach-O x86-64' },
  { target: 'darwin-arm64', rid: 'osx-arm64', format: 'Mach-O arm64' },
];

function artifact(name) {
  const file = join(dist, name);
  assert.ok(existsSync(file), `${file} is missing: npm test runs npm run package before these tests`);
  return file;
}

/** Reads one entry of a zip (a VSIX, a nupkg) with unzip, which every machine here has. */
const unzipEntry = (zip, entry) => execFileSync('unzip', ['-p', zip, entry], { maxBuffer: 256 * 1024 * 1024 });

/** Names an executable's format from its header: ELF (e_machine), PE (COFF machine), Mach-O (cputype). */
export function executableFormat(bytes) {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = bytes.readUInt16LE(18);
    return `ELF ${{ 0x3e: 'x86-64', 0xb7: 'AArch64' }[machine] ?? `machine 0x${machine.toString(16)}`}`;
  }
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (bytes.toString('latin1', pe, pe + 4) !== 'PE\0\0') return 'MZ without PE';
    const machine = bytes.readUInt16LE(pe + 4);
    return `PE ${{ 0x8664: 'x86-64', 0xaa64: 'arm64' }[machine] ?? `machine 0x${machine.toString(16)}`}`;
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return `Mach-O ${{ 0x01000007: 'x86-64', 0x0100000c: 'arm64' }[cpu] ?? `cpu 0x${cpu.toString(16)}`}`;
  }
  return 'unknown';
}

test('the format reader tells the formats apart (and this machine\'s node is ELF x86-64 or AArch64)', () => {
  const node = readFileSync(process.execPath).subarray(0, 64);
  assert.match(executableFormat(node), /^ELF (x86-64|AArch64)$/);
  assert.equal(executableFormat(Buffer.from('#!/bin/sh\n')), 'unknown');
});

for (const { target, rid, format } of targets) {
  test(`the ${target} VSIX names its target and carries a ${format} server`, () => {
    const vsix = artifact(`careerlsp-${version}-${target}.vsix`);
    const manifest = unzipEntry(vsix, 'extension.vsixmanifest').toString('utf8');
    assert.match(manifest, new RegExp(`TargetPlatform="${target}"`));
    const exe = rid.startsWith('win') ? 'careerlsp.exe' : 'careerlsp';
    assert.equal(executableFormat(unzipEntry(vsix, `extension/server/${exe}`)), format);
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n');
    assert.ok(listing.includes('extension/server/docs/rules/CL001-sources-required.md'), 'the rule pages the diagnostics link to are beside the server');
    assert.ok(listing.includes('extension/schemas/careerlsp.schema.json'));
    const server = listing.filter((f) => f.startsWith('extension/server/'));
    assert.deepEqual(server.filter((f) => !f.startsWith('extension/server/docs/')).sort(), [`extension/server/${exe}`, 'extension/server/README.md'].sort());
    assert.deepEqual(server.filter((f) => f.startsWith('extension/server/docs/')).map((f) => f.slice('extension/server/'.length)).sort(), docPages);
  });

  test(`the ${rid} CLI archive holds the ${format} executable, the README and the docs' pages`, () => {
    if (rid.startsWith('win')) {
      const zip = artifact(`careerlsp-${version}-${rid}.zip`);
      const files = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').filter((f) => !f.endsWith('/'));
      assert.deepEqual(files.filter((f) => !f.startsWith('docs/')).sort(), ['README.md', 'careerlsp.exe']);
      assert.deepEqual(files.filter((f) => f.startsWith('docs/')).sort(), docPages);
      assert.equal(executableFormat(unzipEntry(zip, 'careerlsp.exe')), format);
    } else {
      const archive = artifact(`careerlsp-${version}-${rid}.tar.gz`);
      const files = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n').filter((f) => !f.endsWith('/'));
      assert.deepEqual(files.filter((f) => !f.startsWith('docs/')).sort(), ['README.md', 'careerlsp']);
      assert.deepEqual(files.filter((f) => f.startsWith('docs/')).sort(), docPages);
      const bytes = execFileSync('tar', ['-xzOf', archive, 'careerlsp'], { maxBuffer: 256 * 1024 * 1024 });
      assert.equal(executableFormat(bytes), format);
      assert.match(execFileSync('tar', ['-tvzf', archive, 'careerlsp'], { encoding: 'utf8' }), /^-rwx/, 'executable bit kept');
    }
  });
}

test('the .NET tool installs offline from dist/ alone and runs', () => {
  artifact(`careerlsp.${version}.nupkg`);
  for (const { rid } of targets) artifact(`careerlsp.${rid}.${version}.nupkg`);
  const work = mkdtempSync(join(tmpdir(), 'careerlsp-tool-'));
  try {
    // Only dist/ as a source: nothing may come from a registry.
    writeFileSync(join(work, 'nuget.config'), `<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="dist" value="${dist}" /></packageSources></configuration>
`);
    const install = spawnSync('dotnet', ['tool', 'install', '--tool-path', join(work, 'tools'), 'careerlsp', '--configfile', join(work, 'nuget.config')],
      { cwd: work, encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', NUGET_PACKAGES: join(work, 'packages') } });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    const run = spawnSync(join(work, 'tools', 'careerlsp'), ['--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^${version.replace(/\./g, '\\.')}\\+`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

// The packaged linux-x64 server, taken out of its VSIX, in a mount namespace where every place a
// .NET install lives is an empty directory and no dotnet is on PATH.
const noDotnet = (() => {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const work = mkdtempSync(join(tmpdir(), 'careerlsp-nodotnet-'));
  mkdirSync(join(work, 'empty'));
  execFileSync('unzip', ['-q', artifact(`careerlsp-${version}-linux-x64.vsix`), 'extension/server/*', '-d', work]);
  const script = `
set -e
for d in /usr/share/dotnet /usr/lib/dotnet /usr/local/share/dotnet /opt/dotnet "$HOME/.dotnet" "$DOTNET_ROOT"; do
  if [ -n "$d" ] && [ -d "$d" ]; then mount --bind '${work}/empty' "$d"; fi
done
unset DOTNET_ROOT DOTNET_HOST_PATH
export PATH=/usr/local/bin:/usr/bin:/bin
if command -v dotnet >/dev/null 2>&1; then echo "dotnet is still reachable: $(command -v dotnet)" >&2; exit 99; fi
if [ -n "$(ls -A /usr/share/dotnet 2>/dev/null)" ]; then echo "/usr/share/dotnet is not empty" >&2; exit 99; fi
exec "$@"`;
  const privileged = process.getuid?.() === 0 ? ['--mount'] : ['--mount', '--map-root-user'];
  return {
    server: join(work, 'extension', 'server', 'careerlsp'),
    command: 'unshare',
    args: (...rest) => [...privileged, '--propagation', 'private', 'sh', '-c', script, 'sh', ...rest],
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
})();

test('the packaged linux-x64 server runs with no .NET reachable: --version, check commit, serve', { skip: noDotnet ? false : 'only on linux-x64' }, async () => {
  const { server, command, args, cleanup } = noDotnet;
  const repo = tempRepository();
  try {
    const probe = spawnSync(command, args('sh', '-c', 'echo isolated'), { encoding: 'utf8' });
    assert.equal(probe.status, 0, `the isolation itself failed: ${probe.stderr}`);
    assert.equal(probe.stdout.trim(), 'isolated');

    const version_ = spawnSync(command, args(server, '--version'), { encoding: 'utf8' });
    assert.equal(version_.status, 0, version_.stderr);
    assert.match(version_.stdout, new RegExp(`^${version.replace(/\./g, '\\.')}\\+`));

    repo.write('msg.txt', 'Add the exporter\n\nIt writes CSV.\n');
    const check = spawnSync(command, args(server, 'check', 'commit', 'msg.txt'), { cwd: repo.dir, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /msg\.txt:1:1: error CL001 sources-required/);

    const lsp = await startServer({ rootDir: repo.dir, command, args: args(server, 'serve', '--stdio') });
    assert.equal(lsp.result.serverInfo.name, 'careerlsp');
    assert.ok(lsp.result.capabilities.textDocumentSync);
    await lsp.connection.sendRequest('shutdown');
    await lsp.connection.sendNotification('exit');
    assert.equal(await lsp.exited, 0);
  } finally {
    repo.cleanup();
    cleanup();
  }
});

test('the pre-commit framework runs careerlsp from .pre-commit-hooks.yaml as a commit-msg hook', { skip: process.platform === 'linux' ? false : 'the archive checked here is linux-x64' }, () => {
  const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  assert.equal(preCommit.status, 0, 'pre-commit is not installed: tests/scripts/test.sh installs it (Debian package pre-commit)');
  const work = mkdtempSync(join(tmpdir(), 'careerlsp-precommit-'));
  try {
    // careerlsp on PATH as a user gets it: out of the release archive.
    mkdirSync(join(work, 'bin'));
    execFileSync('tar', ['-xzf', artifact(`careerlsp-${version}-linux-x64.tar.gz`), '-C', join(work, 'bin')]);
    const env = { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}`, PRE_COMMIT_HOME: join(work, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };
    const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd, env, encoding: 'utf8' });
    // The hook repository: this project's .pre-commit-hooks.yaml, committed.
    const hooks = join(work, 'hooks');
    mkdirSync(hooks);
    git(hooks, 'init', '-q', '-b', 'main');
    writeFileSync(join(hooks, '.pre-commit-hooks.yaml'), readFileSync(join(root, '.pre-commit-hooks.yaml')));
    git(hooks, 'add', '-A');
    git(hooks, 'commit', '-q', '-m', 'hooks');
    const rev = git(hooks, 'rev-parse', 'HEAD').trim();
    // A user's repository that uses it.
    const user = join(work, 'user');
    mkdirSync(user);
    git(user, 'init', '-q', '-b', 'main');
    writeFileSync(join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: careerlsp\n`);
    git(user, 'add', '-A');
    git(user, 'commit', '-q', '--no-verify', '-m', 'config');
    const install = spawnSync('pre-commit', ['install', '--hook-type', 'commit-msg'], { cwd: user, env, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    writeFileSync(join(user, 'a.txt'), 'a\n');
    git(user, 'add', 'a.txt');
    const bad = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'oops'], { cwd: user, env, encoding: 'utf8' });
    assert.notEqual(bad.status, 0, bad.stdout + bad.stderr);
    assert.match(bad.stdout + bad.stderr, /sources-required/);
    const message = join(work, 'good.txt');
    writeFileSync(message, 'Add a.txt\n\nSources Consulted:\n- https://git-scm.com/docs/githooks\n\nPre-mortem:\n- Failure: the file is empty\n');
    const good = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-F', message], { cwd: user, env, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
