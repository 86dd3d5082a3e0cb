// diff2html is only needed once a file is opened, so its bundle is loaded then, not with the page.
let loading = null;

export function loadDiff2Html() {
  if (window.Diff2Html) return Promise.resolve(window.Diff2Html);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/diff2html.min.js';
    script.async = true;
    script.addEventListener('load', () => (window.Diff2Html ? resolve(window.Diff2Html) : reject(new Error('diff2html did not load'))));
    script.addEventListener('error', () => {
      loading = null;
      reject(new Error('diff2html could not be loaded'));
    });
    document.head.append(script);
  });
  return loading;
}
