// Auto-reply rules: stand in for a host or a board by answering the messages that match, per
// peer, with a template that may use the match's groups. Plain Node timers.
import type { EngineEvent, EventSink } from '../../shared/contract/events';
import type { AutoReplyRule, Payload, Protocol, SendTarget, SessionId } from '../../shared/contract/model';
import { splitEndpoint } from '../../shared/net/ip';
import { matchAutoReply } from '../../shared/verify';

/** Replies waiting for their delay; a flood of matches beyond this is answered no further. */
export const MAX_PENDING_REPLIES = 1024;

export interface AutoRepliesOptions {
  id: SessionId;
  protocol: Protocol;
  emit: EventSink;
  /** Sends a reply like the user's Send, with the match's groups for the template; never judged. */
  reply(payload: Payload, to: SendTarget | undefined, groups: readonly string[]): Promise<unknown>;
}

/**
 * Each received message (a frame, a datagram, or with raw framing a chunk) is tried against the
 * enabled rules in order; the first that matches answers the peer it came from, after its delay
 * (always through a timer, so a reply never runs inside the receive that provoked it). A reply that
 * cannot go out (the board left meanwhile) is dropped without a word: the log shows what was sent.
 */
export class AutoReplies {
  private rules: AutoReplyRule[] = [];
  private hits: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly opts: AutoRepliesOptions) {}

  /** Replaces the rules; hit counts start again and replies still waiting are cancelled. */
  set(rules: AutoReplyRule[]): void {
    this.cancelPending();
    this.rules = rules;
    this.hits = rules.map(() => 0);
  }

  observe(event: EngineEvent): void {
    if (event.type !== 'data' || event.dir !== 'rx' || this.rules.length === 0) return;
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i] as AutoReplyRule;
      if (rule.enabled === false) continue;
      const groups = matchAutoReply(rule.match, event.bytes);
      if (!groups) continue;
      if (this.timers.size >= MAX_PENDING_REPLIES) return;
      this.hits[i] = (this.hits[i] ?? 0) + 1;
      this.opts.emit({ type: 'auto-reply', id: this.opts.id, rule: i, hits: this.hits[i] ?? 0 });
      this.schedule(rule, event.peer, groups);
      return;
    }
  }

  dispose(): void {
    this.cancelPending();
    this.rules = [];
  }

  private schedule(rule: AutoReplyRule, peer: string, groups: readonly string[]): void {
    const to = this.targetFor(peer);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.opts.reply(rule.reply, to, groups).catch(() => {});
    }, rule.delayMs ?? 0);
    this.timers.add(timer);
  }

  private targetFor(peer: string): SendTarget | undefined {
    if (this.opts.protocol === 'tcp-client') return undefined;
    if (this.opts.protocol === 'tcp-server') return { kind: 'client', peer };
    const endpoint = splitEndpoint(peer);
    return endpoint
      ? { kind: 'address', host: endpoint.address, port: endpoint.port }
      : { kind: 'last-sender' };
  }

  private cancelPending(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
