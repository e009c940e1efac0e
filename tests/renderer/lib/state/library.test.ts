import { describe, expect, it } from 'vitest';
import { DROP_NEEDS_DESKTOP, LibraryState } from '../../../../renderer/src/lib/state/library.svelte';
import { FakeBridge, makeReport, makeStatus } from '../../helpers/fake-bridge';

async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('LibraryState', () => {
  it('loads the status on connect and stops listening on disconnect', async () => {
    const bridge = new FakeBridge();
    const library = new LibraryState(bridge);
    const stop = library.connect();
    await settle();
    expect(library.status?.articles).toBe(3);
    expect(library.isEmpty).toBe(false);
    stop();
    expect(
      bridge.progressListeners.size + bridge.libraryListeners.size + bridge.addFolderListeners.size,
    ).toBe(0);
  });

  it('picks a folder with the system dialog on the desktop and adds it', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pickedFolder = '/home/ana/clips';
    const library = new LibraryState(bridge);
    await library.requestFolder();
    expect(bridge.callsOf('addFolder')).toEqual([['/home/ana/clips']]);
    expect(library.status?.folders[0]?.path).toBe('/home/ana/clips');
  });

  it('adds nothing when the folder dialog is cancelled', async () => {
    const bridge = new FakeBridge('electron');
    const library = new LibraryState(bridge);
    await library.requestFolder();
    expect(bridge.callsOf('addFolder')).toEqual([]);
  });

  it('asks for a typed path in a browser instead of a dialog', async () => {
    const bridge = new FakeBridge('http');
    const library = new LibraryState(bridge);
    await library.requestFolder();
    expect(bridge.callsOf('pickFolder')).toEqual([]);
    expect(library.pathDialogOpen).toBe(true);
  });

  it('runs the add-folder flow when the menu asks for it', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pickedFolder = '/p';
    const library = new LibraryState(bridge);
    library.connect();
    bridge.emitAddFolderRequested();
    await settle();
    expect(bridge.callsOf('addFolder')).toEqual([['/p']]);
  });

  it('explains a failed add and keeps the path dialog open', async () => {
    const bridge = new FakeBridge('http');
    bridge.addFolderImpl = () =>
      Promise.resolve({ ok: false, error: { code: 'not-a-folder', message: 'It is a file.' } });
    const library = new LibraryState(bridge);
    library.openPathDialog();
    expect(await library.add('/etc/hosts')).toBe(false);
    expect(library.addError).toBe('Could not add “/etc/hosts”: It is a file.');
    expect(library.pathDialogOpen).toBe(true);
  });

  it('adds the path of each folder dropped on the desktop', async () => {
    const bridge = new FakeBridge('electron');
    bridge.pathForFile = (file) => `/dropped/${file.name}`;
    const library = new LibraryState(bridge);
    await library.drop([new File([], 'clips')]);
    expect(bridge.callsOf('addFolder')).toEqual([['/dropped/clips']]);
  });

  it('explains in a browser that dropping needs the desktop app and asks for the path', async () => {
    const bridge = new FakeBridge('http');
    const library = new LibraryState(bridge);
    await library.drop([new File([], 'clips')]);
    expect(bridge.callsOf('addFolder')).toEqual([]);
    expect(library.pathDialogOpen).toBe(true);
    expect(library.dropNote).toBe(DROP_NEEDS_DESKTOP);
  });

  it('tracks progress until the library says the pass is over, then shows its report once', async () => {
    const bridge = new FakeBridge();
    const library = new LibraryState(bridge);
    library.connect();
    await settle();
    bridge.emitProgress({ phase: 'reading', done: 1, total: 4, rate: 2, etaSeconds: 2 });
    expect(library.indexing).toBe(true);

    const report = makeReport({ indexed: 4 });
    bridge.emitLibrary(makeStatus({ lastReport: report }));
    expect(library.indexing).toBe(false);
    expect(library.report).toEqual(report);

    library.dismissReport();
    bridge.emitLibrary(makeStatus({ lastReport: makeReport({ indexed: 4 }) }));
    expect(library.report).toBeNull();
  });

  it('does not announce a pass that changed nothing', async () => {
    const bridge = new FakeBridge();
    bridge.statusValue = makeStatus({ lastReport: makeReport({ indexed: 0 }) });
    const library = new LibraryState(bridge);
    await library.load();
    expect(library.report).toBeNull();
  });

  it('says when the backend cannot be reached', async () => {
    const bridge = new FakeBridge();
    bridge.status = () => Promise.reject(new Error('401 bad token'));
    const library = new LibraryState(bridge);
    await library.load();
    expect(library.failure).toMatch(/401 bad token/);
  });
});
