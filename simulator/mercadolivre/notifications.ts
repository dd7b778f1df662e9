import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { TokenStore } from '../core/oauth.ts';
import { ML_NOTIFICATIONS } from './facts.ts';
import type { MlStore } from './store.ts';

/** [doc/2nd] The body ML POSTs to an app's callback URL: a pointer to the changed resource. */
export interface MlNotification {
  _id: string;
  resource: string;
  user_id: number;
  topic: string;
  application_id: number;
  attempts: number;
  sent: string;
  received: string;
}

export interface NotifierSettings {
  /** Multiplies every retry delay: 0.001 turns ML's hour of retries into 3.6 s. */
  timeScale: number;
  responseTimeoutMs: number;
}

interface MissedFeed extends MlNotification {
  response: { http_code: number | null };
  readonly receivedMs: number;
}

interface DeliveryAttempt {
  readonly id: string;
  readonly topic: string;
  readonly resource: string;
  readonly attempt: number;
  readonly http_code: number | null;
  readonly ok: boolean;
  readonly at: string;
}

const ATTEMPT_LOG_CAP = 1000;

/** Sends ML notifications with ML's retry schedule, then files them under `/missed_feeds`. */
export class MlNotifier {
  readonly #store: MlStore;
  readonly #tokens: TokenStore;
  readonly #clock: Clock;
  readonly settings: NotifierSettings;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #missed: MissedFeed[] = [];
  readonly #attempts: DeliveryAttempt[] = [];

  constructor(store: MlStore, tokens: TokenStore, clock: Clock, settings: NotifierSettings) {
    this.#store = store;
    this.#tokens = tokens;
    this.#clock = clock;
    this.settings = settings;
  }

  /** Notifies every app the seller authorised that listens to `topic`. */
  publish(sellerId: number, topic: string, resource: string): void {
    for (const app of this.#store.apps.values()) {
      if (app.callbackUrl === null || !app.topics.has(topic)) continue;
      if (!this.#tokens.hasGrant(app.clientId, String(sellerId))) continue;
      const now = this.#clock.now();
      const notification: MlNotification = {
        _id: randomUUID(),
        resource,
        user_id: sellerId,
        topic,
        application_id: Number(app.clientId),
        attempts: 0,
        sent: '',
        received: new Date(now).toISOString(),
      };
      void this.#deliver(app.callbackUrl, notification, now);
    }
  }

  async #deliver(url: string, notification: MlNotification, receivedMs: number): Promise<void> {
    notification.attempts += 1;
    notification.sent = new Date(this.#clock.now()).toISOString();
    const httpCode = await this.#post(url, notification);
    const ok = httpCode === 200;
    this.#record(notification, httpCode, ok);
    if (ok) return;
    if (notification.attempts >= ML_NOTIFICATIONS.attempts) {
      this.#missed.push({ ...notification, response: { http_code: httpCode }, receivedMs });
      return;
    }
    const delay = ML_NOTIFICATIONS.firstRetryMs * 2 ** (notification.attempts - 1) * this.settings.timeScale;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#deliver(url, notification, receivedMs);
    }, delay);
    timer.unref();
    this.#timers.add(timer);
  }

  /** [doc] Only an HTTP 200 within the time limit counts as delivered. */
  async #post(url: string, notification: MlNotification): Promise<number | null> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(this.settings.responseTimeoutMs),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return null;
    }
  }

  #record(notification: MlNotification, httpCode: number | null, ok: boolean): void {
    if (this.#attempts.length >= ATTEMPT_LOG_CAP) this.#attempts.shift();
    this.#attempts.push({
      id: notification._id,
      topic: notification.topic,
      resource: notification.resource,
      attempt: notification.attempts,
      http_code: httpCode,
      ok,
      at: notification.sent,
    });
  }

  /** `GET /missed_feeds`: what was never delivered, for 2 days [2nd]. */
  missed(appId: string, topic: string | undefined, offset: number, limit: number) {
    const horizon = this.#clock.now() - ML_NOTIFICATIONS.missedRetentionMs;
    while (this.#missed.length > 0 && this.#missed[0]!.receivedMs < horizon) this.#missed.shift();
    const matching = this.#missed.filter(
      (feed) => String(feed.application_id) === appId && (topic === undefined || feed.topic === topic),
    );
    const messages = matching.slice(offset, offset + limit).map(({ receivedMs: _, ...feed }) => feed);
    return { messages, total: matching.length, offset, limit };
  }

  attempts(): readonly DeliveryAttempt[] {
    return this.#attempts;
  }

  clear(): void {
    this.close();
    this.#missed.length = 0;
    this.#attempts.length = 0;
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
