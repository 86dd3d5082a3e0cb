// The page talks to the same API as everyone else; errors arrive as {code, message}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function urlFor(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

/** fetch, with a server that cannot be reached turned into an ApiError. */
export async function reach(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server could not be reached');
  }
}

/** A failed response as an ApiError: the server's `{code, message}`, else (a proxy's error page) the status line. */
export function responseError(response, body) {
  return new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, body?.message ?? `${response.status} ${response.statusText}`);
}

async function request(path, params, accept) {
  const response = await reach(urlFor(path, params), { headers: { Accept: accept } });
  if (!response.ok) throw responseError(response, await response.json().catch(() => null));
  return response;
}

export async function getJson(path, params) {
  return (await request(path, params, 'application/json')).json();
}

export async function getText(path, params) {
  return (await request(path, params, 'text/plain, */*')).text();
}
