/** The one function of pako (JSZip's deflate, 1.0.x, no types of its own) the zip writer uses. */
declare module 'pako' {
  const pako: { deflateRaw(data: Uint8Array, options?: { level?: number }): Uint8Array };
  export default pako;
}
