// Placeholder until the command is built; replaced by its owner.
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('dabiao serve: 尚未实现 / not implemented yet\n');
  return 1;
}
