// English strings: settings. The keys here are the keys every language must have.
export const settings = {} as const;
