// Placeholder until the bench is written by its owner.
export async function run(): Promise<void> {
  console.log('(not yet written)');
}
