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

async function request(path, params, accept) {
  let response;
  try {
    response = await fetch(urlFor(path, params), { headers: { Accept: accept } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'the server could not be reached');
  }
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // Not our JSON error body (a proxy's error page); fall back to the status line.
    }
    throw new ApiError(response.status, body?.code ?? `HTTP_${response.status}`, body?.message ?? `${response.status} ${response.statusText}`);
  }
  return response;
}

export async function getJson(path, params) {
  return (await request(path, params, 'application/json')).json();
}

export async function getText(path, params) {
  return (await request(path, params, 'text/plain, */*')).text();
}
