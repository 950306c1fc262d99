/**
 * Tests that need a service run whenever its variable is set (CI always sets both); without it
 * they are reported as skipped, never as passed.
 */
export const hasPostgres = Boolean(process.env.DATABASE_URL);

export function describeIf(condition: boolean): jest.Describe {
  return condition ? describe : describe['skip'];
}

export function itIf(condition: boolean): jest.It {
  return condition ? it : it['skip'];
}
