// A function backend: echoes who called and how.
export function echo(request) {
  return {
    user: request.pathParams.username,
    method: request.method,
    query: request.query,
    body: request.text(),
  };
}
