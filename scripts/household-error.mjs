// The error a household command reports to the person as it is, without a stack.
export class HouseholdError extends Error {
  name = 'HouseholdError';
}
