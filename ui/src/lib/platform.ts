//! Which desktop the window runs on, as the webview's user agent says, for the one thing the
//! stylesheet cannot decide alone: the UI font (see `--font` in app.css). WebKitGTK does not know
//! `system-ui` and pays a failed font-config lookup per size and weight for it, while WKWebView
//! (macOS) and WebView2 (Windows) map it to the system's own UI font.

export type Platform = 'macos' | 'windows' | 'linux';

export function platformOf(userAgent: string): Platform {
  if (/Windows NT/.test(userAgent)) return 'windows';
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'macos';
  return 'linux';
}

/** Sets `data-platform` on the root element before the first render, so the first frame has the right font. */
export function markPlatform(root: HTMLElement, userAgent: string): void {
  root.dataset.platform = platformOf(userAgent);
}
