// Reply verification's public face, shared by the engine and the command-line case runner:
// expected bytes, verdicts, diffs, round-trip statistics and auto-reply matching. Pure.
export { decodeText } from './decode';
export { type DiffLine, describeDiff, diffLines, firstDiff, type Wording } from './diff';
export {
  checkExpectRule,
  compilePattern,
  compileRegex,
  concatBytes,
  expectedBytes,
  expectRuleProblem,
  isCompleteReply,
  type Judgement,
  judgeReply,
  type Said,
} from './judge';
export { checkMatch, type MatchSpec, matchAutoReply, matchProblem } from './match';
export {
  type Percentiles,
  percentiles,
  RTT_RELATIVE_ERROR,
  RttHistogram,
  SoakAccumulator,
} from './stats';
