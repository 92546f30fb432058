import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPERATIONS } from '../../core/model/api.js';
import type { ApiHost } from '../../core/service/api.js';
import type { AnswerCache } from './answer-cache.js';
import { HttpError, readBody, sendJson } from './respond.js';

/** Largest JSON body of an API call; real inputs are a few hundred bytes. */
export const CALL_BODY_LIMIT = 1 << 20;

/**
 * `POST /api/call/:operation` with a JSON body (empty means `{}`): the operation's ApiResult as
 * JSON, HTTP 200 for success and failure alike (errors are data). Unknown operations are 404 and
 * bodies that are not JSON 400, before any work. With a `cache`, the answer of a finished run's view
 * is reused while `api.viewStamp` reads the same stamp (header `X-Workbench-Cache: hit|miss|shared`).
 */
export async function handleCall(req: IncomingMessage, res: ServerResponse, api: ApiHost, operation: string, cache?: AnswerCache): Promise<void> {
  if (!Object.hasOwn(OPERATIONS, operation)) throw new HttpError(404, 'not-found', `Unknown operation '${operation}'.`);
  if (req.method !== 'POST') throw new HttpError(405, 'invalid-input', `${operation} is called with POST and a JSON body.`, { Allow: 'POST' });
  const body = await readBody(req, CALL_BODY_LIMIT);
  let input: unknown;
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new HttpError(400, 'invalid-input', `The body of ${operation} is not JSON: ${(err as Error).message}`);
    }
  }
  const stamp = cache ? api.viewStamp(operation, input) : null;
  if (cache && stamp !== null) {
    const key = `${operation}\u0000${JSON.stringify(input)}\u0000${stamp}`;
    const { body: answer, how } = await cache.share(key, async () => {
      const result = await api.call(operation, input);
      return result.ok ? Buffer.from(JSON.stringify(result), 'utf8') : undefined;
    });
    if (answer !== undefined) return sendBytes(res, answer, how);
  }
  sendJson(res, 200, await api.call(operation, input));
}

function sendBytes(res: ServerResponse, body: Buffer, cache: 'hit' | 'miss' | 'shared'): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'X-Workbench-Cache': cache });
  res.end(body);
}
