import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMacroContext, expandMacros, type MacroContext, type MacroPart } from './macros';

// Local time, so the expected strings hold in any time zone.
const NOW = new Date(2024, 0, 2, 3, 4, 5, 6);
const ctx = (over: Partial<MacroContext> = {}): MacroContext => ({
  counter: 41,
  now: NOW,
  randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (0xa0 + i) & 0xff),
  ...over,
});

/** Parts shown as text: source ranges as their characters, bytes as [hex]. */
function render(input: string, parts: MacroPart[]): string {
  return parts
    .map((p) => {
      if (p.kind === 'source') return input.slice(p.start, p.end);
      if (p.kind === 'text') return p.text;
      return `[${[...p.bytes].map((b) => b.toString(16)).join(' ')}]`;
    })
    .join('');
}
const expand = (input: string, escapes = false, context = ctx()): string => {
  const result = expandMacros(input, context, { escapes });
  if (!result.ok) throw new Error(`expected parts, got: ${result.error.message}`);
  return render(input, result.parts);
};
const errorOf = (input: string, escapes = false) => {
  const result = expandMacros(input, ctx(), { escapes });
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return result.error;
};

describe('expandMacros', () => {
  it('expands the counter, the date, the time and unix time', () => {
    expect(expand('#{counter}')).toBe('#41');
    expect(expand('{date} {time}')).toBe('2024-01-02 03:04:05.006');
    expect(expand('{unix}')).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(expand('{unixms}')).toBe(String(NOW.getTime()));
    expect(expand('{counter}', false, ctx({ counter: 0 }))).toBe('0');
  });

  it('inserts random bytes as bytes, from the injected source', () => {
    const result = expandMacros('id={random:3};', ctx());
    expect(result).toEqual({
      ok: true,
      parts: [
        { kind: 'source', start: 0, end: 3 },
        { kind: 'bytes', bytes: Uint8Array.of(0xa0, 0xa1, 0xa2) },
        { kind: 'source', start: 13, end: 14 },
      ],
    });
    expect(expand('{random:1024}').split(' ')).toHaveLength(1024);
  });

  it('keeps doubled braces as one literal brace, JSON included', () => {
    expect(expand('{{"n":{counter}}}')).toBe('{"n":41}');
    expect(expand('{{counter}}')).toBe('{counter}');
    expect(expand('no macros')).toBe('no macros');
    expect(expandMacros('', ctx())).toEqual({ ok: true, parts: [] });
  });

  it('refuses an unknown name at its brace', () => {
    expect(errorOf('a{countr}')).toMatchObject({
      index: 1,
      message:
        "'{countr}' at position 2 is not a macro. Use {counter}, {date}, {time}, {unix}, {unixms} or {random:N}; write {{ and }} for braces.",
    });
    expect(errorOf('{}').index).toBe(0);
    expect(errorOf('{COUNTER}').index).toBe(0);
  });

  it('refuses a random byte count outside 1..1024', () => {
    for (const bad of [
      '{random}',
      '{random:0}',
      '{random:1025}',
      '{random:x}',
      '{random:-1}',
      '{random:1.5}',
    ]) {
      expect(errorOf(bad).message).toContain('{random:N} takes a byte count N from 1 to 1024');
    }
  });

  it('refuses an unclosed { and a lone }', () => {
    expect(errorOf('ab{counter')).toMatchObject({
      index: 2,
      message: "'{' at position 3 is not closed. Close the macro with }, or write {{ for a literal brace.",
    });
    expect(errorOf('a}b')).toMatchObject({
      index: 1,
      message: "'}' at position 2 closes nothing. Write }} for a literal brace.",
    });
  });

  it('leaves a brace after a backslash to the escape parser when escapes are on', () => {
    expect(expand('\\\\{counter}', true)).toBe('\\\\41');
    expect(errorOf('a\\{counter}', true)).toMatchObject({
      index: 1,
      message: "'\\{' at position 2 is not an escape. Write {{ for a literal brace.",
    });
    expect(errorOf('\\}', true).message).toContain('Write }} for a literal brace.');
    // Without escapes a backslash is a character like any other.
    expect(expand('\\{counter}', false)).toBe('\\41');
  });

  it('counts positions in characters, an emoji being one', () => {
    expect(errorOf('😀{x}').message).toContain('position 2');
    expect(errorOf('😀{x}').index).toBe(2);
  });

  it('never throws, and gives parts that cover the input, on any input', () => {
    const piece = fc.constantFrom('{', '}', '{{', '}}', 'counter', 'random:', '2', '\\', 'x', '😀', 'date');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece).map((a) => a.join('')),
          fc.string(),
        ),
        fc.boolean(),
        (input, escapes) => {
          const result = expandMacros(input, ctx(), { escapes });
          if (!result.ok) {
            expect(result.error.index).toBeGreaterThanOrEqual(0);
            expect(result.error.index).toBeLessThan(input.length);
            expect(result.error.message).toMatch(/position \d+/);
            return;
          }
          let last = 0;
          for (const part of result.parts) {
            if (part.kind !== 'source') continue;
            expect(part.start).toBeGreaterThanOrEqual(last);
            expect(part.end).toBeGreaterThan(part.start);
            last = part.end;
          }
          expect(last).toBeLessThanOrEqual(input.length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('defaultMacroContext', () => {
  it('counts from 0, tells the time given, and rolls bytes without a platform generator', () => {
    const context = defaultMacroContext(NOW);
    expect(context.counter).toBe(0);
    expect(context.now).toBe(NOW);
    const bytes = context.randomBytes(64);
    expect(bytes).toHaveLength(64);
    expect(new Set(bytes).size).toBeGreaterThan(16);
  });
});

describe('match groups', () => {
  it('expands {0}, {1} ... from an auto-reply match, next to the other macros', () => {
    expect(expand('OK {1}={2} #{counter}', false, ctx({ groups: ['set a 5', 'a', '5'] }))).toBe('OK a=5 #41');
    expect(expand('{{0}} {0}', false, ctx({ groups: ['x'] }))).toBe('{0} x');
  });

  it('names the groups a match has when a template asks for one it lacks', () => {
    const result = expandMacros('{3}', ctx({ groups: ['ab', 'b'] }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe("'{3}' at position 1 is not valid: the match has groups {0} to {1}.");
    const none = expandMacros('{0}', ctx({ groups: [] }));
    if (none.ok) throw new Error('expected an error');
    expect(none.error.message).toContain('the match has no groups');
  });

  it('keeps {0} an unknown macro outside an auto-reply', () => {
    const result = expandMacros('{0}', ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('is not a macro');
  });
});
