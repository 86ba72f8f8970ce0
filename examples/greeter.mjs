// A class backend with userConfig: reconfigure() changes the greeting without a restart.
import { getReplicaContext } from '@troupe/serve';

export class Greeter {
  constructor(punctuation = '!') {
    this.punctuation = punctuation;
    this.greeting = 'Hello';
  }

  reconfigure(userConfig) {
    this.greeting = userConfig.greeting ?? 'Hello';
  }

  call(request) {
    const name = request.pathParams.name ?? request.data ?? 'world';
    return `${this.greeting}, ${name}${this.punctuation} (from ${getReplicaContext().replica})`;
  }
}
