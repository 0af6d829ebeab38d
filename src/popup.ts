// The sign-in popup: opened synchronously (inside the click's user gesture), and watched for being closed.

/** How often a popup's `closed` is read, and how long after it reads true a result may still come. */
const POLL_MS = 500;
const GRACE_MS = 2000;

/** Opens a blank popup centred on the page; null when the browser blocked it. */
export const openPopup = (): Window | null => {
  const w = 500;
  const h = 650;
  const left = screenX + (outerWidth - w) / 2;
  const top = screenY + (outerHeight - h) / 2;
  const popup = open('about:blank', '_blank', `popup,width=${w},height=${h},left=${left},top=${top}`);
  return popup && !popup.closed ? popup : null;
};

/**
 * Calls `onClosed` once the popup has read closed for a grace period. Under COOP `closed` reads true while the popup
 * is still open, so it is only a hint. Returns a function that stops watching.
 */
export const watchClosed = (popup: Window, onClosed: () => void): (() => void) => {
  let closedAt = 0;
  const poll = setInterval(() => {
    if (!popup.closed) closedAt = 0;
    else if (!closedAt) closedAt = Date.now();
    else if (Date.now() - closedAt >= GRACE_MS) {
      clearInterval(poll);
      onClosed();
    }
  }, POLL_MS);
  return () => clearInterval(poll);
};
