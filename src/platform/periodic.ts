import type { Logger } from './logger';

/**
 * Runs `work` every `intervalMs` on this server, one run at a time; a failed run is logged and the
 * next one tries again. What makes a job safe with several servers is the job itself (row locks,
 * advisory locks): this only keeps time.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number, firstRunInMs = 0): void {
    const tick = () => {
      this.running = this.work()
        .catch((error: unknown) => this.logger.error({ err: error, job: this.name }, 'periodic job failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, firstRunInMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
