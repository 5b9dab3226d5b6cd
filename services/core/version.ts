// The app's version, written into every export so a file says which Gongkai produced it.
// A constant rather than a read of package.json: the web bundle has no file system
// (tests/search/version.test.ts keeps it equal to package.json's "version").
export const APP_VERSION = '0.1.0';
