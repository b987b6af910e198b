// The settings file, pure: its versioned schema, defaults, migrations, field-by-field reading, and
// import / export. The file itself is written by electron/core/settings-file.ts.
export * from './clean';
export * from './defaults';
export * from './migrate';
export * from './schema';
export * from './transfer';
