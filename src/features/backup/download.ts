import type { Basket } from '../../bus';
import { downloadJson } from '../../ui/download';

/** Exports the whole log and hands it to the browser as a file download; gives the file's name. */
export async function downloadBackup(basket: Basket): Promise<string> {
  const { name, file } = await basket.exportBackup();
  downloadJson(name, file);
  return name;
}
