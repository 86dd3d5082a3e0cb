// Copy and download buttons for a block of generated text (redirect files). The download is a
// Blob URL made on click and revoked right after, so nothing lingers and no request is made.
import { h } from '../dom.js';

async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Without the async clipboard (plain HTTP on another host), a hidden selection still copies.
  const area = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

/** A copy button that says whether it worked; `getText` is read at click time. */
export function copyButton(getText, label = 'Copy') {
  const status = h('span', { class: 'muted copy-status', role: 'status' });
  const button = h('button', {
    type: 'button',
    class: 'button copy-button',
    text: label,
    on: {
      click: async () => {
        try {
          await copyText(getText());
          status.textContent = 'Copied';
        } catch (error) {
          status.textContent = `Could not copy: ${error.message}`;
        }
        setTimeout(() => (status.textContent = ''), 2500);
      },
    },
  });
  return [button, status];
}

/** A download button saving `getText()` as `getName()`. */
export function downloadButton(getText, getName, type = 'text/plain') {
  return h('button', {
    type: 'button',
    class: 'button download-button',
    text: 'Download',
    on: {
      click: () => {
        const url = URL.createObjectURL(new window.Blob([getText()], { type: `${type};charset=utf-8` }));
        const link = document.createElement('a');
        // Set directly: the blob: URL is ours, made a line above, and h() only passes site paths.
        link.href = url;
        link.download = getName();
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
    },
  });
}
