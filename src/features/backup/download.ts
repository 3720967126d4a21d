import type { Basket } from '../../bus';

/** Exports the whole log and hands it to the browser as a file download. */
export async function downloadBackup(basket: Basket): Promise<void> {
  const { name, file } = await basket.exportBackup();
  const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
