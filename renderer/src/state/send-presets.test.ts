// Quick-send presets: names, save and edit in place, delete, and the JSON file both ways, with the
// first fault of a bad file put in a sentence and nothing half-imported.
import { describe, expect, it } from 'vitest';
import {
  createPresetsStore,
  deletePreset,
  exportPresets,
  importPresets,
  MAX_PRESETS,
  mergePresets,
  presetNameProblem,
  type SendPreset,
  savePreset,
} from './send-presets';

const preset = (name: string, message = 'hello', extra: Partial<SendPreset> = {}): SendPreset => ({
  name,
  message,
  encodeAs: 'ascii',
  lineEnding: 'crlf',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
  ...extra,
});

describe('presets', () => {
  it('needs a unique name of sensible length', () => {
    const list = [preset('Ping')];
    expect(presetNameProblem(list, '  ')).toBe('Enter a name for the preset.');
    expect(presetNameProblem(list, 'Ping')).toBe('A preset named “Ping” exists already.');
    expect(presetNameProblem(list, 'Ping', 'Ping')).toBeUndefined();
    expect(presetNameProblem(list, 'x'.repeat(61))).toMatch(/at most 60/);
  });

  it('saves new ones at the end, edits in place and deletes by name', () => {
    let list = savePreset([], preset(' Ping '));
    list = savePreset(
      list,
      preset('Read coils', '01 01 00 00 00 08', { encodeAs: 'hex', checksum: 'crc16-modbus' }),
    );
    expect(list.map((p) => p.name)).toEqual(['Ping', 'Read coils']);
    list = savePreset(list, preset('PING', 'PING\\r\\n'), 'Ping');
    expect(list.map((p) => `${p.name}=${p.message}`)).toEqual([
      'PING=PING\\r\\n',
      'Read coils=01 01 00 00 00 08',
    ]);
    expect(deletePreset(list, 'PING').map((p) => p.name)).toEqual(['Read coils']);
  });

  it('exports a versioned file that imports back to the same presets', () => {
    const list = [
      preset('a'),
      preset('b', '01 02', { encodeAs: 'hex', checksum: 'crc16-modbus', checksumOrder: 'le' }),
    ];
    const text = exportPresets(list);
    expect(JSON.parse(text)).toMatchObject({ format: 'socketbench-presets', version: 1 });
    expect(importPresets(text)).toEqual({ ok: true, presets: list });
  });

  it('reads a bare list, filling what a hand-written file leaves out', () => {
    const result = importPresets('[{"name":"hi","message":"hi"}]');
    expect(result).toEqual({ ok: true, presets: [preset('hi', 'hi', { lineEnding: 'none' })] });
  });

  it('refuses a bad file with the reason, importing nothing', () => {
    const reason = (text: string) => {
      const r = importPresets(text);
      return r.ok ? 'imported' : r.reason;
    };
    expect(reason('{nope')).toMatch(
      /^This file is not JSON \(.+\)\. Choose a file made by Export presets\.$/,
    );
    expect(reason('{"format":"other-tool"}')).toBe(
      'This JSON is not a presets file (its format is "other-tool").',
    );
    expect(reason('{"format":"socketbench-presets","version":2,"presets":[]}')).toMatch(/version 2/);
    expect(reason('{"presets":"x"}')).toBe('This JSON has no list of presets (a "presets" array).');
    expect(reason('[{"message":"x"}]')).toBe('Preset 1 has no name.');
    expect(reason('[{"name":"a","message":"x"},{"name":"b"}]')).toBe('Preset 2 (“b”) has no message.');
    expect(reason('[{"name":"a","message":"x","encodeAs":"ebcdic"}]')).toBe(
      'Preset 1 (“a”): encodeAs is "ebcdic", which is not one of ascii, utf-8, gbk, gb18030, latin1, utf-16le, utf-16be, hex, base64.',
    );
    expect(reason('[{"name":"a","message":"x","macros":"yes"}]')).toBe(
      'Preset 1 (“a”): macros must be true or false.',
    );
    expect(reason('[{"name":"a","message":"x"},{"name":"a","message":"y"}]')).toBe(
      'Two presets are named “a”: names must differ.',
    );
    expect(
      reason(JSON.stringify(Array.from({ length: MAX_PRESETS + 1 }, (_, i) => preset(`p${i}`)))),
    ).toMatch(/at most 200 fit/);
  });

  it('merges an import: same names replaced in place, new ones appended', () => {
    const merged = mergePresets([preset('a', '1'), preset('b', '2')], [preset('b', 'new'), preset('c', '3')]);
    expect(merged.map((p) => `${p.name}=${p.message}`)).toEqual(['a=1', 'b=new', 'c=3']);
  });

  it('starts from the saved presets', () => {
    const first = createPresetsStore();
    first.set([preset('kept')]);
    expect(createPresetsStore(first.getState().presets).getState().presets).toEqual([preset('kept')]);
  });
});
