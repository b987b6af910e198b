// Reply verification's public face, shared by the engine and the command-line case runner:
// expected bytes, verdicts, diffs, round-trip statistics and auto-reply matching. Pure.
export { decodeText } from './decode';
export { describeDiff, firstDiff } from './diff';
export {
  checkExpectRule,
  compilePattern,
  concatBytes,
  expectedBytes,
  isCompleteReply,
  type Judgement,
  judgeReply,
} from './judge';
export { checkMatch, type MatchSpec, matchAutoReply } from './match';
export {
  type Percentiles,
  percentiles,
  RTT_RELATIVE_ERROR,
  RttHistogram,
  SoakAccumulator,
} from './stats';
