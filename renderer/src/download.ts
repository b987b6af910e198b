// Hands a file to the browser as a download (Electron shows its save dialog for it): the one way the
// renderer writes files, so it never needs a path on the user's disk.

export function download(name: string, mime: string, parts: (string | Uint8Array)[]): void {
  const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; the URL need not outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
