// The About box's text: the product, its version and the Electron, Chromium and Node.js inside it,
// translated, with the same details as plain text for a bug report. Pure.
import { type Language, translate } from '../../shared/i18n/catalog';

export interface AboutInfo {
  appName: string;
  version: string;
  /** process.versions: electron, chrome, node. */
  versions: Readonly<Record<string, string | undefined>>;
}

export interface AboutBox {
  title: string;
  message: string;
  detail: string;
  buttons: [ok: string, copy: string];
  /** What "Copy details" puts on the clipboard: always English, for a bug report anyone can read. */
  copyText: string;
}

function lines(language: Language, info: AboutInfo): string[] {
  const { electron = '?', chrome = '?', node = '?' } = info.versions;
  return [
    translate(language, 'menu.aboutVersion', { version: info.version }),
    translate(language, 'menu.aboutRuntime', { electron, chrome, node }),
  ];
}

/** `system`: the OS as a bug report wants it, e.g. "linux x64". */
export function aboutBox(language: Language, info: AboutInfo, system: string): AboutBox {
  return {
    title: translate(language, 'menu.about', { app: info.appName }),
    message: info.appName,
    detail: [...lines(language, info), '', translate(language, 'menu.aboutSummary')].join('\n'),
    buttons: [translate(language, 'menu.aboutOk'), translate(language, 'menu.aboutCopy')],
    copyText: [`${info.appName} ${info.version}`, ...lines('en', info).slice(1), system].join('\n'),
  };
}
