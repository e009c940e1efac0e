import { describe, expect, it } from 'vitest';
import { appLocation, isAllowedRequest, isAppPage, isOwnMainFrame } from '../../../electron/main/app-url';

const INDEX = '/opt/My Apps/Quarry/out/renderer/index.html';
const packaged = appLocation(undefined, INDEX);
const dev = appLocation('http://localhost:5173/', INDEX);

describe('appLocation', () => {
  it('follows the dev server when one is given, else the built file', () => {
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
    expect(appLocation('', INDEX)).toEqual({ kind: 'file', indexFile: INDEX });
  });
});

describe('isAppPage', () => {
  it('accepts the index file however Chromium spells its URL', () => {
    expect(isAppPage('file:///opt/My%20Apps/Quarry/out/renderer/index.html', packaged)).toBe(true);
    expect(isAppPage('file:///opt/My%20Apps/Quarry/out/renderer/index.html?x=1#/a', packaged)).toBe(true);
  });

  it('refuses other files, other schemes and nonsense', () => {
    expect(isAppPage('file:///opt/My%20Apps/Quarry/out/renderer/other.html', packaged)).toBe(false);
    expect(isAppPage('https://example.com/index.html', packaged)).toBe(false);
    expect(isAppPage('not a url', packaged)).toBe(false);
    expect(isAppPage('http://localhost:5173/', packaged)).toBe(false);
  });

  it('accepts any page of the dev server in development', () => {
    expect(isAppPage('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows files under the renderer folder only', () => {
    expect(isAllowedRequest('file:///opt/My%20Apps/Quarry/out/renderer/assets/a.css', packaged)).toBe(true);
    expect(isAllowedRequest('file:///opt/My%20Apps/Quarry/out/renderer/../main/index.js', packaged)).toBe(
      false,
    );
    expect(isAllowedRequest('file:///opt/My%20Apps/Quarry/out/renderer-evil/a.js', packaged)).toBe(false);
  });

  it('allows blob and data URLs', () => {
    expect(isAllowedRequest('blob:file:///1234', packaged)).toBe(true);
    expect(isAllowedRequest('data:text/plain,hi', dev)).toBe(true);
  });
});

describe('isOwnMainFrame', () => {
  it('accepts only the top frame showing the app page', () => {
    const url = 'file:///opt/My%20Apps/Quarry/out/renderer/index.html';
    expect(isOwnMainFrame({ url, parent: null }, packaged)).toBe(true);
    expect(isOwnMainFrame({ url, parent: { url } }, packaged)).toBe(false);
    expect(isOwnMainFrame(null, packaged)).toBe(false);
  });
});
