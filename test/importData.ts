// Test data for the import: e-Gov's XML of 行政手続法 (test/data/corpus/egov-xml), and answers of the e-Gov law API v2
// derived from it. The law_data tree is built here with htmlparser2's XML mode, a parser the product does not use for
// XML, so the XML and JSON paths are checked against each other and not against themselves.

import { parseDocument } from 'htmlparser2';
import { readCorpus } from './corpus/corpus';

export const GYOSEI_XML_FILE = 'egov-xml/405AC0000000088_20240401_504AC0100000052.xml';
export const GYOSEI_LAW_ID = '405AC0000000088';

export const gyoseiXml = (): string => readCorpus(GYOSEI_XML_FILE);

interface JsonNode {
  tag: string;
  attr: Record<string, string>;
  children: (JsonNode | string)[];
}

interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomNode[];
}

function toJson(node: DomNode): JsonNode | string | null {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag') return null;
  return {
    tag: node.name!,
    attr: { ...(node.attribs ?? {}) },
    children: (node.children ?? []).map(toJson).filter((child): child is JsonNode | string => child !== null),
  };
}

/** The law tree of the XML as the API's law_data writes it: `{tag, attr, children}`. */
export function gyoseiTree(): JsonNode {
  const document = parseDocument(gyoseiXml(), { xmlMode: true }) as unknown as DomNode;
  const law = (document.children ?? []).map(toJson).find((node): node is JsonNode => typeof node !== 'string' && node !== null && node.tag === 'Law');
  return law!;
}

/** A law_data answer for 行政手続法 as of 2024-04-01. */
export function gyoseiLawData(): unknown {
  return {
    attached_files_info: null,
    law_info: {
      law_type: 'Act',
      law_id: GYOSEI_LAW_ID,
      law_num: '平成五年法律第八十八号',
      law_num_era: 'Heisei',
      law_num_year: 5,
      law_num_type: 'Act',
      law_num_num: '088',
      promulgation_date: '1993-11-12',
    },
    revision_info: {
      law_revision_id: '405AC0000000088_20240401_504AC0100000052',
      law_type: 'Act',
      law_title: '行政手続法',
      law_title_kana: 'ぎょうせいてつづきほう',
      abbrev: '行手法',
      category: '行政手続',
      updated: '2024-04-01T00:00:00+09:00',
      amendment_enforcement_date: '2024-04-01',
    },
    law_full_text: gyoseiTree(),
  };
}

/** One entry of a /laws answer. */
export function lawsEntry(lawId: string, title: string, lawNumber: string): unknown {
  return {
    law_info: { law_type: 'Act', law_id: lawId, law_num: lawNumber, promulgation_date: '1993-11-12' },
    revision_info: { law_revision_id: `${lawId}_20240401_000000000000000`, law_type: 'Act', law_title: title, abbrev: '' },
    current_revision_info: { law_revision_id: `${lawId}_20240401_000000000000000`, law_title: title },
  };
}
