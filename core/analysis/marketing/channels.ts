/**
 * Which spend column is the online and which the offline channel (issue #11 shared design): a
 * channel is online when its name contains "online" or "온라인", offline when it contains
 * "offline" or "오프라인" (case-insensitive); an explicit choice overrides, and must name a channel.
 */
export interface ChannelChoice {
  /** Index of the online channel in `names`, or −1 when there is none. */
  online: number;
  offline: number;
}

const ONLINE = /online|온라인/i;
const OFFLINE = /offline|오프라인/i;

export function pickChannels(names: readonly string[], online: string | null = null, offline: string | null = null): ChannelChoice {
  const find = (name: string | null, pattern: RegExp, label: string): number => {
    if (name !== null) {
      const i = names.indexOf(name);
      if (i < 0) throw new RangeError(`${label} must be one of the channels (${names.join(', ')}), got '${name}'`);
      return i;
    }
    return names.findIndex((n) => pattern.test(n) && !(pattern === ONLINE && OFFLINE.test(n)));
  };
  return { online: find(online, ONLINE, 'onlineChannel'), offline: find(offline, OFFLINE, 'offlineChannel') };
}
