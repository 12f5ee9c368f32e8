// Every view reads the same HTTP API that other clients use; nothing here has a private channel to the server.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The API answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export function apiUrl(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.pathname + url.search;
}

export async function getJson(path, params) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return { body: await response.json(), response };
}

/** Fetches the CSV form of a read (Accept: text/csv) and saves it under the name the API gives. */
export async function downloadCsv(path, params) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: 'text/csv' } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'tracker.csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

let register;
/** The whole register, defunct authorities included (for search and names), fetched once per page load. */
export function authorities() {
  register ??= getJson('/api/authorities', { includeDefunct: 'true', pageSize: '500' })
    .then(r => r.body)
    .catch(error => { register = undefined; throw error; });
  return register;
}

/** Finds an authority by any code, slug or name, as the API's {authority} does, plus exact names. */
export function findAuthority(list, text) {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const keys = a => [a.id, a.dfeCode, a.gssCode, a.urn, a.slug, a.name];
  return list.find(a => keys(a).some(v => v && String(v).toLowerCase() === q)) ?? null;
}
