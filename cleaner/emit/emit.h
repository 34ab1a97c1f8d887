// Output formats. Emitters only format what classification decided; they never
// decide. Text: the body, one block per line, title excluded, one final newline
// (nothing at all for an empty body). JSON/JSONL: title, body, removed blocks
// with their rule ids, flags and counts. Explain: every input line with KEEP or
// DROP and the rule or detector that decided.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cleaner/document.h"

namespace cleaner {

std::string BodyText(const Document& doc);
std::string TitleText(const Document& doc);

nlohmann::ordered_json ToJson(const Document& doc);

// Human-readable decision per input line, for --explain.
std::string ExplainText(const Document& doc);

}  // namespace cleaner
