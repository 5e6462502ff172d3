// A custom task built from a custom mixin, launched with:
//   npx launch-task --module ./examples/word-count.js WordCount --src notes.txt --dest counts.tsv
import { LocalTarget, Task, p, registerTask } from 'pipewright';
import { WithTextInput } from './with-text-input.js';

export class WordCount extends WithTextInput(Task) {
  static description = 'Counts the words of a text file. Writes word<TAB>count lines, most frequent first.';
  static parameters = {
    ...super.parameters,
    dest: p.path({ description: 'where to write the counts' }),
    minLength: p.int({ default: 1, description: 'ignore shorter words' }),
  };

  output() {
    return new LocalTarget(this.dest);
  }

  async run() {
    const counts = new Map();
    let lines = 0;
    for await (const line of this.inputLines()) {
      for (const word of line.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []) {
        if (word.length < this.minLength) this.incrementCounter('Skip', 'Short Word');
        else counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      if (++lines % 1000 === 0) this.reportProgress({ done: lines, unit: 'lines' });
    }
    this.incrementCounter('Input', 'Lines', lines);
    const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    await this.output().writeText(sorted.map(([word, n]) => `${word}\t${n}\n`).join(''));
  }
}

registerTask(WordCount);
