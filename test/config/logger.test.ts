import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, describeUri } from '../../src/observability/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts secrets at any of the first three levels', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info' }, stream);
    logger.info(
      {
        token: 'xoxb-fake-top',
        slack: { botToken: 'xoxb-fake-nested' },
        req: { headers: { authorization: 'Bearer abc' } },
      },
      'connected',
    );
    const output = lines.join('');
    expect(output).toContain('connected');
    expect(output).not.toContain('xoxb-fake-top');
    expect(output).not.toContain('xoxb-fake-nested');
    expect(output).not.toContain('Bearer abc');
    expect(output).toContain('[redacted]');
  });

  it('writes JSON lines with a level label', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info' }, stream).warn('careful');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'warn', msg: 'careful', name: 'stempel' });
  });

  it('strips credentials from connection strings', () => {
    expect(describeUri('mongodb://user:pa55@host:27017/db')).toBe('mongodb://[redacted]@host:27017/db');
    expect(describeUri('mongodb://host:27017')).toBe('mongodb://host:27017');
  });
});
