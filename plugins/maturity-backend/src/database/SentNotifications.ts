import { Knex } from 'knex';

/**
 * The notification events already sent (`maturity_notifications_sent`). A sender claims an event
 * before sending it: the claim is one insert of a unique key, so of two replicas, or two runs,
 * only one gets it. A send that fails gives its claim back, for the next run to try again.
 */
export class SentNotifications {
  constructor(private readonly db: Knex) {}

  /** Claims `key`; true when this caller is the one to send it. */
  async claim(key: string, at: Date): Promise<boolean> {
    const inserted = await this.db('maturity_notifications_sent')
      .insert({ event_key: key, sent_at: at })
      .onConflict('event_key')
      .ignore()
      .returning('event_key');
    return inserted.length === 1;
  }

  /** Gives a claim back: its send failed. */
  async release(key: string): Promise<void> {
    await this.db('maturity_notifications_sent')
      .where('event_key', key)
      .delete();
  }

  /** Forgets events older than `before`: their snapshots and waivers are long gone. */
  async forgetBefore(before: Date): Promise<number> {
    return this.db('maturity_notifications_sent')
      .where('sent_at', '<', before)
      .delete();
  }
}
