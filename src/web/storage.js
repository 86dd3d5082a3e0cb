// Settings kept in the browser (localStorage) or in this tab (sessionStorage). Storage can be off
// (private windows, blocked cookies): reads then find nothing and writes last for this page only.

/** The stored value, or null when there is none or storage is off. */
export function readSetting(area, key) {
  try {
    return window[area].getItem(key);
  } catch {
    return null;
  }
}

/** Stores the value; null removes it. */
export function writeSetting(area, key, value) {
  try {
    if (value === null) window[area].removeItem(key);
    else window[area].setItem(key, value);
  } catch {
    // Storage off: the value lasts as long as the page keeps it.
  }
}
