import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../../core/model/web.js';
import { ROOT } from '../../helpers/project.js';

describe('what both shells send with the renderer', () => {
  it('renderer/index.html carries the same CSP in its <meta> (frame-ancestors only works as a header)', () => {
    const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta?.split('; ')).toEqual(header);
  });
  it('knows the content types of the built files and treats the rest as bytes', () => {
    expect(contentTypeOf('assets/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
    expect(contentTypeOf('noextension')).toBe('application/octet-stream');
  });
});
