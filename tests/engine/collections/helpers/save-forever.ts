// Child process of the crash-safety test: saves ever newer versions of one collection until killed.
import { CollectionStore } from '../../../../electron/engine/collections/store';
import { versionOf } from './versions';

const [dataDir, startArg] = process.argv.slice(2);
const store = new CollectionStore(dataDir!);

async function saveForever(): Promise<never> {
  let version = Number(startArg ?? '0');
  process.stdout.write('ready\n');
  for (;;) {
    version++;
    await store.save(versionOf(version));
  }
}

void saveForever();
