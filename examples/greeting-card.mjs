// Composition: a backend that calls another endpoint (greeter) through a handle.
import { connect } from '@troupe/serve';

let client;
export async function greetingCard(request) {
  client ??= await connect();
  const greeter = await client.getHandle('greeter');
  const name = request.pathParams.name;
  return { card: `A card for ${name}`, greeting: await greeter.remote(name) };
}
