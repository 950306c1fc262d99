import type { Api } from './api';
import type { ViewerQuery } from '../generated/graphql';

export type Viewer = NonNullable<ViewerQuery['viewer']>;
export type BusinessSummary = ViewerQuery['businesses']['edges'][number]['node'];

export interface ViewContext {
  api: Api;
  viewer: Viewer;
  business: BusinessSummary | undefined;
  /** A short message in the page's status line (role=status, or role=alert for errors). */
  announce(message: string, kind?: 'info' | 'error'): void;
  navigate(hash: string): void;
}

export interface View {
  element: HTMLElement;
  /** Ends the view's subscriptions and timers. */
  dispose(): void;
}

/** Runs `task` at most once per `ms`, the last call winning: a burst of live updates triggers one refetch. */
export function throttle(ms: number, task: () => Promise<void>): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        timer = setTimeout(() => void run(), ms);
      }
    }
  };
  return {
    schedule() {
      timer ??= setTimeout(() => void run(), ms);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
