// Typed path parameters arrive as numbers: /add/{a:int}/{b:float}.
export const add = (request) => ({ sum: request.pathParams.a + request.pathParams.b });
