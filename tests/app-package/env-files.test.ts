import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile } from '../../scripts/app-package/env-file';

const root = path.join(__dirname, '..', '..');

describe('the committed environment templates', () => {
  it.each(['dev', 'local'])('env/.env.%s holds no secrets', (name) => {
    const values = parseEnvFile(readFileSync(path.join(root, 'env', `.env.${name}`), 'utf8'));
    expect(values.TEAMSFX_ENV).toBe(name);
    const secretish = Object.keys(values).filter((key) => /SECRET|PASSWORD|KEY$/i.test(key));
    expect(secretish).toEqual([]);
  });

  it('leave the .user secret files to git to ignore', () => {
    for (const file of ['env/.env.dev.user', 'env/.env.local.user', 'env/.env.local.server.user']) {
      // check-ignore exits 0 when the path is ignored, and throws otherwise.
      expect(execFileSync('git', ['check-ignore', file], { cwd: root, encoding: 'utf8' }).trim()).toBe(file);
    }
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=value lines, strips quotes and comments, and keeps empty values', () => {
    const text = '# comment\nA=1\nB="two words"\nC=\nexport D=x # trailing\nnot a line\n';
    expect(parseEnvFile(text)).toEqual({ A: '1', B: 'two words', C: '', D: 'x' });
  });
});
