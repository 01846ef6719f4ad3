/** Something about the command line or the data file that stops the evaluation; shown as is. */
export class EvalInputError extends Error {
  override readonly name = "EvalInputError";
}
