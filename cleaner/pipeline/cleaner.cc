#include "cleaner/pipeline/cleaner.h"

#include "cleaner/detect/content_classifier.h"
#include "cleaner/detect/detectors.h"
#include "cleaner/normalize/decode.h"
#include "cleaner/normalize/normalize.h"
#include "cleaner/segment/segment.h"

namespace cleaner {

Document Cleaner::Clean(std::string_view bytes, const CleanOptions& options) {
  Document doc;
  doc.id = options.id;
  doc.url = options.url;
  DecodedText decoded = DecodeUtf8(bytes);
  if (decoded.IsBinary()) {
    doc.error =
        "binary input (NUL byte at offset " + std::to_string(decoded.first_nul) + "); not cleaned";
    return doc;
  }
  doc.invalid_utf8 = decoded.invalid_sequences;
  if (decoded.invalid_sequences > 0) {
    doc.warnings.push_back(std::to_string(decoded.invalid_sequences) +
                           " invalid UTF-8 sequence(s) replaced with U+FFFD");
  }
  SegmentLines(NormalizeLines(decoded.text), doc);
  Classify(doc, options);
  return doc;
}

void Cleaner::Classify(Document& doc, const CleanOptions& options) {
  if (options.detectors) DetectTitle(doc);
  ApplyRules(rules_, doc, {.site = options.site}, scratch_);
  if (!options.detectors) return;
  DetectRepeatedTitle(doc);
  DetectDuplicates(doc);
  DetectUnrelatedHeadlines(doc);
  DetectUiLabels(doc);
  ClassifyContent(doc);
  DetectOrphanHeadings(doc);
}

}  // namespace cleaner
