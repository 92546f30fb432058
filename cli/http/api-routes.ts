import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPERATIONS } from '../../core/model/api.js';
import type { ApiHost } from '../../core/service/api.js';
import { HttpError, readBody, sendJson } from './respond.js';

/** Largest JSON body of an API call; real inputs are a few hundred bytes. */
export const CALL_BODY_LIMIT = 1 << 20;

/**
 * `POST /api/call/:operation` with a JSON body (empty means `{}`): the operation's ApiResult as
 * JSON, HTTP 200 for success and failure alike (errors are data). Unknown operations are 404 and
 * bodies that are not JSON 400, before any work.
 */
export async function handleCall(req: IncomingMessage, res: ServerResponse, api: ApiHost, operation: string): Promise<void> {
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
  const result = await api.call(operation, input);
  sendJson(res, 200, result);
}
