// The bearer token lives in sessionStorage: gone when the tab closes, never in a URL, a cookie or a log.
const TOKEN_KEY = 'campaign-graph.token';
const BUSINESS_KEY = 'campaign-graph.business';

export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(BUSINESS_KEY);
}

export function storedBusiness(): string | undefined {
  return sessionStorage.getItem(BUSINESS_KEY) ?? undefined;
}

export function storeBusiness(businessId: string): void {
  sessionStorage.setItem(BUSINESS_KEY, businessId);
}
