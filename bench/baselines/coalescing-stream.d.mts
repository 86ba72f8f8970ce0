export interface CoalescingStream {
  call(payload: Uint8Array): Promise<Uint8Array>;
  close(): void;
}
export function openCoalescingStream(address: string): CoalescingStream;
