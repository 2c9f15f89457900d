/**
 * @portal/demo-data: deterministic synthetic data for demos, tests and benchmarks. Every listing is
 * marked `demo: true`; every person and company in it is invented.
 */
export {
  type DemoListing,
  type GenerateDemoListingsOptions,
  generateDemoListings,
} from './generate-listings.ts';
export {
  courtIdOf,
  type DemoCourt,
  type DemoExecutionUnit,
  type DemoOrgStructure,
  generateDemoOrgStructure,
  unitIdOf,
} from './org-structure.ts';
export { Rng, WeightedPicker } from './prng.ts';
