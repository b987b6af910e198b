// English strings: the window's frame (brand, regions, the error boundary) and the language names.
// The keys here are the keys every language must have.
export const common = {
  'app.name': 'SocketBench',
  'app.testCases': 'Test cases',
  'language.en': 'English',
  'language.zh-CN': '简体中文',
} as const;
