// e-Gov links judged wrong by reading the text around them; docs/accuracy.md lists them with these reasons.
// Key: `file@offset span` as in the links file.
export const EGOV_ERRORS: Readonly<Record<string, string>> = {
  'jp-law-jieitai-ho_S29HO165.txt@21818 第一号':
    'In 「国家公務員法の規定により退職した者であつて第一号、第二号又は第三号に準ずる…」 the 第一号 is the first item of the same paragraph of 自衛隊法 (e-Gov took the law named earlier in the item)',
  'jp-law-jieitai-ho_S29HO165.txt@44513 第八十九条第一項':
    'In the replacement text 「第八十九条第一項において準用する警察官職務執行法第七条…」 the article is 自衛隊法第八十九条 (警察官職務執行法 has eight articles)',
  'jp-law-jieitai-ho_S29HO165.txt@45537 第九十条第一項': '「警察官職務執行法及び第九十条第一項の規定は」 names 自衛隊法第九十条 (警察官職務執行法 has eight articles)',
  'jp-law-jieitai-ho_S29HO165.txt@45883 この項': '「この項において準用する…」 is the paragraph of 自衛隊法 it stands in, not a provision of 警察官職務執行法',
  'jp-law-jieitai-ho_S29HO165.txt@77252 第一号':
    '「地方自治法…第二条第九項第一号に規定する第一号法定受託事務」: 第一号法定受託事務 is the defined term (a class of affairs), not item 1 of a provision; the provision it comes from is cited just before it (labelled case ja-neg-026)',
  'jp-law-jitai-taisho-ho_H15HO079.txt@6852 第二条第四号': '「第二条第四号ロに掲げる機関」 is this law’s own 第二条第四号 (its list of 指定行政機関), not 国家行政組織法 (noted in the corpus SOURCES too)',
  'jp-law-jitai-taisho-ho_H15HO079.txt@6867 同号': '「同号ニに掲げる機関」 follows 第二条第四号ロ of this law: its own 第二条第四号',
};
