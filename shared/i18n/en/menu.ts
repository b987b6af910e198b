// English strings: menu. The keys here are the keys every language must have.
export const menu = {} as const;
