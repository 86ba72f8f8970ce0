// Echo backends for the Troupe scenarios. HTTP GETs carry no body, so they get the same
// "hello world" the bare Koa baseline answers, keeping response sizes equal across rows.

export function echo(request) {
  if (request.data !== undefined) return request.data;
  const body = request.body;
  return body !== undefined && body.length > 0 ? request.text() : 'hello world';
}

/** For `/api/{user_id:int}/{number:float}`: the typed path parameters, as JSON. */
export function typedEcho(request) {
  const { user_id, number } = request.pathParams;
  return { user_id, number };
}
