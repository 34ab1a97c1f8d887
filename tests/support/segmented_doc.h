// Helpers for detector tests: a Document segmented from lines as the pipeline
// would (normalize + segment, no rules), and the texts a detector kept.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "cleaner/document.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"

namespace cleaner::testing_support {

using Strings = std::vector<std::string>;

inline Document MakeDoc(const Strings& lines) {
  std::string text;
  for (const std::string& l : lines) text.append(l).append("\n");
  Document doc;
  SegmentLines(NormalizeLines(text), doc);
  return doc;
}

inline Strings Kept(const Document& doc) {
  Strings out;
  for (const Block& b : doc.blocks) {
    if (b.verdict == Verdict::kKeep) out.push_back(b.text);
  }
  return out;
}

inline Strings Concat(std::initializer_list<Strings> parts) {
  Strings out;
  for (const Strings& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

}  // namespace cleaner::testing_support
