// 简体中文: the window's frame and the language names. Same keys as the English file; a missing or
// extra key fails to compile.
import type { common as en } from '../en/common';

export const common: Record<keyof typeof en, string> = {
  'app.name': 'SocketBench',
  'app.testCases': '测试用例',
  'language.en': 'English',
  'language.zh-CN': '简体中文',
};
