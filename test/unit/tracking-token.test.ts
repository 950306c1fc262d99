import { TrackingTokens } from '../../src/modules/serving/tracking-token';

const impression = {
  impressionId: '5a0c5d5e-4f7e-4c44-9a53-1d3c7f0b6a11',
  campaignId: 'b1b7f1f2-0c6d-4c7a-8f5e-2a9d0c3e4f51',
  variant: 'bold',
  placement: 'home',
  channel: 'IN_APP_AD',
  profileId: null,
  sessionId: 's-1',
  servedAt: 1_000,
  expiresAt: 2_000,
};

describe('tracking tokens', () => {
  const tokens = new TrackingTokens('a'.repeat(64));

  it('round-trips what it signed', () => {
    expect(tokens.verify(tokens.issue(impression), 1_500)).toEqual(impression);
  });

  it('refuses an expired token', () => {
    expect(() => tokens.verify(tokens.issue(impression), 2_000)).toThrow('token: has expired');
  });

  it('refuses a token signed with another secret, or altered, or malformed', () => {
    const foreign = new TrackingTokens('b'.repeat(64)).issue(impression);
    expect(() => tokens.verify(foreign, 1_500)).toThrow('token: has an invalid signature');
    const [payload, signature] = tokens.issue(impression).split('.');
    expect(() => tokens.verify(`${payload}x.${signature}`, 1_500)).toThrow('token: has an invalid signature');
    expect(() => tokens.verify('a.b.c', 1_500)).toThrow('token: is not a tracking token');
    expect(() => tokens.verify('x'.repeat(3000), 1_500)).toThrow('token: is not a tracking token');
  });
});
