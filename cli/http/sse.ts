import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobEvent } from '../../core/model/jobs.js';
import { HttpError } from './respond.js';

/** Comments sent on a quiet stream so proxies and the browser keep the connection open. */
export const KEEP_ALIVE_MS = 15_000;

export interface JobEventSource {
  subscribe(listener: (e: JobEvent) => void): () => void;
}

/**
 * `GET /api/events`: every job event as a Server-Sent Event (`data: <json>\n\n`, the default
 * `message` type). The stream opens with a `: connected` comment, so a client knows it will see
 * every event from then on; each connection's listener and timer go when it closes.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly source: JobEventSource) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw new HttpError(405, 'invalid-input', '/api/events is read with GET (an EventSource).', { Allow: 'GET' });
    req.socket.setNoDelay(true);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\nretry: 2000\n\n');
    this.open.add(res);
    const off = this.source.subscribe((e) => {
      res.write(`data: ${JSON.stringify(e)}\n\n`);
    });
    const timer = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    timer.unref();
    res.once('close', () => {
      off();
      clearInterval(timer);
      this.open.delete(res);
    });
  }

  /** Ends every stream (at shutdown); clients see the end of the stream. */
  closeAll(): void {
    for (const res of this.open) res.end();
  }

  get size(): number {
    return this.open.size;
  }
}
