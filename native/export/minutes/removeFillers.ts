// Fillers dropped from a 'clean' transcript. Only the drawn-out forms: bare あの/その/まあ are
// often real words (あの件, その際), so they stay for the clerk to judge.
const FILLER =
  /(?<=^|[、。　\s「（])(?:え[ーっ〜]+と?|ええと|えっと|あ[ーの]ー+|あー+|その[ー〜]+|う[ーん]ー*ん?|ん[ーっ]+|ま[ーぁ]+)[、，,\s　]*/gu;

export function removeFillers(text: string): string {
  return text.replace(FILLER, '').replace(/^[、，\s　]+/, '');
}
