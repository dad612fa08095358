/** A file chosen in the browser, as base64 for the contract (the services decode and check it). */
export const MAX_BYTES = 100 * 1024 * 1024;

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`lecture de « ${file.name} » impossible`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
