/**
 * The parts of a V8 `.cpuprofile` both profile readers need (cpu-profile-split.ts for search
 * requests, tips-cpuprofile.ts for tip intake): its shape, and its call tree as look-ups from a
 * node id to the node and to its caller, for walking a sample's stack outwards.
 */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function profileTree(profile: CpuProfile): {
  byId: Map<number, ProfileNode>;
  parent: Map<number, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}
