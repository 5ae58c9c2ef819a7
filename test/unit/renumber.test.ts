// Safe renumbering: on an article label of a treaty document, code actions insert an article after it or
// delete it, renumber the articles that follow in every language version, and rewrite the citations of
// every renumbered article across the workspace, in one workspace edit.
import { describe, expect, it } from 'vitest';
import { type CodeAction } from '../../server/src/core/index';
import { dedent, indexFixture } from '../fixture';

/** The refactor actions at `$0` (titled in Japanese): title, and every file the edit changes, as it reads afterwards. */
function refactors(...sources: string[]): { title: string; disabled?: string; files: Record<string, string> }[] {
  const { fixture, service } = indexFixture(sources.map(dedent).join('\n'), { language: 'ja' });
  const { uri, offset } = fixture.cursor!;
  return service
    .getCodeActions(uri, { start: offset, end: offset }, [])
    .filter((action: CodeAction) => action.kind === 'refactor')
    .map((action) => {
      const files: Record<string, string> = {};
      for (const { uri: target, edits } of action.edit.changes) {
        let text = fixture.files.get(target)!;
        for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
        files[target.replace('file://', '')] = text;
      }
      return action.disabled === undefined ? { title: action.title, files } : { title: action.title, disabled: action.disabled, files };
    });
}

const TREATY = `
  //- /treaties/kyotei.md
  ---
  treaty: kyotei
  title: 海洋協定
  lang: ja
  ---
  ## 第1条（目的）
  目的を定める。

  ## 第2条（定義）
  用語を定義する。次条及び第4条も参照する。

  ## 第3条（協力）
  前条の用語により協力する。

  ## 第4条（紛争）
  第三条の協力に関する紛争は協議で解決する。
`;

const ANALYSIS = `
  //- /analyses/note.md
  ---
  cites: kyotei
  ---
  第２条は定義、第三条は協力、第4条は紛争を定める。第1条は目的である。
`;

describe('inserting an article', () => {
  it('inserts the new label after the article, renumbers the following ones and every citation of them', () => {
    const [insert] = refactors(TREATY.replace('## 第2条', '## 第2$0条'), ANALYSIS);
    expect(insert!.title).toBe('第2条の後に条を挿入し、第3条–第4条を繰り下げる');
    expect(insert!.files).toEqual({
      '/treaties/kyotei.md': dedent(`
        ---
        treaty: kyotei
        title: 海洋協定
        lang: ja
        ---
        ## 第1条（目的）
        目的を定める。

        ## 第2条（定義）
        用語を定義する。第4条及び第5条も参照する。

        ## 第3条

        ## 第4条（協力）
        第2条の用語により協力する。

        ## 第5条（紛争）
        第四条の協力に関する紛争は協議で解決する。
      `),
      '/analyses/note.md': dedent(`
        ---
        cites: kyotei
        ---
        第２条は定義、第四条は協力、第5条は紛争を定める。第1条は目的である。
      `),
    });
  });

  it('renumbers nothing when the next number is free', () => {
    const [insert] = refactors(TREATY.replace('## 第4条', '## 第4$0条'), ANALYSIS);
    expect(insert!.title).toBe('第4条の後に条を挿入');
    expect(Object.keys(insert!.files)).toEqual(['/treaties/kyotei.md']);
    expect(insert!.files['/treaties/kyotei.md']!.endsWith('第三条の協力に関する紛争は協議で解決する。\n\n## 第5条\n')).toBe(true);
  });

  it('after a branch article, inserts the next branch and moves the later branches only', () => {
    const [insert] = refactors(`
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第6条
      本文。
      ## 第6条の2$0
      本文。
      ## 第6条の3
      本文。
      ## 第7条
      本文。
    `);
    // No blank lines between the articles here, so none before the new one either.
    expect(insert!.files['/treaties/t.md']).toContain('## 第6条の2\n本文。\n## 第6条の3\n## 第6条の4\n本文。\n## 第7条');
  });

  it('inserts and renumbers in every language version of the treaty, in its own style', () => {
    const [insert] = refactors(
      TREATY.replace('## 第3条', '## 第3$0条'),
      `
        //- /treaties/kyotei.en.md
        ---
        treaty: kyotei
        title: Maritime Agreement
        lang: en
        ---
        ## Article 3
        Cooperate.

        ## Article 4
        Disputes under Article 3.
      `,
      `
        //- /analyses/en.md
        See Article 4 of the Maritime Agreement.
      `,
    );
    expect(insert!.files['/treaties/kyotei.en.md']).toContain('## Article 3\nCooperate.\n\n## Article 4\n\n## Article 5\nDisputes under Article 3.');
    expect(insert!.files['/analyses/en.md']).toBe('See Article 5 of the Maritime Agreement.\n');
  });

  it('is offered only with the cursor on the article’s label line', () => {
    expect(refactors(TREATY.replace('用語を定義する', '用語を$0定義する'))).toEqual([]);
  });

  it('writes the new label on its own line in e-Gov plain text, where no blank lines part the articles', () => {
    const [insert] = refactors(`
      //- /laws/ho.txt
      ---
      treaty: ho
      title: 自衛隊法
      ---
      （目的）
      第一条$0　この法律は、目的を定める。
      （任務）
      第二条　自衛隊は、任務を行う。第一条の目的による。
    `);
    expect(insert!.files['/laws/ho.txt']).toBe(
      dedent(`
        ---
        treaty: ho
        title: 自衛隊法
        ---
        （目的）
        第一条　この法律は、目的を定める。
        第二条
        （任務）
        第三条　自衛隊は、任務を行う。第一条の目的による。
      `),
    );
  });
});

describe('deleting an article', () => {
  it('removes it with its blank lines and renumbers the following articles and their citations', () => {
    const source = `
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第1条
      目的。

      ## 第2条$0
      削る。

      ## 第3条
      第4条を準用する。

      ## 第4条
      紛争。
    `;
    const [, remove] = refactors(source, `\n//- /note.md\nT条約第3条及び第4条。`);
    expect(remove!.title).toBe('第2条を削除し、第3条–第4条を繰り上げる');
    expect(remove!.files).toEqual({
      '/treaties/t.md': dedent(`
        ---
        treaty: t
        title: T条約
        ---
        ## 第1条
        目的。

        ## 第2条
        第3条を準用する。

        ## 第3条
        紛争。
      `),
      '/note.md': 'T条約第2条及び第3条。',
    });
  });

  it('is disabled, with the reason, while other documents or articles cite the article', () => {
    const [, remove] = refactors(TREATY.replace('## 第3条', '## 第3$0条'), ANALYSIS);
    expect(remove).toEqual({
      title: '第3条を削除し、第4条を繰り上げる',
      disabled: '第3条は2件の文書で3回引用されています。先に引用を直してください',
      files: {},
    });
  });

  it('counts a relative citation of the article (前条 in the next one) as a citation, and leaves the others as they are', () => {
    const [, remove] = refactors(`
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第1条
      目的。

      ## 第2条$0
      削る。

      ## 第3条
      第1条と前条を見る。

      ## 第4条
      前条に従う。
    `);
    // 前条 in 第3条 is 第2条, so the deletion is disabled; 前条 in 第4条 would stay right as it is.
    expect(remove!.disabled).toContain('第2条は1件の文書で1回引用されています');
  });
});

describe('relative citations next to an insertion', () => {
  it('become absolute when the inserted article would come between them and their article', () => {
    const [insert] = refactors(`
      //- /treaties/t.md
      ---
      treaty: t
      title: T条約
      ---
      ## 第1条$0
      次条に定める。

      ## 第2条
      前条に従う。

      ## 第3条
      前条に従う。
    `);
    expect(insert!.files['/treaties/t.md']).toBe(
      dedent(`
        ---
        treaty: t
        title: T条約
        ---
        ## 第1条
        第3条に定める。

        ## 第2条

        ## 第3条
        第1条に従う。

        ## 第4条
        前条に従う。
      `),
    );
  });
});
