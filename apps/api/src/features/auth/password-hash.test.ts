import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password-hash.ts';

describe('staff password hashing', () => {
  it('stores a salted scrypt hash that verifies only the right password', async () => {
    const stored = await hashPassword('法院执行局-2017');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('2017');
    expect(await verifyPassword('法院执行局-2017', stored)).toBe(true);
    expect(await verifyPassword('法院执行局-2018', stored)).toBe(false);
    expect(await hashPassword('法院执行局-2017')).not.toBe(stored);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });

  it('refuses short passwords, ones containing the username, and trivial ones, in zh-CN', () => {
    expect(passwordProblem('short', 'li')).toMatch(/至少/);
    expect(passwordProblem('zhangsan-2024!', 'zhangsan')).toMatch(/用户名/);
    expect(passwordProblem('aaaaaaaaaaaa', 'li')).toMatch(/简单/);
    expect(passwordProblem('执行一组-Tz8#k2', 'li')).toBeNull();
  });
});
