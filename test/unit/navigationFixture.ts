// The workspace the hover, definition and references tests share: a Japanese treaty, an English one, and analyses.
export const TREATIES = `
//- /treaties/kaiyo.md
---
treaty: kaiyo
title: 海洋協力協定
---
## 第4条（協議）
締約国は、相互に協議する。
## 第5条（援助）
締約国は、遭難した船舶を援助する。

２　前項の援助は、無償とする。
//- /treaties/harbor.md
---
treaty: harbor
title: Convention on Harbor Safety
lang: en
---
## Article 1
A State Party shall keep its harbors safe.
`;
